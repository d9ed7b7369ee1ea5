"""The city and province of a plan: from its issuer and title first, else
the body that signs it, else a vote over the places its text names, the level
words its bodies carry (县财政局 → a 县), the stems of counties and the towns
it writes (towns.py)."""
from __future__ import annotations

import functools
from collections import Counter
from typing import Optional

from . import gazetteer, pagesigns, towns
from .gazetteer import Place, _official_names, _table, find_places, province_name
from .. import rules
from ..text import nlp


def _without_names(text: str, places: list) -> str:
    """``text`` with the places found in it blanked: the 镇 of 镇安县人民政府办公室
    is the county's name, no town's body."""
    for place in places:
        text = text.replace(place.name, " " * len(place.name))
    return text


def text_place(text: str) -> Optional[Place]:
    """The place of a plan that names none in an issuer or title (an excerpt):
    the place its text names most often, among those of the level its units
    carry in their prefix (县财政局, 县农业农村局 → a 县; 市教育局 → a 市),
    the first named on a tie. Provinces count only when nothing lower is named."""
    cfg = rules.load("places")
    window = text[:cfg["text_vote_chars"]]
    places = find_places(window, window)
    pool = [p for p in places if p.level > 1] or places
    marks = towns.unit_levels(_without_names(window, places))
    level = towns.top_level(marks, [p.name for p in pool])
    if level in cfg["province_levels"]:     # a province's own bodies: no city is its own
        provinces = [p for p in places if p.level == 1]
        return provinces[0] if provinces else (_province_of(pool[0]) if pool else None)
    if not pool:                # 我县 and 县财政 only: the county whose stem it writes (蒲城美食街)
        # no body of any level either: the county whose towns and streets it names, more of them
        return (_county_by_stem(window, None, level, once=True) or _county_by_towns(window, None, level)) if level \
            else _county_by_towns(window, None, None)
    same = [p for p in pool if level and p.name.endswith(level)]
    counts = Counter(p.code for p in same or pool)
    # on a tie, a city over several of the divisions named (韶关市 over 浈江区, 乐昌市 …)
    # is the plan's, not the one county-level city among them
    named = {q.code: q for q in pool}.values()
    within = {p.code: sum(p.contains(q) for q in named) for p in same or pool}
    best = max(same or pool, key=lambda p: (counts[p.code], within[p.code] if within[p.code] >= 2 else 0))
    tied = {p.code: p for p in same or pool if counts[p.code] == counts[best.code] and p.level == best.level}
    if (len(tied) >= cfg["text_vote_tie_min"] and within[best.code] < 2 and best.level > 1
            and len({code[:2] for code in tied}) == 1):
        return _province_of(best)       # 南宁市…，柳州市…，桂林市…: a list of them, spoken of from above
    if best.level == 3 and any(r.regex.search(window) for r in rules.pattern_rules("places", "subordinate_county_marks")):
        return _prefecture_of(best)
    if level and not same:      # bodies of a 县 but no county named: one inside the region by its stem
        # (or inside its province: a plan names a city it deals with as readily as its own)
        return (_county_by_stem(window, best, level) or _county_by_towns(window, best, level)
                or _county_by_stem(window, _province_of(best), level) or _province_of(best))
    return best


def _addressed_region(line: str) -> Optional[Place]:
    """The region that holds the divisions an addressee line names, when it
    names two or more of county level (利川市、宣恩县、来凤县人民政府：→ their
    prefecture; counties of several prefectures → their province); else None."""
    if not any(r.regex.match(line) for r in rules.pattern_rules("places", "addressed_divisions")):
        return None
    counties = {p.code: p for p in find_places(line, line) if p.level == 3}.values()
    if len(counties) < 2:
        return None
    regions = {_prefecture_of(p).code: _prefecture_of(p) for p in counties}
    if len(regions) == 1:
        region = next(iter(regions.values()))
        return region if region.level == 2 else _province_of(region)
    provinces = {p.code[:2] for p in counties}
    return _province_of(next(iter(counties))) if len(provinces) == 1 else None


def _prefecture_of(place: Place) -> Place:
    """The prefecture-level division holding a county (福州市 for 福清市), or the county
    itself where none is listed (a county under its province directly)."""
    code = place.code[:4] + "0" * 8
    name = _official_names().get(code)
    return Place(name, code, 2) if name and code[2:4] != "90" else place


