"""The whole pipeline through the CLI: tables, exit codes, determinism, atomic writes."""
import pandas as pd
import pyarrow.parquet as pq
import pytest

from extract import cli
from extract import write
from tests.conftest import CORPUS

TABLES = ["documents", "nodes", "responsibilities", "people", "targets", "dates", "phases", "errors"]
PLAN = "某某县创建文明县城工作方案\n一、工作目标\n（一）总体目标\n到2012年建成文明县城。\n二、保障措施\n"


def run(*argv):
    return cli.main(["run", *map(str, argv)])


def test_run_writes_every_table_with_its_columns(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "plan.txt").write_text(PLAN, encoding="utf-8")
    assert run(tmp_path / "in", "--out", tmp_path / "out", "--quiet") == 0
    for name in TABLES:
        table = pq.read_table(tmp_path / "out" / f"{name}.parquet")
        assert table.schema == write.SCHEMAS[name]
    docs = pd.read_parquet(tmp_path / "out" / "documents.parquet")
    assert docs.loc[0, "source_path"] == "plan.txt" and docs.loc[0, "title"] == "某某县创建文明县城工作方案"
    nodes = pd.read_parquet(tmp_path / "out" / "nodes.parquet")
    assert list(nodes["label"]) == ["一", "（一）", "二"]


def test_bad_file_becomes_an_error_row_and_the_batch_goes_on(tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(PLAN, encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    assert run(folder, "--out", tmp_path / "out") == 1
    errors = pd.read_parquet(tmp_path / "out" / "errors.parquet")
    assert list(errors["source_path"]) == ["empty.txt"]
    assert "empty.txt" in errors.loc[0, "message"]
    assert len(pd.read_parquet(tmp_path / "out" / "documents.parquet")) == 1
    assert "1 errors" in capsys.readouterr().err


def test_usage_errors_exit_2(tmp_path):
    assert run(tmp_path / "missing.txt", "--out", tmp_path / "out") == 2
    with pytest.raises(SystemExit) as exc:
        cli.main(["run"])
    assert exc.value.code == 2
    assert cli.main([]) == 2


def test_folder_walk_skips_documentation(tmp_path):
    (tmp_path / "README.md").write_text("# notes\n", encoding="utf-8")
    (tmp_path / "plan.md").write_text(PLAN, encoding="utf-8")
    assert run(tmp_path, "--out", tmp_path / "out", "--quiet") == 0
    assert list(pd.read_parquet(tmp_path / "out" / "documents.parquet")["source_path"]) == ["plan.md"]


def test_same_tables_for_any_worker_count(tmp_path):
    assert run(CORPUS, "--out", tmp_path / "one", "--quiet", "--workers", "1") == 0
    assert run(CORPUS, "--out", tmp_path / "two", "--quiet", "--workers", "2") == 0
    for name in TABLES:
        one = pd.read_parquet(tmp_path / "one" / f"{name}.parquet")
        two = pd.read_parquet(tmp_path / "two" / f"{name}.parquet")
        pd.testing.assert_frame_equal(one, two)


@pytest.mark.parametrize("table", ["nodes", "responsibilities", "people", "targets", "dates", "phases"])
def test_every_row_is_grounded(corpus_tables, table):
    texts = dict(pd.read_parquet(corpus_tables / "documents.parquet")[["doc_id", "text"]].values)
    rows = pd.read_parquet(corpus_tables / f"{table}.parquet")
    for row in rows.itertuples():
        assert texts[row.doc_id][row.char_start:row.char_end] == row.text


def test_node_links_are_consistent(corpus_tables):
    nodes = pd.read_parquet(corpus_tables / "nodes.parquet")
    assert nodes["node_id"].is_unique
    assert nodes["parent_id"].dropna().isin(set(nodes["node_id"])).all()
    for table in ["responsibilities", "people", "targets", "dates", "phases"]:
        rows = pd.read_parquet(corpus_tables / f"{table}.parquet")
        assert rows["node_id"].dropna().isin(set(nodes["node_id"])).all(), table


def test_tables_read_with_duckdb_and_polars(corpus_tables):
    import duckdb
    import polars as pl
    path = str(corpus_tables / "nodes.parquet")
    count = duckdb.sql(f"select count(*) from read_parquet('{path}')").fetchall()[0][0]
    assert count == pl.read_parquet(path).height == len(pd.read_parquet(path)) > 0
    docs = pl.read_parquet(str(corpus_tables / "documents.parquet"))
    assert docs.schema["issue_date"] == pl.Date


def test_folder_walk_reports_unreadable_document_formats(tmp_path):
    (tmp_path / "plan.txt").write_text(PLAN, encoding="utf-8")
    (tmp_path / "old.doc").write_bytes(bytes.fromhex("d0cf11e0a1b11ae1") + b"\0" * 64)
    (tmp_path / "data.csv").write_text("a,b\n", encoding="utf-8")
    assert run(tmp_path, "--out", tmp_path / "out", "--quiet") == 1
    errors = pd.read_parquet(tmp_path / "out" / "errors.parquet")
    assert list(errors["source_path"]) == ["old.doc"]
    assert ".docx" in errors.loc[0, "message"]
