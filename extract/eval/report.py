"""Reports of an evaluation (``plan-extract eval``): the score table, and with
``--show-errors`` every missed gold fact with why it found no row and every
counted unmatched row.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from . import gold as G
from .gold import DOC_FIELDS, TYPES
from .matching import PlanData, Row, as_text

if TYPE_CHECKING:
    from .score import PlanResult


def why_missed(res: PlanResult, fact: G.Fact, checks) -> str:
    """Why a fact found no row: gold quotes not found, or the closest unused row's failed checks."""
    if isinstance(checks, str):
        return checks
    plan, rows, used = res.plan, res.plan.rows[fact.type], res.used[fact.type]
    notes, want_node, want_span, taken = [], None, None, False
    if fact.type != "node" and fact.item:
        node_id, problem = plan.node_for_item(fact.item)
        notes += [problem] if problem else []
        node = plan.nodes.get(node_id)
        want_node = f"node_id (item is in {node.get('label')} {as_text(node.get('title'))[:12]!r})" if node else None
    if fact.type in ("target", "date"):
        spans = plan.spans(fact.data["span"])
        notes += [] if spans else ["span not found in the plan text"]
        want_span = "span (gold span at " + " ".join(f"[{a},{b})" for a, b in spans[:3]) + ")"
    best, best_fails = None, None
    for i, row in enumerate(rows):
        fails = [name for name, test in checks if not test(row)]
        if i in used and not fails and not taken:
            taken = True
            notes.append(f"a row fitting every check was taken by another fact: "
                         f"{describe_row(fact.type, row, plan)}")
        elif i not in used and (best_fails is None or len(fails) < len(best_fails)):
            best, best_fails = row, fails
    if best is None:
        notes.append("no unused row of this type in the plan")
    else:
        names = [(want_node if n == "node_id" else want_span if n == "span" else None) or n
                 for n in best_fails]
        notes.append(f"closest unused row {describe_row(fact.type, best, plan)} fails: {', '.join(names)}")
    return "; ".join(notes)


def describe_row(kind: str, row: Row, plan: PlanData) -> str:
    r = row.data
    fields = {
        "node": lambda: f"{r.get('label')} (level {r.get('level')}) {r.get('title')!r}",
        "unit": lambda: f"{r.get('unit')} [{r.get('role')}] text {r.get('text')!r}",
        "person": lambda: f"{r.get('name')} [{r.get('role')}] text {r.get('text')!r}",
        "target": lambda: f"{r.get('text')!r} {r.get('comparator')} {r.get('value')} {r.get('unit') or ''} "
                          f"indicator {r.get('indicator')!r}",
        "date": lambda: f"{r.get('text')!r} {r.get('kind')} "
                        f"{r.get('period') or (as_text(r.get('start')), as_text(r.get('end')))}",
    }[kind]()
    where = f"[{r.get('char_start')},{r.get('char_end')})"
    if kind == "node":
        return f"{fields} {where}"
    node = plan.nodes.get(r.get("node_id"))
    in_node = f"in {node.get('label')} {as_text(node.get('title'))[:20]!r}" if node else \
        f"in node {r.get('node_id')!r} (not in the nodes table)"
    return f"{fields} {where} {in_node}"


def _pct(x) -> str:
    return "   -  " if x is None else f"{x:6.3f}"


def format_text(summary: dict) -> str:
    lines = [f"{'type':8} {'precision':>9} {'recall':>7} {'F1':>7} {'matched':>8} {'gold':>6} {'rows':>6}"]
    for kind, m in summary["types"].items():
        lines.append(f"{kind:8} {m['precision']:9.3f} {m['recall']:7.3f} {m['f1']:7.3f} "
                     f"{m['matched']:8d} {m['gold']:6d} {m['rows']:6d}")
    lines.append("")
    lines.append("document fields: " + ", ".join(
        f"{f} {v['accuracy']:.3f} ({v['correct']}/{v['scored']})" for f, v in summary["doc_fields"].items()))
    agree = summary["agreement"]
    lines.append("on matched targets: " + ", ".join(
        f"{k.split('_', 1)[1]} agreement {_pct(v['agreement']).strip()} ({v['agree']}/{v['matched']})"
        for k, v in agree.items()))
    lines.append("")
    lines.append("per plan (matched/gold/rows):")
    width = max([len(f"{p['source']}#{p['part']}") for p in summary["plans"]] + [4])
    lines.append(f"  {'plan':{width}} " + " ".join(f"{k:>12}" for k in TYPES) + "  title city province")
    for p in summary["plans"]:
        cells = " ".join(f"{'%d/%d/%d' % (m['matched'], m['gold'], m['rows']):>12}" for m in p["types"].values())
        marks = " ".join({True: "ok", False: "WRONG", None: "-"}[p["doc_fields"].get(f)]
                         if p["doc_fields"] else "-" for f in DOC_FIELDS)
        note = "" if p["documents_row"] else "  (no documents row)"
        note += "" if p["in_gold"] else "  (part not in gold)"
        lines.append(f"  {p['source'] + '#' + str(p['part']):{width}} {cells}  {marks}{note}")
    if summary["warnings"]:
        lines.append("")
        lines.append(f"gold warnings ({len(summary['warnings'])}):")
        lines += [f"  {w}" for w in summary["warnings"]]
    return "\n".join(lines)


def error_lists(summary: dict, kind: str) -> dict:
    """Every missed required gold fact and every counted unmatched row of one type."""
    missed, unmatched = [], []
    for res in summary["_results"]:
        for fact, checks in res.missed[kind]:
            missed.append({"plan": res.plan.name, "line": fact.line, "fact": fact.data,
                           "text": fact.describe(), "why": why_missed(res, fact, checks)})
        for row in res.unmatched[kind]:
            unmatched.append({"plan": res.plan.name, "char_start": row.data.get("char_start"),
                              "char_end": row.data.get("char_end"),
                              "text": f"{res.plan.name}: {describe_row(kind, row, res.plan)}"})
    return {"missed": missed, "unmatched": unmatched}


def format_errors(errors: dict, kind: str) -> str:
    lines = [f"missed {kind} gold facts ({len(errors['missed'])}):"]
    for e in errors["missed"]:
        lines += [f"  {e['text']}", f"      why: {e['why']}"]
    lines.append(f"unmatched {kind} rows ({len(errors['unmatched'])}):")
    lines += [f"  {e['text']}" for e in errors["unmatched"]]
    return "\n".join(lines)
