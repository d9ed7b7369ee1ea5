"""Numeric targets tied to their outline node.

Two steps, as everywhere in the pipeline: first find spans (a number with its
unit, the comparison words around it, or a comparison word with a named
baseline), then normalise them (comparator, value, unit, denominator,
indicator). Which number is a target is decided in one place, ``_decide``:

  compare       a comparison word before or after the number (不低于30%, 70%以上)
  time-limit    a duration with 内/以内 (48小时内)
  share         a percentage of a population (80%的选民参与选举)
  rate          a bare percentage right after a rate word (普及率80%)
  build         a count right after a building verb (建成19座污水处理厂), a
                clause opened by one and closed by a count or length
                (新建管网25公里), or a ratio (每千人口拥有医师3人)
  list-item     the next item of a list whose first item was a target (、4个…)
  baseline      a comparison word and a named level (高于全省平均水平,
                不低于全部贷款增速)

Word lists and patterns live in rules/targets.yaml, rules/indicators.yaml and
rules/units_of_measure.yaml.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Optional, Sequence

from . import indicator
from . import quantities as numbers
from .. import rules
from ..records import Node, NodeLocator, Plan, PlanContext, Target

_CJK = re.compile(r"[\u4e00-\u9fff]")
_NOUN_START = re.compile(r"[\u4e00-\u9fff“\"「《A-Za-z0-9]")   # a counted thing may open with a quote


@dataclass
class Found:
    """A target span before its indicator is read."""

    start: int
    end: int
    op: str
    rule_id: str
    q: Optional[numbers.Quantity] = None
    per: Optional[str] = None
    baseline: Optional[str] = None
    share_at: int = -1        # after the 的 of a population share
    prev: Optional["Found"] = None   # the list item before, for list-item


# --- comparison words ---------------------------------------------------------

@functools.lru_cache(maxsize=None)
def _words(side: str) -> tuple:
    """(word, op, weak, kinds) for prefix/suffix/symbols, longest first."""
    out = []
    for group in rules.load("targets")["comparators"][side]:
        for w in group["words"]:
            out.append((w, group["op"], bool(group.get("weak")), tuple(group.get("kinds") or ())))
    return tuple(sorted(out, key=lambda t: -len(t[0])))


def _prefix_at(text: str, end: int) -> Optional[tuple]:
    """The comparison word ending at ``end``: (start, op, weak, word)."""
    for word, op, weak, _ in _words("prefix") + _words("symbols"):
        if text.endswith(word, 0, end):
            return end - len(word), op, weak, word
    return None


def _suffix_at(text: str, pos: int, kind: Optional[str]) -> Optional[tuple]:
    """The comparison word starting at ``pos`` (spaces allowed before it): (end, op)."""
    pos = numbers.skip_spaces(text, pos)
    for word, op, _, kinds in _words("suffix"):
        if text.startswith(word, pos) and (not kinds or kind in kinds):
            return pos + len(word), op
    return None


def _left_comparison(text: str, start: int) -> tuple:
    """Comparison word, gap verb and denominator before a number.

    Returns (prefix or None, per or None, span start). 低于每万户2起 has the
    per between the word and the number; 至少开展2次 a verb.
    """
    per, pos = None, _skip_back(text, start)
    for rule in rules.pattern_rules("targets", "per"):
        for m in rule.regex.finditer(text, max(0, pos - 12), pos):
            if m.end() == pos:
                per, pos = m.group(), _skip_back(text, m.start())
    pre = _prefix_at(text, pos)
    if pre is None and per is None:
        for verb in _gap_verbs():
            if text.endswith(verb, 0, pos):
                pre = _prefix_at(text, pos - len(verb))
                if pre is not None:
                    break
    return pre, per, (pre[0] if pre else start)


def _skip_back(text: str, pos: int) -> int:
    """Move left over spaces within the line: 不低于 30% reads as 不低于30%."""
    while pos > 0 and text[pos - 1] in numbers.SPACES:
        pos -= 1
    return pos


@functools.lru_cache(maxsize=None)
def _gap_verbs() -> tuple:
    return tuple(sorted(rules.load("targets")["comparators"]["gap_verbs"], key=len, reverse=True))


@functools.lru_cache(maxsize=None)
def _prefix_kinds() -> dict:
    """Prefix words allowed only before some unit kinds (保持 before a percentage)."""
    return {w: kinds for w, _, _, kinds in _words("prefix") if kinds}


# --- deciding which numbers are targets ----------------------------------------

def _ends_with_any(text: str, end: int, words) -> Optional[str]:
    return next((w for w in sorted(words, key=len, reverse=True) if text.endswith(w, 0, end)), None)


def _clause_open(text: str, pos: int) -> bool:
    """Nothing but a clause start, a scope word, 有 or white space before ``pos``."""
    s, _ = indicator.clause_start(text, pos)
    head = indicator.trim(text[s:pos]).rstrip("有")
    scope = _ends_with_any(head, len(head), rules.words("targets", "scope_words")) or ""
    return head[:len(head) - len(scope)] in ("", "并")


def _share(text: str, q, after: int, prev) -> Optional[Found]:
    """80%的选民参与选举: a percentage of the population named after 的."""
    if q.kind == "percent" and text.startswith("的", after) and _clause_open(text, q.start):
        return Found(q.start, after, "=", "share", q, share_at=after + 1)
    return None


def _rate(text: str, q, after: int, prev) -> Optional[Found]:
    """普及率80%。: a percentage right after a rate word, ending its clause."""
    if (q.kind == "percent" and _ends_with_any(text, q.start, rules.words("targets", "rate_words"))
            and (after >= len(text) or text[after] in indicator._breaks())):
        return Found(q.start, after, "=", "rate", q)
    return None


def _build_before(text: str, q, after: int, prev) -> Optional[Found]:
    """建成19座污水处理厂: a count right after a building verb (and scope word)."""
    if not _buildable(q) or (q.numeral == "chinese" and q.value == 1):
        return None
    pos = _skip_back(text, q.start)
    scope = _ends_with_any(text, pos, rules.words("targets", "scope_words"))
    if scope:
        pos -= len(scope)
    if _ends_with_any(text, pos, rules.words("targets", "build_verbs")):
        return Found(q.start, after, "=", "build", q)
    return None


def _buildable(q) -> bool:
    """A count, or a length or area that can be built (新建管网25公里)."""
    return q.kind == "count" or q.unit in rules.words("targets", "build_amount_units")


def _item_end(text: str, after: int) -> bool:
    """A clause, list item or table cell ends at ``after``."""
    return after >= len(text) or text[after] in indicator._breaks() or text[after] == "、"


def _build_after(text: str, q, after: int, prev) -> Optional[Found]:
    """新增就业岗位5000个。: a clause opened by a building verb, ending in a count.

    每千人口拥有医师3人: a denominator and 拥有 open a ratio the same way.
    """
    if not _buildable(q) or not _item_end(text, after):
        return None
    start, _ = indicator.clause_start(text, q.start)
    head = indicator.strip_leading(text[start:q.start])
    scope = next((w for w in rules.words("targets", "scope_words") if head.startswith(w)), "")
    head = head[len(scope):]
    if any(head.startswith(v) and len(head) > len(v) for v in rules.words("targets", "build_verbs")):
        return Found(q.start, after, "=", "build", q)
    per = _leading_per(head)
    if per and any(head.startswith(v, len(per)) and len(head) > len(per) + len(v)
                   for v in rules.words("targets", "per_verbs")):
        return Found(q.start, after, "=", "build", q, per=per)
    return None


def _leading_per(head: str) -> Optional[str]:
    for rule in rules.pattern_rules("targets", "per"):
        m = rule.regex.match(head)
        if m:
            return m.group()
    return None


def _list_item(text: str, q, after: int, prev) -> Optional[Found]:
    """The next item of a list whose first item was a target.

    19座污水处理厂、4个…; 达30%、20%和10%; and counts sharing one verb across
    commas: 培育3家…平台，20家…平台.
    """
    if prev is None or q.unit is None or not _same_kind(q, prev):
        return None
    gap = text[prev.end:q.start]
    breaks = [ch for ch in gap if ch in indicator._breaks()]
    joined = _ends_with_any(gap, len(gap), rules.words("targets", "list_joiners"))
    comma_list = (q.kind == "count" and prev.rule_id in ("build", "list-item")
                  and breaks in (["，"], [","]) and gap.rstrip()[-1:] in "，,")
    if (joined and not breaks) or comma_list:
        return Found(q.start, after, prev.op, "list-item", q, prev.per, prev=prev)
    return None


def _same_kind(q, prev: Found) -> bool:
    """Built things may mix counts and lengths: 新建公园5个、绿道12公里."""
    if q.kind == prev.q.kind:
        return True
    return prev.rule_id in ("build", "list-item") and _buildable(q) and _buildable(prev.q)


# bare numbers are tried by these, in order; the first that fits wins
BARE_RULES = (_share, _rate, _build_before, _build_after, _list_item)


def _bare(text: str, q, after: int, prev: Optional[Found]) -> Optional[Found]:
    """A number with no comparison word: a target only by grammar."""
    for rule in BARE_RULES:
        found = rule(text, q, after, prev)
        if found is not None:
            return found
    return None


@functools.lru_cache(maxsize=None)
def _symbols() -> frozenset:
    return frozenset(w for w, _, _, _ in _words("symbols"))


def _defines_category(text: str, q, start: int, end: int) -> bool:
    """500万元以上的项目: a number before 的 names a class of things, not a goal.

    Percentages are shares of a population instead (70%以上的市民), and a
    count after a building verb is still a goal (培育10家以上的龙头企业).
    """
    if not text.startswith("的", end) or q.kind == "percent":
        return False
    if any(text.startswith(w, end + 1) for w in rules.words("targets", "standard_nouns")):
        return False         # 不低于500元的标准: the standard is the goal
    built = q.kind == "count" and _ends_with_any(text, start, rules.words("targets", "build_verbs"))
    return not built


def _decide(text: str, q, prev: Optional[Found]) -> Optional[Found]:
    """The one place where a number becomes a target, or not."""
    pre, per, start = _left_comparison(text, q.start)
    if pre and _prefix_kinds().get(pre[3]) and q.kind not in _prefix_kinds()[pre[3]]:
        pre, start = None, q.start
    suf = _suffix_at(text, q.end, q.kind)
    end = suf[0] if suf else q.end
    defines = _defines_category(text, q, start, end)
    if suf or (pre and not pre[2]) or (pre and q.unit):
        if defines or (pre and pre[3] in _symbols() and text.startswith("的", end)):
            return None          # a threshold defining a category: 500万元以上的项目
        op = suf[1] if suf else pre[1]
        rule = "time-limit" if q.kind == "duration" else "compare"
        shares = q.kind == "percent" and text.startswith("的", end) and _clause_open(text, start)
        share_at = end + 1 if shares else -1
        return Found(start, end, op, "share" if share_at > 0 else rule, q, per, share_at=share_at)
    if q.kind == "duration" or defines:
        return None
    return _bare(text, q, end, prev)


# --- baselines ------------------------------------------------------------------

@functools.lru_cache(maxsize=None)
def _baseline_words() -> re.Pattern:
    words = [w for w, _, weak, _ in _words("prefix") if not weak or len(w) > 1]
    return re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))


def baselines(text: str) -> list:
    """Comparison word + named level: 高于全省同类城市平均水平, 控制在规定标准以内."""
    out = []
    ops = {w: (op, weak) for w, op, weak, _ in _words("prefix")}
    for m in _baseline_words().finditer(text):
        for rule in rules.pattern_rules("targets", "baselines"):
            if rule.data.get("strict") and ops[m.group()][1]:
                continue
            b = rule.regex.match(text, m.end())
            if not b or not b.group():
                continue
            suf = _suffix_at(text, b.end(), None)
            end = suf[0] if suf else b.end()
            if end < len(text) and _CJK.match(text[end]) and not text.startswith("的", end):
                continue
            op = suf[1] if suf else ops[m.group()][0]
            out.append(Found(m.start(), end, op, rule.id, baseline=b.group()))
            break
    return out


# --- indicators -----------------------------------------------------------------

def _indicator(text: str, f: Found, floor: int) -> tuple:
    """(indicator, per) for one target."""
    q = f.q
    if f.share_at > 0:
        return indicator.population_share(text, f.share_at), f.per
    if q is not None and q.kind == "count":
        noun = indicator.after_noun(text, f.end)
        if noun and _NOUN_START.match(noun) and _prefix_at(noun + "0", len(noun)) is None:
            return indicator.counted_actor(indicator.trim(noun)), f.per
    ind, per, start = indicator.before(text, f.start, floor)
    if not ind:
        ind = indicator.previous_clause(text, start, floor)
    if f.rule_id == "time-limit":
        ind = indicator.time_limit(ind, indicator.action_after(text, f.end))
    elif q is not None and q.kind == "percent":
        ind = indicator.with_share(ind)
    return ind, f.per or per


def _distribute(found: list, inds: list) -> None:
    """Give each item of a 分别 list its own indicator (in place)."""
    i = 0
    while i < len(found):
        j = i + 1
        while j < len(found) and found[j].prev is found[j - 1]:
            j += 1
        if j - i > 1:
            split = indicator.distribute(inds[i][0], j - i)
            if split:
                for k, ind in enumerate(split):
                    inds[i + k] = (ind, inds[i + k][1])
            else:
                for k in range(i + 1, j):
                    if found[k].q.kind != "count":
                        inds[k] = inds[i]
        i = j


# --- assembling -----------------------------------------------------------------

def find(text: str) -> list:
    """All target spans in reading order (numbers and baselines)."""
    found, prev = [], None
    for q in numbers.quantities(text):
        f = _decide(text, q, prev)
        if f is not None:
            found.append(f)
            prev = f
    return _resolve_overlaps(text, found, baselines(text))


def _resolve_overlaps(text: str, numeric: list, relative: list) -> list:
    """One place for overlaps: a numeric target wins over a baseline reading of
    the same words (达到国家标准 inside 达到国家标准的90%)."""
    # a population share owns its whole clause (85%以上的村达到…标准)
    shares = [(f.share_at, indicator.clause_end(text, f.share_at)) for f in numeric if f.share_at > 0]
    taken = numbers.merge_spans([(f.start, f.end) for f in numeric] + shares)
    kept = numeric + [b for b in relative if not numbers.overlaps(taken, b.start, b.end)]
    return sorted(kept, key=lambda f: f.start)


def extract_targets(ctx: PlanContext) -> list:
    plan, text, locate = ctx.plan, ctx.text, ctx.locator
    found = find(text)
    inds, last_end = [], 0
    for f in found:
        node = locate.innermost(f.start)
        floor = max(last_end, node.body_start if node and 0 <= node.body_start <= f.start else 0)
        inds.append(_indicator(text, f, floor))
        last_end = f.end
    _distribute(found, inds)
    out = []
    for f, (ind, per) in zip(found, inds):
        q = f.q
        out.append(Target(
            doc_id=plan.doc_id, node_id=locate.node_id_at(f.start), indicator=ind,
            comparator=f.op, value=q.value if q else None, unit=q.unit if q else None,
            per=per, baseline=f.baseline, char_start=f.start, char_end=f.end,
            text=text[f.start:f.end], value_max=q.value_max if q else None,
            indicator_norm=indicator.normalise(ind) if ind else None, rule_id=f.rule_id))
    return out
