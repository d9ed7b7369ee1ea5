"""The skipping scanner finds exactly what finditer finds, on every rule that
declares its start characters, and those characters cover every match of its
examples."""
from __future__ import annotations

import re

import pytest

from extract.text import scan
from extract import rules

# Long texts (the scanner only skips from scan.SHORT characters on) built
# from each rule's own examples, with ugly neighbours: digits, dots, spaces.
FILLERS = ["", "第3", "12.", "　", " 近", "\n（", "2021"]


def _rules():
    return [pytest.param(rule, id=f"{key}:{rule.id}")
            for key, rule in rules.all_pattern_rules()
            if key.startswith("dates:") or rule.data.get("starts")]


@pytest.mark.parametrize("rule", _rules())
def test_scanner_matches_finditer(rule):
    scanner = scan.for_rule(rule)
    words = list(rule.examples) + list(rule.counter_examples)
    text = "".join(f"{FILLERS[i % len(FILLERS)]}{w}" for i, w in enumerate(words * 3))
    text = (text + "。各单位按要求完成。") * max(1, scan.SHORT // max(1, len(text)) + 1)
    want = [(m.span(), m.groups()) for m in rule.regex.finditer(text)]
    assert [(m.span(), m.groups()) for m in scanner.finditer(text)] == want


@pytest.mark.parametrize("rule", _rules())
def test_declared_starts_cover_every_example_match(rule):
    starts = rule.data.get("starts")
    if starts is None:
        assert scan.for_rule(rule).nonempty is False     # plain finditer, nothing skipped
        return
    first = re.compile(starts)
    for example in rule.examples:
        for m in rule.regex.finditer(example):
            assert m.end() > m.start() and first.match(example, m.start()), (rule.id, example)


def test_a_scanner_with_too_narrow_starts_would_miss_matches():
    # the check above can fail: a class that leaves out a start character loses matches
    regex = re.compile(r"(?<![\d.])(?:\d{4}|[一二]{4})年")
    text = "前文" * 30 + "二一二一年与2021年"
    assert len(list(scan.Scanner(regex, r"[\d]").finditer(text))) == 1
    assert len(list(scan.Scanner(regex, r"[\d一二]").finditer(text))) == 2


def test_dense_start_characters_give_the_same_matches():
    # every letter may start a match: the scanner hands over to a plain search
    regex = re.compile(r"(?<![A-Za-z])[A-Za-z]{2,}[0-9]+")
    text = ("item is carried out in order " * 40 + "version ab2 and ipv6, x86 ") * 5
    scanner = scan.Scanner(regex, "[A-Za-z]")
    want = [m.span() for m in regex.finditer(text)]
    assert want and [m.span() for m in scanner.finditer(text)] == want
