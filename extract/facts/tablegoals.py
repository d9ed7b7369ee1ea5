"""Targets in the cells of an indicator table (指标名称 | 单位 | 2025年目标值).

Tables reach the pipeline as lines whose cells are split by TAB (.docx, .html)
or by runs of spaces (aligned plain text). A number that fills its cell takes
its indicator from the nearest text cell before it and its unit from the cell
itself or from a unit column; the header row, when there is one, decides
which column holds the goal (``table_goal_headers``) and which holds a base
or current value (``table_base_headers``). Patterns and words are data in
rules/targets.yaml.
"""
from __future__ import annotations

import dataclasses
import functools
import re
from typing import Optional

from . import indicator, measures
from . import quantities as numbers
from .. import rules
from ..text import perplan


@functools.lru_cache(maxsize=None)
def _cell_break() -> re.Pattern:
    return re.compile(rules.load("targets")["table_cell_break"])


def _cfg(key: str):
    return rules.load("targets")[key]


@perplan.remember
def _cells(line: str) -> tuple:
    """(start, end, text) of each non-empty cell of ``line`` (remembered for the
    plan: every number of a row, and of the rows below a header, reads it)."""
    out, pos = [], 0
    for m in list(_cell_break().finditer(line)) + [None]:
        end = m.start() if m else len(line)
        raw = line[pos:end]
        if raw.strip():
            lead = len(raw) - len(raw.lstrip())
            out.append((pos + lead, pos + len(raw.rstrip()), raw.strip()))
        pos = m.end() if m else pos
    return tuple(out)


def _opens_cell(text: str, line_start: int, pos: int) -> bool:
    """Whether a cell of the line (as ``_cells`` cuts it) starts at ``pos``,
    without cutting the line: a cell starts at no blank, and only blanks stand
    before it in the line, or a cell break (rules/targets.yaml) lies in the run
    of blanks right before it or ends there (a bar and its blanks)."""
    if text[pos].isspace():
        return False
    run = pos
    while run > line_start and text[run - 1].isspace():
        run -= 1
    return run == line_start or _cell_break().search(text, run - 1, pos) is not None


def _line_at(text: str, pos: int) -> Optional[tuple]:
    """(start, end) of the line holding ``pos``, or None when it is longer than a table row."""
    cap = _cfg("table_max_line_chars")
    lo, hi = max(0, pos - cap), min(len(text), pos + cap)
    start, end = text.rfind("\n", lo, pos) + 1, text.find("\n", pos, hi)
    end = hi if end < 0 else end
    if (start == 0 and lo > 0) or (end == hi and hi < len(text)) or end - start > cap:
        return None
    return start, end


def _header(text: str, line_start: int, width: int) -> Optional[list]:
    """The nearest line above with as many cells that holds no number: the header."""
    pos = line_start - 1
    for _ in range(_cfg("table_max_lines")):
        if pos <= 0:
            return None
        line = _line_at(text, pos - 1)
        if line is None:
            return None
        start = line[0]
        cells = _cells(text[start:pos])
        if len(cells) < 3:
            return None
        words = [c[2] for c in cells]
        if len(words) >= width - 1 and not any(numbers.number_regex().fullmatch(w) for w in words):
            if any(h in w for w in words for h in _cfg("table_unit_headers") + _cfg("table_goal_headers")):
                return words
        pos = start - 1
    return None


def _names_a_row(cell: str) -> bool:
    """A cell that may be a row's name: no number alone, no unit alone and no
    value (≥79.2 in the column before a later goal: table_value_cell)."""
    return numbers.number_regex().fullmatch(cell) is None and _whole_unit(cell) is None \
        and not any(r.regex.match(cell) for r in rules.pattern_rules("targets", "table_value_cell"))


def _whole_unit(cell: str):
    unit, end = measures.unit_at(cell, 0)
    return unit if unit is not None and end == len(cell) else None


