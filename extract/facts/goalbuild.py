"""The goal rules of action clauses (goals.py tries them in order): a count
or amount right after an action verb (建成19座污水处理厂), closing a clause
opened by one (新建管网25公里) or by a denominator (每千人口拥有医师3人), closing
an item that names the counted thing (示范村15个；), or after a label and a
colon (户厕改造：1200户); with the tests of the words before the number they
share (a counted noun, a verb the tagger finds, a ratio's denominator).
"""
from __future__ import annotations

import functools
from typing import Optional

from . import indicator
from .. import rules
from ..text import nlp
from .goalclauses import Found, _clause_head, _goal_state, _not_a_goal, buildable, clause_open, item_end
from .goalwords import (_any_regex, _han_run, _tail_regex, _verb_before, _verb_head, _words, colon_label, items_before, quote_before,
                        ends_with_any, goal_sentence, places_before, skip_back, states_goal, under_goal_heading, without_quotes)


def _build_before(text: str, q, after: int, prev) -> Optional[Found]:
    """建成19座污水处理厂, 培训农民200人次: a count right after an action verb."""
    multiplied = q.kind == "scalar" and bool(q.unit)    # 0.6万贫困人口: a count in 万
    if not (buildable(q) or multiplied):
        return None
    pos = skip_back(text, q.start)
    scope = ends_with_any(text, pos, _words("scope_words"))
    if scope:
        pos -= len(scope)
    placed = places_before(text, pos)        # 完成旬阳市、白河县|两处: the verb is before the places
    quoted = quote_before(text, pos)         # 完成“……行动计划”|5个: or before a quoted name
    listed = items_before(text, pos)         # 完成县指挥中心、|18个……: or before a list's first item
    verb = ((_verb_before(text, pos) or (placed < pos and _verb_before(text, placed))
             or (quoted < pos and _verb_before(text, quoted)) or (listed < pos and _verb_before(text, listed)))
            and not multiplied) or _goal_state(text, pos, q)
    # 三年计划总任务620公里: an amount named as the task or goal itself
    named = q.kind == "amount" and ends_with_any(text, pos, _words("goal_nouns")) is not None
    if (verb or named) and not _not_a_goal(text, q, _clause_head(text, q)):
        return Found(q.start, after, "=", "build", q)
    return None


def named_goal_after(text: str, after: int) -> bool:
    """的目标 / 的任务 closing the clause right at ``after``: what comes before is the goal
    itself (a 目标人群 after it is a class again)."""
    de = indicator._cfg("modifier_mark")
    if not text.startswith(de, after):
        return False
    noun = next((w for w in _words("goal_nouns") if text.startswith(w, after + len(de))), None)
    return noun is not None and item_end(text, after + len(de) + len(noun))


def _named_as_goal(text: str, q, after: int, prev) -> Optional[Found]:
    """完成农业转移人口落户城镇300万人的目标: a count or amount named the goal or
    task itself (的目标 closing the clause), in a clause a goal or action verb opens."""
    if not buildable(q) or not named_goal_after(text, after):
        return None
    start, _ = indicator.clause_start(text, q.start)
    head = without_quotes(text[start:q.start])       # the verb may follow 力争 or 计划
    verb = _any_regex("goal_states").search(head) or _verb_head().search(head)
    return Found(q.start, after, "=", "build", q) if verb and not _not_a_goal(text, q, head) else None


def _named_amount(text: str, q, after: int, prev) -> Optional[Found]:
    """全年粮食播种面积4600万亩, (主要目标是：)预计税收收入3200万元: an amount closing its
    item after the noun of what it measures, in a goal sentence or a clause that
    opens with the plan's year (全年)."""
    if q.kind != "amount" or not item_end(text, after):
        return None
    start, _ = indicator.clause_start(text, q.start)
    raw = text[start:q.start].strip()
    yearly = next((w for w in _words("yearly_scopes") if raw.startswith(w)), None)
    head = indicator.strip_leading(raw[len(yearly):] if yearly else raw)
    goal = yearly or goal_sentence(text, q.start)
    state = _any_regex("goal_states").search(head) if goal else None
    if state:               # 到2026年，全县实现地区生产总值120亿元: the noun after the state verb
        head = head[state.end():]
    if not head or not _counted_noun(head) or _not_a_goal(text, q, head):
        return None
    return Found(q.start, after, "=", "counted", q) if goal else None


