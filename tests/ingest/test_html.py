"""HTML pages: main text, metadata, and clean errors for broken markup."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from readout.errors import InputError
from readout.ingest.html import extract_html


def test_fixture_page(fixtures: Path) -> None:
    page = extract_html("page.html", (fixtures / "page.html").read_text(encoding="utf-8"))
    assert page.title == "Chile and Argentina sign water-sharing deal"
    assert page.outlet == "The Example Herald"
    assert page.url == "https://herald.example.org/world/chile-argentina-water"
    assert page.published == dt.date(2024, 9, 3)
    assert "signed an agreement on Monday" in page.text
    assert "Farmers cautious" in page.text
    assert "\n" in page.text  # paragraph breaks survive
    for gone in ("disgrace", "Home", "All rights reserved"):  # comments, menu, footer
        assert gone not in page.text


def test_unclosed_tags_still_give_text() -> None:
    html = "<p>Constructed example: the envoy <b>arrived in Doha <div>for talks on Sunday"
    page = extract_html("broken.html", html)
    assert "arrived in Doha" in page.text
    assert page.published is None


@pytest.mark.parametrize(
    "html",
    [
        "<html><body></body></html>",
        "<html><body><script>var constructed = 1;</script></body></html>",
        "<html><head><title>Only a title</title></head></html>",
    ],
)
def test_pages_without_text_raise_input_error(html: str) -> None:
    with pytest.raises(InputError, match=r"^empty\.html: no article text"):
        extract_html("empty.html", html)


def test_short_article_keeps_paragraphs_and_drops_link_list() -> None:
    html = (
        "<html><head><title>Envoys meet</title></head><body><article>"
        "<h1>Serbian and Kosovan envoys meet in Brussels</h1>"
        "<p>Constructed example: envoys of Serbia and Kosovo met in Brussels on Monday "
        "under EU mediation, officials said.</p>"
        "<p>Another round will follow next month.</p>"
        "<h3>Related</h3><ul><li><a href='/a'>Police Close Border Crossing</a></li>"
        "<li><a href='/b'>Army Put on Alert</a></li><li><a href='/c'>EU Warns Both Sides</a></li>"
        "</ul></article></body></html>"
    )
    page = extract_html("short.html", html)
    assert page.text.split("\n") == [
        "Serbian and Kosovan envoys meet in Brussels",
        "Constructed example: envoys of Serbia and Kosovo met in Brussels on Monday "
        "under EU mediation, officials said.",
        "Another round will follow next month.",
    ]
