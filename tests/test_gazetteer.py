"""Gazetteer look-ups by dictionary: the same answers an alternation of every name gives."""
import re

import pytest

from extract.prepare import gazetteer
from tests.conftest import fresh_python

TEXTS = [
    "南宁市城镇居民基本医疗保险实施办法",
    "西双版纳傣族自治州景洪市勐罕镇曼听村委会",
    "湖北省洪湖市人民政府办公室关于印发方案的通知",
    "仪征、高邮、宝应三地和江都区2025年底前完成",
    "",
    "市",
    "no place here 123，只有普通的文字。",
    "朝阳区和朝阳县，朝阳市",
]


@pytest.fixture(scope="module")
def alternation():
    names = sorted(gazetteer._table(), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, names)))


@pytest.mark.parametrize("text", TEXTS)
def test_prefix_is_the_longest_name_an_alternation_matches(text, alternation):
    m = alternation.match(text)
    assert gazetteer.place_prefix(text) == (m.group(0) if m else "")


@pytest.mark.parametrize("text", TEXTS)
def test_names_in_text_are_what_findall_finds(text, alternation):
    assert gazetteer._names_in(text) == alternation.findall(text)


def test_longest_name_wins_at_a_position():
    assert gazetteer.place_prefix("西双版纳傣族自治州景洪市") == "西双版纳傣族自治州"
    assert gazetteer.place_prefix("城镇居民") == ""


def test_place_names_load_without_importing_cpca():
    out = fresh_python("import sys",
                       "from extract.facts import placenames",
                       "from extract.prepare import gazetteer",
                       "print(gazetteer.place_prefix('扬州市农村公路'), len(placenames._place_names()) > 1000)",
                       "print('cpca' in sys.modules)")
    assert out[:2] == ["扬州市 True", "False"]


def _brute_find_place(name, local=frozenset()):
    from extract.facts import placenames
    places = placenames._place_names()
    for i in range(len(name) - 1):
        for j in range(min(len(name), i + 9), i + 1, -1):
            if name[i:j] in places or name[i:j] in local:
                return i, j
    return None


@pytest.mark.parametrize("name,local", [
    ("北京市经济和信息化局", frozenset()), ("县发改局", frozenset()), ("洪湖市住建局", frozenset()),
    ("洪湖住建局", frozenset({"洪湖市", "洪湖"})), ("新堤办事处", frozenset({"新堤"})),
    ("市", frozenset()), ("", frozenset()), ("南昌海关", frozenset({"x"})),
])
def test_place_inside_a_unit_name_is_what_trying_every_stretch_finds(name, local):
    from extract.facts import placenames
    assert placenames.find_place(name, local) == _brute_find_place(name, local)


@pytest.mark.parametrize("text, names", [
    # jieba takes 青山区 out of 青山|区块 (a block of land) and leaves 块 behind
    ("推进青山区块学校改建", []),
    ("完成东湖区块安置房建设", []),
    # a character that goes on a place's name, or stays inside it, leaves the place named
    ("青山区委、青山区政府", ["青山区", "青山区"]),
    ("推进通山县城区改造", ["通山县"]),
    ("兴宁市区及各镇建成区", ["兴宁市"]),
    ("关于印发青山区2024年工作要点的通知", ["青山区"]),
])
def test_a_name_read_out_of_a_word_the_segmenter_split_is_no_place(text, names):
    assert [p.name for p in gazetteer.find_places(text)] == names
