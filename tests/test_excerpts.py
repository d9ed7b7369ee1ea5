"""Whole plans that arrive without an issuing notice: an excerpt that opens
inside the outline, and a town's plan titled by the town. Their locality comes
from the text, their units and people from labels without colons. Invented
wording and people, real places."""
from extract import run_files

COUNTY_EXCERPT = """（二）推进农村改厕
4.学习借鉴安吉县经验，推广三格式化粪池。
牵头单位　县农业农村局
配合单位　县卫健局、县财政局
5.盱眙县各乡镇要在2024年底前完成改厕3000户。责任单位县财政局、县住建局。
6.建立盱眙县农村厕所长效管护机制（县农业农村局牵头，各乡镇负责）。
（三）组织保障
组　长　县委副书记、县长　钱立峰
副组长　副县长　孙　娜　韩志远
成　员　县农业农村局局长吴　刚　县财政局局长冯雅琴
"""

TOWN_PLAN = """泗阳县众兴镇秸秆禁烧工作方案
一、工作任务
1.严防死守。
牵头　镇综合执法队
配合　镇农业站、镇派出所
2.宣传发动。镇党政办负责。
二、组织领导
组　长　周海宁（镇党委书记）
成　员
镇党委委员魏晓兰
镇农业站站长卢　勇
"""


def _tables(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return run_files([str(path)])


def test_county_excerpt_locality_units_and_people(tmp_path):
    t = _tables(tmp_path, "xuyi-excerpt.txt", COUNTY_EXCERPT)
    doc = t["documents"].iloc[0]
    assert (doc.city, doc.province, doc.title) == ("盱眙县", "江苏省", "")
    units = set(zip(t["responsibilities"].unit, t["responsibilities"].role))
    assert {("县农业农村局", "lead"), ("县卫健局", "assist"), ("县财政局", "assist"),
            ("县财政局", "responsible"), ("县住建局", "responsible")} <= units
    assert not any(u.startswith("安吉") for u, _ in units)
    people = list(zip(t["people"].name, t["people"].role))
    assert people == [("钱立峰", "组长"), ("孙娜", "副组长"), ("韩志远", "副组长"),
                      ("吴刚", "成员"), ("冯雅琴", "成员")]


def test_town_plan_takes_the_town_its_title_opens_with(tmp_path):
    t = _tables(tmp_path, "zhongxing-town.txt", TOWN_PLAN)
    doc = t["documents"].iloc[0]
    assert (doc.city, doc.province) == ("众兴镇", "江苏省")
    units = set(zip(t["responsibilities"].unit, t["responsibilities"].role))
    assert {("镇综合执法队", "lead"), ("镇农业站", "assist"), ("镇派出所", "assist"),
            ("镇党政办", "responsible")} <= units
    people = list(zip(t["people"].name, t["people"].role))
    assert people == [("周海宁", "组长"), ("魏晓兰", "成员"), ("卢勇", "成员")]
