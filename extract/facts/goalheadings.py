"""Sections that state what is, not what is to be: a plan's 基本情况, 自然地理
or 历史灾害 counts its villages, its losses and its population, and none of
those figures is a goal. A figure inside a node whose heading opens with one
of rules/targets.yaml ``state_headings`` and nothing else (or inside any node
below it) is no target; a longer heading that opens with the same words
(现状分析与提升路径) may set tasks.
"""
from __future__ import annotations

from .. import rules


def state_sections(nodes) -> list:
    """(start, end) of each node whose heading names a description of what is."""
    words = frozenset(rules.words("targets", "state_headings"))
    return [(n.char_start, n.char_end) for n in nodes if n.title in words]


def outside(found: list, sections: list) -> list:
    """The goal candidates of ``found`` (each with ``start``) outside ``sections``."""
    if not sections:
        return found
    return [f for f in found if not any(s <= f.start < e for s, e in sections)]
