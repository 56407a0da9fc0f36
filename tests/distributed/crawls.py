"""Test crawls written here: JSON Lines feeds (plain, gzip, zstd) and WARC archives made
with warcio, from the store corpus and the bundled examples; and a comparison of a
run's dataset with a sequential ingest of the same files."""

from __future__ import annotations

import gzip
import html
import io
import json
import time
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import duckdb
import zstandard
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "fixtures" / "corpus" / "articles"
EXAMPLES = ROOT / "examples" / "articles"


def corpus_records() -> list[dict[str, Any]]:
    """The corpus articles (outlets, dates, URLs) and the examples (text only), as feed records."""
    records = [
        json.loads(line)
        for path in sorted(CORPUS.glob("*.jsonl"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    for path in sorted(EXAMPLES.glob("*.txt")):
        records.append({"id": path.stem, "text": path.read_text(encoding="utf-8")})
    return records


def write_feed(path: Path, lines: Iterable[str]) -> Path:
    data = "".join(f"{line}\n" for line in lines).encode("utf-8")
    if path.name.endswith(".gz"):
        data = gzip.compress(data)
    elif path.name.endswith(".zst"):
        data = zstandard.ZstdCompressor().compress(data)
    path.write_bytes(data)
    return path


def feed_lines(records: Sequence[dict[str, Any]]) -> list[str]:
    return [json.dumps(r, ensure_ascii=False) for r in records]


def page_html(record: dict[str, Any]) -> str:
    paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in record["text"].split("\n") if p)
    title = html.escape(record.get("title") or "")
    meta = (
        f'<meta property="article:published_time" content="{record["published"]}">'
        if record.get("published")
        else ""
    )
    return (
        f"<html><head><title>{title}</title>{meta}</head><body><article>"
        f"<h1>{title}</h1>{paragraphs}</article></body></html>"
    )


def write_warc(path: Path, records: Sequence[dict[str, Any]]) -> Path:
    """One response per record (HTML), with a request before every other one and an image."""
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=path.name.endswith(".gz"))
        for i, record in enumerate(records):
            url = record.get("url") or f"https://crawl.example/{i}"
            if i % 2:
                writer.write_record(
                    writer.create_warc_record(url, "request", payload=io.BytesIO(b"GET /"))
                )
            _response(writer, url, "text/html; charset=utf-8", page_html(record).encode("utf-8"))
            if i == 1:
                _response(writer, f"{url}.png", "image/png", b"\x89PNG\r\n\x1a\n")
    return path


def _response(writer: WARCWriter, url: str, content_type: str, body: bytes) -> None:
    headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
    writer.write_record(
        writer.create_warc_record(
            url, "response", payload=io.BytesIO(body), length=len(body), http_headers=headers
        )
    )


# --- comparing a dataset with a store -------------------------------------------------

SKIPPED = {"articles": {"ingested_at"}, "events": {"first_seen"}}
TABLES = ("articles", "mentions", "events", "claims", "contradictions", "actors", "lsh_buckets")


def table_rows(con: duckdb.DuckDBPyConnection, table: str) -> list[tuple[Any, ...]]:
    """Every row of a store table, sorted, without timestamps; mention JSON as a value."""
    columns = [
        str(c)
        for (c,) in con.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = ?"
            " AND table_schema = 'main' ORDER BY ordinal_position",
            [table],
        ).fetchall()
        if c not in SKIPPED.get(table, set())
    ]
    rows = con.execute(f"SELECT {', '.join(columns)} FROM {table}").fetchall()
    if table == "mentions":
        at = columns.index("json")
        rows = [(*r[:at], json.loads(r[at]), *r[at + 1 :]) for r in rows]
    return sorted(rows, key=repr)


def store_tables(con: duckdb.DuckDBPyConnection) -> dict[str, list[tuple[Any, ...]]]:
    return {table: table_rows(con, table) for table in TABLES}


def db_tables(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return store_tables(con)
    finally:
        con.close()


def wait_for(check: Any, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.05)


def chunks(items: Sequence[Any], size: int) -> Iterator[Sequence[Any]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]
