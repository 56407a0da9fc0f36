"""How one writer and many readers share a database file: a lock and a snapshot.

DuckDB lets a file be open by one read-write process or by many read-only
ones, never both. So that readers (``readout serve``, ``readout events``) keep
answering while ``readout ingest`` writes, three files sit next to the store
``D``:

``D.lock``
    A writer holds an exclusive ``flock`` on it for its whole session and
    writes its PID and start time into it. A second writer waits its turn on
    the lock (and says whom it waits for); readers test it to see that a
    writer is at work. The kernel drops the lock when a process dies, even by
    SIGKILL, so it is never stale.
``D.readers``
    Each reader holds a shared ``flock`` on it, so a writer can tell whether
    anyone is reading.
``D.snapshot``
    A complete, consistent copy of ``D`` as of a commit. While anyone reads, a
    writer publishes one at most every PUBLISH_SECONDS (and never spending
    more than PUBLISH_SHARE of its time copying): CHECKPOINT, copy to a
    temporary file, atomic rename. Readers read it while the writer works and
    go back to ``D`` when it is done. A reader that holds ``D`` when a writer
    arrives copies ``D`` itself before letting go, so there is always a
    snapshot to move to.

Readers therefore see what was committed up to the last snapshot (at most a
second or two old during an ingest), and are never turned away.

DuckDB shares one database instance between connections to the same path in
a process, so a reader that opens a newer snapshot while still holding the
older one would be handed the older one's data. Each reader therefore opens
its own hard link to the snapshot (``D.snapshot.<pid>.<n>``), removed when it
closes it; links left by a reader that died are swept away by the next one.
"""

from __future__ import annotations

import contextlib
import fcntl
import itertools
import json
import logging
import os
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

import duckdb

PUBLISH_SECONDS = 1.0
PUBLISH_SHARE = 0.1
log = logging.getLogger("readout.store")


def sidecar(path: str, suffix: str) -> Path:
    return Path(f"{path}.{suffix}")


def snapshot_path(path: str) -> Path:
    return sidecar(path, "snapshot")


@dataclass(frozen=True)
class Writer:
    """The process writing a database, as it wrote itself into the lock file."""

    pid: int
    since: float  # time.time() when it took the lock

    def describe(self) -> str:
        started = time.strftime("%H:%M:%S", time.localtime(self.since)) if self.since else "?"
        return f"PID {self.pid}, since {started}" if self.pid else f"since {started}"


def _open_sidecar(path: str, suffix: str, *, create: bool = True) -> int:
    flags = os.O_RDWR | (os.O_CREAT if create else 0)
    return os.open(sidecar(path, suffix), flags, 0o644)


def _read_writer(fd: int) -> Writer:
    try:
        raw = os.pread(fd, 200, 0)
        info = json.loads(raw.decode("utf-8") or "{}")
        return Writer(int(info.get("pid", 0)), float(info.get("since", 0.0)))
    except (OSError, ValueError, TypeError):
        return Writer(0, 0.0)


def writer_active(path: str) -> Writer | None:
    """The writer at work on ``path`` now, or None (creates nothing)."""
    try:
        fd = _open_sidecar(path, "lock", create=False)
    except OSError:
        return None  # no lock file: no writer has ever been at work here
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            return _read_writer(fd)
        fcntl.flock(fd, fcntl.LOCK_UN)
        return None
    finally:
        os.close(fd)


class WriterLock:
    """The exclusive right to write ``path``; hold it from before opening to after closing."""

    def __init__(self, path: str) -> None:
        self.path = path
        self._fd: int | None = None
        self.since = 0.0

    def acquire(self, *, wait: float | None) -> bool:
        """Take the lock, waiting up to ``wait`` seconds (None: as long as it takes)."""
        fd = _open_sidecar(self.path, "lock")
        deadline = None if wait is None else time.monotonic() + wait
        told = False
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if deadline is not None and time.monotonic() >= deadline:
                    os.close(fd)
                    return False
                if not told and deadline is None:
                    other = _read_writer(fd).describe()
                    log.warning("%s: waiting for the other writer (%s) to finish", self.path, other)
                    told = True
                time.sleep(0.05)
        self.since = time.time()
        info = json.dumps({"pid": os.getpid(), "since": self.since}).encode()
        os.ftruncate(fd, 0)
        os.pwrite(fd, info, 0)
        self._fd = fd
        return True

    def release(self) -> None:
        if self._fd is not None:
            with contextlib.suppress(OSError):
                os.ftruncate(self._fd, 0)
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None

    def __del__(self) -> None:  # a Store dropped without close still lets the next writer in
        self.release()


