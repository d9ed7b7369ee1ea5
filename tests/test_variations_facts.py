"""Variation tests: one invented snippet under wordings and layouts that say
the same thing must give the same facts.

Each case is a base text and its variants; the whole pipeline (clean, split,
outline, facts) runs on each, and the facts compared are those of the gold
guide: dates by kind and bounds, targets by comparator, value and unit,
outline nodes by label, level and title start.
"""
from __future__ import annotations

import datetime as dt

import pytest

from extract import pipeline

HEAD = "宁陕县农村人居环境整治提升行动实施方案\n\n一、重点任务\n"


def _run(tmp_path, text: str):
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    result = pipeline.process_file(path, "plan.txt")
    assert not result.errors, result.errors
    return result.extractions


def _dates(tmp_path, text: str) -> set:
    return {(d.kind, d.start, d.end, d.period) for ex in _run(tmp_path, text) for d in ex.dates}


def _targets(tmp_path, text: str) -> set:
    return {(t.comparator, t.value, t.unit) for ex in _run(tmp_path, text) for t in ex.targets}


def _nodes(tmp_path, text: str) -> list:
    return [(n.label, n.level, n.title[:4]) for ex in _run(tmp_path, text) for n in ex.nodes]


# --- dates ------------------------------------------------------------------------

JUNE_END = ("deadline", None, dt.date(2024, 6, 30), None)
Q3_END = dt.date(2024, 9, 30)


@pytest.mark.parametrize("wording", [
    "2024年6月底前完成", "2024年6月30日前完成", "2024.6.30前完成", "2024-06-30前完成",
    "二〇二四年六月底前完成", "（2024年6月底前完成）", "2024/6/30前完成", "2024.06前完成",
    "2024.6底前完成", "２０２４年６月底前完成",
])
def test_a_june_deadline_in_any_spelling(tmp_path, wording):
    assert _dates(tmp_path, HEAD + "1.新建农村卫生户厕，" + wording + "。\n") == {JUNE_END}


@pytest.mark.parametrize("wording, expect", [
    ("2024年三季度末前完成", ("deadline", None, Q3_END, None)),
    ("2024年第三季度末前完成", ("deadline", None, Q3_END, None)),
    ("2024年三季度前完成", ("deadline", None, Q3_END, None)),
    ("2024年第三季度末完成", ("point", Q3_END, Q3_END, None)),
    ("2024年第三季度完成", ("point", dt.date(2024, 7, 1), Q3_END, None)),
    ("2024年一季度末前完成", ("deadline", None, dt.date(2024, 3, 31), None)),
])
def test_the_end_of_a_quarter_is_its_last_day(tmp_path, wording, expect):
    assert _dates(tmp_path, HEAD + "1.改造公共厕所，" + wording + "。\n") == {expect}


def test_a_quarter_end_without_a_year_takes_the_heading_year(tmp_path):
    text = "宁陕县农村人居环境整治提升行动实施方案\n\n一、2024年重点任务\n1.改造公厕，三季度末前完成。\n"
    assert ("deadline", None, Q3_END, None) in _dates(tmp_path, text)


@pytest.mark.parametrize("scope", ["2005年底前建成的", "2005年以前建成的", "2005年前竣工的", "2005 年底前建成的"])
def test_a_date_that_says_which_objects_gives_no_year_to_the_steps(tmp_path, scope):
    """老旧小区 built before a year are the work's scope: the steps' bare
    months keep the plan's own year."""
    text = ("柳州市城中区2025年老旧小区改造实施方案\n\n一、改造范围\n2025年改造" + scope + "老旧小区18个。\n"
            "二、实施步骤\n（一）摸底阶段（2月—4月）。完成入户调查。\n（二）施工阶段（5月—11月）。分批施工。\n")
    got = _dates(tmp_path, text)
    assert ("range", dt.date(2025, 2, 1), dt.date(2025, 4, 30), None) in got
    assert ("range", dt.date(2025, 5, 1), dt.date(2025, 11, 30), None) in got
    assert sum(1 for d in got if d[2] and d[2].year == 2005) == 1      # the scope's own date


def test_a_date_of_building_as_the_work_sets_the_year(tmp_path):
    text = HEAD + "1.新建社区食堂，2026年底前建成投用。\n2.开展验收，3月底前完成。\n"
    assert ("deadline", None, dt.date(2026, 3, 31), None) in _dates(tmp_path, text)


@pytest.mark.parametrize("cell", ["2024.06", "2024/6", "2024-06", "2024.6前"])
def test_a_year_month_in_figures_in_a_table_cell(tmp_path, cell):
    text = HEAD + "序号\t工作任务\t完成时限\n1\t改造公共厕所\t" + cell + "\n"
    kind = "deadline" if cell.endswith("前") else "point"
    assert _dates(tmp_path, text) == {(kind, None if kind == "deadline" else dt.date(2024, 6, 1),
                                       dt.date(2024, 6, 30), None)}


