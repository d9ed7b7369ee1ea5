"""Role from context: the rule families that find unit mentions and decide
their role, each from one kind of context (rules/units.yaml):

- role labels: a stem + qualifier + 单位/部门/科室 + colon, or in brackets;
- brackets of any kind: clauses (X牵头，Y配合), a deadline before the label,
  a bare list of unit names closing a task (parencontexts.py);
- tables in any layout (tables.py), by the role their header names
  (tablecontexts.py);
- running text: 由X负责, X牵头, 交由X组织实施, a unit opening the sentence of a
  later 负责.

Each family returns ``Mention`` records; responsibilities.py settles their
overlaps and turns them into rows. A name counts as a unit by its shape
(orgnames.py, rules/orgs.yaml), never by the trigger alone.
"""
from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass
from typing import Optional

from .. import rules
from ..text import scan
from . import cellwords
from . import labellines
from . import labellists as ll
from . import orgaffixes as ua
from . import orgnames as un
from . import tables as tb

RULES = "units"


@functools.lru_cache(maxsize=None)
def _marks(key: str) -> str:
    """A set of marks from rules/units.yaml (blanks, clause starts …), as one string."""
    return rules.load(RULES)[key]


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    raw: str
    unit: str
    role: str
    rule_id: str
    group: int            # the list or parenthesis it came from
    paren: Optional[tuple] = None   # (open, close) when stated in a parenthesis
    lift_all: bool = False          # 上述各项由……负责: covers the sub-items above
    family: str = "sentence"        # the rule family that found it (FAMILIES)
    anchor: Optional[int] = None    # where its node is looked up, when not at its start
    beside_person: bool = False     # its label names the person after it too (责任单位及责任人：)
    merged: bool = False            # a table cell merged down: the names of the cell above


# --- parentheses -------------------------------------------------------------

_MAX_PAREN = 400   # longer bracket pairs are prose, not a statement of responsibility


def find_parens(text: str) -> list:
    """(open, close) of every bracket pair on one line, nested ones included.
    A closer of another kind than the innermost opener closes nothing."""
    opens, closes, closer = un.brackets()
    marks = re.compile("[" + re.escape(opens + closes) + "\n]")
    pairs, stack = [], []
    for m in marks.finditer(text):
        ch, i = m.group(), m.start()
        if ch in opens:
            stack.append(i)
        elif ch == "\n":
            stack.clear()
        elif stack and closer[text[stack[-1]]] == ch:
            o = stack.pop()
            if i - o <= _MAX_PAREN:
                pairs.append((o, i))
    return sorted(pairs)


def enclosing(parens: list, pos: int) -> Optional[tuple]:
    """The innermost pair around ``pos``. Pairs never cross a line, so only
    the few pairs opened shortly before ``pos`` are looked at."""
    i = bisect.bisect_left(parens, (pos, -1)) - 1
    while i >= 0 and pos - parens[i][0] <= _MAX_PAREN:
        o, c = parens[i]
        if o < pos <= c:
            return o, c
        i -= 1
    return None


def _split_top(text: str, seps: str) -> list:
    """(offset, piece) of ``text`` cut at ``seps`` outside brackets."""
    opens, closes, _ = un.brackets()
    out, depth, last = [], 0, 0
    for m in _marks_of(opens + closes + seps).finditer(text):     # only these count
        i, ch = m.start(), m.group()
        if ch in opens:
            depth += 1
        elif ch in closes:
            depth = max(0, depth - 1)
        elif depth == 0:
            out.append((last, text[last:i]))
            last = i + 1
    out.append((last, text[last:]))
    return out


@functools.lru_cache(maxsize=None)
def _marks_of(chars: str):
    """One character class of ``chars``."""
    return re.compile("[" + re.escape(chars) + "]")


def _list_mentions(text: str, base: int, role: str, rule_id: str, group: int,
                   check, prefix: str = "", local: frozenset = frozenset(), **extra) -> list:
    """Mentions for each valid name of a list at ``text[base:...]``.

    ``check`` is the validity test for one name; generic references are
    skipped. Returns [] when any other item fails, so that a piece of prose
    never yields half a list.
    """
    items = un.split_list(text)
    # 管委会 in 高新区党工委和管委会 is 高新区管委会 (各县党委和人民政府: a class)
    joined = ua.joined_bodies(text, items)
    names = [i for i in un.specific_items(items) if not un.is_generic(joined.get(id(i), i.text))]
    whole = {id(i): joined.get(id(i), i.text) for i in names}
    # 青莲镇 in 青莲镇、太白镇党委 is checked as the 青莲镇党委 it stands for
    suffixes = _shared_suffixes(text, names, whole)
    if not all(check(ua.with_suffix(whole[id(i)], sfx)) for i, sfx in zip(names, suffixes)):
        return []
    prefix = ua.shared_prefix([whole[id(i)] for i in names]) or prefix
    prefixes = ua.carried_prefixes(text, items, names, prefix, _marks("paren_clause_breaks"), local)
    return [Mention(base + i.start, base + i.end, i.text,
                    ua.with_suffix(ua.with_prefix(whole[id(i)], p, local), sfx),
                    i.role or role, rule_id, group, **extra) for i, sfx, p in zip(names, suffixes, prefixes)]


