"""The spaCy component: same rows as ``plan-extract run``, as span groups."""
from importlib.metadata import entry_points

import pandas as pd
import pytest
import spacy
from spacy import displacy

from extract.tools.spacy_component import SPAN_KEYS

TABLES = {key: field for key, (field, _) in SPAN_KEYS.items()}


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.blank("zh")            # the default character segmenter: nothing to download
    nlp.add_pipe("plan_extract")
    return nlp


def test_factory_is_registered_through_an_entry_point():
    names = {ep.name: ep.value for ep in entry_points(group="spacy_factories")}
    assert names["plan_extract"] == "extract.tools.spacy_component:make_plan_extract"


def test_spans_are_the_rows_of_run_on_the_same_text(nlp, corpus_tables):
    """Each plan's cleaned text through spaCy gives the rows `run` wrote for it."""
    docs = pd.read_parquet(corpus_tables / "documents.parquet")
    tables = {key: pd.read_parquet(corpus_tables / f"{t}.parquet") for key, t in TABLES.items()}
    for plan in docs.itertuples():
        doc = nlp(plan.text)
        assert [p["title"] for p in doc._.plans] == [plan.title]
        for key, frame in tables.items():
            rows = frame[frame.doc_id == plan.doc_id]
            expected = sorted(zip(rows.char_start, rows.char_end, rows.text))
            got = sorted((s._.row_start, s._.row_end, s._.row_text) for s in doc.spans[key])
            assert got == expected, (plan.doc_id, key)


def test_every_span_covers_its_row_exactly_or_wider(nlp, corpus_tables):
    text = pd.read_parquet(corpus_tables / "documents.parquet").query("city == '洪湖市'").text.iloc[0]
    doc = nlp(text)
    total = 0
    for key in SPAN_KEYS:
        for span in doc.spans[key]:
            total += 1
            assert doc.text[span._.row_start:span._.row_end] == span._.row_text
            assert span.start_char <= span._.row_start and span._.row_end <= span.end_char
            assert span._.row_text in span.text
            assert span._.plan_row["text"] == span._.row_text
    assert total > 300


def test_labels_and_normalised_values(nlp):
    text = ("洪湖市城区道路改造方案\n一、工作目标\n到2026年6月底，主干道完好率不低于95%。"
            "（市住建局牵头，市交通运输局配合）\n")
    doc = nlp(text)
    (target,) = doc.spans["target"]
    assert target._.row_text == "不低于95%"
    assert target._.plan_row["comparator"] == ">=" and target._.plan_row["value"] == 95
    roles = {s._.plan_row["unit"]: s.label_ for s in doc.spans["unit"]}
    assert roles == {"市住建局": "lead", "市交通运输局": "assist"}
    (deadline,) = doc.spans["date"]
    assert deadline.label_ == deadline._.plan_row["kind"] and deadline._.plan_row["end"] == "2026-06-30"
    assert deadline._.rule_id == deadline._.plan_row["rule_id"]
    assert [s.label_ for s in doc.spans["node"]] == ["level_1"]


@pytest.mark.parametrize("key", ["unit", "target", "date", "node"])
def test_displacy_renders_each_span_group(nlp, key):
    text = ("洪湖市城区道路改造方案\n一、工作目标\n到2026年6月底，主干道完好率不低于95%。"
            "（市住建局牵头，市交通运输局配合）\n")
    doc = nlp(text)
    markup = displacy.render(doc, style="span", options={"spans_key": key})
    assert doc.spans[key][0].label_ in markup


def test_text_without_facts_gives_empty_groups(nlp):
    doc = nlp("今天天气很好。")
    assert all(len(doc.spans[key]) == 0 for key in SPAN_KEYS)
