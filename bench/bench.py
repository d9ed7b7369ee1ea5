"""Benchmark: date normalisation against jionlp's parse_time, and pipeline throughput.

    .venv/bin/python bench/bench.py [--corpus DIR] [--gold DIR] [--seconds S] [--show-errors]

1. Every gold date span (type ``date`` in the gold files) is located in its
   plan and given to both tools as a short string, together with the same
   year context: the year of the nearest preceding date whose year is
   written, as the extractor uses it. A tool is right when its kind and its
   start/end (or, for recurrence, its period) equal the gold.
2. The whole pipeline runs over the corpus folder: files/s, characters/s, plans/s.

jionlp is only a benchmark dependency (the ``bench`` extra).
"""
from __future__ import annotations

import argparse
import contextlib
import io
import json
import sys
import time
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Optional

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extract import dates, pipeline  # noqa: E402

KINDS = ("point", "range", "deadline", "recurring")


@dataclass(frozen=True)
class Case:
    source: str
    span: str
    year: Optional[int]      # year context at the span, None when the plan gave none yet
    want: tuple              # (kind, start, end, period) as ISO strings


# ---------------------------------------------------------------- gold cases

def _normal(text: str) -> tuple:
    """NFKC without white space, with the original offset of each character."""
    chars, offsets = [], []
    for i, ch in enumerate(text):
        for c in unicodedata.normalize("NFKC", ch):
            if not c.isspace():
                chars.append(c)
                offsets.append(i)
    return "".join(chars), offsets


def locate(text: str, span: str, after: int) -> Optional[int]:
    """Offset in ``text`` of ``span`` compared in normal form, preferring one at or after ``after``."""
    norm, offsets = _normal(text)
    needle, _ = _normal(span)
    hits, pos = [], norm.find(needle)
    while pos >= 0 and needle:
        hits.append(offsets[pos])
        pos = norm.find(needle, pos + 1)
    later = [h for h in hits if h >= after]
    return (later or hits or [None])[0]


def gold_cases(gold_dir: Path, plans: dict) -> list:
    cases = []
    for path in sorted(gold_dir.glob("*.jsonl")):
        source = path.name[: -len(".jsonl")]
        after = {}
        for line in path.read_text(encoding="utf-8").splitlines():
            fact = json.loads(line) if line.strip() else {}
            if fact.get("type") != "date":
                continue
            plan = plans.get((source, fact["part"]))
            if plan is None:
                continue
            pos = locate(plan.text, fact["span"], after.get(fact["part"], 0))
            if pos is None:
                continue
            after[fact["part"]] = pos + 1
            year = dates.context_at(plan.text, pos, plan.title)
            want = (fact["kind"], fact.get("start"), fact.get("end"), fact.get("period"))
            cases.append(Case(source, fact["span"], year, want))
    return cases


# ---------------------------------------------------------------- the two tools

def _iso(d) -> Optional[str]:
    return d.isoformat()[:10] if d is not None else None


def ours(case: Case) -> tuple:
    value = dates.parse(case.span, case.year)
    if value is None:
        return ("none", None, None, None)
    return (value.kind, _iso(value.date_start), _iso(value.date_end), value.period)


def load_jionlp():
    with contextlib.redirect_stdout(io.StringIO()):   # it prints a banner on import
        import jionlp
    return jionlp


def jionlp_tool(jio) -> Callable:
    """parse_time with a base of 1 January of the context year, its types mapped to ours.

    jionlp fills the open start of "until X" with the base time, so a
    time_span that starts exactly at the base is a deadline. The base carries
    one second so that a span really starting on 1 January is not mistaken
    for one. Without a context year the base is the plan-independent 2000-01-01.
    """
    def run(case: Case) -> tuple:
        base = {"year": case.year or 2000, "month": 1, "day": 1, "hour": 0, "minute": 0, "second": 1}
        try:
            out = jio.parse_time(case.span, time_base=base)
        except Exception:           # it raises on inputs it cannot read (7月份)
            return ("error", None, None, None)
        return _map_jionlp(out, base)
    return run


def _map_jionlp(out: dict, base: dict) -> tuple:
    kind = out.get("type")
    if kind == "time_period":
        return ("recurring", None, None, _iso_period(out["time"].get("delta") or {}))
    if kind not in ("time_point", "time_span"):
        return (kind or "none", None, None, None)         # time_delta: a duration
    start, end = out["time"][0][:10], out["time"][1][:10]
    base_stamp = "{year:04d}-01-01 00:00:01".format(**base)
    if kind == "time_span" and out["time"][0] == base_stamp:
        return ("deadline", None, end, None)
    return ("point" if kind == "time_point" else "range", start, end, None)


def _iso_period(delta: dict) -> Optional[str]:
    for unit, designator in (("year", "Y"), ("month", "M"), ("day", "D")):
        if unit in delta:
            n = float(delta[unit])
            if unit == "year" and not n.is_integer():
                return f"P{int(n * 12)}M"          # 每半年: 0.5 year → P6M
            if unit == "day" and n % 7 == 0:
                return f"P{int(n // 7)}W"
            return f"P{int(n)}{designator}"
    return None


