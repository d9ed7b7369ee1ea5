"""Variation tests from event plans and progress reports: organisers listed
under 主办/支持/承办 labels one body a line, a progress table flattened one
cell per line with bars and month-named columns, a merged role column, the
municipal works (市政局) that are no city, a page whose date fields give the
year, an unoutlined notice that hands its work to a body, and outline labels
before a year or glued to the sentence before them. Invented text, real
places; each with the look-alike that must give nothing.
"""
from __future__ import annotations

from collections import Counter
from datetime import date

import pytest

from extract import run_files
from extract.prepare import outline
from tests.conftest import facts_of_plans, make_plan

ORGANISERS = ("开原市重阳敬老文艺汇演活动方案\n一、活动时间\n10月11日上午\n二、主办、支持、承办单位\n\n"
              "主办单位:开原市民政局\n\n开原市中医医院\n\n城东街道办事处\n\n"
              "支持单位:开原市老年体育协会\n\n开原市社会福利中心\n\n"
              "承办单位:开原市艺术团\n\n开原市文化馆\n\n三、活动内容\n")
ORGANISER_UNITS = Counter({("开原市民政局", "lead"): 1, ("开原市中医医院", "lead"): 1,
                           ("城东街道办事处", "lead"): 1, ("开原市老年体育协会", "assist"): 1,
                           ("开原市社会福利中心", "assist"): 1, ("开原市艺术团", "responsible"): 1,
                           ("开原市文化馆", "responsible"): 1})
# the lines after a label that are prose, a heading or a person are not its list
NOT_CONTINUED = ("开原市重阳敬老文艺汇演活动方案\n一、活动安排\n主办单位:开原市民政局\n"
                 "各街道要积极组织老年人参加\n王立新\n1.开原市文化馆\n")

PROGRESS = ("某区2024年惠民实事项目进展情况(1-10月)\n序号 |\n项目名称 |\n年度目标 |\n分管 领导 |\n"
            "牵头 单位 |\n责任主体及协作单位 |\n1-9月完成情况 |\n1-10月完成情况 |\n说明 |\n"
            "7 |\n改造背街小巷照明设施。 |\n完成40条 |\n钱志远 |\n区城管局 |\n市政局、环卫处 |\n"
            "已完成招标。 |\n已完成25条。 |\n||\n"
            "8 |\n新建口袋公园。 |\n12个 |\n钱志远 |\n区城管局 |\n区住建局、各街道 |\n"
            "正在选址。 |\n已建成5个。 |\n|\n")
PROGRESS_UNITS = Counter({("区城管局", "lead"): 2, ("市政局", "responsible"): 1, ("环卫处", "responsible"): 1,
                          ("区住建局", "responsible"): 1})


@pytest.fixture(scope="module")
def plans(tmp_path_factory):
    return facts_of_plans(tmp_path_factory.mktemp("events"), {
        "organisers": (ORGANISERS,), "not_continued": (NOT_CONTINUED,), "progress": (PROGRESS,),
        "office_only": ("宁德市人民政府办公室关于成立市食品安全工作领导小组的通知\n各县（市、区）人民政府：\n"
                        "  市政府决定成立市食品安全工作领导小组。领导小组不另设办公室，具体工作由市市场监管局"
                        "有关科室承担，工作完成后即行撤销。\n",),
        "office_said": ("宁德市人民政府办公室关于成立市食品安全工作领导小组的通知\n各县（市、区）人民政府：\n"
                        "  市政府决定成立市食品安全工作领导小组，请市市场监管局认真研究。\n",),
    })


def test_a_labels_list_goes_on_one_body_a_line(plans):
    assert plans["organisers"][0] == ORGANISER_UNITS


def test_lines_of_prose_a_person_or_a_numbered_item_do_not_go_on_with_it(plans):
    assert plans["not_continued"][0] == Counter({("开原市民政局", "lead"): 1})


def test_a_progress_table_with_bars_month_columns_and_a_merged_role_column(plans):
    units, people = plans["progress"]
    assert units == PROGRESS_UNITS
    assert people == Counter({("钱志远", "分管领导"): 2})


