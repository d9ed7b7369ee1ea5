"""Outline stage: the tree of numbered headings and items of one plan.

Each numbering style has a fixed rank (rules/outline.yaml; 第X阶段 and 第X条
take theirs from where the document first uses them, and 第X条 in a plan
without 第X章 nests under whatever heading is open): a heading closes
every open node of its rank or lower and becomes the child of the nearest
higher one, so an excerpt that starts at `（三）` or puts `四、` after lower
labels builds the right tree. Levels are depths in the document's own tree:
`1、` is level 3 under `一、/（一）` and level 2 directly under `一、`; items
before the first label that outranks them (an excerpt's orphans) take the
depth their style has in the rest of the document.

Labels are found at line starts (headings and items), after a sentence end
inside a line when a page ran paragraphs together, and inside paragraphs
(inline enumerations `（1）……；（2）……`). Inline labels must form a chain that
starts at 1 or continues the line's own label, which is what keeps `110报警`,
`第一篇` or a year from being read as numbering. Every pass is linear in the
number of lines and labels. The walk over the lines that builds the tree is in
outline_build.py, task tables and where the outline begins in outline_tables.py,
labels on pages run together (after an aside, after the notice's lead-in,
glued to a word) in outline_runon.py, the finished tree's ids, orphans and
spans in outline_tree.py.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from typing import Optional

from .. import rules
from . import outline_build as build
from . import outline_runon as runon
from . import outline_tables as tables
from . import outline_tree as tree
from ..text.numerals import ordinal
from ..records import Plan

@dataclass(frozen=True)
class Style:
    id: str
    regex: object
    where: str          # line | space | inline
    max_prefix: int
    rank: int           # lower is higher: 第X部分 1 … ① 11
    floating: bool      # ranked where the document first uses it
    after_sentence: bool
    free_without: str   # a style whose absence lets this one nest under any open heading
    starts: Optional[str] = None   # a class of every character its labels begin with


@dataclass(frozen=True)
class Candidate:
    start: int          # label's first character
    body: int           # first character after the label and its punctuation
    label: str
    style: str
    num: int
    strong: bool        # a heading/item at a line start (or after white space)
    midline: bool = False   # a heading found after a sentence end inside a line
    after_space: bool = False   # a midline label after white space (a lost block break)
    glued: bool = False     # glued to the word before it on a page that lost its breaks


@functools.lru_cache(maxsize=None)
def styles() -> tuple:
    out = []
    for rule in rules.pattern_rules("outline", "styles"):
        where = rule.data.get("where", "line")
        if where not in ("line", "space", "inline"):
            raise rules.RuleError(f"rules/outline.yaml: style {rule.id!r}: bad where {where!r}")
        if "label" not in rule.regex.groupindex or "num" not in rule.regex.groupindex:
            raise rules.RuleError(f"rules/outline.yaml: style {rule.id!r} needs groups 'label' and 'num'")
        if not isinstance(rule.data.get("rank"), int):
            raise rules.RuleError(f"rules/outline.yaml: style {rule.id!r} needs an integer rank")
        out.append(Style(rule.id, rule.regex, where, int(rule.data.get("max_prefix", 0)),
                         rule.data["rank"], bool(rule.data.get("floating", False)),
                         bool(rule.data.get("after_sentence", False)),
                         str(rule.data.get("free_without", "")), rule.data.get("starts")))
    known = {style.id for style in out}
    for style in out:
        if style.free_without and style.free_without not in known:
            raise rules.RuleError(f"rules/outline.yaml: style {style.id!r}: free_without names no style")
    return tuple(out)


@functools.lru_cache(maxsize=None)
def _style(style_id: str) -> Style:
    return next(s for s in styles() if s.id == style_id)


@functools.lru_cache(maxsize=None)
def _setting(key: str):
    # read per line and per label: looked up once
    return rules.load("outline")[key]


@functools.lru_cache(maxsize=1)
def indent() -> str:
    """The characters that indent a line or space a label from its text."""
    return _setting("indent")


@functools.lru_cache(maxsize=1)
def _plain_prefix() -> re.Pattern:
    return re.compile(_setting("plain_prefix"))


@functools.lru_cache(maxsize=None)
def _first_chars(style_ids: tuple) -> Optional[re.Pattern]:
    """One class of every character a label of these styles can begin with (None: any)."""
    classes = [_style(i).starts for i in style_ids]
    if not classes or None in classes:
        return None
    return re.compile("|".join(classes))


def _gate(allowed: tuple) -> Optional[re.Pattern]:
    return _first_chars(tuple(s.id for s in allowed))


@functools.lru_cache(maxsize=1)
def _any_style_gate() -> Optional[re.Pattern]:
    return _gate(styles())


def _match_at(text: str, pos: int, line_end: int, allowed: tuple,
              gate: Optional[re.Pattern] = None) -> Optional[Candidate]:
    """The first of ``allowed`` whose label matches at ``pos``; ``gate``: their first characters."""
    if gate is not None:
        if not gate.match(text, pos, line_end):
            return None          # no label of these styles begins with this character
        allowed = _styles_at(allowed, text[pos])
    for style in allowed:
        m = style.regex.match(text, pos, line_end)
        if not m:
            continue
        num = ordinal(_plain_number(m.group("num")))
        if not num:
            continue
        label = m.group("label")
        if style.id == "digit" and m.group("num") in ("l", "I"):
            label = label.replace(m.group("num"), "1", 1)
        return Candidate(m.start("label"), m.end(), label, style.id, num, True)
    return None


# id of a style tuple given with its gate -> (the tuple, kept so that its id stays
# its own; {character: the styles of it whose labels may begin with that character})
_BY_FIRST: dict = {}


def _styles_at(allowed: tuple, first: str) -> tuple:
    """The styles of ``allowed`` (every one declares its start characters) whose
    labels may begin with ``first``, in order: the others are not tried there."""
    entry = _BY_FIRST.get(id(allowed))
    if entry is None or entry[0] is not allowed:
        entry = _BY_FIRST[id(allowed)] = (allowed, {})
    found = entry[1].get(first)
    if found is None:
        found = entry[1][first] = tuple(s for s in allowed if re.match(s.starts, first))
    return found


def _plain_number(written: str) -> str:
    """The numeral of a label as written: NFKC, no brackets, no spaces a page
    left inside it (第 1 0 条, （ 二 ）)."""
    number = unicodedata.normalize("NFKC", written).strip(_setting("number_brackets"))
    return "".join(number.split())


def _line_start_candidate(text: str, start: int, end: int) -> Optional[Candidate]:
    pos, blank = start, indent()
    while pos < end and text[pos] in blank:
        pos += 1
    found = _match_at(text, pos, end, styles(), _any_style_gate())
    if found:
        return found
    for style in styles():
        if not style.max_prefix:
            continue
        m = style.regex.search(text, pos, min(end, pos + style.max_prefix + 8))
        if m and m.start() - pos <= style.max_prefix and _plain(text[pos:m.start()]):
            return _match_at(text, m.start(), end, (style,))
    return None


def starts_with_label(text: str, start: int, end: int) -> bool:
    """Whether the line text[start:end] opens with a numbering label (一、, （二）, 第三章 …)."""
    return _line_start_candidate(text, start, end) is not None


def _plain(prefix: str) -> bool:
    """A heading prefix such as 创建省级文明城市 holds no punctuation or digits."""
    return _plain_prefix().fullmatch(prefix) is not None


@functools.lru_cache(maxsize=1)
def _in_line_styles() -> tuple:
    """(styles, their first characters) of inline labels, after-space labels and labels
    that may run on after a sentence."""
    groups = (tuple(s for s in styles() if s.where == "inline"),
              tuple(s for s in styles() if s.where == "space"),
              tuple(s for s in styles() if s.after_sentence))
    return tuple((group, _gate(group)) for group in groups)


@functools.lru_cache(maxsize=1)
def _in_line_gate() -> Optional[re.Pattern]:
    """The first characters of every in-line style together (None: any character)."""
    return _first_chars(tuple(dict.fromkeys(s.id for group, _ in _in_line_styles() for s in group)))


@functools.lru_cache(maxsize=1)
def _after_marks() -> re.Pattern:
    """The characters a label inside a line can follow (a space, a sentence end, a boundary)."""
    marks = set(indent()) | set(_setting("sentence_end")) | set(_setting("inline_boundary"))
    return re.compile("[" + "".join(re.escape(ch) for ch in sorted(marks)) + "]")


def _in_line_candidates(text: str, start: int, end: int, after: int) -> list:
    """Labels inside the line after position ``after``: inline and after-space ones.

    A label can only follow one of ``_after_marks`` (or open the line), so
    the walk jumps from one such place to the next; a position jumped over
    follows another character, which ends any run of spaces after a
    sentence end and puts text before the label, as the step-by-step walk
    would record; it goes straight to the next such place where a label may
    begin, with the state the steps between would leave (runon.walked).
    """
    sentence_end = _setting("sentence_end")
    next_mark = _after_marks().search
    may_open = _in_line_gate()
    blank = indent()
    closers = runon.aside_pairs()
    found = []
    pos = after
    last_sentence_end = -2      # position of the last sentence end before pos
    text_before = after > start     # a label already opened the line
    while pos < end:
        prev = text[pos - 1] if pos > start else "\n"
        if prev in sentence_end or (prev in closers and runon.closes_aside(text, pos - 1, start)):
            last_sentence_end = pos - 1
        elif prev not in blank:
            last_sentence_end = -2
            text_before = text_before or pos > start
        cand = None
        if may_open is None or may_open.match(text, pos, end):   # else no label begins here
            cand = _candidate_at(text, pos, end, prev, pos == start, text_before,
                                 last_sentence_end >= start)
        if cand:
            found.append(cand)
            pos = cand.body
            continue
        if may_open is not None:            # on to the next place after a mark where a label may begin
            nxt = runon.next_opening(text, pos, end, may_open)
            if nxt is None:
                break
            last_sentence_end, text_before = runon.walked(text, start, pos, nxt, last_sentence_end, text_before)
            pos = nxt
            continue
        mark = next_mark(text, pos, end - 1)    # the next position after a mark, below end
        if mark is None:
            break
        if mark.start() > pos:              # jumped over a position after another character
            last_sentence_end = -2
            text_before = True
        pos = mark.start() + 1
    if runs_on(text, after, end):
        found = runon.with_glued(found, runon.glued_candidates(text, after, end, found))
    return found


def _candidate_at(text: str, pos: int, end: int, prev: str, line_start: bool,
                  text_before: bool, after_sentence: bool) -> Optional[Candidate]:
    """The in-line label at ``pos``, if any: after a space, run on after a
    sentence, or after a boundary (or opening the line)."""
    (inline, inline_gate), (spaced, spaced_gate), (run_together, run_gate) = _in_line_styles()
    blank = indent()
    cand = None
    if prev in blank and spaced:
        cand = _match_at(text, pos, end, spaced, spaced_gate)
    if cand is None and run_together and text_before:
        cand = _midline_candidate(text, pos, end, run_together, prev in blank,
                                  after_sentence, run_gate)
        if cand is None and prev in _setting("list_intro"):
            cand = runon.opening_after_intro(text, pos, end, run_together, run_gate)
    if cand is None and (line_start or prev in _setting("inline_boundary")):
        cand = _match_at(text, pos, end, inline, inline_gate)
        if cand:
            cand = Candidate(cand.start, cand.body, cand.label, cand.style, cand.num, False)
    return cand


def _midline_candidate(text: str, pos: int, end: int, pool: tuple, after_space: bool,
                       after_sentence: bool, gate=None) -> Optional[Candidate]:
    """A heading inside a line whose page ran its blocks together.

    After white space any run-together style may start or continue; right
    after a sentence end an inline style only continues its open heading (a
    new one there is the paragraph's own enumeration). A style's midline guard
    rejects bodies that make the label a number in running text (完成 1、2号楼).
    """
    if not (after_space or after_sentence):
        return None
    cand = _match_at(text, pos, end, pool, gate)
    if cand is None:
        return None
    guard = _midline_guards().get(cand.style)
    if guard is not None and guard.match(text, cand.body, end):
        return None
    return Candidate(cand.start, cand.body, cand.label, cand.style, cand.num, True, True, after_space)


@functools.lru_cache(maxsize=None)
def _midline_guards() -> dict:
    return {rule.id: rule.regex for rule in rules.pattern_rules("outline", "midline_guards")}


def _title(text: str, body: int, end: int, space_ends: bool = False) -> str:
    """The words after a label up to a stop; ``space_ends``: a heading found
    after white space on a page run together, whose title ends at the next
    white space (一、总体目标 到2026年底，…)."""
    lead = indent() + _setting("title_lead")
    while body < end and text[body] in lead:
        body += 1
    limit = min(end, body + int(_setting("title_max")))
    stop = _title_stop()
    found = stop.search(text, body, limit) if stop is not None and body < limit else None
    limit = found.start() if found else max(body, limit)
    if space_ends:
        gap = next((i for i in range(body, limit) if text[i] in indent()), limit)
        if gap - body >= 2:      # a text layer's spaced characters (指 导 思 想) run on
            limit = gap
    return text[body:limit].strip()


def runs_on(text: str, body: int, line_end: int, near: bool = False) -> bool:
    """Whether a line goes on with sentences after ``body``, as on a page whose
    paragraphs ran together; ``near``: a sentence end close to ``body`` (asked
    per heading, so the look stays short)."""
    if line_end - body < int(_setting("run_on_min")):
        return False
    stop = min(line_end, body + 2 * int(_setting("title_max"))) if near else line_end
    ends = _sentence_ends()
    return ends is not None and ends.search(text, body, stop) is not None


@functools.lru_cache(maxsize=1)
def _sentence_ends() -> Optional[re.Pattern]:
    """One class of the sentence ends (a search, not a walk over the characters)."""
    ends = _setting("sentence_end")
    return re.compile("[" + "".join(re.escape(ch) for ch in ends) + "]") if ends else None


@functools.lru_cache(maxsize=1)
def note_item(notes: Optional[str], cand: Optional[Candidate], text: str, start: int) -> tuple:
    """(whether the line is an item of a list of notes, the style of the list
    still open) for a table's 注：1、…2、…: the list opens at item 1 right after
    a bare note lead-in and lasts up to the next label of another style."""
    if cand is None:
        return False, notes
    if notes is not None:
        return (True, notes) if cand.style == notes else (False, None)
    before = text[max(0, start - 40):start]
    if cand.num == 1 and any(r.regex.search(before) for r in rules.pattern_rules("outline", "note_intro")):
        return True, cand.style
    return False, None


@functools.lru_cache(maxsize=1)
def _title_stop() -> Optional[re.Pattern]:
    """One class of the characters that end a title (None: no such characters)."""
    stop = _setting("title_stop")
    return re.compile("[" + "".join(re.escape(ch) for ch in stop) + "]") if stop else None


def _lines(text: str, start: int = 0):
    for piece in text[start:].split("\n"):
        yield start, start + len(piece)
        start += len(piece) + 1


def parse(plan: Plan) -> list:
    """Return the plan's outline nodes in document order.

    The outline starts after the plan's own title line: the issuing notice's
    own `一、二、三` and a page's plan marker (第二篇：<title>) are not part of it.
    """
    builder = build.Builder(plan)
    start = tables.body_start(plan)
    for line_start, line_end in _lines(plan.text, start):
        builder.line(line_start, line_end)
    nodes = builder.nodes
    tree.cut_titles_at_next_label(nodes, plan.text)
    tree.renumber(nodes, plan.doc_id)
    tree.place_orphans(nodes, lambda style_id: builder.ranks.get(style_id, _style(style_id).rank))
    tree.close_spans(nodes, plan.text)
    return nodes
