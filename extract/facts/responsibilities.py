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
5. sentence subjects:  11月底前，县住建局、县城管局对照清单完成排查 / X会同Y开展 /
                       2.派出所。配合做好…… (subjectunits.py, any verb);
                       a roster of lines 房管所负责……；经发办负责…… (dutylines.py)

Overlaps between families are settled in one place (``_resolve_overlaps``):
an earlier family in ``FAMILIES`` wins; a sentence subject is kept only in a
node that states no role by a role word (``restated.drop_restated``). Conventions stated once for the whole
document (排在首位的为牵头单位，下同) are applied last (``_apply_conventions``).
"""
from __future__ import annotations

from dataclasses import replace
from typing import Optional

from .. import rules
from ..text import scan
from . import dutylines
from . import jointplaces
from . import orgnames as un
from . import people
from . import placenames
from . import parencontexts as pc
from . import rolecontexts as rc
from . import tablecontexts as tc
from . import restated
from . import subjectunits as su
from .rolecontexts import Mention
from ..records import Node, PlanContext, Responsibility
from ..text import spans
from ..text.spans import Span

RULES = "units"
FAMILIES = ("label", "paren", "table", "sentence", su.FAMILY)


def extract_responsibilities(ctx: PlanContext) -> list:
    plan, text = ctx.plan, ctx.text
    parens = rc.find_parens(text)
    local = placenames.local_places(plan.city, plan.province)
    labelled = rc.from_labels(text, parens, local) + pc.from_parens(text, parens, local)
    # a bare name the plan's own labels list (责任部门：科技创新局) is one of its
    # bodies in its sentences too (由科技创新局牵头), as a duty list's offices are
    known = frozenset(un.compact(m.unit) for m in labelled)
    found = (labelled + tc.from_tables(text, local) + rc.from_sentences(text, parens, local, known)
             + _subjects(text, parens, local))
    found = _drop_repeated_providers(_resolve_overlaps(found, people.roster_items(text)))
    found = jointplaces.expand(ctx, found)        # 两市市委党校: one unit in each issuing city
    # a sentence subject restating a unit its node already names adds no row
    return restated.drop_restated(_to_rows(ctx, _apply_conventions(text, found), local), text,
                                  outlined=bool(ctx.nodes))


def _subjects(text: str, parens: list, local: frozenset) -> list:
    """Duty lists, duty rosters and sentence subjects (the subject family):
    the names the lists and rosters vouch for count wherever they open a clause."""
    heads = dutylines.from_duty_lists(text, local) + dutylines.from_rosters(text, parens, local)
    return heads + su.find(text, parens, local, heads)


# --- overlaps, data providers, rows --------------------------------------------

def _resolve_overlaps(found: list, roster: list) -> list:
    """The one place where overlapping mentions are settled: a member of a
    roster (贺鸿民（市纪委）, a name with its post) is a person, and the unit in
    its bracket is that person's, never a responsibility; otherwise a mention
    of an earlier family in FAMILIES wins (a label inside a parenthesis over
    the parenthesis clause, a table cell over a sentence verb inside it);
    within a family the longest, then the earliest (spans.by_priority)."""
    # a cell merged down over several rows answers for each: its copies stand
    # where the cell itself is kept
    copies = [m for m in found if m.merged]
    found = [m for m in found if not m.merged]
    # 责任单位及责任人：县民政局 王立新: the label states the unit as well as its person
    joined = [m.start for m in found if m.beside_person]
    roster = [r for r in roster if not any(r[0] <= at < r[1] for at in joined)] if joined else roster
    candidates = spans.outside(
        [Span(m.start, m.end, m.raw, m.family, m.rule_id, {"mention": m}) for m in found], roster)
    kept = [s.data["mention"] for s in spans.by_priority(FAMILIES)(candidates)]
    spans_kept = {(m.start, m.end, m.role) for m in kept}
    return kept + [m for m in copies if (m.start, m.end, m.role) in spans_kept]


def _apply_conventions(text: str, found: list) -> list:
    """A note stated once (排在首位的为牵头单位，下同) read into every later list:
    the first unit of a label list, a parenthesis or a table cell leads, and
    the others are responsible, unless the list states its roles itself."""
    starts = [m.start() for rule in rules.pattern_rules(RULES, "conventions")
              if rule.data.get("effect") == "first_is_lead" for m in scan.finditer(rule, text)]
    if not starts:
        return found
    since = min(starts)
    groups = {}
    for m in found:
        # a list whose parenthesis states the note is read by it too, bare or
        # with its verb (省经信委、省发改委。列第一位者为牵头部门，下同 /
        # 省发改委、省财政厅负责。列第一位的为牵头部门，下同): 下同 says the
        # same holds below as here
        holds = m.paren is not None and m.paren[0] < since < m.paren[1]
        # so is a label's list that the note closes on its line (……、县卫健委（排第一位的为牵头部门，下同）)
        closes = m.family == "label" and text.rfind("\n", 0, since) < m.start < since
        if (m.start > since or holds or closes) and m.family in ("label", "paren", "table"):
            groups.setdefault(m.group, []).append(m)
    read = [ms for ms in groups.values() if all(m.role == "responsible" for m in ms)]
    first = {min(ms, key=lambda m: m.start) for ms in read}
    # …，其余为配合单位: the others of those lists assist
    rest = {m for ms in read for m in ms if m not in first} if any(
        rule.data.get("effect") == "rest_assist" and rule.regex.search(text)
        for rule in rules.pattern_rules(RULES, "conventions")) else set()
    return [replace(m, role="lead") if m in first else replace(m, role="assist") if m in rest else m
            for m in found]


def _key(unit: str) -> str:
    """The form in which a provider and an owner count as one unit (rules/units.yaml)."""
    for rule in rules.pattern_rules(RULES, "provider_key_drops"):
        unit = rule.regex.sub("", unit)
    return unit


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
        self.nodes = list(nodes)
        self.by_id = {n.node_id: n for n in nodes}
        self.children = {}
        for n in sorted(nodes, key=lambda n: n.char_start):
            self.children.setdefault(n.parent_id, []).append(n)
        # keyed by identity: a mention's own hash reads every one of its fields
        self._lines: dict = {}
        self.spans = {id(m): m.paren or self._label_line(m) for m in found}
        self.with_paren = {self._inner_id(span[0]) for span in self.spans.values() if span}

    def _inner_id(self, pos: int) -> Optional[str]:
        return self.locator.node_id_at(pos)

    def _label_line(self, m: Mention) -> Optional[tuple]:
        """(start, last) of the line a role label fills with its list
        (责任单位：市财政局 on a line of its own), which then closes the
        item holding a run of sub-items as a parenthesis there would."""
        if m.family != "label":
            return None
        start = self.text.rfind("\n", 0, m.start) + 1
        if start not in self._lines:         # the labels of one line are read once
            end = self.text.find("\n", m.start)
            end = len(self.text) if end < 0 else end
            line = self.text[start:end].lstrip(rules.load(RULES)["blanks_with_tab"])
            labelled = any(r.regex.match(line) for r in rules.pattern_rules(RULES, "labels"))
            self._lines[start] = (start, end - 1) if labelled else None
        return self._lines[start]

    def node_id(self, m: Mention) -> Optional[str]:
        if m.anchor is not None:       # a table cell belongs to its row
            return self._row_item(m)
        span = self.spans.get(id(m))
        if not span:
            return self.locator.node_id_at(m.start)
        node = self.locator.innermost(span[0])
        if node is None or node.parent_id not in self.by_id:
            return node.node_id if node else None
        if node.inline:
            if m.lift_all or self._covers_siblings(node, inline=True):
                return node.parent_id
        elif self._own_paragraph(span, node) and (
                m.lift_all or self._covers_siblings(node, inline=False)):
            return node.parent_id
        return node.node_id

    def _row_item(self, m: Mention) -> Optional[str]:
        """The node of a table row, or the one numbered item a cell of that
        row opens before the unit cell (1 | 主要目标 | 1.地区生产总值增长5% |
        区发改委): the units answer for that item. A cell holding several
        items (1.…2.…) keeps the units on the row."""
        row = self.locator.innermost(m.anchor)
        inner = self.locator.innermost(m.start)
        if row is None or inner is None or inner.node_id == row.node_id:
            return row.node_id if row else None
        chain, node = set(), inner
        while node is not None and node.node_id != row.node_id:
            chain.add(node.node_id)
            node = self.by_id.get(node.parent_id)
        opened = [n for n in self.nodes if m.anchor < n.char_start <= m.start]
        if node is None or any(n.node_id not in chain for n in opened):
            return row.node_id
        return inner.node_id

    def _own_paragraph(self, paren: tuple, node: Node) -> bool:
        """The parenthesis fills its line, and that line is not the node's first."""
        line_start = self.text.rfind("\n", 0, paren[0]) + 1
        line_end = self.text.find("\n", paren[1])
        line_end = len(self.text) if line_end < 0 else line_end
        cfg = rules.load(RULES)
        return (line_start > node.char_start
                and not self.text[line_start:paren[0]].strip(cfg["blanks_with_tab"])
                and not self.text[paren[1] + 1:line_end].strip(cfg["paren_line_tail"]))

    def _covers_siblings(self, node: Node, inline: bool) -> bool:
        siblings = [n for n in self.children.get(node.parent_id, []) if n.inline == inline]
        # a lone sub-item on its own line is not a run: its parenthesis is its own
        fewest = 1 if inline else 2
        if len(siblings) < fewest or siblings[-1].node_id != node.node_id:
            return False
        return not any(s.node_id in self.with_paren for s in siblings[:-1])
