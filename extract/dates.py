"""Dates, deadlines, recurrence and phases, tied to their outline node.

The stages, in order (rules in ``rules/dates.yaml``):
  1. ``candidates``: every point, range and recurrence rule proposes spans;
  2. ``drop_excluded``: spans overlapping a document number, an edition year,
     a cited title … are dropped;
  3. ``resolve_overlaps``: the leftmost, then the longest span wins;
  4. ``combine``: A至B becomes a range, A前 a deadline, 到A keeps its prefix;
  5. ``normalise``: bounds or period, a missing year taken from the nearest
     preceding date (never from today).
Phases (``extract_phases``) come from the outline's stage headings and the
first date in the heading or its ``时间:`` line.
"""
from __future__ import annotations

import functools
import unicodedata
from dataclasses import dataclass
from datetime import date
from typing import Optional, Sequence

from . import datenorm, rules
from .datenorm import Side
from .records import DateFact, Node, NodeLocator, Phase, Plan

RULES = "dates"
_SPAN_KEYS = {"points": "point", "ranges": "range", "recurring": "recurring"}


@dataclass(frozen=True)
class Found:
    """A span proposed by one rule, with its raw fields."""

    start: int
    end: int
    rule_id: str
    role: str            # point, range, recurring or tail
    first: dict          # fields of the start (or only) side
    second: dict         # fields of the end side of a range


@dataclass
class Expr:
    """A whole expression after combination, before normalisation."""

    start: int
    end: int
    kind: str
    rule_id: str
    first: Found
    second: Optional[Found] = None
    after_recurrence: bool = False


@dataclass(frozen=True)
class Value:
    start: int
    end: int
    kind: str
    rule_id: str
    date_start: Optional[date]
    date_end: Optional[date]
    period: Optional[str]


@functools.lru_cache(maxsize=None)
def _rules(key: str) -> tuple:
    return rules.pattern_rules(RULES, key)


def candidates(text: str) -> list:
    """Stage 1: every span any point, range or recurrence rule finds."""
    found = []
    for key, role in _SPAN_KEYS.items():
        for rule in _rules(key):
            for m in rule.regex.finditer(text):
                first, second = datenorm.group_fields(m.groupdict())
                if _valid(first) and _valid(second):
                    found.append(Found(m.start(), m.end(), rule.id, role, first, second))
    return found


def _valid(fields: dict) -> bool:
    # Checked before overlaps are resolved, so that in 2021年13月 the year survives.
    try:
        datenorm.make_side(fields)
    except datenorm.Invalid:
        return False
    return True


def excluded_spans(text: str, title: str = "") -> list:
    """Spans that hold no date: document numbers, edition years, cited titles …"""
    own = _title_key(title)
    spans = []
    for rule in _rules("exclusions"):
        for m in rule.regex.finditer(text):
            if rule.data.get("own_title_exempt") and own and _is_own_title(m.group(), own):
                continue
            spans.append((m.start(), m.end()))
    return spans


def _title_key(text: str) -> str:
    text = unicodedata.normalize("NFKC", text or "")
    return "".join(ch for ch in text if ch.isalnum())


def _is_own_title(cited: str, own: str) -> bool:
    # The notice that issues a plan cites the plan itself: 印发《XX行动计划(2021-2023年)》
    key = _title_key(cited)
    return len(key) >= 4 and (key in own or own in key)


def drop_excluded(found: list, blocked: list) -> list:
    """Stage 2: drop every span that overlaps an excluded one."""
    return [f for f in found if not any(s < f.end and f.start < e for s, e in blocked)]


def resolve_overlaps(found: list) -> list:
    """Stage 3: keep non-overlapping spans, leftmost first, then longest."""
    kept, last_end = [], -1
    for f in sorted(found, key=lambda f: (f.start, -(f.end - f.start))):
        if f.start >= last_end:
            kept.append(f)
            last_end = f.end
    return kept


