"""Responsible units and people, tied to their outline node.

A unit is an organisation mention (a name of the shape in rules/orgs.yaml,
or a known alias) whose role its context decides. Each context is one rule
family with its own finder returning mentions (span, role, rule id); the
names are then given their list's shared prefix, normalised, and tied to a node:

1. role labels:        责任单位：市纪委… / 牵头督办单位：… (stem + qualifier + 单位 + colon)
2. brackets:           （省商务厅牵头，合肥海关配合） / 〔牵头单位：…〕 / （县农业农村局、县财政局）
3. tables:             TAB, space-aligned or one-cell-per-line tables (tables.py)
4. running text:       北京市经济和信息化局负责… / 由市住建局牵头，市城管局配合 /
                       交由县交通运输局组织实施 / 县林业局要……，并负责……

Overlaps between families are settled in one place (``_resolve_overlaps``):
an earlier family in ``FAMILIES`` wins. Conventions stated once for the whole
document (排在首位的为牵头单位，下同) are applied last (``_apply_conventions``).
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from typing import Optional, Sequence

from .. import rules
from . import orgnames as un
from . import tables as tb
from ..records import Node, Plan, PlanContext, Responsibility
from ..text import spans
from ..text.spans import Span

RULES = "units"
FAMILIES = ("label", "paren", "table", "sentence")


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


def extract_responsibilities(ctx: PlanContext) -> list:
    plan, text = ctx.plan, ctx.text
    parens = find_parens(text)
    local = un.local_places(plan.city, plan.province)
    found = (_from_labels(text, parens, local) + _from_parens(text, parens, local)
             + _from_tables(text, local) + _from_sentences(text, parens, local))
    found = _drop_repeated_providers(_resolve_overlaps(found))
    return _to_rows(ctx, _apply_conventions(text, found), local)


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


def _enclosing(parens: list, pos: int) -> Optional[tuple]:
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
    for i, ch in enumerate(text):
        if ch in opens:
            depth += 1
        elif ch in closes:
            depth = max(0, depth - 1)
        elif depth == 0 and ch in seps:
            out.append((last, text[last:i]))
            last = i + 1
    out.append((last, text[last:]))
    return out


def _list_mentions(text: str, base: int, role: str, rule_id: str, group: int,
                   check, prefix: str = "", local: frozenset = frozenset(), **extra) -> list:
    """Mentions for each valid name of a list at ``text[base:...]``.

    ``check`` is the validity test for one name; generic references are
    skipped. Returns [] when any other item fails, so that a piece of prose
    never yields half a list.
    """
    names = [i for i in un.split_list(text) if not un.is_generic(i.text)]
    # 青莲镇 in 青莲镇、太白镇党委 is checked as the 青莲镇党委 it stands for
    suffix = un.shared_suffix([i.text for i in names])
    if not all(check(un.with_suffix(i.text, suffix)) for i in names):
        return []
    prefix = un.shared_prefix([i.text for i in names]) or prefix
    return [Mention(base + i.start, base + i.end, i.text,
                    un.with_suffix(un.with_prefix(i.text, prefix, local), suffix),
                    i.role or role, rule_id, group, **extra) for i in names]


def _from_parens(text: str, parens: list, local: frozenset) -> list:
    labels = rules.pattern_rules(RULES, "labels")
    found = []
    for o, c in parens:
        inner = text[o + 1:c]
        if len(inner) > 200 or any(r.regex.search(inner) for r in labels):
            continue
        found.extend(_paren_clauses(inner, o, c, local) or _bare_list(text, o, c, local))
    return found


def _bare_list(text: str, o: int, c: int, local: frozenset) -> list:
    """（县农业农村局、县财政局） closing a task: a parenthesis of nothing but
    unit names, the first saying its level, at the end of a sentence or line."""
    after = text[c + 1:c + 3]
    if not any(r.regex.match(after) for r in rules.pattern_rules(RULES, "bare_list_after")):
        return []
    inner = text[o + 1:c]
    items = un.split_list(inner)
    if not items or not un.valid_as_subject(items[0].text, local):
        return []
    if any(un.is_generic(i.text) or not un.looks_like_unit(i.text) for i in items):
        return []
    return _list_mentions(inner, o + 1, "responsible", "paren_bare_list", o,
                          un.valid_in_running_text, local=local, paren=(o, c), family="paren")


def _paren_clauses(inner: str, o: int, c: int, local: frozenset) -> list:
    found, first_prefix = [], ""
    lift = False
    for off, clause in _split_top(inner, "，,；;"):
        stripped = clause.rstrip(" \u3000。")
        lead = len(stripped) - len(stripped.lstrip(" \u3000"))
        stripped = stripped.lstrip(" \u3000")
        m = _first_match("lift_markers", stripped)
        if m:
            lift = True
            lead += m.end()
            stripped = stripped[m.end():]
        for rule in rules.pattern_rules(RULES, "paren_clauses"):
            cm = rule.regex.fullmatch(stripped)
            if not cm:
                continue
            base = o + 1 + off + lead + cm.start("list")
            got = _list_mentions(cm.group("list"), base, rule.data["role"], rule.id, o,
                                 un.valid_in_running_text, first_prefix, local, paren=(o, c),
                                 family="paren")
            if got and not first_prefix:
                first_prefix = un.shared_prefix([got[0].raw])
            found.extend(got)
            break
    return [replace(m, lift_all=lift) for m in found]


def _first_match(key: str, text: str):
    for rule in rules.pattern_rules(RULES, key):
        m = rule.regex.search(text)
        if m:
            return m
    return None


# --- role labels -------------------------------------------------------------

_MAX_LIST = 600


def _list_end(text: str, start: int) -> Optional[int]:
    """Where a label's list stops: sentence end, next label, or a closing bracket."""
    window = text[start:start + _MAX_LIST]
    end = len(window)
    for rule in rules.pattern_rules(RULES, "list_ends"):
        m = rule.regex.search(window)
        if m:
            end = min(end, m.start())
    opens, closes, _ = un.brackets()
    depth = 0
    for i, ch in enumerate(window[:end]):
        if ch in opens:
            depth += 1
        elif ch in closes:
            if depth == 0:
                return start + i
            depth -= 1
    if end == len(window) == _MAX_LIST and start + end < len(text):
        return None          # a list that never ends: no rows rather than a cut-off one
    return start + end


