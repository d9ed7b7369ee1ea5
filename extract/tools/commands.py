"""The ``compare``, ``review`` and ``export`` subcommands: arguments and running.

Kept apart from ``extract.cli`` so that the CLI only registers them; a bad
output folder is one message on stderr and exit status 2.
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

COMPARE_EXAMPLES = """examples:
  plan-extract compare output/
  plan-extract compare output/ --by province -o compare.xlsx
  plan-extract compare output/ --section targets -o targets.csv
  plan-extract compare output/ -o compare.parquet   # compare.counts.parquet, compare.units.parquet …

sections: counts (plans, items, units, responsibilities, people, targets, dates,
phases per place), units (the units named for the most items, split by role),
targets (one row per normalised indicator, one column per place), timeline
(the phases), outline (items per outline level). --by city uses the province
for a provincial plan that names no city.
"""

REVIEW_EXAMPLES = """examples:
  plan-extract review output/ -o review/            # review/index.html and one page per plan
  plan-extract review output/ --doc c2844e59d430d861-2 -o review/

Each page is self-contained HTML (no network): the text with every fact
highlighted by type, its values and rule on hover or tap, an outline that jumps
to each node, and the plan's tables.
"""

EXPORT_EXAMPLES = """examples:
  plan-extract export output/ -o plans.xlsx        # one sheet per table
  plan-extract export output/ -o plans-csv/        # a folder of UTF-8 CSV files

Every fact row carries its plan's title and place and its node's label and
title; dates are Excel dates; headers are frozen and filtered.
"""


def _sub(sub, name, help_, description, epilog):
    return sub.add_parser(name, help=help_, description=description, epilog=epilog,
                          formatter_class=argparse.RawDescriptionHelpFormatter)


def add_parsers(sub) -> None:
    from .choices import PLACE_KEYS, SECTIONS     # not the tools: they import pandas
    cmp_ = _sub(sub, "compare", "compare places: unit load, targets, phases, counts",
                "Compare the plans in OUT_DIR by place, from the tables that 'run' wrote.",
                COMPARE_EXAMPLES)
    cmp_.add_argument("out_dir", metavar="OUT_DIR", help="folder written by plan-extract run")
    cmp_.add_argument("--by", choices=PLACE_KEYS, default="city", help="group plans by (default city)")
    cmp_.add_argument("--top", type=int, default=5, metavar="N", help="units listed per place (default 5)")
    cmp_.add_argument("--section", choices=SECTIONS, action="append", default=None,
                      help="only this section (repeatable; default all)")
    cmp_.add_argument("-o", "--output", metavar="FILE", default=None,
                      help="also write the sections: .csv, .parquet or .xlsx, by extension")
    rev = _sub(sub, "review", "write an HTML page per plan to check rows by eye",
               "Write one static HTML review page per plan in OUT_DIR.", REVIEW_EXAMPLES)
    rev.add_argument("out_dir", metavar="OUT_DIR", help="folder written by plan-extract run")
    rev.add_argument("--doc", metavar="ID", default=None, help="only the plan with this doc_id")
    rev.add_argument("-o", "--output", metavar="DIR", required=True, help="folder for the pages")
    exp = _sub(sub, "export", "export the tables to Excel or CSV",
               "Export the tables in OUT_DIR for spreadsheets.", EXPORT_EXAMPLES)
    exp.add_argument("out_dir", metavar="OUT_DIR", help="folder written by plan-extract run")
    exp.add_argument("-o", "--output", metavar="FILE", required=True,
                     help="a .xlsx workbook, or a folder (no extension) of CSV files")


def _fail(message: str) -> int:
    print(f"plan-extract: {message}", file=sys.stderr)
    return 2


def cmd_compare(args) -> int:
    from . import compare
    if args.output and Path(args.output).suffix.lower() not in compare.OUTPUT_SUFFIXES:
        return _fail(f"-o {args.output}: the extension must be one of {', '.join(compare.OUTPUT_SUFFIXES)}")
    if args.top < 1:
        return _fail("--top must be 1 or more")
    sections = compare.compare(args.out_dir, by=args.by, top=args.top)
    if args.section:
        sections = {name: sections[name] for name in sections if name in args.section}
    print(compare.format_text(sections))
    if args.output:
        for path in compare.write(sections, Path(args.output)):
            print(f"wrote {path}", file=sys.stderr)
    return 0


def cmd_review(args) -> int:
    from . import review
    written = review.review(args.out_dir, args.output, doc_id=args.doc)
    print(f"{len(written)} review pages -> {Path(args.output) / 'index.html'}", file=sys.stderr)
    return 0


def cmd_export(args) -> int:
    from . import export
    target = Path(args.output)
    if target.suffix and target.suffix.lower() != ".xlsx" and not args.output.endswith(("/", "\\")):
        return _fail(f"-o {args.output}: give a .xlsx file or a folder name without an extension")
    for path in export.export(args.out_dir, target):
        print(f"wrote {path}", file=sys.stderr)
    return 0


COMMANDS = {"compare": cmd_compare, "review": cmd_review, "export": cmd_export}


def run(args) -> int:
    from .tables import OutputFolderError
    try:
        return COMMANDS[args.command](args)
    except OutputFolderError as err:
        return _fail(str(err))
    except BrokenPipeError:
        # the reader (| head) stopped reading: not an error; keep Python from complaining at exit
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
