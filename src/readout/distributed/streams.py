"""Open a JSON Lines feed, plain, gzip or Zstandard, as a stream of its lines' bytes.

Lines are then read with the ingest's own bounded reader (``ingest.source.iter_lines``).
"""

from __future__ import annotations

import gzip
import io
import typing
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

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
def open_feed(path: Path, offset: int = 0) -> Iterator[io.BufferedReader]:
    """The feed's decompressed bytes; a plain feed starts at byte ``offset``."""
    compression = feed_compression(path.name)
    with path.open("rb") as raw:
        if compression == ".gz":
            with gzip.GzipFile(fileobj=raw, mode="rb") as unzipped:
                yield typing.cast(io.BufferedReader, unzipped)
        elif compression == ".zst":
            reader = zstandard.ZstdDecompressor().stream_reader(raw)
            with io.BufferedReader(reader, _CHUNK) as stream:
                yield typing.cast(io.BufferedReader, stream)
        else:
            raw.seek(offset)
            yield raw
