"""The goal rules that read a number by the items around it (goals.py tries
them in order): the next item of a list whose first item was a target
(19座污水处理厂、4个…), a count summing up the names listed before it
(板沟村、新民村等5个贫困村), a part of the target just before, opened by
其中 (新增设施农业5000亩，其中日光温室1200亩), and a total of planned things
heading the amounts planned for them (重点项目共56个，总投资300亿元).
"""
from __future__ import annotations

from typing import Optional

from . import indicator
from . import quantities as numbers
from .. import rules
from ..text import nlp
from .goalbuild import _COUNTED_MAX, _counted_noun, stock_clause
from .goalclauses import _LIST_GAP, Found, _clause_head, _not_a_goal, _past_aside, buildable, item_end
from .goalwords import _any_regex, _han_run, _han_tail, _verb_before, _words, ends_with_any, goal_sentence, skip_back


def _breakdown(text: str, q, after: int, prev) -> Optional[Found]:
    """新增设施农业5000亩，其中日光温室1200亩: a part of the target just before,
    in the same sentence, opened by 其中 and naming only the part."""
    if prev is None or prev.q is None or not buildable(q) or q.start - prev.end > _LIST_GAP:
        return None
    between = text[prev.end:q.start]
    last_break = max((between.rfind(ch) for ch in _words("sentence_breaks")), default=-1)
    words = _words("breakdown_words")
    # ……17万亩。其中：早稻3万亩: the next sentence may open with the word and a colon
    if last_break >= 0 and not between[last_break + 1:].lstrip().startswith(tuple(words)):
        return None
    s, _ = indicator.clause_start(text, q.start)
    head = text[s:q.start].strip()
    colon = text[:s - 1].rstrip() if s and text[s - 1] in _words("breakdown_colons") else ""
    if colon.endswith(tuple(words)) and not head.startswith(tuple(words)):
        head = next(w for w in words if colon.endswith(w)) + head
    word = next((w for w in words if head.startswith(w)), None)
    if word is None:
        return None
    if not head[len(word):] and q.kind == "count":      # 其中63个省级补助村: the part after its count
        stop = next((i for i in range(after + 1, min(len(text), after + _COUNTED_MAX) + 1)
                     if item_end(text, i) or text[i] in rules.load("targets")["list_marks"]), None)
        return Found(q.start, after, "=", "breakdown", q) if stop and _part_named(text[after:stop]) else None
    if not _counted_noun(head[len(word):]) or not item_end(text, _past_aside(text, after)):
        return None
    return Found(q.start, after, "=", "breakdown", q)


def _part_named(words: str) -> bool:
    """省级补助村 (of 其中63个省级补助村): what a classifier counts, no state or act
    (其中63户为示范户, 其中3个已完工); jieba may tag its last character alone (村: zg)."""
    if len(words) > _COUNTED_MAX or not _han_run().fullmatch(words) or _any_regex("stative_verbs").search(words):
        return False
    last = list(nlp.posseg().cut(words))[-1].flag
    return not last.startswith(("v", "d", "a"))


def _total_before_amounts(text: str, q, after: int, prev) -> Optional[Found]:
    """重点项目共56个，总投资300亿元: a total (共) of the counted thing closing its
    clause, with the next clause of its sentence planning an amount for them."""
    commas = rules.load("targets")["list_commas"]
    if q.kind != "count" or after >= len(text) or text[after] not in commas:
        return None
    pos = skip_back(text, q.start)
    mark = ends_with_any(text, pos, _words("total_marks"))
    if mark is None:
        return None
    start, _ = indicator.clause_start(text, pos - len(mark))
    head = indicator.strip_leading(text[start:pos - len(mark)])
    if not _counted_noun(head) or _not_a_goal(text, q, head):
        return None
    return Found(q.start, after, "=", "total", q) if _plans_amount(text, after + 1) else None


def _plans_amount(text: str, start: int) -> bool:
    """The clause at ``start`` opens with an amount right after an action verb (总投资|300亿元)."""
    m = numbers.number_regex().search(text, start, indicator.clause_end(text, start))
    if m is None:
        return False
    amount = numbers.read_quantity(text, m)
    return amount is not None and amount.kind == "amount" and _verb_before(text, skip_back(text, m.start()))


def _list_summary(text: str, q, after: int, prev) -> Optional[Found]:
    """板沟村、新民村等5个贫困村出列 in a goal sentence: the count sums up the
    list of names before it, and the counted thing follows."""
    if q.kind != "count" or after >= len(text) or not _han_run().match(text, after):
        return None
    pos = skip_back(text, q.start)
    head = _clause_head(text, q)
    summed = ends_with_any(text, pos, _words("list_summary_words")) or (
        rules.load("targets")["list_marks"] in head and _han_tail().search(head))
    if summed and (goal_sentence(text, q.start) or _acts_on_list(head)) and not _not_a_goal(text, q, head):
        return Found(q.start, after, "=", "list-summary", q)
    return None


