"""Where the per-file work runs: this process, a local process pool, or a Dask cluster.

Every executor is one function, ``ordered(fn, items, on_error)``, that
yields ``fn(item)`` in the order of ``items`` while keeping a bounded number
of items in flight; a task that dies with its worker yields
``on_error(item, message)`` instead. The writer consumes results in input order, so tables are
the same whatever the executor or the number of workers, and memory holds
at most the in-flight results.
"""
from __future__ import annotations

from collections import deque
from typing import Callable, Iterable, Iterator, Optional


CONNECT_TIMEOUT = "10s"     # how long to try reaching a scheduler given with --dask


class ExecutorError(Exception):
    """The executor could not start (no such scheduler, dask not installed)."""


def _windowed(submit: Callable, items: Iterable, window: int, on_error: Callable) -> Iterator:
    """Submit up to ``window`` items ahead, yield their results in order."""
    pending: deque = deque()

    def result(item, future):
        try:
            return future.result()
        except Exception as err:     # a worker that died takes its task with it
            return on_error(item, f"{type(err).__name__}: {err}")

    for item in items:
        pending.append((item, submit(item)))
        if len(pending) >= window:
            yield result(*pending.popleft())
    while pending:
        yield result(*pending.popleft())


class Serial:
    """This process, one file after the other."""

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return None

    def ordered(self, fn: Callable, items: Iterable, on_error: Callable) -> Iterator:
        for item in items:
            yield fn(item)


class ProcessPool:
    """A local pool of processes; each loads the rules once, on its first file."""

    def __init__(self, workers: int):
        self.workers = workers
        self._pool = None

    def __enter__(self):
        from concurrent.futures import ProcessPoolExecutor
        from .ingest import worker_start  # Ctrl-C: workers end quietly, the main process says so
        self._pool = ProcessPoolExecutor(max_workers=self.workers, initializer=worker_start)
        return self

    def __exit__(self, *exc):
        self._pool.shutdown(wait=True, cancel_futures=True)

    def ordered(self, fn: Callable, items: Iterable, on_error: Callable) -> Iterator:
        return _windowed(lambda item: self._pool.submit(fn, item), items,
                         4 * self.workers, on_error)


class DaskCluster:
    """A dask.distributed cluster: an existing scheduler, or a local one of ``workers`` processes.

    Workers need this package installed and must see the input paths (a
    shared file system). Each worker loads the rules once, before its first
    task, and keeps them for the rest of the run.
    """

    def __init__(self, scheduler: Optional[str], workers: int):
        self.scheduler, self.workers = scheduler, workers
        self._client = self._cluster = None

    def __enter__(self):
        try:
            from distributed import Client, LocalCluster
        except ImportError as err:
            raise ExecutorError("the dask executor needs dask.distributed: "
                                "pip install 'plan-extract[dask]'") from err
        try:
            if self.scheduler:
                self._client = Client(self.scheduler, timeout=CONNECT_TIMEOUT)
            else:
                self._cluster = LocalCluster(n_workers=self.workers, threads_per_worker=1,
                                             processes=True, dashboard_address=None)
                self._client = Client(self._cluster)
        except (OSError, TimeoutError) as err:
            raise ExecutorError(f"cannot reach the Dask scheduler {self.scheduler}: {err}") from err
        self._client.run(_warm_up)
        return self

    def __exit__(self, *exc):
        self._client.close()
        if self._cluster is not None:
            self._cluster.close()

    def ordered(self, fn: Callable, items: Iterable, on_error: Callable) -> Iterator:
        width = max(len(self._client.scheduler_info().get("workers", {})), 1)
        return _windowed(lambda item: self._client.submit(fn, item, pure=False), items,
                         4 * width, on_error)


def make(kind: str, workers: int, scheduler: Optional[str] = None):
    """The executor for ``--executor`` / ``--workers`` / ``--dask``."""
    if kind == "dask" or scheduler:
        return DaskCluster(scheduler, workers)
    return ProcessPool(workers) if workers > 1 else Serial()


def _warm_up() -> None:
    """Load every rule file and jieba's dictionary once per worker process."""
    from . import pipeline
    pipeline.warm_up()
