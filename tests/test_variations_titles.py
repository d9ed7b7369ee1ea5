"""Variation tests of a plan's title under the layouts real pages put around
it: page chrome above it, the notice that issues it (its heading, its body,
its own numbered points, its signature), a title broken over lines, a title
only named in a sentence, and no title at all.

Every text is invented (real places, invented wording); the whole pipeline
runs on each and the document row is compared.
"""
from __future__ import annotations

import pytest

from tests.conftest import document_fields

NAME = "2024年县《政府工作报告》重点任务分解方案"
BODY = ("为抓好《政府工作报告》确定的各项任务落实，制定本方案。\n一、主要预期目标\n"
        "1.地区生产总值增长6%左右。\n牵头单位：县发展改革局\n")
ADDRESSEES = "各镇人民政府，县政府各部门：\n"
SIGNATURE = "宁陕县人民政府\n2024年2月6日\n（此件公开发布）\n"


def _doc(tmp_path, text: str) -> tuple:
    return document_fields(tmp_path, text)


def _flat(title: str) -> str:
    return "".join(title.split())


NOTICE_POINTS = ("一、各镇、各部门要高度重视，把任务落到实处。\n二、牵头单位要负总责，配合单位要积极配合。\n"
                 "三、县政府督查室要加强督查。\n")


@pytest.mark.parametrize("naming", [
    "现将《{n}》印发给你们，请认真贯彻执行。\n",
    "《{n}》已经县政府同意，现印发给你们，请认真贯彻执行。\n",
    "《{n}》已经县政府第8次常务会议审议通过，现印发给你们，请抓好落实。\n",
    "《{n}》已经县政府研究同意,现印发给你们,请认真贯彻执行。\n",
])
@pytest.mark.parametrize("points", ["", NOTICE_POINTS])
@pytest.mark.parametrize("title_line", [
    NAME + "\n", "2024年县《政府工作报告》重点任务\n分解方案\n", "2024年县《政府工作报告》\n重点任务分解方案\n",
])
def test_the_plans_own_title_line_below_the_notice_that_names_it(tmp_path, naming, points, title_line):
    # the notice names the plan with nested marks (〈〉) or none; the plan's own
    # line, below the signature, is the title as the plan writes it
    quoted = NAME.replace("《", "〈").replace("》", "〉")
    text = ADDRESSEES + naming.format(n=quoted) + points + SIGNATURE + title_line + BODY
    title, city, province = _doc(tmp_path, text)
    assert _flat(title) == NAME
    assert (city, province) == ("宁陕县", "陕西省")


def test_the_signature_date_and_its_note_are_no_head_of_the_title(tmp_path):
    text = ADDRESSEES + "现将《" + NAME + "》印发给你们。\n" + SIGNATURE + NAME + "\n" + BODY
    assert _doc(tmp_path, text)[0] == NAME
    # with the plan named differently above, the line below is still the title
    text = ADDRESSEES + "现将《宁陕县重点任务分解方案》印发给你们。\n" + SIGNATURE + NAME + "\n" + BODY
    assert _doc(tmp_path, text)[0] == NAME


@pytest.mark.parametrize("site", ["文档库", "范文大全网", "某某文库"])
@pytest.mark.parametrize("gap", ["\n", "\n\n\n", "\n\n位置：首页 > 范文 > 工作计划\n\n"])
def test_a_sites_name_above_a_title_that_opens_with_its_year(tmp_path, site, gap):
    spaced = BODY.replace("\n", "\n\n")         # a page that leaves a blank line after every line
    text = site + gap + NAME + "\n\n" + spaced
    assert _doc(tmp_path, text)[0] == NAME


def test_a_head_that_holds_guanyu_goes_on_into_a_line_with_a_year(tmp_path):
    text = "宁陕县人民政府办公室关于分解\n2024年县《政府工作报告》\n重点任务的通知\n" + ADDRESSEES + BODY
    assert _flat(_doc(tmp_path, text)[0]) == "宁陕县人民政府办公室关于分解2024年县《政府工作报告》重点任务的通知"


