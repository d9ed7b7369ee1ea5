"""Walk the inputs: every file to read, and every path passed over, with its reason.

Folders are walked in sorted order so that runs are repeatable; a display
name is relative to the folder given, as the contract asks. A walk takes the
formats ingest reads, and also the document formats it cannot read (.doc,
.wps, images …), so that those are reported, not lost. Nothing that could
block is opened here: file types come from ``stat``, so a FIFO or a device is
refused before anyone reads it. A path the walk cannot or will not follow (a
link loop, a dangling link, an unreadable folder, a special file) is yielded
as a ``Refused`` job: reading it raises its error, so it becomes an ``errors``
row like any other bad input.
"""
from __future__ import annotations

import errno
import fnmatch
import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from .. import rules
from .read import (BrokenLink, IngestError, LinkLoop, SpecialFile, UnreadableFolder,
                   settings, special_kind, supported_extensions)


@dataclass(frozen=True)
class Refused:
    """A path passed over by the walk; ``error`` says why and what to do."""

    path: str
    error: IngestError


def discover(inputs: Iterable[str]) -> Iterator[tuple]:
    """Yield (path or Refused, display name) for every file named or found in a folder."""
    wanted = set(supported_extensions()) | set(settings().get("advice", {}))
    for given in inputs:
        root = Path(given)
        if root.is_dir():
            found = list(_walk(root, Path(), wanted, ancestors=(), shown=given))
            yield from sorted(found, key=lambda job: Path(job[1]).parts)
        else:
            yield root, given


def _walk(folder: Path, rel: Path, wanted: set, ancestors: tuple, shown: str) -> Iterator[tuple]:
    """Entries of ``folder`` (``shown`` is its display name); ``ancestors`` are the
    (device, inode) of the folders above, so that a link back up the tree is
    reported once instead of walked forever."""
    here = os.stat(folder)
    ancestors = ancestors + ((here.st_dev, here.st_ino),)
    try:
        with os.scandir(folder) as entries:
            names = sorted(entry.name for entry in entries)
    except OSError as err:
        yield _refused(shown, UnreadableFolder(
            f"{shown}: cannot list the folder ({err.strerror or type(err).__name__}), "
            f"so its files were not read; give read and search permission on it "
            f"(chmod a+rx) or remove it from the input"))
        return
    for name in names:
        if name.startswith("."):
            continue  # hidden files and folders are not inputs
        path, child = folder / name, rel / name
        display = child.as_posix()
        kind = _kind(path, display)
        if kind == "dir":
            info = os.stat(path)
            if (info.st_dev, info.st_ino) in ancestors:
                yield _refused(display, LinkLoop(
                    f"{display}: the link points back to a folder that contains it, "
                    f"so it was not followed; remove the link or point it elsewhere"))
            else:
                yield from _walk(path, child, wanted, ancestors, display)
        elif kind == "file":
            if path.suffix.lower() in wanted and not _is_folder_noise(name):
                yield path, display
        else:
            yield _refused(display, kind)


def _kind(path: Path, shown: str):
    """"dir", "file", or the IngestError of a path that is neither (never opens it)."""
    try:
        info = os.stat(path)
    except OSError as err:
        if err.errno == errno.ELOOP:
            return LinkLoop(f"{shown}: the link leads round in a loop and names no file; "
                            f"remove it or point it at the plan")
        if os.path.islink(path):
            return BrokenLink(f"{shown}: the link points to '{os.readlink(path)}', which does "
                              f"not exist; fix the link or remove it")
        return UnreadableFolder(f"{shown}: cannot look at it ({err.strerror}); "
                                f"check the permissions of its folder")
    if stat.S_ISDIR(info.st_mode):
        return "dir"
    if stat.S_ISREG(info.st_mode):
        return "file"
    return SpecialFile(f"{shown}: this is {special_kind(info.st_mode)}, not a file, so it "
                       f"was not read; give the plan file itself")


def _refused(display: str, error: IngestError) -> tuple:
    return Refused(display, error), display


def _is_folder_noise(name: str) -> bool:
    """Documentation files that sit beside plans in a folder (README, SOURCES …)."""
    return any(fnmatch.fnmatch(name, pat) for pat in rules.words("inputs", "skip_in_folders"))
