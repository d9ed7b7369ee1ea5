"""Variation tests for label lists and the people beside them: one invented
plan of a county's tasks written several ways must give the same units and
people, and the look-alikes of each way give none of them.

All plans run through the pipeline once, as files (``found``); GROUPS says
what each group of them shows.
"""
from collections import Counter

import pytest

from tests.conftest import facts_of_plans

PLACE = "岳阳县"
TASK = "推进城乡供水一体化，新建供水管网30公里"
LEAD, RESP, ASSIST = "lead", "responsible", "assist"


def _plan(*items: str) -> str:
    lines = [f"{PLACE}2025年重点工作任务分解方案", "", "一、重点任务"]
    lines += [f"（{'一二三四五'[k]}）{item}" for k, item in enumerate(items)]
    lines += ["", "二、保障措施", "各有关单位要高度重视，确保各项任务按期完成。"]
    return "\n".join(lines) + "\n"


# --- names after a semicolon without their level -------------------------------
# the first name says the level; the names after it, parted by semicolons, end
# like bodies and take the first one's level
SEMI_UNITS = ["县发改局", "县财政局", "县住建局"]
SEMI_FORMS = {
    "label_line": "{T}。\n责任单位：县发改局；财政局；住建局",
    "bracket": "{T}。（责任单位：县发改局；财政局；住建局）",
    "ascii": "{T}。(责任单位:县发改局;财政局;住建局)",
    "mixed_marks": "{T}。\n责任单位：县发改局、财政局；住建局",
    "full_levels": "{T}。\n责任单位：县发改局；县财政局；县住建局",
}
# after a semicolon, clauses that end like a body are no names
SEMI_CLAUSES = {
    "meeting": ("{T}。\n责任单位：县发改局；定期召开调度会", Counter({("县发改局", RESP): 1})),
    "verb": ("{T}。\n责任单位：县发改局；加强督办", Counter({("县发改局", RESP): 1})),
    "organise": ("{T}。（责任单位：县发改局；组织座谈会）", Counter({("县发改局", RESP): 1})),
    "next_label": ("{T}。（牵头单位：县发改局；财政局；配合单位：县审计局）",
                   Counter({("县发改局", LEAD): 1, ("县财政局", LEAD): 1, ("县审计局", ASSIST): 1})),
}


# --- a label naming a unit and its person ------------------------------------------
# (label, unit role, person role) and the way the person follows the unit
JOINED_LABELS = {"and_person": ("责任单位及责任人", RESP, "责任人"), "slash": ("责任单位/责任人", RESP, "责任人"),
                 "lead_and_head": ("牵头单位和负责人", LEAD, "负责人"),
                 "lead_and_leader": ("牵头部门及责任领导", LEAD, "责任领导")}
JOINED_GAPS = {"blank": " ", "wide_blank": "\u3000", "two_blanks": "  "}
JOINED_ROWS = [("县民政局", "王立新"), ("县住建局", "欧阳晓峰")]


def joined_plan(label: str, gap: str, colon: str = "：") -> tuple:
    text, unit_role, person_role = JOINED_LABELS[label]
    items = [f"{TASK}。\n{text}{colon}{unit}{JOINED_GAPS[gap]}{who}" for unit, who in JOINED_ROWS]
    return (_plan(*items), Counter((unit, unit_role) for unit, _ in JOINED_ROWS),
            Counter((who, person_role, unit) for unit, who in JOINED_ROWS))


# labels that name a person alone, or a unit with no person, after a unit word
JOINED_LOOKALIKES = {
    "head_of_unit": ("{T}。\n责任单位负责人：王立新", Counter(), Counter({("王立新", "负责人", None): 1})),
    "unit_and_measures": ("{T}。\n责任单位及工作措施：加强督导，定期通报进展", Counter(), Counter()),
}


# --- towns after a label without a colon -------------------------------------------
# towns and townships of the county (荣家湾镇, 新墙镇, 中洲乡), named after a glued label
TOWN_FORMS = {
    "glued": "{T}。牵头单位荣家湾镇、新墙镇。",
    "glued_then_label": "{T}。牵头单位荣家湾镇、新墙镇，配合单位中洲乡。",
    "line": "{T}。\n牵头单位荣家湾镇、新墙镇\n配合单位中洲乡",
    "blank": "{T}。（牵头单位 荣家湾镇、新墙镇，配合单位 中洲乡）",
    "comma_list": "{T}。牵头单位荣家湾镇，新墙镇。",
}
TOWN_UNITS = {"glued": {LEAD: ["荣家湾镇", "新墙镇"]}, "comma_list": {LEAD: ["荣家湾镇", "新墙镇"]}}
# words that end like a town's name after a glued label are no towns
TOWN_LOOKALIKES = {"urban_rural": "{T}。牵头单位要统筹城乡。",
                   "all_towns": "{T}。责任单位负责指导各乡镇。",
                   "class": "{T}。牵头单位为各乡镇。"}


