"""Units named as the subject of a task sentence, whatever its verb
(rules/units.yaml, the subject_* and duty_* sections).

Every other family needs a role word (负责, 牵头, 配合 …) next to the units;
real plans more often just make the units do the task:

- a clause opening with a unit list, after a number, a deadline or 请, and
  followed (modal words allowed) by a predicate: 11月底前，县住建局、县城管局
  对照清单完成排查 -> both responsible; 镇规划办每季度对各村考核一次;
- the units after 会同/联合/协同 in such a clause assist;
- 建设主体为区应急局: the body named after the word for the one responsible;
- a duty list or roster (dutylines.py) names the plan's bare offices, which
  then count as units wherever they open a clause.

A name counts by its shape (orgnames.py). A subject list needs one name that
says its level (县住建局) or that heads the plan's duty list: at town or
street level the offices are written bare (服务办, 安监所), and the list that
names them all is what makes them units. What follows the list decides
whether it is a subject: a post (县公安局分管副局长), a relative clause
(县委制定的《……》) or the issuing of a document make it none.

The rule look-ups the family shares are in subjectmatch.py, the reading of
what follows a list (a predicate or not) in subjectpredicates.py.
"""
from __future__ import annotations

import functools
from typing import Optional

from .. import rules
from ..prepare import gazetteer, towns
from ..text import perplan
from . import orgaffixes as ua
from . import orgnames as un
from . import rolecontexts as rc
from .rolecontexts import Mention
from .subjectmatch import RULES, _breaks, _cfg, _first, _name_ends, _opener
from .subjectpredicates import _name_may_end, _predicate

FAMILY = "subject"
CLAUSE_RULE, PARTNER_RULE = "subject_clause", "subject_partner"
# a clause whose subject 由 / 交由 introduces (……工作由县住建局按照……统筹实施)
BY_RULE = "subject_by"


def duty_line_rule() -> str:
    """The rule id of a duty line's unit (dutylines.py), whose row states its role."""
    return _cfg()["duty_line_rule"]


def find(text: str, parens: list, local: frozenset, heads: list) -> list:
    """Every mention of this family, with overlaps inside it settled by the
    caller; ``heads`` are the duty lists' (dutylines.py), whose bare names
    count as units wherever else they open a clause."""
    known = frozenset(k for m in heads for k in (un.compact(m.unit), level_key(m.unit)))
    aliases = defined_names(text) - known
    found = from_clauses(text, parens, local, known | aliases)
    return from_named_after(text, local) + [m for m in found if _alias_kept(text, m, aliases)]


def defined_names(text: str) -> frozenset:
    """The short names the plan defines for its bodies (（以下简称“联席办”）):
    it writes those bodies by them alone, as it does a duty list's offices."""
    return frozenset(m.group("alias") for rule in rules.pattern_rules(RULES, "subject_alias_defs")
                     for m in rule.regex.finditer(text) if un.valid_in_running_text(m.group("alias")))


def _alias_kept(text: str, m: Mention, aliases: frozenset) -> bool:
    """A clause subject known by its defined short name alone counts when it
    opens its list and a duty word follows it (subject_alias_duties); 由X……
    hands X the task whatever follows."""
    if m.rule_id != CLAUSE_RULE or un.compact(m.unit) not in aliases:
        return True
    return m.start == m.group and _first("subject_alias_duties", text[m.end:m.end + 8])[0] is not None


@perplan.remember
def level_key(name: str) -> str:
    """街道消委办 -> 消委办: the name as a bare office of the plan would be written
    (remembered: a plan names the same few dozen units in its thousands of rows)."""
    _, m = _first("subject_level_words", name)
    return un.compact(name[m.end():] if m else name)


# --- 建设主体为X ------------------------------------------------------------------

def from_named_after(text: str, local: frozenset) -> list:
    found = []
    for rule in rules.pattern_rules(RULES, "subject_named_after"):
        for m in rule.regex.finditer(text):
            limit = min(len(text), m.end() + _cfg()["subject_reach"])
            stop = _breaks().search(text, m.end(), limit)
            end = stop.start() if stop else limit
            got = _names(text[m.end():end], m.end(), rule.data["role"], rule.id, local, frozenset())
            found.extend(got or [])
    return found


# --- clauses ---------------------------------------------------------------------

def from_clauses(text: str, parens: list, local: frozenset, known: frozenset) -> list:
    found = []
    marks = [m.start() for m in _breaks().finditer(text)]
    ends = _name_ends()
    for start, stop in zip([0] + [at + 1 for at in marks], marks + [len(text)]):
        pos = _after_lead_ins(text, start)
        if pos > stop:           # a lead-in ran past the break: the stretch is the next one's
            after = _breaks().search(text, pos)
            stop = after.start() if after else len(text)
        # a list's last name ends before the next break (partner markers hold
        # none): a stretch without a name-ending character names no one
        if ends.search(text, pos, stop) is None:
            continue
        got = _clause(text, start, local, known, pos)
        # most clauses name no one: the checks of their context come after
        if got and not (rc.enclosing(parens, start) or _wrapped(text, start)
                        or _title_line(text, start) or _condition(text, start)
                        or _first("subject_after_labels", text[max(0, start - 12):start], True)[0]):
            found.extend(got)
    return found


