"""Responsible units: case tables in tests/data/units_cases.yaml, alias groups
and kinds from rules/unit_aliases.yaml."""
from extract.records import PlanContext
from dataclasses import replace
from pathlib import Path

import pytest
import yaml

from extract import rules
from extract.facts import responsibilities as units
from extract.facts import orgaffixes as ua
from extract.facts import orgnames as un
from extract.records import Node
from tests.conftest import make_plan

DATA = Path(__file__).parent / "data"
CASES = yaml.safe_load((DATA / "units_cases.yaml").read_text(encoding="utf-8"))


def build_nodes(text: str, specs: list) -> list:
    """Nodes by hand: each starts at its `at` text (searched after the previous
    node) and runs to the next node that is not its descendant."""
    nodes, pos = [], 0
    for i, spec in enumerate(specs or []):
        start = text.index(spec["at"], pos)
        pos = start + 1
        parent = spec.get("parent")
        nodes.append(Node(node_id=spec["key"], doc_id="doc-1", parent_id=parent,
                          level=1, label=spec["key"], title="", char_start=start,
                          char_end=len(text), text="", style="test", number=i + 1,
                          inline=bool(spec.get("inline"))))
    by_id = {n.node_id: n for n in nodes}

    def ancestors(node):
        while node.parent_id:
            node = by_id[node.parent_id]
            yield node.node_id

    for i, node in enumerate(nodes):
        for later in nodes[i + 1:]:
            if node.node_id not in set(ancestors(later)):
                node.char_end = later.char_start
                break
        node.text = text[node.char_start:node.char_end]
    return nodes


def case_plan(case):
    return replace(make_plan(case["text"]), city=case.get("city"))


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_units_case(case):
    plan = case_plan(case)
    rows = units.extract_responsibilities(PlanContext.build(plan, build_nodes(plan.text, case.get("nodes"))))
    got = [f"{r.unit}|{r.unit_raw}|{r.role}|{r.node_id or '-'}" for r in rows]
    assert got == case["expect"]


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_rows_are_grounded_with_rule_ids(case):
    plan = case_plan(case)
    for row in units.extract_responsibilities(PlanContext.build(plan, build_nodes(plan.text, case.get("nodes")))):
        assert plan.text[row.char_start:row.char_end] == row.text == row.unit_raw
        assert row.rule_id and row.unit_norm and row.unit_kind


def _alias_cases():
    for group in rules.load("unit_aliases")["groups"]:
        for alias in group.get("aliases", []):
            yield pytest.param(alias, group["canonical"], group["kind"],
                               id=f"{group['canonical']}:{alias}")


@pytest.mark.parametrize("alias, canonical, kind", list(_alias_cases()))
def test_alias_resolves_to_its_group(alias, canonical, kind):
    assert un.normalise(alias) == (canonical, kind)


@pytest.mark.parametrize("name, norm", [
    ("市府办", "政府办公室"), ("省政府办公厅", "政府办公室"), ("团市委", "共青团委员会"),
    ("共青团市委", "共青团委员会"), ("省人力资源和社会保障厅", "人力资源和社会保障局"),
    ("北京市经济和信息化局", "经济和信息化局"), ("电信南昌分公司", "电信公司"),
    ("南昌海关", "海关"), ("省公安厅", "公安局"), ("县数据资源局", "数据资源局"),
])
def test_norm_drops_level_and_place(name, norm):
    assert un.normalise(name)[0] == norm


def _kind_cases():
    for rule in rules.pattern_rules("unit_aliases", "kinds"):
        for example in rule.examples:
            yield pytest.param(example, rule.data["kind"], id=f"{rule.id}:{example}")


@pytest.mark.parametrize("name, kind", list(_kind_cases()))
def test_kind_rules_in_order(name, kind):
    assert un.kind_of(name) == kind


@pytest.mark.parametrize("names, prefix", [
    (["市纪委", "市委办", "人大办"], "市"),
    (["省经济和信息化厅", "地方金融监管局"], "省"),
    (["南昌海关", "省贸促会"], ""),
    (["团市委", "教育局"], ""),
])
def test_shared_prefix_comes_from_first_item(names, prefix):
    assert ua.shared_prefix(names) == prefix


