"""Task tables whose cells run together with no separator at all.

A table copied out of a document viewer may lose its TABs, line breaks and
spaces: the header cells, then each row's number, task, leader and units follow
one another in one stream (序号项目名称主要内容分管领导牵头单位配合单位1……。
王某某县教育局县财政局2……). A reader still sees the cells by their shapes:

- the header is a run of known header cells opened by 序号, followed by the
  first row's number on its line or the next, and its last columns name a
  person, unit or time role (tables.py, rules/units.yaml: run_*);
- a row opens with the next serial number (written 2 or 2、, as the first
  row's is), right after the cells that end the row before it, or after the
  header repeated at a page break; a viewer's page-chunk markers (\n2、) in
  an unmarked table are passed over;
- the cells at the end of a row (its tail), read in the header's order: a
  leader's name (runnames.py: a surname and one or two characters, a post
  before it or in brackets after it), unit names one after another (each
  ending in a body suffix or a place with its level, never ending inside a
  jieba word), a deadline. A tail follows a sentence end of the task cell,
  or, after a bare task title, starts where a strong reading starts; a
  sub-row (a merged number with more tasks) has a tail of its own.

The first unit of a tail goes under the first unit column (牵头单位), the
others under the last one (配合单位). A row whose tail cannot be read keeps
only its number and task, and the table ends where no next row can be found.
"""
from __future__ import annotations

import functools
from typing import Optional

from .. import rules
from . import orgnames as un
from . import runnames as rn
from . import tables as tb

RULES = "units"
_MAX_HEADER = 60      # characters of a header run
_MAX_ROW = 1500       # a longer "row" is running text: the table has ended
_MAX_OPEN_TAILS = 12  # sentences of a last row (no next row closes it) that may end in a tail
_MAX_BARE_TAIL = 60   # characters of a tail with no sentence mark before it
_MAX_SECTION = 30     # characters of a section line between two rows


def _rule(key: str):
    return rules.pattern_rules(RULES, key)


def _marks(key: str) -> str:
    return rules.load(RULES)[key]


def read_run_tables(text: str) -> list:
    """Every run-together table of ``text`` that has at least one readable row."""
    tables = []
    heads = tuple(rules.words(RULES, "table_number_headers"))
    pos = 0
    while True:
        found = [p for p in (text.find(h, pos) for h in heads) if p >= 0]
        if not found:
            return tables
        start = min(found)
        table = _read_from(text, start)
        if table is not None and table.rows:
            tables.append(table)
            pos = max(c.end for c in table.rows[-1] if c is not None)
        else:
            pos = start + 1


def _read_from(text: str, start: int) -> Optional[tb.Table]:
    line_end = text.find("\n", start)
    head = _split_header(text[start:min(start + _MAX_HEADER, len(text) if line_end < 0 else line_end)])
    if head is None:
        return None
    cells, length = head
    slots = _tail_slots(cells, [tb._column_kind(c) for c in cells])
    if slots is None:
        return None
    first = _first_row(text, start + length)
    if first is None:
        return None
    table = tb.Table("run", cells)
    # rows numbered 1、2、: a 2、 opening a line is the next row, not a viewer's page chunk
    marked = _rule("run_row_marked")[0].regex.match(text, first) is not None
    view = rn.View(text, first, min(len(text), first + 2 * _MAX_ROW), chunks=not marked)
    _Rows(view, table, slots, "run_row_marked" if marked else "run_row_number").read()
    return table


def _first_row(text: str, pos: int) -> Optional[int]:
    """Where the first row starts: right after the header, or (a header alone
    on its line, rows run together below it) at the start of the next line."""
    blanks = _marks("blanks_with_tab")
    while pos < len(text) and text[pos] in blanks:
        pos += 1
    if pos < len(text) and text[pos] == "\n":
        pos += 1
        while pos < len(text) and text[pos] in blanks:
            pos += 1
    section = _rule("run_section")[0].regex.match(text, pos, min(len(text), pos + _MAX_SECTION))
    if section and text[section.end():section.end() + 1] == "1":     # 一、民生类1…: the first section
        pos = section.end()
    return pos if pos < len(text) and text[pos].isdigit() else None


