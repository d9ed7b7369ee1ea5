"""The scorer of ``plan-extract eval`` on small hand-made gold files and tables.

Every case writes one plan's tables with ``write.write_all`` and a gold file,
scores them and checks matched / required gold / counted rows of one type.
"""
import json
import math

import pandas as pd
import pytest

from extract import cli
from extract.eval import score as evaluate
from extract.eval import gold
from extract import write

SOURCE = "green-plan.txt"
TEXT = (
    "某某市城市绿化提升行动实施方案\n"
    "一、工作目标\n"
    "到2025年底前，建成区绿化覆盖率不低于 40％，新增公园绿地5000平方米。\n"
    "二、主要任务\n"
    "（一）加强城市绿化建设\n"
    "1．城市公园建设。每年新建口袋公园不少于3个。（市住建局牵头，市财政局配合）\n"
    "2．道路绿化提升。2024年3月至6月完成主干道绿化改造。（责任单位：住建局）\n"
    "（二）强化组织领导\n"
    "由张明同志任协调人，市统计局提供资料。\n"
    "三、保障措施\n"
    "每季度通报一次进展，2009年版标准不再执行。\n"
)


def at(quote, nth=0, text=TEXT):
    """(start, end) of the nth occurrence of quote in the plan text."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(quote, start + 1)
    return start, start + len(quote)


def node(node_id, label, level, title, start_quote, end_quote=None, parent=None):
    start = at(start_quote)[0]
    end = at(end_quote)[0] if end_quote else len(TEXT)
    return {"node_id": node_id, "doc_id": "d1", "parent_id": parent, "level": level, "label": label,
            "title": title, "char_start": start, "char_end": end, "text": TEXT[start:end]}


NODES = [
    node("n1", "一", 1, "工作目标", "一、", "二、"),
    node("n2", "二", 1, "主要任务", "二、", "三、"),
    node("n21", "（一）", 2, "加强城市绿化建设", "（一）", "（二）", "n2"),
    node("n211", "1", 3, "城市公园建设", "1．", "2．", "n21"),
    node("n212", "2", 3, "道路绿化提升", "2．", "（二）", "n21"),
    node("n22", "（二）", 2, "强化组织领导", "（二）", "三、", "n2"),
    node("n3", "三", 1, "保障措施", "三、"),
]
DOC = {"doc_id": "d1", "source_path": f"plans/{SOURCE}", "part": 1, "title": "某某市城市绿化提升行动实施方案",
       "city": "某某市", "province": "某某省", "text": TEXT}
TABLE_OF = {"node": "nodes", "unit": "responsibilities", "person": "people", "target": "targets", "date": "dates"}


def row(quote, node_id, nth=0, **fields):
    start, end = at(quote, nth)
    return {"doc_id": "d1", "node_id": node_id, "char_start": start, "char_end": end, "text": quote, **fields}


def unit_row(name, role="responsible", node_id="n211", quote="市住建局", nth=0):
    return row(quote, node_id, nth, unit=name, unit_raw=quote, role=role)


def target_row(quote="不少于3个", node_id="n211", comparator=">=", value=3.0, unit="个", nth=0, **more):
    return row(quote, node_id, nth, comparator=comparator, value=value, unit=unit,
               indicator=more.pop("indicator", "口袋公园"), **more)


def date_row(quote, node_id, kind, start=None, end=None, period=None):
    from datetime import date
    as_date = (lambda s: date.fromisoformat(s) if s else None)
    return row(quote, node_id, kind=kind, start=as_date(start), end=as_date(end), period=period)


def write_case(tmp_path, facts, tables, docs=(DOC,), nodes=NODES):
    gold_dir, out = tmp_path / "gold", tmp_path / "out"
    gold_dir.mkdir(exist_ok=True)
    lines = [json.dumps(f, ensure_ascii=False) for f in facts]
    (gold_dir / f"{SOURCE}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (gold_dir / "GUIDE.md").write_text("# not a gold file\n", encoding="utf-8")
    write.write_all(out, {"documents": list(docs), "nodes": list(nodes), **tables})
    return gold_dir, out


def score(tmp_path, facts, tables, **kw):
    gold_dir, out = write_case(tmp_path, facts, tables, **kw)
    return evaluate.run(gold_dir, out)


def counts(summary, kind):
    m = summary["types"][kind]
    return m["matched"], m["gold"], m["rows"]


U = {"type": "unit", "part": 1, "unit": "市住建局", "role": "lead", "mention": "市住建局", "item": "1．城市公园建设"}
T = {"type": "target", "part": 1, "span": "不少于3个", "indicator": "口袋公园", "comparator": ">=", "value": 3,
     "unit": "个", "item": "1．城市公园建设"}
AREA = {"type": "target", "part": 1, "span": "5000平方米", "indicator": "新增公园绿地", "comparator": "=",
        "value": 5000, "unit": "㎡", "item": "一、工作目标"}
RANGE = {"type": "date", "part": 1, "span": "2024年3月至6月", "kind": "range", "start": "2024-03-01",
         "end": "2024-06-30", "item": "2．道路绿化提升"}
EVERY = {"type": "date", "part": 1, "span": "每季度", "kind": "recurring", "start": None, "end": None,
         "period": "P3M", "item": "三、保障措施"}
P = {"type": "person", "part": 1, "name": "张明", "role": "协调人", "item": "(二)强化组织领导"}

# (id, gold fact, rows of its type, expected (matched, gold, rows))
CASES = [
    ("unit: same name and role", U, [unit_row("市住建局", "lead")], (1, 1, 1)),
    ("unit: leading 市 dropped on both sides", U, [unit_row("住建局", "lead")], (1, 1, 1)),
    ("unit: other prefix differences count", dict(U, unit="团市委"), [unit_row("市团委", "lead")], (0, 1, 1)),
    ("unit: wrong role", U, [unit_row("市住建局", "responsible")], (0, 1, 1)),
    ("unit: the 市 of 市场 is not a prefix", dict(U, unit="市场监管局"), [unit_row("市市场监管局", "lead")],
     (1, 1, 1)),
    ("unit: 市场 with its 市 dropped is another name", dict(U, unit="市场监管局"), [unit_row("场监管局", "lead")],
     (0, 1, 1)),
    ("unit: an item outside every node wants a null node", dict(U, item="某某市城市绿化"),
     [unit_row("市住建局", "lead", node_id=None)], (1, 1, 1)),
    ("unit: ... and a row placed in a node does not match it", dict(U, item="某某市城市绿化"),
     [unit_row("市住建局", "lead")], (0, 1, 1)),
    ("unit: wrong node_id (outer node)", U, [unit_row("市住建局", "lead", node_id="n21")], (0, 1, 1)),
    ("unit: item written with ASCII punctuation", dict(U, item="1.城市公园建设"),
     [unit_row("市住建局", "lead")], (1, 1, 1)),
    ("unit: short item uses its last character", dict(U, item="1．城"), [unit_row("市住建局", "lead")], (1, 1, 1)),
    ("unit: item not in text never matches", dict(U, item="9．不存在的条目"), [unit_row("市住建局", "lead")], (0, 1, 1)),
    ("unit: no item, node not checked", {k: v for k, v in U.items() if k != "item"},
     [unit_row("市住建局", "lead", node_id="n3")], (1, 1, 1)),
    ("person: name and role", P, [row("张明", "n22", name="张明", role="协调人")], (1, 1, 1)),
    ("person: wrong role", P, [row("张明", "n22", name="张明", role="责任人")], (0, 1, 1)),
    ("target: all fields", T, [target_row()], (1, 1, 1)),
    ("target: value within 1e-6", T, [target_row(value=3.0000001)], (1, 1, 1)),
    ("target: value off by 0.01", T, [target_row(value=3.01)], (0, 1, 1)),
    ("target: wrong comparator", T, [target_row(comparator=">")], (0, 1, 1)),
    ("target: 平方米 row vs ㎡ gold", AREA,
     [target_row("5000平方米", "n1", "=", 5000.0, "平方米")], (1, 1, 1)),
    ("target: m² row vs ㎡ gold", AREA, [target_row("5000平方米", "n1", "=", 5000.0, "m²")], (1, 1, 1)),
    ("target: 万平方米 row vs 万㎡ gold", dict(AREA, unit="万㎡"),
     [target_row("5000平方米", "n1", "=", 5000.0, "万平方米")], (1, 1, 1)),
    ("target: 平方公里 is not ㎡", dict(AREA, unit="㎡"), [target_row("5000平方米", "n1", "=", 5000.0, "平方公里")],
     (0, 1, 1)),
    ("target: null unit vs empty", dict(T, unit=None), [target_row(unit="")], (1, 1, 1)),
    ("target: null values alike", dict(T, value=None), [target_row(value=None)], (1, 1, 1)),
    ("target: null vs number", dict(T, value=None), [target_row()], (0, 1, 1)),
    ("target: row does not overlap the span", T, [target_row("口袋公园")], (0, 1, 1)),
    ("target: full-width % and a space in the text", dict(AREA, span="不低于40%", value=40, unit="%",
                                                           comparator=">="),
     [target_row("不低于 40％", "n1", ">=", 40.0, "％")], (1, 1, 1)),
    ("date: range start and end", RANGE, [date_row("2024年3月至6月", "n212", "range", "2024-03-01", "2024-06-30")],
     (1, 1, 1)),
    ("date: wrong end", RANGE, [date_row("2024年3月至6月", "n212", "range", "2024-03-01", "2024-06-01")], (0, 1, 1)),
    ("date: wrong kind", RANGE, [date_row("2024年3月至6月", "n212", "point", "2024-03-01", "2024-06-30")],
     (0, 1, 1)),
    ("date: recurring compares the period", EVERY, [date_row("每季度", "n3", "recurring", period="P3M")], (1, 1, 1)),
    ("date: recurring wrong period", EVERY, [date_row("每季度", "n3", "recurring", period="P1M")], (0, 1, 1)),
    ("optional matched: neither way", dict(U, optional=True), [unit_row("市住建局", "lead")], (0, 0, 0)),
    ("optional unmatched: not a miss", dict(U, optional=True), [], (0, 0, 0)),
]


@pytest.mark.parametrize("fact,rows,want", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_matching_rule(tmp_path, fact, rows, want):
    summary = score(tmp_path, [fact], {TABLE_OF[fact["type"]]: rows})
    assert counts(summary, fact["type"]) == want


N = {"type": "node", "part": 1, "label": "(一)", "level": 2, "title": "加强城市绿化建设工作"}
NODE_CASES = [
    ("title starts with the first six characters", N, {"title": "加强城市绿化建设"}, True),
    ("first six within the first ten", N, {"title": "全面加强城市绿化建设"}, True),
    ("first six only after the first ten", N, {"title": "各区县各部门要全面加强城市绿化"}, False),
    ("leading copy of the label removed", N, {"title": "（一）加强城市绿化建设"}, True),
    ("label l read as 1", dict(N, label="1", level=3), {"label": "l", "level": 3}, True),
    ("other label", N, {"label": "（二）"}, False),
    ("other level", N, {"level": 3}, False),
]


@pytest.mark.parametrize("fact,change,ok", [c[1:] for c in NODE_CASES], ids=[c[0] for c in NODE_CASES])
def test_node_rule(tmp_path, fact, change, ok):
    nodes = [dict(NODES[2], **change)]
    summary = score(tmp_path, [fact], {}, nodes=nodes)
    assert counts(summary, "node") == ((1, 1, 1) if ok else (0, 1, 1))


def test_required_facts_take_rows_before_optional_ones(tmp_path):
    # the optional fact comes first in the file, but the required twin takes the only row
    facts = [dict(U, optional=True), U]
    summary = score(tmp_path, facts, {"responsibilities": [unit_row("市住建局", "lead")]})
    assert counts(summary, "unit") == (1, 1, 1)
    assert summary["types"]["unit"]["optional_matched"] == 0


def test_rows_are_used_once_in_file_order_among_required_facts(tmp_path):
    # two required twins and one row: the first takes it, the second is missed;
    # an optional twin after them finds no row left and is no miss
    facts = [U, U, dict(U, optional=True)]
    summary = score(tmp_path, facts, {"responsibilities": [unit_row("市住建局", "lead")]})
    assert counts(summary, "unit") == (1, 2, 1)
    assert summary["types"]["unit"]["optional_matched"] == 0


def test_first_unused_row_is_taken(tmp_path):
    facts = [U, dict(U, unit="市财政局", role="assist", mention="市财政局")]
    rows = [unit_row("市财政局", "assist", quote="市财政局"), unit_row("市住建局", "lead"),
            unit_row("市住建局", "lead")]
    summary = score(tmp_path, facts, {"responsibilities": rows})
    assert counts(summary, "unit") == (2, 2, 3)


@pytest.mark.parametrize("quote,counted", [("2009年版", 0), ("每季度", 1)], ids=["overlaps ignore", "elsewhere"])
def test_unmatched_row_in_ignore_span_left_out(tmp_path, quote, counted):
    facts = [{"type": "ignore", "part": 1, "span": "2009年版", "why": "edition year"}]
    rows = [date_row(quote, "n3", "point", "2009-01-01", "2009-12-31")]
    summary = score(tmp_path, facts, {"dates": rows})
    assert counts(summary, "date") == (0, 0, counted)
    assert summary["types"]["date"]["ignored"] == 1 - counted


def test_plan_without_documents_row_misses_all_its_facts(tmp_path):
    facts = [{"type": "doc", "part": 2, "title": "第二个方案", "city": "某某市", "province": "某某省"},
             dict(U, part=2), dict(T, part=2), dict(T, part=2, optional=True), U]
    summary = score(tmp_path, facts, {"responsibilities": [unit_row("市住建局", "lead")]})
    assert counts(summary, "unit") == (1, 2, 1)
    assert counts(summary, "target") == (0, 1, 0)
    part2 = next(p for p in summary["plans"] if p["part"] == 2)
    assert not part2["documents_row"] and part2["doc_fields"] == {"title": False, "city": False,
                                                                  "province": False}


def test_rows_of_sources_without_gold_are_not_counted(tmp_path):
    other = dict(DOC, doc_id="d2", source_path="plans/other.txt")
    stray = dict(unit_row("市住建局", "lead"), doc_id="d2")
    summary = score(tmp_path, [U], {"responsibilities": [unit_row("市住建局", "lead"), stray]},
                    docs=(DOC, other))
    assert counts(summary, "unit") == (1, 1, 1)
    assert [p["source"] for p in summary["plans"]] == [SOURCE]


@pytest.mark.parametrize("gold_doc,doc,want", [
    ({"title": "城市绿化提升行动实施方案", "city": "某某市", "province": "某某省"}, {},
     {"title": True, "city": True, "province": True}),
    ({"title": "某某市城市绿化提升行动实施方案（2024—2025年）", "city": None, "province": "某某省"},
     {"city": ""}, {"title": True, "city": True, "province": True}),
    ({"title": None, "city": "某某县", "province": "其他省"}, {}, {"title": None, "city": False, "province": False}),
    ({"title": "另一个方案", "city": "某某市", "province": "某某省"}, {"title": ""},
     {"title": False, "city": True, "province": True}),
], ids=["contained", "contains, null city vs empty", "title not scored, wrong places", "empty title"])
def test_document_fields(tmp_path, gold_doc, doc, want):
    summary = score(tmp_path, [dict(gold_doc, type="doc", part=1)], {}, docs=(dict(DOC, **doc),))
    assert summary["plans"][0]["doc_fields"] == want
    scored = [v for v in want.values() if v is not None]
    assert summary["doc_fields"]["title"]["scored"] == (want["title"] is not None)
    assert sum(summary["doc_fields"][f]["correct"] for f in want) == sum(scored)


def test_indicator_agreement_on_matched_targets(tmp_path):
    facts = [T, dict(AREA, unit="平方米")]
    rows = [target_row(indicator="新建口袋公园"), target_row("5000平方米", "n1", "=", 5000.0, "㎡", indicator="绿化")]
    agree = score(tmp_path, facts, {"targets": rows})["agreement"]["target_indicator"]
    assert (agree["agree"], agree["matched"]) == (1, 2)


def test_nan_and_none_from_pandas_are_null(tmp_path):
    gold_dir, out = write_case(tmp_path, [dict(T, value=None, unit=None)], {})
    frame = pd.DataFrame([target_row(value=math.nan, unit=None)])
    frame.to_parquet(out / "targets.parquet")
    assert counts(evaluate.run(gold_dir, out), "target") == (1, 1, 1)


@pytest.mark.parametrize("line,problem", [
    ('{"type": "unit", "part": 1, "unit": "市住建局"', "not valid JSON"),
    ('{"type": "units", "part": 1}', "unknown type 'units'"),
    ('{"type": "unit", "part": 1, "unit": "市住建局"}', "missing the field 'role'"),
    ('{"type": "unit", "unit": "市住建局", "role": "lead"}', "needs 'part'"),
    ('{"type": "target", "part": 1, "span": "3个", "comparator": "≥", "value": 3, "unit": "个"}',
     "'comparator' is '≥'"),
    ('{"type": "date", "part": 1, "span": "每年", "kind": "recurring", "start": null, "end": null}',
     "needs 'period'"),
], ids=["bad json", "unknown type", "missing field", "no part", "bad comparator", "recurring without period"])
def test_bad_gold_line_names_file_line_and_problem(tmp_path, line, problem, capsys):
    gold_dir, out = write_case(tmp_path, [N], {})
    path = gold_dir / f"{SOURCE}.jsonl"
    path.write_text(path.read_text(encoding="utf-8") + "\n" + line + "\n", encoding="utf-8")
    with pytest.raises(gold.GoldError, match=f"{SOURCE}.jsonl:3: .*{problem}"):
        evaluate.run(gold_dir, out)
    assert cli.main(["eval", "--gold", str(gold_dir), "--out", str(out)]) == 2
    assert f"{SOURCE}.jsonl:3" in capsys.readouterr().err


def test_json_output_shape(tmp_path, capsys):
    gold_dir, out = write_case(tmp_path, [N, U, T], {"responsibilities": [unit_row("市住建局", "lead")]})
    assert cli.main(["eval", "--gold", str(gold_dir), "--out", str(out), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data["types"]) == {"node", "unit", "person", "target", "date"}
    assert {"precision", "recall", "f1", "matched", "gold", "rows"} <= set(data["types"]["unit"])
    assert data["types"]["unit"]["f1"] == 1.0 and data["types"]["target"]["recall"] == 0.0
    assert set(data["doc_fields"]) == {"title", "city", "province"}
    assert data["plans"][0]["source"] == SOURCE and data["plans"][0]["types"]["node"]["matched"] == 1
    assert "target_indicator" in data["agreement"]


def test_show_errors_lists_misses_and_unmatched_rows(tmp_path, capsys):
    rows = [target_row(value=4.0)]
    gold_dir, out = write_case(tmp_path, [T], {"targets": rows})
    cli.main(["eval", "--gold", str(gold_dir), "--out", str(out), "--show-errors", "target"])
    text = capsys.readouterr().out
    missed = text[text.index("missed target gold facts (1)"):text.index("unmatched target rows")]
    assert f"{SOURCE}.jsonl:1" in missed and "'1．城市公园建设'" in missed and "'不少于3个'" in missed
    assert "fails: value" in missed
    unmatched = text[text.index("unmatched target rows (1)"):]
    start, end = at("不少于3个")
    assert f"[{start},{end})" in unmatched and "1 '城市公园建设'" in unmatched


@pytest.mark.parametrize("floors,code,named", [
    ("f1: {unit: 0.9}\ndoc_accuracy: {title: 1.0}\n", 0, None),
    ("f1: {unit: 0.9, target: 0.5}\n", 1, "target F1 0.000 is below its floor 0.500"),
    ("doc_accuracy: {city: 1.0}\n", 1, "document city accuracy"),
    ("f1: {units: 0.9}\n", 2, "unknown name"),
], ids=["met", "target below", "doc field below", "bad file"])
def test_baseline_exit_code(tmp_path, capsys, floors, code, named):
    gold_dir, out = write_case(tmp_path, [U, T, {"type": "doc", "part": 1, "title": "城市绿化",
                                                 "city": "其他市", "province": "某某省"}],
                               {"responsibilities": [unit_row("市住建局", "lead")]})
    (tmp_path / "floors.yaml").write_text(floors, encoding="utf-8")
    argv = ["eval", "--gold", str(gold_dir), "--out", str(out), "--baseline", str(tmp_path / "floors.yaml")]
    assert cli.main(argv) == code
    if named:
        assert named in capsys.readouterr().err


def test_min_f1_gate(tmp_path):
    gold_dir, out = write_case(tmp_path, [U, T], {"responsibilities": [unit_row("市住建局", "lead")]})
    argv = ["eval", "--gold", str(gold_dir), "--out", str(out), "--min-f1"]
    assert cli.main(argv + ["0.0"]) == 0
    assert cli.main(argv + ["0.5"]) == 1


@pytest.mark.parametrize("text,quote,want", [
    ("到2025年底前", "2025年底前", [(1, 8)]),
    ("不低于 40％，不低于\n40%", "不低于40%", [(0, 7), (8, 15)]),
    ("（一）加强\u3000建设", "(一)加强建设", [(0, 8)]),
    ("ｍ２与m²", "m2", [(0, 2), (3, 5)]),
], ids=["plain", "spaces and full-width", "ideographic space", "compatibility forms"])
def test_normal_form_search_maps_back_to_original_offsets(text, quote, want):
    assert gold.NormText(text).find_all(quote) == want


@pytest.mark.parametrize("ignored,counted", [("2009年版", 1), ("三、保障措施", 0)],
                         ids=["ignore inside the subtree only", "ignore over the label"])
def test_node_rows_stand_at_their_label_for_ignore_spans(tmp_path, ignored, counted):
    facts = [{"type": "ignore", "part": 1, "span": ignored, "why": "test"}]
    summary = score(tmp_path, facts, {}, nodes=[NODES[-1]])
    assert counts(summary, "node") == (0, 0, counted)


def test_extra_part_of_a_gold_source_counts_against_precision(tmp_path):
    part2 = dict(DOC, doc_id="d2", part=2)
    stray = dict(unit_row("市住建局", "lead"), doc_id="d2")
    summary = score(tmp_path, [U], {"responsibilities": [unit_row("市住建局", "lead"), stray]},
                    docs=(DOC, part2))
    assert counts(summary, "unit") == (1, 1, 2)
    assert [p["in_gold"] for p in summary["plans"]] == [True, False]


def test_missing_table_is_a_usage_error(tmp_path, capsys):
    gold_dir, out = write_case(tmp_path, [U], {})
    (out / "targets.parquet").unlink()
    assert cli.main(["eval", "--gold", str(gold_dir), "--out", str(out)]) == 2
    assert "targets.parquet: table not found" in capsys.readouterr().err


def test_unplaceable_item_is_reported(tmp_path, capsys):
    gold_dir, out = write_case(tmp_path, [dict(U, item="9．不存在的条目")], {})
    cli.main(["eval", "--gold", str(gold_dir), "--out", str(out), "--show-errors", "unit"])
    text = capsys.readouterr().out
    assert f"{SOURCE}.jsonl:1: item anchor not found in the plan text: '9．不存在的条目'" in text
    assert "why: item anchor not found in the plan text; no unused row" in text


@pytest.mark.parametrize("quote, text", [
    ("工作目標(biāo)", "工作目标"),          # a mirror page's pinyin, which the clean stage cuts
    ("國網(wǎng)吐魯番供電公司", "国网吐鲁番供电公司"),
    ("投放量(kg)", "投放量(kg)"),        # plain Latin letters in brackets stay
])
def test_gold_quotes_compare_as_the_cleaned_text(quote, text):
    assert gold.norm(quote) == gold.norm(text)


def test_a_bracketed_unit_is_not_taken_for_pinyin():
    assert gold.norm("第(3)项") != gold.norm("第项")


def test_a_period_typed_with_another_dash_is_the_same_text():
    assert gold.norm("三年行动计划(2022-2024年)") == gold.norm("三年行动计划（2022—2024年）")
    assert gold.norm("2022-2024年") != gold.norm("2022—2025年")