# ---------------------------------------------------------------- measuring

def accuracy(tool: Callable, cases: list) -> tuple:
    """(number right, {kind: (right, total)}, wrong cases with the tool's answer)."""
    right, per_kind, wrong = 0, {k: [0, 0] for k in KINDS}, []
    for case in cases:
        got = tool(case)
        ok = got == case.want
        right += ok
        per_kind.setdefault(case.want[0], [0, 0])
        per_kind[case.want[0]][0] += ok
        per_kind[case.want[0]][1] += 1
        if not ok:
            wrong.append((case, got))
    return right, per_kind, wrong


def throughput(tools: dict, cases: list, seconds: float) -> dict:
    """Spans per CPU second for each tool.

    The tools take turns over the whole set of spans until each has used
    ``seconds``, so that a change in the machine's load hits all of them alike.
    """
    spent = {name: 0.0 for name in tools}
    done = {name: 0 for name in tools}
    while min(spent.values()) < seconds:
        for name, tool in tools.items():
            if spent[name] >= seconds:
                continue
            started = time.process_time()
            for case in cases:
                tool(case)
            spent[name] += time.process_time() - started
            done[name] += len(cases)
    return {name: done[name] / spent[name] for name in tools}


def pipeline_throughput(corpus: Path, seconds: float) -> dict:
    files = list(pipeline.discover([str(corpus)]))
    chars = sum(len(path.read_text(encoding="utf-8", errors="replace")) for path, _ in files)
    runs, plans, started = 0, 0, time.process_time()
    while True:
        results = pipeline.run([str(corpus)])
        plans = sum(len(r.extractions) for r in results)
        runs += 1
        spent = time.process_time() - started
        if spent >= seconds:
            break
    return {"files": len(files), "plans": plans, "chars": chars, "runs": runs, "seconds": spent,
            "results": results}


# ---------------------------------------------------------------- report

def _row(cells, widths) -> str:
    return "  ".join(str(c).rjust(w) if i else str(c).ljust(w) for i, (c, w) in enumerate(zip(cells, widths)))


def report(cases, scores, speeds, pipe) -> None:
    n = len(cases)
    widths = (20, 9, 9) + (10,) * len(KINDS) + (12,)
    print(f"Date normalisation on {n} gold date spans "
          f"(same year context for both tools: nearest preceding written year)\n")
    print(_row(("tool", "right", "accuracy", *KINDS, "spans/s"), widths))
    print(_row(("-" * 20, *("-" * w for w in widths[1:])), widths))
    for name, (right, per_kind, _) in scores.items():
        kinds = [f"{per_kind[k][0]}/{per_kind[k][1]}" for k in KINDS]
        print(_row((name, f"{right}/{n}", f"{100 * right / n:.1f}%", *kinds, f"{speeds[name]:,.0f}"),
                   widths))
    names = list(scores)
    print(f"\nspeed ratio {names[0]} / {names[1]}: {speeds[names[0]] / speeds[names[1]]:.1f}x")
    s = pipe["seconds"] / pipe["runs"]
    print(f"\nWhole pipeline on the corpus ({pipe['files']} files, {pipe['plans']} plans, "
          f"{pipe['chars']:,} characters; {pipe['runs']} runs, {s:.2f} s CPU each):")
    print(f"  {pipe['files'] / s:,.1f} files/s   {pipe['chars'] / s:,.0f} characters/s   "
          f"{pipe['plans'] / s:,.1f} plans/s")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=ROOT / "corpus")
    parser.add_argument("--gold", type=Path, default=ROOT / "corpus" / "gold")
    parser.add_argument("--seconds", type=float, default=3.0,
                        help="CPU seconds spent timing each tool and the pipeline (default 3)")
    parser.add_argument("--show-errors", action="store_true", help="list the spans each tool gets wrong")
    args = parser.parse_args(argv)

    pipe = pipeline_throughput(args.corpus, args.seconds)
    plans = {(r.path, ex.plan.part): ex.plan for r in pipe["results"] for ex in r.extractions}
    cases = gold_cases(args.gold, plans)
    if not cases:
        print(f"no gold date spans found under {args.gold}", file=sys.stderr)
        return 1
    tools = {"plan-extract": ours, "jionlp.parse_time": jionlp_tool(load_jionlp())}
    scores = {name: accuracy(tool, cases) for name, tool in tools.items()}
    speeds = throughput(tools, cases, args.seconds)
    report(cases, scores, speeds, pipe)
    if args.show_errors:
        for name, (_, _, wrong) in scores.items():
            print(f"\n{name} wrong on {len(wrong)}:")
            for case, got in wrong:
                print(f"  {case.span!r} (year {case.year}): want {case.want}, got {got}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
