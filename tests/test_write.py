"""The writer: schemas against record types, row groups, the output folder's one-step publish."""
import dataclasses
import json
import os
import stat

import pandas as pd
import pyarrow.parquet as pq
import pytest

from extract import write
from extract.records import ErrorRow, Plan
from extract.write import output
from extract.write.reuse import PreviousRows
from extract.write.stream import TableWriter


@pytest.mark.parametrize("spec", write.TABLES, ids=lambda s: s.name)
def test_every_record_field_is_a_column_or_declared_internal(spec):
    fields = [f.name for f in dataclasses.fields(spec.record)]
    columns = spec.schema.names
    assert set(columns) <= set(fields), f"columns with no record field: {set(columns) - set(fields)}"
    assert set(fields) - set(columns) == set(spec.internal)


def test_to_table_reads_columns_off_records_and_dicts():
    plan = Plan("d-1", "a.txt", 1, "方案", "洪湖市", None, None, "正文", title_start=0)
    table = write.to_table("documents", [plan])
    assert table.schema == write.SCHEMAS["documents"]
    assert table.to_pylist()[0]["city"] == "洪湖市" and "title_start" not in table.column_names
    rows = write.to_table("errors", [{"source_path": "x", "error": "E", "message": "m"}])
    assert rows.to_pylist() == [{"source_path": "x", "error": "E", "message": "m"}]


def test_rows_are_written_in_row_groups_as_they_come(tmp_path):
    path = tmp_path / "errors.parquet"
    writer = TableWriter(path, write.SCHEMAS["errors"], rows=10)
    for i in range(25):
        writer.add(write.to_table("errors", [ErrorRow(f"f{i}", "E", "m")]))
    writer.close()
    meta = pq.ParquetFile(path).metadata
    assert [meta.row_group(i).num_rows for i in range(meta.num_row_groups)] == [10, 10, 5]
    assert pq.read_table(path).column("source_path").to_pylist() == [f"f{i}" for i in range(25)]


def _published(out):
    return {p.name for p in out.iterdir()}


def test_a_set_is_published_as_links_to_one_generation(tmp_path):
    out = tmp_path / "out"
    write.write_all(out, {"errors": [ErrorRow("a.txt", "E", "first")]})
    first = os.readlink(out / output.STATE / output.CURRENT)
    write.write_all(out, {"errors": [ErrorRow("b.txt", "E", "second")]})
    assert _published(out) == set(write.published_names()) | {output.STATE}
    assert all((out / n).is_symlink() for n in write.published_names())
    state = {p.name for p in (out / output.STATE).iterdir()}
    current = os.readlink(out / output.STATE / output.CURRENT)
    assert current != first and state == {"lock", output.CURRENT, current}
    assert pd.read_parquet(out / "errors.parquet")["message"].tolist() == ["second"]


def test_tables_of_an_earlier_plain_file_layout_are_adopted(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    pq.write_table(write.to_table("errors", [ErrorRow("old.txt", "E", "old")]), out / "errors.parquet")
    (out / ".nodes.x1y2.tmp").write_bytes(b"left by a killed run")
    write.write_all(out, {"errors": [ErrorRow("new.txt", "E", "new")]})
    assert (out / "errors.parquet").is_symlink()
    assert pd.read_parquet(out / "errors.parquet")["message"].tolist() == ["new"]
    assert _published(out) == set(write.published_names()) | {output.STATE}


def test_files_follow_the_umask(tmp_path):
    old = os.umask(0o022)
    try:
        write.write_all(tmp_path / "out", {})
    finally:
        os.umask(old)
    for name in write.published_names():
        mode = stat.S_IMODE(os.stat(tmp_path / "out" / name).st_mode)
        assert mode == 0o644, (name, oct(mode))


def test_a_second_run_stops_while_the_first_holds_the_lock(tmp_path):
    folder = output.OutputFolder(tmp_path / "out")
    with folder.locked():
        with pytest.raises(output.Busy, match="another plan-extract run .*pid %d" % os.getpid()):
            output.OutputFolder(tmp_path / "out").locked().__enter__()
    with output.OutputFolder(tmp_path / "out").locked():   # released: the next run gets it
        pass


@pytest.mark.parametrize("where, expected", [("out", "is a file"), ("out/sub", "cannot write into")])
def test_an_unusable_output_folder_is_refused_before_anything_is_read(tmp_path, where, expected):
    (tmp_path / "out").write_text("x")
    with pytest.raises(output.OutputError, match=expected):
        output.OutputFolder(tmp_path / where).check()


def test_stale_staging_folders_and_sets_are_removed_under_the_lock(tmp_path):
    out = tmp_path / "out"
    write.write_all(out, {})
    state = out / output.STATE
    (state / "staging-dead-1").mkdir()
    (state / "staging-dead-1" / "nodes.parquet").write_bytes(b"half")
    (state / "gen-unpublished-2").mkdir()
    (out / ".documents.parquet.99.link").symlink_to("nowhere")
    write.write_all(out, {})
    assert {p.name for p in state.iterdir()} == {"lock", output.CURRENT, os.readlink(state / output.CURRENT)}
    assert _published(out) == set(write.published_names()) | {output.STATE}


def test_previous_rows_are_taken_front_to_back_across_batches(tmp_path):
    rows = [ErrorRow(f"f{i}", "E", "m" * (i % 7)) for i in range(20000)]
    pq.write_table(write.to_table("errors", rows), tmp_path / "errors.parquet", row_group_size=3000)
    previous = PreviousRows(tmp_path, write.SCHEMAS)
    picked = [(10, 5), (8190, 10), (9000, 7000), (19999, 1)]
    for first, count in picked:
        got = previous.take("errors", first, count).column("source_path").to_pylist()
        assert got == [f"f{i}" for i in range(first, first + count)]
    again = previous.take("errors", 0, 2).column("source_path").to_pylist()   # backwards: re-read
    assert again == ["f0", "f1"]


def test_every_table_carries_the_run_header(tmp_path):
    write.write_all(tmp_path / "out", {})
    run = json.loads((tmp_path / "out" / "run.json").read_text(encoding="utf-8"))
    assert run["tool"] == "plan-extract" and len(run["rules_sha256"]) == 64
    for name in write.SCHEMAS:
        meta = pq.read_schema(tmp_path / "out" / f"{name}.parquet").metadata
        header = json.loads(meta[b"plan_extract"])
        assert header["rules_sha256"] == run["rules_sha256"] and header["inputs"] == 0
