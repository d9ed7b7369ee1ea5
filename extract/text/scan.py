"""Find every match of a rule in a long text without trying it at every character.

Shared by the stages that run whole-text rules (dates, quantities, clean …).

Python's regex engine skips quickly to the characters a pattern can start
with only when the pattern begins with a literal or a plain character class.
The date rules begin with a look-behind (``(?<![\\d.])``), so a plain
``finditer`` tries the whole pattern at each of the text's characters. A
rule may therefore say, as data, which characters every match begins with
(``starts``: one character class); a one-class pattern finds those places at
C speed and the rule is tried only there. The matches are exactly those of
``finditer``: every match starts with one of those characters (the loader
checks each example against it), so trying the leftmost such place first,
then going on after the match, is what ``finditer`` does.
"""
from __future__ import annotations

import re
from typing import Iterator, Optional

# Below this length a plain finditer is as fast as skipping ahead.
SHORT = 48
# More than this many misses, closer than this many characters apart on
# average: the start characters are too dense to skip to one by one.
DENSE_MISSES = 8
DENSE_SPACING = 12


class Scanner:
    """``finditer`` of one compiled pattern, tried only where a match can start.

    ``search(text, pos)`` is the next match at or after ``pos``, as
    ``regex.search`` gives it; on a text of at least ``SHORT`` characters it
    skips to the places a match can start. When ``nonempty`` holds (the rule
    declared its start characters, so no match is empty), the next match is
    the search from the end of the last.
    """

    __slots__ = ("regex", "starts", "nonempty", "long_search")

    def __init__(self, regex: re.Pattern, starts: Optional[str] = None):
        self.regex = regex
        self.starts = re.compile(starts) if starts else None
        self.nonempty = self.starts is not None
        self.long_search = regex.search if self.starts is None else self._skipping

    def search_for(self, text: str):
        """The search function to use on ``text``."""
        return self.long_search if len(text) >= SHORT else self.regex.search

    def finditer(self, text: str) -> Iterator[re.Match]:
        if not self.nonempty:
            yield from self.regex.finditer(text)
            return
        search = self.search_for(text)
        m = search(text)
        while m is not None:
            yield m
            m = search(text, m.end())

    def _skipping(self, text: str, pos: int = 0) -> Optional[re.Match]:
        # Where start characters are dense (letters in a Latin text), trying the rule
        # at each of them from Python costs more than the engine's own walk: after a
        # few misses packed close together the rest is one plain search, which
        # finds the same leftmost match.
        find, match = self.starts.search, self.regex.match
        origin, misses = pos, 0
        hit = find(text, pos)
        while hit is not None:
            pos = hit.start()
            m = match(text, pos)
            if m is not None:
                return m
            misses += 1
            if misses >= DENSE_MISSES and pos - origin < misses * DENSE_SPACING:
                return self.regex.search(text, pos + 1)
            hit = find(text, pos + 1)
        return None


def for_rule(rule) -> Scanner:
    """The scanner of a pattern rule: its declared ``starts`` if any, else read off the pattern."""
    if rule.data.get("starts"):
        return Scanner(rule.regex, rule.data["starts"])
    return gated(rule.regex)


# --- the characters a pattern's matches can start with, read off the pattern ----

# sre opcodes that consume no character (lookarounds, anchors): skipped when
# looking for the first character a match consumes
_ZERO_WIDTH = ("AT", "ASSERT", "ASSERT_NOT")
_REPEATS = ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT")
_CATEGORIES = {"CATEGORY_DIGIT": r"\d", "CATEGORY_SPACE": r"\s", "CATEGORY_WORD": r"\w"}


class _Open(Exception):
    """The first character is not one small class (any character, a negated set …)."""


def _first(items) -> tuple:
    """(class items a match of ``items`` can begin with, whether ``items`` can match empty)."""
    out = set()
    for op, arg in items:
        name = str(op)
        if name in _ZERO_WIDTH:
            continue
        if name == "LITERAL":
            return out | {re.escape(chr(arg))}, False
        if name == "IN":
            return out | _class_items(arg), False
        if name == "SUBPATTERN":
            got, empty = _first(arg[3])
        elif name == "ATOMIC_GROUP":
            got, empty = _first(arg)
        elif name in _REPEATS:
            got, empty = _first(arg[2])
            empty = empty or arg[0] == 0
        elif name == "BRANCH":
            got, empty = set(), False
            for alternative in arg[1]:
                g, e = _first(alternative)
                got, empty = got | g, empty or e
        else:
            raise _Open(name)        # ANY, NOT_LITERAL, a back reference, a condition …
        out |= got
        if not empty:
            return out, False
    return out, True


def _class_items(items) -> set:
    out = set()
    for op, arg in items:
        name = str(op)
        if name == "LITERAL":
            out.add(re.escape(chr(arg)))
        elif name == "RANGE":
            out.add(f"{re.escape(chr(arg[0]))}-{re.escape(chr(arg[1]))}")
        elif name == "CATEGORY" and str(arg) in _CATEGORIES:
            out.add(_CATEGORIES[str(arg)])
        else:
            raise _Open(name)        # a negated class, \D, \W …
    return out


def first_chars(regex) -> Optional[str]:
    """One character class holding every character a match of ``regex`` can begin with.

    None when no such class can be read off the pattern (a match may be
    empty or begin with any character, the ``regex`` package's own syntax,
    case-insensitive matching): such a rule is searched as it is.
    """
    if not isinstance(regex, re.Pattern) or regex.flags & re.IGNORECASE:
        return None
    from re import _parser          # the parser of the standard engine, read-only use
    try:
        items, empty = _first(_parser.parse(regex.pattern, regex.flags))
    except (_Open, re.error):
        return None
    return None if empty or not items else "[" + "".join(sorted(items)) + "]"


def _opens_with_a_class(regex) -> bool:
    """Whether the engine itself skips ahead: the pattern opens with a literal or a class."""
    from re import _parser
    try:
        items = _parser.parse(regex.pattern, regex.flags)
    except re.error:
        return False
    return len(items) > 0 and str(items[0][0]) in ("LITERAL", "IN")


def gated(regex) -> Scanner:
    """A scanner of ``regex`` that skips to the characters its matches can begin with.

    Where the pattern opens with a literal or a class the engine skips there
    faster on its own; elsewhere (a look-behind first, alternatives) the
    scanner finds the possible first characters with one class search.
    """
    if not isinstance(regex, re.Pattern) or _opens_with_a_class(regex):
        return Scanner(regex)
    return Scanner(regex, first_chars(regex))
