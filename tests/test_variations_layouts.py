"""Variation tests across layouts: one invented snippet under several
layouts or spellings must give the same facts — roster members with a
bracketed post, a task table's split or merged cells, a page run together, a
notice's chrome around its title and addressees, relative and glued dates,
amounts mixing figures and place words — and their look-alikes give none.
"""
from __future__ import annotations

from collections import Counter

import pytest

from tests.conftest import facts_of_plans

RESP_ROLE = "responsible"

ROSTER_HEAD = "松江区泗泾镇市容环境整治工作领导小组\n\n一、组织机构\n"
ROSTER_BODY = ("   组      长: 周建国   镇长\n"
               "   成      员: 吴海涛   党政办公室主任\n"
               "{pad}孙   磊   社区建设办公室主任\n"
               "{pad}郑   伟   {post}\n"
               "{pad}陈晓东   房屋管理办事处主任\n")
MEMBERS = Counter({("周建国", "组长"): 1, ("吴海涛", "成员"): 1, ("孙磊", "成员"): 1,
                   ("郑伟", "成员"): 1, ("陈晓东", "成员"): 1})
# a post whose unit carries a bracketed second name, in either bracket width
POSTS = {
    "plain": "城镇建设管理中心主任",
    "bracketed": "城乡运行管理服务中心(市容环卫中心)常务副主任",
    "full_width": "城乡运行管理服务中心（市容环卫中心）常务副主任",
    "bracketed_team": "镇综合执法队（城管中队）队长",
}


@pytest.fixture(scope="module")
def rosters(tmp_path_factory):
    plans = {f"roster_{key}_{pad}": (ROSTER_HEAD + ROSTER_BODY.format(pad=" " * pad, post=post),)
             for key, post in POSTS.items() for pad in (18, 6)}
    return facts_of_plans(tmp_path_factory.mktemp("rosters"), plans)


@pytest.mark.parametrize("key", sorted(POSTS))
@pytest.mark.parametrize("pad", [18, 6])
def test_a_padded_name_before_a_post_with_a_bracket(rosters, key, pad):
    assert rosters[f"roster_{key}_{pad}"][1] == MEMBERS


# --- a task table whose person-role header is split over two cells -------------
TABLE_HEAD = "2024年《政府工作报告》重点任务责任分解表\n序号\n工作任务\n{leader}\n牵头单位\n配合单位\n"
TABLE_ROWS = ("1\n推进老旧小区改造，完成改造小区20个\n赵立群\n钱文斌\n区住建局\n区财政局、区城管局\n"
              "2\n新建城市公园3个\n孙海燕\n区城管局\n区自然资源局\n")
LEADERS = {
    "one_cell": "区政府分管领导",
    "split": "区政府\n分管领导",
    "split_blank_line": "区政府\n\n分管领导",
    "split_padded": "区 政 府\n分 管 领 导",
}
TABLE_PEOPLE = Counter({("赵立群", "区政府分管领导"): 1, ("钱文斌", "区政府分管领导"): 1,
                        ("孙海燕", "区政府分管领导"): 1})
TABLE_UNITS = Counter({("区住建局", "lead"): 1, ("区财政局", "assist"): 1, ("区城管局", "assist"): 1,
                       ("区城管局", "lead"): 1, ("区自然资源局", "assist"): 1})


@pytest.fixture(scope="module")
def split_tables(tmp_path_factory):
    plans = {f"table_{key}": (TABLE_HEAD.format(leader=leader) + TABLE_ROWS,)
             for key, leader in LEADERS.items()}
    # a role header right before the leader column is a column of its own
    plans["table_lead_then_leader"] = (
        "2024年重点任务责任分解表\n序号\n工作任务\n牵头单位\n分管领导\n"
        "1\n推进老旧小区改造，完成改造小区20个\n区住建局\n赵立群\n",)
    return facts_of_plans(tmp_path_factory.mktemp("split"), plans)


@pytest.mark.parametrize("key", sorted(LEADERS))
def test_a_leader_header_split_over_two_cells_is_one_role(split_tables, key):
    units, people = split_tables[f"table_{key}"]
    assert people == TABLE_PEOPLE
    assert units == TABLE_UNITS


def test_a_role_header_before_the_leader_header_is_no_half_of_it(split_tables):
    units, people = split_tables["table_lead_then_leader"]
    assert people == Counter({("赵立群", "分管领导"): 1})
    assert units == Counter({("区住建局", "lead"): 1})


