"""The words of a table cell, the unit names of a cell under a header that
joins a unit role to the person in charge of it (牵头单位及主要负责人), a
row set right under its header when it lost its merged first cells, and the
empty cells that continue a cell merged down over the rows below it."""
from __future__ import annotations

from . import orgnames
from .personnames import is_person_name
from . import tables as tb
from .tables import Cell


def unit_part(cell: Cell) -> Cell:
    """The unit names of a cell under a joined header (市民政局 王立新): the
    blank-parted pieces up to the first one that is a name or no list of unit
    names; the names of a person written first (王立新 市民政局, under
    责任领导及责任单位) are passed over."""
    pieces = words_of(cell)
    k = 0
    while k < len(pieces) - 1 and _person_piece(pieces[k].text):
        k += 1
    start = pieces[k].start if k else cell.start
    end = start
    for piece in pieces[k:]:
        items = orgnames.split_list(piece.text)
        if not items or is_person_name(piece.text) or not all(
                orgnames.is_generic(i.text) or orgnames.valid_in_list(i.text) for i in items):
            break
        end = piece.end
    return Cell(start, end, cell.text[start - cell.start:end - cell.start])


def _person_piece(text: str) -> bool:
    """A person's name, alone or with a note in brackets (王立新（副市长）)."""
    opens = orgnames.brackets()[0]
    cut = next((i for i, ch in enumerate(text) if ch in opens), len(text))
    return is_person_name(text[:cut])


def words_of(cell: Cell) -> list:
    """The blank-parted words of a cell, each a Cell of its own."""
    out, at = [], 0
    for word in cell.text.split():
        at = cell.text.index(word, at)
        out.append(Cell(cell.start + at, cell.start + at + len(word), word))
        at += len(word)
    return out


def aligned(header: list, cells: list) -> list:
    """A barred or TAB row that lost its leading merged cells (类别 | 序号 | …
    over rows that start at 序号) is set right by its row number: the number
    goes under the 序号 column, the columns before it empty (None)."""
    k = next((i for i, h in enumerate(header) if h in tb._number_headers()), 0)
    if k == 0 or len(cells) >= len(header) or not tb._rule("table_row_number").match(cells[0].text):
        return cells
    return [None] * min(k, len(header) - len(cells)) + cells


LEAD_ROLES = ("lead", "responsible")     # the columns whose cells a merged cell may continue


def lead_column(roles: dict):
    """The first column whose header names a lead or responsible unit, or None."""
    return next((idx for idx, (role, _) in sorted(roles.items()) if role in LEAD_ROLES), None)


def merged_down(table: tb.Table, row: list, cell) -> bool:
    """An empty cell of a .docx/.html table (TAB rows) on a row of a task (a
    section row merged across the table has one cell): the continuation of
    the cell above it, merged down over the rows below (牵头单位 spanning three tasks)."""
    return (table.layout == "tab" and (cell is None or not cell.text.strip())
            and sum(1 for c in row if c is not None and c.text.strip()) >= 2)


def row_anchor(row: list) -> int:
    """Where a row's node opens: at its first cell's text, after the cell's blanks (| 1 | …)."""
    first = next(c for c in row if c is not None)          # a merged first cell is None
    return first.start + len(first.text) - len(first.text.lstrip())
