"""Read queries of the store. Parameterised SQL only: user text never becomes SQL."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import duckdb

from readout.store.summaries import (
    EVENT_COLUMNS,
    JSON,
    attribution_dict,
    date_dict,
    iso,
    summaries,
)


@dataclass(frozen=True)
class EventFilter:
    actor: str | None = None
    country: str | None = None
    type: str | None = None
    status: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    q: str | None = None
    pair: tuple[str, str] | None = None  # two actor keys: events between them, either way

    def sql(self) -> tuple[str, list[Any]]:
        """A WHERE clause over ``events e`` and its parameters."""
        clauses: list[str] = ["TRUE"]
        params: list[Any] = []
        if self.actor:
            clauses.append(
                "(e.source_key IN (SELECT key FROM _matched) OR e.target_key IN (SELECT key FROM _matched)"
                " OR e.source_country = upper(?) OR e.target_country = upper(?))"
            )
            params += [self.actor, self.actor]
        if self.country:
            clauses.append("(e.source_country = upper(?) OR e.target_country = upper(?))")
            params += [self.country, self.country]
        if self.type:
            clauses.append("e.type = upper(?)")
            params.append(self.type)
        if self.status:
            clauses.append("e.status = lower(?)")
            params.append(self.status)
        if self.since:
            clauses.append("e.date_end >= ?")
            params.append(self.since)
        if self.until:
            clauses.append("e.date_start <= ?")
            params.append(self.until)
        if self.q:
            clauses.append(f"e.id IN ({_TEXT_MATCH})")
            params += [self.q] * 3
        if self.pair:
            clauses.append(
                "((e.source_key = ? AND e.target_key = ?) OR (e.source_key = ? AND e.target_key = ?))"
            )
            a, b = self.pair
            params += [a, b, b, a]
        return " AND ".join(clauses), params

    def with_clause(self) -> tuple[str, list[Any]]:
        """Actors matching ``--actor``: by key, KB id, exact or partial name."""
        if not self.actor:
            return "", []
        sql = (
            "WITH _matched AS (SELECT key FROM actors WHERE lower(key) = lower(?) OR kb_id = ?"
            " OR contains(lower(name), lower(?))) "
        )
        return sql, [self.actor] * 3


# Events whose evidence, actor names or article titles contain the text.
_TEXT_MATCH = """
SELECT m.event_id FROM mentions m
  JOIN articles a ON a.id = m.article_id
  LEFT JOIN actors s ON s.key = m.source_key
  LEFT JOIN actors t ON t.key = m.target_key
WHERE contains(lower(m.sentence), lower(?))
   OR contains(lower(coalesce(s.name, '') || ' ' || coalesce(t.name, '')), lower(?))
   OR contains(lower(coalesce(a.title, '')), lower(?))
