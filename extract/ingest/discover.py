"""Walk a folder: every file to read, and every path the walk passes over.

Nothing that could block is opened here: file types come from ``stat``, so a
FIFO or a device is never read. A path the walk cannot or will not follow (a
link loop, a dangling link, an unreadable folder, a special file) is yielded
like a file: reading it raises the error that says why (``read.check_path``),
so it becomes an ``errors`` row like any other bad input and nothing is
dropped without a trace. Hidden names and documentation files beside the
plans (rules/inputs.yaml) are not inputs.
"""
from __future__ import annotations

import fnmatch
import os
import stat
from pathlib import Path
from typing import Iterator

from .. import rules
from .read import settings, supported_extensions


def walk(folder: Path) -> Iterator[Path]:
    """Files under ``folder`` in the formats ingest reads or reports, and refused paths."""
    wanted = set(supported_extensions()) | set(settings().get("advice", {}))
    noise = rules.words("inputs", "skip_in_folders")
    yield from _walk(Path(folder), wanted, noise, ancestors=())


def _walk(folder: Path, wanted: set, noise: list, ancestors: tuple) -> Iterator[Path]:
    """``ancestors`` are the (device, inode) of the folders above, so that a link
    back up the tree is reported once instead of walked forever."""
    here = os.stat(folder)
    ancestors = ancestors + ((here.st_dev, here.st_ino),)
    try:
        with os.scandir(folder) as entries:
            names = sorted(entry.name for entry in entries)
    except OSError:
        yield folder  # reading it says that it cannot be listed
        return
    for name in names:
        if name.startswith("."):
            continue
        path = folder / name
        try:
            info = os.stat(path)
        except OSError:
            yield path  # a dangling link or a loop of links
            continue
        if stat.S_ISDIR(info.st_mode):
            if (info.st_dev, info.st_ino) in ancestors:
                yield path  # a link back up the tree
            else:
                yield from _walk(path, wanted, noise, ancestors)
        elif not stat.S_ISREG(info.st_mode):
            yield path  # FIFO, socket, device
        elif path.suffix.lower() in wanted and not any(fnmatch.fnmatch(name, p) for p in noise):
            yield path
