"""``plan-extract review``: one static HTML page per plan, to check rows by eye.

The page shows the cleaned text with every fact highlighted by type, a panel
with the row's normalised values and rule, an outline that jumps to each
node, and the plan's tables. CSS, script and data are inlined: the page needs
no network and opens from a file, on a desktop or a phone.
"""
from __future__ import annotations

import html
import json
from importlib import resources
from pathlib import Path
from string import Template

import pandas as pd

from . import tables as tbl
from .highlight import Mark, render

NEEDED = ("documents", "nodes", "responsibilities", "people", "targets", "dates", "phases")
# fact type -> (table, values shown in the panel and the table below)
KINDS = {
    "node": ("nodes", ["label", "title", "level", "style", "node_id"]),
    "unit": ("responsibilities", ["unit", "unit_raw", "role", "unit_norm", "unit_kind", "rule_id"]),
    "person": ("people", ["name", "role", "unit", "rule_id"]),
    "target": ("targets", ["indicator", "indicator_norm", "comparator", "value", "value_max",
                           "unit", "per", "baseline", "rule_id"]),
    "date": ("dates", ["kind", "start", "end", "period", "rule_id"]),
    "phase": ("phases", ["ordinal", "name", "start", "end"]),
}
PREFIX = {"node": "n", "unit": "u", "person": "p", "target": "t", "date": "d", "phase": "ph"}


def _template(name: str) -> str:
    return resources.files("extract.tools").joinpath("templates", name).read_text(encoding="utf-8")


def _shown(value) -> str:
    if value is None or value is pd.NaT or (isinstance(value, float) and pd.isna(value)):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def fact_marks(text: str, plan_tables: dict) -> tuple:
    """(marks, facts): one Mark per row of every fact table (a node's mark
    covers its label), and the panel data keyed by fact id."""
    marks, facts = [], {}
    for kind, (table, columns) in KINDS.items():
        frame = plan_tables[table].sort_values(["char_start", "char_end"], kind="stable")
        for i, row in enumerate(frame.to_dict("records")):
            fact_id = f"{PREFIX[kind]}{i}"
            start = int(row["char_start"])
            end = start + len(row["label"]) if kind == "node" else int(row["char_end"])
            attrs = {"title": f"{kind}: {row.get('rule_id') or row.get('name') or row.get('label')}"}
            if kind == "unit":
                attrs["class"] = f"f f-unit role-{row['role']}"
            marks.append(Mark(fact_id, start, end, kind, attrs))
            values = {c: _shown(row.get(c)) for c in columns if _shown(row.get(c))}
            facts[fact_id] = {"type": kind, "text": text[start:end], "start": start, "end": end,
                              "node_id": row.get("node_id"), "values": values}
    return marks, facts


def _outline(nodes: pd.DataFrame) -> str:
    """Nested lists, one link per node; each jumps to the node's label in the text."""
    nodes = nodes.sort_values(["char_start", "char_end"], kind="stable").reset_index(drop=True)
    if nodes.empty:
        return "<p>(no numbered items)</p>"
    out, depth = [], 0
    for i, row in nodes.iterrows():
        level = int(row["level"])
        while depth < level:
            out.append("<ol>")
            depth += 1
        while depth > level:
            out.append("</ol>")
            depth -= 1
        label = html.escape(f"{row['label']} {row['title']}".strip())
        out.append(f'<li><a href="#f-n{i}" data-show="n{i}" title="{label}">{label}</a></li>')
    out.extend("</ol>" for _ in range(depth))
    return "".join(out)


