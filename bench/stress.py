"""Stress: the largest hostile cases, one run each, with wall time and peak memory.

    .venv/bin/python bench/stress.py [--seconds S] [--case NAME ...]

Each case is built at stress size by tests/hostile/generate.py in a temporary
folder and run through ``plan-extract run`` in a fresh process; the table
shows the outcome (plans read, or the error class), the wall time and the
peak resident memory of that process. ``--seconds`` is the per-file time
budget given to each run (``--limit seconds_per_file``).
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.hostile import generate  # noqa: E402

CASES = {  # name -> (file name, builder of its bytes at stress size)
    "100k labels": ("labels.txt", lambda s: generate.many_labels(s["labels"]).encode("utf-8")),
    "20 MB text": ("long.txt", lambda s: generate.long_text(s["long_text"]).encode("utf-8")),
    "2 MB one line": ("line.txt", lambda s: generate.one_line(s["one_line"]).encode("utf-8")),
    "1 GiB zip bomb": ("bomb.docx", lambda s: generate.zip_bomb(s["bomb_mib"])),
    "100k nested divs": ("deep.html", lambda s: generate.deep_html(s["deep"]).encode("utf-8")),
}


def run_case(path: Path, out: Path, seconds: float) -> tuple:
    """(seconds, peak MB, outcome) of one run over ``path``."""
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "extract", "run", str(path), "--out", str(out),
                             "--quiet", "--limit", f"seconds_per_file={seconds:g}"],
                            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - started
    return wall, usage.ru_maxrss / 1024, _outcome(out, os.waitstatus_to_exitcode(status))


def _outcome(out: Path, code: int) -> str:
    import pandas as pd
    try:
        errors = pd.read_parquet(out / "errors.parquet")
        docs = pd.read_parquet(out / "documents.parquet")
        nodes = pd.read_parquet(out / "nodes.parquet")
    except (OSError, ValueError):
        return f"exit {code}, no tables"
    if len(errors):
        return f"exit {code}, {errors.loc[0, 'error']}"
    chars = int(docs["text"].str.len().sum())
    return f"exit {code}, {len(docs)} plan(s), {chars:,} chars, {len(nodes):,} nodes"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=300, help="per-file time budget")
    parser.add_argument("--case", action="append", choices=sorted(CASES), help="run only these")
    args = parser.parse_args(argv)
    sizes = generate.SIZES["stress"]
    print(f"{'case':<18} {'input MB':>9} {'seconds':>8} {'peak MB':>8}  outcome")
    for name in args.case or CASES:
        file_name, build = CASES[name]
        with tempfile.TemporaryDirectory(prefix="plan-extract-stress-") as tmp:
            path = Path(tmp) / file_name
            path.write_bytes(build(sizes))
            wall, peak, outcome = run_case(path, Path(tmp) / "out", args.seconds)
            size = path.stat().st_size / 1048576
            print(f"{name:<18} {size:>9.1f} {wall:>8.1f} {peak:>8.0f}  {outcome}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
