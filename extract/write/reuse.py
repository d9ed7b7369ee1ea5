"""Reading back the rows of unchanged inputs for ``--incremental``.

Every run writes its inputs in the same order (sorted paths), each input's
rows contiguous in every table, and records where they sit. Kept inputs are
therefore asked for in increasing row order, and each table of the previous
set is read once, front to back, one record batch at a time: memory stays
flat however large the previous set.
"""
from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq


class _Cursor:
    def __init__(self, path: Path, schema: pa.Schema):
        self.path, self.schema = path, schema
        self._open()

    def _open(self):
        self._batches = pq.ParquetFile(str(self.path)).iter_batches(batch_size=8192)
        self._buffer = pa.Table.from_batches([], schema=self.schema)
        self._at = 0            # row number of the buffer's first row

    def take(self, first: int, count: int) -> pa.Table:
        if first < self._at:    # asked for rows already passed: start again
            self._open()
        while self._at + self._buffer.num_rows < first + count:
            batch = next(self._batches)
            table = pa.Table.from_batches([batch]).cast(self.schema)
            if self._at + self._buffer.num_rows <= first:   # wholly before: drop what is passed
                self._at += self._buffer.num_rows
                self._buffer = table
            else:
                self._buffer = pa.concat_tables([self._buffer, table])
        rows = self._buffer.slice(first - self._at, count)
        self._buffer = self._buffer.slice(first - self._at + count)
        self._at = first + count
        return rows


class PreviousRows:
    """The published set of the previous run, read table by table as inputs are kept."""

    def __init__(self, folder: Path, schemas: dict):
        self.folder, self.schemas = Path(folder), schemas
        self._cursors: dict = {}

    def take(self, name: str, first: int, count: int) -> pa.Table:
        if not count:
            return self.schemas[name].empty_table()
        if name not in self._cursors:
            self._cursors[name] = _Cursor(self.folder / f"{name}.parquet", self.schemas[name])
        return self._cursors[name].take(first, count)
