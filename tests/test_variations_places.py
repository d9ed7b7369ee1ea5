"""Variation tests of a plan's city and province when its text barely names
its place: its own document number (鄂政办发〔2024〕7号 → 湖北省) and the page
chrome around it (breadcrumb, catalogue fields, footer), with the counter-
examples (a number the plan cites, a city's own number, a province character
inside an ordinary word, chrome beside a plan whose text names its place).

Every text is invented (real places, invented wording); the whole pipeline
runs on each and the document row is compared.
"""
from __future__ import annotations

import pytest

from extract.prepare import pagesigns
from tests.conftest import document_fields

TITLE = "关于进一步做好全民健身工作的实施方案\n"
BODY = ("为推动全民健身工作深入开展，制定本方案。\n一、工作目标\n"
        "到2025年，经常参加体育锻炼人数比例达到40%。\n二、保障措施\n"
        "各地各部门要加强组织领导，抓好任务落实。\n")


def _place(tmp_path, text: str) -> tuple:
    return document_fields(tmp_path, text)[1:]


def test_a_plan_that_names_no_place_has_none(tmp_path):
    assert _place(tmp_path, TITLE + BODY) == (None, None)


@pytest.mark.parametrize("number, province", [
    ("（鄂政办发〔2024〕7号）", "湖北省"),
    ("湘政发〔2023〕12号", "湖南省"),
    ("浙发改规划〔2022〕108号", "浙江省"),
    ("(川办发[2023]15号)", "四川省"),
    ("粤府办〔2021〕4号", "广东省"),
    ("滇政发〔2024〕2号", "云南省"),
])
def test_the_plans_own_number_under_its_title_gives_its_province(tmp_path, number, province):
    assert _place(tmp_path, TITLE + number + "\n" + BODY) == (None, province)


@pytest.mark.parametrize("label", ["文　　号：", "发文字号：", "发文字号\t", "索引号："])
def test_the_plans_own_number_after_a_catalogue_label(tmp_path, label):
    text = f"{label}陕政办函〔2024〕7号  发布日期：2024-03-05\n" + TITLE + BODY
    assert _place(tmp_path, text) == (None, "陕西省")


@pytest.mark.parametrize("line", [
    "根据《关于加快发展体育产业的实施意见》（鄂政发〔2020〕3号）要求，结合实际，制定本方案。",
    "按照鄂政发〔2020〕3号文件要求",
    "吉市政发〔2024〕2号",        # a city's number: its character is no province's
    "苏府〔2023〕9号",
    "宁政办发〔2024〕5号",        # 宁 is Ningxia's and Nanjing's
    "晋升〔2024〕3号文件落实情况",   # a province character inside an ordinary word
])
def test_a_cited_or_city_number_gives_no_province(tmp_path, line):
    assert _place(tmp_path, TITLE + line + "\n" + BODY) == (None, None)


def test_a_cited_provincial_number_keeps_a_city_plan_in_its_own_province(tmp_path):
    text = ("宁陕县全民健身工作实施方案\n"
            "根据《关于加快发展体育产业的实施意见》（鄂政发〔2020〕3号）精神，制定本方案。\n" + BODY)
    assert _place(tmp_path, text) == ("宁陕县", "陕西省")


def test_a_provincial_number_of_another_province_beside_a_named_place(tmp_path):
    text = "蒲城县全民健身工作实施方案\n（湘政发〔2023〕12号）\n" + BODY
    assert _place(tmp_path, text) == ("蒲城县", "陕西省")


@pytest.mark.parametrize("chrome, place", [
    ("首页 > 蒲城县 > 政务公开\n", ("蒲城县", "陕西省")),
    ("当前位置：首页>孝南区>通知公告\n", ("孝南区", "湖北省")),
    ("发布机构：石泉县农业农村局  成文日期：2024-03-01\n", ("石泉县", "陕西省")),
])
def test_the_chrome_above_a_plan_that_names_no_place(tmp_path, chrome, place):
    assert _place(tmp_path, chrome + TITLE + BODY) == place


@pytest.mark.parametrize("footer", [
    "我要纠错\n主办：英山县人民政府办公室  承办：县信息中心\n",
    "我要纠错\n浈江区人民政府 版权所有\n",
])
def test_the_footer_below_a_plan_that_names_no_place(tmp_path, footer):
    city, province = _place(tmp_path, TITLE + BODY + footer)
    assert (city, province) in {("英山县", "湖北省"), ("浈江区", "广东省")}
    assert city in footer


