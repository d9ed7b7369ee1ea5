"""Tables flattened one cell per line that list units row by row.

A department assessment table (序号 / 考核项目 / 各项分值 / 考核内容 …) has
no column whose header names a role, so tables.py does not read it; yet each
of its rows opens with the unit that must do the row's tasks:

    2                 row number
    县农粮局           the unit, alone on its line
    30                its score
    持续推进……          the row's tasks

A group label naming a kind of unit may come between the number and the
unit (重点考核部门).
The outline takes such a row number as a row even though a unit, not a task,
follows it; the responsibilities take the unit as responsible for its row
(the role is data: rules/units.yaml, subject_rows).

A row number must start at 1, continue the table's last subject row, or
repeat the last one (a slip of the table's author), and a unit must follow
it: a score cell (15 above 持续推进……, or above a unit) is no row. Read in one pass over the
lines, so a table of any length costs linear time.
"""
from __future__ import annotations

import functools

from .. import rules
from . import tables as tb

RULES = "units"
_MAX_GAP = 40            # lines with no number cell: the table has ended


def _settings() -> dict:
    return rules.load(RULES)["subject_rows"]


@functools.lru_cache(maxsize=2)
def subject_rows(text: str) -> tuple:
    """(row number cell, unit cell) of every subject row of ``text``, in text order."""
    lines = [(pos, line) for pos, line in tb._lines(text) if line.strip()]
    found, i = [], 0
    while i < len(lines):
        if tb._compact(lines[i][1]) not in tb._number_headers():
            i += 1
            continue
        j = i + 1
        while j < len(lines) and tb._header_cell(lines[j][1]):
            j += 1
        header = [tb._compact(line) for _, line in lines[i + 1:j]]
        if len(header) >= 2 and not any(tb.role_header(h) or tb.person_header(h) for h in header):
            j = _read(lines, j, found)
        i = max(j, i + 1)
    return tuple(found)


def _read(lines: list, j: int, found: list) -> int:
    """Subject rows from ``lines[j]`` on; returns where the table ends."""
    number = tb._rule("table_row_number")
    last, gap = None, 0
    while j < len(lines) and gap <= _MAX_GAP:
        pos, line = lines[j]
        if len(line) > tb._MAX_CELL or tb._compact(line) in tb._number_headers():
            break
        if not number.match(line):
            gap += 1
            j += 1
            continue
        gap = 0
        serial = tb._serial(line)
        unit = _unit_after(lines, j)
        if unit is not None and (serial == 1 or (last is not None and serial in (last, last + 1))):
            found.append((tb.Cell(pos, pos + len(line), line), unit))
            last = serial
        j += 1
    return j


def _unit_after(lines: list, j: int):
    """The unit cell right after a row number, or after a group label naming
    a kind of unit (重点考核部门)."""
    for k in (j + 1, j + 2):
        if k >= len(lines):
            return None
        pos, line = lines[k]
        if _one_unit(line):
            return tb.Cell(pos, pos + len(line), line)
        name = tb._compact(line)
        if k > j + 1 or not any(r.regex.match(name) for r in rules.pattern_rules(RULES, "subject_row_groups")):
            return None
    return None


def _one_unit(line: str) -> bool:
    """A line that is one unit name saying its level (县农粮局), nothing else."""
    from . import orgnames
    items = orgnames.split_list(line)
    return (len(items) == 1 and tb._compact(items[0].text) == tb._compact(line)
            and tb._cell_kind(line) == "unit" and orgnames.valid_as_subject(items[0].text))


@functools.lru_cache(maxsize=2)
def subject_row_starts(text: str) -> frozenset:
    """Where the row number of each subject row starts (the outline's question)."""
    return frozenset(number.start for number, _ in subject_rows(text))


def role() -> str:
    return _settings()["role"]


def rule_id() -> str:
    return _settings()["rule_id"]
