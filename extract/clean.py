"""Clean a Source into plain text (stub: line ends only)."""
from __future__ import annotations

from .records import CleanText, Source


def clean(source: Source) -> CleanText:
    return CleanText(source, source.content.replace("\r\n", "\n"))
