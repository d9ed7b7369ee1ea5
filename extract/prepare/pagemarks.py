"""Page numbers that a document-sharing site writes at the start of each page
of a plan it shows as text: 1、…… / 2、的思想道德…… / 3、建满意工程…… . Each
page's text runs on from the page before mid-sentence, so a 2、 there is no
item of the outline. They are told from a list's own numbers by that: the
line before a marker is a long paragraph that stops without a sentence end,
in a numbered run from 1. The markers are cut and each page
joined to the one before it, so the sentences they broke are whole again.
"""
from __future__ import annotations

import functools
import re

from .. import rules


@functools.lru_cache(maxsize=1)
def _cfg() -> dict:
    return rules.load("clean")["page_markers"]


@functools.lru_cache(maxsize=1)
def _marker() -> re.Pattern:
    return re.compile(_cfg()["pattern"])


def join_pages(text: str) -> str:
    """``text`` with the page markers of a shared document cut, else unchanged."""
    lines = text.split("\n")
    marked = [(k, int(m.group("num"))) for k, line in enumerate(lines) for m in [_marker().match(line)] if m]
    run = _numbered_run(marked)
    if not run or sum(_broken_before(lines, k) for k, _ in run[1:]) < _cfg()["min_broken"]:
        return text
    cut = {k for k, _ in run}
    out: list = []
    for k, line in enumerate(lines):
        if k in cut:
            line = _marker().sub("", line, count=1)
            if out and _broken_before(lines, k):
                out[-1] += line       # the page goes on with the sentence the last one broke
                continue
        out.append(line)
    return "\n".join(out)


def _numbered_run(marked: list) -> list:
    """The markers numbered 1, 2, 3 … from the first 1, in line order."""
    start = next((i for i, (_, num) in enumerate(marked) if num == 1), None)
    if start is None:
        return []
    run = [marked[start]]
    for k, num in marked[start + 1:]:
        if num == run[-1][1] + 1:
            run.append((k, num))
    return run


def _broken_before(lines: list, k: int) -> bool:
    """The line before ``k`` is a long paragraph that stops mid-sentence."""
    prev = lines[k - 1].rstrip() if k > 0 else ""
    return len(prev) >= _cfg()["min_page_chars"] and prev[-1] not in _cfg()["sentence_ends"]
