"""Worker scaling: the same batch run with ``--workers 1`` and ``--workers N``.

    .venv/bin/python bench/workers.py [--copies 50] [--workers 1,2] [--corpus DIR]

The batch is generated copies of the corpus (as in ``bench/scale.py``), in a
temporary folder. Each run is a fresh ``plan-extract run`` process, so the
wall time includes start-up, the pool and the writer; the table reports wall
seconds, characters per wall second, the speed-up over one worker and the
CPU seconds used by the whole process tree. On a machine whose cores are busy
with other work the speed-up is bounded by the idle cores, so the load
average before each run is printed beside it.
"""
from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from scale import ROOT, make_copies  # noqa: E402


def run_once(folder: Path, out: Path, workers: int) -> dict:
    cli = [sys.executable, "-m", "extract", "run", str(folder), "--out", str(out), "--quiet", "--workers", str(workers)]
    load = os.getloadavg()[0]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(cli, check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"workers": workers, "wall": wall, "cpu": cpu, "load": load}


def print_rows(rows: list, chars: int) -> None:
    one = rows[0]["wall"]
    print(f"{'workers':>7} {'wall s':>8} {'chars/s':>11} {'speed-up':>9} {'CPU s':>7} {'load before':>12}")
    for row in rows:
        rate = chars / row["wall"]
        print(f"{row['workers']:>7} {row['wall']:>8.2f} {rate:>11,.0f} {one / row['wall']:>8.2f}x"
              f" {row['cpu']:>7.2f} {row['load']:>12.2f}")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT / "corpus")
    parser.add_argument("--copies", type=int, default=50, help="copies of the corpus (default 50)")
    parser.add_argument("--workers", default="1,2", help="worker counts to run (default 1,2)")
    args = parser.parse_args(argv)
    counts = [int(n) for n in args.workers.split(",")]
    with tempfile.TemporaryDirectory(prefix="plan-extract-workers-") as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        make_copies(args.corpus, args.copies, folder)
        chars = sum(len(p.read_text(encoding="utf-8")) for p in folder.iterdir())
        print(f"{args.copies}x corpus: {len(list(folder.iterdir()))} files, {chars:,} characters, {os.cpu_count()} cores")
        rows = [run_once(folder, Path(tmp) / f"out{n}", n) for n in counts]
    print_rows(rows, chars)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
