"""House rules that the code must keep: patterns and words live in rules/.

Every Chinese word, character set and regex belongs in a rule file, where it
is validated, carries examples and can be changed without touching code. Code
under extract/ may hold them only in docstrings; the rule loader is the one
place that compiles patterns.
"""
from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent / "extract"
LOADERS = {"rules.py", "ruleschema.py"}
HAN = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef\u2460-\u24ff]")
REGEX_CALLS = {"compile", "search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split"}
# modules that still hold literals, with the reason; each is a strict xfail, so
# emptying one of them fails the test until it is taken off this list
STILL_TO_MOVE: dict = {}


def _docstring_ids(tree: ast.AST) -> set:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                found.add(id(first.value))
    return found


def literals(source: str) -> list:
    """(line, what, text) of every Chinese string literal and regex literal outside docstrings."""
    tree = ast.parse(source)
    docs = _docstring_ids(tree)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docs:
            if HAN.search(node.value):
                found.append((node.lineno, "chinese", node.value[:30]))
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
              and node.func.attr in REGEX_CALLS and isinstance(node.func.value, ast.Name)
              and node.func.value.id in ("re", "regex") and node.args
              and isinstance(node.args[0], (ast.Constant, ast.JoinedStr))):
            found.append((node.lineno, "regex", ast.unparse(node.args[0])[:30]))
    return found


def _modules() -> list:
    params = []
    for path in sorted(ROOT.rglob("*.py")):
        if path.name in LOADERS:
            continue
        name = path.relative_to(ROOT).as_posix()
        marks = [pytest.mark.xfail(strict=True, reason=STILL_TO_MOVE[name])] if name in STILL_TO_MOVE else []
        params.append(pytest.param(path, id=name, marks=marks))
    return params


@pytest.mark.parametrize("path", _modules())
def test_no_chinese_or_regex_literal_in_code(path):
    assert literals(path.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize("source,kinds", [
    ('x = "牵头单位"\n', ["chinese"]),
    ('import re\nP = re.compile(r"\\d+年")\n', ["regex", "chinese"]),
    ('import re\nP = re.compile(pattern)\n', []),
    ('def f():\n    """由市财政局负责"""\n    return 1\n', []),
    ('x = "plain words"\n', []),
    ('x = "（"\n', ["chinese"]),
])
def test_the_literal_check_itself(source, kinds):
    assert [k for _, k, _ in literals(source)] == kinds


@pytest.mark.parametrize("path", [pytest.param(p, id=p.relative_to(ROOT).as_posix()) for p in sorted(ROOT.rglob("*.py"))])
def test_no_private_regex_engine_parts(path):
    # start characters are declared as data (`starts:`), never read off the engine's private parser
    tree = ast.parse(path.read_text(encoding="utf-8"))
    private = [n.lineno for n in ast.walk(tree)
               if isinstance(n, ast.ImportFrom) and (n.module or "") in ("re", "re._parser", "sre_parse")
               and any(a.name.startswith("_") for a in n.names)
               or isinstance(n, ast.Import) and any(a.name in ("sre_parse", "sre_compile", "re._parser")
                                                    for a in n.names)]
    assert private == []
