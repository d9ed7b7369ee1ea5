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
from ..text import perplan
from .rolelabels import joined_header, person_header

RULES = "units"
_MAX_CELL = 200          # a longer "cell" is a paragraph: the table has ended
_MAX_HEADER_CELL = 12


@dataclass(frozen=True)
class Cell:
    start: int
    end: int
    text: str
    # the names of a cell whose names run together (runtables.py): each with
    # its offsets in the plan text and its text without the line breaks inside it
    parts: tuple = ()


@dataclass
class Table:
    layout: str                      # tab, spaces, lines
    header: list                     # header cell texts, white space removed
    rows: list = field(default_factory=list)   # each a list of Cell


def _compact(text: str) -> str:
    return "".join(text.split())


def role_header(cell: str):
    """(rule, match) when a header cell names a unit role (牵头单位, 主要责任单位 …),
    alone or joined to the person in charge (牵头单位及主要负责人)."""
    name = _compact(cell)
    joined = joined_header(name)
    name = joined[0] if joined else name
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


def _known_header(cell: str) -> bool:
    name = _compact(cell)
    # most cells asked about are whole lines of prose, far longer than any header
    return len(name) <= _header_reach() and _known_header_name(name)


@functools.lru_cache(maxsize=1)
def _header_reach() -> int:
    """The most characters a known header cell spans (rules/units.yaml, checked
    against every example of its rules by the rule tests)."""
    return rules.load(RULES)["table_header_reach"]


@perplan.remember
def _known_header_name(name: str) -> bool:
    # a plan's cells are asked about more than once (a line, then the cell of a
    # tail header it is; a cell of a flattened header, then of its table)
    return (name in _header_words() or role_header(name) is not None or person_header(name)
            or any(r.regex.match(name) for r in rules.pattern_rules(RULES, "table_header_shape")))


def _readable(cells: list, strict: bool) -> bool:
    names = [_compact(c) for c in cells]
    if len(names) < 2 or not any(role_header(n) or person_header(n) or n in _header_words() - set(_number_headers())
                                 for n in names):
        return False
    if not strict:      # a column of units or of people is what the table is read for
        return any(role_header(n) or person_header(n) for n in names)
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
    blanks = _blanks()
    stripped_end = len(line.rstrip(blanks))
    start = len(line) - len(line.lstrip(blanks))
    if gap.search(line, start, stripped_end) is None:     # most lines: one cell, no table
        return [Cell(pos + start, pos + stripped_end, line[start:stripped_end])] if start < stripped_end else []
    cells, last = [], start
    for m in gap.finditer(line, start, stripped_end):
        cells.append(Cell(pos + last, pos + m.start(), line[last:m.start()]))
        last = m.end()
    if last < stripped_end:
        cells.append(Cell(pos + last, pos + stripped_end, line[last:stripped_end]))
    return cells


@functools.lru_cache(maxsize=2)
def read_tables(text: str) -> tuple:
    """Every readable table of ``text``, in text order (cached: the units, the
    people and the table targets of a plan are read from the same tables;
    callers only read them)."""
    from .runtables import read_run_tables      # they build on this module's cells
    from .spacedtables import read_spaced_tables
    from .ledbars import read_led_tables
    return tuple(_tab_and_space_tables(text) + _one_cell_per_line_tables(text)
                 + read_spaced_tables(text) + read_run_tables(text) + read_led_tables(text))


def _pipe_cells(pos: int, line: str) -> list:
    """| 1 | 建设…… | 县住建局 |: the cells between the bars (a Markdown table);
    without the outer bars (1 | 建设…… | 县住建局) the text before the first
    bar and after the last is a cell too."""
    bounds = [-1] + [i for i, ch in enumerate(line) if ch == "|"] + [len(line)]
    cells = [Cell(pos + a + 1, pos + b, line[a + 1:b]) for a, b in zip(bounds, bounds[1:])]
    return [c for k, c in enumerate(cells) if c.text.strip() or 0 < k < len(cells) - 1]


def _layout(pos: int, line: str) -> tuple:
    """(layout, cells) of one line: TAB-joined, |-barred or space-aligned."""
    if "\t" in line:
        return "tab", _tab_cells(pos, line)
    if _rule("table_pipe_row").match(line):
        return "pipe", _pipe_cells(pos, line)
    return "spaces", _space_cells(pos, line)


