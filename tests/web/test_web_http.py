"""Pages over plain HTTP (no browser): lenient filters, HTML errors, escaping."""

from __future__ import annotations

import httpx


def test_bad_filter_values_are_reported_not_fatal(web_url: str) -> None:
    response = httpx.get(
        web_url + "/",
        params={"type": "PARTY", "since": "<b>soon</b>", "country": "RUS"},
        timeout=10,
    )
    assert response.status_code == 200
    assert "ignored type: &#39;PARTY&#39; is not valid" in response.text
    assert "&lt;b&gt;soon&lt;/b&gt;" in response.text and "<b>soon</b>" not in response.text


def test_missing_pages_are_html_errors(web_url: str) -> None:
    response = httpx.get(web_url + "/events/e-%3Cscript%3E", timeout=10)
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")
    assert "<script>" not in response.text.split("</header>", 1)[1]