def table_cell(text: str, q, after: int) -> Optional[tuple]:
    """(indicator, quantity with its column's unit) for a number filling a table cell."""
    flat = _flat_value_cells(text).get(q.start)
    if flat is not None and flat[3]:
        return _flat_cell(q, after, *flat[:3])
    line = _line_at(text, q.start)
    if line is None or not _cell_break().search(text, *line) or not _opens_cell(text, line[0], q.start):
        return None
    ls, le = line
    cells = _cells(text[ls:le])
    idx = next((i for i, (s, e, _) in enumerate(cells) if s == q.start - ls), None)
    if idx is None or len(cells) < 3 or cells[idx][1] != after - ls:
        return None
    names = [i for i in range(idx) if _names_a_row(cells[i][2])]
    if not names:
        return None
    header = _header(text, ls, len(cells))
    col = _column(header, idx, len(cells)) if header else None
    if col is not None and any(b in col for b in _cfg("table_base_headers")):
        return None
    years = [i for i, h in enumerate(header or ()) if _year_header().fullmatch(h.strip())]
    if col is not None and years and _year_header().fullmatch(col.strip()) and col != header[years[-1]]:
        return None     # an earlier year's column: the base the goal starts from
    units = [_whole_unit(c[2]) for c in cells[names[-1] + 1:idx]]
    unit = next((u for u in units if u is not None), None) or _name_unit(cells[names[-1]][2])
    if q.unit is None and unit is not None:
        q = with_unit(q, unit)
    goal = col is not None and (any(g in col for g in _cfg("table_goal_headers"))
                                or (len(years) > 1 and col == header[years[-1]]))
    later = [c for c in cells[idx + 1:] if numbers.number_regex().match(c[2])]
    if not goal and (header is not None or q.unit is None or later):
        return None
    return cells[names[-1]][2], q


def with_unit(q, unit):
    """``q`` measured in ``unit`` (a unit read from its column or row name)."""
    return dataclasses.replace(q, unit=unit.unit, kind=unit.kind, base_unit=unit.base or None,
                               factor=unit.factor)


def _row_of(text: str, start: int, end: int) -> Optional[tuple]:
    """(cells, index of the cell, index of the row's name cell) for a compared
    number filling its cell, or None."""
    line = _line_at(text, start)
    if line is None or not _cell_break().search(text, *line) or not _opens_cell(text, line[0], start):
        return None
    cells = _cells(text[line[0]:line[1]])
    idx = next((i for i, (s, e, _) in enumerate(cells) if s == start - line[0] and e == end - line[0]), None)
    names = [i for i in range(idx or 0) if _names_a_row(cells[i][2])]
    return (cells, idx, names[-1]) if idx is not None and names else None


def cell_unit(text: str, start: int, end: int):
    """The unit of the row for a compared number filling its cell (普及率（%） | ≥90,
    普及率 | % | ≥90), or None."""
    flat = _flat_value_cells(text).get(start)
    if flat is not None and flat[0] == end:      # a flattened row's cell: its unit cell
        return (_whole_unit(flat[2].strip()) if flat[2] else None) or _name_unit(flat[1])
    row = _row_of(text, start, end)
    if row is None:
        return None
    cells, idx, name = row
    units = [_whole_unit(c[2]) for c in cells[name + 1:idx]]
    return next((u for u in units if u is not None), None) or _name_unit(cells[name][2])


def cell_name(text: str, start: int, end: int) -> Optional[str]:
    """The name cell of the row for a compared number filling its cell (污水处理率 of
    3 | 污水处理率 | % | ≥95): the indicator, not the cells before the number."""
    flat = _flat_value_cells(text).get(start)
    if flat is not None and flat[0] == end:      # a flattened row's cell: its name cell
        return flat[1].strip() or None
    row = _row_of(text, start, end)
    return row[0][row[2]][2].strip() or None if row else None


@functools.lru_cache(maxsize=None)
def _year_header() -> re.Pattern:
    return re.compile(_cfg("table_year_header"))


def _name_unit(name: str):
    """The unit a row's name cell ends with in brackets (普及率（%）, 示范村(个))."""
    opens, closes = indicator._pairs()
    name = name.strip()
    if not name or name[-1] not in closes:
        return None
    start = max(name.rfind(o) for o in opens)
    if start <= 0:
        return None
    parts = _split_outside_brackets(name)
    if len(parts) > 1 and sum(_name_unit(p) is not None for p in parts) > 1:
        return None         # 新增企业(家)、新增就业(人): the last unit is not the row's
    return _whole_unit(name[start + 1:-1].strip())


def _column(header: list, idx: int, width: int) -> Optional[str]:
    """The header of cell ``idx``; a row with a serial number has one cell more than its header."""
    shift = width - len(header)
    i = idx - shift if shift > 0 else idx
    return header[i] if 0 <= i < len(header) else None


# --- tables flattened one cell per line ---------------------------------------------

