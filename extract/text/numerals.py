"""Small numeral helpers shared by the stages: outline ordinals, years in titles."""
from __future__ import annotations

from typing import Optional

_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
           "六": 6, "七": 7, "八": 8, "九": 9}
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def ordinal(text: str) -> Optional[int]:
    """Parse an outline ordinal: 3, 十二, 二十三, 一百零五, ①, l (a slip for 1)."""
    text = text.strip()
    if not text:
        return None
    if text in ("l", "I"):
        return 1
    if len(text) == 1 and text in _CIRCLED:
        return _CIRCLED.index(text) + 1
    if text.isascii() and text.isdigit():
        return int(text)
    return chinese_int(text)


def chinese_int(text: str) -> Optional[int]:
    """Chinese numerals below 1000 (十 → 10, 二十三 → 23, 一百零五 → 105)."""
    total, current = 0, 0
    for ch in text:
        if ch in _DIGITS:
            current = _DIGITS[ch]
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        elif ch == "百":
            total += (current or 1) * 100
            current = 0
        else:
            return None
    return total + current
