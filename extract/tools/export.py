"""``plan-extract export``: the tables for people who work in a spreadsheet.

One sheet (or CSV file) per table; every fact row carries its plan's title and
place and its outline node's label and title, so a sheet reads on its own.
Dates are real Excel dates, the header names columns in words, the header row
is frozen and filtered. Cells are kept within Excel's limits so that Excel,
WPS and LibreOffice open the workbook without a repair warning.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd

from . import tables as tbl

EXCEL_CELL_LIMIT = 32767           # characters in one cell; longer text makes Excel repair the file
SHEETS = ("documents", "nodes", "responsibilities", "people", "targets", "dates", "phases", "errors")
HEADERS = {
    "doc_id": "Plan id", "source_path": "Source file", "part": "Part in file", "title": "Title",
    "city": "City", "province": "Province", "issue_date": "Issue date", "text_chars": "Text length",
    "node_id": "Node id", "parent_id": "Parent node id", "level": "Level", "label": "Label",
    "char_start": "Start offset", "char_end": "End offset", "text": "Text as written",
    "style": "Numbering style", "number": "Number", "inline": "Inline item",
    "unit": "Unit", "unit_raw": "Unit as written", "role": "Role", "unit_norm": "Unit (normalised)",
    "unit_kind": "Unit kind", "rule_id": "Rule", "name": "Name", "indicator": "Indicator",
    "comparator": "Comparator", "value": "Value", "per": "Per", "baseline": "Baseline",
    "value_max": "Value (upper)", "indicator_norm": "Indicator (normalised)", "kind": "Kind",
    "start": "Start", "end": "End", "period": "Period", "ordinal": "Ordinal",
    "plan_title": "Plan title", "node_label": "Node label", "node_title": "Node title",
    "error": "Error", "message": "Message",
}


def sheets_from(out_dir) -> dict:
    """The tables ready for a sheet: plan and node context joined onto facts,
    the documents' full text replaced by its length (it overflows a cell)."""
    t = tbl.load(out_dir, SHEETS)
    docs = t["documents"]
    plan_cols = docs[["doc_id", "title", "city", "province"]].rename(columns={"title": "plan_title"})
    node_cols = t["nodes"][["node_id", "label", "title"]].rename(
        columns={"label": "node_label", "title": "node_title"})
    out = {"documents": docs.drop(columns=["text"]).assign(text_chars=docs["text"].str.len())}
    out["nodes"] = t["nodes"].merge(plan_cols, on="doc_id", how="left")
    for name in tbl.FACT_TABLES:
        fact = t[name].merge(plan_cols, on="doc_id", how="left").merge(node_cols, on="node_id", how="left")
        lead = ["doc_id", "plan_title", "city", "province", "node_id", "node_label", "node_title"]
        out[name] = fact[lead + [c for c in t[name].columns if c not in lead]]
    out["errors"] = t["errors"]
    return out


def _cell(value):
    """A value openpyxl writes as the right Excel type, within Excel's limits."""
    if value is None or (isinstance(value, float) and pd.isna(value)) or value is pd.NaT:
        return None
    if isinstance(value, pd.Timestamp):
        return value.to_pydatetime()
    if isinstance(value, str):
        from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
        value = ILLEGAL_CHARACTERS_RE.sub("", value)
        return value if len(value) <= EXCEL_CELL_LIMIT else value[: EXCEL_CELL_LIMIT - 1] + "…"
    if hasattr(value, "item") and not isinstance(value, (dt.date, dt.datetime)):
        return value.item()        # numpy scalar to a plain Python number or bool
    return value


def _column_width(frame: pd.DataFrame, column: str, header: str) -> float:
    from .termtable import cell_width
    sample = [cell_width(str(v)) for v in frame[column].head(200) if v is not None]
    return min(60, max([cell_width(header)] + sample) + 2)


def write_sheet(book, name: str, frame: pd.DataFrame) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    sheet = book.create_sheet(title=name[:31])
    headers = [HEADERS.get(str(c), str(c)) for c in frame.columns]
    sheet.append(headers)
    for row in frame.itertuples(index=False):
        sheet.append([_cell(v) for v in row])
    for i, (column, header) in enumerate(zip(frame.columns, headers), 1):
        letter = get_column_letter(i)
        sheet.column_dimensions[letter].width = _column_width(frame, column, header)
        if frame[column].map(lambda v: isinstance(v, (dt.date, pd.Timestamp))).any():
            for cell in sheet[letter][1:]:
                cell.number_format = "yyyy-mm-dd"
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
        cell.alignment = Alignment(vertical="center")
    sheet.freeze_panes = "A2"
    if len(frame.columns):
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(frame.columns))}{max(1, len(frame) + 1)}"


def write_workbook(sheets: dict, path: Path) -> None:
    """One sheet per frame, written to a temporary file then renamed into place."""
    from openpyxl import Workbook
    book = Workbook()
    book.remove(book.active)
    for name, frame in sheets.items():
        write_sheet(book, name, frame)
    path = Path(path)
    tmp = path.with_name(f".{path.name}.tmp")
    book.save(tmp)
    tmp.replace(path)


def write_csv_folder(sheets: dict, folder: Path) -> list:
    """One UTF-8 CSV per table, with a byte-order mark so Excel reads the Chinese."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, frame in sheets.items():
        target = folder / f"{name}.csv"
        frame.rename(columns=HEADERS).to_csv(target, index=False, encoding="utf-8-sig")
        written.append(target)
    return written


def export(out_dir, target) -> list:
    """Export to target: a .xlsx workbook, or a folder of CSV files (a path
    without an extension, or ending in .csv/ as a folder name)."""
    target = Path(target)
    sheets = sheets_from(out_dir)
    if target.suffix.lower() == ".xlsx":
        target.parent.mkdir(parents=True, exist_ok=True)
        write_workbook(sheets, target)
        return [target]
    return write_csv_folder(sheets, target)
