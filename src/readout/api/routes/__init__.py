"""The REST resources under /api/v1, one router per resource."""

from __future__ import annotations

from fastapi import APIRouter

from readout.api.routes import actors, articles, events, overview


def api_router() -> APIRouter:
    router = APIRouter(prefix="/api/v1")
    for module in (events, actors, articles, overview):
        router.include_router(module.router)
    return router