def test_a_plan_named_only_in_the_approval_sentence(tmp_path):
    name = "宁陕县〈政府工作报告〉重点任务分解方案"
    text = ADDRESSEES + "《" + name + "》已经县政府同意，现印发给你们。\n" + BODY
    assert _doc(tmp_path, text)[0] == name


@pytest.mark.parametrize("opening", [
    "", "您当前的位置：首页 > 信息公开 > 政策文件\n", ADDRESSEES,
])
def test_a_page_with_no_title_has_none(tmp_path, opening):
    text = opening + "为抓好各项任务落实，结合实际，制定本方案。\n一、主要预期目标\n1.地区生产总值增长6%左右。\n"
    assert _doc(tmp_path, text)[0] == ""


@pytest.mark.parametrize("cited", [
    "根据《陕西省2024年重点任务分解方案》要求，经县政府同意，现将有关事项通知如下：\n",
    "按照《安康市重点任务分解方案》精神，现印发给你们。\n",
    "根据《陕西省重点任务分解方案》要求，经县政府同意，现印发给你们。\n",
])
def test_a_cited_document_is_no_title(tmp_path, cited):
    text = ADDRESSEES + cited + "一、主要预期目标\n1.地区生产总值增长6%左右。\n"
    assert _doc(tmp_path, text)[0] == ""


@pytest.mark.parametrize("verb", ["发布", "印发了", "下发"])
def test_a_news_lead_that_reports_the_notice_it_prints(tmp_path, verb):
    text = ("本报讯 近日，宁陕县人民政府" + verb + "关于2024年重点任务及责任分解的通知。通知要求，各镇、各部门抓好落实。\n"
            "一、主要预期目标\n1.地区生产总值增长6%左右。\n")
    assert _doc(tmp_path, text)[0] == "关于2024年重点任务及责任分解的通知"


CHROME = {
    "none": "",
    "breadcrumb": "当前位置：首页 > 政务公开 > 政策文件\n",
    "time_source_size": "发布时间：2024-02-08 09:30  来源：宁陕县人民政府办公室  字号：[大 中 小]\n",
    "index_block": ("索引号：11610923MB0000000X/2024-00021\n发布机构：宁陕县人民政府办公室\n"
                    "成文日期：2024-02-06\n文号：宁政发〔2024〕3号\n"),
    "index_tabs": "索引号\t11610923MB0000000X/2024-00021\n发文机关\t宁陕县人民政府\n成文日期\t2024年02月06日\n",
    "all": ("当前位置：首页 > 政务公开 > 政策文件\n索引号：11610923MB0000000X/2024-00021\n"
            "发布时间：2024-02-08 09:30  来源：宁陕县人民政府办公室\n【字体：大 中 小】【打印】\n"),
}
NOTICE_HEADING = "宁陕县人民政府关于印发《2024年县〈政府工作报告〉重点任务分解方案》的通知\n宁政发〔2024〕3号\n"
NOTICE = ADDRESSEES + "现将《2024年县〈政府工作报告〉重点任务分解方案》印发给你们，请认真贯彻执行。\n" + SIGNATURE


@pytest.mark.parametrize("chrome", list(CHROME))
@pytest.mark.parametrize("layout", ["title", "notice_then_title", "heading_notice_then_title", "heading_only"])
def test_the_title_after_any_page_chrome(tmp_path, chrome, layout):
    plan_line = NAME + "\n"
    text = CHROME[chrome] + {
        "title": plan_line,
        "notice_then_title": NOTICE + plan_line,
        "heading_notice_then_title": NOTICE_HEADING + NOTICE + plan_line,
        "heading_only": NOTICE_HEADING + ADDRESSEES + "现印发给你们，请认真贯彻执行。\n",
    }[layout] + BODY
    title, city, province = _doc(tmp_path, text)
    # with no title line of its own, the plan is titled by the name the notice issues
    assert title == (NAME.replace("《", "〈").replace("》", "〉") if layout == "heading_only" else NAME)
    # a plan line alone names no place; the notice's issuer or signature does, and
    # so do the catalogue fields that name the issuing body (发布机构, 发文机关)
    named = layout != "title" or chrome in ("index_block", "index_tabs")
    assert (city, province) == (("宁陕县", "陕西省") if named else (None, None))


