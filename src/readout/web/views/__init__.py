"""The web pages, one module per page type, all server-rendered."""

from __future__ import annotations

from fastapi import APIRouter

from readout.web.views import (
    actors,
    articles,
    contradictions,
    counts,
    download,
    dyad,
    events,
    network,
    search,
    timeline,
    worldmap,
)


def page_router() -> APIRouter:
    router = APIRouter(include_in_schema=False)
    for module in (timeline, counts, dyad, worldmap, network, download, events, articles, actors,
                   contradictions, search):  # fmt: skip
        router.include_router(module.router)
    return router
