"""Gold annotations: loading, validation and the text normal form used to compare them.

The gold format is described in ``corpus/gold/GUIDE.md``. Quoted texts are
compared in a normal form (Unicode NFKC, all white space removed), and gold
quotes are located in a plan's text by searching its normal form; ``NormText``
keeps the map from normal-form positions back to offsets in the original text
so that a found quote can be compared with the character offsets of a row.

The second half holds the matching rules of the guide's "Scoring" section:
each fact type's checks (``fact_checks``) and ``PlanData``, one plan's rows
and text with the lookups those checks need (item anchor -> innermost node,
quoted span -> occurrences).
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
VALUE_TOLERANCE = 1e-6
NO_NODE = "no node contains the item anchor"


class GoldError(ValueError):
    """A gold line that cannot be used; the message names file:line and the problem."""


def norm(text) -> str:
    """Normal form for comparison: NFKC, all white space removed; None gives ''."""
    if text is None or (isinstance(text, float) and math.isnan(text)):
        return ""
    text = unicodedata.normalize("NFKC", str(text))
    return "".join(ch for ch in text if not ch.isspace())


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


# ---- the matching rules of the guide's "Scoring" section ----

@dataclass
class Row:
    """A table row with its comparison keys computed once."""

    data: dict
    key: dict


def row_key(kind: str, r: dict) -> dict:
    if kind == "node":
        label = norm(r.get("label"))
        title = norm(r.get("title"))
        title = title[len(label):] if label and title.startswith(label) else title
        return {"label": norm_label(label), "level": r.get("level"), "title": title}
    if kind == "unit":
        return {"unit": norm_unit_name(r.get("unit")), "role": norm(r.get("role"))}
    if kind == "person":
        return {"name": norm(r.get("name")), "role": norm(r.get("role"))}
    if kind == "target":
        return {"comparator": norm(r.get("comparator")), "value": r.get("value"),
                "unit": norm_measure(r.get("unit"))}
    return {"kind": norm(r.get("kind")), "start": _text(r.get("start"))[:10] or None,
            "end": _text(r.get("end"))[:10] or None, "period": norm(r.get("period"))}


def _text(value) -> str:
    return "" if value is None else str(value)


# The exact-equality part of each type's checks: rows are indexed by it so that
# a fact is only tested against rows that can possibly match it.
INDEX_FIELDS = {"node": ("label", "level"), "unit": ("unit", "role"), "person": ("name", "role"),
                "target": ("comparator", "unit"), "date": ("kind",)}


def row_index_key(kind: str, row: Row) -> tuple:
    return tuple(row.key[name] for name in INDEX_FIELDS[kind])


def fact_index_key(fact: Fact) -> tuple:
    d = fact.data
    make = {"node": lambda: (norm_label(d["label"]), d["level"]),
            "unit": lambda: (norm_unit_name(d["unit"]), norm(d["role"])),
            "person": lambda: (norm(d["name"]), norm(d["role"])),
            "target": lambda: (norm(d["comparator"]), norm_measure(d["unit"])),
            "date": lambda: (norm(d["kind"]),)}
    return make[fact.type]()


def _same_value(a, b) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(float(a) - float(b)) <= VALUE_TOLERANCE


def overlaps(row: dict, spans) -> bool:
    start, end = row.get("char_start"), row.get("char_end")
    if start is None or end is None:
        return False
    return any(start < b and a < end for a, b in spans)


def fact_checks(fact: Fact, plan) -> list:
    """(name, test(row) -> bool) pairs that a row must all pass to match the fact."""
    d, kind = fact.data, fact.type
    if kind == "node":
        head = norm(d["title"])[:6]
        checks = [("label", lambda r, v=norm_label(d["label"]): r.key["label"] == v),
                  ("level", lambda r, v=d["level"]: r.key["level"] == v),
                  ("title", lambda r: r.key["title"].startswith(head) or head in r.key["title"][:10])]
    elif kind == "unit":
        checks = [("unit", lambda r, v=norm_unit_name(d["unit"]): r.key["unit"] == v),
                  ("role", lambda r, v=norm(d["role"]): r.key["role"] == v)]
    elif kind == "person":
        checks = [("name", lambda r, v=norm(d["name"]): r.key["name"] == v),
                  ("role", lambda r, v=norm(d["role"]): r.key["role"] == v)]
    elif kind == "target":
        checks = [("comparator", lambda r, v=norm(d["comparator"]): r.key["comparator"] == v),
                  ("value", lambda r, v=d["value"]: _same_value(r.key["value"], v)),
                  ("unit", lambda r, v=norm_measure(d["unit"]): r.key["unit"] == v)]
    else:
        checks = [("kind", lambda r, v=norm(d["kind"]): r.key["kind"] == v)]
        if d["kind"] == "recurring":
            checks.append(("period", lambda r, v=norm(d.get("period")): r.key["period"] == v))
        else:
            start, end = (_text(d[k])[:10] or None for k in ("start", "end"))
            checks.append(("start/end", lambda r: r.key["start"] == start and r.key["end"] == end))
    if kind != "node" and fact.item:
        node_id, problem = plan.node_for_item(fact.item)
        if node_id is None and problem == NO_NODE:     # the guide: then the row's node is null
            checks.append(("node_id", lambda r: r.data.get("node_id") is None))
        else:
            checks.append(("node_id", lambda r: node_id is not None and r.data.get("node_id") == node_id))
    if kind in ("target", "date"):
        spans = plan.spans(d["span"])
        checks.append(("span", lambda r: overlaps(r.data, spans)))
    return checks


class PlanData:
    """One plan: its documents row, text index, nodes and rows of every type."""

    def __init__(self, source: str, part: int, doc, tables_by_doc: dict):
        self.source, self.part, self.doc = source, part, doc
        doc_id = doc["doc_id"] if doc else None
        self.text = NormText(_text(doc.get("text")) if doc else "")
        self.rows = {k: [Row(r, row_key(k, r)) for r in tables_by_doc[TABLES[k]].get(doc_id, [])]
                     for k in TYPES}
        self.nodes = {r.data["node_id"]: r.data for r in self.rows["node"]}
        self.index = {k: {} for k in TYPES}   # exact key -> row indexes in table order
        for kind, rows in self.rows.items():
            for i, row in enumerate(rows):
                self.index[kind].setdefault(row_index_key(kind, row), []).append(i)
        self._anchors, self._spans = {}, {}

    @property
    def name(self) -> str:
        return f"{self.source}#{self.part}"

    def spans(self, quote: str) -> list:
        if quote not in self._spans:
            self._spans[quote] = self.text.find_all(quote)
        return self._spans[quote]

    def node_for_item(self, item: str):
        """(innermost node id, problem) for an item anchor; the id is None on a problem."""
        if item not in self._anchors:
            pos, count = self.text.anchor_position(item)
            if pos is None:
                self._anchors[item] = (None, "item anchor not found in the plan text")
            else:
                inside = [n for n in self.nodes.values()
                          if n.get("char_start") is not None and n.get("char_end") is not None
                          and n["char_start"] <= pos < n["char_end"]]
                best = min(inside, key=lambda n: (n["char_end"] - n["char_start"], -n["char_start"]),
                           default=None)
                problem = None if best else NO_NODE
                if best and count > 1:
                    problem = f"item anchor occurs {count} times; the first is used"
                self._anchors[item] = (best["node_id"] if best else None, problem)
        return self._anchors[item]
