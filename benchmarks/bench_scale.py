"""Scaling of ``readout run``: 1 and 2 Dask workers on the same articles, in one run.

For each worker count, a fresh LocalCluster (one process per worker, one thread
each) runs the same JSONL feed of real news stories (cycled, each copy made
distinct) into a fresh dataset. Reported per run: extraction throughput (from the
first shard handed out to the last one finished, after the workers have loaded the
extractor), wall time with planning and merging, peak RSS of each worker, the
driver's own CPU time; then parallel efficiency and the cost per million articles.

The WARC readers are measured first on an archive of the same stories: warcio
(which ``readout`` uses) beside FastWARC, in records per second, next to the cost
of extracting one article.

    python benchmarks/bench_scale.py [--articles 800] [--shard-size 25] [--rounds 1]
                                     [--price 0.04]

``--price`` is an assumed price of one core-hour in dollars (cloud on-demand
prices for a general-purpose vCPU are of that order); the cost scales with it.
"""

from __future__ import annotations

import argparse
import io
import json
import logging
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED_CORPUS = ROOT.parent / "shared" / "corpus" / "voa-sample.jsonl"


def stories() -> list[dict[str, Any]]:
    records = []
    if SHARED_CORPUS.is_file():
        for line in SHARED_CORPUS.read_text(encoding="utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                records.append({"text": record["text"], "title": record.get("title")})
    for path in sorted((ROOT / "examples" / "articles").glob("*.txt")):
        records.append({"text": path.read_text(encoding="utf-8"), "title": path.stem})
    return records


def write_feed(path: Path, count: int) -> int:
    base = stories()
    with path.open("w", encoding="utf-8") as out:
        for i in range(count):
            story = base[i % len(base)]
            # A distinct last line keeps every copy a distinct article (no dedupe shortcut).
            text = f"{story['text']}\n\nReference {i} of this benchmark."
            out.write(json.dumps({"id": f"b{i}", "title": story["title"], "text": text,
                                  "published": f"2025-{1 + i % 12:02d}-15"}) + "\n")  # fmt: skip
    return sum(len(s["text"].split()) for s in base) // len(base)


# --- WARC readers ----------------------------------------------------------------


def bench_warc(count: int) -> dict[str, float]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    base = stories()
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    for i in range(count):
        body = f"<html><body><article><p>{base[i % len(base)]['text']}</p></article></body></html>"
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        data = body.encode("utf-8")
        writer.write_record(
            writer.create_warc_record(
                f"https://bench.example/{i}", "response", payload=io.BytesIO(data),
                length=len(data), http_headers=headers,
            )
        )  # fmt: skip
    archive = buffer.getvalue()

    def warcio_pages() -> int:
        return sum(
            len(r.content_stream().read())
            for r in ArchiveIterator(io.BytesIO(archive))
            if r.rec_type == "response"
        )

    out = {"warcio": _records_per_second(warcio_pages, count)}
    try:
        from fastwarc.warc import ArchiveIterator as FastIterator
        from fastwarc.warc import WarcRecordType

        def fastwarc_pages() -> int:
            records = FastIterator(io.BytesIO(archive), record_types=WarcRecordType.response)
            return sum(len(r.reader.read()) for r in records)

        out["fastwarc"] = _records_per_second(fastwarc_pages, count)
    except ImportError:
        print("fastwarc is not installed (pip install fastwarc==2.0.0): measuring warcio only")
    return out


def _records_per_second(read: Any, count: int) -> float:
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        read()
        best = min(best, time.perf_counter() - start)
    return count / best


# --- what this machine gives right now ------------------------------------------------


def _plain_extract(feed: str, count: int, queue: Any) -> None:
    from readout.ingest import read_source
    from readout.model import Article
    from readout.pipeline import Extractor

    extractor = Extractor()
    list(extractor.extract_many([Article("warm-up", "France met Germany on Monday.")]))
    articles = list(read_source(feed, Path(feed)))[:count]
    start = time.perf_counter()
    for _ in extractor.extract_many(articles):
        pass
    queue.put(time.perf_counter() - start)


def ceiling(feed: Path, count: int) -> float:
    """Speed-up of two plain extracting processes over one, no Dask: the most any
    two-process run can get from this machine at this moment (others share it)."""
    import multiprocessing as mp

    context = mp.get_context("spawn")
    seconds = {}
    for k in (1, 2):
        queue = context.Queue()
        procs = [
            context.Process(target=_plain_extract, args=(str(feed), count, queue)) for _ in range(k)
        ]
        for proc in procs:
            proc.start()
        seconds[k] = max(queue.get() for _ in procs)
        for proc in procs:
            proc.join()
    return 2 * seconds[1] / seconds[2]


# --- scaling -----------------------------------------------------------------------


def _worker_peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def run_once(feed: Path, out: Path, workers: int, shard_size: int) -> dict[str, Any]:
    from distributed import Client, LocalCluster

    from readout.distributed.runner import RunOptions, run
    from readout.distributed.worker import THREAD_LIMITS, ExtractorPlugin, Job

    with (
        LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None,
            env=THREAD_LIMITS, silence_logs=logging.ERROR,
        ) as cluster,
        Client(cluster) as client,
    ):  # fmt: skip
        job = Job(str(out))
        client.register_plugin(ExtractorPlugin(job))  # workers load the extractor before timing
        cpu_before = time.process_time()
        workers_before = client.run(_cpu_seconds)
        start = time.perf_counter()
        summary = run([str(feed)], job, client, RunOptions(shard_size=shard_size))
        wall = time.perf_counter() - start
        driver_cpu = time.process_time() - cpu_before
        workers_after = client.run(_cpu_seconds)
        rss = sorted(client.run(_worker_peak_rss_mb).values())
    busy = sorted((workers_after[w] - workers_before[w]) / wall for w in workers_after)
    return {
        "workers": workers,
        "articles": summary.articles,
        "mentions": summary.mentions,
        "events": summary.merged.get("events"),
        "replay_ms_per_mention": 1e3
        * summary.merged.get("replay_seconds", 0)
        / max(summary.mentions, 1),
        "merge_wall_s": summary.merged.get("merge_seconds"),
        "rate": summary.rate,
        "wall_s": wall,
        "worker_peak_rss_mb": rss,
        "driver_cpu_s": driver_cpu,
        "worker_cpu_share": busy,  # CPU time each worker got / wall time of the run
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=800)
    parser.add_argument("--shard-size", type=int, default=25)
    parser.add_argument("--rounds", type=int, default=1, help="1 then 2 workers, this many times")
    parser.add_argument("--price", type=float, default=0.04, help="dollars per core-hour")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        feed = Path(tmp) / "bench.jsonl"
        words = write_feed(feed, args.articles)
        print(f"{args.articles} articles of ~{words} words; shards of {args.shard_size}")

        warc = bench_warc(2000)
        for name, rate in warc.items():
            print(f"WARC reader {name}: {rate:,.0f} records/s ({1e3 / rate:.3f} ms/record)")

        runs: list[dict[str, Any]] = []
        limits: list[float] = []
        for round_no in range(args.rounds):
            limits.append(ceiling(feed, min(args.articles, 120)))
            print(
                f"two plain processes vs one on this machine now: {limits[-1]:.2f}x (the ceiling)"
            )
            for workers in (1, 2):
                out = Path(tmp) / f"dataset-{round_no}-{workers}"
                result = run_once(feed, out, workers, args.shard_size)
                runs.append(result)
                print(
                    f"{workers} worker(s): {result['rate']:.1f} articles/s extracting; "
                    f"{result['wall_s']:.1f} s wall with planning and merging; "
                    f"{result['events']} events (merging {result['merge_wall_s']:.1f} s, replay "
                    f"{result['replay_ms_per_mention']:.1f} ms CPU per mention); worker peak RSS "
                    f"{', '.join(f'{r:.0f}' for r in result['worker_peak_rss_mb'])} MB; "
                    f"driver CPU {result['driver_cpu_s']:.1f} s; each worker had the CPU "
                    f"{', '.join(f'{b:.0%}' for b in result['worker_cpu_share'])} of the time",
                    flush=True,
                )
    limit = statistics.median(limits)
    one = statistics.median(r["rate"] for r in runs if r["workers"] == 1)
    two = statistics.median(r["rate"] for r in runs if r["workers"] == 2)
    for n in range(args.rounds):
        a, b = runs[2 * n]["rate"], runs[2 * n + 1]["rate"]
        print(f"round {n + 1}: 2 workers {b / a:.2f}x as fast as 1 (ceiling {limits[n]:.2f}x)")
    print(
        f"speed-up 2 vs 1 worker (median rates): {two / one:.2f}x; efficiency {two / one / 2:.0%}"
    )
    print(f"share of the machine's ceiling reached: {two / one / limit:.0%}")
    alone, shared = 1e3 / one, 2e3 / two  # ms of one core per article
    print(f"extraction per article per core: {alone:.1f} ms alone, {shared:.1f} ms with 2 workers")
    for label, ms in (("1 worker", alone), ("2 workers", shared)):
        core_hours = 1e6 * ms / 1e3 / 3600
        print(
            f"cost per million articles ({label}): {core_hours:.1f} core-hours"
            f" = ${core_hours * args.price:.2f} at ${args.price}/core-hour"
        )
    if warc:
        print(f"WARC reading (warcio) is {1e3 / alone / warc['warcio']:.2%} of the extraction cost")
    print(json.dumps({"runs": runs, "warc_records_per_s": warc, "speedup": two / one,
                      "ceiling": limit}))  # fmt: skip


if __name__ == "__main__":
    main()
    sys.exit(0)