def _condition(text: str, start: int) -> bool:
    """A clause that states when, not who: 县财政局下发资金后，由……"""
    stop = _breaks().search(text, start)
    clause = text[start:stop.start() if stop else len(text)]
    return _first("subject_conditions", clause.rstrip(), True)[0] is not None


def _wrapped(text: str, start: int) -> bool:
    """A line break inside a sentence (由\n街道党工委讨论决定): the line
    before ends in running text, not in a mark, and is no heading (a short
    line, or one that opens with a number)."""
    if text[start - 1:start] != "\n":
        return False
    if not _first("subject_wrapped_lines", text[max(0, start - 12):start], True)[0]:
        return False
    before = text.rfind("\n", 0, start - 1) + 1
    line = text[before:start - 1]
    return len(line.strip()) >= _cfg()["subject_heading_max"] and not _first("subject_lead_ins", line)[0]


def _title_line(text: str, start: int) -> bool:
    """A line without a clause mark is a title or a heading (包头市……考评办法)."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line_end = len(text) if line_end < 0 else line_end
    return _breaks().search(text, line_start, line_end) is None


def _clause(text: str, start: int, local: frozenset, known: frozenset, pos: int) -> list:
    """The mentions of the clause at ``start``, its subject list read from ``pos`` (past its lead-ins)."""
    _, partner = _first("subject_partners", text[pos:pos + 12])
    if partner:                      # 会同县发改局、县财政局开展……: the subject is the clause before
        return _partners(text, pos + partner.end(), local, known)
    by = pos > start and text[pos - 1] in _cfg()["subject_by_marks"]
    got = _subject_list(text, pos, local, known, rule_id=BY_RULE if by else CLAUSE_RULE)
    if got is None:
        return []
    mentions, verb_at, kind = got
    if kind == "partner":
        mentions = mentions + _partners(text, verb_at, local, known)
    return mentions


def _after_lead_ins(text: str, pos: int) -> int:
    """Past the number, deadline or 请 that may come before a subject list."""
    can = _opener("subject_lead_ins")
    if can is not None and not can(text, pos):
        return pos                           # most clauses open with none of them
    window, cut = text[pos:pos + 40], 0
    m = _lead_ins().match(window)
    while m and m.end():
        cut += m.end()
        m = _lead_ins().match(window[cut:])
    return pos + cut


@functools.lru_cache(maxsize=1)
def _lead_ins():
    """The subject_lead_ins rules as one pattern (each anchored at the clause start)."""
    return rules.compile_pattern("|".join("(?:" + r.pattern + ")"
                                          for r in rules.pattern_rules(RULES, "subject_lead_ins")),
                                 "rules/units.yaml:subject_lead_ins")


def _partners(text: str, pos: int, local: frozenset, known: frozenset) -> list:
    got = _subject_list(text, pos, local, known, role="assist", rule_id=PARTNER_RULE)
    return got[0] if got else []


def _subject_list(text: str, pos: int, local: frozenset, known: frozenset,
                  role: str = "responsible", rule_id: str = CLAUSE_RULE,
                  bare: bool = False) -> Optional[tuple]:
    """(mentions, where the predicate starts, its kind) for the unit list that
    opens the clause at ``pos``: the shortest list after which a predicate
    begins, its names ending where jieba ends a word (区协|调小组 is no name);
    failing that, a list of short names ending anywhere (服务办于: jieba reads
    办于). None when the clause opens with no such list. ``bare``: names need
    not say their level (a duty roster's lines, dutylines.py, vouch for them)."""
    limit = min(len(text), pos + _cfg()["subject_reach"])
    stop = _breaks().search(text, pos, limit)
    limit = stop.start() if stop else limit
    # a list needs a character a name may end with: one search turns most clauses down
    if limit - pos < 3 or _name_ends().search(text, pos, limit) is None \
            or not (bare or _may_open(text, pos, limit, local, known)):
        return None
    _, _, closer = un.brackets()
    loose, skip_to = None, pos
    for m in _name_ends().finditer(text, pos, limit):
        if m.start() < skip_to:
            continue
        i = m.end()
        if m.group() in closer:      # 建管中心（房办）: the other name stays in the list
            close = text.find(closer[m.group()], i, limit)
            if close < 0:
                break
            skip_to = i = close + 1
        elif i - pos < 2:
            continue
        # what follows first: it is cheaper than reading the names, and a
        # name that goes on (委|员会) needs no reading at all
        kind, verb_at = _predicate(text, i)
        commits = _first("subject_place_commitments", text[verb_at:verb_at + 8])[0] is not None
        if kind is None and commits:     # 辉县市确保|关山……: a word of commitment is no name going on
            kind = "verb"
        if kind is None:
            continue
        got = _names(text[pos:i], pos, role, rule_id, local, known, bare, commits)
        if got is None:
            continue
        if kind == "reject" and text.startswith(tuple(rules.words(RULES, "subject_name_goes_on")), verb_at):
            continue     # 县政府|办公室承担: the name goes on past a word that rejects a predicate
        if kind == "reject":
            # 县发改局会同县财政局发布申报通知: the partner shares its subject's act,
            # which the subject's own predicate (会同) has already let through
            if not (rule_id == PARTNER_RULE and _first("subject_partner_acts", text[verb_at:verb_at + 8])[0]):
                return None
            return got, verb_at, "verb"
        # a partner marker or a list's tail ends a name wherever jieba cuts
        # (督查室要会同: 室要; 信息化委等部门: 委等)
        if kind == "partner" or (kind == "verb" and (_name_may_end(text, pos, i)
                                                      or _first("subject_list_tails", text[i:i + 8])[0])):
            return got, verb_at, kind
        if kind == "verb" and loose is None and _name_may_end(text, pos, i, strict=False) \
                and all(len(x.raw) <= _cfg()["subject_loose_max"] for x in got):
            loose = got, verb_at, kind
    return loose


def _may_open(text: str, pos: int, limit: int, local: frozenset, known: frozenset) -> bool:
    """A cheap first look: a subject list opens with a name that says its
    level or place, or holds a name of the plan's duty list."""
    if un.has_level(text[pos:pos + 9], local):
        return True
    if not known:
        return False
    window = text[pos:limit]
    return any(k in window for k in known)


def _names(span: str, base: int, role: str, rule_id: str, local: frozenset,
           known: frozenset, bare: bool = False, commits: bool = False) -> Optional[list]:
    """The mentions of a subject list, or None when it is no list of units:
    every name must end like a body, and one must say its level or be a body
    the plan's duty list names. ``commits``: the verb commits a bare place to
    the work (辉县市确保……), which then stands for its government."""
    written = un.split_list(span)
    places = {i.text for i in written if commits and _committed_place(i.text, local)}
    items = [i for i in written if i.text in places or not _generic(i.text)]
    # the names that open the clause and meet the verb must be bodies
    # (强化市、区联动: 强化市 is none; 县财政局、区|建设: 区 is none)
    if not items or items[-1] != written[-1]:
        return None
    if items[0] != written[0] and not un.is_generic(written[0].text):
        return None
    prefix = ua.shared_prefix([items[0].text])
    # a later name is read with the first one's level (县经贸、统计、工商等部门: 县统计)
    if not _body_name(items[0].text, known) or any(
            not (_body_name(i.text, known) or _body_name(ua.with_prefix(i.text, prefix, local), known))
            for i in items[1:]):
        return None
    sure = [bare or i.text in places or un.valid_as_subject(i.text, local) or level_key(i.text) in known
            or un.compact(i.text) in known for i in items]
    # the first name says its level or the duty list names it; else two others do
    # (安监所、服务办、管理办……上报, after a duty list of 服务办, 管理办 …)
    if not sure[0] and sum(sure) < 2:
        return None
    return [Mention(base + i.start, base + i.end, i.text,
                    ua.with_prefix(i.text, prefix, local), role, rule_id, base, family=FAMILY)
            for i in items]


def _committed_place(name: str, local: frozenset) -> bool:
    """A city, county or town of the division codes, not the plan's own
    (subject_place_commitments)."""
    key = un.compact(name)
    rule, _ = _first("subject_generic", key)
    if key in local or un.is_generic(name) or rule is None or rule.id != _cfg()["subject_place_rule"]:
        return False
    return bool(towns.counties_of(key)) or gazetteer.place_prefix(key) == key


def _body_name(name: str, known: frozenset) -> bool:
    """Ends like a body, three characters at least (区联 of 市、区联动 is none)
    unless the duty list or the alias table names it, and no digit (包头市2022年数字政府)."""
    compact = un.compact(name)
    if any(map(str.isdigit, compact)) or not un.valid_in_running_text(name):
        return False
    if _first("subject_item_openers", compact)[0]:
        return False
    # (a short name the alias table knows stands too: 镇宣传办、团委要……)
    return len(compact) >= 3 or compact in known or compact in un._alias_index()


def _generic(name: str) -> bool:
    """A class of bodies (各有关部门, 乡镇政府) or a bare place (古美路街道, 闵行区)."""
    return un.is_generic(name) or bool(_first("subject_generic", un.compact(name))[0])
