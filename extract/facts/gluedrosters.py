"""A leading-group roster run together with the rest of its page.

A notice copied out of a page viewer may lose every break and separator, so
that the roster's labels, names and posts follow one another on one line and
the duties after it run on from the last post:

    组长:<name>副县长副组长:<name>县政府办公室副主任<name>县某局局长、
    县某管委会主任(兼)<name>县某局局长成员:<name>……干部工作专班负责……

The list readers of people.py cut a list at its separators and so misread
such a run. It is told by its labels: two or more role labels in a chain,
each after the first glued straight to the post before it. Between two labels
the members are read as a name (surname list and name shape) then a post up
to a post word, and the next name after that; the chain's last list stops
after the last post that no name follows. A part that cannot be read so
wholly gives no one; the other readers' rows inside a chain read so give way.
"""
from __future__ import annotations

import bisect
import functools
from typing import Optional

from .. import rules
from .personnames import is_person_name, name_sizes_at
from .rolelabels import colon_labels, list_end

RULES = "people"


def _cfg() -> dict:
    return rules.load(RULES)["glued_roster"]


@functools.lru_cache(maxsize=1)
def _posts() -> tuple:
    return tuple(sorted(rules.words(RULES, "posts"), key=len, reverse=True))


def _rule(key: str):
    return rules.pattern_rules(RULES, key)[0].regex


def with_glued_rosters(text: str, found: list, make, split_post) -> list:
    """``found`` (people.py's candidates) with the members of each roster run
    together in place of what the list readers made of it; ``make`` builds a
    candidate, ``split_post`` gives the unit a post names."""
    if not any(c in text for c in rules.load(RULES)["label_colons"]):    # no label: no roster
        return found
    chains, members = glued_rosters(text)
    if not chains:
        return found
    starts = [a for a, _, _ in chains]

    def misread(f) -> bool:         # the chain that starts last before f (chains come in text order)
        k = bisect.bisect_right(starts, f.start) - 1
        return k >= 0 and f.start < chains[k][1] and f.role in chains[k][2]
    return [f for f in found if not misread(f)] + [
        make(a, b, name, role, split_post(post), "people_glued_roster", (a, item_end))
        for a, b, name, role, post, item_end in members]


def glued_rosters(text: str) -> tuple:
    """([(start, end, roles)] of each chain read: the reach of its labels'
    lists, where another reader's rows of those roles are misreadings;
    [(start, end, name, role, post, item end)] of its members)."""
    spans, members = [], []
    for chain in _chains(text):
        got = _read_chain(text, chain)
        if got:
            reach = max(list_end(text, m.end()) for m in chain)
            spans.append((chain[0].start(), max(reach, got[-1][1]), {g[3] for g in got}))
            members += got
    return spans, members


def _chains(text: str) -> list:
    """Runs of role labels, each after the first glued to the text before it
    (a Han character, no blank or mark) and at most a list's length apart."""
    chains, current = [], []
    for m in colon_labels(text):
        glued = m.start() > 0 and _rule("glued_roster_join").match(text[m.start() - 1])
        if current and glued and m.start() - current[-1].end() <= _cfg()["max_list"]:
            current.append(m)
            continue
        if len(current) >= 2:
            chains.append(current)
        current = [m]
    if len(current) >= 2:
        chains.append(current)
    return chains


def _read_chain(text: str, chain: list) -> list:
    out = []
    for k, m in enumerate(chain):
        last = k == len(chain) - 1
        end = min(len(text), m.end() + _cfg()["max_list"]) if last else chain[k + 1].start()
        role = "".join(m.group("role").split())
        got = _Members(text, end, stop=last).read(m.end())
        if not got:
            return []
        # the note after a post ((兼)) is no part of the unit the post names
        out += [(a, b, name, role, _rule("glued_post_note").sub("", post), b + len(post))
                for a, b, name, post in got]
    return out


class _Members:
    """Name-then-post members from a position on, up to ``end`` (or, with
    ``stop``, up to the last post that no name follows)."""

    def __init__(self, text: str, end: int, stop: bool):
        self.text, self.end, self.stop = text, end, stop
        self.memo: dict = {}

    def read(self, pos: int) -> Optional[list]:
        if pos == self.end:
            return []
        if pos not in self.memo:
            self.memo[pos] = None
            self.memo[pos] = self._read(pos)
        return self.memo[pos]

    def _read(self, pos: int) -> Optional[list]:
        """The first reading of each name size, longest name first, unless its
        post then opens with a one-character place (温燕新|圩镇副镇长 is
        温燕|新圩镇副镇长): towns and counties are named with two or more."""
        sizes = name_sizes_at(self.text, pos, _cfg()["name_sizes"])
        readings = [r for r in (self._read_name(pos, size) for size in sizes) if r]
        weak = _rule("glued_post_weak_start")
        return min(readings, key=lambda r: weak.match(r[0][3]) is not None, default=None)

    def _read_name(self, pos: int, size: int) -> Optional[list]:
        text, name = self.text, self.text[pos:pos + size]
        if pos + size > self.end or not is_person_name(name):
            return None
        for k in self._post_ends(pos + size):
            rest = self.read(k)
            if rest is None and self.stop:
                rest = [] if self._no_name_at(k) else None
            if rest is not None:
                return [(pos, pos + size, name, text[pos + size:k])] + rest
        return None

    def _no_name_at(self, k: int) -> bool:
        return not any(is_person_name(self.text[k:k + n])
                       for n in name_sizes_at(self.text, k, _cfg()["name_sizes"]))

    def _post_ends(self, start: int) -> list:
        """Where a post starting at ``start`` may end: after a post word (and
        the note in brackets after it, (兼)), before any mark of prose."""
        text, ends = self.text, []
        limit = min(self.end, start + _cfg()["max_post"])
        prose = _rule("glued_roster_prose").search(text, start, limit)
        limit = prose.start() if prose else limit
        for i in range(start + 1, limit + 1):
            if any(text.endswith(p, start, i) for p in _posts()):
                note = _rule("glued_post_note").match(text, i, limit)
                ends.append(note.end() if note else i)
        return ends
