"""Read one input file into a decoded ``Source``.

Text (.txt, .md) and HTML are decoded (see ``encoding``); .docx and .pdf are
turned into lines of text. Nothing is normalised here: the cleaner does it.
Every failure is an ``IngestError`` subclass whose class name is the error
code and whose message names the file and says what to do.
"""
from __future__ import annotations

import errno
import hashlib
import logging
import os
import stat
from pathlib import Path

from . import budget, encoding
from .. import rules
from ..records import Source, WarningRow


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


class MislabeledFile(IngestError):
    """The bytes are another kind of file than the name says (a PNG named .pdf)."""


class NestingTooDeep(IngestError):
    """A page nested deeper, or with more elements, than the limits allow."""


class TimeBudgetExceeded(IngestError):
    pass


class SpecialFile(IngestError):
    """A FIFO, socket or device: refused by its type, never opened."""


class LinkLoop(IngestError):
    pass


class BrokenLink(IngestError):
    pass


class UnreadableFolder(IngestError):
    pass


def time_budget(display: str):
    """The time limit for the work on one file (see ``budget``)."""
    return budget.time_budget(TimeBudgetExceeded, display)


_SPECIAL = ((stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISSOCK, "a socket"),
            (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"))


def special_kind(mode: int) -> str:
    return next((what for test, what in _SPECIAL if test(mode)), "not a regular file")


def settings() -> dict:
    return rules.load("ingest")


def supported_extensions() -> tuple:
    return tuple(settings()["formats"])


def read_source(path: Path, display: str) -> Source:
    path = Path(path)
    check_path(path, display)
    reader = _reader_for(path, display)
    data = _read_bytes(path, display, reader)
    digest = hashlib.sha1(data).hexdigest()
    if not data.strip():
        raise EmptyFile(f"{display}: the file is empty; remove it from the input or re-export it")
    kind, content, enc, repairs = READERS[reader](data, display)
    if not has_text(content):
        raise EmptyFile(f"{display}: the file has no text; check that it is the right file")
    notes = tuple(WarningRow(display, "EncodingRepaired", (
        f"{display}: {repair}; check the text, or save the file again as UTF-8"))
        for repair in repairs)
    return Source(display, kind, content, enc, digest, notes)


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


def check_path(path: Path, display: str) -> None:
    """Refuse, by ``stat`` alone, what is not a file to read: a link loop, a dangling
    link, a folder (one the walk passed over), a FIFO or device (never opened,
    so it cannot block the run)."""
    try:
        info = os.stat(path)
    except OSError as err:
        if err.errno == errno.ELOOP:
            raise LinkLoop(f"{display}: the link leads round in a loop and names no file; "
                           f"remove it or point it at the plan") from err
        if os.path.islink(path):
            raise BrokenLink(f"{display}: the link points to '{os.readlink(path)}', which "
                             f"does not exist; fix the link or remove it") from err
        raise UnreadableFile(f"{display}: cannot read the file ({err.strerror}); check that it "
                             f"exists and that you may read it") from err
    if stat.S_ISDIR(info.st_mode):
        _refuse_folder(path, display)
    if not stat.S_ISREG(info.st_mode):
        raise SpecialFile(f"{display}: this is {special_kind(info.st_mode)}, not a file, so "
                          f"it was not read; give the plan file itself")


def _refuse_folder(path: Path, display: str) -> None:
    """A folder in the list of files: the walk could not list it, or it is a link
    back up the tree."""
    try:
        os.scandir(path).close()
    except OSError as err:
        raise UnreadableFolder(
            f"{display}: cannot list the folder ({err.strerror}), so its files were not "
            f"read; give read and search permission on it (chmod a+rx) or remove it "
            f"from the input") from err
    if os.path.islink(path):
        raise LinkLoop(f"{display}: the link points back to a folder that contains it, so "
                       f"it was not followed; remove the link or point it elsewhere")
    raise UnreadableFile(f"{display}: cannot read the file (it is a folder); a folder "
                         f"given as an input is walked for its files")


def _read_bytes(path: Path, display: str, reader: str) -> bytes:
    """The file's bytes, no more than its size limit allows."""
    name = f"max_megabytes.{reader}"
    limit = budget.limit(name) * 1024 * 1024
    try:
        size = os.stat(path).st_size
        if size > limit:
            raise FileTooLarge(
                f"{display}: the file is {size / 1048576:.1f} MB, over the "
                f"{limit / 1048576:g} MB limit for {reader} files; split it, or "
                f"{budget.how_to_raise(name)}")
        with open(path, "rb") as handle:
            return handle.read(int(limit) + 1)
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
        if encoding.looks_binary(data):
            raise BinaryFile(f"{display}: this is not a text file (its bytes read as no "
                             f"text in any encoding: it is another kind of file with a "
                             f"text file's name, or damaged); give the original document "
                             f"instead") from err
        raise UndecodableText(f"{display}: cannot decode the text ({err}); it is not UTF-8, "
                              f"UTF-16, GB18030/GBK or Big5: save it as UTF-8") from err


def _not_a(data: bytes, display: str, reader: str, what: str) -> None:
    """Refuse bytes that are some other kind of file than the name says, naming the kind."""
    sig = _signature(data)
    if sig and sig.get("reader") != reader:
        raise MislabeledFile(f"{display}: this is {sig['what']}, not {what}; {sig['fix']}")
    if sig is None and b"\x00" not in data[:4096]:
        try:
            text = encoding.decode_bytes(data[:65536]).text
        except encoding.DecodeProblem:
            return
        if has_text(text):
            raise MislabeledFile(f"{display}: this is a text file, not {what}; rename it "
                                 f"to .txt (or .html if it is a web page)")


def _read_text(data: bytes, display: str):
    decoded = _decode(data, display)
    if any(r.regex.match(decoded.text) for r in rules.pattern_rules("ingest", "html_sniff")):
        return _read_html(data, display)
    return "text", decoded.text, decoded.encoding, decoded.repairs


def _read_html(data: bytes, display: str):
    head = data[:settings()["html"]["sniff_bytes"]].decode("latin-1")
    declared = None
    for rule in rules.pattern_rules("ingest", "charset_declarations"):
        found = rule.regex.search(head)
        if found:
            declared = found.group(1)
            break
    decoded = _decode(data, display, declared)
    from .html import html_to_text, markup_shape
    _check_shape(markup_shape(decoded.text), display)
    # parsed once, here: the clean stage works on the block text
    text = html_to_text(decoded.text)
    if not has_text(text):
        raise EmptyFile(f"{display}: the page has no visible text; save the page "
                        f"after it has loaded, or copy its text into a .txt file")
    return "html", text, decoded.encoding, decoded.repairs


def _check_shape(shape: tuple, display: str) -> None:
    depth, elements = shape
    for name, value, what in (("html_depth", depth, "elements nested"),
                              ("html_elements", elements, "elements")):
        if value > budget.limit(name):
            raise NestingTooDeep(f"{display}: the page has {value} {what}, over the limit of "
                                 f"{budget.limit(name):g} ({name}); it is not a plan page as "
                                 f"saved by a browser: save it again, or {budget.how_to_raise(name)}")


def _read_docx(data: bytes, display: str):
    import io
    import docx
    from .docx import document_lines
    if not data.startswith(bytes.fromhex("504b0304")):
        _not_a(data, display, "docx", "a Word document")
    _check_package(data, display)
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as err:  # zip, XML and package errors all mean a damaged file
        raise CorruptDocument(f"{display}: the .docx file is damaged or incomplete "
                              f"({type(err).__name__}); open it in Word or WPS and save it "
                              f"again, or re-export it") from err
    lines = document_lines(document)
    return "text", "\n".join(lines), None, ()


def _check_package(data: bytes, display: str) -> None:
    """What the zip directory says, before anything is unpacked: the kind of
    package, and how large its XML parts inflate (a zip bomb is refused here)."""
    import io
    import zipfile
    try:
        members = zipfile.ZipFile(io.BytesIO(data)).infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return  # python-docx reports the damage
    names = {m.filename for m in members}
    for kind in settings()["zip_kinds"]:
        if kind["member"] in names and "word/document.xml" not in names:
            raise MislabeledFile(f"{display}: this is {kind['what']}, not a Word document; "
                                 f"{kind['fix']}")
    inflated = sum(m.file_size for m in members if m.filename.lower().endswith((".xml", ".rels")))
    limit = budget.limit("docx_xml_megabytes") * 1024 * 1024
    if inflated > limit:
        raise FileTooLarge(f"{display}: the document's XML parts unpack to "
                           f"{inflated / 1048576:.0f} MB, over the {limit / 1048576:g} MB limit "
                           f"(docx_xml_megabytes; a zip bomb, or a document too large to read); "
                           f"split it, or {budget.how_to_raise('docx_xml_megabytes')}")


def _read_pdf(data: bytes, display: str):
    from .pdf import pdf_pages, PdfProblem
    if b"%PDF" not in data[:1024]:
        _not_a(data, display, "pdf", "a PDF document")
    try:
        pages = pdf_pages(data, int(budget.limit("pdf_pages")))
    except PdfProblem as err:
        raise {"encrypted": EncryptedDocument, "corrupt": CorruptDocument,
               "no_text": NoTextLayer, "garbled": GarbledTextLayer,
               "empty": EmptyFile, "too_large": FileTooLarge}[err.kind](f"{display}: {err}") from err
    return "pdf", "\n".join(pages), None, ()


READERS = {"text": _read_text, "html": _read_html, "docx": _read_docx, "pdf": _read_pdf}

# pypdf reports recoverable damage through logging; the text is still used.
logging.getLogger("pypdf").setLevel(logging.ERROR)
