"""Load and validate the rule files in ``rules/``.

Rule files are YAML. A pattern rule is a mapping with ``id``, ``pattern``
(a Python regex) and ``examples`` (strings the pattern must find; a test runs
them all). A bad rule fails at load time with its file, id and the problem,
so a typo in a data file never surfaces as a wrong table much later.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

RULES_DIR = Path(__file__).resolve().parent.parent / "rules"


class RuleError(ValueError):
    """A rule file that cannot be used; the message names file and rule."""


@dataclass(frozen=True)
class PatternRule:
    id: str
    regex: re.Pattern
    examples: tuple
    counter_examples: tuple
    data: dict          # the rule's other fields, for the stage that uses it


def rules_dir() -> Path:
    # Packaged installs ship the rules inside the package; a checkout keeps them at the top.
    packaged = Path(__file__).resolve().parent / "rules"
    return packaged if packaged.is_dir() else RULES_DIR


@functools.lru_cache(maxsize=None)
def load(name: str) -> dict:
    """Return the parsed content of ``rules/<name>.yaml``."""
    path = rules_dir() / f"{name}.yaml"
    if not path.exists():
        raise RuleError(f"{path}: rule file not found")
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise RuleError(f"{path}: not valid YAML: {exc}") from exc
    if not isinstance(data, dict):
        raise RuleError(f"{path}: the top level must be a mapping")
    return data


def compile_rule(entry: Any, where: str) -> PatternRule:
    if not isinstance(entry, dict):
        raise RuleError(f"{where}: each rule must be a mapping with id, pattern, examples")
    rule_id = entry.get("id")
    if not rule_id:
        raise RuleError(f"{where}: a rule has no id: {entry!r}")
    pattern = entry.get("pattern")
    if not isinstance(pattern, str) or not pattern:
        raise RuleError(f"{where}: rule {rule_id!r} has no pattern")
    try:
        regex = re.compile(pattern, re.M)
    except re.error as exc:
        raise RuleError(f"{where}: rule {rule_id!r}: bad regex: {exc}") from exc
    examples = entry.get("examples") or []
    if not examples:
        raise RuleError(f"{where}: rule {rule_id!r} needs at least one example")
    rest = {k: v for k, v in entry.items()
            if k not in ("id", "pattern", "examples", "counter_examples")}
    return PatternRule(rule_id, regex, tuple(examples),
                       tuple(entry.get("counter_examples") or []), rest)


@functools.lru_cache(maxsize=None)
def pattern_rules(name: str, key: str) -> tuple:
    """Compile the list ``key`` of ``rules/<name>.yaml`` into PatternRules."""
    entries = load(name).get(key)
    if not isinstance(entries, list):
        raise RuleError(f"rules/{name}.yaml: '{key}' must be a list of rules")
    rules = tuple(compile_rule(e, f"rules/{name}.yaml:{key}") for e in entries)
    seen = set()
    for rule in rules:
        if rule.id in seen:
            raise RuleError(f"rules/{name}.yaml:{key}: duplicate rule id {rule.id!r}")
        seen.add(rule.id)
    return rules


@functools.lru_cache(maxsize=None)
def words(name: str, key: str) -> tuple:
    """A plain word list ``key`` from ``rules/<name>.yaml``, checked once and then cached.

    Extractors call this in their inner loops (tens of thousands of times a
    run); validating on every call cost a twentieth of the run.
    """
    value = load(name).get(key)
    if not isinstance(value, list) or not all(isinstance(w, str) for w in value):
        raise RuleError(f"rules/{name}.yaml: '{key}' must be a list of strings")
    return tuple(value)


def all_pattern_rules() -> list:
    """Every pattern rule in every rule file, for the example test.

    A list of rules is recognised by its entries having ``id`` and ``pattern``.
    """
    found = []
    for path in sorted(rules_dir().glob("*.yaml")):
        data = load(path.stem)
        for key, value in data.items():
            if isinstance(value, list) and value and isinstance(value[0], dict) and "pattern" in value[0]:
                for rule in pattern_rules(path.stem, key):
                    found.append((f"{path.stem}:{key}", rule))
    return found
