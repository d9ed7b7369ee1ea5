"""Numeric targets: case tables in tests/data/targets_cases.yaml, one test per clause."""
from pathlib import Path

import pytest
import yaml

from extract.records import PlanContext
from extract.facts import quantities as numbers
from extract.facts import dates, targets
from extract.records import Node

from conftest import make_plan

CASES = yaml.safe_load((Path(__file__).parent / "data" / "targets_cases.yaml").read_text(encoding="utf-8"))
ALL = [(group, case) for group, cases in CASES.items() for case in cases]


def _params(cases):
    """One pytest param per case; a case marked `xfail` must fail (strict) until its rule lands."""
    return [pytest.param(c, id=f"{g}:{c['id']}",
                         marks=[pytest.mark.xfail(strict=True, reason=c["xfail"])] if c.get("xfail") else [])
            for g, c in cases]


def _ctx(plan, nodes=()):
    """The context as the pipeline builds it: the plan's dates found first."""
    ctx = PlanContext.build(plan, list(nodes))
    ctx.dates = dates.extract_dates(ctx)
    return ctx


def _norm_unit(u):
    return None if u in ("", None) else u


@pytest.mark.parametrize("case", _params(ALL))
def test_target_case(case):
    plan = make_plan(case["text"])
    found = targets.extract_targets(_ctx(plan))
    expect = case["expect"]
    got = [{k: getattr(t, k) for k in e} for t, e in zip(found, expect)]
    assert len(found) == len(expect), [t.text for t in found]
    for g, e in zip(got, expect):
        if "unit" in e:
            g["unit"], e = _norm_unit(g["unit"]), {**e, "unit": _norm_unit(e["unit"])}
        assert g == e


@pytest.mark.parametrize("case", [c for _, c in ALL], ids=[f"{g}:{c['id']}" for g, c in ALL])
def test_every_target_is_grounded(case):
    plan = make_plan(case["text"])
    for t in targets.extract_targets(_ctx(plan)):
        assert plan.text[t.char_start:t.char_end] == t.text
        assert t.rule_id and t.indicator_norm is not None


@pytest.mark.parametrize("raw,value", [
    ("30", 30), ("1.5", 1.5), ("12,500", 12500), ("１２", 12), ("８５．５", 85.5),
    ("十五", 15), ("两", 2), ("一百二十", 120), ("三点五", 3.5), ("百分之八十", 80),
    ("2万", 20000), ("1.2亿", 1.2e8),
])
def test_parse_number(raw, value):
    assert numbers.parse_number(raw) == pytest.approx(value)


@pytest.mark.parametrize("raw,norm", [
    ("城市生活垃圾无害化处理率", "生活垃圾无害化处理率"),
    ("全市城镇生活污水处理率", "生活污水处理率"),
    ("建成区绿化覆盖率", "建成区绿化覆盖率"),
    ("全市性科普活动", "全市性科普活动"),
    ("“三下乡”活动", "三下乡活动"),
    # a change target: what changes, without its base and change word
    ("单位地区生产总值能耗比上年下降", "单位地区生产总值能耗"),
    ("万元工业增加值用水量较2020年下降", "万元工业增加值用水量"),
    ("农村居民人均可支配收入年均增长", "农村居民人均可支配收入"),
    ("全县社会消费品零售总额同比增长", "社会消费品零售总额"),
    ("增长", "增长"),
    ("人口自然增长率", "人口自然增长率"),
])
def test_indicator_norm(raw, norm):
    from extract.facts import indicator
    assert indicator.normalise(raw) == norm


def _node(node_id, parent, level, start, end, body, text):
    return Node(node_id, "doc-1", parent, level, "", "", start, end, text[start:end], "t", 1, body_start=body)


def test_target_tied_to_innermost_node_and_label_not_in_indicator():
    text = "一、主要目标\n（1）城市绿地率不低于35%。\n（2）人均公园绿地面积达到12㎡以上。\n"
    outer_end = len(text)
    s1 = text.index("（1）")
    s2 = text.index("（2）")
    nodes = [
        _node("n1", None, 1, 0, outer_end, 2, text),
        _node("n1.1", "n1", 2, s1, s2, s1 + 3, text),
        _node("n1.2", "n1", 2, s2, outer_end, s2 + 3, text),
    ]
    found = targets.extract_targets(PlanContext.build(make_plan(text), nodes))
    assert [(t.node_id, t.indicator) for t in found] == [
        ("n1.1", "城市绿地率"), ("n1.2", "人均公园绿地面积")]


@pytest.mark.parametrize("raw", ["一三二", "两两", "〇〇", "十十", "点"])
def test_numeral_strings_that_are_not_numbers(raw):
    assert numbers.parse_number(raw) is None


@pytest.mark.parametrize("sep", ["、", " ", "个、"])
def test_a_line_of_100000_numbers_completes(sep):
    """Bad input: one line of 100,000 numbers costs linear time and gives valid rows."""
    text = "新建" + sep.join(str(i) for i in range(1, 100_001)) + sep
    plan = make_plan(text)
    found = targets.extract_targets(PlanContext.build(plan, []))
    assert all(text[t.char_start:t.char_end] == t.text for t in found)
    assert len(found) <= 100_000


def test_tenths_keep_their_unit_and_scale_to_percent():
    from extract.facts import quantities
    q = quantities.quantities("收入增长两成以上，覆盖八成农户", [])
    assert [(x.value, x.unit, x.value_base, x.base_unit) for x in q] == [
        (2.0, "成", 20.0, "%"), (8.0, "成", 80.0, "%")]


def test_a_number_opens_a_cell_where_the_cut_line_says_it_does():
    """tablegoals tells from the blanks before a number whether it opens a
    cell, without cutting the line: the same answer as the cells themselves,
    on rows of TABs, wide and narrow gaps, ideographic and no-break spaces
    and bars."""
    import random
    from extract.facts import tablegoals
    rnd = random.Random(8)
    pieces = ["12", "3.5", "  ", "\t", "\u3000", "\u3000\u3000", " ", "城镇化率", "%", "\u00a0", "目标",
              "|", " | ", "｜", "\u3000｜"]
    for _ in range(2000):
        line = "".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 20)))
        starts = {s for s, _, _ in tablegoals._cells(line)}
        for pos in range(len(line)):
            if line[pos] in "|｜":
                continue  # a bar is a break, never the start of a number
            assert tablegoals._opens_cell(line, 0, pos) == (pos in starts), (line, pos)
