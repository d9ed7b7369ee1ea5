"""Outline and document fields against the gold of the shipped corpus (GUIDE.md scoring)."""
import json
import re
import unicodedata

import pandas as pd
import pytest

from tests.conftest import GOLD


def norm(text):
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text or ""))


def load_gold():
    facts = []
    for path in sorted(GOLD.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                facts.append((path.name[: -len(".jsonl")], json.loads(line)))
    return facts


def title_matches(row_title, row_label, gold_title):
    title = norm(row_title)
    if title.startswith(norm(row_label)):
        title = title[len(norm(row_label)):]
    head = norm(gold_title)[:6]
    return title.startswith(head) or head in title[:10]


def score_nodes(docs, nodes):
    matched = gold_required = rows_unmatched_optional = 0
    plans = {(src.split("/")[-1], part): doc for src, part, doc in docs[["source_path", "part", "doc_id"]].values}
    by_doc = {doc: list(group.itertuples()) for doc, group in nodes.groupby("doc_id")}
    used = set()
    for source, fact in load_gold():
        if fact["type"] != "node":
            continue
        gold_required += not fact.get("optional")
        doc = plans.get((source, fact["part"]))
        for row in by_doc.get(doc, []):
            if row.node_id in used or norm(row.label).replace("l", "1") != norm(fact["label"]).replace("l", "1"):
                continue
            if row.level == fact["level"] and title_matches(row.title, row.label, fact["title"]):
                used.add(row.node_id)
                matched += not fact.get("optional")
                rows_unmatched_optional += bool(fact.get("optional"))
                break
    gold_docs = {doc for (src, part), doc in plans.items() if (GOLD / f"{src}.jsonl").exists()}
    rows = sum(len(by_doc.get(doc, [])) for doc in gold_docs) - rows_unmatched_optional
    return matched / rows, matched / gold_required


def test_outline_matches_gold_nodes(corpus_tables):
    docs = pd.read_parquet(corpus_tables / "documents.parquet")
    nodes = pd.read_parquet(corpus_tables / "nodes.parquet")
    precision, recall = score_nodes(docs, nodes)
    assert precision >= 0.98 and recall >= 0.98, (precision, recall)


@pytest.mark.parametrize("field", ["title", "city", "province"])
def test_document_fields_match_gold(corpus_tables, field):
    docs = pd.read_parquet(corpus_tables / "documents.parquet")
    for source, fact in load_gold():
        if fact["type"] != "doc":
            continue
        row = docs[(docs.source_path == source) & (docs.part == fact["part"])]
        assert len(row) == 1, (source, fact["part"])
        got, want = row.iloc[0][field], fact[field]
        if field == "title":
            assert norm(want) in norm(got) or norm(got) in norm(want), (got, want)
        else:
            got = None if pd.isna(got) or got == "" else got
            assert got == (want or None), (source, field, got, want)
