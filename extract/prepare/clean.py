"""Clean stage: page chrome and scraping noise out, plain plan text kept.

The cleaned text is what every offset in every table refers to, so the
cleaner is the last stage allowed to change characters. Cleaning runs as a
fixed cascade: markup to text, line ends and spaces, traditional characters
to simplified ones, PDF line joins, footer cut, chrome lines, watermarks.
"""
from __future__ import annotations

import functools
import re
from typing import Optional

from .. import rules
from ..text import scan
from ..records import CleanText, Source, WarningRow
from . import pagemarks



@functools.lru_cache(maxsize=1)
def _space_subs() -> tuple:
    """(one class of the space_map, width_map and mark_map characters sharing a replacement,
    the replacement) pairs.

    A class search runs at C speed over a text that holds few of them, where
    ``str.translate`` looks every character up in a dict. The pairs do what
    the table does because no replacement holds a character of the map.
    """
    cfg = rules.load("clean")
    table = {**cfg["space_map"], **cfg["width_map"], **cfg["mark_map"]}
    by_value: dict = {}
    for ch, value in table.items():
        by_value.setdefault(value or "", []).append(ch)
    if any(ch in value for value in by_value for ch in table):
        raise rules.RuleError("rules/clean.yaml: a space_map replacement holds a mapped character")
    return tuple((re.compile("[" + re.escape("".join(chars)) + "]"), value)
                 for value, chars in by_value.items())


@functools.lru_cache(maxsize=None)
def _rules(key: str) -> tuple:
    return rules.pattern_rules("clean", key)


def clean(source: Source) -> CleanText:
    text = source.content      # for a page, its block text: ingest parsed the markup once
    notes: list = []
    dropped: list = []     # the page chrome cut away: the locality may still read it
    text = normalise_spaces(text)
    text = to_simplified(text, notes, source.path)
    text = cut_footer(text, notes, source.path, dropped)
    text = drop_chrome_blocks(text, dropped)
    text = drop_chrome_lines(text, notes, source.path, dropped)
    if source.kind == "pdf" or looks_hard_wrapped(text):
        text = join_pdf_lines(text)
    text = remove_watermarks(text)
    text = pagemarks.join_pages(text)
    return CleanText(source, text, tuple(notes), "\n".join(dropped))


def normalise_spaces(text: str) -> str:
    """CRLF to LF, non-breaking and full-width spaces to plain ones, zero-width out,
    full-width figures to ASCII ones, look-alike marks to the marks they stand
    for (∶ to ：); page and line separators become line breaks, other
    control characters go."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    for rule in _rules("line_break_controls"):
        text = rule.regex.sub("\n", text)
    for rule in _rules("control_characters"):
        text = rule.regex.sub("", text)
    for chars, value in _space_subs():
        text = chars.sub(value, text)
    for rule in _rules("lost_characters"):      # a blank for each mark of a lost character
        text = rule.regex.sub(lambda m: " " * len(m.group()), text)
    return text


def to_simplified(text: str, notes: list, path: str) -> str:
    """A page written in traditional characters, read in simplified ones
    (rules/clean.yaml ``traditional_marks``): one character for one, line by
    line, so that every offset still points at the character it stood for."""
    cfg = rules.load("clean")
    marks = len(_traditional_marks().findall(text))
    if marks < int(cfg["traditional_min_chars"]):
        return text
    han = len(_han_char().findall(text))
    if marks < float(cfg["traditional_min_share"]) * han:
        return text
    convert = t2s()
    lines = text.split("\n")
    out = [converted if len(converted := convert(line)) == len(line) else line for line in lines]
    notes.append(WarningRow(path, "TraditionalRead", (
        f"{path}: written in traditional characters; read as simplified ones "
        "(the tables quote the simplified text; offsets are unchanged)")))
    return "\n".join(out)


@functools.lru_cache(maxsize=1)
def _han_char():
    return re.compile(rules.load("clean")["han_char"])


@functools.lru_cache(maxsize=1)
def _traditional_marks():
    """One character class of the marks: the page is counted in one pass."""
    return re.compile("[" + re.escape(rules.load("clean")["traditional_marks"]) + "]")


@functools.lru_cache(maxsize=1)
def t2s():
    """OpenCC's traditional-to-simplified conversion (the eval compares with it too)."""
    import opencc     # only a traditional page pays for loading its tables
    return opencc.OpenCC("t2s").convert


def _bound(text: str, share_key: str, chars_key: str) -> float:
    """The most a rule may remove from ``text``: a share of it, or a few lines' worth."""
    cfg = rules.load("clean")
    return max(float(cfg[share_key]) * len(text), int(cfg[chars_key]))


