"""Variation tests on the wordings real plans use for targets and dates: one
invented base fact (a real county, invented wording) under many wordings and
layouts that say the same thing must give the same rows; the counter-examples
beside each family must give none.
"""
from __future__ import annotations

import datetime as dt

import pytest

from tests.test_variations_facts import _run

TITLE = "汉阴县美丽乡村建设三年行动实施方案\n\n"
HEAD = TITLE + "一、重点任务\n"
YEAR_HEAD = TITLE + "一、2024年重点任务\n（一）改造农村户厕，"
YEAR_2024 = ("point", dt.date(2024, 1, 1), dt.date(2024, 12, 31), None)


def _targets(tmp_path, text: str) -> set:
    return {(t.comparator, t.value, t.unit) for ex in _run(tmp_path, text) for t in ex.targets}


def _dates(tmp_path, text: str) -> set:
    return {(d.kind, d.start, d.end, d.period) for ex in _run(tmp_path, text) for d in ex.dates}


# --- targets: the counted noun and the number ------------------------------------

@pytest.mark.parametrize("wording", [
    "示范村15个", "建成示范村15个", "建成15个示范村", "示范村数量达到15个", "新建十五个示范村",
    "全县示范村总数达到15个", "到2025年底，建成示范村15个", "年内建成示范村15个", "力争三年内建成示范村15个",
    "力争到2025年底，全县建成示范村15个", "确保建成示范村15个", "新建示范村 15 个",
])
def test_a_count_of_villages_in_any_order_or_time(tmp_path, wording):
    assert _targets(tmp_path, HEAD + wording + "。\n") == {("=", 15.0, "个")}


@pytest.mark.parametrize("wording", [
    "完成改造的老旧小区达到120个", "累计完成老旧小区改造120个", "全年完成120个老旧小区改造",
    "完成120个老旧小区改造任务", "实施老旧小区改造项目120个",
])
def test_the_counted_noun_far_from_its_number(tmp_path, wording):
    assert _targets(tmp_path, HEAD + wording + "。\n") == {("=", 120.0, "个")}


@pytest.mark.parametrize("layout", [
    "序号\t工作任务\t目标\n1\t新建示范村\t15个\n",
    "序号\t指标名称\t单位\t目标值\n1\t新建示范村\t个\t15\n",
    "新建示范村：15个。\n",
])
def test_a_count_in_a_cell_or_after_a_colon(tmp_path, layout):
    assert _targets(tmp_path, HEAD + layout) == {("=", 15.0, "个")}


LISTED = {("=", 3.0, "所"), ("=", 5.0, "个"), ("=", 120.0, "公里")}


@pytest.mark.parametrize("wording", [
    "新建村级幼儿园3所、村卫生室5个、农村公路120公里",
    "新建幼儿园3所，卫生室5个，农村公路120公里",
    "新建幼儿园3所、卫生室5个和农村公路120公里",
])
def test_a_list_of_counts_in_one_sentence(tmp_path, wording):
    assert _targets(tmp_path, HEAD + wording + "。\n") == LISTED


@pytest.mark.parametrize("aside", [
    "（其中公办2所）", "(其中公办2所)", "（含公办）", "（附件1）", "（牵头单位：县教体局）", "（名单另行公布）",
])
def test_a_bracketed_aside_after_a_count_keeps_it(tmp_path, aside):
    assert ("=", 3.0, "所") in _targets(tmp_path, HEAD + "新建幼儿园3所" + aside + "。\n")


@pytest.mark.parametrize("wording", ["培育龙头企业3-5家", "培育龙头企业3至5家", "培育龙头企业3～5家"])
def test_a_range_reads_alike_however_it_is_joined(tmp_path, wording):
    assert _targets(tmp_path, HEAD + wording + "。\n") == _targets(tmp_path, HEAD + "培育龙头企业3-5家。\n")


