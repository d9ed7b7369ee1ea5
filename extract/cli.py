"""Command line: ``plan-extract run`` and ``eval``; ``compare``, ``review`` and
``export`` (extract/tools/commands.py) read what ``run`` wrote."""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

RUN_EXAMPLES = """examples:
  plan-extract run corpus/ --out output/
  plan-extract run plan.docx notices/ --out out/ --workers 2
  plan-extract run plans/ --out out/ --incremental
  plan-extract run plans/ --out out/ --dask tcp://scheduler:8786
  python -c "import pandas as pd; print(pd.read_parquet('output/nodes.parquet').head())"
"""

EVAL_EXAMPLES = """examples:
  plan-extract eval --gold corpus/gold --out output/
  plan-extract eval --gold corpus/gold --out output/ --json
  plan-extract eval --gold corpus/gold --out output/ --show-errors target
  plan-extract eval --gold corpus/gold --out output/ --baseline rules/eval_baseline.yaml

exit status: 0 scored (and every floor met), 1 some metric below --baseline or
--min-f1, 2 unusable input (bad gold line, missing table, bad baseline file)
"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="plan-extract",
        description="Turn Chinese local-government plan documents (implementation plans, work plans, action plans, task lists) into Parquet tables.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="Run 'plan-extract COMMAND --help' for the options of each command.",
    )
    from . import __version__
    parser.add_argument("--version", action="version", version=f"plan-extract {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    run = sub.add_parser("run", help="extract tables from files and folders",
                         description="Read .txt/.md/.html/.docx/.pdf files (folders are walked) "
                                     "and write documents, nodes, responsibilities, people, "
                                     "targets, dates, phases and errors as DIR/<table>.parquet.",
                         epilog=RUN_EXAMPLES, formatter_class=argparse.RawDescriptionHelpFormatter)
    run.add_argument("inputs", nargs="+", metavar="INPUT", help="files or folders to read")
    run.add_argument("--out", required=True, metavar="DIR", help="folder for the Parquet tables")
    run.add_argument("--workers", type=int, default=1, metavar="N",
                     help="processes to use (default 1; results are the same for any N)")
    run.add_argument("--executor", choices=("local", "dask"), default="local",
                     help="where files are processed: local processes (default) or a Dask "
                          "cluster (a local one of --workers processes unless --dask is given)")
    run.add_argument("--dask", metavar="SCHEDULER", default=None,
                     help="address of a running Dask scheduler (tcp://host:8786); implies "
                          "--executor dask")
    run.add_argument("--incremental", action="store_true",
                     help="re-read only inputs whose bytes (or the rules) changed since the "
                          "last run into DIR; keep the other rows")
    run.add_argument("--wait", action="store_true",
                     help="when another run is writing into DIR, wait for it instead of stopping")
    run.add_argument("--quiet", action="store_true", help="no progress bar or summary")
    run.add_argument("--limit", action="append", default=[], metavar="NAME=VALUE",
                     help="raise a per-file limit for this run (seconds_per_file, "
                          "docx_xml_megabytes, html_depth, max_megabytes.text …; "
                          "defaults in rules/ingest.yaml)")
    ev = sub.add_parser("eval", help="score tables against gold annotations",
                        description="Compare the tables in DIR with gold JSONL files "
                                    "(format: corpus/gold/GUIDE.md).",
                        epilog=EVAL_EXAMPLES, formatter_class=argparse.RawDescriptionHelpFormatter)
    ev.add_argument("--gold", required=True, metavar="GOLD_DIR", help="folder of <source>.jsonl gold files")
    ev.add_argument("--out", required=True, metavar="DIR", help="folder holding the Parquet tables")
    ev.add_argument("--json", action="store_true", help="print the scores as JSON")
    ev.add_argument("--show-errors", metavar="TYPE", default=None,
                    choices=("node", "unit", "person", "target", "date", "all"),
                    help="list every missed gold fact and unmatched row of TYPE "
                         "(node, unit, person, target, date or all)")
    ev.add_argument("--min-f1", type=float, default=None, metavar="F",
                    help="exit 1 when any fact type's F1 falls below F")
    ev.add_argument("--baseline", default=None, metavar="FILE",
                    help="YAML of floors (f1 per type, doc_accuracy per field); "
                         "exit 1 naming each metric below its floor")
    from .tools import commands as tool_commands
    tool_commands.add_parsers(sub)
    return parser


def cmd_run(args) -> int:
    from . import executors, pipeline, write

    missing = pipeline.missing_inputs(args.inputs)
    if missing:
        print(f"plan-extract: no such file or folder: {', '.join(missing)}", file=sys.stderr)
        return 2
    if args.workers < 1:
        print("plan-extract: --workers must be 1 or more", file=sys.stderr)
        return 2
    problem = check_rules() or apply_limits(args.limit)
    if problem:
        print(problem, file=sys.stderr)
        return 2
    bar = _Progress() if not args.quiet else None
    try:
        summary = pipeline.run_to(args.inputs, Path(args.out), workers=args.workers,
                                  executor=args.executor, scheduler=args.dask,
                                  incremental=args.incremental, wait=args.wait, progress=bar)
    except (write.OutputError, executors.ExecutorError) as err:
        print(f"plan-extract: {err}", file=sys.stderr)
        return 2
    finally:
        if bar:
            bar.close()
    if not args.quiet:
        _print_summary(summary, args.out)
    return 1 if summary.errors else 0


class _Progress:
    """A progress bar on batches, made once the number of files is known."""

    def __init__(self):
        self._bar = None

    def __call__(self, _job, total: int) -> None:
        if self._bar is None and total > 1:
            from tqdm import tqdm
            self._bar = tqdm(total=total, unit="file", desc="plan-extract", file=sys.stderr)
        if self._bar is not None:
            self._bar.update(1)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()


def _print_summary(summary, out) -> None:
    shown = 50
    for message in summary.errors[:shown]:
        print(f"error: {message}", file=sys.stderr)
    if len(summary.errors) > shown:
        print(f"… and {len(summary.errors) - shown} more errors in errors.parquet", file=sys.stderr)
    rows = summary.rows
    kept = f" ({summary.kept} unchanged, rows kept)" if summary.kept else ""
    dup = f", {rows['duplicates']} duplicates" if rows.get("duplicates") else ""
    print(f"{summary.files} files{kept}{dup}, {rows['documents']} plans, {rows['nodes']} nodes, "
          f"{rows['responsibilities']} units, {rows['people']} people, "
          f"{rows['targets']} targets, {rows['dates']} dates, "
          f"{rows['errors']} errors, {rows.get('warnings', 0)} warnings "
          f"in {summary.seconds:.1f} s -> {out}", file=sys.stderr)


def check_rules():
    """Every rule file checked before any input is read (once per version of
    rules/): the problem, or None."""
    from . import rules
    try:
        rules.validate_once()
    except rules.RuleError as err:
        return (f"plan-extract: rule error: {err}\n"
                f"  fix the rule file (its format: rules/schema.yaml), then run again")
    return None


def apply_limits(items):
    """``--limit NAME=VALUE`` for this run (and its workers): the problem, or None."""
    from .ingest import budget
    try:
        packed = budget.parse_overrides(items)
    except budget.LimitError as err:
        return f"plan-extract: {err}"
    if packed:
        os.environ[budget.ENV] = packed
    return None


def cmd_eval(args) -> int:
    from .eval import score as evaluate
    return evaluate.main(args)


def main(argv=None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    commands = {"run": cmd_run, "eval": cmd_eval}
    for name in ("compare", "review", "export"):
        commands[name] = _tool_command
    if args.command not in commands:
        parser.print_help(sys.stderr)
        return 2
    try:
        return commands[args.command](args)
    except KeyboardInterrupt:
        where = f"; the tables in {args.out} were left as they were" if args.command == "run" else ""
        print(f"\nplan-extract: interrupted{where}", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # the reader went away (`plan-extract eval … | head`): stop quietly, and keep
        # Python from complaining again when it flushes stdout at exit
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 141


def _tool_command(args) -> int:
    from .tools import commands as tool_commands
    return tool_commands.run(args)


if __name__ == "__main__":
    sys.exit(main())