def _match_at(key: str, text: str, pos: int):
    for rule in _rules(key):
        m = rule.regex.match(text, pos)
        if m:
            return rule, m
    return None, None


def _tail_at(text: str, pos: int, by_start: dict) -> Optional[Found]:
    """The end of a range starting at ``pos``: a point span, else a tail form."""
    found = by_start.get(pos)
    if found is not None and found.role == "point":
        return found
    rule, m = _match_at("range_tails", text, pos)
    if m is None:
        return None
    first, _ = datenorm.group_fields(m.groupdict())
    return Found(m.start(), m.end(), rule.id, "tail", first, {})


def combine(text: str, found: list) -> list:
    """Stage 4: ranges (A至B), deadlines (A前), prefixed points (到A)."""
    by_start = {f.start: f for f in found}
    prefix_ends = _prefix_ends(text)
    exprs, skip_until, prev_end, prev_recurring = [], -1, -1, False
    for f in found:
        if f.start < skip_until:
            continue
        expr = _combine_one(text, f, by_start, prefix_ends)
        expr.after_recurrence = prev_recurring and text[prev_end:f.start].strip() == ""
        exprs.append(expr)
        skip_until = expr.end
        prev_end, prev_recurring = expr.end, expr.kind == "recurring"
    return exprs


def _combine_one(text: str, f: Found, by_start: dict, prefix_ends: dict) -> Expr:
    if f.role != "point":
        return Expr(f.start, f.end, f.role, f"{f.role}:{f.rule_id}", f)
    _, conn = _match_at("connectors", text, f.end)
    if conn is not None and conn.end() > f.end:
        tail = _tail_at(text, conn.end(), by_start)
        if tail is not None:
            return Expr(f.start, tail.end, "range", f"range:{f.rule_id}~{tail.rule_id}", f, tail)
    start = prefix_ends.get(f.start, f.start)
    rule_id = f"point:{f.rule_id}" if start == f.start else f"point:prefix+{f.rule_id}"
    _, suffix = _match_at("deadline_suffixes", text, f.end)
    if suffix is not None and suffix.end() > f.end:
        return Expr(start, suffix.end(), "deadline", f"deadline:{f.rule_id}", f)
    return Expr(start, f.end, "point", rule_id, f)


def _prefix_ends(text: str) -> dict:
    """Map the end of each 到/截至 … prefix to its start."""
    ends = {}
    for rule in _rules("point_prefixes"):
        for m in rule.regex.finditer(text):
            ends.setdefault(m.end(), m.start())
    return ends


def context_year(prev: Optional[tuple], side: Side) -> Optional[int]:
    """The year a side without one takes from the preceding date ``prev``.

    In a range spanning years (2010年12月至2011年2月) a month takes the first
    year where it falls inside the range: 1月 → 2011, 12月 → 2010.
    """
    if prev is None:
        return None
    lo, hi = prev
    if lo is None or lo.year == hi.year:
        return hi.year
    if side.month is None:
        return lo.year
    for year in range(lo.year, hi.year + 1):
        first = date(year, side.month, 1)
        if first <= hi and datenorm.bounds(Side(year, side.month), None)[1] >= lo:
            return year
    return hi.year


def normalise(exprs: list, seed: Optional[tuple] = None) -> list:
    """Stage 5: values for each expression, carrying the year context along.

    The context is the nearest preceding date whose year is written.
    """
    values, prev = [], seed
    for expr in exprs:
        try:
            value = _value(expr, None if expr.after_recurrence else prev)
        except datenorm.Invalid:
            continue   # a month 13 or year 3011 is not a date
        values.append(value)
        if value.date_end is not None and _writes_year(expr):
            prev = (value.date_start, value.date_end)
    return values


def _writes_year(expr: Expr) -> bool:
    # Only a date with its year written sets the context: a year inferred for
    # 1月份 must not carry over to the 12月份 that follows it.
    sides = [expr.first.first, expr.first.second] + ([expr.second.first] if expr.second else [])
    return any("year" in side for side in sides)


