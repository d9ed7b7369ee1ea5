"""How far a role label's list reaches, and the clauses that stand beside it
in the same bracket (rolecontexts.py reads both).

    责任单位：市工信局；市教育局；市交通局     one list, its names parted by semicolons
    （牵头单位：县发改局；县财政局配合）      a label's list, then a clause naming its own role
"""
from __future__ import annotations

from .. import rules
from . import orgnames as un

RULES = "units"


def past_name_semicolons(window: str, end: int, ends, local: frozenset) -> int:
    """The end of a list that stopped at ``end``, moved past each semicolon
    after which only names that say their level follow, up to the next of the
    ``ends`` (the list_ends rules) or a bracket the window never opened."""
    marks = rules.load(RULES)
    while end < len(window) and window[end] in marks["list_semicolons"]:
        nxt = ends.search(window, end + 1)
        after = nxt.start() if nxt else len(window)
        after = end + 1 + un.unopened_closer(window[end + 1:], after - end - 1)
        # …；县财政局，县审计局配合: a comma after the names opens a clause of their own
        if window[after:after + 1] in tuple(marks["paren_list_commas"]) \
                or not _names_only(window[end + 1:after], local):
            break
        end = after
    return end


def _names_only(text: str, local: frozenset) -> bool:
    """A stretch that is nothing but unit names, each saying its level."""
    items = un.split_list(text)
    return bool(items) and all(un.valid_as_subject(i.text, local) for i in items)


def without_labelled(inner: str, labels, split_top) -> str:
    """``inner`` (a bracket's text) with every clause that holds a label
    blanked out, offsets kept: what is left are the clauses beside the labels.
    ``split_top(text, marks)`` cuts a text at marks outside nested brackets."""
    out = inner
    for off, clause in split_top(inner, rules.load(RULES)["paren_clause_breaks"]):
        if labels.search(clause):
            out = out[:off] + " " * len(clause) + out[off + len(clause):]
    return out
