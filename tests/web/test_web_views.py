"""The analyst's views in headless Chromium: counts over time, dyads, the map, the network,
sortable paged tables and downloads of the current filter, with a hostile article among
the data."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from webfixture import SCREENSHOTS, PageWatch

pytestmark = pytest.mark.browser
HOSTILE_NAME = "Turkey <img src=x onerror=alert(4)>"


def no_live_markup(watched: PageWatch) -> None:
    page = watched.page
    assert page.locator("main img, main script, main iframe, svg img, svg script").count() == 0
    assert watched.dialogs == [] and watched.errors == []


def test_counts_chart_leads_to_a_dyad_and_an_event(web_url: str, watched: PageWatch) -> None:
    page = watched.page
    page.goto(web_url + "/counts")
    assert page.locator("h1").inner_text() == "Counts over time"
    bars = page.locator("svg.bars a.bar")
    assert bars.count() == 4  # January to April 2026 have events
    page.screenshot(path=str(SCREENSHOTS / "counts.png"), full_page=True)
    page.locator("svg.bars a.bar[data-period='2026-01-01'] rect").first.click()
    page.wait_for_url(re.compile(r"since=2026-01-01&until=2026-01-31"))
    assert page.locator("svg.bars a.bar").count() == 1
    pairs = page.locator("table.pairs tbody tr")
    assert (
        pairs.count() == 1
        and "Russia" in pairs.inner_text()
        and "United States" in pairs.inner_text()
    )
    pairs.locator("a.dyad").click()
    page.wait_for_url(re.compile(r"/dyad\?a="))
    assert page.locator("h1").inner_text() == "Russia and United States"
    assert page.locator("svg.bars a.bar").count() == 1
    rows = page.locator("table.events tbody tr")
    assert rows.count() == 1  # two outlets' reports of one meeting, merged
    page.screenshot(path=str(SCREENSHOTS / "dyad.png"), full_page=True)
    rows.first.locator("a.open").click()
    page.wait_for_url(re.compile(r"/events/e-"))
    assert "CONSULT" in page.locator("h1").inner_text()
    assert "Abu Dhabi" in page.locator("dl.facts").inner_text()
    no_live_markup(watched)


def test_counts_by_quadclass_and_week(web_url: str, watched: PageWatch) -> None:
    page = watched.page
    page.goto(web_url + "/counts")
    page.get_by_role("link", name="cooperation / conflict").click()
    page.wait_for_url(re.compile(r"group=quad"))
    legend = page.locator(".legend").inner_text()
    assert "verbal cooperation" in legend and "material conflict" in legend
    page.get_by_role("link", name="week", exact=True).click()
    page.wait_for_url(re.compile(r"interval=week"))
    assert page.locator("svg.bars a.bar").count() == 5  # five weeks with events
    no_live_markup(watched)


def test_map_colours_countries_and_opens_their_timeline(web_url: str, watched: PageWatch) -> None:
    page = watched.page
    page.goto(web_url + "/map")
    russia = page.locator("svg.world a.country[data-country='RUS']")
    title = russia.locator("title").text_content() or ""
    assert title == "Russia: 3 events (1 cooperation, 2 conflict)"
    assert russia.locator("path").get_attribute("class") == "m-2"  # the busiest class of two
    assert page.locator("svg.world a.country").count() == 7
    assert page.locator("svg.world path").count() > 150  # every outline is drawn
    assert "European Union" in page.locator(".map .note").last.inner_text()  # not a country
    page.screenshot(path=str(SCREENSHOTS / "map.png"), full_page=True)
    # Germany is compact: the middle of its outline is on it (Russia's spans the date line)
    page.locator("svg.world a.country[data-country='DEU'] path").click()
    page.wait_for_url(re.compile(r"/\?country=DEU"))
    assert page.locator("h1").inner_text() == "Timeline"
    assert page.locator("input[name=country]").input_value() == "DEU"
    assert page.locator("table.events tbody tr").count() == 2
    no_live_markup(watched)


def test_sortable_paged_event_table(
    web_url: str, watched: PageWatch, monkeypatch: pytest.MonkeyPatch
) -> None:
    from readout.web.views import timeline

    monkeypatch.setattr(timeline, "PAGE_SIZE", 3)  # the server runs in this process
    page = watched.page
    page.goto(web_url + "/")
    assert page.locator(".pager").inner_text().startswith("page 1 of 3")
    page.locator("th a.sort", has_text="Reports").click()
    page.wait_for_url(re.compile(r"sort=reports"))
    page.locator("th a.sort", has_text="Reports").click()
    page.wait_for_url(re.compile(r"sort=-reports"))
    assert page.locator("th[aria-sort=descending]").inner_text().startswith("REPORTS")
    first = [int(t) for t in page.locator("table.events td.num").all_inner_texts()]
    assert first == sorted(first, reverse=True)
    page.locator(".pager a[rel=next]").click()
    page.wait_for_url(re.compile(r"page=2"))
    assert "sort=-reports" in page.url
    second = [int(t) for t in page.locator("table.events td.num").all_inner_texts()]
    assert second and max(second) <= min(first)
    page.get_by_role("link", name="Who", exact=True).click()
    page.wait_for_url(re.compile(r"sort=source"))
    assert "page=" not in page.url  # a new order starts on page 1
    no_live_markup(watched)


def test_download_of_the_current_filter(web_url: str, watched: PageWatch, tmp_path: Path) -> None:
    page = watched.page
    page.goto(web_url + "/?type=CONSULT")
    shown = int(page.locator("h2 .count").inner_text().strip("()"))
    files = {}
    for fmt in ("csv", "jsonl", "parquet"):
        with page.expect_download() as info:
            page.locator(f"a.download[data-format={fmt}]").click()
        target = tmp_path / info.value.suggested_filename
        info.value.save_as(target)
        files[fmt] = target
    rows = list(csv.DictReader(io.StringIO(files["csv"].read_text(encoding="utf-8"))))
    assert len(rows) == shown == 3 and {r["type"] for r in rows} == {"CONSULT"}
    lines = [json.loads(x) for x in files["jsonl"].read_text(encoding="utf-8").splitlines()]
    assert len(lines) == shown and all(x["quad_class"] == 1 for x in lines)
    table = pq.read_table(files["parquet"])
    assert table.num_rows == shown
    assert str(table.schema.field("date_start").type) == "date32[day]"
    assert pa.types.is_list(table.schema.field("outlets").type)
    no_live_markup(watched)


def test_network_has_direction_colour_and_readable_labels(web_url: str, watched: PageWatch) -> None:
    page = watched.page
    page.goto(web_url + "/network")
    nodes = page.locator("#network svg a.node")
    assert nodes.count() == 8
    edges = page.locator("#network svg path.edge")
    assert edges.count() >= 5
    assert all(
        (edges.nth(i).get_attribute("marker-end") or "").startswith("url(#arrow-")
        for i in range(edges.count())
    )
    tones = {
        re.sub(r"^edge ", "", edges.nth(i).get_attribute("class") or "")
        for i in range(edges.count())
    }
    assert "e0" in tones and "e4" in tones  # cooperation and conflict both drawn, apart
    titles = page.locator("#network svg a.node title").all_text_contents()
    assert any(HOSTILE_NAME in t for t in titles)  # a hostile name is text in a tooltip
    assert page.locator("#network svg text").count() >= 5
    page.screenshot(path=str(SCREENSHOTS / "network.png"), full_page=True)
    nodes.first.locator("circle").click()
    page.wait_for_url(re.compile(r"/actors/"))
    no_live_markup(watched)


def test_hostile_article_is_text_in_every_new_view(web_url: str, watched: PageWatch) -> None:
    page = watched.page
    page.goto(web_url + "/counts?since=2026-03-01&until=2026-03-31")
    assert page.get_by_text(HOSTILE_NAME, exact=False).first.is_visible()
    no_live_markup(watched)
    page.locator("table.pairs tr", has_text="Greece").locator("a.dyad").click()
    page.wait_for_url(re.compile(r"/dyad"))
    assert HOSTILE_NAME in page.locator("h1").inner_text()
    no_live_markup(watched)
    for path in ("/map?actor=Greece", "/network?country=GRC", "/counts?group=quad"):
        page.goto(web_url + path)
        no_live_markup(watched)
