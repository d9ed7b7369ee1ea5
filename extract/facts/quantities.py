"""Numerals and units: find every number with its unit and read its value.

Arabic digits (ASCII or full-width, decimals, ASCII thousands separators) and
Chinese numerals are both read here; the patterns and the unit aliases are data
in ``rules/targets.yaml`` and ``rules/units_of_measure.yaml``.
"""
from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from dataclasses import dataclass
from typing import Optional

import cn2an

from .. import rules

SCALES = {"万": 1e4, "亿": 1e8}


@dataclass(frozen=True)
class Unit:
    unit: str
    kind: str


@dataclass(frozen=True)
class Quantity:
    """A number (or range) with its unit as found in the text."""

    start: int            # first character of the number (or of 百分之)
    end: int              # end of the unit, or of the number when there is none
    value: float
    value_max: Optional[float]
    unit: Optional[str]
    kind: Optional[str]
    numeral: str          # "arabic" or "chinese": the rule that found the number


@functools.lru_cache(maxsize=None)
def number_regex() -> re.Pattern:
    parts = [f"(?P<{r.id.replace('-', '_')}>{r.regex.pattern})"
             for r in rules.pattern_rules("targets", "numerals")]
    return re.compile("|".join(parts))


@functools.lru_cache(maxsize=None)
def unit_aliases() -> tuple:
    """(alias, Unit) pairs, longest alias first so 万元 wins over 元."""
    pairs = []
    for entry in rules.load("units_of_measure")["units"]:
        unit = Unit(entry["unit"], entry["kind"])
        for alias in set(entry.get("aliases") or []) | {entry["unit"]}:
            pairs.append((alias, unit))
    return tuple(sorted(pairs, key=lambda p: -len(p[0])))


SPACES = " \t\u3000\xa0"


def skip_spaces(text: str, pos: int) -> int:
    """First position at or after ``pos`` that is not a space within the line."""
    while pos < len(text) and text[pos] in SPACES:
        pos += 1
    return pos


def unit_at(text: str, pos: int) -> tuple:
    """The unit alias starting at ``pos`` (spaces allowed before it): (Unit, end) or (None, pos)."""
    at = skip_spaces(text, pos)
    for alias, unit in unit_aliases():
        if text.startswith(alias, at):
            return unit, at + len(alias)
    return None, pos


def parse_number(raw: str) -> Optional[float]:
    """Value of one numeral: '1.5' -> 1.5, '１２,500' -> 12500, '十五' -> 15, '2万' -> 20000."""
    s = unicodedata.normalize("NFKC", raw).replace(",", "").replace("百分之", "")
    scale = 1.0
    if s and s[-1] in SCALES and re.search(r"[0-9]", s):
        scale, s = SCALES[s[-1]], s[:-1]
    try:
        if re.fullmatch(r"[0-9]+(?:\.[0-9]+)?", s):
            return float(s) * scale
        if re.search(r"[一二两三四五六七八九]{2}|[〇零]{2}", s.split("点")[0]):
            return None       # a digit string such as 一三二 is a name, not a number
        return float(cn2an.cn2an(s, "normal")) * scale
    except (ValueError, KeyError, TypeError, IndexError, AttributeError):
        return None


def _scale_split(raw: str) -> tuple:
    """Split a trailing scale word from a numeral: ('2万', ) -> ('2', '万')."""
    if raw and raw[-1] in SCALES and len(raw) > 1:
        return raw[:-1], raw[-1]
    return raw, ""


def read_quantity(text: str, m: re.Match) -> Optional[Quantity]:
    """Read the number matched by ``m``, an optional range end, and the unit after it.

    A scale word (万/亿) that starts a unit alias (万元) stays in the unit;
    otherwise it is multiplied into the value (see units_of_measure.yaml).
    """
    numeral = "chinese" if m.lastgroup == "number_chinese" else "arabic"
    raw, end = m.group(), m.end()
    digits, scale = _scale_split(raw)
    if scale:
        unit, uend = unit_at(text, end - 1)
        if unit is not None:                 # 100亿元: the scale belongs to the unit
            raw, end = digits, end - 1
    value = parse_number(raw)
    if value is None:
        return None
    value_max, end = _range_end(text, end)
    unit, uend = unit_at(text, end)
    if raw.startswith("百分之"):
        unit, uend = Unit("%", "percent"), end
    if value_max is not None and unit is None:
        return None
    return Quantity(m.start(), uend, value, value_max,
                    unit.unit if unit else None, unit.kind if unit else None, numeral)


def _range_end(text: str, pos: int) -> tuple:
    """A range's upper number after the first: 80%-90%, 3至5个 -> (value_max, end)."""
    unit, after_unit = unit_at(text, pos)
    for joiner in rules.words("targets", "range_joiners"):
        j = after_unit if text.startswith(joiner, after_unit) else pos
        if not text.startswith(joiner, j):
            continue
        m = number_regex().match(text, j + len(joiner))
        if m is None:
            continue
        upper = parse_number(m.group())
        if upper is None:
            continue
        if unit is not None and j == after_unit:
            # 80%-90%: the unit is repeated after the second number
            unit2, _ = unit_at(text, m.end())
            if unit2 != unit:
                continue
        return upper, m.end()
    return None, pos


# --- finding quantities in a text ---------------------------------------------

@functools.lru_cache(maxsize=None)
def _exclusions() -> tuple:
    return rules.pattern_rules("targets", "exclusions")


def merge_spans(spans) -> list:
    """Sorted, disjoint intervals covering ``spans``."""
    out = []
    for a, b in sorted(spans):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def excluded_spans(text: str) -> list:
    return merge_spans((m.start(), m.end()) for r in _exclusions() for m in r.regex.finditer(text))


def overlaps(spans: list, s: int, e: int) -> bool:
    """Whether [s, e) overlaps one of the disjoint sorted ``spans``."""
    i = bisect.bisect_left(spans, (e, -1)) - 1
    return i >= 0 and spans[i][1] > s


def _plausible_number(text: str, m: re.Match) -> bool:
    """Reject numerals that are part of codes, dates, ranks or words."""
    raw = m.group()
    if m.lastgroup == "number_chinese" and raw[0] in "万亿千百" and not raw.startswith("百分之"):
        return False
    before = text[m.start() - 1] if m.start() else ""
    if before and (before.isascii() and (before.isalnum() or before in "./-")):
        return False
    if any(text.endswith(w, 0, m.start()) for w in rules.words("targets", "not_a_quantity_before")):
        return False
    return True


def _blocked_after(text: str, pos: int) -> bool:
    return any(text.startswith(w, pos) for w in rules.words("targets", "not_a_quantity_after"))


def quantities(text: str) -> list:
    """Every plausible number with its unit, outside excluded spans."""
    spans = excluded_spans(text)
    out = []
    for m in number_regex().finditer(text):
        if not _plausible_number(text, m) or overlaps(spans, m.start(), m.end()):
            continue
        q = read_quantity(text, m)
        if q is None or (q.unit is None and _blocked_after(text, q.end)):
            continue
        out.append(q)
    return out
