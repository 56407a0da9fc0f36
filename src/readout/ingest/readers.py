"""Turn one source (file or stdin) into Articles, whatever its format.

The format comes from the file extension, or is sniffed from the content when
the extension is unknown or the source is stdin. Every Article's text is
cleaned; its publication date follows one precedence: the caller's date
("cli"), else the document's metadata, else a date line at the top of the text.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, Literal

from readout.errors import InputError
from readout.ingest.clean import clean_text
from readout.ingest.decode import check_file, decode_bytes, read_file_bytes, read_stream_bytes
from readout.ingest.html import extract_html
from readout.ingest.jsonl import (
    JsonRecord,
    bad_lines_message,
    iter_json_items,
    iter_jsonl,
    load_json_document,
    looks_like_jsonl,
)
from readout.ingest.outlets import settle_outlet
from readout.ingest.pubdate import dateline_date
from readout.ingest.warc import WarcPage, iter_warc_pages
from readout.model import Article, PublishedSource

Format = Literal["text", "html", "jsonl", "json", "warc"]
DEFAULT_MAX_BYTES = 50_000_000

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
    if path is None:
        data = read_stream_bytes(doc, sys.stdin.buffer, max_bytes)
    else:
        data = read_file_bytes(doc, path, max_bytes)
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
    """HTML if it looks like markup, JSONL if every non-empty line is an object,
    JSON if the whole text is an object or a list, else plain text."""
    head = text[:4000]
    stripped = head.lstrip()
    if stripped.startswith("<") and _MARKUP.search(head):
        return "html"
    if len(_MARKUP.findall(head)) >= 3:
        return "html"
    if stripped.startswith("{") and looks_like_jsonl(text):
        return "jsonl"
    if load_json_document(text) is not None:
        return "json"
    return "text"


def _read_text_format(
    doc: str, text: str, fmt: Format, published: dt.date | None
) -> Iterator[Article]:
    if fmt == "jsonl":
        yield from _read_records(doc, iter_jsonl(text), published, noun="line")
    elif fmt == "json":
        yield from _read_records(
            doc, iter_json_items(_json_items(doc, text)), published, noun="item"
        )
    elif fmt == "html":
        yield _html_article(doc, text, published, url=None)
    else:
        yield build_article(doc, text, published=published)


def _json_items(doc: str, text: str) -> list[Any]:
    items = load_json_document(text)
    if items is None:
        if looks_like_jsonl(text):  # a feed saved with a .json name
            return [json.loads(line) for line in text.split("\n") if line.strip()]
        raise InputError("not valid JSON (expected an object or a list of objects)", path=doc)
    return items


def _read_records(
    doc: str,
    records: Iterable[tuple[int, JsonRecord | None]],
    published: dt.date | None,
    *,
    noun: str,
) -> Iterator[Article]:
    """Yield the good records' articles, then report all bad ones in one InputError."""
    bad: list[int] = []
    for number, record in records:
        if record is None:
            bad.append(number)
            continue
        record_doc = f"{doc}#{record.id}" if record.id else f"{doc}#{number}"
        try:
            yield build_article(
                record_doc,
                record.text,
                published=published,
                title=record.title,
                url=record.url,
                outlet=record.outlet,
                metadata_date=record.published,
            )
        except InputError:
            bad.append(number)
    if bad:
        raise InputError(bad_lines_message(bad, noun), path=doc)


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
    found = 0
    for page in iter_warc_pages(doc, path, max_bytes):
        page_doc = f"{doc}#{page.number}"
        try:
            article = _warc_article(page_doc, page, published)
        except InputError:
            bad.append(page.number)
            continue
        found += 1
        yield article
    if bad:
        raise InputError(bad_lines_message(bad, "record"), path=doc)
    if not found:
        raise InputError("no HTML or plain-text records in the WARC archive", path=doc)


def _warc_article(page_doc: str, page: WarcPage, published: dt.date | None) -> Article:
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
    outlet from what the source names or the URL's domain (``readout.ingest.outlets``)."""
    cleaned = clean_text(text)
    if not cleaned.text:
        raise InputError("no article text left after removing boilerplate", path=doc)
    dateline = cleaned.published or dateline_date(cleaned.text)
    date, source = _settle_date(published, metadata_date, dateline)
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