def test_a_decimal_in_a_figures_table_is_no_month(tmp_path):
    text = HEAD + "指标\t单位\t基数\t目标\n地区生产总值\t亿元\t1856.3\t2035.7\n"
    assert _dates(tmp_path, text) == set()


@pytest.mark.parametrize("wording", [
    "2024.3—2024.12", "2024.03-2024.12", "2024.3~2024.12", "2024年3月至2024年12月",
    "2024年3月起至12月底", "自2024年3月起到12月底",
])
def test_a_range_in_figures_or_words(tmp_path, wording):
    text = HEAD + "1.集中整治，" + wording + "完成。\n"
    assert _dates(tmp_path, text) == {("range", dt.date(2024, 3, 1), dt.date(2024, 12, 31), None)}


@pytest.mark.parametrize("text", [
    "1.争取上级补助资金2024.6万元。", "1.全县户籍人口2024.6万人。", "1.版本号V2024.6已发布。",
    "1.完成2024.6%的增幅测算。",
])
def test_figures_that_are_no_year_month(tmp_path, text):
    assert not any(kind == "point" and start and start.month == 6
                   for kind, start, _, _ in _dates(tmp_path, HEAD + text + "\n"))


@pytest.mark.parametrize("wording", ["2025、2026年", "2025年、2026年", "2025年和2026年", "2025和2026年"])
def test_two_years_in_any_list_wording(tmp_path, wording):
    found = _dates(tmp_path, HEAD + wording + "分别完成两批村庄改造。\n")
    assert found == {("point", dt.date(2025, 1, 1), dt.date(2025, 12, 31), None),
                     ("point", dt.date(2026, 1, 1), dt.date(2026, 12, 31), None)}


@pytest.mark.parametrize("wording", ["2025年第一、二季度", "2025年第一季度、第二季度", "2025年一、二季度", "2025年一季度和二季度"])
def test_two_quarters_in_any_list_wording(tmp_path, wording):
    found = _dates(tmp_path, HEAD + wording + "完成设备采购。\n")
    assert found == {("point", dt.date(2025, 1, 1), dt.date(2025, 3, 31), None),
                     ("point", dt.date(2025, 4, 1), dt.date(2025, 6, 30), None)}


@pytest.mark.parametrize("wording", ["2025年3、4月份", "2025年3月、4月", "2025年3月和4月", "2025年三、四月份"])
def test_two_months_in_any_list_wording(tmp_path, wording):
    found = _dates(tmp_path, HEAD + wording + "开展隐患排查。\n")
    assert found == {("point", dt.date(2025, 3, 1), dt.date(2025, 3, 31), None),
                     ("point", dt.date(2025, 4, 1), dt.date(2025, 4, 30), None)}


# --- targets ------------------------------------------------------------------------

@pytest.mark.parametrize("wording", [
    "生活垃圾无害化处理率不低于90%", "生活垃圾无害化处理率达到90%以上", "生活垃圾无害化处理率至少达到90%",
    "生活垃圾无害化处理率至少提高到90%", "生活垃圾无害化处理率不得低于90%", "生活垃圾无害化处理率稳定在90%以上",
])
def test_a_floor_in_any_wording(tmp_path, wording):
    assert _targets(tmp_path, HEAD + wording + "。\n") == {(">=", 90.0, "%")}


@pytest.mark.parametrize("wording", ["游客接待量超过50万人次", "游客接待量突破50万人次", "游客接待量高于50万人次"])
def test_passing_a_figure_is_more_than_it(tmp_path, wording):
    assert _targets(tmp_path, HEAD + wording + "。\n") == {(">", 50.0, "万人次")}


@pytest.mark.parametrize("wording", [
    "投入专项资金3.5亿元", "争取上级资金3.5亿元", "争取省级以上专项资金3.5亿元", "筹措建设资金3.5亿元",
])
def test_an_amount_after_a_goal_verb(tmp_path, wording):
    assert _targets(tmp_path, HEAD + wording + "。\n") == {("=", 3.5, "亿元")}


@pytest.mark.parametrize("wording, expect", [
    ("抽查餐饮企业不少于300家次", (">=", 300.0, "家次")), ("开行中欧班列超过1500列", (">", 1500.0, "列")),
    ("驻村帮扶时间不少于6个月", (">=", 6.0, "月")), ("选派驻村干部不少于6个月", (">=", 6.0, "月")),
    ("聘用护林员260名", ("=", 260.0, "名")), ("选聘乡村教师260名", ("=", 260.0, "名")),
    ("开展电商技能培训5期", ("=", 5.0, "期")), ("举办5期直播带货培训班", ("=", 5.0, "期")),
])
def test_a_count_in_a_measure_word_of_its_own(tmp_path, wording, expect):
    assert _targets(tmp_path, HEAD + wording + "。\n") == {expect}


