"""A task table written with bars (Markdown, or a cell export) whose section
rows leave their empty cells' bars behind (一、主要目标 | |||): the section is
a heading, the table stays open under it, and its rows keep their columns'
roles. Its look-alike, a plain heading after the table, closes it."""
from __future__ import annotations

from collections import Counter

import pytest

from extract import run_files

HEAD = ("乌兰察布市2025年稳就业促增收工作任务清单\n"
        "| 序号 | 工作任务 | 牵头责任单位 | 责任单位 |\n"
        "| --- | --- | --- | --- |\n")
SECTION_ONE = "一、主要预期目标{bars}\n"
ROWS_ONE = ("| 1 | 城镇新增就业2.3万人 | 市人力资源社会保障局 | 市农牧局 市财政局 |\n"
            "| 2 | 开发公益性岗位800个 | 市民政局 | 市人力资源社会保障局 |\n")
SECTION_TWO = "二、重点工作{bars}\n"
ROWS_TWO = "| 3 | 建设零工市场4个 | 市人力资源社会保障局 | 市商务局 集宁区人民政府 |\n"
BARS = {"trailing": " | |||", "spaced": " |  |  |  |", "outer": "| {label} |  |  |  |"}

UNITS = Counter({("市人力资源社会保障局", "lead"): 2, ("市农牧局", "responsible"): 1,
                 ("市财政局", "responsible"): 1, ("市民政局", "lead"): 1,
                 ("市人力资源社会保障局", "responsible"): 1, ("市商务局", "responsible"): 1,
                 ("集宁区人民政府", "responsible"): 1})
NODES = [(1, "一", "主要预期目标"), (2, "1", "城镇新增就业2.3万人"), (2, "2", "开发公益性岗位800个"),
         (1, "二", "重点工作"), (2, "3", "建设零工市场4个")]


def _section(line: str, key: str) -> str:
    if key == "outer":          # | 一、主要预期目标 |  |  |  |: the section inside the bars
        label = line.format(bars="")
        return BARS["outer"].format(label=label) + "\n"
    return line.format(bars=BARS[key]) + "\n"


@pytest.fixture(scope="module")
def barred(tmp_path_factory):
    folder = tmp_path_factory.mktemp("barred")
    for key in BARS:
        text = (HEAD + _section(SECTION_ONE.strip("\n"), key) + ROWS_ONE
                + _section(SECTION_TWO.strip("\n"), key) + ROWS_TWO)
        (folder / f"{key}.txt").write_text(text, encoding="utf-8")
    tables = run_files([str(folder)])
    docs = dict(zip(tables["documents"].doc_id, tables["documents"].source_path))
    out = {}
    for doc_id, source in docs.items():
        units = tables["responsibilities"][tables["responsibilities"].doc_id == doc_id]
        nodes = tables["nodes"][tables["nodes"].doc_id == doc_id]
        out[source.rsplit("/", 1)[-1][:-4]] = (
            Counter(zip(units.unit, units.role)),
            [(int(lv), lb, t) for lv, lb, t in zip(nodes.level, nodes.label, nodes.title)])
    return out


@pytest.mark.parametrize("key", ["trailing", "spaced"])
def test_a_section_row_with_trailing_bars_keeps_the_table_open(barred, key):
    units, _ = barred[key]
    assert units == UNITS, f"missing {UNITS - units}, extra {units - UNITS}"


@pytest.mark.parametrize("key", ["trailing", "spaced"])
def test_a_barred_section_row_is_a_heading_above_its_rows(barred, key):
    _, nodes = barred[key]
    assert nodes == NODES


def test_a_section_inside_the_bars_reads_the_same_rows(barred):
    units, _ = barred["outer"]
    assert units == UNITS, f"missing {UNITS - units}, extra {units - UNITS}"


def test_a_plain_heading_after_a_barred_table_closes_it(tmp_path):
    text = (HEAD + ROWS_ONE + "二、保障措施\n"
            "各旗县市区要加强组织领导，市人力资源社会保障局 市财政局 做好资金保障。\n"
            "| 9 | 说明 | 另附 |\n")
    (tmp_path / "closed.txt").write_text(text, encoding="utf-8")
    tables = run_files([str(tmp_path)])
    nodes = tables["nodes"]
    units = tables["responsibilities"]
    # the prose under 二、 is no table row: its units carry no table role there
    after = nodes[nodes.label == "二"].char_start.iloc[0]
    assert not ((units.char_start > after) & (units.rule_id.str.startswith("table"))).any()
    assert list(nodes.label) == ["1", "2", "二"]
