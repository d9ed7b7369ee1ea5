"""Split cleaned text into plans (stub: one plan per source)."""
from __future__ import annotations

from .records import CleanText, Plan


def split(cleaned: CleanText) -> list:
    src = cleaned.source
    first = next((l.strip() for l in cleaned.text.splitlines() if l.strip()), "")
    return [Plan(f"{src.digest[:12]}-1", src.path, 1, first, None, None, None, cleaned.text)]
