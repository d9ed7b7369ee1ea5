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