@pytest.mark.parametrize("text", ["各乡镇要在3个月内完成整改。", "近6个月未发生事故。", "列入重点项目库。", "第2列车次停运。",
                                  "实施二期工程。", "开展第5期培训。"])
def test_months_and_lists_that_are_no_count(tmp_path, text):
    assert _targets(tmp_path, HEAD + text + "\n") == set()


@pytest.mark.parametrize("wording", [
    "建成示范村15个", "建成15个示范村", "建成十五个示范村", "累计建成示范村15个", "力争建成示范村15个",
    "示范村达到15个", "创建省级美丽乡村示范村15个",
])
def test_a_count_before_or_after_its_noun(tmp_path, wording):
    assert _targets(tmp_path, HEAD + wording + "。\n") == {("=", 15.0, "个")}


@pytest.mark.parametrize("text", [
    "第3批示范村名单已公布。", "60岁以上老年人免费体检。", "依据宁政办发〔2024〕5号文件执行。",
    "联系电话：0915-6812345。", "给予一次性奖励。", "全县共有行政村68个。", "全县行政村68个。",
    "全县总人口16.8万人。", "全县行政村共68个。",
])
def test_numbers_that_are_no_goal(tmp_path, text):
    assert _targets(tmp_path, HEAD + text + "\n") == set()


# wordings of one goal that must give the same targets: each group, then what it gives
SAME_GOAL = [
    (["旅游总收入年均增长10%", "旅游总收入年均递增10%", "旅游总收入每年递增10%", "旅游总收入同比增长10%"],
     {("=", 10.0, "%")}),
    (["汉阴县重点项目共15个，总投资32亿元", "汉阴县重点项目15个，总投资32亿元",
      "汉阴县实施重点项目15个，总投资32亿元", "汉阴县重点项目共15个，计划总投资32亿元"],
     {("=", 15.0, "个"), ("=", 32.0, "亿元")}),
    (["完成农村危房改造1200户的目标", "完成农村危房改造1200户的任务", "完成农村危房改造1200户",
      "实现农村危房改造1200户的目标"], {("=", 1200.0, "户")}),
    (["新建公办幼儿园3所", "新建3所公办幼儿园", "新建公办幼儿园（3所）", "新建公办幼儿园(3所)", "新建公办幼儿园共3所"],
     {("=", 3.0, "所")}),
    (["9个乡镇卫生院完成搬迁", "完成9个乡镇卫生院搬迁", "完成乡镇卫生院搬迁9个", "力争9个乡镇卫生院完成搬迁"],
     {("=", 9.0, "个")}),
    (["全年粮食播种面积420万亩", "粮食播种面积稳定在420万亩", "确保粮食播种面积420万亩", "全年粮食播种面积达到420万亩"],
     {("=", 420.0, "万亩")}),
]


@pytest.mark.parametrize("wording, expect", [(w, e) for group, e in SAME_GOAL for w in group])
def test_one_goal_in_any_wording(tmp_path, wording, expect):
    """A yearly rise, a project count with its investment, a count named the goal,
    a count after its noun or in brackets, before or after its action, a yearly amount."""
    assert _targets(tmp_path, HEAD + wording + "。\n") == expect


@pytest.mark.parametrize("wording", ["举办农技培训班6期", "举办农技培训6期", "举办农技培训班不少于6期", "举办农技培训班6期以上"])
def test_sessions_in_any_order(tmp_path, wording):
    found = _targets(tmp_path, HEAD + wording + "。\n")
    assert {(v, u) for _, v, u in found} == {(6.0, "期")}


@pytest.mark.parametrize("text", [
    "全县行政村共120个，总面积2300平方公里。", "全县现有在建项目共56个，总投资300亿元。",
    "全县总人口28万人的目标人群。", "截至2023年底，已完成危房改造1200户的目标。",
])
def test_totals_and_named_figures_that_are_no_goal(tmp_path, text):
    assert _targets(tmp_path, HEAD + text + "\n") == set()


@pytest.mark.parametrize("wording, expect", [
    ("争取上级资金三亿五千万元", ("=", 3.5, "亿元", 3.5e8)), ("争取上级资金3.5亿元", ("=", 3.5, "亿元", 3.5e8)),
    ("争取上级资金十二亿零五百万元", ("=", 12.05, "亿元", 1.205e9)),
    ("争取上级资金三千五百万元", ("=", 3500.0, "万元", 3.5e7)), ("争取上级资金两亿元", ("=", 2.0, "亿元", 2e8)),
    ("新增城镇就业一万二千人", ("=", 12000.0, "人", 12000.0)),
])
def test_a_chinese_amount_keeps_its_largest_multiplier_in_the_unit(tmp_path, wording, expect):
    found = {(t.comparator, t.value, t.unit, t.value_base)
             for ex in _run(tmp_path, HEAD + wording + "。\n") for t in ex.targets}
    assert found == {expect}


