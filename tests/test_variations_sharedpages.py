"""Variation tests from shared-document pages and policy notices: the page
numbers of a document-sharing site that break sentences, a convention note
after a comma inside a label's or a list's bracket, a list's 各 spreading over
bare levels inside a clause, a later name read with the first one's level, a
city named whole as a subject, the work named before 由 and a place-named body,
and classes of bodies (市政府各有关部门, 园区管委会). Invented text, real places.
"""
from __future__ import annotations

from collections import Counter

import pytest

from extract import run_files
from extract.prepare import pagemarks

PAGE = "某某" * 140      # a page's worth of words


def test_a_shared_documents_page_numbers_are_cut_and_its_sentences_joined():
    text = (f"《某市工作要点.docx》由用户上传，可在线阅读。\n1、某市文明创建实施方案一、指导思想{PAGE}全镇人民\n"
            f"2、的思想道德素质得到提高。{PAGE}二、工作措施\n")
    got = pagemarks.join_pages(text)
    assert "1、" not in got and "2、" not in got
    assert "全镇人民的思想道德" in got


def test_a_list_whose_items_end_their_sentences_keeps_its_numbers():
    text = f"一、主要任务\n1、{PAGE}。\n2、{PAGE}。\n3、加强督查\n"
    assert pagemarks.join_pages(text) == text
    short = "一、主要任务\n1、加强组织领导\n2、强化资金保障\n"
    assert pagemarks.join_pages(short) == short


def _units(tmp_path, text: str) -> Counter:
    (tmp_path / "p.txt").write_text(text, encoding="utf-8")
    resp = run_files([str(tmp_path)])["responsibilities"]
    return Counter(zip(resp.unit, resp.role))


@pytest.mark.parametrize("task, units", [
    ("技术改造项目补助比例提高至20%。(市发展改革委、市经信局、市商务局,各县(市)、区人民政府,列第一位的为牵头单位,下同。"
     "下列措施均请各县市、区政府抓好落实,此后不再另列)(二)加强产业基金支持。",
     {("市发展改革委", "lead"): 1, ("市经信局", "responsible"): 1, ("市商务局", "responsible"): 1}),
    ("落实车船税政策。(责任单位:市税务局、市财政局,排在首位的为牵头单位,下同)\n2.落实印花税政策。(责任单位:市财政局、市税务局)",
     {("市税务局", "lead"): 1, ("市财政局", "responsible"): 1, ("市财政局", "lead"): 1, ("市税务局", "responsible"): 1}),
])
def test_a_convention_note_after_a_comma_inside_the_bracket(tmp_path, task, units):
    assert _units(tmp_path, f"嘉兴市促进民营经济发展实施方案\n一、加强要素支持\n(一)强化财税保障。{task}\n") == Counter(units)


@pytest.mark.parametrize("sentence, units", [
    ("县经贸、统计、工商等部门要培育限上企业。", {("县经贸", "responsible"), ("县统计", "responsible"), ("县工商", "responsible")}),
    ("加强统计工作，做好工商登记。", set()),
    ("市政府各有关部门负责做好事项移交，义马市负责承接工作。", {("义马市", "responsible")}),
    ("全市负责统筹。", set()),
    ("本轮惠民券由贺兰县商务和经济合作局印制并分发。", {("贺兰县商务和经济合作局", "responsible")}),
    ("本项目由企业自主实施。", set()),
    ("各县区政府、园区管委会负责落实。", set()),
])
def test_subjects_named_by_level_by_place_and_classes(tmp_path, sentence, units):
    got = _units(tmp_path, f"三门峡市赋权工作实施方案\n一、职责分工\n{sentence}\n")
    assert set(got) == units


def _docs(tmp_path, text: str):
    (tmp_path / "p.txt").write_text(text, encoding="utf-8")
    return run_files([str(tmp_path)])["documents"]