@pytest.mark.parametrize("chrome, place", [
    # a listed town in the issuer's field, its cells parted by bars
    ("索引号: | 001008/2024-00012 | 主题分类: | 卫生 |\n发布机构: | 枫桥镇 | 成文日期: | 2024-03-01 |\n",
     ("枫桥镇", "浙江省")),
    ("信息来源：店口镇人民政府\n", ("店口镇", "浙江省")),
])
def test_the_sponsor_of_a_page_whose_text_gives_its_province_at_most(tmp_path, chrome, place):
    body = BODY.replace("为推动全民健身工作", "按照省委和绍兴市委部署要求，结合诸暨市实际，为推动全民健身工作")
    assert _place(tmp_path, chrome + TITLE + body) == place


def test_a_sponsor_outside_the_province_the_text_names_is_not_taken(tmp_path):
    chrome = "发布机构: | 枫桥镇 | 成文日期: | 2024-03-01 |\n"
    body = BODY.replace("为推动全民健身工作", "按照江西省和南昌市部署要求，为推动全民健身工作")
    assert _place(tmp_path, chrome + TITLE + body)[1] == "江西省"


def test_the_chrome_comes_after_the_place_the_plan_names(tmp_path):
    text = "首页 > 孝感市 > 政务公开\n宁陕县全民健身工作实施方案\n" + BODY
    assert _place(tmp_path, text) == ("宁陕县", "陕西省")


def test_the_chrome_comes_before_the_own_number(tmp_path):
    text = "首页 > 蒲城县 > 政务公开\n" + TITLE + "（陕政办发〔2024〕7号）\n" + BODY
    assert _place(tmp_path, text) == ("蒲城县", "陕西省")


@pytest.mark.parametrize("chrome", ["首页 > 政务公开 > 通知公告", "主办方要落实安全责任", "各级人民政府网站要及时公开"])
def test_chrome_that_names_no_body_gives_no_place(chrome):
    assert pagesigns.chrome_place(chrome) is None


def test_a_number_deep_in_the_text_is_not_the_plans_own():
    assert pagesigns.number_province("标题\n" + "正文。" * 200 + "\n鄂政发〔2024〕3号") is None


TOWN_BODY = "为推动农村人居环境整治，制定本方案。\n一、工作目标\n到2025年，完成改造任务。\n"


@pytest.mark.parametrize("named, place", [
    ("四亩地镇、筒车湾镇、广货街镇要抓好落实。", ("宁陕县", "陕西省")),
    ("奉先街道、紫荆街道、罕井镇负责本辖区整治。", ("蒲城县", "陕西省")),
    ("温泉镇、南河镇、红山镇负责组织实施，县住建局、县财政局配合。", ("英山县", "湖北省")),
])
def test_a_plan_that_names_only_the_towns_of_one_county(tmp_path, named, place):
    assert _place(tmp_path, "农村人居环境整治实施方案\n" + TOWN_BODY + named + "\n") == place


@pytest.mark.parametrize("named", [
    "四亩地镇、筒车湾镇要抓好落实。",                 # two towns and no county body: too few
    "四亩地镇、罕井镇、金家铺镇要抓好落实。",          # three towns of three counties
    "城关镇负责。",
])
def test_too_few_or_scattered_towns_name_no_county(tmp_path, named):
    assert _place(tmp_path, "农村人居环境整治实施方案\n" + TOWN_BODY + named + "\n") == (None, None)


@pytest.mark.parametrize("heading", ["英山县\n", "（英山县交通运输局）\n"])
def test_short_county_bodies_below_a_heading_that_names_the_county_once(tmp_path, heading):
    text = (heading + "农村道路建设方案\n" + TOWN_BODY
            + "县住建局牵头，县交通运输局、县财政局配合。\n")
    assert _place(tmp_path, text) == ("英山县", "湖北省")


def test_the_sponsor_line_before_a_footer_link_to_another_site():
    chrome = "我要纠错\n相关链接\n孝感市人民政府网\n主办：英山县人民政府办公室\n"
    assert pagesigns.chrome_place(chrome).name == "英山县"


