"""Turn one source (file, FIFO or stdin) into Articles, whatever its format.

The format comes from the file extension, or is sniffed from the content when
the extension is unknown or the source is stdin. JSON Lines feeds are read a
line at a time (a feed may be any size; each line is bounded); other formats
hold one article (or one JSON document) and are read whole, up to a limit.
Every Article's text is cleaned; its publication date follows one precedence:
the caller's date ("cli"), else the document's metadata, else a date line at
the top of the text.

One bad record never costs another: its problem is remembered, the good
records are yielded, and one InputError at the end lists the bad ones.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO, Literal

from readout.errors import InputError
from readout.ingest.clean import clean_text
from readout.ingest.decode import decode_bytes
from readout.ingest.html import extract_html
from readout.ingest.jsonl import (
    JsonRecord,
    bad_lines_message,
    iter_json_items,
    load_json_document,
    looks_like_jsonl,
    parse_line,
)
from readout.ingest.outlets import settle_outlet
from readout.ingest.pubdate import MAX_YEAR, MIN_YEAR, dateline_date
from readout.ingest.source import (
    check_file,
    check_size,
    iter_lines,
    open_source,
    prefixed,
    read_limited,
)
from readout.ingest.warc import WarcPage, iter_warc_pages
from readout.limits import (
    MAX_ARTICLE_CHARS,
    MAX_DOCUMENT_BYTES,
    MAX_LINE_BYTES,
    calendar_problem,
)
from readout.model import Article, PublishedSource

Format = Literal["text", "html", "jsonl", "json", "warc"]
DEFAULT_MAX_BYTES = MAX_DOCUMENT_BYTES
# How much of an unnamed source is looked at to tell its format.
SNIFF_BYTES = 65_536

_EXTENSIONS: dict[str, Format] = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".warc": "warc",
    ".warc.gz": "warc",
}
_MARKUP = re.compile(r"<(?:!doctype\s+html|html|head|body|article|div|p|section|main)[\s>/]", re.I)
# A JSON object that starts with a key: '{"text": ...'. Plain text rarely starts so.
_JSON_OBJECT_START = re.compile(r'^\s*\{\s*(?:"|\})')
_UNICODE_BOMS = (b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")


def read_source(
    doc: str,
    path: Path | None,
    *,
    published: dt.date | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[Article]:
    """Yield one Article per article in the source; raise InputError (one line) when unreadable."""
    fmt = format_from_name(path.name) if path is not None else None
    if path is not None and fmt == "warc":
        check_file(doc, path)  # archives can be huge: max_bytes applies per record
        yield from _read_warc(doc, path, published, max_bytes)
        return
    if fmt not in (None, "jsonl"):
        check_size(doc, path, max_bytes)
    with open_source(doc, path) as stream:
        head = b""
        if fmt is None:
            head = stream.read(SNIFF_BYTES)
            if _streams_as_jsonl(head):
                fmt = "jsonl"
        if fmt == "jsonl":
            yield from _read_jsonl(doc, prefixed(head, stream), published)
            return
        data = read_limited(doc, stream, max_bytes, head, what="file" if path else "input")
    text = decode_bytes(doc, data)
    yield from _read_text_format(doc, text, fmt or sniff_format(text), published)


def format_from_name(name: str) -> Format | None:
    """The format its extension names, or None when it must be sniffed."""
    lowered = name.lower()
    for suffix, fmt in sorted(_EXTENSIONS.items(), key=lambda item: -len(item[0])):
        if lowered.endswith(suffix):
            return fmt
    return None


def sniff_format(text: str) -> Format:
    """HTML if it looks like markup; JSON if the whole text is one JSON document that is
    not a feed; JSONL if it starts like a JSON object (whatever its bad lines); else text."""
    head = text[:4000]
    stripped = head.lstrip()
    if stripped.startswith("<") and _MARKUP.search(head):
        return "html"
    if len(_MARKUP.findall(head)) >= 3:
        return "html"
    if _JSON_OBJECT_START.match(head):
        if looks_like_jsonl(text) or load_json_document(text) is None:
            return "jsonl"
        return "json"
    if load_json_document(text) is not None:
        return "json"
    return "text"


def _streams_as_jsonl(head: bytes) -> bool:
    """True when an unnamed source can be read line by line as a feed without reading it
    whole: it starts like a JSON object, and its first line is one (or runs past the head)."""
    if head.startswith(_UNICODE_BOMS):
        return False
    text = head.decode("utf-8", errors="replace").lstrip("\ufeff")
    if not _JSON_OBJECT_START.match(text):
        return False
    first, newline, _ = text.lstrip().partition("\n")
    if not newline:
        return len(head) >= SNIFF_BYTES  # one record longer than the head
    try:
        return isinstance(json.loads(first), dict)
    except (ValueError, RecursionError):
        return False


def _read_text_format(
    doc: str, text: str, fmt: Format, published: dt.date | None
) -> Iterator[Article]:
    if fmt == "json" and load_json_document(text) is None and looks_like_jsonl(text):
        fmt = "jsonl"  # a feed saved with a .json name
    if fmt == "jsonl":
        lines = ((n, line) for n, line in enumerate(text.split("\n"), start=1))
        yield from _read_records(doc, _parsed(lines), published, noun="line")
    elif fmt == "json":
        items = iter_json_items(_json_items(doc, text))
        yield from _read_records(
            doc, ((n, r if r is not None else "not an article object") for n, r in items),
            published, noun="item",
        )  # fmt: skip
    elif fmt == "html":
        yield _html_article(doc, text, published, url=None)
    else:
        yield build_article(doc, text, published=published)


def _parsed(lines: Iterable[tuple[int, str]]) -> Iterator[tuple[int, JsonRecord | str]]:
    for number, line in lines:
        if line.strip():
            yield number, parse_line(line, number)


def _json_items(doc: str, text: str) -> list[Any]:
    items = load_json_document(text)
    if items is None:
        raise InputError("not valid JSON (expected an object or a list of objects)", path=doc)
    return items


def _read_jsonl(doc: str, stream: BinaryIO, published: dt.date | None) -> Iterator[Article]:
    """A feed, one line at a time: memory stays bounded by the longest allowed line."""
    yield from _read_records(doc, _stream_lines(doc, stream), published, noun="line")


def _stream_lines(doc: str, stream: Any) -> Iterator[tuple[int, JsonRecord | str]]:
    for number, raw in iter_lines(stream, MAX_LINE_BYTES):
        if raw is None:
            yield number, f"longer than {MAX_LINE_BYTES:,} bytes"
            continue
        if not raw.strip():
            continue
        try:
            line = decode_bytes(f"{doc}#{number}", raw)
        except InputError as err:
            yield number, _reason(err)
            continue
        yield number, parse_line(line, number)


def _read_records(
    doc: str,
    records: Iterable[tuple[int, JsonRecord | str]],
    published: dt.date | None,
    *,
    noun: str,
) -> Iterator[Article]:
    """Yield the good records' articles, then report all bad ones in one InputError."""
    bad: list[int] = []
    first_reason: str | None = None
    found = 0
    for number, record in records:
        reason = record if isinstance(record, str) else None
        if isinstance(record, JsonRecord):
            try:
                article = record_article(doc, number, record, published)
            except InputError as err:
                reason = _reason(err)
            except Exception as exc:  # a bug must not cost the other records
                reason = f"internal error ({type(exc).__name__})"
            else:
                found += 1
                yield article
        if reason is not None:
            bad.append(number)
            first_reason = first_reason or reason
    if bad:
        raise InputError(bad_lines_message(bad, noun, first_reason), path=doc)
    if not found:
        raise InputError(f"no articles in the file (no {noun}s with text)", path=doc)


