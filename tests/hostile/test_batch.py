"""The hostile corpus in one batch with the good corpus, through the command line."""
import shutil
import subprocess
import sys

import pandas as pd
import pytest

from tests.conftest import CORPUS, ROOT
from tests.hostile import generate

GOOD = sorted(p for p in CORPUS.iterdir() if p.is_file() and p.suffix == ".txt")
TABLES = ["documents", "nodes", "responsibilities", "people", "targets", "dates", "phases"]


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    """(expected, hostile folder, output folder, exit status) of one run over both corpora.

    Both folders sit side by side, so that names are relative to their common
    root: good/<file> and hostile/<file>.
    """
    base = tmp_path_factory.mktemp("hostile")
    (base / "good").mkdir()
    for plan in GOOD:
        shutil.copy(plan, base / "good" / plan.name)
    expected = {f"hostile/{name}": code for name, code in generate.build(base / "hostile").items()}
    out = base / "out"
    done = subprocess.run([sys.executable, "-m", "extract", "run", str(base / "good"),
                           str(base / "hostile"), "--out", str(out), "--quiet",
                           "--limit", "seconds_per_file=120"],
                          cwd=ROOT, capture_output=True, text=True, timeout=600)
    return expected, base / "hostile", out, done


def test_exit_1_and_one_error_row_per_bad_file(batch):
    expected, _, out, done = batch
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    errors = pd.read_parquet(out / "errors.parquet")
    bad = {path: code for path, code in expected.items() if code}
    assert dict(zip(errors["source_path"], errors["error"])) == bad
    assert len(errors) == len(bad)
    assert all(errors["message"].str.len() > 0)


def test_nothing_is_dropped_silently(batch):
    expected, folder, out, _ = batch
    read = set(pd.read_parquet(out / "documents.parquet")["source_path"])
    refused = set(pd.read_parquet(out / "errors.parquet")["source_path"])
    good = {f"good/{p.name}" for p in GOOD}
    assert good <= read
    assert {p for p, code in expected.items() if code is None} <= read
    assert read | refused == good | set(expected)


def test_good_rows_are_those_of_a_good_only_run(batch, corpus_tables):
    _, _, out, _ = batch
    good_docs = set(pd.read_parquet(corpus_tables / "documents.parquet")["doc_id"])
    for name in TABLES:
        alone = pd.read_parquet(corpus_tables / f"{name}.parquet")
        mixed = pd.read_parquet(out / f"{name}.parquet")
        mixed = mixed[mixed["doc_id"].isin(good_docs)].reset_index(drop=True)
        if "source_path" in mixed:  # named from the common root of both folders
            mixed["source_path"] = mixed["source_path"].str.removeprefix("good/")
        pd.testing.assert_frame_equal(mixed, alone, check_dtype=True)


def _doc(out, path):
    docs = pd.read_parquet(out / "documents.parquet")
    return docs[docs["source_path"] == path].iloc[0]


def test_a_one_line_text_is_not_emptied(batch):
    _, folder, out, _ = batch
    written = (folder / "one_line.txt").read_text(encoding="utf-8")
    assert len(_doc(out, "hostile/one_line.txt")["text"]) >= 0.95 * len(written)


def test_a_footer_marker_mid_file_cuts_nothing_and_says_so(batch):
    _, folder, out, _ = batch
    written = (folder / "long_with_footers.txt").read_text(encoding="utf-8")
    assert len(_doc(out, "hostile/long_with_footers.txt")["text"]) >= len(written) - 10
    warnings = pd.read_parquet(out / "warnings.parquet")
    assert list(warnings[["source_path", "warning"]].itertuples(index=False, name=None)) == [
        ("hostile/long_with_footers.txt", "FooterKept")]


def test_control_characters_are_removed(batch):
    _, _, out, _ = batch
    text = _doc(out, "hostile/controls.txt")["text"]
    assert not any(ord(c) < 32 and c not in "\t\n" for c in text)
    assert "工作[0m目标" in text and "\n二、" in text