@functools.lru_cache(maxsize=1)
def _header_pattern():
    return _rule("run_header_start")[0].regex


def _split_header(run: str) -> Optional[tuple]:
    """(cells, length) of a header run of known header cells, directly followed
    by the first row's number; the split that covers most of it with listed
    words (项目名称, 牵头单位) rather than cells of a mere header shape wins,
    then the one with more cells (建设内容|总投资（万元）)."""
    m = _header_pattern().match(run)
    if not m:
        return None
    body = m.group("cells")
    best = {0: (0, 0, [])}          # end -> (listed chars, cells, their texts)
    for i in range(len(body)):
        if i not in best:
            continue
        for j in range(i + 2, min(len(body), i + tb._MAX_HEADER_CELL) + 1):
            cell = body[i:j]
            if not (tb._known_header(cell) or any(r.regex.fullmatch(cell) for r in _rule("run_header_cells"))):
                continue
            listed = len(cell) if (cell in tb._header_words() or tb.role_header(cell)
                                   or tb.person_header(cell)) else 0
            score, cells = best[i][0] + listed, best[i][2] + [cell]
            if j not in best or (score, len(cells)) > best[j][:2]:
                best[j] = (score, len(cells), cells)
    if len(body) not in best or len(best[len(body)][2]) < 3:
        return None
    return best[len(body)][2], m.end("cells")


def _tail_slots(header: list, kinds: list) -> Optional[list]:
    """The columns that end each row, in order, as slots: (kind, columns) with
    kind person, units (adjacent unit columns together) or time; None unless
    the header ends with such columns, a units slot among them, and has only
    text columns before them."""
    times = _rule("run_time_header")
    kinds = ["time" if k == "other" and any(r.regex.fullmatch(h) for r in times) else k
             for h, k in zip(header, kinds)]
    k = len(kinds)
    while k > 1 and kinds[k - 1] != "other":
        k -= 1
    if any(kind != "other" for kind in kinds[1:k]):
        return None
    slots = []
    for col in range(k, len(kinds)):
        kind = "units" if kinds[col] == "unit" else kinds[col]
        if slots and kind == "units" == slots[-1][0]:
            slots[-1][1].append(col)
        else:
            slots.append((kind, [col]))
    return slots if any(kind == "units" for kind, _ in slots) else None


