"""Throughput and latency of ``readout serve`` at concurrency 1 and 32, in one run.

The store holds at least 2,000 articles: the 60 real news stories of
../shared/corpus/voa-sample.jsonl (or the bundled examples when it is absent)
are read by the real extractor once, then stored again and again with new
ids, a closing paragraph of neutral filler words (so that copies are not
near-duplicates of each other) and publication and event dates moved by a
week each round, so the events spread over years as a real archive's do.

The server is the real command (``readout serve``, uvicorn) in its own
process. Clients are threads with keep-alive connections, sending a fixed,
seeded mix of API and page requests: event lists with filters, event and
article pages, actors, search, stats, the network and the timeline page.

    python benchmarks/bench_serve.py [--db PATH] [--articles 2000]
                                     [--requests-1 400] [--requests-32 3000]

``--db`` keeps the built store for the next run.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "voa-sample.jsonl"


def build_store(db: Path, articles: int) -> None:
    from readout.ingest import read_source
    from readout.model import Article, DateSpan, Event
    from readout.pipeline import Extractor
    from readout.store.db import Store

    sources = [CORPUS] if CORPUS.exists() else sorted((ROOT / "examples" / "articles").iterdir())
    originals = [a for path in sources for a in read_source(str(path), path)]
    extractor = Extractor()
    read = [(a, events) for a, events in extractor.extract_many(originals)]
    started = time.perf_counter()
    rng = random.Random(0)
    stored = 0
    with Store(db) as store:
        for round_no in range(articles // len(read) + 1):
            shift = dt.timedelta(weeks=round_no)
            for article, events in read:
                if stored >= articles:
                    break
                published = (article.published or dt.date(2020, 1, 1)) + shift
                copy = dataclasses.replace(
                    article,
                    doc=f"{article.doc}@{round_no}",
                    text=f"{article.text}\n\n{_filler(rng, len(article.text) // 3)}",
                    url=f"{article.url}?round={round_no}" if article.url else None,
                    published=published,
                )
                moved = [_moved(e, copy, shift) for e in events]
                store.add_article(copy, moved)
                stored += 1
    print(f"built {db.name}: {stored} articles in {time.perf_counter() - started:.0f} s")
    del Article, DateSpan, Event


FILLER = (
    "harbour wheat ferry rainfall museum railway orchard festival bridge tariff school "
    "clinic river market season village library garden valley weather"
).split()


def _filler(rng: random.Random, chars: int) -> str:
    words: list[str] = []
    while sum(len(w) + 1 for w in words) < chars:
        words.append(rng.choice(FILLER))
    return " ".join(words) + "."


def _moved(event: Any, article: Any, shift: dt.timedelta) -> Any:
    from readout.model import DateSpan

    date = event.date
    if date is not None:
        date = DateSpan(date.start + shift, date.end + shift, date.precision, date.text)
    return dataclasses.replace(event, doc=article.doc, date=date, published=article.published)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def start_server(db: Path) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    readout = Path(sys.executable).with_name("readout")
    proc = subprocess.Popen(
        [str(readout), "serve", "--db", str(db), "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(base + "/api/v1/stats", timeout=2).status_code == 200:
                return proc, base
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("the server did not start")


def request_mix(base: str, seed: int, count: int) -> list[str]:
    """A seeded list of paths, in the proportions a person and a script would send."""
    events = httpx.get(base + "/api/v1/events", params={"limit": 500}, timeout=60).json()["items"]
    arts = httpx.get(base + "/api/v1/articles", params={"limit": 500}, timeout=60).json()["items"]
    actors = httpx.get(base + "/api/v1/actors", params={"limit": 200}, timeout=60).json()["items"]
    rng = random.Random(seed)
    kinds: list[tuple[int, Any]] = [
        (20, lambda: f"/api/v1/events/{rng.choice(events)['id']}"),
        (15, lambda: f"/api/v1/events?limit=50&offset={rng.randrange(0, 2000, 50)}"),
        (10, lambda: f"/api/v1/events?country={rng.choice(['USA', 'CHN', 'RUS', 'IRN'])}"),
        (10, lambda: f"/api/v1/articles/{rng.choice(arts)['id']}"),
        (8, lambda: f"/api/v1/actors/{rng.choice(actors)['key']}"),
        (8, lambda: f"/api/v1/search?q={rng.choice(['talks', 'sanctions', 'minister'])}"),
        (5, lambda: "/api/v1/stats"),
        (4, lambda: "/api/v1/actors?limit=100"),
        (10, lambda: f"/events/{rng.choice(events)['id']}"),
        (5, lambda: f"/articles/{rng.choice(arts)['id']}"),
        (3, lambda: "/network"),
        (2, lambda: "/"),
    ]
    weights = [w for w, _ in kinds]
    return [rng.choices(kinds, weights)[0][1]() for _ in range(count)]


def run_phase(base: str, paths: list[str], concurrency: int) -> dict[str, Any]:
    latencies: list[float] = []
    statuses: dict[int, int] = {}
    lock = threading.Lock()
    position = 0

    def worker() -> None:
        nonlocal position
        with httpx.Client(base_url=base, timeout=60) as client:
            while True:
                with lock:
                    if position >= len(paths):
                        return
                    path = paths[position]
                    position += 1
                started = time.perf_counter()
                status = client.get(path).status_code
                took = time.perf_counter() - started
                with lock:
                    latencies.append(took)
                    statuses[status] = statuses.get(status, 0) + 1

    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    seconds = time.perf_counter() - started
    cuts = statistics.quantiles(latencies, n=100)
    return {
        "concurrency": concurrency,
        "requests": len(latencies),
        "seconds": round(seconds, 2),
        "throughput": round(len(latencies) / seconds, 1),
        "p50_ms": round(cuts[49] * 1000, 1),
        "p95_ms": round(cuts[94] * 1000, 1),
        "p99_ms": round(cuts[98] * 1000, 1),
        "statuses": statuses,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", type=Path, default=None)
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--requests-1", type=int, default=400)
    parser.add_argument("--requests-32", type=int, default=3000)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="bench-serve-"))
    db = args.db or folder / "archive.duckdb"
    if not db.exists():
        build_store(db, args.articles)
    proc, base = start_server(db)
    try:
        stats = httpx.get(base + "/api/v1/stats", timeout=30).json()
        warm = request_mix(base, seed=1, count=100)
        run_phase(base, warm, 4)  # warm the server's caches and connections
        one = run_phase(base, request_mix(base, seed=2, count=args.requests_1), 1)
        many = run_phase(base, request_mix(base, seed=3, count=args.requests_32), 32)
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    ratio = many["throughput"] / one["throughput"]
    print(f"store: {stats['articles']} articles, {stats['events']} events, {os.cpu_count()} cores")
    print("concurrency  requests  req/s   p50 ms  p95 ms  p99 ms  statuses")
    for row in (one, many):
        print(
            f"{row['concurrency']:>11}  {row['requests']:>8}  {row['throughput']:>5}  "
            f"{row['p50_ms']:>6}  {row['p95_ms']:>6}  {row['p99_ms']:>6}  {row['statuses']}"
        )
    print(f"throughput at 32 / at 1: {ratio:.2f}x")
    print(json.dumps({"store": stats, "one": one, "many": many, "ratio": round(ratio, 2)}))


if __name__ == "__main__":
    main()
