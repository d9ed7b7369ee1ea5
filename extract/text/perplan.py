"""Answers remembered while one plan is read, forgotten when the next begins.

A plan names the same few dozen bodies and people over and over, and each
check of a name is a run of rule searches. A check whose answer depends on
its arguments alone may be remembered with ``remember``; the pipeline calls
``forget`` as each plan starts, so nothing is carried from one plan to the
next (and a batch of copies is timed as a batch of different plans would be).
"""
from __future__ import annotations

import functools

_REMEMBERED: list = []
# no plan names more: a bound on memory, never reached in practice
MOST = 8192


def remember(fn):
    """``fn`` with its answers kept until ``forget``; its arguments must be hashable."""
    cached = functools.lru_cache(maxsize=MOST)(fn)
    _REMEMBERED.append(cached)
    return cached


def forget() -> None:
    """Start a plan afresh."""
    for cached in _REMEMBERED:
        cached.cache_clear()


def remembered() -> int:
    """How many answers are kept now."""
    return sum(cached.cache_info().currsize for cached in _REMEMBERED)