# bounds: 以上, 不少于, 以内, 不超过, 控制在…以内, 力争, 左右
BOUNDS = [
    ("建成示范村15个以上", (">=", 15.0, "个")), ("建成示范村不少于15个", (">=", 15.0, "个")),
    ("示范村不低于15个", (">=", 15.0, "个")), ("安全事故控制在5起以内", ("<=", 5.0, "起")),
    ("安全事故不超过5起", ("<=", 5.0, "起")), ("城镇登记失业率控制在4.5%以内", ("<=", 4.5, "%")),
    ("贫困发生率下降到8%以下", ("<=", 8.0, "%")), ("力争新增市场主体5000户", ("=", 5000.0, "户")),
    ("新增就业岗位2000个左右", ("=", 2000.0, "个")), ("粮食产量稳定在25万吨以上", (">=", 25.0, "万吨")),
]
# amounts keep their multiplier in the unit as written
AMOUNTS = [
    ("投入资金3500万元", ("=", 3500.0, "万元")), ("投入资金1.2亿元", ("=", 1.2, "亿元")),
    ("投入资金1.2千万元", ("=", 1.2, "千万元")), ("计划总投资5.6亿元", ("=", 5.6, "亿元")),
    ("争取中央和省级资金不低于2亿元", (">=", 2.0, "亿元")), ("实现旅游综合收入50亿元", ("=", 50.0, "亿元")),
]
# a change in percent or points, against last year or a base year
CHANGES = [
    ("森林覆盖率提高2个百分点", ("=", 2.0, "百分点")), ("城镇化率较上年提高1.5个百分点", ("=", 1.5, "百分点")),
    ("城镇化率比上年提升1.5个百分点以上", (">=", 1.5, "百分点")),
    ("农民人均可支配收入增长10%左右", ("=", 10.0, "%")), ("农民人均可支配收入比上年增长8%", ("=", 8.0, "%")),
    ("农村居民人均可支配收入同比增长8%以上", (">=", 8.0, "%")), ("能耗同比下降5%", ("=", 5.0, "%")),
    ("单位GDP能耗比2020年下降13.5%", ("=", 13.5, "%")),
]
# comparison signs in their variant spellings
SIGNS = [
    ("农村卫生厕所普及率≥90%", (">=", 90.0, "%")), ("农村卫生厕所普及率≧90%", (">=", 90.0, "%")),
    ("农村卫生厕所普及率≦90%", ("<=", 90.0, "%")), ("农村卫生厕所普及率超过90%", (">", 90.0, "%")),
    ("旅游综合收入突破5亿元", (">", 5.0, "亿元")),
]


@pytest.mark.parametrize("wording, expect", BOUNDS + AMOUNTS + CHANGES + SIGNS)
def test_one_wording_gives_one_row(tmp_path, wording, expect):
    assert _targets(tmp_path, HEAD + wording + "。\n") == {expect}


@pytest.mark.parametrize("wording, expect", [
    ("新建十个示范村", {("=", 10.0, "个")}), ("新建两所幼儿园", {("=", 2.0, "所")}),
    ("新建农村公路一百二十公里", {("=", 120.0, "公里")}),
    ("新建三所幼儿园和两所小学", {("=", 3.0, "所"), ("=", 2.0, "所")}),
])
def test_chinese_numerals(tmp_path, wording, expect):
    assert _targets(tmp_path, HEAD + wording + "。\n") == expect


@pytest.mark.parametrize("wording", [
    "招商引资到位资金30亿元", "全年招商引资30亿元", "完成招商引资30亿元", "招商引资到位资金达到30亿元",
])
def test_an_investment_drive_names_its_amount(tmp_path, wording):
    assert _targets(tmp_path, HEAD + wording + "。\n") == {("=", 30.0, "亿元")}


