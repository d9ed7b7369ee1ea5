"""Task tables whose cells are parted by one space.

A table copied from a web page often keeps one space between its cells and a
line break inside a cell that held several names, one a line:

    序号 重点工作任务 主要责任单位 协同配合单位
    一、主要预期目标
    1 地区生产总值增长6%左右。 区发改委 区政府各部门……
    2 一般公共预算收入增长5%左右。 区财政局
    区税务局
    区政府有关部门……

One space is too weak a separator to find such a table in prose, so the
header is strict: 序号 first, every cell a known header word, at least one
naming a unit or person role (tables.py). Below it a row opens with its
serial number and its task; its cells are the space-parted pieces of its
lines. A space always parts two cells; a line break parts two cells or
continues one: when a row has more pieces than the header has columns, the
first line breaks continue their cells (a cell's names go on down the lines),
until the pieces fit. A row that still does not fit is left out; a line that
neither opens a row nor continues one ends the table.
"""
from __future__ import annotations

from typing import Optional

from . import tables as tb

_MIN_COLUMNS = 3
_MAX_ROW_LINES = 12


def _pieces(pos: int, line: str) -> list:
    """The space-parted pieces of a line, each a Cell with its offsets."""
    cells, at = [], 0
    for part in line.split(" "):
        stripped = part.strip(tb._blanks())
        if stripped:
            lead = part.index(stripped)
            cells.append(tb.Cell(pos + at + lead, pos + at + lead + len(stripped), stripped))
        at += len(part) + 1
    return cells


def _is_header(cells: list) -> bool:
    names = [c.text for c in cells]
    return (len(names) >= _MIN_COLUMNS and names[0] in tb._number_headers()
            and tb._readable(names, strict=True))


def read_spaced_tables(text: str) -> list:
    """Every one-space table of ``text`` that has at least one row."""
    if not any(h in text for h in tb._number_headers()):
        return []
    tables, lines, i = [], list(tb._lines(text)), 0
    while i < len(lines):
        pos, line = lines[i]
        i += 1
        if " " not in line or not any(h in line for h in tb._number_headers()):
            continue
        cells = _pieces(pos, line)
        if "\t" in line or not _is_header(cells):
            continue
        table = tb.Table("spaced", [c.text for c in cells])
        i = _Rows(text, table).read(lines, i)
        if table.rows:
            tables.append(table)
    return tables


class _Rows:
    """The rows under a one-space header, read line by line."""

    def __init__(self, text: str, table: tb.Table):
        self.text, self.table = text, table
        self.number = tb._rule("table_row_number")
        self.section = tb._rule("table_section_line")
        self.pieces: Optional[list] = None    # (cell, opens a line) of the open row
        self.lines = 0
        self.sections_first = None            # sections before the first row: the table's own

    def read(self, lines: list, i: int) -> int:
        while i < len(lines):
            pos, line = lines[i]
            if not line.strip():
                i += 1
                continue
            cells = _pieces(pos, line)
            if self._opens_row(cells):
                self._close()
                self.pieces, self.lines = [(c, k == 0) for k, c in enumerate(cells)], 1
            elif self.section.match(line) and len(cells) == 1:
                if not self._own_section():
                    break
                self._close()
            elif self.pieces is not None and self.lines < _MAX_ROW_LINES \
                    and all(len(c.text) <= tb._MAX_CELL for c in cells):
                self.pieces.extend((c, k == 0) for k, c in enumerate(cells))
                self.lines += 1
            else:
                break
            i += 1
        self._close()
        return i

    def _opens_row(self, cells: list) -> bool:
        return (len(cells) >= 2 and self.number.match(cells[0].text) is not None
                and tb.task_cell(cells[1].text))

    def _own_section(self) -> bool:
        """A section line is the table's when sections came before its first row."""
        if self.sections_first is None:
            self.sections_first = not self.table.rows and self.pieces is None
        return self.sections_first

    def _close(self) -> None:
        if self.pieces:
            row = _fit(self.text, self.pieces, len(self.table.header))
            if row is not None and len(self.pieces) < len(self.table.header):
                # an empty cell left no piece: the pieces go to the columns of their kind
                header = self.table.header
                kinds, cells = [tb._column_kind(h) for h in header], [c for c, _ in self.pieces]
                row = (tb._align(self.text, header, kinds, cells, lambda c: tb._cell_kind(c.text))
                       or _right_aligned(kinds, cells) or row)
            if row is not None:
                self.table.rows.append(row)
        self.pieces = None


def _right_aligned(kinds: list, cells: list) -> Optional[list]:
    """A row whose first cells merged with the rows above (类别 over several
    tasks) keeps its number and its last cells: those go under the last
    columns, when every unit list lands under a unit-role column and no
    other cell does under one but the last (a list of bodies and generic
    references, 各县党委和人民政府, 某示范区管委会)."""
    tail = cells[1:]
    start = len(kinds) - len(tail)
    if start < 2:
        return None
    for k, cell in enumerate(tail, start=start):
        kind = tb._cell_kind(cell.text)
        if (kind == "unit") != (kinds[k] == "unit") and not (k == len(kinds) - 1 and kinds[k] == "unit"):
            return None
    return [cells[0]] + [None] * (start - 1) + tail


def _fit(text: str, pieces: list, columns: int) -> Optional[list]:
    """The row's cells, one per column: the first line breaks continue their
    cells until the pieces are no more than the columns."""
    extra = len(pieces) - columns
    cells: list = []
    for cell, opens_line in pieces:
        if extra > 0 and opens_line and len(cells) >= 2:
            last = cells[-1]
            cells[-1] = tb.Cell(last.start, cell.end, text[last.start:cell.end])
            extra -= 1
        else:
            cells.append(cell)
    if extra > 0:
        return None
    return cells + [None] * (columns - len(cells))
