"""Benchmark: our dates against jionlp (one span at a time, and whole plans), and pipeline throughput.

    .venv/bin/python bench/bench.py [--corpus DIR] [--gold DIR] [--seconds S] [--show-errors]

1. Span mode: every gold date span (type ``date`` in the gold files) is
   located in its plan and given to both normalisers as a short string,
   together with the same year context: the year of the nearest preceding
   date whose year is written, as the extractor uses it. A tool is right when
   its kind and its start/end (or, for recurrence, its period) equal the gold.
2. Text mode: each plan with gold is given whole (after clean and split) to
   ``dates.extract_dates`` and to ``jionlp.ner.extract_time``. A gold span is
   found when a returned span overlaps it with the gold's kind, start/end and
   period.
3. The whole pipeline runs over the corpus folder: files/s, characters/s, plans/s.
4. ``bench/scale.py``: the whole run at 1x, 10x and 100x of the corpus against
   jieba and a regex single pass, peak RSS, per-stage shares, and the worst cases.

jionlp is only a benchmark dependency (the ``bench`` extra).
"""
from __future__ import annotations

import argparse
import contextlib
import io
import json
import logging
import re
import sys
import time
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Optional

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extract.records import PlanContext
from extract.facts import dates
from extract import pipeline  # noqa: E402
from extract.records import Plan  # noqa: E402

KINDS = ("point", "range", "deadline", "recurring")


@dataclass(frozen=True)
class Case:
    source: str
    span: str
    year: Optional[int]      # year context at the span, None when the plan gave none yet
    want: tuple              # (kind, start, end, period) as ISO strings
    plan: Optional[Plan] = None
    start: int = 0           # where the span sits in plan.text
    end: int = 0


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


def locate(text: str, span: str, after: int) -> Optional[tuple]:
    """(start, end) in ``text`` of ``span`` compared in normal form, preferring one at or after ``after``."""
    norm, offsets = _normal(text)
    needle, _ = _normal(span)
    hits, pos = [], norm.find(needle)
    while pos >= 0 and needle:
        hits.append((offsets[pos], offsets[pos + len(needle) - 1] + 1))
        pos = norm.find(needle, pos + 1)
    later = [h for h in hits if h[0] >= after]
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
            where = locate(plan.text, fact["span"], after.get(fact["part"], 0))
            if where is None:
                continue
            after[fact["part"]] = where[1]      # gold facts are in reading order and never nest
            year = dates.context_at(plan.text, where[0], plan.title)
            want = (fact["kind"], fact.get("start"), fact.get("end"), fact.get("period"))
            cases.append(Case(source, fact["span"], year, want, plan, *where))
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
    # extract_time logs a traceback for each substring parse_time rejects
    logging.getLogger().setLevel(logging.CRITICAL)
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


# ---------------------------------------------------------------- text mode

@dataclass
class Doc:
    """A plan with gold dates, as both tools get it in text mode."""

    plan: Plan
    nodes: list
    base: dict               # jionlp's time base
    cases: list              # the gold date spans inside it


# jionlp takes one base time per call: 1 January of the first year the plan
# writes out (a plan's own year), plus one second so that deadlines show.
_FIRST_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)[ 　]*年")


def gold_docs(cases: list, extractions: list) -> list:
    docs = []
    for ex in extractions:
        mine = [c for c in cases if c.plan is ex.plan]
        if mine:
            first = _FIRST_YEAR.search(ex.plan.text)
            year = int(first.group(1)) if first else 2000
            base = {"year": year, "month": 1, "day": 1, "hour": 0, "minute": 0, "second": 1}
            docs.append(Doc(ex.plan, ex.nodes, base, mine))
    return docs


def ours_text(doc: Doc) -> list:
    """(start, end, (kind, start, end, period)) of each date the extractor finds."""
    return [(f.char_start, f.char_end, (f.kind, _iso(f.start), _iso(f.end), f.period))
            for f in dates.extract_dates(PlanContext.build(doc.plan, doc.nodes))]


def jionlp_text_tool(jio) -> Callable:
    """extract_time on the whole plan, its types mapped to ours as in span mode."""
    def run(doc: Doc) -> list:
        try:
            items = jio.ner.extract_time(doc.plan.text, time_base=doc.base)
        except Exception:
            return []
        out = []
        for item in items:
            try:
                value = _map_jionlp(item.get("detail") or {}, doc.base)
            except Exception:
                value = ("error", None, None, None)
            out.append((item["offset"][0], item["offset"][1], value))
        return out
    return run


def recall(tool: Callable, docs: list) -> tuple:
    """Like ``accuracy``, over whole plans: (found, {kind: (found, total)}, missed, spans returned).

    A gold span is found when a returned span overlaps it with the gold's value.
    """
    answers, returned = {}, 0
    for doc in docs:
        spans = tool(doc)
        returned += len(spans)
        for case in doc.cases:
            near = [v for s, e, v in spans if s < case.end and case.start < e]
            answers[id(case)] = case.want if case.want in near else (near[0] if near else None)
    cases = [c for doc in docs for c in doc.cases]
    return accuracy(lambda case: answers[id(case)], cases) + (returned,)


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


def throughput(tools: dict, items: list, seconds: float) -> dict:
    """Items (spans or plans) per CPU second for each tool.

    The tools take turns over the whole list until each has used
    ``seconds``, so that a change in the machine's load hits all of them alike.
    """
    spent = {name: 0.0 for name in tools}
    done = {name: 0 for name in tools}
    while min(spent.values()) < seconds:
        for name, tool in tools.items():
            if spent[name] >= seconds:
                continue
            started = time.process_time()
            for item in items:
                tool(item)
            spent[name] += time.process_time() - started
            done[name] += len(items)
    return {name: done[name] / spent[name] for name in tools}


