"""The bodies of a joint plan's issuers named once for all of them: a plan of
two cities (济南市 and 临沂市) writes 两市市委党校 or 两市文化和旅游局 for the
body of each. Where the plan's head names exactly as many places of that
level as the numeral says, the mention stands for one unit in each place
(济南市委党校, 临沂市委党校); otherwise it is kept as written.
"""
from __future__ import annotations

from dataclasses import replace

from .. import rules
from ..prepare import gazetteer
from . import orgnames as un

RULES = "units"


def _cfg() -> dict:
    return rules.load(RULES)["joint_places"]


def expand(ctx, found: list) -> list:
    """``found`` with each joint mention (两市X) replaced by one per place."""
    rule = rules.pattern_rules(RULES, "joint_prefixes")[0].regex
    if not any(rule.match(m.unit) for m in found):
        return found
    found = sorted(found, key=lambda m: m.start)     # a list's names in the order written
    places, out = _head_places(ctx), []
    for m, (hit, rest) in zip(found, _joint(ctx.text, found, rule)):
        named = places.get(hit.group("level"), []) if hit else []
        if not hit or len(named) != _cfg()["counts"][hit.group("count")]:
            out.append(m)
            continue
        for place in named:       # 两市 + 市委党校 -> 济南 + 市委党校: the level is written once
            out.append(replace(m, unit=(place[:-1] if rest.startswith(place[-1]) else place) + rest))
    return out


def _joint(text: str, found: list, rule) -> list:
    """(prefix match, name after it) of each mention, or (None, ''): its own
    两市, or that of the mention before it in its list (两市商务局、体育局)."""
    out, last = [], {}
    for m in found:
        hit = rule.match(m.unit)
        if hit:
            out.append((hit, m.unit[hit.end():]))
            last[m.group] = (hit, m.end)
            continue
        prev = last.get(m.group)
        gap = text[prev[1]:m.start] if prev else None
        if gap and not gap.strip(_cfg()["list_marks"]) and not un.has_level(m.unit):
            out.append((prev[0], m.unit))
            last[m.group] = (prev[0], m.end)
        else:
            out.append((None, ""))
    return out


def _head_places(ctx) -> dict:
    """Level character -> the distinct places of that suffix named in the
    plan's head (before its first outline node), in order of appearance."""
    first = min((n.char_start for n in ctx.nodes), default=len(ctx.text))
    head = ctx.text[:min(first, _cfg()["head_chars"])]
    out: dict = {}
    for place in gazetteer.find_places(head):
        names = out.setdefault(place.name[-1], [])
        if place.name not in names:
            names.append(place.name)
    return out
