"""One candidate record for every extractor, and the named overlap policies.

A finder returns ``Span`` records: where a candidate sits in the plan text,
what kind of thing it is (``label``: ``unit``, ``target``, ``date`` …) and
which rule found it. A normaliser later turns a span into a typed row.

When candidates overlap, one of the small policies below decides which stay
(as spaCy's ``filter_spans`` does for its rulers); each extractor names its
policy in one visible place instead of settling overlaps with ``if`` order.
Every policy sorts once and keeps a sorted list of what it kept, so it costs
O(n log n) whatever the number of candidates.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Mapping, Sequence


@dataclass(frozen=True)
class Span:
    """A candidate found by a rule, before normalisation: ``text == source[start:end]``."""

    start: int
    end: int
    text: str
    label: str
    rule_id: str
    data: Mapping[str, Any] = field(default_factory=dict, compare=False, hash=False)

    @property
    def length(self) -> int:
        return self.end - self.start


class _Occupied:
    """Sorted, non-overlapping [start, end) intervals; overlap tests in O(log n)."""

    def __init__(self) -> None:
        self._starts: list = []
        self._ends: list = []

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self._ends, start + 1)   # first interval ending after start
        return i < len(self._starts) and self._starts[i] < end

    def add(self, start: int, end: int) -> None:
        i = bisect.bisect_left(self._starts, start)
        self._starts.insert(i, start)
        self._ends.insert(i, end)


def _greedy(spans: Iterable[Span], order: Callable) -> list:
    """Keep spans in ``order``, each only if it overlaps none kept before."""
    kept, occupied = [], _Occupied()
    for span in sorted(spans, key=order):
        if span.end > span.start and not occupied.overlaps(span.start, span.end):
            occupied.add(span.start, span.end)
            kept.append(span)
    return sorted(kept, key=lambda s: (s.start, s.end))


def longest_first(spans: Iterable[Span]) -> list:
    """The longest span wins; among equals the earliest (spaCy's filter_spans)."""
    return _greedy(spans, lambda s: (-s.length, s.start, s.rule_id))


def earliest_first(spans: Iterable[Span]) -> list:
    """The span that starts first wins; among those the longest."""
    return _greedy(spans, lambda s: (s.start, -s.length, s.rule_id))


def by_priority(priority: Sequence[str]) -> Callable[[Iterable[Span]], list]:
    """A policy where labels listed earlier win; within a label, the longest."""
    rank = {label: i for i, label in enumerate(priority)}

    def policy(spans: Iterable[Span]) -> list:
        return _greedy(spans, lambda s: (rank.get(s.label, len(rank)), -s.length, s.start))
    policy.__name__ = "by_priority_" + "_".join(priority)
    return policy


def merged(intervals: Iterable) -> list:
    """Union of (start, end) pairs or spans, as sorted disjoint (start, end) pairs."""
    pairs = sorted((getattr(i, "start", None) if hasattr(i, "start") else i[0],
                    getattr(i, "end", None) if hasattr(i, "end") else i[1]) for i in intervals)
    out: list = []
    for start, end in pairs:
        if end <= start:
            continue
        if out and start < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def outside(spans: Iterable[Span], blockers: Iterable) -> list:
    """Drop every span that overlaps a blocker (a span, a row with start/end, or a pair).

    Used for "a number inside a date is never a target": the dates found
    first are the blockers of the quantity candidates.
    """
    union = merged(blockers)
    starts = [s for s, _ in union]
    ends = [e for _, e in union]

    def hit(span) -> bool:
        i = bisect.bisect_right(ends, span.start)      # first blocker ending after start
        return i < len(starts) and starts[i] < span.end
    return [s for s in spans if not hit(s)]
