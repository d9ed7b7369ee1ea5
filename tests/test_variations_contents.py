"""A table of contents above the plan (a 目录 line and the headings again,
with dots or page numbers): it is no title and no outline, and the plan's
own headings below it are read once.

Every text is invented (real places, invented wording).
"""
from __future__ import annotations

import pytest

from tests.conftest import one_extraction

TITLE = "镇安县创建省级卫生县城工作实施方案"
PLAN = (f"{TITLE}\n为改善城乡环境，结合我县实际，制定本方案。\n一、指导思想\n坚持政府主导、群众参与。\n"
        "二、目标任务\n（一）健康教育\n健康知识知晓率达到85%以上。\n（二）环境卫生\n由县住建局负责。\n三、保障措施\n加强督查。\n")


@pytest.mark.parametrize("contents", [
    "目录\n一、指导思想\n二、目标任务\n（一）健康教育\n（二）环境卫生\n三、保障措施\n",
    "目　录\n一、指导思想……1\n二、目标任务……2\n（一）健康教育……2\n（二）环境卫生……3\n三、保障措施……4\n",
    "目录/提纲:……\n一、指导思想\n二、目标任务\n（一）健康教育\n……\n",
])
def test_contents_above_the_plan_are_no_title_and_no_outline(tmp_path, contents):
    ex = one_extraction(tmp_path, contents + PLAN)
    assert ex.plan.title == TITLE
    assert [(n.label, n.level) for n in ex.nodes] == [("一", 1), ("二", 1), ("（一）", 2), ("（二）", 2), ("三", 1)]
    assert [r.unit for r in ex.responsibilities] == ["县住建局"]


def test_a_contents_line_before_running_text_is_kept(tmp_path):
    # 目录 followed by a sentence opens no table of contents: nothing is cut
    ex = one_extraction(tmp_path, PLAN.replace("为改善城乡环境", "目录\n为改善城乡环境"))
    assert "目录" in ex.plan.text
    assert [n.label for n in ex.nodes] == ["一", "二", "（一）", "（二）", "三"]
