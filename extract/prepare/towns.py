"""Towns below the gazetteer: the county of a plan that names only its towns
(rules/towns.tsv), and the town that opens a title or an issuer.

An excerpt of a county plan may never write its county, only the towns the
work is done in (旧县镇、交口河镇 …). Town names repeat across the country
(城关镇 is in hundreds of counties), so one name decides nothing: each distinct
town the text writes votes for the counties that have it, and a county wins
only with enough distinct towns and more than any other county.
"""
from __future__ import annotations

import functools
from collections import Counter
from typing import Optional

from .. import rules


@functools.lru_cache(maxsize=1)
def _load() -> tuple:
    """(full town name (交口河镇) → the 6-digit codes of the counties that have it,
    the level words of the file, longest first). Read on first use only: most
    plans name their county and never need it."""
    shortest = int(rules.load("places")["town_stem_min_chars"])
    index: dict = {}
    levels = set()
    path = rules.rules_dir() / rules.load("places")["towns_file"]
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or not line.strip():
                continue
            code, *cells = line.rstrip("\n").split("\t")
            for cell in cells:
                level, _, stems = cell.partition(":")
                levels.add(level)
                for stem in stems.split():
                    if len(stem) >= shortest:
                        index.setdefault(stem + level, []).append(code)
    return index, tuple(sorted(levels, key=len, reverse=True))


def _index() -> dict:
    return _load()[0]


def _levels() -> tuple:
    return _load()[1]


@functools.lru_cache(maxsize=1)
def _stem_lengths() -> tuple:
    return tuple(sorted({len(name) for name in _index()}, reverse=True))


def counties_of(town: str) -> list:
    """The 6-digit codes of the counties that have a town of this full name."""
    return _index().get(town, [])


def towns_in(text: str) -> set:
    """The distinct town names written in ``text`` (the longest at each level word)."""
    index, found = _index(), set()
    for level in _levels():
        pos = text.find(level)
        while pos >= 0:
            end = pos + len(level)
            for size in _stem_lengths():
                name = text[max(0, end - size):end]
                if len(name) == size and name in index:
                    found.add(name)
                    break
            pos = text.find(level, end)
    return found


def county_of_towns(text: str, within: str = "", need: Optional[int] = None) -> Optional[str]:
    """The 6-digit code of the county whose towns ``text`` names most, inside the
    region whose code starts with ``within``; None on a tie or fewer than ``need``
    towns (town_vote_min_names by default)."""
    need = int(rules.load("places")["town_vote_min_names"]) if need is None else need
    votes = Counter()
    for name in towns_in(text):
        for code in set(_index()[name]):
            if code.startswith(within):
                votes[code] += 1
    ranked = votes.most_common(2)
    if not ranked or ranked[0][1] < need or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return ranked[0][0]


def town_of_county(text: str, county_code: str) -> Optional[str]:
    """The town of the county ``county_code`` (6 digits) that ``text`` opens with
    (城关镇 of 宁陕县 in 城关镇农村人居环境……): the division codes list it there."""
    for size in _stem_lengths():
        name = text[:size]
        if len(name) == size and county_code in _index().get(name, ()):
            return name
    return None


# --- towns that open a title or an issuer (below the gazetteer) ---------------------

def township(text: str) -> Optional[str]:
    """The town, township or sub-district that opens text as its issuer, if any."""
    for rule in rules.pattern_rules("places", "townships"):
        m = rule.regex.match(text)
        if m:
            return m.group("town")
    return None


def is_listed_town(name: str) -> bool:
    """A town, township or sub-district of the division codes, written with its level word."""
    levels = tuple(rules.load("places")["self_town_words"])
    return name.endswith(levels) and bool(counties_of(name))


def unit_levels(text: str) -> Counter:
    """How often the bodies named in text carry each level word (县财政局 → 县)."""
    return Counter(m.group("level") for rule in rules.pattern_rules("places", "unit_level_marks")
                   for m in rule.regex.finditer(text))


def top_level(marks: Counter, names: list) -> Optional[str]:
    """The level the text's unit prefixes carry most; on a tie (县医院, 乡镇文化站
    once each) the one a named place has (会宁县), else the first seen."""
    if not marks:
        return None
    top = max(marks.values())
    tied = [lvl for lvl, n in marks.items() if n == top]
    return next((lvl for lvl in tied if any(name.endswith(lvl) for name in names)), tied[0])


def _title_town_matches(title: str):
    for rule in rules.pattern_rules("places", "title_towns"):
        m = rule.regex.match(title or "")
        if m:
            yield m


def listed_title_town(title: str, named_codes) -> Optional[str]:
    """The listed town opening ``title`` whose county, or the city above it, the
    text names (沙镇镇……方案 in a text citing 聊城市 and 东昌府区): a short
    excerpt has too few bodies to vote with, the table and the text agree.
    ``named_codes()`` gives the six-digit codes the text names, asked only
    when the title opens with a listed town."""
    for m in _title_town_matches(title):
        codes = counties_of(m.group("town"))
        if codes and any(c in named_codes() or c[:4] + "00" in named_codes() for c in codes):
            return m.group("town")
    return None


def title_town(title: str, text: str) -> Optional[str]:
    """The town or sub-district opening ``title`` (周庄镇……方案) when the
    plan's bodies carry its level word more than any other (街道城管办)."""
    for m in _title_town_matches(title):
        if m:
            if m.group("ethnic") and counties_of(m.group("town")):
                return m.group("town")      # 屏边彝族乡: a listed name its people's word marks
            cfg = rules.load("places")
            level = m.group("level") or m.group("level_e")
            top = unit_levels(text[:cfg["text_vote_chars"]]).most_common(1)
            if top and top[0][0] == level and top[0][1] >= cfg["title_town_min_bodies"]:
                return m.group("town")
    return None


def elided_town(title: str, text: str) -> Optional[str]:
    """The town of a title that opens with its bare level word (镇2024年…方案),
    from a sentence of the text that names the whole title with its name."""
    for rule in rules.pattern_rules("places", "elided_title_levels"):
        m = rule.regex.match(title or "")
        if not m:
            continue
        tail = title[m.start("level"):].strip()
        pos = text.find(tail, 1)
        while pos > 0:
            head = text[max(0, pos - 12):pos]
            for name_rule in rules.pattern_rules("places", "elided_place_names"):
                named = name_rule.regex.search(head)
                if named:
                    return named.group("name") + m.group("level")
            pos = text.find(tail, pos + 1)
    return None


def self_named_town(text: str) -> Optional[str]:
    """The one listed town of the level an opening calls itself by (结合我镇实际
    beside 弼时镇), when it never calls itself a county or a city."""
    cfg = rules.load("places")
    window = text[:cfg["self_town_chars"]]
    if any(word in window for word in cfg["self_county_words"]):
        return None
    for level, words in cfg["self_town_words"].items():
        if any(word in window for word in words):
            named = {name for name in towns_in(window)
                     if name.endswith(level) and name not in cfg["self_town_common_words"]}
            if len(named) == 1:
                return named.pop()
    return None
