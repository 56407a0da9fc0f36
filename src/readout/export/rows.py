"""Events as flat, typed analysis rows: one row per merged event.

The columns (``COLUMNS``, with their Arrow types in ``readout.export.files``):

- ``id``, ``seq`` (the event's number in the store), ``first_seen`` (when stored)
- ``date_start``, ``date_end`` (dates), ``date_precision``, ``date_text``
- ``type`` (PLOVER), ``mode``, ``cameo``, ``quad_class`` (1-4), ``quad_name``,
  ``intensity`` (-10..+10, see ``scales``), ``status``, ``hedged``
- for each side (``source_``, ``target_``): ``name``, ``key``, ``country``,
  ``sector``, ``role``, ``kind``
- ``location``, ``location_country``, ``location_lat``, ``location_lon``
- the first report's article: ``url``, ``title``, ``outlet``, ``published`` (date)
- ``reports``, ``articles``, ``outlets`` (list), ``urls`` (list),
  ``claimed_by`` and ``denied_by`` (lists of who says so), ``contradictions``,
  ``evidence`` (list of sentences)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from readout.export.scales import QUAD_NAMES, intensity, quad_class
from readout.store.db import Store

PAGE = 1000
SIDE_FIELDS = ("name", "key", "country", "sector", "role", "kind")
COLUMNS: tuple[str, ...] = (
    "id", "seq", "first_seen", "date_start", "date_end", "date_precision", "date_text",
    "type", "mode", "cameo", "quad_class", "quad_name", "intensity", "status", "hedged",
    *(f"source_{f}" for f in SIDE_FIELDS), *(f"target_{f}" for f in SIDE_FIELDS),
    "location", "location_country", "location_lat", "location_lon",
    "url", "title", "outlet", "published",
    "reports", "articles", "outlets", "urls", "claimed_by", "denied_by", "contradictions",
    "evidence",
)  # fmt: skip
LIST_COLUMNS = frozenset({"outlets", "urls", "claimed_by", "denied_by", "evidence"})


@dataclass(frozen=True)
class Selection:
    """Which events to export: the filters of ``Store.events`` (blank: all)."""

    filters: dict[str, Any]

    @classmethod
    def everything(cls) -> Selection:
        return cls({})


def with_articles(store: Store, page: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Event summaries with the articles reporting them and their store metadata."""
    analysis = store.analysis()
    ids = [e["id"] for e in page]
    articles = analysis.event_articles(ids)
    meta = analysis.event_meta(ids)
    out = []
    for event in page:
        seq, first_seen = meta.get(event["id"], (0, None))
        out.append({**event, "articles": articles.get(event["id"], []), "seq": seq,
                    "first_seen": first_seen})  # fmt: skip
    return out


def iter_events(store: Store, selection: Selection) -> Iterator[dict[str, Any]]:
    """Every matching event with its articles (``with_articles``), a page at a time."""
    offset = 0
    while True:
        page = store.events(**selection.filters, limit=PAGE, offset=offset, sort="seen")
        yield from with_articles(store, page)
        if len(page) < PAGE:
            return
        offset += PAGE


def _day(value: object) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and value:
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    return None


def _side(prefix: str, actor: dict[str, Any] | None) -> dict[str, Any]:
    actor = actor or {}
    return {f"{prefix}_{f}": actor.get(f) for f in SIDE_FIELDS}


def analysis_row(event: dict[str, Any]) -> dict[str, Any]:
    """One event (from ``iter_events``) as a flat typed row with every column of ``COLUMNS``."""
    date = event.get("date") or {}
    location = event.get("location") or {}
    articles = event.get("articles") or []
    first = articles[0] if articles else {}
    claims = event.get("attribution") or []
    cameo = event.get("cameo")
    quad = quad_class(cameo)
    return {
        "id": event["id"],
        "seq": event.get("seq"),
        "first_seen": event.get("first_seen"),
        "date_start": _day(date.get("start")),
        "date_end": _day(date.get("end")),
        "date_precision": date.get("precision"),
        "date_text": date.get("text"),
        "type": event["type"],
        "mode": event.get("mode"),
        "cameo": cameo,
        "quad_class": quad,
        "quad_name": QUAD_NAMES.get(quad) if quad else None,
        "intensity": intensity(cameo),
        "status": event["status"],
        "hedged": bool(event.get("hedged")),
        **_side("source", event.get("source")),
        **_side("target", event.get("target")),
        "location": location.get("name"),
        "location_country": location.get("country"),
        "location_lat": location.get("lat"),
        "location_lon": location.get("lon"),
        "url": first.get("url"),
        "title": first.get("title"),
        "outlet": first.get("outlet"),
        "published": _day(first.get("published")),
        "reports": int(event.get("reports", 0)),
        "articles": len(articles),
        "outlets": list(event.get("sources") or []),
        "urls": [a["url"] for a in articles if a.get("url")],
        "claimed_by": _unique(c["name"] for c in claims if c.get("stance") != "denies"),
        "denied_by": _unique(c["name"] for c in claims if c.get("stance") == "denies"),
        "contradictions": int(event.get("contradictions", 0)),
        "evidence": [e["sentence"] for e in event.get("evidence") or []],
    }


def _unique(names: Iterator[str] | Any) -> list[str]:
    return list(dict.fromkeys(str(n) for n in names))