@pytest.mark.parametrize("heading", ["一、工作目标", "一、主要任务", "（二）年度目标任务", "一、目标任务"])
@pytest.mark.parametrize("layout", [
    "卫生户厕改造：1200户。\n新建村级便民服务站：35个。\n",
    "1.卫生户厕改造：1200户；\n2.新建村级便民服务站：35个。\n",
    "（1）卫生户厕改造: 1200户\n（2）新建村级便民服务站：35个\n",
    "卫生户厕改造：1200户，新建村级便民服务站：35个。\n",
    "到2025年，完成以下任务：\n卫生户厕改造：1200户；\n新建村级便民服务站：35个。\n",
])
def test_a_colon_labelled_count_under_a_goal_heading(tmp_path, heading, layout):
    text = "镇巴县农村人居环境整治提升行动实施方案\n\n" + heading + "\n" + layout
    assert _targets(tmp_path, text) == {("=", 1200.0, "户"), ("=", 35.0, "个")}


def test_a_noun_labelled_count_needs_a_goal_heading(tmp_path):
    goals = "镇巴县农村人居环境整治提升行动实施方案\n\n一、工作目标\n美丽示范村：15个。\n"
    facts = "镇巴县农村人居环境整治提升行动实施方案\n\n一、基本情况\n美丽示范村：15个。\n"
    assert _targets(tmp_path, goals) == {("=", 15.0, "个")}
    assert _targets(tmp_path, facts) == set()


@pytest.mark.parametrize("line", [
    "已完成卫生户厕改造：1200户。", "联系电话：0916-7212345。", "补助标准：每户3000元。",
    "全县共有行政村：68个。", "户籍人口：25.6万人。",
])
def test_colon_labelled_numbers_that_are_no_goal(tmp_path, line):
    text = "镇巴县农村人居环境整治提升行动实施方案\n\n一、基本情况\n" + line + "\n"
    assert _targets(tmp_path, text) == set()


@pytest.mark.parametrize("wording", [
    "全年接待游客近50万人次", "全年接待游客约50万人次", "全年接待游客50万人次左右", "全年接待游客将近50万人次",
    "全年接待游客大约50万人次",
])
def test_a_round_figure_is_the_figure_as_written(tmp_path, wording):
    found = {(t.value, t.unit) for ex in _run(tmp_path, HEAD + wording + "。\n") for t in ex.targets}
    assert found == {(50.0, "万人次")}


@pytest.mark.parametrize("wording", ["改造户厕近3000户", "改造户厕约3000户", "改造户厕3000余户", "改造户厕3000户"])
def test_a_round_count_keeps_its_indicator(tmp_path, wording):
    inds = {t.indicator for ex in _run(tmp_path, HEAD + wording + "。\n") for t in ex.targets}
    assert inds == {"改造户厕"}


@pytest.mark.parametrize("text", [
    "近3年来，全县群众满意度稳步上升。", "近30天内未发生安全事故。", "近三个月以来，整治工作有序推进。",
    "约两周内群众反映的问题逐步解决。",
])
def test_a_span_of_time_after_near_is_no_target(tmp_path, text):
    assert _targets(tmp_path, HEAD + text + "\n") == set()


# --- outline ------------------------------------------------------------------------

OUTLINE = ("宁陕县农村人居环境整治提升行动实施方案\n\n为推进整治，制定本方案。\n"
           "一{t}工作目标\n建成示范村15个。\n二{t}重点任务\n（一）推进厕所革命\n"
           "1{d}新建户厕。新建户厕1200座。\n（1）做好选址。\n（2）加强监管。\n2{d}改造公厕。\n三{t}保障措施\n")
OUTLINE_NODES = [("一", 1, "工作目标"), ("二", 1, "重点任务"), ("(一)", 2, "推进厕所"),
                 ("1", 3, "新建户厕"), ("(1)", 4, "做好选址"), ("(2)", 4, "加强监管"),
                 ("2", 3, "改造公厕"), ("三", 1, "保障措施")]


def _nfkc(nodes):
    import unicodedata
    return [(unicodedata.normalize("NFKC", label), level, title) for label, level, title in nodes]


@pytest.mark.parametrize("top", ["、", ".", "．", "，", "\t"])
@pytest.mark.parametrize("digit", ["、", ".", "．", "）", ")"])
def test_the_same_outline_under_any_punctuation(tmp_path, top, digit):
    nodes = _nodes(tmp_path, OUTLINE.format(t=top, d=digit))
    assert _nfkc(nodes) == OUTLINE_NODES


def test_a_half_bracket_style_below_a_paren_one_nests_under_it(tmp_path):
    text = ("宁陕县农村人居环境整治提升行动实施方案\n\n一、重点任务\n（一）推进厕所革命\n"
            "1.新建户厕。\n（1）做好选址。\n1）选址一。\n2）选址二。\n（2）加强监管。\n2.改造公厕。\n")
    assert _nfkc(_nodes(tmp_path, text)) == [
        ("一", 1, "重点任务"), ("(一)", 2, "推进厕所"), ("1", 3, "新建户厕"), ("(1)", 4, "做好选址"),
        ("1", 5, "选址一"), ("2", 5, "选址二"), ("(2)", 4, "加强监管"), ("2", 3, "改造公厕")]