@pytest.mark.parametrize("line", ["文        号 皖政办〔2019〕29号   上 载 日 期 2019-12-02",
                                  "  • 发文字号:\n\n    皖政办〔2019〕29号"])
def test_a_catalogue_label_set_out_with_spaces_or_bullets(tmp_path, line):
    assert _place(tmp_path, line + "\n" + TITLE + BODY) == (None, "安徽省")


# An excerpt that opens at its addressees names its place only in the body
# that signs it; a verb that begins a county's name (会同 of 会同县) between
# two bodies names no county.
ADDRESSED = ("各乡镇人民政府，县直各单位：\n为做好今年森林防火工作，现就有关事项通知如下：\n"
             "一、落实防火责任\n县林业局负责督导检查，县应急管理局会同县气象局发布火险预警。\n"
             "二、加强值守\n各乡镇要实行24小时值班。\n\n")


@pytest.mark.parametrize("signer, place", [
    ("泰和县人民政府办公室", ("泰和县", "江西省")),
    ("芷江侗族自治县人民政府办公室", ("芷江侗族自治县", "湖南省")),
])
def test_an_excerpt_opening_at_its_addressees_takes_the_body_that_signs(tmp_path, signer, place):
    assert _place(tmp_path, ADDRESSED + signer + "\n2024年2月18日\n（此件公开发布）\n") == place


def test_a_verb_between_two_bodies_names_no_county(tmp_path):
    assert _place(tmp_path, ADDRESSED) == (None, None)
    fields = _place(tmp_path, "会同县2024年森林防火工作方案\n" + ADDRESSED.split("\n", 2)[2])
    assert fields == ("会同县", "湖南省")


@pytest.mark.parametrize("head, place", [
    ("南京江北新区管理委员会\n江北新区2024年集成电路产业攻坚行动计划\n", ("江北新区", "江苏省")),
    ("青岛西海岸新区2024年港口物流提升行动方案\n", ("青岛西海岸新区", "山东省")),
])
def test_a_state_level_new_area_is_the_plans_place_as_written(tmp_path, head, place):
    assert _place(tmp_path, head + BODY) == place


@pytest.mark.parametrize("signer, city", [
    ("黄南藏族自治州人民政府办公室", "黄南藏族自治州"),    # the full name is written: it is the city
    ("州人民政府办公室", "黄南州"),                        # only the short form: as written
])
def test_an_autonomous_prefecture_is_named_in_full_where_the_plan_writes_it(tmp_path, signer, city):
    text = "黄南州2024年草原保护行动方案\n" + BODY + f"\n{signer}\n2024年3月8日\n"
    assert _place(tmp_path, text) == (city, "青海省")


@pytest.mark.parametrize("head, place", [
    ("成都高新区管委会办公室关于印发《成都高新区数字经济发展行动方案》的通知\n", ("成都高新区", "四川省")),
    ("长沙经开区2024年招商引资工作方案\n", ("长沙经开区", "湖南省")),
    ("芜湖市经济技术开发区管理委员会关于印发园区道路养护方案的通知\n", ("芜湖市经济技术开发区", "安徽省")),
    ("长沙市开发区建设管理办法\n", ("长沙市", "湖南省")),        # the city's plan about its zones
])
def test_a_development_zone_that_issues_the_plan_is_its_place(tmp_path, head, place):
    assert _place(tmp_path, head + BODY) == place


@pytest.mark.parametrize("listing", [
    "宝鸡市安排示范项目4个，咸阳市安排示范项目5个，渭南市安排示范项目3个。\n",
    "宝鸡市示范项目4个；咸阳市示范项目5个；渭南市示范项目3个。\n",
    "示范项目分布在宝鸡市、咸阳市、渭南市、汉中市。\n",
])
def test_cities_listed_alike_speak_of_their_province(tmp_path, listing):
    """A text that names several cities as often as each other, none holding the
    others, is written from above them: no one of them is the plan's city."""
    assert _place(tmp_path, TITLE + listing + BODY) == (None, "陕西省")


def test_a_sponsor_gives_way_to_the_place_an_opening_line_names(tmp_path):
    # a town's site reposting its county's plan: the plan's own heading names the county
    chrome = "发布机构: | 枫桥镇 | 成文日期: | 2024-03-01 |\n"
    text = chrome + "诸暨市全民健身工作实施方案\n" + BODY
    assert _place(tmp_path, text) == ("诸暨市", "浙江省")
