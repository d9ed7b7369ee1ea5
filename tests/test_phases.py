"""Phases: one row per stage heading, bounded by the first date of its heading or 时间: line."""
from __future__ import annotations

import datetime as dt

import pytest

from extract.facts import dates
from extract.prepare import outline
from extract.records import Node, Plan, PlanContext

PLAN = """某区创建全国文明城区工作实施方案
一、总体目标
力争2022年成功创建全国文明城区。
二、实施步骤
第一阶段：动员部署阶段（2021年3月至4月）
1、成立创建工作指挥部；
2、召开动员大会。
第二阶段:集中整治阶段。
    时间:2021年5月上旬至9月底。
    主要任务:开展环境卫生专项整治。
第三阶段 总结验收阶段 时间：2021年10月-12月
第四步：巩固提升
   常态化推进创建工作。
三、保障措施
（一）准备阶段（2022年1月—2月）
（二）加强组织领导
各单位主要负责同志要亲自抓。
"""

# label → (style, number, level); each label is looked up in PLAN in order.
LABELS = [
    ("一", "cn_top", 1, 1), ("二", "cn_top", 2, 1), ("第一阶段", "phase", 1, 2),
    ("1", "digit", 1, 3), ("2", "digit", 2, 3), ("第二阶段", "phase", 2, 2),
    ("第三阶段", "phase", 3, 2), ("第四步", "phase", 4, 2), ("三", "cn_top", 3, 1),
    ("（一）", "cn_paren", 1, 2), ("（二）", "cn_paren", 2, 2),
]


def _nodes() -> list:
    """Nodes as the outline gives them: a label, its title, its span."""
    starts, pos = [], 0
    for label, *_ in LABELS:
        pos = PLAN.index(label + ("" if label.startswith(("第", "（")) else "、"), pos)
        starts.append(pos)
        pos += len(label)
    nodes = []
    for i, (label, style, number, level) in enumerate(LABELS):
        end = next((starts[j] for j in range(i + 1, len(LABELS)) if LABELS[j][3] <= level), len(PLAN))
        body = starts[i] + len(label)
        body += PLAN[body] in "、：: "
        title = PLAN[body:PLAN.index("\n", body)].split("。")[0].split("；")[0]
        nodes.append(Node(f"n{i}", "d1", None, level, label, title.strip(), starts[i], end,
                          PLAN[starts[i]:end], style, number))
    return nodes


def _plan() -> Plan:
    return Plan("d1", "plan.txt", 1, "某区创建全国文明城区工作实施方案", None, None, None, PLAN)


def _run_phases(plan, nodes):
    ctx = PlanContext.build(plan, nodes)
    ctx.dates = dates.extract_dates(ctx)
    return dates.extract_phases(ctx)


def _phases():
    return _run_phases(_plan(), _nodes())


EXPECTED = [
    # ordinal, name, start, end, heading text
    (1, "动员部署阶段", "2021-03-01", "2021-04-30", "第一阶段：动员部署阶段（2021年3月至4月）"),
    (2, "集中整治阶段", "2021-05-01", "2021-09-30", "第二阶段:集中整治阶段。"),
    (3, "总结验收阶段", "2021-10-01", "2021-12-31", "第三阶段 总结验收阶段 时间：2021年10月-12月"),
    (4, "巩固提升", None, None, "第四步：巩固提升"),
    (1, "准备阶段", "2022-01-01", "2022-02-28", "（一）准备阶段（2022年1月—2月）"),
]


@pytest.mark.parametrize("expected", EXPECTED, ids=[e[1] for e in EXPECTED])
def test_stage_rows(expected):
    rows = {p.name: p for p in _phases()}
    ordinal, name, start, end, heading = expected
    row = rows[name]
    iso = lambda d: d.isoformat() if d else None  # noqa: E731
    assert (row.ordinal, iso(row.start), iso(row.end), row.text) == (ordinal, start, end, heading)
    assert PLAN[row.char_start:row.char_end] == row.text
    assert row.doc_id == "d1" and row.node_id


def test_only_stage_headings_are_phases():
    assert [p.name for p in _phases()] == [e[1] for e in EXPECTED]


def test_phases_from_the_real_outline():
    # The same plan through the outline stage instead of hand-built nodes.
    plan = _plan()
    nodes = outline.parse(plan)
    phases = _run_phases(plan, nodes)
    got = [(p.ordinal, p.name, p.start, p.end) for p in phases]
    assert got == [(o, n, s and dt.date.fromisoformat(s), e and dt.date.fromisoformat(e))
                   for o, n, s, e, _ in EXPECTED]
