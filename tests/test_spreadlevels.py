"""各 spreads over the bare levels and zone kinds after it in its list:
各区、县(市)政府及开发区管委会 names every place's government, no one body."""
from extract.facts import orgnames as un


def _specific(text):
    return [i.text for i in un.specific_items(un.split_list(text))]


def test_levels_with_a_sister_level_before_the_body_are_spread_over():
    assert _specific("市交通局等有关部门,各区、县(市)政府及开发区管委会") == ["市交通局"]


def test_a_named_zone_after_the_spread_is_kept():
    assert _specific("各区、县(市)政府,大连经开区管委会") == ["大连经开区管委会"]
