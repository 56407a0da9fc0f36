"""read_source end to end: every format, stdin, date precedence and every error case."""

from __future__ import annotations

import datetime as dt
import io
import json
import sys
from pathlib import Path

import pytest

import readout.ingest
from readout.errors import InputError
from readout.ingest import read_source
from readout.ingest.readers import format_from_name, sniff_format

CLI_DATE = dt.date(2026, 1, 5)
# A constructed article.
STORY = (
    "Published: 2 May 2024\n"
    "Armenia and Azerbaijan Resume Border Talks\n\n"
    "Armenia and Azerbaijan resumed talks on marking their border on Thursday, the two "
    "deputy prime ministers said in a joint statement.\n"
)
STORY_HTML = (
    "<html><head><title>Border talks resume</title></head><body><article>"
    "<p>Armenia and Azerbaijan resumed talks on marking their border on Thursday, the two "
    "deputy prime ministers said in a joint statement issued after the meeting.</p>"
    "</article></body></html>"
)


def _write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


def test_public_api_is_pinned() -> None:
    assert sorted(readout.ingest.__all__) == ["CleanText", "clean_text", "discover", "read_source"]


def test_plain_text_fixture(fixtures: Path) -> None:
    (article,) = read_source("article.txt", fixtures / "article.txt")
    assert article.doc == "article.txt"
    assert article.title == "Finland and Estonia Agree to Joint Patrols in the Gulf of Finland"
    assert (article.published, article.published_source) == (dt.date(2025, 2, 14), "dateline")
    assert "Nordic Ministers Meet" not in article.text


def test_html_fixture(fixtures: Path) -> None:
    (article,) = read_source("page.html", fixtures / "page.html")
    assert (article.outlet, article.published_source) == ("The Example Herald", "metadata")
    assert article.text.startswith("Chile and Argentina sign water-sharing deal")


def test_jsonl_fixture(fixtures: Path) -> None:
    articles = list(read_source("feed.jsonl", fixtures / "feed.jsonl"))
    assert [a.doc for a in articles] == ["feed.jsonl#herald-1", "feed.jsonl#2", "feed.jsonl#7"]
    assert [a.published_source for a in articles] == ["metadata", "metadata", "unknown"]
    assert articles[1].outlet == "Example Wire"


def test_jsonl_yields_good_records_then_one_error(fixtures: Path) -> None:
    docs = []
    with pytest.raises(InputError) as err:
        for article in read_source("bad_feed.jsonl", fixtures / "bad_feed.jsonl"):
            docs.append(article.doc)
    assert docs == ["bad_feed.jsonl#ok-1", "bad_feed.jsonl#ok-2"]
    assert str(err.value) == (
        "bad_feed.jsonl: skipped 3 unreadable lines (lines 2, 3, 4; line 2: not valid JSON)"
    )


@pytest.mark.parametrize(
    ("metadata", "cli", "expected"),
    [
        (None, None, (dt.date(2024, 5, 2), "dateline")),
        (None, CLI_DATE, (CLI_DATE, "cli")),
        ("2024-05-01", None, (dt.date(2024, 5, 1), "metadata")),
        ("2024-05-01", CLI_DATE, (CLI_DATE, "cli")),
    ],
)
def test_published_precedence(
    tmp_path: Path, metadata: str | None, cli: dt.date | None, expected: tuple[dt.date, str]
) -> None:
    record = {"text": STORY} | ({"published": metadata} if metadata else {})
    path = _write(tmp_path, "one.jsonl", json.dumps(record) + "\n")
    (article,) = read_source("one.jsonl", path, published=cli)
    assert (article.published, article.published_source) == expected


@pytest.mark.parametrize(
    ("text", "fmt"),
    [
        (STORY, "text"),
        (STORY_HTML, "html"),
        ("  <!DOCTYPE html><html><body><p>Hi</p></body></html>", "html"),
        ('{"text": "Constructed."}\n{"text": "Another."}\n', "jsonl"),
        # A feed with a bad line is still a feed: the bad line is reported, the rest read.
        ('{"text": "Constructed."}\nnot json\n', "jsonl"),
        ('{\n  "text": "Constructed."\n}\n', "json"),
        ("{Editor's note} Officials met in Geneva.", "text"),
        ('[{"text": "Constructed."}]', "json"),
        ("The treaty uses <angle brackets> in its annex, officials said.", "text"),
    ],
)
def test_sniff_format(text: str, fmt: str) -> None:
    assert sniff_format(text) == fmt


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("a.TXT", "text"),
        ("a.md", "text"),
        ("a.xhtml", "html"),
        ("a.ndjson", "jsonl"),
        ("a.json", "json"),
        ("crawl.warc.gz", "warc"),
        ("a.dat", None),
        ("a.gz", None),
    ],
)
def test_format_from_name(name: str, fmt: str | None) -> None:
    assert format_from_name(name) == fmt


