"""Outline parsing on realistic plan fragments (cases in tests/data/outline_cases.yaml)."""
from pathlib import Path

import pytest
import yaml

from extract.prepare import clean, outline, split
from extract.records import Plan
from tests.conftest import make_plan, make_source

CASES = yaml.safe_load((Path(__file__).parent / "data" / "outline_cases.yaml").read_text(encoding="utf-8"))


def _params():
    return [pytest.param(c, id=c["id"], marks=[pytest.mark.xfail(strict=True)] if c.get("xfail") else [])
            for c in CASES]


@pytest.mark.parametrize("case", _params())
def test_outline_case(case):
    nodes = outline.parse(make_plan(case["text"]))
    got = [(n.level, n.label) for n in nodes]
    want = [(int(spec.split("|")[0]), spec.split("|")[1]) for spec in case["nodes"]]
    assert got == want
    for node, spec in zip(nodes, case["nodes"]):
        assert node.title.startswith(spec.split("|")[2]), (node.label, node.title)


def assert_valid_tree(plan, nodes):
    """Spans are grounded and nested; a parentless node is at level 1 unless it
    is an orphan item before the first node that outranks it."""
    by_id = {n.node_id: n for n in nodes}
    first_root = next((n for n in nodes if n.parent_id is None), None)
    for node in nodes:
        assert plan.text[node.char_start:node.char_end] == node.text
        parent = by_id.get(node.parent_id)
        # the slip `l.` is reported with label 1; every other label is as written;
        # a flattened row whose section line sits between its number and its task
        # starts at the task, its number standing just before its section line
        assert (node.text.replace("l.", "1.", 1).startswith(node.label)
                or (parent is not None and node.style == "table_row"
                    and plan.text[:parent.char_start].split()[-2:].count(node.label) == 1))
        if parent:
            assert parent.level == node.level - 1
            assert parent.char_start <= node.char_start and node.char_end <= parent.char_end
        elif node.level != 1:
            assert node.char_start <= max(n.char_start for n in nodes if n.parent_id is None and n.level == 1)
    assert first_root is None or first_root is nodes[0]


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_spans_are_grounded_and_nested(case):
    plan = make_plan(case["text"])
    assert_valid_tree(plan, outline.parse(plan))


def test_node_runs_to_its_last_descendant():
    plan = make_plan("一、目标\n（一）总体目标\n完成任务。\n（二）具体目标\n达到标准。\n二、措施\n加强领导。\n")
    first, _a, b, second = outline.parse(plan)
    assert first.text.endswith("达到标准。")
    assert b.text == "（二）具体目标\n达到标准。"
    assert second.text == "二、措施\n加强领导。"


def test_ids_are_stable_and_ordered():
    plan = make_plan("一、甲\n二、乙\n三、丙\n")
    ids = [n.node_id for n in outline.parse(plan)]
    assert ids == [n.node_id for n in outline.parse(plan)]
    assert ids == sorted(ids) and len(set(ids)) == 3


def test_inline_item_ends_with_its_paragraph():
    plan = make_plan("六、加强领导\n工作职责:1、统筹安排;2、组织申报。\n各县可参照市的做法制订方案。\n")
    top, first, second = outline.parse(plan)
    assert second.text == "2、组织申报。"
    assert top.text.endswith("制订方案。")


NOTICE_WITH_OWN_POINTS = """宿迁市人民政府办公室关于印发宿迁市城市公园建设行动方案的通知
各县、区人民政府，市各委、办、局：
现将《宿迁市城市公园建设行动方案》印发给你们，并就有关事项通知如下：
一、提高思想认识
二、压实工作责任
宿迁市人民政府办公室
2024年3月5日
宿迁市城市公园建设行动方案
一、总体要求
（一）指导思想
二、重点任务
"""


def test_notice_points_are_not_the_plans_outline():
    (plan,) = split.split(clean.clean(make_source(NOTICE_WITH_OWN_POINTS)))
    nodes = outline.parse(plan)
    assert [(n.level, n.label, n.title) for n in nodes] == [
        (1, "一", "总体要求"), (2, "（一）", "指导思想"), (1, "二", "重点任务")]


@pytest.mark.parametrize("text", ["", "\n\n", "本方案自印发之日起施行。\n", "。；\n" * 50])
def test_text_without_outline_gives_an_empty_tree(text):
    assert outline.parse(make_plan(text)) == []


def test_hundred_thousand_labels_give_a_valid_tree():
    # 2,000 chapters of 49 items each, then a paragraph of 2,000 inline items
    lines = []
    for chapter in range(1, 2001):
        lines.append(f"第{chapter}章 任务")
        lines.extend(f"{item}、推进工作" for item in range(1, 50))
    lines.append("工作要求：" + "1、落实责任；" * 2000)
    plan = make_plan("\n".join(lines) + "\n")
    nodes = outline.parse(plan)
    assert len(nodes) == 2000 * 50 + 2000
    assert_valid_tree(plan, nodes)
    assert {n.level for n in nodes} == {1, 2, 3}


