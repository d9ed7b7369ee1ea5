"""Role from context, the table family: the cells under a header cell that
names a role, in every layout the table readers know (tables.py and the
readers of flattened rows), each name read as rolecontexts reads a list."""
from __future__ import annotations

from dataclasses import replace

from .. import rules
from . import barrows as br
from . import cellwords
from . import labelrows as lr
from . import orgaffixes as ua
from . import orgnames as un
from . import people as pp
from . import subjectrows as sr
from . import tables as tb
from . import tailcells as tc
from .rolecontexts import RULES, Mention, _list_mentions, _marks


def from_tables(text: str, local: frozenset) -> list:
    """Cells under a header cell that names a role, in any table layout."""
    found = []
    for table in tb.read_tables(text):
        roles = tb.column_roles(table)
        above: list = []         # the lead column's names on the row above
        for row in table.rows:
            anchor = cellwords.row_anchor(row)
            for idx, column in roles.items():
                cell = tb.cell_under(row, idx)
                # an empty 配合单位 cell may just be empty: only the lead column continues a merged cell
                if above and idx == cellwords.lead_column(roles) and cellwords.merged_down(table, row, cell):
                    found.extend(replace(m, anchor=anchor, merged=True) for m in above)
                    continue
                start = len(found)
                if cell is not None and tb.joined_header(table.header[idx]):
                    cell = cellwords.unit_part(cell)      # 市民政局 王立新: the person in charge follows
                if cell is not None and cell.parts:
                    found.extend(_part_mentions(text, cell.parts, column, local, anchor))
                elif cell is not None:      # 牵头单位及责任人: the people are not units
                    words = (pp.blank_people(cell.text) if tb.person_header(table.header[idx])
                             else cell.text)
                    found.extend(_cell_mentions(words, cell.start, column, local, anchor))
                if idx == cellwords.lead_column(roles):
                    above = found[start:]
    for number, cell in sr.subject_rows(text):     # 2 / 县农粮局 / 30 / …
        found.extend(_list_mentions(cell.text, cell.start, sr.role(), sr.rule_id(), cell.start,
                                    un.valid_in_list, local=local, family="table", anchor=number.start))
    for task, cell, role, rule_id in br.unit_cells(text) + tc.unit_cells(text) + lr.unit_cells(text):     # 1 / | / 任务 / | / 法规科 / | / 2024年底前
        found.extend(_list_mentions(cell.text, cell.start, role, rule_id, task.start,
                                    un.valid_in_list, local=local, family="table", anchor=task.start))
    return found


def _part_mentions(text: str, parts: tuple, column: tuple, local: frozenset, anchor: int) -> list:
    """The names of a cell already read apart (a run-together table): each as
    written in the plan, named without the line breaks inside it."""
    role, rule_id = column
    names = [p for p in parts if not un.is_generic(p.text)]
    prefix = ua.shared_prefix([p.text for p in names])
    return [Mention(p.start, p.end, text[p.start:p.end], ua.with_prefix(p.text, prefix, local),
                    role, rule_id, parts[0].start, family="table", anchor=anchor) for p in names]


def _cell_mentions(cell: str, offset: int, column: tuple, local: frozenset, anchor: int) -> list:
    """A cell under a role header; a cell that states its own role the way a
    parenthesis does (区统计局提供资料) takes that role instead."""
    stripped = cell.strip(_marks("clause_trailing"))
    lead = cell.index(stripped) if stripped else 0
    for rule in rules.pattern_rules(RULES, "paren_clauses"):
        cm = rule.regex.fullmatch(stripped)
        if cm:
            return _list_mentions(cm.group("list"), offset + lead + cm.start("list"),
                                  rule.data["role"], rule.id, offset, un.valid_in_running_text,
                                  local=local, family="table", anchor=anchor)
    role, rule_id = column
    # a cell belongs to its row: the numbered lines of another cell (1.…, 2.…) do not hold it
    # a cell may close with a full stop (区发改委、区财政局。): the names end before it
    return _list_mentions(stripped, offset + lead, role, rule_id, offset, un.valid_in_list,
                          local=local, family="table", anchor=anchor)
