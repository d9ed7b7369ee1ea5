"""Accuracy on the shipped corpus never falls below the floors in rules/eval_baseline.yaml."""
import pytest

from extract.eval import score as evaluate
from tests.conftest import GOLD, ROOT

BASELINE = ROOT / "rules" / "eval_baseline.yaml"
FLOORS = evaluate.load_baseline(BASELINE)
METRICS = [("f1", name) for name in FLOORS.get("f1", {})] + \
          [("doc_accuracy", name) for name in FLOORS.get("doc_accuracy", {})]


@pytest.fixture(scope="module")
def summary(corpus_tables):
    return evaluate.run(GOLD, corpus_tables, baseline=BASELINE)


def test_baseline_covers_every_metric():
    assert set(FLOORS["f1"]) == set(evaluate.TYPES)
    assert set(FLOORS["doc_accuracy"]) == {"title", "city", "province"}


@pytest.mark.parametrize("section,name", METRICS, ids=[f"{s}:{n}" for s, n in METRICS])
def test_metric_at_or_above_its_floor(summary, section, name):
    floor = FLOORS[section][name]
    got = summary["types"][name]["f1"] if section == "f1" else summary["doc_fields"][name]["accuracy"]
    assert got + 1e-9 >= floor, f"{section} {name}: {got:.4f} < floor {floor}; run " \
                                f"'plan-extract eval --show-errors {name}' to see what was lost"


def test_gold_quotes_are_found_in_the_extracted_text(summary):
    # An item or span that cannot be located can never match: the gold or the cleaning is wrong.
    unplaced = [w for w in summary["warnings"]
                if "not found" in w and "ignore" not in w and "no documents row" not in w]
    assert not unplaced, unplaced
