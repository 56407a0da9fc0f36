"""One article's failure costs no other: batches fall back to one article at a time."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from readout.errors import ExtractionError
from readout.isolation import extract_isolated
from readout.model import Article, Event


class Flaky:
    """Fails (like a bug would) on any batch holding an article whose text says 'boom'."""

    def __init__(self) -> None:
        self.batches: list[int] = []

    def extract_many(
        self, articles: Iterable[Article], batch_size: int = 32
    ) -> Iterator[tuple[Article, list[Event]]]:
        batch = list(articles)
        self.batches.append(len(batch))
        for article in batch:
            if "boom" in article.text:
                raise ValueError("year 10000 is out of range")
        for article in batch:
            yield article, []


def articles(n: int, bad: set[int]) -> list[Article]:
    return [Article(f"feed.jsonl#{i}", "boom" if i in bad else f"text {i}") for i in range(n)]


def test_every_good_article_survives_a_failing_one() -> None:
    errors: list[ExtractionError] = []
    done = list(extract_isolated(Flaky(), articles(70, {5, 40}), errors.append))
    assert [a.doc for a, _ in done] == [f"feed.jsonl#{i}" for i in range(70) if i not in (5, 40)]
    assert [str(e) for e in errors] == [
        "feed.jsonl#5: cannot read events (ValueError: year 10000 is out of range)",
        "feed.jsonl#40: cannot read events (ValueError: year 10000 is out of range)",
    ]


def test_batches_run_whole_when_nothing_fails() -> None:
    flaky = Flaky()
    list(extract_isolated(flaky, articles(70, set()), lambda e: None))
    assert flaky.batches == [32, 32, 6]


def test_batches_are_bounded_by_characters_too() -> None:
    flaky = Flaky()
    long = [Article(f"d{i}", "x" * 600) for i in range(10)]
    list(extract_isolated(flaky, long, lambda e: None, batch_chars=1000))
    assert flaky.batches == [2] * 5


def test_a_failing_batch_reruns_its_articles_one_by_one() -> None:
    flaky = Flaky()
    list(extract_isolated(flaky, articles(4, {2}), lambda e: None))
    assert flaky.batches == [4, 1, 1, 1, 1]
