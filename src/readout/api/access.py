"""How the web app reaches the DuckDB store.

DuckDB lets one process write a file while no other process has it open, and
one process may not hold the same file open read-only and read-write at once.
So every request opens a short-lived connection and closes it again: other
tools (``readout ingest``) can write between requests, and the one write path
(POST an article) takes the lock alone while readers share it.
"""

from __future__ import annotations

import threading
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
    """Opens the database at ``path`` per request: read-only for reads."""

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        self._lock = ReadWriteLock()

    def prepare(self) -> None:
        """Create or migrate the database once, so read-only opens succeed later."""
        with self._lock.writing():
            try:
                Store(self.path).close()
            except StoreError:
                # Another process may be writing it; a readable database is enough.
                Store(self.path, read_only=True).close()

    @contextmanager
    def read(self) -> Iterator[Store]:
        with self._lock.reading():
            store = Store(self.path, read_only=True)
            try:
                yield store
            finally:
                store.close()

    def add(self, article: Article, events: list[Event]) -> AddResult:
        with self._lock.writing(), Store(self.path) as store:
            return store.add_article(article, events)