def role_of(rule, match) -> str:
    """The role a rule states, or the one its matched stem gives (role_stems)."""
    return rule.data.get("role") or rules.load(RULES)["role_stems"][match.group("stem")]


def _from_labels(text: str, parens: list, local: frozenset) -> list:
    found = []
    for rule in rules.pattern_rules(RULES, "labels"):
        for m in rule.regex.finditer(text):
            start, end = m.end(), _list_end(text, m.end())
            if end is None:
                continue
            while start < end and text[start] in " \t\u3000":
                start += 1
            paren = _enclosing(parens, m.start())
            found.extend(_list_mentions(text[start:end], start, role_of(rule, m), rule.id,
                                        paren[0] if paren else m.start(), un.valid_in_list,
                                        local=local, paren=paren, family="label"))
    return found


# --- tables ------------------------------------------------------------------

def _from_tables(text: str, local: frozenset) -> list:
    """Cells under a header cell that names a role, in any table layout."""
    found = []
    for table in tb.read_tables(text):
        roles = tb.column_roles(table)
        for row in table.rows:
            for idx, column in roles.items():
                cell = tb.cell_under(row, idx)
                if cell is not None:
                    found.extend(_cell_mentions(cell.text, cell.start, column, local))
    return found


def _cell_mentions(cell: str, offset: int, column: tuple, local: frozenset) -> list:
    """A cell under a role header; a cell that states its own role the way a
    parenthesis does (区统计局提供资料) takes that role instead."""
    stripped = cell.strip(" \u3000。")
    lead = cell.index(stripped) if stripped else 0
    for rule in rules.pattern_rules(RULES, "paren_clauses"):
        cm = rule.regex.fullmatch(stripped)
        if cm:
            return _list_mentions(cm.group("list"), offset + lead + cm.start("list"),
                                  rule.data["role"], rule.id, offset, un.valid_in_running_text,
                                  local=local, family="table")
    role, rule_id = column
    return _list_mentions(cell, offset, role, rule_id, offset, un.valid_in_list, local=local,
                          family="table")


