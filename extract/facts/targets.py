"""Numeric targets tied to their outline node.

Two steps, as everywhere in the pipeline: first find every quantity (a number
with its measure word, quantities.py) outside the plan's dates, then decide by
its clause whether it is a goal and normalise it (comparator, value, unit,
denominator, indicator). Which number is a target is decided in one place,
``_decide``:

  compare       a comparison word before or after the number (不低于30%, 70%以上)
  time-limit    a duration with 内/以内 (48小时内)
  share, rate, change, build, counted, list-item
                a number with no comparison word, decided by its clause
                (goals.py: 80%的选民, 普及率80%, 同比增长8%, 新建12个站点,
                示范村15个, 、4个…)
  baseline      a comparison word and a named level (高于全省平均水平,
                不低于全部贷款增速)

Word lists and patterns live in rules/targets.yaml, rules/indicators.yaml and
rules/units_of_measure.yaml.
"""
from __future__ import annotations

import dataclasses
import functools
import re
from typing import Optional

from . import distributive, goalbuild, goalclauses, goalheadings, goallists, goals, goalwords, indicator, measures, tablegoals
from .goalclauses import Found
from . import quantities as numbers
from .. import rules
from ..text import nlp
from ..records import PlanContext, Target

@functools.lru_cache(maxsize=None)
def _regex(key: str) -> re.Pattern:
    """A pattern setting of rules/targets.yaml (han_run, counted_noun_start), compiled once."""
    return re.compile(rules.load("targets")[key])


@functools.lru_cache(maxsize=1)
def _modifier() -> str:
    """The particle after a number that names a class or a share (500万元以上的项目)."""
    return rules.load("targets")["modifier_mark"]


# --- comparison words ---------------------------------------------------------

@functools.lru_cache(maxsize=None)
def _words(side: str) -> tuple:
    """(word, op, weak, kinds) for prefix/suffix/symbols, longest first."""
    out = []
    for group in rules.load("targets")["comparators"][side]:
        for w in group["words"]:
            out.append((w, group["op"], bool(group.get("weak")), tuple(group.get("kinds") or ())))
    return tuple(sorted(out, key=lambda t: -len(t[0])))


@functools.lru_cache(maxsize=None)
def _table(*sides: str) -> tuple:
    """{word: (op, weak, kinds)} and the length of the longest word."""
    table = {w: (op, weak, kinds) for side in sides for w, op, weak, kinds in _words(side)}
    return table, max(map(len, table))


@functools.lru_cache(maxsize=None)
def _tail(*sides: str) -> re.Pattern:
    return rules.word_regex(_table(*sides)[0], at_end=True)


@functools.lru_cache(maxsize=None)
def _head(*sides: str) -> re.Pattern:
    return rules.word_regex(_table(*sides)[0])


def _prefix_at(text: str, end: int) -> Optional[tuple]:
    """The comparison word ending at ``end``: (start, op, weak, word).

    One compiled alternation searched in the few characters before ``end``:
    the leftmost match ending there is the longest word (不低于 over 低于).
    """
    table, longest = _table("prefix", "symbols")
    m = _tail("prefix", "symbols").search(text, max(0, end - longest), end)
    if m is None:
        return None
    op, weak, _ = table[m.group()]
    if weak and any(text.endswith(w, 0, m.end()) for w in _weak_word_ends()):
        return None     # 作为3个试点: the 为 of a longer word compares nothing
    return m.start(), op, weak, m.group()


@functools.lru_cache(maxsize=None)
def _weak_word_ends() -> tuple:
    return tuple(rules.load("targets")["comparators"]["weak_inside_words"])


def _suffix_at(text: str, pos: int, kind: Optional[str]) -> Optional[tuple]:
    """The comparison word starting at ``pos`` (spaces allowed before it): (end, op)."""
    pos = measures.skip_spaces(text, pos)
    m = _head("suffix").match(text, pos)
    if m is None:
        return None
    op, _, kinds = _table("suffix")[0][m.group()]
    return (m.end(), op) if not kinds or kind in kinds else None


def _left_comparison(text: str, start: int) -> tuple:
    """Comparison word, gap verb and denominator before a number.

    Returns (prefix or None, per or None, span start). 低于每万户2起 has the
    per between the word and the number; 至少开展2次 a verb.
    """
    per, pos = None, goalwords.skip_back(text, start)
    for rule in rules.pattern_rules("targets", "per"):
        for m in rule.regex.finditer(text, max(0, pos - 12), pos):
            if m.end() == pos:
                per, pos = m.group(), goalwords.skip_back(text, m.start())
    pre = _prefix_at(text, pos)
    if pre is None and per is None:
        verb = _gap_verbs().search(text, max(0, pos - 4), pos)
        at = verb.start() if verb is not None else _tagged_gap_verb(text, pos)
        if at is not None:
            pre = _prefix_at(text, at)
    if pre is not None and pre[2]:
        # 至少达到90%: a floor word before a weak one (达到, 提高到) decides
        outer = _prefix_at(text, goalwords.skip_back(text, pre[0]))
        if outer is not None and not outer[2]:
            pre = outer
    if pre is None and per is None:
        pre = _word_before_whole(text, pos)
    return pre, per, (pre[0] if pre else start)


