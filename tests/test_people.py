"""Named people: case tables in tests/data/people_cases.yaml."""
from pathlib import Path

import pytest
import yaml

from extract.records import PlanContext
from extract.facts import people
from extract.facts import responsibilities as units
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
])
def test_is_person_name(name, ok):
    assert people.is_person_name(name) is ok


@pytest.mark.parametrize("post, unit", [
    ("省长", "省政府"), ("副市长", "市政府"), ("省发展改革委主任", "省发展改革委"),
    ("省公安厅常务副厅长", "省公安厅"), ("南昌移动公司总经理", "南昌移动公司"), ("", None),
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
])
def test_split_post_takes_the_last_of_several_posts(post, unit):
    assert people.split_post(post) == unit