# --- running text ------------------------------------------------------------

_CLAUSE_STARTS = "。；;，,：:\n\t()（）〔〕【】[]!?！？"
_SENTENCE_ENDS = "。；;\n!?！？"


_MAX_SUBJECT = 60


def _subject_before(text: str, verb_start: int) -> Optional[tuple]:
    """(start, candidate, lead-in rule ids) between the clause start and the
    verb; None when no clause start is near (a list that never ends)."""
    i = verb_start
    while i > 0 and verb_start - i < _MAX_SUBJECT and text[i - 1] not in _CLAUSE_STARTS:
        i -= 1
    if i > 0 and text[i - 1] not in _CLAUSE_STARTS:
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


def _from_sentences(text: str, parens: list, local: frozenset) -> list:
    found = []
    for rule in rules.pattern_rules(RULES, "sentence_verbs"):
        for m in rule.regex.finditer(text):
            if _enclosing(parens, m.start()):
                continue
            got = _subject_before(text, m.start())
            if got is None:
                continue
            start, cand, lead_ins = got
            needs = rule.data.get("requires")
            if needs and needs not in lead_ins:
                continue
            if not cand.strip() and lead_ins:
                start, cand = _sentence_opener(text, start)
            items = un.split_list(cand)
            if not items or not un.valid_as_subject(items[0].text, local):
                continue
            found.extend(_list_mentions(cand, start, rule.data["role"], rule.id, start,
                                        un.valid_in_running_text, local=local))
    return found


def _sentence_opener(text: str, pos: int) -> tuple:
    """县林业局要加强……，并负责……: the units that open the sentence holding
    ``pos`` (a verb whose own clause names no one). ('' when none)."""
    start = pos
    while start > 0 and pos - start < _MAX_SUBJECT * 3 and text[start - 1] not in _SENTENCE_ENDS:
        start -= 1
    if start > 0 and text[start - 1] not in _SENTENCE_ENDS:
        return pos, ""
    opening = text[start:pos]
    for rule in rules.pattern_rules(RULES, "sentence_openers"):
        m = rule.regex.match(opening)
        if m:
            return start + m.start("list"), m.group("list")
    return pos, ""


# --- overlaps, data providers, rows --------------------------------------------

def _resolve_overlaps(found: list) -> list:
    """The one place where overlapping mentions are settled: a mention of an
    earlier family in FAMILIES wins (a label inside a parenthesis over the
    parenthesis clause, a table cell over a sentence verb inside it); within a
    family the longest, then the earliest (spans.by_priority)."""
    candidates = [Span(m.start, m.end, m.raw, m.family, m.rule_id, {"mention": m}) for m in found]
    kept = spans.by_priority(FAMILIES)(candidates)
    return [s.data["mention"] for s in kept]


def _apply_conventions(text: str, found: list) -> list:
    """A note stated once (排在首位的为牵头单位，下同) read into every later list:
    the first unit of a label list, a parenthesis or a table cell leads, and
    the others are responsible, unless the list states its roles itself."""
    starts = [m.start() for rule in rules.pattern_rules(RULES, "conventions")
              if rule.data.get("effect") == "first_is_lead" for m in rule.regex.finditer(text)]
    if not starts:
        return found
    since = min(starts)
    groups = {}
    for m in found:
        if m.start > since and m.family in ("label", "paren", "table"):
            groups.setdefault(m.group, []).append(m)
    first = {min(ms, key=lambda m: m.start) for ms in groups.values()
             if all(m.role == "responsible" for m in ms)}
    return [replace(m, role="lead") if m in first else m for m in found]


