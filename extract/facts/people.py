"""Named people with a role: 协调人, 责任领导, 责任人, 主任, 组长 ….

Four candidate forms, all driven by rules/people.yaml:
1. a role label and its names, in any spacing (组　长：, 组    长:, 副 组 长：):
   创建工作协调人:林俊达,副协调人:林惠松、苏漫真, name then post
   (王清远 省长, 陈芸副省长, 贺鸿民（市纪委）) or post then name
   (县政府办公室主任王立新), and the lines under the label, one member or
   several a line, until the next label: the role of a line is that of the
   label above it (a label alone on its line has all its names below);
2. 主任由许佩君同志兼任 / 办公室主任由县发改局局长沈国华同志兼任;
3. 牛弩韬同志兼任办公室主任 / 以县长王立新为组长;
4. the cells of a table column headed by a person role (责任领导, 责任人,
   包抓领导 …), in any table layout (tables.py).
A candidate is kept only when it looks like a personal name (personnames.py).
A post written before a list of names is shared by them all
(副县长李春华、孙国庆).
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Optional

from .. import rules
from ..text import scan
from .rolelabels import colon_labels, label_regex, line_goes_on, list_end, opens_with_label
from . import assignedpeople, barrows, gluedrosters, heldposts, leaders, orgnames, posttakers, tablepeople
from . import rostermembers as members
from .rostermembers import Got
from .personnames import (compact as _compact, is_person_name, is_post as _is_post,
                          long_name_after_post, name_glued_to_post, unit_name_post,
                          name_in_window as _name_in_window,
                          names_only, spaced_name_at_end, dotted_name_at_end, split_post)
from ..records import Person, PlanContext

RULES = "people"


def _rule(key: str):
    """The one pattern of the rule list ``key`` (rules/people.yaml)."""
    return rules.pattern_rules(RULES, key)[0].regex
__all__ = ["extract_people", "is_person_name", "split_post", "cell_people", "roster_items"]


@dataclass(frozen=True)
class Found:
    start: int
    end: int
    name: str
    role: str
    unit: Optional[str]
    rule_id: str
    item: tuple = ()        # (start, end) of the whole list item: name, post, bracket
    anchor: int = -1        # where the row of a merged table cell opens, for the row's node



def extract_people(ctx: PlanContext) -> list:
    plan, text = ctx.plan, ctx.text
    found = (list(_from_labels(text)) + _from_appointments(text) + posttakers.from_post_takers(text)
             + tablepeople.from_tables(text, Found, cell_people) + _from_roster_rows(text) + _assigned(text)
             + [Found(*f) for f in leaders.from_headings(ctx, _parse_items)
                + leaders.from_contacts(text, _parse_items) + barrows.people(text, cell_people)])
    found = heldposts.with_second_posts(text, gluedrosters.with_glued_rosters(text, found, Found, split_post),
                                        split_post)
    found += [Found(*f) for f in leaders.from_clauses(text, _parse_items, {f.start for f in found})]
    locate = ctx.locator
    rows, seen = [], set()
    for f in sorted(found, key=lambda f: f.start):
        if (f.start, f.role, f.anchor) in seen:
            continue
        seen.add((f.start, f.role, f.anchor))
        rows.append(Person(doc_id=plan.doc_id, node_id=locate.node_id_at(f.anchor if f.anchor >= 0 else f.start),
                           name=f.name, role=f.role, unit=f.unit, char_start=f.start,
                           char_end=f.end, text=text[f.start:f.end], rule_id=f.rule_id))
    return rows


def roster_items(text: str) -> list:
    """(start, end) of each member of a roster list, name and bracket together:
    what stands in brackets after a member's name (贺鸿民（市纪委）) is that
    person's unit or post, never a statement of responsibility."""
    return sorted({f.item for f in _from_labels(text) if f.item})


# --- one list item ----------------------------------------------------------------

