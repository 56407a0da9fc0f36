"""Inputs an attacker (or a broken crawler) would send: each gives its good articles,
and its bad parts are one line naming them."""

from __future__ import annotations

import datetime as dt
import io
import json
import sys
from pathlib import Path

import pytest

import readout.ingest.readers as readers
from readout.errors import InputError
from readout.ingest import read_source
from readout.limits import MAX_ARTICLE_CHARS

STORIES = [
    "Constructed: Chad and Niger agreed to reopen their border on Monday.",
    "Constructed: Peru recalled its ambassador from Bolivia on Tuesday.",
    "Constructed: Ghana and Togo signed a fishing accord on Friday.",
]


def _feed(*lines: str) -> bytes:
    return ("\n".join(lines) + "\n").encode()


def _record(n: int, **extra: object) -> str:
    return json.dumps({"id": f"s{n}", "text": STORIES[n % 3], **extra})


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))


def _read_all(doc: str, path: Path | None) -> tuple[list[str], str | None]:
    docs: list[str] = []
    try:
        for article in read_source(doc, path):
            docs.append(article.doc)
    except InputError as err:
        return docs, str(err)
    return docs, None


@pytest.mark.parametrize("bad_at", [0, 1, 3])
def test_stdin_feed_with_a_malformed_line_is_still_a_feed(
    monkeypatch: pytest.MonkeyPatch, bad_at: int
) -> None:
    lines = [_record(n) for n in range(4)]
    lines.insert(bad_at, '{"text": "cut off')
    _stdin(monkeypatch, _feed(*lines))
    docs, error = _read_all("-", None)
    assert docs == ["-#s0", "-#s1", "-#s2", "-#s3"]
    assert error == f"-: skipped 1 unreadable line (line {bad_at + 1}: not valid JSON)"


def test_stdin_feed_whose_first_record_is_longer_than_the_sniffed_head(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    long_story = " ".join([STORIES[0]] * 2000)  # ~140 KB, past the 64 KB head
    _stdin(monkeypatch, _feed(json.dumps({"id": "long", "text": long_story}), _record(1)))
    assert _read_all("-", None) == (["-#long", "-#s1"], None)


def test_a_line_over_the_limit_is_skipped_and_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(readers, "MAX_LINE_BYTES", 1000)
    path = tmp_path / "feed.jsonl"
    path.write_bytes(_feed(_record(0), json.dumps({"text": "x " * 5000}), _record(2)))
    docs, error = _read_all("feed.jsonl", path)
    assert docs == ["feed.jsonl#s0", "feed.jsonl#s2"]
    assert error == "feed.jsonl: skipped 1 unreadable line (line 2: longer than 1,000 bytes)"


def test_an_article_over_the_limit_is_refused_with_its_size(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    huge = "word " * (MAX_ARTICLE_CHARS // 5 + 1)
    path.write_bytes(_feed(_record(0), json.dumps({"id": "huge", "text": huge})))
    docs, error = _read_all("feed.jsonl", path)
    assert docs == ["feed.jsonl#s0"]
    assert error is not None and "line 2: article is too long (1,000,005 characters" in error


@pytest.mark.parametrize("published", ["9999-12-31", "0001-01-01", "0999-12-31"])
def test_publication_dates_past_the_calendar_are_not_believed(
    tmp_path: Path, published: str
) -> None:
    """Metadata and date lines near year 1 or 9999 leave the article undated (and stored)."""
    path = tmp_path / "feed.jsonl"
    edge = json.dumps({"id": "edge", "text": STORIES[1] + " They meet again next year.",
                       "published": published})  # fmt: skip
    line = json.dumps({"id": "line", "text": f"Published: {published}\n{STORIES[2]}"})
    path.write_bytes(_feed(_record(0), edge, line))
    articles = list(read_source("feed.jsonl", path))
    assert [(a.doc, a.published) for a in articles] == [
        ("feed.jsonl#s0", None),
        ("feed.jsonl#edge", None),
        ("feed.jsonl#line", None),
    ]


def test_a_callers_date_past_the_calendar_is_refused_in_one_line(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(STORIES[0])
    with pytest.raises(InputError) as err:
        list(read_source("a.txt", path, published=dt.date(9999, 12, 31)))
    assert str(err.value) == (
        "a.txt: publication date 9999-12-31 is outside the supported dates "
        "(1000-01-01 to 2999-12-31)"
    )


def test_a_json_bomb_of_nesting_is_one_bad_line(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_bytes(_feed(_record(0), "[" * 100_000 + "]" * 100_000, _record(1)))
    docs, error = _read_all("feed.jsonl", path)
    assert docs == ["feed.jsonl#s0", "feed.jsonl#s1"]
    assert error == "feed.jsonl: skipped 1 unreadable line (line 2: not valid JSON)"


PARAGRAPHS = [
    "Officials from Chad and Niger met in N'Djamena on Monday to discuss the border.",
    "The talks lasted four hours and ended without a joint statement, a spokesman said.",
    "Both delegations agreed to meet again next week in Niamey, according to the hosts.",
    "The African Union welcomed the meeting and urged both sides to keep talking.",
]


@pytest.mark.parametrize(
    "html",
    [
        "<html><body>" + "".join(f"<p><div><span>{p}" for p in PARAGRAPHS) + "</body></html>",
        "<html><body>" + "<div>" * 256 + "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
        + "</div>" * 256 + "</body></html>",
        "<html><body>" + "<div>" * 5000 + " ".join(PARAGRAPHS),
    ],
    ids=["unclosed-p-div-span", "256-nested-divs", "5000-unclosed-divs"],
)  # fmt: skip
def test_malformed_and_deeply_nested_html_keep_all_their_text(tmp_path: Path, html: str) -> None:
    path = tmp_path / "page.html"
    path.write_text(html)
    (article,) = read_source("page.html", path)
    for paragraph in PARAGRAPHS:
        assert paragraph in article.text
