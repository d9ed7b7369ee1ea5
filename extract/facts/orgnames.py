"""Unit names: split a list span into names, check them, normalise (what
the names of a list share, a level prefix or a body suffix, is in orgaffixes.py).

Extraction (rolecontexts.py) finds the spans; this module only looks at the text of
one list at a time, so every step works on short candidate strings and never
on a whole document.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass, replace
from typing import Optional

from .. import rules
from ..text import perplan, scan
from .placenames import find_place, starts_with_place

RULES = "units"
ALIASES = "unit_aliases"
SHAPES = "orgs"


@dataclass(frozen=True)
class Item:
    """One name inside a list: offsets are relative to the list's text."""

    start: int
    end: int
    text: str
    role: Optional[str] = None   # a role written on the item itself: 市发改局（牵头）


def _rule(key: str):
    return rules.pattern_rules(RULES, key)


def _search(key: str, text: str):
    """(rule, match) of the first rule under ``key`` that finds something."""
    for rule in _rule(key):
        m = rule.regex.search(text)
        if m:
            return rule, m
    return None, None


def _any(key: str, text: str) -> bool:
    # a yes or no needs no rule's own match: one search of them all (scan.joined;
    # an empty list joins to a pattern that matches anything, and has no rule that does)
    return bool(_rule(key)) and scan.joined(RULES, key).search(text) is not None


def _separators(text: str, split: str) -> list:
    """Separator matches of the list_separators rules with this ``split`` kind."""
    patterns = _separator_patterns(split)
    if len(patterns) == 1:                      # one rule: its matches come in order
        return list(patterns[0].finditer(text))
    found = [m for regex in patterns for m in regex.finditer(text)]
    return sorted(found, key=lambda m: m.start())


@functools.lru_cache(maxsize=None)
def _separator_patterns(split: str) -> tuple:
    return tuple(rule.regex for rule in _rule("list_separators") if rule.data.get("split") == split)


@functools.lru_cache(maxsize=1)
def brackets() -> tuple:
    """(openers, closers, closer of each opener) of every bracket pair a plan
    may use around a statement of responsibility: （） () 〔〕 【】 []."""
    pairs = rules.load(RULES).get("brackets", {}).get("pairs", [])
    if not pairs or not all(isinstance(p, str) and len(p) == 2 for p in pairs):
        raise rules.RuleError("rules/units.yaml: brackets.pairs must be two-character strings")
    return ("".join(p[0] for p in pairs), "".join(p[1] for p in pairs),
            {p[0]: p[1] for p in pairs})


def unopened_closer(window: str, end: int) -> int:
    """Where, before ``end``, a bracket closes that ``window`` never opened, or
    ``end``: a list inside a task's parenthesis (（责任领导：王海东副县长）)
    ends with it, while 王立新（县长） keeps its own pair."""
    opens = brackets()[0]
    depth = 0
    for m in _bracket_marks().finditer(window, 0, end):    # the brackets alone
        if m.group() in opens:
            depth += 1
        elif depth == 0:
            return m.start()
        else:
            depth -= 1
    return end


def bracket_depths(text: str) -> list:
    opens, closes, _ = brackets()
    depths, depth = [], 0
    for ch in text:
        if ch in opens:
            depth += 1
        elif ch in closes:
            depth = max(0, depth - 1)
        depths.append(depth)
    return depths


def _pieces(text: str) -> list:
    """Cut at punctuation separators, keeping (start, text) of each piece.

    Separators inside brackets are kept, so 各县（市、区） stays one piece.
    """
    opens, closes, _ = brackets()
    # the bracket depth at each separator (as bracket_depths gives it), from the brackets alone
    marks = [(m.start(), m.group() in opens) for m in _bracket_marks().finditer(text)]
    out, last, depth, k = [], 0, 0, 0
    for m in _separators(text, "always"):
        at = m.start()
        while k < len(marks) and marks[k][0] <= at:
            depth = depth + 1 if marks[k][1] else max(0, depth - 1)
            k += 1
        if at >= last and depth == 0:
            out.append((last, text[last:at]))
            last = m.end()
    out.append((last, text[last:]))
    return out


@functools.lru_cache(maxsize=1)
def _bracket_marks():
    opens, closes, _ = brackets()
    return re.compile("[" + re.escape(opens + closes) + "]")


def _split_conjunctions(start: int, piece: str) -> list:
    """Split 市民政局和新堤办事处 but not 省经济和信息化厅.

    A conjunction splits only when the part before it already ends like a
    unit name (or is a generic reference), which keeps names that contain 和.
    """
    for m in _separators(piece, "after_unit"):
        left = piece[:m.start()]
        if left and (looks_like_unit(left) or is_generic(left)):
            rest = piece[m.end():]
            return [(start, left)] + _split_conjunctions(start + m.end(), rest)
    return [(start, piece)]


