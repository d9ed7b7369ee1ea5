"""Small numeral helpers shared by the stages: outline ordinals, years in
titles, Word's list numbers. The numeral characters are data
(``rules/numerals.yaml``); this module only reads and writes them.
"""
from __future__ import annotations

import functools
from typing import Optional

from .. import rules


@functools.lru_cache(maxsize=1)
def _table() -> dict:
    return rules.load("numerals")


def digits() -> dict:
    """Digit character -> value (零 〇 ○ → 0, 两 → 2 …)."""
    return _table()["digits"]


def digit_string(text: str) -> str:
    """Numerals written digit by digit (二〇二三) as ASCII digits (2023); others kept."""
    values = digits()
    return "".join(str(values[ch]) if ch in values else ch for ch in text)


def expand_shorthand(text: str) -> str:
    """廿 → 二十 and the like, so that ``chinese_int`` reads the result."""
    for short, full in _table()["shorthand"].items():
        text = text.replace(short, full)
    return text


def circled() -> str:
    return _table()["circled"]


def heavenly_stems() -> str:
    return _table()["heavenly_stems"]


def ordinal(text: str) -> Optional[int]:
    """Parse an outline ordinal: 3, 十二, 二十三, 一百零五, ①, l (a slip for 1)."""
    text = text.strip()
    if not text:
        return None
    if text in _table()["slips_for_one"]:
        return 1
    if len(text) == 1 and text in circled():
        return circled().index(text) + 1
    if text.isascii() and text.isdigit():
        return int(text)
    return chinese_int(text)


def chinese_int(text: str) -> Optional[int]:
    """Chinese numerals below 10000 (十 → 10, 二十三 → 23, 一百零五 → 105), else None."""
    values, places = digits(), _table()["places"]
    total, current = 0, 0
    for ch in text:
        if ch in values:
            current = values[ch]
        elif ch in places:
            total += (current or 1) * places[ch]
            current = 0
        else:
            return None
    return total + current


def chinese_number(n: int) -> str:
    """1 -> 一, 10 -> 十, 21 -> 二十一, 105 -> 一百零五 (up to 9999; else the digits)."""
    if n <= 0 or n > 9999:
        return str(n)
    render, places = _table()["render_digits"], _table()["places"]
    ten = min(places, key=places.get)           # the smallest place word (十)
    out, zero = "", False
    for unit, value in [*places.items(), ("", 1)]:
        digit = n // value % 10
        if digit == 0:
            zero = bool(out)
            continue
        if zero:
            out += render[0]
            zero = False
        out += ("" if digit == 1 and unit == ten and not out else render[digit]) + unit
    return out


def _plain_form_value(text: str) -> Optional[int]:
    """The number whose plain form (as ``chinese_number`` writes it, or 零) is ``text``.

    Read and written back instead of looked up in a table of all ten thousand
    forms: building that table took 0.04 s of start-up."""
    if text == _table()["render_digits"][0]:
        return 0
    n = chinese_int(text) if text else None
    return n if n and n <= 9999 and chinese_number(n) == text else None


@functools.lru_cache(maxsize=4096)
def plain_value(text: str) -> Optional[int]:
    """The value of a Chinese number in its plain written form, else None.

    Plain: as ``chinese_number`` writes 0 … 9999 (两 and 〇 allowed for 二 and
    零), alone or before 万 or 亿 (三千万). These are the forms a plan writes
    nearly always; any other (一万二千三百, 三点五) is left to a full reader.
    """
    text = text.translate(_variant_map())
    big = _table()["big_places"]
    whole = _plain_form_value(text)
    if whole is not None:
        return whole
    if len(text) > 1 and text[-1] in big:
        head = _plain_form_value(text[:-1])
        if head:
            return head * big[text[-1]]
    return None


@functools.lru_cache(maxsize=1)
def bare_places() -> frozenset:
    """The place words that make no number without a digit before them (百, 千,
    万, 亿; not the smallest, 十, which is ten alone): a numeral of these alone
    has no value."""
    places = _table()["places"]
    return frozenset(places) - {min(places, key=places.get)} | frozenset(_table()["big_places"])


@functools.lru_cache(maxsize=1)
def _variant_map() -> dict:
    return str.maketrans(_table()["variants"])


def mixed_value(text: str) -> Optional[tuple]:
    """(value, largest place word) of a number in figures mixed with place
    words, as plans write big amounts (3亿5千万 → (350000000, 亿), 1万2千 →
    (12000, 万), 2亿3000万 → (230000000, 亿)); None when ``text`` is not so."""
    values, places, big = digits(), _table()["places"], _table()["big_places"]
    total, section, num, top, run = 0, 0, None, None, ""
    for ch in text + " ":
        if ch.isdigit() and ch.isascii():
            run += ch
            continue
        if run:
            num, run = int(run), ""
        if ch in values:
            num = values[ch]
        elif ch in places:
            section, num = section + (1 if num is None else num) * places[ch], None
        elif ch in big:
            total, section, num = total + (section + (num or 0)) * big[ch], 0, None
            top = top or ch
        elif ch != " ":
            return None
    return (total + section + (num or 0), top) if top else None
