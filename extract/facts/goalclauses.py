"""A target span before its indicator is read (``Found``), and the clause
tests the goal rules share (goals.py, goalbuild.py, goallists.py): what is
not a goal (a status sentence, a standard or cap, a lone 一), what can be
planned, where an item ends, what opens a clause, the words before a number.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from . import indicator
from . import quantities as numbers
from .. import rules
from .goalwords import _any_regex, _words, ends_with_any, goal_sentence, opens_quota, status


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
    if status(text, q.start) or _staffing(text, q, head):
        return True
    if q.kind == "count":
        return bool(_any_regex("count_standard_words").search(head)) and not opens_quota(head)
    return bool(_any_regex("standard_words").search(head))


def _staffing(text: str, q, head: str) -> bool:
    """The staff a working group is made of (各抽调1名科长组成办公室; 县融媒体中心
    2人，组成宣传组): how the plan mans a group, not a goal of it."""
    if q.unit not in _words("staffing_units"):
        return False
    if any(r.regex.search(head) for r in rules.pattern_rules("targets", "staffing_heads")):
        return True
    return any(r.regex.match(text, q.end) for r in rules.pattern_rules("targets", "staffing_tails"))


def buildable(q) -> bool:
    """A count, or an amount that can be planned (新建管网25公里, 投资3亿元)."""
    if q.kind == "count":
        return True
    return q.kind == "amount" or q.unit in _words("build_amount_units")


def _past_aside(text: str, after: int) -> int:
    """Where a bracketed aside right after a number ends (1.2万户(含……0.3万户),
    农村地区……): the part's clause ends after it."""
    cfg = rules.load("indicators")
    if after >= len(text) or text[after] not in cfg["open_brackets"]:
        return after
    close = next((i for i in range(after + 1, min(len(text), after + _LIST_GAP * 4))
                  if text[i] in cfg["close_brackets"] or text[i] == "\n"), -1)
    return close + 1 if close > 0 and text[close] != "\n" else after


def item_end(text: str, after: int) -> bool:
    """A clause, list item or table cell ends at ``after`` (绿道20公里|和停车位…),
    or after a bracketed aside there (新建幼儿园3所(其中公办2所)。), or where
    the aside it stands in closes (…(其中省级5个、市级10个))."""
    after = _past_aside(text, after)
    if after >= len(text) or text[after] in indicator._breaks() or text[after] in indicator._pairs()[1]:
        return True
    if text[after] in _cell_blanks() and _in_spaced_row(text, after):
        return True       # 3 推广水肥一体化技术8万亩 市农业农村局: a blank parts a row's cells
    return any(text.startswith(w, after) for w in _words("list_joiners"))


def spaced_cell(text: str, start: int, end: int) -> Optional[tuple]:
    """(start, end) of the cell holding ``text[start:end]`` on a row whose cells
    one blank parts, or None off such rows."""
    if not _in_spaced_row(text, start):
        return None
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    blanks = _cell_blanks()
    left = max(text.rfind(ch, line_start, start) for ch in blanks)
    right = min((i for i in (text.find(ch, end, line_end) for ch in blanks) if i >= 0), default=line_end)
    return (left + 1 if left >= 0 else line_start), right


def _cell_blanks() -> str:
    return rules.load("targets")["spaced_cell_blanks"]


def _in_spaced_row(text: str, pos: int) -> bool:
    """Whether ``pos`` lies on a line of a table whose cells one blank parts
    (a row number, a blank, then its cells)."""
    line_start = text.rfind("\n", 0, pos) + 1
    return any(r.regex.match(text, line_start, pos) for r in rules.pattern_rules("targets", "spaced_rows"))


def clause_open(text: str, pos: int) -> bool:
    """Nothing but a clause start, a scope word, 有 or white space before ``pos``."""
    s, _ = indicator.clause_start(text, pos)
    head = indicator.trim(text[s:pos]).rstrip(rules.load("targets")["clause_open_verb"])
    batch = ends_with_any(head, len(head), _words("clause_open_batches")) or ""
    head = head[:len(head) - len(batch)]
    scope = ends_with_any(head, len(head), _words("scope_words")) or ""
    rest = head[:len(head) - len(scope)]
    return not rest or rest in _words("clause_open_words") or any(
        r.regex.match(rest) for r in rules.pattern_rules("targets", "clause_open_places"))


def _clause_head(text: str, q) -> str:
    start, _ = indicator.clause_start(text, q.start)
    return indicator.strip_leading(text[start:q.start])


def comma_end(text: str, pos: int) -> int:
    """Where the clause at ``pos`` ends: a comma or a sentence break (brackets
    inside it, 企业(单位), do not end it), within the longest clause."""
    stop = min(len(text), pos + indicator._cfg("max_clause_chars"))
    marks = (rules.words("targets", "sentence_breaks") + tuple(rules.load("targets")["list_commas"])
             + tuple(rules.load("targets")["list_marks"]))
    return min([i for i in (text.find(m, pos, stop) for m in marks) if i >= 0] + [stop])


def per_after(text: str, end: int) -> Optional[str]:
    """千人 of 达到8张/千人: a population after a slash, which the unit reader leaves out."""
    for rule in rules.pattern_rules("targets", "per_after"):
        m = rule.regex.match(text, end)
        if m:
            return m.group("per")
    return None