def test_a_list_of_numerals_after_commas_is_no_heading(tmp_path):
    text = "宁陕县农村人居环境整治提升行动实施方案\n\n一、重点任务\n一，二，三类企业分级管理。\n"
    assert _nfkc(_nodes(tmp_path, text)) == [("一", 1, "重点任务")]


# --- document fields ------------------------------------------------------------------

PLAN_BODY = ("\n为推进农村人居环境整治，结合实际，制定本方案。\n一、工作目标\n到2024年底，建成示范村15个。\n"
             "二、保障措施\n加强组织领导。\n")
NAME = "农村人居环境整治提升行动实施方案"


def _doc(tmp_path, text: str) -> tuple:
    plans = [ex.plan for ex in _run(tmp_path, text)]
    assert len(plans) == 1
    return plans[0].title, plans[0].city, plans[0].province


@pytest.mark.parametrize("text", [
    "石泉县" + NAME + PLAN_BODY,
    "石泉县农村人居环境整治\n提升行动实施方案\n" + PLAN_BODY,
    "石泉县人民政府办公室关于印发《石泉县" + NAME + "》的通知\n各镇人民政府，县政府各工作部门：\n"
    "现将《石泉县" + NAME + "》印发给你们，请认真贯彻执行。\n石泉县人民政府办公室\n2024年3月1日\n" + PLAN_BODY,
    "首页 > 政务公开 > 政策文件\n发布时间：2024-03-05 10:20 来源：石泉县人民政府办公室\n字号：大 中 小\n"
    "石泉县" + NAME + PLAN_BODY,
    "各镇人民政府，县政府各工作部门：\n现将《石泉县" + NAME + "》印发给你们，请认真贯彻执行。\n" + PLAN_BODY,
])
def test_the_title_and_place_under_any_layout(tmp_path, text):
    assert _doc(tmp_path, text) == ("石泉县" + NAME, "石泉县", "陕西省")


@pytest.mark.parametrize("signer, city", [
    ("镇安县人民政府办公室", "镇安县"), ("镇安县人民政府", "镇安县"), ("宁陕县人民政府办公室", "宁陕县"),
    ("镇坪县人民政府办公室", "镇坪县"),
])
def test_a_county_signing_the_plan_whose_name_opens_with_a_level_word(tmp_path, signer, city):
    assert _doc(tmp_path, NAME + PLAN_BODY + "\n" + signer + "\n2024年3月1日\n")[1:] == (city, "陕西省")


@pytest.mark.parametrize("head, province", [
    ("陕西", "陕西省"), ("陕西省", "陕西省"), ("广西", "广西壮族自治区"), ("广西壮族自治区", "广西壮族自治区"),
    ("内蒙古", "内蒙古自治区"), ("新疆", "新疆维吾尔自治区"), ("西藏", "西藏自治区"), ("宁夏", "宁夏回族自治区"),
])
def test_a_province_named_with_or_without_its_suffix(tmp_path, head, province):
    assert _doc(tmp_path, head + NAME + PLAN_BODY)[1:] == (None, province)


def test_a_province_stem_in_an_ordinary_word_names_no_province(tmp_path):
    text = "推进广西路片区改造工作方案\n为推进片区改造，制定本方案。\n一、工作目标\n完成改造。\n"
    assert _doc(tmp_path, text)[2] is None


def test_an_addressee_line_is_no_title(tmp_path):
    text = "各镇人民政府，县政府各工作部门：\n为推进整治，结合实际，制定本方案。\n一、工作目标\n建成示范村15个。\n"
    assert _doc(tmp_path, text)[0] == ""


@pytest.mark.parametrize("opening", [
    "", "各镇人民政府，县政府各工作部门：\n",
])
def test_the_signing_body_outweighs_the_counties_a_plan_learns_from(tmp_path, opening):
    text = (opening + NAME + "\n为学习汉阴县经验，对标汉阴县做法，结合实际，制定本方案。\n一、工作目标\n"
            "建成示范村15个。\n\n石泉县人民政府办公室\n2024年3月1日\n")
    assert _doc(tmp_path, text)[1:] == ("石泉县", "陕西省")


@pytest.mark.parametrize("headline", [
    "陕西关于成立农村人居环境整治工作领导小组的通知",
    "省政府办公厅印发通知\n陕西关于成立农村人居环境整治工作领导小组的通知",
])
def test_a_headline_that_shortens_the_issuer_yields_to_the_notice_heading(tmp_path, headline):
    full = "陕西省人民政府办公厅关于成立农村人居环境整治工作领导小组的通知"
    text = ("当前位置：首页 > 新闻\n" + headline + "\n发布时间：2024-03-05\n\n" + full +
            "\n陕政办函〔2024〕5号\n各市、县人民政府：\n现将有关事项通知如下：\n一、主要职责\n统筹推进整治工作。\n")
    assert _doc(tmp_path, text) == (full, None, "陕西省")


