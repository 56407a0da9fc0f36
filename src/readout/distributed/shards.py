"""Split the inputs into shards: many articles per task, found without reading them all.

Files (text, HTML, JSON) are grouped, a few hundred to a shard. A JSON Lines feed
or a WARC archive is cut into runs of records; planning one means a fast scan for
line or record boundaries, which runs as a task on the cluster, not on the driver.

Every article has a position, (source number, record number): the order in which
``readout ingest`` would read it. Merging follows that order, so a run gives the
events a sequential ingest of the same inputs would, whatever the shards.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from readout.distributed.streams import feed_compression, open_feed
from readout.errors import InputError
from readout.ingest import discover
from readout.ingest.readers import format_from_name
from readout.ingest.source import check_file, iter_lines
from readout.ingest.warc import scan_warc
from readout.limits import MAX_LINE_BYTES

SourceKind = Literal["file", "feed", "warc"]


@dataclass(frozen=True)
class Source:
    """One input document, numbered in the order ``readout ingest`` reads them."""

    number: int
    doc: str
    path: str
    kind: SourceKind


@dataclass(frozen=True)
class Shard:
    """One task's worth of articles.

    ``feed``: lines ``first`` .. ``first + count - 1`` (1-based), starting at byte
    ``offset`` of a plain feed; ``warc``: ``count`` records from record ``first`` at
    ``offset`` (``count`` None: to the end); ``file``: whole files, in ``files``.
    """

    id: str
    kind: SourceKind
    files: tuple[Source, ...]
    offset: int = 0
    first: int = 1
    count: int | None = None
    articles: int = 0  # how many articles it should hold, for the progress bar


def sources(paths: Sequence[str]) -> list[Source]:
    """The documents under ``paths``, numbered; stdin cannot be split into shards."""
    found = []
    for number, (doc, path) in enumerate(discover(paths)):
        if path is None:
            raise InputError("readout run reads files and folders, not stdin", path=doc)
        found.append(Source(number, doc, str(path), _kind(path)))
    return found


def _kind(path: Path) -> SourceKind:
    if feed_compression(path.name) is not None:
        return "feed"
    if format_from_name(path.name) == "warc":
        return "warc"
    return "file"


def file_shards(files: Sequence[Source], size: int) -> list[Shard]:
    """Whole files grouped ``size`` to a shard, in order."""
    return [
        Shard(f"{group[0].number:06d}-files", "file", tuple(group), articles=len(group))
        for group in (files[i : i + size] for i in range(0, len(files), size))
    ]


def plan_source(source: Source, size: int) -> list[Shard]:
    """The shards of one feed or archive (a task on the cluster); InputError if unreadable."""
    path = Path(source.path)
    check_file(source.doc, path)
    if source.kind == "warc":
        return _warc_shards(source, size)
    try:
        shards = list(_feed_shards(source, size))
    except (OSError, EOFError, ValueError) as exc:  # gzip/zstd errors are OSError/ValueError
        reason = " ".join(str(exc).split())[:120] or type(exc).__name__
        raise InputError(f"cannot read the feed ({reason})", path=source.doc) from exc
    if not shards:
        raise InputError("file is empty or contains only whitespace", path=source.doc)
    return shards


def _feed_shards(source: Source, size: int) -> Iterator[Shard]:
    plain = feed_compression(Path(source.path).name) == ""
    first, first_offset, records = 1, 0, 0  # the shard being filled
    number = 0
    with open_feed(Path(source.path)) as stream:
        offset = 0  # where the next line starts (a plain feed's offsets are kept)
        for number, line in iter_lines(stream, MAX_LINE_BYTES):
            if line is None or line.strip():
                if records == size:
                    yield _feed_shard(source, first_offset, first, number - first, records)
                    first, first_offset, records = number, offset, 0
                records += 1
            offset = stream.tell() if plain else 0
    if records:
        yield _feed_shard(source, first_offset, first, number - first + 1, records)


def _feed_shard(source: Source, offset: int, first: int, count: int, records: int) -> Shard:
    return Shard(
        f"{source.number:06d}-{first:09d}",
        "feed",
        (source,),
        offset=offset,
        first=first,
        count=count,
        articles=records,
    )


def _warc_shards(source: Source, size: int) -> list[Shard]:
    shards: list[Shard] = []
    start: tuple[int, int] | None = None  # (offset, record number)
    pages = 0
    for record in scan_warc(source.doc, Path(source.path)):
        if record.page and pages == size and start is not None:
            shards.append(_warc_shard(source, start, record.number - start[1], pages))
            start, pages = None, 0
        if start is None:
            start = (record.offset, record.number)
        pages += record.page
    if start is not None and pages:
        shards.append(_warc_shard(source, start, None, pages))
    if not shards:
        raise InputError("no HTML or plain-text records in the WARC archive", path=source.doc)
    return shards


def _warc_shard(source: Source, start: tuple[int, int], count: int | None, pages: int) -> Shard:
    return Shard(
        f"{source.number:06d}-{start[1]:09d}",
        "warc",
        (source,),
        offset=start[0],
        first=start[1],
        count=count,
        articles=pages,
    )
