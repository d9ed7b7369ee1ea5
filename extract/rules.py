"""Load and validate the rule files in ``rules/``.

Rule files are YAML. A pattern rule is a mapping with ``id``, ``pattern``
(a regex), ``examples`` (strings the pattern must find; a test runs them all)
and ``counter_examples`` (strings it must not find). What each file may hold
is declared in ``rules/schema.yaml``; ``validate_all`` checks every file
against it, compiles every pattern and rejects duplicate keys, so a typo in a
data file stops the run at start-up with its file, id and problem instead of
surfacing later as a wrong table or an "internal error" row.

Patterns compile with Python's ``re`` when they can (it is the faster engine
for plain patterns) and with the ``regex`` package when they use what only it
has: ``\\p{Han}``, atomic groups, possessive repeats, and named word lists
``\\L<name>`` whose words come from ``rules/lists.yaml``; and when they hold a
wide Han class that ``re`` compiles slowly and nothing the two engines read
differently (``engines`` in ``rules/schema.yaml``).
"""
from __future__ import annotations

import functools
import hashlib
import marshal
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import regex
import yaml

RULES_DIR = Path(__file__).resolve().parent.parent / "rules"
ENV_DIR = "PLAN_EXTRACT_RULES"      # another rules folder, for trying rule changes
META_FILES = ("schema", "lists")    # files about the rules, not rules of a stage
RULE_KEYS = ("id", "pattern", "examples", "counter_examples")


class RuleError(ValueError):
    """A rule file that cannot be used; the message names file and rule."""


@dataclass(frozen=True, eq=False)    # compared and hashed by identity: each is loaded once
class PatternRule:
    id: str
    pattern: str        # the source, for a stage that joins rules into one pattern
    examples: tuple
    counter_examples: tuple
    data: dict          # the rule's other fields, for the stage that uses it
    where: str = ""     # file, key and id, for the message of a pattern that does not compile

    @functools.cached_property
    def regex(self) -> Any:
        """The compiled re.Pattern or regex.Pattern, made on first use: compiling is
        most of start-up (``re`` walks each code point of a Han class in Python),
        and a run on plain text never tries the rules of HTML, Word or PDF input,
        nor the parts of a rule list that a stage only reads joined into one."""
        return compile_pattern(self.pattern, self.where)


def rules_dir() -> Path:
    if os.environ.get(ENV_DIR):
        return Path(os.environ[ENV_DIR])
    # Packaged installs ship the rules inside the package; a checkout keeps them at the top.
    packaged = Path(__file__).resolve().parent / "rules"
    return packaged if packaged.is_dir() else RULES_DIR


# libyaml's parser when it is there: the rule files parse five times faster (start-up)
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _UniqueKeyLoader(_SAFE_LOADER):
    """A YAML loader that refuses a mapping with the same key twice (YAML keeps the last)."""


def _unique_mapping(loader: yaml.SafeLoader, node: yaml.MappingNode, deep: bool = False) -> dict:
    seen = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise RuleError(f"line {key_node.start_mark.line + 1}: key {key!r} given twice "
                            f"(YAML would silently keep only the last one)")
        seen.add(key)
    return _SAFE_LOADER.construct_mapping(loader, node, deep)


_UniqueKeyLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _unique_mapping)


@functools.lru_cache(maxsize=None)
def load(name: str) -> dict:
    """Return the parsed content of ``rules/<name>.yaml``."""
    path = rules_dir() / f"{name}.yaml"
    where = f"rules/{name}.yaml"
    if not path.exists():
        raise RuleError(f"{where}: rule file not found in {rules_dir().name}/")
    try:
        data = _parsed(path.read_text(encoding="utf-8"))
    except RuleError as exc:
        raise RuleError(f"{where}: {exc}") from None
    except yaml.YAMLError as exc:
        raise RuleError(f"{where}: not valid YAML: {exc}") from exc
    if not isinstance(data, dict):
        raise RuleError(f"{where}: the top level must be a mapping")
    return data


