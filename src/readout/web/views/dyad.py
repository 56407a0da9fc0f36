"""/dyad?a=KEY&b=KEY: everything between two actors over time, cooperation against conflict."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from readout.query.filters import read_form
from readout.query.paging import page_count, page_offset
from readout.query.relations import pair_of
from readout.query.trends import INTERVALS, counts_over_time
from readout.web.bars_svg import bar_chart
from readout.web.views.common import access, choice, not_found, page, pair_param, sort_key

router = APIRouter()
PAGE_SIZE = 50
CONFLICT = frozenset({"q3", "q4"})


@router.get("/dyad", response_class=HTMLResponse)
def dyad_page(
    request: Request, page_no: Annotated[int, Query(alias="page", ge=1, le=10_000)] = 1
) -> HTMLResponse:
    pair = pair_param(request)
    if pair is None:
        raise not_found("pair of actors (give two actor keys as a and b)")
    interval = choice(request, "interval", INTERVALS, "month")
    sort = sort_key(request)
    period = read_form(request.query_params, ("since", "until"))
    listed = {"pair": pair, **period.store_args}
    with access(request).read() as store:
        found = pair_of(store, *pair)
        if found is None:
            raise not_found("actor")
        trend = counts_over_time(store, {"pair": pair}, interval, "quad")  # type: ignore[arg-type]
        items = store.events(
            **listed, limit=PAGE_SIZE, offset=page_offset(page_no, PAGE_SIZE), sort=sort
        )
        total = store.count_events(**listed)
    a, b = pair
    base = {"a": a, "b": b, "interval": interval, "sort": sort if sort != "date" else None}
    return page(
        "dyad.html",
        title=f"{found.a.get('name')} and {found.b.get('name')}",
        pair=found,
        trend=trend,
        chart=bar_chart(trend, below=CONFLICT),
        items=items,
        total=total,
        period=period,
        page_no=page_no,
        pages=page_count(total, PAGE_SIZE),
        sort=sort,
        base={**base, **period.values},
        chart_base={k: v for k, v in base.items() if k != "sort"},
        download_args={"a": a, "b": b, **period.values},
    )
