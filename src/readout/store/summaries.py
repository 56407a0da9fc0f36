"""Turn rows of the events table into the JSON-able event summaries of the store contract."""

from __future__ import annotations

import datetime as dt
from typing import Any

import duckdb

JSON = dict[str, Any]

EVENT_COLUMNS = (
    "id, type, mode, cameo, source_key, target_key, date_start, date_end, date_precision,"
    " date_text, status, hedged, location_name, location_country, reports, sources,"
    " n_contradictions, location_lat, location_lon, location_geonames"
)


def iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value is not None else None


def date_dict(
    start: dt.date | None, end: dt.date | None, precision: str | None, text: str | None
) -> JSON | None:
    if start is None or end is None:
        return None
    return {"start": iso(start), "end": iso(end), "precision": precision, "text": text or ""}


def actor_dicts(con: duckdb.DuckDBPyConnection, keys: set[str]) -> dict[str, JSON]:
    if not keys:
        return {}
    rows = con.execute(
        "SELECT key, name, country, sector, role, kind FROM actors"
        " WHERE key IN (SELECT unnest(?::VARCHAR[]))",
        [sorted(keys)],
    ).fetchall()
    return {
        key: {
            "name": name,
            "country": country,
            "sector": sector,
            "role": role,
            "kind": kind,
            "key": key,
        }
        for key, name, country, sector, role, kind in rows
    }


def attribution_dict(
    name: str, kind: str | None, stance: str, hedged: bool, country: str | None
) -> JSON:
    out: JSON = {"name": name, "kind": kind, "stance": stance, "hedged": bool(hedged)}
    if country:
        out["country"] = country
    return out


def _attributions(con: duckdb.DuckDBPyConnection, ids: list[str]) -> dict[str, list[JSON]]:
    rows = con.execute(
        "SELECT DISTINCT m.event_id, c.name, c.kind, c.stance, c.hedged, c.country"
        " FROM claims c JOIN mentions m ON m.id = c.mention_id"
        " WHERE m.event_id IN (SELECT unnest(?::VARCHAR[]))"
        " ORDER BY m.event_id, c.name, c.stance",
        [ids],
    ).fetchall()
    out: dict[str, list[JSON]] = {}
    for event_id, *claim in rows:
        out.setdefault(event_id, []).append(attribution_dict(*claim))
    return out


def _evidence(con: duckdb.DuckDBPyConnection, ids: list[str]) -> dict[str, list[JSON]]:
    rows = con.execute(
        "SELECT m.event_id, a.doc, m.sentence, m.start_char, m.end_char"
        " FROM mentions m JOIN articles a ON a.id = m.article_id"
        " WHERE m.event_id IN (SELECT unnest(?::VARCHAR[])) AND m.sentence IS NOT NULL"
        " ORDER BY m.event_id, a.seq, m.id",
        [ids],
    ).fetchall()
    out: dict[str, list[JSON]] = {}
    for event_id, doc, sentence, start, end in rows:
        out.setdefault(event_id, []).append(
            {"doc": doc, "sentence": sentence, "start": start, "end": end}
        )
    return out


def _location(
    name: str | None,
    country: str | None,
    lat: float | None,
    lon: float | None,
    geonames: int | None,
) -> JSON | None:
    if not name:
        return None
    out: JSON = {"name": name, "country": country}
    if lat is not None and lon is not None:
        out.update(lat=lat, lon=lon, geonames_id=geonames)
    return out


def summaries(con: duckdb.DuckDBPyConnection, rows: list[tuple[Any, ...]]) -> list[JSON]:
    """Event summaries for rows selected with ``EVENT_COLUMNS``, in the same order."""
    if not rows:
        return []
    ids = [str(row[0]) for row in rows]
    actors = actor_dicts(con, {k for row in rows for k in (row[4], row[5]) if k})
    attributions = _attributions(con, ids)
    evidence = _evidence(con, ids)
    out: list[JSON] = []
    for row in rows:
        (event_id, type_, mode, cameo, source_key, target_key, start, end, precision, text,
         status, hedged, loc_name, loc_country, reports, sources, n_contra,
         lat, lon, geonames) = row  # fmt: skip
        out.append(
            {
                "id": event_id,
                "type": type_,
                "mode": mode,
                "cameo": cameo,
                "source": actors.get(source_key) if source_key else None,
                "target": actors.get(target_key) if target_key else None,
                "date": date_dict(start, end, precision, text),
                "status": status,
                "hedged": bool(hedged),
                "location": _location(loc_name, loc_country, lat, lon, geonames),
                "attribution": attributions.get(event_id, []),
                "evidence": evidence.get(event_id, []),
                "reports": int(reports),
                "sources": list(sources or []),
                "contradictions": int(n_contra),
            }
        )
    return out