"""


def _select_events(
    con: duckdb.DuckDBPyConnection, where: EventFilter, tail: str, extra: list[Any]
) -> list[tuple[Any, ...]]:
    with_sql, with_params = where.with_clause()
    clause, params = where.sql()
    sql = f"{with_sql}SELECT {EVENT_COLUMNS} FROM events e WHERE {clause} {tail}"
    return con.execute(sql, with_params + params + extra).fetchall()


# Orders a list of events may be sorted by (a leading "-" reverses), as SQL over ``events e``.
SORTS: dict[str, str] = {
    "date": "e.date_start {dir} NULLS LAST, e.date_end {dir} NULLS LAST, e.seq {dir}",
    "type": "e.type {dir}, e.date_start NULLS LAST, e.seq",
    "status": "e.status {dir}, e.date_start NULLS LAST, e.seq",
    "reports": "e.reports {dir}, e.date_start NULLS LAST, e.seq",
    "source": "(SELECT lower(name) FROM actors WHERE key = e.source_key) {dir} NULLS LAST, e.seq",
    "target": "(SELECT lower(name) FROM actors WHERE key = e.target_key) {dir} NULLS LAST, e.seq",
    "cameo": "e.cameo {dir} NULLS LAST, e.seq",
    "seen": "e.seq {dir}",
}


def order_by(sort: str | None) -> str:
    """The ORDER BY clause for a sort key from ``SORTS`` ("-date": newest first)."""
    key = (sort or "date").lstrip("-")
    template = SORTS.get(key, SORTS["date"])
    return "ORDER BY " + template.format(dir="DESC" if (sort or "").startswith("-") else "ASC")


def events(
    con: duckdb.DuckDBPyConnection,
    where: EventFilter,
    *,
    limit: int = 100,
    offset: int = 0,
    sort: str | None = None,
) -> list[JSON]:
    tail = f"{order_by(sort)} LIMIT ? OFFSET ?"
    return summaries(con, _select_events(con, where, tail, [max(limit, 0), max(offset, 0)]))


def count_events(con: duckdb.DuckDBPyConnection, where: EventFilter) -> int:
    with_sql, with_params = where.with_clause()
    clause, params = where.sql()
    row = con.execute(
        f"{with_sql}SELECT count(*) FROM events e WHERE {clause}", with_params + params
    ).fetchone()
    return int(row[0]) if row else 0


def timeline(con: duckdb.DuckDBPyConnection, where: EventFilter) -> list[JSON]:
    tail = "AND e.date_start IS NOT NULL ORDER BY e.date_start, e.id"
    return summaries(con, _select_events(con, where, tail, []))


def _summary_by_id(con: duckdb.DuckDBPyConnection, event_id: str) -> JSON | None:
    rows = con.execute(
        f"SELECT {EVENT_COLUMNS} FROM events e WHERE e.id = ?", [event_id]
    ).fetchall()
    found = summaries(con, rows)
    return found[0] if found else None


_MENTIONS = """
SELECT m.id, m.article_id, a.doc, a.title, a.outlet, a.url, a.published, m.type, m.mode,
       m.status, m.hedged, m.date_start, m.date_end, m.date_precision, m.date_text,
       m.sentence, m.start_char, m.end_char
FROM mentions m JOIN articles a ON a.id = m.article_id
WHERE m.event_id = ? ORDER BY a.seq, m.id
"""


def _mention_claims(con: duckdb.DuckDBPyConnection, event_id: str) -> dict[str, list[JSON]]:
    rows = con.execute(
        "SELECT c.mention_id, c.name, c.kind, c.stance, c.hedged, c.country FROM claims c"
        " JOIN mentions m ON m.id = c.mention_id WHERE m.event_id = ?",
        [event_id],
    ).fetchall()
    out: dict[str, list[JSON]] = {}
    for mention_id, *claim in rows:
        out.setdefault(mention_id, []).append(attribution_dict(*claim))
    return out


def event_detail(con: duckdb.DuckDBPyConnection, event_id: str) -> JSON | None:
    """The event summary, every report of it, and its contradictions."""
    summary = _summary_by_id(con, event_id)
    if summary is None:
        return None
    claims = _mention_claims(con, event_id)
    mentions = []
    for row in con.execute(_MENTIONS, [event_id]).fetchall():
        (mention_id, article_id, doc, title, outlet, url, published, type_, mode, status, hedged,
         start, end, precision, text, sentence, start_char, end_char) = row  # fmt: skip
        mentions.append(
            {
                "mention_id": mention_id, "article_id": article_id, "doc": doc, "title": title,
                "outlet": outlet, "url": url, "published": iso(published), "type": type_,
                "mode": mode, "status": status, "hedged": bool(hedged),
                "date": date_dict(start, end, precision, text), "sentence": sentence,
                "start": start_char, "end": end_char, "attribution": claims.get(mention_id, []),
            }
        )  # fmt: skip
    summary["mentions"] = mentions
    summary["contradiction_list"] = [
        {"kind": k, "detail": d, "sources_for": list(f or []), "sources_against": list(a or [])}
        for k, d, f, a in con.execute(
            "SELECT kind, detail, sources_for, sources_against FROM contradictions"
            " WHERE event_id = ? ORDER BY kind",
            [event_id],
        ).fetchall()
    ]
    return summary


_ACTOR_COUNTS = """
WITH sides AS (
  SELECT id, source_key AS key FROM events WHERE source_key IS NOT NULL
  UNION SELECT id, target_key FROM events WHERE target_key IS NOT NULL)
