"""What runs on a worker: one Extractor per process, and one shard per task.

The Extractor (spaCy and the knowledge base) is loaded once per worker process,
by a worker plugin when the worker starts, and kept in a per-process cache; a
task carries only its shard's description. The task writes its Parquet files
itself and sends back a few counts, so articles never travel through the driver.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow as pa
from distributed.diagnostics.plugin import WorkerPlugin

from readout.distributed.columns import to_row
from readout.distributed.layout import (
    NO_MONTH,
    Layout,
    month_of,
    write_json,
    write_parquet,
    write_text,
)
from readout.distributed.reading import Item, read_shard
from readout.distributed.schemas import ARTICLE_SCHEMA, MENTION_SCHEMA
from readout.distributed.shards import Shard
from readout.errors import ReadoutError
from readout.isolation import BatchExtractor, extract_isolated
from readout.limits import MAX_DOCUMENT_BYTES
from readout.model import Article, Event
from readout.store import dedupe
from readout.store.mentions import short_id
from readout.store.merge import actor_key

PROGRESS_TOPIC = "readout-progress"
THREAD_LIMITS = {"OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1"}


ExtractorFactory = Callable[[tuple[Path, ...]], BatchExtractor]


def default_extractor(actor_files: tuple[Path, ...]) -> BatchExtractor:
    from readout.pipeline import Extractor

    return Extractor(actor_files=actor_files)


@dataclass(frozen=True)
class Job:
    """What every shard task needs to know besides its shard."""

    out: str
    published: Any = None  # dt.date | None
    actor_files: tuple[str, ...] = ()
    max_bytes: int = MAX_DOCUMENT_BYTES  # a file, or a WARC record
    extractor: ExtractorFactory = field(default=default_extractor)


_EXTRACTORS: dict[tuple[Any, tuple[str, ...]], BatchExtractor] = {}


def extractor_for(job: Job) -> BatchExtractor:
    """This process's extractor for the job, loaded on first use."""
    key = (job.extractor, job.actor_files)
    if key not in _EXTRACTORS:
        _EXTRACTORS[key] = job.extractor(tuple(Path(p) for p in job.actor_files))
    return _EXTRACTORS[key]


class ExtractorPlugin(WorkerPlugin):  # type: ignore[misc]
    """Loads the extractor as each worker starts (and restarts), before any task."""

    name = "readout-extractor"

    def __init__(self, job: Job) -> None:
        self.job = job

    def setup(self, worker: Any) -> None:
        for key, value in THREAD_LIMITS.items():
            os.environ.setdefault(key, value)
        # One small article loads everything the extractor loads lazily (the spaCy model).
        warm_up = Article("warm-up", "France and Germany held talks in Paris on Monday.")
        list(extractor_for(self.job).extract_many([warm_up]))


@dataclass
class _Output:
    articles: list[dict[str, Any]] = field(default_factory=list)
    mentions: list[dict[str, Any]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def run_shard(shard: Shard, job: Job) -> dict[str, Any]:
    """Extract one shard into its Parquet files, then mark it done; returns its counts."""
    layout = Layout(Path(job.out))
    marker = layout.done_file(shard.id)
    if marker.exists():  # finished by an earlier attempt
        done: dict[str, Any] = json.loads(marker.read_text(encoding="utf-8"))
        return done
    started = time.perf_counter()
    extractor = extractor_for(job)
    out = _Output()
    report = _Reporter(shard.id)
    read: dict[int, Item] = {}  # id(article) -> its item, until extracted

    def articles() -> Iterator[Article]:
        for item in read_shard(shard, job.published, job.max_bytes):
            if item.article is None:
                out.errors.append(item.problem or f"record {item.record}: unreadable")
                continue
            read[id(item.article)] = item
            yield item.article

    def failed(err: ReadoutError) -> None:
        out.errors.append(str(err))

    for article, events in extract_isolated(extractor, articles(), failed):
        _add(out, read.pop(id(article)), article, events)
        report(out)
    _write(layout, shard.id, out)
    counts = {
        "shard": shard.id,
        "articles": len(out.articles),
        "mentions": len(out.mentions),
        "errors": len(out.errors),
        "seconds": round(time.perf_counter() - started, 3),
        "worker_pid": os.getpid(),
    }
    write_json(marker, counts)
    return counts


def _add(out: _Output, item: Item, article: Article, events: list[Event]) -> None:
    text_hash = dedupe.text_hash(article.text)
    signature = dedupe.minhash(article.text)
    article_id = short_id("a", text_hash)
    out.articles.append(
        {
            "source_no": item.source, "record_no": item.record, "id": article_id,
            "doc": article.doc, "url": article.url, "title": article.title,
            "outlet": article.outlet, "published": article.published,
            "published_source": article.published_source, "text_hash": text_hash,
            "minhash": signature, "buckets": [key for _, key in dedupe.lsh_buckets(signature)],
            "text": article.text,
        }
    )  # fmt: skip
    for index, event in enumerate(events):
        row = to_row(event)
        row.update(
            source_no=item.source, record_no=item.record, article_id=article_id, mention_no=index,
            source_key=actor_key(event.source) if event.source else None,
            target_key=actor_key(event.target) if event.target else None,
        )  # fmt: skip
        row["month"] = month_of(article.published)
        out.mentions.append(row)


def _write(layout: Layout, shard_id: str, out: _Output) -> None:
    for table, rows, schema in (
        ("articles", out.articles, ARTICLE_SCHEMA),
        ("mentions", out.mentions, MENTION_SCHEMA),
    ):
        by_month: dict[str, list[dict[str, Any]]] = {}
        for row in rows:
            month = row.pop("month", None) or month_of(row.get("published"))
            by_month.setdefault(month, []).append(row)
        if not by_month:  # an empty file keeps every table readable, even with no article
            by_month[NO_MONTH] = []
        for month, month_rows in sorted(by_month.items()):
            write_parquet(
                layout.shard_file(table, month, shard_id),
                pa.Table.from_pylist(month_rows, schema=schema),
            )
    errors = layout.errors_file(shard_id)
    if out.errors:
        write_text(errors, "".join(f"{line}\n" for line in out.errors))
    elif errors.exists():
        errors.unlink()


class _Reporter:
    """Tells the driver how far a shard has got, about once a second."""

    def __init__(self, shard_id: str) -> None:
        self.shard_id = shard_id
        self.last = time.monotonic()

    def __call__(self, out: _Output) -> None:
        now = time.monotonic()
        if now - self.last < 1.0:
            return
        self.last = now
        try:
            from distributed import get_worker

            worker = get_worker()
        except ValueError:  # not on a worker (a direct call)
            return
        worker.log_event(
            PROGRESS_TOPIC,
            {"shard": self.shard_id, "articles": len(out.articles) + len(out.errors),
             "mentions": len(out.mentions), "errors": len(out.errors)},
        )  # fmt: skip
