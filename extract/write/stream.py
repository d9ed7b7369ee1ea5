"""Streaming Parquet writers: rows go out in row groups as they come.

Each table is one Parquet file written with ``ParquetWriter``; rows are
buffered until a row group is full (by rows or by bytes) and then written,
so memory holds at most one row group per table whatever the batch size.
Row-group boundaries depend only on the rows, so the same inputs give the
same files for any number of workers.
"""
from __future__ import annotations

from pathlib import Path
from typing import Dict, Optional

import pyarrow as pa
import pyarrow.parquet as pq

from .schema import SCHEMAS

ROW_GROUP_ROWS = 64_000
ROW_GROUP_BYTES = 4 << 20     # a 100x batch stays within a fifth of a 10x one's peak memory


class TableWriter:
    def __init__(self, path: Path, schema: pa.Schema, metadata: Optional[dict] = None,
                 rows: int = ROW_GROUP_ROWS, nbytes: int = ROW_GROUP_BYTES):
        self.schema = schema.with_metadata(metadata) if metadata else schema
        self._writer = pq.ParquetWriter(str(path), self.schema)
        self._pending: list = []
        self._pending_rows = 0
        self._pending_bytes = 0
        self._limits = (rows, nbytes)
        self.rows = 0          # rows accepted so far

    def add(self, table: pa.Table) -> None:
        if not table.num_rows:
            return
        self._pending.append(table)
        self._pending_rows += table.num_rows
        self._pending_bytes += table.nbytes
        self.rows += table.num_rows
        if self._pending_rows >= self._limits[0] or self._pending_bytes >= self._limits[1]:
            self.flush()

    def flush(self) -> None:
        if not self._pending:
            return
        table = pa.concat_tables(self._pending).replace_schema_metadata(self.schema.metadata)
        self._pending, self._pending_rows, self._pending_bytes = [], 0, 0
        self._writer.write_table(table, row_group_size=max(table.num_rows, 1))

    def close(self) -> None:
        self.flush()
        self._writer.close()


class SetWriter:
    """All tables of one run, written side by side into one (staging) folder."""

    def __init__(self, folder: Path, metadata: Optional[dict] = None, **limits):
        self.folder = Path(folder)
        self.writers: Dict[str, TableWriter] = {
            name: TableWriter(self.folder / f"{name}.parquet", schema, metadata, **limits)
            for name, schema in SCHEMAS.items()}

    def add(self, name: str, table: pa.Table) -> None:
        self.writers[name].add(table)

    def rows(self) -> dict:
        return {name: w.rows for name, w in self.writers.items()}

    def close(self) -> None:
        for writer in self.writers.values():
            writer.close()

    def abort(self) -> None:
        for writer in self.writers.values():
            try:
                writer._writer.close()
            except Exception:       # closing after a failure must not hide the failure
                pass
