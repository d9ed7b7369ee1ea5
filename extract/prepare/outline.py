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
number of lines and labels. Task tables and where the outline begins are in
outline_tables.py; the finished tree's ids, orphans and spans in outline_tree.py.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from typing import Optional

from .. import rules
from . import outline_tables as tables
from . import outline_tree as tree
from ..text.numerals import ordinal
from ..records import Node, Plan

_INDENT = " \t\u3000\xa0"


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
def _free_pairs() -> tuple:
    """(style, the style whose use fixes its rank) for every free style."""
    return tuple((s.id, s.free_without) for s in styles() if s.free_without)


@functools.lru_cache(maxsize=None)
def _style(style_id: str) -> Style:
    return next(s for s in styles() if s.id == style_id)


def _setting(key: str):
    return rules.load("outline")[key]


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
    if gate is not None and not gate.match(text, pos, line_end):
        return None              # no label of these styles begins with this character
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


def _plain_number(written: str) -> str:
    """The numeral of a label as written: NFKC, no brackets, no spaces a page
    left inside it (第 1 0 条, （ 二 ）)."""
    number = unicodedata.normalize("NFKC", written).strip(_setting("number_brackets"))
    return "".join(number.split())


def _line_start_candidate(text: str, start: int, end: int) -> Optional[Candidate]:
    pos = start
    while pos < end and text[pos] in _INDENT:
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
    return all("\u4e00" <= ch <= "\u9fff" for ch in prefix)


@functools.lru_cache(maxsize=1)
def _in_line_styles() -> tuple:
    """(styles, their first characters) of inline labels, after-space labels and labels
    that may run on after a sentence."""
    groups = (tuple(s for s in styles() if s.where == "inline"),
              tuple(s for s in styles() if s.where == "space"),
              tuple(s for s in styles() if s.after_sentence))
    return tuple((group, _gate(group)) for group in groups)


@functools.lru_cache(maxsize=1)
def _after_marks() -> re.Pattern:
    """The characters a label inside a line can follow (a space, a sentence end, a boundary)."""
    marks = set(_INDENT) | set(_setting("sentence_end")) | set(_setting("inline_boundary"))
    return re.compile("[" + "".join(re.escape(ch) for ch in sorted(marks)) + "]")


def _in_line_candidates(text: str, start: int, end: int, after: int) -> list:
    """Labels inside the line after position ``after``: inline and after-space ones.

    A label can only follow one of ``_after_marks`` (or open the line), so
    the walk jumps from one such place to the next; a position jumped over
    follows another character, which ends any run of spaces after a
    sentence end and puts text before the label, as the step-by-step walk
    would record.
    """
    boundary = _setting("inline_boundary")
    sentence_end = _setting("sentence_end")
    (inline, inline_gate), (spaced, spaced_gate), (run_together, run_gate) = _in_line_styles()
    next_mark = _after_marks().search
    found = []
    pos = after
    last_sentence_end = -2      # position of the last sentence end before pos
    text_before = after > start     # a label already opened the line
    while pos < end:
        prev = text[pos - 1] if pos > start else "\n"
        if prev in sentence_end:
            last_sentence_end = pos - 1
        elif prev not in _INDENT:
            last_sentence_end = -2
            text_before = text_before or pos > start
        cand = None
        if prev in _INDENT and spaced:
            cand = _match_at(text, pos, end, spaced, spaced_gate)
        if cand is None and run_together and text_before:
            cand = _midline_candidate(text, pos, end, run_together, prev in _INDENT,
                                      last_sentence_end >= start, run_gate)
        if cand is None and (pos == start or prev in boundary):
            cand = _match_at(text, pos, end, inline, inline_gate)
            if cand:
                cand = Candidate(cand.start, cand.body, cand.label, cand.style, cand.num, False)
        if cand:
            found.append(cand)
            pos = cand.body
            continue
        mark = next_mark(text, pos, end - 1)    # the next position after a mark, below end
        if mark is None:
            break
        if mark.start() > pos:              # jumped over a position after another character
            last_sentence_end = -2
            text_before = True
        pos = mark.start() + 1
    return found


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


def _title(text: str, body: int, end: int) -> str:
    while body < end and text[body] in _INDENT + "、:：,，":
        body += 1
    stop = _setting("title_stop")
    limit = min(end, body + int(_setting("title_max")))
    cut = body
    while cut < limit and text[cut] not in stop:
        cut += 1
    return text[body:cut].strip()


