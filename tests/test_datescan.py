"""The skipping scanner finds exactly what finditer finds, on every date rule."""
from __future__ import annotations

import re

import pytest

from extract.facts import datescan
from extract import rules

# Long texts (the scanner only skips from datescan.SHORT characters on) built
# from each rule's own examples, with ugly neighbours: digits, dots, spaces.
FILLERS = ["", "第3", "12.", "　", " 近", "\n（", "2021"]


def _rules():
    return [pytest.param(rule, id=f"{key}:{rule.id}")
            for key, rule in rules.all_pattern_rules() if key.startswith("dates:")]


@pytest.mark.parametrize("rule", _rules())
def test_scanner_matches_finditer(rule):
    scanner = datescan.Scanner(rule.regex)
    words = list(rule.examples) + list(rule.counter_examples)
    text = "".join(f"{FILLERS[i % len(FILLERS)]}{w}" for i, w in enumerate(words * 3))
    text = (text + "。各单位按要求完成。") * max(1, datescan.SHORT // max(1, len(text)) + 1)
    want = [(m.span(), m.groups()) for m in rule.regex.finditer(text)]
    assert [(m.span(), m.groups()) for m in scanner.finditer(text)] == want


@pytest.mark.parametrize("pattern, starts", [
    (r"(?<![\d.])\d{4}年", r"[\d]"),
    (r"(?<!每)(?:上|下)半年", "[上下]"),
    (r"(?<!x)(?:ab?|c)?d", "[acd]"),
    (r"(?<!x)a*", None),          # can match the empty string
    (r"(?<!x).年", None),         # any character may start it
    (r"年(?:底|末)", None),       # the engine already skips to 年
])
def test_start_characters(pattern, starts):
    found = datescan.start_pattern(re.compile(pattern))
    assert (found.pattern if found else None) == starts
