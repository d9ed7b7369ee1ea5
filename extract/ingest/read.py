"""Read one input file into a decoded ``Source``.

Text (.txt, .md) and HTML are decoded (see ``encoding``); .docx and .pdf are
turned into lines of text. Nothing is normalised here: the cleaner does it.
Every failure is an ``IngestError`` subclass whose class name is the error
code and whose message names the file and says what to do.
"""
from __future__ import annotations

import hashlib
import logging
from pathlib import Path

from . import encoding
from .. import rules
from ..records import Source


class IngestError(Exception):
    """A file that cannot be read; ``str(err)`` tells the user what to do."""

    @property
    def code(self) -> str:
        return type(self).__name__


class UnsupportedFormat(IngestError):
    pass


class UnreadableFile(IngestError):
    pass


class FileTooLarge(IngestError):
    pass


class EmptyFile(IngestError):
    pass


class BinaryFile(IngestError):
    pass


class UndecodableText(IngestError):
    pass


class CorruptDocument(IngestError):
    pass


class EncryptedDocument(IngestError):
    pass


class NoTextLayer(IngestError):
    pass


class GarbledTextLayer(IngestError):
    pass


def settings() -> dict:
    return rules.load("ingest")


def supported_extensions() -> tuple:
    return tuple(settings()["formats"])


def read_source(path: Path, display: str) -> Source:
    path = Path(path)
    reader = _reader_for(path, display)
    data = _read_bytes(path, display, reader)
    digest = hashlib.sha1(data).hexdigest()
    if not data.strip():
        raise EmptyFile(f"{display}: the file is empty; remove it from the input or re-export it")
    kind, content, enc = READERS[reader](data, display)
    if not has_text(content):
        raise EmptyFile(f"{display}: the file has no text; check that it is the right file")
    return Source(display, kind, content, enc, digest)


INVISIBLE = "\ufeff\u200b\u200c\u200d\u2060"


def has_text(content: str) -> bool:
    """Anything but white space and invisible marks (a doubled BOM, zero-width spaces)."""
    return any(not c.isspace() and c not in INVISIBLE for c in content)


def _reader_for(path: Path, display: str) -> str:
    ext = path.suffix.lower()
    reader = settings()["formats"].get(ext)
    if reader:
        return reader
    advice = settings()["advice"].get(ext)
    hint = f"; {advice}" if advice else ""
    raise UnsupportedFormat(
        f"{display}: '{ext or 'no extension'}' files are not supported{hint} "
        f"(supported: {', '.join(supported_extensions())})")


def _read_bytes(path: Path, display: str, reader: str) -> bytes:
    limit = settings()["max_megabytes"][reader] * 1024 * 1024
    try:
        size = path.stat().st_size
        if size > limit:
            raise FileTooLarge(
                f"{display}: the file is {size / 1048576:.1f} MB, over the "
                f"{limit / 1048576:g} MB limit for {reader} files; split it or raise "
                f"max_megabytes in rules/ingest.yaml")
        return path.read_bytes()
    except OSError as err:
        why = err.strerror or type(err).__name__
        raise UnreadableFile(f"{display}: cannot read the file ({why}); check that it exists "
                             f"and that you may read it") from err


def _signature(data: bytes):
    for sig in settings()["signatures"]:
        if data.startswith(bytes.fromhex(sig["hex"])):
            return sig
    return None


def _decode(data: bytes, display: str, declared=None) -> encoding.Decoded:
    sig = _signature(data)
    if sig:
        raise BinaryFile(f"{display}: this is {sig['what']}, not text; {sig['fix']}")
    try:
        return encoding.decode_bytes(data, declared)
    except encoding.DecodeProblem as err:
        if err.kind == "binary":
            raise BinaryFile(f"{display}: this is not a text file ({err}); "
                             f"give the original document instead") from err
        raise UndecodableText(f"{display}: cannot decode the text ({err}); it is not UTF-8, "
                              f"UTF-16, GB18030/GBK or Big5: save it as UTF-8") from err


def _read_text(data: bytes, display: str):
    decoded = _decode(data, display)
    if any(r.regex.match(decoded.text) for r in rules.pattern_rules("ingest", "html_sniff")):
        return _read_html(data, display)
    return "text", decoded.text, decoded.encoding


def _read_html(data: bytes, display: str):
    head = data[:settings()["html"]["sniff_bytes"]].decode("latin-1")
    declared = None
    for rule in rules.pattern_rules("ingest", "charset_declarations"):
        found = rule.regex.search(head)
        if found:
            declared = found.group(1)
            break
    decoded = _decode(data, display, declared)
    from .html import html_to_text  # the page must have visible text
    if not has_text(html_to_text(decoded.text)):
        raise EmptyFile(f"{display}: the page has no visible text; save the page "
                        f"after it has loaded, or copy its text into a .txt file")
    return "html", decoded.text, decoded.encoding


def _read_docx(data: bytes, display: str):
    import io
    import docx
    from .docx import document_lines
    if data.startswith(bytes.fromhex("d0cf11e0a1b11ae1")):
        raise CorruptDocument(f"{display}: this is a legacy Word .doc file named .docx; "
                              f"open it in Word or WPS and save it as .docx")
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as err:  # zip, XML and package errors all mean a damaged file
        raise CorruptDocument(f"{display}: the .docx file is damaged or incomplete "
                              f"({type(err).__name__}); open it in Word or WPS and save it "
                              f"again, or re-export it") from err
    lines = document_lines(document)
    return "text", "\n".join(lines), None


def _read_pdf(data: bytes, display: str):
    from .pdf import pdf_pages, PdfProblem
    try:
        pages = pdf_pages(data)
    except PdfProblem as err:
        raise {"encrypted": EncryptedDocument, "corrupt": CorruptDocument,
               "no_text": NoTextLayer, "garbled": GarbledTextLayer,
               "empty": EmptyFile}[err.kind](f"{display}: {err}") from err
    return "pdf", "\n".join(pages), None


READERS = {"text": _read_text, "html": _read_html, "docx": _read_docx, "pdf": _read_pdf}

# pypdf reports recoverable damage through logging; the text is still used.
logging.getLogger("pypdf").setLevel(logging.ERROR)
