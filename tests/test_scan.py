"""The skipping scanner finds exactly what finditer finds, on every rule that
declares its start characters or its words and reach, and those declarations
cover every match of its examples and of the shipped plans."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from extract.text import scan
from extract import rules

# Long texts (the scanner only skips from scan.SHORT characters on) built
# from each rule's own examples, with ugly neighbours: digits, dots, spaces.
FILLERS = ["", "第3", "12.", "　", " 近", "\n（", "2021"]


CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def _rules():
    return [pytest.param(rule, id=f"{key}:{rule.id}")
            for key, rule in rules.all_pattern_rules()
            if key.startswith("dates:") or rule.data.get("starts") or rule.data.get("holds")]


def _windowed():
    return [pytest.param(rule, id=f"{key}:{rule.id}")
            for key, rule in rules.all_pattern_rules() if rule.data.get("holds")]


@pytest.fixture(scope="module")
def plans_text():
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt")))


@pytest.mark.parametrize("rule", _rules())
def test_scanner_matches_finditer(rule):
    scanner = scan.for_rule(rule)
    words = list(rule.examples) + list(rule.counter_examples)
    text = "".join(f"{FILLERS[i % len(FILLERS)]}{w}" for i, w in enumerate(words * 3))
    text = (text + "。各单位按要求完成。") * max(1, scan.SHORT // max(1, len(text)) + 1)
    want = [(m.span(), m.groups()) for m in rule.regex.finditer(text)]
    assert [(m.span(), m.groups()) for m in scanner.finditer(text)] == want


@pytest.mark.parametrize("rule", _rules())
def test_declared_starts_cover_every_example_match(rule):
    starts = rule.data.get("starts")
    if starts is None:
        assert scan.for_rule(rule).nonempty is False     # plain finditer, nothing skipped
        return
    first = re.compile(starts)
    for example in rule.examples:
        for m in rule.regex.finditer(example):
            assert m.end() > m.start() and first.match(example, m.start()), (rule.id, example)


@pytest.mark.parametrize("rule", _windowed())
def test_declared_words_and_reach_cover_every_example_match(rule):
    assert isinstance(rule.data.get("reach"), int), "holds needs reach"
    for example in rule.examples:
        for m in rule.regex.finditer(example):
            assert any(w in m.group() for w in rule.data["holds"]), (rule.id, example)
            assert m.end() - m.start() <= rule.data["reach"], (rule.id, example)


@pytest.mark.parametrize("rule", _rules())
def test_scanner_matches_finditer_on_the_shipped_plans(rule, plans_text):
    want = [(m.span(), m.groups()) for m in rule.regex.finditer(plans_text)]
    assert [(m.span(), m.groups()) for m in scan.finditer(rule, plans_text)] == want


def _anchored():
    return [pytest.param(rule, id=f"{key}:{rule.id}")
            for key, rule in rules.all_pattern_rules() if rule.data.get("anchor")]


@pytest.mark.parametrize("rule", _anchored())
def test_declared_anchor_and_lead_cover_every_example_match(rule):
    """Every match of an anchored rule starts at most ``lead`` characters before
    a match of its anchor (as finditer finds the anchor in the same text)."""
    anchor, lead = re.compile(rule.data["anchor"]), rule.data["lead"]
    for example in rule.examples:
        starts = [a.start() for a in anchor.finditer(example)]
        for m in rule.regex.finditer(example):
            assert any(a - lead <= m.start() <= a for a in starts), (rule.id, example)


def test_a_lead_below_the_longest_month_number_would_miss_it():
    # the check above can fail: 12月 starts two characters before its 月
    month = next(r for _, r in rules.all_pattern_rules() if r.id == "month_date")
    text = "各单位于12月 31日前完成整改，" * 8
    want = [m.span() for m in month.regex.finditer(text)]
    assert want and [m.span() for m in scan.for_rule(month).finditer(text)] == want
    short = scan.Scanner(month.regex, month.data["starts"], anchor=month.data["anchor"], lead=1)
    assert [m.span() for m in short.finditer(text)] != want


def test_windows_before_each_word_find_every_match():
    regex = re.compile(r"(?P<name>[\u4e00-\u9fff]{2,3})同志(?:兼任|担任)")
    text = ("一般的文字，" * 30 + "王小明同志兼任，李四同志担任。") * 3 + "赵六同志担任"
    scanner = scan.Scanner(regex, holds=["同志"], reach=7)
    want = [m.span() for m in regex.finditer(text)]
    assert len(want) == 7 and [m.span() for m in scanner.finditer(text)] == want


def test_a_reach_below_the_longest_match_would_cut_it():
    # the checks above can fail: a reach shorter than a match moves its start
    regex = re.compile(r"(?P<name>[\u4e00-\u9fff]{2,3})同志(?:兼任|担任)")
    text = "一般的文字，" * 30 + "欧阳小明同志兼任，李四同志担任。"
    want = [m.span() for m in regex.finditer(text)]
    assert [m.span() for m in scan.Scanner(regex, holds=["同志"], reach=7).finditer(text)] == want
    assert [m.span() for m in scan.Scanner(regex, holds=["同志"], reach=4).finditer(text)] != want


def test_windows_that_cover_most_of_the_text_hand_over_to_a_plain_search():
    regex = re.compile(r"[\u4e00-\u9fff]同志")
    text = "同志" * 200
    scanner = scan.Scanner(regex, holds=["同志"], reach=3)
    assert scanner._windows(text) is None
    assert [m.span() for m in scanner.finditer(text)] == [m.span() for m in regex.finditer(text)]


def test_a_scanner_with_too_narrow_starts_would_miss_matches():
    # the check above can fail: a class that leaves out a start character loses matches
    regex = re.compile(r"(?<![\d.])(?:\d{4}|[一二]{4})年")
    text = "前文" * 30 + "二一二一年与2021年"
    assert len(list(scan.Scanner(regex, r"[\d]").finditer(text))) == 1
    assert len(list(scan.Scanner(regex, r"[\d一二]").finditer(text))) == 2


def test_dense_start_characters_give_the_same_matches():
    # every letter may start a match: the scanner hands over to a plain search
    regex = re.compile(r"(?<![A-Za-z])[A-Za-z]{2,}[0-9]+")
    text = ("item is carried out in order " * 40 + "version ab2 and ipv6, x86 ") * 5
    scanner = scan.Scanner(regex, "[A-Za-z]")
    want = [m.span() for m in regex.finditer(text)]
    assert want and [m.span() for m in scanner.finditer(text)] == want


def _spans(matches):
    return [(m.span(), m.lastgroup, m.group()) for m in matches]


@pytest.mark.parametrize("patterns, text", [
    # the earlier pattern wins where both start at one place, as in the alternation
    ((r"(?P<a>ab+)", r"(?P<b>abc)"), "xabcx abbbc abc"),
    ((r"(?P<b>abc)", r"(?P<a>ab+)"), "xabcx abbbc abc"),
    # a later pattern's match that an earlier one overlaps is searched again after it
    ((r"(?P<a>\d+年)", r"(?P<b>年\d+月)"), "2021年3月、年5月和2022年"),
    ((r"(?P<a>x)", r"(?P<b>y)"), ""),
    ((r"(?P<a>[:：])", r"(?P<b>\s+)"), "组长：　 \n：:"),
])
def test_first_of_is_the_alternations_finditer(patterns, text):
    compiled = tuple(re.compile(p) for p in patterns)
    alternation = re.compile("|".join(patterns))
    assert _spans(scan.first_of(compiled, text)) == _spans(alternation.finditer(text))


def test_role_labels_by_halves_find_what_the_whole_label_pattern_finds(plans_text):
    from extract.facts import rolelabels
    ugly = ("包抓县领导：王立新\n组　长：李华　副 组 长:周明\n县级包联领导　组长：\n"
            "市级河长、路长：吴迪；成\n员：赵敏 分管领导:领导小组：")
    for text in (plans_text, ugly * 20):
        whole = [(m.span(), m.group("role")) for m in rolelabels.label_regex().finditer(text)]
        halves = [(m.span(), m.group("role")) for m in rolelabels.colon_labels(text)]
        assert halves == whole and whole
        lines = [line.strip() for line in text.split("\n")] + [text[i:] for i in range(0, 400, 7)]
        assert ([rolelabels.opens_with_label(line) for line in lines]
                == [bool(rolelabels.label_regex().match(line)) for line in lines])


def test_grammar_labels_before_colons_are_the_plain_search(plans_text):
    """The grammar half is searched only in the stretches before the colons:
    the same matches, in order, as its plain finditer, on the plans and on a
    soup of labels, names, blanks, line breaks and both colons."""
    import random
    from extract.facts import rolelabels
    grammar = rolelabels.label_regex(half="grammar")
    width = rolelabels._grammar_width()
    rnd = random.Random(12)
    pieces = ["包抓县领导", "：", ":", " ", "\u3000", "\n", "县级包联领导", "分管副县长", "组长",
              "第一副组长", "河长", "王立新", "，", "市委联系领导", "  ：", "\t", "领导"]
    soups = ["".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 40))) for _ in range(400)]
    for text in [plans_text] + soups:
        searcher = rolelabels._BeforeColons(grammar, rolelabels._colon_windows(text, width))
        found, pos = [], 0
        while (m := searcher.search(text, pos)) is not None:
            found.append(m.span())
            pos = m.end()
        assert found == [m.span() for m in grammar.finditer(text)], text


def test_the_declared_label_reach_covers_every_grammar_example():
    from extract.facts import rolelabels
    reach = rules.load("people")["role_grammar_reach"]
    assert rolelabels._grammar_width() == reach
    longest = "县人民政府分管负责县级领导"
    assert any(r.regex.fullmatch(longest) for r in rules.pattern_rules("people", "role_grammar"))
    assert len(longest) <= reach
    for rule in rules.pattern_rules("people", "role_grammar"):
        for example in rule.examples:
            for m in rule.regex.finditer(example):
                assert m.end() - m.start() <= reach, (rule.id, example)


def test_the_label_colons_are_the_colons_a_label_ends_with():
    """The stretches before a plan's colons are found from label_colons: every
    character the label colon pattern ends with must be one of them."""
    people = rules.load("people")
    colon = rules.compile_pattern(people["label_colon"], "label_colon", engine="regex")
    ending = {chr(c) for c in range(0x10000) if not 0xD800 <= c < 0xE000 and colon.fullmatch(chr(c))}
    assert ending == set(people["label_colons"])


def test_a_window_too_narrow_would_miss_labels():
    # the check above can fail: a width below the longest label cuts its start off
    from extract.facts import rolelabels
    grammar = rolelabels.label_regex(half="grammar")
    text = "县政府分管领导：王立新"
    assert rolelabels._BeforeColons(grammar, rolelabels._colon_windows(text, 13)).search(text)
    assert rolelabels._BeforeColons(grammar, rolelabels._colon_windows(text, 3)).search(text) is None


def test_gated_alternation_finds_what_the_plain_alternation_finds(plans_text):
    from extract.facts import quantities
    numerals = rules.pattern_rules("targets", "numerals")
    parts = [f"(?P<{r.id.replace('-', '_')}>{r.regex.pattern})" for r in numerals]
    plain = re.compile("|".join(parts))
    ugly = "百分之八十、百姓、３．５万亩，12,500元;第3.项 两千万 一百零五 〇点 ,000 ．5" * 30
    for text in (plans_text, ugly):
        assert ([(m.span(), m.lastgroup) for m in quantities.number_regex().finditer(text)]
                == [(m.span(), m.lastgroup) for m in plain.finditer(text)])
    # a part without its start characters: no look-ahead, which would drop its matches
    assert rules.gated_alternation(["a+", "b"], ["[a]", None]) == "(?:a+|b)"
    assert re.findall(rules.gated_alternation(["a+", "b"], ["[a]", "[b]"]), "caabxb") == ["aa", "b", "b"]


def test_an_engine_is_re_or_regex_and_regex_needs_start_characters():
    from types import SimpleNamespace
    year = re.compile(r"(?<!\d)\d{4}年")
    text = "规划期为2021年至2025年，" * 10 + "编号12345年"
    fast = scan.for_rule(SimpleNamespace(id="y", regex=year, pattern=year.pattern, data={"starts": "[0-9]", "engine": "regex"}))
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in year.finditer(text)]
    for data in ({"engine": "regex"}, {"starts": "[0-9]", "engine": "pcre"}):
        with pytest.raises(ValueError):
            scan.for_rule(SimpleNamespace(id="y", regex=year, pattern=year.pattern, data=data))


@pytest.mark.parametrize("name,key", [("units", "list_ends"), ("people", "list_ends"),
                                      ("units", "subject_rejects"), ("units", "subject_predicates"),
                                      ("units", "labels"), ("units", "duty_roles")])
def test_one_pattern_of_a_rule_list_starts_where_the_earliest_rule_does(name, key, plans_text):
    found = rules.pattern_rules(name, key)
    texts = [t for r in found for t in r.examples + r.counter_examples]
    texts += ["", "县财政局　完成时限　2024年底【配合单位】", plans_text[:5000]]
    texts += [plans_text[at:at + 600] for at in range(0, len(plans_text), 997)]
    for text in texts:
        starts = [m.start() for m in (r.regex.search(text) for r in found) if m]
        hit = scan.joined(name, key).search(text)
        assert (hit.start() if hit else None) == (min(starts) if starts else None), text[:40]
