"""Every pattern rule in rules/ finds its examples and none of its counter-examples."""
import re

import pytest

from extract import rules

ALL = rules.all_pattern_rules()


def test_rule_files_have_rules():
    files = {where.split(":")[0] for where, _rule in ALL}
    assert {"outline", "clean", "split"} <= files


@pytest.mark.parametrize("where,rule", ALL, ids=[f"{w}:{r.id}" for w, r in ALL])
def test_rule_examples(where, rule):
    for example in rule.examples:
        assert rule.regex.search(example), f"{where}:{rule.id} misses its example {example!r}"
    for counter in rule.counter_examples:
        assert not rule.regex.search(counter), f"{where}:{rule.id} wrongly matches {counter!r}"


@pytest.mark.parametrize("entry,problem", [
    ({"pattern": "a", "examples": ["a"]}, "no id"),
    ({"id": "x", "examples": ["a"]}, "no pattern"),
    ({"id": "x", "pattern": "(", "examples": ["a"]}, "bad regex"),
    ({"id": "x", "pattern": "a"}, "needs at least one example"),
    ("just a string", "must be a mapping"),
])
def test_bad_rule_fails_with_its_id_and_problem(entry, problem):
    with pytest.raises(rules.RuleError, match=re.escape(problem)):
        rules.compile_rule(entry, "rules/test.yaml:items")


# --- start-up validation against rules/schema.yaml -------------------------

import shutil
import tempfile
import subprocess
import sys
from pathlib import Path

from extract import ruleschema


def test_every_shipped_rule_file_passes_the_schema():
    assert rules.validate_all() > 100


@pytest.fixture
def rules_copy(tmp_path, monkeypatch):
    """A writable copy of rules/ that the loader reads instead of the real one."""
    copy = tmp_path / "rules"
    shutil.copytree(rules.rules_dir(), copy)
    monkeypatch.setenv(rules.ENV_DIR, str(copy))
    for cached in (rules.load, rules.pattern_rules, rules.words, rules.named_lists, ruleschema.schema):
        cached.cache_clear()
    yield copy
    monkeypatch.delenv(rules.ENV_DIR)
    for cached in (rules.load, rules.pattern_rules, rules.words, rules.named_lists, ruleschema.schema):
        cached.cache_clear()


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize("file,old,new,problem", [
    ("units.yaml", "id: label_lead_short\n    role: lead\n", "id: label_lead_short\n    role: boss\n", "role 'boss' is not one of"),
    ("units.yaml", "id: label_lead_short\n", "id: label_lead_short\n    colour: red\n", "field 'colour' is not allowed"),
    ("units.yaml", "labels:\n", "labels:\n  - id: label_broken\n    pattern: '(牵头'\n    examples: ['牵头']\n", "rule 'label_broken': bad regex"),
    ("units.yaml", "    counter_examples: ['市发改委牵头：', '牵头单位工作职责:牵头组织']\n",
     "    counter_examples: ['市发改委牵头：']\n    counter_examples: ['牵头单位工作职责:牵头组织']\n",
     "key 'counter_examples' given twice"),
    ("outline.yaml", "title_max:", "title_maximum:", "'title_maximum' is not declared"),
    ("dates.yaml", "starts: '[\\d]'", "starts: 'x+'", "must be one character class"),
    ("split.yaml", "title_max_chars:", "title_max_chars: many\nignored_old:", "expected int"),
])
def test_a_bad_rule_file_is_named_with_its_problem(rules_copy, file, old, new, problem):
    _edit(rules_copy / file, old, new)
    with pytest.raises(rules.RuleError, match=re.escape(problem)) as caught:
        rules.validate_all()
    assert file.split(".")[0] in str(caught.value)


def test_a_loaded_rule_compiles_on_first_use_and_names_itself_when_it_cannot(rules_copy, monkeypatch):
    _edit(rules_copy / "units.yaml", "labels:\n", "labels:\n  - id: label_broken\n    pattern: '(牵头'\n    examples: ['牵头']\n")
    compiled = []
    real = rules.compile_pattern
    monkeypatch.setattr(rules, "compile_pattern", lambda p, *a, **k: compiled.append(p) or real(p, *a, **k))
    broken, lead = rules.pattern_rules("units", "labels")[:2]
    assert compiled == [] and broken.pattern == "(牵头"
    assert lead.regex.search("牵头单位：县住建局") and compiled == [lead.pattern]
    assert lead.regex is lead.regex and len(compiled) == 1
    with pytest.raises(rules.RuleError, match=re.escape("rules/units.yaml:labels: rule 'label_broken': bad regex")):
        broken.regex


def _re_reads(pattern: str) -> bool:
    try:
        return "\\L<" not in pattern and bool(re.compile(pattern))
    except re.error:
        return False


SLOW_IN_RE = [(w, r) for w, r in ALL if rules.slow_in_re(r.pattern) and _re_reads(r.pattern)]


@pytest.mark.parametrize("where,rule", SLOW_IN_RE, ids=[f"{w}:{r.id}" for w, r in SLOW_IN_RE])
def test_a_wide_han_class_compiles_with_the_regex_package_to_the_same_matches(where, rule):
    assert not isinstance(rule.regex, re.Pattern)
    plain = re.compile(rule.pattern, re.M)
    for text in rule.examples + rule.counter_examples + (" ".join(rule.examples) + "\n\t" + "。".join(rule.examples),):
        ours, theirs = list(rule.regex.finditer(text)), list(plain.finditer(text))
        assert [(m.span(), m.groupdict()) for m in ours] == [(m.span(), m.groupdict()) for m in theirs], text


