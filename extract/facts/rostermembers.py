"""One roster item that holds several people: the blanks or the posts between
them tell where each ends (people.py reads the lists and passes each item).

    副县长　詹文涛　杨　珂                    a post, then the names that share it
    朴成民（镇长）　崔永哲（镇人大主席）        each piece a person with a post
    赵文斌 县发改局局长  钱晓燕 县财政局局长    a name and a post, piece by piece
    县水利局局长何春林县公安局副局长黄志勇      no separators at all
"""
from __future__ import annotations

from typing import NamedTuple, Optional

from .personnames import (blank_pieces, compact as _compact, is_person_name, is_post,
                          names_only, run_together, split_post)


class Got(NamedTuple):
    """A person read from a list: offsets in the plan, the unit the post names."""
    start: int
    end: int
    name: str
    unit: Optional[str]
    item: tuple
    post_first: bool = False   # 副县长李春华: the post came before the name


def several_in_one(text: str, start: int, end: int, parse_item) -> list:
    """Several people in one item parted by blanks; [] when the item is not so.
    ``parse_item(text, start, end)`` reads one person with a post (a Got or None)."""
    item = text[start:end]
    pieces = blank_pieces(item)
    if len(pieces) < 2:
        return []
    head_end, rest = pieces[0][1], pieces[1][0]
    names = names_only(item[rest:]) if len(pieces) >= 3 and is_post(item[:head_end]) else []
    if names:
        unit = split_post(item[:head_end])
        return [Got(start + rest + a, start + rest + b, _compact(item[rest + a:rest + b]), unit,
                    (start + rest + a, start + rest + b), True) for a, b in names]
    segments = []                     # 镇农业站站长韩　梅: a one-character piece ends the one before
    for a, b in pieces:
        if segments and b - a == 1:
            segments[-1] = (segments[-1][0], b)
        else:
            segments.append((a, b))
    if len(segments) < 2:
        return []
    return (_each_a_person(text, start, segments, parse_item)
            or _name_and_post_pairs(text, start, segments, parse_item))


def _each_a_person(text: str, start: int, segments: list, parse_item) -> list:
    got = []
    for a, b in segments:           # one piece that is no person: no need to read the rest
        person = parse_item(text, start + a, start + b)
        if not person:
            return []
        got.append(person)
    return got


def _name_and_post_pairs(text: str, start: int, segments: list, parse_item) -> list:
    """赵文斌 县发改局局长  钱晓燕 县财政局局长 (or each post first): the pieces
    alternate between a name and a post, the first piece saying which comes first."""
    if len(segments) % 2 or len(segments) < 4:
        return []
    first = _compact(text[start + segments[0][0]:start + segments[0][1]])
    name_first = is_person_name(first, slot=True)
    if not name_first and not is_post(first):
        return []
    got = []
    for (a, _), (c, d) in zip(segments[::2], segments[1::2]):
        name, post = (text[start + a:start + c], text[start + c:start + d])
        if not name_first:
            name, post = post, name
        if not (is_person_name(_compact(name), slot=True) and is_post(post)):
            return []
        person = parse_item(text, start + a, start + d)
        if not person:
            return []
        got.append(person)
    return got


def run_together_item(text: str, start: int, end: int) -> list:
    """The members of a roster item copied without separators, each with the
    post glued before the name (县水利局局长何春林县公安局副局长黄志勇)."""
    item = text[start:end].strip()
    base = start + len(text[start:end]) - len(text[start:end].lstrip())
    got = run_together(item)
    post_first = bool(got) and got[0][0] > 0
    return [Got(base + a, base + b, name, split_post(post),
                (base + a - len(post), base + b) if post_first
                else (base + a, base + item.find(post, b) + len(post)), post_first)
            for a, b, name, post in got]


def member_gaps(gap_rule, text: str, start: int, end: int) -> list:
    """The (start, end) of the gaps (``gap_rule``, rules/people.yaml) that part
    the members of a list, from the left: a gap that pads a name (王   庆) is
    none, and the character it joins opens no second one."""
    kept, paired_until = [], -1
    for m in gap_rule.finditer(text, start, end):
        gap = m.span()
        if gap[0] - 1 > paired_until and _pads_a_name(text, gap, start, end):
            paired_until = gap[1]
            continue
        kept.append(gap)
    return kept


def _pads_a_name(text: str, gap: tuple, start: int, end: int) -> bool:
    """王   庆 in a roster that pads two-character names to the width of three
    with as many blanks as part its members: a gap between two lone
    characters that read as a surname and a name is the name's padding. Not
    when a narrower blank joins one of them to another lone character
    (王 强   李 明: two padded names)."""
    a, b = gap
    if a - 1 < start or b >= end or not (_lone_char(text, a - 1, start, end) and _lone_char(text, b, start, end)):
        return False
    width = b - a
    before = _run_to_lone_char(text, a - 1, -1, start, end)
    after = _run_to_lone_char(text, b, 1, start, end)
    narrower = any(run is not None and run < width for run in (before, after))
    return not narrower and is_person_name(text[a - 1] + text[b])


def _lone_char(text: str, i: int, start: int, end: int) -> bool:
    """Whether text[i] is a token of one character (no letter either side)."""
    return (text[i].isalpha() and (i == start or not text[i - 1].isalpha())
            and (i + 1 == end or not text[i + 1].isalpha()))


def _run_to_lone_char(text: str, i: int, step: int, start: int, end: int) -> Optional[int]:
    """The width of the blanks between text[i] and a lone character next to it
    on the line (``step`` -1 before, 1 after), or None."""
    j = i + step
    while start <= j < end and text[j].isspace() and text[j] != "\n":
        j += step
    if j == i + step or not start <= j < end or not _lone_char(text, j, start, end):
        return None
    return abs(j - i) - 1
