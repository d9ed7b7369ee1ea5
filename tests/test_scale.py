"""Runs at scale: duplicates, names, order, incremental runs, a Dask cluster."""
import json
import shutil

import pandas as pd
import pyarrow.parquet as pq
import pytest

from extract import cli, executors, pipeline, write
from extract.write import manifest
from tests.conftest import CORPUS

PLAN = "{city}创建文明城市工作方案\n一、工作目标\n（一）总体目标\n到2012年建成{city}文明城市。\n二、保障措施\n"


def _tables(out):
    return {name: pd.read_parquet(out / f"{name}.parquet") for name in write.SCHEMAS}


def _assert_same(a, b):
    for name in write.SCHEMAS:
        pd.testing.assert_frame_equal(a[name], b[name], obj=name)


@pytest.fixture
def corpus_copy(tmp_path):
    folder = tmp_path / "corpus"
    shutil.copytree(CORPUS, folder, ignore=shutil.ignore_patterns("gold"))
    return folder


@pytest.fixture(scope="module")
def local_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("local") / "out"
    pipeline.run_to([str(CORPUS)], out)
    return _tables(out)


def test_same_bytes_twice_give_one_set_of_rows_and_a_duplicates_row(tmp_path):
    for folder, city in (("2021", "洪湖市"), ("2022", "洪湖市"), ("2023", "监利市")):
        (tmp_path / "in" / folder).mkdir(parents=True)
        (tmp_path / "in" / folder / "plan.txt").write_text(PLAN.format(city=city), encoding="utf-8")
    given = [str(tmp_path / "in" / f) for f in ("2021", "2022", "2023")]
    assert cli.main(["run", *given, "--out", str(tmp_path / "out"), "--quiet"]) == 0
    tables = _tables(tmp_path / "out")
    docs = tables["documents"]
    assert docs["source_path"].tolist() == ["2021/plan.txt", "2023/plan.txt"]
    assert docs["doc_id"].is_unique
    dup = tables["duplicates"]
    assert dup[["source_path", "same_as", "reason"]].values.tolist() == [["2022/plan.txt", "2021/plan.txt", "same_bytes"]]
    run = json.loads((tmp_path / "out" / "run.json").read_text(encoding="utf-8"))
    assert [i["status"] for i in run["inputs"]] == ["read", "read", "duplicate"]


def test_the_same_file_named_twice_is_read_once(tmp_path):
    (tmp_path / "plan.txt").write_text(PLAN.format(city="洪湖市"), encoding="utf-8")
    pipeline.run_to([str(tmp_path), str(tmp_path / "plan.txt")], tmp_path / "out")
    tables = _tables(tmp_path / "out")
    assert len(tables["documents"]) == 1
    assert tables["duplicates"]["reason"].tolist() == ["same_file"]


def test_tables_do_not_depend_on_the_order_of_the_inputs(tmp_path):
    for name, city in (("b.txt", "洪湖市"), ("a.txt", "监利市")):
        (tmp_path / name).write_text(PLAN.format(city=city), encoding="utf-8")
    (tmp_path / "c.txt").write_bytes((tmp_path / "a.txt").read_bytes())
    names = [str(tmp_path / n) for n in ("a.txt", "b.txt", "c.txt")]
    pipeline.run_to(names, tmp_path / "one")
    pipeline.run_to(names[::-1], tmp_path / "two")
    _assert_same(_tables(tmp_path / "one"), _tables(tmp_path / "two"))


def test_an_incremental_run_equals_a_full_run(corpus_copy, tmp_path):
    out = tmp_path / "out"
    pipeline.run_to([str(corpus_copy)], out)
    changed = sorted(corpus_copy.glob("*.txt"))[2]
    changed.write_text(changed.read_text(encoding="utf-8") + "\n三、组织保障\n由市政府办公室负责协调。\n",
                       encoding="utf-8")
    (corpus_copy / "extra.txt").write_text(PLAN.format(city="洪湖市"), encoding="utf-8")
    summary = pipeline.run_to([str(corpus_copy)], out, incremental=True)
    pipeline.run_to([str(corpus_copy)], tmp_path / "full")
    _assert_same(_tables(out), _tables(tmp_path / "full"))
    run = json.loads((out / "run.json").read_text(encoding="utf-8"))
    status = {i["path"]: i["status"] for i in run["inputs"]}
    assert status.pop(changed.name) == "read" and status.pop("extra.txt") == "read"
    assert set(status.values()) == {"kept"} and summary.kept == len(status)


def test_changed_rules_make_an_incremental_run_read_everything(corpus_copy, tmp_path, monkeypatch):
    out = tmp_path / "out"
    pipeline.run_to([str(corpus_copy)], out)
    monkeypatch.setattr(manifest, "rules_sha256", lambda: "0" * 64)
    summary = pipeline.run_to([str(corpus_copy)], out, incremental=True)
    assert summary.kept == 0 and summary.files == 5


def test_every_table_names_its_run(tmp_path):
    pipeline.run_to([str(CORPUS)], tmp_path / "out")
    run = json.loads((tmp_path / "out" / "run.json").read_text(encoding="utf-8"))
    assert run["tables"]["documents"] == 7 and len(run["inputs"]) == 5
    assert all(len(i["sha256"]) == 64 and i["size"] > 0 for i in run["inputs"])
    header = json.loads(pq.read_schema(tmp_path / "out" / "nodes.parquet").metadata[b"plan_extract"])
    assert header["inputs"] == 5 and header["rules_sha256"] == run["rules_sha256"]


def test_a_process_pool_gives_the_local_tables(tmp_path, local_run):
    pipeline.run_to([str(CORPUS)], tmp_path / "out", workers=2)
    _assert_same(_tables(tmp_path / "out"), local_run)


def test_a_dask_cluster_gives_the_local_tables(tmp_path, local_run):
    from distributed import LocalCluster
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                      dashboard_address=None) as cluster:
        code = cli.main(["run", str(CORPUS), "--out", str(tmp_path / "out"), "--quiet",
                         "--dask", cluster.scheduler_address])
    assert code == 0
    _assert_same(_tables(tmp_path / "out"), local_run)


def test_an_unreachable_scheduler_is_a_usage_error(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(executors, "CONNECT_TIMEOUT", "1s")
    code = cli.main(["run", str(CORPUS), "--out", str(tmp_path / "out"), "--quiet",
                     "--dask", "tcp://127.0.0.1:9"])
    assert code == 2
    assert "cannot reach the Dask scheduler" in capsys.readouterr().err


def _die_on_two(n):
    if n == 2:
        import os
        os._exit(9)          # a worker killed mid-task (out of memory, say)
    return n * 10


def test_a_task_whose_worker_dies_becomes_its_own_outcome():
    with executors.ProcessPool(2) as pool:
        got = list(pool.ordered(_die_on_two, [1, 2], lambda item, why: ("lost", item)))
    assert got[1] == ("lost", 2) and got[0] in (10, ("lost", 1))
