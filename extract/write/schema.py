"""The tables, written once: each table's record type and its Parquet schema.

Schemas are explicit so that an empty table still has its columns and types,
and so that pandas, DuckDB and polars read every table the same way. Each
table names the record type its rows come from and the record fields that
are deliberately not written (working offsets of the stages); a test checks
that every other field is a column, so no field is ever dropped silently.
"""
from __future__ import annotations

import functools
import operator
import sys
from dataclasses import dataclass
from typing import Iterable, Optional

import pyarrow as pa

from ..records import (DateFact, ErrorRow, Node, Person, Phase, Plan, Responsibility,
                       Target, WarningRow)

_STR, _INT, _F64, _DATE, _BOOL = pa.string(), pa.int64(), pa.float64(), pa.date32(), pa.bool_()
_SPAN = [("char_start", _INT), ("char_end", _INT), ("text", _STR)]


@dataclass(frozen=True)
class Duplicate:
    """An input passed over because another input holds the same bytes (or is the same file)."""

    source_path: str
    same_as: str       # the input whose rows stand for both
    reason: str        # "same_bytes" or "same_file"
    sha256: str


@dataclass(frozen=True)
class TableSpec:
    name: str
    record: Optional[type]     # the dataclass its rows come from
    schema: pa.Schema
    internal: tuple = ()       # record fields kept out of the table, on purpose
    per_source: bool = True    # rows come from one input file each (kept by --incremental)


TABLES = (
    TableSpec("documents", Plan, pa.schema([
        ("doc_id", _STR), ("source_path", _STR), ("part", _INT), ("title", _STR),
        ("city", _STR), ("province", _STR), ("issue_date", _DATE), ("text", _STR),
    ]), internal=("title_start",)),
    TableSpec("nodes", Node, pa.schema([
        ("node_id", _STR), ("doc_id", _STR), ("parent_id", _STR), ("level", _INT),
        ("label", _STR), ("title", _STR), *_SPAN, ("style", _STR), ("number", _INT),
        ("inline", _BOOL),
    ]), internal=("body_start",)),
    TableSpec("responsibilities", Responsibility, pa.schema([
        ("doc_id", _STR), ("node_id", _STR), ("unit", _STR), ("unit_raw", _STR),
        ("role", _STR), *_SPAN, ("unit_norm", _STR), ("unit_kind", _STR), ("rule_id", _STR),
    ])),
    TableSpec("people", Person, pa.schema([
        ("doc_id", _STR), ("node_id", _STR), ("name", _STR), ("role", _STR),
        ("unit", _STR), *_SPAN, ("rule_id", _STR),
    ])),
    TableSpec("targets", Target, pa.schema([
        ("doc_id", _STR), ("node_id", _STR), ("indicator", _STR), ("comparator", _STR),
        ("value", _F64), ("unit", _STR), ("per", _STR), ("baseline", _STR), *_SPAN,
        ("value_max", _F64), ("indicator_norm", _STR), ("rule_id", _STR),
        ("value_base", _F64), ("unit_base", _STR),
    ])),
    TableSpec("dates", DateFact, pa.schema([
        ("doc_id", _STR), ("node_id", _STR), ("kind", _STR), ("start", _DATE),
        ("end", _DATE), ("period", _STR), *_SPAN, ("rule_id", _STR),
    ])),
    TableSpec("phases", Phase, pa.schema([
        ("doc_id", _STR), ("node_id", _STR), ("ordinal", _INT), ("name", _STR),
        ("start", _DATE), ("end", _DATE), *_SPAN,
    ])),
    TableSpec("errors", ErrorRow, pa.schema([
        ("source_path", _STR), ("error", _STR), ("message", _STR)])),
    # files that were read, with something to know: a cleaning rule held back
    TableSpec("warnings", WarningRow, pa.schema([
        ("source_path", _STR), ("warning", _STR), ("message", _STR)])),
    TableSpec("duplicates", Duplicate, pa.schema([
        ("source_path", _STR), ("same_as", _STR), ("reason", _STR), ("sha256", _STR)]),
        per_source=False),
)

SPECS = {spec.name: spec for spec in TABLES}
SCHEMAS = {spec.name: spec.schema for spec in TABLES}
# the tables filled from each plan's extraction, in the order of the Extraction record
FACT_TABLES = ("nodes", "responsibilities", "people", "targets", "dates", "phases")


@functools.lru_cache(maxsize=1)
def _skip_pandas_probe() -> None:
    """Answer pyarrow's "is pandas there?" with no, once, without importing pandas.

    The first ``pa.array`` of a process imports pandas (most of a second)
    only to ask whether its argument is a pandas object; ours are always
    lists. A failed soft probe is not final: pyarrow imports pandas for real
    the first time it needs it (``to_pandas``, ``from_pandas``). Where pandas
    is already imported the probe is left alone.
    """
    if "pandas" in sys.modules:
        return
    sys.meta_path.insert(0, _NoPandas)
    try:
        pa.array([], type=_INT)
    finally:
        sys.meta_path.remove(_NoPandas)


class _NoPandas:
    """An import finder that refuses pandas, for the one probe above."""

    @staticmethod
    def find_spec(name, path=None, target=None):
        if name == "pandas" or name.startswith("pandas."):
            raise ImportError("pandas is not needed to write tables")
        return None


def to_table(name: str, records: Iterable) -> pa.Table:
    """Build a table from records (or dicts) of the table's type.

    Columns are read straight off the records, one attribute per column: no
    deep copy of each record (``dataclasses.asdict``), which used to cost a
    sixth of the run.
    """
    _skip_pandas_probe()
    schema = SCHEMAS[name]
    records = list(records)
    names = schema.names
    if not records:
        columns = [[] for _ in names]
    elif isinstance(records[0], dict):
        columns = [[r.get(name) for r in records] for name in names]
    else:   # one C-level getter per record, then one transpose: no per-cell Python call
        columns = list(zip(*map(operator.attrgetter(*names), records)))
    return pa.Table.from_arrays([pa.array(col, type=f.type) for col, f in zip(columns, schema)],
                                schema=schema)