def _parse_item(text: str, start: int, end: int) -> Optional[Got]:
    """One list item: 林俊达, 王清远 省长, 罗　平 省科技厅厅长, 钱国强（副市长）,
    市长 赵德明, 陈芸副省长."""
    item = text[start:end]
    for rule in rules.pattern_rules(RULES, "item_notes"):     # 王芳（电话：13800000000）
        note = rule.regex.search(item)
        item = item[:note.start()] if note else item
    for tail in rules.words(RULES, "name_tails"):        # 王芳同志 / 王芳同志（县长）
        if item.rstrip().endswith(tail):
            item = item.rstrip()[:-len(tail)]
    for rule in rules.pattern_rules(RULES, "name_tails_before_notes"):
        item = rule.regex.sub("", item, count=1)
    for parse in (_name_then_post, _post_then_name, name_glued_to_post, _unit_then_bracketed_name,
                  unit_name_post):
        got = parse(item)
        if got:
            s, e, name, post = got
            return Got(start + s, start + e, name, split_post(post) if post else None,
                       (start, end), parse is _post_then_name)
    return None


def _name_then_post(item: str) -> Optional[tuple]:
    tokens = [(m.start(), m.group()) for m in _rule("name_tokens").finditer(item)]
    if not tokens:
        return None
    # Two-character names are often padded to three with a space (罗　平).
    n_tok = 2 if len(tokens) >= 2 and len(tokens[0][1]) == 1 == len(tokens[1][1]) else 1
    name_s, name_e = tokens[0][0], tokens[n_tok - 1][0] + len(tokens[n_tok - 1][1])
    name, post = _compact(item[name_s:name_e]), "".join(t for _, t in tokens[n_tok:])
    # a name alone in its item fills the slot its label opens; so does one
    # followed by its post in brackets (竞晓岚（州科技局局长）), whatever its surname
    slot = n_tok == 2 or (bool(post) and item[name_e:].lstrip()[:1] in orgnames.brackets()[0] and _is_post(post))
    if item[:name_s].strip() or not is_person_name(name, slot=slot, alone=not post):
        return None
    return name_s, name_e, name, post


def _unit_then_bracketed_name(item: str) -> Optional[tuple]:
    """市住建局（李春华）: a unit, then the person who answers for it in brackets;
    or a post (县农业农村局农田建设股股长（蒋文涛）), then the one who holds it."""
    opens, closes, _ = orgnames.brackets()
    body = item.rstrip()
    o = max(body.rfind(ch) for ch in opens)
    if o <= 0 or not body.endswith(tuple(closes)):
        return None
    inner = body[o + 1:-1]
    name, unit = _compact(inner), _compact(body[:o])
    if not (is_person_name(name) and (orgnames.looks_like_unit(unit) or _is_post(unit))):
        return None
    start = o + 1 + len(inner) - len(inner.lstrip())
    return start, start + len(inner.strip()), name, unit


def _post_then_name(item: str) -> Optional[tuple]:
    """A post written before the name: 市长 赵德明 / 常务副市长孙海 / 旗财政局局长　王　芳."""
    body = item.rstrip()
    hit = spaced_name_at_end(body) or dotted_name_at_end(body) or long_name_after_post(body)
    if not hit:
        base = max(0, len(body) - 4)
        hit = _name_in_window(body[base:], body[:base])
        if not hit:
            return None
        hit = (base + hit[0], base + hit[1], hit[2])
    name_s, name_e, name = hit
    post = _compact(body[:name_s])
    # 县政府办公室主任王立新 (a post) / 县发改局　王立新 (a unit)
    if not post or not (_is_post(post) or orgnames.looks_like_unit(post)):
        return None
    return name_s, name_e, name, post


# --- lists ---------------------------------------------------------------------

