"""Fields of a part that the page states beside its heading: the issuing
body on its own line above the title (法门镇人民政府 / 关于……的通知), and the
date a page's catalogue fields give the document (成文日期: 2023-06-19).
"""
from __future__ import annotations

from datetime import date
from typing import Optional

from .. import rules
from . import titlelines


def page_dated(chrome: str, text: str):
    """A function giving the page's date (``page_date`` of the chrome and the
    top of the text), read once on the first call: a page states it once,
    above its plans, so a long page of many plans pays for it once."""
    found: list = []

    def issued() -> Optional[date]:
        if not found:
            found.append(page_date(chrome + "\n" + text[:_PAGE_FIELDS_REACH]))
        return found[0]
    return issued


_PAGE_FIELDS_REACH = 3000     # the catalogue of fields stands at the top of the page


def page_date(page: str) -> Optional[date]:
    """The date a page's catalogue fields give the document (成文日期: 2023-06-19)."""
    for rule in rules.pattern_rules("split", "page_date_fields"):
        for m in rule.regex.finditer(page):
            try:
                return date(*(int(g) for g in m.group("y", "m", "d")))
            except ValueError:
                continue
    return None


def issuer_above(text: str, title: str) -> str:
    """The issuing body on its own line right above the second line of
    ``title`` on a page that heads the notice with its headline first
    (关于开展……的通知 / … / 某镇人民政府 / 关于开展……的通知); "" otherwise
    (a heading written once keeps the place its own words give)."""
    lines = [line.strip() for line in text[:_ISSUER_REACH].split("\n")]
    numbers = rules.pattern_rules("split", "document_number_lines")
    repeats = [k for k, line in enumerate(lines) if line == title]
    for k in repeats[1:]:
        above = [x for x in lines[max(0, k - 4):k] if x and not any(r.regex.match(x) for r in numbers)]
        if above and titlelines.matches("issuer_body_lines", above[-1]):
            return above[-1]
    return ""


_ISSUER_REACH = 1500     # the heading of a notice stands near the top of its page
