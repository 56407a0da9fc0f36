"""Screenshots of a running ``readout serve`` for the README.

    readout ingest examples/articles --db readout.duckdb
    readout serve --db readout.duckdb &
    python docs/take_screenshots.py [http://127.0.0.1:8000]

Uses Debian's chromium through Playwright (no browser download).
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

OUT = Path(__file__).resolve().parent / "screenshots"
ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]  # fmt: skip


def main(base: str) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        page = browser.new_page(viewport={"width": 1200, "height": 900})
        page.goto(base + "/")
        page.screenshot(path=str(OUT / "timeline.png"), full_page=True)
        page.goto(base + "/counts?group=quad")
        page.screenshot(path=str(OUT / "counts.png"), full_page=True)
        # the dyad of the busiest pair, as a reader gets there from the counts page
        page.locator("table.pairs a.dyad").first.click()
        page.wait_for_load_state("load")
        page.screenshot(path=str(OUT / "dyad.png"), full_page=True)
        page.goto(base + "/map")
        page.locator("section.map").screenshot(path=str(OUT / "map.png"))
        page.goto(base + "/network")
        page.locator("#network").screenshot(path=str(OUT / "network.png"))
        # the most telling event page: one whose reports disagree
        items = page.request.get(base + "/api/v1/events?status=disputed").json()["items"]
        if not items:
            items = page.request.get(base + "/api/v1/events").json()["items"]
        page.goto(base + "/events/" + items[0]["id"])
        page.screenshot(path=str(OUT / "event.png"), full_page=True)
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8000")