def looks_hard_wrapped(text: str) -> bool:
    """A text file saved from a PDF keeps its wrapped lines: many full-width lines end mid-sentence."""
    cfg = rules.load("clean")
    enders = cfg["pdf_line_enders"]
    lines = [line.strip() for line in text.split("\n") if line.strip() and "\t" not in line]
    if len(lines) < 10:
        return False
    lengths = sorted(len(line) for line in lines)
    width = lengths[int(len(lengths) * 0.8)]
    if width < int(cfg["hard_wrapped_min_width"]):
        return False          # a roster or list of short lines, not a page's text run to its width
    full = float(cfg["pdf_full_line_ratio"]) * width
    # a table's rows run to the full width unwrapped: they are no open lines
    open_lines = sum(1 for line in lines
                     if len(line) >= full and line[-1] not in enders and not _columns(line, cfg))
    return open_lines / len(lines) >= float(cfg["hard_wrapped_share"])


def _columns(line: str, cfg: dict) -> bool:
    """A row of a table whose cells are parted by blanks or bars (1 县住建局 2025年底前):
    a few pieces of two characters or more, not a line spaced out one character
    at a time the way some PDF text layers are."""
    bars = cfg["column_bars"]
    pieces = line.translate({ord(ch): " " for ch in bars}).split()
    long_ones = sum(len(p) >= 2 for p in pieces)
    return len(pieces) >= int(cfg["column_line_min_pieces"]) and long_ones * 2 > len(pieces)


def join_pdf_lines(text: str) -> str:
    """Re-join lines a PDF wrapped inside a paragraph.

    A wrapped line runs to the page's text width; a shorter one ended its
    paragraph or heading. The width is read off the document itself (a high
    percentile of its line lengths), so no page geometry is needed.
    """
    cfg = rules.load("clean")
    enders = cfg["pdf_line_enders"]
    keep = _rules("pdf_keep_break_before")
    lines = text.split("\n")
    lengths = sorted(len(line.strip()) for line in lines if line.strip())
    width = lengths[int(len(lengths) * 0.8)] if lengths else 0
    full = float(cfg["pdf_full_line_ratio"]) * width
    # each output line is kept as its pieces: joining onto a long paragraph by
    # concatenation would copy it once per wrapped line (quadratic)
    out = [[lines[0]]] if lines else []
    physical = lines[0] if lines else ""   # the last line as the PDF gave it
    for line in lines[1:]:
        last = _last_char(out[-1])
        starts_block = (not line.strip() or not last or last in enders
                        or len(physical.strip()) < full
                        or "\t" in line or any(r.regex.match(line) for r in keep))
        if starts_block:
            out.append([line])
        else:
            _rstrip(out[-1])
            out[-1].append(line.lstrip())
        physical = line
    return "\n".join("".join(parts) for parts in out)


def _last_char(parts: list) -> str:
    """The last character of "".join(parts).rstrip(), or ""."""
    for part in reversed(parts):
        stripped = part.rstrip()
        if stripped:
            return stripped[-1]
    return ""


def _rstrip(parts: list) -> None:
    """Make "".join(parts) its own rstrip(), touching only its last pieces."""
    while parts and not parts[-1].rstrip():
        parts.pop()
    if parts:
        parts[-1] = parts[-1].rstrip()


def cut_footer(text: str, notes: list, path: str = "", dropped: Optional[list] = None) -> str:
    """Drop everything from the footer's first marker (vote widgets, comment boxes) on.

    The footer starts at the first marker after which no more than a
    footer's worth of text follows. A marker followed by more (a long file
    of pages, each with its widget) is left in place with a note: a footer
    rule never cuts a plan down to its first page.
    """
    bound = _bound(text, "footer_max_share", "footer_max_chars")
    markers = sorted((m.start(), rule.id, m.group().strip())
                     for rule in _rules("cut_from") for m in scan.finditer(rule, text))
    for start, rule_id, found in markers:
        if len(text) - start <= bound:
            if dropped is not None:
                dropped.append(text[start:])
            return text[:start]
    if markers:
        start, rule_id, found = markers[0]
        notes.append(WarningRow(path, "FooterKept", (
            f"{path}: {len(markers)} footer marker(s) such as '{found[:20]}' (rule {rule_id}, "
            f"at character {start}) are followed by {len(text) - start} characters, more than a "
            f"footer; the text after them was kept (limits: footer_max_share, footer_max_chars "
            f"in rules/clean.yaml)")))
    return text


