"""Personal names and the posts written next to them.

A name is told from a word by its shape (rules/surnames.yaml): a known
surname, two to four characters, not a character that ends the names of
bodies, places and jobs, and not a word jieba reads as one common word
(严格, 常务, 黄山). jieba's ``nr`` tag only confirms a name whose surname is
missing from the list. A post is cut off a name in any of the ways plans write
it: after a space (王清远 省长), glued on (陈芸副省长), or before the name
(县政府办公室主任王立新); what the post names before its own title is the
person's unit (split_post).
"""
from __future__ import annotations

import functools
from typing import Optional

from .. import rules
from ..text import nlp, perplan
from . import orgnames, placenames
from .posts import any_post as _any_post, compact, is_post, last_post as _last_post, posts as _posts, split_post

RULES = "people"
SHAPE = "surnames"


@functools.lru_cache(maxsize=1)
def _shape() -> tuple:
    cfg = rules.load(SHAPE)
    # a Yi family name (吉克曲布) takes a given name as a compound surname does
    compound = rules.words(SHAPE, "compound") + rules.words(SHAPE, "family_names")
    return (frozenset(rules.words(SHAPE, "single")), frozenset(compound),
            cfg["min_chars"], cfg["single_max_chars"], cfg["compound_max_chars"],
            frozenset(rules.words(SHAPE, "not_name_tags")),
            frozenset(rules.words(SHAPE, "three_char_word_tags")))


@functools.lru_cache(maxsize=1)
def _name_token():
    return rules.compile_pattern(rules.load(SHAPE)["name_token"], f"rules/{SHAPE}.yaml: name_token")


@functools.lru_cache(maxsize=1)
def _not_names() -> tuple:
    return frozenset(rules.words(RULES, "not_names")), frozenset(rules.words(RULES, "not_name_endings"))


@perplan.remember
def is_person_name(name: str, slot: bool = False, alone: bool = False) -> bool:
    """A known surname and the length of a name, not a common word. In a
    ``slot`` (the padded or blank-separated piece after a post: 局长　图　雅,
    主任　孟和巴雅尔) the layout already says a name stands there, so a name
    without a listed surname passes when it is no word, post, body or place."""
    single, compound, shortest, single_max, compound_max, word_tags, noun_tags = _shape()
    words, endings = _not_names()
    if _dotted(name):
        return True
    if not _name_token().fullmatch(name) or len(name) < shortest:
        return False
    if len(name) > compound_max:
        return _transliterated(name)
    if name in words or name[-1] in endings:
        return False
    tags = [(w.word, w.flag) for w in nlp.posseg().cut(name)]
    one_word = tags[0][1] if len(tags) == 1 else None
    # a place (黄山) is no name, but where the layout says a name stands and a
    # listed surname opens it (牵头负责领导：宁波。) it is one
    place = placenames.is_place_name(name) and not (alone and name[0] in single and len(name) <= single_max)
    # one common word (严格, 高标准): a word of the dictionary, not a run the
    # tagger's HMM joined (方红友 is no word jieba knows), nor two characters a
    # blank pads apart as names are padded (夏　天)
    common = one_word is not None and not slot and bool(nlp.jieba().FREQ.get(name))
    if (common and (one_word in word_tags or (len(name) == 3 and one_word in noun_tags))) or place:
        return False          # one common word or a place (黄山)
    if name[:2] in compound:
        return len(name) >= 3
    if name[0] in single and len(name) <= single_max:
        return True
    if slot and not is_post(name) and not orgnames.looks_like_unit(name):
        return True
    return _transliterated(name) or (len(tags) == 1 and tags[0][1] == "nr")


def _dotted(name: str) -> bool:
    """买买提·艾力: parts of two Han characters or more parted by a name dot."""
    dots = rules.load(SHAPE)["name_dots"]
    if not any(d in name for d in dots):
        return False
    parts = name.translate({ord(d): " " for d in dots}).split(" ")
    if any(is_post(parts[0][:k]) for k in range(2, len(parts[0]))):
        return False          # 县长吐尔逊·托合提: a post glued before the name
    return len(parts) >= 2 and all(len(p) >= 2 and _name_token().fullmatch(p) for p in parts)