def _reason(err: InputError) -> str:
    """The message of a record's InputError without its 'doc: ' prefix."""
    text = str(err)
    return text[len(err.path) + 2 :] if err.path and text.startswith(f"{err.path}: ") else text


def record_article(doc: str, number: int, record: JsonRecord, published: dt.date | None) -> Article:
    """The article of one feed record, named ``doc#id`` (or ``doc#line`` without an id)."""
    record_doc = f"{doc}#{record.id}" if record.id else f"{doc}#{number}"
    return build_article(
        record_doc,
        record.text,
        published=published,
        title=record.title,
        url=record.url,
        outlet=record.outlet,
        metadata_date=record.published,
    )


def _html_article(doc: str, html: str, published: dt.date | None, url: str | None) -> Article:
    page = extract_html(doc, html, url=url)
    return build_article(
        doc,
        page.text,
        published=published,
        title=page.title,
        url=page.url,
        outlet=page.outlet,
        metadata_date=page.published,
    )


def _read_warc(
    doc: str, path: Path, published: dt.date | None, max_bytes: int
) -> Iterator[Article]:
    bad: list[int] = []
    first_reason: str | None = None
    found = 0
    for page in iter_warc_pages(doc, path, max_bytes):
        try:
            article = warc_page_article(doc, page, published)
        except InputError as err:
            bad.append(page.number)
            first_reason = first_reason or _reason(err)
            continue
        except Exception as exc:  # a bug must not cost the other records
            bad.append(page.number)
            first_reason = first_reason or f"internal error ({type(exc).__name__})"
            continue
        found += 1
        yield article
    if bad:
        raise InputError(bad_lines_message(bad, "record", first_reason), path=doc)
    if not found:
        raise InputError("no HTML or plain-text records in the WARC archive", path=doc)