def _town_expected(form: str) -> Counter:
    roles = TOWN_UNITS.get(form, {LEAD: ["荣家湾镇", "新墙镇"], ASSIST: ["中洲乡"]})
    return Counter((u, role) for role, names in roles.items() for u in names)


# --- a post glued before a dotted name -------------------------------------------
DOTTED = [("副县长", "买买提·艾力", "县政府"), ("县委常委、副县长", "阿不都·热合曼", "县政府"),
          ("县财政局局长", "吐尔逊·托合提", "县财政局")]
DOTTED_FORMS = {
    "label_line": "{T}。\n责任领导：{P}{N}\n牵头单位：县水利局",
    "bracket": "{T}。（责任领导：{P}{N}；牵头单位：县水利局）",
    "wide_dot": "{T}。\n责任领导：{P}{W}\n牵头单位：县水利局",
    "table": "{T}。\n\n序号\t责任领导\t牵头单位\n1\t{P}{N}\t县水利局\n",
}


def dotted_plan(form: str) -> tuple:
    items = [DOTTED_FORMS[form].format(T=TASK, P=post, N=name, W=name.replace("·", "•"))
             for post, name, _ in DOTTED]
    dot = "•" if form == "wide_dot" else "·"
    return (_plan(*items), Counter({("县水利局", LEAD): len(DOTTED)}),
            Counter((name.replace("·", dot), "责任领导", unit) for _, name, unit in DOTTED))


def _plans() -> dict:
    plans = {}
    for name, form in SEMI_FORMS.items():
        plans[f"semi-{name}"] = (_plan(form.format(T=TASK)), Counter((u, RESP) for u in SEMI_UNITS), Counter())
    for name, (form, units) in SEMI_CLAUSES.items():
        plans[f"semi_clause-{name}"] = (_plan(form.format(T=TASK)), units, Counter())
    for label in JOINED_LABELS:
        for gap in JOINED_GAPS:
            plans[f"joined-{label}-{gap}"] = joined_plan(label, gap)
    plans["joined-ascii_colon"] = joined_plan("and_person", "blank", ":")
    for name, (form, units, people) in JOINED_LOOKALIKES.items():
        plans[f"joined_lookalike-{name}"] = (_plan(form.format(T=TASK)), units, people)
    for name, form in TOWN_FORMS.items():
        plans[f"towns-{name}"] = (_plan(form.format(T=TASK)), _town_expected(name), Counter())
    for name, form in TOWN_LOOKALIKES.items():
        plans[f"towns_lookalike-{name}"] = (_plan(form.format(T=TASK)), Counter(), Counter())
    for form in DOTTED_FORMS:
        plans[f"dotted-{form}"] = dotted_plan(form)
    return plans


PLANS = _plans()


@pytest.fixture(scope="module")
def found(tmp_path_factory):
    return facts_of_plans(tmp_path_factory.mktemp("lists"), PLANS, person_unit=True)


# what each group of plans shows, by the prefix of its names
GROUPS = {
    "semi": "names after semicolons take the first one's level",
    "semi_clause": "a clause after a semicolon is no name",
    "joined": "a label naming a unit and its person gives both",
    "joined_lookalike": "a label like a joined one names no unit",
    "towns": "towns after a label without a colon are units",
    "towns_lookalike": "words ending like towns after a glued label are none",
    "dotted": "a post glued before a dotted name gives the name with its post",
}


@pytest.mark.parametrize("name", list(PLANS))
def test_each_plan_gives_what_its_group_states(found, name):
    assert name.split("-")[0] in GROUPS
    _, units, people = PLANS[name]
    got_units, got_people = found[name]
    assert got_units == units, f"{name}: missing {units - got_units}, extra {got_units - units}"
    assert got_people == people, f"{name}: missing {people - got_people}, extra {got_people - people}"


@pytest.mark.parametrize("body, name", [("副县长买买提·艾力", "买买提·艾力"), ("县财政局局长热依拉·买买提", "热依拉·买买提"),
                                        ("买买提·艾力", None), ("县长办公会·专题会", None), ("乌鲁木齐·喀什", None),
                                        ("副县长王立新", None)])
def test_only_a_post_stands_glued_before_a_dotted_name(body, name):
    from extract.facts.personnames import dotted_name_at_end
    hit = dotted_name_at_end(body)
    assert (hit[2] if hit else None) == name