@pytest.mark.parametrize("report", [
    "南安市农村卫生厕所改造已完成八成。",          # a sentence opening with a county-level city
    "据统计，南安市农村卫生厕所改造已完成八成。",
])
def test_an_excerpt_speaking_to_its_counties_is_the_prefectures(tmp_path, report):
    text = ("3、推进农村厕所革命，各县(市)区政府负责。（牵头单位：市农业农村局；配合单位：市财政局）\n"
            + report + "今年全市计划改造户厕1200座，市卫健委、市住建局配合。\n")
    assert _doc(tmp_path, text)[1:] == ("泉州市", "福建省")


@pytest.mark.parametrize("stamp", ["编辑: zhangsan01 2024-03-05", "责任编辑：李明", "作者：县融媒体中心 2024-03-05 10:20"])
def test_an_editor_stamp_is_no_title(tmp_path, stamp):
    assert _doc(tmp_path, stamp + "\n附件1\n石泉县" + NAME + PLAN_BODY)[0] == "石泉县" + NAME
    # with no title line at all, the stamp's label is still no title
    assert _doc(tmp_path, stamp + "\n一、工作目标\n建成示范村15个。\n")[0] == ""


@pytest.mark.parametrize("dot", ["、", ".", "．"])
def test_a_heading_title_that_opens_with_a_figure(tmp_path, dot):
    text = ("宁陕县2024年重点工作任务分解\n\n一" + dot + "2024年主要预期目标\n（一）地区生产总值增长6%。\n"
            "二" + dot + "10件民生实事\n（一）新建户厕1200座。\n")
    assert _nfkc(_nodes(tmp_path, text)) == [("一", 1, "2024"), ("(一)", 2, "地区生产"),
                                             ("二", 1, "10件民"), ("(一)", 2, "新建户厕")]


def _wide(text: str) -> str:
    return text.translate(str.maketrans("0123456789%", "０１２３４５６７８９％"))


@pytest.mark.parametrize("line", [
    "1.新建农村卫生户厕1200座，2024年6月底前完成。",
    "2.60岁以上老年人免费体检，体检率达到90%以上。",
    "3.每千人口拥有3岁以下婴幼儿托位数达到4.5个。",
])
def test_full_width_figures_give_the_facts_of_ascii_ones(tmp_path, line):
    text = HEAD + line + "\n"
    facts = (_targets(tmp_path, text), _dates(tmp_path, text))
    assert facts[0] or facts[1]
    assert (_targets(tmp_path, _wide(text)), _dates(tmp_path, _wide(text))) == facts


@pytest.mark.parametrize("year", ["2024年度", "2024 年度", "2024年"])
def test_a_year_before_its_annual_word_with_or_without_a_space(tmp_path, year):
    text = "宁陕县" + year + "农村人居环境整治实施方案\n\n一、工作目标\n建成示范村15个。\n"
    assert ("point", dt.date(2024, 1, 1), dt.date(2024, 12, 31), None) in _dates(tmp_path, text)


@pytest.mark.parametrize("verb", ["新建", "新改建", "新（改）建", "新(改)建", "改（扩）建"])
def test_a_building_verb_with_a_bracketed_variant(tmp_path, verb):
    assert _targets(tmp_path, HEAD + verb + "农村公路50公里。\n") == {("=", 50.0, "公里")}


@pytest.mark.parametrize("wording", ["每月上门宣传不少于1次", "每月开展不少于1次的上门宣传", "每月开展不少于一次的上门宣传",
                                     "每月至少开展一次上门宣传"])
def test_a_floor_on_a_count_before_or_inside_its_noun_phrase(tmp_path, wording):
    assert _targets(tmp_path, HEAD + wording + "。\n") == {(">=", 1.0, "次")}


def test_a_threshold_of_a_class_is_still_no_goal(tmp_path):
    assert _targets(tmp_path, HEAD + "对年产值500万元以上的企业给予支持。\n") == set()


DISCLOSURE = {
    "colons": ("索 引 号：11610981MB0000000X/2024-00012  主题分类：城乡建设\n"
               "发布机构：石泉县人民政府办公室  成文日期：2024-03-01\n"
               "标　　题：石泉县人民政府办公室关于印发石泉县" + NAME + "的通知\n"
               "文　　号：石政办发〔2024〕5号  发布日期：2024-03-05\n"),
    "tabs": ("索引号\t11610981MB0000000X/2024-00012\n发文机关\t石泉县人民政府办公室\n"
             "标题\t石泉县人民政府办公室关于印发石泉县" + NAME + "的通知\n"
             "发文字号\t石政办发〔2024〕5号\n成文日期\t2024年03月01日\n发布日期\t2024年03月05日\n"),
}


