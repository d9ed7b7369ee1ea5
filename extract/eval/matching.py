"""The matching rules of the gold guide's "Scoring" section (``corpus/gold/GUIDE.md``).

Each fact type's checks (``fact_checks``) and ``PlanData``, one plan's rows
and text with the lookups those checks need (item anchor -> innermost node,
quoted span -> occurrences). Gold loading and the text normal form are in
``gold.py``.
"""
from __future__ import annotations

from dataclasses import dataclass

from .gold import (TABLES, TYPES, Fact, NormText, norm, norm_label, norm_measure,
                   norm_unit_name)

VALUE_TOLERANCE = 1e-6
NO_NODE = "no node contains the item anchor"


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
    return {"kind": norm(r.get("kind")), "start": as_text(r.get("start"))[:10] or None,
            "end": as_text(r.get("end"))[:10] or None, "period": norm(r.get("period"))}


def as_text(value) -> str:
    """A field as a string, None as empty."""
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
            start, end = (as_text(d[k])[:10] or None for k in ("start", "end"))
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
        self.text = NormText(as_text(doc.get("text")) if doc else "")
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
