"""How far a role label's list reaches, and the clauses that stand beside it
in the same bracket (rolecontexts.py reads both).

    责任单位：市工信局；市教育局；市交通局     one list, its names parted by semicolons
    （牵头单位：县发改局；县财政局配合）      a label's list, then a clause naming its own role
    （牵头单位：市农办；主办单位：市编办）    a second lead label gives way to the first
"""
from __future__ import annotations

from .. import rules
from ..prepare import gazetteer, towns
from . import orgnames as un

RULES = "units"


def body_or_place(name: str) -> bool:
    """Ends like a body; or is a town, township or sub-district of the national
    division codes (牵头单位凤城镇、白沙镇: a town's government is meant); or a
    whole city or county name ((合肥市、芜湖市，省发展改革委牵头): its government)."""
    if un.valid_in_running_text(name):
        return True
    key = un.compact(name)
    return un.valid_in_list(name) and (bool(towns.counties_of(key)) or gazetteer.place_prefix(key) == key)


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
    """A stretch that is nothing but unit names, each saying its level or,
    short, ending like a body (县发改局；财政局；住建局: the level of the
    first carries over)."""
    from .subjectpredicates import opens_clause     # it reads lists through this module
    items = un.split_list(text)
    bare_max = rules.load(RULES)["list_semicolon_bare_max"]
    return bool(items) and all(un.valid_as_subject(i.text, local)
                               or (len(i.text) <= bare_max and un.valid_in_running_text(i.text)
                                   and not opens_clause(i.text))
                               for i in items)


def without_labelled(inner: str, labels, split_top) -> str:
    """``inner`` (a bracket's text) with every clause that holds a label
    blanked out, offsets kept: what is left are the clauses beside the labels.
    ``split_top(text, marks)`` cuts a text at marks outside nested brackets."""
    out = inner
    for off, clause in split_top(inner, rules.load(RULES)["paren_clause_breaks"]):
        if labels.search(clause):
            out = out[:off] + " " * len(clause) + out[off + len(clause):]
    return out


def roles_beside_lead(text: str, hits: list, parens: list, role_of) -> list:
    """The role of each label match ``hits`` [(rule, match)], ``parens`` the
    bracket around each (or None): a stem that leads on its own (主办, 主责)
    names the responsible units when a 牵头 label stands in the same bracket
    or on the same line (rules/units.yaml: stems_beside_lead)."""
    cfg = rules.load(RULES)
    beside, leader = cfg["stems_beside_lead"], cfg["lead_stem"]

    def statement(k: int):
        _, m = hits[k]
        return parens[k] or text.rfind("\n", 0, m.start())

    led = {statement(k) for k, (_, m) in enumerate(hits) if _stem(m) == leader}
    return [beside.get(_stem(m), role_of(rule, m)) if statement(k) in led else role_of(rule, m)
            for k, (rule, m) in enumerate(hits)]


def _stem(m) -> str:
    return m.groupdict().get("stem") or ""


def before_deadline_tail(window: str, end: int) -> int:
    """……、州经开区管委会，6月底完成: a list end before the deadline its
    bracket closes with, after a comma (list_deadline_tails)."""
    for rule in rules.pattern_rules(RULES, "list_deadline_tails"):
        m = rule.regex.search(window, 0, end)
        if m and not window[m.end():end].strip():
            return m.start()
    return end