@pytest.mark.parametrize("fields", list(DISCLOSURE))
def test_a_sites_catalogue_fields_are_no_title_and_no_dates(tmp_path, fields):
    text = DISCLOSURE[fields] + "石泉县" + NAME + PLAN_BODY
    assert _doc(tmp_path, text) == ("石泉县" + NAME, "石泉县", "陕西省")
    assert _dates(tmp_path, text) == {("point", dt.date(2024, 12, 31), dt.date(2024, 12, 31), None)}


@pytest.mark.parametrize("head", [
    "石泉县池河镇" + NAME,                                        # the county, then its town
    "石泉县池河镇人民政府关于印发" + NAME + "的通知\n" + NAME,
])
def test_a_town_of_the_named_county_is_the_plans_locality(tmp_path, head):
    body = "\n为推进整治，结合实际，制定本方案。\n一、工作目标\n建成示范村5个。\n"
    assert _doc(tmp_path, head + body)[1:] == ("池河镇", "陕西省")


def test_a_word_after_the_county_that_is_no_town_of_it(tmp_path):
    text = "石泉县城乡人居环境整治实施方案\n为推进整治，制定本方案。\n一、工作目标\n建成示范村5个。\n"
    assert _doc(tmp_path, text)[1:] == ("石泉县", "陕西省")


@pytest.mark.parametrize("district, province", [("朝阳区", "北京市"), ("普陀区", "上海市"), ("和平区", "天津市")])
def test_a_district_name_shared_by_several_cities_with_nothing_to_choose(tmp_path, district, province):
    body = "\n为推进整治，结合我区实际，制定本方案。\n一、工作目标\n建成示范村5个。区农业农村局负责。\n"
    assert _doc(tmp_path, district + NAME + body)[1:] == (district, province)


def test_a_district_name_shared_by_several_cities_follows_its_city(tmp_path):
    text = "朝阳区" + NAME + "\n为落实长春市工作部署，制定本方案。\n一、工作目标\n建成示范村5个。\n"
    assert _doc(tmp_path, text)[1:] == ("朝阳区", "吉林省")


@pytest.mark.parametrize("wording", ["新增就业岗位500个", "新增就业岗位500余个", "新增就业岗位500多个"])
def test_a_round_figure_is_the_number_as_written(tmp_path, wording):
    assert _targets(tmp_path, HEAD + wording + "。\n") == {("=", 500.0, "个")}


@pytest.mark.parametrize("text", ["全县现有企业200多家。", "用10余年时间完成。", "3个多月完成整改。"])
def test_a_round_figure_that_states_what_is(tmp_path, text):
    assert _targets(tmp_path, HEAD + text + "\n") == set()


@pytest.mark.parametrize("chrome", [
    "您当前的位置：首页>信息公开>通知公告", "您现在的位置：首页 > 政策文件", "【字体：大 中 小】【打印】【关闭】",
    "您当前的位置：首页>信息公开\n【字体：大 中 小】【打印】【关闭】\n扫一扫在手机打开当前页",
])
def test_page_chrome_above_a_plan_with_no_title_line(tmp_path, chrome):
    text = chrome + "\n各镇人民政府，县政府各工作部门：\n为推进整治，结合实际，制定本方案。\n一、工作目标\n建成示范村15个。\n"
    assert _doc(tmp_path, text)[0] == ""


@pytest.mark.parametrize("bar", ["\t", " | ", "|", "  "])
def test_a_goal_table_with_any_cell_separator(tmp_path, bar):
    rows = [["序号", "指标名称", "单位", "2023年基数", "2025年目标"],
            ["1", "农村卫生厕所普及率", "%", "75", "90"], ["2", "示范村", "个", "5", "15"]]
    table = "".join(bar.join(r) + "\n" for r in rows)
    assert _targets(tmp_path, HEAD + table) == {("=", 90.0, "%"), ("=", 15.0, "个")}


@pytest.mark.parametrize("wording", ["实现行政村100%全覆盖", "行政村实现100%覆盖", "行政村覆盖率达到100%", "行政村覆盖率100%"])
def test_full_coverage_in_any_order(tmp_path, wording):
    assert _targets(tmp_path, HEAD + wording + "。\n") == {("=", 100.0, "%")}


@pytest.mark.parametrize("text", ["目前已实现90%覆盖。", "截至2023年底已实现85%覆盖。"])
def test_coverage_already_reached_is_no_goal(tmp_path, text):
    assert _targets(tmp_path, HEAD + text + "\n") == set()


