"""Jinja2 rendering with autoescape on, and the filters templates use for data.

Everything shown comes from articles and is untrusted: it is escaped by
Jinja, path pieces are percent-encoded, and only http(s) URLs become links.
"""

from __future__ import annotations

import functools
from typing import Any
from urllib.parse import quote, urlencode, urlsplit

from jinja2 import ChainableUndefined, Environment, PackageLoader

from readout.model import EVENT_TYPES, STATUSES

NAV = (
    ("/", "Timeline"),
    ("/counts", "Counts"),
    ("/map", "Map"),
    ("/network", "Network"),
    ("/actors", "Actors"),
    ("/articles", "Articles"),
    ("/contradictions", "Contradictions"),
    ("/docs", "API"),
)


def path_part(value: object) -> str:
    """One URL path segment: every reserved character encoded, '/' included."""
    return quote(str(value), safe="")


def query(params: dict[str, Any]) -> str:
    """A query string from the non-empty values, percent-encoded."""
    kept = {key: value for key, value in params.items() if value not in (None, "")}
    return urlencode(kept)


def safe_href(url: object) -> str | None:
    """The URL when it is plain http(s), else None (no javascript:, data:, ...)."""
    if not isinstance(url, str):
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme.lower() in ("http", "https") and parts.netloc:
        return url.strip()
    return None


def css_token(value: object, allowed: tuple[str, ...]) -> str:
    """A value as a CSS class suffix, only from a known list (else 'other')."""
    return str(value) if value in allowed else "other"


QUAD_KEYS = ("q1", "q2", "q3", "q4")


def series_class(key: object) -> str:
    """The CSS class giving a chart series its colour: an event type's, or a QuadClass's."""
    if key in QUAD_KEYS:
        return f"quad-{key}"
    return f"t-{css_token(key, EVENT_TYPES)}"


def actor_label(actor: dict[str, Any] | None) -> str:
    if not actor:
        return "—"
    name = str(actor.get("name") or "?")
    country = actor.get("country")
    return f"{name} ({country})" if country and country != name else name


def date_label(date: dict[str, Any] | None) -> str:
    """'2025-10-20' for a day, '2025-10-01 – 2025-10-31 (month)' for wider spans."""
    if not date:
        return "undated"
    start, end, precision = date.get("start"), date.get("end"), date.get("precision")
    if start == end:
        return f"{start}"
    return f"{start} – {end} ({precision})"


@functools.cache
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("readout.web", "templates"),
        autoescape=True,  # every template, whatever its name
        undefined=ChainableUndefined,  # a missing field shows as blank, not a 500
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        path_part=path_part,
        safe_href=safe_href,
        actor_label=actor_label,
        date_label=date_label,
        type_class=lambda v: css_token(v, EVENT_TYPES),
        status_class=lambda v: css_token(v, STATUSES),
        series_class=series_class,
    )
    env.globals.update(nav=NAV, query=query, event_types=EVENT_TYPES, statuses=STATUSES)
    return env


def render(template: str, **context: Any) -> str:
    context.setdefault("active", "")
    return environment().get_template(template).render(**context)


def render_error(code: int, message: str) -> str:
    return render("error.html", title=f"Error {code}", code=code, message=message)