# --- a work report's task list whose page ran its lines together ---------------
REPORT_ITEMS = [
    "一、李明县长牵头重点工作",
    "1.全县地区生产总值增长6%左右。",
    "责任单位:县发改局{note}、县财政局、县统计局、县农业农村局",
    "2.深化国有企业改革，提升国资运营效率。",
    "责任单位:县财政局",
    "二、王强副县长牵头重点工作",
    "1.推进法治政府建设。",
    "责任单位:县司法局",
]
REPORT_UNITS = Counter({("县发改局", RESP_ROLE): 1, ("县财政局", RESP_ROLE): 2, ("县统计局", RESP_ROLE): 1,
                        ("县农业农村局", RESP_ROLE): 1, ("县司法局", RESP_ROLE): 1})
REPORT_JOINS = {"lines": "\n", "run_together": " ", "wide_blank": "\u3000", "two_blanks": "  "}


def _report(join: str, note: str) -> str:
    head = "宁海县2024年政府工作报告重点工作责任分解\n"
    return head + join.join(REPORT_ITEMS).format(note=note) + "\n"


@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    plans = {f"report_{key}_{n}": (_report(join, note),)
             for key, join in REPORT_JOINS.items()
             for n, note in enumerate(["", "(首位单位为牵头单位,下同)"])}
    return facts_of_plans(tmp_path_factory.mktemp("reports"), plans)


@pytest.mark.parametrize("key", sorted(REPORT_JOINS))
def test_the_next_item_label_ends_a_run_together_unit_list(reports, key):
    assert reports[f"report_{key}_0"][0] == REPORT_UNITS


@pytest.mark.parametrize("key", sorted(REPORT_JOINS))
def test_a_note_after_the_first_unit_keeps_the_list(reports, key):
    units = reports[f"report_{key}_1"][0]
    assert {unit for unit, _ in units} == {unit for unit, _ in REPORT_UNITS}
    assert sum(units.values()) == sum(REPORT_UNITS.values())


# --- the locality of a notice addressed to several divisions --------------------
def _doc(tmp_path, text: str) -> tuple:
    from extract import pipeline
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    plans = [ex.plan for ex in pipeline.process_file(path, "plan.txt").extractions]
    return plans[0].city, plans[0].province


NOTICE_BODY = ("现将《州2024年农村公路养护工作方案》印发给你们，请认真组织实施。\n"
               "州2024年农村公路养护工作方案\n一、工作目标\n全面完成农村公路养护任务。\n")


@pytest.mark.parametrize("addressees, expect", [
    ("宣恩县、来凤县人民政府，州政府有关部门：", ("恩施土家族苗族自治州", "湖北省")),
    ("利川市、宣恩县、来凤县人民政府,州政府有关部门:", ("恩施土家族苗族自治州", "湖北省")),
    ("利川市、咸丰县、来凤县人民政府：", ("恩施土家族苗族自治州", "湖北省")),
    # counties of two prefectures: the province sends the notice down
    ("建始县、秭归县人民政府，省政府有关部门：", (None, "湖北省")),
])
def test_a_notice_to_several_divisions_is_the_region_holding_them(tmp_path, addressees, expect):
    assert _doc(tmp_path, addressees + "\n" + NOTICE_BODY) == expect


def test_a_notice_to_one_county_keeps_that_county(tmp_path):
    assert _doc(tmp_path, "建始县人民政府：\n" + NOTICE_BODY)[0] == "建始县"


# --- the title among a notice's chrome ------------------------------------------
def _title(tmp_path, text: str) -> str:
    from extract import pipeline
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    return pipeline.process_file(path, "plan.txt").extractions[0].plan.title


ANNEX_TITLE = "2024年《政府工作报告》主要目标任务责任分解表"
ANNEX_TABLE = "序号\n目标名称\n牵头单位\n配合单位\n1\n推进老旧小区改造\n区住建局\n区财政局\n"
ANNEX_OPENING = ("各镇人民政府、街道办事处，区各部门、直属单位:\n"
                 "为确保全面完成2024年区政府工作报告提出的各项目标任务，现将有关责任分解如下，请认真贯彻落实。\n")


@pytest.mark.parametrize("annexes", [
    "附件:1. {T}\n2. 2024年为民办实事项目责任清单\n",
    "附件：1．{T}\n2．2024年为民办实事项目责任清单\n3．2024年重大项目责任分解表\n",
    "附件：1、{T}\n2、2024年为民办实事项目责任清单\n",
    "",
])
@pytest.mark.parametrize("signature", ["常州市新北区人民政府\n2024年2月8日\n", "2024年2月8日\n", ""])
def test_the_attachments_heading_is_the_title_not_the_notices_list(tmp_path, annexes, signature):
    text = ANNEX_OPENING + annexes.format(T=ANNEX_TITLE) + signature + "附件1\n" + ANNEX_TITLE + "\n" + ANNEX_TABLE
    assert _title(tmp_path, text) == ANNEX_TITLE


