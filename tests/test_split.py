"""Split stage: plans in a source, their titles, localities and issue dates."""
from datetime import date
from pathlib import Path

import pytest
import yaml

from extract.prepare import outline, split
from tests.conftest import make_source
from extract.prepare import clean


def plans_of(text: str):
    return split.split(clean.clean(make_source(text)))


def test_single_plan_titled_by_first_title_line():
    plans = plans_of("\n\n临泉县农村人居环境整治三年行动实施方案\n一、目标\n完成整治任务。\n")
    assert len(plans) == 1
    plan = plans[0]
    assert (plan.part, plan.title, plan.city, plan.province) == (1, "临泉县农村人居环境整治三年行动实施方案", "临泉县", "安徽省")
    assert plan.text.startswith("临泉县")


def test_page_with_two_plans():
    text = ("相关文章\n第一篇:某市创建文明城市实施方案\n一、目标\n完成任务。\n"
            "第二篇：宜昌市创建湖北省文明城市工作方案\n一、目标\n全面达标。\n")
    first, second = plans_of(text)
    assert first.title == "某市创建文明城市实施方案" and first.part == 1
    assert "第二篇" not in first.text
    assert (second.title, second.city, second.province, second.part) == \
        ("宜昌市创建湖北省文明城市工作方案", "宜昌市", "湖北省", 2)
    assert second.text[second.title_start:].startswith(second.title)


NOTICE = """南宁市人民政府办公室关于印发南宁市城市更新行动方案的通知
南府办〔2023〕12号
各县（市、区）人民政府，市政府各部门：
  《南宁市城市更新行动方案》已经市人民政府同意，现印发给你们，请认真贯彻执行。
南宁市人民政府办公室
2023年4月6日
南宁市城市更新行动方案
一、总体要求
（一）指导思想
"""


def test_notice_belongs_to_the_plan_it_issues():
    (plan,) = plans_of(NOTICE)
    assert plan.title == "南宁市城市更新行动方案"
    assert plan.text.startswith("南宁市人民政府办公室关于印发")
    assert (plan.city, plan.province, plan.issue_date) == ("南宁市", "广西壮族自治区", date(2023, 4, 6))


def test_notice_issuing_two_documents_gives_two_plans():
    text = ("某省人民政府办公厅关于印发支持数字经济发展若干政策和某省数字经济行动计划（2021—2023年）的通知\n"
            "各市人民政府：\n  《支持数字经济发展若干政策》《某省数字经济行动计划（2021-2023年）》现印发给你们。\n"
            "二〇二一年九月二日\n支持数字经济发展若干政策\n一、支持平台建设\n"
            "某省数字经济行动计划（2021-2023年）\n一、总体要求\n")
    first, second = plans_of(text)
    assert first.title == "支持数字经济发展若干政策"
    assert second.title == "某省数字经济行动计划（2021-2023年）"
    assert first.issue_date == second.issue_date == date(2021, 9, 2)
    assert second.text.startswith("某省数字经济行动计划")


ATTACHED = """柳州市鱼峰区住房和城乡建设局关于印发《鱼峰区老旧小区燃气管道更新改造实施方案》的通知
各街道办事处，区直有关单位：
  现将《鱼峰区老旧小区燃气管道更新改造实施方案》印发给你们，请认真组织实施。
附件：鱼峰区老旧小区燃气管道更新改造实施方案
柳州市鱼峰区住房和城乡建设局
2024年5月8日
附件
鱼峰区老旧小区燃气管道更新改造实施方案
一、工作目标
年底前完成改造任务。
"""


def test_a_notice_listing_its_attachment_is_one_plan_titled_where_it_starts():
    (plan,) = plans_of(ATTACHED)
    assert plan.title == "鱼峰区老旧小区燃气管道更新改造实施方案"
    assert plan.text[plan.title_start:].startswith(plan.title + "\n一、")
    assert plan.issue_date == date(2024, 5, 8)


def test_two_attachments_listed_then_given_are_two_plans():
    text = ("某县人民政府办公室关于印发《某县河道保洁实施方案》《某县河道保洁考核办法》的通知\n"
            "附件：1.某县河道保洁实施方案\n2.某县河道保洁考核办法\n2024年3月1日\n"
            "某县河道保洁实施方案\n一、目标\n全面保洁。\n某县河道保洁考核办法\n一、考核对象\n各乡镇。\n")
    first, second = plans_of(text)
    assert first.title == "某县河道保洁实施方案" and first.text.startswith("某县人民政府办公室")
    assert second.title == "某县河道保洁考核办法" and second.text.startswith("某县河道保洁考核办法\n一、")


