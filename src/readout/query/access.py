"""How the API and the web pages reach the DuckDB store: never blocked by a writer.

The server is a reader (see ``readout.store.snapshot``). It keeps one
read-only Store open and shares it between request threads, each of which
reads on its own cursor, so requests run side by side. A watcher thread looks
at the writer's lock a few times a second:

- a writer arrives (``readout ingest``, ``readout load``, or this server's own
  POST): the server makes sure a current snapshot exists (copying the file
  while it still holds it, so nothing can change under the copy), moves new
  requests to the snapshot and lets go of the file, so the writer can open it;
- the writer publishes a newer snapshot: new requests move to it;
- the writer is done: new requests move back to the file.

A request that started on the old Store finishes on it; a Store is closed when
its last request is done. Requests are never refused because of a writer, and
they see what was committed up to the latest snapshot.

``prepare`` opens the store the first time and reads all of it once: a
missing, damaged, foreign or outdated database stops the server before it
starts, and the server never creates or changes one (only POST writes).
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from readout.errors import StoreError
from readout.model import Article, Event
from readout.store.db import AddResult, Store, open_pinned_snapshot
from readout.store.snapshot import (
    ReaderMark,
    WriterLock,
    copy_snapshot,
    snapshot_is_current,
    snapshot_path,
    sweep_pins,
    writer_active,
)

log = logging.getLogger("readout.api")
POLL_SECONDS = 0.1
# How long a POST waits for another writer to finish before answering 503.
WRITE_WAIT_SECONDS = 2.0


class StoreBusy(StoreError):
    """Another process is writing the store; a POST cannot write now."""


@dataclass
class _Lease:
    """A Store and the requests using it; closed when retired and no longer used."""

    store: Store
    identity: tuple[int, int, int] | None  # the snapshot file read (inode, size, mtime)
    users: int = 0
    retired: bool = False


class StoreAccess:
    """Shares one read-only Store between requests; follows writers to their snapshots."""

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        self._lock = threading.Lock()
        self._switch = threading.Lock()  # one move between sources at a time
        self._write = threading.Lock()  # one POST at a time
        self._current: _Lease | None = None
        self._stop = threading.Event()
        self._watcher: threading.Thread | None = None
        self._mark: ReaderMark | None = None

    def prepare(self, *, verify: bool = True) -> None:
        """Open the store (and with ``verify`` read it all once); refuse a missing, damaged
        or foreign one."""
        sweep_pins(self.path)
        identity = _identity_of(self.path)
        store = Store.for_reading(self.path)
        try:
            if verify:
                store.verify()
        except BaseException:
            store.close()
            raise
        self._mark = ReaderMark(self.path)  # for as long as we serve: writers publish for us
        self._current = _Lease(store, identity if store.source == "snapshot" else None)
        self._watcher = threading.Thread(target=self._watch, name="readout-store", daemon=True)
        self._watcher.start()

    @property
    def source(self) -> str:
        """'database' or 'snapshot': where new requests read now."""
        current = self._current
        return current.store.source if current else "closed"

    @contextmanager
    def read(self) -> Iterator[Store]:
        lease = self._take()
        try:
            yield lease.store
        finally:
            self._give_back(lease)

    def add(self, article: Article, events: list[Event]) -> AddResult:
        """Write one article as the store's writer, while requests read the snapshot."""
        with self._write:
            lock = WriterLock(self.path)
            if not lock.acquire(wait=WRITE_WAIT_SECONDS):
                writer = writer_active(self.path)
                who = f" ({writer.describe()})" if writer else ""
                raise StoreBusy(f"another process{who} is writing the store", path=self.path)
            try:
                self._follow()  # move readers off the file now, not at the next look
                with Store(self.path, writer_lock=lock) as store:
                    result = store.add_article(article, events)
            finally:
                lock.release()
            self._follow()
            return result

    def close(self) -> None:
        self._stop.set()
        if self._watcher is not None:
            self._watcher.join(timeout=5)
        with self._lock:
            current, self._current = self._current, None
        if current is not None:
            self._retire(current)
        if self._mark is not None:
            self._mark.close()
            self._mark = None

    # --- leases ------------------------------------------------------------

    def _take(self) -> _Lease:
        with self._lock:
            lease = self._current
            if lease is None:
                raise StoreError("the server is shutting down", path=self.path)
            lease.users += 1
            return lease

    def _give_back(self, lease: _Lease) -> None:
        with self._lock:
            lease.users -= 1
            done = lease.retired and lease.users == 0
        if done:
            lease.store.close()

    def _retire(self, lease: _Lease) -> None:
        with self._lock:
            lease.retired = True
            done = lease.users == 0
        if done:
            lease.store.close()

    def _install(self, store: Store, identity: tuple[int, int, int] | None = None) -> None:
        with self._lock:
            old, self._current = self._current, _Lease(store, identity)
        if old is not None:
            self._retire(old)

    # --- following writers -------------------------------------------------

    def _watch(self) -> None:
        while not self._stop.wait(POLL_SECONDS):
            try:
                self._follow()
            except Exception as exc:  # a file being replaced: look again next time
                log.debug("cannot follow the writer yet: %s", exc)

    def _follow(self) -> None:
        """Move to where readers should read now (see the module's docstring)."""
        with self._switch:
            current = self._current
            if current is None:
                return
            writer = writer_active(self.path)
            if writer is not None and current.store.source == "database":
                if not snapshot_is_current(self.path):
                    copy_snapshot(self.path)  # we hold the file: it cannot change meanwhile
                self._install(*_open_snapshot(self.path))
            elif writer is not None and _identity_of(self.path) != current.identity:
                self._install(*_open_snapshot(self.path))
            elif writer is None and current.store.source == "snapshot":
                try:
                    self._install(Store(self.path, read_only=True))
                except StoreError:
                    return  # a writer got in first: it will be seen next time


def _open_snapshot(path: str) -> tuple[Store, tuple[int, int, int] | None]:
    """The snapshot (through a link of our own), and the identity of the file it was."""
    identity = _identity_of(path)
    return open_pinned_snapshot(path), identity


def _identity_of(path: str) -> tuple[int, int, int] | None:
    try:
        info = os.stat(snapshot_path(path))
    except OSError:
        return None
    return (info.st_ino, info.st_size, info.st_mtime_ns)