# the parsed content of a rule file, kept beside jieba's cache under a hash of its text
CACHE_NAME = "plan-extract-rules-{key}.marshal"
CACHE_FORMAT = "1"       # raise when the loader's answer for the same text changes


def _parsed(text: str):
    """``yaml.load`` of a rule file's text, remembered across processes: parsing
    the rule files is most of loading them (0.05 s of every start-up), reading
    the parse back a thirtieth of that. A file that does not load is never kept."""
    mark = f"{CACHE_FORMAT}|{yaml.__version__}|{_SAFE_LOADER.__name__}|{text}"
    path = Path(tempfile.gettempdir()) / CACHE_NAME.format(key=hashlib.sha256(mark.encode()).hexdigest()[:32])
    try:
        return marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        pass                                     # not kept yet, or damaged: parse again
    data = yaml.load(text, Loader=_UniqueKeyLoader)
    try:
        blob = marshal.dumps(data)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name)
        with os.fdopen(fd, "wb") as out:
            out.write(blob)
        os.replace(tmp, path)                    # atomic: concurrent workers may write it too
    except (OSError, ValueError):
        pass                                     # a value marshal cannot keep, or a read-only folder
    return data


@functools.lru_cache(maxsize=1)
def named_lists() -> dict:
    """The shared word lists of ``rules/lists.yaml``, for ``\\L<name>`` in patterns."""
    lists = load("lists")
    for name, words_ in lists.items():
        if not isinstance(words_, list) or not words_ or not all(isinstance(w, str) and w for w in words_):
            raise RuleError(f"rules/lists.yaml: '{name}' must be a non-empty list of strings")
    return lists


@functools.lru_cache(maxsize=1)
def _engine_marks() -> tuple:
    """What makes ``re`` slow to compile a pattern, and what only ``re`` means
    (``engines`` in rules/schema.yaml)."""
    marks = load("schema").get("engines") or {}
    found = tuple(marks.get(key) for key in ("wide_classes", "re_meanings"))
    if not all(isinstance(v, list) and all(isinstance(w, str) and w for w in v) for v in found):
        raise RuleError("rules/schema.yaml: 'engines' needs 'wide_classes' and 're_meanings', lists of strings")
    return found


def slow_in_re(pattern: str) -> bool:
    """A pattern ``re`` compiles slowly and the ``regex`` package reads to the same effect."""
    wide, re_only = _engine_marks()
    return any(m in pattern for m in wide) and not any(m in pattern for m in re_only)


def compile_pattern(pattern: str, where: str, engine: str = "re"):
    """Compile with ``re``, or with ``regex`` for what only it can read, for a
    wide Han class (``slow_in_re``), or when ``engine`` asks for it (it is faster
    on alternatives that open with optional parts)."""
    if engine == "re" and slow_in_re(pattern):
        engine = "regex"
    if "\\L<" not in pattern and engine == "re":
        try:
            return re.compile(pattern, re.M)
        except re.error:
            pass                     # \p{Han}, atomic groups …: the regex package reads them
    try:
        # the regex package refuses lists the pattern does not name: pass only those used
        used = {name: words_ for name, words_ in named_lists().items() if f"\\L<{name}>" in pattern}
        return regex.compile(pattern, regex.M | regex.V0, **used)
    except (regex.error, ValueError, TypeError) as exc:
        raise RuleError(f"{where}: bad regex: {exc}") from exc


def compile_rule(entry: Any, where: str, lazy: bool = False) -> PatternRule:
    """One rule checked; its pattern compiled now, or on first use when ``lazy``
    (the rule files are validated, every pattern compiled, when the run starts)."""
    if not isinstance(entry, dict):
        raise RuleError(f"{where}: each rule must be a mapping with id, pattern, examples")
    rule_id = entry.get("id")
    if not rule_id:
        raise RuleError(f"{where}: a rule has no id: {entry!r}")
    pattern = entry.get("pattern")
    if not isinstance(pattern, str) or not pattern:
        raise RuleError(f"{where}: rule {rule_id!r} has no pattern")
    examples = entry.get("examples") or []
    if not examples:
        raise RuleError(f"{where}: rule {rule_id!r} needs at least one example")
    for field in ("examples", "counter_examples"):
        values = entry.get(field) or []
        if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
            raise RuleError(f"{where}: rule {rule_id!r}: {field} must be a list of strings")
    rest = {k: v for k, v in entry.items() if k not in RULE_KEYS}
    rule = PatternRule(rule_id, pattern, tuple(examples), tuple(entry.get("counter_examples") or []),
                       rest, f"{where}: rule {rule_id!r}")
    if not lazy:
        _ = rule.regex          # compiled now: a bad pattern is reported here
    return rule