def dotted_name_at_end(body: str) -> Optional[tuple]:
    """(start, end, name) of a dotted name that a post is glued before
    (副县长买买提·艾力): the longest dotted name after which only a post is
    left in front. None when ``body`` ends in no such name."""
    dots = rules.load(SHAPE)["name_dots"]
    if not any(d in body for d in dots):
        return None
    for k in range(1, len(body) - 2):
        if _dotted(body[k:]) and is_post(compact(body[:k])):
            # 县长办公会·专题会: parts that end like bodies are no name
            parts = body[k:].translate({ord(d): " " for d in dots}).split()
            return None if any(orgnames.looks_like_unit(p) for p in parts) else (k, len(body), body[k:])
    return None


def _transliterated(name: str) -> bool:
    """其木格, 那仁满都拉: every character one that such names are written in."""
    cfg = rules.load(SHAPE)
    return (cfg["transliterated_min_chars"] <= len(name) <= cfg["transliterated_max_chars"]
            and all(ch in cfg["transliteration_chars"] for ch in name)
            and not any(placenames.is_place_name(name + suffix) for suffix in cfg["place_suffixes"]))


def long_name_after_post(body: str) -> Optional[tuple]:
    """(start, end, name) of a transliterated name longer than a Han name,
    glued after a whole post (副盟长乌力吉木仁): a short window would cut it."""
    cfg = rules.load(SHAPE)
    for size in range(cfg["transliterated_max_chars"], cfg["compound_max_chars"], -1):
        name = body[-size:]
        if len(body) > size and is_post(body[:-size]) and _transliterated(name):
            return len(body) - size, len(body), name
    return None


def blank_pieces(item: str) -> list:
    """(start, end) of the pieces of ``item`` between runs of white space."""
    out, i = [], 0
    for word in item.split():
        i = item.index(word, i)
        out.append((i, i + len(word)))
        i += len(word)
    return out


def spaced_name_at_end(body: str) -> Optional[tuple]:
    """(start, end, name) of the name after the last blank of ``body``, a
    two-character name padded to three (王　芳) read as one: 旗财政局局长　王　芳,
    市长 赵德明. None when ``body`` has no blank or the piece is no name."""
    pieces = blank_pieces(body)
    if len(pieces) < 2:
        return None
    (s1, e1), (s2, e2) = pieces[-2], pieces[-1]
    if e1 - s1 == 1 == e2 - s2 and len(pieces) >= 3:
        start, name = s1, body[s1:e1] + body[s2:e2]
    elif e2 - s2 == 1 and e1 - s1 > 1 and is_post(body[s1:e1 - 1]):
        start, name = e1 - 1, body[e1 - 1] + body[s2:e2]      # 县农业农村局局长罗　军
    else:
        start, name = s2, body[s2:e2]
    return (start, e2, name) if is_person_name(name, slot=True) else None


def name_in_window(window: str, before: str = "") -> Optional[tuple]:
    """(start, end, name) of the name that ends a short window (``before`` is
    the text the window was cut from): a padded name (周　凯), else 3, 2,
    then 4 characters."""
    pieces = blank_pieces(window)
    if len(pieces) >= 2:
        (s1, e1), (s2, e2) = pieces[-2], pieces[-1]
        padded = e1 - s1 == 1 == e2 - s2
        name = window[s1:e1] + window[s2:e2] if padded else window[s2:e2]
        return ((s1 if padded else s2), e2, name) if is_person_name(name, slot=padded) else None
    lead_ins = set(rules.words(RULES, "name_lead_ins"))
    # 局长欧阳晓峰: a compound surname four from the end makes the name four long
    # (阳晓峰 would read as a single-surname name), unless three leave a whole
    # post before them (局长孙国庆 is no 长孙)
    compound = _shape()[1]
    four_first = window[-4:-2] in compound and not is_post(before + window[:-3])
    for size in (4, 3, 2) if four_first else (3, 2, 4):
        if len(window) < size:
            continue
        cand = window[-size:]
        if cand[0] in lead_ins and size > 2:
            continue
        if size > 2 and is_post(before + window[:len(window) - size + 1]):
            continue          # 局长孙丽: its first character ends the post (no 长孙丽)
        if is_person_name(cand):
            return len(window) - size, len(window), cand
    return None