def _value(expr: Expr, prev: Optional[tuple]) -> Value:
    f = expr.first
    if expr.kind == "recurring":
        period = datenorm.period(f.first.get("n"), f.first["unit"])
        return Value(expr.start, expr.end, "recurring", expr.rule_id, None, None, period)
    first = datenorm.make_side(f.first)
    year = context_year(prev, first) if first.year is None else first.year
    if expr.kind == "range" or f.second:
        second = datenorm.make_side(expr.second.first if expr.second else f.second)
        lo, hi = datenorm.range_bounds(first, second, year)
        return Value(expr.start, expr.end, "range", expr.rule_id, lo, hi, None)
    lo, hi = datenorm.bounds(first, year)
    if expr.kind == "deadline":
        lo = None
    return Value(expr.start, expr.end, expr.kind, expr.rule_id, lo, hi, None)


def find(text: str, title: str = "", seed: Optional[tuple] = None) -> list:
    """Every date expression in ``text`` as Values, in reading order."""
    found = drop_excluded(candidates(text), excluded_spans(text, title))
    return normalise(combine(text, resolve_overlaps(found)), seed)


def parse(text: str, year: Optional[int] = None) -> Optional[Value]:
    """The first expression in a short string, a bare month taking ``year``."""
    seed = (date(year, 1, 1), date(year, 12, 31)) if year else None
    values = find(text, seed=seed)
    return values[0] if values else None


def extract_dates(plan: Plan, nodes: Sequence[Node]) -> list:
    locator = NodeLocator(nodes)
    return [DateFact(plan.doc_id, locator.node_id_at(v.start), v.kind, v.date_start, v.date_end,
                     v.period, v.start, v.end, plan.text[v.start:v.end], v.rule_id)
            for v in find(plan.text, plan.title)]


def extract_phases(plan: Plan, nodes: Sequence[Node], dates: Sequence) -> list:
    """One row per stage heading (第一阶段, 第二步, （一）动员部署阶段) with its bounds.

    The bounds are those of the first point, range or deadline in the heading
    line or in the ``时间:`` line right below it.
    """
    phases = []
    for node in sorted(_stage_nodes(nodes), key=lambda n: n.char_start):
        head_end = _line_end(plan.text, node.char_start)
        window_end = _time_line_end(plan.text, head_end)
        when = next((d for d in dates if d.kind in ("point", "range", "deadline")
                     and node.char_start <= d.char_start < window_end), None)
        text = plan.text[node.char_start:head_end].rstrip()
        phases.append(Phase(plan.doc_id, node.node_id, node.number, _phase_name(node),
                            when.start if when else None, when.end if when else None,
                            node.char_start, node.char_start + len(text), text))
    return phases


def _stage_nodes(nodes: Sequence[Node]) -> list:
    styles = set(rules.words(RULES, "phase_styles"))
    titles = _rules("phase_title")
    return [n for n in nodes
            if n.style in styles or any(r.regex.search(_strip_when(n.title)) for r in titles)]


def _strip_when(title: str) -> str:
    # 动员部署阶段(2021年3月—4月) and 总结验收阶段 时间:… name the stage before
    # the bracket or the space.
    title = title.strip(" 　\t:：")
    for i, ch in enumerate(title):
        if ch.isspace() or ch in "(（:：。，,;；":
            return title[:i]
    return title


def _phase_name(node: Node) -> str:
    return _strip_when(node.title) or node.label


def _line_end(text: str, pos: int) -> int:
    end = text.find("\n", pos)
    return len(text) if end < 0 else end


def _time_line_end(text: str, head_end: int) -> int:
    """End of the ``时间:`` line right below a heading, else the heading's end."""
    start = head_end + 1
    while start < len(text) and text[start] == "\n":
        start += 1
    if start >= len(text):
        return head_end
    for rule in _rules("phase_time_line"):
        if rule.regex.match(text, start):
            return _line_end(text, start)
    return head_end
