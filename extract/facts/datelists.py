"""Dates listed before one deadline word: 于3月10日、6月10日、9月10日前分别报送
says three deadlines, not two points and a deadline. The word after the last
date of a list (joined by rules/dates.yaml ``deadline_list_marks``) makes
every earlier point of the list a deadline too."""
from __future__ import annotations

from dataclasses import replace

from .. import rules

RULES = "dates"


def shared_deadlines(text: str, exprs: list) -> list:
    """``exprs`` with the points listed right before a deadline made deadlines."""
    marks = tuple(rules.words(RULES, "deadline_list_marks"))
    out = list(exprs)
    k = len(out) - 1
    while k > 0:
        if out[k].kind != "deadline":
            k -= 1
            continue
        j = k
        while j > 0 and out[j - 1].kind == "point" and text[out[j - 1].end:out[j].start].strip() in marks:
            j -= 1
            out[j] = replace(out[j], kind="deadline", rule_id="deadline:listed+" + out[j].rule_id)
        k = j - 1
    return out
