"""GET /events (filtered, paginated) and /events/{id} (every report of one event)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path, Request

from readout.api.models import ERRORS
from readout.query.params import Limit, Offset, event_filters

router = APIRouter(tags=["events"])

Filters = Annotated[dict[str, Any], Depends(event_filters)]


@router.get("/events", responses=ERRORS)
def list_events(
    request: Request, filters: Filters, limit: Limit = 50, offset: Offset = 0
) -> dict[str, Any]:
    """Events matching every given filter, newest first, with the total count."""
    with request.app.state.access.read() as store:
        items = store.events(**filters, limit=limit, offset=offset)
        total = store.count_events(**filters)
    return {"total": total, "limit": limit, "offset": offset, "items": items}


@router.get("/events/{event_id}", responses=ERRORS)
def get_event(request: Request, event_id: Annotated[str, Path(max_length=100)]) -> dict[str, Any]:
    """One event with its mentions (outlet, sources, stances) and contradictions."""
    with request.app.state.access.read() as store:
        found: dict[str, Any] | None = store.event(event_id)
    if found is None:
        raise HTTPException(404, f"no event {event_id!r}")
    return found
