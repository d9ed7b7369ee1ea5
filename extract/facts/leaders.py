"""People named outside a roster: the leader in charge of a group of tasks,
named in its heading (一、由区长沈立军牵头的重点工作 / 二、顾建华副区长牵头),
and the contacts at the foot of a plan (联系人：A，电话：…；B，电话：…).

people.py reads each list with its own item parser, handed in here, so that a
heading's names are read as a roster's are (post before or after the name,
one post shared by the names after it).
"""
from __future__ import annotations

import bisect
import functools
import re

from .. import rules
from ..records import PlanContext
from ..text import scan
from . import orgnames
from .personnames import compact, is_post

RULES = "people"


def _rules(key: str) -> list:
    return rules.pattern_rules(RULES, key)


@functools.lru_cache(maxsize=1)
def _stems():
    """The heading stems (牵头, 分管 …) as one alternation, searched per heading line."""
    words = sorted(rules.words(RULES, "heading_leader_stems"), key=len, reverse=True)
    return rules.compile_pattern("|".join(map(re.escape, words)),
                                 f"rules/{RULES}.yaml: heading_leader_stems")


def from_headings(ctx: PlanContext, parse_items) -> list:
    """(start, end, name, role, unit, rule_id) of the leaders a heading puts
    in charge of its node: the role is the post as written (区长, 常务副区长),
    and every item of the list must be a person with a post."""
    text, found = ctx.text, []
    for node in _nodes_with_stems(text, ctx.nodes):
        line_end = text.find("\n", node.char_start, node.char_end)
        line_end = node.char_end if line_end < 0 else line_end
        for rule in _rules("heading_leaders"):
            m = rule.regex.match(text, node.char_start, line_end)
            if m:
                found += _leaders(text, m.start("list"), m.end("list"), parse_items, rule.id)
                break
    return found


def from_clauses(text: str, parse_items, taken: set) -> list:
    """The leaders a task item names in a clause of its own (由王立新副市长负责,
    覃思远同志牵头), read as a heading's; a person some other form already
    found there (``taken``: their starts) is left to it."""
    if _stems().search(text) is None:
        return []
    found = []
    for rule in _rules("clause_leaders"):
        for m in scan.finditer(rule, text):       # only near its verbs (holds, reach)
            bare = m.group("stem") if m.group("comrade") else None
            got = _leaders(text, m.start("list"), m.end("list"), parse_items, rule.id, bare)
            # a clause is weaker evidence than a heading: the role must read as a
            # person's post (大瑶镇人民政府牵头 names a body, not 大瑶)
            if all(f[3] == bare or is_post(f[3]) for f in got):
                found += [f for f in got if f[0] not in taken]
    return found


def _nodes_with_stems(text: str, nodes: list) -> list:
    """The nodes whose first line holds a stem, found from the stems' places
    (one search of the text), not by reading every node's line."""
    starts = sorted((n.char_start, i) for i, n in enumerate(nodes))
    keys = [s for s, _ in starts]
    breaks, at = [], text.find("\n")
    while at >= 0:                    # every line break once: a line start by bisection
        breaks.append(at)
        at = text.find("\n", at + 1)
    picked = {}
    for m in _stems().finditer(text):
        b = bisect.bisect_left(breaks, m.start())
        line_start = breaks[b - 1] + 1 if b else 0
        j = bisect.bisect_right(keys, m.start()) - 1
        # every node that opens on the stem's line before it (a heading, an inline
        # item); those before a node already taken were taken with it
        while j >= 0 and starts[j][1] not in picked and keys[j] >= line_start:
            picked[starts[j][1]] = nodes[starts[j][1]]
            j -= 1
    return [picked[i] for i in sorted(picked)]


def _leaders(text: str, start: int, end: int, parse_items, rule_id: str, bare: str = None) -> list:
    """Every item a person with a post (the role); ``bare``: the role of a
    name written with no post (王立新同志牵头: the verb)."""
    got, shared, out = parse_items(text, start, end, strict=True), None, []
    # 王立新、李春华副市长: the post after the last name is shared by the bare names before it
    last = _post_of(text, got[-1]) if got and not got[-1].post_first else ""
    for g in got:
        post = _post_of(text, g)
        if post:
            shared = post if g.post_first else None
        post = post or shared or last or bare
        if not post:
            return []            # a name with no post is no leader a heading names
        unit = g.unit if g.unit or not last else got[-1].unit
        out.append((g.start, g.end, g.name, post, unit, rule_id))
    return out


def _post_of(text: str, g) -> str:
    """The post written with the name in its list item (区长沈立军 -> 区长,
    沈立军（区长） -> 区长)."""
    item = compact(text[g.item[0]:g.item[1]])
    for tail in rules.words(RULES, "name_tails"):
        item = item.replace(tail, "")
    opens, closes, _ = orgnames.brackets()
    return "".join(ch for ch in item.replace(g.name, "", 1) if ch not in opens + closes)


def from_contacts(text: str, parse_items) -> list:
    """Every contact of a 联系人 line, several parted by ；, each with the
    office before the name and the telephone after it cut off."""
    if not any(word in text for word in rules.words(RULES, "contact_words")):
        return []
    found = []
    for rule in _rules("contact_lines"):
        for m in rule.regex.finditer(text):
            role = compact(m.group("role"))
            for s, e in _entries(text, m.start("list"), m.end("list")):
                found += [(g.start, g.end, g.name, role, g.unit, rule.id)
                          for g in parse_items(text, s, e, strict=True)]
    return found


def _entries(text: str, start: int, end: int):
    """(start, end) of each contact of the line, its telephone cut off."""
    seps = rules.load(RULES)["contact_separators"]
    pos = start
    for i in range(start, end + 1):
        if i == end or text[i] in seps:
            entry_end = i
            for rule in _rules("contact_phones"):
                m = rule.regex.search(text, pos, i)
                if m:
                    entry_end = min(entry_end, m.start())
            if entry_end > pos:
                yield pos, entry_end
            pos = i + 1