def names_only(item: str) -> list:
    """(start, end) of each name in 赵文斌　钱晓燕　孙　丽: two or more names
    and nothing else. Two one-character pieces in a row are one padded name."""
    tokens = _unglued(blank_pieces(item))
    merged, i = [], 0
    while i < len(tokens):
        s, e = tokens[i]
        if e - s == 1 and i + 1 < len(tokens) and tokens[i + 1][1] - tokens[i + 1][0] == 1:
            merged.append((s, tokens[i + 1][1]))
            i += 2
            continue
        merged.append((s, e))
        i += 1
    if len(merged) < 2 or not all(is_person_name(compact(item[s:e])) for s, e in merged):
        return []
    return merged


def _unglued(tokens: list) -> list:
    """陆　明俞　悦: two padded names whose cells ran together leave a
    two-character piece between one-character ones; it is the end of the
    first name and the start of the second."""
    out = []
    for k, (s, e) in enumerate(tokens):
        inner = e - s == 2 and 0 < k < len(tokens) - 1
        if inner and tokens[k - 1][1] - tokens[k - 1][0] == 1 == tokens[k + 1][1] - tokens[k + 1][0]:
            out += [(s, s + 1), (s + 1, e)]
        else:
            out.append((s, e))
    return out


# --- posts ----------------------------------------------------------------------

def _says_post_or_unit(rest: str) -> bool:
    """副县长, 县财政局局长, 区委副书记, 县财政局: a post or a unit that says its level."""
    if rest in rules.words(RULES, "posts"):
        return True
    unit = split_post(rest)
    return bool(unit) and orgnames.has_level(unit) and orgnames.looks_like_unit(unit)


def name_glued_to_post(item: str) -> Optional[tuple]:
    """(start, end, name, post) for 陈芸副省长 / 冼志勇县财政局局长: a name
    written straight before its post, cut where the rest reads as a post."""
    pieces = blank_pieces(item)
    if len(pieces) != 1 or not _name_token().fullmatch(item[pieces[0][0]:pieces[0][1]]):
        return None
    base = pieces[0][0]
    token = item[base:pieces[0][1]]
    _, compound, *_ = _shape()
    sizes = (4, 3) if token[:2] in compound else (3, 2)
    from ..prepare.gazetteer import place_prefix
    place = len(place_prefix(token))      # 巴东县人民政府县长: a place, not 巴东 and a post
    for size in sizes:
        name, rest = token[:size], token[size:]
        if size < place:
            continue
        if rest and _says_post_or_unit(rest) and is_person_name(name):    # the tagger last
            return None if place_opens_post(name, rest) else (base, base + size, name, rest)
    return None


def run_together(item: str) -> list:
    """(start, end, name, post) of each member of a roster copied without
    separators, each post glued before its name (县水利局局长何春林县公安局副局长黄志勇)
    or each name before its post (何春林县水利局局长罗建军县自然资源局局长):
    a post ends where a name starts, and a name ends where the next post (or
    the unit that opens it) begins. [] unless the whole item reads so with at
    least two members; the item is short (a list item), so trying each post
    end is cheap."""
    cfg = rules.load(RULES)
    if len(item) > cfg["run_together_max_chars"] or len(item.split()) != 1:
        return []
    if _any_post().search(item) is None:
        return []            # most items hold no post: one search of them all tells
    found = set()
    for post in _posts():                # most posts are not there: one find tells
        i = item.find(post)
        while i >= 0:
            found.add(i + len(post))
            i = item.find(post, i + 1)
    ends = tuple(sorted(found))
    if len(ends) < 2:        # a cheap necessary test: two members need two posts
        return []
    sizes = cfg["run_together_name_sizes"]
    for name_first in (False, True):
        got = _run_from(item, 0, ends, sizes, {}, name_first)
        if got and len(got) >= 2:
            return got
    return []


