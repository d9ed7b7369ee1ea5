"""Score extracted tables against gold annotations (``plan-extract eval``).

The matching rules are those of ``corpus/gold/GUIDE.md`` ("Scoring"): per plan
(source file name + part) and per fact type, gold facts are taken in file order
and each is matched to the first unused row that satisfies every check of its
type. Tables are read with pyarrow and nulls/NaN are made ``None`` so that the
result never depends on how a table was written.
"""
from __future__ import annotations

import json
import math
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow.parquet as pq
import yaml

from . import gold as G
from .gold import DOC_FIELDS, TABLES, TYPES, norm
from .matching import PlanData, as_text, fact_checks, fact_index_key, overlaps
from .report import error_lists, format_errors, format_text


class EvalError(ValueError):
    """Input the scorer cannot use (missing tables, bad baseline file)."""


def read_tables(out_dir: Path) -> dict:
    """Every table the scorer needs as a list of plain dicts (NaN/NaT made None)."""
    tables = {}
    for name in ("documents",) + tuple(TABLES.values()):
        path = Path(out_dir) / f"{name}.parquet"
        if not path.exists():
            raise EvalError(f"{path}: table not found; run 'plan-extract run ... --out {out_dir}' first")
        rows = pq.read_table(path).to_pylist()
        tables[name] = [{k: _clean(v) for k, v in row.items()} for row in rows]
    return tables


def _clean(value):
    if isinstance(value, float) and math.isnan(value):
        return None
    if value is not None and type(value).__name__ in ("NaTType", "NAType"):
        return None
    return value


@dataclass
class Score:
    matched: int = 0
    gold: int = 0              # required gold facts
    rows: int = 0              # rows counted for precision: matched + unmatched not ignored
    optional_matched: int = 0
    ignored: int = 0

    def add(self, other: "Score") -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def metrics(self) -> dict:
        if self.gold == 0 and self.rows == 0:
            p = r = f = 1.0
        else:
            p = self.matched / self.rows if self.rows else 0.0
            r = self.matched / self.gold if self.gold else 0.0
            f = 2 * p * r / (p + r) if p + r else 0.0
        return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), **self.__dict__}


@dataclass
class PlanResult:
    plan: PlanData
    in_gold: bool
    scores: dict = field(default_factory=lambda: {k: Score() for k in TYPES})
    doc_fields: dict = field(default_factory=dict)   # field -> True/False/None (not scored)
    missed: dict = field(default_factory=lambda: {k: [] for k in TYPES})      # (fact, checks or reason)
    used: dict = field(default_factory=lambda: {k: set() for k in TYPES})     # indexes of matched rows
    unmatched: dict = field(default_factory=lambda: {k: [] for k in TYPES})   # Row
    pairs: list = field(default_factory=list)         # matched required (target fact, row)


def match_type(kind: str, facts: list, plan: PlanData, ignores: list, res: PlanResult) -> None:
    rows, used, score = plan.rows[kind], res.used[kind], res.scores[kind]
    for fact in facts:
        checks = fact_checks(fact, plan)
        candidates = plan.index[kind].get(fact_index_key(fact), ())
        hit = next((i for i in candidates
                    if i not in used and all(test(rows[i]) for _n, test in checks)), None)
        if hit is not None:
            used.add(hit)
            if fact.optional:
                score.optional_matched += 1
            else:
                score.matched += 1
                res.pairs.append((fact, rows[hit]))
        elif not fact.optional:
            res.missed[kind].append((fact, checks))   # explained only when asked: report.why_missed
        score.gold += not fact.optional
    for i, row in enumerate(rows):
        if i in used:
            continue
        # A node row stands where its label is, not over its whole subtree.
        start = row.data.get("char_start")
        where = dict(row.data, char_end=start + 1 if start is not None else None) if kind == "node" else row.data
        if any(overlaps(where, plan.spans(span)) for span in ignores):
            score.ignored += 1
        else:
            res.unmatched[kind].append(row)
    score.rows = score.matched + len(res.unmatched[kind])


