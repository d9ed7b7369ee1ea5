"""Check every rule file against ``rules/schema.yaml`` (called at start-up).

The schema names, per file, the keys the file may hold and the type of each;
for a list of pattern rules, the extra fields its rules may carry. A problem
is reported with the file, the key or rule id and what is wrong, and the run
stops before any input is read.
"""
from __future__ import annotations

import functools
import hashlib
import os
import re
import sys
import tempfile
from pathlib import Path

import regex
import yaml

from . import rules
from .rules import RuleError

SCALARS = {"str": str, "int": int, "number": (int, float), "bool": bool, "mapping": dict}


@functools.lru_cache(maxsize=1)
def schema() -> dict:
    data = rules.load("schema")
    if not isinstance(data.get("files"), dict) or not isinstance(data.get("roles"), list):
        raise RuleError("rules/schema.yaml: needs 'files' (a mapping) and 'roles' (a list)")
    return data


def check_all() -> int:
    """Validate every rule file; the number of pattern rules checked."""
    declared = schema()["files"]
    present = rules.rule_files()
    count = 0
    for name in present:
        if name not in declared:
            raise RuleError(f"rules/{name}.yaml: not declared in rules/schema.yaml "
                            f"(add the file and its keys there)")
        count += check_file(name, declared[name] or {})
    rules.named_lists()
    return count


# a rules/ that passed is not checked again (0.1-0.15 s of every run): the stamp's
# name holds the hash of every rule file, of the checking code and of the versions
# the patterns were compiled with, so any edit to one of them checks again
STAMP_NAME = "plan-extract-rules-checked-{key}"
STAMP_FORMAT = "1"


def check_once() -> int:
    """``check_all``, unless the same rules passed before (the number of rules then)."""
    path = Path(tempfile.gettempdir()) / STAMP_NAME.format(key=_stamp_key())
    try:
        return int(path.read_text(encoding="ascii"))
    except (OSError, ValueError):
        pass                                    # not checked yet, or a damaged stamp
    count = check_all()
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name)
        with os.fdopen(fd, "w", encoding="ascii") as out:
            out.write(str(count))
        os.replace(tmp, path)                   # atomic: concurrent runs may write it too
    except OSError:
        pass                                    # a read-only folder: check again next time
    return count


def _stamp_key() -> str:
    digest = hashlib.sha256()
    for part in (STAMP_FORMAT, sys.version, regex.__version__, yaml.__version__, rules.rules_sha256()):
        digest.update(part.encode() + b"\0")
    for module in (rules, sys.modules[__name__]):
        digest.update(Path(module.__file__).read_bytes() + b"\0")
    return digest.hexdigest()[:32]


def check_file(name: str, spec: dict) -> int:
    data = rules.load(name)
    count = 0
    for key, value in data.items():
        where = f"rules/{name}.yaml: '{key}'"
        if key not in spec:
            raise RuleError(f"{where} is not declared in rules/schema.yaml under {name}")
        kind = spec[key]
        if isinstance(kind, dict) and "rules" in kind:
            count += _check_rules(name, key, kind["rules"] or {})
        elif kind == "rules":
            count += _check_rules(name, key, {})
        else:
            check_value(value, kind, where)
    return count


def check_value(value, kind: str, where: str) -> None:
    """One value against a schema type; raises RuleError naming ``where``."""
    if kind == "any":
        return
    if kind == "words":
        ok = isinstance(value, list) and all(isinstance(w, str) for w in value)
    elif kind == "records":
        ok = isinstance(value, list) and all(isinstance(r, dict) for r in value)
    elif kind == "role":
        ok = value in schema()["roles"]
        if not ok:
            raise RuleError(f"{where}: role {value!r} is not one of {', '.join(schema()['roles'])}")
    elif kind in ("regex", "charclass"):
        ok = isinstance(value, str) and _compiles(value, where, kind == "charclass")
    elif kind in SCALARS:
        ok = isinstance(value, SCALARS[kind]) and not (kind in ("int", "number") and isinstance(value, bool))
    else:
        raise RuleError(f"rules/schema.yaml: unknown type {kind!r} (for {where})")
    if not ok:
        raise RuleError(f"{where}: expected {kind}, found {type(value).__name__}: {value!r:.60}")


def _compiles(value: str, where: str, one_class: bool) -> bool:
    try:
        compiled = re.compile(value)
    except re.error as exc:
        raise RuleError(f"{where}: bad regex: {exc}") from exc
    if one_class and not (value.startswith("[") and value.endswith("]") and compiled.groups == 0):
        raise RuleError(f"{where}: must be one character class such as [\\d一二三]")
    return True


def _check_rules(name: str, key: str, fields: dict) -> int:
    compiled = rules.pattern_rules(name, key)   # ids, patterns, examples, duplicates
    for rule in compiled:
        _ = rule.regex                          # compiled now (a run compiles on first use)
        for field, value in rule.data.items():
            where = f"rules/{name}.yaml:{key}: rule {rule.id!r}: field '{field}'"
            if field not in fields:
                allowed = ", ".join(list(rules.RULE_KEYS) + sorted(fields))
                raise RuleError(f"{where} is not allowed (allowed: {allowed}; "
                                f"declare new fields in rules/schema.yaml)")
            check_value(value, fields[field], where)
    return len(compiled)
