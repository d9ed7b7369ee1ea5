"""The shared candidate record and its overlap policies."""
from extract.text import spans
from extract.text.spans import Span


def _s(start, end, label="x", rule="r"):
    return Span(start, end, "?" * (end - start), label, rule)


def test_longest_first_keeps_the_longest_of_overlapping_candidates():
    kept = spans.longest_first([_s(0, 3), _s(2, 8), _s(8, 10), _s(9, 12)])
    assert [(s.start, s.end) for s in kept] == [(2, 8), (9, 12)]


def test_earliest_first_prefers_the_first_start():
    kept = spans.earliest_first([_s(2, 8), _s(0, 3), _s(8, 10)])
    assert [(s.start, s.end) for s in kept] == [(0, 3), (8, 10)]


def test_by_priority_lets_the_listed_label_win_over_a_longer_span():
    policy = spans.by_priority(["date", "target"])
    kept = policy([_s(0, 10, "target"), _s(3, 7, "date"), _s(12, 14, "target")])
    assert [(s.label, s.start) for s in kept] == [("date", 3), ("target", 12)]


def test_outside_drops_candidates_touching_a_blocker_but_not_neighbours():
    cands = [_s(0, 2), _s(4, 6), _s(9, 11), _s(11, 13)]
    kept = spans.outside(cands, [(5, 7), (8, 10), (6, 9)])
    assert [(s.start, s.end) for s in kept] == [(0, 2), (11, 13)]


def test_empty_spans_are_never_kept_and_empty_input_is_fine():
    assert spans.longest_first([_s(3, 3)]) == []
    assert spans.outside([], []) == []


def test_policies_are_linear_enough_for_a_hundred_thousand_candidates():
    many = [_s(i, i + 2) for i in range(0, 200_000, 2)]
    assert len(spans.longest_first(many)) == 100_000
