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
    """The scanner of a pattern rule: skipping to its declared ``starts``, if it has them.

    A rule declares ``starts`` (one character class, in its rule file) where
    its pattern opens with a look-behind or alternatives, so that the engine
    would otherwise try it at every character; the loader's tests check that
    every match of its examples begins with one of those characters.
    """
    return Scanner(rule.regex, rule.data.get("starts"))