SELECT a.key, a.name, a.country, a.sector, a.role, a.kind, count(DISTINCT s.id) AS n
FROM actors a LEFT JOIN sides s ON s.key = a.key
"""


def _actor_item(row: tuple[Any, ...]) -> JSON:
    key, name, country, sector, role, kind, n = row
    return {"key": key, "name": name, "country": country, "sector": sector, "role": role,
            "kind": kind, "events": int(n)}  # fmt: skip


def actors(con: duckdb.DuckDBPyConnection, *, limit: int = 500, offset: int = 0) -> list[JSON]:
    rows = con.execute(
        _ACTOR_COUNTS + " GROUP BY ALL HAVING n > 0 ORDER BY n DESC, a.name LIMIT ? OFFSET ?",
        [max(limit, 0), max(offset, 0)],
    ).fetchall()
    return [_actor_item(row) for row in rows]


def actor_detail(con: duckdb.DuckDBPyConnection, key: str) -> JSON | None:
    rows = con.execute(_ACTOR_COUNTS + " WHERE a.key = ? GROUP BY ALL", [key]).fetchall()
    if not rows:
        return None
    item = _actor_item(rows[0])
    event_rows = con.execute(
        f"SELECT {EVENT_COLUMNS} FROM events e WHERE e.source_key = ? OR e.target_key = ?"
        " ORDER BY e.date_start NULLS LAST, e.seq",
        [key, key],
    ).fetchall()
    item["events"] = summaries(con, event_rows)
    partners = con.execute(
        "SELECT p.key, p.name, count(*) AS n FROM ("
        " SELECT target_key AS other FROM events WHERE source_key = ? AND target_key IS NOT NULL"
        " UNION ALL SELECT source_key FROM events WHERE target_key = ? AND source_key IS NOT NULL"
        ") x JOIN actors p ON p.key = x.other GROUP BY ALL ORDER BY n DESC, p.name",
        [key, key],
    ).fetchall()
    item["partners"] = [{"key": k, "name": n, "count": int(c)} for k, n, c in partners]
    return item


def network(con: duckdb.DuckDBPyConnection, *, min_count: int = 1) -> JSON:
    edges = con.execute(
        "SELECT source_key, target_key, type, count(*) AS n FROM events"
        " WHERE source_key IS NOT NULL AND target_key IS NOT NULL AND source_key <> target_key"
        " GROUP BY ALL HAVING n >= ? ORDER BY n DESC, source_key, target_key, type",
        [min_count],
    ).fetchall()
    keys = sorted({k for s, t, _, _ in edges for k in (s, t)})
    nodes = con.execute(
        _ACTOR_COUNTS + " WHERE a.key IN (SELECT unnest(?::VARCHAR[])) GROUP BY ALL ORDER BY a.key",
        [keys],
    ).fetchall()
    return {
        "nodes": [
            {"id": k, "name": n, "country": c, "events": int(e)} for k, n, c, _, _, _, e in nodes
        ],
        "edges": [{"source": s, "target": t, "type": ty, "count": int(n)} for s, t, ty, n in edges],
    }


def contradictions(con: duckdb.DuckDBPyConnection) -> list[JSON]:
    rows = con.execute(
        "SELECT c.event_id, c.kind, c.detail, c.sources_for, c.sources_against FROM contradictions c"
        " JOIN events e ON e.id = c.event_id ORDER BY e.date_start NULLS LAST, e.seq, c.kind"
    ).fetchall()
    event_rows = con.execute(
        f"SELECT {EVENT_COLUMNS} FROM events e WHERE e.id IN (SELECT unnest(?::VARCHAR[]))",
        [sorted({r[0] for r in rows})],
    ).fetchall()
    by_id = {s["id"]: s for s in summaries(con, event_rows)}
    return [
        {"event_id": event_id, "event": by_id[event_id], "kind": kind, "detail": detail,
         "sources_for": list(pro or []), "sources_against": list(con_ or [])}
        for event_id, kind, detail, pro, con_ in rows
    ]  # fmt: skip


_ARTICLE_COLUMNS = """
SELECT a.id, a.doc, a.url, a.title, a.outlet, a.published, a.published_source,
       (SELECT count(DISTINCT m.event_id) FROM mentions m WHERE m.article_id = a.id),
       a.duplicate_of
