"""A plan saved by a document site that turned every paragraph mark into a
Cyrillic Er and ran the paragraphs into one line: the page reads as the same
plan, heading by heading, as its copy with line breaks. A Cyrillic word in a
plan (a partner city's street) keeps its letter."""
from __future__ import annotations

import pytest

from extract import run_files
from extract.prepare import clean
from extract.records import Source

ER = chr(0x420)
PLAN = ("钦州市钦南区犀牛脚镇人居环境整治提升行动方案\n"
        "一、工作目标\n"
        "到2025年底，全镇农村生活垃圾收运处置体系覆盖率达到100%。\n"
        "二、组织机构\n"
        "（一）加强领导。成立整治提升行动领导小组，由镇党委书记梁德远任组长，"
        "镇长韦春生任副组长，组员覃海、黎文静、蒙立新组成。\n"
        "（二）明确分工。镇农业服务中心负责垃圾收运，镇财政所配合。\n"
        "三、实施步骤\n"
        "（一）宣传发动阶段（2025年3月—4月）。各村制定具体方案。\n"
        "（二）集中整治阶段（2025年5月—10月）。全面清理积存垃圾。\n")


def _write(folder, name, text):
    (folder / name).write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def both(tmp_path_factory):
    folder = tmp_path_factory.mktemp("joined")
    _write(folder, "lines.txt", PLAN)
    _write(folder, "joined.txt", PLAN.rstrip("\n").replace("\n", ER))
    tables = run_files([str(folder)])
    out = {}
    for doc_id, source in zip(tables["documents"].doc_id, tables["documents"].source_path):
        key = source.rsplit("/", 1)[-1][:-4]
        nodes = tables["nodes"][tables["nodes"].doc_id == doc_id]
        people = tables["people"][tables["people"].doc_id == doc_id]
        title = tables["documents"][tables["documents"].doc_id == doc_id].title.iloc[0]
        out[key] = (title, list(zip(nodes.label, nodes.title)), sorted(zip(people.name, people.role)))
    return out


def test_a_page_joined_by_cyrillic_marks_reads_as_the_plan_with_lines(both):
    assert both["joined"] == both["lines"]


def test_the_plan_with_lines_has_its_headings_and_members(both):
    title, nodes, people = both["lines"]
    assert title == "钦州市钦南区犀牛脚镇人居环境整治提升行动方案"
    assert [label for label, _ in nodes] == ["一", "二", "（一）", "（二）", "三", "（一）", "（二）"]
    assert ("覃海", "组员") in people and ("梁德远", "组长") in people


def test_a_cyrillic_word_keeps_its_letter():
    text = "友好城市街道：ул. " + ER + "ябиновая 12，" + ER + "оссия。"
    got = clean.clean(Source("t.txt", "text", text, "utf-8", "0")).text
    assert got.count(ER) == 2 and "\n" not in got
