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
