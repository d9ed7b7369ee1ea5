"""Split stage: a cleaned source into its plans, each with title and locality.

Three shapes are recognised, in this order:
1. pages holding several plans, each opened by a `第N篇：<title>` line;
2. an issuing notice (`关于印发……的通知`) followed by the document(s) it
   issues: the notice belongs to the first plan, and each issued document whose
   title line is found starts a plan;
3. anything else: one plan, titled by its first title-like line.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from typing import Optional

from . import headingline, outline, partfields, placevote, titlelines
from .. import rules
from ..text import scan
from ..text.numerals import chinese_int, digit_string
from ..records import CleanText, Plan


# characters a title line may hold before the issued name it repeats (a label such as 附件1)
TITLE_LEAD = 4


@dataclass
class _Part:
    start: int
    end: int
    title: str
    title_pos: int = -1
    issue_date: Optional[date] = None
    issuer: str = ""        # the heading of the notice that issues the part
    signer: str = ""        # the line signed above the closing date (某某镇人民政府)


_key = titlelines.title_key     # comparison form of a title


def _key_longer_than(text: str, limit: int) -> bool:
    """Whether the key of ``text`` has more than ``limit`` characters, told from
    the key of its opening stretch: a key only grows as its text goes on."""
    head = text[:limit + 8]
    return len(head) < len(text) and len(_key(head)) > limit


def _lines(text: str, start: int = 0, end: Optional[int] = None):
    """(line start, line end) pairs of text[start:end]."""
    end = len(text) if end is None else end
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        stop = end if nl < 0 else nl
        yield pos, stop
        pos = stop + 1


def _by_markers(text: str) -> list:
    separators = rules.load("split")["marker_separators"]
    words = rules.words("split", "title_words")
    marks = [m for rule in rules.pattern_rules("split", "part_markers") for m in scan.finditer(rule, text)
             if (m.group("sep") and m.group("sep") in separators) or any(w in m.group("title") for w in words)]
    marks.sort(key=lambda m: m.start())
    parts = []
    for i, m in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(text)
        parts.append(_Part(m.start(), end, m.group("title").strip(), m.start("title")))
    return parts


@dataclass
class _Notice:
    names: str          # what the notice issues, as written in its heading
    heading: str        # 关于印发……的通知
    line: str           # the whole heading, issuer included
    end: int            # end of the heading's (last) line in the text


def _heading_lines(text: str, limit: int, join: int = 3):
    """(start, end, heading) for the first lines, each alone and joined with the
    lines after it (a heading broken over up to ``join`` lines)."""
    lines = [(s, e) for s, e in _lines(text) if text[s:e].strip()][:limit]
    for k, (s, _e) in enumerate(lines):
        heading = ""
        for _s2, e2 in lines[k:k + join]:
            heading += text[_s2:e2].strip()
            yield s, e2, heading


def _notice(text: str) -> Optional[_Notice]:
    """The first notice heading within the opening lines, if any.

    The heading must end its line (a heading broken over two lines is joined)
    and nothing before it on the line may quote or label it.
    """
    cfg = rules.load("split")
    stop, bars = set(cfg["notice_prefix_stop"]), cfg["table_cell_bars"]
    for _s, e, line in _heading_lines(text, 30):
        # a site tag before the heading (【……】X市人民政府关于……), the bars of
        # the page's table cell after it (……的通知 |)
        line = titlelines.untagged(line)
        while line and (line[-1] in bars or line[-1].isspace()):
            line = line[:-1]
        for rule in rules.pattern_rules("split", "notices"):
            m = rule.regex.search(line)
            if m and not line[m.end():].strip() and not stop & set(line[:m.start()]):
                return _Notice(m.group("names"), m.group(0), line, e)
    return None


def _issued_names(notice: _Notice, text: str) -> list:
    names = notice.names
    found = _quoted("quoted_names", names) or [names]
    joiners = "|".join(map(re.escape, rules.words("split", "name_joiners")))
    pieces = [p for n in found for p in re.split(joiners, n) if len(p) >= 4]
    nearby = text[notice.end: notice.end + 1500]
    quoted = _quoted("nearby_quoted_names", nearby) + _quoted("annex_named", nearby)
    ordered = []
    for name in found + quoted + pieces:
        if _key(name) not in {_key(n) for n in ordered}:
            ordered.append(name)
    return ordered


def _title_lines(text: str, after: int, names: list) -> list:
    """(line start, title) for lines after the notice that repeat an issued name,
    a title broken over two lines joined; the last such line of each name."""
    wanted = {_key(n) for n in names}
    # a title is a wanted key with at most TITLE_LEAD characters before it
    longest = max(map(len, wanted), default=0) + TITLE_LEAD
    lines = [(s, e) for s, e in _lines(text, after) if text[s:e].strip()]
    hits, used, skip_to, annexes = {}, set(), -1, False
    for k, (start, end) in enumerate(lines):
        line = text[start:end].strip()
        # the notice's list of its attachments (附件：1．…… / 2．……) only names them
        annexes = titlelines.matches("annex_lists", line) or (annexes and titlelines.matches("annex_list_items", line))
        if start <= skip_to or annexes:
            continue
        if _key_longer_than(line, longest):
            continue    # a paragraph (and so is it with the next line joined to it)
        joined = line + text[lines[k + 1][0]:lines[k + 1][1]].strip() if k + 1 < len(lines) else ""
        for title, last_end in ((line, end), (joined, lines[k + 1][1] if joined else end)):
            if title is joined and _key_longer_than(title, longest):
                continue
            key = _key(title)
            if not key or key in used or any(w in title for w in rules.words("split", "notice_words")):
                continue
            # a lead (附件1：) may stand before a name on its line, never on a line of its own
            lead = TITLE_LEAD if title is line else 0
            name = next((w for w in wanted if key == w or (key.endswith(w) and len(key) - len(w) <= lead)), None)
            if name is not None:
                # a name met again later is the plan's own title line; the
                # first was the notice's list of attachments (附件：……)
                used.add(key)
                hits[name] = (start + text[start:end].index(line), title)
                skip_to = last_end
                break
    return sorted(hits.values())


def _issued_title(names: list) -> str:
    """The name of what a notice issues, without the body that drafted it
    (转发县住建局建湖县……方案: the text quotes 《建湖县……方案》 itself)."""
    if not names:
        return ""
    head, joiners = _key(names[0]), tuple(rules.words("split", "name_joiners"))
    # (a tail after 和 is the last of two names, 任务分解和责任分工方案, not the name itself)
    return next((n for n in names[1:] if head.endswith(_key(n)) and len(_key(n)) > TITLE_LEAD
                 and not head[:-len(_key(n))].endswith(joiners)), names[0])


def _issue_date(text: str, start: int, end: int) -> Optional[date]:
    for rule in rules.pattern_rules("split", "date_lines"):
        m = rule.regex.search(text, start, end)
        if m:
            try:
                y, mo, d = (int(g) if g.isdigit() else _cn_number(g) for g in m.group("y", "m", "d"))
                return date(y, mo, d)
            except (TypeError, ValueError):
                continue
    return None


def _signer(text: str, start: int, end: Optional[int] = None) -> str:
    """The line just above the last date line in text[start:end]: the body that signs."""
    found = [m for rule in rules.pattern_rules("split", "date_lines")
             for m in scan.finditer(rule, text[start:end])]
    if not found:
        return ""
    above = text[start:start + max(m.start() for m in found)].rstrip().rsplit("\n", 1)[-1]
    return above.strip()


def _cn_number(text: str) -> Optional[int]:
    if len(text) == 4:   # years are read digit by digit: 二〇二一
        digits = digit_string(text)
        return int(digits) if digits.isdigit() else None
    return chinese_int(text)


def _quoted(key: str, text: str) -> list:
    """Group 1 of every match of the rules under ``key``: names in book-title marks."""
    return [m.group(1) for rule in rules.pattern_rules("split", key) for m in scan.finditer(rule, text)]


def _by_notice(text: str) -> list:
    notice = _notice(text)
    if not notice:
        return []
    names = _issued_names(notice, text)
    titles = _own_or_issued(_title_lines(text, min(len(text), notice.end + 1), names), notice)
    first_title = titles[0][0] if titles else len(text)
    issued = _issue_date(text, notice.end, min(first_title, notice.end + 3000))
    signer = _signer(text, notice.end, min(first_title, notice.end + 3000))
    if not titles:
        below = _heading_below_signature(text, notice.end)
        if below:     # the plan's heading below the notice, worded apart from the name it issues
            return [_Part(0, len(text), below[1], below[0], issued, notice.line, signer)]
        return [_Part(0, len(text), _issued_title(names) or notice.heading, -1, issued, notice.line, signer)]
    parts = []
    for i, (pos, title) in enumerate(titles):
        start = 0 if i == 0 else pos
        end = titles[i + 1][0] if i + 1 < len(titles) else len(text)
        parts.append(_Part(start, end, title, pos, issued, notice.line, signer))
    return parts


def _heading_below_signature(text: str, notice_end: int, attachments: bool = False) -> Optional[tuple]:
    """(start, title) of the title line right below the date that signs the
    notice (……办公室 / 2021年11月22日 / the plan's heading), before its outline;
    None where the notice lists its attachments (附件：1.…… 2.……), unless
    ``attachments`` (a notice with no heading of its own: the first sent)."""
    window = text[notice_end:notice_end + 3000]
    dates = [m for rule in rules.pattern_rules("split", "date_lines") for m in scan.finditer(rule, window)]
    if not dates:
        return None
    first = min(dates, key=lambda m: m.start())
    if not attachments and any(titlelines.matches("annex_lists", line)
                               for line in window[:first.start()].split("\n")):
        return None       # the notice lists what it sends: the heading below is one of them
    after = notice_end + first.end()
    found = headingline.title_line(text[after:], rules.load("split"))
    return (after + found[0], found[1]) if found else None


def _own_or_issued(titles: list, notice: _Notice) -> list:
    """The title lines that are a plan's heading: a line that lists an
    attachment after its lead (附件：……推进情况表) is one only where it names
    what the notice's heading issues; else it lists a form to fill in."""
    issued = [_key(n) for n in (_quoted("quoted_names", notice.names) or [notice.names])]
    return [(pos, title) for pos, title in titles
            if not titlelines.matches("annex_leads", title)
            or any(_key(title).endswith(k) for k in issued)]


def _named_in_sentence(text: str):
    """The first match naming the plan in 特制定《……》如下, 现将《……》印发给你们
    or 《……》已经……同意，现印发给你们, or None."""
    head = text[:3000]
    found = [m for rule in rules.pattern_rules("split", "issued_names") for m in scan.finditer(rule, head)]
    return min(found, key=lambda m: m.start()) if found else None


def _own_title_line(text: str, named) -> Optional[tuple]:
    """(line start, title) of the plan's own title line below the sentence that
    names it, where the page prints the plan after the notice that issues it
    (现将《……》印发给你们 …… 此件公开发布 / the plan's heading): the line that
    repeats the name, broken over two lines or not, written as the plan writes it."""
    hits = _title_lines(text, min(len(text), named.end()), [named.group("name")])
    return hits[0] if hits else None


def _annex_title_line(text: str) -> Optional[tuple]:
    """(line start, title) of the line repeating the one attachment that the
    opening names on its 附件 line, if any."""
    found = [m for rule in rules.pattern_rules("split", "annex_named") for m in scan.finditer(rule, text[:3000])]
    if not found:
        return None
    hits = _title_lines(text, min(len(text), found[0].end()), [found[0].group(1)])
    return hits[0] if hits else None


def _single(text: str) -> _Part:
    cfg = rules.load("split")
    tail_start = max(0, len(text) - 400)
    issued = _issue_date(text, tail_start, len(text))
    signer = _signer(text, tail_start)
    chosen = headingline.title_line(text, cfg)
    if chosen and any(w in chosen[1] for w in rules.words("split", "notice_words")):
        # a notice's heading (关于分解……的通知) over the plan it sends, whose
        # own heading stands below the notice's date
        chosen = _heading_below_signature(text, chosen[0] + len(chosen[1])) or chosen
    match = _named_in_sentence(text)
    named = match.group("name") if match else None
    own = _own_title_line(text, match) if match else None
    if own:
        return _Part(0, len(text), own[1], own[0], issued, signer=signer)
    annex = _annex_title_line(text) if not match else None
    if annex:       # the text above the attachment is the plan's too (its 一、二、)
        return _Part(0, len(text), annex[1], -1, issued, signer=signer)
    # a plan that names itself (现将《……》印发) is not titled by a line above
    # that names something else, such as the page's news headline or the
    # heading of the notice that encloses it: the title is the plan's own. A
    # line below the naming sentence is the plan's heading (the notice may
    # name it a little differently: ……发展的行动方案 / ……发展行动方案).
    if chosen and not (named and chosen[0] < match.start() and _key(named) not in _key(chosen[1])
                       and _key(chosen[1]) not in _key(named)):
        return _Part(0, len(text), chosen[1], chosen[0], issued, partfields.issuer_above(text, chosen[1]), signer)
    if named:
        return _Part(0, len(text), named, -1, issued, signer=signer)
    annex = rules.pattern_rules("split", "annex_labels") + rules.pattern_rules("split", "document_number_lines")
    first = next(((s, e) for s, e in titlelines.unfielded_lines(text)
                  if not any(r.regex.match(text[s:e]) for r in annex)), None)
    if first is None:
        return _Part(0, len(text), "", -1, issued, signer=signer)
    addressed = any(r.regex.match(text[first[0]:first[1]]) for r in rules.pattern_rules("split", "addressee_lines"))
    if addressed or outline.starts_with_label(text, *first):
        # an excerpt opening in its outline or addressees: untitled, unless the
        # notice it opens with sends attachments, the first titled below its date
        below = _heading_below_signature(text, 0, attachments=True) if addressed else None
        return _Part(0, len(text), below[1] if below else "", below[0] if below else -1, issued, signer=signer)
    line = text[first[0]:first[1]].strip()
    stop = set(cfg["title_line_stop"])
    cut = next((i for i, ch in enumerate(line) if ch in stop), len(line))
    title = titlelines.run_in_heading(line) or line[:cut][: int(cfg["title_max_chars"])].strip()
    bars = cfg["table_cell_bars"]
    # a cell followed by other cells is a table's first row; one followed by
    # empty cells only (标题 | ||) is a line of its own
    row = cut < len(line) and line[cut] in bars and "".join(ch for ch in line[cut:] if ch not in bars).strip()
    if not any(ch.isalpha() for ch in title) or row:
        return _Part(0, len(text), "", -1, issued, signer=signer)   # a bare number or a cell: a table's first row
    if titlelines.opening_sentence(line, title, cut, cfg):
        return _Part(0, len(text), "", -1, issued, signer=signer)   # the plan's opening sentence: no title line
    pos = first[0] + text[first[0]:first[1]].index(title) if title else -1
    return _Part(0, len(text), title, pos, issued, signer=signer)


def _trim(text: str, start: int, end: int) -> tuple:
    """Drop blank lines before the part and white space after it."""
    first = start
    while first < end and text[first] in " \t\n":
        first += 1
    line_start = text.rfind("\n", start, first) + 1 if first < end else first
    start = max(start, line_start)
    while end > start and text[end - 1] in " \t\n":
        end -= 1
    return start, end


def split(cleaned: CleanText) -> list:
    text = cleaned.text
    parts = _by_markers(text) or _by_notice(text) or [_single(text)]
    source = cleaned.source
    page_issued = partfields.page_dated(cleaned.chrome, text)
    plans = []
    for number, part in enumerate(parts, 1):
        # no title line (none, or a site's name or two issuers taken for one): the
        # page's title field may name it; that title is in no line of the text
        lacking = len(parts) == 1 and not titlelines.names_a_title(part.title)
        field = titlelines.field_title(cleaned.chrome) if lacking else ""
        part = replace(part, title=field, title_pos=-1) if field else part
        start, end = _trim(text, part.start, part.end)
        body = text[start:end]
        city, province = placevote.plan_locality(part.issuer, part.title, part.signer, body,
                                                 text[:part.start + 600], cleaned.chrome)
        issued = part.issue_date or page_issued()
        plans.append(Plan(
            doc_id=f"{source.digest[:16]}-{number}", source_path=source.path, part=number,
            title=titlelines.without_file_suffix(part.title), city=city, province=province, issue_date=issued,
            text=body, title_start=part.title_pos - start if part.title_pos >= start else -1,
        ))
    return plans
