"""The documented Python API, and the README's example of it run as written."""
import re

import pyarrow as pa
import pytest

from conftest import ROOT
from extract import run_files


def test_run_files_returns_every_table(corpus_tables):
    import pandas as pd
    tables = run_files([str(ROOT / "corpus")])
    for name, frame in tables.items():
        written = pd.read_parquet(corpus_tables / f"{name}.parquet")
        assert list(frame.columns) == list(written.columns)
        assert len(frame) == len(written), name


def test_arrow_tables_and_bad_input(tmp_path):
    plan = tmp_path / "plan.txt"
    plan.write_text("洪湖市节水行动方案\n一、目标\n到2027年，用水总量不超过3亿立方米。\n", encoding="utf-8")
    tables = run_files(plan.as_posix(), as_="arrow")
    assert isinstance(tables["targets"], pa.Table) and tables["targets"].num_rows == 1
    with pytest.raises(FileNotFoundError):
        run_files(str(tmp_path / "missing.txt"))
    with pytest.raises(ValueError):
        run_files(plan.as_posix(), as_="polars")


def test_readme_example_runs(monkeypatch, capsys):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Python API", 1)[1]
    code, shown = re.search(r"```python\n(.*?)```\s*```text\n(.*?)```", section, re.S).groups()
    monkeypatch.chdir(ROOT)
    exec(compile(code, "README.md", "exec"), {})
    printed = capsys.readouterr().out
    assert [line.rstrip() for line in printed.splitlines()] == shown.rstrip("\n").splitlines()
