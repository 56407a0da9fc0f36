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
        InputError,
        match=r"mixed\.warc\.gz: skipped 1 unreadable record \(record 2: no article text found",
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


def _four_pages(path: Path) -> Path:
    pages = [
        (f"https://example.org/{n}", "text/html", (PAGE_ONE if n % 2 else PAGE_TWO).encode())
        for n in range(1, 5)
    ]
    return build_warc(path, pages)


@pytest.mark.parametrize("name", ["cut.warc.gz", "cut.warc"])
@pytest.mark.parametrize("keep", [0.3, 0.7, 0.95])
def test_truncated_archive_names_the_record_where_it_stops(
    tmp_path: Path, name: str, keep: float
) -> None:
    whole = _four_pages(tmp_path / ("whole" + name[3:])).read_bytes()
    path = tmp_path / name
    path.write_bytes(whole[: int(len(whole) * keep)])
    seen = []
    with pytest.raises(InputError) as err:
        for article in read_source(name, path):
            seen.append(article)
    message = str(err.value)
    stopped = len(seen) + 1
    assert message.startswith(
        f"{name}: the WARC archive is truncated or damaged at record {stopped}"
    )
    assert "\n" not in message and message.isprintable()
    # Only whole pages were handed out: never half an article.
    assert all(a.text in (read_full(tmp_path, n) for n in (1, 2)) for a in seen)


def read_full(tmp_path: Path, n: int) -> str:
    path = build_warc(
        tmp_path / f"one{n}.warc",
        [("https://example.org/x", "text/html", (PAGE_ONE if n % 2 else PAGE_TWO).encode())],
    )
    return next(read_source("one.warc", path)).text


def test_damaged_gzip_bytes_never_reach_the_message(tmp_path: Path) -> None:
    path = tmp_path / "bad.warc.gz"
    path.write_bytes(b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03" + bytes(range(256)) * 4)
    with pytest.raises(InputError) as err:
        list(read_source("bad.warc.gz", path))
    assert str(err.value).isprintable() and str(err.value).isascii()
