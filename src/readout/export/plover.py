"""Events as PLOVER-style JSON: one object per event, in the field's own vocabulary.

PLOVER names an event by ``event_type`` and ``event_mode`` between an ``actor``
and a ``recipient``, each with name, country, sector; readout adds what its
record knows beyond that (status, attribution, evidence offsets). The file is
a JSON array. Fields:

- ``id``, ``event_date`` (start, ISO), ``event_date_end``, ``date_precision``
- ``event_type``, ``event_mode``, ``event_text`` (the first evidence sentence)
- ``cameo``, ``quad_code`` (1-4), ``event_intensity`` (-10..+10, ``scales``)
- ``actor`` and ``recipient``: ``{name, country, sector, role, kind, key}``
- ``location``: ``{placename, country, latitude, longitude}`` or null
- ``status``, ``hedged``, ``claims``: ``[{name, kind, stance, hedged}]``
- ``source``: the first report's outlet; ``url``, ``title``, ``publication_date``
- ``sources``: every outlet; ``reports``; ``evidence``: ``[{doc, sentence, start, end}]``
- ``version``: the readout version that wrote it
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from importlib.metadata import PackageNotFoundError, version
from typing import IO, Any

from readout.export.rows import analysis_row


def _version() -> str:
    try:
        return version("readout")
    except PackageNotFoundError:
        return "unknown"


def _party(actor: dict[str, Any] | None) -> dict[str, Any] | None:
    if not actor:
        return None
    fields = ("name", "country", "sector", "role", "kind", "key")
    return {f: actor.get(f) for f in fields}


def plover_event(event: dict[str, Any], written_by: str | None = None) -> dict[str, Any]:
    """One event (from ``rows.iter_events``) as a PLOVER-style object."""
    row = analysis_row(event)
    location = event.get("location") or {}
    evidence = event.get("evidence") or []
    return {
        "id": row["id"],
        "event_date": row["date_start"].isoformat() if row["date_start"] else None,
        "event_date_end": row["date_end"].isoformat() if row["date_end"] else None,
        "date_precision": row["date_precision"],
        "event_type": row["type"],
        "event_mode": row["mode"],
        "event_text": evidence[0]["sentence"] if evidence else None,
        "cameo": row["cameo"],
        "quad_code": row["quad_class"],
        "event_intensity": row["intensity"],
        "actor": _party(event.get("source")),
        "recipient": _party(event.get("target")),
        "location": {
            "placename": location.get("name"),
            "country": location.get("country"),
            "latitude": location.get("lat"),
            "longitude": location.get("lon"),
        }
        if location
        else None,
        "status": row["status"],
        "hedged": row["hedged"],
        "claims": event.get("attribution") or [],
        "source": row["outlet"],
        "url": row["url"],
        "title": row["title"],
        "publication_date": row["published"].isoformat() if row["published"] else None,
        "sources": row["outlets"],
        "reports": row["reports"],
        "evidence": evidence,
        "version": written_by or _version(),
    }


def write_plover(events: Iterable[dict[str, Any]], stream: IO[str]) -> int:
    """A JSON array, one event per line, written as it streams."""
    count = 0
    written_by = _version()
    stream.write("[")
    for event in events:
        stream.write(",\n" if count else "\n")
        stream.write(json.dumps(plover_event(event, written_by), ensure_ascii=False))
        count += 1
    stream.write("\n]\n")
    return count
