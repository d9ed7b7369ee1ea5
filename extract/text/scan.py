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

A rule whose matches are short and always hold one of a few words may say
so too (``holds``: the words, ``reach``: the most characters a match spans;
the loader's tests check every example match against both). A match then
starts at most ``reach`` characters before one of the words, and
``finditer`` tries the rule only in those windows: a few places around each
兼任 or 担任 instead of every Han character of the plan.

A rule whose matches all hold a short stretch a pattern finds (``anchor``,
with ``lead``: the most characters a match starts before the anchor's match)
is tried only in those windows too: month dates before each 月 of a plan.

A rule may also say ``engine: regex``: on long texts its matches are then
searched by the ``regex`` package, which looks first for a literal every
match must hold (月, 至, 岁) where the start characters are common ones
(一, 二, digits) and skipping to each of them from Python costs more. The
matches are the same (the scanner tests compare them with ``finditer``).
"""
from __future__ import annotations

import functools
import re
from typing import Iterator, Optional

from .. import rules

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

    __slots__ = ("regex", "starts", "nonempty", "long_search", "words", "width", "anchor", "lead")

    def __init__(self, regex: re.Pattern, starts: Optional[str] = None,
                 holds: Optional[list] = None, reach: Optional[int] = None, by_literal=None,
                 anchor: Optional[str] = None, lead: Optional[int] = None):
        self.regex = regex
        self.starts = re.compile(starts) if starts else None
        self.nonempty = self.starts is not None
        self.long_search = regex.search if self.starts is None else self._skipping
        if by_literal is not None:         # the same pattern, compiled by the regex package
            self.long_search = by_literal.search
        self.words = tuple(holds) if holds and reach else None
        self.width = reach if self.words else None
        self.anchor = re.compile(anchor) if anchor and lead is not None else None
        self.lead = lead

    def search_for(self, text: str):
        """The search function to use on ``text``."""
        return self.long_search if len(text) >= SHORT else self.regex.search

    def finditer(self, text: str) -> Iterator[re.Match]:
        if self.anchor is not None and len(text) >= SHORT:
            yield from self._in_windows(text, self._anchor_windows(text))
            return
        if self.width is not None and len(text) >= SHORT:
            windows = self._windows(text)
            if windows is not None:
                yield from self._in_windows(text, windows)
                return
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


    def _windows(self, text: str) -> Optional[list]:
        """[first, last] start positions a match can have, merged and in order;
        None when they cover so much of the text that a plain search is cheaper."""
        spans = []
        for word in self.words:
            at = text.find(word)
            while at >= 0:
                spans.append((max(0, at + len(word) - self.width), at))
                at = text.find(word, at + 1)
        spans.sort()
        merged: list = []
        for first, last in spans:
            if merged and first <= merged[-1][1] + 1:
                merged[-1][1] = max(merged[-1][1], last)
            else:
                merged.append([first, last])
        covered = sum(last - first + 1 for first, last in merged)
        return None if covered * 2 > len(text) else merged

    def _anchor_windows(self, text: str) -> list:
        """[first, last] start positions a match can have: at most ``lead``
        characters before a match of the anchor, which every match holds
        (month_date: a month's number before the blanks and 月 that the
        anchor finds), merged and in order."""
        merged: list = []
        for m in self.anchor.finditer(text):
            first, last = max(0, m.start() - self.lead), m.start()
            if merged and first <= merged[-1][1] + 1:
                merged[-1][1] = last
            else:
                merged.append([first, last])
        return merged

    def _in_windows(self, text: str, windows: list) -> Iterator[re.Match]:
        # every match holds a word, so it starts inside a window: trying each
        # window's places in order, on from the end of the last match, is finditer
        match, pos = self.regex.match, 0
        for first, last in windows:
            at = max(first, pos)
            while at <= last:
                if self.starts is not None:
                    hit = self.starts.search(text, at, last + 1)
                    if hit is None:
                        break
                    at = hit.start()
                m = match(text, at)
                if m is not None:
                    yield m
                    pos = at = m.end()
                else:
                    at += 1


def first_of(patterns: tuple, text: str) -> Iterator[re.Match]:
    """``finditer`` of the alternation ``(?:P0|P1|…)`` from one search per
    pattern: the leftmost match, the earlier pattern where two start at the
    same place, then on from its end. None of them may match the empty string.

    Python's engine skips to the characters a pattern can start with only when
    every alternative opens with a literal; one alternative that does not makes
    it try the whole alternation at every character of the text.
    """
    found = [p.search(text) for p in patterns]
    while True:
        best = None
        for i, m in enumerate(found):
            if m is not None and (best is None or m.start() < found[best].start()):
                best = i
        if best is None:
            return
        m = found[best]
        yield m
        end = m.end()
        for i, other in enumerate(found):
            if other is not None and other.start() < end:
                found[i] = patterns[i].search(text, end)


@functools.lru_cache(maxsize=None)
def joined(name: str, key: str):
    """The rules under ``key`` of rules/<name>.yaml as one alternation
    ``(?:P0)|(?:P1)|…``: it matches where one of them does, and its leftmost
    match starts where the earliest of their leftmost matches does (one
    search that stops there, instead of one per rule over the whole text)."""
    return rules.compile_pattern("|".join("(?:" + r.pattern + ")" for r in rules.pattern_rules(name, key)),
                                 f"rules/{name}.yaml:{key}")


_SCANNERS: dict = {}


def finditer(rule, text: str) -> Iterator[re.Match]:
    """``rule.regex.finditer(text)``, tried only where the rule says a match can be."""
    scanner = _SCANNERS.get(rule.regex)
    if scanner is None:
        scanner = _SCANNERS[rule.regex] = for_rule(rule)
    return scanner.finditer(text)


def for_rule(rule) -> Scanner:
    """The scanner of a pattern rule: skipping to its declared ``starts``, if it has them,
    and trying it only near its ``holds`` words where it declares them with a ``reach``.

    A rule declares ``starts`` (one character class, in its rule file) where
    its pattern opens with a look-behind or alternatives, so that the engine
    would otherwise try it at every character; the loader's tests check that
    every match of its examples begins with one of those characters, and
    holds one of its words within its reach.
    """
    engine = rule.data.get("engine", "re")
    if engine not in ("re", "regex") or (engine == "regex" and not rule.data.get("starts")):
        raise ValueError(f"rule {rule.id!r}: engine {engine!r} is neither re nor regex (with starts)")
    by_literal = rules.compile_pattern(rule.pattern, rule.id, engine="regex") if engine == "regex" else None
    return Scanner(rule.regex, rule.data.get("starts"), rule.data.get("holds"), rule.data.get("reach"),
                   by_literal, rule.data.get("anchor"), rule.data.get("lead"))
