"""Date expressions: the case table in data/dates_cases.yaml, the word tables, node ties."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from extract.records import PlanContext
from extract.facts import dates
from extract.facts import datenorm
from extract import rules
from extract.records import Node, Plan

CASES = yaml.safe_load((Path(__file__).parent / "data" / "dates_cases.yaml").read_text(encoding="utf-8"))


def _iso(value):
    return value.isoformat() if isinstance(value, (dt.date, dt.datetime)) else value


def _expected(row):
    span, kind, *rest = row
    if kind == "recurring":
        return (span, kind, None, None, rest[0])
    return (span, kind, _iso(rest[0]), _iso(rest[1]), None)


def _params():
    return [pytest.param(case, id=f"{group}-{case['id']}")
            for group, cases in CASES.items() for case in cases]


@pytest.mark.parametrize("case", _params())
def test_case_table(case):
    year = case.get("year")
    seed = (dt.date(year, 1, 1), dt.date(year, 12, 31)) if year else None
    text = case["text"]
    found = dates.find(text, case.get("title", ""), seed)
    got = [(text[v.start:v.end], v.kind, _iso(v.date_start), _iso(v.date_end), v.period)
           for v in found]
    assert got == [_expected(row) for row in case["dates"]]


@pytest.mark.parametrize("unit", list(datenorm.tables()["periods"]))
def test_every_recurrence_unit_is_reachable(unit):
    # The period table and the `every` rule must not drift apart.
    value = dates.parse(f"每{unit}开展一次检查")
    assert value is not None and value.kind == "recurring"
    designator, count = datenorm.tables()["periods"][unit]
    assert value.period == f"P{count}{designator}"


@pytest.mark.parametrize("part", list(datenorm.tables()["month_parts"]))
def test_every_month_part_is_reachable(part):
    value = dates.parse(f"2021年5月{part}完成", None)
    lo, hi = datenorm.tables()["month_parts"][part]
    assert value.kind == "point" and value.date_start.month == 5
    assert value.date_start.day == (31 if lo == "end" else lo)
    assert value.date_end.day == (31 if hi == "end" else hi)


@pytest.mark.parametrize("part", list(datenorm.tables()["year_parts"]))
def test_every_year_part_is_reachable(part):
    value = dates.parse(f"2021年{part}完成", None)
    lo, hi = datenorm.tables()["year_parts"][part]
    assert (value.date_start.isoformat(), value.date_end.isoformat()) == (f"2021-{lo}", f"2021-{hi}")


@pytest.mark.parametrize("word,month", list(datenorm.tables()["month_words"].items()))
def test_month_words(word, month):
    value = dates.parse(f"2012年{word}月召开", None)
    assert value.date_start == dt.date(2012, month, 1)


def test_rule_examples_are_found():
    # Every pattern rule of rules/dates.yaml finds its examples, none of its counter-examples.
    data = rules.load("dates")
    keys = [k for k, v in data.items() if isinstance(v, list) and v and isinstance(v[0], dict)]
    assert keys
    for key in keys:
        for rule in rules.pattern_rules("dates", key):
            for example in rule.examples:
                assert rule.regex.search(example), (key, rule.id, example)
            for counter in rule.counter_examples:
                assert not rule.regex.search(counter), (key, rule.id, counter)


def test_rule_gates_hold_for_examples():
    # `needs` only skips work: every match of an example holds a character of each set.
    data = rules.load("dates")
    keys = [k for k, v in data.items() if isinstance(v, list) and v and isinstance(v[0], dict)]
    for key in keys:
        for rule in rules.pattern_rules("dates", key):
            for example in rule.examples:
                for m in rule.regex.finditer(example):
                    for chars in rule.data.get("needs") or []:
                        assert any(ch in m.group() for ch in chars), (key, rule.id, example, chars)


PLAN_TEXT = (
    "某县创建文明县城工作实施方案\n"
    "一、工作目标\n"
    "力争2025年创建成功。\n"
    "二、实施步骤\n"
    "(一)动员阶段(2024年3月至4月)\n"
    "1、3月底前成立机构;\n"
    "2、每月通报一次。\n"
)


def _node(node_id, parent, level, label, start, end, style, number):
    return Node(node_id, "d1", parent, level, label, "", start, end, PLAN_TEXT[start:end], style, number)


def _nodes():
    t = PLAN_TEXT
    two, paren = t.index("二、"), t.index("(一)")
    one_item, two_item = t.index("1、"), t.index("2、")
    return [
        _node("n1", None, 1, "一", t.index("一、"), two, "cn_top", 1),
        _node("n2", None, 1, "二", two, len(t), "cn_top", 2),
        _node("n3", "n2", 2, "(一)", paren, len(t), "cn_paren", 1),
        _node("n4", "n3", 3, "1", one_item, two_item, "digit", 1),
        _node("n5", "n3", 3, "2", two_item, len(t), "digit", 2),
    ]


def test_extract_dates_ties_rows_to_innermost_node():
    plan = Plan("d1", "plan.txt", 1, "某县创建文明县城工作实施方案", "某县", None, None, PLAN_TEXT)
    rows = dates.extract_dates(PlanContext.build(plan, _nodes()))
    got = [(r.text, r.kind, r.node_id, _iso(r.start), _iso(r.end), r.period) for r in rows]
    assert got == [
        ("2025年", "point", "n1", "2025-01-01", "2025-12-31", None),
        ("2024年3月至4月", "range", "n3", "2024-03-01", "2024-04-30", None),
        ("3月底前", "deadline", "n4", None, "2024-03-31", None),
        ("每月", "recurring", "n5", None, None, "P1M"),
    ]
    for row in rows:
        assert PLAN_TEXT[row.char_start:row.char_end] == row.text
        assert row.rule_id


def test_plan_without_any_year_never_uses_today():
    text = "1、6月份完成自查;2、年底前完成验收。"
    plan = Plan("d2", "p.txt", 1, "", None, None, None, text)
    rows = dates.extract_dates(PlanContext.build(plan, []))
    assert [(r.kind, r.start, r.end) for r in rows] == [("point", None, None), ("deadline", None, None)]


def _date_rows(text):
    plan = Plan("d3", "p.txt", 1, "", None, None, None, text)
    return [(r.char_start, r.text) for r in dates.extract_dates(PlanContext.build(plan, []))]


def test_copies_of_the_title_at_the_head_of_a_page_give_one_date():
    text = ("大理州关于2026年乡村旅游提质工作的意见-大理州人民政府网\n\n"
            "大理州关于2026年乡村旅游提质工作的意见\n\n来源: 大理州政府办 【字体:\n\n"
            "大理州关于\n\n2026年乡村旅游提质\n\n工作的意见\n\n"
            "各县市人民政府:\n为做好2026年乡村旅游工作,提出如下意见。\n")
    assert _date_rows(text) == [(5, "2026年"), (text.index("为做好") + 3, "2026年")]


def test_a_plan_heading_after_the_notice_that_names_it_keeps_its_date():
    text = ("丽江市关于印发《丽江市古城保护行动方案(2026-2028年)》的通知\n"
            "各区县:\n现将《丽江市古城保护行动方案(2026-2028年)》印发给你们,请认真贯彻执行。\n"
            "丽江市人民政府\n\n丽江市古城保护行动方案(2026-2028年)\n")
    heading = text.rindex("2026-2028年")
    assert heading in [start for start, _ in _date_rows(text)]


def test_a_repeated_sentence_in_the_head_is_said_twice():
    text = "2026年完成改造。\n\n2026年完成改造\n"
    assert len(_date_rows(text)) == 2
