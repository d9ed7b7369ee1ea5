"""Plain text of an HTML page: the main text, one line per block.

A cascade: (1) drop non-text elements and page chrome (rules/html.yaml);
(2) take the main-content container when one is large enough, else the whole
body, so that a plan is never lost to a wrong guess; (3) lay out blocks as
lines and data-table rows as TAB-joined cells. Widget lines that survive
(print/close links, vote counts) are the clean stage's business: it drops
them, or cuts the page footer they start.
"""
from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser

from .. import rules


def settings() -> dict:
    return rules.load("html")


def _rule(key: str, rule_id: str) -> re.Pattern:
    return next(r.regex for r in rules.pattern_rules("html", key) if r.id == rule_id)


def markup_shape(markup: str) -> tuple:
    """(nesting depth, element count) of the markup, from its tags alone.

    Counted before parsing because parsing itself slows down with depth (a
    page of 100,000 nested elements takes the parser minutes). Elements that
    never nest or whose end tag may be left out (<br>, <p>, <li> …) do not
    deepen the count, so an old page of unclosed paragraphs stays shallow.
    """
    flat = set(settings()["unnested_tags"])
    depth = deepest = elements = 0
    for tag in _rule("tag_tokens", "tag").finditer(markup):
        name = tag.group("name").lower()
        if tag.group("close"):
            if depth and name not in flat:
                depth -= 1
            continue
        elements += 1
        if name not in flat and not tag.group("self"):
            depth += 1
            deepest = max(deepest, depth)
    return deepest, elements


def html_to_text(markup: str) -> str:
    tree = LexborHTMLParser(markup)
    root = tree.body or tree.root
    if root is None:
        return ""
    _decompose_outermost([n for tag in settings()["drop_tags"] for n in root.css(tag)])
    _drop_chrome(root)
    main = _main_content(root)
    lines = _render(main)
    if main is not root:
        lines = _title_lines(root, main, lines) + lines
    return "\n".join(lines)


def _drop_chrome(root) -> None:
    """Page regions, chrome-named and hidden elements, unless they hold the page's text.

    An element is kept when it holds more than ``chrome_max_share`` of the
    text (ASP.NET pages wrap everything in a <form>) or a main-content
    container (a wrapper named "main-side" can hold the article).
    """
    limit = settings()["chrome_max_share"] * max(1, _text_len(root))
    holders = _main_content_holders(root)
    keep = set(settings()["keep_in_article"])
    regions = [n for tag in settings()["drop_regions"] for n in root.css(tag)
               if not (tag in keep and _inside(n, "article"))]
    words = set(settings()["chrome_words"])
    fragments = tuple(settings()["chrome_fragments"])
    named = [n for n in root.css("[id], [class]") if _is_chrome(n, words, fragments)]
    hidden_style = _rule("hidden_styles", "hidden_by_style")
    hidden = [n for n in root.css("[style], [hidden]")
              if "hidden" in n.attributes or hidden_style.search(n.attributes.get("style") or "")]
    _decompose_outermost([n for n in regions + named + hidden
                          if n.mem_id not in holders and _text_len(n) <= limit])


def _main_content_holders(root) -> set:
    """Ids of every element containing a main-content container with text.

    Any size counts: a short plan in its container must survive even when
    the container is too small to be preferred over the whole body.
    """
    holders = set()
    for selector in settings()["main_content"]:
        for node in root.css(selector):
            if _text_len(node) > 0:
                while node is not None and node.mem_id not in holders:
                    holders.add(node.mem_id)
                    node = node.parent
    return holders


def _decompose_outermost(nodes: list) -> None:
    """Remove nodes; a node inside another doomed one goes with it (never freed twice)."""
    ids = {n.mem_id for n in nodes}
    outermost = [n for n in nodes if not _has_ancestor_in(n, ids)]
    for node in outermost:
        node.decompose()


def _has_ancestor_in(node, ids: set) -> bool:
    parent = node.parent
    while parent is not None:
        if parent.mem_id in ids:
            return True
        parent = parent.parent
    return False


def _inside(node, tag: str) -> bool:
    parent = node.parent
    while parent is not None:
        if parent.tag == tag:
            return True
        parent = parent.parent
    return False


def _text_len(node) -> int:
    return len("".join(node.text(deep=True).split()))


def _is_chrome(node, words: set, fragments: tuple) -> bool:
    attrs = node.attributes
    names = f"{attrs.get('id') or ''} {attrs.get('class') or ''}".lower()
    if any(f in names for f in fragments):
        return True
    separator = _rule("class_word_separators", "class_separator")
    return any(w in words for w in separator.split(names) if w)


def _main_content(root):
    total = _text_len(root)
    floor = max(settings()["min_main_chars"], settings()["min_main_share"] * total)
    for selector in settings()["main_content"]:
        found = [(_text_len(n), i, n) for i, n in enumerate(root.css(selector))]
        if found:
            size, _, node = max(found, key=lambda f: (f[0], -f[1]))
            if size >= floor:
                return node
    return root


