"""Dates, deadlines, recurrence and phases, tied to their outline node.

The stages, in order (rules in ``rules/dates.yaml``):
  1. ``candidates``: every point, range and recurrence rule proposes spans
     (on long texts each rule is only tried where a match can start, see
     ``extract/text/scan.py``);
  2. ``drop_excluded``: spans overlapping a document number, an edition year,
     a cited title … are dropped;
  3. ``resolve_overlaps``: the leftmost, then the longest span wins;
  4. ``combine``: A至B becomes a range, A前 a deadline, 到A keeps its prefix;
  5. ``normalise`` (in ``datevalues.py``): bounds or period, a missing year
     taken from the nearest preceding date (never from today).
Phases (``extract_phases``, in ``extract/phases.py``) come from the outline's
stage headings and the first date in the heading or its ``时间:`` line.
"""
from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from dataclasses import dataclass, replace
from datetime import date
from typing import NamedTuple, Optional

from . import datelists, datenorm
from .datevalues import Value, context_year, normalise, walk
from ..text import scan
from . import phases
from .. import rules
from .datenorm import Side
from ..records import DateFact, PlanContext

RULES = "dates"
_SPAN_KEYS = {"points": "point", "ranges": "range", "recurring": "recurring"}


@dataclass(slots=True)
class Found:
    """A span kept after overlaps are resolved, with its fields read."""

    start: int
    end: int
    rule_id: str
    role: str
    fields: dict         # raw fields of the start (or only) side: n, unit for recurrence
    first: Side          # the start (or only) side
    second: Optional[Side]   # the end side, for a range rule such as 2021-2023年


@dataclass(slots=True)
class Expr:
    """A whole expression after combination, before normalisation."""

    start: int
    end: int
    kind: str
    rule_id: str
    first: Found
    second: Optional[Found] = None
    after_recurrence: bool = False
    scope: bool = False      # 2000年底前建成的: the objects' date, no year for what follows


@functools.lru_cache(maxsize=None)
def _rules(key: str) -> tuple:
    return rules.pattern_rules(RULES, key)


@functools.lru_cache(maxsize=None)
def _gated(key: str) -> tuple:
    """(rule, character sets a text must each meet for the rule to be tried)."""
    out = []
    for rule in _rules(key):
        needs = rule.data.get("needs") or []
        if not isinstance(needs, list) or not all(isinstance(n, str) and n for n in needs):
            raise rules.RuleError(f"rules/dates.yaml:{key}: rule {rule.id!r}: "
                                  "'needs' must be a list of non-empty strings")
        out.append((rule, tuple(frozenset(n) for n in needs)))
    return tuple(out)


def triggers(text: str) -> frozenset:
    """The characters of ``text`` that some rule's ``needs`` asks for.

    One substring search per trigger character (some forty): walking a plan's
    text character by character into a set took twenty times as long."""
    return frozenset(ch for ch in _all_triggers() if ch in text)


@functools.lru_cache(maxsize=None)
def _all_triggers() -> frozenset:
    keys = ("points", "ranges", "recurring", "exclusions", "point_prefixes")
    return frozenset().union(*(n for key in keys for _, needs in _gated(key) for n in needs))


_SCANNERS: dict = {}


def _scanner(rule) -> scan.Scanner:
    # rules are loaded once, so their ids name them for the life of the process
    found = _SCANNERS.get(rule.id)
    if found is None or found.regex is not rule.regex:
        found = _SCANNERS[rule.id] = scan.for_rule(rule)
    return found


@functools.lru_cache(maxsize=None)
def _spec(rule_id: str, role: str, regex: re.Pattern) -> tuple:
    """What reading a match of a rule needs: (rule id, role, group plan)."""
    return rule_id, role, datenorm.group_plan(regex)


def _tried(key: str, present: frozenset) -> tuple:
    # `needs` in the rule file: skips rules that cannot match, never changes a
    # result.
    return tuple(rule for rule, needs in _gated(key) if all(not n.isdisjoint(present) for n in needs))


class _Plan(NamedTuple):
    """The rules worth trying on a text, with what each stage needs of them."""

    spans: tuple         # (scanner, spec) of point, range, recurrence rules
    exclusions: tuple    # (scanner, exempt from the own title?)
    prefixes: tuple      # (scanner, kind it makes) of point prefixes