def test_line_of_hundred_thousand_numbers_gives_a_valid_tree():
    plan = make_plan("一、数据\n" + "、".join(str(i % 97) for i in range(100000)) + "\n（1）" + "；（1）" * 100000 + "\n")
    nodes = outline.parse(plan)
    assert nodes[0].label == "一"
    assert_valid_tree(plan, nodes)


NOTICE_POINTS_WITHOUT_TITLE_LINE = """淮安市人民政府办公室关于印发淮安市城市内河治理行动方案的通知
各县（区）人民政府，市各委、办、局：
现将《淮安市城市内河治理行动方案》印发给你们，并就有关事项通知如下：
一、提高思想认识
二、压实工作责任
淮安市人民政府办公室
2024年4月2日
一、总体要求
（一）工作目标
二、重点任务
"""

NOTICE_WITHOUT_POINTS_OR_TITLE_LINE = """淮安市人民政府办公室关于印发淮安市城市内河治理行动方案的通知
各县（区）人民政府，市各委、办、局：
现将《淮安市城市内河治理行动方案》印发给你们，请认真贯彻执行。
一、总体要求
（一）工作目标
二、重点任务
"""


def test_notice_points_are_dropped_when_the_plan_has_no_title_line():
    (plan,) = split.split(clean.clean(make_source(NOTICE_POINTS_WITHOUT_TITLE_LINE)))
    assert [(n.level, n.label, n.title) for n in outline.parse(plan)] == [
        (1, "一", "总体要求"), (2, "（一）", "工作目标"), (1, "二", "重点任务")]


def test_plan_without_title_line_after_a_notice_keeps_its_outline():
    (plan,) = split.split(clean.clean(make_source(NOTICE_WITHOUT_POINTS_OR_TITLE_LINE)))
    assert [(n.level, n.label, n.title) for n in outline.parse(plan)] == [
        (1, "一", "总体要求"), (2, "（一）", "工作目标"), (1, "二", "重点任务")]


def test_run_together_page_goes_on_after_the_title_on_its_line():
    text = "乐山市城区停车设施建设方案 一、总体目标 新增停车位3000个。二、重点任务 （一）建设公共停车场。\n"
    plan = Plan("doc-1", "plan.txt", 1, "乐山市城区停车设施建设方案", None, None, None, text, title_start=0)
    assert [(n.level, n.label) for n in outline.parse(plan)] == [(1, "一"), (1, "二"), (2, "（一）")]


def test_title_line_with_a_period_is_not_an_outline():
    text = "乐山市城区停车设施建设方案 （2024—2026年）\n一、总体目标\n"
    plan = Plan("doc-1", "plan.txt", 1, "乐山市城区停车设施建设方案", None, None, None, text, title_start=0)
    assert [(n.level, n.label) for n in outline.parse(plan)] == [(1, "一")]


def test_many_lone_rows_and_floating_articles_give_a_valid_tree():
    # flattened tables of 20 x 999 rows with score cells under lone labels,
    # then 20,000 articles under alternating sub-sections
    lines = []
    for section in range(1, 21):
        lines.extend([f"第{section}部分", "重点任务"])
        for row in range(1, 1000):
            lines.extend([str(row), "推进工作", "10"])
    lines.append("第21部分 支持政策")
    for article in range(1, 20001):
        if article % 2:
            lines.append(f"（{'一二'[article % 4 // 2]}）专项奖励")
        lines.append(f"第{article}条 给予奖励。")
    plan = make_plan("\n".join(lines) + "\n")
    nodes = outline.parse(plan)
    assert_valid_tree(plan, nodes)
    rows = [n for n in nodes if n.label.isdigit()]
    assert len(rows) == 20 * 999 and {n.level for n in rows} == {2}
    assert {n.title for n in nodes if n.level == 1} == {"重点任务", "支持政策"}
    articles = [n for n in nodes if n.label.endswith("条")]
    assert len(articles) == 20000 and {n.level for n in articles} == {3}


IN_LINE_TEXTS = [
    "一、总体要求 （一）指导思想。坚持以人民为中心。（二）基本原则 1.统筹推进；2.突出重点。",
    "第一章 总则 第一条 为规范管理，制定本办法。第二条 本办法适用于全市。",
    "完成 1、2号楼改造 ①新建道路 ②改造管网 ㈠加强领导 ⑴明确责任",
    "abc 123 （ 二 ）  第 1 0 条 lI. 末尾",
]


@pytest.mark.parametrize("text", IN_LINE_TEXTS)
def test_in_line_gate_changes_no_candidate(text, monkeypatch):
    gated = outline._in_line_candidates(text, 0, len(text), 0)
    monkeypatch.setattr(outline, "_in_line_gate", lambda: None)
    assert outline._in_line_candidates(text, 0, len(text), 0) == gated


