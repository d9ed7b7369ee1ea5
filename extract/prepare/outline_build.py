"""Outline stage, the walk over a plan's lines that builds its tree.

The builder keeps the stack of open nodes: a heading closes every open node
of its rank or lower (a free style such as 第X条 in a plan without 第X章
nests under whatever heading is open); inline labels form chains inside a
paragraph; task-table rows and lone labels of tables flattened one cell per
line take their titles from their task cell or the next line (the builder's
handling of table lines is in outline_tablelines.py).

Label candidates come from outline.py and table rows from outline_tables.py;
both are used only at call time, so the modules may be imported in any order.
"""
from __future__ import annotations

import functools
from collections import Counter

from .. import rules
from ..records import Node, Plan
from . import outline as ol
from . import outline_tables as tables
from .outline_tablelines import TableLines


@functools.lru_cache(maxsize=None)
def _free_pairs() -> tuple:
    """(style, the style whose use fixes its rank) for every free style."""
    return tuple((s.id, s.free_without) for s in ol.styles() if s.free_without)


class Builder(TableLines):
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
        self.section_style = None       # the style of the open table's own section lines
        self.fresh = False              # the last non-empty line was a heading (or its title line)
        self.title_line = -1            # start of the line a lone label took its title from
        self.flat = None                # the open table flattened one cell per line
        self.skip_line = -1             # start of a section line a flattened row already read
        self.note_style = None          # the style of the open list of notes (注：1、…2、…)

    def rank(self, style_id: str) -> float:
        """A style's rank; a floating one not used yet ranks just below the open node.
        The rows of a flattened table rank just below the node open at their first
        row, so that the numbered lines of their cells (1.…, 2.…) nest under them."""
        if style_id == tables.TABLE_STYLE and self.flat is not None and self.flat.rank is not None:
            return self.flat.rank
        style = ol._style(style_id)
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

    def _open(self, cand: ol.Candidate, line_end: int, at: int) -> Node:
        del self.stack[at:]
        parent = self.stack[-1] if self.stack else None
        self.serial += 1
        # a table row's task cell is one cell: a space in it is where a PDF
        # wrapped the cell (严守用水 效率控制 红线), not the end of a heading
        space_ends = cand.style != tables.TABLE_STYLE and (
            cand.after_space or ol.runs_on(self.text, cand.body, line_end, near=True))
        node = Node(
            node_id=f"{self.plan.doc_id}:{self.serial:04d}",
            doc_id=self.plan.doc_id,
            parent_id=parent.node_id if parent else None,
            level=len(self.stack) + 1,
            label=cand.label,
            title=ol._title(self.text, cand.body, line_end, space_ends),
            char_start=cand.start, char_end=cand.start, text="",
            style=cand.style, number=cand.num, inline=not cand.strong, body_start=cand.body,
        )
        self.nodes.append(node)
        self.stack.append(node)
        self.last_number[cand.style] = cand.num
        return node

    def heading(self, cand: ol.Candidate, line_end: int) -> bool:
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
            starts = cand.after_space or ol._style(cand.style).where != "inline"
            # a glued chain may start a second list of its own (…工作(一)…(二)… 配合…(一)…)
            ok = ((same is not None and cand.num == same.number + 1)
                  or (starts and at == len(self.stack) and cand.num == 1)
                  or (cand.glued and same is not None and cand.num == 1))
        elif same is not None:
            ok = cand.num == 1 or same.number <= cand.num <= same.number + 3
        else:
            ok = (cand.num == 1 or cand.num == self.last_number.get(cand.style, -1) + 1 or at == 0
                  or self._inside_excerpt(cand.style, at))
        if ok:
            first_of_style = cand.style not in self.last_number
            node = self._open(cand, line_end, at)
            if ol._style(cand.style).floating:
                self.ranks.setdefault(cand.style, own)
            if first_of_style and cand.num != 1:
                self.mid_way.add(node.node_id)
        return ok

    def _place(self, cand: ol.Candidate, own: float) -> int:
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
                and not self._introduces_list(cand.start) and not self._list_item(cand.start)
                and not self._bare_heading_before(self.stack[-1], cand.start)):
            at -= 1
        return at

    def _free_styles(self) -> frozenset:
        return frozenset(style for style, blocker in _free_pairs() if blocker not in self.last_number)

    def _list_item(self, pos: int) -> bool:
        """Whether the line at ``pos`` ends as an item of a list does (（一）农村户厕；)."""
        end = self.text.find("\n", pos)
        return self.text[pos:end if end >= 0 else None].rstrip(ol.indent()).endswith(
            tuple(ol._setting("list_item_ends")))

    def _introduces_list(self, pos: int) -> bool:
        """Whether the text before ``pos`` ends with a list's lead-in (a colon)."""
        blank = ol.indent() + "\n\r"
        while pos > 0 and self.text[pos - 1] in blank:
            pos -= 1
        return pos > 0 and self.text[pos - 1] in ol._setting("list_intro")

    def _bare_heading_before(self, node: Node, pos: int) -> bool:
        """Whether ``node`` is a heading alone on the line right before ``pos``
        (第十条 【附则】 with no sentence after it): what follows is its content."""
        line_end = self.text.find("\n", node.char_start)
        if line_end < 0 or line_end >= pos or self.text[line_end + 1:pos].strip(ol.indent() + "\n\r"):
            return False
        body = self.text[node.body_start:line_end].strip(ol.indent())
        return bool(body) and not any(ch in body for ch in ol._setting("sentence_end") + ol._setting("list_intro"))

    def _inside_excerpt(self, style: str, at: int) -> bool:
        """An excerpt's lists may begin mid-way too: under nodes that themselves
        began past 1, a style seen for the first time starts at any number."""
        return style not in self.last_number and all(n.node_id in self.mid_way for n in self.stack[:at])

    def inline(self, cand: ol.Candidate, line_end: int, lowest: int) -> bool:
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
        if start == end or self.text[start:end].isspace() or tables.is_separator(self.text, start, end):
            return      # a blank line changes nothing (inline nodes closed with their line)
        if start == self.skip_line:
            return      # a section line already opened inside the table row above it
        if _annex_line(self.text[start:end]):
            self.stack = []     # 附件 alone on its line: what follows is a document of its own
            return
        fresh = self.fresh      # right under a heading line (or its lone label's title line)
        self.fresh = fresh and start == self.title_line
        first = len(self.nodes)
        lowest = len(self.stack)
        after, heading = start, None
        if self.table_line(start, end) or self.lone_row(start, end, fresh) or self.run_rows(start, end):
            return
        cand = ol._line_start_candidate(self.text, start, end)
        skip, self.note_style = ol.note_item(self.note_style, cand, self.text, start)
        if skip:
            return
        if cand and self.heading(cand, end):
            lowest = len(self.stack) - 1
            after = cand.body
            if cand.style != tables.TABLE_STYLE:
                if not self.table_section(cand):
                    self.table_row = -1     # a heading of the outline closes the table
                heading = self.nodes[-1]
        opened_inline = False
        for cand in ol._in_line_candidates(self.text, start, end, after):
            if cand.strong and not self._continues_inline(cand, lowest):
                if self.heading(cand, end):
                    lowest = len(self.stack) - 1
                    continue
                if not (cand.midline and ol._style(cand.style).where == "inline"):
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

    def _continues_inline(self, cand: ol.Candidate, lowest: int) -> bool:
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


def _annex_line(line: str) -> bool:
    """附件, 附件2 or 附表： alone on its line (rules/split.yaml annex_labels)."""
    return len(line) <= _ANNEX_LINE_MAX and any(
        r.regex.match(line) for r in rules.pattern_rules("split", "annex_labels"))


_ANNEX_LINE_MAX = 12      # a longer line is text, whatever it opens with


def _as_inline(cand: ol.Candidate) -> ol.Candidate:
    return ol.Candidate(cand.start, cand.body, cand.label, cand.style, cand.num, False)
