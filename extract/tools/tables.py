"""Load an output folder for the tools, and say clearly what is wrong with it.

A folder may be missing, hold only some tables (a run that was stopped, a copy
made by hand), or come from an older version whose tables lack columns. Each
case is one ``OutputFolderError`` that names what is missing and the command
that writes it, so the CLI can print it and exit 2.
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterable

import pandas as pd
import pyarrow.parquet as pq

from ..write import SCHEMAS
from .choices import PLACE_KEYS

FACT_TABLES = ("responsibilities", "people", "targets", "dates", "phases")
UNKNOWN_PLACE = "(unknown)"


class OutputFolderError(Exception):
    """The folder cannot be used; the message says why and how to make it."""


def _remedy(out_dir: Path) -> str:
    return f"make it with: plan-extract run INPUT... --out {out_dir}"


def check_folder(out_dir, names: Iterable[str]) -> Path:
    """Raise OutputFolderError unless every named table is there with its columns."""
    out = Path(out_dir)
    if not out.is_dir():
        raise OutputFolderError(f"no output folder {out}; {_remedy(out)}")
    names = list(names)
    missing = [f"{n}.parquet" for n in names if not (out / f"{n}.parquet").is_file()]
    if missing:
        raise OutputFolderError(
            f"{out} lacks {', '.join(missing)} (a partial or interrupted run?); {_remedy(out)}")
    stale = []
    for name in names:
        have = set(pq.read_schema(out / f"{name}.parquet").names)
        lacking = [f.name for f in SCHEMAS[name] if f.name not in have]
        if lacking:
            stale.append(f"{name}.parquet has no {', '.join(lacking)}")
    if stale:
        raise OutputFolderError(
            f"{out} was written by an older version ({'; '.join(stale)}); "
            f"run it again with this version: plan-extract run INPUT... --out {out}")
    return out


def load(out_dir, names: Iterable[str] = tuple(SCHEMAS)) -> dict:
    """The named tables of a checked folder as pandas DataFrames (dates as datetime.date)."""
    names = list(names)
    out = check_folder(out_dir, names)
    return {name: pq.read_table(out / f"{name}.parquet").to_pandas(date_as_object=True)
            for name in names}


def place_of(documents: pd.DataFrame, by: str) -> pd.Series:
    """The place each plan belongs to, indexed by doc_id.

    ``city`` falls back to the province for a provincial plan (it has no city)
    and ``province`` to the unknown marker, so every plan has a place.
    """
    if by not in PLACE_KEYS:
        raise ValueError(f"--by must be one of {', '.join(PLACE_KEYS)}, not {by!r}")
    if by == "doc":
        # a title names the plan; a repeated or empty one gets its id so plans stay apart
        title = documents["title"].fillna("")
        clash = title.duplicated(keep=False) | (title == "")
        place = title.where(~clash, (title + " " + documents["doc_id"]).str.strip())
    elif by == "city":
        place = documents["city"].fillna(documents["province"])
    else:
        place = documents["province"]
    return pd.Series(place.fillna(UNKNOWN_PLACE).values, index=documents["doc_id"].values, name="place")