NOTICE_SHAPES = [
    # a notice that names the body that drafted what it forwards
    ("鹤壁市淇滨区人民政府办公室转发区应急管理局制定的《淇滨区燃气安全专项整治工作方案》的通知\n"
     "各乡（镇）人民政府、街道办事处：\n区应急管理局制定的方案已经区政府同意，现转发给你们。\n"
     "2023年6月2日\n淇滨区燃气安全专项整治工作方案\n一、整治范围\n全区燃气经营企业。\n",
     "淇滨区燃气安全专项整治工作方案", ("淇滨区", "河南省")),
    # a page saved as Markdown: its headings without the marks
    ("# 嘉兴市秀洲区王江泾镇人民政府关于印发《王江泾镇河长制巡河工作方案》的通知\n\n"
     "各村（社区）：\n现将方案印发给你们。\n\n2024年4月2日\n\n"
     "## 王江泾镇河长制巡河工作方案\n\n一、巡河频次\n每周巡河一次。\n",
     "王江泾镇河长制巡河工作方案", ("王江泾镇", "浙江省")),
]


@pytest.mark.parametrize("text, title, place", NOTICE_SHAPES)
def test_notice_shapes(text, title, place):
    (plan,) = plans_of(text)
    assert plan.title == title
    assert (plan.city, plan.province) == place
    assert "#" not in plan.text


def test_a_plan_signed_by_a_town_is_the_towns():
    text = ("金坛区朱林镇农村道路养护考核办法\n一、考核对象\n各村道路养护员。\n二、考核方式\n"
            "镇建设办每月考核一次。\n\n常州市金坛区朱林镇人民政府\n\n2023年2月8日\n")
    (plan,) = plans_of(text)
    assert (plan.city, plan.province, plan.issue_date) == ("朱林镇", "江苏省", date(2023, 2, 8))


def test_a_signature_names_no_town_when_a_county_signs():
    text = ("灌云县农村道路养护考核办法\n一、考核对象\n各乡镇。\n\n灌云县交通运输局\n\n2023年2月8日\n")
    (plan,) = plans_of(text)
    assert (plan.city, plan.province) == ("灌云县", "江苏省")


def test_a_notice_signed_by_a_town_gives_the_town():
    text = ("关于印发《狮岭镇危房排查整治工作方案》的通知\n各村（居）委：\n现将方案印发给你们。\n"
            "广州市花都区狮岭镇人民政府\n2022年5月6日\n狮岭镇危房排查整治工作方案\n一、排查范围\n全镇房屋。\n")
    (plan,) = plans_of(text)
    assert plan.title == "狮岭镇危房排查整治工作方案"
    assert (plan.city, plan.issue_date) == ("狮岭镇", date(2022, 5, 6))


def test_a_sub_district_office_of_a_district_government_issues_for_the_sub_district():
    text = ("南京市鼓楼区人民政府宁海路街道办事处关于印发《宁海路街道老旧电梯更新工作方案》的通知\n"
            "各社区：\n现印发给你们。\n2024年3月1日\n宁海路街道老旧电梯更新工作方案\n一、目标\n完成更新。\n")
    (plan,) = plans_of(text)
    assert (plan.city, plan.province) == ("宁海路街道", "江苏省")


def test_province_level_city_has_no_city():
    (plan,) = plans_of("关于推进北京市数据专区建设的指导意见\n一、总体要求\n")
    assert (plan.city, plan.province) == (None, "北京市")


def test_autonomous_prefecture_short_form():
    (plan,) = plans_of("恩施州乡村振兴工作方案\n一、目标\n")
    assert (plan.city, plan.province) == ("恩施州", "湖北省")


def test_unknown_locality_is_null():
    (plan,) = plans_of("关于加强安全生产工作的实施方案\n一、目标\n")
    assert plan.city is None and plan.province is None


def test_doc_ids_are_stable_and_distinct():
    text = "第一篇：甲市实施方案\n一、目标\n第二篇：乙县工作方案\n一、目标\n"
    ids = [p.doc_id for p in plans_of(text)]
    assert ids == [p.doc_id for p in plans_of(text)] and len(set(ids)) == 2