@functools.lru_cache(maxsize=None)
def pattern_rules(name: str, key: str) -> tuple:
    """Compile the list ``key`` of ``rules/<name>.yaml`` into PatternRules."""
    entries = load(name).get(key)
    if not isinstance(entries, list):
        raise RuleError(f"rules/{name}.yaml: '{key}' must be a list of rules")
    compiled = tuple(compile_rule(e, f"rules/{name}.yaml:{key}", lazy=True) for e in entries)
    seen = set()
    for rule in compiled:
        if rule.id in seen:
            raise RuleError(f"rules/{name}.yaml:{key}: duplicate rule id {rule.id!r}")
        seen.add(rule.id)
    return compiled


@functools.lru_cache(maxsize=None)
def words(name: str, key: str) -> tuple:
    """A plain word list ``key`` from ``rules/<name>.yaml`` (checked once, then cached)."""
    value = load(name).get(key)
    if not isinstance(value, list) or not all(isinstance(w, str) for w in value):
        raise RuleError(f"rules/{name}.yaml: '{key}' must be a list of strings")
    return tuple(value)


def first_search(name: str, key: str, text: str):
    """The first match found in ``text`` by the rules of ``key``, in file order, or None."""
    for rule in pattern_rules(name, key):
        m = rule.regex.search(text)
        if m:
            return m
    return None


def alternation(words) -> str:
    """One regex alternation of literal words, longest first (不低于 is tried before 低于)."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def word_regex(words, at_end: bool = False):
    """The words as one compiled alternation; ``at_end`` anchors it at the end of
    the searched window, to find the word that ends at a given position."""
    return re.compile("(?:" + alternation(words) + r")\Z" if at_end else alternation(words))


def gated_alternation(parts: list, starts: list) -> str:
    """``(?:P0|P1|…)`` behind a look-ahead of the characters its matches begin with
    (``starts``: one class per part; no look-ahead when one is missing): the
    engine then turns most places down in one step instead of trying each part."""
    body = "(?:" + "|".join(parts) + ")"
    return body if not all(starts) else "(?=" + "|".join(starts) + ")" + body


def rule_files() -> list:
    """The names of the stage rule files (schema and shared lists excluded)."""
    return [p.stem for p in sorted(rules_dir().glob("*.yaml")) if p.stem not in META_FILES]


def all_pattern_rules() -> list:
    """Every pattern rule in every rule file, for the example test.

    A list of rules is recognised by its entries having ``id`` and ``pattern``.
    """
    found = []
    for name in rule_files():
        for key, value in load(name).items():
            if isinstance(value, list) and value and isinstance(value[0], dict) and "pattern" in value[0]:
                for rule in pattern_rules(name, key):
                    found.append((f"{name}:{key}", rule))
    return found


def validate_all() -> int:
    """Check every rule file against ``rules/schema.yaml``; return the number of rules.

    Raises ``RuleError`` with the file, the key or rule id, and the problem.
    """
    from . import ruleschema          # the checks live apart; this is the entry point
    return ruleschema.check_all()


def validate_once() -> int:
    """``validate_all``, skipped when this very rules/ (and checker) passed before."""
    from . import ruleschema
    return ruleschema.check_once()


def rules_sha256() -> str:
    """One hash over every rule file, names and bytes: any edit to rules/ changes it."""
    digest = hashlib.sha256()
    for path in sorted(rules_dir().glob("*.yaml")):
        digest.update(path.name.encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()
