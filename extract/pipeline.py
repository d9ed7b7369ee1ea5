"""The pipeline, stage by stage: ingest, clean, split, outline, extract, write.

``run_to`` is a whole run: plan the inputs (names, hashes, duplicates),
send each file through the stages on the chosen executor, stream each
file's rows into the staging set as results come back in input order, and
publish the set in one step. ``process_file`` is one file through the stages;
``run`` keeps every result in memory, for tests and the benchmark.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from . import executors, ingest, inputs, rules, write
from .inputs import discover  # noqa: F401  (the run's first step; tests and bench call it here)
from .facts import dates, people, responsibilities, targets
from .prepare import clean, outline, split
from .text import perplan
from .records import ErrorRow, Extraction, PlanContext
from .write import manifest
from .write.output import checkpoint
from .write.reuse import PreviousRows


@dataclass
class SourceResult:
    path: str
    extractions: list = field(default_factory=list)
    errors: list = field(default_factory=list)
    warnings: list = field(default_factory=list)


def extract_plan(plan) -> Extraction:
    """Outline first; then dates, which later extractors must not misread;
    then every other extractor on the same shared context."""
    perplan.forget()                # nothing remembered from the plan before
    nodes = outline.parse(plan)
    ctx = PlanContext.build(plan, nodes)
    ctx.dates = dates.extract_dates(ctx)
    return Extraction(
        plan=plan, nodes=nodes, dates=ctx.dates,
        responsibilities=responsibilities.extract_responsibilities(ctx),
        people=people.extract_people(ctx),
        targets=targets.extract_targets(ctx),
        phases=dates.extract_phases(ctx),
    )


def process_file(path: Path, display: str) -> SourceResult:
    """Run every stage on one file; a bad file becomes an error row, never a crash."""
    result = SourceResult(display)
    try:
        with ingest.time_budget(display):
            source = ingest.read_source(path, display)
            result.warnings.extend(source.notes)
            text = clean.clean(source)
            result.warnings.extend(text.notes)
            for plan in split.split(text):
                result.extractions.append(extract_plan(plan))
    except ingest.IngestError as err:
        result.extractions.clear()  # a file stopped by a limit leaves no half of its plans
        result.errors.append(ErrorRow(display, err.code, str(err)))
    except Exception as err:  # a bug must not stop the batch; the row says so
        result.errors.append(ErrorRow(
            display, type(err).__name__,
            f"{display}: internal error while processing ({err}); please report it with this file"))
    return result


def _process_args(args):
    return process_file(*args)


def _failed(args, why: str) -> SourceResult:
    return SourceResult(args[1], errors=[_lost_row(args[1], why)])


def run(given: Iterable[str], workers: int = 1, progress=None) -> list:
    """Process every input and keep every result; in name order whatever the workers."""
    results = []
    with executors.make("local", workers) as engine:
        for res in engine.ordered(_process_args, list(discover(given)), _failed):
            results.append(res)
            if progress:
                progress(res)
    return results


def missing_inputs(inputs: Iterable[str]) -> list:
    return [i for i in inputs if not Path(i).exists()]


def collect_tables(results: list) -> dict:
    tables = {name: [] for name in ("documents", *write.FACT_TABLES, "errors", "warnings")}
    for res in results:
        tables["errors"].extend(res.errors)
        tables["warnings"].extend(res.warnings)
        for ex in res.extractions:
            tables["documents"].append(ex.plan)
            for name in write.FACT_TABLES:
                tables[name].extend(getattr(ex, name))
    return tables


# ---------------------------------------------------------------- a whole run


@dataclass
class FileRows:
    """One input's rows, as Arrow tables: what a worker sends back to the writer."""

    display: str
    tables: dict                  # table name -> pa.Table (tables without rows left out)
    plans: int = 0
    errors: list = field(default_factory=list)    # messages, for the summary


@dataclass
class RunSummary:
    files: int = 0
    kept: int = 0                 # inputs whose rows an incremental run took from the last set
    rows: dict = field(default_factory=dict)
    errors: list = field(default_factory=list)
    seconds: float = 0.0