QUOTED = NAME.replace("《", "〈").replace("》", "〉")
HEADINGS = {
    "one_line": "宁陕县人民政府关于印发《" + QUOTED + "》的通知\n",
    "three_lines": "宁陕县人民政府关于印发《2024年\n县〈政府工作报告〉重点任务\n分解方案》的通知\n",
    "unquoted": "县政府关于印发2024年政府工作报告重点任务分解方案的通知\n",
    "site_digit": "县政府关于印发2024年政府工作报告重点任务分解方案的通知0\n政策\n",
}
METADATA = {
    "none": "",
    "catalogue": ("索 取 号 11610923-2024-001 发布机构\n信息名称 宁陕县人民政府关于印发《" + QUOTED + "》的通知\n"
                  "产生日期 2024-02-06 文  号 宁政发〔2024〕3号\n关 键 词\n内容概述\n"),
    "dated": "发布日期:2024-02-08 14:35 浏览次数: 信息来源:县政府办公室 字体:[ ]\n分享:\n",
}
TAILS = {
    "plain": NAME + "\n",
    "annex": "附件\n" + NAME + "\n",
    "two_lines": "2024年县《政府工作报告》\n重点任务分解方案\n",
}


@pytest.mark.parametrize("heading", list(HEADINGS))
@pytest.mark.parametrize("metadata", list(METADATA))
@pytest.mark.parametrize("tail", list(TAILS))
def test_the_plan_line_below_a_notice_heading_in_any_form(tmp_path, heading, metadata, tail):
    text = (HEADINGS[heading] + METADATA[metadata] + ADDRESSEES +
            "现将《" + QUOTED + "》印发给你们，请认真贯彻执行。\n附件：" + NAME + "\n" + SIGNATURE + TAILS[tail] + BODY)
    title, city, province = _doc(tmp_path, text)
    assert _flat(title) == NAME
    assert (city, province) == ("宁陕县", "陕西省")


def test_a_notice_issuing_several_documents_is_titled_by_the_first_one_printed(tmp_path):
    first = "政府工作报告“十四五”时期重点任务分解"
    text = ("关于印发2024年政府工作报告重点任务分解的通知\n" + ADDRESSEES +
            "《" + first + "》《政府工作报告2024年重点任务分解》已经县政府同意，现印发给你们。\n" + SIGNATURE +
            "政府工作报告“十四五”时期\n重点任务分解\n" + BODY)
    assert _flat(_doc(tmp_path, text)[0]) == first


@pytest.mark.parametrize("place", ["", "宁陕县"])
@pytest.mark.parametrize("joiner", ["和", "及", "暨"])
def test_a_title_broken_before_a_conjunction(tmp_path, place, joiner):
    text = place + "2024年县《政府工作报告》任务分解\n" + joiner + "责任分工方案\n" + BODY
    assert _doc(tmp_path, text)[0] == place + "2024年县《政府工作报告》任务分解" + joiner + "责任分工方案"


def test_a_line_opening_with_a_conjunction_word_below_a_whole_title(tmp_path):
    # 和美 opens a word, not a conjunction; but the title above is whole and the
    # line below is no tail of it: it holds no title word
    assert _doc(tmp_path, NAME + "\n和美乡村建设\n" + BODY)[0] == NAME


@pytest.mark.parametrize("headline", [
    "宁陕县印发2024年重点任务分解方案", "宁陕县出台《宁陕县2024年重点任务分解方案》",
    "县政府发布2024年重点任务分解方案",
])
@pytest.mark.parametrize("between", ["", "2024-02-08 来源：宁陕县融媒体中心\n"])
def test_a_news_headline_that_reports_the_title_line_below_it(tmp_path, headline, between):
    title = "宁陕县2024年重点任务分解方案"
    assert _doc(tmp_path, headline + "\n" + between + title + "\n" + BODY)[0] == title