@pytest.mark.parametrize("text", [
    "2024年完成整治。", "第3批示范村名单已公布。", "为60岁以上老人免费体检。", "咨询电话：0915-5212345。",
    "依据汉政发〔2024〕12号文件执行。", "畅通12345热线。", "一次投入，长期受益。", "开展3个专项行动。",
    "实施“十大工程”。", "招商引资工作由县商务局负责。", "2024年招商引资工作要点印发。",
])
def test_numbers_that_are_no_target(tmp_path, text):
    assert _targets(tmp_path, HEAD + text + "\n") == set()


# the staff a working group is made of, in any wording: how it is manned, no goal
@pytest.mark.parametrize("text", [
    "综合组：从县住建局、县水利局等单位各抽调1名业务骨干组成工作专班，负责日常调度。",
    "督查组：县纪委监委抽调2名干部，负责督查问责。",
    "宣传组：县融媒体中心3人，县广播电视台2人，组成宣传组，负责宣传报道。",
    "各镇各借调1名工作人员，负责资料汇总。",
])
def test_the_staff_of_a_working_group_is_no_target(tmp_path, text):
    assert _targets(tmp_path, HEAD + text + "\n") == set()


@pytest.mark.parametrize("wording, expect", [
    ("培训农村实用人才200人", ("=", 200.0, "人")),
    ("选派驻村第一书记30名", ("=", 30.0, "名")),
    ("新增就业1200人，组成就业服务台账", ("=", 1200.0, "人")),
])
def test_people_counted_as_a_goal_stay_targets(tmp_path, wording, expect):
    assert _targets(tmp_path, HEAD + wording + "。\n") == {expect}


# a share of the subject, or a count of things, that is to reach a level: the
# number is the goal, the level it reaches no baseline of its own
@pytest.mark.parametrize("wording, expect", [
    ("全县规模养殖场90%达到省级标准化示范场标准", {("=", 90.0, "%")}),
    ("全县农家书屋85%达标", {("=", 85.0, "%")}),
    ("培育20家以上合作社达到国家级示范社标准", {(">=", 20.0, "家")}),
    ("全县农家书屋85%达到省级标准，建成示范书屋10个", {("=", 85.0, "%"), ("=", 10.0, "个")}),
])
def test_a_number_that_reaches_a_level_owns_it(tmp_path, wording, expect):
    assert _targets(tmp_path, HEAD + wording + "。\n") == expect


def test_a_level_reached_with_no_number_stays_a_baseline(tmp_path):
    assert _targets(tmp_path, HEAD + "饮用水源水质达到国家标准。\n") == {("=", None, None)}


def test_a_number_in_a_name_leaves_the_count_after_it(tmp_path):
    assert _targets(tmp_path, HEAD + "建成5G基站120个。\n") == {("=", 120.0, "个")}


# --- dates ------------------------------------------------------------------------

@pytest.mark.parametrize("wording, expect", [
    ("年底前完成", ("deadline", None, dt.date(2024, 12, 31), None)),
    ("上半年完成", ("point", dt.date(2024, 1, 1), dt.date(2024, 6, 30), None)),
    ("第一季度完成", ("point", dt.date(2024, 1, 1), dt.date(2024, 3, 31), None)),
    ("6月底前完成", ("deadline", None, dt.date(2024, 6, 30), None)),
    ("12月中旬前完成", ("deadline", None, dt.date(2024, 12, 20), None)),
    ("次年3月底前完成验收", ("deadline", None, dt.date(2025, 3, 31), None)),
    ("9月1日至10月31日完成", ("range", dt.date(2024, 9, 1), dt.date(2024, 10, 31), None)),
    ("9-10月完成", ("range", dt.date(2024, 9, 1), dt.date(2024, 10, 31), None)),
])
def test_a_date_without_a_year_takes_the_heading_year(tmp_path, wording, expect):
    assert _dates(tmp_path, YEAR_HEAD + wording + "。\n") == {YEAR_2024, expect}


