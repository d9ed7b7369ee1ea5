"""The rule look-ups the subject family shares (rules/units.yaml): the first
rule under a key that matches a text, with a cheap test of where one may
begin, and the character classes a subject clause is read by (where a clause
may begin, where a unit name may end).

subjectunits.py reads the subject lists with these, subjectpredicates.py
what follows them, dutylines.py the duty lists and rosters.
"""
from __future__ import annotations

import functools
import re

from .. import rules
from ..text import scan
from . import orgnames as un

RULES = "units"


def _cfg():
    return rules.load(RULES)


def _first(key: str, text: str, search: bool = False):
    """(rule, match) of the first rule under ``key`` matching at the start of ``text``."""
    found, can = _rules_of(key)
    if not search:
        if can is not None and not can(text, 0):
            return None, None          # no rule's match can begin here
        for rule in found:
            m = rule.regex.match(text)
            if m:
                return rule, m
        return None, None
    for rule in found:
        m = rule.regex.search(text)
        if m:
            return rule, m
    return None, None


@functools.lru_cache(maxsize=None)
def _rules_of(key: str) -> tuple:
    """(the rules under ``key``, their opening test or None)."""
    return rules.pattern_rules(RULES, key), _opener(key)


@functools.lru_cache(maxsize=None)
def _opener(key: str):
    """Whether a rule under ``key`` may match at a place, as a test
    ``(text, pos) -> bool``: it begins with one of its declared start
    characters (``starts``), or one of its words (``holds``) stands within
    its ``reach``. None unless every rule declares one or the other."""
    found = rules.pattern_rules(RULES, key)
    starts, words = [], []
    for rule in found:
        if rule.data.get("starts"):
            starts.append(rule.data["starts"])
        elif rule.data.get("holds") and rule.data.get("reach"):
            words.extend((word, rule.data["reach"]) for word in rule.data["holds"])
        else:
            return None
    if not found:
        return None
    first = re.compile("|".join(starts)).match if starts else (lambda text, pos: None)
    if not words:
        return lambda text, pos: first(text, pos) is not None

    def can(text: str, pos: int) -> bool:
        if first(text, pos) is not None:
            return True
        for word, reach in words:
            if text.find(word, pos, pos + reach) >= 0:
                return True
        return False
    return can


def _holds(key: str, text: str, search: bool = False) -> bool:
    """Whether a rule under ``key`` matches at the start of ``text`` (anywhere,
    when ``search``): ``_first`` as a yes or no, by one pattern of them all."""
    joined = scan.joined(RULES, key)
    return (joined.search(text) if search else joined.match(text)) is not None


@functools.lru_cache(maxsize=1)
def _suffix_ends() -> str:
    """The last characters of every body suffix: where a name may end."""
    return "".join(sorted({s[-1] for s in un.body_suffixes()}))


@functools.lru_cache(maxsize=1)
def _name_ends():
    """Where a name may end (the last character of a body suffix) and the
    brackets a name may carry, as one character class."""
    ends = set(_suffix_ends() + un.brackets()[0] + _cfg()["subject_place_ends"])
    return re.compile("[" + re.escape("".join(sorted(ends))) + "]")


@functools.lru_cache(maxsize=1)
def _breaks():
    """The marks where a subject clause may begin, as one character class."""
    return re.compile("[" + re.escape(_cfg()["subject_clause_breaks"]) + "]")

