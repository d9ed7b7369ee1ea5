"""Faults one at a time: limits, the folder walk, the output folder, Ctrl-C, a closed pipe."""
import importlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from extract import cli, ingest, pipeline
from extract.ingest import budget
from tests.conftest import CORPUS, ROOT
from tests.hostile import generate

PLAN = generate.PLAN
walk = importlib.import_module("extract.ingest.discover")  # the module, not the function


def _write(folder, name, text=PLAN):
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _errors(results):
    return [(e.source_path, e.error) for r in results for e in r.errors]


# --- limits ---------------------------------------------------------------------------
def test_time_budget_stops_a_file_that_never_finishes(tmp_path, monkeypatch):
    def forever(plan):
        while True:
            try:
                time.sleep(0.05)
            except Exception:  # a stage's broad except must not swallow the budget
                pass
    monkeypatch.setenv(budget.ENV, "seconds_per_file=0.3")
    monkeypatch.setattr(pipeline.outline, "parse", forever)
    result = pipeline.process_file(_write(tmp_path, "slow.txt"), "slow.txt")
    assert [(e.error, "seconds_per_file" in e.message) for e in result.errors] == [
        ("TimeBudgetExceeded", True)]
    assert result.extractions == []


def test_time_budget_leaves_no_timer_behind(tmp_path):
    pipeline.process_file(_write(tmp_path, "plan.txt"), "plan.txt")
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    assert signal.getsignal(signal.SIGALRM) in (signal.SIG_DFL, None)


def test_zip_bomb_is_refused_from_the_directory_before_unpacking(tmp_path, monkeypatch):
    import docx
    path = tmp_path / "bomb.docx"
    path.write_bytes(generate.zip_bomb(100))
    monkeypatch.setattr(docx, "Document", lambda *a: pytest.fail("the bomb was unpacked"))
    with pytest.raises(ingest.read.FileTooLarge, match="docx_xml_megabytes=N"):
        ingest.read_source(path, "bomb.docx")


def test_a_raised_limit_lets_the_file_through(tmp_path, monkeypatch):
    import docx
    path = tmp_path / "bomb.docx"
    path.write_bytes(generate.zip_bomb(100))
    monkeypatch.setenv(budget.ENV, budget.parse_overrides(["docx_xml_megabytes=200"]))

    def reached(*_args):
        raise RuntimeError("reached the reader")
    monkeypatch.setattr(docx, "Document", reached)
    with pytest.raises(ingest.read.CorruptDocument, match="RuntimeError"):
        ingest.read_source(path, "bomb.docx")


def test_deep_page_is_refused_before_parsing(tmp_path):
    path = tmp_path / "deep.html"
    path.write_text(generate.deep_html(100_000), encoding="utf-8")
    with pytest.raises(ingest.read.NestingTooDeep, match="html_depth"):
        ingest.read_source(path, "deep.html")


def test_a_page_of_unclosed_paragraphs_is_shallow():
    from extract.ingest.html import markup_shape
    assert markup_shape("<html><body>" + "<p>一、工作目标<br>" * 5000 + "</body></html>")[0] == 2


@pytest.mark.parametrize("items,problem", [
    (["nonsense=3"], "unknown limit 'nonsense'"),
    (["seconds_per_file=soon"], "must be a number"),
    (["html_depth=0"], "above 0"),
])
def test_bad_limit_is_a_usage_error(tmp_path, capsys, items, problem):
    _write(tmp_path, "in/plan.txt")
    argv = ["run", str(tmp_path / "in"), "--out", str(tmp_path / "out")]
    assert cli.main(argv + [f"--limit={i}" for i in items]) == 2
    assert problem in capsys.readouterr().err


# --- the folder walk ------------------------------------------------------------------
def test_unreadable_folder_is_a_row(tmp_path, monkeypatch):
    _write(tmp_path, "a/plan.txt")
    _write(tmp_path, "locked/plan.txt")
    real = os.scandir

    def scandir(path):
        if os.path.basename(path) == "locked":
            raise PermissionError(13, "Permission denied")
        return real(path)
    monkeypatch.setattr(walk.os, "scandir", scandir)
    results = pipeline.run([str(tmp_path)])
    assert _errors(results) == [("locked", "UnreadableFolder")]
    assert "chmod" in results[1].errors[0].message
    assert [r.path for r in results if r.extractions] == ["a/plan.txt"]


def test_folder_without_permissions(tmp_path):
    """Root reads a folder without permission bits; anyone else gets a row for it."""
    _write(tmp_path, "locked/plan.txt")
    (tmp_path / "locked").chmod(0)
    try:
        results = pipeline.run([str(tmp_path)])
    finally:
        (tmp_path / "locked").chmod(0o755)
    if os.geteuid() == 0:
        assert [r.path for r in results if r.extractions] == ["locked/plan.txt"]
    else:
        assert _errors(results) == [("locked", "UnreadableFolder")]


