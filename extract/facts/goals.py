"""Whether a number with no comparison word is a goal: decided by its clause.

A plan states most of its goals without 不低于 or 以上: a planned count or
amount after an action verb (新开工改造老旧小区120个, 新建12个养老服务站), after
the counted noun at the end of an item (示范村15个；), or a change by an amount
(比上年下降3%). The rules below are tried in order by ``bare``; the first that
fits makes the target:

  share       a percentage of a population (80%的选民参与选举)
  rate        a bare percentage right after a rate word (普及率80%)
  change      an amount right after a change verb (同比增长8%, 提高1.5个百分点)
  build       a count or amount right after an action verb (建成19座污水处理厂),
              or closing a clause opened by one (新建管网25公里), or a ratio
              (每千人口拥有医师3人)
  counted     a count closing an item that names the counted thing (示范村15个；)
  list-item   the next item of a list whose first item was a target (、4个…)

What is not a goal is decided here too: a status sentence (截至…已建成386处),
a standard or cap (按每场2000元, 最高补助50万元), a lone 一 (统一, 一次告知).
Word lists are data in rules/targets.yaml (read, with the sentence tests
shared with targets.py, in goalwords.py); jieba tags the few words before a
number only when no listed verb decides it.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Optional

from . import indicator, tablegoals, unitshapes
from .goalwords import (_any_regex, _tail_regex, _words, ends_with_any, opens_quota, raises_to,  # noqa: F401
                        award_follows, goal_sentence, granted, in_definition, places_before, policy_condition,
                        size_of_built, skip_back, states_goal, status, without_quotes,
                        _han_run, _han_tail, _verb_before, _verb_head)
from . import quantities as numbers
from .. import rules
from ..text import nlp


# how far back a list item may look for the item before it (a list is written
# tightly; a longer gap is a new sentence, and bounding it keeps the cost linear)
_LIST_GAP = 40


@dataclass
class Found:
    """A target span before its indicator is read."""

    start: int
    end: int
    op: str
    rule_id: str
    q: Optional[numbers.Quantity] = None
    per: Optional[str] = None
    baseline: Optional[str] = None
    share_at: int = -1        # after the 的 of a population share
    prev: Optional["Found"] = None   # the list item before, for list-item
    indicator: Optional[str] = None  # given by the row's name cell, for table


# --- word lists as compiled alternations -------------------------------------------


def _goal_state(text: str, pos: int, q) -> bool:
    """A stative verb that states a goal: after a goal marker (计划实现0.6万人脱贫),
    or before a count whose clause names a goal (实现133个村民组通硬化路目标)."""
    state = ends_with_any(text, pos, _words("goal_states"))
    if state is None:
        return False
    if goal_sentence(text, pos - len(state)):
        return True
    clause = text[q.end:indicator.clause_end(text, q.end)]
    return q.kind == "count" and ends_with_any(clause, len(clause), _words("goal_nouns")) is not None


# --- what is not a goal ------------------------------------------------------------


def _not_a_goal(text: str, q, head: str) -> bool:
    """A status sentence, a standard or cap, or a lone Chinese 一 (统一处理, 一次告知)."""
    if q.numeral == "chinese" and q.value == 1 and q.factor == 1:
        return True     # 一万人 keeps its multiplier in the unit: not a lone 一
    if status(text, q.start):
        return True
    if q.kind == "count":
        return bool(_any_regex("count_standard_words").search(head)) and not opens_quota(head)
    return bool(_any_regex("standard_words").search(head))


def buildable(q) -> bool:
    """A count, or an amount that can be planned (新建管网25公里, 投资3亿元)."""
    if q.kind == "count":
        return True
    return q.kind == "amount" or q.unit in _words("build_amount_units")


def item_end(text: str, after: int) -> bool:
    """A clause, list item or table cell ends at ``after`` (绿道20公里|和停车位…)."""
    if after >= len(text) or text[after] in indicator._breaks():
        return True
    return any(text.startswith(w, after) for w in _words("list_joiners"))


def clause_open(text: str, pos: int) -> bool:
    """Nothing but a clause start, a scope word, 有 or white space before ``pos``."""
    s, _ = indicator.clause_start(text, pos)
    head = indicator.trim(text[s:pos]).rstrip(rules.load("targets")["clause_open_verb"])
    scope = ends_with_any(head, len(head), _words("scope_words")) or ""
    rest = head[:len(head) - len(scope)]
    return not rest or rest in _words("clause_open_words")


def _clause_head(text: str, q) -> str:
    start, _ = indicator.clause_start(text, q.start)
    return indicator.strip_leading(text[start:q.start])


# --- the rules ----------------------------------------------------------------------

def _share(text: str, q, after: int, prev) -> Optional[Found]:
    """80%的选民参与选举: a percentage of the population named after 的."""
    if (q.kind == "percent" and text.startswith(indicator._cfg("modifier_mark"), after)
            and clause_open(text, q.start)):
        return Found(q.start, after, "=", "share", q, share_at=after + 1)
    return None


def _rate(text: str, q, after: int, prev) -> Optional[Found]:
    """普及率80%。: a percentage right after a rate word, ending its clause."""
    if (q.kind == "percent" and ends_with_any(text, q.start, _words("rate_words"))
            and (after >= len(text) or text[after] in indicator._breaks())
            and not status(text, q.start)):
        return Found(q.start, after, "=", "rate", q)
    return None


def _change(text: str, q, after: int, prev) -> Optional[Found]:
    """比上年下降3%, 同比增长8%: a change by an amount; the change is in the indicator."""
    if q.kind not in ("percent", "amount", "level"):
        return None
    pos = skip_back(text, q.start)
    if _tail_regex("change_verbs").search(text, max(0, pos - 8), pos):
        head = _clause_head(text, q)
        if not _any_regex("standard_words").search(head):
            return Found(q.start, after, "=", "change", q)
    return None


def _build_before(text: str, q, after: int, prev) -> Optional[Found]:
    """建成19座污水处理厂, 培训农民200人次: a count right after an action verb."""
    multiplied = q.kind == "scalar" and bool(q.unit)    # 0.6万贫困人口: a count in 万
    if not (buildable(q) or multiplied):
        return None
    pos = skip_back(text, q.start)
    scope = ends_with_any(text, pos, _words("scope_words"))
    if scope:
        pos -= len(scope)
    placed = places_before(text, pos)        # 完成旬阳市、白河县|两处: the verb is before the places
    verb = ((_verb_before(text, pos) or (placed < pos and _verb_before(text, placed))) and not multiplied) \
        or _goal_state(text, pos, q)
    # 三年计划总任务620公里: an amount named as the task or goal itself
    named = q.kind == "amount" and ends_with_any(text, pos, _words("goal_nouns")) is not None
    if (verb or named) and not _not_a_goal(text, q, _clause_head(text, q)):
        return Found(q.start, after, "=", "build", q)
    return None


def _build_after(text: str, q, after: int, prev) -> Optional[Found]:
    """新增就业岗位5000个。: a clause holding an action verb, ending in a count.

    每千人口拥有医师3人: a denominator and 拥有 open a ratio the same way;
    示范村15个；: a count closing an item that names only the counted thing.
    """
    if not buildable(q) or not item_end(text, after):
        return None
    head = _clause_head(text, q)
    found = _built_by_head(text, q, after, head)
    unquoted = without_quotes(head)
    if found is None and unquoted and unquoted != head:     # 育成“丰优258”小麦品种2个
        found = _built_by_head(text, q, after, unquoted)
    if found is None:
        # 争取上级资金3.5亿元: a word that marks a goal (争取, 力争) may be the verb itself
        start, _ = indicator.clause_start(text, q.start)
        raw = text[start:q.start].strip()
        if raw != head and _verb_head().match(raw):
            found = _built_by_head(text, q, after, raw)
    return found


def _built_by_head(text: str, q, after: int, head: str) -> Optional[Found]:
    """The tests of ``_build_after`` on the words of the clause before the count."""
    scope = next((w for w in _words("scope_words") if head.startswith(w)), "")
    head = head[len(scope):]
    per = _leading_per(head)
    if per:
        return Found(q.start, after, "=", "build", q, per=per) if _opens_ratio(head, per) else None
    if not head or _not_a_goal(text, q, head):
        return None
    verb = _verb_head().search(head)
    if verb and verb.end() < len(head) and not _tail_regex("stative_verbs").search(head[:verb.start()]):
        return Found(q.start, after, "=", "build", q)
    if states_goal(text, q):
        return Found(q.start, after, "=", "build", q)
    if _opens_with_tagged_verb(head):
        return Found(q.start, after, "=", "build", q)
    if q.kind == "count" and _counted_noun(head) and not _heads_enumeration(text, after):
        return Found(q.start, after, "=", "counted", q)
    return None


@functools.lru_cache(maxsize=4096)
def _opens_with_tagged_verb(head: str) -> bool:
    """补播改良草原 (of 补播改良草原4.5万亩): a head that opens with a verb the word
    lists lack (the tagger's v) and ends in the noun it acts on. Stative and
    passive verbs (涉及, 受益) state what is, not what is to be done."""
    if len(head) > _COUNTED_MAX or not _han_run().fullmatch(head):
        return False
    words = list(nlp.posseg().cut(head))
    if len(words) < 2 or not words[-1].flag.startswith("n"):
        return False
    first = words[0]
    return (first.flag in _words("head_verb_tags") and first.word not in _words("stative_verbs")
            and first.word not in _words("not_goal_head_verbs"))


def _beneficiary(text: str, q, after: int, prev) -> Optional[Found]:
    """为全县1800户农户提供土壤检测, 对450户低保家庭进行危房改造: a count of those
    the plan serves, opening its clause after 为/对, with the action after it."""
    if q.kind != "count":
        return None
    pos = skip_back(text, q.start)
    pos -= len(ends_with_any(text, pos, _words("scope_words")) or "")
    mark = ends_with_any(text, pos, _words("beneficiary_marks"))
    if not mark or not clause_open(text, pos - len(mark)):
        return None
    rest = text[after:indicator.clause_end(text, after)]
    if _any_regex("standard_words").search(rest) or not _any_regex("beneficiary_verbs").search(rest):
        return None
    return None if _not_a_goal(text, q, _clause_head(text, q)) else Found(q.start, after, "=", "beneficiary", q)


def _breakdown(text: str, q, after: int, prev) -> Optional[Found]:
    """新增设施农业5000亩，其中日光温室1200亩: a part of the target just before,
    in the same sentence, opened by 其中 and naming only the part."""
    if prev is None or prev.q is None or not buildable(q) or q.start - prev.end > _LIST_GAP:
        return None
    if any(ch in text[prev.end:q.start] for ch in _words("sentence_breaks")):
        return None
    s, _ = indicator.clause_start(text, q.start)
    head = text[s:q.start].strip()
    word = next((w for w in _words("breakdown_words") if head.startswith(w)), None)
    if word is None or not _counted_noun(head[len(word):]) or not item_end(text, _past_aside(text, after)):
        return None
    return Found(q.start, after, "=", "breakdown", q)


def _past_aside(text: str, after: int) -> int:
    """Where a bracketed aside right after a number ends (1.2万户(含……0.3万户),
    农村地区……): the part's clause ends after it."""
    cfg = rules.load("indicators")
    if after >= len(text) or text[after] not in cfg["open_brackets"]:
        return after
    close = next((i for i in range(after + 1, min(len(text), after + _LIST_GAP * 4))
                  if text[i] in cfg["close_brackets"] or text[i] == "\n"), -1)
    return close + 1 if close > 0 and text[close] != "\n" else after


def _opens_ratio(head: str, per: str) -> bool:
    """每千人口拥有医师: the denominator, a verb of having, then the counted thing.
    The counted households may be named again before the verb (每百户农户拥有电脑),
    in a short noun with no verb of building in it."""
    for pos in range(len(per), len(per) + rules.load("targets")["per_noun_gap"] + 1):
        gap = head[len(per):pos]
        if gap and (not _han_run().fullmatch(gap) or _any_regex("build_verbs").search(gap)):
            return False
        if any(head.startswith(v, pos) and len(head) > pos + len(v) for v in _words("per_verbs")):
            return True
    return False


def _heads_enumeration(text: str, after: int) -> bool:
    """长寨街道4个：磨油村、…: a count before a colon introduces a list of names."""
    stop = min(len(text), after + 8)
    return any(rule.regex.match(text, after, stop) for rule in rules.pattern_rules("targets", "enumeration_heads"))


def _list_summary(text: str, q, after: int, prev) -> Optional[Found]:
    """板沟村、新民村等5个贫困村出列 in a goal sentence: the count sums up the
    list of names before it, and the counted thing follows."""
    if q.kind != "count" or after >= len(text) or not _han_run().match(text, after):
        return None
    pos = skip_back(text, q.start)
    head = _clause_head(text, q)
    summed = ends_with_any(text, pos, _words("list_summary_words")) or (
        rules.load("targets")["list_marks"] in head and _han_tail().search(head))
    if summed and goal_sentence(text, q.start) and not _not_a_goal(text, q, head):
        return Found(q.start, after, "=", "list-summary", q)
    return None


# a counted thing is a short noun phrase (省级美丽乡村示范村); a longer head is prose
_COUNTED_MAX = 20


@functools.lru_cache(maxsize=4096)
def _counted_noun(head: str) -> bool:
    """示范村 (of 示范村15个): the head is a short noun phrase ending in a noun.

    A stative verb makes it a state (现有行政村120个); a head ending in a
    name or abbreviation (市委四届七次、八次全会) names no counted thing.
    """
    cjk = sum(len(m.group()) for m in _han_run().finditer(head))
    if cjk < 2 or len(head) > _COUNTED_MAX or _any_regex("stative_verbs").search(head):
        return False
    words = list(nlp.posseg().cut(head))
    return bool(words) and words[-1].flag.startswith("n")


def _leading_per(head: str) -> Optional[str]:
    for rule in rules.pattern_rules("targets", "per"):
        m = rule.regex.match(head)
        if m:
            return m.group()
    return None


def _list_item(text: str, q, after: int, prev) -> Optional[Found]:
    """The next item of a list whose first item was a target.

    19座污水处理厂、4个…; 达30%、20%和10%; and counts sharing one verb across
    commas: 培育3家…平台，20家…平台.
    """
    if prev is None or q.unit is None or not _same_kind(q, prev) or q.start - prev.end > _LIST_GAP:
        return None
    gap = text[prev.end:q.start]
    breaks = [ch for ch in gap if ch in indicator._breaks()]
    joined = ends_with_any(gap, len(gap), _words("list_joiners"))
    listed = prev.rule_id in _words("list_continues")
    commas = rules.load("targets")["list_commas"]
    one_comma = listed and len(breaks) == 1 and breaks[0] in commas
    comma_list = one_comma and q.kind == "count" and gap.rstrip()[-1:] in commas
    # an amount after its own words keeps its own indicator: not chained to the item before
    if one_comma and not comma_list and _comma_item(text, q, after, prev, gap):
        return Found(q.start, after, prev.op, "list-item", q, prev.per)
    # 搬迁1297户7000人: a count of households and of people written together
    paired = (q.kind == "count" and prev.q is not None and prev.q.kind == "count"
              and q.start == prev.end and q.unit != prev.q.unit)
    if (joined and not breaks) or comma_list or paired:
        return Found(q.start, after, prev.op, "list-item", q, prev.per, prev=prev)
    return None


def _comma_item(text: str, q, after: int, prev: Found, gap: str) -> bool:
    """An amount of the same kind as the item before, after one comma and the
    words it measures, closing its own item (…面积1300万亩，…面积620万亩，), continues
    the list; words with a stative verb state what is (现有管网120公里)."""
    words = gap.lstrip(rules.load("targets")["list_commas"] + " ")
    return (q.kind == "amount" and prev.q.kind == "amount" and item_end(text, after)
            and _han_run().fullmatch(words) is not None
            and not _any_regex("stative_verbs").search(words) and not _not_a_goal(text, q, words))


def _same_kind(q, prev: Found) -> bool:
    """Built things may mix counts and lengths: 新建公园5个、绿道12公里."""
    if q.kind == prev.q.kind:
        return True
    return prev.rule_id in _words("list_continues") and buildable(q) and buildable(prev.q)


def _raise_to(text: str, q, after: int, prev) -> Optional[Found]:
    """扩充公办幼儿园学位至1800个: a verb of raising, the thing, then 至 and the level."""
    if not buildable(q) or not raises_to(_clause_head(text, q)):
        return None
    return Found(skip_back(text, q.start) - 1, after, "=", "raise-to", q)


def _slash_ratio(text: str, q, after: int, prev) -> Optional[Found]:
    """每30户/1名保洁员: a quota written with a slash, the count per the denominator."""
    per = unitshapes.slash_per(text, q.start) if q.kind == "count" else None
    return Found(q.start, after, "=", "ratio", q, per=per) if per else None


def _table(text: str, q, after: int, prev) -> Optional[Found]:
    """城镇化率 | % | 62 in an indicator table: the row names the indicator."""
    cell = tablegoals.table_cell(text, q, after)
    if cell is None:
        return None
    return Found(q.start, after, "=", "table", cell[1], indicator=cell[0])

def _reached_share(text: str, q, after: int, prev) -> Optional[Found]:
    """实现行政村100%全覆盖: a percentage the clause states a goal of (实现) before the
    few characters that end it (覆盖, 达标)."""
    if q.kind != "percent" or status(text, q.start):
        return None
    if not _any_regex("goal_states").search(text, indicator.clause_start(text, q.start)[0], q.start):
        return None
    tail = text[after:indicator.clause_end(text, after)]
    return Found(q.start, after, "=", "share", q) if 0 < len(tail) <= 4 and _han_run().fullmatch(tail) else None


# bare numbers are tried by these, in order; the first that fits wins
BARE_RULES = (_share, _rate, _change, _slash_ratio, _raise_to, _build_before, _build_after, _beneficiary, _list_item,
              _list_summary, _breakdown, _table, _reached_share)


def bare(text: str, q, after: int, prev: Optional[Found]) -> Optional[Found]:
    """A number with no comparison word: a target only by its clause."""
    for rule in BARE_RULES:
        found = rule(text, q, after, prev)
        if found is not None:
            return found
    return None
