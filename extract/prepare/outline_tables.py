"""Outline stage, the parts around the plain line walk: task tables that reach
the text without TABs, and where a plan's outline begins.

A task table (序号 | 工作任务 | 牵头单位 …) may come space-aligned or one
cell per line; its rows are found by rules/outline.yaml (`table_headers`,
`table_rows`). The outline begins after the plan's own title line, or, with
no title line, after the issuing notice's signature date, so that the notice's
own numbered points stay out of the plan's tree.

The label primitives live in outline.py; this module imports it as a whole
and uses it only at call time, so either module may be imported first.
"""
from __future__ import annotations

import bisect
import functools
from typing import Optional

import regex

from .. import rules
from ..records import Plan
from ..text.numerals import ordinal
from . import outline as ol

TABLE_STYLE = "table_row"     # rows of every table layout share the TAB rows' style


@functools.lru_cache(maxsize=None)
def _table_rules(key: str) -> tuple:
    return rules.pattern_rules("outline", key)


def is_header(text: str, start: int, end: int) -> bool:
    """Whether the line text[start:end] is a task table's header (序号 …)."""
    return any(rule.regex.match(text, start, end) for rule in _table_rules("table_headers"))


def is_spaced_header(text: str, start: int, end: int) -> bool:
    """A header whose cells one space parts (序号 工作任务 牵头单位), as a
    table copied from a web page keeps it: no TAB, bar or wider gap."""
    line = text[start:end].strip()
    return " " in line and _cell_gap().search(line) is None


def is_lone_header(text: str, start: int, end: int) -> bool:
    """A row-number header cell alone on its line (序号, or 序号 | with the bar
    that closes the cell): a table flattened one cell per line."""
    return "".join(text[start:end].replace("|", " ").split()) in rules.words("units", "table_number_headers")


def table_row(text: str, start: int, end: int, alone_only: bool = False) -> Optional[tuple]:
    """(candidate, end of its task cell) for a row of a table without TABs;
    ``alone_only``: only a serial number alone on its line (a flattened row)."""
    for rule in _table_rules("table_rows"):
        if alone_only and not rule.data.get("alone"):
            continue
        m = rule.regex.match(text, start, end)
        if not m:
            continue
        num = ordinal(ol._plain_number(m.group("num")))
        if not num:
            return None
        if rule.data.get("alone"):   # the task cell is the next non-empty line
            body = next_line_start(text, end)
            cell_end = text.find("\n", body)
            cell_end = len(text) if cell_end < 0 else cell_end
        else:
            body = m.end()
            gap = _cell_gap().search(text, body, end)
            cell_end = gap.start() if gap else end
        return ol.Candidate(m.start("label"), body, m.group("label"), TABLE_STYLE, num, True), cell_end
    return None


def cell_spans(text: str, start: int, end: int) -> list:
    """(start, end) of the cells of a row's line from ``start``, between its gaps."""
    spans, pos = [], start
    for gap in _cell_gap().finditer(text, start, end):
        spans.append((pos, gap.start()))
        pos = gap.end()
    return [(s, e) for s, e in spans + [(pos, end)] if e > s]


def cell_end(text: str, start: int, end: int) -> int:
    """Where the cell holding ``start`` ends, at most ``end``."""
    gap = _cell_gap().search(text, start, end)
    return gap.start() if gap else end


def section_row(text: str, start: int, end: int) -> Optional[tuple]:
    """(candidate, end of its task cell) for the row that a barred line opens
    after its section cell (一、…… | 1 | task), searched from ``start``."""
    for rule in _table_rules("section_rows"):
        m = rule.regex.search(text, start, end)
        num = ordinal(ol._plain_number(m.group("num"))) if m else None
        if num:
            gap = _cell_gap().search(text, m.end(), end)
            cand = ol.Candidate(m.start("label"), m.end(), m.group("label"), TABLE_STYLE, num, True)
            return cand, gap.start() if gap else end
    return None


@functools.lru_cache(maxsize=2)
def run_rows(text: str) -> tuple:
    """(start, end, number) of the row numbers of every table whose cells run
    together (序号工作任务……牵头单位1……2……; facts/runtables.py), in text order,
    one per number (a merged number's sub-rows are one item)."""
    from ..facts import tables as cells      # the cell shapes live with the tables
    out = {}
    for table in cells.read_tables(text):
        if table.layout == "run":
            for row in table.rows:
                out.setdefault(row[0].start, (row[0].start, row[0].end, _serial(row[0].text)))
    return tuple(sorted(out.values()))


