"""Task tables flattened one cell per line between bar lines, header lost.

A table copied out of a web page's text view may come as one cell per line
with a line holding only a bar between two cells; a cell of several values
(two units, three names) keeps one value a line, and an empty cell is two bar
lines in a row. A page chunk that starts inside such a table has no header
row, so tables.py cannot read it by its header:

    1 | 一、… | <task> | 法规科 | <name> | 2024年底前 | 5555309 | 2 | <task> | …

The cells still say what they are by their shape: a row number, a section
line (一、…, only in the first row of its section), the task text, a cell of
unit names (one a line), a cell of personal names (one a line), a deadline
and a telephone. Such a table is read only when the shape is unmistakable:
at least ``min_rows`` rows in a row whose numbers follow one another, each
with exactly one unit cell after its task and a deadline or telephone cell
after that (rules/units.yaml: bar_rows). Where the chunk kept its header
cells before the first row, the unit and person cells take the roles of its
columns in order; without one the role is the one such a table states for the
bodies beside a task and its deadline: the body that must do it
(responsible), and the names beside them are each row's person in charge (the
role in the rules, 责任人). A row with more unit cells than the header has
unit columns (a lead and an assisting cell cannot be told apart without it)
ends the table. Read in one pass over the lines: linear time.
"""
from __future__ import annotations

import functools
from typing import NamedTuple, Optional

from .. import rules
from . import tables as tb
from .rolelabels import person_role

RULES = "units"
_MAX_CELL_LINES = 12     # a longer "cell" is running text: the table has ended


class BarRow(NamedTuple):
    number: tb.Cell
    task: tb.Cell
    units: tuple            # per unit cell: (its lines, one name each; role; rule id)
    people: tuple           # per person cell: (its lines; role)


class Roles(NamedTuple):
    """What the unit and person cells of a table stand for, in column order."""
    units: tuple            # (role, rule id) of each unit column
    people: tuple           # role of each person column


def settings() -> dict:
    return rules.load(RULES)["bar_rows"]


def _rule(key: str):
    return rules.pattern_rules(RULES, key)[0].regex


@functools.lru_cache(maxsize=2)
def bar_rows(text: str) -> tuple:
    """Every row of every headless bar table of ``text``, in text order."""
    if settings()["gate"] not in text:       # no bar line: no such table (cheap test first)
        return ()
    found = []
    for cells in _cell_runs(text):
        found.extend(_rows(cells))
    return tuple(found)


def _default_roles() -> Roles:
    cfg = settings()
    return Roles(((cfg["role"], cfg["rule_id"]),), (cfg["person_role"],))


def _header_roles(cells: list) -> Optional[Roles]:
    """The roles the header cells (one a cell) right before the first row name,
    when the chunk kept its header (序号 | 工作任务 | 牵头单位 | 责任人 …)."""
    names = []
    for cell in reversed(cells):
        name = tb._compact(cell[0].text) if len(cell) == 1 else ""
        if not name or len(name) > tb._MAX_HEADER_CELL or not tb._known_header(name):
            break
        names.insert(0, name)
    header = tb.Table("bar", names)
    columns = tb.column_roles(header)
    if not columns:
        return None
    return Roles(tuple(columns[k] for k in sorted(columns)),
                 tuple(person_role(n) for n in names if person_role(n)))


def _cell_runs(text: str) -> list:
    """The cells (each a list of lines) of each run of lines parted by bar lines."""
    bar = _rule("bar_line")
    runs, cells, current = [], [], []
    for pos, line in tb._lines(text):
        if bar.match(line):
            cells.append(current)
            current = []
        elif line.strip():
            current.append(tb.Cell(pos, pos + len(line), line))
            if len(current) > _MAX_CELL_LINES:       # running text: close the run
                if len(cells) > 1:
                    runs.append(cells)
                cells, current = [], []
    cells.append(current)
    if len(cells) > 1:
        runs.append(cells)
    return runs


def _rows(cells: list) -> list:
    """The rows of one run: numbered cells that follow one another, each row
    of the right shape; kept when ``min_rows`` of them come in a row."""
    number = tb._rule("table_row_number")
    starts = [k for k, c in enumerate(cells) if len(c) == 1 and number.match(c[0].text)]
    roles = (_header_roles(cells[:starts[0]]) if starts else None) or _default_roles()
    out, streak, expected = [], [], None
    for a, b in zip(starts, starts[1:] + [len(cells)]):
        serial = tb._serial(cells[a][0].text)
        row = _read_row(cells[a:b], roles) if expected in (None, serial) else None
        if row is None:
            out += _kept(streak)
            streak, expected = [], None
            row = _read_row(cells[a:b], roles)
        if row is not None:
            streak.append(row)
            expected = serial + 1
    return out + _kept(streak)


def _kept(streak: list) -> list:
    return streak if len(streak) >= settings()["min_rows"] else []


def _read_row(cells: list, roles: Roles) -> Optional[BarRow]:
    """serial / [section line] / task / units / [people] / deadline or phone;
    no more unit (person) cells than the table has unit (person) columns."""
    kinds = [_kind(c) for c in cells[1:]]
    k = 1 if kinds[:1] == ["section"] else 0
    if k >= len(kinds) or kinds[k] != "other":
        return None
    task, rest = cells[1 + k], list(enumerate(kinds[k + 1:], start=2 + k))
    units = [cells[i] for i, kind in rest if kind == "unit"]
    people = [cells[i] for i, kind in rest if kind == "person"]
    if not units or len(units) > len(roles.units) or len(people) > len(roles.people) \
            or any(kind in ("other", "section") for _, kind in rest):
        return None
    first = next(i for i, kind in rest if kind == "unit")
    if not any(kind in ("time", "phone") for i, kind in rest if i > first):
        return None
    return BarRow(cells[0][0], tb.Cell(task[0].start, task[0].end, task[0].text),
                  tuple((tuple(c),) + roles.units[n] for n, c in enumerate(units)),
                  tuple((tuple(c), roles.people[n]) for n, c in enumerate(people)))


def _kind(cell: list) -> str:
    """What a cell holds: empty, section, time, phone, unit, person or other."""
    if not cell:
        return "empty"
    lines = [tb._compact(c.text) for c in cell]
    if len(cell) == 1 and tb._rule("table_section_line").match(cell[0].text):
        return "section"
    if all(_rule("bar_time_cell").fullmatch(line) for line in lines):
        return "time"
    if all(_rule("bar_phone_cell").fullmatch(line) for line in lines):
        return "phone"
    kinds = {tb._cell_kind(line) for line in lines}
    return kinds.pop() if len(kinds) == 1 and kinds <= {"unit", "person"} else "other"


def unit_cells(text: str) -> list:
    """(task cell, unit line, role, rule id) of every unit of every bar row: the
    task anchors the row's node (the row number may stand before its section line)."""
    return [(row.task, line, role, rule_id) for row in bar_rows(text)
            for lines, role, rule_id in row.units for line in lines]


def people(text: str, cell_people) -> list:
    """(start, end, name, role, unit, rule_id) of the names in each row's person
    cells; the unit is the row's when it names only one."""
    out = []
    for row in bar_rows(text):
        names = [line for lines, _, _ in row.units for line in lines]
        unit = tb._compact(names[0].text) if len(names) == 1 else None
        for lines, role in row.people:
            out += [(line.start + g.start, line.start + g.end, g.name, role, unit,
                     settings()["person_rule_id"]) for line in lines for g in cell_people(line.text)]
    return out
