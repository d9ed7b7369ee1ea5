"""Variation tests: the rosters of notices that set up a group, as real pages
write and mangle them (members parted by semicolons, padded names after a
bracket, a table of people alone, a mirror site's pinyin after rare characters, a member
line the page's encoding garbled, deputies named together before 兼任, a unit
written before the name and the post after it, Hui surnames), and ordinal
items (第一件实事：) as outline nodes.

Every plan here is invented; the places are real.
"""
from collections import Counter

import pytest

from extract import run_files
from tests.conftest import facts_of_plans

M = "成员"

ROSTERS = {
    # a unit, the name, then the post; deputies named together before 兼任
    "office_in_prose": ("""关于成立临夏市春季植树工作领导小组的通知
一、领导小组组成人员
组　长：马文海　市长助理
副组长：拜志强　市政府副秘书长
成　员：撒明德　市林草局局长
　　　　周丽华　市财政局副局长
领导小组下设办公室，由市林草局铁玉兰副局长任主任，敏学军、郑红梅兼任办公室副主任。
""", Counter(), Counter({("马文海", "组长"): 1, ("拜志强", "副组长"): 1, ("撒明德", M): 1, ("周丽华", M): 1,
                          ("铁玉兰", "主任"): 1, ("敏学军", "副主任"): 1, ("郑红梅", "副主任"): 1})),
    # a mirror site's pinyin inside posts, and one member line garbled by the
    # page's encoding: the members below it are still read
    "mangled_members": ("""关于成立哈密市文旅融合工作专班的通知
一、专班组成人员
主任：努尔兰·木拉提（市政府副市长）
副主任：高建新（市文旅局局长）
成员：阿依古丽·买买提（市农业(yè)农村局副局长）
何东升（市发(fā)改委副主任）
吾斯曼·阿?。ㄊ兴贮h组副书记）
钱卫国（国网(wǎng)哈密供电公司副总经(jīng)理）
热合曼·托乎提（伊州区(qū)副区长）
专班下设办公室，办公室设在市文旅局。
""", Counter(), Counter({("努尔兰·木拉提", "主任"): 1, ("高建新", "副主任"): 1, ("阿依古丽·买买提", M): 1,
                          ("何东升", M): 1, ("钱卫国", M): 1, ("热合曼·托乎提", M): 1})),
    # a county's name without its suffix glued to a post's body is the post's
    # place; with a blank before its post a name that is also a place stem stays
    "county_in_post": ("""关于调整江宁经济技术开发区安全生产工作领导小组的通知
一、组成人员
组　长：钱立群　江宁经济技术开发区管委会主任
副组长：邬海东　江宁经济技术开发区管委会副主任
成　员：江宁　区应急管理局副局长
""", Counter(), Counter({("钱立群", "组长"): 1, ("邬海东", "副组长"): 1, ("江宁", M): 1})),
    # chiefs parted by semicolons, posts before padded names, a compound surname
    "chiefs_by_semicolons": ("""霍山县全面推行林长制工作方案
一、县级总林长、副总林长
总林长：县委书记　葛立明；县委副书记、县长　欧阳静
副总林长：县委副书记　汪家俊；县委常委、副县长　储　明
""", Counter(), Counter({("葛立明", "总林长"): 1, ("欧阳静", "总林长"): 1, ("汪家俊", "副总林长"): 1,
                          ("储明", "副总林长"): 1})),
    # a padded two-character name after a member's bracketed post
    "padded_name_after_bracket": ("""洱源县河长名单
一、县级总河长
总河长：段立群（县委书记）　杨　帆（县委副书记、县长）
""", Counter(), Counter({("段立群", "总河长"): 1, ("杨帆", "总河长"): 1})),
    # a group set up at the start of an indented line, the chief's post before the name
    "set_up_in_an_indented_line": ("""某县创建国家卫生县城工作方案
二、组织领导
    成立以县委副书记、县长杜建华为组长，副县长上官丽芳为副组长的创建工作领导小组。
""", Counter(), Counter({("杜建华", "组长"): 1, ("上官丽芳", "副组长"): 1})),
    # a table of people alone, names written from Mongolian and Tibetan
    "people_only_table": ("""乌审旗2026年小型水库防汛责任人名单
序号\t水库名称\t行政责任人\t技术责任人\t巡查责任人
1\t巴图湾水库\t巴特尔（副旗长）\t郝志强（旗水利局）\t乌力吉
2\t陶利水库\t额尔敦毕力格（镇长）\t苏日娜（旗水利事业发展中心）\t次仁多吉
""", Counter(), Counter({("巴特尔", "行政责任人"): 1, ("郝志强", "技术责任人"): 1, ("乌力吉", "巡查责任人"): 1,
                          ("额尔敦毕力格", "行政责任人"): 1, ("苏日娜", "技术责任人"): 1, ("次仁多吉", "巡查责任人"): 1})),
}

# counter-examples: a sentence that ends the roster, and posts with no name
NOT_ROSTERS = {
    # a semicolon before a clause ends the members
    "clause_after_semicolon": ("""关于成立某县防汛工作领导小组的通知
一、组成人员
组长：韩立平；办公室设在县水利局，负责日常工作。
""", Counter(), Counter({("韩立平", "组长"): 1})),
    "prose_after_roster": ("""关于成立某县防汛工作领导小组的通知
一、组成人员
组　长：韩立平　县长
成　员：梁志刚　县水利局局长
领导小组要加强统筹，各成员单位要按职责做好防汛工作。
由县水利局局长任办公室主任。
""", Counter(), Counter({("韩立平", "组长"): 1, ("梁志刚", M): 1})),
}


@pytest.fixture(scope="module")
def tables(tmp_path_factory):
    return facts_of_plans(tmp_path_factory.mktemp("rosters"), {**ROSTERS, **NOT_ROSTERS})


@pytest.mark.parametrize("name", sorted(ROSTERS) + sorted(NOT_ROSTERS))
def test_roster_people(tables, name):
    plans = {**ROSTERS, **NOT_ROSTERS}
    got_people = tables[name][1]
    assert got_people == plans[name][2], f"{name}: missing {plans[name][2] - got_people}, extra {got_people - plans[name][2]}"


def test_pinyin_after_rare_characters_is_cut_from_the_text(tmp_path):
    (tmp_path / "p.txt").write_text(ROSTERS["mangled_members"][0], encoding="utf-8")
    got = run_files([str(tmp_path)])
    text = "".join(got["nodes"].text)
    assert "(yè)" not in text and "市农业农村局" in text


ORDINALS = """衡阳市2026年度民生实事安排的通知
一、实事内容
第一件实事：新增城镇就业岗位1.5万个。
第二件实事：建设乡镇污水处理站18座。
第三项任务：建设口袋公园20个。
二、工作要求
第一件实事是办好教育，各地要抓紧推进。
"""


def test_ordinal_items_are_nodes_under_their_section(tmp_path):
    (tmp_path / "p.txt").write_text(ORDINALS, encoding="utf-8")
    nodes = run_files([str(tmp_path)])["nodes"]
    rows = [(label, int(level)) for label, level in zip(nodes.label, nodes.level)]
    assert rows == [("一", 1), ("第一件实事", 2), ("第二件实事", 2), ("第三项任务", 2), ("二", 1)]
