"""Variation tests: pages whose catalogue of fields comes as a barred table
(索引号 | … | 成文日期 | …, 名称 | ……方案 |, | 标题:…… | |), a title line
followed by empty cells, a town's plan that names its town only in the
title, a leader's label whose value is a name that is also a place, a
flattened table whose header words broke over two lines (责任 / 领导), a
one-space task row whose first cells merged with the rows above, and a
column of places (建设地点) beside the unit column.

Every plan here is invented; the places are real.
"""
from collections import Counter

import pytest

from tests.conftest import assert_facts, document_fields, facts_of_plans

BODY = "为做好今年重点工作，制定本方案。\n一、工作目标\n全年完成造林1200亩。\n"

FIELD_PAGES = {
    # the title only in the 名称 cell of the catalogue
    "name_cell": ("索引号 | 11520000MB0000001X/2026-00001 | 成文日期 | 2026-03-02 |\n"
                  "文号 | 发布时间 | 2026-03-05 | |\n发布机构 | 是否有效 | ||\n"
                  "名称 | 黔南州2026年国土绿化行动工作方案 |\n" + BODY,
                  "黔南州2026年国土绿化行动工作方案"),
    # | 标题:…… | | among cells with colons
    "title_cell": ("字体大小:【大】 【中】 【小】\n| 索引号:000000001/2026-00002 | |\n"
                   "| 发文机关:郏县人民政府 | 主题词:工作方案 |\n| 标题:郏县2026年农村公路养护工作方案 | |\n"
                   "| 主题分类:综合政务 | 发布日期:2026-01-05 |\n" + BODY,
                   "郏县2026年农村公路养护工作方案"),
    # the title line itself closed by empty cells
    "title_then_empty_cells": ("公开日期: | 2026-04-16 10:20 | ||\n发布单位: | 郏县 |\n"
                               "郏县2026年河道保洁工作方案 | ||\n" + BODY,
                               "郏县2026年河道保洁工作方案"),
}


@pytest.mark.parametrize("name", sorted(FIELD_PAGES))
def test_title_from_a_barred_catalogue(tmp_path, name):
    text, title = FIELD_PAGES[name]
    assert document_fields(tmp_path, text)[0] == title


def test_a_table_row_is_still_no_title(tmp_path):
    text = ("| 序号 | 工作任务 | 责任单位 |\n| 1 | 完成造林1200亩 | 县林业局 |\n"
            "| 2 | 完成河道清淤8公里 | 县水利局 |\n")
    assert document_fields(tmp_path, text)[0] == ""


TOWNS = {
    # a listed town whose county the text names, too few bodies to vote with
    "county_named": ("郭家坝镇森林防火工作方案\n按照秭归县森林防火工作部署，结合实际，制定本方案。\n"
                     "一、工作目标\n全年不发生重大森林火灾。\n", "郭家坝镇", "湖北省"),
    # a year before the town's government in the title
    "year_first": ("2026年郭家坝镇政府重点工作安排\n一、重点工作\n完成农村公路改造12公里。\n", "郭家坝镇", "湖北省"),
}


@pytest.mark.parametrize("name", sorted(TOWNS))
def test_a_towns_plan_named_in_its_title(tmp_path, name):
    text, city, province = TOWNS[name]
    _, got_city, got_province = document_fields(tmp_path, text)
    assert (got_city, got_province) == (city, province)


def test_a_listed_town_of_another_county_is_not_the_issuer(tmp_path):
    # 郭家坝镇 lies in 秭归县; a text that names only 兴山县 does not make it its town
    text = ("郭家坝镇森林防火工作方案\n按照兴山县森林防火工作部署，结合实际，制定本方案。\n"
            "一、工作目标\n全年不发生重大森林火灾。\n")
    assert document_fields(tmp_path, text)[1] != "郭家坝镇"


LEADER, LEAD = "牵头负责领导", "lead"
PLANS = {
    # a two-character name that is also a city's stem, alone after its label
    "place_like_name": ("2026年重点工作责任分解\n一、主要目标\n1.地区生产总值增长6%左右。\n"
                        "牵头负责领导:宁波。\n牵头责任单位:市发展和改革委员会。\n",
                        Counter({("市发展和改革委员会", LEAD): 1}), Counter({("宁波", LEADER): 1})),
    # a place in a sentence is still no name
    "place_in_a_sentence": ("2026年重点工作责任分解\n一、主要目标\n1.对接宁波港口资源。\n"
                            "牵头责任单位:市发展和改革委员会。\n",
                            Counter({("市发展和改革委员会", LEAD): 1}), Counter()),
    # header words broken over two lines, one cell per line
    "flat_header_broken": ("2026年度重点工作计划\n\n序号\n\n重点工作\n\n责任\n\n领导\n\n责任\n\n科室\n\n工作目标\n\n"
                           "1\n\n茶园提质改造\n\n郑立言\n\n农业农村办\n\n完成茶园改造500亩。\n\n"
                           "2\n\n集镇污水管网建设\n\n葛明轩\n\n建设办\n\n完成管网铺设3公里。\n",
                           Counter({("农业农村办", "responsible"): 1, ("建设办", "responsible"): 1}),
                           Counter({("郑立言", "责任领导"): 1, ("葛明轩", "责任领导"): 1})),
    # a column of places beside the unit column, one cell per line: a street under
    # 建设地点 is the place of the work, no unit
    "flat_place_column": ("2026年民生实事项目清单\n序号\n项目名称\n建设地点\n建设时间\n责任单位\n"
                          "1\n城北道路建设\n纸坊街道\n2026\n县住建局\n2\n老旧小区改造\n洋州街道\n2026\n县住建局\n",
                          Counter({("县住建局", "responsible"): 2}), Counter()),
    # 类别 merged over two rows: the second row starts at its task
    "spaced_row_merged_first_cells": (
        "郏县全面推行林长制主要任务分解表\n\n序号 类别 主要任务 牵头单位 参与单位 责任单位\n"
        "1 保护森林资源 严守林地保护红线，全县林地保有量不减少。 县林业局 县自然资源局、县财政局 各乡镇人民政府\n"
        "2 抓好森林防火，完善火情监测体系。 县应急管理局 县林业局 各乡镇人民政府\n",
        Counter({("县林业局", LEAD): 1, ("县自然资源局", "assist"): 1, ("县财政局", "assist"): 1,
                 ("县应急管理局", LEAD): 1, ("县林业局", "assist"): 1}), Counter()),
}


@pytest.fixture(scope="module")
def tables(tmp_path_factory):
    return facts_of_plans(tmp_path_factory.mktemp("fieldtables"), PLANS)


@pytest.mark.parametrize("name", sorted(PLANS))
def test_units_and_people(tables, name):
    assert_facts(PLANS, tables, name)
