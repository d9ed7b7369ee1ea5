"""Outline stage: the tree of numbered headings and items of one plan.

Levels are not fixed per numbering style: a stack of the styles open at the
current point decides them, so `1、` is level 3 under `一、/（一）` and level 2
directly under `一、`. Labels are found at line starts (headings and items)
and inside paragraphs (inline enumerations `（1）……；（2）……`). Inline labels
must form a chain that starts at 1 or continues the line's own label, which is
what keeps `110报警`, `第一篇` or a year from being read as numbering.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Optional

from .. import rules
from ..text.numerals import ordinal
from ..records import Node, Plan

_INDENT = " \t\u3000\xa0"


@dataclass(frozen=True)
class Style:
    id: str
    regex: object
    where: str          # line | space | inline
    max_prefix: int


@dataclass(frozen=True)
class Candidate:
    start: int          # label's first character
    body: int           # first character after the label and its punctuation
    label: str
    style: str
    num: int
    strong: bool        # a heading/item at a line start (or after white space)


@functools.lru_cache(maxsize=None)
def styles() -> tuple:
    out = []
    for rule in rules.pattern_rules("outline", "styles"):
        where = rule.data.get("where", "line")
        if where not in ("line", "space", "inline"):
            raise rules.RuleError(f"rules/outline.yaml: style {rule.id!r}: bad where {where!r}")
        if "label" not in rule.regex.groupindex or "num" not in rule.regex.groupindex:
            raise rules.RuleError(f"rules/outline.yaml: style {rule.id!r} needs groups 'label' and 'num'")
        out.append(Style(rule.id, rule.regex, where, int(rule.data.get("max_prefix", 0))))
    return tuple(out)


def _setting(key: str):
    return rules.load("outline")[key]


def _match_at(text: str, pos: int, line_end: int, allowed: tuple) -> Optional[Candidate]:
    for style in allowed:
        m = style.regex.match(text, pos, line_end)
        if not m:
            continue
        num = ordinal(m.group("num"))
        if not num:
            continue
        label = m.group("label")
        if style.id == "digit" and m.group("num") in ("l", "I"):
            label = label.replace(m.group("num"), "1", 1)
        return Candidate(m.start("label"), m.end(), label, style.id, num, True)
    return None


def _line_start_candidate(text: str, start: int, end: int) -> Optional[Candidate]:
    pos = start
    while pos < end and text[pos] in _INDENT:
        pos += 1
    found = _match_at(text, pos, end, styles())
    if found:
        return found
    for style in styles():
        if not style.max_prefix:
            continue
        m = style.regex.search(text, pos, min(end, pos + style.max_prefix + 8))
        if m and m.start() - pos <= style.max_prefix and _plain(text[pos:m.start()]):
            return _match_at(text, m.start(), end, (style,))
    return None


def _plain(prefix: str) -> bool:
    """A heading prefix such as 创建省级文明城市 holds no punctuation or digits."""
    return all("\u4e00" <= ch <= "\u9fff" for ch in prefix)


def _in_line_candidates(text: str, start: int, end: int, after: int) -> list:
    """Labels inside the line after position ``after``: inline and after-space ones."""
    boundary = _setting("inline_boundary")
    inline = tuple(s for s in styles() if s.where == "inline")
    spaced = tuple(s for s in styles() if s.where == "space")
    found = []
    pos = after
    while pos < end:
        prev = text[pos - 1] if pos > start else "\n"
        cand = None
        if prev in _INDENT and spaced:
            cand = _match_at(text, pos, end, spaced)
        if cand is None and (pos == start or prev in boundary):
            cand = _match_at(text, pos, end, inline)
            if cand:
                cand = Candidate(cand.start, cand.body, cand.label, cand.style, cand.num, False)
        if cand:
            found.append(cand)
            pos = cand.body
        else:
            pos += 1
    return found


def _title(text: str, body: int, end: int) -> str:
    while body < end and text[body] in _INDENT + "、:：,，":
        body += 1
    stop = _setting("title_stop")
    limit = min(end, body + int(_setting("title_max")))
    cut = body
    while cut < limit and text[cut] not in stop:
        cut += 1
    return text[body:cut].strip()


class _Builder:
    """Walks the lines of a plan, keeping the stack of open nodes."""

    def __init__(self, plan: Plan):
        self.plan = plan
        self.text = plan.text
        self.nodes: list = []
        self.stack: list = []

    def _find(self, style: str, lowest: int) -> int:
        for i in range(len(self.stack) - 1, lowest - 1, -1):
            if self.stack[i].style == style:
                return i
        return -1

    def _open(self, cand: Candidate, line_end: int, at: int) -> Node:
        del self.stack[at:]
        parent = self.stack[-1] if self.stack else None
        node = Node(
            node_id=f"{self.plan.doc_id}:{len(self.nodes) + 1:04d}",
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
        return node

    def heading(self, cand: Candidate, line_end: int) -> bool:
        """A label at a line start: sibling of an open node of its style, else a child."""
        at = self._find(cand.style, 0)
        if at < 0:
            self._open(cand, line_end, len(self.stack))
            return True
        last = self.stack[at].number
        if cand.num == 1 or last <= cand.num <= last + 3:
            self._open(cand, line_end, at)
            return True
        return False

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
        lowest = len(self.stack)
        after = start
        cand = _line_start_candidate(self.text, start, end)
        if cand and self.heading(cand, end):
            lowest = len(self.stack) - 1
            after = cand.body
        opened_inline = []
        for cand in _in_line_candidates(self.text, start, end, after):
            if cand.strong:
                if self.heading(cand, end):
                    lowest = len(self.stack) - 1
            elif self.inline(cand, end, lowest):
                opened_inline.append(self.nodes[-1])
        self._drop_lone_items(opened_inline)
        while self.stack and self.stack[-1].inline:
            self.stack.pop()

    def _drop_lone_items(self, opened: list) -> None:
        """An inline `1.` with no sibling and no child is more likely text than a list."""
        for node in opened:
            siblings = [n for n in opened if n.parent_id == node.parent_id and n.style == node.style]
            children = [n for n in opened if n.parent_id == node.node_id]
            if len(siblings) == 1 and not children:
                self.nodes.remove(node)
                if node in self.stack:
                    self.stack.remove(node)


def _lines(text: str):
    start = 0
    for piece in text.split("\n"):
        yield start, start + len(piece)
        start += len(piece) + 1


def _close_spans(nodes: list, text: str) -> None:
    """A node runs to the next node at its level or above, or its parent's end.

    Inline items stop at the end of their paragraph: text after it belongs to
    the node that holds the paragraph.
    """
    by_id = {n.node_id: n for n in nodes}
    for i, node in enumerate(nodes):
        end = len(text)
        for later in nodes[i + 1:]:
            if later.level <= node.level:
                end = later.char_start
                break
        parent = by_id.get(node.parent_id)
        if parent is not None and parent.char_end and parent.char_end < end:
            end = parent.char_end
        if node.inline:   # an item inside a paragraph ends with that paragraph
            line_end = text.find("\n", node.char_start)
            end = min(end, len(text) if line_end < 0 else line_end)
        while end > node.char_start and text[end - 1] in " \t\n\r\u3000\xa0":
            end -= 1
        node.char_end = end
        node.text = text[node.char_start:end]


def parse(plan: Plan) -> list:
    """Return the plan's outline nodes in document order."""
    builder = _Builder(plan)
    for start, end in _lines(plan.text):
        builder.line(start, end)
    nodes = builder.nodes
    _cut_titles_at_next_label(nodes, plan.text)
    _renumber(nodes, plan.doc_id)
    _close_spans(nodes, plan.text)
    return nodes


def _cut_titles_at_next_label(nodes: list, text: str) -> None:
    """A heading's title ends where the next label on the same line begins (第一章 总则 第一条 …)."""
    for node, following in zip(nodes, nodes[1:]):
        if "\n" not in text[node.char_start:following.char_start]:
            room = following.char_start - max(node.body_start, node.char_start)
            if 0 <= room < len(node.title) + 8:
                node.title = _title(text, node.body_start, following.char_start)


def _renumber(nodes: list, doc_id: str) -> None:
    """Ids follow document order after dropped candidates, so they stay dense and stable."""
    mapping = {}
    for i, node in enumerate(nodes, 1):
        new_id = f"{doc_id}:{i:04d}"
        mapping[node.node_id] = new_id
        node.node_id = new_id
    for node in nodes:
        node.parent_id = mapping.get(node.parent_id) if node.parent_id else None
