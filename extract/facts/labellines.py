"""A role label's list that goes on over the lines below it, one body a line:

    主办单位:县民政局
    县人民医院
    城关镇人民政府
    支持单位:……

Each line after the label's own (blank lines between allowed) that holds
nothing but names saying their level, or known by their short name, belongs to
the label's list; the first line that does not ends it. A numbered line, a
line with a clause mark or another label is no continuation.
"""
from __future__ import annotations

import functools

from .. import rules
from . import orgnames as un

RULES = "units"


@functools.lru_cache(maxsize=1)
def _line_settings() -> dict:
    return rules.load(RULES)["label_continued_lines"]


def continued_lines(text: str, end: int, local: frozenset, is_label) -> list:
    """(start, end) of each line that carries on the list ending at ``end``;
    empty unless the list ended its line. ``is_label(line_start, line_end)``
    says whether a label opens a line."""
    settings = _line_settings()
    if text[end:end + 1] != "\n":
        return []
    found, pos = [], end + 1
    while pos < len(text) and len(found) < settings["max_lines"]:
        stop = text.find("\n", pos)
        stop = len(text) if stop < 0 else stop
        line = text[pos:stop].strip(settings["blanks"])
        if not line:
            pos = stop + 1
            continue
        start = text.index(line, pos)
        if len(line) > settings["max_chars"] or is_label(start, start + len(line)) \
                or any(ch in settings["stops"] for ch in line) or line[0].isdigit() \
                or not _names_only(line, local):
            break
        found.append((start, start + len(line)))
        pos = stop + 1
    return found


def _names_only(line: str, local: frozenset) -> bool:
    items = un.split_list(line)
    return bool(items) and all(un.valid_as_subject(i.text, local) for i in items)
