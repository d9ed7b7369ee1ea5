"""Sections that state what is, not what is to be: a plan's 基本情况, 自然地理
or 历史灾害 counts its villages, its losses and its population, and none of
those figures is a goal. A figure inside a node whose heading opens with one
of rules/targets.yaml ``state_headings`` and nothing else (or inside any node
below it) is no target; a longer heading that opens with the same words
(现状分析与提升路径) may set tasks.
"""
from __future__ import annotations

import bisect

from .. import rules


def state_sections(nodes) -> list:
    """(start, end) of each node whose heading names a description of what is."""
    words = frozenset(rules.words("targets", "state_headings"))
    return [(n.char_start, n.char_end) for n in nodes if n.title in words]


def outside(found: list, sections: list) -> list:
    """The goal candidates of ``found`` (each with ``start``) outside ``sections``
    (merged into disjoint spans first, so each candidate costs one search)."""
    if not sections:
        return found
    merged: list = []
    for start, end in sorted(sections):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    starts = [s for s, _ in merged]

    def inside(pos: int) -> bool:
        k = bisect.bisect_right(starts, pos) - 1
        return k >= 0 and pos < merged[k][1]
    return [f for f in found if not inside(f.start)]
