"""Property tests: any input gives Articles or one InputError, never a traceback."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from readout.errors import InputError
from readout.ingest import clean_text, read_source

# Bits of news text and markup for the generator to mix with noise.
PIECES = [
    "Officials met in Geneva on Monday.",
    "Home | World | Sport",
    "Published: 3 May 2024",
    "By Jane Roe",
    "<p>",
    "</div>",
    "<html>",
    '{"text": "Talks resumed."}',
    "{",
    "\n",
    "\n\n",
    "\x00",
    "\u00a0",
    "’",
]
TEXTS = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=40)), max_size=30).map("".join)


@settings(max_examples=100, deadline=None)
@given(TEXTS)
def test_clean_text_keeps_only_input_lines(text: str) -> None:
    result = clean_text(text)
    input_lines = {line.strip() for line in text.split("\n")}
    assert all(line in input_lines for line in result.text.split("\n") if line)
    assert result.text == result.text.strip()
    assert "\n\n\n" not in result.text


@settings(max_examples=80, deadline=None)
@given(
    st.one_of(TEXTS.map(lambda t: t.encode("utf-8", "surrogatepass")), st.binary(max_size=300)),
    st.sampled_from([".txt", ".html", ".jsonl", ".dat", ".warc"]),
)
def test_any_file_gives_articles_or_an_input_error(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(data)
        try:
            articles = list(read_source(path.name, path))
        except InputError as err:
            assert str(err).startswith(f"{path.name}") and "\n" not in str(err)
        else:
            assert articles and all(article.text.strip() for article in articles)
