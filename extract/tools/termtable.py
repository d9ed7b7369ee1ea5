"""Plain terminal tables whose columns line up with Chinese text.

A CJK character takes two terminal cells, so padding by ``len`` misaligns
every column after it; widths here follow Unicode's East Asian Width.
"""
from __future__ import annotations

import math
import unicodedata

import pandas as pd


def cell_width(text: str) -> int:
    """Terminal cells taken by text: wide and full-width characters count two,
    combining marks and zero-width format characters none."""
    width = 0
    for ch in text:
        if unicodedata.combining(ch) or unicodedata.category(ch) == "Cf":
            continue
        width += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return width


def clip(text: str, limit: int) -> str:
    """Cut text to at most limit cells, marking the cut with an ellipsis."""
    if cell_width(text) <= limit:
        return text
    out, used = [], 0
    for ch in text:
        w = cell_width(ch)
        if used + w > limit - 1:
            break
        out.append(ch)
        used += w
    return "".join(out) + "…"


def _show(value) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if value is pd.NaT:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def pad(text: str, width: int, right: bool = False) -> str:
    fill = " " * max(0, width - cell_width(text))
    return fill + text if right else text + fill


def render(frame: pd.DataFrame, max_cell: int = 28, title: str = "") -> str:
    """The frame as aligned text: a header, a rule, one line per row; numbers right-aligned."""
    headers = [str(c) for c in frame.columns]
    rows = [[clip(_show(v), max_cell) for v in row] for row in frame.itertuples(index=False)]
    numeric = [pd.api.types.is_numeric_dtype(frame[c]) for c in frame.columns]
    widths = [max([cell_width(h)] + [cell_width(r[i]) for r in rows]) for i, h in enumerate(headers)]
    lines = [title] if title else []
    lines.append("  ".join(pad(h, w, n) for h, w, n in zip(headers, widths, numeric)).rstrip())
    lines.append("  ".join("-" * w for w in widths))
    for row in rows:
        lines.append("  ".join(pad(v, w, n) for v, w, n in zip(row, widths, numeric)).rstrip())
    if not rows:
        lines.append("(none)")
    return "\n".join(lines)
