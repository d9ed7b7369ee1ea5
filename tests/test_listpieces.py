"""A unit list is cut at its separators outside brackets: the cut reads the
bracket depth at each separator from the brackets alone, which must give
what a running depth over every character gives."""
import random

import pytest

from extract.facts import orgnames as un

UGLY = ["县财政局、县（市、区）政府", "市委办（市委政研室、改革办）、市府办", "）、县财政局（", "((、))、",
        "【牵头单位、配合单位】、县住建局", "县发改局\n县财政局；县审计局", "", "、", "（（（、"]


def _by_running_depth(text: str) -> list:
    depths = un.bracket_depths(text)
    out, last = [], 0
    for m in un._separators(text, "always"):
        if m.start() >= last and depths[m.start()] == 0:
            out.append((last, text[last:m.start()]))
            last = m.end()
    out.append((last, text[last:]))
    return out


@pytest.mark.parametrize("text", UGLY)
def test_pieces_are_cut_outside_brackets_only(text):
    assert un._pieces(text) == _by_running_depth(text)


def test_pieces_of_random_bracket_soup_equal_the_running_depth_cut():
    rng = random.Random(7)
    alphabet = list("县财政局、，；（）()〔〕【】[]市委办 \u3000\n和")
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 24)))
        assert un._pieces(text) == _by_running_depth(text), text


def _first_unopened_by_running_depth(window: str, end: int) -> int:
    opens, closes, _ = un.brackets()
    depth = 0
    for i, ch in enumerate(window[:end]):
        if ch in opens:
            depth += 1
        elif ch in closes:
            if depth == 0:
                return i
            depth -= 1
    return end


def test_the_first_unopened_closer_is_found_from_the_brackets_alone():
    rng = random.Random(11)
    alphabet = list("县财政局、（）()〔〕【】[]市 \n")
    for _ in range(3000):
        window = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 24)))
        end = rng.randint(0, len(window))
        assert un.unopened_closer(window, end) == _first_unopened_by_running_depth(window, end), window
