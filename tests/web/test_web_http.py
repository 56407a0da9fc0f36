"""Pages over plain HTTP (no browser): lenient filters, HTML errors, escaping."""

from __future__ import annotations

import httpx
import pytest


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


def test_timeline_chart_is_capped(web_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from readout.web.views import timeline

    # The server runs in this process, so the cap can be lowered for one request.
    monkeypatch.setattr(timeline, "MAX_MARKERS", 2)
    page = httpx.get(web_url + "/", timeout=10).text
    assert page.count('<a class="marker') == 2
    assert "The chart shows the latest 2 events; 4 earlier ones" in page