def _shared_suffixes(text: str, names: list, whole: Optional[dict] = None) -> list:
    """The body each name takes from the last item of its run: a comma ends a
    run (黄埔区、天河区人民政府，市工业和信息化局 → 黄埔区人民政府); ``whole``:
    the names of joined bodies (joined_bodies)."""
    breaks = _marks("paren_clause_breaks")
    runs, run = [], []
    for item in names:
        if run and any(ch in breaks for ch in text[run[-1].end:item.start]):
            runs.append(run)
            run = []
        run.append(item)
    runs.append(run)
    out = []
    for run in runs:
        out.extend(ua.suffixes_from_next([(whole or {}).get(id(i), i.text) for i in run]))
    return out


def _first_match(key: str, text: str):
    return rules.first_search(RULES, key, text)


# --- role labels -------------------------------------------------------------

_MAX_LIST = 600


def _list_end(text: str, start: int, local: frozenset = frozenset()) -> Optional[int]:
    """Where a label's list stops: sentence end, next label, or a closing bracket."""
    window = text[start:start + _MAX_LIST]
    ends = scan.joined(RULES, "list_ends")
    first = ends.search(window)    # the earliest of the rules' ends
    end = first.start() if first else len(window)
    end = ll.past_name_semicolons(window, end, ends, local)
    closed = un.unopened_closer(window, end)
    if closed < end:
        return start + ll.before_deadline_tail(window, closed)
    end = ll.before_deadline_tail(window, _before_unclosed(window, end))
    if end == len(window) == _MAX_LIST and start + end < len(text):
        return None          # a list that never ends: no rows rather than a cut-off one
    return start + end


def role_of(rule, match) -> str:
    """The role a rule states, or the one its bracketed mark or its matched stem
    gives (role_stems)."""
    if rule.data.get("role"):
        return rule.data["role"]
    return rules.load(RULES)["role_stems"][match.groupdict().get("mark") or match.group("stem")]


# How strictly a label's names are checked (a rule's `names:`): a list after a
# colon may hold abbreviations (人行); one after a bare label must end like a body.
_NAME_CHECKS = {"list": un.valid_in_list, "running_text": ll.body_or_place}


def from_labels(full: str, parens: list, local: frozenset) -> list:
    found, text = [], full
    hits = [(rule, m) for rule in rules.pattern_rules(RULES, "labels") for m in scan.finditer(rule, text)
            if not (rule.data.get("spaced") and not any(ch in _marks("blanks") for ch in m.group("label")))]
    # (an unpadded label is read by the rules above its spaced form)
    # （牵头单位：市农办；主办单位：市编办）: beside a lead, 主办 is the doing unit
    roles = ll.roles_beside_lead(text, hits, [enclosing(parens, m.start()) for _, m in hits], role_of)
    label_opens = _label_opens(hits)
    for (rule, m), role in zip(hits, roles):
        text = _without_inner_note(full, m.end())
        start, end = m.end(), _list_end(text, m.end(), local)
        if end is None:
            continue
        while start < end and text[start] in _marks("blanks_with_tab"):
            start += 1
        joined = bool(m.groupdict().get("person"))
        if joined:          # 责任单位及责任人：县民政局 王立新: the person follows the unit
            end = cellwords.unit_part(tb.Cell(start, end, text[start:end])).end
        paren = enclosing(parens, m.start())
        check = _NAME_CHECKS[rule.data.get("names", "list")]
        end = _before_convention_note(text, start, end)
        tail = _tail_role(text, end)
        got = _list_mentions(text[start:end], start, tail or role, rule.id, paren[0] if paren else m.start(),
                             check, local=local, paren=paren, family="label", beside_person=joined)
        more = _past_tail_role(text, end) if got and tail else None
        if more is not None:      # ……分别牵头、区发改局: the names after the verb keep the label's role
            stop = _list_end(text, more, local)
            got = got + (_list_mentions(text[more:stop], more, role, rule.id, paren[0] if paren else m.start(),
                                        check, local=local, paren=paren, family="label") if stop else [])
        if got and not tail:      # 主办单位:县文旅局 / 市中医医院 / …: the list goes on a line a body
            for at, stop in labellines.continued_lines(text, end, local, label_opens):
                got = got + _list_mentions(text[at:stop], at, role, rule.id, paren[0] if paren else m.start(),
                                           un.valid_as_subject, local=local, paren=paren, family="label")
        found.extend(got or _clauses_after_label(text, start, end, local))
    return found


