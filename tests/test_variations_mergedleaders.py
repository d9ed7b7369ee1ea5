"""A leader's cell merged down over several rows of a .docx/.html task table
(rowspan, read as TAB rows): the leader answers for each of those rows, as the
lead unit of a merged cell does; an empty leader cell of a table written with
bars between its cells stays empty.

Every text is invented (real places, invented wording and people).
"""
from __future__ import annotations

from extract import run_files

HEADER = "<tr><th>序号</th><th>重点任务</th><th>牵头单位</th><th>责任领导</th><th>完成时限</th></tr>"
ROWS = ("<tr><td>1</td><td>改造农村户厕1500户</td><td rowspan=\"2\">县农业农村局</td>"
        "<td rowspan=\"2\">欧阳建平</td><td>2024年10月底前</td></tr>"
        "<tr><td>2</td><td>新建污水处理站6座</td><td>2024年12月底前</td></tr>"
        "<tr><td>3</td><td>清理村庄垃圾</td><td>各乡镇</td><td>邝晓梅</td><td>长期</td></tr>")
PAGE = ("<html><head><meta charset=\"utf-8\"></head><body><h1>乐昌市2024年农村人居环境整治任务分解表</h1>"
        f"<table>{HEADER}{ROWS}</table></body></html>")
TEXT = ("乐昌市2024年农村人居环境整治任务分解表\n序号 | 重点任务 | 牵头单位 | 责任领导 | 完成时限 |\n"
        "1 | 改造农村户厕1500户 | 县农业农村局 | 欧阳建平 | 2024年10月底前 |\n"
        "2 | 新建污水处理站6座 | 县住建局 |  | 2024年12月底前 |\n")


def _leaders_by_row(tmp_path, name: str, content: str) -> list:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    tables = run_files([str(path)])
    nodes, people = tables["nodes"], tables["people"]
    titles = dict(zip(nodes.node_id, nodes.title))
    return sorted((titles[n][:6], person) for n, person in zip(people.node_id, people.name))


def test_a_merged_leader_cell_answers_for_every_row_it_covers(tmp_path):
    assert _leaders_by_row(tmp_path, "plan.html", PAGE) == [
        ("改造农村户厕", "欧阳建平"), ("新建污水处理", "欧阳建平"), ("清理村庄垃圾", "邝晓梅")]


def test_an_empty_leader_cell_of_a_barred_table_stays_empty(tmp_path):
    assert _leaders_by_row(tmp_path, "plan.txt", TEXT) == [("改造农村户厕", "欧阳建平")]
