"""Scale benchmark: the whole run at 1x, 10x and 100x of the corpus, and the worst cases.

    .venv/bin/python bench/scale.py [--scales 1,10,100] [--worst] [--corpus DIR]
    .venv/bin/python bench/scale.py --varied DIR [DIR ...]     # a batch of different plans

Each scale runs in a fresh process (so that its peak RSS is its own) over
generated copies of the corpus in a temporary folder (each copy made
distinct by one appended line, so duplicates detection keeps them all). In
that process, after start-up (imports, rules, jieba's dictionary, timed
apart; the package's bytecode is compiled first, as an install does), on the
same text and in CPU seconds:

- plan-extract end to end (``pipeline.run_to``: read, every stage, Parquet
  written and published), with each stage's share of the time;
- ``jieba.lcut`` over the text of the same files;
- a regular-expression single pass (``re.finditer`` of Han runs and digit
  runs), the ceiling for any pipeline that reads every character from Python.

``--varied`` times, the same way, one batch of different plans instead of
copies: every ``.txt`` file of the given folders (the corpus, the held-out
plans, sets of real plans), where each file reaches rules the earlier ones
did not and pays its own fixed costs, as an analyst's batch does.

The worst cases time one generated document at three sizes, each double the
last: outline items, one long document, dates; "per doubling" is the ratio of
the last two times (2.0 is linear).
"""
from __future__ import annotations

import argparse
import compileall
import json
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CEILING = re.compile(r"[\u4e00-\u9fff]+|[0-9]+")
# the stages, as the pipeline calls them: (label, module, attribute)
STAGES = [
    ("ingest", "extract.ingest", "read_source"), ("clean", "extract.prepare.clean", "clean"),
    ("split", "extract.prepare.split", "split"), ("outline", "extract.prepare.outline", "parse"),
    ("dates", "extract.facts.dates", "extract_dates"),
    ("responsibilities", "extract.facts.responsibilities", "extract_responsibilities"),
    ("people", "extract.facts.people", "extract_people"),
    ("targets", "extract.facts.targets", "extract_targets"),
    ("phases", "extract.facts.dates", "extract_phases"),
    ("columns", "extract.write", "to_table"), ("parquet", "extract.write.stream", "SetWriter.add"),
]


# ---------------------------------------------------------------- in the child


def _timed_stages() -> dict:
    """Wrap each stage function with a CPU timer; return the running totals."""
    import importlib
    spent = defaultdict(float)
    for label, module, path in STAGES:
        owner = importlib.import_module(module)
        *outer, attr = path.split(".")
        for name in outer:
            owner = getattr(owner, name)
        inner = getattr(owner, attr)

        def timed(*args, _inner=inner, _label=label, **kwargs):
            started = time.process_time()
            try:
                return _inner(*args, **kwargs)
            finally:
                spent[_label] += time.process_time() - started
        setattr(owner, attr, timed)
    return spent


def child(folder: Path, out: Path) -> dict:
    started = time.process_time()
    from extract import inputs, pipeline
    imported = time.process_time()
    pipeline.warm_up()
    warm = time.process_time()
    # the first file pays for what the stages compile on first use
    first = sorted(folder.iterdir())[0]
    pipeline.file_rows(inputs.Job(str(first), first.name, None, None))
    startup = time.process_time() - started
    parts = {"imports": imported - started, "rules and jieba index": warm - imported,
             "first file": time.process_time() - warm}
    spent = _timed_stages()
    t0 = time.process_time()
    summary = pipeline.run_to([str(folder)], out)
    run = time.process_time() - t0
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024   # before the texts below
    pandas = "pandas" in sys.modules          # the run should not have needed it
    import jieba                   # stock jieba, its whole dictionary loaded before timing
    jieba.setLogLevel(40)
    jieba.initialize()
    chars = nbytes = 0
    jieba_s = ceiling_s = 0.0
    for path in sorted(folder.iterdir()):     # one file at a time, as the run reads them
        text = path.read_text(encoding="utf-8")
        chars, nbytes = chars + len(text), nbytes + path.stat().st_size
        t0 = time.process_time()
        jieba.lcut(text)
        t1 = time.process_time()
        sum(1 for _ in CEILING.finditer(text))
        jieba_s, ceiling_s = jieba_s + t1 - t0, ceiling_s + time.process_time() - t1
    return {"files": summary.files, "plans": summary.rows["documents"], "chars": chars,
            "bytes": nbytes, "startup": startup, "startup_parts": parts, "run": run,
            "jieba": jieba_s, "ceiling": ceiling_s, "rss_mib": rss, "stages": dict(spent),
            "pandas": pandas}


