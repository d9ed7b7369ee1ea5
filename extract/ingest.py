"""Read input files into decoded Sources (minimal version: text files)."""
from __future__ import annotations

import hashlib
from pathlib import Path

from charset_normalizer import from_bytes

from .records import Source


class IngestError(Exception):
    """A file that cannot be read; ``str(err)`` tells the user what to do."""

    code = "IngestError"


def read_source(path: Path, display: str) -> Source:
    data = path.read_bytes()
    if not data.strip():
        raise IngestError(f"{display}: the file is empty; remove it from the input or re-export it")
    best = from_bytes(data).best()
    if best is None:
        raise IngestError(f"{display}: cannot detect the text encoding; save it as UTF-8")
    kind = "html" if path.suffix.lower() in (".html", ".htm") else "text"
    return Source(display, kind, str(best), best.encoding, hashlib.sha1(data).hexdigest())
