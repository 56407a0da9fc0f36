"""GET /actors and /actors/{key}."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Path, Request

from readout.api.models import ERRORS
from readout.query.params import Limit, Offset

router = APIRouter(tags=["actors"])


@router.get("/actors", responses=ERRORS)
def list_actors(request: Request, limit: Limit = 500, offset: Offset = 0) -> dict[str, Any]:
    """Actors with their number of events, most active first."""
    with request.app.state.access.read() as store:
        items = store.actors(limit=limit, offset=offset)
    return {"limit": limit, "offset": offset, "items": items}


@router.get("/actors/{key:path}", responses=ERRORS)
def get_actor(request: Request, key: Annotated[str, Path(max_length=200)]) -> dict[str, Any]:
    """One actor, its events and the actors it deals with most."""
    with request.app.state.access.read() as store:
        found: dict[str, Any] | None = store.actor(key)
    if found is None:
        raise HTTPException(404, f"no actor {key!r}")
    return found