def _tagged_gap_verb(text: str, pos: int) -> Optional[int]:
    """至少召开1次: a verb the lists lack, two characters that jieba reads as one
    verb, not a word of a standard or grant (最多补助2万元)."""
    word = text[max(0, pos - 2):pos]
    tags = list(nlp.posseg().cut(word)) if len(word) == 2 else []
    if len(tags) == 1 and tags[0].flag.startswith("v") and word not in goalwords._words("standard_words"):
        return pos - 2
    return None


def _word_before_whole(text: str, pos: int) -> Optional[tuple]:
    """不低于当地最低工资标准的1.2倍, 达到行政村的70%: the comparison word
    before the whole the number is a share or multiple of (the nearest one).
    A share that a standard or grant sets (按……新增部分的10%给予奖励) is none."""
    if not text.startswith(_modifier(), pos - len(_modifier())):
        return None
    found = None
    for m in _head("prefix").finditer(text, max(0, pos - 24), pos):
        if any(r.regex.fullmatch(text, m.end(), pos) for r in rules.pattern_rules("targets", "measured_against")):
            found = _prefix_at(text, m.end()) or found
    return None if found and _states_a_rate(text, found[0]) else found


@functools.lru_cache(maxsize=None)
def _gap_verbs() -> re.Pattern:
    """Verbs between a floor word and its number (至少配建一处): the listed gap
    verbs and every building or action verb of the goal rules, but for the
    words of a standard or grant (最多资助2万元 is a cap on a grant)."""
    listed = rules.load("targets")["comparators"]["gap_verbs"]
    grants = set(goalwords._words("standard_words"))
    verbs = [w for w in (*goalwords._words("build_verbs"), *goalwords._words("action_verbs")) if w not in grants]
    return rules.word_regex([*listed, *verbs], at_end=True)


@functools.lru_cache(maxsize=None)
def _prefix_kinds() -> dict:
    """Prefix words allowed only before some unit kinds (保持 before a percentage)."""
    return {w: kinds for w, _, _, kinds in _words("prefix") if kinds}


# --- deciding which numbers are targets ----------------------------------------
# bare numbers (no comparison word) are decided by goals.bare

@functools.lru_cache(maxsize=None)
def _symbols() -> frozenset:
    return frozenset(w for w, _, _, _ in _words("symbols"))


def _defines_category(text: str, q, start: int, end: int) -> bool:
    """500万元以上的项目: a number before 的 names a class of things, not a goal.

    Percentages are shares of a population instead (70%以上的市民), and a
    count after a building or action verb is still a goal (培育10家以上的龙头企业,
    开展不少于一次的上门宣传).
    """
    if not text.startswith(_modifier(), end) or q.kind == "percent":
        return False
    if any(text.startswith(w, end + 1) for w in rules.words("targets", "standard_nouns")):
        return False         # 不低于500元的标准: the standard is the goal
    if goalbuild.named_goal_after(text, end):
        return False         # 落户城镇300万人的目标: so is a figure named the goal
    verbs = (*rules.words("targets", "build_verbs"), *rules.words("targets", "action_verbs"))
    built = q.kind == "count" and goalwords.ends_with_any(text, start, verbs)
    built = built or (q.kind in ("amount", "count")
                      and goalwords.ends_with_any(text, start, rules.words("targets", "provision_verbs")))
    return not built and not goalwords.size_of_built(text, start)


def _names_a_class(text: str, end: int) -> bool:
    """5000万元以上大品种: the things an amount sorts, written right after it."""
    return any(r.regex.match(text, end) for r in rules.pattern_rules("targets", "class_after_threshold"))


def _states_a_rate(text: str, start: int) -> bool:
    """The clause before ``start`` names a subsidy or award (补助标准, 奖励资金)."""
    head = goalclauses._clause_head(text, numbers.Quantity(start, start, 0, None, None, None, "arabic"))
    return bool(goalwords._any_regex("standard_words").search(head))


