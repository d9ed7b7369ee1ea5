"""What the names of one list share (orgnames.py splits the list): the level
prefix (市/省/县/区) its first item gives to the bare names after it
(市纪委、市委办、人大办 -> 市人大办), how far that prefix carries, and the body
(人民政府) its last item gives to the bare place names before it
(东城区、西城区人民政府).
"""
from __future__ import annotations

import functools

from .. import rules
from .orgnames import RULES, _any, _search, compact, has_level, is_generic, is_territorial, looks_like_unit
from .placenames import find_place, with_town_stems


def shared_prefix(names: list) -> str:
    """The 市/省/县/区 that the first item of a list gives to the others, or
    the place it names in full (广东省发展改革委、自然资源厅 -> 广东省自然资源厅)."""
    if not names:
        return ""
    _, m = _search("shared_prefix", names[0])
    if m:
        return m.group(0)
    from ..prepare import gazetteer      # the gazetteer builds on the text tools, not on the facts
    place = gazetteer.place_prefix(names[0])
    rest = names[0][len(place):]
    levels = tuple(rules.words(RULES, "shared_place_levels"))
    if place.endswith(levels) and rest and not gazetteer.place_prefix(rest) and looks_like_unit(names[0]):
        return place
    return ""


def with_prefix(name: str, prefix: str, local: frozenset = frozenset()) -> str:
    """人大办 in 市纪委、市委办、人大办 becomes 市人大办; 城关区, 南昌海关 stay."""
    if not prefix or has_level(name) or is_territorial(name) or find_place(name, with_town_stems(local)) \
            or _any("own_area", name):
        return name
    return prefix + name


def carried_prefixes(text: str, items: list, names: list, prefix: str, breaks: str,
                     local: frozenset = frozenset()) -> list:
    """The prefix each of ``names`` (the specific ones of ``items``, a list in
    ``text``) takes: the list's, until a run of items between two commas
    (``breaks``) holds only generic ones or bodies named by a place of their own
    (区工信局，各乡镇人民政府，谯城经开区管委会，魏武国控集团: the last is not 区's;
    县法院，团县委，妇联 is 县妇联: 团县委 says a level)."""
    wanted, out, carry, run_breaks, prev, kin = set(map(id, names)), [], prefix, True, None, None
    for item in items:
        broken = prev is not None and any(ch in breaks for ch in text[prev.end:item.start])
        if broken:
            carry = "" if run_breaks else carry
            run_breaks = True
        kin = _kin_place(kin, item, local) if prev is not None and not broken else _own_kin(item, local)
        if id(item) in wanted:
            out.append(kin[0] if kin and kin[2] is item else carry)
        name = compact(item.text)
        own = is_generic(item.text) or (not _any("level_prefix", item.text) and (
            is_territorial(item.text) or find_place(item.text, local) or _any("own_area", item.text)))
        run_breaks = run_breaks and bool(carry) and own and not name.startswith(carry)
        # a list opened by a body of its own place (漳州台商投资区管委会，市住建局、城管局)
        # takes its level from the first later item that says one: 市城管局
        if not carry and id(item) in wanted and _any("level_prefix", item.text):
            carry = shared_prefix([item.text])
        prev = item
    return out


def _own_kin(item, local: frozenset):
    """(place, kind, item) of a body named by a place of its own, without a
    level, that is an enterprise (泉州城建集团: 泉州, 集团), or None."""
    at = find_place(item.text, local)
    kind = _kind_suffix(item.text)
    if at is None or at[0] != 0 or not kind or _any("level_prefix", item.text):
        return None
    return item.text[:at[1]], kind, None


def _kin_place(kin, item, local: frozenset):
    """The place that a body named by a place of its own (泉州城建集团) gives
    to each bare enterprise right after it (、文旅集团、水务公司 ->
    泉州文旅集团 …): (place, kind, item) when ``item`` takes it; else the
    item's own kin or None. A body of another kind (泉州海关、税务局) takes
    the list's level."""
    if kin and not has_level(item.text) and find_place(item.text, local) is None \
            and _kind_suffix(item.text):
        return kin[0], kin[1], item
    return _own_kin(item, local)


def _kind_suffix(name: str) -> str:
    return next((sfx for sfx in _enterprise_suffixes() if name.endswith(sfx)), "")


@functools.lru_cache(maxsize=1)
def _enterprise_suffixes() -> tuple:
    return tuple(sorted(rules.words("lists", "enterprise_suffixes"), key=len, reverse=True))


