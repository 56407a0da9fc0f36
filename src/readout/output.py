"""Events as data: the JSON contract of DESIGN.md, and a readable table."""

from __future__ import annotations

from typing import Any

from readout.model import Actor, Attribution, DateSpan, Event, Evidence, Location


def actor_to_dict(actor: Actor | None) -> dict[str, Any] | None:
    if actor is None:
        return None
    out: dict[str, Any] = {"name": actor.name, "country": actor.country, "sector": actor.sector}
    out["role"] = actor.role
    out["kind"] = actor.kind
    if actor.kb_id:
        out["id"] = actor.kb_id
    return out


def date_to_dict(span: DateSpan | None) -> dict[str, Any] | None:
    if span is None:
        return None
    return {
        "start": span.start.isoformat(),
        "end": span.end.isoformat(),
        "precision": span.precision,
        "text": span.text,
    }


def location_to_dict(location: Location | None) -> dict[str, Any] | None:
    if location is None:
        return None
    out: dict[str, Any] = {"name": location.name, "country": location.country}
    if location.lat is not None and location.lon is not None:
        out.update(lat=location.lat, lon=location.lon, geonames_id=location.geonames_id)
    return out


def attribution_to_dict(attr: Attribution) -> dict[str, Any]:
    out: dict[str, Any] = {"name": attr.name, "kind": attr.kind, "stance": attr.stance}
    out["hedged"] = attr.hedged
    if attr.country:
        out["country"] = attr.country
    return out


def evidence_to_dict(ev: Evidence) -> dict[str, Any]:
    return {"doc": ev.doc, "sentence": ev.sentence, "start": ev.start, "end": ev.end}


def event_to_dict(event: Event) -> dict[str, Any]:
    """One event in the output contract (DESIGN.md)."""
    return {
        "doc": event.doc,
        "type": event.type,
        "mode": event.mode,
        "cameo": event.cameo,
        "source": actor_to_dict(event.source),
        "target": actor_to_dict(event.target),
        "date": date_to_dict(event.date),
        "status": event.status,
        "hedged": event.hedged,
        "location": location_to_dict(event.location),
        "attribution": [attribution_to_dict(a) for a in event.attribution],
        "evidence": [evidence_to_dict(e) for e in event.evidence],
        "trigger": event.trigger,
        "published": event.published.isoformat() if event.published else None,
        "published_source": event.published_source,
    }
