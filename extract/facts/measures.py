"""Measure words: the unit written after a number (rules/units_of_measure.yaml),
with its multiplier (万亩: 亩 times 1e4), a unit in Latin letters (kWh, m²;
unitshapes.py reads their shapes) and a unit per another (元/亩) read as one.

quantities.py reads the numbers and asks here for the unit after each.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Optional

from .. import rules
from . import unitshapes
from .unitshapes import unit_joiners


@dataclass(frozen=True)
class Unit:
    unit: str             # as written (a multiplier included): 万亩
    kind: str
    base: str = ""        # without the multiplier: 亩
    factor: float = 1.0   # the multiplier's value: 1e4


@functools.lru_cache(maxsize=None)
def _unit_table() -> tuple:
    """(alias -> (unit, kind, scalable), scale word -> factor, compiled unit regex).

    One alternation, longest alias first, tried at one position: a unit as
    written (千米), else a multiplier with a unit that takes one (万 + 亩), else a
    bare multiplier (2万).
    """
    data = rules.load("units_of_measure")
    aliases = {}
    for entry in data["units"]:
        for alias in set(entry.get("aliases") or []) | {entry["unit"]}:
            aliases[alias] = (entry["unit"], entry["kind"], entry.get("scalable", True))
    scales = {s["word"]: float(s["factor"]) for s in data["scales"]}
    scalable = [a for a, (_, _, ok) in aliases.items() if ok]
    regex = re.compile(data["unit_pattern"].format(plain=rules.alternation(aliases),
                                                   scale=rules.alternation(scales),
                                                   scaled=rules.alternation(scalable)))
    return aliases, scales, regex


@functools.lru_cache(maxsize=1)
def spaces() -> str:
    """The characters that space words within a line (rules/targets.yaml:spaces)."""
    return rules.load("targets")["spaces"]


def skip_spaces(text: str, pos: int) -> int:
    """First position at or after ``pos`` that is not a space within the line."""
    blank = spaces()
    while pos < len(text) and text[pos] in blank:
        pos += 1
    return pos


def unit_at(text: str, pos: int, scale: str = "") -> tuple:
    """The unit starting at ``pos`` (spaces allowed before it): (Unit, end) or (None, pos).

    ``scale`` is a multiplier already read with the number (十五万 + 人次).
    """
    aliases, scales, regex = _unit_table()
    at = skip_spaces(text, pos) if not scale else pos
    m = regex.match(text, at)
    if scale:
        latin = _latin_at(text, pos)
        if latin is not None:
            return _scaled(latin[0], scale, scales[scale]), latin[1]
        if m and m.group("plain") and aliases[m.group("plain")][2]:
            unit, kind, _ = aliases[m.group("plain")]
            return Unit(scale + unit, kind, unit, scales[scale]), m.end()
        return Unit(scale, "scalar", "", scales[scale]), pos
    latin = _latin_at(text, at)
    if latin is not None and (m is None or latin[1] > m.end()):
        return _per_unit(text, *latin)      # kWh, not the kW it begins with
    if m is None:
        return None, pos
    if m.group("plain"):
        unit, kind, _ = aliases[m.group("plain")]
        base, factor = _unit_bases().get(unit, (unit, 1.0))     # 两成 is 20 %
        return _per_unit(text, Unit(unit, kind, base, factor), m.end())
    word = m.group("scale")
    if m.group("scaled"):
        unit, kind, _ = aliases[m.group("scaled")]
        return Unit(word + unit, kind, unit, scales[word]), m.end()
    if text.startswith(tuple(rules.words("targets", "approximate_marks")), m.end()):
        rest = regex.match(text, m.end() + 1)     # 1.2万余人次: a round figure in 万, its unit after the mark
        if rest and rest.group("plain") and aliases[rest.group("plain")][2]:
            unit, kind, _ = aliases[rest.group("plain")]
            return Unit(word + unit, kind, unit, scales[word]), rest.end()
    latin = _latin_at(text, m.end())
    if latin is not None:               # 150万kWh, 85万m³
        return _scaled(latin[0], word, scales[word]), latin[1]
    return Unit(word, "scalar", "", scales[word]), m.end()


def _scaled(unit: Unit, word: str, factor: float) -> Unit:
    return Unit(word + unit.unit, unit.kind, unit.base, factor * unit.factor)


def _latin_at(text: str, pos: int) -> Optional[tuple]:
    """A unit written in Latin letters at ``pos`` (unitshapes.latin_at): (Unit, end)
    or None. A spelling of a listed unit (m², m2) is that unit; one glued to
    the noun after it (110kV变电站) names a class and is read as a level."""
    found = unitshapes.latin_at(text, pos)
    if found is None:
        return None
    written, end = found
    listed = _unit_table()[0].get(written)
    if listed is not None:
        return Unit(listed[0], listed[1], listed[0]), end
    return Unit(written, "level" if unitshapes.names_a_class(text, end) else "amount", written), end


@functools.lru_cache(maxsize=None)
def _unit_bases() -> dict:
    """unit -> (base unit, factor) for units measured in another (成: tenths, so 10 %)."""
    return {e["unit"]: (e["base"], float(e["factor"])) for e in rules.load("units_of_measure")["units"]
            if "base" in e}


def _per_unit(text: str, unit: Unit, end: int) -> tuple:
    """8公里/平方公里, 120元/亩, 0.5吨标准煤/万元: a unit per another is one unit, as written."""
    if unit.kind == "percent" or end >= len(text) or text[end] not in unit_joiners():
        return unit, end
    aliases, _, regex = _unit_table()
    m = regex.match(text, end + 1)
    latin = _latin_at(text, end + 1)
    if latin is not None and (m is None or latin[1] > m.end()):     # 次/km, 元/kWh
        joined = unit.unit + text[end] + latin[0].unit
        return Unit(joined, unit.kind, unit.base + text[end] + latin[0].unit, unit.factor), latin[1]
    # a scaled unit after the slash only when it is an amount (吨/万元); 7张/千人
    # names a denominator, read as `per` by the targets
    scaled = m is not None and m.group("scaled") and aliases[m.group("scaled")][1] == "amount"
    if m is None or not (m.group("plain") or scaled):
        return unit, end
    per = aliases[m.group("plain")][0] if m.group("plain") else m.group("scale") + aliases[m.group("scaled")][0]
    joined = unit.unit + text[end] + per
    return Unit(joined, unit.kind, unit.base + text[end] + per, unit.factor), m.end()