SHARED = ("《嘉兴市培育专精特新企业行动计划.docx》由用户上传,可在线阅读,相关文档《嘉兴市培育专精特新企业行动计划.docx》"
          "请在某某文库搜索。\n嘉兴市培育专精特新企业行动计划为加快推动中小企业走专业化道路,结合嘉兴实际,制定本行动计划。"
          "一、加强要素支持(一)强化财税保障。落实税费优惠政策。\n")
ATTACHED = ("石泉县人民政府办公室关于印发石泉县城镇化专项行动方案的通知\n各镇人民政府，县政府有关部门：\n"
            "  县住建局等部门分别起草了《石泉县国土空间规划专项行动方案》《石泉县城市更新专项行动方案》。"
            "两个方案已经县政府研究通过，现印发给你们，请抓好落实。\n\n  附件:\n\n"
            "  1.石泉县国土空间规划专项行动方案\n\n  2.石泉县城市更新专项行动方案\n\n  石泉县人民政府办公室\n\n"
            "  2022年10月28日\n\n  附件1\n\n石泉县国土空间规划专项行动方案\n\n"
            "  为统筹推进规划编制，特制定本方案。\n  一、工作目标\n  完成规划编制。\n")
REPEATED = ("通知公告:\n关于开展2019年元宵节群众文艺活动的通知\n\n扶法政发〔2019〕12号\n\n法门镇人民政府\n\n"
            "关于开展2019年元宵节群众文艺活动的通知\n\n各村民委员会，镇属各单位：\n\n  为活跃节日气氛，"
            "经镇政府研究，决定举办系列活动。\n  一、活动内容\n  举办秧歌比赛。\n")


@pytest.mark.parametrize("text, title, city", [
    # a shared document's notice line is chrome, the heading run into the first sentence the title
    (SHARED, "嘉兴市培育专精特新企业行动计划", "嘉兴市"),
    # a notice whose attachments are listed below a bare 附件 label: the first one's heading
    (ATTACHED, "石泉县国土空间规划专项行动方案", "石泉县"),
    # a notice whose issuer stands on the line above its heading repeated below the headline
    (REPEATED, "关于开展2019年元宵节群众文艺活动的通知", "法门镇"),
], ids=["shared", "attached", "repeated"])
def test_titles_and_places_of_pages_that_hide_them(tmp_path, text, title, city):
    docs = _docs(tmp_path, text)
    assert list(zip(docs.title, docs.city)) == [(title, city)]


def test_a_mirrors_pinyin_readings_and_a_deadline_closing_a_labels_list(tmp_path):
    text = ("湘西自治州2021年深化數(shù)字政府建設工作方案\n一、提升政務服務效能\n"
            "1.深化審批制度改革。推進一窗受理改革。(牽頭單位:州政務服務中心;責任單位:州財政局、州人社局及州直有關部門,"
            "各縣市人民政府、州經(jīng)開區(qū)管委會,9月底前完成)\n")
    units = _units(tmp_path, text)
    assert units == Counter({("州政务服务中心", "lead"): 1, ("州财政局", "responsible"): 1,
                             ("州人社局", "responsible"): 1, ("州经开区管委会", "responsible"): 1})


def test_a_bracket_that_is_no_reading_stays(tmp_path):
    text = "某县工作方案\n一、重点任务\n1.推进5G(fifth)网络建设。(责任单位:县工信局(牵头)、县住建局)\n"
    (tmp_path / "p.txt").write_text(text, encoding="utf-8")
    nodes = run_files([str(tmp_path)])["nodes"]
    assert "5G(fifth)" in nodes.text.iloc[-1]


def test_a_zone_named_with_a_dash_keeps_its_own_name_in_a_list(tmp_path):
    text = "某市教育资源扩容方案\n一、扩大优质教育资源\n责任单位：各区县政府、临港新区管委会、瑞丽—木姐合作区管委会\n"
    assert set(_units(tmp_path, text)) == {("临港新区管委会", "responsible"), ("瑞丽—木姐合作区管委会", "responsible")}
