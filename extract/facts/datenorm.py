"""Normalise the fields of a date span into calendar bounds or a period.

A span found by a rule in ``rules/dates.yaml`` carries named groups (year,
month, day, mpart, ypart, quarter, n, unit, and ``…2`` for the end of a
range). This module turns them into ``(start, end)`` dates or an ISO 8601
period, with the word tables of the same file. It knows nothing about where
the span sits; the year context is passed in.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import date
from typing import Optional

from .. import rules
from ..text.numerals import chinese_int, digit_string, expand_shorthand

MIN_YEAR, MAX_YEAR = 1900, 2099


class Invalid(ValueError):
    """Fields that name no calendar date (month 13, year 3011)."""


@dataclass(slots=True)
class Side:
    """One end of an expression, as written (None: not written)."""

    year: Optional[int] = None
    month: Optional[int] = None
    day: Optional[int] = None
    mpart: Optional[str] = None
    ypart: Optional[str] = None
    quarter: Optional[int] = None

    def has_date(self) -> bool:
        return any(v is not None for v in (self.year, self.month, self.day, self.mpart,
                                           self.ypart, self.quarter))


@functools.lru_cache(maxsize=None)
def tables() -> dict:
    data = rules.load("dates")
    for key in ("month_parts", "year_parts", "month_words", "periods"):
        if not isinstance(data.get(key), dict):
            raise rules.RuleError(f"rules/dates.yaml: '{key}' must be a mapping")
    return data


def group_plan(regex: re.Pattern) -> tuple:
    """(group number, end side?, field) for each named group of a pattern.

    A group name may carry a suffix after ``_`` (``month_cn``) where one
    pattern needs the same field in two alternatives; a trailing ``2``
    (``year2``) marks the end of a range.
    """
    plan = []
    for name, index in regex.groupindex.items():
        field = name.split("_", 1)[0]
        is_end = field.endswith("2")
        plan.append((index, is_end, field[:-1] if is_end else field))
    return tuple(plan)


def group_fields(match: re.Match, plan: Optional[tuple] = None) -> tuple:
    """Split a match's named groups into (start fields, end fields).

    ``plan`` is ``group_plan(match.re)``, which callers may keep per rule.
    """
    first, second = {}, {}
    groups = match.groups()
    for index, is_end, field in plan if plan is not None else group_plan(match.re):
        value = groups[index - 1]
        if value is not None:
            (second if is_end else first)[field] = value
    return first, second


def parse_year(text: str) -> int:
    if not text.isdigit():
        text = digit_string(text)
    year = int(text)
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise Invalid(f"year {year} out of range")
    return year


def _number(text: str) -> int:
    text = expand_shorthand(text.strip())
    value = int(text) if text.isdigit() else chinese_int(text)
    if value is None:
        raise Invalid(f"not a number: {text!r}")
    return value


def parse_month(text: str) -> int:
    if text.isdigit():
        month = int(text)
    else:
        words = tables()["month_words"]
        month = words[text] if text in words else _number(text)
    if not 1 <= month <= 12:
        raise Invalid(f"month {month} out of range")
    return month


def parse_day(text: str) -> int:
    day = int(text) if text.isdigit() else _number(text)
    if not 1 <= day <= 31:
        raise Invalid(f"day {day} out of range")
    return day


def make_side(fields: dict) -> Side:
    """Typed values for the raw fields of one side."""
    get = fields.get
    year, month, day, quarter = get("year"), get("month"), get("day"), get("quarter")
    quarter = _quarter(quarter) if quarter else None
    mpart = get("mpart")
    if quarter is not None and get("qpart"):
        # 三季度末 is the quarter's last month's end, as 9月底 is: a day, not the quarter
        return Side(parse_year(year) if year else None, 3 * quarter, None, get("qpart"),
                    get("ypart"), None)
    return Side(
        parse_year(year) if year else None,
        parse_month(month) if month else None,
        parse_day(day) if day else None,
        mpart,
        get("ypart"),
        quarter,
    )


def _quarter(text: str) -> int:
    q = _number(text)
    if not 1 <= q <= 4:
        raise Invalid(f"quarter {q} out of range")
    return q


_MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _last_day(year: int, month: int) -> int:
    leap = month == 2 and year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    return _MONTH_DAYS[month - 1] + leap


def _day_bound(spec, year: int, month: int) -> int:
    return _last_day(year, month) if spec == "end" else int(spec)


def bounds(side: Side, year: Optional[int]) -> tuple:
    """(start, end) covering one side; ``year`` is used when the side has none.

    Returns (None, None) when no year is known: the caller must never guess.
    """
    year = side.year if side.year is not None else year
    if year is None:
        return None, None
    if side.month is not None:
        return _month_bounds(side, year, side.month)
    if side.quarter is not None:
        first = 3 * side.quarter - 2
        return date(year, first, 1), date(year, first + 2, _last_day(year, first + 2))
    if side.ypart is not None:
        lo, hi = tables()["year_parts"][side.ypart]
        return _month_day(year, lo), _month_day(year, hi)
    return date(year, 1, 1), date(year, 12, 31)


def _month_bounds(side: Side, year: int, month: int) -> tuple:
    if side.day is not None:
        if side.day > _last_day(year, month):
            raise Invalid(f"{year}-{month} has no day {side.day}")
        day = date(year, month, side.day)
        return day, day
    # a month without a part (3月, 3月份) covers the whole month
    lo, hi = tables()["month_parts"].get(side.mpart, (1, "end")) if side.mpart else (1, "end")
    return (date(year, month, _day_bound(lo, year, month)),
            date(year, month, _day_bound(hi, year, month)))


def _month_day(year: int, text: str) -> date:
    month, day = (int(x) for x in text.split("-"))
    return date(year, month, day)


def inherit(end: Side, start: Side, start_year: Optional[int]) -> Side:
    """Fill the end of a range from its start: 2010年5月上旬至10月中旬, 5月1日至15日."""
    year = end.year if end.year is not None else start_year
    month = end.month
    if month is None and (end.day is not None or end.mpart is not None):
        month = start.month
    return Side(year, month, end.day, end.mpart, end.ypart, end.quarter)


def range_bounds(first: Side, second: Side, year: Optional[int]) -> tuple:
    """(start, end) of a range A至B; B without a year takes A's year."""
    start, _ = bounds(first, year)
    if start is None:
        return None, None
    filled = inherit(second, first, start.year)
    _, end = bounds(filled, None)
    if end is not None and end < start and second.year is None:
        # 2010年12月至2月: the end falls in the next year
        _, end = bounds(Side(start.year + 1, *_rest(filled)), None)
    return start, end


def _rest(side: Side) -> tuple:
    return side.month, side.day, side.mpart, side.ypart, side.quarter


def period(n: Optional[str], unit: str) -> str:
    """ISO 8601 duration for 每{n}{unit}: 每年 → P1Y, 每3个月 → P3M, 每半年 → P6M."""
    periods = tables()["periods"]
    if unit not in periods:
        raise Invalid(f"unknown recurrence unit {unit!r}")
    designator, count = periods[unit]
    count *= _number(n) if n else 1
    return f"P{count}{designator}"
