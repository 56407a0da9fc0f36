"""The DuckDB store: one ``Store`` object per database file.

Writing goes through ``add_article`` (one transaction per article, see
``readout.store.write``); every read method returns plain JSON-able dicts and
lists (see ``readout.store.queries``), the shapes the API and the CLI print.
"""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path
from types import TracebackType
from typing import Any

import duckdb

from readout.errors import StoreError
from readout.model import Article, Event
from readout.store import queries
from readout.store.analysis import Analysis
from readout.store.dataset import open_dataset
from readout.store.schema import current_version, latest_version, migrate
from readout.store.write import AddResult, write_article

__all__ = ["AddResult", "Store"]

JSON = dict[str, Any]


class Store:
    """An open readout database. Use as a context manager, or call ``close``."""

    def __init__(self, path: str | Path = "readout.duckdb", *, read_only: bool = False) -> None:
        self.path = str(path)
        self.read_only = read_only
        # DuckDB connections are not safe to share between threads (the API's pool).
        self._lock = threading.RLock()
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
        self._con = _connect(self.path, read_only)
        if read_only:
            _check_version(self._con, self.path)
        else:
            migrate(self._con, self.path)
            self._actor_keys = {
                str(k) for (k,) in self._con.execute("SELECT key FROM actors").fetchall()
            }

    def close(self) -> None:
        with self._lock:
            self._con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # --- writing ---------------------------------------------------------

    def add_article(self, article: Article, events: list[Event]) -> AddResult:
        """Store one article and its event mentions in one transaction, merging the events."""
        if self.read_only:
            raise StoreError("database is open read-only", path=self.path)
        with self._lock:
            return write_article(
                self._con, article, events, path=self.path, known_actors=self._actor_keys
            )

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
        with self._lock:
            return queries.events(self._con, where, limit=limit, offset=offset, sort=sort)

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
        with self._lock:
            return queries.count_events(self._con, where)

    def event(self, event_id: str) -> JSON | None:
        with self._lock:
            return queries.event_detail(self._con, event_id)

    def actors(self, *, limit: int = 500, offset: int = 0) -> list[JSON]:
        with self._lock:
            return queries.actors(self._con, limit=limit, offset=offset)

    def actor(self, key: str) -> JSON | None:
        with self._lock:
            return queries.actor_detail(self._con, key)

    def timeline(self, **filters: Any) -> list[JSON]:
        """Dated events in date order, with the filters of ``events`` (no paging)."""
        where = queries.EventFilter(**filters)
        with self._lock:
            return queries.timeline(self._con, where)

    def analysis(self) -> Analysis:
        """Counts and groupings for charts, maps and exports (see ``store.analysis``)."""
        return Analysis(self._con, self._lock)

    def network(self, *, min_count: int = 1) -> JSON:
        with self._lock:
            return queries.network(self._con, min_count=min_count)

    def contradictions(self) -> list[JSON]:
        with self._lock:
            return queries.contradictions(self._con)

    def articles(self, *, limit: int = 100, offset: int = 0) -> list[JSON]:
        with self._lock:
            return queries.articles(self._con, limit=limit, offset=offset)

    def article(self, article_id: str) -> JSON | None:
        with self._lock:
            return queries.article_detail(self._con, article_id)

    def stats(self) -> JSON:
        with self._lock:
            return queries.stats(self._con)

    def search(self, q: str, *, limit: int = 50) -> list[JSON]:
        with self._lock:
            return queries.search(self._con, q, limit=limit)


def _connect(path: str, read_only: bool) -> duckdb.DuckDBPyConnection:
    if read_only and path != ":memory:" and not Path(path).is_file():
        raise StoreError("no such database (run `readout ingest` first)", path=path)
    try:
        return duckdb.connect(path, read_only=read_only)
    except duckdb.Error as exc:
        raise StoreError(f"cannot open database: {exc}", path=path) from exc


def _check_version(con: duckdb.DuckDBPyConnection, path: str) -> None:
    version = current_version(con)
    if version == 0:
        con.close()
        raise StoreError("not a readout database", path=path)
    if version < latest_version():
        con.close()
        raise StoreError("database schema is old; open it once for writing to migrate", path=path)
