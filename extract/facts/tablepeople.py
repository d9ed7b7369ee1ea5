"""Named people in the cells of a task table's person columns (责任领导, 责任人
…), whatever the table's layout (tables.py). A leader's cell left empty in a
.docx/.html table is the continuation of a cell merged down over the rows
below it: its names answer for those rows too, as the lead column's units do
(tablecontexts.py)."""
from __future__ import annotations

import dataclasses

from . import cellwords, orgnames
from . import tables as tb
from .posts import is_post
from .rolelabels import person_role


def from_tables(text: str, found_type, cell_people) -> list:
    """``found_type`` rows for the names in person columns; a merged cell's
    names again for each row below it, anchored at that row."""
    found = []
    for table in tb.read_tables(text):
        columns = [i for i, name in enumerate(table.header) if tb.person_header(name)]
        lead = cellwords.lead_column(tb.column_roles(table))
        above: list = []          # the first person column's names on the row above
        for row in table.rows:
            for idx in columns:
                cell = tb.cell_under(row, idx)
                if above and idx == columns[0] and cellwords.merged_down(table, row, cell):
                    found += [dataclasses.replace(f, anchor=cellwords.row_anchor(row)) for f in above]
                    continue
                if cell is not None and tb.joined_header(table.header[idx]):
                    cell = _person_part(cell)
                names = [] if cell is None else [
                    found_type(cell.start + g.start, cell.start + g.end, g.name, person_role(table.header[idx]),
                               g.unit or _row_unit(cell, g, row, lead), "people_table_column")
                    for g in cell_people(cell.text)]
                found += names
                if idx == columns[0]:
                    above = names
    return found


def _row_unit(cell: tb.Cell, person, row: list, lead):
    """局长 向东 under 责任人 on a row whose one lead unit is 县住建局: a post that
    names no body of its own is one of that unit (a leader named alone keeps none)."""
    unit_cell = tb.cell_under(row, lead) if lead is not None else None
    written = cell.text[:person.start].strip() + cell.text[person.end:].strip()
    if unit_cell is None or not unit_cell.text.strip() or not is_post(written):
        return None
    listed = orgnames.split_list(unit_cell.text.strip())     # one body: several leave it open whose
    return listed[0].text if len(listed) == 1 and orgnames.looks_like_unit(listed[0].text) else None


def _person_part(cell: tb.Cell) -> tb.Cell:
    """Under a joined header, a cell whose person comes first (王立新（副市长）
    市水利局) without the units after the person; any other cell as it is."""
    units = cellwords.unit_part(cell)
    if units.start == cell.start or units.end == units.start:
        return cell
    return tb.Cell(cell.start, units.start, cell.text[:units.start - cell.start].rstrip())
