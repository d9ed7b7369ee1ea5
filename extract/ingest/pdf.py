"""The text layer of a PDF, page by page, lines as the PDF gives them.

Lines are not re-joined here: a PDF breaks paragraphs at the page width and
the cleaner re-joins them knowing the plan's numbering. PDFs that only limit
printing or copying open with the empty user password, as readers do.
"""
from __future__ import annotations

import io
import unicodedata

from .. import rules
from .budget import how_to_raise


class PdfProblem(ValueError):
    """``kind`` is encrypted, corrupt, no_text, garbled, empty or too_large."""

    def __init__(self, kind: str, message: str):
        super().__init__(message)
        self.kind = kind


def settings() -> dict:
    return rules.load("ingest")["pdf"]


def pdf_pages(data: bytes, max_pages: int) -> list:
    reader = _open(data)
    try:
        count = len(reader.pages)
    except Exception as err:
        raise _corrupt(err) from err
    if count == 0:
        raise PdfProblem("empty", "the PDF has no pages; re-export it")
    if count > max_pages:
        raise PdfProblem("too_large", f"the PDF has {count} pages, over the limit of "
                         f"{max_pages} (pdf_pages); split it, or {how_to_raise('pdf_pages')}")
    pages = [_page_text(reader, i) for i in range(count)]
    _check_text_layer(pages)
    return pages


def _open(data: bytes):
    from pypdf import PdfReader
    from pypdf.errors import DependencyError
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise PdfProblem("encrypted", "the PDF is protected by a password; open it with "
                             "the password and save an unprotected copy (or print it to PDF)")
    except PdfProblem:
        raise
    except DependencyError as err:
        raise PdfProblem("encrypted", f"the PDF is encrypted and cannot be opened here "
                         f"({err}); save an unprotected copy") from err
    except Exception as err:
        raise _corrupt(err) from err
    return reader


def _corrupt(err: Exception) -> PdfProblem:
    return PdfProblem("corrupt", f"the PDF is damaged or incomplete ({type(err).__name__}: "
                      f"{str(err)[:80]}); download it again or re-export it from the original")


def _page_text(reader, index: int) -> str:
    try:
        text = reader.pages[index].extract_text() or ""
    except Exception as err:
        problem = _corrupt(err)
        raise PdfProblem("corrupt", f"page {index + 1}: {problem}") from err
    # a page ends with a line break; joining pages adds one, not a blank line
    return text.replace("\r\n", "\n").replace("\r", "\n").rstrip("\n")


def _check_text_layer(pages: list) -> None:
    chars = [c for page in pages for c in page if not c.isspace()]
    if len(chars) < settings()["min_text_chars"]:
        raise PdfProblem("no_text", f"the PDF has no text layer (a scan of {len(pages)} "
                         f"page(s)); run OCR first and give the OCR'd PDF or its text")
    garbled = sum(1 for c in chars if c == "\ufffd" or unicodedata.category(c) in ("Co", "Cn"))
    if garbled / len(chars) > settings()["max_garbled_share"]:
        raise PdfProblem("garbled", "the PDF's text layer cannot be read (its fonts have no "
                         "character map); run OCR on it or export it again from the original")