def _tab_and_space_tables(text: str) -> list:
    from . import cellwords         # it builds on this module's cells
    tables, current = [], None
    rule_line, pipe_row = _rule("table_pipe_rule"), _rule("table_pipe_row")
    gap, blanks, section = _rule("table_space_gap"), _blanks(), _rule("table_section_line")
    for pos, line in _lines(text):
        if current is not None and current.layout == "pipe" and rule_line.match(line):
            continue              # | --- | --- |: the bar under a Markdown header
        if "\t" not in line and not pipe_row.match(line) and gap.search(
                line, len(line) - len(line.lstrip(blanks)), len(line.rstrip(blanks))) is None:
            # 二、社会事业: a section row merged across a TAB table's columns keeps
            # it open, as does 一、主要目标 | ||| in a |-table (its empty cells' bars)
            barred = current is not None and current.layout == "pipe"
            words = line.strip(blanks + "|") if barred else line
            if not (current is not None and (current.layout == "pipe" or current.layout == "tab"
                                             and current.rows)
                    and len(words) <= _MAX_CELL and section.match(words)):
                current = None    # one space-aligned cell at most: no header, no row
            continue
        layout, cells = _layout(pos, line)
        if current is not None and layout == current.layout and _fits(current, cells):
            if _readable([c.text for c in cells], strict=layout == "spaces"):
                current = Table(layout, [_compact(c.text) for c in cells])
                tables.append(current)
            else:
                current.rows.append(cellwords.aligned(current.header, cells))
            continue
        current = None
        if len(cells) >= 2 and _readable([c.text for c in cells], strict=layout == "spaces"):
            current = Table(layout, [_compact(c.text) for c in cells])
            tables.append(current)
    return tables


def _fits(table: Table, cells: list) -> bool:
    """A row of ``table``: TAB rows as they come (merged cells shorten them);
    space-aligned rows must have one cell per column."""
    if table.layout in ("tab", "pipe"):
        return len(cells) >= 2
    return len(cells) == len(table.header) and all(len(c.text) <= _MAX_CELL for c in cells)


def _one_cell_per_line_tables(text: str) -> list:
    """序号 / 工作任务 / 牵头单位 / … each on its own line (blank lines between
    cells allowed), then the rows, each opened by its row number or by a
    section line (一、……), whose cells may run over several lines. A row that
    cannot be aligned with the header ends the table."""
    from .flatrows import FlatRows     # the rows read line by line
    from .ledbars import unbarred      # a cell may keep the bar beside it
    lines = [unbarred(pos, line) for pos, line in _lines(text)]
    lines = [(pos, line) for pos, line in lines if line.strip()]
    tables, i, section = [], 0, _rule("table_section_line")
    while i < len(lines):
        j = i + 1 if _compact(lines[i][1]) in _number_headers() else i
        # 一、主要指标 under the header is the table's first section; a 序号
        # after a few header-like lines starts the header there
        while j < len(lines) and _header_cell(lines[j][1]) and not section.match(lines[j][1]) \
                and _compact(lines[j][1]) not in _number_headers():
            j += 1
        header = _join_split_headers([_compact(line) for _, line in lines[i:j]])
        if j - i >= 3 and _flat_header_readable(header):
            table = Table("lines", header)
            j = FlatRows(text, table).read(lines, j)
            if table.rows:
                tables.append(table)
        i = max(j, i + 1)
    return tables


def _join_split_headers(header: list) -> list:
    """区政府 / 分管领导 on two lines: a header cell that only names a body,
    right before a cell naming a person or unit role, is the first half of
    that cell (区政府分管领导), not a column of its own; so is a word that
    names no column alone and makes one with the next (责任 / 领导)."""
    from . import orgnames
    out = []
    for name in header:
        body = out[-1] if out else ""
        joined = body + name
        if (body and not _known_header(body) and orgnames.looks_like_unit(body)
                and (person_header(name) or role_header(name))) \
                or (body and not _known_header(body) and not _known_header(name)
                    and (person_header(joined) or role_header(joined))):
            out[-1] = joined
        else:
            out.append(name)
    return out


def _header_cell(line: str) -> bool:
    """A header cell of a flattened table: a known header word, or a short
    name of a column in its own words (推进措施, 建设内容及标准)."""
    name = _compact(line)
    for rule in rules.pattern_rules(RULES, "table_header_notes"):
        noted = rule.regex.match(name)     # 重点工作任务（全市12项牵头工作）: the name before its note
        if noted:
            name = noted.group("head")
            break
    if len(name) > _MAX_HEADER_CELL:
        return False
    return _known_header(name) or any(r.regex.match(name) for r in rules.pattern_rules(RULES, "table_header_free"))


