"""Name shapes: bodies and people are found by the shape of their names, so a
name of a shape the shipped plans never wrote must still come out, in every
form that states a role, and words of the same look that name no one stay out.

Each group is one shape (a body under two names, a level and a line of work's
short name, a working group, a works or a farm, a national body's full name
before its branch's place, a named town's own body, a rare surname); the plans are invented, the places
and the kinds of body real.
"""
from collections import Counter

import pytest

from extract.facts import orgnames, personnames
from tests.conftest import assert_facts, facts_of_plans
from tests.test_variations_units import ASSIST, LEAD, ROSTER_NAMES, form_plan, roster_plan

# the forms a body's name must survive: labels in brackets, labels on lines,
# a sentence that opens with it, a sentence with 由
FORMS = ["paren_labels", "label_lines", "sentence_lead", "sentence_by"]

# group -> (leads, assists) of the four tasks: every name is of the group's shape
SHAPES = {
    # one body under two names, the second in brackets: the first is its name
    "second_name": ([["市应急管理局（市地震局）"], ["市文化旅游广电体育局（市文物局）"],
                     ["市委宣传部（市新闻出版局）"], ["市市场监督管理局（市知识产权局）"]],
                    [["市水利局"], ["市财政局"], ["市教育局"], ["市公安局"]]),
    # a level and a line of work's short name: that line's one body there
    "level_and_line": ([["市财政"], ["市公安"], ["市税务"], ["市供电"]],
                       [["市城管"], ["市级财政"], ["市消防"], ["市邮政"]]),
    # a working group, a farm, a works, a school that no 校 ends, a road section
    "groups_and_works": ([["市督导组"], ["市国有林场"], ["市自来水厂"], ["市职业中专"]],
                         [["市公路管理段"], ["市污水处理厂"], ["市少年宫"], ["市安全生产工作联席会议"]]),
    # a national body's full name before the place of its branch
    "national_branch": ([["人民银行浏阳市支行"], ["市发展和改革局"], ["人民银行浏阳市支行"], ["市财政局"]],
                        [["市财政局"], ["人民银行浏阳市支行"], ["市商务局"], ["人民银行浏阳市支行"]]),
    # a named town's or sub-district's own body, the Youth League of a named place
    "town_bodies": ([["大瑶镇卫生院"], ["集里街道综治中心"], ["团浏阳市委"], ["淳口镇派出所"]],
                    [["市卫生健康局"], ["市委政法委"], ["市教育局"], ["市公安局"]]),
}
# the unit each name is compared as
COMPARED = {"市应急管理局（市地震局）": "市应急管理局", "市文化旅游广电体育局（市文物局）": "市文化旅游广电体育局",
            "市委宣传部（市新闻出版局）": "市委宣传部", "市市场监督管理局（市知识产权局）": "市市场监督管理局"}
# forms a group's shape cannot take: a subject in a sentence stops at its bracket
NOT_IN = {"second_name": {"sentence_lead", "sentence_by"}}

# rare surnames of the 百家姓 and others still in use, in every roster layout
RARE = ["赖志强", "戢晓燕", "眭建国", "荀立新", "綦海涛"]
# Yi names: a two-character family name, then a given name (no Han surname at all)
YI = ["吉克拉哈", "沙马阿呷", "曲比石美", "海来木呷", "阿苏拉惹"]

# words of the same look that name no body: every level's purse at once, the
# money itself, a line of work over the whole city, a working group being set
# up, the public, the bodies named in a cited document's title
NO_UNITS = ("（一）统筹各级财政资金，全市消防、公安工作纳入考核。（牵头单位：市发展和改革局；"
            "配合单位：各级财政、全市消防、市场主体）\n（二）成立督导组，分组开展检查，严防山体滑坡。"
            "\n（三）按照《市应急管理局（市地震局）关于做好市自来水厂安全检查的通知》要求，县直各部门、"
            "各有关单位和人民群众共同参与。")


@pytest.fixture(scope="module")
def shape_tables(tmp_path_factory):
    return facts_of_plans(tmp_path_factory.mktemp("shapes"), PLANS)


def _plans() -> dict:
    plans = {}
    for group, (leads, assists) in SHAPES.items():
        for form in FORMS:
            if form in NOT_IN.get(group, ()):
                continue
            text, expected = form_plan(form, leads=leads, assists=assists)
            plans[f"{group}-{form}"] = (text, Counter({(COMPARED.get(u, u), r): k for (u, r), k in expected.items()}),
                                        Counter())
    for labels in ("plain", "padded"):
        for form in ("name_bracket", "post_name"):
            text, people = roster_plan(RARE, labels, form, "dun")
            plans[f"rare-{labels}-{form}"] = (text, Counter(), people)
            text, people = roster_plan(YI, labels, form, "dun")
            plans[f"rare-yi-{labels}-{form}"] = (text, Counter(), people)
    text, _ = form_plan("paren_labels", leads=[["市发展和改革局"]] * 4, assists=[["市财政局"]] * 4)
    plans["no_units"] = (text.replace("二、保障措施", NO_UNITS + "\n二、保障措施"),
                         Counter({("市发展和改革局", LEAD): 5, ("市财政局", ASSIST): 4}), Counter())
    return plans


PLANS = _plans()


@pytest.mark.parametrize("name", [n for n in PLANS if n.split("-")[0] in SHAPES])
def test_a_body_of_each_shape_comes_out_in_every_form(shape_tables, name):
    assert_facts(PLANS, shape_tables, name)


@pytest.mark.parametrize("name", [n for n in PLANS if n.startswith("rare-")])
def test_a_roster_of_rare_surnames_gives_every_member(shape_tables, name):
    assert_facts(PLANS, shape_tables, name)


def test_words_that_look_like_bodies_stay_out(shape_tables):
    assert_facts(PLANS, shape_tables, "no_units")


@pytest.mark.parametrize("name", ["县财政", "区级财政", "镇人大", "县督导组", "县公路段", "县自来水厂",
                                  "县应急管理局（县地震局）", "区联席会议"])
def test_the_name_alone_ends_like_a_body(name):
    assert orgnames.looks_like_unit(name) and orgnames.valid_in_running_text(name)


@pytest.mark.parametrize("name", ["各级财政", "财政资金", "全县消防", "分组", "县（市、区）", "乡镇（街道）",
                                  "王立新（县财政局）", "各有关单位", "县直各部门", "人民群众"])
def test_a_word_of_the_same_look_is_no_body(name):
    assert not orgnames.valid_in_running_text(name)


def test_a_body_under_two_names_says_its_level_by_the_first():
    assert orgnames.valid_as_subject("区文化和广电旅游体育局（区文物局）")
    assert orgnames.second_name_at("县（市、区）") is None
    assert orgnames.second_name_at("市发改局（牵头）") is None


@pytest.mark.parametrize("name", RARE + ["亓官明", "伯赏文"])
def test_a_rare_surname_makes_a_name(name):
    assert personnames.is_person_name(name)


@pytest.mark.parametrize("word", ["滑坡", "昌盛", "赖于"])
def test_a_word_that_starts_with_a_rare_surname_is_no_name(word):
    assert not personnames.is_person_name(word)


def test_the_roster_names_of_the_variation_tests_stay_names():
    assert all(personnames.is_person_name(n) for names in ROSTER_NAMES.values() for n in names)
