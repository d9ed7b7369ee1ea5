"""The text of a run-together table (runtables.py) and the unit and person
names inside it, read by their shapes alone: a name ends in a body suffix (rules/orgs.yaml) or is a
place with its level, never ends inside a jieba word, and a person's name is a
surname and one or two characters (personnames.py)."""
from __future__ import annotations

import bisect
import functools

from .. import rules
from ..text import nlp
from . import orgnames as un
from .personnames import is_person_name, name_sizes_at
from .tables import Cell

RULES = "units"
_MAX_UNIT = 16        # characters of one unit name
_MAX_NOTE = 12        # characters inside a bracket note after a name: 高新园(某镇)
_MAX_RUN = 200        # characters of one run of names


def _rule(key: str):
    return rules.pattern_rules(RULES, key)


class View:
    """The text from a header on with line breaks (and a viewer's page-chunk
    markers at a line start) taken out; ``pos[i]`` is the offset in the plan
    text of ``chars[i]``."""

    def __init__(self, text: str, start: int, end: int, chunks: bool = True):
        self.raw, self.start, self.end, self.chunks = text, start, end, chunks
        keys = ("run_chunk_breaks", "run_table_breaks") if chunks else ("run_table_breaks",)
        found = {}
        for key in keys:             # a chunk marker's break first: it covers the plain one
            for m in (m for r in _rule(key) for m in r.regex.finditer(text, start, end)):
                found.setdefault(m.start(), m.span())
        breaks = sorted(found.values())
        chars, pos, b, i = [], [], 0, start
        self.line_ends = []            # view indices of plain line breaks (no chunk marker)
        while i < end:
            while b < len(breaks) and breaks[b][1] <= i:
                b += 1
            if b < len(breaks) and breaks[b][0] <= i < breaks[b][1]:
                if not text[breaks[b][0]:breaks[b][1]].strip():
                    self.line_ends.append(len(chars))
                i = breaks[b][1]
                continue
            chars.append(text[i])
            pos.append(i)
            i += 1
        self.text, self.pos = "".join(chars), pos

    def covering(self, i: int) -> "View":
        """This view, or a longer one from the same start (same offsets up to
        here) when it was cut short before view index ``i``: each growth
        doubles it, so a long table costs linear time."""
        if i < len(self.text) or self.end >= len(self.raw):
            return self
        return View(self.raw, self.start, min(len(self.raw), self.start + 2 * (self.end - self.start)),
                     self.chunks)

    def cell(self, a: int, b: int, parts: tuple = ()) -> Cell:
        """The plan text's cell over view[a:b], as written (breaks and all)."""
        start, end = self.pos[a], self.pos[b - 1] + 1
        return Cell(start, end, self.raw[start:end], parts)

    def name(self, a: int, b: int) -> Cell:
        """A name in the run: its offsets in the plan text, its text without the breaks."""
        return Cell(self.pos[a], self.pos[b - 1] + 1, self.text[a:b])


def reach(text: str, start: int, limit: int, seps: str, cuts: set) -> dict:
    """end -> unit names one after another from ``start`` reaching it, each
    (start, end, end with any bracket note); a separator (、) may part them.
    More names beat fewer over the same stretch."""
    stop = min(limit, start + _MAX_RUN)
    best = {start: []}
    for i in range(start, stop):
        if i not in best:
            continue
        at = i + 1 if best[i] and text[i] in seps else i
        for j in range(at + 2, min(stop, at + _MAX_UNIT) + 1):
            if j not in cuts or not _valid_name(text[at:j]):
                continue
            if best[i] and _joins(text[best[i][-1][0]:best[i][-1][1]], text[at:j]):
                continue
            end = note_end(text, j, stop)
            chain = best[i] + [(at, j, end)]
            if end not in best or _rank(text, chain) > _rank(text, best[end]):
                best[end] = chain
    return best


