"""Accuracy never falls below the recorded floors: on the shipped corpus
(rules/eval_baseline.yaml) and on the held-out plans (devset/eval_floor.yaml)."""
import pytest

from extract.eval import score as evaluate
from tests.conftest import DEVSET, GOLD, ROOT

SETS = {
    "corpus": (GOLD, ROOT / "rules" / "eval_baseline.yaml", "corpus_tables"),
    "devset": (DEVSET / "gold", DEVSET / "eval_floor.yaml", "devset_tables"),
}
FLOORS = {name: evaluate.load_baseline(floor) for name, (_, floor, _) in SETS.items()}
METRICS = [(name, section, metric) for name, floors in FLOORS.items()
           for section in ("f1", "doc_accuracy") for metric in floors.get(section, {})]


@pytest.fixture(scope="module")
def summaries(request):
    cache = {}

    def get(name):
        if name not in cache:
            gold, floor, fixture = SETS[name]
            cache[name] = evaluate.run(gold, request.getfixturevalue(fixture), baseline=floor)
        return cache[name]
    return get


@pytest.mark.parametrize("name", SETS)
def test_floors_cover_every_metric(name):
    assert set(FLOORS[name]["f1"]) == set(evaluate.TYPES)
    assert set(FLOORS[name]["doc_accuracy"]) == {"title", "city", "province"}


@pytest.mark.parametrize("name,section,metric", METRICS, ids=[f"{n}:{s}:{m}" for n, s, m in METRICS])
def test_metric_at_or_above_its_floor(summaries, name, section, metric):
    summary = summaries(name)
    floor = FLOORS[name][section][metric]
    got = summary["types"][metric]["f1"] if section == "f1" else summary["doc_fields"][metric]["accuracy"]
    assert got + 1e-9 >= floor, f"{name} {section} {metric}: {got:.4f} < floor {floor}; run " \
                                f"'plan-extract eval --show-errors {metric}' to see what was lost"


def test_gold_quotes_are_found_in_the_extracted_text(summaries):
    # An item or span that cannot be located can never match: the gold or the cleaning is wrong.
    unplaced = [w for w in summaries("corpus")["warnings"]
                if "not found" in w and "ignore" not in w and "no documents row" not in w]
    assert not unplaced, unplaced