def test_a_pattern_that_re_reads_its_own_way_stays_with_re():
    assert rules.slow_in_re(r"[\u4e00-\u9fff]{2,6}(?:局|委)") and len(SLOW_IN_RE) > 20
    for pattern in (r"[\u4e00-\u9fff]+\s*：", r"\w[\u4e00-\u9fff]", r"(?i)[\u4e00-\u9fff]x", r"[0-9]+年"):
        assert not rules.slow_in_re(pattern)
        assert isinstance(rules.compile_pattern(pattern, "t"), re.Pattern)


def test_named_lists_and_han_classes_compile_with_the_regex_package(rules_copy):
    rule = rules.compile_rule({"id": "x", "pattern": r"\p{Han}+\L<clause_breaks>", "examples": ["牵头，"]},
                              "rules/test.yaml:items")
    assert rule.regex.search("由市财政局牵头，").group() == "由市财政局牵头，"
    assert rules.compile_rule({"id": "y", "pattern": "a+", "examples": ["a"]}, "t").regex.__class__ is re.Pattern
    han_only = rules.compile_rule({"id": "z", "pattern": r"\p{Han}{2}局", "examples": ["公安局"]}, "t")
    assert han_only.regex.search("市公安局").group() == "公安局"
    with pytest.raises(rules.RuleError, match="bad regex"):
        rules.compile_rule({"id": "w", "pattern": r"\L<no_such_list>", "examples": ["x"]}, "t")


def test_run_stops_before_reading_inputs_when_a_rule_is_broken(rules_copy, tmp_path):
    _edit(rules_copy / "targets.yaml", "numerals:\n", "numerals:\n  - id: broken\n    pattern: '[0-9'\n    examples: ['1']\n")
    plan = tmp_path / "plan.txt"
    plan.write_text("某县实施方案\n一、目标\n达到90%。\n", encoding="utf-8")
    out = tmp_path / "out"
    proc = subprocess.run([sys.executable, "-m", "extract", "run", str(plan), "--out", str(out)],
                          capture_output=True, text=True, timeout=120,
                          env={**__import__("os").environ, rules.ENV_DIR: str(rules_copy)})
    assert proc.returncode == 2
    assert "rules/targets.yaml:numerals: rule 'broken': bad regex" in proc.stderr
    assert not out.exists()


def test_word_regex_tries_the_longest_word_first():
    tail = rules.word_regex(["低于", "不低于", "低于"], at_end=True)
    assert tail.search("指标不低于").group() == "不低于"
    assert tail.search("不低于30%") is None          # anchored at the end of the window
    assert rules.word_regex(["以上", "以"]).match("以上的").group() == "以上"
    assert rules.word_regex(["a.b"]).search("axb") is None   # words are literal, not patterns


@pytest.fixture
def parse_cache(tmp_path, monkeypatch):
    """The rule files' parse cache in a folder of the test's own."""
    import tempfile
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    return tmp_path


def test_a_parsed_rule_file_is_read_back_without_parsing_again(parse_cache, monkeypatch):
    text = "labels:\n  - id: lead\n    pattern: '牵头'\n    examples: ['牵头单位']\nlimit: 3\n"
    first = rules._parsed(text)
    assert list(parse_cache.glob("plan-extract-rules-*"))
    monkeypatch.setattr(rules.yaml, "load", lambda *a, **k: pytest.fail("parsed again"))
    assert rules._parsed(text) == first == {"labels": [{"id": "lead", "pattern": "牵头",
                                                         "examples": ["牵头单位"]}], "limit": 3}


def test_a_damaged_parse_cache_is_parsed_again(parse_cache):
    text = "words: [甲, 乙]\n"
    rules._parsed(text)
    for kept in parse_cache.glob("plan-extract-rules-*"):
        kept.write_bytes(b"\x00garbage")
    assert rules._parsed(text) == {"words": ["甲", "乙"]}


def test_a_rule_file_with_a_key_twice_fails_on_every_load(parse_cache):
    text = "limit: 3\nlimit: 4\n"
    for _ in range(2):
        with pytest.raises(rules.RuleError, match="given twice"):
            rules._parsed(text)
    assert not list(parse_cache.glob("plan-extract-rules-*"))


@pytest.fixture
def stamp_folder(tmp_path, monkeypatch):
    """An empty cache folder for the stamps of checked rule folders."""
    folder = tmp_path / "cache"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def _stamps(folder: Path) -> list:
    return list(folder.glob(ruleschema.STAMP_NAME.format(key="*")))


def test_unchanged_rules_are_checked_once(rules_copy, stamp_folder, monkeypatch):
    count = rules.validate_once()
    assert count == rules.validate_all() > 100 and len(_stamps(stamp_folder)) == 1
    monkeypatch.setattr(ruleschema, "check_all", lambda: pytest.fail("checked again"))
    assert rules.validate_once() == count


def test_a_rule_file_broken_after_a_stamp_is_still_caught(rules_copy, stamp_folder):
    rules.validate_once()
    _edit(rules_copy / "units.yaml", "id: label_lead_short\n    role: lead\n", "id: label_lead_short\n    role: boss\n")
    for cached in (rules.load, rules.pattern_rules, ruleschema.schema):
        cached.cache_clear()
    with pytest.raises(rules.RuleError, match=re.escape("rules/units.yaml:labels: rule 'label_lead_short'")):
        rules.validate_once()
    with pytest.raises(rules.RuleError, match="role 'boss'"):
        rules.validate_once()                     # a failed check leaves no stamp


def test_a_damaged_stamp_checks_again(rules_copy, stamp_folder, monkeypatch):
    rules.validate_once()
    (stamp,) = _stamps(stamp_folder)
    stamp.write_text("many", encoding="ascii")
    checked = []
    real = ruleschema.check_all
    monkeypatch.setattr(ruleschema, "check_all", lambda: checked.append(1) or real())
    assert rules.validate_once() > 100 and checked == [1]
