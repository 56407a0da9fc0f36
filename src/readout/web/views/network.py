"""/network: the actors with most events and who acts on whom, drawn on the server as SVG."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from readout.query.relations import Graph, network_graph
from readout.web.network_svg import NetworkPicture, network_picture
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
    args = filters.store_args
    key = ("network-page", tuple(sorted((k, str(v)) for k, v in args.items())), min_count, nodes)

    def draw() -> tuple[Graph, NetworkPicture]:
        graph = network_graph(store, args, max_nodes=nodes, min_count=min_count)
        return graph, network_picture(graph)

    with access(request).read() as store:
        # Laying out the graph is the costliest thing the server does: once per state.
        graph, picture = store.memo(key, draw)
    return page(
        "network.html",
        title="Actor network",
        active="/network",
        filters=filters,
        action="/network",
        extra={"min_count": min_count, "nodes": nodes},
        graph=graph,
        picture=picture,
        min_count=min_count,
        max_nodes=nodes,
        download_args=filters.values,
    )
