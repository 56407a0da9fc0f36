"""The DuckDB store: one ``Store`` object per database file.

Writing goes through ``add_article`` (one transaction per article, see
``readout.store.write``); every read method returns plain JSON-able dicts and
lists (see ``readout.store.queries``), the shapes the API and the CLI print.

Reads run on a DuckDB cursor per thread (a cursor is its own connection to
the same database), so a server's threads read at the same time, each seeing
what was committed when its query began, even while this process writes.

A writer and readers in different processes share the file through the lock
and snapshot of ``readout.store.snapshot``: ``Store(path)`` takes the writer's
lock (waiting for another writer's turn), and ``Store.for_reading(path)`` reads
the database, or the snapshot a writer publishes while it writes.

A database that DuckDB cannot read (truncated, a flipped bit, not DuckDB at
all) is a ``StoreError`` naming the file and what to do, at open or at the
first query that meets the damage; ``verify`` reads every row to find it
early. A DuckDB file that holds other tables than readout's is refused, never
changed.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
import time
import weakref
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import Any, TypeVar, cast

import duckdb

from readout.errors import StoreError
from readout.model import Article, Event
from readout.store import queries
from readout.store.analysis import Analysis
from readout.store.dataset import open_dataset
from readout.store.opening import (
    check_version,
    connect,
    damaged,
    refuse_foreign,
    take_writer_lock,
)
from readout.store.schema import migrate, table_names
from readout.store.snapshot import (
    Publisher,
    ReaderMark,
    WriterLock,
    pin_snapshot,
    readers_present,
    snapshot_since,
    unpin,
    writer_active,
)
from readout.store.write import AddResult, write_article

__all__ = ["AddResult", "Store"]

JSON = dict[str, Any]
# How long a writer waits for readers to let go of the file, and a reader for a snapshot.
WAIT_SECONDS = 60.0
PUBLISH_CHECK_SECONDS = 0.25
MEMO_ENTRIES = 64
T = TypeVar("T")
log = logging.getLogger("readout.store")


class Store:
    """An open readout database. Use as a context manager, or call ``close``."""

    def __init__(
        self,
        path: str | Path = "readout.duckdb",
        *,
        read_only: bool = False,
        writer_lock: WriterLock | None = None,
    ) -> None:
        """Open ``path``: read-only, or as its one writer (waiting for another writer's turn;
        ``writer_lock`` hands over a lock already taken)."""
        self.path = str(path)
        self.read_only = read_only
        self.source = "database"  # or "snapshot", for a Store from ``for_reading``
        # The writer's connection is not shared between threads; readers get their own cursor.
        self._lock = threading.RLock()
        self._local = threading.local()
        self._cursors: list[duckdb.DuckDBPyConnection] = []
        self._mark: ReaderMark | None = None
        self._pin: Path | None = None  # our own link to a snapshot, removed on close
        self._memo: OrderedDict[Hashable, object] = OrderedDict()
        self._stop_publishing = threading.Event()
        self._writer: WriterLock | None = None
        self._publisher: Publisher | None = None
        self._actor_keys: set[str] = set()
        if Path(self.path).is_dir():  # a Parquet dataset of ``readout run``, read in place
            if not read_only:
                raise StoreError(
                    "a dataset of `readout run` is read in place, not written: "
                    "`readout load` it into a database to add articles",
                    path=self.path,
                )
            self._con = open_dataset(self.path)
            return
        if not read_only and self.path != ":memory:":
            self._writer = writer_lock or take_writer_lock(self.path)
        try:
            self._con = connect(self.path, read_only, wait=0.0 if read_only else WAIT_SECONDS)
        except BaseException:
            self._release_writer()
            raise
        try:
            if read_only:
                check_version(self._con, self.path)
            else:
                refuse_foreign(self._con, self.path)
                migrate(self._con, self.path)
                self._actor_keys = {
                    str(k) for (k,) in self._con.execute("SELECT key FROM actors").fetchall()
                }
                if self._writer is not None:
                    self._publisher = Publisher(self.path)
                    self._publisher.pending = True
                    self._publish_for_readers(force=True)
                    self._start_publishing()
        except duckdb.Error as exc:
            self._abandon()
            raise damaged(self.path, exc) from exc
        except BaseException:
            self._abandon()
            raise

    @classmethod
    def for_reading(cls, path: str | Path, *, wait: float = WAIT_SECONDS) -> Store:
        """The database as committed, for reading now: the file itself, or while a writer
        is at work the snapshot it publishes (waiting up to ``wait`` s for a fresh one)."""
        path = str(path)
        if Path(path).is_dir():  # a dataset is never written in place: no writer to follow
            return cls(path, read_only=True)
        if path != ":memory:" and not Path(path).is_file():
            raise StoreError("no such database (run `readout ingest` first)", path=path)
        mark = ReaderMark(path) if path != ":memory:" else None
        deadline = time.monotonic() + wait
        try:
            while True:
                store = _reader_now(path)
                if store is not None:
                    store._mark = mark
                    return store
                if time.monotonic() >= deadline:
                    writer = writer_active(path)
                    who = f" ({writer.describe()})" if writer else ""
                    raise StoreError(
                        f"a writer{who} has the database and no snapshot of it is ready; "
                        "try again in a moment",
                        path=path,
                    )
                time.sleep(0.1)
        except BaseException:
            if mark is not None:
                mark.close()
            raise

    def close(self) -> None:
        self._stop_publishing.set()
        with self._lock:
            try:
                self._publish_for_readers(force=True)
            finally:
                self._abandon()

    def _start_publishing(self) -> None:
        """Publish commits for readers even while the writer is busy between commits.

        The thread holds the Store only weakly, so a Store that is dropped without
        ``close`` is still collected (and its connection and lock released)."""
        stop, store_ref = self._stop_publishing, weakref.ref(self)

        def publish_when_due() -> None:
            while not stop.wait(PUBLISH_CHECK_SECONDS):
                store = store_ref()
                if store is None:
                    return
                with store._lock:
                    if not stop.is_set():
                        store._publish_for_readers()
                del store

        threading.Thread(target=publish_when_due, name="readout-publish", daemon=True).start()

    def __del__(self) -> None:
        self._stop_publishing.set()

    def _abandon(self) -> None:
        for cursor in self._cursors:
            cursor.close()
        self._cursors.clear()
        self._con.close()
        self._release_writer()
        if self._mark is not None:
            self._mark.close()
            self._mark = None
        if self._pin is not None:
            unpin(self._pin)
            self._pin = None

    def _release_writer(self) -> None:
        if self._writer is not None:
            self._writer.release()
            self._writer = None

    def _publish_for_readers(self, *, force: bool = False) -> None:
        """Publish a snapshot when someone reads and one is due (or owed, with ``force``)."""
        publisher = self._publisher
        if publisher is None or not publisher.pending:
            return
        if (force or publisher.due()) and readers_present(self.path):
            try:
                publisher.publish(self._con)
            except (OSError, duckdb.Error) as exc:  # readers wait a little longer
                log.warning("%s: cannot publish a snapshot for readers (%s)", self.path, exc)

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    @contextmanager
    def _reading(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """This thread's cursor; a DuckDB error on the way is a StoreError naming the file."""
        cursor: duckdb.DuckDBPyConnection | None = getattr(self._local, "cursor", None)
        try:
            if cursor is None:
                with self._lock:
                    cursor = self._con.cursor()
                    self._cursors.append(cursor)
                self._local.cursor = cursor
            yield cursor
        except duckdb.Error as exc:
            raise damaged(self.path, exc) from exc

    def memo(self, key: Hashable, compute: Callable[[], T]) -> T:
        """``compute()``, remembered under ``key`` for as long as this Store is open.

        A read-only Store sees one fixed state of the database (a writer never
        changes the file under a reader: it waits, or publishes a new snapshot that
        is opened as a new Store), so a whole-store view such as the laid-out network
        can be computed once per Store. Writers do not cache."""
        if not self.read_only:
            return compute()
        with self._lock:
            if key in self._memo:
                self._memo.move_to_end(key)
                return cast(T, self._memo[key])
        value = compute()
        with self._lock:
            self._memo[key] = value
            while len(self._memo) > MEMO_ENTRIES:
                self._memo.popitem(last=False)
        return value

    def verify(self) -> None:
        """Read every row of every table once: a damaged block is a StoreError now,
        not a failure in the middle of some later request."""
        with self._reading() as con:
            for name in table_names(con):
                con.execute(f'SELECT count(*), sum(hash(t)) FROM "{name}" t').fetchall()

    # --- writing ---------------------------------------------------------

    def add_article(self, article: Article, events: list[Event]) -> AddResult:
        """Store one article and its event mentions in one transaction, merging the events."""
        if self.read_only:
            raise StoreError("database is open read-only", path=self.path)
        with self._lock:
            result = write_article(
                self._con, article, events, path=self.path, known_actors=self._actor_keys
            )
            if self._publisher is not None:
                self._publisher.pending = True
            return result

    # --- reading ---------------------------------------------------------

    def events(
        self,
        *,
        actor: str | None = None,
        country: str | None = None,
        type: str | None = None,
        status: str | None = None,
        since: dt.date | None = None,
        until: dt.date | None = None,
        q: str | None = None,
        pair: tuple[str, str] | None = None,
        limit: int = 100,
        offset: int = 0,
        sort: str | None = None,
    ) -> list[JSON]:
        """Events matching every filter; ``sort`` is a key of ``queries.SORTS`` ("-date")."""
        where = queries.EventFilter(actor, country, type, status, since, until, q, pair)
        with self._reading() as con:
            return queries.events(con, where, limit=limit, offset=offset, sort=sort)

    def count_events(
        self,
        *,
        actor: str | None = None,
        country: str | None = None,
        type: str | None = None,
        status: str | None = None,
        since: dt.date | None = None,
        until: dt.date | None = None,
        q: str | None = None,
        pair: tuple[str, str] | None = None,
    ) -> int:
        where = queries.EventFilter(actor, country, type, status, since, until, q, pair)
        with self._reading() as con:
            return queries.count_events(con, where)

    def event(self, event_id: str) -> JSON | None:
        with self._reading() as con:
            return queries.event_detail(con, event_id)

    def actors(self, *, limit: int = 500, offset: int = 0) -> list[JSON]:
        with self._reading() as con:
            return queries.actors(con, limit=limit, offset=offset)

    def actor(self, key: str) -> JSON | None:
        with self._reading() as con:
            return queries.actor_detail(con, key)

    def timeline(self, **filters: Any) -> list[JSON]:
        """Dated events in date order, with the filters of ``events`` (no paging)."""
        where = queries.EventFilter(**filters)
        with self._reading() as con:
            return queries.timeline(con, where)

    def analysis(self) -> Analysis:
        """Counts and groupings for charts, maps and exports (see ``store.analysis``),
        on this thread's cursor."""
        with self._reading() as con:
            return Analysis(con, threading.RLock())

    def network(self, *, min_count: int = 1) -> JSON:
        with self._reading() as con:
            return queries.network(con, min_count=min_count)

    def contradictions(self) -> list[JSON]:
        with self._reading() as con:
            return queries.contradictions(con)

    def articles(self, *, limit: int = 100, offset: int = 0) -> list[JSON]:
        with self._reading() as con:
            return queries.articles(con, limit=limit, offset=offset)

    def article(self, article_id: str) -> JSON | None:
        with self._reading() as con:
            return queries.article_detail(con, article_id)

    def stats(self) -> JSON:
        with self._reading() as con:
            return queries.stats(con)

    def search(self, q: str, *, limit: int = 50) -> list[JSON]:
        with self._reading() as con:
            return queries.search(con, q, limit=limit)


def _reader_now(path: str) -> Store | None:
    """A read-only Store on the file or on its snapshot, or None when neither is ready."""
    writer = writer_active(path) if path != ":memory:" else None
    if writer is None:
        try:
            return Store(path, read_only=True)
        except StoreError as err:
            if "in use by another process" not in str(err):
                raise
            return None  # a writer got in between: look again
    published = snapshot_since(path)
    if published is None or published < writer.since:
        return None  # the writer publishes one soon: it sees us reading
    try:
        return open_pinned_snapshot(path)
    except (StoreError, OSError):
        return None  # replaced while we opened it: look again


def open_pinned_snapshot(path: str) -> Store:
    """The current snapshot of ``path``, read through a link of our own (see snapshot.py)."""
    link = pin_snapshot(path)
    try:
        store = Store(link, read_only=True)
    except BaseException:
        unpin(link)
        raise
    store.source = "snapshot"
    store._pin = link
    return store
