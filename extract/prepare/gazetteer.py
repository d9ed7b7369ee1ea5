"""Chinese administrative divisions, from the gazetteer the cpca package ships.

Only its data file is read (cpca itself is not imported: importing it builds
matchers we do not need). Each name maps to its 12-digit code; the first two
digits give the province-level division, the next two the prefecture.
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


@dataclass(frozen=True)
class Place:
    name: str       # as written in the text
    code: str       # 12-digit administrative code
    level: int      # 1 province, 2 prefecture, 3 county

    def contains(self, other: "Place") -> bool:
        keep = {1: 2, 2: 4, 3: 6}[self.level]
        return other.level > self.level and other.code[:keep] == self.code[:keep]


def _resource_dir() -> Path:
    spec = importlib.util.find_spec("cpca")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("the cpca package is missing: run 'make setup' to install dependencies")
    return Path(list(spec.submodule_search_locations)[0]) / "resources"


def _level(code: str) -> int:
    if code[2:] == "0" * 10:
        return 1
    return 2 if code[4:] == "0" * 8 else 3


@functools.lru_cache(maxsize=1)
def _table() -> dict:
    """name → list of (code, level), with short forms of autonomous divisions."""
    cfg = rules.load("places")
    skip = set(cfg["skip_names"])
    resources = _resource_dir()
    nations = [n.strip() for n in (resources / "56_nations.csv").read_text(encoding="utf-8").split()
               if n.strip()]
    ethnic = re.compile("(" + "|".join(sorted((n[:-1] for n in nations), key=len, reverse=True)) + ")族")
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
    return table


@functools.lru_cache(maxsize=1)
def _matcher() -> re.Pattern:
    names = sorted(_table(), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, names)))


def find_places(text: str, context: str = "") -> list:
    """Places named in text, in order; ambiguous names are resolved by context."""
    found = []
    for m in _matcher().finditer(text):
        entries = _table()[m.group(0)]
        code, level = _resolve(entries, context or text)
        found.append(Place(m.group(0), code, level))
    return found


def place_prefix(text: str) -> str:
    """The place name ``text`` starts with (南宁市城镇居民… -> 南宁市), or ''."""
    m = _matcher().match(text)
    return m.group(0) if m else ""


def _resolve(entries: list, context: str) -> tuple:
    if len(entries) == 1:
        return entries[0]
    mentioned = {p_code[:4] for name in _matcher().findall(context) for p_code, _ in _table()[name]
                 if len(_table()[name]) == 1}
    for code, level in entries:
        if code[:4] in mentioned or code[:2] + "00" in mentioned:
            return code, level
    return entries[0]


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


def locality(text: str, context: str = "") -> tuple:
    """(city, province) for the issuer named first in text, most specific first.

    `揭阳市创建广东省文明城市…` → (揭阳市, 广东省): the first place named is the
    issuer; a later place inside it (湖北省洪湖市) makes it more specific.
    """
    places = find_places(text, context)
    if not places:
        return None, None
    best = places[0]
    for later in places[1:]:
        if best.contains(later):
            best = later
        elif not later.contains(best):
            break
    province = province_name(best.code)
    if best.level == 1 or best.name in rules.load("places")["municipalities"]:
        return None, province
    return best.name, province