FROM articles a
"""


def _article_item(row: tuple[Any, ...]) -> JSON:
    article_id, doc, url, title, outlet, published, source, n, duplicate_of = row
    return {"id": article_id, "doc": doc, "url": url, "title": title, "outlet": outlet,
            "published": iso(published), "published_source": source, "events": int(n),
            "duplicate_of": duplicate_of}  # fmt: skip


def articles(con: duckdb.DuckDBPyConnection, *, limit: int = 100, offset: int = 0) -> list[JSON]:
    rows = con.execute(
        _ARTICLE_COLUMNS + " ORDER BY a.seq LIMIT ? OFFSET ?", [max(limit, 0), max(offset, 0)]
    ).fetchall()
    return [_article_item(row) for row in rows]


def article_detail(con: duckdb.DuckDBPyConnection, article_id: str) -> JSON | None:
    rows = con.execute(_ARTICLE_COLUMNS + " WHERE a.id = ?", [article_id]).fetchall()
    if not rows:
        return None
    item = _article_item(rows[0])
    text = con.execute("SELECT text FROM articles WHERE id = ?", [article_id]).fetchone()
    item["text"] = text[0] if text else ""
    mentions = con.execute(
        "SELECT id, event_id, start_char, end_char FROM mentions WHERE article_id = ?"
        " ORDER BY start_char NULLS LAST, id",
        [article_id],
    ).fetchall()
    event_rows = con.execute(
        f"SELECT {EVENT_COLUMNS} FROM events e WHERE e.id IN (SELECT unnest(?::VARCHAR[]))",
        [sorted({m[1] for m in mentions})],
    ).fetchall()
    by_id = {s["id"]: s for s in summaries(con, event_rows)}
    item["events"] = [
        {**by_id[event_id], "mention_id": mention_id, "start": start, "end": end}
        for mention_id, event_id, start, end in mentions
    ]
    return item


def stats(con: duckdb.DuckDBPyConnection) -> JSON:
    def scalar(sql: str) -> int:
        row = con.execute(sql).fetchone()
        return int(row[0]) if row else 0

    def grouped(column: str) -> dict[str, int]:
        rows = con.execute(
            f"SELECT {column}, count(*) FROM events GROUP BY 1 ORDER BY 1"
        ).fetchall()
        return {str(k): int(n) for k, n in rows}

    return {
        "articles": scalar("SELECT count(*) FROM articles"),
        "mentions": scalar("SELECT count(*) FROM mentions"),
        "events": scalar("SELECT count(*) FROM events"),
        "actors": scalar("SELECT count(*) FROM actors"),
        "contradictions": scalar("SELECT count(*) FROM contradictions"),
        "by_type": grouped("type"),
        "by_status": grouped("status"),
    }


def search(con: duckdb.DuckDBPyConnection, q: str, *, limit: int = 50) -> list[JSON]:
    """Events and articles whose text, actors or title contain ``q`` (case-insensitive)."""
    if not q.strip():
        return []
    found = [{"kind": "event", **s} for s in events(con, EventFilter(q=q), limit=limit)]
    rows = con.execute(
        _ARTICLE_COLUMNS
        + " WHERE contains(lower(coalesce(a.title, '') || ' ' || a.text), lower(?))"
        " ORDER BY a.seq LIMIT ?",
        [q, max(limit - len(found), 0)],
    ).fetchall()
    return found + [{"kind": "article", **_article_item(row)} for row in rows]
