"""WARC archives built in the test with warcio: HTML pages in, other records skipped."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from readout.errors import InputError
from readout.ingest import read_source

# Constructed example pages.
PAGE_ONE = (
    "<html><head><title>Iceland and Norway agree fishing quotas</title>"
    '<meta property="article:published_time" content="2022-11-08"></head><body><article>'
    "<h1>Iceland and Norway agree fishing quotas</h1>"
    "<p>Iceland and Norway agreed on Monday on new quotas for mackerel in the North Atlantic, "
    "the fisheries ministers of both countries said after two days of talks in Reykjavik.</p>"
    "<p>The agreement runs for three years and may be extended, officials said.</p>"
    "</article></body></html>"
)
PAGE_TWO = (
    "<html><head><title>Mongolia hosts regional summit</title></head><body><article>"
    "<h1>Mongolia hosts regional summit</h1>"
    "<p>Mongolia hosted leaders from five Central Asian states in Ulaanbaatar on Thursday "
    "for a summit on railways and mining, the presidential office said.</p>"
    "</article></body></html>"
)


def _response(writer: WARCWriter, url: str, content_type: str, body: bytes) -> None:
    headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
    # Giving the length lets warcio digest the payload in place, without a temp file.
    record = writer.create_warc_record(
        url, "response", payload=io.BytesIO(body), length=len(body), http_headers=headers
    )
    writer.write_record(record)


def build_warc(path: Path, pages: list[tuple[str, str, bytes]]) -> Path:
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=path.name.endswith(".gz"))
        for url, content_type, body in pages:
            _response(writer, url, content_type, body)
    return path


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    return build_warc(
        tmp_path / "crawl.warc.gz",
        [
            ("https://example.org/iceland", "text/html; charset=utf-8", PAGE_ONE.encode()),
            ("https://example.org/logo.png", "image/png", b"\x89PNG\r\n\x1a\n" + bytes(32)),
            ("https://example.org/mongolia", "text/html", PAGE_TWO.encode()),
        ],
    )


def test_html_responses_become_articles(archive: Path) -> None:
    articles = list(read_source("crawl.warc.gz", archive))
    assert [a.doc for a in articles] == ["crawl.warc.gz#1", "crawl.warc.gz#3"]
    first, second = articles
    assert first.url == "https://example.org/iceland"
    assert first.title == "Iceland and Norway agree fishing quotas"
    assert "mackerel in the North Atlantic" in first.text
    assert (str(first.published), first.published_source) == ("2022-11-08", "metadata")
    # The WARC-Date is the crawl date: never used as the publication date.
    assert (second.published, second.published_source) == (None, "unknown")
    assert "Ulaanbaatar" in second.text


def test_plain_text_records_and_uncompressed_warc(tmp_path: Path) -> None:
    body = b"Constructed example: Chad and Niger agreed to reopen their border on Monday."
    path = build_warc(tmp_path / "notes.warc", [("https://example.org/n", "text/plain", body)])
    (article,) = read_source("notes.warc", path)
    assert article.text == body.decode()


def test_bad_records_are_reported_after_the_good_ones(tmp_path: Path) -> None:
    path = build_warc(
        tmp_path / "mixed.warc.gz",
        [
            ("https://example.org/a", "text/html", PAGE_TWO.encode()),
            ("https://example.org/b", "text/html", b"<html><body></body></html>"),
        ],
    )
    seen = []
    with pytest.raises(
        InputError, match=r"mixed\.warc\.gz: skipped 1 unreadable record \(record 2\)"
    ):
        for article in read_source("mixed.warc.gz", path):
            seen.append(article.doc)
    assert seen == ["mixed.warc.gz#1"]


def test_records_larger_than_the_limit_are_skipped(archive: Path) -> None:
    with pytest.raises(InputError, match="skipped 2 unreadable records"):
        list(read_source("crawl.warc.gz", archive, max_bytes=100))


def test_archive_without_pages(tmp_path: Path) -> None:
    path = build_warc(tmp_path / "img.warc", [("https://example.org/i", "image/png", b"\x89PNG")])
    with pytest.raises(InputError, match="no HTML or plain-text records"):
        list(read_source("img.warc", path))


@pytest.mark.parametrize("content", [b"this is not a WARC file at all\n", b"\x1f\x8b\x08garbage"])
def test_not_a_warc(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "fake.warc.gz"
    path.write_bytes(content)
    with pytest.raises(InputError, match=r"^fake\.warc\.gz: cannot read the WARC archive"):
        list(read_source("fake.warc.gz", path))
