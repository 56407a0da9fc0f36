"""Fuzzing the readers: any bytes, encodings, HTML, JSON Lines and WARC records give
articles or one printable InputError line, and no good record of a feed is lost."""

from __future__ import annotations

import io
import json
import re
import tempfile
from pathlib import Path

from fuzzkit import FUZZ, count
from hypothesis import given
from hypothesis import strategies as st
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from readout.errors import InputError
from readout.ingest import read_source
from readout.ingest.decode import decode_bytes, normalise_text
from readout.ingest.html import extract_html

SENTENCES = [
    "Chad and Niger agreed on Monday to reopen their border, officials said.",
    "Peru recalled its ambassador from Bolivia after the vote in La Paz.",
    "The foreign ministers met in Geneva and promised to meet again next week.",
    "Ghana accused Togo of closing the crossing without warning.",
]
NOISE = st.sampled_from(
    ["<p>", "</p>", "<div>", "</div>", "<span>", "<script>x()</script>", "&amp;", "\x00",
     "\x1b[2J", "\ufffd", "{", '"text":', "\n", "\r\n", "é", "ğ", "\u202e", "<!--", "]]>"]
)  # fmt: skip
TEXTS = st.lists(
    st.one_of(st.sampled_from(SENTENCES), NOISE, st.text(max_size=30)), max_size=25
).map("".join)
SUFFIXES = st.sampled_from(
    [".txt", ".html", ".htm", ".jsonl", ".json", ".md", ".dat", "", ".warc", ".warc.gz"]
)


def check_error(err: InputError, doc: str) -> None:
    message = str(err)
    assert message.startswith(doc + ": ") or message.startswith(doc + "#"), message
    assert "\n" not in message and message.isprintable()


def read_all(doc: str, path: Path) -> tuple[list[str], InputError | None]:
    docs: list[str] = []
    try:
        for article in read_source(doc, path):
            assert article.text.strip()
            docs.append(article.doc)
    except InputError as err:
        check_error(err, doc)
        return docs, err
    return docs, None


@FUZZ
@given(
    st.one_of(st.binary(max_size=2000), TEXTS.map(lambda t: t.encode("utf-8", "surrogatepass"))),
    SUFFIXES,
)
def test_any_bytes_under_any_name(data: bytes, suffix: str) -> None:
    count("readers")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(data)
        read_all(path.name, path)


ENCODINGS = st.sampled_from(
    ["utf-8", "utf-16", "utf-32", "cp1252", "latin-1", "cp1250", "cp1251", "koi8-r", "cp1254",
     "cp1253", "shift_jis", "euc-jp", "gbk", "euc-kr", "big5", "mac_roman", "utf-8-sig"]
)  # fmt: skip


@FUZZ
@given(st.text(max_size=400), ENCODINGS)
def test_any_text_in_any_encoding(text: str, encoding: str) -> None:
    count("readers")
    data = text.encode(encoding, errors="ignore")
    try:
        decoded = decode_bytes("doc.txt", data)
    except InputError as err:
        check_error(err, "doc.txt")
        return
    assert decoded.strip()
    if encoding in ("utf-8", "utf-16", "utf-32", "utf-8-sig") and not CONTROL.search(text):
        # Unicode is never guessed at: it comes back as it was, normalised.
        assert decoded == normalise_text(text)


CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffd\ud800-\udfff]")
TAGS = st.sampled_from(["p", "div", "span", "article", "section", "b", "i", "td", "li", "nav"])


@st.composite
def tag_soup(draw: st.DrawFn) -> tuple[str, list[str]]:
    parts: list[str] = []
    kept: list[str] = []
    for _ in range(draw(st.integers(0, 12))):
        kind = draw(st.integers(0, 5))
        if kind == 0:
            sentence = draw(st.sampled_from(SENTENCES))
            parts.append(sentence)
            kept.append(sentence)
        elif kind == 1:
            parts.append(f"<{draw(TAGS)}>" * draw(st.integers(1, 300)))
        elif kind == 2:
            parts.append(f"</{draw(TAGS)}>")
        else:
            parts.append(draw(NOISE))
    return "".join(parts), kept


@FUZZ
@given(tag_soup())
def test_any_tag_soup(soup: tuple[str, list[str]]) -> None:
    count("readers")
    html, _sentences = soup
    try:
        page = extract_html("page.html", html)
    except InputError as err:
        check_error(err, "page.html")
        return
    assert page.text.strip()


RECORD_TEXT = st.one_of(st.sampled_from(SENTENCES), st.text(max_size=40))


@st.composite
def feed(draw: st.DrawFn) -> tuple[bytes, int]:
    """A JSON Lines feed of good records and junk lines; and how many records are good."""
    lines: list[str] = []
    good = 0
    for n in range(draw(st.integers(0, 12))):
        if draw(st.booleans()):
            text = draw(st.sampled_from(SENTENCES)) + f" Report {n}."
            lines.append(json.dumps({"id": f"r{n}", "text": text}))
            good += 1
        else:
            lines.append(draw(st.one_of(st.text(max_size=60), NOISE, st.just('{"text": "cut'))))
    return ("\n".join(lines) + "\n").encode("utf-8", "surrogatepass"), good


@FUZZ
@given(feed())
def test_no_good_record_of_a_feed_is_lost(generated: tuple[bytes, int]) -> None:
    count("readers")
    data, good = generated
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "feed.jsonl"
        path.write_bytes(data)
        docs, _ = read_all("feed.jsonl", path)
    assert len(docs) == good


@st.composite
def warc(draw: st.DrawFn) -> tuple[bytes, int]:
    """A WARC of HTML, text and other records; and how many hold a readable article."""
    stream = io.BytesIO()
    writer = WARCWriter(stream, gzip=draw(st.booleans()))
    good = 0
    for n in range(draw(st.integers(0, 5))):
        kind = draw(st.sampled_from(["text/html", "text/plain", "image/png", "text/html"]))
        if draw(st.booleans()):
            body = f"<html><body><p>{draw(st.sampled_from(SENTENCES))}</p></body></html>"
            good += kind != "image/png"
        else:
            body = draw(st.text(max_size=80))
        payload = body.encode("utf-8", "surrogatepass")
        headers = StatusAndHeaders("200 OK", [("Content-Type", kind)], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            f"https://example.org/{n}", "response", payload=io.BytesIO(payload),
            length=len(payload), http_headers=headers,
        )  # fmt: skip
        writer.write_record(record)
    return stream.getvalue(), good


@FUZZ
@given(warc(), st.floats(0, 1))
def test_any_warc_whole_or_cut(archive: tuple[bytes, int], keep: float) -> None:
    count("readers")
    data, good = archive
    cut = data[: int(len(data) * keep)] if keep < 1 else data
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "crawl.warc.gz"
        path.write_bytes(cut)
        docs, error = read_all("crawl.warc.gz", path)
    if cut == data:
        assert len(docs) >= good  # plain-text junk records may be read too
    elif error is None:  # cut exactly between records: only whole records were read
        assert len(docs) <= good + 5
