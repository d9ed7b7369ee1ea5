"""The bracket family of role contexts (rules/units.yaml ``paren_clauses``,
``bare_list_after``): clauses inside a bracket pair that name a role by a
verb (（县发改局牵头，县财政局配合）), and a bracket of unit names alone that
closes a task (（县农业农村局、县财政局）). Labels inside brackets are read by
the label family (rolecontexts.from_labels); this module reads what is beside
them.
"""
from __future__ import annotations

from dataclasses import replace

from .. import rules
from ..text import scan
from . import labellists as ll
from . import orgaffixes as ua
from . import orgnames as un
from .rolecontexts import RULES, _first_match, _list_mentions, _marks, _split_top


def from_parens(text: str, parens: list, local: frozenset) -> list:
    labels = scan.joined(RULES, "labels")          # finds something where one label does
    found = []
    for o, c in parens:
        inner = text[o + 1:c]
        if len(inner) > 200 or rules.first_search(RULES, "standing_list_notes", inner) is not None:
            continue      # （以下任务均需各乡镇落实，不再列出）: the standing units are no task's
        if labels.search(inner):
            # （牵头单位：县发改局；县财政局配合）: the labels' lists are read by
            # from_labels; the clauses beside them that name a role by a verb, here
            found.extend(paren_clauses(ll.without_labelled(inner, labels, _split_top), o, c, local))
            continue
        found.extend(paren_clauses(inner, o, c, local) or _bare_list(text, o, c, local))
    return found


BARE_LIST_RULE = "paren_bare_list"     # a parenthesis of names alone: its role is no word's


def _bare_list(text: str, o: int, c: int, local: frozenset) -> list:
    """（县农业农村局、县财政局） closing a task: a parenthesis of nothing but
    unit names, the first saying its level, at the end of a sentence or line."""
    after = text[c + 1:c + 6]
    if not any(r.regex.match(after) for r in rules.pattern_rules(RULES, "bare_list_after")):
        return []
    if _names_a_body(text, o):
        return []          # 区委组织部（区委人才办）: the other name of the body before it
    inner = _without_note(text[o + 1:c])
    # a class reference among them (各县市人民政府) names no one and is passed over
    items = [i for i in un.split_list(inner) if not un.is_generic(i.text)]
    if not items or not un.valid_as_subject(items[0].text, local):
        return []
    suffix = ua.shared_suffix([i.text for i in items])      # 大理市、洱源县人民政府
    if any(not un.looks_like_unit(ua.with_suffix(i.text, suffix)) for i in items):
        return []
    return _list_mentions(inner, o + 1, "responsible", BARE_LIST_RULE, o,
                          un.valid_in_running_text, local=local, paren=(o, c), family="paren")


def _without_note(inner: str) -> str:
    """（省经信委、省发改委。列第一位者为牵头部门，下同）: the names before a
    note on how lists are read that closes the parenthesis."""
    for rule in rules.pattern_rules(RULES, "conventions"):
        m = rule.regex.search(inner)
        if m:
            # (the note may follow a comma: 市发展改革委、市经信局，列第一位的为牵头单位，下同)
            cut = max((inner.rfind(mark, 0, m.start()) for mark in _marks("paren_note_cuts")), default=-1)
            if cut > 0 and not inner[cut + 1:m.start()].strip(_marks("blanks")):
                return inner[:cut]
    return inner


def _names_a_body(text: str, pos: int) -> bool:
    """The words just before ``pos`` are a body's full name (区委组织部)."""
    start = pos
    while start > 0 and pos - start < 16 and text[start - 1] not in _marks("subject_clause_starts"):
        start -= 1
    name = text[start:pos].strip(_marks("blanks"))
    return bool(name) and un.valid_as_subject(name)


def paren_clauses(inner: str, o: int, c: int, local: frozenset) -> list:
    found, first_prefix, lift = [], "", False
    carry = None     # start of the clauses before a comma that named no role yet
    for off, clause in _split_top(inner, _marks("paren_clause_breaks")):
        got, lifted = None, False
        if carry is not None:     # 省工信委、林业厅,国开行云南省分行,各州政府配合: one list
            got, lifted = _clause(inner, carry, inner[carry:off + len(clause)], o, c, first_prefix, local)
        if not got:
            got, lifted = _clause(inner, off, clause, o, c, first_prefix, local)
            if got is None:
                carry = carry if carry is not None else off
                carry = carry if _comma_after(inner, off + len(clause)) else None
                lift = lift or lifted
                continue
        carry, lift = None, lift or lifted
        if got and not first_prefix:
            first_prefix = ua.shared_prefix([got[0].raw])
        found.extend(got)
    # the mentions are made with lift_all unset: only a lift needs copies
    return [replace(m, lift_all=True) for m in found] if lift else found


def _clause(inner: str, off: int, clause: str, o: int, c: int, first_prefix: str,
            local: frozenset) -> tuple:
    """(mentions, lifted) of one clause of a parenthesis; mentions is None when
    no clause rule reads it (it names no role), [] when one does but its list fails."""
    blanks = _marks("blanks")
    stripped = clause.rstrip(_marks("clause_trailing"))
    lead = len(stripped) - len(stripped.lstrip(blanks))
    stripped = stripped.lstrip(blanks)
    m = _first_match("lift_markers", stripped)
    if m:
        lead += m.end()
        stripped = stripped[m.end():]
    for rule in rules.pattern_rules(RULES, "paren_clauses"):
        cm = rule.regex.fullmatch(stripped)
        if cm:
            base = o + 1 + off + lead + cm.start("list")
            return _list_mentions(cm.group("list"), base, rule.data["role"], rule.id, o,
                                  ll.body_or_place, first_prefix, local, paren=(o, c),
                                  family="paren"), m is not None
    return None, m is not None


def _comma_after(inner: str, end: int) -> bool:
    """A comma (not a semicolon) parts this clause from the next one."""
    return end < len(inner) and inner[end] in _marks("paren_list_commas")
