"""Faults while writing: a run killed at any point, two runs into one folder.

A killed run must leave either the previous set of tables or the new one,
never a mix, and the next run must leave no stray files. Each fault runs the
pipeline in a forked child (warm, so the test stays quick) that kills itself
with SIGKILL at a named point of the write path.
"""
import os
import signal
import subprocess
import sys

import pandas as pd
import pytest

from extract import cli, pipeline, write
from extract.write import output
from tests.conftest import CORPUS, ROOT

PLAN = "某某县创建文明县城工作方案\n一、工作目标\n（一）总体目标\n到2012年建成文明县城。\n二、保障措施\n"
POINTS = ["locked", "streaming", "staged", "linked", "swapped"]
# (point, whether the previous set is plain files of an older layout, adopted before the swap)
FAULTS = [(p, False) for p in POINTS] + [(p, True) for p in ("streaming", "adopting", "linked", "swapped")]


def _tables(out):
    return {name: pd.read_parquet(out / f"{name}.parquet") for name in write.SCHEMAS}


def _same(a, b):
    return all(a[n].equals(b[n]) for n in a)


@pytest.fixture(scope="module")
def sets(tmp_path_factory):
    """The previous set (one small plan) and the new set (the corpus), each run once."""
    base = tmp_path_factory.mktemp("sets")
    (base / "small").mkdir()
    (base / "small" / "plan.txt").write_text(PLAN, encoding="utf-8")
    pipeline.run_to([str(base / "small")], base / "old")
    pipeline.run_to([str(CORPUS)], base / "new")
    return base, _tables(base / "old"), _tables(base / "new")


def _child(out, given, fault=None, wait=False) -> int:
    """Fork a run into ``out``; return the child's pid."""
    pid = os.fork()
    if pid == 0:                          # the child: run, and die at the fault if one is set
        try:
            if fault:
                os.environ["PLAN_EXTRACT_FAULT"] = fault
            pipeline.run_to(given, out, wait=wait)
            os._exit(0)
        except BaseException:
            os._exit(3)
    return pid


def _previous_output(base, out, plain: bool):
    """``out`` holding the previous set: published by a run, or as plain files of an older layout."""
    if plain:
        out.mkdir()
        for name in write.SCHEMAS:
            (out / f"{name}.parquet").write_bytes((base / "old" / f"{name}.parquet").read_bytes())
        (out / ".nodes.k3j2.tmp").write_bytes(b"left by an older writer")
    else:
        pipeline.run_to([str(base / "small")], out)


def _assert_no_strays(out):
    assert {p.name for p in out.iterdir()} == set(write.published_names()) | {output.STATE}
    state = out / output.STATE
    assert {p.name for p in state.iterdir()} == {"lock", output.CURRENT, os.readlink(state / output.CURRENT)}


@pytest.mark.parametrize("point, plain", FAULTS, ids=[f"{p}-{'plain' if q else 'published'}" for p, q in FAULTS])
def test_a_killed_run_leaves_the_previous_set_or_the_new_one(sets, tmp_path, point, plain):
    base, old, new = sets
    out = tmp_path / "out"
    _previous_output(base, out, plain)
    pid = _child(out, [str(CORPUS)], fault=point)
    _, status = os.waitpid(pid, 0)
    assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL
    after = _tables(out)
    expected = new if point == "swapped" else old
    assert _same(after, expected), f"killed at {point}: not the {'new' if point == 'swapped' else 'previous'} set"
    pipeline.run_to([str(CORPUS)], out)
    assert _same(_tables(out), new)
    _assert_no_strays(out)


def test_a_real_run_killed_mid_write_leaves_the_previous_set(sets, tmp_path):
    base, old, new = sets
    out = tmp_path / "out"
    _previous_output(base, out, plain=False)
    env = dict(os.environ, PLAN_EXTRACT_FAULT="streaming")
    done = subprocess.run([sys.executable, "-m", "extract", "run", str(CORPUS), "--out", str(out), "--quiet"],
                          cwd=ROOT, env=env, timeout=120)
    assert done.returncode == -signal.SIGKILL
    assert _same(_tables(out), old)


def test_a_second_run_into_a_busy_folder_stops_with_a_clear_message(tmp_path, capsys):
    (tmp_path / "plan.txt").write_text(PLAN, encoding="utf-8")
    with output.OutputFolder(tmp_path / "out").locked():
        code = cli.main(["run", str(tmp_path / "plan.txt"), "--out", str(tmp_path / "out"), "--quiet"])
    assert code == 2
    err = capsys.readouterr().err
    assert "another plan-extract run" in err and "--wait" in err and "Traceback" not in err
    assert not (tmp_path / "out" / "documents.parquet").exists()


def test_two_runs_into_one_folder_leave_one_whole_set(sets, tmp_path):
    base, old, new = sets
    out = tmp_path / "out"
    first = _child(out, [str(CORPUS)], wait=True)
    second = _child(out, [str(base / "small")], wait=True)
    for pid in (first, second):
        assert os.waitpid(pid, 0)[1] == 0
    after = _tables(out)
    assert _same(after, old) or _same(after, new)
    _assert_no_strays(out)
