"""Write the tables: fixed schemas, streamed row groups, one set published at once.

``schema`` lists the tables (record type and Parquet schema of each),
``stream`` writes row groups as rows come, ``output`` owns the output folder
(lock, staging, the one-rename publish), ``manifest`` the provenance of a run
and ``reuse`` the rows an incremental run keeps.
"""
from __future__ import annotations

from pathlib import Path

from .manifest import MANIFEST
from .output import Busy, OutputError, OutputFolder
from .schema import FACT_TABLES, SCHEMAS, SPECS, TABLES, Duplicate, to_table
from .stream import SetWriter

__all__ = ["Busy", "Duplicate", "FACT_TABLES", "MANIFEST", "OutputError", "OutputFolder",
           "SCHEMAS", "SPECS", "SetWriter", "TABLES", "published_names", "to_table", "write_all"]


def published_names() -> list:
    """The names a published set links into the output folder."""
    return [f"{name}.parquet" for name in SCHEMAS] + [MANIFEST]


def write_all(out_dir, tables: dict) -> None:
    """Write a whole set of record lists at once (tables missing from ``tables`` are empty).

    For callers that already hold every record; a run streams through the
    same writer instead (``pipeline.run_to``).
    """
    from . import manifest
    folder = OutputFolder(Path(out_dir))
    folder.check()
    with folder.locked(wait=True):
        folder.remove_stale(published_names())
        staging = folder.new_staging()
        head = manifest.header(manifest.rules_sha256())
        sink = SetWriter(staging, manifest.table_metadata(head, []))
        try:
            for name in SCHEMAS:
                sink.add(name, to_table(name, tables.get(name, [])))
        except BaseException:
            sink.abort()
            raise
        sink.close()
        manifest.write(staging, head, [], sink.rows())
        folder.publish(staging, published_names())
