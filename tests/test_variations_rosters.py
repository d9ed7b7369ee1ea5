"""Variation tests for the leftovers of rosters and task tables: one invented
snippet under several layouts must give the same people, units and roles.
"""
from __future__ import annotations

from collections import Counter

import pytest

from tests.conftest import facts_of_plans

ROSTER_HEAD = "松江区泗泾镇市容环境整治工作领导小组\n\n一、组织机构\n"
ROSTER_BODY = ("   组      长: 周建国   镇长\n"
               "   成      员: 吴海涛   党政办公室主任\n"
               "{pad}孙   磊   社区建设办公室主任\n"
               "{pad}郑   伟   {post}\n"
               "{pad}陈晓东   房屋管理办事处主任\n")
MEMBERS = Counter({("周建国", "组长"): 1, ("吴海涛", "成员"): 1, ("孙磊", "成员"): 1,
                   ("郑伟", "成员"): 1, ("陈晓东", "成员"): 1})
# a post whose unit carries a bracketed second name, in either bracket width
POSTS = {
    "plain": "城镇建设管理中心主任",
    "bracketed": "城市运行综合管理中心(绿化市容中心)常务副主任",
    "full_width": "城市运行综合管理中心（绿化市容中心）常务副主任",
    "bracketed_team": "镇综合执法队（城管中队）队长",
}


@pytest.fixture(scope="module")
def rosters(tmp_path_factory):
    plans = {f"roster_{key}_{pad}": (ROSTER_HEAD + ROSTER_BODY.format(pad=" " * pad, post=post),)
             for key, post in POSTS.items() for pad in (18, 6)}
    return facts_of_plans(tmp_path_factory.mktemp("rosters"), plans)


@pytest.mark.parametrize("key", sorted(POSTS))
@pytest.mark.parametrize("pad", [18, 6])
def test_a_padded_name_before_a_post_with_a_bracket(rosters, key, pad):
    assert rosters[f"roster_{key}_{pad}"][1] == MEMBERS
