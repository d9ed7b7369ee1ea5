"""Word's automatic list numbering, rendered as the label a reader sees.

Headings such as "一、" or "（一）" are often Word list numbers, stored as a
numbering definition rather than as text; without rendering them the outline
of the plan would be lost. Covers the formats plans use (decimal, Chinese
counting, circled and full-width digits, letters, roman); bullets render as
nothing. Counters continue per abstract list, deeper levels restart when a
higher level advances, as Word does by default.
"""
from __future__ import annotations

from docx.oxml.ns import qn

from ..text.numerals import chinese_number, circled, heavenly_stems

ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
         (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))


def _val(element, path):
    found = element.find(path) if element is not None else None
    return None if found is None else found.get(qn("w:val"))


def roman(n: int) -> str:
    out = ""
    for value, letters in ROMAN:
        while n >= value:
            out, n = out + letters, n - value
    return out


def letters(n: int) -> str:
    # Word repeats the letter after z: 27 -> aa
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def format_number(n: int, fmt: str) -> str:
    if fmt in ("chineseCounting", "chineseCountingThousand", "japaneseCounting",
               "taiwaneseCounting", "chineseLegalSimplified"):
        return chinese_number(n)
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese") and n <= len(circled()):
        return circled()[n - 1]
    if fmt == "ideographTraditional" and n <= len(heavenly_stems()):
        return heavenly_stems()[n - 1]
    if fmt == "decimalFullWidth":
        return "".join(chr(ord(d) + 0xFEE0) for d in str(n))
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt in ("lowerLetter", "upperLetter"):
        return letters(n).upper() if fmt == "upperLetter" else letters(n)
    if fmt in ("lowerRoman", "upperRoman"):
        return roman(n).upper() if fmt == "upperRoman" else roman(n)
    if fmt in ("bullet", "none"):
        return ""
    return str(n)


class Numbering:
    """Renders the list label of each paragraph, in document order."""

    def __init__(self, numbering_el=None, styles_el=None):
        self._nums = {}
        self._abstract = {}
        self._styles = {}
        self._counters = {}
        self._started = set()
        if numbering_el is not None:
            for a in numbering_el.iterchildren(qn("w:abstractNum")):
                self._abstract[a.get(qn("w:abstractNumId"))] = a
            for num in numbering_el.iterchildren(qn("w:num")):
                self._nums[num.get(qn("w:numId"))] = num
        if styles_el is not None:
            for style in styles_el.iterchildren(qn("w:style")):
                self._styles[style.get(qn("w:styleId"))] = style

    @classmethod
    def of(cls, document) -> "Numbering":
        part = document.part
        try:
            numbering = part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            numbering = None
        try:
            styles = part.styles.element if hasattr(part.styles, "element") else part.styles._element
        except (KeyError, AttributeError):
            styles = None
        return cls(numbering, styles)

    def label(self, p) -> str:
        """The rendered list label, "" when none; malformed definitions give no label."""
        try:
            return self._label(p)
        except (ValueError, TypeError, KeyError):
            return ""

    def _label(self, p) -> str:
        num_id, ilvl = self._num_pr(p)
        if num_id is None or num_id == "0" or num_id not in self._nums:
            return ""
        num = self._nums[num_id]
        abstract_id = _val(num, qn("w:abstractNumId"))
        abstract = self._abstract.get(abstract_id)
        if abstract is None:
            return ""
        levels = {int(lvl.get(qn("w:ilvl"))): lvl for lvl in abstract.iterchildren(qn("w:lvl"))}
        if ilvl not in levels:
            return ""
        counts = self._advance(num_id, num, abstract_id, levels, ilvl)
        return self._render(levels, ilvl, counts)

    def _num_pr(self, p):
        num_pr = p.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
        style_id = _val(p, f"{qn('w:pPr')}/{qn('w:pStyle')}")
        seen = set()
        while num_pr is None and style_id and style_id not in seen:
            seen.add(style_id)  # styles inherit numbering through basedOn
            style = self._styles.get(style_id)
            if style is None:
                break
            num_pr = style.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
            style_id = _val(style, qn("w:basedOn"))
        if num_pr is None:
            return None, 0
        ilvl = _val(num_pr, qn("w:ilvl"))
        return _val(num_pr, qn("w:numId")), int(ilvl) if ilvl and ilvl.isdigit() else 0

    def _advance(self, num_id, num, abstract_id, levels, ilvl) -> dict:
        counts = self._counters.setdefault(abstract_id, {})
        if num_id not in self._started:
            self._started.add(num_id)
            for override in num.iterchildren(qn("w:lvlOverride")):
                start = _val(override, qn("w:startOverride"))
                if start is not None and start.isdigit():
                    counts[int(override.get(qn("w:ilvl")))] = int(start) - 1
        start = _val(levels[ilvl], qn("w:start"))
        first = int(start) if start and start.isdigit() else 1
        counts[ilvl] = counts.get(ilvl, first - 1) + 1
        for deeper in [k for k in counts if k > ilvl]:
            del counts[deeper]
        return counts

    def _render(self, levels, ilvl, counts) -> str:
        text = _val(levels[ilvl], qn("w:lvlText")) or ""
        if _val(levels[ilvl], qn("w:numFmt")) == "bullet":
            return ""
        for k in range(ilvl, -1, -1):
            if k in levels:
                fmt = _val(levels[k], qn("w:numFmt")) or "decimal"
                text = text.replace(f"%{k + 1}", format_number(counts.get(k, 1), fmt))
        if text and (text[-1].isalnum()):
            text += " "  # "第一章" + tab in Word: keep the words apart
        return text
