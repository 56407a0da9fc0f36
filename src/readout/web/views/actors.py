"""/actors and /actors/{key}: who appears, and what one actor did and suffered."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from readout.query.params import Offset
from readout.web.views.common import access, not_found, page

router = APIRouter()
PAGE_SIZE = 200


@router.get("/actors", response_class=HTMLResponse)
def actors_page(request: Request, offset: Offset = 0) -> HTMLResponse:
    with access(request).read() as store:
        items = store.actors(limit=PAGE_SIZE, offset=offset)
    return page(
        "actors.html",
        title="Actors",
        active="/actors",
        items=items,
        offset=offset,
        page_size=PAGE_SIZE,
    )


@router.get("/actors/{key:path}", response_class=HTMLResponse)
def actor_page(request: Request, key: str) -> HTMLResponse:
    with access(request).read() as store:
        actor = store.actor(key[:200])
    if actor is None:
        raise not_found("actor")
    return page("actor.html", title=str(actor.get("name") or key), actor=actor)
