"""The output folder: one consistent set of tables, published in one step.

Layout of ``DIR`` after a run::

    DIR/documents.parquet -> .plan-extract/current/documents.parquet   (one link per table)
    DIR/run.json          -> .plan-extract/current/run.json
    DIR/.plan-extract/current -> gen-…      the published set
    DIR/.plan-extract/gen-…/                its tables, one Parquet file each
    DIR/.plan-extract/lock                  held by the run writing into DIR

A run writes its tables into a staging folder beside the published set and
then replaces the one ``current`` link with a rename, which is atomic: a
reader (or a killed run) sees the whole previous set or the whole new one,
never a mix. The table links never change once made, so readers keep using
``DIR/<table>.parquet``. Folders and files are created with the process
umask, like any other file the user writes.
"""
from __future__ import annotations

import errno
import fcntl
import os
import shutil
import signal
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterable, Optional

STATE = ".plan-extract"
CURRENT = "current"


class OutputError(Exception):
    """The output folder cannot be used; the message names the fix."""


class Busy(OutputError):
    """Another run holds the folder's lock."""


def checkpoint(name: str) -> None:
    """A named point of the write path where a test may ask to be killed.

    The kill test sets PLAN_EXTRACT_FAULT to one of these names to stop the
    process there with SIGKILL, as a power cut or an OOM killer would.
    """
    if os.environ.get("PLAN_EXTRACT_FAULT") == name:
        os.kill(os.getpid(), signal.SIGKILL)


class OutputFolder:
    def __init__(self, path):
        self.path = Path(path)
        self.state = self.path / STATE
        self._lock_fd: Optional[int] = None

    # ------------------------------------------------------------ checks

    def check(self) -> None:
        """Refuse an unusable --out before any input is read."""
        shown = str(self.path)
        if self.path.exists() and not self.path.is_dir():
            raise OutputError(f"--out {shown} is a file, not a folder; give a folder path "
                              "(it is created when missing)")
        probe = self.path
        while not probe.exists():
            probe = probe.parent
        if not probe.is_dir() or not os.access(probe, os.W_OK | os.X_OK):
            raise OutputError(f"--out {shown}: cannot write into {probe}; choose a folder you "
                              "can write to or change its permissions")

    # ------------------------------------------------------------ lock

    @contextmanager
    def locked(self, wait: bool = False):
        """Hold the folder's lock for the whole run.

        The lock is an flock on a file, so the system releases it when the
        holder dies, however it dies: there is never a stale lock to clear.
        """
        self.state.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.state / "lock", os.O_RDWR | os.O_CREAT, 0o666)
        try:
            self._acquire(fd, wait)
            os.ftruncate(fd, 0)
            os.write(fd, f"pid {os.getpid()} since {time.strftime('%Y-%m-%d %H:%M:%S')}\n".encode())
            self._lock_fd = fd
            yield self
        finally:
            self._lock_fd = None
            os.close(fd)        # closing releases the flock

    def _acquire(self, fd: int, wait: bool) -> None:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except OSError as err:
            if err.errno not in (errno.EAGAIN, errno.EACCES):
                raise
        holder = os.pread(fd, 200, 0).decode(errors="replace").strip() or "another process"
        if not wait:
            raise Busy(f"--out {self.path}: another plan-extract run ({holder}) is writing into "
                       "this folder; wait for it to finish, use --wait to queue behind it, "
                       "or choose another --out")
        fcntl.flock(fd, fcntl.LOCK_EX)

    # ------------------------------------------------------------ staging

    def remove_stale(self, names: Iterable[str]) -> None:
        """Remove what killed runs left: staging folders, unpublished sets, temporary links.

        Only called under the lock, so nothing here belongs to a live run.
        """
        stems = tuple(f".{Path(n).stem}." for n in names)
        keep = self._current_name()
        for entry in self.state.iterdir():
            if entry.name in ("lock", CURRENT) or entry.name == keep:
                continue
            _remove(entry)
        for entry in self.path.iterdir():
            # temporary links of an interrupted publish, and the temporary
            # files of earlier versions of the writer (.nodes.x1y2.tmp)
            if entry.name.startswith(stems) and entry.name.endswith((".tmp", ".link")):
                _remove(entry)

    def new_staging(self) -> Path:
        staging = self.state / f"staging-{time.time_ns():x}-{os.getpid()}"
        staging.mkdir()
        return staging

    def current_dir(self) -> Optional[Path]:
        name = self._current_name()
        return self.state / name if name else None

    def _current_name(self) -> Optional[str]:
        link = self.state / CURRENT
        return os.readlink(link) if link.is_symlink() else None

    # ------------------------------------------------------------ publish

    def publish(self, staging: Path, names: Iterable[str]) -> None:
        """Make the staged set the published one, in one rename."""
        names = list(names)
        generation = self.state / staging.name.replace("staging-", "gen-", 1)
        os.rename(staging, generation)
        checkpoint("staged")
        self._adopt_legacy_files(names)
        for name in names:
            self._ensure_link(name)
        checkpoint("linked")
        previous = self._current_name()
        _replace_symlink(self.state / CURRENT, generation.name)
        checkpoint("swapped")
        if previous and previous != generation.name:
            _remove(self.state / previous)

    def _ensure_link(self, name: str) -> None:
        link = self.path / name
        target = f"{STATE}/{CURRENT}/{name}"
        if link.is_symlink() and os.readlink(link) == target:
            return
        if link.exists() and not link.is_symlink() and link.is_dir():
            raise OutputError(f"--out {self.path}: {name} is a folder the run did not make; "
                              "move it away or choose another --out")
        _replace_symlink(link, target)

    def _adopt_legacy_files(self, names: list) -> None:
        """Tables written as plain files (by an earlier version) become the current set first.

        Each file is hard-linked (or copied) into a set of its own, which
        becomes ``current``; only then is each plain file replaced by a link
        to the same bytes. Readers see the old tables at every step, so the
        swap that follows stays the only visible change.
        """
        plain = [n for n in names if (self.path / n).is_file() and not (self.path / n).is_symlink()]
        if not plain:
            return
        if self._current_name() is None:
            legacy = self.state / f"gen-{time.time_ns():x}-legacy"
            legacy.mkdir()
            for name in plain:
                try:
                    os.link(self.path / name, legacy / name)
                except OSError:
                    shutil.copy2(self.path / name, legacy / name)
            _replace_symlink(self.state / CURRENT, legacy.name)
        checkpoint("adopting")
        for name in plain:
            _replace_symlink(self.path / name, f"{STATE}/{CURRENT}/{name}")


def _replace_symlink(path: Path, target: str) -> None:
    tmp = path.parent / f".{path.name}.{os.getpid()}.link"
    if tmp.is_symlink() or tmp.exists():
        tmp.unlink()
    os.symlink(target, tmp)
    os.replace(tmp, path)


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        try:
            path.unlink()
        except FileNotFoundError:
            pass
