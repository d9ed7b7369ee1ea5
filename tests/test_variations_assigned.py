"""Variation tests: people assigned one to a line, and people read back from
the post they take.

- places, each with the leader in charge of it, under a sentence that names
  the role (包村领导安排如下： / 东湖村——name（post）, 西岭村：name);
- rosters written name first (姓名 / 职务 / 本单位职务), as TAB columns or one
  cell per line;
- a liaison written as a post with the name in brackets;
- members parted by commas before 为责任人, each written post then name;
- a town's name before a post of that town (贡江 + 镇党委书记) is no person;
- a roster whose page lost its blanks to question marks (苗某?县委书记), and a
  deputy chief's label alone on its line (副林长:).

Every plan here is invented; the places are real.
"""
from collections import Counter

import pytest

from tests.conftest import assert_facts, facts_of_plans

HEAD = "某镇防汛工作方案\n一、组织领导\n"
PLANS = {
    "villages_with_dashes": (HEAD + "实行镇领导包村责任制。挂村领导安排如下：\n北岗村——韩立军\n许河村——邵海鹏（镇党委副书记）\n"
                             "二、工作要求\n各村要落实值班制度。\n",
                             Counter(), Counter({("韩立军", "挂村领导"): 1, ("邵海鹏", "挂村领导"): 1})),
    "villages_with_colons": (HEAD + "包村领导安排如下：\n枫林村：易国华（镇党委副书记）\n南岭村：汤　伟（镇党委委员、纪委书记）\n"
                             "各村党支部书记为本村防汛第一责任人。\n",
                             Counter(), Counter({("易国华", "包村领导"): 1, ("汤伟", "包村领导"): 1})),
    # a list of places and tasks under a sentence naming no person role is no roster
    "villages_with_tasks": (HEAD + "各村任务安排如下：\n北岗村——完成改厕120户\n许河村——完成改厕80户\n",
                            Counter(), Counter()),
    "name_first_tab_rows": (HEAD + "领导小组组成人员如下：\n姓名\t职务\t本单位职务\n韩振东\t组长\t镇党委书记\n"
                            "葛秀兰\t副组长\t镇人大主席\n郜文清\t成员\t镇财政所所长\n",
                            Counter(), Counter({("韩振东", "组长"): 1, ("葛秀兰", "副组长"): 1, ("郜文清", "成员"): 1})),
    "name_first_flat_rows": (HEAD + "姓名\n职务\n本单位职务\n黄俊林\n组长\n县委副书记、县长\n钟海明\n副组长\n"
                             "县委常委、常务副县长\n曾宪华\n成员\n县住建局局长\n二、工作要求\n",
                             Counter(), Counter({("黄俊林", "组长"): 1, ("钟海明", "副组长"): 1, ("曾宪华", "成员"): 1})),
    # a role-first flattened roster keeps its own reading (组长 / name / post)
    "role_first_flat_rows": (HEAD + "组长\n黄俊林\n县长\n副组长\n钟海明\n副县长\n二、工作要求\n",
                             Counter(), Counter({("黄俊林", "组长"): 1, ("钟海明", "副组长"): 1})),
    "liaison_post_then_bracketed_name": (HEAD + "联络员：区农业农村局农田建设管理股股长（蒋文辉）、区财政局农业股副股长（罗　佳）。\n",
                                         Counter(), Counter({("蒋文辉", "联络员"): 1, ("罗佳", "联络员"): 1})),
    "comma_parted_members_take_a_post": (HEAD + "由县委副书记为第一责任人，县委常委、县文明委副主任章立新，"
                                         "县委常委、常务副县长余宏明为责任人，建立联系制度。\n",
                                         Counter(), Counter({("章立新", "责任人"): 1, ("余宏明", "责任人"): 1})),
    # a page that lost its full-width spaces to question marks; 副林长 alone on its line
    "lost_spaces_and_a_label_alone": ("某县林长名单\n??林长:苗立宇?县委书记??宿晓东?县长\n??副林长:\n"
                                      "??孙野平?县委副书记\n??赵臣文?县委常委、统战部部长\n",
                                      Counter(), Counter({("苗立宇", "林长"): 1, ("宿晓东", "林长"): 1,
                                                          ("孙野平", "副林长"): 1, ("赵臣文", "副林长"): 1})),
    "town_name_before_its_post": (HEAD + "成员：贡江镇党委书记、县住建局局长曾宪华\n",
                                  Counter(), Counter({("曾宪华", "成员"): 1})),
}


@pytest.fixture(scope="module")
def tables(tmp_path_factory):
    return facts_of_plans(tmp_path_factory.mktemp("assigned"), PLANS)


@pytest.mark.parametrize("name", sorted(PLANS))
def test_assigned_people(tables, name):
    assert_facts(PLANS, tables, name)