def drop_chrome_blocks(text: str, dropped: Optional[list] = None) -> str:
    """Drop runs of chrome lines that only their neighbours identify (a
    breadcrumb as a numbered list: its crumbs alone look like list items).
    A run is chrome only while it is as short as one chrome line may be."""
    longest = int(rules.load("clean")["chrome_line_max_chars"])
    cut = [] if dropped is None else dropped

    def drop(m) -> str:
        if len(m.group()) > longest:
            return m.group()
        cut.append(m.group())
        return ""
    for rule in _rules("drop_block"):
        text = rule.regex.sub(drop, text)
    return text


def drop_chrome_lines(text: str, notes: list, path: str = "", dropped: Optional[list] = None) -> str:
    """Drop page-chrome lines (breadcrumbs, bylines, share links).

    Chrome lines are short: a longer line that matches is kept. A rule whose
    lines add up to more than a bounded share of the text is not applied at
    all (it is matching the plan, not the page around it), with a note.
    """
    cfg = rules.load("clean")
    longest = int(cfg["chrome_line_max_chars"])
    lines = text.split("\n")
    matched = [_chrome_rule(line, longest) for line in lines]
    removed: dict = {}
    for line, rule_id in zip(lines, matched):
        if rule_id:
            removed[rule_id] = removed.get(rule_id, 0) + len(line) + 1
    bound = _bound(text, "chrome_max_share", "chrome_max_chars")
    held = {rule_id for rule_id, size in removed.items() if size > bound}
    for rule_id in sorted(held):
        notes.append(WarningRow(path, "ChromeKept", (
            f"{path}: the page-chrome rule {rule_id} matches {removed[rule_id]} characters, "
            f"more than page chrome can be; it was not applied (limits: chrome_max_share, "
            f"chrome_max_chars in rules/clean.yaml)")))
    kept = [line if not rule_id or rule_id in held else _headline_of(line)
            for line, rule_id in zip(lines, matched)]
    if dropped is not None:
        dropped.extend(line for line, rule_id in zip(lines, matched) if rule_id and rule_id not in held)
    return "\n".join(line for line in kept if line is not None)


def _headline_of(line: str):
    """The headline a page prints before its byline on one line, or None."""
    for rule in _rules("byline_heads"):
        m = rule.regex.match(line)
        if m:
            return m.group("head")
    return None


def _chrome_rule(line: str, longest: int):
    if len(line) > longest or not any(gate.match(line) for gate in _any_chrome()):
        return None
    return next((rule.id for rule in _rules("drop_line") if rule.regex.match(line)), None)


@functools.lru_cache(maxsize=1)
def _any_chrome() -> tuple:
    """Every drop_line rule in one of two alternations: a line matches one of
    them where one of the rules matches it. Nearly no line is chrome, and two
    matches turn it down instead of one per rule; the rule that matched is
    then found one by one. The rules ``re`` compiles are joined for ``re``,
    the others (a ``\\p{Han}`` class) for the regex package: one alternation
    of them all would go to the regex package, slower on the others' parts
    than ``re`` (twice the time of both halves on the shipped plans)."""
    halves: tuple = ([], [])
    for rule in _rules("drop_line"):
        halves[not isinstance(rule.regex, re.Pattern)].append(rule.pattern)
    plain, other = halves
    gates = [re.compile(rules.gated_alternation(plain, [None] * len(plain)), re.M)] if plain else []
    if other:
        gates.append(rules.compile_pattern(rules.gated_alternation(other, [None] * len(other)),
                                           "rules/clean.yaml: drop_line"))
    return tuple(gates)


def remove_watermarks(text: str) -> str:
    """Remove stamped phrases: whole `.X由某网编辑.` stamps, then repeated `.X` fragments."""
    known = []
    for rule in _rules("watermark"):
        for m in scan.finditer(rule, text):
            if "phrase" in rule.regex.groupindex:
                known.append(m.group("phrase"))
        text = rule.regex.sub("", text)
    return _remove_fragments(text, known)


def _remove_fragments(text: str, known: list) -> str:
    cfg = rules.load("clean")
    min_chars = int(cfg["watermark_fragment_min_chars"])
    min_repeats = int(cfg["watermark_fragment_min_repeats"])
    fragments = [m.group(1) for rule in _rules("watermark_fragments") for m in scan.finditer(rule, text)
                 if len(m.group(1)) >= min_chars]
    if not fragments:
        return text
    pool = fragments + known

    def noise_prefix(fragment: str) -> str:
        for size in range(len(fragment), min_chars - 1, -1):
            prefix = fragment[:size]
            if prefix in known or sum(p.startswith(prefix) for p in pool) >= min_repeats:
                return prefix
        return ""

    def replace(m: re.Match) -> str:
        prefix = noise_prefix(m.group(1))
        return m.group(0)[len(prefix) + 1:] if prefix else m.group(0)

    for rule in _rules("watermark_fragments"):
        text = rule.regex.sub(replace, text)
    return text
