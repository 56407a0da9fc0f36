"""Whole-record views: timeline, network, contradictions, stats, search."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request

from readout.api.models import ERRORS
from readout.query.params import Text

router = APIRouter(tags=["overview"])


@router.get("/timeline", responses=ERRORS)
def timeline(request: Request, actor: Text = None, country: Text = None) -> dict[str, Any]:
    """Dated events in date order, optionally for one actor or country."""
    with request.app.state.access.read() as store:
        items = store.timeline(actor=actor or None, country=country or None)
    return {"items": items}


@router.get("/network", responses=ERRORS)
def network(
    request: Request, min_count: Annotated[int, Query(ge=1, le=100_000)] = 1
) -> dict[str, Any]:
    """Actors as nodes; edges count events between two actors, by type."""
    with request.app.state.access.read() as store:
        found: dict[str, Any] = store.network(min_count=min_count)
    return found


@router.get("/contradictions", responses=ERRORS)
def contradictions(request: Request) -> dict[str, Any]:
    """Events whose reports disagree on whether, when or how they happened."""
    with request.app.state.access.read() as store:
        items = store.contradictions()
    return {"items": items}


@router.get("/stats", responses=ERRORS)
def stats(request: Request) -> dict[str, Any]:
    """Counts of articles, mentions, events, actors and contradictions."""
    with request.app.state.access.read() as store:
        found: dict[str, Any] = store.stats()
    return found


@router.get("/search", responses=ERRORS)
def search(
    request: Request,
    q: Annotated[str, Query(min_length=1, max_length=200)],
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
) -> dict[str, Any]:
    """Events and articles whose text, actors or title match the words."""
    with request.app.state.access.read() as store:
        items = store.search(q, limit=limit)
    return {"q": q, "items": items}
