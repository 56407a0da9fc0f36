"""Read one shard's articles lazily, each with its position and any problem.

The articles are built by the ingest readers' own functions (``read_source``,
``record_article``, ``warc_page_article``), so they are the articles
``readout ingest`` would store, named the same way.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from readout.distributed.shards import Shard
from readout.distributed.streams import open_feed
from readout.errors import InputError, ReadoutError
from readout.ingest import read_source
from readout.ingest.decode import decode_bytes
from readout.ingest.jsonl import parse_line
from readout.ingest.readers import record_article, warc_page_article
from readout.ingest.source import iter_lines
from readout.ingest.warc import iter_warc_pages
from readout.limits import MAX_LINE_BYTES
from readout.model import Article


@dataclass(frozen=True)
class Item:
    """One record of a shard: its article, or the one-line reason it has none."""

    source: int  # the source's number
    record: int  # the record's number in its source
    article: Article | None
    problem: str | None = None


def read_shard(shard: Shard, published: dt.date | None, max_bytes: int) -> Iterator[Item]:
    if shard.kind == "feed":
        yield from _feed_items(shard, published)
    elif shard.kind == "warc":
        yield from _warc_items(shard, published, max_bytes)
    else:
        for source in shard.files:
            yield from _file_items(source.number, source.doc, Path(source.path), published)


def _file_items(number: int, doc: str, path: Path, published: dt.date | None) -> Iterator[Item]:
    record = 0
    try:
        for record, article in enumerate(read_source(doc, path, published=published)):
            yield Item(number, record, article)
    except ReadoutError as err:  # the good records came first; this names the rest
        yield Item(number, record + 1, None, str(err))


def _feed_items(shard: Shard, published: dt.date | None) -> Iterator[Item]:
    source = shard.files[0]
    doc, last = source.doc, shard.first + (shard.count or 0) - 1
    skip = shard.first - 1 if shard.offset == 0 else 0  # a compressed feed is read from its start
    number = shard.first - 1
    try:
        with open_feed(Path(source.path), shard.offset) as stream:
            for counted, raw in iter_lines(stream, MAX_LINE_BYTES):
                if counted <= skip:
                    continue
                number = counted + (shard.first - 1 - skip)
                if number > last:
                    return
                item = _feed_item(source.number, doc, number, raw, published)
                if item is not None:
                    yield item
    except (OSError, EOFError, ValueError) as exc:
        reason = " ".join(str(exc).split())[:120] or type(exc).__name__
        yield Item(source.number, number + 1, None, f"{doc}: cannot read the feed ({reason})")


def _feed_item(
    number: int, doc: str, line_no: int, raw: bytes | None, published: dt.date | None
) -> Item | None:
    """One line as ``readout ingest`` reads it (``ingest.readers``): decoded, parsed, built."""
    where = f"{doc}#{line_no}"
    if raw is None:
        return Item(number, line_no, None, f"{where}: longer than {MAX_LINE_BYTES:,} bytes")
    if not raw.strip():
        return None
    try:
        record = parse_line(decode_bytes(where, raw), line_no)
        if isinstance(record, str):
            raise InputError(record, path=where)
        return Item(number, line_no, record_article(doc, line_no, record, published))
    except ReadoutError as err:
        return Item(number, line_no, None, str(err))


def _warc_items(shard: Shard, published: dt.date | None, max_bytes: int) -> Iterator[Item]:
    source = shard.files[0]
    pages = iter_warc_pages(
        source.doc,
        Path(source.path),
        max_bytes,
        offset=shard.offset,
        first=shard.first,
        count=shard.count,
    )
    number, found = shard.first, 0
    try:
        for page in pages:
            number, found = page.number, found + 1
            try:
                yield Item(source.number, number, warc_page_article(source.doc, page, published))
            except ReadoutError as err:
                yield Item(source.number, number, None, str(err))
    except ReadoutError as err:  # the archive breaks off: the rest of the shard is lost
        yield Item(source.number, number + 1, None, str(err))
        return
    if found < shard.articles:  # planned from the whole file: it was cut or changed since
        yield Item(
            source.number,
            number + 1,
            None,
            f"{source.doc}: cannot read the WARC archive (it ends after record {number};"
            f" {shard.articles - found} of the pages found when planning are missing)",
        )
