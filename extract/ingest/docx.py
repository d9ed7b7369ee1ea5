"""Text of a .docx in reading order: one line per paragraph, one per table row.

The body XML is walked in order so that tables stay where they are. A table
row becomes one line with its cells joined by TAB; a merged cell appears
once (a vertically merged continuation cell is an empty field, keeping the
columns aligned). A row with a single cell is layout, not data: its content
is laid out as lines. Tracked insertions count, deletions do not; text
boxes and field codes are skipped (their text is not part of the flow).
"""
from __future__ import annotations

from typing import Iterator

from docx.oxml.ns import qn

from .docxnum import Numbering

P, TBL, TR, TC, SDT, SDT_CONTENT = (qn(t) for t in (
    "w:p", "w:tbl", "w:tr", "w:tc", "w:sdt", "w:sdtContent"))
T, TAB, BR, CR, NB_HYPHEN = (qn(t) for t in ("w:t", "w:tab", "w:br", "w:cr", "w:noBreakHyphen"))
# Not part of the reading flow: text boxes (and their fallback copies),
# paragraph properties, deleted runs, field instructions, footnote marks.
BR_TYPE = qn("w:type")
SKIP = {qn(t) for t in ("w:txbxContent", "w:pPr", "w:rPr", "w:del", "w:instrText",
                        "w:delText", "w:footnoteReference", "w:endnoteReference")}
SKIP.add("{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback")


def document_lines(document) -> list:
    """All lines of a python-docx ``Document``'s body."""
    numbering = Numbering.of(document)
    return list(_block_lines(document.element.body, numbering))


def _block_lines(container, numbering) -> Iterator[str]:
    for child in container.iterchildren():
        if child.tag == P:
            yield numbering.label(child) + paragraph_text(child)
        elif child.tag == TBL:
            yield from _table_lines(child, numbering)
        elif child.tag in (SDT, SDT_CONTENT):
            # content controls wrap ordinary paragraphs and tables
            yield from _block_lines(child if child.tag == SDT_CONTENT else
                                    _sdt_content(child), numbering)


def _sdt_content(sdt):
    content = sdt.find(SDT_CONTENT)
    return content if content is not None else sdt.makeelement(SDT_CONTENT)


def _table_lines(tbl, numbering) -> Iterator[str]:
    for row in _rows(tbl):
        cells = [c for c in row.iterchildren() if c.tag == TC]
        if len(cells) == 1:
            yield from _block_lines(cells[0], numbering)
        elif cells:
            fields = []
            for cell in cells:  # a merged cell once, empty fields keep columns aligned
                fields.append(_cell_text(cell, numbering))
                fields.extend([""] * (_grid_span(cell) - 1))
            if any(fields):
                yield "\t".join(fields).rstrip("\t")


def _grid_span(tc) -> int:
    value = tc.find(f"{qn('w:tcPr')}/{qn('w:gridSpan')}")
    span = value.get(qn("w:val")) if value is not None else None
    return int(span) if span and span.isdigit() and 0 < int(span) < 1000 else 1


def _rows(tbl) -> Iterator:
    for child in tbl.iterchildren():
        if child.tag == TR:
            yield child
        elif child.tag == SDT:
            yield from (r for r in _sdt_content(child).iterchildren() if r.tag == TR)


def _cell_text(tc, numbering) -> str:
    """A cell's lines joined by a space, so that the row stays one line."""
    parts = (line.strip() for line in _block_lines(tc, numbering))
    return " ".join(p.replace("\t", " ").replace("\n", " ") for p in parts if p)


def paragraph_text(p) -> str:
    out: list = []
    _collect(p, out)
    return "".join(out)


def _collect(element, out: list) -> None:
    for child in element.iterchildren():
        tag = child.tag
        if not isinstance(tag, str) or tag in SKIP:
            continue
        if tag == T:
            out.append(child.text or "")
        elif tag == TAB:
            out.append("\t")
        elif tag == CR or (tag == BR and child.get(BR_TYPE) in (None, "textWrapping")):
            out.append("\n")  # page and column breaks are layout, not lines
        elif tag == NB_HYPHEN:
            out.append("-")
        elif tag not in (P, TBL):
            _collect(child, out)