def pipeline_throughput(corpus: Path, seconds: float) -> dict:
    files = list(pipeline.discover([str(corpus)]))
    chars = sum(len(path.read_text(encoding="utf-8", errors="replace")) for path, _ in files)
    cold = time.process_time()
    pipeline.run([str(corpus)])          # the first run pays for loading rules and jieba's dictionary
    cold = time.process_time() - cold
    runs, plans, started = 0, 0, time.process_time()
    while True:
        results = pipeline.run([str(corpus)])
        plans = sum(len(r.extractions) for r in results)
        runs += 1
        spent = time.process_time() - started
        if spent >= seconds:
            break
    return {"files": len(files), "plans": plans, "chars": chars, "runs": runs, "seconds": spent,
            "results": results, "cold": cold}


# ---------------------------------------------------------------- report

def _row(cells, widths) -> str:
    return "  ".join(str(c).rjust(w) if i > 1 else str(c).ljust(w) for i, (c, w) in enumerate(zip(cells, widths)))


def report(cases, docs, rows, pipe) -> None:
    """rows: (mode, tool, (right, per_kind, wrong[, returned]), spans/s, characters/s)."""
    n = len(cases)
    text_chars = sum(len(d.plan.text) for d in docs)
    print(f"Dates against jionlp: {n} gold date spans in {len(docs)} plans ({text_chars:,} characters)")
    print("  span: each gold span alone, same year context for both (accuracy = right/spans)")
    print("  text: whole plans, gold spans found among the returned ones (recall = found/spans)\n")
    widths = (4, 20, 7, 7) + (9,) * len(KINDS) + (8, 10, 11)
    print(_row(("mode", "tool", "right", "score", *KINDS, "returned", "spans/s", "chars/s"), widths))
    print(_row(tuple("-" * w for w in widths), widths))
    for mode, name, score, spans_s, chars_s in rows:
        right, per_kind = score[0], score[1]
        returned = score[3] if len(score) > 3 else "-"
        kinds = [f"{per_kind[k][0]}/{per_kind[k][1]}" for k in KINDS]
        print(_row((mode, name, f"{right}/{n}", f"{100 * right / n:.1f}%", *kinds, returned,
                    f"{spans_s:,.0f}", f"{chars_s:,.0f}"), widths))
    print()
    for mode in dict.fromkeys(r[0] for r in rows):
        ours, theirs = [r for r in rows if r[0] == mode][:2]
        print(f"{mode} mode: {ours[1]} is {ours[3] / theirs[3]:.1f}x the speed of {theirs[1]}, "
              f"{ours[2][0] - theirs[2][0]:+d} spans right")
    s = pipe["seconds"] / pipe["runs"]
    print(f"\nWhole pipeline on the corpus ({pipe['files']} files, {pipe['plans']} plans, "
          f"{pipe['chars']:,} characters; {pipe['runs']} runs, {s:.2f} s CPU each):")
    print(f"  {pipe['files'] / s:,.1f} files/s   {pipe['chars'] / s:,.0f} characters/s   "
          f"{pipe['plans'] / s:,.1f} plans/s   (after a one-off start-up of {pipe['cold']:.2f} s CPU "
          f"for the first run: rules, jieba's dictionary)")


def _show_errors(rows) -> None:
    for mode, name, score, _, _ in rows:
        print(f"\n{mode} mode, {name} wrong on {len(score[2])}:")
        for case, got in score[2]:
            print(f"  {case.span!r} (year {case.year}): want {case.want}, got {got}")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=ROOT / "corpus")
    parser.add_argument("--gold", type=Path, default=ROOT / "corpus" / "gold")
    parser.add_argument("--seconds", type=float, default=3.0,
                        help="CPU seconds spent timing each tool in each mode, and the pipeline (default 3)")
    parser.add_argument("--show-errors", action="store_true", help="list the spans each tool gets wrong")
    parser.add_argument("--scales", default="1,10,100",
                        help="copies of the corpus for the scale runs (default 1,10,100; '' to skip)")
    parser.add_argument("--no-worst", action="store_true", help="skip the worst cases")
    args = parser.parse_args(argv)

    pipe = pipeline_throughput(args.corpus, args.seconds)
    extractions = [ex for r in pipe["results"] for ex in r.extractions]
    plans = {(r.path, ex.plan.part): ex.plan for r in pipe["results"] for ex in r.extractions}
    cases = gold_cases(args.gold, plans)
    if not cases:
        print(f"no gold date spans found under {args.gold}", file=sys.stderr)
        return 1
    docs = gold_docs(cases, extractions)
    jio = load_jionlp()
    rows = []
    span_chars = sum(len(c.span) for c in cases) / len(cases)
    span_tools = {"plan-extract": ours, "jionlp.parse_time": jionlp_tool(jio)}
    speeds = throughput(span_tools, cases, args.seconds)
    for name, tool in span_tools.items():
        rows.append(("span", name, accuracy(tool, cases), speeds[name], speeds[name] * span_chars))
    text_tools = {"plan-extract": ours_text, "jionlp.extract_time": jionlp_text_tool(jio)}
    speeds = throughput(text_tools, docs, args.seconds)
    per_doc_spans, per_doc_chars = len(cases) / len(docs), sum(len(d.plan.text) for d in docs) / len(docs)
    for name, tool in text_tools.items():
        rows.append(("text", name, recall(tool, docs), speeds[name] * per_doc_spans,
                     speeds[name] * per_doc_chars))
    report(cases, docs, rows, pipe)
    if args.show_errors:
        _show_errors(rows)
    if args.scales:
        import scale
        print()
        scale.report(args.corpus, [int(x) for x in args.scales.split(",")], not args.no_worst)
    return 0


if __name__ == "__main__":
    sys.exit(main())
