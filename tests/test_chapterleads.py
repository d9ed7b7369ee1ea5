"""A unit that leads a whole chapter, written in a parenthesis after its
heading: 一、推进交通运输结构调整(省交通运输厅总牵头)."""
import pytest

from extract import pipeline
from tests.conftest import make_plan
from tests.test_rowitems import _units

PLAN = ("福建省水污染防治重点工作部门分工方案\n"
        "一、推进工业废水治理(省生态环境厅总牵头)\n"
        "(一)开展重点行业专项整治。\n"
        "1.完成造纸、印染行业清洁化改造。(省工信厅负责)\n")


def test_a_chapter_lead_in_its_heading_leads_the_chapter():
    units = _units(PLAN)
    assert units[("省生态环境厅", "lead")].startswith("推进工业废水治理")
    assert units[("省工信厅", "responsible")].startswith("完成造纸")


NOTED = ("江苏省水污染防治重点工作部门分工方案\n"
         "一、推进工业废水治理\n"
         "1.完成造纸行业清洁化改造。(省工信厅、省生态环境厅(省环保督察办)。列第一位者为牵头部门,下同)\n"
         "2.推进印染园区集中治污。(省生态环境厅、省住建厅)\n")

VERBED = ("安徽省农村公路提升工作部门分工方案\n"
          "一、完善路网\n"
          "1.推进县道升级改造。(省交通运输厅、省财政厅、省自然资源厅负责。列第一位的为牵头部门,下同)\n"
          "2.推进农村公路养护。(省财政厅、省交通运输厅负责)\n")


@pytest.mark.parametrize("text, expected", [
    # a note closing a bare list reads that list and the later ones (the other
    # name in brackets, 省环保督察办, aside)
    (NOTED, [("省工信厅", "lead"), ("省生态环境厅", "responsible"),
             ("省生态环境厅", "lead"), ("省住建厅", "responsible")]),
    # a note after a list with its verb (…负责。) reads that list too
    (VERBED, [("省交通运输厅", "lead"), ("省财政厅", "responsible"), ("省自然资源厅", "responsible"),
              ("省财政厅", "lead"), ("省交通运输厅", "responsible")]),
])
def test_a_convention_note_reads_the_list_it_closes_and_the_later_ones(text, expected):
    got = pipeline.extract_plan(make_plan(text))
    in_order = sorted(got.responsibilities, key=lambda r: r.char_start)
    assert [(r.unit, r.role) for r in in_order if r.unit != "省环保督察办"] == expected