# ---------------------------------------------------------------- in the parent


def make_copies(corpus: Path, times: int, folder: Path) -> None:
    files = sorted(p for p in corpus.glob("*.txt"))
    for i in range(times):
        for path in files:
            text = path.read_text(encoding="utf-8")
            (folder / f"{i:04d}_{path.name}").write_text(f"{text}\n(copy {i})\n", encoding="utf-8")


def run_child(args: list) -> dict:
    done = subprocess.run([sys.executable, __file__, *args], capture_output=True, text=True, cwd=ROOT)
    if done.returncode:
        raise RuntimeError(done.stderr[-2000:])
    return json.loads(done.stdout.strip().splitlines()[-1])


def varied_row(folders: list) -> dict:
    """One child over the ``.txt`` files of ``folders``, different plans (named
    by their folder's place in the list: two sets may hold the same name; the
    same bytes twice are one plan, as the run finds its duplicates)."""
    with tempfile.TemporaryDirectory(prefix="plan-extract-bench-") as tmp:
        batch = Path(tmp) / "in"
        batch.mkdir()
        for i, folder in enumerate(folders):
            for path in sorted(Path(folder).glob("*.txt")):
                (batch / f"{i:02d}_{path.name}").write_bytes(path.read_bytes())
        row = run_child(["child", str(batch), str(Path(tmp) / "out")])
    row["scale"] = "varied"
    return row


def _label(row: dict) -> str:
    return row["scale"] if isinstance(row["scale"], str) else f"{row['scale']}x"


def scale_rows(corpus: Path, scales: list) -> list:
    rows = []
    for times in scales:
        with tempfile.TemporaryDirectory(prefix="plan-extract-bench-") as tmp:
            folder = Path(tmp) / "in"
            folder.mkdir()
            make_copies(corpus, times, folder)
            row = run_child(["child", str(folder), str(Path(tmp) / "out")])
        row["scale"] = times
        rows.append(row)
    return rows


def print_scales(rows: list) -> None:
    print("Whole run (read, every stage, Parquet written), one process, CPU seconds, start-up apart:\n")
    head = ("scale", "files", "chars", "s", "chars/s", "MB/s", "jieba chars/s", "ratio",
            "ceiling chars/s", "peak RSS", "start-up*")
    widths = (6, 6, 11, 7, 10, 6, 13, 6, 15, 9, 8)
    print("  ".join(h.rjust(w) for h, w in zip(head, widths)))
    for r in rows:
        rate, jrate = r["chars"] / r["run"], r["chars"] / r["jieba"]
        cells = (_label(r), r["files"], f"{r['chars']:,}", f"{r['run']:.2f}", f"{rate:,.0f}",
                 f"{r['bytes'] / r['run'] / 1e6:.2f}", f"{jrate:,.0f}", f"{rate / jrate:.2f}",
                 f"{r['chars'] / r['ceiling']:,.0f}", f"{r['rss_mib']:.0f} MiB", f"{r['startup']:.2f} s")
        print("  ".join(str(c).rjust(w) for c, w in zip(cells, widths)))
    print("\n* start-up: imports, rules, jieba's dictionary index and the first file "
          "(what the stages compile on first use); not in the timed run")
    for r in rows:
        parts = ", ".join(f"{k} {v:.2f} s" for k, v in r["startup_parts"].items())
        print(f"  {_label(r)} start-up: {parts}; pandas imported: {'yes' if r['pandas'] else 'no'}")
    if len(rows) > 1 and not any(isinstance(r["scale"], str) for r in rows):
        print(f"\npeak RSS at {rows[-1]['scale']}x / at {rows[-2]['scale']}x: "
              f"{rows[-1]['rss_mib'] / rows[-2]['rss_mib']:.2f}")
    print("\nShare of the run per stage (columns: building Arrow columns; parquet: row groups "
          "written; the rest is discovery, hashing and publishing):\n")
    labels = [s[0] for s in STAGES]
    print("  ".join(["stage".ljust(16)] + [_label(r).rjust(7) for r in rows]))
    for label in labels:
        cells = [f"{100 * r['stages'].get(label, 0) / r['run']:.1f}%".rjust(7) for r in rows]
        print("  ".join([label.ljust(16)] + cells))
    rest = [100 * (1 - sum(r["stages"].values()) / r["run"]) for r in rows]
    print("  ".join(["other".ljust(16)] + [f"{x:.1f}%".rjust(7) for x in rest]))