@pytest.mark.parametrize("name, want", [
    ("人大办", "市人大办"), ("城关区", "城关区"), ("南昌日报社", "南昌日报社"),
    ("电信南昌分公司", "电信南昌分公司"), ("团市委", "团市委"), ("城北街道办事处", "城北街道办事处"),
    ("公安局", "市公安局"), ("国家统计局南昌调查队", "国家统计局南昌调查队"),
    # a body of an area of its own is not the list's level's body
    ("园区党工委", "园区党工委"), ("经开区管委会", "经开区管委会"), ("园林局", "市园林局"),
])
def test_with_prefix_keeps_places_and_territories(name, want):
    assert ua.with_prefix(name, "市") == want


@pytest.mark.parametrize("name, want", [
    ("柯岩派出所", "柯岩派出所"), ("派出所", "街道派出所"), ("综合行政执法中队", "街道综合行政执法中队"),
])
def test_a_body_named_by_the_plans_own_town_takes_no_shared_level(name, want):
    from extract.facts import placenames
    assert ua.with_prefix(name, "街道", placenames.local_places("柯岩街道", "浙江省")) == want


def test_a_town_plan_lists_a_body_named_by_the_town_as_written():
    text = ("柯岩街道2025年消防安全专项整治方案\n一、重点任务\n（一）出租厂房整治。开展全覆盖排查。"
            "牵头科室：街道应急管理办公室；配合科室：街道综合行政执法中队、柯岩派出所。\n")
    plan = replace(make_plan(text), city="柯岩街道", province="浙江省")
    got = {(r.unit, r.role) for r in units.extract_responsibilities(PlanContext.build(plan, []))}
    assert ("柯岩派出所", "assist") in got and ("街道综合行政执法中队", "assist") in got


@pytest.mark.parametrize("text, names", [
    ("市纪委、市委办、人大办", ["市纪委", "市委办", "人大办"]),
    ("省经济和信息化厅,省人力资源和社会保障厅", ["省经济和信息化厅", "省人力资源和社会保障厅"]),
    ("市民政局和城北街道办事处", ["市民政局", "城北街道办事处"]),
    ("公安局及相关单位", ["公安局", "相关单位"]),
    ("各县（市、区）、市交通局", ["各县（市、区）", "市交通局"]),
    ("区水务局（牵头）、区农业农村局等单位", ["区水务局", "区农业农村局"]),
    ("市海洋与渔业局", ["市海洋与渔业局"]),
])
def test_split_list(text, names):
    assert [i.text for i in un.split_list(text)] == names


# --- plans in styles the shipped corpus does not use ---------------------------

WILD = yaml.safe_load((DATA / "units_wild_cases.yaml").read_text(encoding="utf-8"))


def wild_params(cases):
    """Cases as pytest params; a case with ``xfail`` is a strict xfail with that reason."""
    for case in cases:
        marks = [pytest.mark.xfail(strict=True, reason=case["xfail"])] if case.get("xfail") else []
        yield pytest.param(case, id=case["id"], marks=marks)


@pytest.mark.parametrize("case", list(wild_params(WILD)))
def test_units_wild_case(case):
    test_units_case(case)
    test_rows_are_grounded_with_rule_ids(case)


def _endless(shape: str) -> str:
    items = "、".join(["县财政局", "县住建局", "县交通运输局", "县农业农村局"] * 25_000)
    return {"label": "责任单位：" + items,
            "paren": "（" + items + "负责）",
            "sentence": items + "负责组织实施。",
            "conjunctions": "由" + "和".join(["县财政局", "县住建局"] * 50_000) + "负责。"}[shape]


@pytest.mark.parametrize("shape", ["label", "paren", "sentence", "conjunctions"])
def test_endless_unit_list_gives_no_rows(shape):
    """A 100,000-item list has no end in sight: no rows rather than a cut-off
    list, and the cost stays linear (speed itself is measured by make bench)."""
    plan = make_plan(_endless(shape))
    assert units.extract_responsibilities(PlanContext.build(plan, [])) == []


