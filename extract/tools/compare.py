"""``plan-extract compare``: how the plans of several places differ.

Every section is a pandas computation over the written tables, grouped by the
place each plan belongs to (``tables.place_of``); no text is parsed again.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from . import tables as tbl
from .choices import SECTIONS
from .termtable import render

NEEDED = ("documents", "nodes", "responsibilities", "people", "targets", "dates", "phases")
ROLES = ("lead", "responsible", "assist", "data_provider")


def _with_place(frame: pd.DataFrame, place: pd.Series) -> pd.DataFrame:
    return frame.assign(place=frame["doc_id"].map(place))


def counts(t: dict, place: pd.Series) -> pd.DataFrame:
    """Per place: plans, outline items, distinct units, and rows of each fact table."""
    docs = _with_place(t["documents"], place)
    out = docs.groupby("place").size().rename("plans").to_frame()
    out["items"] = _with_place(t["nodes"], place).groupby("place").size()
    resp = _with_place(t["responsibilities"], place)
    out["units"] = resp.groupby("place")["unit"].nunique()
    out["responsibilities"] = resp.groupby("place").size()
    for name in ("people", "targets", "dates", "phases"):
        out[name] = _with_place(t[name], place).groupby("place").size()
    return out.fillna(0).astype(int).reset_index().sort_values("place", ignore_index=True)


def unit_load(t: dict, place: pd.Series, top: int = 5) -> pd.DataFrame:
    """Per place, the units named for the most items, with the split by role.

    ``share`` is the unit's part of all the place's responsibility rows.
    """
    resp = _with_place(t["responsibilities"], place)
    if resp.empty:
        return pd.DataFrame(columns=["place", "unit", "total", *ROLES, "share"])
    split = pd.crosstab([resp["place"], resp["unit"]], resp["role"])
    split = split.reindex(columns=list(ROLES), fill_value=0)
    split.insert(0, "total", split.sum(axis=1))
    split = split.reset_index()
    split["share"] = (split["total"] / split.groupby("place")["total"].transform("sum")).round(3)
    split = split.sort_values(["place", "total", "unit"], ascending=[True, False, True])
    return split.groupby("place").head(top).reset_index(drop=True)


def target_cell(row) -> str:
    """One target as a reader writes it: comparator, value (or range), unit, per."""
    if pd.isna(row.value):
        shown = f"{row.comparator} {_text(row.baseline)}".strip()
    else:
        shown = f"{row.comparator}{_num(row.value)}"
        if not pd.isna(row.value_max):
            shown += f"-{_num(row.value_max)}"
        shown += _text(row.unit)
    return f"{shown} ({row.per})" if _text(row.per) else shown


def _text(value) -> str:
    return "" if value is None or pd.isna(value) else str(value)


def _num(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def targets_side_by_side(t: dict, place: pd.Series) -> pd.DataFrame:
    """One row per normalised indicator, one column per place; several targets
    of one indicator in one place are joined with '; ' in text order."""
    tg = _with_place(t["targets"], place)
    if tg.empty:
        return pd.DataFrame(columns=["indicator"])
    tg = tg.assign(indicator_key=tg["indicator_norm"].fillna(tg["indicator"]),
                   shown=[target_cell(r) for r in tg.itertuples()])
    tg = tg.sort_values(["doc_id", "char_start"])
    wide = tg.groupby(["indicator_key", "place"])["shown"].agg("; ".join).unstack("place")
    wide = wide.reindex(columns=sorted(wide.columns)).fillna("")
    wide.columns.name = None
    return wide.reset_index().rename(columns={"indicator_key": "indicator"})


def timeline(t: dict, place: pd.Series) -> pd.DataFrame:
    """The phases of every plan, in order, with their dates and length in days."""
    ph = _with_place(t["phases"], place)
    titles = t["documents"].set_index("doc_id")["title"]
    ph = ph.assign(plan=ph["doc_id"].map(titles))
    out = ph[["place", "plan", "ordinal", "name", "start", "end"]].copy()
    out["days"] = [(e - s).days + 1 if s is not None and e is not None and not pd.isna(s) and not pd.isna(e)
                   else None for s, e in zip(out["start"], out["end"])]
    out["days"] = out["days"].astype("Int64")
    return out.sort_values(["place", "plan", "ordinal"], ignore_index=True)


def outline_depth(t: dict, place: pd.Series) -> pd.DataFrame:
    """Per plan: how many outline items sit at each level (the plan's depth and breadth)."""
    nodes = _with_place(t["nodes"], place)
    titles = t["documents"].set_index("doc_id")["title"]
    nodes = nodes.assign(plan=nodes["doc_id"].map(titles))
    wide = nodes.groupby(["place", "plan", "level"]).size().unstack("level", fill_value=0)
    wide.columns = [f"level_{c}" for c in wide.columns]
    wide.insert(0, "depth", nodes.groupby(["place", "plan"])["level"].max())
    return wide.reset_index().sort_values(["place", "plan"], ignore_index=True)


def compare(out_dir, by: str = "city", top: int = 5) -> dict:
    """Every section, keyed by name, from the tables in out_dir."""
    t = tbl.load(out_dir, NEEDED)
    place = tbl.place_of(t["documents"], by)
    return {
        "counts": counts(t, place),
        "units": unit_load(t, place, top),
        "targets": targets_side_by_side(t, place),
        "timeline": timeline(t, place),
        "outline": outline_depth(t, place),
    }


TITLES = {
    "counts": "Counts per place",
    "units": "Units carrying the most items, and the split by role",
    "targets": "Targets side by side (normalised indicator x place)",
    "timeline": "Phases",
    "outline": "Outline: items per level",
}


def format_text(sections: dict) -> str:
    return "\n\n".join(render(frame, title=f"== {TITLES[name]}") for name, frame in sections.items())


def write(sections: dict, path: Path) -> list:
    """Write by the extension of path: .xlsx one sheet per section; .csv or
    .parquet one file per section (``NAME.<section>.csv``), or exactly path
    when a single section was asked for. Returns the paths written."""
    path = Path(path)
    suffix = path.suffix.lower()
    path.parent.mkdir(parents=True, exist_ok=True)
    if suffix == ".xlsx":
        from .export import write_workbook
        write_workbook({name: frame for name, frame in sections.items()}, path)
        return [path]
    written = []
    for name, frame in sections.items():
        target = path if len(sections) == 1 else path.with_name(f"{path.stem}.{name}{path.suffix}")
        if suffix == ".csv":
            frame.to_csv(target, index=False, encoding="utf-8-sig")
        else:
            frame.astype({c: "string" for c in frame.columns if frame[c].dtype == object}).to_parquet(
                target, index=False)
        written.append(target)
    return written


OUTPUT_SUFFIXES = (".csv", ".parquet", ".xlsx")
