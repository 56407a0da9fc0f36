"""Read JSON Lines feeds (one article object per line) and whole JSON documents.

Bad lines (not JSON, not an object, no "text") come out as a reason instead
of a record, so the reader can yield the good articles first and report the
bad line numbers (and the first reason) in one InputError at the end.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from readout.ingest.pubdate import parse_published

# Field names accepted for each Article field, first match wins; case does not matter
# ("datePublished" and "datepublished" are one key). A source given as an object
# (NewsAPI's {"id": ..., "name": ...}) gives its "name".
TITLE_KEYS = ("title", "headline")
URL_KEYS = ("url", "link", "canonical_url", "source_url", "sourceurl", "uri", "href")
OUTLET_KEYS = (
    "outlet", "source", "source_name", "site", "sitename", "site_name", "publisher",
    "domain", "source_domain",
)  # fmt: skip
PUBLISHED_KEYS = (
    "published", "date", "published_at", "publishedat", "pubdate", "pub_date",
    "publish_date", "publication_date", "date_published", "datepublished", "published_date",
    "published_time", "seendate", "created_at", "timestamp",
)  # fmt: skip
# Listing every bad line of a huge feed would make the one-line error unreadable.
MAX_LISTED = 10


@dataclass(frozen=True)
class JsonRecord:
    line: int  # 1-based line number in the file
    id: str | None
    text: str
    title: str | None
    url: str | None
    outlet: str | None
    published: dt.date | None


def iter_jsonl(text: str) -> Iterator[tuple[int, JsonRecord | None]]:
    """Yield (line number, record) per non-empty line; record is None for a bad line."""
    for number, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            yield number, parse_record(line, number)


def looks_like_jsonl(text: str) -> bool:
    """True when every non-empty line is a JSON object."""
    lines = [line for line in text.split("\n") if line.strip()]
    return bool(lines) and all(_json_object(line) is not None for line in lines)


def load_json_document(text: str) -> list[Any] | None:
    """The items of a whole-file JSON document (one object or a list), or None if it is not one."""
    if not text.lstrip().startswith(("{", "[")):
        return None
    try:
        value = json.loads(text)
    except (ValueError, RecursionError):
        return None
    if isinstance(value, dict):
        return [value]
    return value if isinstance(value, list) else None


def iter_json_items(items: list[Any]) -> Iterator[tuple[int, JsonRecord | None]]:
    """Yield (1-based item number, record) per item; record is None for a bad item."""
    for number, item in enumerate(items, start=1):
        yield number, record_from_object(item, number) if isinstance(item, dict) else None


def parse_record(line: str, number: int) -> JsonRecord | None:
    """A record from one line, or None when the line is not a usable article."""
    found = parse_line(line, number)
    return found if isinstance(found, JsonRecord) else None


def parse_line(line: str, number: int) -> JsonRecord | str:
    """A record from one line, or the reason the line is not a usable article."""
    stripped = line.strip()
    try:
        obj = json.loads(stripped)
    except (ValueError, RecursionError):
        return "not valid JSON"
    if not isinstance(obj, dict):
        return "not a JSON object"
    return record_or_reason(obj, number)


def record_from_object(obj: dict[str, Any], number: int) -> JsonRecord | None:
    """A record from a decoded JSON object, or None when it has no usable "text"."""
    found = record_or_reason(obj, number)
    return found if isinstance(found, JsonRecord) else None


def record_or_reason(obj: dict[str, Any], number: int) -> JsonRecord | str:
    """A record from a decoded JSON object, or why it is not one."""
    body = obj.get("text")
    if not isinstance(body, str) or not body.strip():
        return 'no "text" field with the article' if body is None else '"text" is empty or not text'
    record_id = obj.get("id")
    fields = {str(key).casefold(): value for key, value in reversed(obj.items())}
    return JsonRecord(
        line=number,
        id=str(record_id) if isinstance(record_id, str | int) and str(record_id) else None,
        text=body,
        title=_first_string(fields, TITLE_KEYS),
        url=_first_string(fields, URL_KEYS),
        outlet=_first_string(fields, OUTLET_KEYS),
        published=_published(fields),
    )


def bad_lines_message(numbers: list[int], noun: str, first_reason: str | None = None) -> str:
    """'skipped 2 unreadable lines (lines 3, 9; line 3: not valid JSON)'."""
    listed = ", ".join(str(n) for n in numbers[:MAX_LISTED])
    more = f" and {len(numbers) - MAX_LISTED} more" if len(numbers) > MAX_LISTED else ""
    plural = "s" if len(numbers) > 1 else ""
    if first_reason and len(numbers) == 1:
        return f"skipped 1 unreadable {noun} ({noun} {listed}: {first_reason})"
    why = f"; {noun} {numbers[0]}: {first_reason}" if first_reason and numbers else ""
    return f"skipped {len(numbers)} unreadable {noun}{plural} ({noun}{plural} {listed}{more}{why})"


def _json_object(line: str) -> dict[str, Any] | None:
    stripped = line.strip()
    if not stripped.startswith("{"):
        return None
    try:
        obj = json.loads(stripped)
    except (ValueError, RecursionError):
        return None
    return obj if isinstance(obj, dict) else None


def _first_string(fields: dict[str, Any], keys: tuple[str, ...]) -> str | None:
    for key in keys:
        value = fields.get(key)
        if isinstance(value, dict):
            value = value.get("name")
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def _published(fields: dict[str, Any]) -> dt.date | None:
    """The first date field that holds a readable date (text or epoch seconds)."""
    for key in PUBLISHED_KEYS:
        found = parse_published(fields.get(key))
        if found is not None:
            return found
    return None