def header_start(text: str, start: int, end: int) -> int:
    """Where a run-together table's header (序号…) begins in text[start:end]; ``end`` if nowhere."""
    found = [p for p in (text.find(h, start, end) for h in rules.words("units", "table_number_headers")) if p >= 0]
    return min(found, default=end)


def _serial(written: str) -> int:
    return int("".join(ch for ch in written if ch.isdigit()))


def run_rows_in(text: str, start: int, end: int) -> list:
    """Candidates for the run-together rows whose number stands in text[start:end]."""
    rows = run_rows(text)
    i = bisect.bisect_left(rows, (start,))
    out = []
    while i < len(rows) and rows[i][0] < end:
        at, body, num = rows[i]
        out.append(ol.Candidate(at, body, text[at:body], TABLE_STYLE, num, True))
        i += 1
    return out


def next_line(text: str, end: int) -> tuple:
    """(start, end) of the next non-empty line after the line ending at ``end``."""
    start = next_line_start(text, end)
    stop = text.find("\n", start)
    return start, len(text) if stop < 0 else stop


def next_line_start(text: str, end: int) -> int:
    """The first character of the next non-empty line after the line ending at
    ``end``; a line that only parts cells (|) is passed over like a blank one."""
    body = end + 1
    skipped = ol.indent() + "\n"
    while True:
        while body < len(text) and text[body] in skipped:
            body += 1
        stop = text.find("\n", body)
        stop = len(text) if stop < 0 else stop
        if body >= len(text) or not is_separator(text, text.rfind("\n", 0, body) + 1, stop):
            return min(body, len(text))
        body = stop + 1


def is_separator(text: str, start: int, end: int) -> bool:
    """Whether the line text[start:end] only parts the cells of a flattened table (|)."""
    return any(rule.regex.match(text, start, end) for rule in _table_rules("separator_lines"))


@functools.lru_cache(maxsize=None)
def _cell_gap():
    return regex.compile(ol._setting("cell_gap"))


def body_start(plan: Plan) -> int:
    """Where the plan's outline may begin: after its own title line (or after
    the title itself when a run-together page goes on with a label on that
    line); with no title line, after an issuing notice's signature date when
    the numbering starts afresh below it (the notice's own 一、二、 stay out)."""
    text = plan.text
    if plan.title_start >= 0:
        line_end = text.find("\n", plan.title_start)
        line_end = len(text) if line_end < 0 else line_end
        title_end = plan.title_start + len(plan.title)
        if plan.title and text.startswith(plan.title, plan.title_start) and title_end < line_end:
            pos = title_end
            while pos < line_end and text[pos] in ol.indent():
                pos += 1
            found = ol._match_at(text, pos, line_end, ol.styles())
            if pos > title_end and found and found.num == 1:
                return pos
            if ol.runs_on(text, title_end, line_end):
                return title_end
        return min(len(text), line_end + 1)
    return _after_repeated_title(plan) or _after_notice(text)


def _after_repeated_title(plan: Plan) -> int:
    """Where the outline begins when a notice names the plan and a page run
    together repeats that name right before the plan's first heading
    (…2021年2月5日 <title>一、…): after the last such repetition; 0 if none."""
    text, title = plan.text, plan.title
    if not title or plan.title_start >= 0:
        return 0
    at = text.rfind(title)
    while at >= 0:
        pos = at + len(title)
        line_end = text.find("\n", pos)
        line_end = len(text) if line_end < 0 else line_end
        while pos < line_end and text[pos] in ol.indent():
            pos += 1
        found = ol._match_at(text, pos, line_end, ol.styles())
        if found and found.num == 1 and found.strong:
            return pos
        at = text.rfind(title, 0, at)
    return 0


def _after_notice(text: str) -> int:
    head = text[:3000]
    if not any(rule.regex.search(head) for rule in rules.pattern_rules("split", "notices")):
        return 0
    dates = rules.pattern_rules("split", "date_lines")
    for line_start, line_end in ol._lines(head):
        if any(rule.regex.match(text[line_start:line_end]) for rule in dates):
            nxt = line_end + 1
            found = ol._line_start_candidate(text, nxt, max(nxt, text.find("\n", nxt)))
            return nxt if found and found.num == 1 else 0
    return 0
