"""Responsible units and people, tied to their outline node (stub)."""
from __future__ import annotations

from typing import Sequence

from .records import Node, Plan


def extract_responsibilities(plan: Plan, nodes: Sequence[Node]) -> list:
    return []


def extract_people(plan: Plan, nodes: Sequence[Node]) -> list:
    return []
