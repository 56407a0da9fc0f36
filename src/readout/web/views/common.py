"""What the page views share: the store, HTML responses, lenient form filters."""

from __future__ import annotations

from typing import Any

from fastapi import HTTPException, Request
from fastapi.responses import HTMLResponse

from readout.query.access import StoreAccess
from readout.query.filters import FormFilters, read_form
from readout.web.render import render

__all__ = ["FormFilters", "access", "not_found", "page", "read_filters"]


def access(request: Request) -> StoreAccess:
    found: StoreAccess = request.app.state.access
    return found


def page(template: str, **context: Any) -> HTMLResponse:
    return HTMLResponse(render(template, **context))


def not_found(what: str) -> HTTPException:
    return HTTPException(404, f"{what} not found")


def read_filters(request: Request) -> FormFilters:
    """The filter form of this request, read leniently (see ``readout.query.filters``)."""
    return read_form(request.query_params)