@pytest.mark.parametrize("bars", [" |", " |\n||\n|", "|", ""])
def test_a_notice_heading_in_a_page_table_cell(tmp_path, bars):
    heading = "宁海县人民政府办公室关于印发2024年重点工作责任分解的通知"
    text = ("索引号: | 113300000000000000/2024-00001 | 成文日期: | 2024-03-06 |\n"
            "文件编号: | 宁政办发〔2024〕8号 | 组配分类: | 政府工作报告 |\n"
            f"{heading}{bars}\n"
            "各乡镇人民政府、街道办事处，县政府各部门: 现将《2024年重点工作责任分解》印发给你们，请认真贯彻执行。\n"
            "2024年重点工作责任分解\n一、重点工作\n1.推进法治政府建设。 责任单位:县司法局\n")
    title = _title(tmp_path, text)
    assert title in heading and "重点工作责任分解" in title


# --- 明年 speaks from the time of writing, 次年 from the year spoken of ----------
def _dates(tmp_path, text: str) -> set:
    from extract import pipeline
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    return {(d.text, d.start, d.end) for ex in pipeline.process_file(path, "plan.txt").extractions
            for d in ex.dates}


WRITTEN_LATE = ("宜昌市夷陵区人民政府办公室关于印发2024年区政府工作报告重点任务分解的通知\n"
                "各乡镇人民政府、街道办事处，区政府各部门：\n现将《2024年区政府工作报告重点任务分解》印发给你们，请认真抓好落实。\n"
                "宜昌市夷陵区人民政府办公室\n{issued}\n"
                "2024年区政府工作报告重点任务分解\n一、推进园区建设\n1.加快物流园建设，确保仓储区{when}建成。\n")


@pytest.mark.parametrize("when, month", [("明年7月份", 7), ("明年7月", 7), ("明年七月底前", 7), ("明年11月", 11)])
def test_next_year_is_the_year_after_the_issue_date(tmp_path, when, month):
    import datetime as dt
    got = _dates(tmp_path, WRITTEN_LATE.format(issued="2023年12月27日", when=when))
    assert {start.year for text, start, end in got if text.startswith("明年") and start} <= {2024}
    assert any(text.startswith("明年") and end.year == 2024 and end.month == month for text, _, end in got)
    assert dt.date(2023, 12, 27) in {start for _, start, _ in got}


@pytest.mark.parametrize("when", ["明年7月份", "次年7月份"])
def test_without_an_issue_date_next_year_follows_the_year_spoken_of(tmp_path, when):
    text = WRITTEN_LATE.format(issued="", when=when).replace("\n\n", "\n")
    got = _dates(tmp_path, text)
    assert any(text.startswith(when[:2]) and end.year == 2025 for text, _, end in got)


def test_the_year_after_a_phase_is_the_year_after_that_phase(tmp_path):
    text = WRITTEN_LATE.format(issued="2023年12月27日", when="2025年11月至次年2月")
    got = _dates(tmp_path, text)
    assert any(start and start.year == 2025 and end.year == 2026 for _, start, end in got)


# --- a year and month run together without 年 ---------------------------------
DEC_TABLE = ("2023年重点工作任务\n序号\n工作任务\n完成时限\n牵头单位\n"
             "1\n地区生产总值增长6%\n{when}\n区发改委\n")


@pytest.mark.parametrize("when", ["2023年12月底前", "202312月底前", "2023.12底前", "2023-12底前", "2023年12月31日前"])
def test_a_december_deadline_in_any_spelling(tmp_path, when):
    import datetime as dt
    got = _dates(tmp_path, DEC_TABLE.format(when=when))
    assert (when, None, dt.date(2023, 12, 31)) in got


@pytest.mark.parametrize("figures", ["2023123月底前", "300012月底前", "202313月底前", "20235个月内"])
def test_figures_glued_to_a_month_that_are_no_year_month(tmp_path, figures):
    got = _dates(tmp_path, DEC_TABLE.format(when=figures))
    assert not any("月" in text for text, _, _ in got)


# --- an amount in figures mixed with place words ------------------------------
def _targets(tmp_path, text: str) -> set:
    from extract import pipeline
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    return {(t.comparator, t.value, t.unit, t.value_base)
            for ex in pipeline.process_file(path, "plan.txt").extractions for t in ex.targets}


GOAL_HEAD = "宁陕县2024年重点项目实施方案\n\n一、主要目标\n1.全年完成固定资产投资"


@pytest.mark.parametrize("amount, expect", [
    ("3亿5千万元", ("=", 3.5, "亿元", 3.5e8)), ("三亿五千万元", ("=", 3.5, "亿元", 3.5e8)),
    ("3亿五千万元", ("=", 3.5, "亿元", 3.5e8)), ("3.5亿元", ("=", 3.5, "亿元", 3.5e8)),
    ("３亿５千万元", ("=", 3.5, "亿元", 3.5e8)), ("2亿3000万元", ("=", 2.3, "亿元", 2.3e8)),
    ("1万2千亩", ("=", 1.2, "万亩", 12000.0)), ("1万2000亩", ("=", 1.2, "万亩", 12000.0)),
    ("3亿5千万元以上", (">=", 3.5, "亿元", 3.5e8)),
])
def test_an_amount_mixing_figures_and_place_words(tmp_path, amount, expect):
    assert _targets(tmp_path, GOAL_HEAD + amount + "。\n") == {expect}


