"""A level's head written by post (区长, 常务副区长, 副县长) opening a clause of
a government's own rules or a plan's division of leaders' work is a post, not
a body: 区长主持区政府全面工作 names no unit, while a body opening the next
clause (区财政局负责……) still does. Invented wording, real places."""
from __future__ import annotations

from collections import Counter

from tests.conftest import facts_of_plans

PLAN = ("宁陕县人民政府工作规则\n第一章 总则\n"
        "一、为规范县政府工作，制定本规则。\n第二章 职责分工\n"
        "二、{head}主持县政府全面工作，分管审计、编制工作。\n"
        "三、县财政局负责县政府运行经费保障。\n")


def test_a_heads_post_opening_a_clause_is_no_unit(tmp_path):
    heads = {"county_head": "县长", "deputy": "常务副县长", "vice": "副县长"}
    plans = {key: (PLAN.format(head=head),) for key, head in heads.items()}
    got = facts_of_plans(tmp_path, plans)
    for key in heads:
        units, _ = got[key]
        assert units == Counter({("县财政局", "responsible"): 1}), key
