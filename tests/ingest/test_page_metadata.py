"""An HTML page's own metadata: publication date, outlet (named or from its URL) and title."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from readout.ingest import read_source

BODY = (
    "<p>"
    + "Constructed: the envoys of two states met for talks on trade and borders. " * 3
    + "</p>"
)

CASES = [
    # (head, outlet, published)
    ('<meta property="og:site_name" content="VOA">'
     '<meta property="article:published_time" content="2025-03-14T19:40:17Z">',
     "Voice of America", dt.date(2025, 3, 14)),
    ('<link rel="canonical" href="https://www.reuters.com/world/x">'
     '<meta name="date" content="Fri, 14 Mar 2025 19:40:17 GMT">',
     "Reuters", dt.date(2025, 3, 14)),
    ('<meta property="og:site_name" content="Example Wire">'
     '<meta itemprop="datePublished" content="2025-03-14">',
     "Example Wire", dt.date(2025, 3, 14)),
    ("", None, None),
]  # fmt: skip


@pytest.mark.parametrize(("head", "outlet", "published"), CASES)
def test_page_metadata(
    tmp_path: Path, head: str, outlet: str | None, published: dt.date | None
) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        f"<html><head><title>Envoys meet</title>{head}</head>"
        f"<body><article>{BODY}</article></body></html>",
        encoding="utf-8",
    )
    article = next(read_source(str(page), page))
    assert (article.outlet, article.published, article.title) == (outlet, published, "Envoys meet")
    assert article.published_source == ("metadata" if published else "unknown")
