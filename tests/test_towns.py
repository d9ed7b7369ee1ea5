"""A county told by the towns a plan names (rules/towns.tsv): votes, ties, regions."""
from extract.prepare import gazetteer, placevote, towns
from tests.test_split import plans_of


def test_two_towns_of_one_county_name_it():
    assert towns.county_of_towns("在旧县镇、交口河镇推广矮化密植果园") == "610629"    # 洛川县


def test_one_town_decides_nothing():
    assert towns.county_of_towns("交口河镇新建冷库一座") is None


def test_a_name_found_in_many_counties_is_no_evidence():
    # 城关镇 and 新城镇 are each in many counties: no county has both more than another
    assert towns.county_of_towns("城关镇和新城镇各建一处") is None


def test_towns_of_two_counties_tie():
    # 旧县镇、交口河镇 (洛川县) against 杨桥镇、鲖城镇 (临泉县)
    assert towns.county_of_towns("旧县镇、交口河镇、杨桥镇、鲖城镇开展互访") is None


def test_the_region_limits_the_vote():
    text = "杨桥镇、鲖城镇开展互访"
    assert towns.county_of_towns(text) == "341221"
    assert towns.county_of_towns(text, "61") is None     # not a county of 陕西省


def test_stems_of_one_character_are_not_read():
    # 薛镇 is a town, but 薛 alone is too short a stem to trust in running text
    assert "薛镇" not in towns.towns_in("薛镇和美原镇")
    assert "美原镇" in towns.towns_in("薛镇和美原镇")


def test_ordinary_words_name_no_town():
    assert towns.towns_in("各乡镇、街道要加强城乡环境整治，推进新型城镇化") == set()


def test_county_excerpt_that_names_only_its_towns():
    plan = plans_of(
        "（三）提升果园管理水平\n"
        "5.在凤栖街道、旧县镇、交口河镇推广矮化密植果园。县果业中心（牵头），县农业农村局配合。\n"
        "6.永乡镇新建有机肥示范点1个。县果业中心负责。\n"
        "7.在西安、延安开设直销店。\n")[0]
    assert (plan.city, plan.province) == ("洛川县", "陕西省")


def test_a_city_plan_is_not_given_a_county_by_its_towns():
    # the bodies are a city's (市农业农村局): towns name places of work, not the issuer
    plan = plans_of(
        "（二）推进乡村建设\n"
        "3.在旧县镇、交口河镇建设示范村。市农业农村局牵头，市财政局配合。\n"
        "4.延安市各县区完成农村改厕任务。市乡村振兴局负责。\n")[0]
    assert plan.city == "延安市"


def test_the_file_loads_every_level_word():
    assert set(towns._levels()) == {"镇", "乡", "街道"}
    assert gazetteer.place_prefix("洛川县") == "洛川县"


def test_a_town_name_of_one_county_gives_that_county():
    assert placevote.town_region("璜泾镇").name == "太仓市"


def test_a_town_name_of_several_provinces_gives_nothing():
    assert placevote.town_region("沙溪镇") is None
    assert placevote.town_region("XX镇") is None