def _table(kind: str, frame: pd.DataFrame) -> str:
    table, columns = KINDS[kind]
    frame = frame.sort_values(["char_start", "char_end"], kind="stable").reset_index(drop=True)
    shown = ["text"] + [c for c in columns if c != "text"] if kind != "node" else columns
    head = "".join(f"<th>{html.escape(c)}</th>" for c in shown)
    rows = []
    for i, row in frame.iterrows():
        fact_id = f"{PREFIX[kind]}{i}"
        cells = []
        for c in shown:
            value = html.escape(_shown(row.get(c))[:200])
            if c == shown[0]:
                value = f'<a href="#f-{fact_id}" data-show="{fact_id}">{value or "·"}</a>'
            cells.append(f"<td>{value}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    if not rows:
        rows.append(f'<tr><td class="empty" colspan="{len(shown)}">(none)</td></tr>')
    return (f'<h2 id="table-{table}">{table} ({len(frame)})</h2><div class="scroll">'
            f'<table data-table="{table}"><thead><tr>{head}</tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table></div>')


def _legend(counts: dict) -> str:
    return "".join(
        f'<label><input type="checkbox" checked data-kind="{k}"> '
        f'<span class="swatch" style="background:var(--{k})"></span> {k} ({counts.get(k, 0)})</label>'
        for k in KINDS)


def _meta(doc: dict) -> str:
    bits = [_shown(doc.get(k)) for k in ("source_path", "part", "province", "city", "issue_date", "doc_id")]
    bits[1] = f"part {bits[1]}"
    return html.escape(" · ".join(b for b in bits if b))


def page(doc: dict, plan_tables: dict) -> str:
    """The HTML of one plan's review page."""
    text = doc["text"] or ""
    marks, facts = fact_marks(text, plan_tables)
    counts = {}
    for fact in facts.values():
        counts[fact["type"]] = counts.get(fact["type"], 0) + 1
    data = json.dumps(facts, ensure_ascii=False).replace("</", "<\\/")
    return Template(_template("review.html")).substitute(
        title=html.escape(doc.get("title") or doc["doc_id"]), meta=_meta(doc),
        legend=_legend(counts), node_count=len(plan_tables["nodes"]),
        outline=_outline(plan_tables["nodes"]), body=render(text, marks),
        tables="".join(_table(k, plan_tables[KINDS[k][0]]) for k in KINDS),
        facts=data, css=_template("review.css"), js=_template("review.js"),
    )


def _index(docs: pd.DataFrame) -> str:
    items = "".join(
        f'<li><a href="{html.escape(d)}.html">{html.escape(t or d)}</a> '
        f'<small>{html.escape(" · ".join(x for x in (p, c) if x))}</small></li>'
        for d, t, p, c in zip(docs["doc_id"], docs["title"], docs["province"].map(_shown),
                              docs["city"].map(_shown)))
    return ('<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f'<title>plan-extract review</title></head><body><h1>Plans</h1><ul>{items}</ul></body></html>')


class UnknownPlan(tbl.OutputFolderError):
    pass


def review(out_dir, dest, doc_id: str | None = None) -> list:
    """Write DEST/<doc_id>.html for each plan (or the one asked for) and DEST/index.html."""
    t = tbl.load(out_dir, NEEDED)
    docs = t["documents"]
    if doc_id is not None:
        if doc_id not in set(docs["doc_id"]):
            known = ", ".join(docs["doc_id"]) or "none"
            raise UnknownPlan(f"no plan {doc_id} in {out_dir} (plans there: {known})")
        docs = docs[docs["doc_id"] == doc_id]
    dest = Path(dest)
    dest.mkdir(parents=True, exist_ok=True)
    by_doc = {name: dict(tuple(t[name].groupby("doc_id"))) for name in NEEDED[1:]}
    written = []
    for doc in docs.to_dict("records"):
        plan_tables = {name: by_doc[name].get(doc["doc_id"], t[name].iloc[0:0]) for name in NEEDED[1:]}
        path = dest / f"{doc['doc_id']}.html"
        path.write_text(page(doc, plan_tables), encoding="utf-8")
        written.append(path)
    (dest / "index.html").write_text(_index(docs), encoding="utf-8")
    return written
