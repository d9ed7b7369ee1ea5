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
import unicodedata
from dataclasses import dataclass
from datetime import date
from typing import Optional

from . import gazetteer
from .. import rules
from ..text.numerals import chinese_int
from ..records import CleanText, Plan

_BRACKETS = str.maketrans("", "", "《》〈〉<>“”\"'‘’「」")


@dataclass
class _Part:
    start: int
    end: int
    title: str
    title_pos: int = -1
    issue_date: Optional[date] = None


def _key(text: str) -> str:
    """Comparison form of a title: NFKC, no white space, no quote or book-title marks."""
    text = unicodedata.normalize("NFKC", text).translate(_BRACKETS)
    return re.sub(r"\s+", "", text).replace("—", "-").replace("–", "-")


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
    marks = [m for rule in rules.pattern_rules("split", "part_markers") for m in rule.regex.finditer(text)]
    marks.sort(key=lambda m: m.start())
    parts = []
    for i, m in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(text)
        parts.append(_Part(m.start(), end, m.group("title").strip(), m.start("title")))
    return parts


def _notice(text: str):
    """The first notice heading within the opening lines, if any."""
    head_end = len(text)
    for count, (_s, e) in enumerate(_lines(text)):
        if count >= 30:
            head_end = e
            break
    found = [m for rule in rules.pattern_rules("split", "notices") for m in rule.regex.finditer(text, 0, head_end)]
    return min(found, key=lambda m: m.start()) if found else None


def _issued_names(notice: re.Match, text: str) -> list:
    names = notice.group("names")
    found = re.findall(r"《([^《》]+)》", names) or [names]
    joiners = "|".join(map(re.escape, rules.words("split", "name_joiners")))
    pieces = [p for n in found for p in re.split(joiners, n) if len(p) >= 4]
    nearby = text[notice.end(): notice.end() + 1500]
    quoted = re.findall(r"《([^《》]{4,120})》", nearby)
    ordered = []
    for name in found + quoted + pieces:
        if _key(name) not in {_key(n) for n in ordered}:
            ordered.append(name)
    return ordered


def _title_lines(text: str, after: int, names: list) -> list:
    """(line start, title) for lines after the notice that repeat an issued name."""
    wanted = {_key(n) for n in names}
    hits, used = [], set()
    for start, end in _lines(text, after):
        line = text[start:end].strip()
        key = _key(line)
        if not key or key in used or "的通知" in line:
            continue
        match = next((w for w in wanted if key == w or (key.endswith(w) and len(key) - len(w) <= 4)), None)
        if match:
            used.add(key)
            hits.append((start + text[start:end].index(line), line))
    return hits


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


def _cn_number(text: str) -> Optional[int]:
    if len(text) == 4:   # years are read digit by digit: 二〇二一
        digits = "〇一二三四五六七八九"
        return int("".join(str(digits.index("〇" if c in "○零" else c)) for c in text))
    return chinese_int(text)


def _by_notice(text: str) -> list:
    notice = _notice(text)
    if not notice:
        return []
    names = _issued_names(notice, text)
    body = text.find("\n", notice.end())
    titles = _title_lines(text, body + 1 if body >= 0 else len(text), names)
    first_title = titles[0][0] if titles else len(text)
    issued = _issue_date(text, notice.end(), min(first_title, notice.end() + 3000))
    if not titles:
        return [_Part(0, len(text), names[0] if names else notice.group(0), -1, issued)]
    parts = []
    for i, (pos, title) in enumerate(titles):
        start = 0 if i == 0 else pos
        end = titles[i + 1][0] if i + 1 < len(titles) else len(text)
        parts.append(_Part(start, end, title, pos, issued))
    return parts


def _single(text: str) -> _Part:
    cfg = rules.load("split")
    words = rules.words("split", "title_words")
    max_chars = int(cfg["title_max_chars"])
    candidates = [(s, e) for s, e in _lines(text) if text[s:e].strip()][: int(cfg["title_search_lines"])]
    chosen = next(((s, e) for s, e in candidates
                   if len(text[s:e].strip()) <= max_chars and any(w in text[s:e] for w in words)), None)
    if chosen is None and candidates:
        chosen = candidates[0]
    if chosen is None:
        return _Part(0, len(text), "", -1)
    line = text[chosen[0]:chosen[1]].strip()
    title = re.split(r"[。；;！？]", line)[0][:max_chars]
    tail_start = max(0, len(text) - 400)
    return _Part(0, len(text), title, chosen[0] + text[chosen[0]:chosen[1]].index(title[:1] or " "),
                 _issue_date(text, tail_start, len(text)))


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
    plans = []
    for number, part in enumerate(parts, 1):
        start, end = _trim(text, part.start, part.end)
        body = text[start:end]
        city, province = _locality(part.title, body, text[:part.start + 600])
        plans.append(Plan(
            doc_id=f"{source.digest[:16]}-{number}", source_path=source.path, part=number,
            title=part.title, city=city, province=province, issue_date=part.issue_date,
            text=body, title_start=part.title_pos - start if part.title_pos >= start else -1,
        ))
    return plans


def _locality(title: str, body: str, preamble: str) -> tuple:
    """From the title first; else the issuer named at the top of the plan or notice."""
    context = body[:3000]
    for where in (title, body[:300], preamble[:600]):
        city, province = gazetteer.locality(where, context)
        if province:
            return city, province
    return None, None
