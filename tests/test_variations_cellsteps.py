"""Steps numbered inside a task table's cells (1.5月底前……。 2.9月底前……): they
are items of the row, and what stands in the row's other cells (its units) and
after each step (its dates) belongs where it stands.

Every text is invented (real places, invented wording).
"""
from __future__ import annotations

from tests.conftest import one_extraction

TEXT = ("鄞州区2024年民生实事项目实施方案\n一、项目清单\n序号 | 实事项目 | 推进安排 | 牵头单位 | 协同单位 |\n"
        "1 | 新建公办幼儿园5所。 | 1.5月底前完成主体。 2.9月底前交付使用。 | 区教育局 | 区住建局、区财政局 |\n"
        "2 | 新增托位300个。 | 1.6月底前新增150个。 2.9月底前完成。 | 区卫生健康局 | 各街道 |\n二、保障措施\n加强督查。\n")


def test_cell_steps_are_items_of_their_row_and_units_stay_with_the_row(tmp_path):
    ex = one_extraction(tmp_path, TEXT)
    by_id = {n.node_id: n for n in ex.nodes}
    assert [(n.label, n.level) for n in ex.nodes] == [("一", 1), ("1", 2), ("1", 3), ("2", 3),
                                                       ("2", 2), ("1", 3), ("2", 3), ("二", 1)]
    rows = [n for n in ex.nodes if n.level == 2]
    steps = [n for n in ex.nodes if n.level == 3]
    assert all(ex.plan.text[s.char_start:s.char_end].endswith("。") for s in steps)     # a step ends with its cell
    units = {(r.unit, r.role, by_id[r.node_id].title) for r in ex.responsibilities}
    assert units == {("区教育局", "lead", rows[0].title), ("区住建局", "assist", rows[0].title),
                     ("区财政局", "assist", rows[0].title), ("区卫生健康局", "lead", rows[1].title)}
    deadlines = {(d.text, by_id[d.node_id].title) for d in ex.dates if d.kind == "deadline"}
    assert ("5月底前", steps[0].title) in deadlines and ("9月底前", steps[3].title) in deadlines
