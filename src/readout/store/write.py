"""Writing one article: dedupe, store its mentions, merge them into events — one transaction."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import duckdb

from readout.errors import StoreError
from readout.model import Article, Event
from readout.store import dedupe
from readout.store.mentions import MentionWriter, StoredArticle, short_id

__all__ = ["AddResult", "short_id", "write_article"]

AddStatus = Literal["added", "duplicate", "near_duplicate"]


@dataclass(frozen=True)
class AddResult:
    """What ``Store.add_article`` did with one article."""

    article_id: str
    status: AddStatus
    duplicate_of: str | None = None
    mentions: int = 0
    new_events: int = 0
    merged: int = 0  # mentions that joined an event already stored


def write_article(
    con: duckdb.DuckDBPyConnection,
    article: Article,
    events: Sequence[Event],
    *,
    path: str,
    known_actors: set[str] | None = None,
) -> AddResult:
    """Store the article and its mentions in one transaction; a failure leaves nothing behind.

    ``known_actors`` caches the actor keys already committed, to skip their upserts;
    it only learns this article's actors once the transaction has committed.
    """
    text_hash = dedupe.text_hash(article.text)
    signature = dedupe.minhash(article.text)
    writer = _Writer(con, set(known_actors or ()))
    try:
        con.execute("BEGIN TRANSACTION")
        result = writer.write(article, events, text_hash, signature)
        con.execute("COMMIT")
    except duckdb.Error as exc:
        con.execute("ROLLBACK")
        raise StoreError(f"cannot store {article.doc}: {exc}", path=path) from exc
    except BaseException:
        con.execute("ROLLBACK")
        raise
    if known_actors is not None:
        known_actors |= writer.actors
    return result


class _Writer(MentionWriter):
    """Dedupes the article, stores it, then each of its mentions."""

    def write(
        self, article: Article, events: Sequence[Event], text_hash: str, signature: list[int]
    ) -> AddResult:
        con = self.con
        existing = _exact_duplicate(con, article.url, text_hash)
        if existing is not None:
            return AddResult(existing, "duplicate", duplicate_of=existing)
        original = _near_duplicate(con, signature)
        article_id = short_id("a", text_hash)
        seq = _insert_article(con, article, article_id, text_hash, signature, original)
        stored = StoredArticle(article, article_id, seq, original)
        new_events = merged = 0
        for index, event in enumerate(events):
            created = self.add_mention(stored, index, event)
            new_events += created
            merged += not created
        status: AddStatus = "near_duplicate" if original else "added"
        return AddResult(article_id, status, original, len(events), new_events, merged)


def _exact_duplicate(con: duckdb.DuckDBPyConnection, url: str | None, text_hash: str) -> str | None:
    row = con.execute(
        "SELECT id FROM articles WHERE text_hash = ? OR (url IS NOT NULL AND url = ?) "
        "ORDER BY seq LIMIT 1",
        [text_hash, url],
    ).fetchone()
    return str(row[0]) if row else None


def _near_duplicate(con: duckdb.DuckDBPyConnection, signature: list[int]) -> str | None:
    buckets = [key for _, key in dedupe.lsh_buckets(signature)]
    rows = con.execute(
        "SELECT a.id, a.duplicate_of, a.minhash FROM articles a WHERE a.id IN "
        "(SELECT article_id FROM lsh_buckets WHERE bucket IN (SELECT unnest(?::VARCHAR[]))) "
        "ORDER BY a.seq",
        [buckets],
    ).fetchall()
    best: tuple[float, str] | None = None
    for article_id, duplicate_of, other in rows:
        score = dedupe.similarity(signature, list(other or []))
        if score >= dedupe.NEAR_DUP_THRESHOLD and (best is None or score > best[0]):
            # Link to the first-seen original, never to another copy.
            best = (score, str(duplicate_of or article_id))
    return best[1] if best else None


def _insert_article(
    con: duckdb.DuckDBPyConnection,
    article: Article,
    article_id: str,
    text_hash: str,
    signature: list[int],
    original: str | None,
) -> int:
    row = con.execute("SELECT coalesce(max(seq), 0) + 1 FROM articles").fetchone()
    seq = int(row[0]) if row else 1
    con.execute(
        "INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            article_id, seq, article.doc, article.url, article.title, article.outlet,
            article.published, article.published_source, text_hash, signature, original,
            article.text, dt.datetime.now(dt.UTC).replace(tzinfo=None),
        ],
    )  # fmt: skip
    con.executemany(
        "INSERT INTO lsh_buckets VALUES (?, ?, ?)",
        [[band, key, article_id] for band, key in dedupe.lsh_buckets(signature)],
    )
    return seq
