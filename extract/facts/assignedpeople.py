"""People assigned one to a line, in two layouts the label and table readers
do not see:

- a list of places, each with the one in charge of it, under a sentence that
  names their role (包村领导安排如下： / 东湖村——张立新（镇党委副书记） /
  西岭村：赵明华): the role is the one the sentence names;
- a roster whose rows put the name first, then the role in the group, then
  the person's own post (姓名 / 职务 / 本单位职务: 韩振宇　组长　镇党委书记),
  as TAB columns or one cell per line under its 姓名 header.
"""
from __future__ import annotations

from typing import Optional

from .. import rules
from .personnames import compact, is_person_name, split_post
from .rolelabels import person_role

RULES = "people"
_ROLE_REACH = 10        # the most characters of a role before 安排如下


def from_assignments(text: str) -> list:
    """(start, end, name, role, unit) of each person of each place list."""
    found, role = [], None
    pos = 0
    for line in text.split("\n"):
        if role is not None:
            got = _assigned(line, pos)
            if got:
                found += [(s, e, name, role, unit) for s, e, name, unit in got]
            elif line.strip():
                role = None        # the list has ended
        if role is None:
            role = _list_role(line)
        pos += len(line) + 1
    return found


def _list_role(line: str) -> Optional[str]:
    """The person role a lead-in line names (挂村领导安排如下：), or None."""
    m = rules.first_search(RULES, "assignment_lead_ins", line)
    if m is None:
        return None
    head = compact(line[:m.start()])
    for k in range(min(_ROLE_REACH, len(head)), 1, -1):
        if person_role(head[-k:]):
            return head[-k:]
    return None


def _assigned(line: str, pos: int) -> list:
    """(start, end, name, unit) of the people of one place line, [] when it is none."""
    m = rules.first_search(RULES, "assignment_items", line)
    if m is None:
        return []
    people = line[m.start("people"):m.end("people")]
    sep = rules.load(RULES)["post_separator"]
    got, at = [], m.start("people")
    for piece in people.split(sep):
        name = compact(piece)
        if not is_person_name(name):
            return []
        lead = len(piece) - len(piece.lstrip())
        got.append((pos + at + lead, pos + at + len(piece.rstrip()), name))
        at += len(piece) + len(sep)
    unit = split_post(m.group("post")) if m.group("post") else None
    return [(s, e, name, unit) for s, e, name in got]


def from_name_first_rows(text: str) -> list:
    """(start, end, name, role, unit) of each roster row written name first:
    TAB rows, and the rows of a table flattened one cell per line under 姓名."""
    roles = {compact(r) for r in rules.words(RULES, "roles")}
    found, pos = [], 0
    lines = text.split("\n")
    starts = []
    for line in lines:
        starts.append(pos)
        pos += len(line) + 1
    for k, line in enumerate(lines):
        cells = line.split("\t")
        if len(cells) >= 2:
            row = _row(cells, starts[k], roles)
            if row:
                found.append(row)
    return found + _flat_rows(lines, starts, roles)


def _row(cells: list, pos: int, roles: set) -> Optional[tuple]:
    name, role = compact(cells[0]), compact(cells[1])
    if role not in roles or not is_person_name(name):
        return None
    lead = len(cells[0]) - len(cells[0].lstrip())
    post = cells[2] if len(cells) > 2 and cells[2].strip() else ""
    return pos + lead, pos + len(cells[0].rstrip()), name, role, split_post(post) if post else None


def _flat_rows(lines: list, starts: list, roles: set) -> list:
    """Under a header of short lines opened by 姓名, groups of as many lines
    as the header has cells, each opened by a name and holding a role."""
    found, names = [], set(rules.words(RULES, "name_first_headers"))
    k = 0
    while k < len(lines):
        if compact(lines[k]) not in names:
            k += 1
            continue
        width = _header_width(lines, k)
        j = k + width
        while j + width <= len(lines):
            cells = lines[j:j + width]
            row = _row(cells, starts[j], roles) if width >= 2 else None
            if row is None:
                break
            found.append(row)
            j += width
        k = max(j, k + 1)
    return found


def _header_width(lines: list, k: int) -> int:
    """How many header lines follow 姓名 (职务, 本单位职务 …), 姓名 counted."""
    words = set(rules.words(RULES, "name_first_columns"))
    width = 1
    while k + width < len(lines) and compact(lines[k + width]) in words:
        width += 1
    return width
