"""Walk a WARC (or .warc.gz) archive and hand out its HTML and plain-text pages.

Only response and resource records whose payload is HTML or plain text are
kept; requests, metadata, images and other records are skipped. The WARC-Date
is the crawl time, not the publication date, so it is deliberately not read.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.recordloader import ArcWarcRecord

from readout.errors import InputError

PageKind = Literal["html", "text"]
_KINDS: dict[str, PageKind] = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "text/plain": "text",
}


@dataclass(frozen=True)
class WarcPage:
    number: int  # 1-based position of the record in the archive
    url: str | None
    kind: PageKind
    payload: bytes | None  # None when the payload is larger than the limit


def iter_warc_pages(doc: str, path: Path, max_bytes: int) -> Iterator[WarcPage]:
    """Yield the archive's HTML and text pages, or raise InputError if it is not a WARC."""
    try:
        with path.open("rb") as stream:
            for number, record in enumerate(ArchiveIterator(stream), start=1):
                if record.format != "warc":  # warcio reads any text as a legacy ARC
                    raise _not_a_warc(doc)
                page = _page(number, record, max_bytes)
                if page is not None:
                    yield page
    except (ArchiveLoadFailed, OSError, EOFError, zlib.error, ValueError) as exc:
        reason = " ".join(str(exc).split())[:120] or type(exc).__name__
        raise InputError(f"cannot read the WARC archive ({reason})", path=doc) from exc


def _not_a_warc(doc: str) -> InputError:
    return InputError("cannot read the WARC archive (not in WARC format)", path=doc)


def _page(number: int, record: ArcWarcRecord, max_bytes: int) -> WarcPage | None:
    if record.rec_type not in ("response", "resource"):
        return None
    kind = _KINDS.get(_content_type(record))
    if kind is None:
        return None
    payload = record.content_stream().read(max_bytes + 1)
    url = record.rec_headers.get_header("WARC-Target-URI")
    return WarcPage(
        number=number,
        url=url or None,
        kind=kind,
        payload=payload if len(payload) <= max_bytes else None,
    )


def _content_type(record: ArcWarcRecord) -> str:
    """The payload's media type: from the HTTP headers of a response, else the WARC header."""
    headers = record.http_headers
    value = headers.get_header("Content-Type") if headers is not None else None
    if not value:
        value = record.rec_headers.get_header("Content-Type")
    return str(value or "").split(";")[0].strip().lower()
