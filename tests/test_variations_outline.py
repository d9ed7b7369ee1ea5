"""Variation tests of outline layouts that scraped plan pages use: one
invented outline under several layouts gives the same nodes — a page saved as
Markdown with bold headings, headings whose 、 was lost to a space, a task
table's cell broken by spaces, a section heading run together with a
table's header, the plan's name repeated before its first heading — and the
look-alikes (一是 runs, lists of figures, decimals, phone numbers) give none.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from extract import run_files
from extract.prepare import outline
from tests.conftest import make_plan

HEAD = "某县城乡环境整治实施方案\n"
OUTLINE = [(1, "一", "总体要求"), (1, "二", "主要任务"), (2, "（一）", "整治背街小巷"),
           (2, "（二）", "改造农贸市场"), (3, "1", "完善排水设施")]
LAYOUTS = {
    "plain": ("一、总体要求\n按照县委部署推进整治。\n二、主要任务\n（一）整治背街小巷。全面清理杂物。\n"
              "（二）改造农贸市场。提升管理水平。\n1.完善排水设施。疏通管网。\n"),
    "markdown_bold": ("**一、总体要求**\n按照县委部署推进整治。\n**二、主要任务**\n"
                      "**（一）整治背街小巷。**全面清理杂物。\n**（二）改造农贸市场。**提升管理水平。\n"
                      "**1.完善排水设施。**疏通管网。\n"),
    "markdown_heading": ("## 一、总体要求\n按照县委部署推进整治。\n## 二、主要任务\n### （一）整治背街小巷\n"
                         "全面清理杂物。\n### （二）改造农贸市场\n提升管理水平。\n1. 完善排水设施。疏通管网。\n"),
    "lost_comma_space": ("一 总体要求\n按照县委部署推进整治。\n二　主要任务\n（一）整治背街小巷。全面清理杂物。\n"
                         "（二）改造农贸市场。提升管理水平。\n1．完善排水设施。疏通管网。\n"),
    "full_width_indent": ("　　一、总体要求\n　　按照县委部署推进整治。\n　　二、主要任务\n　　（一）整治背街小巷。全面清理杂物。\n"
                          "　　（二）改造农贸市场。提升管理水平。\n　　1．完善排水设施。疏通管网。\n"),
    "look_alike_commas": ("一﹑总体要求\n按照县委部署推进整治。\n二､主要任务\n（一）整治背街小巷。全面清理杂物。\n"
                          "（二）改造农贸市场。提升管理水平。\n1、完善排水设施。疏通管网。\n"),
    "run_together": ("一、总体要求：按照县委部署推进整治，做到全域覆盖、不留死角。 二、主要任务 （一）整治背街小巷。"
                     "全面清理杂物，规范停车秩序。（二）改造农贸市场。提升管理水平，完善配套设施。\n1、完善排水设施。疏通管网。\n"),
}


def _nodes_by_plan(folder: Path, plans: dict) -> dict:
    for name, text in plans.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    tables = run_files([str(folder)])
    docs, nodes = tables["documents"], tables["nodes"]
    out = {}
    for doc_id, source in zip(docs.doc_id, docs.source_path):
        got = nodes[nodes.doc_id == doc_id]
        out[Path(source).stem] = [(lv, lab, title) for lv, lab, title in zip(got.level, got.label, got.title)]
    return out


@pytest.fixture(scope="module")
def layouts(tmp_path_factory):
    return _nodes_by_plan(tmp_path_factory.mktemp("layouts"), {k: HEAD + v for k, v in LAYOUTS.items()})


@pytest.mark.parametrize("key", sorted(LAYOUTS))
def test_one_outline_under_every_layout(layouts, key):
    got = layouts[key]
    assert [(lv, lab) for lv, lab, _ in got] == [(lv, lab) for lv, lab, _ in OUTLINE]
    for (_, _, title), (_, _, want) in zip(got, OUTLINE):
        assert title.startswith(want), (title, want)


def _parse(body: str) -> list:
    return [(n.level, n.label, n.title) for n in outline.parse(make_plan(HEAD + body))]


@pytest.mark.parametrize("body", [
    "一、主要任务\n这一是底线要求，统一是前提；唯一是标准。\n",
    "一、主要任务\n全年完成改造1.5万亩，增长2.5倍，\n3.5%的农户受益，联系电话：0551-12345678。\n",
    "一、主要任务\n重点推进1、2、3号楼改造，\n4、5号楼同步推进，系统升级到1.2.3版本。\n",
    "一、主要任务\n一 类企业全部完成改造。\n二 按照要求，全面推进整治工作。\n",
])
def test_look_alikes_of_labels_open_no_node(body):
    assert _parse(body) == [(1, "一", "主要任务")]


def test_a_heading_whose_comma_became_a_space_needs_a_short_title_line():
    got = _parse("一 总体要求\n按照县委部署推进整治。\n二 主要任务\n三 整治范围覆盖全县十二个乡镇，涉及三百个村。\n")
    assert got == [(1, "一", "总体要求"), (1, "二", "主要任务")]


def test_a_table_row_whose_task_cell_is_broken_by_spaces_keeps_its_title():
    body = ("序号 类别 主要任务 细化措施 牵头单位\n"
            "1 整治背街小 巷 清理杂物乱堆 开展集中清理行动，建立长效管护机制。每月通报一次整治进展，纳入年度考核。 县城管局\n"
            "2  改造农贸 市场 设施 完善排水设施，规范经营秩序。每季度开展一次联合检查，问题清单化管理，限期整改到位。 县商务局\n")
    got = _parse(body)
    assert [(lv, lab) for lv, lab, _ in got] == [(1, "1"), (1, "2")]
    assert "".join(got[1][2].split()).startswith("改造农贸市场设施")


@pytest.fixture(scope="module")
def run_table(tmp_path_factory):
    text = ("某市人民政府办公室关于印发2024年市政府领导分管工作任务清单的通知\n"
            "各区人民政府，市政府各部门：《2024年市政府领导分管工作任务清单》已经市政府同意，现印发给你们。"
            "请各牵头单位每季度末报送推进情况。 某市人民政府办公室 2024年2月5日 "
            "2024年市政府领导分管工作任务清单一、周明副市长重点工作序号工作任务责任单位1全年新增市场主体3000户以上。"
            "市发改委2新增城镇就业2万人以上。市人力社保局\n")
    return _nodes_by_plan(tmp_path_factory.mktemp("run"), {"run": text})["run"]


def test_a_section_heading_run_together_with_a_tables_header(run_table):
    assert [(lv, lab) for lv, lab, _ in run_table] == [(1, "一"), (2, "1"), (2, "2")]
    assert run_table[0][2] == "周明副市长重点工作"
    assert run_table[1][2].startswith("全年新增市场主体")


# one list under the numbering forms that pages use for it: the same items at
# the same depth, whatever the characters
ITEM_FORMS = {
    "paren_digit_chars": ("⑴", "⑵"),
    "paren_ideographs": ("㈠", "㈡"),
    "circled": ("①", "②"),
    "full_width_dot": ("1．", "2．"),
    "full_width_digits": ("（１）", "（２）"),
    "phases": ("第一阶段：", "第二阶段："),
}


@pytest.mark.parametrize("key", sorted(ITEM_FORMS))
def test_a_list_under_every_numbering_form(key):
    first, second = ITEM_FORMS[key]
    got = _parse(f"一、实施步骤\n{first}动员部署（2024年3月）。\n{second}集中整治（2024年4月至9月）。\n")
    assert [lv for lv, _, _ in got] == [1, 2, 2]
    assert got[1][2].startswith("动员部署") and got[2][2].startswith("集中整治")


def test_numbering_restarts_in_an_attachment_under_its_own_title():
    got = _parse("一、总体要求\n按照县委部署推进整治。\n二、主要任务\n完成整治任务。\n附件1\n"
                 "某县城乡环境整治任务分解\n一、组织保障\n（一）加强组织领导\n")
    assert [(lv, lab) for lv, lab, _ in got] == [(1, "一"), (1, "二"), (1, "一"), (2, "（一）")]