def test_unit_checks_remembered_for_one_plan_only():
    from extract.facts import orgnames
    from extract.text import perplan
    names = ("市财政局", "各有关单位", "县发改局", "市财政局")
    first = [orgnames.valid_in_list(n) for n in names]
    assert perplan.remembered() > 0
    perplan.forget()
    assert perplan.remembered() == 0
    assert [orgnames.valid_in_list(n) for n in names] == first == [True, False, True, True]


def test_each_plan_starts_with_nothing_remembered(monkeypatch):
    from extract import pipeline
    from extract.text import perplan
    un.valid_in_list("市财政局")
    seen = []
    monkeypatch.setattr(pipeline.outline, "parse", lambda plan: seen.append(perplan.remembered()) or [])
    pipeline.extract_plan(make_plan("牵头单位：市财政局、市发改委。"))
    assert seen == [0]


def test_long_table_listing_a_unit_per_row_gives_one_row_each():
    """A flattened table of 5,000 unit-led rows: each row's unit, once; a row
    number past the serial pattern (five digits) opens no row."""
    rows = "".join(f"{i}\n县水利局\n60\n推进河道清障\n1.完成清障任务（30分）\n" for i in range(1, 5001))
    plan = make_plan("序号\n考核项目\n各项分值\n考核内容\n" + rows + "10001\n县林业局\n")
    found = units.extract_responsibilities(PlanContext.build(plan, []))
    assert len(found) == 5000
    assert {(r.unit, r.role, r.rule_id) for r in found} == {("县水利局", "responsible", "table_row_subject")}


def test_the_declared_header_reach_covers_every_header_example():
    """A cell longer than table_header_reach is turned down unread: every
    example of the header rules that is a known header must fit in it."""
    from extract.facts import tables
    reach = rules.load("units")["table_header_reach"]
    longest = "城乡建设管理执法单位及具体负责人及联系电话"
    assert len(longest) == reach and tables._known_header(longest)
    cells = list(rules.words("units", "table_header_words")) + list(rules.words("people", "table_headers"))
    for where, key in [("units", "table_headers"), ("units", "table_header_shape"),
                       ("people", "joined_table_headers"), ("people", "role_grammar"),
                       ("people", "table_header_tails")]:
        for rule in rules.pattern_rules(where, key):
            cells += rule.examples
    known = [c for c in cells if tables._known_header_name("".join(c.split()))]
    assert len(known) > 40
    assert all(len("".join(c.split())) <= reach for c in known), [c for c in known if len(c) > reach]


@pytest.mark.parametrize("cell,known", [
    ("牵头单位", True), ("责任单位 / 责任人", True), ("考核内容及评分标准", True),
    ("县住建局牵头负责全县城镇燃气安全排查整治，各乡镇配合做好辖区内的排查工作", False),
    ("城乡建设管理执法单位及具体负责人及联系电话号", False),
])
def test_known_header_cells(cell, known):
    from extract.facts import tables
    assert tables._known_header(cell) is known


# the yes-or-no tests about a unit name (orgnames._any) search the joined rules once
YES_OR_NO_KEYS = ("level_prefix", "generic", "own_area", "territorial", "prose_words", "name_marks")


@pytest.mark.parametrize("key", YES_OR_NO_KEYS)
def test_a_yes_or_no_about_a_name_answers_as_its_rules_one_by_one(key):
    texts = [t for r in rules.pattern_rules("units", key) for t in r.examples + r.counter_examples]
    texts += ["", "\n", "县财政局\n市住建局", "各有关部门", "（县应急局）", "高新区管委会负责"]
    for text in texts:
        assert un._any(key, text) == (un._search(key, text)[1] is not None), text


def test_a_yes_or_no_over_an_empty_list_of_rules_is_no(monkeypatch):
    monkeypatch.setattr(un, "_rule", lambda key: ())
    assert not un._any("level_prefix", "县财政局")
