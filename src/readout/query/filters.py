"""Event filters as users type them: validated strictly (CLI) or leniently (pages).

The store takes its filters as keyword arguments (``actor``, ``country``,
``type``, ``status``, ``since``, ``until``, ``q``). The API validates them with
FastAPI (see ``params``); the pages read the same names from a form, report a
bad value and ignore it; the CLI refuses a bad value with one line.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from readout.errors import ReadoutError
from readout.model import EVENT_TYPES, STATUSES

FILTER_NAMES = ("actor", "country", "type", "status", "since", "until")
MAX_TEXT = 200


def parse_type(raw: str) -> str | None:
    """The PLOVER type ``raw`` names, in any case, or None."""
    return raw.upper() if raw.upper() in EVENT_TYPES else None


def parse_status(raw: str) -> str | None:
    """The status ``raw`` names, in any case, or None."""
    return raw.lower() if raw.lower() in STATUSES else None


def parse_filter(name: str, raw: str) -> object | None:
    """One filter value as the store takes it, or None when it is not valid."""
    if name == "type":
        return parse_type(raw)
    if name == "status":
        return parse_status(raw)
    if name in ("since", "until"):
        try:
            return dt.date.fromisoformat(raw)
        except ValueError:
            return None
    return raw


def checked_type(raw: str | None) -> str | None:
    """``raw`` as a PLOVER type; a value that is none raises one clear error."""
    if raw is None or raw == "":
        return None
    found = parse_type(raw)
    if found is None:
        raise ReadoutError(f"unknown event type {raw!r}: use one of {', '.join(EVENT_TYPES)}")
    return found


def checked_status(raw: str | None) -> str | None:
    """``raw`` as a status; a value that is none raises one clear error."""
    if raw is None or raw == "":
        return None
    found = parse_status(raw)
    if found is None:
        raise ReadoutError(f"unknown status {raw!r}: use one of {', '.join(STATUSES)}")
    return found


@dataclass
class FormFilters:
    """The filter form as typed: values to show back, store arguments, and problems."""

    values: dict[str, str] = field(default_factory=dict)
    store_args: dict[str, Any] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)


def read_form(params: Mapping[str, str], names: tuple[str, ...] = FILTER_NAMES) -> FormFilters:
    """Read filters from a form without failing: a bad value is reported and ignored."""
    out = FormFilters()
    for name in names:
        raw = (params.get(name) or "").strip()[:MAX_TEXT]
        out.values[name] = raw
        if not raw:
            continue
        value = parse_filter(name, raw)
        if value is None:
            out.problems.append(f"ignored {name}: {raw!r} is not valid")
        else:
            out.store_args[name] = value
    return out


def in_filters(event: Mapping[str, Any], args: Mapping[str, Any]) -> bool:
    """Type, status and date filters for lists the store can only narrow by actor."""
    if "type" in args and event.get("type") != args["type"]:
        return False
    if "status" in args and event.get("status") != args["status"]:
        return False
    date = event.get("date") or {}
    if "since" in args and str(date.get("end", "")) < args["since"].isoformat():
        return False
    return not ("until" in args and str(date.get("start", "")) > args["until"].isoformat())