@pytest.mark.parametrize("stamp", ["2023-06-18 中国农业信息网", "2023-06-18　来源：县政府办", "2023/06/18 浏览次数：35"])
def test_a_page_date_above_the_plan_gives_no_year(tmp_path, stamp):
    """The page's posting date is no date of the plan, and a month without a
    year takes the year of the plan's title, not the page's."""
    text = ("汉阴县2022年城乡环境卫生整治工作方案\n" + stamp + "\n一、工作步骤\n"
            "集中整治时段为5月25日至7月10日。\n")
    assert _dates(tmp_path, text) == {("point", dt.date(2022, 1, 1), dt.date(2022, 12, 31), None),
                                      ("range", dt.date(2022, 5, 25), dt.date(2022, 7, 10), None)}


def test_within_the_year_is_no_date_of_its_own(tmp_path):
    # 年内 is relative: analysts annotate it at most as optional, so it is left out
    assert _dates(tmp_path, YEAR_HEAD + "年内完成。\n") == {YEAR_2024}
    assert _dates(tmp_path, HEAD + "年内完成改造。\n") == set()


@pytest.mark.parametrize("wording", ["三年内", "两年内", "5年内", "数年内", "十年内"])
def test_a_span_of_years_within_is_no_date(tmp_path, wording):
    assert _dates(tmp_path, HEAD + "力争" + wording + "建成示范村15个。\n") == set()


@pytest.mark.parametrize("wording", [
    "2025年6月30日前完成", "2025年6月30日以前完成", "2025年6月30日之前完成", "于2025年6月底之前完成",
    "不晚于2025年6月30日完成", "最迟于2025年6月底完成", "最迟在2025年6月30日完成", "在2025年6月底前全部完成",
    "2025年6月30日（含）前完成", "2025年6月30日(含)之前完成", "2025年6月30日24时前完成",
])
def test_a_deadline_in_any_wording(tmp_path, wording):
    assert _dates(tmp_path, HEAD + wording + "。\n") == {("deadline", None, dt.date(2025, 6, 30), None)}


@pytest.mark.parametrize("wording", [
    "即日起至2024年12月31日", "自即日起至2024年底", "从即日起到2024年12月底", "即日起至2024年12月底",
])
def test_from_today_until_a_day_is_a_deadline(tmp_path, wording):
    assert _dates(tmp_path, HEAD + wording + "，开展集中整治。\n") == {("deadline", None, dt.date(2024, 12, 31), None)}


@pytest.mark.parametrize("text", ["本方案自即日起施行。", "即日起开展集中整治。"])
def test_from_today_alone_is_no_date(tmp_path, text):
    assert _dates(tmp_path, HEAD + text + "\n") == set()


@pytest.mark.parametrize("wording", ["长期坚持", "持续推进", "长期坚持，常态推进"])
def test_an_open_time_is_no_date(tmp_path, wording):
    assert _dates(tmp_path, HEAD + "（一）改造农村户厕，" + wording + "。\n") == set()


@pytest.mark.parametrize("wording, period", [
    ("每年开展一次评估", "P1Y"), ("每季度通报一次进展", "P3M"), ("每月报送进展", "P1M"),
    ("每年年底前报送年度总结", "P1Y"), ("每年12月底前报送年度总结", "P1Y"), ("每半年召开一次会议", "P6M"),
])
def test_a_recurring_time_alone(tmp_path, wording, period):
    assert _dates(tmp_path, HEAD + wording + "。\n") == {("recurring", None, None, period)}


YEARS = ("range", dt.date(2024, 1, 1), dt.date(2026, 12, 31), None)


@pytest.mark.parametrize("wording", [
    "2024—2026年，", "2024-2026年，", "2024～2026年，", "2024年至2026年，", "（1）2024—2026年，",
    "1.2024—2026年，", "1、2024—2026年，", "全县在2024—2026年间",
])
def test_a_range_of_years_in_any_spelling(tmp_path, wording):
    assert _dates(tmp_path, HEAD + wording + "建成示范村15个。\n") == {YEARS}