def _acts_on_list(head: str) -> bool:
    """引进甲科技等8家研发机构, 启动河口、白沙等6个乡镇……建设: an action verb
    before the list of names that the count sums up plans the count."""
    first = head.find(rules.load("targets")["list_marks"])
    before = head[:first] if first >= 0 else head
    if any(w in before for w in _words("done_marks")):
        return False        # 已引进甲公司、乙公司等5家企业: what was done
    return any(_any_regex(key).search(before) for key in ("build_verbs", "action_verbs"))


def _list_item(text: str, q, after: int, prev) -> Optional[Found]:
    """The next item of a list whose first item was a target.

    19座污水处理厂、4个…; 达30%、20%和10%; and counts sharing one verb across
    commas: 培育3家…平台，20家…平台.
    """
    if prev is None or q.unit is None or not _same_kind(q, prev) or q.start - prev.end > _LIST_GAP:
        return None
    gap = text[prev.end:q.start]
    breaks = [ch for ch in gap if ch in indicator._breaks()]
    joined = ends_with_any(gap, len(gap), _words("list_joiners"))
    listed = prev.rule_id in _words("list_continues")
    commas = rules.load("targets")["list_commas"]
    one_comma = listed and len(breaks) == 1 and breaks[0] in commas
    comma_list = one_comma and q.kind == "count" and gap.rstrip()[-1:] in commas
    # an amount after its own words keeps its own indicator: not chained to the item before
    if one_comma and not comma_list and _comma_item(text, q, after, prev, gap):
        # its own words and no comparison of its own: a bare amount (…1.2万亩以上，森林抚育5000亩)
        return Found(q.start, after, "=", "list-item", q, prev.per)
    # 搬迁1297户7000人: a count of households and of people written together
    paired = (q.kind == "count" and prev.q is not None and prev.q.kind == "count"
              and q.start == prev.end and q.unit != prev.q.unit)
    # 分别达62%25%: two shares whose 、 the page lost (a share cannot run on into a number)
    glued = (q.kind == "percent" and prev.q is not None and prev.q.kind == "percent" and q.start == prev.end)
    if (joined and not breaks) or comma_list or paired or glued:
        return Found(q.start, after, prev.op, "list-item", q, prev.per, prev=prev)
    return None


def _comma_item(text: str, q, after: int, prev: Found, gap: str) -> bool:
    """An amount or count after an item that can be planned, after one comma and the
    words it measures, closing its own item (…面积1300万亩，…面积620万亩，;
    新建幼儿园3所，卫生室5个，农村公路120公里), continues the list; words with a
    stative verb state what is (现有管网120公里)."""
    words = gap.lstrip(rules.load("targets")["list_commas"] + " ")
    return (q.kind in ("amount", "count") and buildable(prev.q) and item_end(text, after)
            and _han_run().fullmatch(words) is not None
            and not _any_regex("stative_verbs").search(words) and not _not_a_goal(text, q, words)
            and not stock_clause(text, q, words))


def _same_kind(q, prev: Found) -> bool:
    """Built things may mix counts and lengths: 新建公园5个、绿道12公里."""
    if q.kind == prev.q.kind:
        return True
    return prev.rule_id in _words("list_continues") and buildable(q) and buildable(prev.q)


def share_closing_bounds(text: str, found: list) -> None:
    """分别增长5%、7%以上, 达到90%、95%以上: a bound written once after a list's
    last item holds for the items before it, joined by list marks alone (in place)."""
    bounds = {e["op"]: tuple(e["words"]) for e in rules.load("targets")["comparators"]["suffix"]
              if e["op"] != "=" and "kinds" not in e}      # 以上 / 以下, not 左右 nor a duration's 内
    marks = list_marks()
    carried = set()      # ids of the items that took a bound from the item after them
    for f, g in reversed(list(zip(found, found[1:]))):
        if f.op != "=" or g.op not in bounds or f.q is None or g.q is None or f.q.kind != g.q.kind:
            continue
        gap = text[f.end:g.start]
        if gap and not gap.strip(marks) and (id(g) in carried or text.endswith(bounds[g.op], g.start, g.end)):
            f.op = g.op
            carried.add(id(f))


def list_marks() -> str:
    """The characters that part a list's items (、 and the joiners 和/及/与)."""
    return rules.load("targets")["list_marks"] + "".join(_words("list_joiners"))


def _striven_for(text: str, q, after: int, prev) -> Optional[Found]:
    """增长9%，力争10%: a figure the plan strives for beyond the target before it,
    alone in its clause after a striving word; it measures what that one does."""
    if prev is None or prev.q is None or q.kind != prev.q.kind or q.start - prev.end > _LIST_GAP:
        return None
    head = text[indicator.clause_start(text, q.start)[0]:q.start]
    return Found(q.start, after, "=", "striven", q, prev.per, prev=prev) if strives(head) else None


def strives(gap: str) -> bool:
    """The words between two targets (or before the second in its clause) are
    a striving word and at most a verb (，力争 / ，力争达到): one indicator."""
    head = gap.strip().lstrip(rules.load("targets")["list_commas"]).strip()
    word = next((w for w in _words("striving_words") if head.startswith(w)), None)
    rest = head[len(word):] if word else None
    return rest is not None and (not rest or rest in _words("striving_fillers"))
