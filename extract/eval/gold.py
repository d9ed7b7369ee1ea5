"""Gold annotations: loading, validation and the text normal form used to compare them.

The gold format is described in ``corpus/gold/GUIDE.md``. Quoted texts are
compared in a normal form (Unicode NFKC, all white space removed, traditional
characters as simplified ones), and gold
quotes are located in a plan's text by searching its normal form; ``NormText``
keeps the map from normal-form positions back to offsets in the original text
so that a found quote can be compared with the character offsets of a row.

The matching rules of the guide's "Scoring" section, which use these, are in
``matching.py``.
"""
from __future__ import annotations

import functools
import json
import math
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

TYPES = ("node", "unit", "person", "target", "date")
TABLES = {"node": "nodes", "unit": "responsibilities", "person": "people",
          "target": "targets", "date": "dates"}
ALL_TYPES = ("doc",) + TYPES + ("ignore",)
DOC_FIELDS = ("title", "city", "province")

# Fields every fact of a type must have (null allowed where the guide allows it).
REQUIRED = {
    "doc": ("title", "city", "province"),
    "node": ("label", "level", "title"),
    "unit": ("unit", "role"),
    "person": ("name", "role"),
    "target": ("span", "comparator", "value", "unit"),
    "date": ("span", "kind", "start", "end"),
    "ignore": ("span",),
}
# Fields that may never be null or empty.
NON_EMPTY = {"node": {"label"}, "unit": {"unit", "role"}, "person": {"name", "role"},
             "target": {"span", "comparator"}, "date": {"span", "kind"}, "ignore": {"span"}}
CHOICES = {
    ("unit", "role"): ("lead", "responsible", "assist", "data_provider"),
    ("target", "comparator"): (">=", ">", "<=", "<", "="),
    ("date", "kind"): ("point", "range", "deadline", "recurring"),
}


class GoldError(ValueError):
    """A gold line that cannot be used; the message names file:line and the problem."""


def norm(text) -> str:
    """Normal form for comparison: NFKC, all white space removed; None gives ''."""
    if text is None or (isinstance(text, float) and math.isnan(text)):
        return ""
    text = _without_ruby(unicodedata.normalize("NFKC", str(text)))
    return "".join(_simplified(ch) for ch in text if not ch.isspace())


def _without_ruby(text: str) -> str:
    """Gold quotes a mirror page as written, the pinyin after rare characters
    included (工作目標(biāo)); the clean stage cuts that pinyin (rules/clean.yaml)."""
    if "(" not in text:
        return text
    from .. import rules
    for rule in rules.pattern_rules("clean", "watermark"):
        if rule.id == "pinyin_ruby":
            text = rule.regex.sub("", text)
    return text


@functools.lru_cache(maxsize=65536)
def _simplified(ch: str) -> str:
    """A traditional character as its simplified form: the clean stage reads a
    traditional page in simplified characters, while its gold quotes the page
    as written (自治區 == 自治区). One character for one."""
    from .. import rules
    dashes = rules.load("scoring")["same_dashes"]
    if ch in dashes:          # dashes compare as one (rules/scoring.yaml)
        return dashes[-1]
    if ch.isascii():
        return ch
    from ..prepare.clean import t2s
    converted = t2s()(ch)
    return converted if len(converted) == 1 else ch


@functools.lru_cache(maxsize=1)
def _conventions() -> dict:
    from .. import rules
    return rules.load("scoring")


def norm_unit_name(text) -> str:
    """Unit names compare without one leading 市 (``公安局`` == ``市公安局``), but the
    市 that begins 市场 stays (``市场监管局`` == ``市市场监管局`` != ``场监管局``)."""
    name, rules_ = norm(text), _conventions()
    prefix = norm(rules_["unit_drop_prefix"])
    if not name.startswith(prefix):
        return name
    rest = name[len(prefix):]
    if any(name.startswith(norm(w)) and not rest.startswith(norm(w)) for w in rules_["unit_prefix_words"]):
        return name
    return rest


def norm_measure(text) -> str:
    """Measure units: ㎡, m² and 平方米 alike, also after a multiplier (万平方米 is
    万㎡); null and empty alike."""
    unit = norm(text)
    for spelling, same in _conventions()["measure_aliases"].items():
        unit = unit.replace(norm(spelling), norm(same))
    return unit


def norm_label(text) -> str:
    """Labels compare with a letter l read as the digit 1 (a common OCR slip)."""
    return norm(text).replace("l", "1")


class NormText:
    """The normal form of a text with a map back to original offsets.

    Characters are normalised cluster by cluster (a base character with any
    combining marks after it), so every normal-form character comes from one
    cluster; ``starts[i]``/``ends[i]`` are that cluster's original offsets.
    """

    def __init__(self, text: str):
        self.text = text or ""
        out, starts, ends = [], [], []
        clusters = _clusters(self.text)
        for begin, end in clusters:
            normal = _norm_piece(self.text[begin:end])
            for ch in normal:
                out.append(ch)
                starts.append(begin)
                ends.append(end)
        self.normal = "".join(out)
        self.starts, self.ends = starts, ends

    def find_all(self, quote: str) -> list:
        """Original ``(start, end)`` of every occurrence of the quote's normal form."""
        needle = norm(quote)
        found, at = [], self.normal.find(needle) if needle else -1
        while at >= 0:
            found.append((self.starts[at], self.ends[at + len(needle) - 1]))
            at = self.normal.find(needle, at + 1)
        return found

    def anchor_position(self, item: str) -> tuple:
        """Original offset four characters past the start of the item's first occurrence
        (or of its last character, if shorter), and how many occurrences there are."""
        needle = norm(item)
        at = self.normal.find(needle) if needle else -1
        if at < 0:
            return None, 0
        count = self.normal.count(needle)
        return self.starts[at + min(4, len(needle) - 1)], count


