"""Provenance: ``run.json`` and the key-value metadata of every table.

``run.json`` records the tool version, a hash of the rule files, the time,
and for each input its path (as in ``source_path``), size, sha256, what the
run did with it (``read``, ``kept`` from the previous run, ``duplicate``)
and where its rows sit in each table (``rows: {table: [first, count]}``).
``--incremental`` uses those ranges to keep the rows of unchanged inputs.
Each Parquet file carries the same header (without the input list, which
can be long) under the key ``plan_extract``, plus the sha256 of the input
list so that a table can be matched to its manifest.
"""
from __future__ import annotations

import hashlib
import json
import os
import time
from pathlib import Path
from typing import Optional

from .. import __version__
from .. import rules

MANIFEST = "run.json"
META_KEY = b"plan_extract"


def file_sha256(path: Path) -> Optional[str]:
    """sha256 of a regular file's bytes; None when it cannot be read (the reader will say why)."""
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as handle:
            while chunk := handle.read(1 << 20):
                digest.update(chunk)
    except OSError:
        return None
    return digest.hexdigest()


def rules_sha256() -> str:
    """One hash over every rule file, names and bytes: any edit to rules/ changes it."""
    return rules.rules_sha256()


def header(rules_hash: str) -> dict:
    return {"tool": "plan-extract", "version": __version__, "rules_sha256": rules_hash,
            "created": time.strftime("%Y-%m-%dT%H:%M:%S%z")}


def table_metadata(head: dict, inputs: list) -> dict:
    listing = json.dumps([[i["path"], i["size"], i["sha256"]] for i in inputs],
                         ensure_ascii=False).encode()
    meta = dict(head, inputs=len(inputs), inputs_sha256=hashlib.sha256(listing).hexdigest())
    return {META_KEY: json.dumps(meta, ensure_ascii=False).encode()}


def write(folder: Path, head: dict, inputs: list, tables: dict) -> None:
    body = json.dumps(dict(head, tables=tables), ensure_ascii=False, indent=1)
    # one line per input, so that a long manifest stays readable and diffable
    lines = ",\n".join("  " + json.dumps(i, ensure_ascii=False) for i in inputs)
    body = body[:-2] + ',\n "inputs": [\n' + lines + ("\n ]\n}\n" if inputs else " ]\n}\n")
    path = Path(folder) / MANIFEST
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(body)
        handle.flush()
        os.fsync(handle.fileno())


def read(folder: Optional[Path]) -> Optional[dict]:
    """The manifest of a published set, or None when there is none (or it is unreadable)."""
    if folder is None:
        return None
    try:
        return json.loads((Path(folder) / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def reusable(previous: Optional[dict], head: dict) -> dict:
    """Inputs of the previous run whose rows can be kept: {path: entry}.

    Only when the tool version and the rules are unchanged; an input's own
    bytes are compared by the caller.
    """
    if not previous or previous.get("version") != head["version"] \
            or previous.get("rules_sha256") != head["rules_sha256"]:
        return {}
    return {i["path"]: i for i in previous.get("inputs", [])
            if i.get("sha256") and "rows" in i}
