"""Task tables whose cells each open a line with a bar, a lone bar closing the row.

A table copied from a law database's text view may keep each row's cells on
lines of their own, every cell after the first opened by a bar, and a line
holding only a bar after the last cell:

    牵头单位
    | 目 标 任 务
    | 责 任 单 位
    |
    市
    发
    改
    委
    | 地区生产总值增长8%
    | 统计局和市直相关单位
    |

A cell the page set upright (one to three characters a line) keeps its line
breaks; its name is read without them. Merged cells shorten a row: the first
cell of a short row is the task (its lead cell spans the rows above), unless
it reads as a unit list, and the cells after it fill the columns in order.
The header must be readable as strictly as a flattened table's (every cell a
known header word, one naming a role). A line that is no part of a block, or
a block of another shape, ends the table. One pass over the lines.
"""
from __future__ import annotations

from typing import Optional

from .. import rules
from . import tables as tb

RULES = "units"
_MAX_UPRIGHT = 4         # the longest line of a cell set upright
_BAR = "|"               # the bar rules/units.yaml table_cell_bar reads


def read_led_tables(text: str) -> list:
    """Every bar-led table of ``text`` with at least one row."""
    if _BAR not in text:
        return []          # cheap gate: most plans have no bar at all
    tables, table = [], None
    for block in _blocks(text):
        if block is None:
            table = None
            continue
        if table is not None:
            row = _row(text, table, block)
            if row is not None:
                table.rows.append(row)
                continue
        table = _header(block)
        if table is not None:
            tables.append(table)
    return [t for t in tables if t.rows]


def _blocks(text: str):
    """Each closed block as (free lines, bar cells); None where a line breaks
    the shape. Free lines are the first cell's, before the first bar line."""
    bar, blanks = tb._rule("table_cell_bar"), tb._blanks()
    free, cells = [], []
    for pos, line in tb._lines(text):
        if not line.strip(blanks):
            continue
        m = bar.match(line)
        led = m is not None and bool(line[:m.start("cell")].strip(blanks))
        if m is not None and not m.group("cell").strip(blanks) and (free or cells):
            yield free, cells
            free, cells = [], []
        elif led:
            cells.append(_cell(pos + m.start("cell"), m.group("cell")))
        elif m is None and not cells:
            free.append(_cell(pos, line))
        else:
            if free or cells:
                yield None
            free, cells = [], []


def unbarred(pos: int, line: str) -> tuple:
    """(offset, text) of a line without the one bar at its end or start
    (序号 | / | 责任单位): what is left is the cell, blank when only the bar was."""
    m = tb._rule("table_cell_bar").match(line)
    if m is None:
        return pos, line
    cell = m.group("cell")
    start = m.start("cell") + len(cell) - len(cell.lstrip(tb._blanks()))
    return pos + start, cell.strip(tb._blanks())


def _cell(pos: int, part: str) -> tb.Cell:
    stripped = part.strip(tb._blanks())
    start = pos + part.index(stripped) if stripped else pos
    return tb.Cell(start, start + len(stripped), stripped)


def _header(block: tuple) -> Optional[tb.Table]:
    free, cells = block
    # the lines above the header are the plan's text: only the last one is a cell
    names = [tb._compact(c.text) for c in free[-1:] + cells]
    if len(names) < 3 or not all(tb._known_header(n) for n in names):
        return None
    if not any(tb._column_kind(n) != "other" for n in names):
        return None
    return tb.Table("led", names)


def _row(text: str, table: tb.Table, block: tuple) -> Optional[list]:
    free, cells = block
    if not free:
        return None
    first = _first_cell(text, free)
    width = len(table.header)
    kinds = [tb._column_kind(h) for h in table.header]
    if 1 + len(cells) == width:
        return [first] + cells
    task = next((k for k, kind in enumerate(kinds) if kind == "other"), 0)
    col = 0 if first.parts or tb._cell_kind(first.text) == "unit" else task
    if col + 1 + len(cells) > width:
        return None
    return [None] * col + [first] + cells + [None] * (width - col - 1 - len(cells))


def _first_cell(text: str, free: list) -> tb.Cell:
    """The cell of the lines before the first bar; one set upright (市/发/改/委)
    is read as one name, without its line breaks."""
    start, end = free[0].start, free[-1].end
    upright = len(free) > 1 and all(len(c.text) <= _MAX_UPRIGHT for c in free)
    if not upright:
        return tb.Cell(start, end, text[start:end])
    name = tb._compact(text[start:end])
    from . import orgnames
    parts = (tb.Cell(start, end, name),) if orgnames.valid_in_list(name) else ()
    return tb.Cell(start, end, text[start:end], parts)
