"""A table row whose task cell opens a numbered item (1 | 主要目标 | 1.… |
unit): the units of the row answer for that item, not for the row."""
import pytest

from extract import pipeline
from tests.conftest import make_plan

# one cell per line, as a flattened web table gives it
ROW_ITEM = ("关于印发2025年南浔区政府重点工作任务的通知\n各有关单位:\n现将任务印发给你们。\n"
            "序号\n项目\n重点工作\n牵头单位\n配合单位\n"
            "1\n全年发展目标\n(1)全区生产总值增长6%左右,力争更好。\n区发改局\n区统计局、区财政局\n")
# a cell holding two items: the row keeps its units
TWO_ITEMS = ("关于印发2025年南浔区政府重点工作任务的通知\n各有关单位:\n现将任务印发给你们。\n"
             "序号\n项目\n重点工作\n牵头单位\n配合单位\n"
             "1\n全年发展目标\n(1)全区生产总值增长6%左右。(2)一般公共预算收入增长4%。\n区发改局\n区统计局\n")


def _units(text):
    got = pipeline.extract_plan(make_plan(text))
    titles = {n.node_id: n.title for n in got.nodes}
    return {(r.unit, r.role): titles.get(r.node_id) for r in got.responsibilities}


def test_units_of_a_row_go_to_the_item_its_cell_opens():
    units = _units(ROW_ITEM)
    assert units[("区发改局", "lead")].startswith("全区生产总值")
    assert units[("区财政局", "assist")].startswith("全区生产总值")


def test_a_cell_of_two_items_keeps_the_units_on_the_row():
    units = _units(TWO_ITEMS)
    assert units[("区发改局", "lead")] == "全年发展目标"


STARRED = ("关于印发2025年南浔区政府重点工作任务的通知\n各有关单位:\n现将任务印发给你们。\n"
           "序号\n项目\n重点工作\n责任单位\n"
           "1\n全年发展目标\n(1)全区生产总值增长6%左右。\n★区发改局、统计局\n")


# a triangle before the first unit, the units parted by commas, with a generic tail
TRIANGLED = ("安吉县2024年政府工作报告主要目标任务分解清单\n"
             "序号\n主要工作\n责任单位\n"
             "1\n农村居民人均可支配收入增长7%\n▲农业农村局,人力社保局,各乡镇(街道)\n"
             "2\n新增城镇就业8000人以上\n人力社保局,各部门\n")


@pytest.mark.parametrize("text, mark, lead, other", [
    (STARRED, "★", "区发改局", "区统计局"),
    (TRIANGLED, "▲", "农业农村局", "人力社保局"),
])
def test_a_mark_before_the_first_unit_marks_the_lead_and_leaves_the_name(text, mark, lead, other):
    units = _units(text)
    assert (lead, "lead") in units
    assert (other, "responsible") in units
    assert not any(unit.startswith(mark) for unit, _ in units)


# 序号 and 项目 merged over the rows below: a flattened web table leaves bars
MERGED = ("关于印发2025年德清县政府重点工作任务的通知\n各有关单位:\n现将任务印发给你们。\n"
          "序号\n|\n项目\n|\n重点工作目标任务\n|\n牵头领导\n|\n责任单位\n|\n"
          "一、全县经济社会发展主要预期目标\n|\n||||\n"
          "1\n|\n年度目标\n|\n1.全县生产总值增长6%左右。\n|\n孙 立\n|\n★县发改局、统计局\n|\n"
          "2.城乡居民收入稳步增长。\n|\n★县人社局、农业农村局\n|\n||\n"
          "3.完成省下达的节能任务。\n|\n周 航\n|\n★县经信局\n|\n")


def test_rows_under_merged_cells_keep_their_own_units():
    units = _units(MERGED)
    assert units[("县发改局", "lead")].startswith("全县生产总值")
    assert units[("县人社局", "lead")].startswith("城乡居民收入")
    assert units[("县农业农村局", "responsible")].startswith("城乡居民收入")
    assert units[("县经信局", "lead")].startswith("完成省下达")

