"""/network: the actors with most events and who acts on whom, drawn on the server as SVG."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from readout.query.relations import network_graph
from readout.web.network_svg import network_picture
from readout.web.views.common import access, page, read_filters

router = APIRouter()
MAX_NODES = 100


@router.get("/network", response_class=HTMLResponse)
def network_page(
    request: Request,
    min_count: Annotated[int, Query(ge=1, le=10_000)] = 1,
    nodes: Annotated[int, Query(ge=2, le=MAX_NODES)] = MAX_NODES,
) -> HTMLResponse:
    filters = read_filters(request)
    with access(request).read() as store:
        graph = network_graph(store, filters.store_args, max_nodes=nodes, min_count=min_count)
    return page(
        "network.html",
        title="Actor network",
        active="/network",
        filters=filters,
        action="/network",
        extra={"min_count": min_count, "nodes": nodes},
        graph=graph,
        picture=network_picture(graph),
        min_count=min_count,
        max_nodes=nodes,
        download_args=filters.values,
    )
