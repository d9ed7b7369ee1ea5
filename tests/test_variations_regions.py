"""Variation tests: a region's plan written in simplified and in traditional
characters, and the list shapes of regional plans (a region's level carried
along a list, places that take the body of a later item, a zone's committee,
a list closed by 等县级相关单位, amounts after 实现 in a goal sentence).

Every plan here is invented; the places are real.
"""
from collections import Counter

import opencc
import pytest

from extract import run_files
from extract.prepare import clean
from extract.records import Source
from tests.conftest import assert_facts, facts_of_plans

REGION_PLAN = """中卫市县域物流提升2025年工作计划
一、重点任务
（一）冷链仓储工程。新建冷链仓储中心3个，改造乡镇快递站点40个，提升农产品上行效率。（自治区商务厅牵头，自治区发展改革委、财政厅、中卫市、吴忠市人民政府、宁东管委会配合）
（二）城乡配送工程。到2026年，全市实现快递进村覆盖率95%以上，年内开通城乡配送线路12条。（自治区交通运输厅负责，邮政管理局、中卫市人民政府配合）
二、保障措施
各单位要于2025年6月底前报送进展情况。
"""

REGION_UNITS = Counter({
    ("自治区商务厅", "lead"): 1, ("自治区发展改革委", "assist"): 1, ("自治区财政厅", "assist"): 1,
    ("中卫市人民政府", "assist"): 2, ("吴忠市人民政府", "assist"): 1, ("宁东管委会", "assist"): 1,
    ("自治区交通运输厅", "responsible"): 1, ("自治区邮政管理局", "assist"): 1,
})


def _traditional(text: str) -> str:
    return opencc.OpenCC("s2t").convert(text)


LIST_PLANS = {
    # places before a body that the list's later items do not share
    "later_body": ("""某县农村公路养护方案
一、重点任务
1.完善养护机制。建立县乡村三级路长制度。（县交通运输局牵头，六盘水市、安顺市、毕节市人民政府、县公路管理段配合）
""", Counter({("县交通运输局", "lead"): 1, ("六盘水市人民政府", "assist"): 1, ("安顺市人民政府", "assist"): 1,
              ("毕节市人民政府", "assist"): 1, ("县公路管理段", "assist"): 1}), Counter()),
    # a run broken by a body that names no place: the place before it takes
    # nothing and stands as written (a district is a unit of its own)
    "broken_run": ("""某市停车设施建设方案
一、重点任务
1.新增公共停车泊位。（市住房城乡建设局牵头，雁塔区、市公安局、碑林区人民政府配合）
""", Counter({("市住房城乡建设局", "lead"): 1, ("雁塔区", "assist"): 1, ("市公安局", "assist"): 1,
              ("碑林区人民政府", "assist"): 1}), Counter()),
    # a list closed by its class, with the class's level said as 市级
    "etc_level": ("""某县农村供水保障方案
一、重点任务
1.完善供水工程建设。推进集中供水工程提标改造。
牵头单位：县水利局
责任单位：县自然资源局、县住建局、县生态环境分局等县级相关单位，各乡镇人民政府、城南工业园管委会
""", Counter({("县水利局", "lead"): 1, ("县自然资源局", "responsible"): 1,
              ("县住建局", "responsible"): 1, ("县生态环境分局", "responsible"): 1,
              ("城南工业园管委会", "responsible"): 1}), Counter()),
}


@pytest.fixture(scope="module")
def tables(tmp_path_factory):
    plans = dict(LIST_PLANS)
    plans["region_simplified"] = (REGION_PLAN, REGION_UNITS, Counter())
    plans["region_traditional"] = (_traditional(REGION_PLAN), REGION_UNITS, Counter())
    return facts_of_plans(tmp_path_factory.mktemp("regions"), plans)


@pytest.mark.parametrize("name", ["region_simplified", "region_traditional"])
def test_a_region_plan_gives_its_units_in_either_script(tables, name):
    plans = {name: (None, REGION_UNITS, Counter())}
    assert_facts(plans, tables, name)


@pytest.mark.parametrize("name", sorted(LIST_PLANS))
def test_list_shapes_of_regional_plans(tables, name):
    assert_facts(LIST_PLANS, tables, name)


def test_traditional_page_gives_the_same_targets_and_dates(tmp_path):
    (tmp_path / "simplified.txt").write_text(REGION_PLAN, encoding="utf-8")
    (tmp_path / "traditional.txt").write_text(_traditional(REGION_PLAN), encoding="utf-8")
    got = run_files([str(tmp_path)])
    docs = dict(zip(got["documents"].source_path.map(lambda p: p.split("/")[-1]), got["documents"].doc_id))

    def facts(kind, cols, name):
        rows = got[kind][got[kind].doc_id == docs[name]]
        return sorted(map(tuple, rows[cols].astype(str).values.tolist()))

    for kind, cols in (("targets", ["comparator", "value", "unit", "char_start"]),
                       ("dates", ["kind", "start", "end", "char_start"])):
        assert facts(kind, cols, "simplified.txt") == facts(kind, cols, "traditional.txt")
    assert len(facts("targets", ["value"], "simplified.txt")) == 4
    warned = got["warnings"] if "warnings" in got else None
    if warned is not None and len(warned):
        assert not warned.source_path.str.endswith("simplified.txt").any()


def _cleaned(text: str) -> tuple:
    notes: list = []
    return clean.to_simplified(text, notes, "plan.txt"), notes


def test_traditional_text_is_read_one_character_for_one():
    text = _traditional(REGION_PLAN)
    out, notes = _cleaned(text)
    assert len(out) == len(text) and out.count("\n") == text.count("\n")
    assert "自治区商务厅牵头" in out and "牽頭" not in out
    assert [n.warning for n in notes] == ["TraditionalRead"]


@pytest.mark.parametrize("text", [
    REGION_PLAN,
    # a simplified plan that quotes a few traditional names stays as written
    REGION_PLAN + "（参照臺灣地區與香港特別行政區經驗）\n",
    "",
])
def test_simplified_text_is_left_alone(text):
    out, notes = _cleaned(text)
    assert out == text and notes == []


def test_a_file_says_it_was_read_in_simplified_characters(tmp_path):
    path = tmp_path / "fanti.txt"
    path.write_text(_traditional(REGION_PLAN), encoding="utf-8")
    source = Source(path=str(path), kind="text", content=path.read_text(encoding="utf-8"),
                    encoding="utf-8", digest="0" * 40)
    cleaned = clean.clean(source)
    assert any(n.warning == "TraditionalRead" and str(path) in n.message for n in cleaned.notes)


GOAL_AMOUNTS = [
    # (sentence, the amounts that are goals)
    ("到2027年，全县实现地区生产总值185亿元，农村居民人均可支配收入2.3万元。", ["185", "2.3"]),
    ("至2027年，某县实现工业总产值86亿元，城镇居民人均收入42800元。", ["86", "42800"]),
    ("截至2023年底，全县实现一般公共预算收入9.6亿元。", []),           # what already is
    ("2019年至2023年，全县实现地区生产总值年均120亿元。", []),          # a past span
]


@pytest.mark.parametrize("sentence,values", GOAL_AMOUNTS)
def test_amounts_after_a_goal_state_verb(tmp_path, sentence, values):
    (tmp_path / "plan.txt").write_text(f"某县经济发展工作方案\n一、发展基础\n{sentence}\n", encoding="utf-8")
    got = run_files([str(tmp_path)])["targets"]
    assert sorted(f"{v:g}" for v in got.value) == sorted(values)