def warc_page_article(doc: str, page: WarcPage, published: dt.date | None) -> Article:
    """The article of one archive page, named ``doc#record-number``."""
    page_doc = f"{doc}#{page.number}"
    if page.payload is None:
        raise InputError("record is too large", path=page_doc)
    text = decode_bytes(page_doc, page.payload)
    if page.kind == "html":
        return _html_article(page_doc, text, published, url=page.url)
    return build_article(page_doc, text, published=published, url=page.url)


def build_article(
    doc: str,
    text: str,
    *,
    published: dt.date | None,
    title: str | None = None,
    url: str | None = None,
    outlet: str | None = None,
    metadata_date: dt.date | None = None,
) -> Article:
    """Clean the text and settle the publication date by precedence: cli, metadata, a date
    line at the top or a wire dateline ("MOSCOW, Dec. 23, 2019 (Reuters) -"); and the
    outlet from what the source names or the URL's domain (``readout.ingest.outlets``).
    Text over MAX_ARTICLE_CHARS is refused, and so is a caller's date outside the calendar
    (``readout.limits``); a date read from the document outside MIN_YEAR..MAX_YEAR is
    not believed, as ``readout.ingest.pubdate`` does for metadata."""
    if len(text) > MAX_ARTICLE_CHARS:
        raise InputError(
            f"article is too long ({len(text):,} characters; limit {MAX_ARTICLE_CHARS:,})",
            path=doc,
        )
    cleaned = clean_text(text)
    if not cleaned.text:
        raise InputError("no article text left after removing boilerplate", path=doc)
    dateline = cleaned.published or dateline_date(cleaned.text)
    if dateline is not None and not MIN_YEAR <= dateline.year <= MAX_YEAR:
        dateline = None  # "Published: 31 December 9999" is no publication date
    date, source = _settle_date(published, metadata_date, dateline)
    if date is not None:
        problem = calendar_problem(date)
        if problem:
            raise InputError(f"publication date {problem}", path=doc)
    return Article(
        doc=doc,
        text=cleaned.text,
        title=title or cleaned.title,
        url=url,
        outlet=settle_outlet(outlet, url),
        published=date,
        published_source=source,
    )


def _settle_date(
    cli: dt.date | None, metadata: dt.date | None, dateline: dt.date | None
) -> tuple[dt.date | None, PublishedSource]:
    if cli is not None:
        return cli, "cli"
    if metadata is not None:
        return metadata, "metadata"
    if dateline is not None:
        return dateline, "dateline"
    return None, "unknown"