def _partner_after(text: str, start: int) -> bool:
    """A partner word (会同) right before ``start``: the names from there on assist."""
    return text[:start].rstrip().endswith(tuple(rules.words(RULES, "partner_conjunctions")))


@perplan.remember
def split_list(text: str) -> tuple:
    """The unit names in a list span, with offsets relative to ``text``
    (remembered: a subject is split to be checked, then again to be read)."""
    items, partners = [], False
    for start, piece in _pieces(text):
        for s, part in _split_conjunctions(start, piece):
            # 县人社局会同县民政局、县残联负责: the names after 会同 assist the first
            partners = partners or (s > start and _partner_after(text, s))
            for s2, part2 in _split_single_blanks(s, part):
                item = _trim(s2, part2)
                if item is not None:
                    items.append(replace(item, role=item.role or "assist") if partners else item)
    return tuple(items)


def _split_single_blanks(start: int, part: str) -> list:
    """市财政局　市地方金融服务中心: names parted by one blank, each a whole
    body that says its level, are two names (县财政局 局长 stays one piece)."""
    words = part.split()
    if len(words) < 2 or not all(has_level(w) and looks_like_unit(w) for w in words):
        return [(start, part)]
    out, pos = [], 0
    for w in words:
        pos = part.index(w, pos)
        out.append((start + pos, w))
        pos += len(w)
    return out


def _trim(start: int, part: str) -> Optional[Item]:
    """Strip spaces, a trailing 等, and a role marker written on the item."""
    blanks = rules.load(RULES)["blanks_with_tab"] + "\n"     # a list may go on on the next line
    lead = len(part) - len(part.lstrip(blanks))
    part = part.strip(blanks)
    start += lead
    role = None
    rule, m = _search("item_markers", part)
    if m:       # written after the name (市发改局（牵头）) or before it (★市发改委)
        role = rule.data["role"]
        if m.start() == 0:
            start += m.end()
            part = part[m.end():]
        else:
            part = part[:m.start()].rstrip()
    _, m = _search("item_tails", part)
    if m and m.start() > 0:
        part = part[:m.start()]
    first = second_name_at(part)
    if first is not None and looks_like_unit(part[:first]):
        part = part[:first].rstrip()         # one body, its first name is the one compared
    if not part:
        return None
    return Item(start, start + len(part), part, role)


def is_real_body(name: str) -> bool:
    """县直机关工委: starts like a generic reference, names one organisation."""
    return any(r.regex.search(name) for r in rules.pattern_rules(SHAPES, "real_bodies"))


@perplan.remember
def is_generic(name: str) -> bool:
    if is_real_body(name):
        return False
    return _any("generic", name) or compact(name) in rules.words(SHAPES, "not_units")


def specific_items(items: list) -> list:
    """The items of a list that name one body: generic ones left out, and so
    are the bare levels that an 各 before them spreads over (各县、市、区政府
    is every county's, city's and district's government, not 区政府)."""
    out, spread = [], False
    for item in items:
        if is_generic(item.text):
            marks = tuple(rules.words(SHAPES, "distributive_marks"))
            # (the mark may stand inside a clause's words: 下列措施均请各县市、区政府落实)
            spread = spread or any(mark in compact(item.text) for mark in marks)
            continue
        if spread and any(r.regex.match(item.text) for r in rules.pattern_rules(SHAPES, "bare_levels")):
            continue
        spread = False
        out.append(item)
    return out


def body_suffixes() -> tuple:
    """The last characters of an organisation's name (rules/lists.yaml: the
    label patterns look ahead for them too)."""
    return rules.words("lists", "body_suffixes")


@functools.lru_cache(maxsize=1)
def _suffixes() -> tuple:
    return tuple(sorted(body_suffixes(), key=len, reverse=True))


@perplan.remember
def looks_like_unit(name: str) -> bool:
    """Ends like an organisation's name (rules/orgs.yaml), or is a known short
    name (人行, 妇联); words for people or the public (市场主体) never are."""
    key = compact(name)
    if key in rules.words(SHAPES, "not_units"):
        return False
    if key.endswith(_suffixes()) and len(key) > 1:
        return True
    if any(r.regex.search(key) for r in rules.pattern_rules(SHAPES, "named_bodies")):
        return True
    if key.endswith(tuple(rules.words(SHAPES, "place_body_levels"))) and _whole_place(key):
        return True       # 义马市负责……: a city named whole stands for its government, as 渑池县 does
    first = second_name_at(key)
    return key in _alias_index() or (first is not None and looks_like_unit(key[:first]))


def _whole_place(key: str) -> bool:
    from ..prepare import gazetteer      # the gazetteer builds on the text tools, not on the facts
    return gazetteer.place_prefix(key) == key