@pytest.mark.parametrize("opening", [
    "（三）加强农村公路建设。新建农村公路50公里。\n",
    "三、保障措施（牵头领导：王明、李华）\n",
    "序号\t工作任务\t牵头单位\n1\t新建户厕\t县农业农村局\n",
    "| 序号 | 工作任务 | 牵头单位 |\n",
    "加强组织领导。各镇要高度重视，切实抓好落实。\n",
    "现将有关事项通知如下：\n",
    "为抓好各项任务落实，结合实际，制定本方案。\n",
    "通知称，县政府将把重点任务纳入年度考核。\n",
])
def test_an_excerpt_with_no_title_line_has_no_title(tmp_path, opening):
    text = opening + "一、主要预期目标\n1.地区生产总值增长6%左右。\n"
    assert _doc(tmp_path, text)[0] == ""


def test_a_notice_heading_run_together_with_its_body(tmp_path):
    text = ("宁陕县人民政府 关于明确2024年 重点任务责任单位的通知 宁政〔2024〕5号 现将重点任务予以分解。"
            "各单位要抓好落实。\n一、主要预期目标\n1.地区生产总值增长6%左右。\n")
    assert _flat(_doc(tmp_path, text)[0]) == "宁陕县人民政府关于明确2024年重点任务责任单位的通知"


@pytest.mark.parametrize("head, expect", [
    ("宁陕县", "宁陕县2024年重点任务分解方案"),                # a title broken after its place
    ("安康市宁陕县", "安康市宁陕县2024年重点任务分解方案"),
    ("宁陕县人民政府", "2024年重点任务分解方案"),              # an issuer line stands above the title
    ("文档下载站", "2024年重点任务分解方案"),                    # a site's name too
])
def test_a_short_line_above_a_title_that_opens_with_its_year(tmp_path, head, expect):
    assert _doc(tmp_path, head + "\n2024年重点任务分解方案\n" + BODY)[0] == expect


@pytest.mark.parametrize("byline", [" 来源：宁陕县人民政府办公室 发布时间：2024-02-08", "　发布时间:2024-02-08 来源:县政府办 浏览:"])
def test_a_headline_on_its_bylines_line(tmp_path, byline):
    assert _doc(tmp_path, NAME + byline + "\n" + BODY)[0] == NAME


# A page whose title stands only in its catalogue field (标题：……), above a
# line naming its two issuing bodies; a site's name at the top of its page
# and a breadcrumb cut by ›; a 工作安排 that is the plan's own heading.
PLAN_BODY = ("为推进农村供水保障工作，结合实际，制定本方案。\n一、工作目标\n"
             "到2025年，农村自来水普及率达到95%。\n二、保障措施\n区水务局负责，区财政局配合。\n")


@pytest.mark.parametrize("label", ["标题：", "标　　题：", "标题\t"])
def test_a_title_given_only_by_the_catalogue_field(tmp_path, label):
    text = (f"天津滨海新区管委会　天津市滨海新区人民政府\n{label}滨海新区农村供水保障行动方案（2024—2025年）\n"
            "索引号：tjbh-2024-0012  发布日期：2024-05-10\n\n" + PLAN_BODY)
    title, city, province = _doc(tmp_path, text)
    assert _flat(title) == "滨海新区农村供水保障行动方案（2024—2025年）"
    assert (city, province) == ("滨海新区", "天津市")


def test_a_catalogue_field_does_not_displace_the_title_line(tmp_path):
    text = ("标题：东丽区人民政府办公室关于印发农村供水保障方案的通知\n\n东丽区农村供水保障方案\n" + PLAN_BODY)
    assert _flat(_doc(tmp_path, text)[0]) == "东丽区农村供水保障方案"