class Cuts:
    """Where jieba words end in a text: a name never ends inside a word
    (委|员会). Each run of Han characters is cut once, when first asked;
    ``current`` gives the text, which may grow (from the same start)."""

    def __init__(self, current):
        self.current, self.runs, self.text, self.starts, self.spans = current, {}, None, [], []

    def __contains__(self, j: int) -> bool:
        text = self.current()
        if text is not self.text:         # the text grew: find its runs of Han again
            self.text, self.runs = text, {}
            self.spans = [m.span() for m in _rule("run_han_runs")[0].regex.finditer(text)]
            self.starts = [a for a, _ in self.spans]
        k = bisect.bisect_right(self.starts, j - 1) - 1
        if k < 0 or not self.spans[k][0] < j < self.spans[k][1]:
            return True               # a name may always end where its run of Han ends
        if k not in self.runs:
            a, b = self.spans[k]
            self.runs[k] = {a + c for c in _word_cuts(text[a:b])}
        return j in self.runs[k]


@functools.lru_cache(maxsize=4096)
def name_lengths(piece: str) -> list:
    """Lengths of a person's name opening ``piece``: jieba's own name first."""
    tagged = tagged_name(piece)
    out = [tagged] if tagged else []
    sizes = name_sizes_at(piece, 0, (3, 2))          # 欧阳晓峰: a compound surname's four first
    return out + [n for n in sizes if n not in out and n <= len(piece) and is_person_name(piece[:n])]


@functools.lru_cache(maxsize=4096)
def tagged_name(piece: str) -> int:
    """Length of the person's name jieba itself tags at the start of ``piece`` (0 if none)."""
    first = next(iter(nlp.posseg().cut(piece)), None) if piece else None
    ok = first is not None and first.flag.startswith("nr") and is_person_name(first.word)
    return len(first.word) if ok else 0


def _rank(text: str, chain: list) -> tuple:
    """More names first; then fewer names that open with a body suffix the
    name before them lacks (人社局|高新园, not 人社|局高新园); then more that
    say their level (县财政局|县住建局, not 县财政局县|住建局)."""
    suffixes = set(un.body_suffixes())
    levels = [un.has_level(text[a:b]) for a, b, _ in chain]
    return (len(chain), -sum(text[a] in suffixes and not level
                             for (a, _, _), level in zip(chain[1:], levels[1:])), sum(levels))


def _word_cuts(piece: str) -> frozenset:
    """Offsets where a jieba word ends: a name never ends inside a word (委|员会).
    A row is cut once, so a name is checked against the words of its row."""
    cuts, pos = {0}, 0
    for word in nlp.jieba().cut(piece, HMM=False):
        pos += len(word)
        cuts.add(pos)
    return frozenset(cuts)


def note_end(text: str, j: int, limit: int) -> int:
    """After a bracket note (高新园(某镇)), else ``j``."""
    opens, closes, _ = un.brackets()
    if j < limit and text[j] in opens:
        close = next((k for k in range(j + 1, min(limit, j + _MAX_NOTE + 2)) if text[k] in closes), None)
        if close is not None:
            return close + 1
    return j


@functools.lru_cache(maxsize=4096)
def _valid_name(name: str) -> bool:
    """A unit name standing in the run: a body (ends in a body suffix), a
    place with its level (兴隆镇, 某某街道), or a generic one (各街道, 各镇)
    that holds the place of a name though it names no one."""
    if not _rule("run_name_chars")[0].regex.fullmatch(name):
        return False
    if un.is_generic(name):
        return un.looks_like_unit(name) or un.is_territorial(name)
    if not un.valid_in_list(name):
        return False
    if not un.is_territorial(name):
        return un.looks_like_unit(name)
    # 推进……核心区, 升级改造县… are a task running into a place, not the name of one
    if not _rule("run_place_shape")[0].regex.fullmatch(name):
        return False
    verbs = rules.words(RULES, "run_place_verb_tags")
    return not any(len(w.word) > 1 and w.flag in verbs for w in nlp.posseg().cut(name))


def _joins(left: str, right: str) -> bool:
    """区委 before 组织部, 经开区 before 管委会: the start of one name, not a
    name of its own."""
    if any(r.regex.fullmatch(left) for r in _rule("run_parent_bodies")):
        return not un.has_level(right)
    return un.is_territorial(left) and any(r.regex.fullmatch(right) for r in _rule("run_place_bodies"))
