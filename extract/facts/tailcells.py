"""Unit cells at the end of numbered task lines, under a header read from a PDF.

A table taken out of a PDF by a text tool may keep its header as the last
words of a line and each row as one line, cells parted by a space:

    …附件2 重点任务分工方案 主要任务 建设重点 牵头部门 配合部门
    1、建设城际铁路，推进站城一体开发。 省发改委、省交通厅 省直有关部门

The header is the run of known header words that closes its line, at least
three, one naming a unit role. Under it a line opened by an outline number is
a row when, after the last full stop of its task, nothing but space-parted
unit lists follow, no more of them than the header's last role columns: they
fill those columns in order. A piece that is not a list of unit names (or
generic references) leaves the line out. A later header starts a new table.
"""
from __future__ import annotations

import functools
from typing import Optional

from .. import rules
from . import cellwords
from . import tables as tb

RULES = "units"
_MIN_HEADER = 3


def unit_cells(text: str) -> list:
    """(task cell, unit cell, role, rule id) of every unit cell of such rows."""
    if not _has_role_header(text):
        return []          # cheap gate: most plans name no role column at all
    out, columns, numbered = [], None, False
    for pos, line in tb._lines(text):
        header = _header(line)
        if header is not None:
            columns, numbered = header, line.split()[0] in tb._number_headers()
            continue
        if columns:
            out += _row(pos, line, columns, numbered)
    return out


def _has_role_header(text: str) -> bool:
    return any(w in text for w in rules.words(RULES, "tail_cell_gate"))


def _header(line: str) -> Optional[list]:
    """The role columns, in order, of a header closing ``line``."""
    names = []
    for piece in reversed(line.split()):
        if not tb._known_header(piece):
            break
        names.insert(0, piece)
    if len(names) < _MIN_HEADER:
        return None
    roles = tb.column_roles(tb.Table("tail", names))
    # the role columns must close the header: the cells after the task are theirs
    idx = sorted(roles)
    if not idx or idx != list(range(len(names) - len(idx), len(names))):
        return None
    return [roles[i] for i in idx]


@functools.lru_cache(maxsize=1)
def _task_ends() -> str:
    return rules.load(RULES)["tail_cell_task_ends"]


def _opens_row(line: str, numbered: bool) -> bool:
    """A row opens with an outline number, or, under a header that opens
    with 序号, with a bare serial number and a blank (1 加强水资源保护 …)."""
    from ..prepare import outline
    if outline.starts_with_label(line, 0, len(line)):
        return True
    first = line.split(maxsplit=1)
    return (numbered and len(first) == 2 and line[:1].isdigit()
            and tb._rule("table_row_number").match(first[0]) is not None)


def _row(pos: int, line: str, columns: list, numbered: bool = False) -> list:
    from . import orgnames
    if not _opens_row(line, numbered):
        return []
    cut = max(line.rfind(ch) for ch in _task_ends())
    if cut < 0:
        return []
    pieces = tb._space_cells(pos + cut + 1, line[cut + 1:])
    pieces = [c for p in pieces for c in cellwords.words_of(p)]   # the PDF kept one space between cells
    if not pieces or len(pieces) > len(columns):
        return []
    for cell in pieces:
        items = orgnames.split_list(cell.text)
        if not items or not all(orgnames.is_generic(i.text) or orgnames.valid_in_list(i.text)
                                for i in items):
            return []
    if all(orgnames.is_generic(i.text) for i in orgnames.split_list(pieces[0].text)):
        return []
    task = tb.Cell(pos, pos + cut, line[:cut])
    return [(task, cell, role, rule_id) for cell, (role, rule_id) in zip(pieces, columns)]
