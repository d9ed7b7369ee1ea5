"""Duty rosters written as lines: a division of duties at town or street
level gives each office a line of its own, opening with its bare name and
its duties (rules/units.yaml, the duty_line_* keys):

    房管所、规建办负责牵头组织排查整治工作；
    房管所负责规模租赁场所的排查工作；
    城运中心结合风险普查，协同做好协调工作；

A single such line proves nothing (a bare 派出所负责 may be prose), but a run
of consecutive lines that each open with body names and a predicate, most of
them a role word, is the roster: its names are units, each taking the role
its own duties state (牵头 lead, 配合 assist, else responsible).
"""
from __future__ import annotations

from dataclasses import replace

from .. import rules
from . import subjectunits as su

RULES = "units"


def _cfg():
    return rules.load(RULES)


def _lines(text: str) -> list:
    """(start, end) of every line of ``text``."""
    out, start = [], 0
    while start <= len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        out.append((start, end))
        start = end + 1
    return out


def from_rosters(text: str, parens: list, local: frozenset) -> list:
    """The mentions of every duty roster in ``text``."""
    found, run = [], []
    for start, end in _lines(text):
        line = _roster_line(text, start, end, parens, local)
        if line is not None:
            run.append(line)
            continue
        if text[start:end].strip() or not run:
            found.extend(_accepted(run))
            run = []
    return found + _accepted(run)


def _roster_line(text: str, start: int, end: int, parens: list, local: frozenset):
    """(mentions, opens with a role word) for a line opening with body names
    and a predicate; None for any other line."""
    pos = su._after_lead_ins(text, start)
    pos += len(text[pos:end]) - len(text[pos:end].lstrip())
    if end - pos < 4 or su.rc._enclosing(parens, pos):
        return None
    got = su._subject_list(text, pos, local, frozenset(), rule_id=_cfg()["duty_line_rule"],
                           bare=True)
    if got is None or got[2] != "verb":
        return None
    mentions = got[0]
    if any(su._first("duty_head_rejects", m.raw, True)[0] for m in mentions):
        return None
    # from the last name on: 负责 may have been read as a modal before the verb
    duties = text[mentions[-1].end:end]
    _, tail = su._first("subject_list_tails", duties)
    duties = duties[tail.end():] if tail else duties
    role = su._duty_role(duties)
    stated = su._first("duty_line_role_words", duties)[0] is not None
    return [replace(m, role=role, family=su.FAMILY) for m in mentions], stated


def _accepted(run: list) -> list:
    """The mentions of a run long enough, most of whose lines state a role."""
    stated = sum(1 for _, s in run if s)
    if len(run) < _cfg()["duty_line_min"] or 2 * stated < len(run):
        return []
    return [m for mentions, _ in run for m in mentions]