CASES = yaml.safe_load((Path(__file__).parent / "data" / "doc_fields_cases.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", [
    pytest.param(c, id=c["id"]) for c in CASES])
def test_document_fields(case):
    plan = plans_of(case["text"])[0]
    assert (plan.city, plan.province) == (case["city"], case["province"])
    if "title" in case:       # a case about the locality alone leaves the title out
        assert plan.title == case["title"]


@pytest.mark.parametrize("text", ["。\n一、目标\n", "；加强领导\n一、目标\n", "。", "；；\n\n"])
def test_text_starting_with_sentence_punctuation_does_not_raise(text):
    (plan,) = plans_of(text)
    assert plan.text.strip() == text.strip()


def test_a_line_inside_the_outline_is_not_the_title():
    text = "今年重点抓好以下工作：\n一、完善工作机制\n建立健全部门联席会议工作方案\n二、强化督查考核\n"
    (plan,) = plans_of(text)
    # the lead-in sentence (……以下工作：) is no heading either: no title line
    assert plan.title == "" and plan.title_start == -1
    assert [n.label for n in outline.parse(plan)] == ["一", "二"]


def test_volumes_of_one_plan_are_not_separate_plans():
    text = ("宿迁市国民经济和社会发展第十四个五年规划纲要\n第一篇　开启全面建设新征程\n第一章　发展环境\n"
            "第二篇　建设现代产业体系\n第二章　做强先进制造业\n")
    (plan,) = plans_of(text)
    assert (plan.title, plan.city) == ("宿迁市国民经济和社会发展第十四个五年规划纲要", "宿迁市")
    assert [n.label for n in outline.parse(plan)] == ["第一篇", "第一章", "第二篇", "第二章"]


def test_plan_markers_are_not_outline_nodes():
    text = "第一篇：某市创建文明城市实施方案\n一、目标\n第二篇：某县创建文明县城工作方案\n一、目标\n"
    for plan in plans_of(text):
        assert [n.label for n in outline.parse(plan)] == ["一"]


def test_title_with_its_period_broken_over_two_lines():
    (plan,) = plans_of("泰州市推进数字乡村建设\n三年行动计划（2024—2026年）\n一、总体要求\n")
    assert (plan.title, plan.city) == ("泰州市推进数字乡村建设三年行动计划（2024—2026年）", "泰州市")


KEY_LINES = [
    "扬州市农村公路提升行动方案",
    "《扬州市农村公路提升行动方案》",
    "附件1：扬州市农村公路提升行动方案（2024—2026年）",
    "各县（市、区）人民政府，市各有关部门：现将方案印发给你们，请结合实际认真贯彻落实。",
    "ＡＢＣ　１２３，全角字符与“引号”——以及  空格 ",
    "e\u0301 ﬁ ㈠ ① ㍿ 长文本" * 8,
    "",
]


def test_a_key_only_grows_as_its_text_goes_on():
    # what the skip above rests on, over ugly text: combining marks, jamo, full-width forms
    import random
    pieces = ["e", "\u0301", "\u0323", "\u0302", "\u1100", "\u1161", "\u11a8", "ﬁ", "㍿", "①",
              "　", " ", "\t", "《", "》", "“", "—", "Ａ", "１", "，", "市", "方案", "\u0338", "="]
    rng = random.Random(7)
    for _ in range(400):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 30)))
        sizes = [len(split._key(text[:n])) for n in range(len(text) + 1)]
        assert sizes == sorted(sizes), text


@pytest.mark.parametrize("line", KEY_LINES)
@pytest.mark.parametrize("limit", [0, 4, 12, 20, 40])
def test_a_key_said_to_be_long_is_long(line, limit):
    # the title search skips a line without normalising it only when its key is too long
    if split._key_longer_than(line, limit):
        assert len(split._key(line)) > limit


def test_a_notice_with_long_paragraphs_still_finds_the_issued_title():
    paragraph = "为进一步改善农村交通条件，推动城乡融合发展，结合我市实际，制定本方案。" * 6
    text = ("扬州市人民政府关于印发扬州市农村公路提升行动方案的通知\n各县（市、区）人民政府：\n"
            f"{paragraph}\n现将《扬州市农村公路提升行动方案》印发给你们。\n扬州市人民政府\n2024年3月1日\n"
            f"扬州市农村公路提升行动方案\n一、总体要求\n{paragraph}\n")
    plans = plans_of(text)
    assert [p.title for p in plans] == ["扬州市农村公路提升行动方案"]
    assert plans[0].issue_date == date(2024, 3, 1)


def test_a_plan_cited_as_issued_by_a_higher_body_is_not_the_title():
    plan = plans_of("按照省政府印发的《安徽省电动自行车安全隐患整治行动方案》要求，结合我县实际，制定本方案。\n"
                    "一、工作目标\n县农业农村局牵头，县财政局配合。\n")[0]
    # the cited plan is not taken for this one (印发的《…》 names a higher body's
    # document), nor is the opening sentence: the plan has no title line
    assert plan.title == ""


def test_a_province_plan_naming_the_cities_it_serves_has_no_city():
    text = ("为加快赣南苏区振兴发展,推动我省纳入范围的赣州市、吉安市协同发展,制定本方案。\n"
            "一、重点任务\n1. 建设赣州综合交通枢纽。(省交通运输厅、省发展改革委负责)\n"
            "2. 支持吉安市电子信息产业集群。(省工业和信息化厅负责)\n")
    (plan,) = plans_of(text)
    assert (plan.city, plan.province) == (None, "江西省")


def test_an_autonomous_region_plan_with_its_capital_named_has_no_city():
    text = ("成立自治区冬季旅游推进工作专班\n一、专班组成\n组长由自治区文化和旅游厅厅长担任,"
            "副组长由自治区交通运输厅、自治区财政厅负责同志担任,专班设在呼和浩特市。\n"
            "二、工作职责\n统筹冬季旅游推进工作。\n")
    (plan,) = plans_of(text)
    assert (plan.city, plan.province) == (None, "内蒙古自治区")


def test_a_city_plan_citing_a_provincial_body_keeps_its_city():
    text = ("为推进老旧小区改造,结合我市实际,制定本方案。\n一、主要任务\n"
            "1. 完成改造120个。(市住建局、市财政局负责,省住建厅指导)\n2. 加装电梯。(市住建局、赣州市各区政府负责)\n")
    (plan,) = plans_of(text)
    assert (plan.city, plan.province) == ("赣州市", "江西省")