@functools.lru_cache(maxsize=4096)
def _plan(present: frozenset) -> _Plan:
    # Texts share few sets of trigger characters, so the choice is cached.
    spans = tuple((_scanner(rule), _spec(rule.id, role, rule.regex))
                  for key, role in _SPAN_KEYS.items() for rule in _tried(key, present))
    exclusions = tuple((_scanner(rule), bool(rule.data.get("own_title_exempt")))
                       for rule in _tried("exclusions", present))
    prefixes = tuple((_scanner(rule), rule.data.get("makes", "point"))
                     for rule in _tried("point_prefixes", present))
    return _Plan(spans, exclusions, prefixes)


def candidates(text: str, present: Optional[frozenset] = None) -> list:
    """Stage 1: every span any point, range or recurrence rule finds.

    Each is a tuple (start, -end, order, spec, match): sorting them puts the
    leftmost, then the longest first, and rule order breaks ties.
    """
    plan = _plan(triggers(text) if present is None else present)
    out, size = [], len(text)
    long = size >= scan.SHORT
    for scanner, spec in plan.spans:
        if not scanner.nonempty or (long and scanner.anchor is not None):
            found = scanner.finditer(text) if scanner.nonempty else scanner.regex.finditer(text)
            out += [(m.start(), -m.end(), len(out) + i, spec, m) for i, m in enumerate(found)]
            continue
        search = scanner.long_search if long else scanner.regex.search
        m = search(text)
        while m is not None:       # finditer, without its iterator on short texts
            start, end = m.span()
            out.append((start, -end, len(out), spec, m))
            # a match is never empty, so none can start at the very end
            m = search(text, end) if end < size else None
    return out


def read(spec: tuple, m: re.Match, start: int, end: int) -> Optional[Found]:
    """The fields of a match, or None when they name no calendar date (month 13)."""
    rule_id, role, group_plan = spec
    first, second = datenorm.group_fields(m, group_plan)
    try:
        return Found(start, end, rule_id, role, first,
                     datenorm.make_side(first), datenorm.make_side(second) if second else None)
    except datenorm.Invalid:
        return None


def excluded_spans(text: str, title: str = "", present: Optional[frozenset] = None) -> list:
    """Spans that hold no date: document numbers, edition years, cited titles …"""
    spans = []
    own = None
    for scanner, own_title_exempt in _plan(triggers(text) if present is None else present).exclusions:
        if own_title_exempt and own is None:
            own = _title_key(title)
        exempt = own_title_exempt and own
        for m in scanner.finditer(text):
            if exempt and _is_own_title(m.group(), exempt):
                continue
            spans.append(m.span())
    return spans


def _title_key(text: str) -> str:
    text = unicodedata.normalize("NFKC", text or "")
    return "".join(ch for ch in text if ch.isalnum())


def _is_own_title(cited: str, own: str) -> bool:
    # The notice that issues a plan cites the plan itself: 印发《XX行动计划(2021-2023年)》
    key = _title_key(cited)
    return len(key) >= 4 and (key in own or own in key)


def drop_excluded(found: list, blocked: list) -> list:
    """Stage 2: drop every candidate that overlaps an excluded span."""
    if not blocked:
        return found
    # Sorted by start, a candidate overlaps some span starting before its end
    # exactly when the furthest end among those spans passes its start.
    blocked = sorted(blocked)
    starts = [s for s, _ in blocked]
    reach, furthest = [-1], -1
    for _, e in blocked:
        furthest = e if e > furthest else furthest
        reach.append(furthest)
    return [f for f in found if reach[bisect.bisect_left(starts, -f[1])] <= f[0]]


def resolve_overlaps(found: list) -> list:
    """Stage 3: keep non-overlapping spans, leftmost first, then longest.

    A span whose fields name no date gives way to the next one, so that in
    2021年13月 the year survives. Only winners are read, which keeps this cheap.
    """
    kept, last_end = [], -1
    for start, neg_end, _, spec, m in sorted(found):
        if start >= last_end:
            f = read(spec, m, start, -neg_end)
            if f is not None:
                kept.append(f)
                last_end = f.end
    return kept


