"""A unit that leads a whole chapter, written in a parenthesis after its
heading: 一、推进交通运输结构调整(省交通运输厅总牵头)."""
from extract import pipeline
from tests.conftest import make_plan

PLAN = ("福建省水污染防治重点工作部门分工方案\n"
        "一、推进工业废水治理(省生态环境厅总牵头)\n"
        "(一)开展重点行业专项整治。\n"
        "1.完成造纸、印染行业清洁化改造。(省工信厅负责)\n")


def test_a_chapter_lead_in_its_heading_leads_the_chapter():
    got = pipeline.extract_plan(make_plan(PLAN))
    titles = {n.node_id: n.title for n in got.nodes}
    units = {(r.unit, r.role): titles.get(r.node_id) for r in got.responsibilities}
    assert units[("省生态环境厅", "lead")].startswith("推进工业废水治理")
    assert units[("省工信厅", "responsible")].startswith("完成造纸")


NOTED = ("江苏省水污染防治重点工作部门分工方案\n"
         "一、推进工业废水治理\n"
         "1.完成造纸行业清洁化改造。(省工信厅、省生态环境厅(省环保督察办)。列第一位者为牵头部门,下同)\n"
         "2.推进印染园区集中治污。(省生态环境厅、省住建厅)\n")


def test_a_note_closing_a_bare_list_reads_that_list_and_the_later_ones():
    got = pipeline.extract_plan(make_plan(NOTED))
    roles = {(r.unit, r.role, r.char_start) for r in got.responsibilities}
    first = sorted((start, unit, role) for unit, role, start in roles)
    assert [(u, r) for _, u, r in first if u != "省环保督察办"] == [
        ("省工信厅", "lead"), ("省生态环境厅", "responsible"),
        ("省生态环境厅", "lead"), ("省住建厅", "responsible")]
