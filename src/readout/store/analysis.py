"""Groupings of the events table for charts, maps, networks and exports.

Every method takes the filters of ``Store.events`` as an ``EventFilter`` and
returns plain rows; CAMEO codes come back as they are stored, so the caller
decides how to group them (QuadClass and intensity live in ``readout.export.scales``).
Parameterised SQL only.
"""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import dataclass
from typing import Any, Literal

import duckdb

from readout.store.queries import EventFilter
from readout.store.summaries import JSON, iso

Interval = Literal["week", "month"]


@dataclass(frozen=True)
class PeriodCount:
    period: dt.date  # the Monday of the week, or the first of the month
    type: str
    cameo: str | None
    count: int


@dataclass(frozen=True)
class PairCount:
    source: str  # actor keys
    target: str
    type: str
    cameo: str | None
    count: int


class Analysis:
    """Read-only groupings over one open connection (shared with the Store, under its lock)."""

    def __init__(self, con: duckdb.DuckDBPyConnection, lock: threading.RLock) -> None:
        self._con = con
        self._lock = lock

    def _rows(self, where: EventFilter, select: str, tail: str = "") -> list[tuple[Any, ...]]:
        with_sql, with_params = where.with_clause()
        clause, params = where.sql()
        sql = f"{with_sql}SELECT {select} FROM events e WHERE {clause} {tail}"
        with self._lock:
            return self._con.execute(sql, with_params + params).fetchall()

    def period_counts(self, where: EventFilter, interval: Interval) -> list[PeriodCount]:
        """Dated events per period (by their start), type and CAMEO code."""
        unit = "week" if interval == "week" else "month"
        rows = self._rows(
            where,
            f"date_trunc('{unit}', e.date_start)::DATE AS p, e.type, e.cameo, count(*)",
            "AND e.date_start IS NOT NULL GROUP BY ALL ORDER BY p, e.type, e.cameo",
        )
        return [PeriodCount(p, t, c, int(n)) for p, t, c, n in rows]

    def undated_count(self, where: EventFilter) -> int:
        rows = self._rows(where, "count(*)", "AND e.date_start IS NULL")
        return int(rows[0][0]) if rows else 0

    def pair_counts(self, where: EventFilter) -> list[PairCount]:
        """Events per directed pair of actors, type and CAMEO code."""
        rows = self._rows(
            where,
            "e.source_key, e.target_key, e.type, e.cameo, count(*)",
            "AND e.source_key IS NOT NULL AND e.target_key IS NOT NULL"
            " AND e.source_key <> e.target_key GROUP BY ALL",
        )
        return [PairCount(s, t, ty, c, int(n)) for s, t, ty, c, n in rows]

    def country_counts(self, where: EventFilter) -> list[tuple[str, str | None, int]]:
        """(country, CAMEO code, events) for each country on either side of an event."""
        with_sql, with_params = where.with_clause()
        clause, params = where.sql()
        sql = (
            f"{with_sql}SELECT c, cameo, count(DISTINCT id) FROM ("
            f" SELECT e.id, e.cameo, e.source_country AS c FROM events e WHERE {clause}"
            f" UNION ALL SELECT e.id, e.cameo, e.target_country FROM events e WHERE {clause}"
            ") WHERE c IS NOT NULL GROUP BY ALL"
        )
        with self._lock:
            rows = self._con.execute(sql, with_params + params + params).fetchall()
        return [(str(c), cameo, int(n)) for c, cameo, n in rows]

    def actor_names(self, keys: list[str]) -> dict[str, JSON]:
        """Name, country, sector and kind of each actor key."""
        with self._lock:
            rows = self._con.execute(
                "SELECT key, name, country, sector, kind FROM actors"
                " WHERE key IN (SELECT unnest(?::VARCHAR[]))",
                [sorted(set(keys))],
            ).fetchall()
        return {
            k: {"key": k, "name": n, "country": c, "sector": s, "kind": kind}
            for k, n, c, s, kind in rows
        }

    def event_articles(self, ids: list[str]) -> dict[str, list[JSON]]:
        """The articles reporting each event, first seen first: url, title, outlet, published."""
        if not ids:
            return {}
        with self._lock:
            rows = self._con.execute(
                "SELECT m.event_id, a.id, a.url, a.title, a.outlet, a.published, a.doc"
                " FROM mentions m JOIN articles a ON a.id = m.article_id"
                " WHERE m.event_id IN (SELECT unnest(?::VARCHAR[]))"
                " ORDER BY m.event_id, a.seq, m.id",
                [ids],
            ).fetchall()
        out: dict[str, list[JSON]] = {}
        for event_id, article_id, url, title, outlet, published, doc in rows:
            seen = out.setdefault(event_id, [])
            if any(item["article_id"] == article_id for item in seen):
                continue
            seen.append(
                {"article_id": article_id, "url": url, "title": title,
                 "outlet": outlet or doc, "published": published, "doc": doc}
            )  # fmt: skip
        return out

    def event_meta(self, ids: list[str]) -> dict[str, tuple[int, dt.datetime]]:
        """Each event's sequence number and when it was first stored."""
        if not ids:
            return {}
        with self._lock:
            rows = self._con.execute(
                "SELECT id, seq, first_seen FROM events WHERE id IN (SELECT unnest(?::VARCHAR[]))",
                [ids],
            ).fetchall()
        return {str(i): (int(seq), t) for i, seq, t in rows}


def period_label(period: dt.date, interval: Interval) -> str:
    return f"{iso(period)}" if interval == "week" else period.strftime("%Y-%m")