@pytest.mark.parametrize("lead", ["本办法适用于下列厕所：", "本办法适用于全县。"])
@pytest.mark.parametrize("heading", ["", "一、总则\n"])
def test_the_items_of_an_article_with_or_without_a_lead_in(tmp_path, lead, heading):
    text = ("宁陕县农村厕所管理办法\n\n" + heading + "第一条 为推进整治，制定本办法。\n第二条 " + lead +
            "\n（一）农村户厕；\n（二）公共厕所。\n第三条 本办法自印发之日起施行。\n")
    top = 1 if heading else 0
    expect = [("第一条", 1 + top), ("第二条", 1 + top), ("(一)", 2 + top), ("(二)", 2 + top), ("第三条", 1 + top)]
    assert [(label, level) for label, level, _ in _nfkc(_nodes(tmp_path, text))][top:] == expect


ETHNIC_BODY = "\n为推进农村人居环境整治，结合实际，制定本方案。\n一、工作目标\n建成示范村3个。\n"


@pytest.mark.parametrize("head, expect", [
    ("大龙潭彝族乡人民政府关于印发农村人居环境整治实施方案的通知", ("大龙潭彝族乡", "四川省")),
    ("喇叭沟门满族乡人民政府关于印发农村人居环境整治实施方案的通知", ("喇叭沟门满族乡", "北京市")),
    ("怀柔区喇叭沟门满族乡农村人居环境整治实施方案", ("喇叭沟门满族乡", "北京市")),
    ("屏边彝族乡农村人居环境整治实施方案", ("屏边彝族乡", "四川省")),
    ("屏山县屏边彝族乡人民政府关于印发农村人居环境整治实施方案的通知", ("屏边彝族乡", "四川省")),
    ("鹿泉区大河镇农村人居环境整治实施方案", ("大河镇", "河北省")),
    ("大河镇人民政府关于印发大河镇农村人居环境整治实施方案的通知", ("大河镇", None)),
    ("巴彦塔拉苏木人民政府关于印发农村人居环境整治实施方案的通知\n内蒙古自治区", ("巴彦塔拉苏木", "内蒙古自治区")),
])
def test_an_ethnic_or_listed_township_is_the_plans_place(tmp_path, head, expect):
    assert _doc(tmp_path, head + ETHNIC_BODY)[1:] == expect


@pytest.mark.parametrize("title", ["关于推进城乡建设的实施方案", "民族乡村振兴示范创建实施方案", "大河镇农村人居环境整治实施方案"])
def test_a_township_word_in_a_title_is_no_place_unless_marked(tmp_path, title):
    assert _doc(tmp_path, title + ETHNIC_BODY)[1] is None


JOINT = "关于加快推进农村人居环境整治的实施方案"


@pytest.mark.parametrize("head", [
    "中共屏山县委 屏山县人民政府\n" + JOINT, "中共屏山县委　屏山县人民政府\n" + JOINT,
    "中共屏山县委 屏山县人民政府" + JOINT, "中共屏山县委  屏山县人民政府\n" + JOINT,
])
def test_a_joint_title_over_two_lines_is_one_title(tmp_path, head):
    title, city, province = _doc(tmp_path, head + PLAN_BODY)
    assert "".join(title.split()) == "中共屏山县委屏山县人民政府" + JOINT
    assert (city, province) == ("屏山县", "四川省")


def test_one_issuer_above_a_title_stays_out_of_it(tmp_path):
    assert _doc(tmp_path, "屏山县人民政府\n" + JOINT + PLAN_BODY)[0] == JOINT


@pytest.mark.parametrize("wording", ["编制12个专项规划", "完成12个专项规划编制", "出台12个专项方案", "制定12项专项规划"])
def test_a_count_of_documents_the_plan_draws_up(tmp_path, wording):
    expect = {("=", 12.0, "项" if "12项" in wording else "个")}
    assert _targets(tmp_path, HEAD + "1." + wording + "。\n") == expect


@pytest.mark.parametrize("text", ["开展3个专项行动。", "聚焦3个专项整治。"])
def test_a_count_of_kinds_of_work_is_still_no_goal(tmp_path, text):
    assert _targets(tmp_path, HEAD + text + "\n") == set()


@pytest.mark.parametrize("joiner", ["配套", "，配套", "并配套"])
def test_a_second_capacity_built_with_the_first(tmp_path, joiner):
    text = HEAD + "1.建设200万吨水泥生产线" + joiner + "50万吨骨料加工项目。\n"
    assert _targets(tmp_path, text) == {("=", 200.0, "万吨"), ("=", 50.0, "万吨")}


@pytest.mark.parametrize("mark", ["", "*", "※", "★"])
def test_a_flattened_table_row_number_with_a_mark(tmp_path, mark):
    text = ("宁陕县2024年重点任务责任分解\n\n一、重点任务\n序号\n\n工作任务\n\n责任单位\n\n1\n\n新建农村卫生户厕。\n\n县农业农村局\n\n"
            "2" + mark + "\n\n改造农村公路。\n\n县交通运输局\n")
    assert _nfkc(_nodes(tmp_path, text)) == [("一", 1, "重点任务"), ("1", 2, "新建农村"), ("2", 2, "改造农村")]