def _label_opens(hits: list):
    """Whether one of the labels found stands in the line ``start``–``end``."""
    starts = sorted(m.start("label") for _, m in hits)
    return lambda start, end: bisect.bisect_left(starts, start) < bisect.bisect_left(starts, end)


def _clauses_after_label(text: str, start: int, end: int, local: frozenset) -> list:
    """责任单位：市政管理中心牵头，各社区落实: a label whose list states each
    unit's role by its own verb is read clause by clause, as a parenthesis is."""
    from .parencontexts import paren_clauses      # it builds on this module's lists
    return paren_clauses(text[start:end], start - 1, end, local)


def _before_convention_note(text: str, start: int, end: int) -> int:
    """……、市卫生健康委（列第一位为牵头单位，下同）: where the list stops before a
    bracket that states how lists are read (the note is read by the conventions)."""
    opens, _, _ = un.brackets()
    at = max(text.rfind(ch, start, end) for ch in opens)
    if at <= start:
        return _before_comma_note(text, start, end)
    line_end = text.find("\n", at)     # the note may hold marks that end a list (“共同牵头”)
    stop = len(text) if line_end < 0 else line_end
    if any(r.regex.search(text, at, stop) for r in rules.pattern_rules(RULES, "conventions")):
        return at
    return end


def _before_comma_note(text: str, start: int, end: int) -> int:
    """……、市经信局，排在首位的为牵头单位，下同: a list end before the note that
    a comma parts from it inside the label's own bracket."""
    for rule in rules.pattern_rules(RULES, "conventions"):
        note = rule.regex.search(text, start, end)
        if note:
            cut = max(text.rfind(ch, start, note.start()) for ch in _marks("paren_note_cuts"))
            if cut > start and not text[cut + 1:note.start()].strip(_marks("blanks")):
                return cut
    return end


def _before_unclosed(window: str, end: int) -> int:
    """县发改局（负责汇总）、……: a list end found inside a bracket the list
    opened falls back to that bracket, so that no name keeps half of it."""
    opens, closes, _ = un.brackets()
    at = max(window.rfind(ch, 0, end) for ch in opens)
    if at < 0 or any(ch in closes for ch in window[at:end]):
        return end
    return at


def _without_inner_note(text: str, start: int) -> str:
    """县发改局（首位单位为牵头单位，下同）、县财政局; ……管委会（以下任务均需各县
    （市、区）人民政府落实，不再列出），市住建局: a note inside the list, after a
    name and before a mark that goes on, is blanked (offsets kept), so that the
    list goes on past it; the conventions read a convention note itself."""
    window = text[start:start + _MAX_LIST]
    line_end = window.find("\n")
    out = text
    for at, close in _top_brackets(window[:len(window) if line_end < 0 else line_end]):
        if at > 0 and window[close + 1:close + 2] in tuple(rules.load(RULES)["inner_note_continues"]) \
                and _is_list_note(window[at + 1:close]):
            out = out[:start + at] + " " * (close + 1 - at) + out[start + close + 1:]
    return out


def _top_brackets(window: str) -> list:
    """(open, close) of each outermost bracket pair closed in ``window``."""
    opens, closes, _ = un.brackets()
    found, depth, at = [], 0, -1
    for m in _marks_of(opens + closes).finditer(window):
        if m.group() in opens:
            depth, at = depth + 1, (m.start() if depth == 0 else at)
        elif depth:
            depth -= 1
            if depth == 0:
                found.append((at, m.start()))
    return found


def _is_list_note(inner: str) -> bool:
    """A bracket that says how lists are read (a convention) or that the
    standing units are left out of the lists below (standing_list_notes)."""
    return any(r.regex.search(inner) for key in ("conventions", "standing_list_notes")
               for r in rules.pattern_rules(RULES, key))


def _tail_role(text: str, end: int) -> str:
    """The role a verb right after the list gives (……分别牵头), or ''."""
    m = _first_match_at("list_tail_roles", text, end)
    return rules.load(RULES)["role_stems"][m.group("stem")] if m else ""