def score_plan(plan: PlanData, facts: list, in_gold: bool) -> PlanResult:
    res = PlanResult(plan, in_gold)
    ignores = [f.data["span"] for f in facts if f.type == "ignore"]
    for kind in TYPES:
        if plan.doc is None:
            required = [f for f in facts if f.type == kind and not f.optional]
            res.scores[kind].gold = len(required)
            res.missed[kind] = [(f, "no documents row for this plan") for f in required]
        else:
            # required facts first (the guide): an optional fact listed earlier must
            # not take the row a required one needs
            of_kind = [f for f in facts if f.type == kind]
            match_type(kind, [f for f in of_kind if not f.optional] + [f for f in of_kind if f.optional],
                       plan, ignores, res)
    for fact in (f for f in facts if f.type == "doc"):
        res.doc_fields = doc_field_results(fact.data, plan.doc)
    return res


def doc_field_results(gold_doc: dict, doc) -> dict:
    got = doc or {}
    out = {}
    want, have = norm(gold_doc.get("title")), norm(got.get("title"))
    out["title"] = None if gold_doc.get("title") is None else bool(have) and (want in have or have in want)
    for name in ("city", "province"):
        out[name] = doc is not None and norm(gold_doc.get(name)) == norm(got.get(name))
    return out


def evaluate(gold_facts: dict, tables: dict) -> dict:
    """Score every plan of every gold source; returns the result dict the reports print."""
    by_doc = {name: {} for name in TABLES.values()}
    for name in by_doc:
        for row in tables[name]:
            by_doc[name].setdefault(row.get("doc_id"), []).append(row)
    docs, warnings = {}, []
    for doc in tables["documents"]:
        key = (_basename(doc.get("source_path")), doc.get("part"))
        if key[0] not in gold_facts:
            continue
        if key in docs:
            warnings.append(f"{key[0]}#{key[1]}: several documents rows; the first is scored")
            continue
        docs[key] = doc
    results = []
    for source, facts in gold_facts.items():
        parts = sorted({f.part for f in facts} | {p for s, p in docs if s == source})
        for part in parts:
            plan = PlanData(source, part, docs.get((source, part)), by_doc)
            mine = [f for f in facts if f.part == part]
            results.append(score_plan(plan, mine, in_gold=bool(mine)))
            warnings += gold_warnings(plan, mine)
    return summarise(results, warnings)


def _basename(path) -> str:
    return as_text(path).replace("\\", "/").rsplit("/", 1)[-1]


def gold_warnings(plan: PlanData, facts: list) -> list:
    """Gold quotes that cannot be located: the fact can never match, so say so."""
    if plan.doc is None:
        return [f"{plan.name}: no documents row; its {sum(not f.optional for f in facts if f.type in TYPES)} "
                f"required facts count as missed"] if facts else []
    out = []
    for fact in facts:
        if fact.type != "node" and fact.type != "doc" and fact.item:
            problem = plan.node_for_item(fact.item)[1]
            if problem:
                out.append(f"{fact.where()}: {problem}: {fact.item!r}")
        if fact.type in ("target", "date", "ignore") and not plan.spans(fact.data["span"]):
            what = "ignore span (nothing to leave out)" if fact.type == "ignore" else "span"
            out.append(f"{fact.where()}: {what} not found in the plan text: {fact.data['span']!r}")
    return out


# ---- summary ----

def summarise(results: list, warnings: list) -> dict:
    totals = {k: Score() for k in TYPES}
    doc = {f: [0, 0] for f in DOC_FIELDS}   # correct, scored
    for res in results:
        for kind in TYPES:
            totals[kind].add(res.scores[kind])
        for name, ok in res.doc_fields.items():
            if ok is not None:
                doc[name][0] += ok
                doc[name][1] += 1
    return {
        "types": {k: s.metrics() for k, s in totals.items()},
        "doc_fields": {f: {"accuracy": round(c / n, 4) if n else 1.0, "correct": c, "scored": n}
                       for f, (c, n) in doc.items()},
        "agreement": agreement(results),
        "plans": [{"source": r.plan.source, "part": r.plan.part, "in_gold": r.in_gold,
                   "documents_row": r.plan.doc is not None,
                   "types": {k: r.scores[k].metrics() for k in TYPES},
                   "doc_fields": r.doc_fields} for r in results],
        "warnings": warnings,
        "_results": results,
    }