def file_rows(job: inputs.Job) -> FileRows:
    """One file through every stage, its rows built as columns here, in the worker.

    The plan's records (node texts included) live only inside this call.
    """
    res = process_file(Path(job.path), job.display)
    records = {"documents": [ex.plan for ex in res.extractions]}
    for name in write.FACT_TABLES:
        records[name] = [r for ex in res.extractions for r in getattr(ex, name)]
    records.update(errors=res.errors, warnings=res.warnings)
    # a table without rows is not sent: not built either (a column each, a plan's
    # fixed cost that a small plan feels)
    return FileRows(job.display, {k: write.to_table(k, rows) for k, rows in records.items() if rows},
                    len(res.extractions), [e.message for e in res.errors])


def _lost_row(display: str, why: str) -> ErrorRow:
    return ErrorRow(display, "WorkerLost", f"{display}: the worker processing it stopped ({why}); "
                    "run it again, alone or with more memory per worker")


def _lost(job: inputs.Job, why: str) -> FileRows:
    row = _lost_row(job.display, why)
    return FileRows(job.display, {"errors": write.to_table("errors", [row])}, 0, [row.message])


def warm_up() -> None:
    """Load what every file needs (rules, jieba's dictionary) before the first one."""
    from .text import nlp
    for path in sorted(rules.rules_dir().glob("*.yaml")):
        rules.load(path.stem)
    nlp.jieba().initialize()


def run_to(given: list, out, *, workers: int = 1, executor: str = "local",
           scheduler: str = None, incremental: bool = False, wait: bool = False,
           progress=None) -> RunSummary:
    """Read ``given`` and publish its tables in ``out`` as one set (see write.output)."""
    started = time.perf_counter()
    folder = write.OutputFolder(out)
    folder.check()
    names = write.published_names()
    with folder.locked(wait=wait):
        checkpoint("locked")
        folder.remove_stale(names)
        jobs, duplicates = inputs.plan(given)
        head = manifest.header(manifest.rules_sha256())
        previous_dir = folder.current_dir()
        keep = manifest.reusable(manifest.read(previous_dir), head) if incremental else {}
        staging = folder.new_staging()
        sink = write.SetWriter(staging, manifest.table_metadata(head, [j.entry() for j in jobs]))
        try:
            summary, entries = _stream(jobs, keep, previous_dir, sink, progress,
                                       executors.make(executor, workers, scheduler))
            sink.add("duplicates", write.to_table("duplicates", duplicates))
            entries += [dict(path=d.source_path, size=None, sha256=d.sha256, status="duplicate",
                             same_as=d.same_as) for d in duplicates]
        except BaseException:
            sink.abort()
            raise
        sink.close()
        write.manifest.write(staging, head, entries, sink.rows())
        folder.publish(staging, names)
    summary.rows = sink.rows()
    summary.seconds = time.perf_counter() - started
    return summary


def _stream(jobs, keep, previous_dir, sink, progress, engine) -> tuple:
    """Write every job's rows in job order: kept ones from the previous set, others as computed."""
    summary, entries = RunSummary(files=len(jobs)), []
    previous = PreviousRows(previous_dir, write.SCHEMAS) if keep else None
    kept = {j.display for j in jobs if _unchanged(j, keep.get(j.display))}
    with engine:
        computed = engine.ordered(file_rows, (j for j in jobs if j.display not in kept), _lost)
        for job in jobs:
            first = sink.rows()
            if job.display in kept:
                old = keep[job.display]["rows"]
                for name, (start, count) in old.items():
                    sink.add(name, previous.take(name, start, count))
                summary.kept += 1
                status = "kept"
            else:
                rows = next(computed)
                for name, table in rows.tables.items():
                    sink.add(name, table)
                summary.errors.extend(rows.errors)
                status = "read"
            after = sink.rows()
            spans = {n: [first[n], after[n] - first[n]] for n in after if write.SPECS[n].per_source}
            entries.append(dict(job.entry(), status=status, rows=spans))
            checkpoint("streaming")
            if progress:
                progress(job, len(jobs))
    return summary, entries


def _unchanged(job: inputs.Job, before) -> bool:
    return bool(before and job.sha256 and before.get("sha256") == job.sha256
                and before.get("size") == job.size)
