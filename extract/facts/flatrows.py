"""The rows of a task table flattened to one cell per line (序号 / 工作任务 /
牵头单位 / … each on its own line, then the rows), read line by line; the
header is found by ``tables``."""
from __future__ import annotations

from typing import Optional

from .. import rules
from . import tables as tb

RULES = "units"
_MAX_LEAD_IN = 3         # short lines (总分 / 100) between a header and its first row
_MAX_ROW_LINES = 40      # a longer "row" is running text: the table has ended


class FlatRows:
    """The rows of a table flattened one cell per line, read line by line."""

    def __init__(self, text: str, table: tb.Table):
        self.text, self.table = text, table
        self.kinds = [tb._column_kind(h) for h in table.header]
        self.number, self.section = tb._rule("table_row_number"), tb._rule("table_section_line")
        self.note = tb._rule("table_note_line")
        self.expected = None      # the next row number
        self.cells = None         # cells of the open row, one per line
        self.section_row = False
        self.kind_memo: dict = {}
        self.section_mark = None  # how the table's own section lines open (一 or （)
        self.merged = 0           # the open row's first cell under merged cells above it
        # no 序号 column: each row opens with its task cell, which carries its
        # own number (1. 生产总值增长…), the person and unit cells on the lines below
        self.labelled = table.header[0] not in tb._number_headers()
        self.labelled_row = tb._rule("table_labelled_row")

    def kind_of(self, cell: tb.Cell) -> str:
        if cell.start not in self.kind_memo:
            self.kind_memo[cell.start] = tb._cell_kind(cell.text)
        return self.kind_memo[cell.start]

    def fits(self, cells: list) -> Optional[list]:
        return tb._align(self.text, self.table.header, self.kinds, cells, self.kind_of,
                         numbered=not self.labelled)

    def read(self, lines: list, j: int) -> int:
        """Rows from ``lines[j]`` on; returns where the table ends."""
        lead_in = 0
        while j < len(lines):
            pos, line = lines[j]
            cell = tb.Cell(pos, pos + len(line), line)
            if len(line) > tb._MAX_CELL:
                break
            if self._signature(lines, j):
                self.cells.pop()      # the issuing body and its date close the text
                break
            if self.labelled and self.labelled_row.match(line):
                self._close()
                self.cells, self.section_row = [cell], False
            elif self.labelled:
                if self.cells is None and not self.section.match(line):
                    break         # rows that carry their numbers start at once
                if self.section.match(line):
                    if not self._own_section(line):
                        break
                    self._close()
                    self.cells, self.section_row = [cell], True
                elif len(self.cells) >= _MAX_ROW_LINES or self._open_fits(self.cells + [cell]) is None:
                    break
                else:
                    self.cells.append(cell)
            elif self._row_number(line, lines[j + 1][1] if j + 1 < len(lines) else ""):
                self._close()
                self.expected, self.cells, self.section_row = tb._serial(line) + 1, [cell], False
            elif self.section.match(line):
                if not self._own_section(line):
                    break         # a heading of the plan after the last row
                self._close()
                self.cells, self.section_row = [cell], True
            elif self.cells and len(self.cells) >= 2 and self.note.match(line):
                pass              # 省牵头单位：… under the row: read by the label rules, no cell
            elif self.cells is None:
                lead_in += 1
                if self.table.rows or lead_in > _MAX_LEAD_IN or len(tb._compact(line)) > tb._MAX_HEADER_CELL:
                    break
            elif len(self.cells) >= _MAX_ROW_LINES or self._open_fits(self.cells + [cell]) is None:
                if not self._continues(cell):
                    break         # the line fits no column: the table has ended
            else:
                self.cells.append(cell)
            j += 1
        self._close()
        return j

    def _continues(self, cell: tb.Cell) -> bool:
        """1 | 主要目标 | 1.生产总值… | 区发改委, then 2.财政收入… | 区财政局:
        the row number and the first cells are merged over the rows below, so
        a numbered item where the row has ended opens a row under the column
        that held the item before it. Returns whether it did."""
        from ..prepare import outline      # the label styles live with the outline
        row = self._open_fits(self.cells) if self.cells else None
        if row is None or not outline.starts_with_label(cell.text, 0, len(cell.text)):
            return False
        merged = next((c for c, old in enumerate(row) if c and old is not None
                       and outline.starts_with_label(old.text, 0, len(old.text))), None)
        if merged is None:
            return False
        self._close()
        self.cells, self.merged = [row[merged - 1], cell], merged
        return True

    def _own_section(self, line: str) -> bool:
        """A section line belongs to the table when the table began with its
        sections before the first row, written the same way (一、 … 二、); after
        rows with no section of the table before them, it is the plan's next heading."""
        mark = line.lstrip()[:1] in rules.load(RULES)["table_section_parens"]
        if self.section_mark is None:
            if self.table.rows or (self.cells and not self.section_row):
                return False
            self.section_mark = mark
        return mark == self.section_mark

    def _signature(self, lines: list, j: int) -> bool:
        """A date line after the last row, right under a unit name that continues
        the row's unit cell: the plan's signature, not a cell."""
        if not self.cells or len(self.cells) < 3 or self.kind_of(self.cells[-1]) != "unit":
            return False
        if not any(r.regex.match(lines[j][1]) for r in rules.pattern_rules("split", "date_lines")):
            return False
        following = lines[j + 1][1] if j + 1 < len(lines) else ""
        return not self.number.match(following) and self.kind_of(self.cells[-2]) == "unit"

    def _row_number(self, line: str, following: str) -> bool:
        """A serial number that opens a row: it follows the last row (or starts
        at 1 under a section line) and its task cell comes next, a line of text
        with no label of its own (a score 7 above 1.开展…, a total 100 is none)."""
        if not self.number.match(line) or not tb.task_cell(following):
            return False
        num = tb._serial(line)
        restart = num == 1 and self.section_row and len(self.cells or ()) <= 3
        return self.expected is None or num == self.expected or restart

    def _open_fits(self, cells: list) -> Optional[list]:
        """``fits`` for the open row, which may sit under merged first cells:
        its first line is then the merged cell before its own (for alignment)."""
        if not self.merged:
            return self.fits(cells)
        k = self.merged - 1
        row = tb._align(self.text, self.table.header[k:], self.kinds[k:], cells, self.kind_of)
        return None if row is None else [None] * self.merged + row[1:]

    def _close(self) -> None:
        if self.cells:
            row = self._open_fits(self.cells)
            if row is not None:
                self.table.rows.append(row)
        self.cells, self.merged = None, 0