class _Builder(tables.TableLines):
    """Walks the lines of a plan, keeping the stack of open nodes."""

    def __init__(self, plan: Plan):
        self.plan = plan
        self.text = plan.text
        self.nodes: list = []
        self.stack: list = []
        self.last_number: dict = {}     # style → number of its last node anywhere
        self.mid_way: set = set()       # ids of nodes whose style began past 1 (an excerpt)
        self.ranks: dict = {}           # floating style → the rank its first use gave it
        self.serial = 0                 # ids stay unique when lone items are dropped
        self.table_row = -1             # last row number of an open task table, -1 outside one
        self.fresh = False              # the last non-empty line was a heading (or its title line)
        self.title_line = -1            # start of the line a lone label took its title from

    def rank(self, style_id: str) -> float:
        """A style's rank; a floating one not used yet ranks just below the open node."""
        style = _style(style_id)
        if not style.floating:
            return style.rank
        if style_id not in self.ranks:
            return self.rank(self.stack[-1].style) + 0.5 if self.stack else 0.5
        return self.ranks[style_id]

    def _find(self, style: str, lowest: int) -> int:
        for i in range(len(self.stack) - 1, lowest - 1, -1):
            if self.stack[i].style == style:
                return i
        return -1

    def _open(self, cand: Candidate, line_end: int, at: int) -> Node:
        del self.stack[at:]
        parent = self.stack[-1] if self.stack else None
        self.serial += 1
        node = Node(
            node_id=f"{self.plan.doc_id}:{self.serial:04d}",
            doc_id=self.plan.doc_id,
            parent_id=parent.node_id if parent else None,
            level=len(self.stack) + 1,
            label=cand.label,
            title=_title(self.text, cand.body, line_end),
            char_start=cand.start, char_end=cand.start, text="",
            style=cand.style, number=cand.num, inline=not cand.strong, body_start=cand.body,
        )
        self.nodes.append(node)
        self.stack.append(node)
        self.last_number[cand.style] = cand.num
        return node

    def heading(self, cand: Candidate, line_end: int) -> bool:
        """A heading closes every open node of its rank or lower.

        It is a sibling of an open node of its style when its number follows
        that node's; a style that is not open starts at 1, continues its last
        number (lists numbered across sections), or outranks every open node
        (an excerpt that began lower down).
        """
        own = self.rank(cand.style)
        at = self._place(cand, own)
        same = self.stack[at] if at < len(self.stack) and self.stack[at].style == cand.style else None
        if cand.midline:    # continues the open numbering, or a lower style starts at 1
            starts = cand.after_space or _style(cand.style).where != "inline"
            ok = ((same is not None and cand.num == same.number + 1)
                  or (starts and at == len(self.stack) and cand.num == 1))
        elif same is not None:
            ok = cand.num == 1 or same.number <= cand.num <= same.number + 3
        else:
            ok = (cand.num == 1 or cand.num == self.last_number.get(cand.style, -1) + 1 or at == 0
                  or self._inside_excerpt(cand.style, at))
        if ok:
            first_of_style = cand.style not in self.last_number
            node = self._open(cand, line_end, at)
            if _style(cand.style).floating:
                self.ranks.setdefault(cand.style, own)
            if first_of_style and cand.num != 1:
                self.mid_way.add(node.node_id)
        return ok

    def _place(self, cand: Candidate, own: float) -> int:
        """Where a heading enters the stack: the first open node it closes.

        A free style (第X条 in a plan without 第X章) nests under the innermost
        open heading and closes only its own open node; a fixed-ranked heading
        passes over open free nodes, and right after one it closes it unless
        that node introduced a list (第三条 …下列条件： / （一）…).
        """
        free = self._free_styles()
        if cand.style in free:
            at = self._find(cand.style, 0)
            return at if at >= 0 else len(self.stack)
        at = next((i for i, n in enumerate(self.stack) if n.style not in free and self.rank(n.style) >= own),
                  len(self.stack))
        if (at == len(self.stack) and self.stack and self.stack[-1].style in free
                and not self._introduces_list(cand.start)):
            at -= 1
        return at

    def _free_styles(self) -> frozenset:
        return frozenset(style for style, blocker in _free_pairs() if blocker not in self.last_number)

    def _introduces_list(self, pos: int) -> bool:
        """Whether the text before ``pos`` ends with a list's lead-in (a colon)."""
        while pos > 0 and self.text[pos - 1] in _INDENT + "\n\r":
            pos -= 1
        return pos > 0 and self.text[pos - 1] in _setting("list_intro")

    def _inside_excerpt(self, style: str, at: int) -> bool:
        """An excerpt's lists may begin mid-way too: under nodes that themselves
        began past 1, a style seen for the first time starts at any number."""
        return style not in self.last_number and all(n.node_id in self.mid_way for n in self.stack[:at])

    def inline(self, cand: Candidate, line_end: int, lowest: int) -> bool:
        """A label inside a paragraph: must start a chain at 1 or continue one."""
        at = self._find(cand.style, lowest)
        if at >= 0:
            last = self.stack[at].number
            if cand.num in (last, last + 1):
                self._open(cand, line_end, at)
                return True
            return False
        if cand.num == 1:
            self._open(cand, line_end, len(self.stack))
            return True
        return False

    def line(self, start: int, end: int) -> None:
        if start == end or self.text[start:end].isspace():
            return      # a blank line changes nothing (inline nodes closed with their line)
        fresh = self.fresh      # right under a heading line (or its lone label's title line)
        self.fresh = fresh and start == self.title_line
        first = len(self.nodes)
        lowest = len(self.stack)
        after, heading = start, None
        if self.table_line(start, end) or self.lone_row(start, end, fresh):
            return
        cand = _line_start_candidate(self.text, start, end)
        if cand and self.heading(cand, end):
            lowest = len(self.stack) - 1
            after = cand.body
            if cand.style != tables.TABLE_STYLE:
                self.table_row = -1     # a heading of the outline closes the table
                heading = self.nodes[-1]
        opened_inline = False
        for cand in _in_line_candidates(self.text, start, end, after):
            if cand.strong and not self._continues_inline(cand, lowest):
                if self.heading(cand, end):
                    lowest = len(self.stack) - 1
                    continue
                if not (cand.midline and _style(cand.style).where == "inline"):
                    continue
            if self.inline(_as_inline(cand), end, lowest):
                opened_inline = True
        if opened_inline:
            self._drop_lone_items(first)
        if heading is not None and self.nodes[-1] is heading:   # a heading line, nothing after it
            self.fresh = True
            if not heading.title:
                self.title_below(heading, end)
        while self.stack and self.stack[-1].inline:
            self.stack.pop()

    def _continues_inline(self, cand: Candidate, lowest: int) -> bool:
        """A run-together label that continues an enumeration inside the paragraph stays inline."""
        at = self._find(cand.style, lowest) if cand.midline else -1
        return at >= 0 and self.stack[at].inline

    def _drop_lone_items(self, first: int) -> None:
        """An inline `1.` with no sibling and no child is more likely text than a list."""
        opened = self.nodes[first:]
        family = Counter((n.parent_id, n.style) for n in opened if n.inline)
        parents = {n.parent_id for n in opened}
        lone = {n.node_id for n in opened
                if n.inline and family[(n.parent_id, n.style)] == 1 and n.node_id not in parents}
        if lone:
            self.nodes[first:] = [n for n in opened if n.node_id not in lone]
            self.stack = [n for n in self.stack if n.node_id not in lone]


def _as_inline(cand: Candidate) -> Candidate:
    return Candidate(cand.start, cand.body, cand.label, cand.style, cand.num, False)


def _lines(text: str, start: int = 0):
    for piece in text[start:].split("\n"):
        yield start, start + len(piece)
        start += len(piece) + 1


def parse(plan: Plan) -> list:
    """Return the plan's outline nodes in document order.

    The outline starts after the plan's own title line: the issuing notice's
    own `一、二、三` and a page's plan marker (第二篇：<title>) are not part of it.
    """
    builder = _Builder(plan)
    start = tables.body_start(plan)
    for line_start, line_end in _lines(plan.text, start):
        builder.line(line_start, line_end)
    nodes = builder.nodes
    tree.cut_titles_at_next_label(nodes, plan.text)
    tree.renumber(nodes, plan.doc_id)
    tree.place_orphans(nodes, lambda style_id: builder.ranks.get(style_id, _style(style_id).rank))
    tree.close_spans(nodes, plan.text)
    return nodes
