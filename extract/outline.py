"""Outline tree of numbered headings and items (stub)."""
from __future__ import annotations

from .records import Plan


def parse(plan: Plan) -> list:
    return []
