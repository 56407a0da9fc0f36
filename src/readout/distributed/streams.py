"""Lines of a JSON Lines feed, plain, gzip or Zstandard, without holding the file.

A line longer than the limit is reported (``None``) and skipped over in pieces,
so a feed of one endless line costs bounded memory.
"""

from __future__ import annotations

import gzip
import io
import typing
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

import zstandard

JSONL_SUFFIXES = (".jsonl", ".ndjson")
COMPRESSIONS = (".gz", ".zst")
_CHUNK = 1 << 20


def feed_compression(name: str) -> str | None:
    """'' for a plain feed, '.gz' or '.zst' for a compressed one, None if not a feed."""
    lowered = name.lower()
    for suffix in JSONL_SUFFIXES:
        if lowered.endswith(suffix):
            return ""
        for compression in COMPRESSIONS:
            if lowered.endswith(suffix + compression):
                return compression
    return None


@contextmanager
def open_feed(path: Path, offset: int = 0) -> Iterator[BinaryIO]:
    """The feed's decompressed bytes; a plain feed starts at byte ``offset``."""
    compression = feed_compression(path.name)
    with path.open("rb") as raw:
        if compression == ".gz":
            with gzip.GzipFile(fileobj=raw, mode="rb") as unzipped:
                yield typing.cast(BinaryIO, unzipped)
        elif compression == ".zst":
            reader = zstandard.ZstdDecompressor().stream_reader(raw)
            with io.BufferedReader(reader, _CHUNK) as stream:
                yield typing.cast(BinaryIO, stream)
        else:
            raw.seek(offset)
            yield raw


def iter_lines(stream: BinaryIO, limit: int) -> Iterator[tuple[bytes | None, int]]:
    """(line without its newline, bytes consumed) per line; the line is None when
    it is longer than ``limit``."""
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        size = len(line)
        if len(line) > limit and not line.endswith(b"\n"):
            while line and not line.endswith(b"\n"):  # skip the rest of the long line
                line = stream.readline(_CHUNK)
                size += len(line)
            yield None, size
            continue
        yield line.rstrip(b"\n").rstrip(b"\r"), size