def test_a_notice_without_an_outline_that_hands_its_work_to_a_body(plans):
    assert plans["office_only"][0] == Counter({("市市场监管局", "responsible"): 1})
    assert plans["office_said"][0] == Counter()


@pytest.mark.parametrize("written, prefixed", [
    ("市政局、环卫处", ["市政局", "环卫处"]),
    ("市容环卫处、园林所", ["市容环卫处", "园林所"]),
    ("市政府办、卫健局", ["市政府办", "市卫健局"]),
    ("市政务服务中心、大数据局", ["市政务服务中心", "市大数据局"]),
])
def test_the_municipal_works_say_no_city(tmp_path, written, prefixed):
    (tmp_path / "p.txt").write_text(f"某区市容整治工作方案\n一、重点任务\n1.整治占道经营。责任单位：{written}。\n",
                                    encoding="utf-8")
    units = run_files([str(tmp_path)])["responsibilities"]
    assert sorted(units.unit) == sorted(prefixed)


PAGE_HEAD = ("索 引 号 : 0001/2023-00042 主题分类: 文化\n发布机构: 开原市文化旅游和广播电视局 {field}\n\n"
             "开原市端午节群众文艺展演方案\n\n  经研究将于6月20日举办展演活动。\n\n  一、展演时间\n\n  6月20日上午\n")


@pytest.mark.parametrize("field, year", [
    ("成文日期: 2023-06-19", 2023), ("发布日期：2022年6月1日", 2022), ("成文日期:", None), ("", None),
])
def test_a_pages_date_field_gives_the_year_of_dates_without_one(tmp_path, field, year):
    (tmp_path / "p.txt").write_text(PAGE_HEAD.format(field=field), encoding="utf-8")
    dates = run_files([str(tmp_path)])["dates"]
    starts = [d.date() if hasattr(d, "date") else d for d in dates.start]
    assert len(starts) == 2
    if year is None:
        assert all(s is None or s != s for s in starts)     # unknown (None or NaT)
    else:
        assert starts == [date(year, 6, 20)] * 2


@pytest.mark.parametrize("stamp", ["2021年3月4日 09:12", "  • 2021-03-04"])
def test_a_pages_time_stamp_is_no_date_of_the_plan_but_gives_its_year(tmp_path, stamp):
    text = ("关于召开创建全国文明城市推进会议的通知\n" + stamp + "\n各镇、街道：\n"
            "经研究，定于3月10日召开推进会议，现将有关事项通知如下：\n一、时间安排\n3月10日下午2:30。\n")
    (tmp_path / "p.txt").write_text(text, encoding="utf-8")
    dates = run_files([str(tmp_path)])["dates"]
    assert list(dates.text) == ["3月10日", "3月10日"]
    assert [d.date() if hasattr(d, "date") else d for d in dates.start] == [date(2021, 3, 10)] * 2


def test_a_padding_space_lost_as_a_mark_beside_a_space_leaves_the_name_whole(tmp_path):
    text = "某镇安全生产大检查工作方案\n一、分组情况\n（一）第一督导组\n责任领导:邵建华 ?吴 ?敏\n"
    (tmp_path / "p.txt").write_text(text, encoding="utf-8")
    people = run_files([str(tmp_path)])["people"]
    assert list(people.name) == ["邵建华", "吴敏"]


def _parse(body: str) -> list:
    return [(n.level, n.label, n.title[:8]) for n in outline.parse(make_plan("某镇创建活动实施方案\n" + body))]


def test_a_glued_first_label_whose_second_follows_a_sentence_end():
    got = _parse("制定以下方案。一、指导思想以科学发展观为指导，改善人居环境。二、奋斗目标通过创建活动提高素质。"
                 "三、保障措施(一)健全工作机构。镇里组建工作专班。(二)开展多种创建活动。逐项抓好落实。\n")
    assert [(lv, lab) for lv, lab, _ in got] == [(1, "一"), (1, "二"), (1, "三"), (2, "(一)"), (2, "(二)")]
    # a lone glued label is still text
    lone = _parse("一、工作措施\n镇成立领导小组，落实措施(一)项规定，开展创建活动。\n")
    assert [(lv, lab) for lv, lab, _ in lone] == [(1, "一")]


