"""Drive a run on a Dask cluster: plan shards, extract them, merge, write the dataset.

The driver only lists files, hands out shard descriptions and collects counts:
planning, extraction, deduplication, blocking and merging all run as tasks on the
cluster, and every task reads and writes the dataset folder itself (on a real
cluster, a file system all workers share).
"""

from __future__ import annotations

import fcntl
import json
import math
import os
import shutil
import time
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from distributed import Client, Future, as_completed

from readout.distributed import blocks, duplicates
from readout.distributed.finish import finish
from readout.distributed.layout import Layout, write_json, write_text
from readout.distributed.merge import merge_bucket
from readout.distributed.progress import RunProgress
from readout.distributed.shards import Shard, Source, file_shards, plan_source, sources
from readout.distributed.worker import PROGRESS_TOPIC, ExtractorPlugin, Job, run_shard
from readout.errors import ReadoutError

MENTIONS_PER_BUCKET = 20_000


@dataclass(frozen=True)
class RunOptions:
    shard_size: int = 200
    retries: int = 2  # a task that raises is tried again; one on a dead worker always is
    buckets: int | None = None  # merge tasks; default from the mentions and the workers


@dataclass
class RunSummary:
    articles: int = 0  # read and stored or skipped as duplicates
    mentions: int = 0
    errors: int = 0
    shards: int = 0
    resumed: int = 0  # shards finished by an earlier run
    failed: list[str] = field(default_factory=list)  # shards that could not be finished
    merged: dict[str, Any] = field(default_factory=dict)
    seconds: float = 0.0
    rate: float = 0.0  # articles per second of this run's extraction
    workers: int = 0

    @property
    def complete(self) -> bool:
        return not self.failed and bool(self.merged)


def run(
    inputs: Sequence[str],
    job: Job,
    client: Client,
    options: RunOptions = RunOptions(),
    progress: RunProgress | None = None,
) -> RunSummary:
    """Run (or finish) the extraction of ``inputs`` into the dataset ``job.out``."""
    progress = progress or RunProgress(show=False)
    layout = Layout(Path(job.out))
    started = time.monotonic()
    with _locked(layout):
        _check_run_file(layout, inputs, job, options)
        client.register_plugin(ExtractorPlugin(job))
        summary = RunSummary(workers=len(client.scheduler_info().get("workers", {})))
        shards = _plan(inputs, job, options, client, summary)
        done = layout.finished_shards()
        todo = [s for s in shards if s.id not in done]
        summary.shards, summary.resumed = len(shards), len(shards) - len(todo)
        _clear_partial(layout, {s.id for s in todo})
        progress.start(
            sum(s.articles for s in shards), len(shards), summary.resumed, _dashboard(client)
        )
        for shard in shards:
            if shard.id in done:
                progress.shard(shard.id, done[shard.id], done=True)
        progress.resumed = progress.counts.totals()[0]
        try:
            _extract(todo, job, options, client, progress, summary)
            summary.rate = progress.rate()
            counts = progress.counts.totals()
            summary.articles, summary.mentions = counts[0] - counts[2], counts[1]
            summary.errors += counts[2]
            if not summary.failed and shards:
                progress.phase("merging")
                ids = [s.id for s in shards]
                summary.merged = _guarded(
                    layout, lambda: _merge(layout, job, options, client, summary, ids)
                )
        finally:
            progress.stop()
    summary.seconds = time.monotonic() - started
    return summary


@contextmanager
def _locked(layout: Layout) -> Iterator[None]:
    """One run at a time writes a dataset."""
    layout.root.mkdir(parents=True, exist_ok=True)
    with (layout.root / ".lock").open("w") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            raise ReadoutError(
                "another readout run is writing this dataset", path=str(layout.root)
            ) from None
        yield


def _check_run_file(layout: Layout, inputs: Sequence[str], job: Job, options: RunOptions) -> None:
    """A dataset holds one run: a rerun must read the same inputs with the same options."""
    settings = {
        "inputs": [os.path.abspath(p) for p in inputs],
        "published": job.published.isoformat() if job.published else None,
        "actor_files": [os.path.abspath(p) for p in job.actor_files],
        "shard_size": options.shard_size,
        "max_bytes": job.max_bytes,
    }
    if layout.run_file.exists():
        before = json.loads(layout.run_file.read_text(encoding="utf-8"))
        if before != settings:
            changed = sorted(k for k in settings if before.get(k) != settings[k])
            raise ReadoutError(
                f"this dataset was made from other inputs or options ({', '.join(changed)});"
                " rerun with the same ones, or choose another --out",
                path=str(layout.root),
            )
    else:
        write_json(layout.run_file, settings)


