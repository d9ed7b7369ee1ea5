"""Which clause subjects a plan keeps (subjectunits.py finds them).

A unit read as the subject of a task sentence is a guess from the sentence's
shape; where the node states its roles by a role word, or another family
already names the same unit there, the guess adds nothing and is dropped.
"""
from __future__ import annotations

from .. import rules
from . import subjectunits as su

RULES = su.RULES


def drop_restated(rows: list, text: str = "", outlined: bool = True) -> list:
    """Clause subjects and partners only where their node states no role by
    a role word: a node that says 县财政局负责…… or 责任单位：…… states its
    roles so, and its other sentences (县财政局要加强……) tell how, not who.
    Of the rest, a unit the same node already names by another family adds
    no fact; each clause that names it again is a fact of its own (县经信委
    牵头……；县经信委和县环保局联合……). A clause outside every node (a
    notice's preamble) names no task of a plan that has an outline
    (``outlined``); one without an outline states its tasks in its sentences,
    and there a clause that directs the work names who does it (县政府督查室要……,
    县政府督查室将定期通报进展: subject_directives, read in ``text`` after the unit)."""
    clause_rules = (su.CLAUSE_RULE, su.PARTNER_RULE, su.BY_RULE)
    duty = {rule.id for rule in rules.pattern_rules(RULES, "duty_heads")} | {su.duty_line_rule()}
    by_role_word = {r.node_id for r in rows if r.rule_id not in clause_rules and r.rule_id not in duty}
    named = {(r.node_id, su.level_key(r.unit)) for r in rows if r.rule_id not in clause_rules}
    # 由X…… states who does the task as plainly as a role word: it stands beside
    # one, and a node that hands its task to X twice names one fact
    kept, by_seen = [], set()
    for r in rows:
        if r.rule_id not in clause_rules:
            kept.append(r)
            continue
        key = (r.node_id, su.level_key(r.unit))
        unoutlined_kept = r.rule_id == su.BY_RULE or _directs(text, r.char_end)
        if (r.node_id is None and (outlined or not unoutlined_kept)) or key in named or (
                key in by_seen if r.rule_id == su.BY_RULE else (r.node_id in by_role_word and not _place_subject(r))):
            continue
        if r.rule_id == su.BY_RULE:
            by_seen.add(key)
        kept.append(r)
    return kept


def _directs(text: str, end: int) -> bool:
    """A modal follows the unit that ends at ``end`` (or the rest of its list)."""
    window = text[end:end + 40]
    return any(rule.regex.match(window) for rule in rules.pattern_rules(RULES, "subject_directives"))


def _place_subject(row) -> bool:
    """A city, county or town that a committing verb made a subject (辉县市、
    卫辉市……编制完成……): a node that hands one task to a unit by a role
    word may hand another to the places, and they are not the unit's manner."""
    return row.unit_kind == rules.load(RULES)["subject_place_kind"]
