"""Outline stage, the finished tree: titles cut at the next label on their
line, dense ids in document order, an excerpt's orphans at the depth of their
style, and each node's span of text. Every pass is linear in the nodes.
"""
from __future__ import annotations

import bisect

from . import outline as ol
from . import outline_tables as tables


def _line_ends(text: str) -> list:
    """Positions of the line breaks, for finding a paragraph's end by bisection."""
    ends, pos = [], text.find("\n")
    while pos >= 0:
        ends.append(pos)
        pos = text.find("\n", pos + 1)
    return ends


def close_spans(nodes: list, text: str) -> None:
    """A node runs to the next node at its level or above, or its parent's end.

    Inline items stop at the end of their paragraph: text after it belongs to
    the node that holds the paragraph. The next node at a level or above is
    found for all nodes in one backward pass (a stack of candidates).
    """
    following = [len(text)] * len(nodes)
    waiting: list = []
    for i in range(len(nodes) - 1, -1, -1):
        while waiting and nodes[waiting[-1]].level > nodes[i].level:
            waiting.pop()
        if waiting:
            following[i] = nodes[waiting[-1]].char_start
        waiting.append(i)
    breaks = _line_ends(text)
    by_id = {n.node_id: n for n in nodes}
    for node, end in zip(nodes, following):
        parent = by_id.get(node.parent_id)
        if parent is not None and parent.char_end and parent.char_end < end:
            end = parent.char_end
        if node.inline:   # an item inside a paragraph ends with that paragraph
            k = bisect.bisect_left(breaks, node.char_start)
            end = min(end, breaks[k] if k < len(breaks) else len(text))
            if parent is not None and parent.style == tables.TABLE_STYLE:
                end = tables.cell_end(text, node.char_start, end)      # …and one in a cell with its cell
        while end > node.char_start and text[end - 1] in ol.indent() + "\n\r":
            end -= 1
        node.char_end = end
        node.text = text[node.char_start:end]


def place_orphans(nodes: list, rank) -> None:
    """Top-level nodes before a later one that outranks them are an excerpt's
    orphans: they (and their subtrees) take the depth their style has elsewhere."""
    roots = [n for n in nodes if n.parent_id is None]
    orphans, best = set(), None
    for node in reversed(roots):
        if best is not None and best < rank(node.style):
            orphans.add(node.node_id)
        best = rank(node.style) if best is None else min(best, rank(node.style))
    if not orphans:
        return
    root_of, depth = {}, {}
    for node in nodes:
        root_of[node.node_id] = root_of.get(node.parent_id, node.node_id)
        if root_of[node.node_id] not in orphans:
            depth.setdefault(node.style, node.level)
    shift = {}
    for node in nodes:
        root = root_of[node.node_id]
        if root in orphans:
            if root == node.node_id:
                shift[root] = max(0, depth.get(node.style, 2) - 1)
            node.level += shift[root]


def cut_titles_at_next_label(nodes: list, text: str) -> None:
    """A heading's title ends where the next label on the same line begins (第一章 总则 第一条 …)."""
    for node, following in zip(nodes, nodes[1:]):
        if "\n" not in text[node.char_start:following.char_start]:
            room = following.char_start - max(node.body_start, node.char_start)
            if 0 <= room < len(node.title) + 8:
                node.title = ol._title(text, node.body_start, following.char_start)


def renumber(nodes: list, doc_id: str) -> None:
    """Ids follow document order after dropped candidates, so they stay dense and stable."""
    mapping = {}
    for i, node in enumerate(nodes, 1):
        new_id = f"{doc_id}:{i:04d}"
        mapping[node.node_id] = new_id
        node.node_id = new_id
    for node in nodes:
        node.parent_id = mapping.get(node.parent_id) if node.parent_id else None