class ReaderMark:
    """A shared lock on ``D.readers`` held while reading: writers publish snapshots for us."""

    def __init__(self, path: str) -> None:
        self._fd: int | None = None
        try:
            fd = _open_sidecar(path, "readers")
        except OSError:
            return  # a read-only folder: no writer can be at work there either
        fcntl.flock(fd, fcntl.LOCK_SH)
        self._fd = fd

    def close(self) -> None:
        if self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None

    def __del__(self) -> None:
        self.close()


def readers_present(path: str) -> bool:
    """True when some process holds a ReaderMark on ``path``."""
    try:
        fd = _open_sidecar(path, "readers", create=False)
    except OSError:
        return False
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return True
        fcntl.flock(fd, fcntl.LOCK_UN)
        return False
    finally:
        os.close(fd)


_pins = itertools.count(1)


def pin_snapshot(path: str) -> Path:
    """A private name (hard link) for the current snapshot, for one reader to open."""
    link = Path(f"{snapshot_path(path)}.{os.getpid()}.{next(_pins)}")
    os.link(snapshot_path(path), link)
    return link


def unpin(link: str | Path) -> None:
    with contextlib.suppress(OSError):
        os.unlink(link)


def sweep_pins(path: str) -> None:
    """Remove the snapshot links of readers that are no longer running."""
    folder = snapshot_path(path).parent
    prefix = snapshot_path(path).name + "."
    try:
        names = [n for n in os.listdir(folder) if n.startswith(prefix)]
    except OSError:
        return
    for name in names:
        pid = name[len(prefix) :].split(".", 1)[0]
        if pid.isdigit() and int(pid) != os.getpid() and not _alive(int(pid)):
            unpin(folder / name)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def snapshot_since(path: str) -> float | None:
    """When the snapshot of ``path`` was published (its mtime), or None when there is none."""
    try:
        return snapshot_path(path).stat().st_mtime
    except OSError:
        return None


def snapshot_is_current(path: str) -> bool:
    """True when the snapshot holds everything in ``path`` (call with no writer at work)."""
    published = snapshot_since(path)
    if published is None or Path(f"{path}.wal").exists():
        return False
    try:
        return published >= os.stat(path).st_mtime
    except OSError:
        return False


def copy_snapshot(path: str) -> None:
    """Publish a snapshot of ``path`` while no writer can change it (a reader holds it).

    A write-ahead log left by a writer that died is folded into the copy, so the
    snapshot is always one self-contained file.
    """
    tmp = Path(f"{snapshot_path(path)}.{os.getpid()}.tmp")
    shutil.copyfile(path, tmp)
    wal = Path(f"{path}.wal")
    if wal.exists():
        shutil.copyfile(wal, f"{tmp}.wal")
        con = duckdb.connect(str(tmp))
        con.execute("CHECKPOINT")
        con.close()
    os.replace(tmp, snapshot_path(path))


class Publisher:
    """When and how a writer publishes snapshots: only for readers, at a bounded cost."""

    def __init__(self, path: str) -> None:
        self.path = path
        self._last = 0.0
        self._cost = 0.0
        self.pending = False  # commits since the last snapshot

    def due(self) -> bool:
        wait = max(PUBLISH_SECONDS, self._cost / PUBLISH_SHARE)
        return self.pending and time.monotonic() - self._last >= wait

    def publish(self, con: duckdb.DuckDBPyConnection) -> None:
        """Checkpoint and copy; call with no transaction open on ``con``."""
        started = time.monotonic()
        con.execute("CHECKPOINT")
        tmp = Path(f"{snapshot_path(self.path)}.{os.getpid()}.tmp")
        shutil.copyfile(self.path, tmp)
        os.replace(tmp, snapshot_path(self.path))
        self._last = time.monotonic()
        self._cost = self._last - started
        self.pending = False