@functools.lru_cache(maxsize=None)
def _matchers(key: str, role: str = "") -> tuple:
    """(regex.match, spec) of each rule of ``key``, tried in order at one place."""
    return tuple((rule.regex.match, _spec(rule.id, role, rule.regex)) for rule in _rules(key))


def _match_at(matchers: tuple, text: str, pos: int):
    for match, spec in matchers:
        m = match(text, pos)
        if m:
            return spec, m
    return None, None


def _tail_at(text: str, pos: int, by_start: dict) -> Optional[Found]:
    """The end of a range starting at ``pos``: a point span, else a tail form."""
    found = by_start.get(pos)
    if found is not None and found.role == "point":
        return found
    spec, m = _match_at(_matchers("range_tails", "tail"), text, pos)
    if m is None:
        return None
    return read(spec, m, m.start(), m.end())


def combine(text: str, found: list, present: Optional[frozenset] = None) -> list:
    """Stage 4: ranges (A至B), deadlines (A前), prefixed points (到A)."""
    if not found:
        return []
    by_start = {f.start: f for f in found}
    prefix_ends = _prefix_ends(text, triggers(text) if present is None else present)
    connectors, suffixes = _matchers("connectors"), _matchers("deadline_suffixes")
    exprs, skip_until, prev_end, prev_recurring = [], -1, -1, False
    for f in found:
        if f.start < skip_until:
            continue
        expr = _combine_one(text, f, by_start, prefix_ends, connectors, suffixes)
        expr.after_recurrence = prev_recurring and text[prev_end:f.start].strip() == ""
        skip_until = expr.end
        if _times_of_recurrence(text, exprs, expr, prev_end):
            exprs[-1].end = prev_end = expr.end      # 每年4月至10月: one recurring date
            continue
        exprs.append(expr)
        prev_end, prev_recurring = expr.end, expr.kind == "recurring"
    return datelists.shared_deadlines(text, exprs)


def _times_of_recurrence(text: str, exprs: list, expr: Expr, prev_end: int) -> bool:
    """Whether ``expr`` only says when in each period a recurrence falls (每年4月至10月,
    每年6月、12月): months with no year of their own, right after it or after a
    month already taken into it, joined by a list mark."""
    if not exprs or exprs[-1].kind != "recurring" or _year_written(expr):
        return False
    gap = text[prev_end:expr.start].strip()
    if gap and (gap not in rules.words(RULES, "recurrence_list_marks") or exprs[-1].end == exprs[-1].first.end):
        return False
    return expr.first.first.month is not None


def _year_written(expr: Expr) -> bool:
    sides = (expr.first.first, expr.first.second, expr.second.first if expr.second else None)
    return any(side is not None and side.year is not None for side in sides) or bool(expr.first.fields.get("rel"))


def _combine_one(text: str, f: Found, by_start: dict, prefix_ends: dict,
                 connectors: tuple, suffixes: tuple) -> Expr:
    if f.role != "point":
        return Expr(f.start, f.end, f.role, f"{f.role}:{f.rule_id}", f)
    _, conn = _match_at(connectors, text, f.end)
    if conn is not None and conn.end() > f.end:
        tail = _tail_at(text, conn.end(), by_start)
        if tail is not None:
            return Expr(f.start, tail.end, "range", f"range:{f.rule_id}~{tail.rule_id}", f, tail)
    start, makes = prefix_ends.get(f.start, (f.start, "point"))
    _, suffix = _match_at(suffixes, text, f.end)
    if suffix is not None and suffix.end() > f.end:
        return Expr(start, suffix.end(), "deadline", f"deadline:{f.rule_id}", f)
    if makes == "deadline":     # 有效期至X: X ends the period of validity
        return Expr(start, f.end, "deadline", f"deadline:prefix+{f.rule_id}", f)
    rule_id = f"point:{f.rule_id}" if start == f.start else f"point:prefix+{f.rule_id}"
    return Expr(start, f.end, "point", rule_id, f)