def _county_by_towns(text: str, region: Optional[Place], level: Optional[str]) -> Optional[Place]:
    """The county whose towns the text names (see towns.py), in the province of
    ``region``: a plan names cities it trades with as readily as its own. With
    no ``level`` (no body of the plan carries one) more towns are needed."""
    cfg = rules.load("places")
    if level is not None and level not in cfg["town_vote_levels"]:
        return None
    within = "" if region is None else region.code[:2]
    code = towns.county_of_towns(text, within, None if level else cfg["town_vote_min_names_unmarked"])
    if not code:
        return None
    name = _official_names().get(code + "0" * 6)
    # a county the gazetteer names otherwise (a city turned district since): its province at least
    return Place(name, code + "0" * 6, 3) if name else _province_of(Place(code, code + "0" * 6, 3))


def town_region(town: str) -> Optional[Place]:
    """The county of a town name that only one county has, else its province
    when every county that has the name lies in one province; None otherwise."""
    codes = sorted(set(towns.counties_of(town)))
    if not codes or len({c[:2] for c in codes}) > 1:
        return None
    name = _official_names().get(codes[0] + "0" * 6)
    if len(codes) == 1 and name:
        return Place(name, codes[0] + "0" * 6, 3)
    return _province_of(Place(town, codes[0] + "0" * 6, 3))


def _province_of(place: Place) -> Place:
    """The province of a region that only holds the plan's locality (a district
    plan that names its city alone): the city is unknown, the province is not."""
    code = place.code[:2] + "0" * 10
    return Place(province_name(code) or place.name, code, 1)


def _sponsor(chrome: str, region: Optional[Place], context: str) -> Optional[tuple]:
    """(city, province) of the body the page chrome names as its sponsor (发布机构:
    枫桥镇, 信息来源：某县人民政府办公室) when it lies inside ``region`` and is more
    specific (anywhere, when None); None otherwise."""
    for name in pagesigns.chrome_bodies(chrome):
        town = towns.township(name) or (name if towns.is_listed_town(name) else None)
        near = town_region(town) if town else gazetteer.issuer_place(name, context)
        inside = near is not None and (region is None or region.contains(near)
                                       or (town is not None and region.code[:4] == near.code[:4]))
        if inside and (town or region is None or near.level > region.level):
            return (town, gazetteer.city_province(near)[1]) if town else gazetteer.city_province(near)
    return None


def _county_by_stem(text: str, region: Optional[Place], level: str, once: bool = False) -> Optional[Place]:
    """The division of ``level`` inside ``region`` (anywhere, when None) whose
    name without its level word the text writes most often, at least twice
    (蒲城酥梨, 蒲城美食街 → 蒲城县); none when two divisions tie for it.
    ``once``: the text names no place at all, and a stem that is a name is
    enough written once (see _enough)."""
    cfg = rules.load("places")
    found = []
    for name, entries in _table().items():
        stem = name[:-len(level)]
        if not name.endswith(level) or len(stem) < cfg["stem_min_chars"] or stem not in text:
            continue
        for code, lvl in entries:
            if region is None or (lvl > region.level and region.contains(Place(name, code, lvl))):
                found.append((_stem_count(text, stem), name, code, lvl))
    found.sort(reverse=True)
    if not found or not _enough(text, found[0][1][:-len(level)], found[0][0], once):
        return None
    if len(found) > 1 and found[1][0] == found[0][0] and found[1][2] != found[0][2]:
        return None             # two counties of one stem count (or one name twice): unknown
    best = found[0]
    return Place(best[1], best[2], best[3])


def _enough(text: str, stem: str, count: int, once: bool) -> bool:
    """Whether a stem is written often enough to name its county: twice
    (county_stem_min_count: 长治 and 大庆 are words as well as places), or once
    for a stem the lexicon barely knows (宕昌, a name) that jieba cuts as a
    word where it stands (创新和发展 writes no 新和)."""
    cfg = rules.load("places")
    if count >= cfg["county_stem_min_count"]:
        return True
    if count < 1 or not once or (nlp.jieba().FREQ.get(stem) or 0) >= cfg["county_stem_rare_freq"]:
        return False
    at, reach = text.find(stem), cfg["county_stem_window"]
    window = text[max(0, at - reach):at + len(stem) + reach]
    return stem in nlp.jieba().lcut(window, HMM=False)


def _stem_count(text: str, stem: str) -> int:
    """How often the text writes ``stem`` (蒲城酥梨, 蒲城美食街), not as the given
    name of a person (牵头领导：吕卫东 names no 卫东区)."""
    from ..facts.personnames import is_person_name
    count, at = 0, text.find(stem)
    while at >= 0:
        count += not (at > 0 and is_person_name(text[at - 1:at + len(stem)]))
        at = text.find(stem, at + len(stem))
    return count


@functools.lru_cache(maxsize=4)
def _named_codes(body: str) -> frozenset:
    """The six-digit codes of the cities and counties the start of ``body`` names."""
    window = body[:rules.load("places")["text_vote_chars"]]
    return frozenset(p.code[:6] for p in gazetteer.find_places(window, window) if p.level > 1)


