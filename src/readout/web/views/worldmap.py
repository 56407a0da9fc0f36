"""/map: events by country, on country outlines shipped with readout (no tiles, no network)."""

from __future__ import annotations

import functools

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from readout.actors.kb import load_kb
from readout.query.relations import country_counts
from readout.web.map_svg import world_map
from readout.web.views.common import access, page, read_filters

router = APIRouter()


@functools.cache
def country_names() -> dict[str, str]:
    kb = load_kb()
    names = {c.code: c.name for c in kb.countries}
    names.update({o.code: o.name for o in kb.organisations})
    return names


@router.get("/map", response_class=HTMLResponse)
def map_page(request: Request) -> HTMLResponse:
    filters = read_filters(request)
    args = {k: v for k, v in filters.store_args.items() if k != "country"}
    with access(request).read() as store:
        counts = country_counts(store, args)
    names = country_names()
    ranked = sorted(counts.values(), key=lambda c: (-c.total, c.code))
    return page(
        "map.html",
        title="Map",
        active="/map",
        filters=filters,
        action="/map",
        world=world_map(counts, names),
        ranked=ranked,
        names=names,
        base={k: v for k, v in filters.values.items() if k != "country"},
        download_args=filters.values,
    )
