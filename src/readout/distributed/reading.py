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
from readout.distributed.streams import iter_lines, open_feed
from readout.errors import InputError, ReadoutError
from readout.ingest import read_source
from readout.ingest.decode import decode_bytes, normalise_text
from readout.ingest.jsonl import parse_record
from readout.ingest.readers import record_article, warc_page_article
from readout.ingest.warc import iter_warc_pages
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
        yield from _feed_items(shard, published, max_bytes)
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


def _feed_items(shard: Shard, published: dt.date | None, max_bytes: int) -> Iterator[Item]:
    source = shard.files[0]
    doc, last = source.doc, shard.first + (shard.count or 0) - 1
    number = 0 if shard.offset == 0 else shard.first - 1
    try:
        with open_feed(Path(source.path), shard.offset) as stream:
            for line, _ in iter_lines(stream, max_bytes):
                number += 1
                if number < shard.first:
                    continue  # a compressed feed is read from its start
                if number > last:
                    return
                item = _feed_item(source.number, doc, number, line, published, max_bytes)
                if item is not None:
                    yield item
    except (OSError, EOFError, ValueError) as exc:
        reason = " ".join(str(exc).split())[:120] or type(exc).__name__
        yield Item(source.number, number + 1, None, f"{doc}: cannot read the feed ({reason})")


def _feed_item(
    number: int,
    doc: str,
    line_no: int,
    line: bytes | None,
    published: dt.date | None,
    max_bytes: int,
) -> Item | None:
    where = f"{doc}#{line_no}"
    if line is None:
        return Item(number, line_no, None, f"{where}: line is longer than {max_bytes} bytes")
    if not line.strip():
        return None
    try:
        text = _decode_line(where, line)
        record = parse_record(text, line_no)
        if record is None:
            raise InputError('not a JSON object with a "text" string', path=where)
        return Item(number, line_no, record_article(doc, line_no, record, published))
    except ReadoutError as err:
        return Item(number, line_no, None, str(err))


def _decode_line(where: str, line: bytes) -> str:
    try:
        return normalise_text(line.decode("utf-8-sig"))
    except UnicodeDecodeError:
        return decode_bytes(where, line)


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