def _flat_header_readable(header: list) -> bool:
    """序号 first (or a task column whose cells carry their own numbers, read
    by ``flatrows``), and a column that names a unit or person role, or a goal
    (an indicator table's 2025年目标): those columns are what the table is read
    for; the others need only look like headers."""
    goals = rules.words("targets", "table_goal_headers")
    if header[0] not in _number_headers() and _column_kind(header[0]) != "other":
        return False
    return any(role_header(n) or person_header(n) or any(g in n for g in goals) for n in header[1:])


def _rule(key: str):
    return rules.pattern_rules(RULES, key)[0].regex


def _serial(line: str) -> int:
    """The number of a row-number cell (12, 12、 or 12.)."""
    return int("".join(ch for ch in line if ch.isdigit()))


def _align(text: str, header: list, kinds: list, cells: list, kind_of,
           numbered: bool = True) -> Optional[list]:
    """Cells to columns. A flattened row drops its empty cells and may spread
    one cell over several lines, so it is aligned by what each line holds: a
    unit list goes under a unit-role column, names under a person column,
    anything else under another column; a line goes to the next column when
    that column takes its kind, else it continues the cell above it. A row
    that cannot be aligned so is left out. ``numbered``: the first cell is the
    row number and the task comes next; else the first cell is the task."""
    if len(cells) == len(header) and not any(
            kinds[k] not in ("unit", "place") and "unit" in kinds and kind_of(cell) == "unit"
            for k, cell in enumerate(cells[2:], start=2)):
        return list(cells)       # one line a column, no unit list out of its column
    row, col = [cells[0]] + [None] * (len(header) - 1), 0
    last_kind = None if numbered else "other"
    goes_on = tuple(rules.load(RULES)["table_cell_list_marks"])
    for k, cell in enumerate(cells[1:], start=1):
        if col and row[col] is not None and row[col].text.rstrip().endswith(goes_on):
            # 镇农业站、水利站、 / 各村（社区）: a list cut after its mark goes on below
            row[col] = Cell(row[col].start, cell.end, text[row[col].start:cell.end])
            continue
        want = "other" if k == 1 and numbered else kind_of(cell)
        if want == "empty":       # ／ or 无 holds the place of the next column's cell
            col, last_kind = col + 1, want
            if col == len(header):
                return None
            row[col] = cell
            continue
        if want not in kinds[1:]:
            want = "other"        # names where the header has no such column are text
        if last_kind == want and not (col + 1 < len(header) and kinds[col + 1] == want):
            row[col] = Cell(row[col].start, cell.end, text[row[col].start:cell.end])
            continue
        col += 1
        # a place column right next takes a cell that reads like a unit (纸坊街道 under 建设地点)
        if not (want == "unit" and col < len(header) and kinds[col] == "place"):
            while col < len(header) and kinds[col] != want:
                col += 1
        if col == len(header):
            return None
        row[col], last_kind = cell, want
    return row


def task_cell(line: str) -> bool:
    """Whether a line can be the task cell under a row number: text with no
    label of its own, not a number (a score) and not a bare list of units."""
    from ..prepare import outline      # the label styles live with the outline
    from . import orgnames
    if not line.strip() or _rule("table_row_number").match(line):
        return False
    if outline.starts_with_label(line, 0, len(line)):
        return False
    items = orgnames.split_list(line)       # a unit cell names its level (县住建局), a task need not
    return not (items and _cell_kind(line) == "unit" and orgnames.valid_as_subject(items[0].text))


def _column_kind(name: str) -> str:
    if role_header(name):
        return "unit"
    if person_header(name):
        return "person"
    if name in rules.words(RULES, "table_place_headers"):
        return "place"        # 建设地点: a town or street may stand there, as no unit with a role
    return "other"


def _cell_kind(text: str) -> str:
    from . import orgnames, people   # people reads tables too: import when first needed
    if _rule("table_empty_cell").match(_compact(text)):
        return "empty"
    # a cell of generic bodies only (各乡镇人民政府) stands in a unit column too,
    # though it names no unit of its own
    items = orgnames.split_list(text)
    if items and all(orgnames.is_generic(i.text) or orgnames.looks_like_unit(i.text) for i in items):
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
