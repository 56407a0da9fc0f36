"""Every page in headless Chromium: loads, clicks through, and never runs article content."""

from __future__ import annotations

import re
from typing import Any

import httpx
import pytest
from webfixture import SCREENSHOTS, PageWatch

pytestmark = pytest.mark.browser


def first_id(base: str, path: str, **params: Any) -> str:
    items = httpx.get(base + "/api/v1" + path, params=params, timeout=10).json()["items"]
    found: str = items[0]["id"]
    return found


def hostile_article_id(base: str) -> str:
    items = httpx.get(base + "/api/v1/articles", timeout=10).json()["items"]
    found: str = next(a["id"] for a in items if a["doc"].endswith("hostile.txt"))
    return found


def test_every_page_loads_cleanly(web_url: str, watched: PageWatch) -> None:
    # Every asset is local: no request may leave 127.0.0.1 (no CDN, no fonts).
    requested: list[str] = []
    watched.page.on("request", lambda request: requested.append(request.url))
    event = first_id(web_url, "/events")
    article = first_id(web_url, "/articles")
    pages = [
        ("/", "Timeline"),
        ("/?type=CONSULT&status=planned", "Timeline"),
        ("/network", "Actor network"),
        ("/actors", "Actors"),
        ("/actors/country:RUS", "Russia"),
        ("/articles", "Articles"),
        (f"/articles/{article}", None),
        (f"/events/{event}", None),
        ("/contradictions", "Contradictions"),
        ("/search?q=Abu+Dhabi", "Search"),
        ("/docs", "API reference"),
    ]
    for path, heading in pages:
        response = watched.page.goto(web_url + path)
        assert response is not None and response.status == 200, path
        if heading:
            assert watched.page.locator("h1").first.inner_text().startswith(heading), path
    watched.page.wait_for_selector("#api-docs[data-ready=true]")
    assert watched.page.locator("#api-docs section").count() >= 11
    assert requested and all(url.startswith(web_url) for url in requested)
    assert watched.errors == [] and watched.dialogs == []


def test_timeline_marks_status_by_shape_and_filters(web_url: str, watched: PageWatch) -> None:
    page = watched.page
    page.goto(web_url + "/")
    markers = page.locator("svg.timeline a.marker")
    assert markers.count() == 6  # every dated event
    assert page.locator("svg.timeline a.marker.s-planned").count() == 1
    assert page.locator("svg.timeline a.marker.s-disputed circle.stripes").count() == 1
    fill = page.locator("a.marker.s-planned circle.dot").evaluate("e => getComputedStyle(e).fill")
    solid = page.locator("a.marker.s-occurred circle.dot").first.evaluate(
        "e => getComputedStyle(e).fill"
    )
    assert fill == "rgb(255, 255, 255)" and solid != fill
    page.select_option("select[name=type]", "CONSULT")
    page.click("form.filters button")
    page.wait_for_url(re.compile(r"type=CONSULT"))
    # Three CONSULT events, all dated: on the axis and in the list.
    assert markers.count() == 3
    assert page.locator("table.events tbody tr").count() == 3
    assert page.locator("svg.timeline .lane-label").all_text_contents() == ["CONSULT"]
    page.set_viewport_size({"width": 1100, "height": 900})
    page.goto(web_url + "/")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "timeline.png"), full_page=True)


def test_click_timeline_to_event_to_article(web_url: str, watched: PageWatch) -> None:
    page = watched.page
    page.goto(web_url + "/")
    page.locator("svg.timeline a.marker.s-disputed").click()
    page.wait_for_url(re.compile(r"/events/e-[a-z0-9]+$"))
    assert page.locator(".report").count() == 2
    assert page.get_by_text("denies").first.is_visible()
    assert page.get_by_text("Reports disagree").is_visible()
    page.screenshot(path=str(SCREENSHOTS / "event.png"), full_page=True)
    page.locator("a.to-article").first.click()
    page.wait_for_url(re.compile(r"/articles/a-[a-z0-9]+\?start=\d+&end=\d+#focus$"))
    focus = page.locator("mark.focus")
    assert focus.count() >= 1
    assert "Abu Dhabi" in " ".join(focus.all_inner_texts())
    assert watched.errors == [] and watched.dialogs == []


def test_network_is_drawn_with_text_labels(web_url: str, watched: PageWatch) -> None:
    page = watched.page
    page.goto(web_url + "/network")
    nodes = page.locator("#network svg a.node")
    expected = len(httpx.get(web_url + "/api/v1/network", timeout=10).json()["nodes"])
    assert nodes.count() == expected
    assert page.locator("#network svg path.edge").count() >= 1
    # A hostile actor name is a label, not an element.
    assert page.locator("#network svg img").count() == 0
    labels = page.locator("#network svg text").all_text_contents()
    assert any(label.startswith("Turkey <img src=x") for label in labels)
    assert watched.errors == [] and watched.dialogs == []


def test_hostile_article_shows_markup_as_text(web_url: str, watched: PageWatch) -> None:
    page = watched.page
    page.goto(web_url + f"/articles/{hostile_article_id(web_url)}")
    page.wait_for_load_state("load")
    text = page.locator(".article-text")
    assert "<script>alert('pwned')</script>" in text.inner_text()
    assert "<img src=x onerror=alert(1)>" in text.inner_text()
    assert '<a href="javascript:alert(2)">the full text</a>' in text.inner_text()
    assert page.locator("main script, main img, .article-text a").count() == 0
    assert page.get_by_text("<script>alert('title')</script>", exact=False).first.is_visible()
    # The javascript: URL is shown, never linked.
    assert page.locator("a[href^='javascript']").count() == 0
    assert page.locator(".article-text mark").count() >= 1
    page.goto(web_url + "/search?q=" + "%3Cscript%3E")
    page.goto(web_url + "/actors/country:TUR")
    assert page.locator("main img").count() == 0
    assert watched.dialogs == []