@functools.lru_cache(maxsize=2)
def _flat_value_cells(text: str) -> dict:
    """Start of each value cell of an indicator table flattened one cell per
    line (序号 / 指标名称 / 单位 / 2025年目标, each on its line) -> (its end, the
    row's indicator, the row's unit cell or None, whether the column is a goal,
    whether the cell is one figure of a merged cell: _merged_figures).
    A base or current column is no goal; of columns headed by a year alone
    (2022年 / 2025年 / 2027年) the first is the base the later ones start from."""
    from . import tables as tb          # tables reads its rules when first used
    out = {}
    for table in tb.read_tables(text):
        if table.layout != "lines":
            continue
        def has(name, key):
            return any(w in name for w in _cfg(key))
        years = [i for i, h in enumerate(table.header) if _year_header().fullmatch(h)]
        goals = [i for i, h in enumerate(table.header) if has(h, "table_goal_headers") and not has(h, "table_base_headers")
                 or i in years[1:]]
        bases = [i for i, h in enumerate(table.header) if has(h, "table_base_headers") or i in years[:1]]
        units = [i for i, h in enumerate(table.header) if h in _cfg("table_unit_headers")]
        names = [i for i in range(1, len(table.header)) if i not in goals and i not in units and i not in bases]
        if not goals or not names:
            continue
        for row in table.rows:
            name, unit = tb.cell_under(row, names[0]), tb.cell_under(row, units[0]) if units else None
            for col in goals + bases:
                cell = tb.cell_under(row, col)
                if cell is not None and name is not None:
                    first = cell.text.split("\n", 1)[0]     # a last row may run on into the text below
                    row_name = name.text.split("\n", 1)[0]
                    out[cell.start] = (cell.start + len(first.rstrip()), row_name,
                                       unit.text.split("\n", 1)[0] if unit else None, col in goals, False)
                    for start, end, part in _merged_figures(cell.start, first.rstrip(), row_name):
                        out[start] = (end, part, None, col in goals, True)
    return out


def merged_figures(text: str, taken: list) -> list:
    """A Quantity for each figure of a merged flattened cell (15、37) that the
    number reader left out (a figure before 、 reads as a list label), in
    reading order; ``taken`` the quantities read."""
    starts = {q.start for q in taken}
    out = []
    for start, (end, _, _, _, merged) in sorted(_flat_value_cells(text).items()):
        figure = text[start:end]
        if merged and start not in starts and numbers.number_regex().fullmatch(figure):
            value = numbers.parse_number(figure)
            if value is not None:
                out.append(numbers.Quantity(start, end, value, None, None, None, "arabic"))
    return out


def _merged_figures(start: int, cell: str, name: str) -> list:
    """15、37 under 滚动推进重大项目(个)、完成投资额(亿元): a cell of as many figures
    as its row names indicators, each with its unit in brackets, holds one
    figure of each: (start, end, indicator) of every figure, or []."""
    parts = _split_outside_brackets(name)
    if len(parts) < 2 or any(_name_unit(p) is None for p in parts):
        return []
    figures, pos = [], 0
    for piece in re.split("[" + re.escape(_cfg("table_merged_figure_marks")) + "]", cell):
        if numbers.number_regex().fullmatch(piece.strip()) is None:
            return []
        lead = len(piece) - len(piece.lstrip())
        figures.append((start + pos + lead, start + pos + len(piece.rstrip())))
        pos += len(piece) + 1
    if len(figures) != len(parts):
        return []
    return [(a, b, part) for (a, b), part in zip(figures, parts)]


def _split_outside_brackets(name: str) -> list:
    """The indicators of a name cell that joins several by 、 (brackets kept whole)."""
    opens, closes = indicator._pairs()
    parts, depth, last = [], 0, 0
    for i, ch in enumerate(name):
        depth += (ch in opens) - (ch in closes and depth > 0)
        if depth == 0 and ch in _cfg("table_merged_figure_marks"):
            parts.append(name[last:i])
            last = i + 1
    return [p.strip() for p in parts + [name[last:]] if p.strip()]


def _flat_cell(q, after: int, end: int, name: str, unit_cell: Optional[str]) -> Optional[tuple]:
    """The number must fill its cell; its unit comes from the unit column, or
    from the name cell's brackets (城镇化率(%)), when it has none."""
    if after != end:
        return None
    unit = (_whole_unit(unit_cell.strip()) if unit_cell else None) or _name_unit(name)
    if q.unit is None and unit is not None:
        q = with_unit(q, unit)
    return name.strip(), q


# --- columns that report results ----------------------------------------------------

def _reports(name: str) -> bool:
    return any(r.regex.search(name) for r in rules.pattern_rules("targets", "report_columns"))


def report_cells(text: str) -> list:
    """(start, end) of every cell under a column that reports what was done
    (进展情况, 落实情况): its figures are results, not goals. A table with a
    goal or a year column is an indicator table, whose 完成情况 is its base."""
    from . import tables      # it reads the same tables as the units and the people
    spans = []
    for table in tables.read_tables(text):
        reports = [i for i, name in enumerate(table.header) if _reports(name)]
        indicator_table = any(any(g in name for g in _cfg("table_goal_headers")) or _year_header().fullmatch(name)
                              for name in table.header)
        if not reports or indicator_table:
            continue
        spans += [(cell.start, cell.end) for row in table.rows for idx in reports
                  for cell in [tables.cell_under(row, idx)] if cell is not None]
    return spans