@functools.lru_cache(maxsize=65536)
def _norm_piece(piece: str) -> str:
    # Plans repeat a few thousand distinct characters: normalise each once.
    return norm(piece)


def _clusters(text: str) -> list:
    bounds, begin = [], 0
    for i in range(1, len(text) + 1):
        if i == len(text) or not unicodedata.combining(text[i]):
            bounds.append((begin, i))
            begin = i
    return bounds if text else []


@dataclass
class Fact:
    """One gold line."""

    source: str          # source file name the gold file is named after
    line: int
    data: dict = field(repr=False)

    @property
    def type(self) -> str:
        return self.data["type"]

    @property
    def part(self) -> int:
        return self.data["part"]

    @property
    def optional(self) -> bool:
        return bool(self.data.get("optional"))

    @property
    def item(self) -> Optional[str]:
        return self.data.get("item") or None

    def where(self) -> str:
        return f"{self.source}.jsonl:{self.line}"

    def describe(self) -> str:
        """One line for error lists: file:line, the fact's fields, its item."""
        d, fact = self.data, self
        body = {
            "node": lambda: f"{d['label']} (level {d['level']}) {d['title']!r}",
            "unit": lambda: f"{d['unit']} [{d['role']}] mention {d.get('mention')!r}",
            "person": lambda: f"{d['name']} [{d['role']}]",
            "target": lambda: f"{d['span']!r} {d['comparator']} {d['value']} {d['unit'] or ''} "
                              f"indicator {d.get('indicator')!r}",
            "date": lambda: f"{d['span']!r} {d['kind']} {d.get('period') or (d['start'], d['end'])}",
        }[fact.type]()
        item = f" | item {fact.item!r}" if fact.item else ""
        return f"{fact.where()}: {body}{item}"


def check_fact(data, where: str) -> None:
    """Raise GoldError naming ``where`` when a parsed line is not a valid fact."""
    if not isinstance(data, dict):
        raise GoldError(f"{where}: each line must be a JSON object, got {type(data).__name__}")
    kind = data.get("type")
    if kind not in ALL_TYPES:
        raise GoldError(f"{where}: unknown type {kind!r} (expected one of {', '.join(ALL_TYPES)})")
    part = data.get("part")
    if not isinstance(part, int) or isinstance(part, bool) or part < 1:
        raise GoldError(f"{where}: {kind} fact needs 'part', a whole number from 1, got {part!r}")
    for name in REQUIRED[kind]:
        if name not in data:
            raise GoldError(f"{where}: {kind} fact is missing the field '{name}'")
        if name in NON_EMPTY.get(kind, ()) and not (isinstance(data[name], str) and data[name].strip()):
            raise GoldError(f"{where}: {kind} field '{name}' must be a non-empty string, got {data[name]!r}")
    for (ctype, name), values in CHOICES.items():
        if ctype == kind and data[name] not in values:
            raise GoldError(f"{where}: {kind} field '{name}' is {data[name]!r}, "
                            f"expected one of {', '.join(values)}")
    _check_values(kind, data, where)


def _check_values(kind: str, data: dict, where: str) -> None:
    if kind == "node" and (not isinstance(data["level"], int) or data["level"] < 1):
        raise GoldError(f"{where}: node field 'level' must be a whole number from 1, got {data['level']!r}")
    if kind == "target":
        value = data["value"]
        if value is not None and (isinstance(value, bool) or not isinstance(value, (int, float))):
            raise GoldError(f"{where}: target field 'value' must be a number or null, got {value!r}")
    if kind == "date":
        if data["kind"] == "recurring" and not data.get("period"):
            raise GoldError(f"{where}: a recurring date needs 'period' (ISO 8601, e.g. P1Y)")
        for name in ("start", "end"):
            value = data[name]
            if value is not None and (not isinstance(value, str) or len(value) < 10):
                raise GoldError(f"{where}: date field '{name}' must be YYYY-MM-DD or null, got {value!r}")
    if "item" in data and data["item"] is not None and not isinstance(data["item"], str):
        raise GoldError(f"{where}: field 'item' must be a string, got {data['item']!r}")
    if "optional" in data and not isinstance(data["optional"], bool):
        raise GoldError(f"{where}: field 'optional' must be true or false, got {data['optional']!r}")


def load_file(path: Path) -> list:
    """The facts of one gold file, in file order; blank lines are skipped."""
    source = path.name[: -len(".jsonl")]
    facts = []
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldError(f"{path.name}: cannot be read as UTF-8 text: {exc}") from exc
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            raise GoldError(f"{where}: not valid JSON ({exc.msg} at column {exc.colno})") from exc
        check_fact(data, where)
        facts.append(Fact(source, number, data))
    return facts


def load_dir(gold_dir: Path) -> dict:
    """``{source file name: [Fact, ...]}`` for every ``*.jsonl`` file in the folder."""
    gold_dir = Path(gold_dir)
    if not gold_dir.is_dir():
        raise GoldError(f"{gold_dir}: no such gold folder")
    files = sorted(gold_dir.glob("*.jsonl"))
    if not files:
        raise GoldError(f"{gold_dir}: no *.jsonl gold files in this folder")
    return {path.name[: -len(".jsonl")]: load_file(path) for path in files}