def _parse_items(text: str, start: int, end: int, strict: bool = False) -> list:
    """The people of one list. An item that is only a post belongs to the
    person before it, whose unit is then that of the last post
    (张立明　县委副书记、县长 is of the 县政府); a bare name after a name
    with its post in front shares that post (副县长李春华、孙国庆). With
    ``strict``, an item that is none of these gives no people at all."""
    got, shared, pending = [], None, None
    for s, e in _items(text, start, end):
        names = names_only(text[s:e])
        if names:
            got += [Got(s + a, s + b, _compact(text[s + a:s + b]), None, (s + a, s + b))
                    for a, b in names]
            shared = pending = None
            continue
        several = (members.several_in_one(text, s, e, _parse_item)
                   or members.run_together_item(text, s, e))
        if several:
            got += several
            shared, pending = several[-1].unit, None
            continue
        item = _parse_item(text, s, e)
        if item:
            if pending:          # 县委副书记、县长　王志强: the posts before belong to this name
                item = item._replace(unit=item.unit or split_post(text[pending[0]:pending[1]]),
                                     item=(pending[0], item.item[1]), post_first=True)
            if item.unit is None and shared:
                item = item._replace(unit=shared)
            shared = item.unit if item.post_first else (shared if item.unit == shared else None)
            got.append(item)
            pending = None
        elif _is_post(text[s:e]):
            if got and not got[-1].post_first and pending is None:
                got[-1] = got[-1]._replace(unit=split_post(text[s:e]), item=(got[-1].item[0], e))
            else:
                pending = (pending or (s, e))[0], e
        elif strict:
            return []
    return [] if strict and pending else got


def blank_people(text: str) -> str:
    """A table cell with the names of its people, and a bracket that holds
    only a name, blanked out (offsets kept): 市水利局（王立新） -> 市水利局."""
    opens, closes, _ = orgnames.brackets()
    out = text
    for g in cell_people(text):
        a, b = g.start, g.end
        if 0 < a and b < len(text) and text[a - 1] in opens and text[b] in closes:
            a, b = a - 1, b + 1
        out = out[:a] + " " * (b - a) + out[b:]
    return out


def cell_people(text: str) -> list:
    """The people of a table cell, if it holds nothing but people (else [])."""
    return _parse_items(text, 0, len(text), strict=True)


def _items(text: str, start: int, end: int):
    """(start, end) of the items of a list, cut at 、，, and at wide gaps
    (旗财政局局长　周　凯　　旗林草局局长　王　芳) outside brackets
    (王立新（县委副书记、县长） is one item)."""
    opens, closes, _ = orgnames.brackets()
    seps = rules.load(RULES)["item_separators"]
    gaps = members.member_gaps(_rule("item_gaps"), text, start, end)
    # 何春林（县水利局局长）罗建军（……）: a note in brackets closes its member
    cuts = {m.end() for m in _rule("item_note_ends").finditer(text, start, end)}
    last, depth, g = start, 0, 0
    for i in range(start, end + 1):
        ch = text[i] if i < end else ""
        if depth == 0 and i in cuts and i > last:
            yield last, i
            last = i
        if ch and ch in opens:
            depth += 1
        elif ch and ch in closes:
            depth = max(0, depth - 1)
        while g < len(gaps) and gaps[g][1] <= i:
            g += 1
        in_gap = g < len(gaps) and gaps[g][0] <= i and depth == 0
        if i == end or (depth == 0 and ch in seps) or (in_gap and i == gaps[g][0]):
            if i > last:
                yield last, i
            last = gaps[g][1] if in_gap and i == gaps[g][0] else i + 1


# --- role labels ---------------------------------------------------------------

@functools.lru_cache(maxsize=2)
def _from_labels(text: str) -> tuple:
    """Names after a role label, and on the lines under it (cached: the
    responsibilities read the same rosters to leave their brackets alone)."""
    found = []
    for bare, rule_id in ((False, "people_label"), (True, "people_bare_label")):
        for m in label_regex(bare).finditer(text) if bare else colon_labels(text):
            role = _compact(m.group("role"))
            end = list_end(text, m.end())
            got = _parse_items(text, m.end(), end, strict=bare)
            if bare and not got and text[m.end():end].strip():
                continue          # no colon: only a line of people makes it a label
            found += [Found(g.start, g.end, g.name, role, g.unit, rule_id, g.item) for g in got]
            if line_goes_on(text, end) and (got or not text[m.end():end].strip()):
                found += _continuation(text, end, role)
    return tuple(found)


