"""/network: the page frame; network.js draws it from /api/v1/network."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import HTMLResponse

from readout.web.views.common import page

router = APIRouter()


@router.get("/network", response_class=HTMLResponse)
def network_page() -> HTMLResponse:
    return page("network.html", title="Actor network", active="/network")