def test_an_item_whose_title_opens_with_a_year_or_a_templates_year():
    got = _parse("一、活动安排\n1.2024中国（南昌）滕王阁诗会新闻发布会\n举办时间：3月中旬\n"
                 "2.20XX年樱花节启动仪式\n（1）开幕式\n二、保障措施\n"
                 "全年投入1.2024亿元，接待游客1.2025万人次。\n")
    assert [(lv, lab) for lv, lab, _ in got] == [(1, "一"), (2, "1"), (2, "2"), (3, "（1）"), (1, "二")]


def _doc(tmp_path, text: str):
    (tmp_path / "p.txt").write_text(text, encoding="utf-8")
    tables = run_files([str(tmp_path)])
    return tables["documents"].iloc[0], tables


TOWN_EXCERPT = ("为改善人居环境，展示{town}良好面貌，立足我镇实际，经镇党委会研究，制定本实施方案。"
                "一、指导思想以新发展理念为引领，提升小城镇功能。二、保障措施(一)健全工作机构。\n")


@pytest.mark.parametrize("town, city, province", [
    ("弼时镇", "弼时镇", "湖南省"),
    # a county's plan that speaks of itself so names no town
    ("弼时镇", None, None),
])
def test_an_untitled_town_excerpt_that_calls_itself_the_town(tmp_path, town, city, province):
    text = TOWN_EXCERPT.format(town=town)
    if city is None:
        text = text.replace("立足我镇实际", "立足我县实际")
    doc, _ = _doc(tmp_path, text)
    assert (doc.city if isinstance(doc.city, str) else None) == city
    if province:
        assert doc.province == province


SENT_ATTACHMENTS = ("县高新区管委会，各镇人民政府，县直各部门：\n"
                    "经县政府研究，现将《2025年县重点工作任务分解》《2025年十件惠民实事任务分解》印发给你们，"
                    "请认真贯彻落实。\n一、责任到人。各单位要逐项细化职责。\n"
                    "附件：1.2025年县重点工作任务清单\n2.2025年十件惠民实事任务分解\n武乡县人民政府办公室\n"
                    "2025年5月18日\n附件1\n2025年县重点工作任务清单\n一、县经开区管委会牵头工作\n"
                    "1.建设2个返乡创业园。\n")


def test_a_notice_opening_at_its_addressees_takes_the_first_attachments_heading(tmp_path):
    doc, _ = _doc(tmp_path, SENT_ATTACHMENTS)
    assert doc.title == "2025年县重点工作任务清单"
    # an excerpt that opens in its outline stays untitled
    doc, _ = _doc(tmp_path, SENT_ATTACHMENTS.split("\n", 2)[2])
    assert doc.title == ""


@pytest.mark.parametrize("sentence, span", [
    ("确保郫都区、温江区40%的老旧小区建成便民服务站。", "40%"),
    ("到2025年底前，全市首批100个示范社区全面建成。", "100个"),
    ("各县（市、区）至少办1所托育中心。", "至少办1所"),
    ("全年5条生产线投产。", "5条"),
])
def test_goals_whose_clause_opens_with_places_a_batch_or_a_gap_verb(tmp_path, sentence, span):
    _, tables = _doc(tmp_path, f"某市社区服务设施建设行动方案\n一、主要目标\n{sentence}\n")
    assert list(tables["targets"].text) == [span]


@pytest.mark.parametrize("sentence", [
    "全县14个乡镇均有卫生院。",
    "社区卫生服务站建站率达到95%以上。",
])
def test_what_is_and_a_rate_of_bodies_are_no_goal_of_a_count_and_no_unit(tmp_path, sentence):
    _, tables = _doc(tmp_path, f"某县基层卫生服务实施方案\n一、主要目标\n{sentence}\n")
    assert all(t != "14个" for t in tables["targets"].text)
    assert list(tables["responsibilities"].unit) == []


