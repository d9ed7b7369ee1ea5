"""Place names inside unit names: the address table shipped with cpca, the
plan's own city and province, and the look-up of the first place a name holds.

The unit checks of orgnames.py ask these questions of short candidate names
only; the table is read once per process, on first use.
"""
from __future__ import annotations

import csv
import functools
from typing import Optional

from .. import rules
from ..text import perplan

ALIASES = "unit_aliases"

@functools.lru_cache(maxsize=None)
def _place_words(key: str) -> tuple:
    """A word list about place names (rules/unit_aliases.yaml)."""
    return rules.words(ALIASES, key)


@functools.lru_cache(maxsize=None)
def _place_word(key: str) -> str:
    return rules.load(ALIASES)[key]


@functools.lru_cache(maxsize=1)
def _place_names() -> frozenset:
    """Chinese place names from the address table shipped with cpca, and the
    renamed and new divisions it lacks.

    Every name counts with its suffix (洪湖市, 榕城区); provinces and
    prefecture-level cities also count without it (安徽, 合肥, 揭阳). County
    names without suffix are left out: many are ordinary words (公安, 资源).
    """
    names = set(rules.words(ALIASES, "places"))
    try:
        from ..prepare.gazetteer import resource_dir     # cpca's import is a quarter of a second
        table = resource_dir() / "adcodes.csv"
        with table.open(encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                full, code = row["name"], row["adcode"]
                names.add(full)
                if code.endswith("00000000"):
                    names.update(_stems(full))
    except (RuntimeError, OSError, KeyError):
        pass
    # the names the gazetteer lacks (renamed and new divisions, rules/place_names.yaml)
    other = rules.load("place_names")
    names.update(entry["name"] for key in ("renamed", "new_areas", "current_counties")
                 for entry in other.get(key) or ())
    names -= set(rules.words(ALIASES, "not_places"))
    return frozenset(n for n in names if len(n) >= 2)


def _stems(full: str) -> list:
    """Short forms: 合肥市 -> 合肥; 阿坝藏族羌族自治州 -> 阿坝, 阿坝州; 广西壮族自治区 -> 广西."""
    if _place_word("autonomous_marker") in full:
        prefecture = _place_word("autonomous_prefecture_suffix")
        short = [full[:2], full[:2] + prefecture] if full.endswith(prefecture) else [full[:2]]
        short += [stem for stem in _place_words("long_stems") if full.startswith(stem)]
        return short
    for suf in _place_words("place_suffixes"):
        if full.endswith(suf) and len(full) - len(suf) >= 2:
            return [full[: -len(suf)]]
    return []


def local_places(*localities: Optional[str]) -> frozenset:
    """The plan's own city and province, with and without suffix (洪湖市, 洪湖):
    a county-level city's short name is a place in its own plan."""
    out = set()
    for full in localities:
        if not full:
            continue
        out.add(full)
        for suf in _place_words("place_suffixes") + _place_words("county_suffixes"):
            if full.endswith(suf) and len(full) - len(suf) >= 2:
                out.add(full[: -len(suf)])
                break
    return frozenset(out)


@functools.lru_cache(maxsize=64)
def with_town_stems(local: frozenset) -> frozenset:
    """``local`` and the plan's own towns without their level (钱清街道 -> 钱清)."""
    out = set(local)
    for full in local:
        for suf in _place_words("town_suffixes"):
            if full.endswith(suf) and len(full) - len(suf) >= 2:
                out.add(full[: -len(suf)])
    return frozenset(out)


@functools.lru_cache(maxsize=1)
def _place_heads() -> frozenset:
    return frozenset(n[:2] for n in _place_names())


@functools.lru_cache(maxsize=64)
def _heads(local: frozenset) -> frozenset:
    """The first two characters of every place name and of the plan's own places."""
    return _place_heads() | {n[:2] for n in local}


@perplan.remember
def find_place(name: str, local: frozenset = frozenset()) -> Optional[tuple]:
    """(start, end) of the first place name inside ``name``, longest first.
    Every name has two characters at least, so only where a name's first
    two stand are the longer stretches looked up."""
    places, heads = _place_names(), _heads(local)
    for i in range(len(name) - 1):
        if name[i:i + 2] not in heads:
            continue
        for j in range(min(len(name), i + 9), i + 1, -1):
            if name[i:j] in places or name[i:j] in local:
                return i, j
    return None


def is_place_name(name: str) -> bool:
    """A place of the address table or the alias list, as written (黄山, 金华市)."""
    return name in _place_names()


def starts_with_place(name: str, local: frozenset = frozenset()) -> bool:
    """``find_place(name)`` starts at 0: only the stretches from the first
    character are looked up (the first answer ``find_place`` would try)."""
    if name[:2] not in _heads(local):
        return False
    places = _place_names()
    return any(name[:j] in places or name[:j] in local for j in range(min(len(name), 9), 1, -1))


def town_before_post(name: str, post: str, levels: tuple) -> bool:
    """Whether ``name`` and the level word that opens ``post`` (one of
    ``levels``: 贡江 + 镇党委书记) make a town of the list of towns."""
    from ..prepare import towns
    level = next((lv for lv in levels if post.startswith(lv)), None)
    return level is not None and bool(towns.counties_of(name + level))