def _decide(text: str, q, prev: Optional[Found]) -> Optional[Found]:
    """The one place where a number becomes a target, or not."""
    pre, per, start = _left_comparison(text, q.start)
    if pre and _prefix_kinds().get(pre[3]) and q.kind not in _prefix_kinds()[pre[3]]:
        pre, start = None, q.start
    suf = _suffix_at(text, q.end, q.kind)
    end = suf[0] if suf else q.end
    if goalwords.policy_condition(text, end):
        return None              # 投资1000万元以上的，给予奖励: who qualifies, not a goal
    bound = suf or pre or q.value_max is not None     # a comparison, or a band (500万元—5000万元)
    if bound and (goalwords.award_follows(text, start, end) or goalwords.granted(text, start)
                         or goalwords.in_definition(text, start) or goalwords.class_before_count(text, end)):
        return None              # 达到30万元以上，一次性给予10万元奖励: an incentive's condition
    defines = _defines_category(text, q, start, end) or (
        suf is not None and q.kind == "amount" and _names_a_class(text, end))
    if pre and pre[2] and per and not suf and pre[3] not in rules.words("targets", "raised_rate_words") \
            and _states_a_rate(text, start):
        return None              # 补助标准为每户3000元: a subsidy rate, not a goal (提高到…: a new level is)
    if pre and pre[2] and not suf and goalwords.status(text, start):
        return None              # 贫困发生率为16.68%, 目前已达到85%: what already is
    if suf or (pre and not pre[2]) or (pre and q.unit):
        if defines or (pre and pre[3] in _symbols() and text.startswith(_modifier(), end)):
            return None          # a threshold defining a category: 500万元以上的项目
        op = suf[1] if suf else pre[1]
        unit = tablegoals.cell_unit(text, start, end) if q.unit is None else None
        if unit is not None:     # ≥90 under a unit column, or after 普及率（%）
            q = tablegoals.with_unit(q, unit)
        rule = "time-limit" if q.kind == "duration" else "compare"
        shares = q.kind == "percent" and text.startswith(_modifier(), end) and goalclauses.clause_open(text, start)
        share_at = end + 1 if shares else -1
        return Found(start, end, op, "share" if share_at > 0 else rule, q, per, share_at=share_at,
                     indicator=tablegoals.cell_name(text, start, end))     # a table row: its name cell
    if q.kind == "duration" or defines:
        return None
    return goals.bare(text, q, end, prev)


# --- baselines ------------------------------------------------------------------

@functools.lru_cache(maxsize=None)
def _baseline_words() -> re.Pattern:
    words = [w for w, _, weak, _ in _words("prefix") if not weak or len(w) > 1]
    return rules.word_regex(words)


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
            if end < len(text) and _regex("han_run").match(text[end]) \
                    and not text.startswith(_modifier(), end):
                continue         # the level runs on into more words
            op = suf[1] if suf else ops[m.group()][0]
            out.append(Found(m.start(), end, op, rule.id, baseline=b.group()))
            break
    # 与经济增长基本同步: keeping pace with another quantity, no comparison word
    for rule in rules.pattern_rules("targets", "paced_baselines"):
        out += [Found(m.start(), m.end(), "=", rule.id, baseline=m.group("baseline"))
                for m in rule.regex.finditer(text)]
    return sorted(out, key=lambda f: f.start)


# --- indicators -----------------------------------------------------------------

def _indicator(text: str, f: Found, floor: int) -> tuple:
    """(indicator, per) for one target."""
    q = f.q
    if f.indicator:
        return f.indicator, f.per
    if f.share_at > 0:
        return indicator.population_share(text, f.share_at), f.per
    cell = goalclauses.spaced_cell(text, f.start, f.end)
    if cell:          # a cell of a row whose cells one blank parts: the indicator is the cell's
        floor = max(floor, cell[0])
    counted_after = not goalbuild.named_goal_after(text, f.end) and not (cell and f.end >= cell[1])
    if q is not None and counted_after and (q.kind == "count" or (q.kind == "scalar" and q.unit)):   # 0.8万低收入人口
        noun = indicator.after_noun(text, f.end)
        if noun and _regex("counted_noun_start").match(noun) and _prefix_at(noun + "0", len(noun)) is None:
            # 每个行政村建成1个…: the denominator heads the clause before the count
            per = f.per or indicator.before(text, f.start, floor)[1]
            return indicator.counted_actor(indicator.trim(noun)), per
    ind, per, start = indicator.before(text, f.start, floor)
    if not indicator.finish(ind, per)[0]:     # 确保完成今年8.5亿元投资任务: the thing after it
        measured = q is not None and counted_after and f.rule_id != "time-limit"     # a time limit's is before it
        after = indicator.acting_noun(indicator.after_noun(text, f.end)) if measured else ""
        ind = after or indicator.previous_clause(text, start, floor)
    if f.rule_id == "time-limit":
        ind = indicator.time_limit(ind, indicator.action_after(text, f.end))
    elif q is not None and q.kind == "percent":
        ind = indicator.with_share(ind)
    return ind, f.per or per