def test_walk_order_and_names_are_those_of_the_sorted_tree(tmp_path):
    for name in ("b.txt", "a/z.txt", "a-c.txt", "a/b/c.txt"):
        _write(tmp_path, name)
    assert [d for _, d in pipeline.discover([str(tmp_path)])] == [
        "a/b/c.txt", "a/z.txt", "a-c.txt", "b.txt"]


def test_fifo_named_on_the_command_line_does_not_block(tmp_path):
    os.mkfifo(tmp_path / "plan.txt")
    done = subprocess.run([sys.executable, "-m", "extract", "run", str(tmp_path / "plan.txt"),
                           "--out", str(tmp_path / "out"), "--quiet"],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 1
    errors = pd.read_parquet(tmp_path / "out" / "errors.parquet")
    assert list(errors["error"]) == ["SpecialFile"]


# --- the output folder ----------------------------------------------------------------
def test_out_that_is_a_file_is_refused_before_reading(tmp_path, capsys, monkeypatch):
    (tmp_path / "out").write_text("x")
    monkeypatch.setattr(pipeline.inputs, "plan", lambda *a: pytest.fail("inputs were read"))
    assert cli.main(["run", str(CORPUS), "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert "is a file, not a folder" in err and "Traceback" not in err
    assert cli.main(["run", str(CORPUS), "--out", str(tmp_path / "out" / "sub")]) == 2
    assert "cannot write into" in capsys.readouterr().err


def test_out_that_cannot_be_written_is_refused_before_reading(tmp_path, capsys, monkeypatch):
    from extract.write import output
    monkeypatch.setattr(output.os, "access", lambda *a: False)
    monkeypatch.setattr(pipeline.inputs, "plan", lambda *a: pytest.fail("inputs were read"))
    assert cli.main(["run", str(CORPUS), "--out", str(tmp_path / "new" / "out")]) == 2
    assert "cannot write into" in capsys.readouterr().err


# --- interruptions --------------------------------------------------------------------
def test_ctrl_c_is_one_line_and_exit_130(tmp_path, capsys, monkeypatch):
    def interrupted(*_a, **_k):
        raise KeyboardInterrupt
    monkeypatch.setattr(pipeline, "run_to", interrupted)
    assert cli.main(["run", str(CORPUS), "--out", str(tmp_path / "out"), "--quiet"]) == 130
    err = capsys.readouterr().err.strip()
    assert err.splitlines() == [f"plan-extract: interrupted; the tables in {tmp_path / 'out'} "
                                f"were left as they were"]


def _many_distinct_plans(folder: Path, copies: int) -> Path:
    """Copies of the corpus that differ by a last line, so none is a duplicate of another."""
    folder.mkdir()
    sources = sorted(p for p in CORPUS.glob("*.txt"))
    for i in range(copies):
        src = sources[i % len(sources)]
        text = src.read_text(encoding="utf-8") + f"\n（copy {i}）\n"
        (folder / f"{i:04d}-{src.name}").write_text(text, encoding="utf-8")
    return folder


def test_ctrl_c_with_workers_leaves_the_previous_tables(tmp_path, corpus_tables):
    out = tmp_path / "out"
    out.mkdir()
    for table in corpus_tables.glob("*.parquet"):
        (out / table.name).write_bytes(table.read_bytes())
    before = {p.name: p.read_bytes() for p in out.glob("*.parquet")}
    plans = _many_distinct_plans(tmp_path / "plans", 150)   # far more work than the wait below
    proc = subprocess.Popen([sys.executable, "-m", "extract", "run", str(plans),
                             "--out", str(out), "--workers", "2", "--quiet"],
                            cwd=ROOT, stderr=subprocess.PIPE, text=True, start_new_session=True,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    # interrupt once the run is under way (its staging folder exists), however fast the machine
    deadline = time.monotonic() + 60
    while not list((out / ".plan-extract").glob("staging-*")) and time.monotonic() < deadline:
        assert proc.poll() is None, proc.communicate()[1]
        time.sleep(0.05)
    time.sleep(0.5)
    os.killpg(proc.pid, signal.SIGINT)  # as a terminal does: the whole process group
    err = proc.communicate(timeout=120)[1]
    assert proc.returncode == 130, err
    assert "Traceback" not in err and err.strip().endswith("were left as they were")
    assert {p.name: p.read_bytes() for p in out.glob("*.parquet")} == before


def test_a_closed_pipe_ends_quietly(capfd, monkeypatch):
    def closed(_args):
        raise BrokenPipeError(32, "Broken pipe")
    monkeypatch.setattr(cli, "cmd_eval", closed)
    assert cli.main(["eval", "--gold", "g", "--out", "o"]) == 141
    assert "Traceback" not in capfd.readouterr().err
