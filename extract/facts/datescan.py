"""Find every match of a rule in a long text without trying it at every character.

Python's regex engine skips quickly to the characters a pattern can start
with only when the pattern begins with a literal or a plain character class.
The date rules begin with a look-behind (``(?<![\\d.])``), so a plain
``finditer`` tries the whole pattern at each of the text's characters. Here
the set of characters a match can start with is worked out once from the
pattern itself, a one-class pattern finds those places at C speed, and the
rule is tried only there. The matches are exactly those of ``finditer``: a
match of a pattern that cannot match the empty string starts with one of
those characters, and trying the leftmost such place first, then going on
after the match, is what ``finditer`` does.
"""
from __future__ import annotations

import re
from typing import Iterator, Optional

try:                                    # Python 3.11+
    from re import _constants as C, _parser as P
except ImportError:                     # pragma: no cover - Python 3.10
    import sre_constants as C           # type: ignore
    import sre_parse as P               # type: ignore

# Below this length a plain finditer is as fast as skipping ahead.
SHORT = 48
_ZERO_WIDTH = {C.ASSERT, C.ASSERT_NOT, C.AT}
_REPEATS = {C.MAX_REPEAT, C.MIN_REPEAT} | ({C.POSSESSIVE_REPEAT} if hasattr(C, "POSSESSIVE_REPEAT") else set())
_CATEGORIES = {C.CATEGORY_DIGIT: r"\d", C.CATEGORY_NOT_DIGIT: r"\D", C.CATEGORY_SPACE: r"\s",
               C.CATEGORY_NOT_SPACE: r"\S", C.CATEGORY_WORD: r"\w", C.CATEGORY_NOT_WORD: r"\W"}
_UNSAFE_FLAGS = re.IGNORECASE | re.LOCALE | re.ASCII


class Scanner:
    """``finditer`` of one compiled pattern, tried only where a match can start.

    ``search(text, pos)`` is the next match at or after ``pos``, as
    ``regex.search`` gives it; on a text of at least ``SHORT`` characters it
    skips to the places a match can start. When ``nonempty`` holds, matches
    are never empty, so the next one is the search from the end of the last.
    """

    __slots__ = ("regex", "starts", "nonempty", "long_search")

    def __init__(self, regex: re.Pattern):
        self.regex = regex
        self.starts = start_pattern(regex)
        self.nonempty = self.starts is not None or _min_width(regex) > 0
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
        find, match = self.starts.search, self.regex.match
        hit = find(text, pos)
        while hit is not None:
            pos = hit.start()
            m = match(text, pos)
            if m is not None:
                return m
            hit = find(text, pos + 1)
        return None


def _min_width(regex: re.Pattern) -> int:
    try:
        return P.parse(regex.pattern, regex.flags).getwidth()[0]
    except Exception:                   # an engine internal changed: assume the worst
        return 0


def start_pattern(regex: re.Pattern) -> Optional[re.Pattern]:
    """A one-class pattern for the characters a match can start with, or None if unknown."""
    if regex.flags & _UNSAFE_FLAGS:
        return None
    try:
        parsed = P.parse(regex.pattern, regex.flags)
    except Exception:                   # an engine internal changed: just do without
        return None
    if not _engine_is_slow(list(parsed)):
        return None
    first = _first(list(parsed))
    if first is None or first[1] or not first[0]:
        return None                     # unknown, or the pattern can match ""
    return re.compile("[" + "".join(sorted(set(first[0]))) + "]")


def _engine_is_slow(items: list) -> bool:
    """Does the engine try the whole pattern at each character?

    It does when the pattern opens with a look-around, or with alternatives
    that do not all open with a literal; otherwise it already skips ahead
    (or fails at once where the first item does not fit), and a filter in
    front of it only adds calls.
    """
    while items and items[0][0] is C.SUBPATTERN:
        items = list(items[0][1][-1])
    if not items:
        return False
    op, av = items[0]
    if op in (C.ASSERT, C.ASSERT_NOT):
        return True
    return op is C.BRANCH and not all(b and list(b)[0][0] is C.LITERAL for b in av[1])


def _first(items: list) -> Optional[tuple]:
    """(class parts a match of ``items`` can start with, can it match "") or None."""
    parts = []
    for op, av in items:
        if op in _ZERO_WIDTH:
            continue
        if op is C.LITERAL:
            return parts + [_char(av)], False
        if op is C.IN:
            inner = _class(av)
            return None if inner is None else (parts + inner, False)
        sub = _first_of(op, av)
        if sub is None:
            return None
        parts += sub[0]
        if not sub[1]:
            return parts, False
    return parts, True


def _first_of(op, av) -> Optional[tuple]:
    if op is C.SUBPATTERN:
        _, add_flags, del_flags, sub = av
        return None if (add_flags | del_flags) & _UNSAFE_FLAGS else _first(list(sub))
    if op is C.BRANCH:
        parts, empty = [], False
        for branch in av[1]:
            sub = _first(list(branch))
            if sub is None:
                return None
            parts += sub[0]
            empty = empty or sub[1]
        return parts, empty
    if op in _REPEATS:
        low, high, sub = av
        inner = _first(list(sub)) if high else ([], True)
        return None if inner is None else (inner[0], inner[1] or low == 0)
    if getattr(C, "ATOMIC_GROUP", None) is op:
        return _first(list(av))
    return None                         # ANY, NOT_LITERAL, group references …: unknown


def _class(items) -> Optional[list]:
    parts = []
    for op, av in items:
        if op is C.LITERAL:
            parts.append(_char(av))
        elif op is C.RANGE:
            parts.append(_char(av[0]) + "-" + _char(av[1]))
        elif op is C.CATEGORY and av in _CATEGORIES:
            parts.append(_CATEGORIES[av])
        else:
            return None                 # a negated class: too wide to help
    return parts


def _char(code: int) -> str:
    return "\\" + chr(code) if chr(code) in "\\]^-[" else chr(code)
