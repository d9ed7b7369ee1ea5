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
Word lists are data in rules/targets.yaml; jieba tags the few words before a
number only when no listed verb decides it.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Optional

from . import indicator, tablegoals
from . import quantities as numbers
from .. import rules
from ..text import nlp


@functools.lru_cache(maxsize=None)
def _words(key: str) -> tuple:
    """A word list of rules/targets.yaml, read once (they are looked up per number)."""
    return rules.words("targets", key)


# how far back a list item may look for the item before it (a list is written
# tightly; a longer gap is a new sentence, and bounding it keeps the cost linear)
_LIST_GAP = 40
# how many characters before a number the word tagger looks at
_TAG_WINDOW = 10


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

@functools.lru_cache(maxsize=None)
def _tail_regex(key: str) -> re.Pattern:
    """One alternation of a word list, matching at the end of a string."""
    words = sorted(_words(key), key=len, reverse=True)
    return re.compile("(?:" + "|".join(re.escape(w) for w in words) + r")\Z")


@functools.lru_cache(maxsize=None)
def _any_regex(key: str) -> re.Pattern:
    words = sorted(_words(key), key=len, reverse=True)
    return re.compile("|".join(re.escape(w) for w in words))


@functools.lru_cache(maxsize=None)
def _verbs() -> tuple:
    """Action verbs: the building verbs and the broader list, longest first."""
    both = set(_words("build_verbs")) | set(_words("action_verbs"))
    return tuple(sorted(both, key=len, reverse=True))


@functools.lru_cache(maxsize=None)
def _verb_tail() -> re.Pattern:
    return re.compile("(?:" + "|".join(re.escape(w) for w in _verbs()) + r")\Z")


@functools.lru_cache(maxsize=None)
def _verb_head() -> re.Pattern:
    return re.compile("|".join(re.escape(w) for w in _verbs()))


def ends_with_any(text: str, end: int, words) -> Optional[str]:
    return next((w for w in sorted(words, key=len, reverse=True) if text.endswith(w, 0, end)), None)


def skip_back(text: str, pos: int) -> int:
    """Move left over spaces within the line: 不低于 30% reads as 不低于30%."""
    blank = numbers.spaces()
    while pos > 0 and text[pos - 1] in blank:
        pos -= 1
    return pos


@functools.lru_cache(maxsize=4096)
def _tagged_verb(window: str) -> bool:
    """Whether the last word of ``window`` is an action verb (jieba's tag, stative verbs out)."""
    words = list(nlp.posseg().cut(window))
    if not words:
        return False
    last = words[-1]
    return last.flag.startswith("v") and last.word not in _words("stative_verbs")


@functools.lru_cache(maxsize=None)
def _han_run() -> re.Pattern:
    return re.compile(rules.load("targets")["han_run"])


@functools.lru_cache(maxsize=None)
def _han_tail() -> re.Pattern:
    return re.compile("(?:" + rules.load("targets")["han_run"] + r")\Z")


def _verb_before(text: str, pos: int) -> bool:
    """An action verb ends right at ``pos`` (建成|19座, 培训|200人次).

    Only the run of Chinese characters ending at ``pos`` can hold it, so the
    tagger sees a few characters at most, and none after a digit or a comma.
    """
    run = _han_tail().search(text, max(0, pos - _TAG_WINDOW), pos)
    if run is None or _tail_regex("stative_verbs").search(run.group()):
        return False
    return bool(_verb_tail().search(run.group())) or _tagged_verb(run.group())


# --- what is not a goal ------------------------------------------------------------

def _sentence_head(text: str, pos: int) -> str:
    """The sentence before ``pos`` (bounded, so the scan stays linear)."""
    stops = _words("sentence_breaks")
    start = max(0, pos - indicator._cfg("max_clause_chars"))
    cut = max(text.rfind(s, start, pos) for s in stops)
    return text[max(start, cut + 1):pos]


def _not_a_goal(text: str, q, head: str) -> bool:
    """A status sentence, a standard or cap, or a lone Chinese 一 (统一处理, 一次告知)."""
    if q.numeral == "chinese" and q.value == 1:
        return True
    if _any_regex("status_words").search(_sentence_head(text, q.start)):
        return True
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
            and (after >= len(text) or text[after] in indicator._breaks())):
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
    if not buildable(q):
        return None
    pos = skip_back(text, q.start)
    scope = ends_with_any(text, pos, _words("scope_words"))
    if scope:
        pos -= len(scope)
    if _verb_before(text, pos) and not _not_a_goal(text, q, _clause_head(text, q)):
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
    scope = next((w for w in _words("scope_words") if head.startswith(w)), "")
    head = head[len(scope):]
    per = _leading_per(head)
    if per:
        if any(head.startswith(v, len(per)) and len(head) > len(per) + len(v)
               for v in _words("per_verbs")):
            return Found(q.start, after, "=", "build", q, per=per)
        return None
    if not head or _not_a_goal(text, q, head):
        return None
    verb = _verb_head().search(head)
    if verb and verb.end() < len(head) and not _tail_regex("stative_verbs").search(head[:verb.start()]):
        return Found(q.start, after, "=", "build", q)
    if q.kind == "count" and _counted_noun(head):
        return Found(q.start, after, "=", "counted", q)
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
    comma_list = (q.kind == "count" and listed and len(breaks) == 1 and breaks[0] in commas
                  and gap.rstrip()[-1:] in commas)
    if (joined and not breaks) or comma_list:
        return Found(q.start, after, prev.op, "list-item", q, prev.per, prev=prev)
    return None


def _same_kind(q, prev: Found) -> bool:
    """Built things may mix counts and lengths: 新建公园5个、绿道12公里."""
    if q.kind == prev.q.kind:
        return True
    return prev.rule_id in _words("list_continues") and buildable(q) and buildable(prev.q)


def _table(text: str, q, after: int, prev) -> Optional[Found]:
    """城镇化率 | % | 62 in an indicator table: the row names the indicator."""
    cell = tablegoals.table_cell(text, q, after)
    if cell is None:
        return None
    return Found(q.start, after, "=", "table", cell[1], indicator=cell[0])


# bare numbers are tried by these, in order; the first that fits wins
BARE_RULES = (_share, _rate, _change, _build_before, _build_after, _list_item, _table)


def bare(text: str, q, after: int, prev: Optional[Found]) -> Optional[Found]:
    """A number with no comparison word: a target only by its clause."""
    for rule in BARE_RULES:
        found = rule(text, q, after, prev)
        if found is not None:
            return found
    return None
