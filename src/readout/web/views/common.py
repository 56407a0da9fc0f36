"""What the page views share: the store, HTML responses, lenient form filters."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from fastapi import HTTPException, Request
from fastapi.responses import HTMLResponse

from readout.api.access import StoreAccess
from readout.model import EVENT_TYPES, STATUSES
from readout.web.render import render

FILTER_NAMES = ("actor", "country", "type", "status", "since", "until")


def access(request: Request) -> StoreAccess:
    found: StoreAccess = request.app.state.access
    return found


def page(template: str, **context: Any) -> HTMLResponse:
    return HTMLResponse(render(template, **context))


def not_found(what: str) -> HTTPException:
    return HTTPException(404, f"{what} not found")


@dataclass
class FormFilters:
    """The filter form as typed: values to show back, store arguments, and problems."""

    values: dict[str, str] = field(default_factory=dict)
    store_args: dict[str, Any] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)


def read_filters(request: Request) -> FormFilters:
    """Read the filter form without failing: a bad value is reported and ignored."""
    out = FormFilters()
    for name in FILTER_NAMES:
        raw = request.query_params.get(name, "").strip()[:200]
        out.values[name] = raw
        if not raw:
            continue
        value = parse_filter(name, raw)
        if value is None:
            out.problems.append(f"ignored {name}: {raw!r} is not valid")
        else:
            out.store_args[name] = value
    return out


def parse_filter(name: str, raw: str) -> object | None:
    if name == "type":
        return raw.upper() if raw.upper() in EVENT_TYPES else None
    if name == "status":
        return raw.lower() if raw.lower() in STATUSES else None
    if name in ("since", "until"):
        try:
            return dt.date.fromisoformat(raw)
        except ValueError:
            return None
    return raw


def in_filters(event: dict[str, Any], args: dict[str, Any]) -> bool:
    """Type, status and date filters for lists the store can only narrow by actor."""
    if "type" in args and event.get("type") != args["type"]:
        return False
    if "status" in args and event.get("status") != args["status"]:
        return False
    date = event.get("date") or {}
    if "since" in args and str(date.get("end", "")) < args["since"].isoformat():
        return False
    return not ("until" in args and str(date.get("start", "")) > args["until"].isoformat())
