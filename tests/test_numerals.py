"""Chinese numerals read and written from the shared table in rules/numerals.yaml."""
import pytest

from extract.text.numerals import chinese_int, chinese_number, ordinal


@pytest.mark.parametrize("text,value", [
    ("三", 3), ("十", 10), ("十二", 12), ("二十", 20), ("二十三", 23), ("一百零五", 105),
    ("两百", 200), ("一千零一", 1001), ("〇", 0), ("三个", None), ("第三", None), ("", 0),
])
def test_chinese_int(text, value):
    assert chinese_int(text) == value


@pytest.mark.parametrize("text,value", [
    ("3", 3), ("12", 12), ("十二", 12), ("①", 1), ("⑳", 20), ("l", 1), (" 七 ", 7), ("", None), ("甲", None),
])
def test_outline_ordinals(text, value):
    assert ordinal(text) == value


@pytest.mark.parametrize("n", [1, 9, 10, 11, 19, 20, 21, 99, 100, 101, 110, 999, 1000, 1010, 2024, 9999])
def test_rendered_numbers_read_back(n):
    assert chinese_int(chinese_number(n)) == n


def test_rendering_writes_ten_without_a_leading_one_and_keeps_out_of_range_numbers():
    assert (chinese_number(10), chinese_number(15), chinese_number(0), chinese_number(10000)) == ("十", "十五", "0", "10000")


def _cn2an(text):
    from cn2an import cn2an
    try:
        return float(cn2an(text, "normal"))
    except ValueError:
        return None


def test_plain_numbers_read_as_cn2an_reads_them():
    from extract.text.numerals import chinese_number, plain_value
    for n in range(1, 10000):
        written = chinese_number(n)
        assert plain_value(written) == n == _cn2an(written), written
        if n % 37 == 0:
            for big, factor in (("万", 10_000), ("亿", 100_000_000)):
                assert plain_value(written + big) == n * factor == _cn2an(written + big)
            variant = written.replace("二", "两").replace("零", "〇")
            assert plain_value(variant) == n == _cn2an(variant), variant


@pytest.mark.parametrize("text", ["三点五", "一万二千", "一二三", "十十", "零万", "", "五○", "百分之五", "1万"])
def test_other_forms_are_left_to_the_full_reader(text):
    from extract.text.numerals import plain_value
    assert plain_value(text) is None


def test_quantities_read_the_usual_numbers_without_cn2an():
    from tests.conftest import fresh_python
    out = fresh_python("import sys",
                       "from extract.facts import quantities as q",
                       "print(q.parse_number('两千万'), q.parse_number('十五'), 'cn2an' in sys.modules)",
                       "print(q.parse_number('三点五'), 'cn2an' in sys.modules)")
    assert out[:2] == ["20000000.0 15.0 False", "3.5 True"]


def test_place_words_alone_are_no_number_and_need_no_full_reader():
    """百, 千万 …: cn2an turns every such run down, so they are answered without it."""
    import itertools
    from cn2an import cn2an
    from extract.text.numerals import bare_places
    assert bare_places() == set("百千万亿")
    for length in range(1, 5):
        for chars in itertools.product(sorted(bare_places()), repeat=length):
            with pytest.raises(ValueError):
                cn2an("".join(chars), "normal")
    from tests.conftest import fresh_python
    out = fresh_python("import sys",
                       "from extract.facts import quantities as q",
                       "print(q.parse_number('百'), q.parse_number('千万'), 'cn2an' in sys.modules)")
    assert out[:1] == ["None None False"]
