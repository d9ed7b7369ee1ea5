"""Numeric targets tied to their outline node (stub)."""
from __future__ import annotations

from typing import Sequence

from .records import Node, Plan


def extract_targets(plan: Plan, nodes: Sequence[Node]) -> list:
    return []
