"""plan-extract export: a workbook an analyst can open, read back with openpyxl."""
import datetime as dt

import openpyxl
import pandas as pd

from extract.cli import main
from extract.tools.export import EXCEL_CELL_LIMIT, SHEETS


def test_workbook_one_sheet_per_table(corpus_tables, tmp_path):
    target = tmp_path / "plans.xlsx"
    assert main(["export", str(corpus_tables), "-o", str(target)]) == 0
    book = openpyxl.load_workbook(target)
    assert book.sheetnames == list(SHEETS)
    for name in SHEETS:
        sheet = book[name]
        rows = len(pd.read_parquet(corpus_tables / f"{name}.parquet"))
        assert sheet.max_row == rows + 1, name
        assert sheet.freeze_panes == "A2"
        assert sheet.auto_filter.ref.startswith("A1:")
        assert all(c.font.bold for c in sheet[1])


def test_facts_carry_node_title_and_dates_are_dates(corpus_tables, tmp_path):
    target = tmp_path / "plans.xlsx"
    assert main(["export", str(corpus_tables), "-o", str(target)]) == 0
    sheet = openpyxl.load_workbook(target)["dates"]
    header = [c.value for c in sheet[1]]
    assert {"Node title", "Node label", "Plan title", "Start", "Text as written", "Rule"} <= set(header)
    nodes = pd.read_parquet(corpus_tables / "nodes.parquet").set_index("node_id")
    dates = pd.read_parquet(corpus_tables / "dates.parquet")
    col = {name: i for i, name in enumerate(header)}
    for row, want in zip(sheet.iter_rows(min_row=2, values_only=True), dates.itertuples()):
        assert row[col["Text as written"]] == want.text
        expected = nodes.loc[want.node_id, "title"] if isinstance(want.node_id, str) else None
        assert row[col["Node title"]] == expected
        if want.start is not None:
            assert isinstance(row[col["Start"]], dt.datetime)
            assert row[col["Start"]].date() == want.start
    start_cell = sheet.cell(row=2, column=col["Start"] + 1)
    assert start_cell.is_date and start_cell.number_format == "yyyy-mm-dd"


def test_cells_stay_within_excel_limits(corpus_tables, tmp_path):
    target = tmp_path / "plans.xlsx"
    assert main(["export", str(corpus_tables), "-o", str(target)]) == 0
    book = openpyxl.load_workbook(target)
    longest = max(len(str(c.value)) for s in book for row in s.iter_rows() for c in row if c.value)
    assert longest <= EXCEL_CELL_LIMIT
    assert "Text as written" not in [c.value for c in book["documents"][1]]


def test_csv_folder(corpus_tables, tmp_path):
    folder = tmp_path / "plans-csv"
    assert main(["export", str(corpus_tables), "-o", str(folder)]) == 0
    assert sorted(p.stem for p in folder.glob("*.csv")) == sorted(SHEETS)
    raw = (folder / "targets.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")          # Excel reads UTF-8 only with the mark
    targets = pd.read_csv(folder / "targets.csv", encoding="utf-8-sig")
    assert len(targets) == len(pd.read_parquet(corpus_tables / "targets.parquet"))
    assert "Node title" in targets.columns


def test_other_extension_is_refused(corpus_tables, tmp_path, capsys):
    assert main(["export", str(corpus_tables), "-o", str(tmp_path / "plans.ods")]) == 2
    assert ".xlsx" in capsys.readouterr().err