def agreement(results: list) -> dict:
    """Agreement of fields that are not matching criteria, on matched required targets."""
    counts = {"target_indicator": [0, 0], "target_per": [0, 0], "target_baseline": [0, 0]}
    for res in results:
        for fact, row in res.pairs:
            if fact.type != "target":
                continue
            for name in ("indicator", "per", "baseline"):
                want = norm(fact.data.get(name))
                if name != "indicator" and not want:
                    continue
                have = norm(row.data.get(name))
                counts[f"target_{name}"][0] += bool(have) and (want in have or have in want)
                counts[f"target_{name}"][1] += 1
    return {k: {"agreement": round(a / n, 4) if n else None, "agree": a, "matched": n}
            for k, (a, n) in counts.items()}


def load_baseline(path: Path) -> dict:
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise EvalError(f"{path}: cannot read the baseline: {exc}") from exc
    known = {"f1": TYPES, "doc_accuracy": DOC_FIELDS}
    if not isinstance(data, dict) or set(data) - set(known):
        raise EvalError(f"{path}: the baseline must be a mapping with keys f1 and doc_accuracy")
    for section, names in known.items():
        values = data.get(section) or {}
        bad = [k for k, v in values.items() if k not in names or not isinstance(v, (int, float))]
        if bad:
            raise EvalError(f"{path}: {section}: unknown name or non-numeric floor: {', '.join(map(str, bad))}")
    return data


def failures(summary: dict, baseline, min_f1) -> list:
    """Each metric below its floor, as a sentence."""
    out = []
    floors = {("f1", k): v for k, v in ((baseline or {}).get("f1") or {}).items()}
    floors.update({("doc_accuracy", k): v for k, v in ((baseline or {}).get("doc_accuracy") or {}).items()})
    for kind in TYPES:
        if min_f1 is not None:
            floors[("f1", kind)] = max(floors.get(("f1", kind), 0.0), min_f1)
    for (section, name), floor in floors.items():
        got = summary["types"][name]["f1"] if section == "f1" else summary["doc_fields"][name]["accuracy"]
        if got + 1e-9 < floor:
            label = f"{name} F1" if section == "f1" else f"document {name} accuracy"
            out.append(f"{label} {got:.3f} is below its floor {floor:.3f}")
    return out


def run(gold_dir, out_dir, baseline=None, min_f1=None) -> dict:
    """Load, score and check floors; the summary dict (with 'failures')."""
    summary = evaluate(G.load_dir(Path(gold_dir)), read_tables(Path(out_dir)))
    summary["failures"] = failures(summary, load_baseline(baseline) if baseline else None, min_f1)
    return summary


def main(args) -> int:
    kind = getattr(args, "show_errors", None)
    try:
        summary = run(args.gold, args.out, getattr(args, "baseline", None), getattr(args, "min_f1", None))
    except (G.GoldError, EvalError) as exc:
        print(f"plan-extract eval: {exc}", file=sys.stderr)
        return 2
    kinds = TYPES if kind == "all" else ((kind,) if kind else ())
    errors = {k: error_lists(summary, k) for k in kinds}
    if getattr(args, "json", False):
        public = {k: v for k, v in summary.items() if not k.startswith("_")}
        if errors:
            public["errors"] = {k: {"missed": [{x: e[x] for x in ("plan", "line", "fact", "why")}
                                               for e in v["missed"]],
                                    "unmatched": v["unmatched"]} for k, v in errors.items()}
        print(json.dumps(public, ensure_ascii=False, indent=2))
    else:
        print(format_text(summary))
        for k, v in errors.items():
            print()
            print(format_errors(v, k))
    for failure in summary["failures"]:
        print(f"below floor: {failure}", file=sys.stderr)
    return 1 if summary["failures"] else 0