def test_unknown_extension_is_sniffed(tmp_path: Path) -> None:
    (article,) = read_source("page.dat", _write(tmp_path, "page.dat", STORY_HTML))
    assert article.text.startswith("Armenia and Azerbaijan resumed talks")


@pytest.mark.parametrize(
    ("payload", "first_words"),
    [
        (STORY.encode(), "Armenia and Azerbaijan Resume"),
        (STORY_HTML.encode(), "Armenia and Azerbaijan resumed"),
        (b'{"id": "s1", "text": "Constructed: the envoys met in Baku."}\n', "Constructed: the"),
    ],
)
def test_stdin(monkeypatch: pytest.MonkeyPatch, payload: bytes, first_words: str) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(payload)))
    (article,) = read_source("-", None)
    assert article.text.startswith(first_words)
    assert article.doc.startswith("-")


def test_stdin_too_large(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(STORY.encode())))
    with pytest.raises(InputError, match=r"^-: input is too large"):
        list(read_source("-", None, max_bytes=20))


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1", "utf-16", "utf-8-sig"])
def test_legacy_encodings_through_read_source(tmp_path: Path, encoding: str) -> None:
    text = "Le président a reçu le ministre à l'Élysée lundi, a indiqué son bureau."
    path = _write(tmp_path, "fr.txt", text.encode(encoding))
    (article,) = read_source("fr.txt", path)
    assert article.text == text


def test_malformed_html_file_gives_text(tmp_path: Path) -> None:
    html = "<html><body><p>Constructed: the ceasefire <i>held <div><<>> overnight, said the UN"
    (article,) = read_source("broken.html", _write(tmp_path, "broken.html", html))
    assert "ceasefire" in article.text


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b" \n\n\t  \n", "only whitespace"),
        ("image.txt", b"\x89PNG\r\n\x1a\n" + bytes(200), "binary"),
        ("noise.dat", bytes(range(1, 9)) * 300, "binary"),
        ("empty.html", b"<html><body><nav></nav></body></html>", "no article text"),
        ("garbage.html", b"<<<< >>>> </div></p>", "no article text"),
        ("furniture.txt", b"Home | World | Sport\nShare this article\n", "no article text left"),
        ("list.jsonl", b'["not", "an", "object"]\n', "line 1"),
    ],
)
def test_bad_files_raise_one_line_errors(
    tmp_path: Path, name: str, data: bytes, message: str
) -> None:
    path = _write(tmp_path, name, data)
    with pytest.raises(InputError) as err:
        list(read_source(name, path))
    text = str(err.value)
    assert text.startswith(f"{name}: ") and message in text and "\n" not in text


def test_file_over_max_bytes(tmp_path: Path) -> None:
    path = _write(tmp_path, "big.txt", STORY * 10)
    with pytest.raises(InputError, match=r"^big\.txt: file is too large"):
        list(read_source("big.txt", path, max_bytes=100))


@pytest.mark.parametrize("name", ["missing.txt", "missing.warc.gz"])
def test_missing_file(tmp_path: Path, name: str) -> None:
    with pytest.raises(InputError, match="no such file"):
        list(read_source(name, tmp_path / name))


def test_directory_as_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="is a directory"):
        list(read_source("dir.txt", tmp_path))


def test_json_document_with_a_list_of_articles(tmp_path: Path) -> None:
    items = [
        {
            "id": "a",
            "text": "Constructed: Qatar hosted talks on Gaza on Sunday.",
            "date": "2024-01-07",
        },
        {"title": "no text here"},
        {"text": "Constructed: Egypt sent aid trucks through Rafah on Monday."},
    ]
    path = _write(tmp_path, "items.json", json.dumps(items, indent=2))
    docs = []
    with pytest.raises(
        InputError,
        match=r"^items\.json: skipped 1 unreadable item \(item 2: not an article object\)$",
    ):
        for article in read_source("items.json", path):
            docs.append((article.doc, article.published))
    assert docs == [("items.json#a", dt.date(2024, 1, 7)), ("items.json#3", None)]


@pytest.mark.parametrize("name", ["one.json", "one.dat"])
def test_pretty_printed_single_object(tmp_path: Path, name: str) -> None:
    record = {"text": "Constructed: Oman mediated talks between the two envoys.", "site": "Wire"}
    path = _write(tmp_path, name, json.dumps(record, indent=2))
    (article,) = read_source(name, path)
    assert (article.doc, article.outlet) == (f"{name}#1", "Wire")


def test_jsonl_feed_saved_as_json(fixtures: Path, tmp_path: Path) -> None:
    path = _write(tmp_path, "feed.json", (fixtures / "feed.jsonl").read_text(encoding="utf-8"))
    assert len(list(read_source("feed.json", path))) == 3


def test_invalid_json_document(tmp_path: Path) -> None:
    path = _write(tmp_path, "bad.json", '{"text": "cut off')
    with pytest.raises(InputError, match=r"^bad\.json: not valid JSON"):
        list(read_source("bad.json", path))
