"""Extract many articles so that one article's failure costs no other.

The extractor works in batches (spaCy parses many sentences at once), so an
exception raised by one article would end the batch and lose the articles read
with it. Here each batch runs whole when it can; when it raises, its articles
run again one at a time, and the one that fails becomes one ``ExtractionError``
naming it, handed to ``on_error``. Batches are bounded both in articles and in
characters, so a few very long articles never sit in memory together.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Protocol

from readout.errors import ExtractionError
from readout.limits import BATCH_ARTICLES, BATCH_CHARS
from readout.model import Article, Event

Result = tuple[Article, list[Event]]


class BatchExtractor(Protocol):
    def extract_many(
        self, articles: Iterable[Article], batch_size: int = ...
    ) -> Iterator[Result]: ...


def extract_isolated(
    extractor: BatchExtractor,
    articles: Iterable[Article],
    on_error: Callable[[ExtractionError], None],
    *,
    batch_articles: int = BATCH_ARTICLES,
    batch_chars: int = BATCH_CHARS,
) -> Iterator[Result]:
    """(article, events) for every article the extractor can read, in order."""
    batch: list[Article] = []
    size = 0
    for article in articles:
        batch.append(article)
        size += len(article.text)
        if len(batch) >= batch_articles or size >= batch_chars:
            yield from _run(extractor, batch, on_error)
            batch, size = [], 0
    if batch:
        yield from _run(extractor, batch, on_error)


def _run(
    extractor: BatchExtractor, batch: list[Article], on_error: Callable[[ExtractionError], None]
) -> Iterator[Result]:
    try:
        results = list(extractor.extract_many(batch, batch_size=len(batch)))
    except Exception:
        results = []
    if len(results) == len(batch):
        yield from results
        return
    for article in batch:  # one at a time, to find the one that fails
        try:
            ((_, events),) = list(extractor.extract_many([article], batch_size=1))
        except Exception as exc:
            on_error(extraction_error(article.doc, exc))
            continue
        yield article, events


def extraction_error(doc: str, exc: BaseException) -> ExtractionError:
    """One printable line: the article, the kind of failure and its message."""
    detail = " ".join(str(exc).split())[:200]
    kind = type(exc).__name__
    return ExtractionError(
        f"cannot read events ({kind}: {detail})" if detail else f"cannot read events ({kind})",
        path=doc,
    )
