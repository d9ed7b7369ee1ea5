"""Whether a number with no comparison word is a goal: decided by its clause.

A plan states most of its goals without 不低于 or 以上: a planned count or
amount after an action verb (新开工改造老旧小区120个, 新建12个养老服务站), after
the counted noun at the end of an item (示范村15个；), or a change by an amount
(比上年下降3%). The rules below are tried in order by ``bare``; the first that
fits makes the target:

  share       a percentage of a population (80%的选民参与选举)
  rate        a bare percentage right after a rate word (普及率80%)
  share-done  a bare percentage right after 完成, ending its clause (整治任务完成85%，)
  change      an amount right after a change verb (同比增长8%, 提高1.5个百分点)
  build       a count or amount right after an action verb (建成19座污水处理厂),
              or closing a clause opened by one (新建管网25公里), or a ratio
              (每千人口拥有医师3人), or alone in brackets after its noun (幼儿园（3所）),
              or named the goal (完成…300万人的目标)
  counted     a count closing an item that names the counted thing (示范村15个；), or
              an amount after what it measures in a goal sentence (全年粮食播种面积4600万亩)
  list-item   the next item of a list whose first item was a target (、4个…)
  (build)     a count opening its clause before the thing and its action (7个卫生院完成搬迁)
  total       a total (共) of planned things before their amounts (项目共56个，总投资…)

What is not a goal is decided here too: a status sentence (截至…已建成386处),
a standard or cap (按每场2000元, 最高补助50万元), a lone 一 (统一, 一次告知).
Word lists are data in rules/targets.yaml (read, with the sentence tests
shared with targets.py, in goalwords.py); jieba tags the few words before a
number only when no listed verb decides it.

This module holds the order of the rules and the rules of rates, shares,
changes and quotas; the rules of action clauses are in goalbuild.py, those
that read a number by the list items around it in goallists.py, and the
clause tests they all share (with ``Found``) in goalclauses.py.
"""
from __future__ import annotations

from typing import Optional

from . import indicator, tablegoals, unitshapes
from .goalbuild import (_bracketed_count, _build_after, _build_before, _count_then_verb, _labelled, _named_amount,
                        _named_as_goal)
from .goalclauses import Found, _clause_head, _not_a_goal, buildable, clause_open
from .goallists import _breakdown, _list_item, _list_summary, _striven_for, _total_before_amounts
from .goalwords import _any_regex, _han_run, _tail_regex, _words, ends_with_any, raises_to, skip_back, status


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


def _share_done(text: str, q, after: int, prev) -> Optional[Found]:
    """村庄整治任务完成85%，: the share of a task to be done, right after its
    verb and ending its clause (what was done says so: 已完成85%)."""
    if (q.kind == "percent" and ends_with_any(text, skip_back(text, q.start), _words("share_done_verbs"))
            and (after >= len(text) or text[after] in indicator._breaks())
            and not status(text, q.start)):
        return Found(q.start, after, "=", "share", q)
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


def _share_reaching(text: str, q, after: int, prev) -> Optional[Found]:
    """全市信用企业80%达到市级标准: the share of the clause's subject that is to
    reach a level, the verb right after it."""
    if q.kind != "percent" or status(text, q.start):
        return None
    if not any(text.startswith(w, after) for w in _words("share_reach_verbs")):
        return None
    return Found(q.start, after, "=", "share", q)


# bare numbers are tried by these, in order; the first that fits wins
BARE_RULES = (_share, _rate, _share_done, _change, _slash_ratio, _raise_to, _build_before, _build_after, _bracketed_count,
              _named_amount, _named_as_goal, _beneficiary, _list_item, _list_summary, _breakdown,
              _total_before_amounts, _count_then_verb, _table, _reached_share, _share_reaching, _labelled,
              _striven_for)


def bare(text: str, q, after: int, prev: Optional[Found]) -> Optional[Found]:
    """A number with no comparison word: a target only by its clause."""
    for rule in BARE_RULES:
        found = rule(text, q, after, prev)
        if found is not None:
            return found
    return None
