"""Which files a run reads, under which names, and which it passes over as duplicates.

Names (``source_path``): a single file is named as given; otherwise paths are
relative to the folder given, or, with several inputs, to their common root,
so that two folders holding files of the same name stay apart
(``2021/plan.txt``, ``2022/plan.txt``). Files are taken in sorted name order
whatever the order of the arguments, and the first of several files with the
same bytes stands for all of them: the others are rows of ``duplicates``.
"""
from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Iterable, Iterator, Optional

from . import ingest
from .write import Duplicate
from .write.manifest import file_sha256


@dataclass(frozen=True)
class Job:
    path: str                 # where to read it (absolute, so any worker can)
    display: str              # its source_path
    size: Optional[int]
    sha256: Optional[str]     # None when it cannot be read; the reader reports why

    def entry(self) -> dict:
        return {"path": self.display, "size": self.size, "sha256": self.sha256}


def discover(inputs: Iterable[str]) -> Iterator[tuple]:
    """Yield (path, display name) for every file named or found in a folder, in name order.

    A walk takes the formats ingest reads, and also the document formats it
    cannot read (.doc, .wps, images …), so that those are reported, not lost.
    """
    inputs = list(inputs)
    root = _common_root(inputs)
    found = []
    for given in inputs:
        path = Path(given)
        if path.is_dir():
            base = Path(os.path.abspath(path)) if root is None else root
            found.extend((p, _relative(p, base)) for p in _walk(path))
        else:
            found.append((path, given if root is None else _relative(path, root)))
    found.sort(key=lambda item: PurePosixPath(item[1]).parts)
    yield from found


def _common_root(inputs: list) -> Optional[Path]:
    """The folder names are relative to, or None when each input names itself."""
    if len(inputs) < 2:
        return None
    folders = [os.path.abspath(i) if Path(i).is_dir() else os.path.dirname(os.path.abspath(i))
               for i in inputs]
    return Path(os.path.commonpath(folders))


def _relative(path: Path, base: Path) -> str:
    return Path(os.path.abspath(path)).relative_to(base).as_posix()


def _walk(folder: Path) -> Iterator[Path]:
    """Files to read, and paths passed over with a reason (see ingest.walk)."""
    return ingest.walk(folder)


def plan(inputs: Iterable[str]) -> tuple:
    """(jobs to read, duplicate rows), both in name order."""
    jobs, duplicates = [], []
    by_file, by_bytes = {}, {}
    for path, display in discover(inputs):
        real = os.path.realpath(path)
        if real in by_file:
            duplicates.append(Duplicate(display, by_file[real].display, "same_file",
                                        by_file[real].sha256 or ""))
            continue
        job = _job(path, display)
        by_file[real] = job
        first = by_bytes.get(job.sha256) if job.sha256 else None
        if first is not None:
            duplicates.append(Duplicate(display, first.display, "same_bytes", job.sha256))
            continue
        if job.sha256:
            by_bytes[job.sha256] = job
        jobs.append(job)
    return jobs, duplicates


def _job(path: Path, display: str) -> Job:
    try:
        info = os.stat(path)
    except OSError:
        return Job(os.path.abspath(path), display, None, None)
    if not stat.S_ISREG(info.st_mode):      # never open a FIFO or a device just to hash it
        return Job(os.path.abspath(path), display, None, None)
    return Job(os.path.abspath(path), display, info.st_size, file_sha256(path))
