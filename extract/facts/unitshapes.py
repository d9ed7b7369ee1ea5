"""Shapes of units and quotas around a number, for the quantities stage.

A unit written in Latin letters is found by its shape (MPa, kWh, TB, km, m³:
rules/units_of_measure.yaml `latin_units`), not by a list of spellings, and a
quota written with a slash (每30户/1名) by its denominator before the slash
(rules/targets.yaml `ratio_slash`). Each test opens with a one-character
check, so a number with neither costs nothing more.
"""
from __future__ import annotations

import functools
from typing import Optional

from .. import rules


@functools.lru_cache(maxsize=1)
def unit_joiners() -> frozenset:
    """The slashes of a unit per another (8公里/平方公里) or of a quota (每30户/1名)."""
    return frozenset(rules.load("units_of_measure")["unit_joiners"])


@functools.lru_cache(maxsize=1)
def _latin_rule():
    return rules.pattern_rules("units_of_measure", "latin_units")[0].regex


@functools.lru_cache(maxsize=1)
def _class_follow():
    return rules.compile_pattern(rules.load("units_of_measure")["latin_class_follow"], "latin_class_follow")


@functools.lru_cache(maxsize=1)
def _latin_firsts() -> frozenset:
    """Letters outside ASCII a Latin unit may begin with (μg/m³)."""
    return frozenset(rules.load("units_of_measure")["latin_firsts"])


def latin_at(text: str, pos: int) -> Optional[tuple]:
    """(the unit as written, its end) of a Latin-letter unit at ``pos``, or None."""
    if pos >= len(text):
        return None
    first = text[pos]
    if not (first.isascii() and first.isalpha()) and first not in _latin_firsts():
        return None                      # the cheap test: no Latin letter here
    m = _latin_rule().match(text, pos)
    return (m.group(), m.end()) if m else None


def names_a_class(text: str, end: int) -> bool:
    """110kV变电站: a unit glued to the noun after it classes that noun."""
    return _class_follow().match(text, end) is not None


# how far back a denominator before a slash may start (每个村宅公厕/)
_SLASH_WINDOW = 14


def slash_per(text: str, start: int) -> Optional[str]:
    """The denominator of a quota written with a slash right before ``start``
    (每30户/1名): 每30户, or None. The cheap test first: a slash just before."""
    if start == 0 or text[start - 1] not in unit_joiners():
        return None
    window = text[max(0, start - _SLASH_WINDOW):start]
    for rule in rules.pattern_rules("targets", "ratio_slash"):
        m = rule.regex.search(window)
        if m:
            return m.group()[:-1]
    return None
