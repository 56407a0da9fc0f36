"""The web pages, one module per page type, all server-rendered."""

from __future__ import annotations

from fastapi import APIRouter

from readout.web.views import actors, articles, contradictions, events, network, search, timeline


def page_router() -> APIRouter:
    router = APIRouter(include_in_schema=False)
    for module in (timeline, events, articles, actors, network, contradictions, search):
        router.include_router(module.router)
    return router
