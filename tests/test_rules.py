"""Every pattern rule in rules/ finds its examples and none of its counter-examples."""
import re

import pytest

from extract import rules

ALL = rules.all_pattern_rules()


def test_rule_files_have_rules():
    files = {where.split(":")[0] for where, _rule in ALL}
    assert {"outline", "clean", "split"} <= files


@pytest.mark.parametrize("where,rule", ALL, ids=[f"{w}:{r.id}" for w, r in ALL])
def test_rule_examples(where, rule):
    for example in rule.examples:
        assert rule.regex.search(example), f"{where}:{rule.id} misses its example {example!r}"
    for counter in rule.counter_examples:
        assert not rule.regex.search(counter), f"{where}:{rule.id} wrongly matches {counter!r}"


@pytest.mark.parametrize("entry,problem", [
    ({"pattern": "a", "examples": ["a"]}, "no id"),
    ({"id": "x", "examples": ["a"]}, "no pattern"),
    ({"id": "x", "pattern": "(", "examples": ["a"]}, "bad regex"),
    ({"id": "x", "pattern": "a"}, "needs at least one example"),
    ("just a string", "must be a mapping"),
])
def test_bad_rule_fails_with_its_id_and_problem(entry, problem):
    with pytest.raises(rules.RuleError, match=re.escape(problem)):
        rules.compile_rule(entry, "rules/test.yaml:items")
