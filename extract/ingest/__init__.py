"""Stage 1, ingest: bytes on disk to decoded text.

In: a path. Out: a ``records.Source`` (decoded text, its kind and encoding,
the digest of the bytes), or an ``IngestError`` that names the file and the
fix. ``encoding`` detects the text encoding; ``html``, ``docx`` (with
``docxnum`` for Word's automatic numbering) and ``pdf`` read those formats.
"""
from .read import IngestError, read_source, settings, supported_extensions, time_budget
from .discover import walk
from .budget import worker_start

__all__ = ["IngestError", "read_source", "settings", "supported_extensions", "time_budget",
           "walk", "worker_start"]
