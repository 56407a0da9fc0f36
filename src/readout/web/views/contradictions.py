"""/contradictions: events whose reports disagree."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from readout.web.views.common import access, page

router = APIRouter()


@router.get("/contradictions", response_class=HTMLResponse)
def contradictions_page(request: Request) -> HTMLResponse:
    with access(request).read() as store:
        items = store.contradictions()
    return page(
        "contradictions.html", title="Contradictions", active="/contradictions", items=items
    )