def _plan(
    inputs: Sequence[str], job: Job, options: RunOptions, client: Client, summary: RunSummary
) -> list[Shard]:
    """Files are grouped on the driver; feeds and archives are scanned on the cluster."""
    found = sources(inputs)
    shards = file_shards([s for s in found if s.kind == "file"], options.shard_size)
    scans: dict[Future, Source] = {
        client.submit(
            plan_source, s, options.shard_size, pure=False,
            key=f"readout-plan-{s.number}-{uuid.uuid4().hex[:8]}",
        ): s
        for s in found
        if s.kind != "file"
    }  # fmt: skip
    layout = Layout(Path(job.out))
    for future in as_completed(scans):
        source = scans[future]
        errors = layout.errors_file(f"{source.number:06d}-plan")
        try:
            shards.extend(future.result())
            errors.unlink(missing_ok=True)
        except ReadoutError as err:
            summary.errors += 1
            write_text(errors, f"{err}\n")
        except Exception as exc:  # a worker lost too often, or a bug: the other inputs go on
            summary.errors += 1
            reason = f"{type(exc).__name__}: {' '.join(str(exc).split())[:200]}"
            write_text(errors, f"{source.doc}: cannot plan its shards ({reason})\n")
    return sorted(shards, key=lambda s: s.id)


def _clear_partial(layout: Layout, todo: set[str]) -> None:
    """Files a killed attempt left of shards still to do; they are rewritten whole."""
    for path in (layout.root / "shards").glob("*/*/*"):
        if path.name.startswith(".") or path.stem in todo:
            path.unlink(missing_ok=True)


def _dashboard(client: Client) -> str | None:
    """The dashboard's address, when the scheduler serves one."""
    try:
        if "dashboard" not in client.scheduler_info().get("services", {}):
            return None
        return str(client.dashboard_link)
    except Exception:  # an old or unusual scheduler: no link is no harm
        return None


def _extract(
    todo: list[Shard],
    job: Job,
    options: RunOptions,
    client: Client,
    progress: RunProgress,
    summary: RunSummary,
) -> None:
    def on_progress(event: Any) -> None:
        _, message = event
        progress.shard(message["shard"], message, done=False)

    client.subscribe_topic(PROGRESS_TOPIC, on_progress)
    token = uuid.uuid4().hex[:8]
    futures = {
        client.submit(
            run_shard, shard, job, key=f"readout-shard-{shard.id}-{token}", pure=False,
            retries=options.retries,
        ): shard
        for shard in todo
    }  # fmt: skip
    try:
        for future in as_completed(futures):
            shard = futures[future]
            try:
                progress.shard(shard.id, future.result(), done=True)
            except Exception as exc:  # a shard that kept failing: the others go on
                summary.failed.append(f"{shard.id}: {type(exc).__name__}: {exc}")
    finally:
        client.unsubscribe_topic(PROGRESS_TOPIC)
        for future in futures:
            future.release()


def _merge(
    layout: Layout,
    job: Job,
    options: RunOptions,
    client: Client,
    summary: RunSummary,
    shard_ids: list[str],
) -> dict[str, Any]:
    if layout.merged_file.exists() and not summary.shards - summary.resumed:
        merged: dict[str, Any] = json.loads(layout.merged_file.read_text(encoding="utf-8"))
        if merged.get("shards") == shard_ids:
            return merged  # nothing new since the last merge
    shutil.rmtree(layout.work_dir, ignore_errors=True)  # a merge always starts afresh
    started = time.perf_counter()
    decided = client.submit(duplicates.decide, layout, pure=False).result()
    buckets = options.buckets or max(
        2 * max(summary.workers, 1), math.ceil(summary.mentions / MENTIONS_PER_BUCKET)
    )
    blocked = client.submit(blocks.assign, layout, buckets, pure=False).result()
    merges = [client.submit(merge_bucket, job.out, k, pure=False) for k in range(buckets)]
    replayed = client.gather(merges)
    facts = {
        **decided, **blocked, "buckets": buckets, "shards": shard_ids,
        "replay_seconds": round(sum(r["seconds"] for r in replayed), 3),
    }  # fmt: skip
    merged = dict(client.submit(finish, job.out, facts, pure=False).result())
    merged["merge_seconds"] = round(time.perf_counter() - started, 3)
    return merged


def _guarded(layout: Layout, merge: Any) -> dict[str, Any]:
    """A failed merge is one line, and costs no extraction: the shards stay."""
    try:
        merged: dict[str, Any] = merge()
        return merged
    except ReadoutError:
        raise
    except Exception as exc:
        reason = " ".join(str(exc).split())[:300]
        raise ReadoutError(
            f"merging failed ({type(exc).__name__}: {reason}); the extracted shards are kept:"
            " rerun the same command to merge again",
            path=str(layout.root),
        ) from exc


def summary_line(summary: RunSummary, out: str) -> str:
    merged = summary.merged
    line = (
        f"{summary.articles} articles in {summary.shards} shards"
        f" ({summary.resumed} done before), {summary.mentions} event mentions"
    )
    if merged:
        line += (
            f" merged into {merged.get('events', 0)} events;"
            f" {merged.get('duplicates', 0)} duplicates skipped,"
            f" {merged.get('near_duplicates', 0)} near-duplicates linked"
        )
    line += f"; {summary.errors} errors"
    if summary.shards > summary.resumed:
        line += f"; {summary.rate:.1f} articles/s on {summary.workers} workers"
    if summary.failed:
        line += f"; {len(summary.failed)} shards failed, rerun to finish them"
    return line + f"; dataset {out}"
