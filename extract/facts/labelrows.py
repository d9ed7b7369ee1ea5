"""Unit cells of a task table flattened one cell per line whose rows are the
plan's own numbered items, with no row-number column:

    重点工作 / 主要 / 任务 / 工作措施 / 责任单位 / 备注
    一、加大财政支持力度
    （一）加强对重点企业的支持
    县税务局等，各乡镇人民政府
    2024年12月
    2.对纳入省级支持的企业给予补贴。
    县经信局、县财政局

The header is a run of short lines, each a header cell (a word broken over two
lines, 主要 / 任务, is one cell), at least one naming a unit role and two
more known header words. Under it each line opened by an outline label starts
a row; the lines after it that hold nothing but unit names (generic references
allowed, one specific name at least) fill the header's unit columns in order.
Any other short line (a deadline, a note) is another cell; a long line that
opens with no label ends the table.
"""
from __future__ import annotations

from .. import rules
from . import tables as tb

_MIN_HEADER = 3
_MAX_ROW_LINES = 12        # a row that runs longer is running text


def unit_cells(text: str) -> list:
    """(task cell, unit cell, role, rule id) of every unit cell of such tables."""
    if not any(w in text for w in rules.words(tb.RULES, "tail_cell_gate")):
        return []          # cheap gate: most plans name no role column at all
    lines = [(pos + len(line) - len(line.lstrip()), line.strip()) for pos, line in tb._lines(text) if line.strip()]
    out, i = [], 0
    while i < len(lines):
        columns, j = _header(lines, i)
        if columns is None:
            i = max(i + 1, j)    # no part of a run that fails can pass: each line is read once
            continue
        rows, i = _rows(lines, j, columns)
        out += rows
    return out


def _header(lines: list, i: int) -> tuple:
    """(role columns in order or None, index after the run of header cells at ``lines[i]``)."""
    names, j = [], i
    while j < len(lines):
        line = lines[j][1]
        joined = line + lines[j + 1][1] if j + 1 < len(lines) else ""
        if joined and not tb._known_header(line) and tb._known_header(joined):
            names.append(tb._compact(joined))      # 主要 / 任务: one cell broken over two lines
            j += 2
        elif tb._header_cell(line):
            names.append(tb._compact(line))
            j += 1
        else:
            break
    if len(names) < _MIN_HEADER or names[0] in tb._number_headers():
        return None, j        # a table opened by 序号 is read by tables.py
    roles = tb.column_roles(tb.Table("labels", names))
    known = [n for k, n in enumerate(names) if k not in roles and n in tb._header_words()]
    if not roles or len(known) < 2:
        return None, j
    return [roles[k] for k in sorted(roles)], j


def _rows(lines: list, i: int, columns: list) -> tuple:
    from ..prepare import outline
    from . import orgnames
    out, task, filled, count = [], None, 0, 0
    while i < len(lines):
        pos, line = lines[i]
        if outline.starts_with_label(line, 0, len(line)):
            task, filled, count = tb.Cell(pos, pos + len(line), line), 0, 0
        elif task is None or len(line) > tb._MAX_CELL or count >= _MAX_ROW_LINES:
            break
        elif _unit_list(line, orgnames):
            if filled < len(columns):
                role, rule_id = columns[filled]
                out.append((task, tb.Cell(pos, pos + len(line), line), role, rule_id))
            filled += 1
        elif len(tb._compact(line)) > tb._MAX_HEADER_CELL * 3:
            break             # a paragraph with no label: the table has ended
        count += 1
        i += 1
    return out, i


def _unit_list(line: str, orgnames) -> bool:
    items = orgnames.split_list(line)
    return bool(items) and all(orgnames.is_generic(i.text) or orgnames.valid_in_list(i.text)
                               for i in items) \
        and any(not orgnames.is_generic(i.text) and orgnames.looks_like_unit(i.text) for i in items)
