"""Units named as the subject of a task sentence: case table in
tests/data/subject_cases.yaml (invented wording, real places)."""
from pathlib import Path

import pytest
import yaml

from extract.facts import responsibilities as units
from extract.facts import subjectmatch as sm
from extract.facts import subjectunits as su
from extract.records import PlanContext
from tests.test_units import build_nodes, case_plan

CASES = yaml.safe_load((Path(__file__).parent / "data" / "subject_cases.yaml").read_text(encoding="utf-8"))


def _rows(case):
    plan = case_plan(case)
    return units.extract_responsibilities(PlanContext.build(plan, build_nodes(plan.text, case.get("nodes"))))


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_subject_case(case):
    got = [f"{r.unit}|{r.unit_raw}|{r.role}|{r.node_id or '-'}" for r in _rows(case)]
    assert got == case["expect"]


def test_other_families_win_where_they_overlap():
    """县财政局负责 is the sentence family's; the subject family adds no second row."""
    case = {"text": "1.县财政局负责落实资金。\n", "nodes": [{"key": "1", "at": "1."}]}
    rows = _rows(case)
    assert [(r.unit, r.rule_id) for r in rows] == [("县财政局", "sentence_responsible")]


def test_level_key_strips_the_level_word_only():
    assert su.level_key("街道综治办") == "综治办"
    assert su.level_key("镇规划办") == "规划办"
    assert su.level_key("派出所") == "派出所"


def test_long_prose_without_marks_gives_no_rows():
    text = "一、任务\n" + "县水利局" + "开展巡查" * 5000 + "。\n"
    case = {"text": text, "nodes": [{"key": "一", "at": "一、"}]}
    rows = _rows(case)
    assert [(r.unit, r.role) for r in rows] == [("县水利局", "responsible")]


@pytest.mark.parametrize("key", ["subject_rejects", "subject_predicates", "subject_generic",
                                 "duty_roles", "duty_head_rejects", "duty_line_role_words"])
def test_one_pattern_of_a_rule_list_says_what_its_first_match_says(key):
    from extract import rules
    texts = [t for r in rules.pattern_rules("units", key) for t in r.examples + r.counter_examples]
    texts += ["", "、县财政局", "县住建局对照清单完成排查"]
    for text in texts:
        for search in (False, True):
            assert sm._holds(key, text, search) == (sm._first(key, text, search)[0] is not None), text


def test_a_partner_marker_holds_no_clause_break():
    """from_clauses passes over a stretch, from past its lead-ins up to the next
    break, that has no name-ending character: right only while a partner
    marker never reaches past a break."""
    from extract import rules
    breaks = set(rules.load("units")["subject_clause_breaks"])
    for rule in rules.pattern_rules("units", "subject_partners"):
        for example in rule.examples:
            m = rule.regex.match(example)
            assert m and not breaks & set(m.group()), (rule.id, example)


def test_a_lead_in_that_runs_past_a_break_is_read_from_where_it_ends():
    text = "做好！相关资金由县财政局根据项目进度予以保障"
    assert su._after_lead_ins(text, 0) > text.index("！")
    got = {(m.raw, m.start) for m in su.from_clauses(text, [], frozenset(), frozenset())}
    assert got == {("县财政局", text.index("县财政局"))}


def test_a_clause_without_a_name_ending_character_is_passed_over_whatever_its_lead_in():
    text = "加强道路养护，3.11月底前，县住建局对照清单完成排查；镇规划办每季度对各村考核一次。"
    got = [m.raw for m in su.from_clauses(text, [], frozenset(), frozenset())]
    assert got == ["县住建局", "镇规划办"]


def test_a_name_closing_the_text_is_not_cut_inside_its_last_word():
    """县经信局、县财政局等,崇阳县高新区管委会 closing the text: 管委|会 is no
    name with 会 as its verb, so the last list is no subject at all."""
    text = "一、任务\n2.落实企业补贴。\n县经信局、县财政局等,崇阳县高新区管委会"
    assert su._subject_list(text, text.rindex(",") + 1, frozenset(), frozenset()) is None
