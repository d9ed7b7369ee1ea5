"""Stage 5 of the dates extractor (dates.py): a value for each expression.

A point or a deadline gets its bounds, a range both ends, a recurrence its
period. A side written without a year takes it from the nearest preceding
date whose year is written (never from today), so 3月底前 after 2024年 is
2024's March.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Iterator, Optional

from . import datenorm
from .datenorm import Side

if TYPE_CHECKING:
    from .dates import Expr


@dataclass(slots=True)
class Value:
    start: int
    end: int
    kind: str
    rule_id: str
    date_start: Optional[date]
    date_end: Optional[date]
    period: Optional[str]


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


def normalise(exprs: list, seed: Optional[tuple] = None, written: Optional[int] = None) -> list:
    """Stage 5: values for each expression, carrying the year context along.

    The context is the nearest preceding date whose year is written;
    ``written`` is the year the plan was issued in (None: unknown).
    """
    return [value for value, _ in walk(exprs, seed, written)]


def walk(exprs: list, seed: Optional[tuple], written: Optional[int] = None) -> Iterator[tuple]:
    """(value, context after it) for each expression that names a date."""
    prev = seed
    listed = _listed_years(exprs)
    for k, expr in enumerate(exprs):
        try:
            value = _value(expr, None if expr.after_recurrence else prev, written)
        except datenorm.Invalid:
            continue   # 2月30日 is not a date
        if value.date_end is not None and _writes_year(expr) and k not in listed and not expr.scope:
            prev = (value.date_start, value.date_end)
        yield value, prev


def _listed_years(exprs: list) -> set:
    """Indexes of bare years written as a list (2018年、2019年): they name the
    years of a schedule, not the time the text goes on to speak of, so they
    set no year for the month dates after them."""
    listed = set()
    for k in range(len(exprs) - 1):
        a, b = exprs[k], exprs[k + 1]
        if _bare_year(a) and _bare_year(b) and b.start - a.end <= 1:
            listed.update((k, k + 1))
    return listed


def _bare_year(expr: Expr) -> bool:
    f = expr.first
    side = f.first
    return (expr.second is None and f.second is None and expr.kind == "point" and side.year is not None
            and side.month is None and side.quarter is None and side.ypart is None)


def _writes_year(expr: Expr) -> bool:
    # Only a date with its year written sets the context: a year inferred for
    # 1月份 must not carry over to the 12月份 that follows it.
    f = expr.first
    return (f.first.year is not None or (f.second is not None and f.second.year is not None)
            or (expr.second is not None and expr.second.first.year is not None))


def _value(expr: Expr, prev: Optional[tuple], written: Optional[int] = None) -> Value:
    f = expr.first
    if expr.kind == "recurring":
        period = datenorm.period(f.fields.get("n"), f.fields["unit"])
        return Value(expr.start, expr.end, "recurring", expr.rule_id, None, None, period)
    first = f.first
    year = context_year(prev, first) if first.year is None else first.year
    if f.fields.get("deictic") and written is not None and first.year is None:
        year = written + 1  # 明年7月: the year after the one the plan was written in
    elif f.fields.get("rel") and year is not None and expr.second is None:
        year += 1           # 次年3月: the year after the one the text speaks of
    second = expr.second.first if expr.second else f.second
    if second is not None:
        lo, hi = datenorm.range_bounds(first, second, year)
        return Value(expr.start, expr.end, "range", expr.rule_id, lo, hi, None)
    lo, hi = datenorm.bounds(first, year)
    if expr.kind == "deadline":
        lo = None
    return Value(expr.start, expr.end, expr.kind, expr.rule_id, lo, hi, None)