def _count_then_verb(text: str, q, after: int, prev) -> Optional[Found]:
    """7个乡镇卫生院完成搬迁, 20所学校实现…全覆盖: a count opening its clause, the
    counted thing, then the action it is to have done (a building or goal verb)."""
    if q.kind != "count" or not clause_open(text, q.start):
        return None
    rest = text[after:indicator.clause_end(text, after)]
    verb = _any_regex("subject_verbs").search(rest)
    if verb is None or not _counted_noun(rest[:verb.start()]):
        return None
    if _any_regex("standard_words").search(rest) or _not_a_goal(text, q, rest[:verb.start()]):
        return None
    return Found(q.start, after, "=", "build", q)


def _bracketed_count(text: str, q, after: int, prev) -> Optional[Found]:
    """新建公办幼儿园（3所）: a count alone in brackets after the thing it counts,
    read as if written after it (新建公办幼儿园3所), the clause ending after the bracket."""
    opens, closes = indicator._pairs()
    pos = skip_back(text, q.start)
    if q.kind != "count" or pos == 0 or text[pos - 1] not in opens or after >= len(text) or text[after] not in closes:
        return None
    if not item_end(text, after + 1):
        return None
    start, _ = indicator.clause_start(text, pos - 1)
    head = indicator.strip_leading(text[start:pos - 1])
    found = _built_by_head(text, q, after, head) if head else None
    if found is not None and found.rule_id == "counted" and not under_goal_heading(text, q.start):
        return None               # 全县幼儿园（38所）: a bare noun names what is, outside a goal list
    if found is not None:         # the indicator is read before the bracket, back to the item before
        item = max(text.rfind(c, start, pos - 1) for c in (*closes, *_words("list_joiners"))) + 1
        found.indicator = indicator.before(text, pos - 1, max(start, item))[0] or None
    return found


def _build_after(text: str, q, after: int, prev) -> Optional[Found]:
    """新增就业岗位5000个。: a clause holding an action verb, ending in a count.

    每千人口拥有医师3人: a denominator and 拥有 open a ratio the same way;
    示范村15个；: a count closing an item that names only the counted thing.
    """
    if not buildable(q) or not item_end(text, after):
        return None
    head = _clause_head(text, q)
    found = _built_by_head(text, q, after, head)
    unquoted = without_quotes(head)
    if found is None and unquoted and unquoted != head:     # 育成“丰优258”小麦品种2个
        found = _built_by_head(text, q, after, unquoted)
    if found is None:
        # 争取上级资金3.5亿元: a word that marks a goal (争取, 力争) may be the verb itself
        start, _ = indicator.clause_start(text, q.start)
        raw = text[start:q.start].strip()
        if raw != head and _verb_head().match(raw):
            found = _built_by_head(text, q, after, raw)
    return found


def _built_by_head(text: str, q, after: int, head: str) -> Optional[Found]:
    """The tests of ``_build_after`` on the words of the clause before the count."""
    scope = next((w for w in _words("scope_words") if head.startswith(w)), "")
    head = head[len(scope):]
    per = _leading_per(head)
    if per:
        return Found(q.start, after, "=", "build", q, per=per) if _opens_ratio(head, per) else None
    if not head or _not_a_goal(text, q, head):
        return None
    verb = _verb_head().search(head)
    if verb and verb.end() < len(head) and not _tail_regex("stative_verbs").search(head[:verb.start()]):
        return Found(q.start, after, "=", "build", q)
    if states_goal(text, q):
        return Found(q.start, after, "=", "build", q)
    if _opens_with_tagged_verb(head):
        return Found(q.start, after, "=", "build", q)
    if q.kind == "count" and _counted_noun(head) and not _heads_enumeration(text, after) \
            and not (scope and _stock(text, q, head)):
        return Found(q.start, after, "=", "counted", q)
    return None