@pytest.mark.parametrize("crumbs", ["首页 › 政务公开 › 政府文件", "首页 ＞ 政务公开 ＞ 政府文件"])
def test_a_site_name_and_breadcrumb_above_a_work_schedule(tmp_path, crumbs):
    text = (f"田林县人民政府门户网站\n{crumbs}\n田林县2024年乡村振兴重点工作安排\n"
            "字号：〔大 中 小〕　打印本页\n\n各乡镇人民政府，县直各单位：\n" + PLAN_BODY.replace("区", "县"))
    assert _doc(tmp_path, text) == ("田林县2024年乡村振兴重点工作安排", "田林县", "广西壮族自治区")


@pytest.mark.parametrize("body", ["杭州钱江新城建设管理委员会", "中共杭州钱江新城党工委"])
def test_a_body_line_above_a_title_that_opens_with_its_own_name(tmp_path, body):
    text = f"{body}\n钱江新城2024年楼宇经济提升行动计划\n\n为推动楼宇经济发展，制定本计划。\n一、工作目标\n新增亿元楼宇5幢。\n"
    assert _flat(_doc(tmp_path, text)[0]) == "钱江新城2024年楼宇经济提升行动计划"


@pytest.mark.parametrize("field", ["标　　题：{n}", "标题:{n}", "标 题\t{n}", "标　题：{n}"])
@pytest.mark.parametrize("title_line", [False, True])
def test_the_title_field_of_a_page_and_its_own_title_line(tmp_path, field, title_line):
    """The page's title field names the plan where the text has no title line; a
    title line of its own is the title either way."""
    head = "索引号：11610929MB0000000A/2024-00031\n" + field.format(n=NAME) + "\n发布机构：宁陕县人民政府办公室\n"
    text = head + (NAME + "\n" if title_line else "") + BODY
    assert _doc(tmp_path, text)[0] == NAME


ANNEX = "2026年民生实事目标任务分解表"


@pytest.mark.parametrize("handing", ["现将2026年民生实事目标任务分解下达，请认真抓好落实。\n",
                                     "为抓好民生实事落实，现将有关任务分解如下。\n"])
def test_the_one_attachment_a_notice_names_on_its_annex_line(tmp_path, handing):
    text = ("邻水县人民政府办公室关于对2026年民生实事进行督办的通知\n" + ADDRESSEES + handing
            + f"附件：{ANNEX}\n" + SIGNATURE + f"附件\n{ANNEX}\n序号\n民生实事\n责任单位\n1\n新建公园3个\n县住建局\n")
    assert _flat(_doc(tmp_path, text)[0]) == ANNEX


def test_a_numbered_list_of_attachments_keeps_the_notices_title(tmp_path):
    heading = "邻水县人民政府办公室关于对2026年重点工作进行督办的通知"
    text = (heading + "\n" + ADDRESSEES + "现将有关任务分解下达，请认真抓好落实。\n"
            + f"附件：1. {ANNEX}\n2. 2026年重点项目任务分解表\n" + SIGNATURE
            + f"附件1\n{ANNEX}\n序号\n民生实事\n责任单位\n1\n新建公园3个\n县住建局\n")
    assert _flat(_doc(tmp_path, text)[0]) == heading


def test_a_draft_named_where_it_is_put_out_for_comment(tmp_path):
    name = "关于促进新市民安居乐业的若干措施（征求意见稿）"
    text = (f"为提升城市服务保障水平，结合本市实际，起草形成了《{name}》。现向社会公开征求意见。\n"
            "公开征求意见时间自2026年3月1日至2026年3月15日。\n一、住房保障\n新增保障性租赁住房2000套。\n")
    assert _flat(_doc(tmp_path, text)[0]) == _flat(name)


