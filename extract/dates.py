"""Dates, deadlines, recurrence and phases tied to their outline node (stub)."""
from __future__ import annotations

from typing import Sequence

from .records import Node, Plan


def extract_dates(plan: Plan, nodes: Sequence[Node]) -> list:
    return []


def extract_phases(plan: Plan, nodes: Sequence[Node], dates: Sequence) -> list:
    return []