# --- assembling -----------------------------------------------------------------

def find(text: str, blockers=()) -> list:
    """All target spans in reading order (numbers and baselines).

    ``blockers`` are the (start, end) spans of the plan's dates: a number
    inside a date is never a target.
    """
    found, prev = [], None
    read = numbers.quantities(text, blockers)
    extra = tablegoals.merged_figures(text, read)
    for q in sorted(read + extra, key=lambda q: q.start) if extra else read:
        f = _decide(text, q, prev)
        if f is not None:
            found.append(f)
            prev = f
    relative = _with_amounts(text, baselines(text), read)
    absorbed = {b.q.start for b in relative if b.q is not None}
    return _resolve_overlaps(text, [f for f in found if f.q is None or f.q.start not in absorbed], relative)


def _with_amounts(text: str, relative: list, read: list) -> list:
    """高于全省平均水平1个百分点: a named level followed at once by an amount is
    one target, the amount its value and the level its baseline."""
    at = {q.start: q for q in read}
    out = []
    for b in relative:
        q = at.get(b.end) if b.q is None else None
        suf = _suffix_at(text, q.end, q.kind) if q is not None else None
        out.append(b if q is None else dataclasses.replace(
            b, end=suf[0] if suf else q.end, op=suf[1] if suf else b.op, q=q))
    return out


def _resolve_overlaps(text: str, numeric: list, relative: list) -> list:
    """One place for overlaps: a numeric target wins over a baseline reading of
    the same words (达到国家标准 inside 达到国家标准的90%)."""
    if not relative:
        return sorted(numeric, key=lambda f: f.start)
    # a population share owns its whole clause (85%以上的村达到…标准)
    shares = [(f.share_at, indicator.clause_end(text, f.share_at)) for f in numeric if f.share_at > 0]
    # so does a count or share that the clause says reaches a level (企业80%达到
    # 市级标准, 30家以上企业达到国家级标准): the level is what is counted, no goal
    reached = numbers.merge_spans([(f.end, goalclauses.comma_end(text, f.end)) for f in numeric
                                   if f.q is not None and f.q.kind in rules.words("targets", "reaching_kinds")])
    taken = numbers.merge_spans([(f.start, f.end) for f in numeric] + shares)
    reach = tuple(rules.words("targets", "share_reach_verbs"))
    kept = numeric + [b for b in relative if not numbers.overlaps(taken, b.start, b.end)
                      and not (text.startswith(reach, b.start) and numbers.overlaps(reached, b.start, b.end))]
    return sorted(kept, key=lambda f: f.start)


def extract_targets(ctx: PlanContext) -> list:
    plan, text, locate = ctx.plan, ctx.text, ctx.locator
    found = goalheadings.outside(find(text, [(d.char_start, d.char_end) for d in ctx.dates]),
                                 goalheadings.state_sections(ctx.nodes) + tablegoals.report_cells(text))
    inds, last_end, last_kind = [], 0, None
    for f in found:
        node = locate.innermost(f.start)
        kind = f.q.kind if f.q is not None else None
        if inds and f.start == last_end and kind in ("count", "percent") and (kind == "count" or last_kind == kind):
            inds.append(inds[-1])    # 搬迁326户1405人: both counts measure one thing (分别达62%25%: one list)
            last_end = f.end
            continue
        last_kind = kind
        floor = max(last_end, node.body_start if node and 0 <= node.body_start <= f.start else 0)
        ind = _indicator(text, f, floor)
        gap = text[last_end:f.start]
        listed = inds and (not gap.strip(goallists.list_marks()) or goallists.strives(gap))
        inds.append(inds[-1] if listed and not ind[0] else ind)    # 增长5%、7%以上: the list's indicator
        last_end = f.end
    distributive.distribute_lists(text, found, inds)
    goallists.share_closing_bounds(text, found)
    inds = [indicator.finish(ind, per) for ind, per in inds]
    out = []
    for f, (ind, per) in zip(found, inds):
        q = f.q
        per = per or goalclauses.per_after(text, f.end)
        out.append(Target(
            doc_id=plan.doc_id, node_id=locate.node_id_at(f.start), indicator=ind,
            comparator=f.op, value=q.value if q else None, unit=q.unit if q else None,
            per=per, baseline=f.baseline, char_start=f.start, char_end=f.end,
            text=text[f.start:f.end], value_max=q.value_max if q else None,
            indicator_norm=indicator.normalise(ind) if ind else None, rule_id=f.rule_id,
            value_base=q.value_base if q else None, unit_base=q.base_unit if q else None))
    return out
