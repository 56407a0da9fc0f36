"""/counts: how many events per week or month, by type or QuadClass, for any filter.

Each bar links to the same page narrowed to its period, and the pairs of actors
with most events in the selection link to their dyad pages.
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from readout.query.relations import top_pairs
from readout.query.trends import GROUPS, INTERVALS, counts_over_time
from readout.web.bars_svg import bar_chart
from readout.web.views.common import access, choice, page, read_filters

router = APIRouter()
PAIRS = 20


@router.get("/counts", response_class=HTMLResponse)
def counts_page(request: Request) -> HTMLResponse:
    filters = read_filters(request)
    interval = choice(request, "interval", INTERVALS, "month")
    group = choice(request, "group", GROUPS, "type")
    with access(request).read() as store:
        trend = counts_over_time(store, filters.store_args, interval, group)  # type: ignore[arg-type]
        pairs = top_pairs(store, filters.store_args, PAIRS)
    base = {**filters.values, "interval": interval, "group": group}
    return page(
        "counts.html",
        title="Counts over time",
        active="/counts",
        filters=filters,
        action="/counts",
        trend=trend,
        chart=bar_chart(trend),
        pairs=pairs,
        base=base,
        extra={"interval": interval, "group": group},
    )
