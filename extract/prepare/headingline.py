"""The plan's own title line among the opening lines of a single plan, for
the split stage: the first title-like line before the outline, joined when it
is broken over two lines, and replaced by a fuller line below it where the
page's headline shortens or reports the plan's own heading."""
from __future__ import annotations

import itertools

from .. import rules
from . import gazetteer, outline, titlelines


def title_line(text: str, cfg: dict):
    """(line start, title) of the plan's own title line among the opening lines
    before its outline: not a site widget or a sentence; a title broken over
    two lines is joined."""
    lines = list(itertools.islice(titlelines.unfielded_lines(text), int(cfg["title_search_lines"])))
    for k in range(len(lines)):
        found = _title_at(text, lines, k, cfg)
        if found == "outline":
            break
        if found:
            return _fuller_title(text, lines, k, _notice_below(text, lines, k, cfg) or found, cfg)
    return None


def _notice_below(text: str, lines: list, k: int, cfg: dict):
    """A page's news headline at line k with the notice's own heading
    (……关于……的通知) just below it: the notice's heading is the title."""
    if _notice_heading(text[lines[k][0]:lines[k][1]].strip()):
        return None
    for j in range(k + 1, min(len(lines), k + 1 + int(cfg["headline_reach"]))):
        later = _title_at(text, lines, j, cfg)
        if later == "outline":
            return None
        if later and _notice_heading(later[1]):
            return later
    return None


def _fuller_title(text: str, lines: list, k: int, found: tuple, cfg: dict) -> tuple:
    """A page's headline often drops the place that the plan's own title line,
    further down, opens with (鄞州区 + the headline), shortens the issuer (广西关于…
    for 广西壮族自治区人民政府办公厅关于…) or reports the title (某县印发 + it): that line is the title."""
    key = titlelines.title_key(found[1])
    tail = _from_opener(key, cfg)
    for j in range(k + 1, len(lines)):
        later = _title_at(text, lines, j, cfg)
        if later == "outline":
            break
        if not later:
            continue
        longer = titlelines.title_key(later[1])
        if titlelines.reports(key, longer):
            return later
        lead = gazetteer.place_prefix(later[1])
        if lead and longer.endswith(key) and len(longer) - len(key) == len(titlelines.title_key(lead)):
            return later
        if lead and tail and longer != key and _from_opener(longer, cfg) == tail:
            return later
    return found


def _from_opener(key: str, cfg: dict) -> str:
    """``key`` from its first title opener (关于) on, or '' without one."""
    at = min((key.find(w) for w in cfg["title_openers"] if w in key), default=-1)
    return key[at:] if at > 0 else ""


def _title_at(text: str, lines: list, k: int, cfg: dict):
    """The title starting at line k, "outline" when the outline begins there."""
    words = rules.words("split", "title_words")
    s, e = lines[k]
    if outline.starts_with_label(text, s, e):
        return "outline"    # a title comes before the outline
    field = titlelines.title_field(text[s:e])
    if field:               # the title field of the page's table of fields (名称 | ……方案 |)
        at, title = titlelines.field_value(field)
        return s + at, title
    line = titlelines.untagged(text[s:e].strip())
    pos = s + text[s:e].index(line) if line else s
    joined = titlelines.joined(text, lines, k, line, cfg)
    if joined:
        return pos, joined
    return (pos, line) if titlelines.title_like(line, cfg, words) else None


def _notice_heading(line: str) -> bool:
    """A notice's own heading (……关于开展……工作的通知), which titles what the page issues."""
    return any(rule.regex.match(line) for rule in rules.pattern_rules("split", "notice_headings"))