def test_walking_straight_to_each_possible_label_is_the_step_by_step_walk(monkeypatch):
    """The walk goes from one place where a label may begin to the next with
    the state its steps would leave: the same labels as the walk that visits
    every place after a mark, on a soup of labels, marks, blanks and asides,
    read from the line start and from inside the line."""
    import random
    rnd = random.Random(5)
    pieces = ["一、", "（一）", "1.", "2、", "。", "；", " ", "\u3000", "（县发改局负责）", "开展工作",
              "(2)", "①", "第三条", "，", "：", "3）", "十二、", "左右）", "！"]
    lines = ["".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 25))) for _ in range(1500)]
    cases = [(line, after) for line in lines + IN_LINE_TEXTS for after in (0, len(line) // 3)]
    walked = [outline._in_line_candidates(line, 0, len(line), after) for line, after in cases]
    monkeypatch.setattr(outline, "_in_line_gate", lambda: None)
    stepped = [outline._in_line_candidates(line, 0, len(line), after) for line, after in cases]
    assert walked == stepped and any(walked)


# A notice and its plan run together on the title's line: the notice is the
# plan (a task-division notice), its headings follow after sentence ends.
NOTICE_RUN_TOGETHER = (
    "盘锦市兴隆台区人民政府关于明确2024年老旧小区改造重点任务责任单位的通知 兴政发〔2024〕6号 "
    "各街道办事处，区政府各部门： 改造任务逐项列后，请各单位抓紧推进。 "
    "一、完善基础设施 （一）改造供水管网。 1.更换老旧管道，完成1、2号楼入户改造。 2.整治楼道环境。 "
    "（二）提升服务水平。 二、保障措施 加强组织领导。\n")


def test_a_notice_run_together_with_its_items_keeps_its_outline():
    text = NOTICE_RUN_TOGETHER
    title = text[:text.index(" ")]
    plan = Plan("doc-1", "plan.txt", 1, title, None, None, None, text, title_start=0)
    assert [(n.level, n.label, n.title[:4]) for n in outline.parse(plan)] == [
        (1, "一", "完善基础设施"[:4]), (2, "（一）", "改造供水"), (3, "1", "更换老旧"), (3, "2", "整治楼道"),
        (2, "（二）", "提升服务"), (1, "二", "保障措施")]


def test_a_title_line_with_a_short_tail_still_starts_the_outline_below():
    text = "兴隆台区老旧小区改造工作方案 （征求意见稿）\n一、改造目标\n（一）完善设施\n"
    plan = Plan("doc-1", "plan.txt", 1, "兴隆台区老旧小区改造工作方案", None, None, None, text, title_start=0)
    assert [(n.level, n.label) for n in outline.parse(plan)] == [(1, "一"), (2, "（一）")]


def test_a_heading_run_together_ends_its_title_at_the_next_space():
    text = ("一、总体目标 到2026年，全区新建公共充电站12座，乡镇快充站实现全覆盖，充电服务网络基本完善。"
            " 二、重点任务 （一）完善城区网络。 1.新建快充站，每站配置快充桩不少于10个。 2.开放机关停车场。\n")
    titles = [n.title for n in outline.parse(make_plan(text))]
    assert titles[:2] == ["总体目标", "重点任务"]


def test_spaced_characters_of_a_heading_are_not_cut():
    text = "一、指 导 思 想 坚持以人民为中心，推进城市更新。全面完成老旧小区改造任务，提升居住品质，增强群众获得感。二、主要任务 完善设施。\n"
    assert outline.parse(make_plan(text))[0].title.startswith("指 导 思 想")


def test_the_notes_under_a_table_are_no_outline_nodes():
    text = ("附件1 主要目标 指标 2024年 2027年 森林覆盖率(%) 61.2 62 城镇失业率(%) 4.5 <5 注:\n\n"
            "1、收入按2023年价格计算.\n\n2、[ ]内为累计数.\n\n3、失业率指城镇登记失业率.\n\n"
            "附件2 主要任务分工\n\n一、推动区域协同\n\n(一)建设昆明都市圈\n\n"
            "1、推进滇中新区建设. 省发展改革委\n\n2、完善轨道交通网络. 省交通运输厅\n")
    nodes = outline.parse(make_plan(text))
    assert [(n.label, n.level) for n in nodes] == [("一", 1), ("(一)", 2), ("1", 3), ("2", 3)]
    assert nodes[2].title.startswith("推进滇中新区建设")


def test_a_heading_about_notes_keeps_its_items():
    text = "一、工作任务\n完成造林.\n二、有关说明:\n1、数据按年末统计.\n2、口径与上年一致.\n"
    nodes = outline.parse(make_plan(text))
    assert [n.label for n in nodes] == ["一", "二", "1", "2"]