def _run_from(item: str, pos: int, ends: tuple, sizes: list, memo: dict,
              name_first: bool) -> Optional[list]:
    """The members of ``item[pos:]``, each a post then a name (or a name then
    a post), or None."""
    if pos == len(item):
        return []
    if pos not in memo:
        memo[pos] = None
        memo[pos] = next(_readings(item, pos, ends, sizes, memo, name_first), None)
    return memo[pos]


def _readings(item: str, pos: int, ends: tuple, sizes: list, memo: dict, name_first: bool):
    for size in name_sizes_at(item, pos, sizes) if name_first else ():
        name = item[pos:pos + size]
        if len(name) == size and is_person_name(name):
            after = _past_tail(item, pos + size)
            for k in (e for e in ends if e > after):
                rest = _run_from(item, k, ends, sizes, memo, name_first)
                if rest is not None:
                    yield [(pos, pos + size, name, item[after:k])] + rest
    for k in () if name_first else (e for e in ends if e > pos):
        for size in name_sizes_at(item, k, sizes):
            name = item[k:k + size]
            if len(name) < size or not is_person_name(name):
                continue
            rest = _run_from(item, _past_tail(item, k + size), ends, sizes, memo, name_first)
            if rest is not None:
                yield [(k, k + size, name, item[pos:k])] + rest


def name_sizes_at(item: str, pos: int, sizes) -> tuple:
    """The name lengths to try at ``pos``: a compound surname there (欧阳, 诸葛)
    makes a name of four or three (诸葛明远, 司马南), never of the listed sizes alone."""
    return (4, 3) if item[pos:pos + 2] in _shape()[1] else tuple(sizes)


def _past_tail(item: str, at: int) -> int:
    """Past a word written after a name (王芳同志) at ``at``, if one stands there."""
    for tail in rules.words(RULES, "name_tails"):
        if item.startswith(tail, at):
            return at + len(tail)
    return at


def unit_name_post(item: str) -> Optional[tuple]:
    """县文旅局周红副局长: a unit, the name, then a bare post, as official prose
    writes a person (由县文旅局周红副局长任主任). (start, end, name, unit and post)."""
    body = item.rstrip()
    post = _last_post(body)
    if not post or len(post) == len(body):
        return None
    rest = body[:-len(post)]
    base = max(0, len(rest) - 4)
    hit = name_in_window(rest[base:], rest[:base])
    if not hit or base + hit[1] != len(rest):
        return None
    start, end, name = base + hit[0], base + hit[1], hit[2]
    unit = compact(rest[:start])
    if not unit or not orgnames.looks_like_unit(unit):
        return None
    return start, end, name, unit + post


def place_opens_post(name: str, post: str) -> bool:
    """江宁 before 开发区管委会副主任: a county's name without its suffix
    (江宁区) opening a post whose unit is a body is the post's place, not a
    person (rules/people.yaml ``place_stem_suffixes``)."""
    if not post or not is_post(post):
        return False
    if placenames.town_before_post(name, post, rules.words(RULES, "town_post_levels")):
        return True       # 贡江 before 镇党委书记: the town 贡江镇 and its post
    if not any(placenames.is_place_name(name + sfx) for sfx in rules.words(RULES, "place_stem_suffixes")):
        return False
    unit = split_post(post)
    return bool(unit) and orgnames.looks_like_unit(unit)
