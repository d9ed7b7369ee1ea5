"""Budgets for one file: limits as data, a time limit, and the error when one is hit.

Every limit is a number in ``rules/ingest.yaml`` (``limits:`` and
``max_megabytes:``) and can be raised for one run with ``--limit NAME=VALUE``
(``seconds_per_file=900``, ``max_megabytes.text=120``). The override travels
in an environment variable so that pool workers, however they are started,
see the same limits as the process that was given them.
"""
from __future__ import annotations

import contextlib
import os
import signal
import threading

from .. import rules

ENV = "PLAN_EXTRACT_LIMITS"


class LimitError(ValueError):
    """A ``--limit`` that names no limit or gives no number."""


def _table() -> dict:
    cfg = rules.load("ingest")
    names = {name: value for name, value in cfg["limits"].items()}
    names.update({f"max_megabytes.{reader}": mb for reader, mb in cfg["max_megabytes"].items()})
    return names


def known_limits() -> list:
    return sorted(_table())


def parse_overrides(items) -> str:
    """``NAME=VALUE`` strings checked and packed for ``ENV``; raises LimitError."""
    known = _table()
    packed = []
    for item in items:
        name, _, value = item.partition("=")
        name = name.strip()
        if name not in known:
            raise LimitError(f"unknown limit '{name}' (known: {', '.join(sorted(known))})")
        try:
            number = float(value)
        except ValueError:
            raise LimitError(f"--limit {item}: the value must be a number") from None
        if number <= 0:
            raise LimitError(f"--limit {item}: the value must be above 0")
        packed.append(f"{name}={number:g}")
    return ",".join(packed)


def _overrides() -> dict:
    found = {}
    for item in filter(None, os.environ.get(ENV, "").split(",")):
        name, _, value = item.partition("=")
        found[name] = float(value)
    return found


def limit(name: str) -> float:
    """The value of a limit: the override for this run if any, else the rules'."""
    return _overrides().get(name, _table()[name])


def how_to_raise(name: str) -> str:
    section, _, key = name.rpartition(".")
    where = f"{section or 'limits'}: {key}" if section else f"limits: {name}"
    return f"raise it with --limit {name}=N or in rules/ingest.yaml ({where})"


class _Alarm(BaseException):
    """Raised by the timer; a BaseException, so that no ``except Exception`` in a
    stage can swallow it on its way out to ``time_budget``."""


@contextlib.contextmanager
def time_budget(error_class, display: str):
    """Stop the work on one file after ``seconds_per_file``; raise ``error_class``.

    SIGALRM interrupts pure-Python work (the pipeline's stages) in the main
    thread of the process handling the file, pool workers included. Where
    there is no such signal, or off the main thread, the work runs unbounded.
    """
    seconds = limit("seconds_per_file")
    usable = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable:
        yield
        return

    def on_alarm(_signum, _frame):
        signal.setitimer(signal.ITIMER_REAL, 1.0)  # again, if some cleanup holds on
        raise _Alarm()

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    except _Alarm:
        raise error_class(f"{display}: stopped after {seconds:g} s, the time limit for one "
                          f"file; split the file, or {how_to_raise('seconds_per_file')}") from None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def worker_start() -> None:
    """In a pool worker, Ctrl-C ends the process at once and without a traceback:
    the main process alone says that the run was interrupted."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)
