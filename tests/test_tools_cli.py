"""The tools' command line: help with examples, and one clear message for a bad folder."""
import shutil

import pyarrow.parquet as pq
import pytest

from extract.cli import main

TOOLS = ["compare", "review", "export"]


@pytest.mark.parametrize("command", TOOLS)
def test_help_has_an_example(command, capsys):
    with pytest.raises(SystemExit) as exit_:
        main([command, "--help"])
    assert exit_.value.code == 0
    out = capsys.readouterr().out
    assert "examples:" in out and f"plan-extract {command} output/" in out


def _args(command, folder, tmp_path):
    extra = {"compare": [], "review": ["-o", str(tmp_path / "pages")],
             "export": ["-o", str(tmp_path / "plans.xlsx")]}
    return [command, str(folder), *extra[command]]


@pytest.mark.parametrize("command", TOOLS)
def test_missing_folder(command, tmp_path, capsys):
    assert main(_args(command, tmp_path / "nowhere", tmp_path)) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1
    assert "no output folder" in err and f"plan-extract run INPUT... --out {tmp_path / 'nowhere'}" in err


@pytest.mark.parametrize("command", TOOLS)
def test_partial_folder_names_the_missing_tables(command, corpus_tables, tmp_path, capsys):
    partial = tmp_path / "partial"
    shutil.copytree(corpus_tables, partial)
    (partial / "targets.parquet").unlink()
    (partial / "phases.parquet").unlink()
    assert main(_args(command, partial, tmp_path)) == 2
    err = capsys.readouterr().err
    assert "targets.parquet, phases.parquet" in err and "plan-extract run" in err


@pytest.mark.parametrize("command", TOOLS)
def test_older_folder_names_the_missing_columns(command, corpus_tables, tmp_path, capsys):
    old = tmp_path / "old"
    shutil.copytree(corpus_tables, old)
    table = pq.read_table(old / "dates.parquet")
    pq.write_table(table.drop(["rule_id"]), old / "dates.parquet")
    assert main(_args(command, old, tmp_path)) == 2
    err = capsys.readouterr().err
    assert "older version" in err and "dates.parquet has no rule_id" in err


def test_the_command_line_is_built_without_the_tools_libraries():
    # every `plan-extract run` builds the tools' parsers too: their choices must
    # not import pandas (half a second of each start-up), which only the tools use
    from tests.conftest import fresh_python
    out = fresh_python("import sys", "from extract import cli", "cli.build_parser()",
                       "print('pandas' in sys.modules)")
    assert out == ["False"]

