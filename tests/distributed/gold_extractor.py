"""A stand-in extractor for worker processes: the store corpus's gold mentions, instantly.

Worker processes import this module by name (the test cluster puts this folder and
tests/store on their PYTHONPATH). Articles are recognised by outlet and title, so the
corpus records can be packed into any feed or archive.
"""

from __future__ import annotations

import dataclasses
import json
import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "store"))
from store_corpus import ARTICLES, gold_events, load_gold

from readout.model import Article, Event, Evidence

GOLD = load_gold()
NAMES = {
    (record.get("outlet"), record.get("title")): path.name
    for path in sorted(ARTICLES.glob("*.jsonl"))
    for record in map(json.loads, path.read_text(encoding="utf-8").splitlines())
}


class GoldExtractor:
    def __init__(self, delay: float = 0.0) -> None:
        self.delay = delay

    def extract_many(
        self, articles: Iterable[Article], batch_size: int = 32
    ) -> Iterator[tuple[Article, list[Event]]]:
        for article in articles:
            time.sleep(self.delay)
            yield article, self.events(article)

    def events(self, article: Article) -> list[Event]:
        name = NAMES.get((article.outlet, article.title))
        if name is None:
            return []
        found = gold_events(dataclasses.replace(article, doc=name), GOLD)
        return [
            dataclasses.replace(
                e,
                doc=article.doc,
                evidence=tuple(
                    Evidence(article.doc, v.sentence, v.start, v.end) for v in e.evidence
                ),
            )
            for e in found
        ]


def gold(actor_files: tuple[Path, ...]) -> GoldExtractor:
    return GoldExtractor()


def slow_gold(actor_files: tuple[Path, ...]) -> GoldExtractor:
    """A tenth of a second per article: long enough to kill a worker mid-shard."""
    return GoldExtractor(delay=0.1)
