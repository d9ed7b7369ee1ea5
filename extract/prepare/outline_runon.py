"""Outline stage, labels on pages whose lines and spaces ran together: a
label right after a bracketed aside that closes a sentence (…左右。（X负责）（二）…),
the first heading after the notice sentence that introduces the outline
(…通知如下：一、…), and labels glued to the word before them (…工作(一)建筑…);
and the in-line walk's steps from one place where a label may begin to the next.

The label primitives live in outline.py; this module imports it as a whole
and uses it only at call time, so either module may be imported first.
"""
from __future__ import annotations

import functools
from typing import Optional

from .. import rules
from ..text.numerals import ordinal
from . import outline as ol


@functools.lru_cache(maxsize=1)
def aside_pairs() -> dict:
    """{closing bracket: its opening bracket} of the asides that may close a sentence."""
    pairs = ol._setting("aside_brackets")
    return {pairs[i + 1]: pairs[i] for i in range(0, len(pairs) - 1, 2)}


def closes_aside(text: str, close: int, start: int) -> bool:
    """Whether the bracket at ``close`` ends an aside (…左右。（市发改委负责）,
    …左右（市发改委负责）): the clause is over there, so a label after it runs on
    as after a sentence end. The look back is bounded."""
    opener = aside_pairs()[text[close]]
    ends = ol._setting("sentence_end")
    if close > start and text[close - 1] in ends:
        return True
    stop = max(start, close - int(ol._setting("aside_max")))
    pos = close - 1
    while pos >= stop and text[pos] != opener and text[pos] != text[close]:
        pos -= 1
    if pos < stop or text[pos] != opener:
        return False
    # an aside that closes its clause (…增长7%左右（县发改局负责）) ends it as a
    # sentence end would: the label after it must still continue the numbering.
    # A label's own brackets (第三条（一）（二）项) are no aside.
    numerals = ol._setting("numerals")
    return pos > start and not all(ch in numerals or ch.isdigit() for ch in text[pos + 1:close])


def glued_candidates(text: str, start: int, end: int, given: list = ()) -> list:
    """Labels glued to the word before them on a page whose line breaks and
    spaces were lost (…整治工作(一)建筑施工场地…): taken only as a chain that
    holds its first two numbers, so a lone (一) in a sentence stays text. The
    second may be a label of the same style already ``given`` in the line
    (…措施(一)建立……。(二)积极……: after a sentence end it is no glued one)."""
    found = []
    for rule in rules.pattern_rules("outline", "glued_labels"):
        for m in rule.regex.finditer(text, start, end):
            num = ordinal(ol._plain_number(m.group("num")))
            if num:
                found.append(ol.Candidate(m.start("label"), m.end(), m.group("label"), rule.data["style"],
                                          num, True, True, True, True))
    styles = {c.style for c in found}
    chain = sorted(found + [c for c in given if c.style in styles], key=lambda c: c.start)
    numbers = [c.num for c in chain]
    if 1 not in numbers or 2 not in numbers[numbers.index(1):]:
        return []
    return found


def with_glued(found: list, glued: list) -> list:
    """The in-line labels and the glued ones, in text order (a position once)."""
    if not glued:
        return found
    taken = {c.start for c in found}
    return sorted(found + [c for c in glued if c.start not in taken], key=lambda c: c.start)


def opening_after_intro(text: str, pos: int, end: int, pool: tuple, gate=None) -> Optional["ol.Candidate"]:
    """The first heading of an outline run together with the notice sentence
    that introduces it (…现将有关事项通知如下：一、……): a line-start style at
    its first number, on a line that goes on with sentences."""
    cand = ol._match_at(text, pos, end, pool, gate)
    if cand is None or cand.num != 1 or ol._style(cand.style).where != "line" or not ol.runs_on(text, pos, end):
        return None
    guard = ol._midline_guards().get(cand.style)
    if guard is not None and guard.match(text, cand.body, end):
        return None
    return ol.Candidate(cand.start, cand.body, cand.label, cand.style, cand.num, True, True)


# --- the in-line walk, from one place a label may begin to the next ----------------

def next_opening(text: str, pos: int, end: int, may_open) -> Optional[int]:
    """The first place after ``pos`` and before ``end`` that the walk visits
    (it follows a mark) and where a label may begin; None if there is none."""
    marks = _after_mark_set()
    found = may_open.search(text, pos + 1, end)
    while found is not None and text[found.start() - 1] not in marks:
        found = may_open.search(text, found.start() + 1, end)
    return None if found is None else found.start()


def walked(text: str, start: int, pos: int, nxt: int, last_sentence_end: int, text_before: bool) -> tuple:
    """(last sentence end, text before) on arriving at ``nxt``, as the
    step-by-step walk from ``pos`` would leave them: it visits each place
    after a mark; a character that is no mark, jumped over, resets the
    sentence end and puts text before; the marks after it (a run of them
    ends right before ``nxt``) are then visited one by one."""
    marks, sentence_end, blank = _after_mark_set(), ol._setting("sentence_end"), ol.indent()
    closers = aside_pairs()
    first = nxt - 1
    while first > pos and text[first - 1] in marks:
        first -= 1              # text[first:nxt] is the run of marks before nxt
    if first > pos:             # a character that is no mark stood between
        last_sentence_end, text_before = -2, True
    for at in range(first + 1, nxt):        # each place of the run but the last: prev is text[at - 1]
        prev = text[at - 1]
        if prev in sentence_end or (prev in closers and closes_aside(text, at - 1, start)):
            last_sentence_end = at - 1
        elif prev not in blank:
            last_sentence_end, text_before = -2, True
    return last_sentence_end, text_before


@functools.lru_cache(maxsize=1)
def _after_mark_set() -> frozenset:
    """The characters a label inside a line can follow (outline._after_marks, as a set)."""
    return frozenset(set(ol.indent()) | set(ol._setting("sentence_end")) | set(ol._setting("inline_boundary")))
