"""Named people: case tables in tests/data/people_cases.yaml."""
from pathlib import Path

import pytest
import yaml

from extract.records import PlanContext
from extract.facts import people, personnames
from tests.conftest import make_plan
from tests.test_units import build_nodes, wild_params

CASES = yaml.safe_load((Path(__file__).parent / "data" / "people_cases.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_people_case(case):
    plan = make_plan(case["text"])
    rows = people.extract_people(PlanContext.build(plan, build_nodes(plan.text, case.get("nodes"))))
    got = [f"{r.name}|{r.role}|{r.unit or '-'}|{r.node_id or '-'}" for r in rows]
    assert got == case["expect"]


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_people_rows_are_grounded(case):
    plan = make_plan(case["text"])
    for row in people.extract_people(PlanContext.build(plan, build_nodes(plan.text, case.get("nodes")))):
        assert plan.text[row.char_start:row.char_end] == row.text
        assert row.text.replace("\u3000", "").replace(" ", "") == row.name
        assert row.rule_id


@pytest.mark.parametrize("name, ok", [
    ("王志刚", True), ("欧阳明远", True), ("郑斌", True), ("司马光", True),
    ("市领导", False), ("负责人", False), ("分管副市长", False), ("同志", False),
    ("王", False), ("Smith", False),
    ("司法所", False), ("文明办", False), ("卫生院", False), ("信息员", False), ("高新区", False),
    # post words, forms of address, common words, places and bodies that start with a surname
    ("常务", False), ("严格", False), ("明确", False), ("及时", False), ("常年", False),
    ("黄山", False), ("江南", False), ("金华", False), ("黄山区", False), ("王府井", False),
    ("高新", False), ("林业局", False), ("常委", False), ("同志们", False), ("柏松副", False),
    # real shapes: rare and compound surnames, two-character names
    ("冼志勇", True), ("谌立平", True), ("拓跋宏远", True), ("端木静", True), ("卫红", True),
    # a Yi family name before a given name of two characters
    ("吉克拉哈", True), ("海来木呷", True), ("阿苏拉惹", True), ("沙马", False), ("吉克", False),
])
def test_is_person_name(name, ok):
    assert people.is_person_name(name) is ok


@pytest.mark.parametrize("post, unit", [
    ("省长", "省政府"), ("副市长", "市政府"), ("省发展改革委主任", "省发展改革委"),
    ("省公安厅常务副厅长", "省公安厅"), ("南昌移动公司总经理", "南昌移动公司"), ("", None),
    # a contracted post shares its body's last character: 宣传部长 works in the 宣传部
    ("区委常委、宣传部长", "宣传部"), ("县公安局长", "县公安局"), ("市委组织部副部长", "市委组织部"),
    ("县委宣传部部长", "县委宣传部"), ("中心小学校长", "中心小学"),
])
def test_split_post(post, unit):
    assert people.split_post(post) == unit


# --- plans in styles the shipped corpus does not use ---------------------------

WILD = yaml.safe_load((Path(__file__).parent / "data" / "people_wild_cases.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", list(wild_params(WILD)))
def test_people_wild_case(case):
    test_people_case(case)
    test_people_rows_are_grounded(case)


@pytest.mark.parametrize("post, unit", [
    ("县委常委、常务副县长", "县政府"), ("县委副书记、县长", "县政府"), ("县发改局局长", "县发改局"),
    # a last post that names no unit works where an earlier one says
    ("市水利局党组书记、局长", "市水利局党组"), ("区供电公司党委副书记、总经理", "区供电公司党委"),
    ("镇党委书记", "镇党委"), ("党组成员、副局长", None),
])
def test_split_post_takes_the_last_of_several_posts(post, unit):
    assert people.split_post(post) == unit


@pytest.mark.parametrize("item, name, post", [
    ("陈芸副省长", "陈芸", "副省长"), ("冼志勇县财政局局长", "冼志勇", "县财政局局长"),
    ("王平县财政局局长", "王平", "县财政局局长"), ("桂永胜区委副书记", "桂永胜", "区委副书记"),
    ("柏松副县长", "柏松", "副县长"),
])
def test_name_glued_to_post(item, name, post):
    s, e, got, rest = personnames.name_glued_to_post(item)
    assert (item[s:e], got, rest) == (name, name, post)


# a known place at the start (罗田县, 李沧区) is no name glued to a post
@pytest.mark.parametrize("item", ["县财政局局长", "王府井街道", "领导小组办公室设在县住建局",
                                  "严格落实责任", "贺鸿民（市纪委）", "罗田县人民政府县长", "李沧区政府副区长"])
def test_no_name_glued_to_post(item):
    assert personnames.name_glued_to_post(item) is None


def test_name_checks_answer_as_with_stock_jiebas_tagger(monkeypatch):
    """The faster tagger changes no name check (invented names, words, posts, places)."""
    import jieba.posseg as stock_pos
    from extract.text import nlp, perplan
    cases = ["王立新", "欧阳晓峰", "陈芸", "其木格", "那仁满都拉", "孟和巴雅尔", "图雅", "严格",
             "常务", "黄山", "高标准", "副县长", "县财政局", "鄂尔多斯", "呼和浩特", "牵头负责",
             "冼志勇", "阿依古丽", "扎西次仁", "周凯", "逐步完善"]
    perplan.forget()
    fast = [(c, personnames.is_person_name(c), personnames.is_person_name(c, slot=True)) for c in cases]
    perplan.forget()
    monkeypatch.setattr(nlp, "posseg", lambda: stock_pos.dt)
    stock = [(c, personnames.is_person_name(c), personnames.is_person_name(c, slot=True)) for c in cases]
    perplan.forget()
    assert fast == stock
    assert any(answer for _, answer, _ in fast) and not all(answer for _, answer, _ in fast)


def test_endless_contact_line_gives_no_contacts():
    """A 联系人 line that never ends is no contact line: no rows rather than a
    cut-off list (its cost is measured by make stress, not here)."""
    text = "联系人：" + "、".join(["黎晓丹", "万　磊"] * 50_000)
    plan = make_plan(text)
    rows = people.extract_people(PlanContext.build(plan, []))
    assert [r for r in rows if r.rule_id == "contact_line"] == []


def test_the_post_a_title_ends_with_is_the_first_listed_it_ends_with():
    # found by one look-up per post length: the longest, as the list (longest first) gives it
    posts = personnames._posts()
    for post in posts:
        for title in (post, "县财政局" + post, "副" + post, post + "助理", post[1:]):
            assert personnames._last_post(title) == next((p for p in posts if title.endswith(p)), None), title


@pytest.mark.parametrize("item", ["何春林县水利局罗建军", "县水利局何春林", "", "王立新"])
def test_an_item_without_two_posts_runs_no_members_together(item):
    assert personnames.run_together(item) == []


@pytest.mark.parametrize("body, name", [
    ("副盟长巴特尔图仁", "巴特尔图仁"), ("旗委书记那仁满都拉", "那仁满都拉"),
    # no whole post before it, a place, a Han name (the short window reads those)
    ("巴特尔图仁", None), ("县长苏尼特右旗", None), ("副县长王立新", None), ("领导巴特尔图仁", None),
])
def test_a_long_transliterated_name_after_its_post(body, name):
    hit = personnames.long_name_after_post(body)
    assert (hit[2] if hit else None) == name


def test_a_post_taker_with_a_long_transliterated_name():
    text = "二、保障措施\n盟行政公署成立工作领导小组，由副盟长巴特尔图仁任组长，旗委书记苏和巴雅尔为成员。\n"
    got = {(p.name, p.role) for p in people.extract_people(PlanContext.build(make_plan(text), []))}
    assert got == {("巴特尔图仁", "组长"), ("苏和巴雅尔", "成员")}
