"""Walk a WARC (or .warc.gz) archive and hand out its HTML and plain-text pages.

Only response and resource records whose payload is HTML or plain text are
kept; requests, metadata, images and other records are skipped. The WARC-Date
is the crawl time, not the publication date, so it is deliberately not read.

A record that ends before its Content-Length (a truncated download) is never
handed out as a short page: reading stops there with an InputError naming the
record, after the complete records before it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Literal

from warcio.archiveiterator import ArchiveIterator
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


_UNPRINTABLE = re.compile(r"[^ -~]+")
_CHUNK = 1 << 16


def iter_warc_pages(
    doc: str,
    path: Path,
    max_bytes: int,
    *,
    offset: int = 0,
    first: int = 1,
    count: int | None = None,
) -> Iterator[WarcPage]:
    """Yield the archive's HTML and text pages, or raise InputError if it is not a WARC
    or stops short (naming the record where it stopped).

    A part of the archive: ``count`` records from the record numbered ``first``, which
    starts at byte ``offset`` (see ``scan_warc``).
    """
    current = first  # the record being read
    try:
        with path.open("rb") as stream:
            stream.seek(offset)
            archive = ArchiveIterator(stream)
            for number, record in enumerate(archive, start=first):
                if count is not None and number >= first + count:
                    return
                current = number
                if record.format != "warc":  # warcio reads any text as a legacy ARC
                    raise _not_a_warc(doc)
                page = _page(number, record, max_bytes)
                _drain(record)
                if record.raw_stream.limit > 0:
                    raise InputError(_stopped(number, "the record is cut short"), path=doc)
                current = number + 1
                if page is not None:
                    yield page
            if _left_over(stream, archive):
                raise InputError(_stopped(current, "an incomplete record at the end"), path=doc)
    except InputError:
        raise
    except Exception as exc:  # warcio, gzip and zlib raise many types on damaged archives
        reason = _printable(exc)
        if current == 1:
            raise InputError(f"cannot read the WARC archive ({reason})", path=doc) from exc
        raise InputError(_stopped(current, reason), path=doc) from exc


def _left_over(stream: BinaryIO, archive: ArchiveIterator) -> bool:
    """True when bytes other than blank lines follow the last whole record: warcio ends
    quietly on a gzip member cut short, so the archive is checked to its last byte."""
    end = archive.get_record_offset() + (archive.get_record_length() or 0)
    stream.seek(end)
    return bool(stream.read(_CHUNK).strip())


def _stopped(number: int, reason: str) -> str:
    kept = f"the {number - 1} records before it were read" if number > 1 else "nothing was read"
    return f"the WARC archive is truncated or damaged at record {number} ({reason}); {kept}"


def _printable(exc: Exception) -> str:
    """The exception's message without raw bytes: printable ASCII only, one line, short."""
    text = _UNPRINTABLE.sub(" ", str(exc))
    return " ".join(text.split())[:120] or type(exc).__name__


def _drain(record: ArcWarcRecord) -> None:
    """Read what is left of the record's block, so a short one can be noticed."""
    while record.raw_stream.read(_CHUNK):
        pass


@dataclass(frozen=True)
class WarcRecordInfo:
    number: int  # 1-based position of the record in the archive
    offset: int  # where the record starts in the (possibly compressed) file
    page: bool  # an HTML or text page, that becomes an article


def scan_warc(doc: str, path: Path) -> Iterator[WarcRecordInfo]:
    """Where each record of the archive starts, without reading any payload."""
    current = 1
    try:
        with path.open("rb") as stream:
            records = ArchiveIterator(stream)
            for number, record in enumerate(records, start=1):
                current = number
                if record.format != "warc":
                    raise _not_a_warc(doc)
                page = record.rec_type in ("response", "resource") and (
                    _content_type(record) in _KINDS
                )
                yield WarcRecordInfo(number, records.get_record_offset(), page)
    except InputError:
        raise
    except Exception as exc:  # warcio, gzip and zlib raise many types on damaged archives
        reason = _printable(exc)
        if current == 1:
            raise InputError(f"cannot read the WARC archive ({reason})", path=doc) from exc
        raise InputError(_stopped(current, reason), path=doc) from exc


def _not_a_warc(doc: str) -> InputError:
    return InputError("cannot read the WARC archive (not in WARC format)", path=doc)


def _page(number: int, record: ArcWarcRecord, max_bytes: int) -> WarcPage | None:
    if record.rec_type not in ("response", "resource"):
        return None
    kind = _KINDS.get(_content_type(record))
    if kind is None:
        return None
    payload = record.content_stream().read(max_bytes + 1)  # the rest is drained unread
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
