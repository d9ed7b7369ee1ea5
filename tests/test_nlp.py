"""The lazily read jieba lexicon answers exactly what stock jieba answers."""

import jieba as stock
import jieba.posseg as stock_pos
import pytest

from extract.text import nlp
from tests.conftest import fresh_python

SENTENCES = [
    "到2025年，全市新建改造农村公路500公里以上，由市交通运输局牵头负责。",
    "成立工作专班，由王晓明同志任组长，陈立新、欧阳娜娜任副组长。",
    "完善城乡一体化供水工程体系，农村自来水普及率达到98%。",
    "abc 123 mixed 文本\n第二行：（一）加强组织领导",
    "西双版纳傣族自治州景洪市勐罕镇曼听村委会",
    "",
    "。；、",
]


@pytest.mark.parametrize("text", SENTENCES)
def test_words_are_stock_jiebas(text):
    assert nlp.jieba().lcut(text) == stock.lcut(text)
    assert nlp.jieba().lcut(text, HMM=False) == stock.lcut(text, HMM=False)


@pytest.mark.parametrize("text", SENTENCES)
def test_tags_are_stock_jiebas(text):
    ours = [(w.word, w.flag) for w in nlp.posseg().cut(text)]
    assert ours == [(w.word, w.flag) for w in stock_pos.cut(text)]


def test_the_lexicon_holds_frequencies_prefixes_and_tags():
    table, tags = nlp.LazyTable(nlp.lexicon(), 0), nlp.LazyTable(nlp.lexicon(), 1)
    stock.initialize()
    for word in ("交通运输局", "交通运", "组长", "的", "龘龘龘"):
        assert (word in table) == (word in stock.dt.FREQ)
        assert table.get(word) == stock.dt.FREQ.get(word)
    assert nlp.lexicon().total == stock.dt.total
    with stock.dt.get_dict_file() as f:        # the tags as the dictionary file writes them
        written = dict(line.decode("utf-8").split()[::2] for line in f if line.strip())
    for word in ("交通运输", "组长", "的", "景洪"):
        assert tags.get(word) == written.get(word)
    assert tags.get("龘龘龘", "x") == "x"


def _another_layout() -> bytes:
    """A cache file that reads as a lexicon header, of a layout that is not this one."""
    import marshal
    head = marshal.dumps(("pairs-0", 1, ({}, {}), {}))
    return len(head).to_bytes(8, "little") + head


@pytest.mark.parametrize("written", [b"\x00\x01 not a lexicon", _another_layout()],
                         ids=["damaged", "another layout"])
def test_a_cache_that_is_not_this_lexicon_is_built_again(written, tmp_path, monkeypatch):
    from extract.text import lexicon
    monkeypatch.setattr(lexicon.tempfile, "gettempdir", lambda: str(tmp_path))
    nlp.lexicon.cache_clear()
    try:
        first = nlp.lexicon()
        cache = next(tmp_path.glob("plan-extract-jieba-*"))
        cache.write_bytes(written)
        nlp.lexicon.cache_clear()
        again = nlp.lexicon()
        assert again.total == first.total
        assert again.get("交通")[0] == first.get("交通")[0] and "交通运输" in again.get("交通")[0]
        assert again.singles == first.singles
    finally:
        nlp.lexicon.cache_clear()


def test_writing_tables_does_not_import_pandas_yet_pandas_still_works():
    out = fresh_python("import sys",
                       "from extract import write",
                       "from extract.records import ErrorRow",
                       "t = write.to_table('errors', [ErrorRow('a.txt', 'E', 'm')])",
                       "print('pandas' in sys.modules)",
                       "print(t.to_pandas().shape)")
    assert out[:2] == ["False", "(1, 3)"]


PLACE_TEXTS = [
    "扬州市人民政府关于印发扬州市农村公路提升行动方案的通知",
    "各县（市、区）人民政府，扬州经济技术开发区管委会：现将《方案》印发给你们。",
    "西双版纳傣族自治州景洪市勐罕镇，2024年3月",
    "仪征、高邮、宝应三地和江都区2025年底前完成",
    "no place here 123，只有普通的文字。",
]


@pytest.mark.parametrize("text", PLACE_TEXTS)
def test_places_from_the_blocks_that_hold_a_name_equal_those_of_the_whole_text(text, monkeypatch):
    from extract.prepare import gazetteer
    blocks = gazetteer.find_places(text)
    monkeypatch.setattr(gazetteer, "_names_are_block_characters", lambda: False)
    assert blocks == gazetteer.find_places(text)


