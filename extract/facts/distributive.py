"""The indicators of a list of targets (……分别达到80%、60%和50%): each figure
of a 分别 list takes its own item of the list's indicator, with the words the
items share (a head: 全省与其他RCEP国家…; a tail: 大豆、油菜种植面积), or the
indicators of the targets the list refers back to (……，分别增长10%和12%).
indicator.py reads the indicators themselves."""
from __future__ import annotations

from typing import Optional

from .. import rules
from ..text import nlp
from .indicator import _cfg, _rule, trim


def distribute(ind: str, n: int) -> Optional[list]:
    """Split a 分别 list over ``n`` values.

    全省与其他RCEP国家货物贸易、对外投资和实际利用外资分别占比 with n=3 gives
    the three items, each with the shared head (全省与其他RCEP国家) and the
    shared tail (占比). The head is what the first item has beyond the length
    (in jieba words) of the second item.
    """
    jieba = nlp.jieba()
    word = _cfg("distributive_word")
    # 分别 cut off the end of the indicator (大豆、油菜种植面积分别达…) leaves no tail
    inside = word in ind
    head, tail = ind.split(word, 1) if inside else (ind, "")
    # 、 separates the items; the last two are joined by a conjunction
    items = [x for x in head.split(_cfg("item_separator")) if x]
    if items:
        last = _rule("last_item_joiners").split(items[-1], maxsplit=1)
        items = items[:-1] + [x for x in last if x]
    if len(items) != n or n < 2:
        return None
    head = next((m.group() for r in rules.pattern_rules("indicators", "distributive_head")
                 for m in [r.regex.match(items[0])] if m), None)
    if head is not None:
        return [items[0] + tail] + [head + it + tail for it in items[1:]]
    if len(items[-1]) > len(items[0]):
        # 大豆、油菜种植面积: the last item carries the words the others share
        shared = items[-1][_shared_cut(jieba, items[0], items[-1]):]
        return [it + shared + tail for it in items[:-1]] + [items[-1] + tail]
    if not inside:       # 种植面积、产量、产值 before a cut 分别: each item as written
        return [it + tail for it in items]
    bounds = _word_bounds(jieba, items[0])
    want = len(items[0]) - len(items[1])
    cut = min(bounds[:-1], key=lambda b: abs(b - want)) if want > 0 else 0
    prefix = items[0][:cut]
    out = [items[0] + tail] + [prefix + it + tail for it in items[1:]]
    return out


def _shared_cut(jieba, first: str, last: str) -> int:
    """Where the last item's own words end: as long as the first item when both
    sides read as whole words (农村|居民人均可支配收入 after 城镇), else at the
    word end nearest that length (马铃薯|种植面积 after 小麦)."""
    own, rest = list(jieba.cut(last[:len(first)])), list(jieba.cut(last[len(first):]))
    if rest and len(rest[0]) > 1 and all(len(w) > 1 for w in own):
        return len(first)
    return min(_word_bounds(jieba, last)[1:], key=lambda b: abs(b - len(first)))


def _word_bounds(jieba, words: str) -> list:
    """0 and the end of each jieba word of ``words``."""
    bounds, pos = [0], 0
    for w in jieba.cut(words):
        pos += len(w)
        bounds.append(pos)
    return bounds


def referred_back(ind: str, before: list) -> Optional[list]:
    """分别增长 after the targets ``before`` it: each of their indicators with
    the list's tail (接待游客增长, 旅游收入增长); None when the list names items."""
    word = _cfg("distributive_word")
    if not ind.startswith(word) or not all(before):
        return None
    return [b + ind[len(word):] for b in before]


def distribute_lists(text: str, found: list, inds: list) -> None:
    """Give each item of a 分别 list of targets its own (indicator, per) in ``inds``, in place."""
    i = 0
    while i < len(found):
        j = i + 1
        while j < len(found) and (found[j].prev is found[j - 1] or _joined(text, found[j - 1], found[j])):
            j += 1
        if j - i > 1:
            split = distribute(inds[i][0], j - i) or _referred_back(text, found, inds, i, j - i)
            if split and _takes_split(found, inds, i, j):
                for k, ind in enumerate(split):
                    inds[i + k] = (ind, inds[i + k][1])
            else:     # a list item read by its place in the list takes the list's indicator
                for k in range(i + 1, j):
                    if found[k].q.kind != "count" and found[k].prev is found[k - 1]:
                        inds[k] = inds[i]
        i = j


def _takes_split(found: list, inds: list, i: int, j: int) -> bool:
    """Whether the figures after the first are the list's items: each read no
    indicator of its own or the list's, or the list says 分别 and the figure was
    read as its next item. 完成大豆、油菜种植1800亩、300座大棚: 大棚 is no item."""
    listed, inside = trim(inds[i][0]), _cfg("distributive_word") in inds[i][0]
    return all(not inds[k][0] or trim(inds[k][0]) == listed or (inside and found[k].prev is found[k - 1])
               for k in range(i + 1, j))


def _joined(text: str, a, b) -> bool:
    """Two figures parted by a list joiner alone (150亩、600吨): items of one list,
    whichever rule read the second."""
    return text[a.end:b.start].strip() in rules.words("targets", "list_joiners")


def _referred_back(text: str, found: list, inds: list, i: int, n: int) -> Optional[list]:
    """接待游客1500万人次、旅游收入120亿元，分别增长10%和12%: a 分别 list with no
    items of its own refers to the n targets just before it in its sentence."""
    between = text[found[i - n].end:found[i].start] if i >= n else ""
    if not between or any(b in between for b in rules.words("targets", "sentence_breaks")):
        return None
    return referred_back(inds[i][0], [ind for ind, _ in inds[i - n:i]])
