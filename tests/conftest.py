import hashlib
import subprocess
import sys
from pathlib import Path

import pytest

from extract.records import CleanText, Plan, Source

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
GOLD = CORPUS / "gold"
DEVSET = ROOT / "devset"


def fresh_python(*lines: str) -> list:
    """The printed lines of ``lines`` run in a new interpreter: what a fresh
    process imports is seen there, not in the test process."""
    done = subprocess.run([sys.executable, "-c", "\n".join(lines)], capture_output=True,
                          text=True, check=True)
    return done.stdout.splitlines()


def make_source(text: str, path: str = "plan.txt", kind: str = "text") -> Source:
    return Source(path, kind, text, "utf-8", hashlib.sha1(text.encode("utf-8")).hexdigest())


def facts_of_plans(folder: Path, plans: dict, person_unit: bool = False) -> dict:
    """Each of ``plans`` {name: (text, ...)} written to ``folder`` and run
    through the pipeline once: {name: (Counter of (unit, role), Counter of
    (name, role) or, with ``person_unit``, (name, role, unit or None))}."""
    from collections import Counter
    from extract import run_files
    for name, (text, *_) in plans.items():
        suffix = ".html" if text.startswith("<html>") else ".txt"
        (folder / f"{name}{suffix}").write_text(text, encoding="utf-8")
    tables = run_files([str(folder)])
    docs, units, people = tables["documents"], tables["responsibilities"], tables["people"]
    out = {}
    for doc_id, source in zip(docs.doc_id, docs.source_path):
        got_units, got_people = units[units.doc_id == doc_id], people[people.doc_id == doc_id]
        keys = zip(got_people.name, got_people.role, got_people.unit)
        out[Path(source).stem] = (
            Counter(zip(got_units.unit, got_units.role)),
            Counter((n, r, u if isinstance(u, str) else None) if person_unit else (n, r) for n, r, u in keys))
    return out


def assert_facts(plans: dict, tables: dict, name: str) -> None:
    """The units and people that ``facts_of_plans`` got for plan ``name`` are
    the ones ``plans[name]`` (text, units, people) expects."""
    _, units, people = plans[name]
    got_units, got_people = tables[name]
    assert got_units == units, f"{name}: missing {units - got_units}, extra {got_units - units}"
    assert got_people == people, f"{name}: missing {people - got_people}, extra {got_people - people}"


def make_plan(text: str, doc_id: str = "doc-1") -> Plan:
    return Plan(doc_id, "plan.txt", 1, "测试方案", None, None, None, text)


@pytest.fixture(scope="session")
def corpus_tables(tmp_path_factory):
    """The shipped corpus run once through the whole pipeline and written to Parquet."""
    from extract import pipeline
    from extract import write
    out = tmp_path_factory.mktemp("corpus-out")
    results = pipeline.run([str(CORPUS)])
    write.write_all(out, pipeline.collect_tables(results))
    return out


@pytest.fixture(scope="session")
def devset_tables(tmp_path_factory):
    """The held-out plans of devset/ run once through the whole pipeline."""
    from extract import pipeline
    from extract import write
    out = tmp_path_factory.mktemp("devset-out")
    write.write_all(out, pipeline.collect_tables(pipeline.run([str(DEVSET)])))
    return out


@pytest.fixture
def clean_text():
    def build(text: str, path: str = "plan.txt", kind: str = "text") -> CleanText:
        from extract.prepare import clean
        return clean.clean(make_source(text, path, kind))
    return build


def document_fields(folder: Path, text: str) -> tuple:
    """(title, city, province) of the one plan the whole pipeline finds in ``text``."""
    from extract import pipeline
    path = folder / "plan.txt"
    path.write_text(text, encoding="utf-8")
    result = pipeline.process_file(path, "plan.txt")
    assert not result.errors, result.errors
    plans = [ex.plan for ex in result.extractions]
    assert len(plans) == 1
    return plans[0].title, plans[0].city, plans[0].province


def one_extraction(folder: Path, text: str):
    """The one plan's extraction (plan, nodes and facts) that the whole pipeline finds in ``text``."""
    from extract import pipeline
    path = folder / "plan.txt"
    path.write_text(text, encoding="utf-8")
    result = pipeline.process_file(path, "plan.txt")
    assert not result.errors, result.errors
    (extraction,) = result.extractions
    return extraction