def second_name_at(name: str) -> Optional[int]:
    """Where a body's second name in brackets begins (县应急管理局（县地震局）: one
    body under two names), or None. The bracket must hold a whole name of its
    own, so a level's sister levels (县（市、区）) and a role (（牵头）) are none."""
    opens, closes, closer_of = brackets()
    if len(name) < 2 or name[-1] not in closes:
        return None
    at = max(name.rfind(o) for o in opens)
    inner = name[at + 1:-1]
    if at <= 0 or closer_of.get(name[at]) != name[-1] or len(inner) < _SECOND_NAME_MIN:
        return None
    if any(ch in inner for ch in opens + closes) or _separators(inner, "always") or is_generic(inner):
        return None
    key = compact(inner)
    return at if key.endswith(_suffixes()) or key in _alias_index() else None


_SECOND_NAME_MIN = 3     # 县地震局, 房管办: a body's name, not a level or a kind (社区)


@perplan.remember
def has_level(name: str, local: frozenset = frozenset()) -> bool:
    """Says its own level or place: 市委办, 团市委, 北京市经济和信息化局, 南昌海关,
    and a national body's short name before the place of its branch (人行浏阳市支行)."""
    return (_any("level_prefix", name) or starts_with_place(name, local)
            or any(compact(name[:k]) in _alias_index() and starts_with_place(name[k:], local)
                   for k in (2, 3, 4)))     # 人行, 人民银行 before the place


def is_territorial(name: str) -> bool:
    return _any("territorial", name)


@perplan.remember
def valid_in_list(name: str) -> bool:
    """A list after a role label: not generic, not prose, and either ending
    like a unit or short (an abbreviation such as 人行 or 610办)."""
    if is_generic(name) or len(name) < 2 or len(name) > 40:
        return False
    if _any("prose_words", name) or _any("name_marks", name):
        return False
    if looks_like_unit(name):
        return True
    from .personnames import is_person_name     # it asks this module about bodies
    return len(name) <= 6 and not is_person_name(name)   # 人行, 610办; a person (李春华) is none


@perplan.remember
def valid_in_running_text(name: str) -> bool:
    """Parentheses: the name must end like a unit (or be a known one)."""
    return looks_like_unit(name) and valid_in_list(name)     # the cheaper test first


@perplan.remember
def valid_as_subject(name: str, local: frozenset = frozenset()) -> bool:
    """A sentence subject: a unit that also says its level (市教育局负责)."""
    if not valid_in_running_text(name) or len(name) > 30:
        return False
    first = second_name_at(name)
    if first is not None:
        name = name[:first]          # 县应急管理局（县地震局）负责: the first name says the level
    if any(ch in name for ch in brackets()[0] + brackets()[1]):
        return False
    return has_level(name, local) or compact(name) in _alias_index()


# --- normalisation ---------------------------------------------------------

def compact(text: str) -> str:
    """The name without white space, in NFKC (full-width letters and digits as ASCII)."""
    return "".join(unicodedata.normalize("NFKC", text).split())


@functools.lru_cache(maxsize=1)
def _alias_index() -> dict:
    """Alias (as written, and without its level prefix) -> (canonical, kind)."""
    index = {}
    for group in rules.load(ALIASES).get("groups", []):
        canonical, kind = group["canonical"], group["kind"]
        for alias in [canonical] + list(group.get("aliases", [])):
            index.setdefault(compact(alias), (canonical, kind))
    return index


def _strip_level(name: str, local: frozenset = frozenset()) -> str:
    """Drop places and the level prefix: 北京市经济和信息化局 -> 经济和信息化局."""
    hit = find_place(name, local)
    while hit:
        name = name[: hit[0]] + name[hit[1]:]
        hit = find_place(name, local)
    for rule in rules.pattern_rules(ALIASES, "level_prefix_drop"):
        name = rule.regex.sub("", name)
    return name


@perplan.remember
def normalise(name: str, local: frozenset = frozenset()) -> tuple:
    """(unit_norm, unit_kind): aliases resolved, city-specific wording removed."""
    index = _alias_index()
    written = compact(name)
    bare = _strip_level(written, local)
    for key in (written, bare, _rewrite(bare)):
        if key in index:
            return index[key]
    bare = _rewrite(bare) or written
    return bare, kind_of(written)


def _rewrite(name: str) -> str:
    for rule in rules.pattern_rules(ALIASES, "norm_rewrites"):
        name = rule.regex.sub(rule.data["replace"], name)
    return name


def kind_of(name: str) -> str:
    for rule in rules.pattern_rules(ALIASES, "kinds"):
        if rule.regex.search(name):
            return rule.data["kind"]
    return "other"