@pytest.mark.parametrize("amount, expect", [
    ("3亿元", ("=", 3.0, "亿元", 3e8)), ("5000万元", ("=", 5000.0, "万元", 5e7)),
])
def test_an_amount_with_one_place_word_stays_as_written(tmp_path, amount, expect):
    assert _targets(tmp_path, GOAL_HEAD + amount + "。\n") == {expect}


# --- an HTML task table whose lead cell is merged down over several rows ---------
def _html_table(rows: str) -> str:
    return ("<html><body><h1>泾阳县2024年数字乡村建设任务分解表</h1><table>"
            "<tr><td>序号</td><td>工作任务</td><td>牵头单位</td><td>配合单位</td><td>完成时限</td></tr>"
            + rows + "</table></body></html>")


MERGED_ROWS = {
    "rowspan": ("<tr><td>1</td><td>开展数字技能培训</td><td rowspan=\"3\">县人社局</td><td>县农业农村局</td><td>2024年6月底前</td></tr>"
                "<tr><td>2</td><td>建设培训基地</td><td>县教育局</td><td>2024年9月底前</td></tr>"
                "<tr><td>3</td><td>培育农村电商带头人</td><td></td><td>2024年12月底前</td></tr>"),
    "repeated": ("<tr><td>1</td><td>开展数字技能培训</td><td>县人社局</td><td>县农业农村局</td><td>2024年6月底前</td></tr>"
                 "<tr><td>2</td><td>建设培训基地</td><td>县人社局</td><td>县教育局</td><td>2024年9月底前</td></tr>"
                 "<tr><td>3</td><td>培育农村电商带头人</td><td>县人社局</td><td></td><td>2024年12月底前</td></tr>"),
    "rowspan_th": ("<tr><th>1</th><td>开展数字技能培训</td><td rowspan=\"3\">县人社局</td><td>县农业农村局</td><td>2024年6月底前</td></tr>"
                   "<tr><th>2</th><td>建设培训基地</td><td>县教育局</td><td>2024年9月底前</td></tr>"
                   "<tr><th>3</th><td>培育农村电商带头人</td><td></td><td>2024年12月底前</td></tr>"),
}
LAST_ROW = "<tr><td>4</td><td>建设县级物流中心</td><td>县商务局</td><td>县交通局</td><td>2024年12月底前</td></tr>"
MERGED_UNITS = Counter({("县人社局", "lead"): 3, ("县农业农村局", "assist"): 1, ("县教育局", "assist"): 1,
                        ("县商务局", "lead"): 1, ("县交通局", "assist"): 1})


@pytest.fixture(scope="module")
def merged_tables(tmp_path_factory):
    plans = {f"merged_{key}": (_html_table(rows + LAST_ROW),) for key, rows in MERGED_ROWS.items()}
    # a section row spanning the table and an empty assisting cell take no names
    plans["merged_section"] = (_html_table(
        "<tr><td>1</td><td>开展数字技能培训</td><td>县人社局</td><td>县农业农村局</td><td>2024年6月底前</td></tr>"
        "<tr><td colspan=\"5\">二、物流体系</td></tr>" + LAST_ROW.replace("县交通局", "")),)
    return facts_of_plans(tmp_path_factory.mktemp("merged"), plans)


@pytest.mark.parametrize("key", sorted(MERGED_ROWS))
def test_a_lead_cell_merged_down_answers_for_every_row(merged_tables, key):
    assert merged_tables[f"merged_{key}"][0] == MERGED_UNITS


def test_a_section_row_and_an_empty_assisting_cell_take_no_names(merged_tables):
    assert merged_tables["merged_section"][0] == Counter({("县人社局", "lead"): 1, ("县农业农村局", "assist"): 1,
                                                          ("县商务局", "lead"): 1})


@pytest.mark.parametrize("note", ["(此件公开发布)", "（此件公开发布）", "（此件主动公开）", ""])
def test_a_publication_note_above_the_title_is_no_part_of_it(tmp_path, note):
    title = "2025年宁陕县政府年度重点工作责任分工"
    text = ("各镇人民政府，县政府各部门：\n现将《" + title + "》印发给你们，请认真贯彻落实。\n"
            "宁陕县人民政府\n2025年2月28日\n" + (note + "\n" if note else "") + title + "\n"
            "一、重点工作\n1.推进法治政府建设。\n责任单位：县司法局\n")
    assert _title(tmp_path, text) == title