def _title_lines(root, main, lines: list) -> list:
    """The article title when it sits just outside the main container (common in CMS pages).

    Only a title before the container whose parent encloses the container
    within a few levels: a site logo in an <h1> is far from the article.
    """
    head = "".join("".join(lines[:5]).split())
    near = _ancestors(main, settings()["title_max_levels_up"])
    order = {n.mem_id: i for i, n in enumerate(root.traverse())}
    for selector in settings()["title_selectors"]:
        for node in root.css(selector):
            title = " ".join(node.text(deep=True).split())
            if not title or len(title) > settings()["max_title_chars"]:
                continue
            if node.parent is None or node.parent.mem_id not in near:
                continue
            if order.get(node.mem_id, 0) > order.get(main.mem_id, 0) or _contains(main, node):
                continue
            return [] if "".join(title.split()) in head else [title]
    return []


def _ancestors(node, levels: int) -> set:
    found = set()
    node = node.parent
    while node is not None and len(found) < levels:
        found.add(node.mem_id)
        node = node.parent
    return found


def _contains(outer, inner) -> bool:
    node = inner
    while node is not None:
        if node.mem_id == outer.mem_id:
            return True
        node = node.parent
    return False


class _Lines:
    """Collects text pieces into lines; a block boundary ends the line."""

    def __init__(self):
        self.lines: list = []
        self.pieces: list = []

    def add(self, text: str) -> None:
        self.pieces.append(text)

    def end(self) -> None:
        if self.pieces:
            line = _collapse("".join(self.pieces))
            self.pieces = []
            if line:
                self.lines.append(line)


def _collapse(text: str) -> str:
    text = _rule("whitespace", "cjk_source_break").sub("", text)
    return _rule("whitespace", "inline_space_run").sub(" ", text).strip()


def _render(node) -> list:
    """Lines of ``node``'s content; walks without recursion (deeply nested pages)."""
    blocks = set(settings()["block_tags"])
    out = _Lines()
    stack = [(node, False)]
    while stack:
        current, leaving = stack.pop()
        tag = current.tag
        if leaving:
            out.end()
            continue
        if tag == "-text":
            out.add(current.text_content or "")
            continue
        if not tag or tag.startswith("-"):
            continue  # comments and doctype
        if tag == "pre":
            _add_pre(current, out)
            continue
        if tag == "table" and not _is_layout_table(current):
            out.end()
            out.lines.extend(_table_lines(current))
            continue
        if tag in blocks:
            out.end()
            stack.append((current, True))
        children = list(_children(current))
        stack.extend((child, False) for child in reversed(children))
    out.end()
    return out.lines


def _children(node):
    child = node.child
    while child is not None:
        yield child
        child = child.next


def _add_pre(node, out: _Lines) -> None:
    out.end()
    for line in node.text(deep=True).split("\n"):
        out.add(line)
        out.end()


def _rows(table):
    for child in _children(table):
        if child.tag == "tr":
            yield child
        elif child.tag in ("thead", "tbody", "tfoot"):
            yield from (r for r in _children(child) if r.tag == "tr")


def _cells(row) -> list:
    return [c for c in _children(row) if c.tag in ("td", "th")]


def _is_layout_table(table) -> bool:
    if _has_nested_table(table):
        return True
    limit = settings()["layout_cell_chars"]
    cells = [c for row in _rows(table) for c in _cells(row)]
    return any(_text_len(c) > limit for c in cells)


def _has_nested_table(table) -> bool:
    return any(n.tag == "table" for n in table.traverse() if n.mem_id != table.mem_id)


def _table_lines(table) -> list:
    """One line per row; merged cells once, with empty fields keeping columns aligned."""
    lines = []
    for child in _children(table):
        if child.tag == "caption":
            lines.extend(_render(child))
    spans: dict = {}  # column -> rows still covered by a cell from above
    for row in _rows(table):
        fields, col = [], 0
        for cell in _cells(row):
            while spans.get(col, 0) > 0:
                fields.append("")
                spans[col] -= 1
                col += 1
            fields.append(" ".join(_render(cell)).replace("\t", " "))
            width = _span(cell, "colspan")
            fields.extend([""] * (width - 1))
            for c in range(col, col + width):
                spans[c] = _span(cell, "rowspan") - 1
            col += width
        for c in spans:        # cells from above that cover columns after this row's last
            if c >= col and spans[c] > 0:
                spans[c] -= 1
        if any(fields):
            lines.append("\t".join(fields).rstrip("\t"))
    return lines


def _span(cell, name: str) -> int:
    value = (cell.attributes.get(name) or "1").strip()
    return max(1, min(int(value), 1000)) if value.isdigit() else 1