class _Rows:
    """The rows of one run-together table, read in one pass over its view."""

    def __init__(self, view: rn.View, table: tb.Table, slots: list, numbers: str):
        self.view, self.table, self.slots = view, table, slots
        self.number = _rule(numbers)[0].regex      # how this table writes its row numbers
        self.ends = _marks("run_cell_ends")
        self.seps = _marks("run_name_separators")
        self.cuts = rn.Cuts(lambda: self.view.text)

    def read(self) -> None:
        number, expected = self.number, 1
        head = number.match(self.view.text, 0)
        while head and int(head.group("num")) == expected:
            self.view = self.view.covering(head.end() + _MAX_ROW)
            text = self.view.text
            nxt, stop = self._next_row(head.end(), expected + 1)
            stop = min(len(text), head.end() + _MAX_ROW) if stop is None else stop
            # the last row ends with its line, when its line ends before the view does
            line_end = next((e for e in self.view.line_ends if e > head.end()), None) if not nxt else None
            stop = line_end if line_end is not None and line_end < stop else stop
            tails = self._tails(head.end(), stop, closed=nxt is not None or line_end == stop)
            for tail_start, parsed in tails:
                self._add(head, tail_start, parsed)
            if not tails and expected > 1:     # a row cut off by the page: its number and task only
                self._add(head, stop, [])
            if not nxt or not tails:
                return
            head, expected = nxt, int(nxt.group("num"))

    def _next_row(self, start: int, num: int) -> tuple:
        """(match, end of the row before it) of the number opening the next
        row: ``num`` right after the cells ending the row before it (or after
        a repeated header), or ``num`` or 1 after a section line of the table
        (…县教育局二、城建类1…); (None, None) when there is none."""
        text = self.view.text
        limit = min(len(text), start + _MAX_ROW)
        for m in self.number.finditer(text, start, limit):
            got = int(m.group("num"))
            if got not in (num, 1):
                continue
            if got == num and (self._closes_at(start, m.start()) or self._after_header(start, m.start())):
                return m, m.start()
            section = self._section_before(start, m.start())
            if section is not None and self._closes_at(start, section):
                return m, section
        return None, None

    def _section_before(self, start: int, at: int) -> Optional[int]:
        """Where a section line of the table (二、城建类) ending right at ``at`` starts."""
        for m in _rule("run_section")[0].regex.finditer(self.view.text, max(start, at - _MAX_SECTION), at + 1):
            if m.end() == at:
                return m.start()
        return None

    def _after_header(self, start: int, at: int) -> bool:
        """A header repeated at a page break, right before the number."""
        text = self.view.text
        for back in range(6, _MAX_HEADER):
            if at - back < start:
                return False
            if text.startswith(tuple(rules.words(RULES, "table_number_headers")), at - back):
                head = _split_header(text[at - back:at + 3])
                return head is not None and head[1] == back
        return False

    def _closes_at(self, start: int, at: int) -> bool:
        return (any(self._tail_at(s, at) is not None for s in self._sentence_ends(start, at))
                or self._bare_tail(start, at) is not None)

    def _bare_tail(self, start: int, stop: int) -> Optional[tuple]:
        """(start, parsed) of a tail right after a task with no sentence mark
        (1城南污水厂提标改造县住建局王某2…): a start from which the slots fill
        the rest of the row and whose first reading is strong — a name jieba
        itself tags as a person's, or a unit that says its level; of those the
        one with most names, then one that says its level (县住建局 over
        住建局), then the earliest (王某某, not 某某). A task does not end in a
        bare level (…改造县|市场监管局 is …改造|县市场监管局)."""
        text, best = self.view.text, None
        for p in range(max(start + 1, stop - _MAX_BARE_TAIL), stop):
            if un.has_level(text[p - 1]):
                continue
            got = self._tail_at(p, stop)
            if got is None:
                continue
            kind, spans = next((k, sp) for k, sp in got if sp)
            strong = (rn.tagged_name(text[p:p + 8]) == spans[0][1] - spans[0][0] if kind == "person"
                      else kind == "units" and un.valid_as_subject(text[spans[0][0]:spans[0][1]]))
            rank = (sum(len(sp) for _, sp in got), kind == "person" or un.has_level(text[spans[0][0]:spans[0][1]]))
            if strong and (best is None or rank > best[0]):
                best = (rank, p, got)
        return best[1:] if best else None

    def _sentence_ends(self, start: int, stop: int) -> list:
        text = self.view.text
        return [i + 1 for i in range(start, stop) if text[i] in self.ends]

    def _tails(self, start: int, stop: int, closed: bool) -> list:
        """(start, parsed slots) of each tail of the row: the one that ends the
        row exactly, and those of its sub-rows before it."""
        out, ends = [], self._sentence_ends(start, stop)
        # the last row of a table runs on into whatever follows: its first sentences only
        for s in ends if closed else ends[:_MAX_OPEN_TAILS]:
            got = (self._tail_at(s, stop) if closed else None) or self._tail_at(s, None)
            if got:
                out.append((s, got))
        if closed and not any(self._parse(0, s, stop) is not None for s, _ in out[-1:]):
            bare = self._bare_tail(out[-1][0] if out else start, stop)
            out += [bare] if bare else []
        return out

    def _tail_at(self, s: int, stop: Optional[int]):
        """The slots read from ``s`` on, ending at ``stop`` exactly; with
        ``stop`` None (a sub-row's tail, followed by more task text) as far as
        they go, and only when a leader's name or a date beside the units (or,
        in a table with no leader column, two bodies) says it is no sentence
        that opens with a unit or a place (全区城镇新增就业…)."""
        got = self._parse(0, s, stop)
        if got is None or stop is not None:
            return got
        if any(spans for kind, spans in got if kind != "units"):
            return got
        if any(kind == "person" for kind, _ in self.slots):
            return None           # the leader's name is what marks the tail
        text = self.view.text
        units = [c for kind, spans in got if kind == "units" for c in spans
                 if not un.is_territorial(text[c[0]:c[1]])]
        return got if len(units) > 1 else None

    def _parse(self, i: int, pos: int, stop: Optional[int]):
        """[(kind, spans)] for slots i… from ``pos``, or None."""
        text = self.view.text
        if i == len(self.slots):
            return [] if stop is None or pos == stop else None
        kind = self.slots[i][0]
        limit = len(text) if stop is None else stop
        if kind == "units":
            reach = rn.reach(text, pos, limit, self.seps, self.cuts)
            for end in sorted(reach, reverse=True):
                chain = reach[end]
                if not chain or all(un.is_generic(text[a:b]) for a, b, _ in chain):
                    continue
                rest = self._parse(i + 1, self._skip(end, limit), stop)
                if rest is not None:
                    return [("units", chain)] + rest
            return None
        readings = []
        for order, (spans, end) in enumerate(self._options(kind, pos, limit)):
            rest = self._parse(i + 1, self._skip(end, limit) if spans else pos, stop)
            if rest is not None:
                readings.append((self._bare_names(rest), order, [(kind, spans)] + rest))
        # 赵某梅县商务局: the name whose units then say their level (赵某梅|县商务局,
        # not 赵某|梅县|商务局), else the first reading (jieba's own name first)
        return min(readings, key=lambda r: r[:2])[2] if readings else None

    def _bare_names(self, parsed: list) -> int:
        text = self.view.text
        return sum(not un.has_level(text[a:b]) for kind, spans in parsed if kind == "units"
                   for a, b, _ in spans)

    def _skip(self, pos: int, limit: int) -> int:
        """Past one separator between two cells' names (县财政局、王某)."""
        return pos + 1 if pos < limit and self.view.text[pos] in self.seps else pos

    def _options(self, kind: str, pos: int, limit: int) -> list:
        """(spans, end) readings of a person or time slot at ``pos``, the empty one last."""
        text, out = self.view.text, []
        if kind == "time":
            m = _rule("run_time_cell")[0].regex.match(text, pos, limit)
            if m and m.end() > pos:
                out.append(([(pos, m.end())], m.end()))
        else:
            post = _rule("run_post_before_name")[0].regex.match(text, pos, limit)
            if post and post.end() > pos:        # 副县长王某: the post opens the cell
                out += [([(pos, spans[-1][1])], end)
                        for spans, end in self._options(kind, post.end(), limit) if spans]
            names, at = [], pos
            while at < limit and len(names) < 4:     # 王某、李某: a separator between names
                length = next(iter(self._name_lengths(at, limit)), 0)
                if not length:
                    break
                end = rn.note_end(text, at + length, limit)    # 王某（副县长）: a note on the name
                names.append((at, end))
                at = end
                if at >= limit or text[at] not in self.seps:
                    break
                at += 1
            for k in range(len(names), 0, -1):   # fewer names if the rest must be units
                out.append((names[:k], names[k - 1][1]))
            for length in self._name_lengths(pos, limit)[1:]:
                out.append(([(pos, pos + length)], pos + length))
        return out + [([], pos)]

    def _name_lengths(self, s: int, limit: int) -> list:
        return rn.name_lengths(self.view.text[s:min(limit, s + 8)])

    def _add(self, head, tail_start: int, parsed: list) -> None:
        view, row = self.view, [None] * len(self.table.header)
        row[0] = view.cell(head.start(), head.end())
        first = next((spans[0][0] for kind, spans in parsed if spans), tail_start)
        if first > head.end():
            row[1] = view.cell(head.end(), first)
        for (kind, cols), (_, spans) in zip(self.slots, parsed):
            if not spans:
                continue
            if kind != "units":
                row[cols[0]] = view.cell(spans[0][0], spans[-1][1])
                continue
            names = [view.name(a, b) for a, b, _ in spans]
            row[cols[0]] = view.cell(spans[0][0], spans[0][2], (names[0],))
            if len(names) > 1 and len(cols) > 1:
                row[cols[-1]] = view.cell(spans[1][0], spans[-1][2], tuple(names[1:]))
            elif len(names) > 1:
                row[cols[0]] = view.cell(spans[0][0], spans[-1][2], tuple(names))
        self.table.rows.append(row)
