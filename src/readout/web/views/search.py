"""/search?q=: events and articles matching some words."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from readout.web.views.common import access, page

router = APIRouter()


@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request, q: Annotated[str, Query(max_length=200)] = "") -> HTMLResponse:
    words = q.strip()
    items = []
    if words:
        with access(request).read() as store:
            items = store.search(words, limit=100)
    return page("search.html", title="Search", q=words, items=items)
