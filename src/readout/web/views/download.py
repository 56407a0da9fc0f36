"""/download/events.{csv,jsonl,parquet}: the events of the current filter, as a file.

The same filters as the pages (read leniently: a bad value is left out, as the
page showing it says), plus ``a`` and ``b`` for a dyad; the rows are
``readout export``'s (see docs/exports.md).
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from readout.export.files import export_bytes
from readout.export.rows import Selection
from readout.web.views.common import access, not_found, pair_param, read_filters

router = APIRouter()
MEDIA = {
    "csv": "text/csv; charset=utf-8",
    "jsonl": "application/x-ndjson; charset=utf-8",
    "parquet": "application/vnd.apache.parquet",
}


@router.get("/download/events.{fmt}")
async def download(request: Request, fmt: str) -> Response:
    if fmt not in MEDIA:
        raise not_found("download format")
    filters: dict[str, Any] = dict(read_filters(request).store_args)
    pair = pair_param(request)
    if pair is not None:
        filters["pair"] = pair

    def build() -> bytes:
        with access(request).read() as store:
            return export_bytes(store, fmt, Selection(filters))

    body = await run_in_threadpool(build)
    return Response(
        body,
        media_type=MEDIA[fmt],
        headers={"Content-Disposition": f'attachment; filename="readout-events.{fmt}"'},
    )
