"""Marked-up text from overlapping fact spans.

HTML elements must nest, facts need not: a date sits inside a target (nested,
fine), but a unit may start inside one fact and end after it (crossing). The
crossing fact is split at the boundary into fragments that share its fact id;
the first fragment carries the element id, so each fact has exactly one
anchor and its fragments, read in order, give back its text.
"""
from __future__ import annotations

import heapq
import html
from dataclasses import dataclass, field


@dataclass
class Mark:
    fact_id: str
    start: int
    end: int
    kind: str
    attrs: dict = field(default_factory=dict)   # extra data-* attributes (already strings)


@dataclass
class Fragment:
    mark: Mark
    start: int
    end: int
    part: int
    children: list = field(default_factory=list)


def nest(marks: list) -> list:
    """Top-level fragments, each holding its nested fragments; crossing marks split.

    Marks are taken by start, longer first, so an enclosing fact opens before
    the facts inside it; empty marks are dropped.
    """
    queue = [(m.start, -m.end, i, 0, m) for i, m in enumerate(marks) if m.end > m.start]
    heapq.heapify(queue)
    roots, stack = [], []
    while queue:
        start, neg_end, order, part, mark = heapq.heappop(queue)
        end = -neg_end
        while stack and stack[-1].end <= start:
            stack.pop()
        if stack and stack[-1].end < end:
            # crossing: keep the part inside the open fragment, queue the rest
            cut = stack[-1].end
            heapq.heappush(queue, (cut, -end, order, part + 1, mark))
            end = cut
        frag = Fragment(mark, start, end, part)
        (stack[-1].children if stack else roots).append(frag)
        stack.append(frag)
    return roots


def _open_tag(frag: Fragment) -> str:
    m = frag.mark
    attrs = {"class": f"f f-{m.kind}", "data-fact": m.fact_id, "data-part": str(frag.part)}
    if frag.part == 0:
        attrs["id"] = f"f-{m.fact_id}"
    attrs.update(m.attrs)
    return "<mark " + " ".join(f'{k}="{html.escape(v, quote=True)}"' for k, v in attrs.items()) + ">"


def render(text: str, marks: list) -> str:
    """text as HTML with every mark as a <mark> element; the element's text
    content, all elements taken together, is exactly text."""
    out = []

    def emit(frags, pos, stop):
        for frag in frags:
            out.append(html.escape(text[pos:frag.start], quote=False))
            out.append(_open_tag(frag))
            emit(frag.children, frag.start, frag.end)
            out.append("</mark>")
            pos = frag.end
        out.append(html.escape(text[pos:stop], quote=False))

    emit(nest(marks), 0, len(text))
    return "".join(out)
