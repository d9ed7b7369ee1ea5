"""Names before the post they take in a sentence: 以县长王立新为组长，副县长
李春华、孙国庆为副组长. The names are read back from 为/任 to the clause's
start; members written post then name and parted by commas
(县委常委、县文明委副主任章立新，县委常委、常务副县长余宏明为责任人) are read
back across those commas, as long as each clause is posts and a name."""
from __future__ import annotations

from .. import rules
from ..text import scan

RULES = "people"
_REACH = 40          # the most characters a clause before 为 spans
_MAX_CLAUSES = 4     # comma-parted clauses of members read back


def from_post_takers(text: str) -> list:
    from .people import Found, _parse_items     # people asks this module for its rows
    found, clause_ends = [], rules.load(RULES)["clause_ends"]
    commas = tuple(rules.words(RULES, "post_taker_commas"))
    for rule in rules.pattern_rules(RULES, "post_takers"):
        for m in scan.finditer(rule, text):
            start = _after_lead_ins(text, _clause_start(text, m.start(), clause_ends), m.start())
            got = _parse_items(text, start, m.start())
            for _ in range(_MAX_CLAUSES if got else 0):
                if not text[:start].endswith(commas):
                    break
                before = _after_lead_ins(text, _clause_start(text, start - 1, clause_ends), start - 1)
                earlier = _parse_items(text, before, start - 1)
                # each earlier clause must be a member written post then name, the name last
                if not earlier or not all(g.post_first for g in earlier) or earlier[-1].end != start - 1:
                    break
                got, start = earlier + got, before
            found += [Found(g.start, g.end, g.name, m.group("role"), g.unit, rule.id) for g in got]
    return found


def _clause_start(text: str, end: int, clause_ends: str) -> int:
    start = end
    while start > 0 and end - start < _REACH and text[start - 1] not in clause_ends:
        start -= 1
    return start + len(text[start:end]) - len(text[start:end].lstrip())   # a line's indent


def _after_lead_ins(text: str, start: int, end: int) -> int:
    for lead in rules.pattern_rules(RULES, "post_taker_lead_ins"):
        m = lead.regex.match(text, start, end)
        if m:
            start = m.end()
    return start
