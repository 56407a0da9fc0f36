"""The event filters and paging as HTTP query parameters, for the API and the pages."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import Query

from readout.model import EVENT_TYPES, STATUSES
from readout.query.paging import MAX_LIMIT, MAX_OFFSET

TYPE_PATTERN = "^(" + "|".join(EVENT_TYPES) + ")$"
STATUS_PATTERN = "^(" + "|".join(STATUSES) + ")$"

Text = Annotated[str | None, Query(max_length=200)]


def event_filters(
    actor: Annotated[str | None, Query(max_length=200, description="actor key or name")] = None,
    country: Annotated[
        str | None, Query(max_length=8, description="ISO3 or organisation code, e.g. RUS, NATO")
    ] = None,
    type: Annotated[str | None, Query(pattern=TYPE_PATTERN, description="PLOVER type")] = None,
    status: Annotated[str | None, Query(pattern=STATUS_PATTERN)] = None,
    since: Annotated[dt.date | None, Query(description="events ending on or after")] = None,
    until: Annotated[dt.date | None, Query(description="events starting on or before")] = None,
    q: Annotated[str | None, Query(max_length=200, description="words in the evidence")] = None,
) -> dict[str, Any]:
    """The filters as keyword arguments for ``Store.events``; blanks mean no filter."""
    found = {
        "actor": actor,
        "country": country,
        "type": type,
        "status": status,
        "since": since,
        "until": until,
        "q": q,
    }
    return {key: value for key, value in found.items() if value not in (None, "")}


Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT)]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET)]