FLAT_TABLE = ("湄潭县某镇2025年粮油生产工作方案\n一、重点任务\n序号\n重点任务\n牵头单位\n配合单位\n责任领导\n完成时限\n"
              "1\n完成冬春农田水利整修不少于两千亩\n镇农业服务中心\n镇农业站、水利站、\n各村（社区）\n"
              "冯　强（副镇长）\n2025年6月底前\n"
              "2\n建设智慧育秧基地\n镇农业服务中心\n各村（社区）\n罗明远（镇长）、冯　强（副镇长）\n第三季度\n"
              "3\n发放农机购置补贴\n镇财政所\n镇农业服务中心\n何　丽（副镇长）\n年底前\n")


def test_a_flattened_rows_list_cut_after_its_mark_and_a_cell_of_generic_bodies(tmp_path):
    _, tables = _doc(tmp_path, FLAT_TABLE)
    units = Counter(zip(tables["responsibilities"].unit, tables["responsibilities"].role))
    assert units == Counter({("镇农业服务中心", "lead"): 2, ("镇农业站", "assist"): 1, ("镇水利站", "assist"): 1,
                             ("镇财政所", "lead"): 1, ("镇农业服务中心", "assist"): 1})
    people = Counter(zip(tables["people"].name, tables["people"].role))
    assert people == Counter({("冯强", "责任领导"): 2, ("罗明远", "责任领导"): 1, ("何丽", "责任领导"): 1})


def test_an_attachment_line_starts_a_document_of_its_own_outline():
    got = _parse("一、工作目标\n完成整治。\n二、工作要求\n加强督导。\n附件\n某市重点任务分解表\n"
                 "序号\t重点任务\t牵头单位\n1\t开展专项行动\t市应急管理局\n2\t完成联网改造\t市工信局\n")
    assert [(lv, lab) for lv, lab, _ in got] == [(1, "一"), (1, "二"), (1, "1"), (1, "2")]
    # an attachment named inside a line is text
    kept = _parse("一、工作目标\n完成整治。\n二、工作要求\n附件1所列任务按期完成。\n1.加强督导。\n")
    assert [(lv, lab) for lv, lab, _ in kept] == [(1, "一"), (1, "二"), (2, "1")]


def test_an_item_whose_year_follows_a_blank():
    got = _parse("一、重点任务\n1. 举办乡村旅游节。\n2. 2025年9月至11月，开展摄影大赛。\n3. 新建旅游厕所二十座。\n")
    assert [lab for _, lab, _ in got] == ["一", "1", "2", "3"]


@pytest.mark.parametrize("sentence, value, unit, span", [
    ("民宿消防安全检查覆盖率达到百分之百。", 100, "%", "达到百分之百"),
    ("到2027年乡村民宿床位数翻一番。", 1, "番", "翻一番"),
    ("全年评选优秀摄影作品一百幅。", 100, "幅", "一百幅"),
])
def test_written_out_percentages_doublings_and_works(tmp_path, sentence, value, unit, span):
    _, tables = _doc(tmp_path, f"某县文旅融合发展行动方案\n一、主要目标\n{sentence}\n")
    targets = tables["targets"]
    assert list(zip(targets.value, targets.unit, targets.text)) == [(value, unit, span)]


@pytest.mark.parametrize("sentence", ["经过一番努力，各项工作圆满完成。", "首届大会上，第一首歌由学生合唱。"])
def test_look_alikes_of_doublings_and_works_are_no_goals(tmp_path, sentence):
    _, tables = _doc(tmp_path, f"某县文旅融合发展行动方案\n一、主要目标\n{sentence}\n")
    assert list(tables["targets"].text) == []


@pytest.mark.parametrize("signed, kind, start", [
    ("某县应急管理局\n2025年2月18日\n", "range", date(2025, 2, 18)),
    ("", "deadline", None),
])
def test_a_span_from_the_day_of_issue(tmp_path, signed, kind, start):
    _, tables = _doc(tmp_path, "某县烟花爆竹安全专项整治方案\n一、整治时间\n即日起至2025年12月31日。\n" + signed)
    dates = tables["dates"]
    row = dates[dates.text == "即日起至2025年12月31日"].iloc[0]
    assert row.kind == kind
    got = row.start.date() if hasattr(row.start, "date") else row.start
    assert (got if got == got else None) == start