def _continuation(text: str, pos: int, role: str) -> list:
    """Lines such as 汪春明 省政府副秘书长 / 贺鸿民（市纪委） / 周明、吴迪
    right under 成　员：潘朝晖 省政府秘书长, until a line that is not all people."""
    found, cfg = [], rules.load(RULES)
    stops = rules.pattern_rules(RULES, "member_line_stops")
    while pos < len(text):
        nl = text.find("\n", pos + 1)
        line_end = len(text) if nl < 0 else nl
        line = text[pos + 1:line_end].rstrip()
        core = line.rstrip(cfg["member_line_trailing"])
        garbled = found and any(ch in cfg["unreadable_marks"] for ch in core)   # passed over
        if core.strip() and not garbled:
            if (any(r.regex.search(core) for r in stops) or opens_with_label(core.strip())
                    or label_regex(True).match(core)):
                break
            items = _parse_items(text, pos + 1, pos + 1 + len(core), strict=True)
            if not items and found and _post_line(core):
                pos = line_end          # the post of the member on the line above
                continue
            if not items:
                break
            found += [Found(g.start, g.end, g.name, role, g.unit, "people_member_line", g.item)
                      for g in items]
            if any(ch in cfg["list_closing_marks"] for ch in line[len(core):]):
                break
        pos = line_end
    return found


def _post_line(line: str) -> bool:
    """A line holding only a post (党工委委员（兼）), its note in brackets cut."""
    core = line.strip()
    for rule in rules.pattern_rules(RULES, "post_line_notes"):
        core = rule.regex.sub("", core)
    return _is_post(core)


# --- appointment phrases -------------------------------------------------------

def _from_appointments(text: str) -> list:
    found = []
    for rule in rules.pattern_rules(RULES, "appointments"):
        for m in scan.finditer(rule, text):
            hit = None if "post" in m.groupdict() else _addressed_window(text, m.start("window"), m.end("window"))
            hit = hit or _name_in_window(m.group("window"), text[max(0, m.start("window") - 12):m.start("window")])
            if not hit:
                continue
            start, end = m.start("window") + hit[0], m.start("window") + hit[1]
            unit = (m.groupdict().get("unit") or "").strip() or None
            if "post" in m.groupdict():
                # 由县发改局局长沈国华同志兼任: the words before the name are a post
                post = text[m.start("post"):start]
                unit = split_post(post) if post else None
            found.append(Found(start, end, hit[2], m.group("role"), unit, rule.id))
    for rule in rules.pattern_rules(RULES, "appointment_lists"):
        for m in scan.finditer(rule, text):
            found += [Found(g.start, g.end, g.name, m.group("role"), g.unit, rule.id)
                      for g in _parse_items(text, m.start("list"), m.end("list"), strict=True)]
    return found


def _addressed_window(text: str, start: int, end: int) -> Optional[tuple]:
    """主任由竞晓岚同志兼任: three characters addressed as a person are a name, whatever its surname."""
    name = _compact(text[start:end])
    if len(name) == 3 and text.startswith(tuple(rules.words(RULES, "name_tails")), end) \
            and is_person_name(name, slot=True):
        return 0, end - start, name
    return None


# --- rosters laid out as a table ---------------------------------------------------

def _assigned(text: str) -> list:
    """Places with the one in charge of each, and rosters written name first."""
    return ([Found(s, e, name, role, unit, "people_assigned_place") for s, e, name, role, unit
             in assignedpeople.from_assignments(text)]
            + [Found(s, e, name, role, unit, "people_name_first_row") for s, e, name, role, unit
               in assignedpeople.from_name_first_rows(text)])


def _from_roster_rows(text: str) -> list:
    """组长⇥王立新⇥县长 / ⇥李春华⇥副县长: a roster that came as a table, one
    member a row; a row whose first cell is empty keeps the role above it."""
    roles = {_compact(r) for r in rules.words(RULES, "roles")}
    colons = rules.load(RULES)["label_colons"]
    found, role, pos = [], None, 0
    for line in text.split("\n"):
        cells = line.split("\t")
        first = _compact(cells[0]).rstrip(colons)
        if len(cells) >= 2 and (first in roles or (role and not first)):
            role = first or role
            offset = pos + len(cells[0]) + 1
            got = _parse_item(text, offset, offset + len(cells[1]))
            if got:
                post = cells[2] if len(cells) > 2 else ""
                unit = (split_post(post) if post.strip() else None) or got.unit
                found.append(Found(got.start, got.end, got.name, role, unit, "people_roster_row"))
            else:
                role = None
        else:
            role = None
        pos += len(line) + 1
    return found

