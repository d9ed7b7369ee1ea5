"""Typed records passed between the stages.

Every offset is a Python ``str`` index into the cleaned text of one plan
(``Plan.text``), half-open ``[start, end)``.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from datetime import date
from typing import Optional, Sequence


@dataclass(frozen=True)
class Source:
    """One input file, decoded but not cleaned."""

    path: str          # as given on the command line, or relative to the folder given
    kind: str          # "text", "html" or "pdf": where the text came from
    content: str       # decoded text; for a page, its block text (the markup is parsed in ingest)
    encoding: Optional[str]
    digest: str        # sha1 of the input bytes: doc ids derive from it
    notes: tuple = ()  # WarningRow: what reading had to mend (stray NULs, mixed encodings)


@dataclass(frozen=True)
class CleanText:
    """The cleaned text of a source; plans are slices of it."""

    source: Source
    text: str
    notes: tuple = ()   # WarningRow: a cleaning rule held back because it would cut too much
    chrome: str = ''    # the page chrome the cleaning cut away (site name, footer, catalogue fields)


@dataclass(frozen=True)
class Plan:
    doc_id: str
    source_path: str
    part: int
    title: str
    city: Optional[str]
    province: Optional[str]
    issue_date: Optional[date]
    text: str
    title_start: int = -1   # offset of the title in text, -1 when taken from elsewhere


@dataclass
class Node:
    node_id: str
    doc_id: str
    parent_id: Optional[str]
    level: int
    label: str
    title: str
    char_start: int
    char_end: int
    text: str
    style: str            # numbering style id from rules/outline.yaml
    number: int           # the label's ordinal (一 -> 1, (3) -> 3)
    inline: bool = False  # found inside a paragraph rather than at a line start
    body_start: int = -1  # first character after the label and its punctuation


@dataclass
class Responsibility:
    doc_id: str
    node_id: Optional[str]
    unit: str
    unit_raw: str
    role: str
    char_start: int
    char_end: int
    text: str
    unit_norm: Optional[str] = None
    unit_kind: Optional[str] = None
    rule_id: str = ""


@dataclass
class Person:
    doc_id: str
    node_id: Optional[str]
    name: str
    role: str
    unit: Optional[str]
    char_start: int
    char_end: int
    text: str
    rule_id: str = ""


@dataclass
class Target:
    doc_id: str
    node_id: Optional[str]
    indicator: str
    comparator: str
    value: Optional[float]
    unit: Optional[str]
    per: Optional[str]
    baseline: Optional[str]
    char_start: int
    char_end: int
    text: str
    value_max: Optional[float] = None
    indicator_norm: Optional[str] = None
    rule_id: str = ""
    value_base: Optional[float] = None   # value with the unit's multiplier applied (6287万亩 -> 62870000)
    unit_base: Optional[str] = None      # unit without its multiplier (万亩 -> 亩)


@dataclass
class DateFact:
    doc_id: str
    node_id: Optional[str]
    kind: str
    start: Optional[date]
    end: Optional[date]
    period: Optional[str]
    char_start: int
    char_end: int
    text: str
    rule_id: str = ""


@dataclass
class Phase:
    doc_id: str
    node_id: Optional[str]
    ordinal: int
    name: str
    start: Optional[date]
    end: Optional[date]
    char_start: int
    char_end: int
    text: str


@dataclass(frozen=True)
class ErrorRow:
    source_path: str
    error: str
    message: str


@dataclass(frozen=True)
class WarningRow:
    """A file that was read, with something the user should know (not a failure)."""

    source_path: str
    warning: str
    message: str


@dataclass
class Extraction:
    """Everything extracted from one plan."""

    plan: Plan
    nodes: list = field(default_factory=list)
    responsibilities: list = field(default_factory=list)
    people: list = field(default_factory=list)
    targets: list = field(default_factory=list)
    dates: list = field(default_factory=list)
    phases: list = field(default_factory=list)


class NodeLocator:
    """Finds the innermost node containing a character offset.

    Nodes nest, so the innermost containing node is the one with the latest
    start among those whose span still covers the offset.
    """

    def __init__(self, nodes: Sequence[Node]):
        self._nodes = sorted(nodes, key=lambda n: (n.char_start, -n.char_end))
        self._starts = [n.char_start for n in self._nodes]

    def innermost(self, pos: int) -> Optional[Node]:
        i = bisect.bisect_right(self._starts, pos) - 1
        while i >= 0:
            node = self._nodes[i]
            if node.char_start <= pos < node.char_end:
                return node
            i -= 1
        return None

    def node_id_at(self, pos: int) -> Optional[str]:
        node = self.innermost(pos)
        return node.node_id if node else None


@dataclass
class PlanContext:
    """What every fact extractor receives: one plan, its outline, built once.

    ``locator`` is made here, once per plan, and shared; ``dates`` holds the
    date rows found first, so that later extractors (targets, indicators)
    never read a number inside a date as something else.
    """

    plan: Plan
    nodes: Sequence[Node]
    locator: NodeLocator
    dates: list = field(default_factory=list)

    @classmethod
    def build(cls, plan: Plan, nodes: Sequence[Node]) -> "PlanContext":
        return cls(plan=plan, nodes=list(nodes), locator=NodeLocator(nodes))

    @property
    def text(self) -> str:
        return self.plan.text