# ---------------------------------------------------------------- worst cases


def _outline_doc(n: int) -> str:
    lines = ["Worst-case plan with many items"]
    for i in range(1, n + 1):
        lines.append(f"{i}. item {i} is carried out in order.")
    return "\n".join(lines) + "\n"


def _dates_doc(n: int) -> str:
    lines = ["Worst-case plan with many dates"]
    for i in range(n):
        lines.append(f"{2020 + i % 10}\u5e74{1 + i % 12}\u6708{1 + i % 28}\u65e5")
    return "\n".join(lines) + "\n"


def _long_doc(megabytes: float, corpus: Path) -> str:
    texts = [p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*.txt"))]
    body, size, i = [], 0, 0
    while size < megabytes * 1e6:
        text = texts[i % len(texts)]
        body.append(text)
        size += len(text.encode("utf-8"))
        i += 1
    return "\n".join(body)


WORST = {  # name: (builder, sizes, unit)
    "outline items": (lambda n, c: _outline_doc(n), [50_000, 100_000, 200_000], "items"),
    "single document": (lambda n, c: _long_doc(n, c), [5, 10, 20], "MB"),
    "dates": (lambda n, c: _dates_doc(n), [12_500, 25_000, 50_000], "dates"),
}


def worst_child(name: str, size: str, corpus: Path) -> dict:
    from extract import pipeline
    pipeline.warm_up()
    build = WORST[name][0]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "plan.txt"
        path.write_text(build(float(size) if "." in size else int(size), corpus), encoding="utf-8")
        t0 = time.process_time()
        result = pipeline.process_file(path, "plan.txt")
        spent = time.process_time() - t0
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"seconds": spent, "rss_mib": rss, "errors": [e.message for e in result.errors]}


def worst_cases(corpus: Path, budget: float) -> None:
    print(f"\nWorst cases, one document each, CPU seconds (a size is skipped once the previous "
          f"took over {budget:.0f} s):\n")
    for name, (_, sizes, unit) in WORST.items():
        times, cells = [], []
        for size in sizes:
            if times and times[-1] > budget:
                cells.append(f"{size:,} {unit}: skipped")
                continue
            row = run_child(["worst", name, str(size), str(corpus)])
            times.append(row["seconds"])
            note = f" ({row['errors'][0][:60]})" if row["errors"] else ""
            cells.append(f"{size:,} {unit}: {row['seconds']:.2f} s, {row['rss_mib']:.0f} MiB{note}")
        growth = f"{times[-1] / times[-2]:.2f}x per doubling" if len(times) > 1 and times[-2] else "-"
        print(f"  {name:16s} " + "; ".join(cells) + f"  -> {growth}")


def report(corpus: Path, scales: list, worst: bool, budget: float = 60.0, varied=None) -> None:
    # the package's bytecode, as an install writes it: where writing bytecode is turned
    # off (PYTHONDONTWRITEBYTECODE) every child would compile each module's source again
    compileall.compile_dir(str(ROOT / "extract"), quiet=1)
    if varied:
        print_scales([varied_row(varied)])
        return
    print_scales(scale_rows(corpus, scales))
    if worst:
        worst_cases(corpus, budget)


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "child":
        print(json.dumps(child(Path(argv[1]), Path(argv[2]))))
        return 0
    if argv and argv[0] == "worst":
        print(json.dumps(worst_child(argv[1], argv[2], Path(argv[3]))))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=ROOT / "corpus")
    parser.add_argument("--scales", default="1,10,100", help="copies of the corpus (default 1,10,100)")
    parser.add_argument("--no-worst", action="store_true", help="skip the worst cases")
    parser.add_argument("--varied", nargs="+", type=Path, metavar="DIR",
                        help="time one batch of different plans (the .txt files of these folders) instead")
    parser.add_argument("--budget", type=float, default=60.0,
                        help="stop a worst-case series once a size takes longer (CPU s, default 60)")
    args = parser.parse_args(argv)
    report(args.corpus, [int(s) for s in args.scales.split(",")], not args.no_worst, args.budget,
           args.varied)
    return 0


if __name__ == "__main__":
    sys.exit(main())