def _town_after_county(county: Optional[Place], lines: tuple) -> Optional[str]:
    """A town of the county that follows the county's name in the issuer or the
    title (宁陕县城关镇……方案): the plan is the town's."""
    if county is None or county.level != 3:
        return None
    for line in lines:
        at = (line or "").find(county.name)
        town = towns.town_of_county(line[at + len(county.name):], county.code[:6]) if at >= 0 else None
        if town:
            return town
    return None


def plan_locality(issuer: str, title: str, signer: str, body: str, preamble: str,
                  chrome: str = "") -> tuple:
    """The plan's (city, province), an autonomous division written in full where
    the plan writes its full name anywhere (海南州 in the title, 海南藏族自治州
    above the signature): its short form is an abbreviation of that name."""
    city, province = _plan_locality(issuer, title, signer, body, preamble, chrome)
    return _full_name(city, "\n".join((issuer, signer, body, chrome))), province


def _full_name(city: Optional[str], text: str) -> Optional[str]:
    if not city:
        return city
    for pair in rules.load("places")["short_suffixes"]:
        if not city.endswith(pair["short"]) or city.endswith(pair["full"]):
            continue
        for code, _level in _table().get(city, ()):
            full = _official_names().get(code, "")
            if full.endswith(pair["full"]) and full in text:
                return full
    return city


def _zone_after_place(place: Optional[Place], lines: tuple) -> Optional[str]:
    """A development zone named right after its city or county in the issuer or
    the title (西安高新区管委会…, 长沙经开区2024年…): the zone as written."""
    if place is None or place.level == 1:
        return None
    level = place.name[-1] if len(place.name) > 2 else ""     # 西安高新区 drops the 市 of 西安市
    written = [place.name] + ([place.name[:-1]] if level in rules.load("places")["zone_place_levels"] else [])
    for line in lines:
        for name in written:
            at = (line or "").find(name)
            while at >= 0:
                m = next((m for r in rules.pattern_rules("places", "zone_after_place")
                          for m in [r.regex.match(line, at + len(name))] if m), None)
                if m:
                    return line[at:m.end("zone")]
                at = line.find(name, at + 1)
    return None


def _plan_locality(issuer: str, title: str, signer: str, body: str, preamble: str,
                   chrome: str = "") -> tuple:
    """From the issuing notice and the title first (the more specific of the two
    where one lies inside the other, else the issuer); else the issuer named at
    the top of the plan or notice; else the place the text names; else the
    body whose site the page chrome names, else the province of the plan's own
    document number."""
    context = body[:3000]
    place = None
    clause = rules.load("split")["title_clause_marks"]
    for where, sentence in ((issuer, False), (title, any(ch in title for ch in clause))):
        if where and not sentence:
            place = gazetteer.more_specific(place, gazetteer.issuer_place(where, context))
    town = (next((t for t in map(towns.township, (issuer, title, signer)) if t), None)
            or towns.title_town(title, body) or towns.elided_town(title, body)
            or towns.listed_title_town(title, functools.partial(_named_codes, body))
            or _town_after_county(place, (issuer, title)) or _zone_after_place(place, (issuer, title))
            or (towns.self_named_town(body) if place is None else None))
    if town:    # below the gazetteer: its province from the county named, or the text
        near = place or text_place(body) or town_region(town)
        province = gazetteer.city_province(near)[1] if near else gazetteer.locality(context, context)[1]
        return town, province
    if place is not None:
        return gazetteer.city_province(place)
    # a heading or issuer line that opens with its place, else the body that signs
    # the plan (a plan names the counties it learns from as readily as its own),
    # else the place the text names most
    # (a sentence that opens with a place, 福清市乡镇机构改革……。, reports on it)
    ends = set(rules.load("outline")["sentence_end"])
    opening = [line.strip() for line in body[:300].split("\n")][:3]
    place = (next((p for p in map(_addressed_region, opening) if p), None)
             or next((gazetteer.issuer_place(line, context) for line in opening
                      if gazetteer.place_prefix(line) and not ends & set(line)), None)
             or (gazetteer.issuer_place(signer, context) if gazetteer.place_prefix(signer) else None))
    if place is None:
        place = text_place(body)
        # a place voted from the text, no issuer's: the page's sponsor inside it is more specific
        sponsored = _sponsor(chrome, place, context)
        if sponsored is not None:
            return sponsored
    if place is not None:
        return gazetteer.city_province(place)
    for where in (body[:300], preamble[:600]):
        city, province = gazetteer.locality(where, context)
        if province:
            return city, province
    place = pagesigns.chrome_place(chrome, context)
    if place is not None:
        return gazetteer.city_province(place)
    return None, pagesigns.number_province(body, chrome)
