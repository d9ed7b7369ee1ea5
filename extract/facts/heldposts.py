"""A second post a roster member holds, noted beside the first: 郝某 省统计局局长
(兼领导小组办公室主任) / 钱某（县统计局局长，兼办公室主任）.

The member keeps the role of the label above them (副组长, 成员) and the unit
of their own post; the note makes them the office's 主任 (or 副主任) as well,
a second row on the same name, as 办公室主任由某某同志兼任 would.
"""
from __future__ import annotations

from dataclasses import replace

from .. import rules

RULES = "people"


def with_second_posts(text: str, found: list, split_post) -> list:
    """``found`` with the unit of each noted member cut before the note, and a
    row for each post the note names."""
    notes = rules.pattern_rules(RULES, "second_posts")
    marks = rules.load(RULES)["second_post_marks"]
    out = []
    for f in found:
        note = next((m for rule in notes for m in [rule.regex.search(text, *f.item)] if m), None) \
            if f.item and f.item[1] > f.end else None
        if note is None or note.start() < f.end:
            out.append(f)
            continue
        unit = f.unit
        if unit and any(mark in unit for mark in marks):
            own = unit
            for mark in marks:
                own = own.split(mark)[0]
            unit = split_post(own.rstrip(rules.load(RULES)["second_post_trim"])) or None
        out.append(replace(f, unit=unit))
        out.append(replace(f, unit=unit, role=note.group("role"), rule_id="people_second_post"))
    return out