def _key(unit: str) -> str:
    return re.sub(r"^市", "", re.sub(r"\s+", "", unit))


def _drop_repeated_providers(found: list) -> list:
    """由X提供资料 names a data provider only if X is not already responsible
    in the same parenthesis or list."""
    owners = {(m.group, _key(m.unit)) for m in found if m.role != "data_provider"}
    return [m for m in found
            if m.role != "data_provider" or (m.group, _key(m.unit)) not in owners]


def _to_rows(ctx: PlanContext, found: list, local: frozenset) -> list:
    plan = ctx.plan
    place = _NodePlacer(ctx, found)
    rows = []
    for m in sorted(found, key=lambda m: (m.start, m.role)):
        norm, kind = un.normalise(m.unit, local)
        rows.append(Responsibility(
            doc_id=plan.doc_id, node_id=place.node_id(m), unit=m.unit, unit_raw=m.raw,
            role=m.role, char_start=m.start, char_end=m.end, text=plan.text[m.start:m.end],
            unit_norm=norm, unit_kind=kind, rule_id=m.rule_id))
    return rows


class _NodePlacer:
    """The node a mention belongs to.

    A closing parenthesis at the end of the last inline sub-item covers all
    the sub-items when none of its siblings has a parenthesis of its own
    (``4、…。(1)…;(2)…;(3)…。(新堤办事处负责)``), and always when it says
    so (上述各项由……负责). The same holds for a parenthesis standing as its
    own paragraph after the last of a run of sub-items on their own lines:
    it has no label, so it closes the item holding the run.
    """

    def __init__(self, ctx: PlanContext, found: list):
        nodes = ctx.nodes
        self.text = ctx.text
        self.locator = ctx.locator
        self.by_id = {n.node_id: n for n in nodes}
        self.children = {}
        for n in sorted(nodes, key=lambda n: n.char_start):
            self.children.setdefault(n.parent_id, []).append(n)
        self.with_paren = {self._inner_id(m.paren[0]) for m in found if m.paren}

    def _inner_id(self, pos: int) -> Optional[str]:
        return self.locator.node_id_at(pos)

    def node_id(self, m: Mention) -> Optional[str]:
        if not m.paren:
            return self.locator.node_id_at(m.start)
        node = self.locator.innermost(m.paren[0])
        if node is None or node.parent_id not in self.by_id:
            return node.node_id if node else None
        if node.inline:
            if m.lift_all or self._covers_siblings(node, inline=True):
                return node.parent_id
        elif self._own_paragraph(m.paren, node) and (
                m.lift_all or self._covers_siblings(node, inline=False)):
            return node.parent_id
        return node.node_id

    def _own_paragraph(self, paren: tuple, node: Node) -> bool:
        """The parenthesis fills its line, and that line is not the node's first."""
        line_start = self.text.rfind("\n", 0, paren[0]) + 1
        line_end = self.text.find("\n", paren[1])
        line_end = len(self.text) if line_end < 0 else line_end
        return (line_start > node.char_start
                and not self.text[line_start:paren[0]].strip(" \t\u3000")
                and not self.text[paren[1] + 1:line_end].strip(" \t\u3000。.；;"))

    def _covers_siblings(self, node: Node, inline: bool) -> bool:
        siblings = [n for n in self.children.get(node.parent_id, []) if n.inline == inline]
        # a lone sub-item on its own line is not a run: its parenthesis is its own
        fewest = 1 if inline else 2
        if len(siblings) < fewest or siblings[-1].node_id != node.node_id:
            return False
        return not any(s.node_id in self.with_paren for s in siblings[:-1])