def shared_suffix(names: list) -> str:
    """The body (人民政府) that the last item of a list of places gives to the
    bare place names before it: 东城区、西城区人民政府."""
    if len(names) < 2:
        return ""
    for rule in rules.pattern_rules(RULES, "shared_suffix"):
        m = rule.regex.search(names[-1])
        if m and any(_is_bare(n, m.group("suffix")) for n in names[:-1]):
            return m.group("suffix")
    return ""


def suffixes_from_next(names: list) -> list:
    """The body each bare name of a list takes from the run of bodies that
    follows it (the last of that run, as in 临港区、高新区党工委和管委会), across
    bare names only: 固原市、中卫市人民政府、太阳山管委会 gives the first
    two 人民政府 though the list goes on; in 东城区、市教委、西城区人民政府
    东城区 takes none (市教委 ends the run)."""
    out, pending, zones, k = [""] * len(names), [], [], 0
    while k < len(names):
        suffixes = _suffixes_of(names[k])
        if suffixes:
            while k + 1 < len(names) and _suffixes_of(names[k + 1]):
                if _names_a_zone(suffixes):      # 泉州开发区、台商投资区管委会: a zone is a place too
                    zones.append(k)
                k += 1
                suffixes = _suffixes_of(names[k])
            for j in pending:        # 青山、白沙镇人民政府: the kind the bare name is of
                out[j] = next((sfx for sfx in suffixes if _is_bare(names[j], sfx)), "")
            for j in zones:          # (a zone takes its own kind of body only)
                out[j] = next((sfx for sfx in suffixes if sfx in _zone_bodies() and _is_bare(names[j], sfx)), "")
            pending, zones = [], []
        elif _is_bare(names[k], "") or _is_bare(names[k], _a_grassroots_suffix()) \
                or _is_bare(names[k], _a_zone_suffix()):
            pending.append(k)
        else:
            pending = []
        k += 1
    return out


def _names_a_zone(suffixes: list) -> bool:
    """Whether a name's only endings are a zone's (开发区): the zone's own
    body (管委会) may still follow it."""
    return all(sfx in rules.named_lists()["zone_suffixes"] for sfx in suffixes)


@functools.lru_cache(maxsize=1)
def _zone_bodies() -> frozenset:
    return frozenset(rules.named_lists()["zone_bodies"])


def _suffixes_of(name: str) -> list:
    """The bodies a name ends in that it may lend to bare names before it,
    one a rule (人民政府 for 东城区, 镇人民政府 for 青山)."""
    found = []
    for rule in rules.pattern_rules(RULES, "shared_suffix"):
        m = rule.regex.search(name)
        if m:
            found.append(m.group("suffix"))
    return found


@functools.lru_cache(maxsize=1)
def _a_zone_suffix() -> str:
    """One suffix of the zone kind (管理区 …): _is_bare tests by kind."""
    return rules.named_lists()["zone_suffixes"][0]


@functools.lru_cache(maxsize=1)
def _a_grassroots_suffix() -> str:
    """One suffix of the grassroots kind (街道办事处 …): _is_bare tests by kind."""
    return rules.named_lists()["grassroots_suffixes"][0]


def joined_bodies(text: str, items: list) -> dict:
    """id(item) -> the whole name of each bare body that a conjunction joins to
    the body before it (``items`` of a list in ``text``): 管委会 in
    高新区党工委和管委会 is 高新区管委会, 人民政府 in 各县党委和人民政府 各县人民政府."""
    out: dict = {}
    for prev, item in zip(items, items[1:]):
        if not (_any("joined_body_bare", item.text) and _any("joined_body_joiner", text[prev.end:item.start])):
            continue
        before = out.get(id(prev), prev.text)
        _, head = _search("joined_body_head", before)
        if head is not None:
            out[id(item)] = before[:head.start()] + item.text
    return out


def _is_bare(name: str, suffix: str) -> bool:
    """A bare name of the kind ``suffix`` completes: a place with its level
    (东城区) for 人民政府, a sub-district or community name (紫水) for 街道办事处."""
    if suffix in rules.named_lists()["grassroots_suffixes"]:
        return _any("bare_grassroots", name) and not looks_like_unit(name)
    if suffix in rules.named_lists()["zone_suffixes"]:
        return _any("bare_zone", name) and not looks_like_unit(name) and not _any("bare_place", name)
    return _any("bare_place", name)


def with_suffix(name: str, suffix: str) -> str:
    """西城区 in 东城区、西城区人民政府 becomes 西城区人民政府; 市财政局 stays."""
    if suffix and _is_bare(name, suffix):
        return name + suffix
    return name
