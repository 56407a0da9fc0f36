"""/events/{id}: what, who, when, where, status, and every report of one event."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from readout.web.views.common import access, not_found, page

router = APIRouter()


@router.get("/events/{event_id}", response_class=HTMLResponse)
def event_page(request: Request, event_id: str) -> HTMLResponse:
    with access(request).read() as store:
        event = store.event(event_id[:100])
    if event is None:
        raise not_found("event")
    return page("event.html", title=f"{event.get('type')} event", event=event)
