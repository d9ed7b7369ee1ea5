"""Duty lists and duty rosters (rules/units.yaml, the duty_* keys).

A duty list: numbered items each headed by a unit name, with a full stop
(2.派出所。配合做好……) or alone on its heading line, the duties below; a
run of heads numbered one after the other makes the list, each unit taking
the role its duties state.

A duty roster: a division of duties at town or street level gives each office
a line of its own, opening with its bare name and its duties:

    房管所、规建办负责牵头组织排查整治工作；
    房管所负责规模租赁场所的排查工作；
    城运中心结合风险普查，协同做好协调工作；
    综治办：主要承担矛盾纠纷调处工作。

A single such line proves nothing (a bare 派出所负责 may be prose), but a run
of consecutive lines that each open with body names and a predicate, most of
them a role word, is the roster: its names are units, each taking the role
its own duties state (牵头 lead, 配合 assist, else responsible).
"""
from __future__ import annotations

from dataclasses import replace

from .. import rules
from ..text import numerals, scan
from . import orgnames as un
from . import subjectmatch as sm
from . import subjectunits as su
from .rolecontexts import Mention

RULES = "units"


def _cfg():
    return rules.load(RULES)


# --- numbered duty lists: 1.镇安监所。牵头开展…… ---------------------------------

def from_duty_lists(text: str, local: frozenset) -> list:
    heads = []
    for rule in rules.pattern_rules(RULES, "duty_heads"):
        for m in rule.regex.finditer(text):
            name = m.group("name")
            if (not un.valid_in_running_text(name) or su._generic(name)
                    or sm._first("duty_head_rejects", name, True)[0]):
                continue
            if rule.data.get("own_line") and not un.valid_as_subject(name, local):
                continue
            body = _duties(text, m.end(), rule.data.get("own_line"))
            if rule.data.get("own_line") and sm._first("duty_roster_lines", body, True)[0]:
                continue      # 1、市绿化委员会 / 主任：……: the body's people, not its duties
            heads.append((_head_number(m), Mention(
                m.start("name"), m.end("name"), name, name, _duty_role(body),
                rule.id, m.start("name"), family=su.FAMILY)))
    return [m for run in _runs(heads) if len(run) >= _cfg()["duty_head_min"] for m in run]


def _duties(text: str, at: int, own_line: bool) -> str:
    """The duties of a head: the rest of its line, or the next line with
    text when the name stands alone on its heading line."""
    if own_line:
        at += len(text[at:]) - len(text[at:].lstrip())
    line_end = text.find("\n", at)
    return text[at:len(text) if line_end < 0 else line_end]


def _head_number(m) -> tuple:
    """(numbering style, its value) of a duty head's label."""
    for group in ("num", "num2", "num3", "num4"):
        if m.group(group):
            return group, numerals.ordinal(m.group(group))
    return None, None


def _runs(heads: list) -> list:
    """Heads numbered one after the other in the same style, as runs."""
    runs, last = [], None
    for number, mention in sorted(heads, key=lambda h: h[1].start):
        if last and number[0] == last[0] and number[1] == (last[1] or 0) + 1:
            runs[-1].append(mention)
        else:
            runs.append([mention])
        last = number
    return runs


def _duty_role(body: str) -> str:
    """The role of the first role word in an item's duties (none: responsible)."""
    best = None
    for rule in rules.pattern_rules(RULES, "duty_roles"):
        m = rule.regex.search(body)
        if m and (best is None or (m.start(), -len(m.group())) < best[0]):
            best = ((m.start(), -len(m.group())), rule.data["role"])
    return best[1] if best else "responsible"


# --- rosters of lines ------------------------------------------------------------

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
    lines = _lines(text)
    hot = _near_role_words(text, lines)
    for i, (start, end) in enumerate(lines):
        line = _roster_line(text, start, end, parens, local) if hot[i] else None
        if line is not None:
            run.append(line)
            continue
        if text[start:end].strip() or not run:
            found.extend(_accepted(run))
            run = []
    return found + _accepted(run)


def _near_role_words(text: str, lines: list) -> list:
    """Lines worth reading (reading a line costs a word cut): those whose
    opening holds a role word or a colon, and their neighbours with text (a
    roster's line without a role word sits among lines with one)."""
    reach = _cfg()["duty_line_reach"]
    duty = scan.joined(RULES, "duty_roles").search        # one search finds any of them
    own = [duty(text, s, min(e, s + reach)) is not None
           or sm._first("duty_line_labels", text[s:min(e, s + reach)], True)[0] is not None
           for s, e in lines]
    full = [i for i, (s, e) in enumerate(lines) if text[s:e].strip()]
    hot = list(own)
    for k, i in enumerate(full):
        if own[i]:
            for j in full[max(0, k - 1):k + 2]:
                hot[j] = True
    return hot


def _roster_line(text: str, start: int, end: int, parens: list, local: frozenset):
    """(mentions, opens with a role word) for a line opening with body names
    and a predicate; None for any other line."""
    pos = su._after_lead_ins(text, start)
    pos += len(text[pos:end]) - len(text[pos:end].lstrip())
    if end - pos < 4 or su.rc.enclosing(parens, pos):
        return None
    got = su._subject_list(text, pos, local, frozenset(), rule_id=_cfg()["duty_line_rule"],
                           bare=True)
    if got is None or got[2] != "verb":
        return _labelled_line(text, pos, end)
    mentions = got[0]
    if any(sm._first("duty_head_rejects", m.raw, True)[0] for m in mentions):
        return None
    # from the last name on: 负责 may have been read as a modal before the verb
    duties = text[mentions[-1].end:end]
    _, tail = sm._first("subject_list_tails", duties)
    duties = duties[tail.end():] if tail else duties
    role = _duty_role(duties)
    stated = sm._first("duty_line_role_words", duties)[0] is not None
    return [replace(m, role=role, family=su.FAMILY) for m in mentions], stated


def _labelled_line(text: str, pos: int, end: int):
    """党政办：负责…… / 综治办：主要承担……: a roster line that sets its
    office's name off with a colon. None for any other line."""
    _, m = sm._first("duty_line_labels", text[pos:end])
    if m is None:
        return None
    base, duties = pos + m.start("name"), text[pos + m.end():end]
    stated = sm._first("duty_line_role_words", duties)[0] is not None
    # 国网某供电公司、区热力公司：配合…… names several; 各街道办事处：负责…… is a
    # line of the roster that names no body
    items = [i for i in un.split_list(m.group("name")) if not su._generic(i.text)]
    if not items:
        return ([], stated) if un.split_list(m.group("name")) else None
    # one name must not read as a section's heading; in a list of several
    # each must end like a body (a long company name is one)
    if len(items) == 1 and sm._first("duty_head_rejects", items[0].text, True)[0]:
        return None
    if any(not un.valid_in_running_text(i.text) or (len(items) > 1 and not un.looks_like_unit(i.text))
           for i in items):
        return None
    role = _duty_role(duties)
    return [Mention(base + i.start, base + i.end, i.text, i.text, role, _cfg()["duty_line_rule"], pos,
                    family=su.FAMILY) for i in items], stated


def _accepted(run: list) -> list:
    """The mentions of a run long enough, most of whose lines state a role."""
    stated = sum(1 for _, s in run if s)
    if len(run) < _cfg()["duty_line_min"] or 2 * stated < len(run):
        return []
    return [m for mentions, _ in run for m in mentions]
