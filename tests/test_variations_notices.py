"""Variation tests from notices that found groups and from town plans: a
page's field table naming the plan with a category tag and its place twice,
a section describing what is (自然地理, 历史灾害) whose figures are no goals,
the office's host that takes on the daily work, an office head named between
two posts, a short known name in a subject list, and the Dai surnames.
Invented text, real places; each with its look-alike.
"""
from __future__ import annotations

from collections import Counter

import pytest

from extract import run_files


def _tables(tmp_path, text: str) -> dict:
    (tmp_path / "p.txt").write_text(text, encoding="utf-8")
    return run_files([str(tmp_path)])


FIELDS = ("索引号: | 0001/202405-00058 | 组配分类: | 应急管理 |\n发布机构: | 洋湖镇人民政府 | 主题分类: | 水利 |\n"
          "名称: | 【应急预案】洋湖镇洋湖镇{kind} | 文号: | 无 |\n成文日期: | 发布日期: | 2024-05-24 | |\n"
          "(1)自然地理\n洋湖镇地处东至县中部，镇域面积188平方公里，下辖12个村，户籍人口31000余人。\n"
          "(2)历史灾害\n1998年遭遇特大暴雨，损毁房屋52间，冲垮河堤2100米，淹没农田1300亩。\n"
          "(3)工作目标\n全镇新建防洪堤坝3处。\n")


def test_a_field_table_names_the_plan_without_its_tag_or_its_doubled_place(tmp_path):
    tables = _tables(tmp_path, FIELDS.format(kind="森林防灭火应急预案"))
    doc = tables["documents"].iloc[0]
    assert doc.title == "洋湖镇森林防灭火应急预案"
    assert doc.city == "洋湖镇"


def test_figures_under_headings_that_describe_what_is_are_no_goals(tmp_path):
    targets = _tables(tmp_path, FIELDS.format(kind="森林防灭火应急预案"))["targets"]
    assert list(targets.text) == ["3处"]


def test_a_heading_that_only_opens_with_a_state_word_is_still_a_task(tmp_path):
    text = ("某县农业发展工作方案\n一、现状分析与提升路径：到2025年新建高标准农田5万亩\n"
            "新建高标准农田5万亩。\n")
    targets = _tables(tmp_path, text)["targets"]
    assert "5万亩" in list(targets.text)


@pytest.mark.parametrize("sentence, units", [
    ("专班办公室设在区水利局，承担专班日常工作。", {("区水利局", "responsible")}),
    ("区水利局承担专班日常工作。", {("区水利局", "responsible")}),
    ("各成员单位要承担主体责任。", set()),
    ("镇宣传办、团委要通过广播宣传整治政策。", {("镇宣传办", "responsible"), ("镇团委", "responsible")}),
])
def test_who_takes_on_the_work_and_a_short_known_name_in_a_subject_list(tmp_path, sentence, units):
    resp = _tables(tmp_path, f"某区河湖治理工作方案\n一、组织保障\n{sentence}\n")["responsibilities"]
    assert set(zip(resp.unit, resp.role)) == units


@pytest.mark.parametrize("sentence, people", [
    ("领导小组办公室主任由派驻纪检组组长钱立言书记兼任。", Counter({("钱立言", "主任"): 1})),
    ("各科室成立工作小组，党政主要负责人任组长，统筹做好防控工作。", Counter()),
    ("组　长：岩温罕（镇党委书记）\n副组长：刀建新（镇党委委员、副镇长）\n", Counter({("岩温罕", "组长"): 1, ("刀建新", "副组长"): 1})),
])
def test_office_heads_party_words_and_dai_names(tmp_path, sentence, people):
    got = _tables(tmp_path, f"某局疫情防控工作方案\n一、组织领导\n{sentence}\n")["people"]
    assert Counter(zip(got.name, got.role)) == people
