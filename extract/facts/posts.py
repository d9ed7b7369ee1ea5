"""Posts written next to a person's name (局长, 常务副县长, 党组副书记) and the
unit a post names before its title (省发展改革委主任 -> 省发展改革委). The
posts and the units of posts that name none are data (rules/people.yaml)."""
from __future__ import annotations

import functools
import re
from typing import Optional

from .. import rules

RULES = "people"


def compact(text: str) -> str:
    return "".join(text.split())


@functools.lru_cache(maxsize=1)
def posts() -> tuple:
    return tuple(sorted(rules.words(RULES, "posts"), key=len, reverse=True))


@functools.lru_cache(maxsize=1)
def _post_sizes() -> tuple:
    """(the posts, their lengths longest first): the longest post a title
    ends with is found by one look-up per length, not one test per post."""
    return frozenset(posts()), tuple(sorted({len(p) for p in posts()}, reverse=True))


@functools.lru_cache(maxsize=1)
def any_post():
    return re.compile("|".join(map(re.escape, posts())))


def last_post(title: str) -> Optional[str]:
    """The longest post ``title`` ends with (the first of ``posts()`` it ends with)."""
    known, sizes = _post_sizes()
    for size in sizes:
        if size <= len(title) and title[len(title) - size:] in known:
            return title[len(title) - size:]
    return None


def split_post(title: str) -> Optional[str]:
    """The unit in a post as written: 省发展改革委主任 -> 省发展改革委, 省长 -> 省政府."""
    # 县委常委、常务副县长: the last of several posts says where the person works;
    # a last post that names no unit and no government (市林草局党组副书记、局长)
    # works where an earlier post says
    pieces = [p for p in compact(title).split(rules.load(RULES)["post_separator"]) if p]
    if not pieces:
        return None
    post = last_post(pieces[-1])
    if post is None:
        return pieces[-1]
    own = _with_shared_char(pieces[-1][: -len(post)], post) or rules.load(RULES).get("post_units", {}).get(post)
    if own or len(pieces) == 1:
        return own
    earlier = (p[: -len(found)] for p in reversed(pieces[:-1]) if (found := last_post(p)))
    return next((u for u in earlier if u), None)


def _with_shared_char(own: str, post: str) -> str:
    """宣传 + 部长 -> 宣传部: a contracted post lends its first character back to its body."""
    core = next((w for w in rules.words(RULES, "contracted_posts") if post.endswith(w)), None)
    if not own or core is None or own.endswith(core[0]):
        return own
    return own + core[0]


def is_post(item: str) -> bool:
    post = compact(item)
    return bool(post) and post.endswith(posts())      # any of them