def test_a_sites_service_bar_and_news_lead_above_an_announcement(tmp_path):
    heading = "沧州市第十届人民代表大会第三次会议公告"
    text = ("某房网桌面快捷方式 丨 客服热线:0317-1234567\n您的位置:某房网 > 资讯频道 > 资讯详情\n"
            f"今年15项民生实事定了→\n{heading}\n第三号\n会议票决确定15项民生实事项目，分别是：\n"
            "一、城区供热管网改造\n改造老旧管网约10公里。\n责任部门：市城管局\n")
    assert _flat(_doc(tmp_path, text)[0]) == heading


def test_the_notices_list_of_attachments_is_no_title_line(tmp_path):
    first, second = "2026年政府工作报告重点工作责任分解", "2026年政府重点民生实事项目责任分解"
    text = (f"嘉善县人民政府办公室关于印发2026年重点工作责任分解的通知\n{ADDRESSEES}"
            f"《{first}》和《{second}》已经县政府同意，现印发给你们，请认真贯彻执行。\n"
            f"附件:1.{first}\n          2.{second}\n{SIGNATURE}附件1\n{first}\n"
            "一、经济发展\n1.地区生产总值增长6%。\n牵头单位：县发改局\n")
    titles = _doc_titles(tmp_path, text)
    assert [_flat(t) for t in titles] == [first]


def _doc_titles(tmp_path, text: str) -> list:
    from extract import run_files
    (tmp_path / "p.txt").write_text(text, encoding="utf-8")
    return list(run_files([str(tmp_path)])["documents"].title)


def test_a_document_number_alone_on_the_first_line_is_no_title(tmp_path):
    text = ("朔区窑政发〔2026〕12号\n为了有效预防和扑救森林火灾，结合我乡实际，制定本实施方案。\n"
            "一、森林火灾的预防\n各村要落实巡山护林制度。\n")
    assert _doc(tmp_path, text)[0] in ("", None)


def test_the_plans_heading_below_the_date_of_a_notice_that_does_not_issue_by_name(tmp_path):
    # 关于分解……的通知 over the plan; its heading below the date, broken over a blank line
    text = ("郏县人民政府办公室关于分解2026年重点工作任务的通知\n\n" + ADDRESSEES
            + "经县政府同意，现将2026年重点工作进行责任分解，请认真抓好落实。\n\n2026年1月12日????\n\n"
            "2026年重点工作\n\n任务分解方案\n\n一、主要目标\n1.地区生产总值增长6%左右。\n")
    assert _flat(_doc(tmp_path, text)[0]) == "2026年重点工作任务分解方案"


def test_a_form_the_notice_asks_for_is_no_title(tmp_path):
    heading = "关于印发2026年重点任务责任清单的通知"
    text = ("郏县人民政府办公室\n" + heading + "\n" + ADDRESSEES
            + "现将《2026年重点任务责任清单》印发给你们，请于每月25日前报送《2026年重点任务进展月报表》。\n"
            "附件:2026年重点任务进展月报表\n")
    assert _flat(_doc(tmp_path, text)[0]) == "2026年重点任务责任清单"


def test_two_names_joined_by_he_in_one_quoted_title_stay_one(tmp_path):
    # 《……任务分解和责任分工方案》: the part after 和 is not the issued name
    name = "2026年县〈政府工作报告〉任务分解和责任分工方案"
    text = (f"郏县人民政府办公室关于印发《{name}》的通知\n" + ADDRESSEES
            + f"现将《{name}》印发给你们，请认真贯彻执行。\n1.明确任务，压实责任。\n")
    assert _flat(_doc(tmp_path, text)[0]) == _flat(name)


def test_a_text_speaking_of_its_autonomous_region_resolves_a_shared_district_name(tmp_path):
    # 城中区 is a district of 柳州市 (广西) and of 西宁市 (青海)
    text = ("城中区2026年重大项目实施方案\n一、总体目标\n我区今年的重点项目中有自治区层面重点项目20项。\n")
    assert _doc(tmp_path, text)[2] == "广西壮族自治区"
    plain = "城中区2026年重大项目实施方案\n一、总体目标\n我区2026年重大项目共85项。\n"
    assert _doc(tmp_path, plain)[2] != "广西壮族自治区"