@pytest.mark.parametrize("wording", ["2024年3月启动，6月底前完成", "2024年3月启动，于6月底前完成"])
def test_a_month_without_a_year_after_a_dated_one(tmp_path, wording):
    assert _dates(tmp_path, HEAD + wording + "。\n") == {
        ("point", dt.date(2024, 3, 1), dt.date(2024, 3, 31), None),
        ("deadline", None, dt.date(2024, 6, 30), None)}


def test_the_next_year_after_a_dated_month(tmp_path):
    assert _dates(tmp_path, HEAD + "2024年11月至次年3月开展冬春整治。\n") == {
        ("range", dt.date(2024, 11, 1), dt.date(2025, 3, 31), None)}


@pytest.mark.parametrize("text", ["推广超低能耗建筑。", "赶超先进地区。", "建设超高清视频中心。"])
def test_a_bare_exceed_is_no_comparison(tmp_path, text):
    assert _targets(tmp_path, HEAD + text + "\n") == set()


@pytest.mark.parametrize("text, expect", [
    ("全年新建示范村15个（其中省级示范村5个、市级示范村10个）。",
     {("=", 15.0, "个"), ("=", 5.0, "个"), ("=", 10.0, "个")}),
    ("全年新建示范村15个(其中省级示范村5个、市级示范村10个)。",
     {("=", 15.0, "个"), ("=", 5.0, "个"), ("=", 10.0, "个")}),
    ("全县完成造林绿化1.5万亩（人工造林0.5万亩、封山育林1万亩）。",
     {("=", 1.5, "万亩"), ("=", 0.5, "万亩"), ("=", 1.0, "万亩")}),
])
def test_every_part_of_a_bracketed_breakdown(tmp_path, text, expect):
    assert _targets(tmp_path, HEAD + text + "\n") == expect


@pytest.mark.parametrize("table, expect", [
    ("序号\t指标\t单位\t2023年\t2025年\n1\t农村卫生厕所普及率\t%\t80\t90\n", {("=", 90.0, "%")}),
    ("序号\t指标\t单位\t2023年\t2024年\t2025年\n1\t农村卫生厕所普及率\t%\t80\t85\t90\n", {("=", 90.0, "%")}),
    ("指标\t2023年\t2025年\n农村卫生厕所普及率（%）\t80\t90\n", {("=", 90.0, "%")}),
    ("指标\t2023年\t2025年\n新建示范村（个）\t5\t15\n", {("=", 15.0, "个")}),
    ("序号\t指标名称\t2025年目标\n1\t新建示范村（个）\t15\n", {("=", 15.0, "个")}),
    ("序号\t指标\t2023年基数\t2025年目标\n1\t农村卫生厕所普及率\t80%\t90%\n", {("=", 90.0, "%")}),
    ("指标\t目标值\t属性\n农村卫生厕所普及率（%）\t≥90\t约束性\n", {(">=", 90.0, "%")}),
    ("指标\t单位\t目标值\t属性\n农村卫生厕所普及率\t%\t≥90\t约束性\n", {(">=", 90.0, "%")}),
    ("指标\t目标值\n农村卫生厕所普及率\t≥90%\n", {(">=", 90.0, "%")}),
])
def test_a_goal_in_an_indicator_table_under_any_header(tmp_path, table, expect):
    assert _targets(tmp_path, TITLE + "一、主要目标\n" + table) == expect


@pytest.mark.parametrize("table", [
    "序号\t村名\t户数\t人口\n1\t双河村\t320\t1200\n",
    "序号\t镇名\t2022年\t2023年\n1\t城关镇\t320\t400\n",
])
def test_a_table_of_facts_holds_no_goal(tmp_path, table):
    assert _targets(tmp_path, TITLE + "一、基本情况\n" + table) == set()