@functools.lru_cache(maxsize=4096)
def _opens_with_tagged_verb(head: str) -> bool:
    """补播改良草原 (of 补播改良草原4.5万亩): a head that opens with a verb the word
    lists lack (the tagger's v) and ends in the noun it acts on. Stative and
    passive verbs (涉及, 受益) state what is, not what is to be done."""
    if len(head) > _COUNTED_MAX or not _han_run().fullmatch(head):
        return False
    words = list(nlp.posseg().cut(head))
    if len(words) < 2 or not words[-1].flag.startswith("n"):
        return False
    first = words[0]
    return (first.flag in _words("head_verb_tags") and first.word not in _words("stative_verbs")
            and first.word not in _words("not_goal_head_verbs"))


def _opens_ratio(head: str, per: str) -> bool:
    """每千人口拥有医师: the denominator, a verb of having, then the counted thing.
    The counted households may be named again before the verb (每百户农户拥有电脑),
    in a short noun with no verb of building in it."""
    for pos in range(len(per), len(per) + rules.load("targets")["per_noun_gap"] + 1):
        gap = head[len(per):pos]
        if gap and (not _han_run().fullmatch(gap) or _any_regex("build_verbs").search(gap)):
            return False
        if any(head.startswith(v, pos) and len(head) > pos + len(v) for v in _words("per_verbs")):
            return True
    return False


def _heads_enumeration(text: str, after: int) -> bool:
    """长寨街道4个：磨油村、…: a count before a colon introduces a list of names."""
    stop = min(len(text), after + 8)
    return any(rule.regex.match(text, after, stop) for rule in rules.pattern_rules("targets", "enumeration_heads"))


# a counted thing is a short noun phrase (省级美丽乡村示范村); a longer head is prose
_COUNTED_MAX = 20


@functools.lru_cache(maxsize=4096)
def _counted_noun(head: str) -> bool:
    """示范村 (of 示范村15个): the head is a short noun phrase ending in a noun.

    A stative verb makes it a state (现有行政村120个); a head ending in a
    name or abbreviation (市委四届七次、八次全会) names no counted thing.
    """
    cjk = sum(len(m.group()) for m in _han_run().finditer(head))
    if cjk < 2 or len(head) > _COUNTED_MAX or _any_regex("stative_verbs").search(head):
        return False
    words = list(nlp.posseg().cut(head))
    return bool(words) and words[-1].flag.startswith("n")


def stock_clause(text: str, q, head: str) -> bool:
    """全县行政村156个 (the words before the count, scope word first): what a place has."""
    scope = next((w for w in _words("scope_words") if head.startswith(w)), "")
    return bool(scope) and _stock(text, q, head[len(scope):])


def _stock(text: str, q, head: str) -> bool:
    """全县总人口28万人, 全县行政村156个: a population or the divisions a place has
    (its scope word before them), outside a goal sentence, are counted as they are."""
    return ends_with_any(head, len(head), _words("stock_nouns")) is not None and not goal_sentence(text, q.start)


def _leading_per(head: str) -> Optional[str]:
    for rule in rules.pattern_rules("targets", "per"):
        m = rule.regex.match(head)
        if m:
            return m.group()
    return None


def _labelled(text: str, q, after: int, prev) -> Optional[Found]:
    """户厕改造：1200户: a count or amount closing its item after a label and a
    colon, decided on the label as on a clause head; a bare noun label
    (示范村：15个) only in a list under a goal or task heading."""
    if not buildable(q) or not item_end(text, after):
        return None
    label = colon_label(text, skip_back(text, q.start))
    found = _built_by_head(text, q, after, label) if label else None
    if found is None and label and not _not_a_goal(text, q, label) \
            and ends_with_any(label, len(label), (*_words("build_verbs"), *_words("action_verbs"))):
        found = Found(q.start, after, "=", "build", q)      # 户厕改造: the work the label names
    if found is not None and found.rule_id == "counted" and not under_goal_heading(text, q.start):
        return None
    return found

