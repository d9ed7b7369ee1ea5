"""Chinese administrative divisions, from the gazetteer the cpca package ships.

Only its data file is read (cpca itself is not imported: importing it builds
matchers we do not need). Each name maps to its 12-digit code; the first two
digits give the province-level division, the next two the prefecture. Names
the gazetteer lacks (renamed divisions, new areas) come from
rules/place_names.yaml; stems of prefecture-level cities (扬州) are names too,
where the segmenter tags them as places. A name counts only on word
boundaries, so that an ordinary word (建设平安县城) names no place.
"""
from __future__ import annotations

import csv
import functools
import importlib.util
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from .. import rules
from ..text import nlp


@dataclass(frozen=True)
class Place:
    name: str       # as written in the text
    code: str       # 12-digit administrative code
    level: int      # 1 province, 2 prefecture, 3 county

    def contains(self, other: "Place") -> bool:
        keep = {1: 2, 2: 4, 3: 6}[self.level]
        return other.level > self.level and other.code[:keep] == self.code[:keep]


def resource_dir() -> Path:
    """The folder of the data files cpca ships, found without importing cpca."""
    spec = importlib.util.find_spec("cpca")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("the cpca package is missing: run 'make setup' to install dependencies")
    return Path(list(spec.submodule_search_locations)[0]) / "resources"


def _level(code: str) -> int:
    if code[2:] == "0" * 10:
        return 1
    return 2 if code[4:] == "0" * 8 else 3


@functools.lru_cache(maxsize=2)
def _ethnic_regex(at_end: bool = False) -> re.Pattern:
    """The ethnic parts of a division's name (藏族羌族 of 阿坝藏族羌族自治州); ``at_end``:
    only the last part, 族 optional (广西壮族, 新疆维吾尔 of their 自治区)."""
    nations = (resource_dir() / "56_nations.csv").read_text(encoding="utf-8").split()
    stems = sorted((n.strip()[:-1] for n in nations if n.strip()), key=len, reverse=True)
    suffix = re.escape(rules.load("places")["ethnic_suffix"])
    tail = "?\\Z" if at_end else ""
    return re.compile("(?:" + "|".join(map(re.escape, stems)) + ")" + suffix + tail)


