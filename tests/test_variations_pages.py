"""Variation tests: layouts of scanned and scraped pages that earlier rules
missed. A task table flattened to one cell per line with no 序号 column (the
task carries its own number, the leader and the units on the lines below); a
roster whose members sit one blank apart with their posts in brackets; a
member noted as holding a second post (兼办公室主任); a
town that issues through its party committee; an autonomous prefecture
written with its ethnic part dropped but its suffix kept.

Every plan here is invented; the places are real.
"""
from collections import Counter

import pytest

from extract import run_files
from tests.conftest import facts_of_plans

R, L = "responsible", "责任领导"

PLANS = {
    # no 序号: the task line opens each row, names then units below it,
    # blank lines between every cell
    "flat_labelled_rows": ("""附件

2026年重点工作任务责任分解

工作任务

责任领导

责任单位

一、经济发展指标

1. 地区生产总值增长6%左右。

钟立群

市发改委、市统计局

2. 规模以上工业增加值增长8%。

钟立群

潘海涛

市经信局、市商务局

二、城市建设

3. 完成城镇老旧小区改造120个。

葛文斌

市住建局
""", Counter({("市发改委", R): 1, ("市统计局", R): 1, ("市经信局", R): 1, ("市商务局", R): 1, ("市住建局", R): 1}),
        Counter({("钟立群", L): 2, ("潘海涛", L): 1, ("葛文斌", L): 1})),
    # members one blank apart, a blank also between a name and its bracket
    "roster_blank_before_bracket": ("""关于成立某区河道保洁工作领导小组的通知
一、组成人员
组长：汤文生(区政府副区长) 副组长：吕红梅(区水利局局长)
成员：卜建华(区财政局局长) 蔺立军 (区城管局局长) 霍晓东(区农业农村局副局长)
""", Counter(), Counter({("汤文生", "组长"): 1, ("吕红梅", "副组长"): 1, ("卜建华", "成员"): 1,
                          ("蔺立军", "成员"): 1, ("霍晓东", "成员"): 1})),
    # a second post noted beside a member's own makes them the office's 主任 too
    "second_post_in_brackets": ("""某县第七次全国人口普查领导小组组成人员名单
组　长：
龙 平 副县长
副组长：
樊立明 县统计局局长(兼领导小组办公室主任)
成　员：
阮志刚（县财政局副局长，兼办公室副主任）
乔红梅　县公安局副局长
""", Counter(), Counter({("龙平", "组长"): 1, ("樊立明", "副组长"): 1, ("樊立明", "主任"): 1,
                          ("阮志刚", "成员"): 1, ("阮志刚", "副主任"): 1, ("乔红梅", "成员"): 1})),
    # one space between cells, headers in their own words (…任务分解, 完成期限)
    "spaced_zone_table": ("""2026年度某高新区重点工作任务分解一览表
序号 重点工作任务分解 责任领导 责任部门 完成期限 监督方式
1 主动对接周边开发区，共建联动创新区。 方立军 经济发展局 持续推进 区委、区政府
2 探索产业跨地区转移利益共享机制。 胡明、方立军 科技中心、经济发展局 持续推进 区委、区政府
""", Counter({("经济发展局", R): 2, ("科技中心", R): 1}),
        Counter({("方立军", L): 2, ("胡明", L): 1})),
    # a space-aligned table without 序号 whose rows open with the town responsible
    "towns_table": ("""陆良县2026年高标准农田建设实施方案
二、任务分解
责任乡镇        新建任务        配合单位                      完成时限
中枢街道        0.35万亩        县农业农村局、县水务局        2026年10月
马街镇          0.8万亩         县农业农村局                  2026年11月
""", Counter({("中枢街道", R): 1, ("马街镇", R): 1, ("县农业农村局", "assist"): 2, ("县水务局", "assist"): 1}),
        Counter()),
}

# counter-examples: a short heading, a role word and a numbered sentence in
# running text do not make a table, and no leader is read from them
NOT_TABLES = {
    "prose_with_role_words": ("""某县农村公路养护工作方案
一、工作安排
责任单位
1. 各乡镇要在年底前完成路况排查。
县交通运输局负责技术指导。
""", Counter({("县交通运输局", R): 1}), Counter()),
}


@pytest.fixture(scope="module")
def tables(tmp_path_factory):
    return facts_of_plans(tmp_path_factory.mktemp("pages"), {**PLANS, **NOT_TABLES})


@pytest.mark.parametrize("name", sorted(PLANS) + sorted(NOT_TABLES))
def test_page_layouts(tables, name):
    _, units, people = {**PLANS, **NOT_TABLES}[name]
    got_units, got_people = tables[name]
    assert got_units == units, f"{name}: missing {units - got_units}, extra {got_units - units}"
    assert got_people == people, f"{name}: missing {people - got_people}, extra {got_people - people}"


def test_flat_rows_tie_leaders_to_their_task(tmp_path):
    (tmp_path / "p.txt").write_text(PLANS["flat_labelled_rows"][0], encoding="utf-8")
    got = run_files([str(tmp_path)])
    nodes = got["nodes"].set_index("node_id")
    where = {(name, nodes.loc[node, "label"]) for name, node in zip(got["people"].name, got["people"].node_id)}
    assert where == {("钟立群", "1"), ("钟立群", "2"), ("潘海涛", "2"), ("葛文斌", "3")}


LOCALITIES = {
    # a town that issues through its party committee and its government
    "town_committee": ("中共石门镇委员会 石门镇人民政府 关于印发《石门镇人居环境整治实施方案》的通知\n"
                       "一、工作目标\n全镇完成改厕300户。\n", "石门镇"),
    # the ethnic part dropped, the suffix kept
    "prefecture_short": ("湘西自治州人民政府办公室关于印发湘西自治州文旅融合行动计划的通知\n"
                         "一、主要任务\n建设精品民宿50家。\n", "湘西自治州"),
    "county_short": ("长阳自治县2026年清江保护工作方案\n一、重点任务\n完成岸线整治12公里。\n", "长阳自治县"),
}


@pytest.mark.parametrize("name", sorted(LOCALITIES))
def test_issuing_locality(tmp_path, name):
    text, city = LOCALITIES[name]
    (tmp_path / "p.txt").write_text(text, encoding="utf-8")
    docs = run_files([str(tmp_path)])["documents"]
    assert list(docs.city) == [city]


def test_second_post_keeps_the_members_own_unit(tmp_path):
    (tmp_path / "p.txt").write_text(PLANS["second_post_in_brackets"][0], encoding="utf-8")
    people = run_files([str(tmp_path)])["people"]
    units = {(n, r): u for n, r, u in zip(people.name, people.role, people.unit)}
    assert units[("樊立明", "副组长")] == units[("樊立明", "主任")] == "县统计局"
    assert units[("阮志刚", "成员")] == "县财政局"
