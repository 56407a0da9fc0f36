"""Article in, event mentions out: the one composition of the pipeline stages.

PLACEHOLDER SIGNATURES — the real implementation lands shortly.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from readout.model import Article, Event


class Extractor:
    def __init__(self, kb: object | None = None, actor_files: Sequence[Path] = ()) -> None:
        self.kb = kb
        self.actor_files = tuple(actor_files)

    def extract(self, article: Article) -> list[Event]:
        return []

    def extract_many(
        self, articles: Iterable[Article], batch_size: int = 32
    ) -> Iterator[tuple[Article, list[Event]]]:
        for article in articles:
            yield article, self.extract(article)