@functools.lru_cache(maxsize=1)
def _table() -> dict:
    """name → list of (code, level), with short forms of autonomous divisions."""
    cfg = rules.load("places")
    skip = set(cfg["skip_names"])
    resources = resource_dir()
    ethnic = _ethnic_regex()
    table: dict = {}
    with open(resources / "adcodes.csv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            name, code = row["name"].strip(), row["adcode"].strip()
            if not name or name in skip or len(code) != 12:
                continue
            entry = (code, _level(code))
            table.setdefault(name, []).append(entry)
            for pair in cfg["short_suffixes"]:
                if name.endswith(pair["full"]):
                    core = ethnic.sub("", name[: -len(pair["full"])])
                    if len(core) >= 2 and core != name[: -len(pair["full"])]:
                        table.setdefault(core + pair["short"], []).append(entry)
    _add_other_names(table)
    return table


def _add_other_names(table: dict) -> None:
    """Renamed divisions and new areas from rules/place_names.yaml."""
    cfg = rules.load("place_names")
    for entry in cfg["renamed"]:
        known = table.get(entry["as"])
        if not known:
            raise rules.RuleError(f"rules/place_names.yaml: {entry['as']!r} is not in the gazetteer")
        if "in" in entry:
            holder = table[entry["in"]][0]
            keep = {1: 2, 2: 4, 3: 6}[holder[1]]
            known = [k for k in known if k[0][:keep] == holder[0][:keep]] or known
        table.setdefault(entry["name"], []).extend(known)
    for entry in cfg["new_areas"]:
        holder = table.get(entry["within"])
        if not holder:
            raise rules.RuleError(f"rules/place_names.yaml: {entry['within']!r} is not in the gazetteer")
        code, level = holder[0]
        # a code one level below its holder, in a number range no division uses
        inner = code[:2] + "99" + "0" * 8 if level == 1 else code[:4] + "99" + "0" * 6
        table.setdefault(entry["name"], []).append((inner, level + 1))
    for entry in cfg["current_counties"]:    # newer than the gazetteer, with their own codes
        code = str(entry["code"])
        if len(code) != 6 or not code.isdigit():
            raise rules.RuleError(f"rules/place_names.yaml: {entry['name']!r} needs a 6-digit code")
        table.setdefault(entry["name"], []).append((code + "0" * 6, 3))


@functools.lru_cache(maxsize=1)
def _stems() -> dict:
    """Stems of prefecture-level cities (扬州 for 扬州市) and of provinces (陕西,
    广西 for 广西壮族自治区) that are no other name: stem → (entries, full name)."""
    cfg = rules.load("places")
    shortest, ethnic = int(cfg["stem_min_chars"]), _ethnic_regex(at_end=True)
    wanted = [(cfg["stem_suffix"], 2)] + [(s, 1) for s in cfg["province_stem_suffixes"]]
    stems: dict = {}
    for name, entries in _table().items():
        for suffix, want in wanted:
            core = name[: -len(suffix)] if name.endswith(suffix) else ""
            core = ethnic.sub("", core) if len(ethnic.sub("", core)) >= shortest else core  # 西藏 keeps 藏
            keep = [(code, level) for code, level in entries if level == want]
            if len(core) >= shortest and core not in _table() and keep:
                stems.setdefault(core, ([], name))[0].extend(keep)
    return stems


@functools.lru_cache(maxsize=1)
def _name_lengths() -> tuple:
    return tuple(sorted({len(n) for n in _table()} | {len(n) for n in _stems()}, reverse=True))


@functools.lru_cache(maxsize=1)
def _table_lengths() -> tuple:
    return tuple(sorted({len(n) for n in _table()}, reverse=True))


def _name_at(text: str, pos: int) -> str:
    """The longest gazetteer name written at ``pos``, or ''.

    Dictionary look-ups, longest first: what an alternation of every name
    (longest first) matches there, without compiling one (a fifth of a second).
    """
    for size in _table_lengths():
        name = text[pos:pos + size]
        if len(name) == size and name in _table():
            return name
    return ""


def _names_in(text: str) -> list:
    """Every name in ``text``, leftmost and longest first, not overlapping (as ``findall``)."""
    found, pos = [], 0
    while pos < len(text):
        name = _name_at(text, pos)
        if name:
            found.append(name)
            pos += len(name)
        else:
            pos += 1
    return found


@functools.lru_cache(maxsize=1)
def _name_heads() -> tuple:
    """(first two characters of every name and city stem, the one-character names)."""
    names = set(_table()) | set(_stems())
    return frozenset(n[:2] for n in names if len(n) > 1), frozenset(n for n in names if len(n) == 1)


def _may_name(text: str) -> bool:
    """False when no name or stem can be in ``text``: none of them begins at any of its pairs.

    A set look-up per character; an alternation of every name would take a
    fifth of a second to compile and be no faster on these short texts.
    """
    pairs, singles = _name_heads()
    if singles and not singles.isdisjoint(text):
        return True
    return any(text[i:i + 2] in pairs for i in range(len(text) - 1))


def _words(text: str) -> list:
    """(start, end, tag) of the segmenter's words where a name can be, and a start at each end.

    The segmenter cuts a text into blocks (runs of Han characters, letters
    and digits) and segments each block on its own, so a block cut alone
    gives the words it gets inside the whole text. A name lies inside one
    block (every name is block characters, checked when the names load), so
    only blocks that hold a name are segmented; the end of every other
    stretch is still a word start, as it is in the whole text.
    """
    blocks = nlp.block_regex()
    if not _names_are_block_characters():
        return _cut(text, 0, nlp.posseg().cut(text))
    out = []
    for m in blocks.finditer(text):
        if _may_name(m.group()):
            out += _cut(text, m.start(), nlp.posseg().cut(m.group()))
        if m.end() < len(text):
            out.append((m.end(), m.end() + 1, ""))      # the piece after a block starts a word
    return out


def _cut(text: str, pos: int, pairs) -> list:
    out = []
    for pair in pairs:
        out.append((pos, pos + len(pair.word), pair.flag))
        pos += len(pair.word)
    return out


@functools.lru_cache(maxsize=1)
def _names_are_block_characters() -> bool:
    blocks = nlp.block_regex()
    return all(blocks.fullmatch(name) for name in set(_table()) | set(_stems()))


def find_places(text: str, context: str = "") -> list:
    """Places named in text on word boundaries, in order, longest name first;
    ambiguous names are resolved by context."""
    if not _may_name(text):
        return []        # every place found below is a name or stem written in the text
    cfg = rules.load("places")
    words = _words(text)
    starts = {s: (e, tag) for s, e, tag in words}
    inside = {}          # position → (start, word) of the word that holds it
    for s, e, _tag in words:
        for pos in range(s + 1, e):
            inside[pos] = (s, text[s:e])
    tags = tuple(cfg["place_tags"])

    def ends_well(start: int, end: int) -> bool:
        if end == len(text):
            return True
        if end in starts:
            return not _left_behind(text, end, starts[end][0], cfg)
        word_end = starts[start][0]     # 山西省人民政府 kept as one word: the name and a suffix word
        if word_end > end and text[end:word_end] in cfg["suffix_words"]:
            return True
        holder = inside.get(end)
        return holder is not None and holder[0] == end - 1 and holder[1][1:] in cfg["suffix_words"]

    verbs = _verb_starts(text)
    found, pos = [], 0
    for start in sorted(starts):
        if start < pos or start in verbs:
            continue
        for size in _name_lengths():
            name = text[start:start + size]
            entries, written = _table().get(name), name
            if entries is None and name in _stems():
                word_end, tag = starts[start]
                stem_entries, written = _stems()[name]      # a stem stands for its city or province
                street = text.startswith(tuple(cfg["stem_street_words"]), start + size)
                common = name in cfg["stem_ordinary_words"]      # 迎接……50周年大庆: a celebration
                entries = (stem_entries if word_end == start + size and tag.startswith(tags)
                           and not street and not common else None)
            if entries and ends_well(start, start + size):
                code, level = _resolve(entries, context or text)
                found.append(Place(written, code, level))
                pos = start + size
                break
    return found


def _left_behind(text: str, end: int, next_end: int, cfg: dict) -> bool:
    """Whether the one character after a name at ``end`` forms a word with the
    name's last character (青山区|块: 区块): the name is read out of that word."""
    if next_end != end + 1 or text[end] in cfg["place_tail_chars"]:
        return False
    return (nlp.jieba().FREQ.get(text[end - 1:end + 1]) or 0) >= cfg["joined_word_min_freq"]


def _verb_starts(text: str) -> frozenset:
    """Positions where a verb that opens a division's name is meant (局会同县水利局)."""
    return frozenset(m.start("verb") for rule in rules.pattern_rules("places", "verb_not_place")
                     for m in rule.regex.finditer(text))


def place_prefix(text: str) -> str:
    """The place name ``text`` starts with (南宁市城镇居民… -> 南宁市), or ''."""
    return _name_at(text, 0)


def _resolve(entries: list, context: str) -> tuple:
    if len(entries) == 1:
        return entries[0]
    mentioned = {p_code[:4] for name in _names_in(context) for p_code, _ in _table()[name]
                 if len(_table()[name]) == 1}
    for code, level in entries:
        if code[:4] in mentioned or code[:2] + "00" in mentioned:
            return code, level
    # a text that speaks of its region as 自治区 (自治区重大项目) lies in one
    kinds = rules.words("places", "autonomous_region_words")
    if any(w in context for w in kinds):
        regions = [e for e in entries if (province_name(e[0][:2] + "0" * 10) or "").endswith(tuple(kinds))]
        if len(regions) == 1:
            return regions[0]
    # nothing in the text decides: the division of a municipality, else of a
    # provincial capital (its city code ends in 01), where most such plans come from
    return min(entries, key=lambda e: (e[0][:2] not in _municipality_codes(), e[0][2:4] != "01"))


@functools.lru_cache(maxsize=1)
def _municipality_codes() -> frozenset:
    return frozenset(code[:2] for name in rules.load("places")["municipalities"]
                     for code, _ in _table().get(name, ()))


@functools.lru_cache(maxsize=1)
def _official_names() -> dict:
    """code → official name (the first, full form listed for the code)."""
    names: dict = {}
    for name, entries in _table().items():
        for code, _level in entries:
            if code not in names or len(name) > len(names[code]):
                names[code] = name
    return names


def province_name(code: str) -> Optional[str]:
    return _official_names().get(code[:2] + "0" * 10)


def issuer_place(text: str, context: str = "") -> Optional[Place]:
    """The issuer named first in text, most specific first.

    `揭阳市创建广东省文明城市…` → 揭阳市: the first place named is the issuer;
    a later place inside it (湖北省洪湖市) makes it more specific.
    """
    places = find_places(text, context)
    if not places:
        return None
    best = places[0]
    for later in places[1:]:
        if best.contains(later):
            best = later
        elif not later.contains(best):
            break
    return best


def city_province(place: Optional[Place]) -> tuple:
    """(city, province) of a place; a province-level division has no city."""
    if place is None:
        return None, None
    province = province_name(place.code)
    if place.level == 1 or place.name in rules.load("places")["municipalities"]:
        return None, province
    return place.name, province


def more_specific(first: Optional[Place], other: Optional[Place]) -> Optional[Place]:
    """`other` where it lies inside `first` (省 issuer, 市 title); else `first`."""
    if first is None or (other is not None and first.contains(other)):
        return other
    return first


def locality(text: str, context: str = "") -> tuple:
    """(city, province) for the issuer named first in text."""
    return city_province(issuer_place(text, context))
