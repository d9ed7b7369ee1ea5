"""Outline stage, the builder's handling of table lines (outline_build.py
mixes it in): a task table's header and rows, its section lines (一、……
between rows), lone row numbers of tables flattened one cell per line, rows
run together in one line, and a lone label's title on the next line.

Table rows are read by outline_tables.py, label candidates by outline.py.
"""
from __future__ import annotations

from ..records import Node
from . import outline as ol
from . import outline_tables as tables


class FlatTable:
    """A table flattened one cell per line, open under the node that holds it."""

    def __init__(self, holder):
        self.holder = holder      # id of the open node the header line sits under, or None
        self.last = 0             # number of its last row
        self.rank = None          # its rows' rank: just below the node open at the first row


_NO_SECTIONS = "none"     # a table whose rows carry their sections themselves (TAB rows)


class TableLines:
    """The outline builder's handling of table lines: headers, rows, lone labels.

    Mixed into the builder, whose ``text``, ``stack``, ``last_number``,
    ``table_row``, ``title_line``, ``heading()`` and ``_find()`` it uses.
    """

    def table_line(self, start: int, end: int) -> bool:
        """A task table's header or a row of it; True when the line is used up."""
        if tables.is_header(self.text, start, end):
            self.table_row = max(self.table_row, 0)
            spaced = tables.is_spaced_header(self.text, start, end)
            self.section_style = None if spaced else _NO_SECTIONS
            if tables.is_lone_header(self.text, start, end):
                self.flat = FlatTable(self.stack[-1].node_id if self.stack else None)
            return True
        if self.table_row < 0:
            return False
        found = tables.table_row(self.text, start, end)
        head = None
        if found is None:
            head = ol._line_start_candidate(self.text, start, end)
            if head is None or head.style == tables.TABLE_STYLE:
                return False
            found = tables.section_row(self.text, head.body, end)
            if found is None:
                return False
        cand, title_end = found
        ok = cand.num in (self.table_row + 1, self.last_number.get(cand.style, -1) + 1, 1)
        if ok and head is not None:      # the section cell first: a heading above its rows
            self.heading(head, self.text.rfind("|", head.body, cand.start))
        if ok and self.heading(cand, title_end):
            self.table_row = cand.num
            self._cell_items(cand.body, end)
            return True
        return False

    def _cell_items(self, start: int, end: int) -> None:
        """1.4月底前……。 2.8月底前……: steps numbered inside a row's cells are
        inline items of the row, each cell a paragraph of its own."""
        first, lowest, opened = len(self.nodes), len(self.stack), False
        for cell_start, cell_end in tables.cell_spans(self.text, start, end):
            for cand in ol._in_line_candidates(self.text, cell_start, cell_end, cell_start):
                cand = ol.Candidate(cand.start, cand.body, cand.label, cand.style, cand.num, False)
                opened = self.inline(cand, cell_end, lowest) or opened
            del self.stack[lowest:]
        if opened:
            self._drop_lone_items(first)

    def table_section(self, cand) -> bool:
        """Whether a heading is a section line of the open table (一、…
        between its header and its first row, then the later ones written
        the same way): the table stays open under it."""
        if self.table_row >= 0 and self._barred_section(cand):
            return True
        if self.table_row < 0 or self.section_style == _NO_SECTIONS:
            return False       # only a one-space table's sections (TAB rows hold their own)
        if self.table_row == 0 and self.section_style is None:
            self.section_style = cand.style
        return cand.style == self.section_style

    def _barred_section(self, cand) -> bool:
        """一、主要目标 | ||| in a table written with bars: the bars of its
        empty cells make the section line a row of the table."""
        end = self.text.find("\n", cand.body)
        return "|" in self.text[cand.body:len(self.text) if end < 0 else end]

    def lone_row(self, start: int, end: int, fresh: bool) -> bool:
        """A bare number alone on its line (a table flattened one cell per line)
        is a row when it continues the open rows or starts them at 1 right
        under a heading, and the next line is its task cell: a score or count
        cell (10, 120) or a number before another number is not."""
        found = tables.table_row(self.text, start, end, alone_only=True)
        if found is None:
            return False
        cand, title_end = found
        section = self._section_in_row(cand, title_end)
        if section is not None:         # 3 / 二、…… / task: the task cell is below the section line
            cand, title_end = self._below_section(cand, section)
        if start in _subject_rows(self.text):      # 2 / 县农粮局 / 30 / …: read as a row there
            if not self.plain_line(cand.body, title_end):
                return False
        else:
            at = self._find(cand.style, 0)
            # the first row opens the page (its section line or a bar after it
            # tells a table), or a row right under a heading goes on from the rows before
            opens = not self.nodes and (section is not None or self._bar_after(end))
            first = cand.num == 1 and (fresh or opens)
            goes_on = fresh and cand.num == self.last_number.get(cand.style, -1) + 1
            if not ((at >= 0 and cand.num == self.stack[at].number + 1) or first or goes_on
                    or self._flat_row(cand.num, at, end if section is None else -1)):
                return False
            if not self.plain_line(cand.body, title_end) or not _task_cell(self.text[cand.body:title_end]):
                return False
        if section is not None:
            if not self.heading(section[0], section[1]):
                return False
            # the line's own start: a section line may open with blanks before its label
            self.skip_line = self.text.rfind("\n", 0, section[0].start) + 1
        if self.flat is not None and self.flat.rank is None:
            self.flat.rank = self.rank(self.stack[-1].style) + 0.5 if self.stack else ol._style(cand.style).rank
        if not self.heading(cand, title_end):
            return False
        if self.flat is not None:
            self.flat.last = cand.num
        return True

    def _bar_after(self, end: int) -> bool:
        """Whether the line after the one ending at ``end`` only parts cells (|)."""
        stop = self.text.find("\n", end + 1)
        return end < len(self.text) and tables.is_separator(self.text, end + 1, len(self.text) if stop < 0 else stop)

    def _section_in_row(self, cand, title_end: int):
        """(candidate, line end) of a section heading (一、……) standing between a
        flattened row's number and its task cell, as a table keeps its section
        lines in the row they open; None when the next line is no such heading."""
        line_start = self.text.rfind("\n", 0, cand.body) + 1
        head = ol._line_start_candidate(self.text, line_start, title_end)
        if head is None or head.style == cand.style or self.rank(head.style) >= self.rank(cand.style):
            return None
        start, stop = tables.next_line(self.text, title_end)
        return (head, title_end) if self.plain_line(start, stop) else None

    def _below_section(self, cand, section) -> tuple:
        """The row's candidate and task-cell end once the section line is passed over.
        The row starts at its task cell: its number stands before the section
        line that holds it, and a node lies inside its parent."""
        start, stop = tables.next_line(self.text, section[1])
        return ol.Candidate(start, start, cand.label, cand.style, cand.num, True), stop

    def _flat_row(self, num: int, at: int, end: int = -1) -> bool:
        """Inside a table flattened under a 序号 header line, a lone number is a
        row when it follows the table's last row, across the section lines
        (一、……) between rows, or starts at 1 once a section line closed the row;
        an excerpt that opens with the table (its header, then row 80, 81 …)
        starts at any number that the next row continues (``end``: where the
        number's line ends; -1 when a section line stands in the row)."""
        flat = self.flat
        if flat is None:
            return False
        if flat.holder is not None and all(n.node_id != flat.holder for n in self.stack):
            self.flat = None          # the heading that held the table is closed
            return False
        excerpt = not self.nodes and flat.last == 0 and end >= 0 and self._next_row_is(num + 1, end)
        return num == flat.last + 1 or (num == 1 and at < 0) or excerpt

    def _next_row_is(self, num: int, end: int, lines: int = 12) -> bool:
        """Whether the next lone row number within a few lines is ``num``."""
        for _ in range(lines):
            start, end = tables.next_line(self.text, end)
            if start >= len(self.text):
                return False
            found = tables.table_row(self.text, start, end, alone_only=True)
            if found is not None:
                return found[0].num == num
        return False

    def run_rows(self, start: int, end: int) -> bool:
        """The rows of a table whose cells run together open at their numbers,
        wherever those stand in the line; True when the line holds any."""
        found = tables.run_rows_in(self.text, start, end)
        if found:
            self._heading_before_run(start, found[0].start)
        for cand in found:
            self.heading(cand, end)
        return bool(found)

    def _heading_before_run(self, start: int, first_row: int) -> None:
        """A section heading that opens the line before the table's header
        (一、……重点工作序号内容与要求责任单位1……): a node above the rows, its
        title ending where the header begins."""
        head = ol._line_start_candidate(self.text, start, first_row)
        if head is not None and head.style != tables.TABLE_STYLE:
            self.heading(head, tables.header_start(self.text, head.body, first_row))

    def plain_line(self, start: int, end: int) -> bool:
        """A line of text with no label of its own: no heading, row or table header."""
        return (start < end and ol._line_start_candidate(self.text, start, end) is None
                and not tables.is_header(self.text, start, end)
                and tables.table_row(self.text, start, end, alone_only=True) is None)

    def title_below(self, node: Node, end: int) -> None:
        """A label alone on its line (一、 then 巩固成果) takes its title from the next line."""
        start, stop = tables.next_line(self.text, end)
        if self.plain_line(start, stop):
            node.title = ol._title(self.text, start, stop)
            self.title_line = start


def _task_cell(line: str) -> bool:
    """A lone row's next line must read as its task, not a unit cell (a score
    line 3 above 县住建局 is no row): the cell kinds live with the tables."""
    from ..facts import tables as cells
    return cells.task_cell(line)


def _subject_rows(text: str) -> frozenset:
    """Row numbers of the flattened tables that list a unit per row."""
    from ..facts import subjectrows
    return subjectrows.subject_row_starts(text)
