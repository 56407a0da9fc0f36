"""How the API and the web pages reach the DuckDB store.

DuckDB lets one process write a file only while no other process has it open,
and one process may not hold a file open read-only and read-write at once.
Opening costs ~0.1-0.2 s, too slow per request, so readers share one read-only
Store that is closed again after a few idle seconds: other tools (``readout
ingest``) can write between bursts of requests, and a fresh open sees their
changes. The one write path (POST an article) closes the shared Store, writes
alone under the lock, and the next reader reopens.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from readout.errors import StoreError
from readout.model import Article, Event
from readout.store.db import AddResult, Store


class ReadWriteLock:
    """Many readers or one writer; writers wait for readers to finish."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._readers = 0
        self._writing = False

    @contextmanager
    def reading(self) -> Iterator[None]:
        with self._cond:
            self._cond.wait_for(lambda: not self._writing)
            self._readers += 1
        try:
            yield
        finally:
            with self._cond:
                self._readers -= 1
                self._cond.notify_all()

    @contextmanager
    def writing(self) -> Iterator[None]:
        with self._cond:
            self._cond.wait_for(lambda: not self._writing and self._readers == 0)
            self._writing = True
        try:
            yield
        finally:
            with self._cond:
                self._writing = False
                self._cond.notify_all()


class StoreAccess:
    """Shares one read-only Store between requests; writes open their own."""

    IDLE_SECONDS = 5.0

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        self._lock = ReadWriteLock()
        self._open_lock = threading.Lock()
        self._shared: Store | None = None
        self._last_read = time.monotonic()
        self._stop = threading.Event()
        self._closer: threading.Thread | None = None

    def prepare(self) -> None:
        """Create or migrate the database once, so read-only opens succeed later."""
        with self._lock.writing():
            try:
                Store(self.path).close()
            except StoreError:
                # Another process may be writing it; a readable database is enough.
                Store(self.path, read_only=True).close()
        self._closer = threading.Thread(target=self._close_when_idle, daemon=True)
        self._closer.start()

    @contextmanager
    def read(self) -> Iterator[Store]:
        with self._lock.reading():
            yield self._shared_store()

    def add(self, article: Article, events: list[Event]) -> AddResult:
        with self._lock.writing():
            self._close_shared()
            with Store(self.path) as store:
                return store.add_article(article, events)

    def close(self) -> None:
        self._stop.set()
        with self._lock.writing():
            self._close_shared()

    def _shared_store(self) -> Store:
        with self._open_lock:
            self._last_read = time.monotonic()
            if self._shared is None:
                self._shared = Store(self.path, read_only=True)
            return self._shared

    def _close_shared(self) -> None:
        with self._open_lock:
            if self._shared is not None:
                self._shared.close()
                self._shared = None

    def _close_when_idle(self) -> None:
        while not self._stop.wait(1.0):
            if self._shared is not None and time.monotonic() - self._last_read > self.IDLE_SECONDS:
                with self._lock.writing():
                    if time.monotonic() - self._last_read > self.IDLE_SECONDS:
                        self._close_shared()