# short strings of every kind the name checks and the target heads ask about:
# invented names (single and compound surnames, padded, transliterated),
# words, posts, places, bodies, and runs no dictionary word covers
SHORT_STRINGS = [
    "王立新", "陈芸", "欧阳晓峰", "司马志强", "李", "张三丰", "周凯", "赵德明", "罗军",
    "其木格", "那仁满都拉", "孟和巴雅尔", "阿依古丽", "图雅", "乌兰托娅", "扎西次仁",
    "严格", "常务", "高标准", "黄山", "常务副县长", "副省长", "局长", "主任", "组长",
    "县财政局", "市交通运输局", "旗农牧局", "呼和浩特", "景洪市勐罕镇", "鄂尔多斯",
    "冼志勇县财政局局长", "年底前完成", "覆盖率达", "牵头负责", "配合", "逐步完善",
    "㐀丂", "鿿王", "王a", "甲乙丙丁戊己", "嗯嗯嗯", "龘靐齉",
]


@pytest.mark.parametrize("text", SHORT_STRINGS)
def test_tags_of_short_strings_are_stock_jiebas(text):
    ours = [(w.word, w.flag) for w in nlp.posseg().cut(text)]
    assert ours == [(w.word, w.flag) for w in stock_pos.cut(text)]


@pytest.mark.parametrize("text", SHORT_STRINGS + [s for s in SENTENCES if s])
def test_the_viterbi_is_jiebas_score_and_route(text):
    for block in stock_pos.re_han_detail.findall(text):
        tables = (stock_pos.char_state_tab_P, stock_pos.start_P, stock_pos.trans_P, stock_pos.emit_P)
        assert nlp.viterbi(block, *tables) == stock_pos.viterbi(block, *tables)
        assert nlp.python_viterbi(block, *tables) == stock_pos.viterbi(block, *tables)


def test_the_viterbi_uses_the_array_sums_when_numpy_is_there():
    from extract.text import hmm
    assert nlp._arrays() is hmm
    tables = (stock_pos.char_state_tab_P, stock_pos.start_P, stock_pos.trans_P, stock_pos.emit_P)
    # a run of characters jieba's model has no state list for (every state is tried)
    for block in ("㐀丂", "龘靐齉", "王㐀"):
        assert hmm.viterbi(block, *tables, fallback=None) == stock_pos.viterbi(block, *tables)


@pytest.mark.parametrize("block", ["七哏", "丈厝", "丐厝坜", "王丈厝"])
def test_a_character_no_state_of_which_follows_the_last_takes_jiebas_fallback(block):
    tables = (stock_pos.char_state_tab_P, stock_pos.start_P, stock_pos.trans_P, stock_pos.emit_P)
    assert nlp.viterbi(block, *tables) == stock_pos.viterbi(block, *tables)
    assert nlp.python_viterbi(block, *tables) == stock_pos.viterbi(block, *tables)


def test_the_tagger_runs_its_hmm_through_the_faster_viterbi(monkeypatch):
    seen = []
    real = nlp.viterbi
    monkeypatch.setitem(nlp._tagger_class(stock_pos)._POSTokenizer__cut.__globals__, "viterbi",
                        lambda *args: seen.append(args[0]) or real(*args))
    ours = [(w.word, w.flag) for w in nlp.posseg().cut("孟和巴雅尔")]
    assert seen and all(run in "孟和巴雅尔" for run in seen)
    assert ours == [(w.word, w.flag) for w in stock_pos.cut("孟和巴雅尔")]


@pytest.mark.parametrize("text", SENTENCES + ["、市委办、人大办", "（县财政局）负责", " 县住建局", "\n牵头", "…组织", "A级景区", "3月底前"])
def test_a_text_opening_outside_the_blocks_opens_with_a_mark_token(text):
    first = next(iter(stock_pos.cut(text)), None)
    if not nlp.opens_block(text):
        assert first is None or first.flag in nlp.OUTSIDE_BLOCK_TAGS
    else:
        assert first is not None


@pytest.mark.parametrize("text", SENTENCES + ["市纪委、市委办、人大办", "龘龘交通运输局", "的的的的"])
def test_the_word_graph_and_route_are_jiebas(text):
    stock.initialize()
    ours, theirs = nlp.jieba(), stock.dt
    assert ours.get_DAG(text) == theirs.get_DAG(text)
    mine, stocks = {}, {}
    ours.calc(text, ours.get_DAG(text), mine)
    theirs.calc(text, theirs.get_DAG(text), stocks)
    assert mine == stocks
