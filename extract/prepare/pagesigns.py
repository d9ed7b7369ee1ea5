"""Where a plan that barely names its place says it anyway: its own document
number (鄂政发〔2024〕3号 → 湖北省) and the page around it (主办：宁陕县人民政府
办公室, 首页 > 蒲城县 > 政务公开). Both come after the plan's own text: a plan
read from a province's site may still be a county's."""
from __future__ import annotations

from typing import Optional

from . import gazetteer
from .gazetteer import Place
from .. import rules


def number_province(head: str, chrome: str = "") -> Optional[str]:
    """The province whose abbreviation opens a document number printed on a
    line of its own in the plan's heading block (or in the catalogue fields the
    page printed above it), else None; a number inside a sentence is cited."""
    cfg = rules.load("places")
    codes = cfg["province_abbreviations"]
    lines = head[:cfg["document_number_head_chars"]].split("\n") + chrome.split("\n")
    for line in lines:
        for rule in rules.pattern_rules("places", "own_document_numbers"):
            m = rule.regex.match(line)
            code = codes.get(m.group("abbr")) if m else None
            if code:
                return gazetteer.province_name(code + "0" * 10)
    return None


def chrome_place(chrome: str, context: str = "") -> Optional[Place]:
    """The place of the body whose site the page chrome names, by the first
    rule that finds one (its sponsor before a link to another site's name);
    None when none does."""
    for body in chrome_bodies(chrome):
        place = gazetteer.issuer_place(body, context)
        if place is not None:
            return place
    return None


def chrome_bodies(chrome: str):
    """The bodies the page chrome names as its sponsor or source, rule by rule."""
    lines = chrome.split("\n")
    for rule in rules.pattern_rules("places", "site_bodies"):
        for line in lines:
            m = rule.regex.match(line)
            if m:
                yield m.group("body")
