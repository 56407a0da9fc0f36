"""Recompute one merged event from all its reports: date, status, sources, contradictions.

Called for each event a new mention touches, so merging stays incremental.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

import duckdb

from readout.store.merge import (
    Contradiction,
    Report,
    Span,
    derive_status,
    event_date,
    find_contradictions,
)

_REPORTS = """
SELECT m.id, m.status, m.hedged, m.mode, m.cameo, m.date_start, m.date_end, m.date_precision,
       m.date_text, m.json, m.outlet, m.published, m.article_seq
FROM mentions m
WHERE m.event_id = ?
ORDER BY m.article_seq, m.id
"""


def _claims(con: duckdb.DuckDBPyConnection, event_id: str) -> dict[str, list[tuple[str, str]]]:
    rows = con.execute(
        "SELECT mention_id, name, stance FROM claims WHERE event_id = ?",
        [event_id],
    ).fetchall()
    out: dict[str, list[tuple[str, str]]] = {}
    for mention_id, name, stance in rows:
        out.setdefault(mention_id, []).append((name, stance))
    return out


def _first_location(rows: list[tuple[Any, ...]]) -> tuple[Any, ...]:
    """Name, country, latitude, longitude and GeoNames id of the first report's place."""
    for row in rows:
        location = json.loads(row[9]).get("location")
        if location:
            keys = ("name", "country", "lat", "lon", "geonames_id")
            return tuple(location.get(key) for key in keys)
    return None, None, None, None, None


def _mode_and_cameo(rows: list[tuple[Any, ...]]) -> tuple[str | None, str | None]:
    # The first report that names a mode is the most specific one.
    for row in rows:
        if row[3] is not None:
            return row[3], row[4]
    return None, rows[0][4]


def refresh_event(con: duckdb.DuckDBPyConnection, event_id: str) -> None:
    rows = con.execute(_REPORTS, [event_id]).fetchall()
    if not rows:
        return
    claims = _claims(con, event_id)
    reports = [
        Report(
            status=row[1],
            outlet=str(row[10]),
            published=row[11],
            seq=int(row[12]),
            span=Span(row[5], row[6], row[7] or "day", row[8] or "") if row[5] else None,
            claims=tuple(claims.get(row[0], [])),
        )
        for row in rows
    ]
    span = event_date([r.span for r in reports if r.span is not None])
    contradictions = find_contradictions(reports, span)
    mode, cameo = _mode_and_cameo(rows)
    location, location_country, lat, lon, geonames = _first_location(rows)
    sources = list(dict.fromkeys(r.outlet for r in reports))
    con.execute(
        "UPDATE events SET mode = ?, cameo = ?, date_start = ?, date_end = ?, date_precision = ?,"
        " date_text = ?, status = ?, hedged = ?, reports = ?, sources = ?, location_name = ?,"
        " location_country = ?, location_lat = ?, location_lon = ?, location_geonames = ?,"
        " n_contradictions = ?, first_published = ? WHERE id = ?",
        [
            mode, cameo,
            span.start if span else None, span.end if span else None,
            span.precision if span else None, span.text if span else None,
            derive_status(reports), all(bool(row[2]) for row in rows), len(rows), sources,
            location, location_country, lat, lon, geonames, len(contradictions),
            min((r.published for r in reports if r.published), default=None), event_id,
        ],
    )  # fmt: skip
    write_contradictions(con, event_id, contradictions, replace=True)


def write_contradictions(
    con: duckdb.DuckDBPyConnection,
    event_id: str,
    contradictions: Sequence[Contradiction],
    *,
    replace: bool,
) -> None:
    if replace:
        con.execute("DELETE FROM contradictions WHERE event_id = ?", [event_id])
    if contradictions:
        con.executemany(
            "INSERT INTO contradictions VALUES (?, ?, ?, ?, ?)",
            [
                [event_id, c.kind, c.detail, list(c.sources_for), list(c.sources_against)]
                for c in contradictions
            ],
        )