def _prefix_ends(text: str, present: frozenset) -> dict:
    """Map the end of each 到/截至 … prefix to (its start, the kind it makes):
    the longest prefix ending there wins (有效期至 over 至)."""
    ends = {}
    for scanner, makes in _plan(present).prefixes:
        for m in scanner.finditer(text):
            if m.end() not in ends or m.start() < ends[m.end()][0]:
                ends[m.end()] = (m.start(), makes)
    return ends


def expressions(text: str, title: str = "") -> list:
    """Stages 1-4: the date expressions of a text, before normalisation."""
    present = triggers(text)
    found = candidates(text, present)
    if found:
        found = drop_excluded(found, excluded_spans(text, title, present))
    exprs = combine(text, resolve_overlaps(found), present)
    for expr in exprs:
        expr.scope = any(r.regex.match(text, expr.end) for r in _rules("scope_tails"))
    return exprs


def find(text: str, title: str = "", seed: Optional[tuple] = None, written: Optional[int] = None) -> list:
    """Every date expression in ``text`` as Values, in reading order;
    ``written`` is the year the plan was issued in, for 明年."""
    return normalise(expressions(text, title), seed, written)


def context_at(text: str, pos: int, title: str = "") -> Optional[int]:
    """The year an expression without one would take at ``pos`` (None: unknown)."""
    prev = None
    for value, after in walk(expressions(text, title), None):
        if value.end > pos:
            break
        prev = after
    return context_year(prev, Side())


def parse(text: str, year: Optional[int] = None) -> Optional[Value]:
    """The first expression in a short string, a bare month taking ``year``."""
    seed = (date(year, 1, 1), date(year, 12, 31)) if year else None
    for value, _ in walk(expressions(text), seed):
        return value        # the later ones are not needed
    return None


def extract_dates(ctx: PlanContext) -> list:
    plan, locator = ctx.plan, ctx.locator
    head_end = min([int(rules.load(RULES)["head_repeat_max_chars"])] + [n.char_start for n in ctx.nodes])
    return [DateFact(plan.doc_id, locator.node_id_at(v.start), v.kind, v.date_start, v.date_end,
                     v.period, v.start, v.end, plan.text[v.start:v.end], v.rule_id)
            for v in _from_issue(plan, find(plan.text, plan.title, _issue_seed(plan.issue_date),
                                            written=plan.issue_date.year if plan.issue_date else None))
            if not (v.start < head_end and _copied_head_line(plan.text, v.start))]


def _from_issue(plan, values: list) -> list:
    """即日起至X runs from the day of issue: a range from the plan's issue
    date, where the plan says it (else a deadline, its start unknown)."""
    issued, marks = plan.issue_date, tuple(rules.words(RULES, "from_issue_marks"))
    if issued is None:
        return values
    return [replace(v, kind="range", date_start=issued)
            if v.kind == "deadline" and v.date_end is not None and issued <= v.date_end
            and plan.text.startswith(marks, v.start) else v for v in values]


def _copied_head_line(text: str, pos: int) -> bool:
    """Whether the line at ``pos`` repeats words written just before it (a title's copy)."""
    cfg = rules.load(RULES)
    start = text.rfind("\n", 0, pos) + 1
    end = len(text) if text.find("\n", pos) < 0 else text.find("\n", pos)
    line = text[start:end]
    key = _title_key(line)
    if len(key) < int(cfg["head_repeat_min_chars"]) or any(ch in line for ch in cfg["head_repeat_stops"]):
        return False
    # a copy follows its original with no sentence between them: a notice that
    # names the plan and then gives the plan's own heading writes both
    after = max(text.rfind(ch, 0, start) for ch in cfg["head_repeat_stops"]) + 1
    return key in _title_key(text[after:start])


def extract_phases(ctx: PlanContext) -> list:
    """One row per stage heading with its bounds (see ``phases.py``), from ``ctx.dates``."""
    return phases.extract_phases(ctx.plan, ctx.nodes, ctx.dates)


def _issue_seed(issued: Optional[date]) -> Optional[tuple]:
    """The year of issue, which a date before any written year takes (6月20日
    in a plan issued on 2023-06-19); none when the plan says no issue date."""
    return (date(issued.year, 1, 1), date(issued.year, 12, 31)) if issued else None