def _past_tail_role(text: str, end: int):
    """Where the names go on after a role verb that a 、 follows (……分别牵头、区发改局), or None."""
    m = _first_match_at("list_tail_roles", text, end)
    if m is None:
        return None
    rest = text[m.end():m.end() + 4]
    after = m.end() + len(rest) - len(rest.lstrip())      # blanks before the mark
    return after + 1 if text[after:after + 1] in rules.words(RULES, "tail_role_goes_on") else None


def _first_match_at(key: str, text: str, pos: int):
    return next((m for r in rules.pattern_rules(RULES, key) for m in [r.regex.match(text, pos)] if m), None)


# --- running text ------------------------------------------------------------

_MAX_SUBJECT = 60


def _subject_before(text: str, verb_start: int) -> Optional[tuple]:
    """(start, candidate, lead-in rule ids) between the clause start and the
    verb; None when no clause start is near (a list that never ends)."""
    i, starts = verb_start, _marks("subject_clause_starts")
    while i > 0 and verb_start - i < _MAX_SUBJECT and text[i - 1] not in starts:
        i -= 1
    if i > 0 and text[i - 1] not in starts:
        return None
    cand, lead_ins = text[i:verb_start], set()
    for rule in rules.pattern_rules(RULES, "sentence_lead_ins"):
        m = rule.regex.search(cand)
        if m:
            i += m.end()
            cand = cand[m.end():]
            lead_ins.add(rule.id)
    for rule in rules.pattern_rules(RULES, "subject_tails"):
        m = rule.regex.search(cand)
        if m:
            cand = cand[:m.start()]
    return i, cand, lead_ins


def from_sentences(text: str, parens: list, local: frozenset, known: frozenset = frozenset()) -> list:
    """由X负责, X牵头 …: the units before a role verb; a bare name counts where it
    says its level or is ``known`` (a name the plan's role labels list)."""
    found = []
    for rule in rules.pattern_rules(RULES, "sentence_verbs"):
        for m in scan.finditer(rule, text):
            if enclosing(parens, m.start()):
                continue
            got = _subject_before(text, m.start())
            if got is None:
                continue
            start, cand, lead_ins = got
            needs = rule.data.get("requires")
            if needs and needs not in lead_ins:
                continue
            if rule.data.get("not_by") and _first_match(rule.data["not_by"], un.compact(cand)):
                continue        # 经市政府批准: the government that authorises, not the one that acts
            vouched = False     # 运维单位（数智运维公司）负责: the role described vouches for the body
            if not cand.strip():
                start, cand, vouched = _sentence_opener(text, start, bare=not lead_ins)
            items = un.split_list(cand)
            # 大理市、洱源县人民政府负责: the first place is checked as the body it stands for
            suffix = ua.shared_suffix([i.text for i in items])
            first = ua.with_suffix(items[0].text, suffix) if items else ""
            # a list whose first body is written without its level (公安交通管理局某支队、区城管
            # 执法局配合) is one of bodies when a later one says its level
            if not items or not (un.valid_in_running_text(first) if vouched or un.compact(first) in known
                                 else un.valid_as_subject(first, local) or _later_says_level(items, first, local)):
                continue
            found.extend(_list_mentions(cand, start, role_of(rule, m), rule.id, start,
                                        un.valid_in_running_text, local=local))
    return found


def _later_says_level(items: list, first: str, local: frozenset) -> bool:
    return (len(items) > 1 and un.valid_in_running_text(first)
            and any(un.valid_as_subject(i.text, local) for i in items[1:]))


def _sentence_opener(text: str, pos: int, bare: bool = False) -> tuple:
    """县林业局要加强……，并负责……: the units that open the sentence holding
    ``pos`` (a verb whose own clause names no one). ('' when none). With
    ``bare`` (no lead-in such as 并 before the verb) only the openers that
    say so themselves count (办公室设在县住建局，负责……). The third value:
    the opener vouches for its names (a rule's ``vouched``)."""
    start, ends = pos, _marks("sentence_ends")
    while start > 0 and pos - start < _MAX_SUBJECT * 3 and text[start - 1] not in ends:
        start -= 1
    if start > 0 and text[start - 1] not in ends:
        return pos, "", False
    opening = text[start:pos]
    for rule in rules.pattern_rules(RULES, "sentence_openers"):
        if bare and not rule.data.get("bare"):
            continue
        m = rule.regex.match(opening)
        if m:
            return start + m.start("list"), m.group("list"), bool(rule.data.get("vouched"))
    return pos, "", False
