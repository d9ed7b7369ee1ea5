"""Role labels of rosters (组　长：, 成　员⏎, 包抓县领导：): where a label
stands, where the list after it ends, and whether its line goes on below.

people.py reads the names of each list; this module only finds the labels.
"""
from __future__ import annotations

import bisect
import functools
import re

from .. import rules
from ..text import scan
from . import orgnames

RULES = "people"


@functools.lru_cache(maxsize=4)
def label_regex(bare: bool = False, half: str = "") -> re.Pattern:
    """A role label and its colon; ``bare``: one with no colon that opens its
    line and is followed by blanks (组　长　金哲浩（镇党委书记）); or one ``half`` of it."""
    cfg = rules.load(RULES)
    roles = sorted(rules.words(RULES, "roles"), key=len, reverse=True)
    # 组　长 / 组    长 / 副 组 长: a label padded to the width of the longer ones
    spaced = "|".join(cfg["label_padding"].join(map(re.escape, role)) for role in roles)
    grammar = "|".join(r.pattern for r in rules.pattern_rules(RULES, "role_grammar"))
    halves = {"grammar": grammar, "words": spaced}
    label = f"(?P<role>{halves.get(half, grammar + '|' + spaced)})"
    pattern = (f"{cfg['bare_label_start']}{label}{cfg['bare_label_gap']}" if bare
               else f"{label}{cfg['label_colon']}")
    return rules.compile_pattern(pattern, f"rules/{RULES}.yaml: roles",
                                 engine="regex" if half == "grammar" else "re")


@functools.lru_cache(maxsize=2)
def colon_labels(text: str) -> tuple:
    """``label_regex().finditer(text)`` by halves: the grammar's optional openings
    (县级包抓领导) would make the engine try every listed word at every character,
    so the grammar half is searched only just before the plan's colons (kept
    for the plan: the rosters and the glued rosters read the same labels)."""
    grammar = label_regex(half="grammar")
    width = _grammar_width()
    if width is not None:
        grammar = _BeforeColons(grammar, _colon_windows(text, width))
    return tuple(scan.first_of((grammar, label_regex(half="words")), text))


@functools.lru_cache(maxsize=1)
def _grammar_width():
    """The most characters a label of the grammar half spans before its colon
    (rules/people.yaml, checked against every example by the rule tests), or
    None when the pattern looks ahead or at an end (a search cut short at a
    colon could then differ from a plain one)."""
    whole = label_regex(half="grammar").pattern
    if any(mark in whole for mark in ("(?=", "(?!", "\\b", "\\B", "$", "\\Z", "\\z")):
        return None
    return rules.load(RULES)["role_grammar_reach"]


def _colon_windows(text: str, width: int) -> list:
    """(first, last, end) of the stretches where a grammar label may start:
    every match ends with blanks and a colon (the label colon), the first
    colon after the label, as a label holds none; so it starts at most
    ``width`` characters before the blanks before a colon, and ends with that
    colon (``end``); overlapping stretches are merged. The colons are those of
    ``label_colons`` (the rule tests check they are the label colon's)."""
    merged: list = []
    for m in _colons().finditer(text):
        run = m.start()
        while run > 0 and text[run - 1].isspace():      # every blank \s takes, and a few more
            run -= 1
        first, last, end = max(0, run - width), m.start(), m.end()
        if merged and first <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], last, end)
        else:
            merged.append((first, last, end))
    return merged


@functools.lru_cache(maxsize=1)
def _colons():
    return re.compile("[" + re.escape(rules.load(RULES)["label_colons"]) + "]")


class _BeforeColons:
    """``search`` of the grammar half, tried only in the stretches before the
    colons: the leftmost match at or after ``pos``, as a plain search finds it
    (a match starts in one stretch and ends by that stretch's end, so a search
    cut off there finds it, and finds nothing a plain search would not)."""

    def __init__(self, regex, windows: list):
        self.regex, self.windows = regex, windows
        self.lasts = [last for _, last, _ in windows]

    def search(self, text: str, pos: int = 0):
        # from the first stretch not wholly before pos: over a plan, each stretch is searched about once
        for i in range(bisect.bisect_left(self.lasts, pos), len(self.windows)):
            first, last, end = self.windows[i]
            m = self.regex.search(text, max(first, pos), end)
            if m is not None and m.start() <= last:
                return m
        return None


def opens_with_label(text: str) -> bool:
    """``label_regex().match(text)``, by halves as above."""
    return any(label_regex(half=half).match(text) for half in ("grammar", "words"))


def list_end(text: str, start: int) -> int:
    window = text[start:start + 300]
    first = scan.joined(RULES, "list_ends").search(window)    # the earliest of the rules' ends
    return start + orgnames.unopened_closer(window, first.start() if first else len(window))


def line_goes_on(text: str, end: int) -> bool:
    """The list stopped at its line's end, or at a mark that only separates
    it from more members below (组　长：王志强；)."""
    cfg = rules.load(RULES)
    nl = text.find("\n", end)
    rest = text[end:len(text) if nl < 0 else nl].strip()
    return not rest or (rest.strip(cfg["member_line_trailing"]) == ""
                        and not any(ch in cfg["list_closing_marks"] for ch in rest))


def person_role(cell: str) -> str:
    """The person role a table header cell names, its contact tail cut
    (责任人及电话 -> 责任人), or the person half of a header joined to a unit
    role (牵头单位及主要负责人 -> 主要负责人); "" when it names none."""
    name = "".join(cell.split())
    for rule in rules.pattern_rules(RULES, "table_header_tails"):
        name = rule.regex.sub("", name)
    joined = joined_header(name)
    return joined[1] if joined else (name if _person_role_word(name) else "")


def _person_role_word(name: str) -> bool:
    return name in rules.words(RULES, "table_headers") or any(
        r.regex.fullmatch(name) for r in rules.pattern_rules(RULES, "role_grammar"))


@functools.lru_cache(maxsize=256)
def joined_header(name: str):
    """(unit role, person role) of a header cell naming both, in either order
    (牵头单位及主要负责人, 责任单位/责任人, 责任领导及责任单位); None for any other cell."""
    for rule in rules.pattern_rules(RULES, "joined_table_headers"):
        m = rule.regex.fullmatch(name)
        if m and _person_role_word(m.group("person")) and any(
                r.regex.search(m.group("unit")) for r in rules.pattern_rules("units", "table_headers")):
            return m.group("unit"), m.group("person")
    return None


def person_header(cell: str) -> bool:
    """A header cell that names a person role: 责任领导, 责任人, 包抓县领导, 分管副县长."""
    return bool(person_role(cell))
