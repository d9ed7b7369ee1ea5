"""Task tables in the plan text, whatever layout they arrived in.

A .docx or .html table reaches the pipeline as TAB-joined lines; a table
copied from a web page or a PDF may instead arrive as space-aligned columns,
or flattened to one cell per line. This module finds the header line of each
table and the rows under it, with the offset of every cell, and leaves it to
the extractors (responsibilities, people) to decide what a column means.

A header must be readable: in a TAB table at least one cell names a role; in
the other layouts, where a header is harder to tell from prose, every cell must
be a known header word (rules/units.yaml: table_headers, table_header_words).
A table whose header cannot be read gives no rows. Every layout is read in one
pass over the lines, so a table of any length costs linear time.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import Iterator, Optional

from .. import rules

RULES = "units"
_MAX_CELL = 200          # a longer "cell" is a paragraph: the table has ended
_MAX_HEADER_CELL = 12


@dataclass(frozen=True)
class Cell:
    start: int
    end: int
    text: str


@dataclass
class Table:
    layout: str                      # tab, spaces, lines
    header: list                     # header cell texts, white space removed
    rows: list = field(default_factory=list)   # each a list of Cell


def _compact(text: str) -> str:
    return "".join(text.split())


def role_header(cell: str):
    """(rule, match) when a header cell names a unit role (牵头单位, 主要责任单位 …)."""
    name = _compact(cell)
    for rule in rules.pattern_rules(RULES, "table_headers"):
        m = rule.regex.search(name)
        if m:
            return rule, m
    return None


@functools.lru_cache(maxsize=1)
def _header_words() -> frozenset:
    return frozenset(rules.words(RULES, "table_header_words"))


@functools.lru_cache(maxsize=1)
def _number_headers() -> tuple:
    """Header cells of a row-number column (序号, 编号): a header needs more than these."""
    return rules.words(RULES, "table_number_headers")


@functools.lru_cache(maxsize=1)
def _blanks() -> str:
    return rules.load(RULES)["blanks"]


def person_header(cell: str) -> bool:
    """A header cell that names a person role: 责任领导, 责任人, 包抓县领导."""
    name = _compact(cell)
    return name in rules.words("people", "table_headers") or any(
        r.regex.fullmatch(name) for r in rules.pattern_rules("people", "role_grammar"))


def _known_header(cell: str) -> bool:
    name = _compact(cell)
    return name in _header_words() or role_header(name) is not None or person_header(name)


def _readable(cells: list, strict: bool) -> bool:
    names = [_compact(c) for c in cells]
    if len(names) < 2 or not any(role_header(n) or n in _header_words() - set(_number_headers())
                                 for n in names):
        return False
    if not strict:
        return any(role_header(n) for n in names)
    return all(n and len(n) <= _MAX_HEADER_CELL and _known_header(n) for n in names)


def _lines(text: str) -> Iterator[tuple]:
    pos = 0
    for line in text.split("\n"):
        yield pos, line
        pos += len(line) + 1


def _tab_cells(pos: int, line: str) -> list:
    cells, offset = [], pos
    for part in line.split("\t"):
        cells.append(Cell(offset, offset + len(part), part))
        offset += len(part) + 1
    return cells


def _space_cells(pos: int, line: str) -> list:
    gap = rules.pattern_rules(RULES, "table_space_gap")[0].regex
    cells, last = [], 0
    stripped_end = len(line.rstrip(_blanks()))
    start = len(line) - len(line.lstrip(_blanks()))
    last = start
    for m in gap.finditer(line, start, stripped_end):
        cells.append(Cell(pos + last, pos + m.start(), line[last:m.start()]))
        last = m.end()
    if last < stripped_end:
        cells.append(Cell(pos + last, pos + stripped_end, line[last:stripped_end]))
    return cells


@functools.lru_cache(maxsize=2)
def read_tables(text: str) -> tuple:
    """Every readable table of ``text``, in text order (cached: the units and
    the people of a plan are read from the same tables; callers only read them)."""
    return tuple(_tab_and_space_tables(text) + _one_cell_per_line_tables(text))


def _tab_and_space_tables(text: str) -> list:
    tables, current = [], None
    for pos, line in _lines(text):
        layout = "tab" if "\t" in line else "spaces"
        cells = _tab_cells(pos, line) if layout == "tab" else _space_cells(pos, line)
        if current is not None and layout == current.layout and _fits(current, cells):
            if _readable([c.text for c in cells], strict=layout != "tab"):
                current = Table(layout, [_compact(c.text) for c in cells])
                tables.append(current)
            else:
                current.rows.append(cells)
            continue
        current = None
        if len(cells) >= 2 and _readable([c.text for c in cells], strict=layout != "tab"):
            current = Table(layout, [_compact(c.text) for c in cells])
            tables.append(current)
    return tables


def _fits(table: Table, cells: list) -> bool:
    """A row of ``table``: TAB rows as they come (merged cells shorten them);
    space-aligned rows must have one cell per column."""
    if table.layout == "tab":
        return len(cells) >= 2
    return len(cells) == len(table.header) and all(len(c.text) <= _MAX_CELL for c in cells)


def _one_cell_per_line_tables(text: str) -> list:
    """序号 / 工作任务 / 牵头单位 / … each on its own line (blank lines between
    cells allowed), then the rows, each opened by its row number. A section
    line (一、……) between rows is passed over; a paragraph ends the table."""
    lines = [(pos, line) for pos, line in _lines(text) if line.strip()]
    tables, i = [], 0
    while i < len(lines):
        j = i
        while j < len(lines) and len(_compact(lines[j][1])) <= _MAX_HEADER_CELL \
                and _known_header(lines[j][1]):
            j += 1
        header = [_compact(line) for _, line in lines[i:j]]
        if j - i >= 3 and header[0] in _number_headers() and _readable(header, strict=True):
            table = Table("lines", header)
            j = _flat_rows(lines, j, table)
            if table.rows:
                tables.append(table)
        i = max(j, i + 1)
    return tables


def _rule(key: str):
    return rules.pattern_rules(RULES, key)[0].regex


def _flat_rows(lines: list, j: int, table: Table) -> int:
    """Rows from ``lines[j]`` on; returns where the table ends."""
    number, section = _rule("table_row_number"), _rule("table_section_line")
    expected, cells = None, None
    while j < len(lines):
        pos, line = lines[j]
        if len(line) > _MAX_CELL:
            break
        m = number.match(line)
        if m and (expected is None or int(line) == expected):
            _close_row(table, cells)
            expected, cells = int(line) + 1, [Cell(pos, pos + len(line), line)]
        elif section.match(line):
            _close_row(table, cells)
            cells = None
        elif cells is None or len(cells) >= len(table.header):
            break
        else:
            cells.append(Cell(pos, pos + len(line), line))
        j += 1
    _close_row(table, cells)
    return j


def _close_row(table: Table, cells: Optional[list]) -> None:
    if cells:
        row = _align(table.header, cells)
        if row is not None:
            table.rows.append(row)


def _align(header: list, cells: list) -> Optional[list]:
    """Cells to columns. A flattened row drops its empty cells, so a short row
    is aligned by what each cell holds: a unit list goes under a unit-role
    column, names under a person column, anything else under another column.
    A row that cannot be aligned so is left out."""
    if len(cells) == len(header):
        return list(cells)
    kinds = [_column_kind(h) for h in header]
    row, col = [cells[0]] + [None] * (len(header) - 1), 1
    for k, cell in enumerate(cells[1:], start=1):
        want = "other" if k == 1 else _cell_kind(cell.text)
        while col < len(header) and kinds[col] != want:
            col += 1
        if col == len(header):
            return None
        row[col] = cell
        col += 1
    return row


def _column_kind(name: str) -> str:
    if role_header(name):
        return "unit"
    if person_header(name):
        return "person"
    return "other"


def _cell_kind(text: str) -> str:
    from . import orgnames, people   # people reads tables too: import when first needed
    items = orgnames.split_list(text)
    if items and all(orgnames.is_generic(i.text) or orgnames.looks_like_unit(i.text) for i in items) \
            and any(not orgnames.is_generic(i.text) for i in items):
        return "unit"
    if people.cell_people(text):      # 褚建军、卫红 / 区住建局局长冯雪梅 / 郑光明（副县长）
        return "person"
    return "other"


def column_roles(table: Table) -> dict:
    """Column index -> (role, rule id) for the columns whose header names a unit role."""
    roles = {}
    stems = rules.load(RULES).get("role_stems", {})
    for idx, name in enumerate(table.header):
        hit = role_header(name)
        if hit:
            rule, m = hit
            roles[idx] = (rule.data.get("role") or stems[m.group("stem")], rule.id)
    return roles


def cell_under(row: list, idx: int) -> Optional[Cell]:
    """The cell of ``row`` in column ``idx``; None where the row has none."""
    return row[idx] if idx < len(row) else None
