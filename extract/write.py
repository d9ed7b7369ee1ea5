"""Write the tables as Parquet, atomically and with fixed schemas.

Schemas are explicit so that an empty table still has its columns and types,
and so that pandas, DuckDB and polars read every table the same way.
"""
from __future__ import annotations

import dataclasses
import os
import tempfile
from pathlib import Path
from typing import Iterable

import pyarrow as pa
import pyarrow.parquet as pq

_STR, _INT, _F64, _DATE, _BOOL = pa.string(), pa.int64(), pa.float64(), pa.date32(), pa.bool_()
_SPAN = [("char_start", _INT), ("char_end", _INT), ("text", _STR)]

SCHEMAS = {
    "documents": pa.schema([
        ("doc_id", _STR), ("source_path", _STR), ("part", _INT), ("title", _STR),
        ("city", _STR), ("province", _STR), ("issue_date", _DATE), ("text", _STR),
    ]),
    "nodes": pa.schema([
        ("node_id", _STR), ("doc_id", _STR), ("parent_id", _STR), ("level", _INT),
        ("label", _STR), ("title", _STR), *_SPAN, ("style", _STR), ("number", _INT),
        ("inline", _BOOL),
    ]),
    "responsibilities": pa.schema([
        ("doc_id", _STR), ("node_id", _STR), ("unit", _STR), ("unit_raw", _STR),
        ("role", _STR), *_SPAN, ("unit_norm", _STR), ("unit_kind", _STR), ("rule_id", _STR),
    ]),
    "people": pa.schema([
        ("doc_id", _STR), ("node_id", _STR), ("name", _STR), ("role", _STR),
        ("unit", _STR), *_SPAN, ("rule_id", _STR),
    ]),
    "targets": pa.schema([
        ("doc_id", _STR), ("node_id", _STR), ("indicator", _STR), ("comparator", _STR),
        ("value", _F64), ("unit", _STR), ("per", _STR), ("baseline", _STR), *_SPAN,
        ("value_max", _F64), ("indicator_norm", _STR), ("rule_id", _STR),
        ("value_base", _F64), ("unit_base", _STR),
    ]),
    "dates": pa.schema([
        ("doc_id", _STR), ("node_id", _STR), ("kind", _STR), ("start", _DATE),
        ("end", _DATE), ("period", _STR), *_SPAN, ("rule_id", _STR),
    ]),
    "phases": pa.schema([
        ("doc_id", _STR), ("node_id", _STR), ("ordinal", _INT), ("name", _STR),
        ("start", _DATE), ("end", _DATE), *_SPAN,
    ]),
    "errors": pa.schema([("source_path", _STR), ("error", _STR), ("message", _STR)]),
}


def to_table(name: str, records: Iterable) -> pa.Table:
    """Build a table from dataclass records (or dicts); unknown fields are dropped."""
    schema = SCHEMAS[name]
    rows = [dataclasses.asdict(r) if dataclasses.is_dataclass(r) else dict(r) for r in records]
    columns = {f.name: [row.get(f.name) for row in rows] for f in schema}
    return pa.table(columns, schema=schema)


def write_table(table: pa.Table, path: Path) -> None:
    """Write to a temporary file in the same folder, then rename over the target.

    A rename within one file system is atomic, so a killed run leaves either
    the old table or the new one, never half of one.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.stem}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        pq.write_table(table, tmp)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def write_all(out_dir: Path, tables: dict) -> None:
    """Write every table in SCHEMAS; missing ones are written empty."""
    built = {name: to_table(name, tables.get(name, [])) for name in SCHEMAS}
    for name, table in built.items():
        write_table(table, Path(out_dir) / f"{name}.parquet")
