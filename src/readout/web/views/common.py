"""What the page views share: the store, HTML responses, lenient form filters."""

from __future__ import annotations

from typing import Any

from fastapi import HTTPException, Request
from fastapi.responses import HTMLResponse

from readout.query.access import StoreAccess
from readout.query.filters import FormFilters, read_form
from readout.store.queries import SORTS
from readout.web.render import render

__all__ = [
    "FormFilters", "access", "choice", "not_found", "page", "pair_param", "read_filters",
    "sort_key",
]  # fmt: skip


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


def choice(request: Request, name: str, allowed: tuple[str, ...], default: str) -> str:
    """A query parameter that must be one of ``allowed``; anything else is the default."""
    value = request.query_params.get(name, "")
    return value if value in allowed else default


def sort_key(request: Request) -> str:
    """The table's sort (a key of ``store.queries.SORTS``, "-" for descending)."""
    value = request.query_params.get("sort", "")[:20]
    return value if value.lstrip("-") in SORTS else "date"


def pair_param(request: Request) -> tuple[str, str] | None:
    """Two actor keys from ``a`` and ``b`` (the dyad page and its downloads)."""
    a = request.query_params.get("a", "").strip()[:200]
    b = request.query_params.get("b", "").strip()[:200]
    return (a, b) if a and b and a != b else None
