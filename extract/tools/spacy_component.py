"""A spaCy pipeline component that runs plan-extract on a Doc.

    nlp = spacy.blank("zh")
    nlp.add_pipe("plan_extract")     # found through the spacy_factories entry point
    doc = nlp(text)
    doc.spans["target"][0]._.plan_row["indicator"]

The component calls the same functions as ``plan-extract run`` (split into
plans, then ``pipeline.extract_plan``) on the Doc's text, taken as already
cleaned: no cleaning step runs, so every offset is an offset into
``doc.text``. Rows become spans in ``doc.spans[KEY]``; a row's span is
aligned to tokens with ``alignment_mode="expand"``, so it can be wider than
the row, and the exact row text and offsets are kept as extensions.
"""
from __future__ import annotations

import dataclasses
import hashlib

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..pipeline import extract_plan
from ..prepare import split
from ..records import CleanText, Source

# spans key -> (Extraction field, how a row is labelled)
SPAN_KEYS = {
    "unit": ("responsibilities", lambda r: r.role),
    "person": ("people", lambda r: r.role),
    "target": ("targets", lambda r: r.indicator_norm or r.indicator),
    "date": ("dates", lambda r: r.kind),
    "phase": ("phases", lambda r: r.name),
    "node": ("nodes", lambda r: f"level_{r.level}"),
}
SPAN_EXTENSIONS = ("plan_row", "rule_id", "row_text", "row_start", "row_end", "node_id")


def _register_extensions() -> None:
    for name in SPAN_EXTENSIONS:
        if not Span.has_extension(name):
            Span.set_extension(name, default=None)
    if not Doc.has_extension("plans"):
        Doc.set_extension("plans", default=None)


def _row_dict(row) -> dict:
    """The row's fields as plain values (dates as ISO strings, for JSON and displaCy)."""
    out = {}
    for key, value in dataclasses.asdict(row).items():
        out[key] = value.isoformat() if hasattr(value, "isoformat") else value
    return out


def plans_with_offsets(text: str) -> list:
    """(offset in text, Plan) for each plan the split stage finds in text."""
    source = Source("<doc>", "text", text, None, hashlib.sha1(text.encode("utf-8")).hexdigest())
    found, cursor = [], 0
    for plan in split.split(CleanText(source, text)):
        offset = text.find(plan.text, cursor)   # a plan is a slice of the text, trimmed
        found.append((offset, plan))
        cursor = offset + len(plan.text)
    return found


class PlanExtract:
    """Sets doc.spans[unit|person|target|date|phase|node] from plan-extract's rows."""

    def __init__(self, nlp: Language, name: str = "plan_extract"):
        self.name = name
        _register_extensions()

    def __call__(self, doc: Doc) -> Doc:
        groups = {key: [] for key in SPAN_KEYS}
        plans = []
        for offset, plan in plans_with_offsets(doc.text):
            extraction = extract_plan(plan)
            plans.append({"doc_id": plan.doc_id, "title": plan.title, "city": plan.city,
                          "province": plan.province, "start": offset, "end": offset + len(plan.text)})
            for key, (field, label_of) in SPAN_KEYS.items():
                for row in getattr(extraction, field):
                    span = self._span(doc, offset, row, label_of(row))
                    if span is not None:
                        groups[key].append(span)
        for key, spans in groups.items():
            doc.spans[key] = spans
        doc._.plans = plans
        return doc

    @staticmethod
    def _span(doc: Doc, offset: int, row, label: str):
        start, end = offset + row.char_start, offset + row.char_end
        span = doc.char_span(start, end, label=label, alignment_mode="expand")
        if span is None:        # only an all-space row cannot be aligned; none is produced
            return None
        span._.plan_row = _row_dict(row)
        span._.rule_id = getattr(row, "rule_id", None)
        span._.row_text = row.text
        span._.row_start, span._.row_end = start, end
        span._.node_id = row.node_id
        return span


@Language.factory("plan_extract")
def make_plan_extract(nlp: Language, name: str) -> PlanExtract:
    return PlanExtract(nlp, name)
