"""/ : the timeline of events with the filter form, and the matching list."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from readout.query.filters import in_filters
from readout.query.paging import page_count, page_offset
from readout.web.timeline_svg import layout
from readout.web.views.common import access, page, read_filters, sort_key

router = APIRouter()
PAGE_SIZE = 50
# More markers than this make an unreadable chart and a heavy page: keep the latest.
MAX_MARKERS = 2000


@router.get("/", response_class=HTMLResponse)
def timeline_page(
    request: Request, page_no: Annotated[int, Query(alias="page", ge=1, le=10_000)] = 1
) -> HTMLResponse:
    filters = read_filters(request)
    args = filters.store_args
    sort = sort_key(request)
    with access(request).read() as store:
        actor, country = args.get("actor"), args.get("country")
        dated = store.memo(  # the whole dated record: once per state of the store
            ("timeline", actor, country),
            lambda: store.timeline(actor=actor, country=country),
        )
        items = store.events(
            **args, limit=PAGE_SIZE, offset=page_offset(page_no, PAGE_SIZE), sort=sort
        )
        total = store.count_events(**args)
        stats = store.stats()
    matching = [event for event in dated if in_filters(event, args)]
    shown = matching[-MAX_MARKERS:]
    return page(
        "timeline.html",
        title="Timeline",
        active="/",
        filters=filters,
        chart=layout(shown),
        undated=max(0, total - len(matching)),
        hidden=len(matching) - len(shown),
        items=items,
        total=total,
        page_no=page_no,
        pages=page_count(total, PAGE_SIZE),
        stats=stats,
        sort=sort,
        base={**filters.values, "sort": sort if sort != "date" else None},
    )
