"""The pipeline, stage by stage: ingest, clean, split, outline, extract, write."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

from . import ingest
from .facts import dates, people, responsibilities, targets
from .prepare import clean, outline, split
from .records import ErrorRow, Extraction, PlanContext


@dataclass
class SourceResult:
    path: str
    extractions: list = field(default_factory=list)
    errors: list = field(default_factory=list)
    warnings: list = field(default_factory=list)


def discover(inputs: Iterable[str]) -> Iterator[tuple]:
    """Every file to read, and every path passed over with its reason (see ingest.discover)."""
    return ingest.discover(inputs)


def extract_plan(plan) -> Extraction:
    """Outline first; then dates, which later extractors must not misread;
    then every other extractor on the same shared context."""
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


def run(inputs: Iterable[str], workers: int = 1, progress=None) -> list:
    """Process every input; results come back in input order whatever the workers."""
    jobs = list(discover(inputs))
    results = []
    if workers > 1 and len(jobs) > 1:
        from concurrent.futures import ProcessPoolExecutor
        pool = ProcessPoolExecutor(max_workers=workers, initializer=ingest.worker_start)
        try:
            for res in pool.map(_process_args, jobs):
                results.append(res)
                if progress:
                    progress(res)
        finally:  # on Ctrl-C the files not yet started are dropped, not worked through
            pool.shutdown(wait=True, cancel_futures=True)
    else:
        for job in jobs:
            res = _process_args(job)
            results.append(res)
            if progress:
                progress(res)
    return results


def missing_inputs(inputs: Iterable[str]) -> list:
    return [i for i in inputs if not Path(i).exists()]


def collect_tables(results: list) -> dict:
    tables = {name: [] for name in
              ("documents", "nodes", "responsibilities", "people", "targets", "dates", "phases", "errors",
               "warnings")}
    for res in results:
        tables["errors"].extend(res.errors)
        tables["warnings"].extend(res.warnings)
        for ex in res.extractions:
            tables["documents"].append(ex.plan)
            for name in ("nodes", "responsibilities", "people", "targets", "dates", "phases"):
                tables[name].extend(getattr(ex, name))
    return tables
