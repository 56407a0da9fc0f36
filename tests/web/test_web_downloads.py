"""Downloads and the new pages over plain HTTP: headers, filters, refusals, escaping."""

from __future__ import annotations

import csv
import io

import httpx


def test_download_names_a_file_of_the_right_type(web_url: str) -> None:
    for fmt, media in (("csv", "text/csv"), ("jsonl", "application/x-ndjson"),
                       ("parquet", "application/vnd.apache.parquet")):  # fmt: skip
        response = httpx.get(f"{web_url}/download/events.{fmt}", timeout=10)
        assert response.status_code == 200
        assert response.headers["content-type"].startswith(media)
        assert response.headers["content-disposition"] == (
            f'attachment; filename="readout-events.{fmt}"'
        )


def test_download_of_a_dyad_and_of_a_bad_filter(web_url: str) -> None:
    dyad = httpx.get(
        web_url + "/download/events.csv", params={"a": "country:RUS", "b": "country:USA"},
        timeout=10,
    )  # fmt: skip
    rows = list(csv.DictReader(io.StringIO(dyad.text)))
    assert len(rows) == 1  # two reports of one meeting, merged
    assert {rows[0]["source_key"], rows[0]["target_key"]} == {"country:RUS", "country:USA"}
    assert rows[0]["reports"] == "2" and rows[0]["contradictions"] == "1"
    # A bad value is left out, as the page showing the filter says
    lenient = httpx.get(web_url + "/download/events.csv", params={"type": "PARTY"}, timeout=10)
    everything = httpx.get(web_url + "/download/events.csv", timeout=10)
    assert lenient.status_code == 200 and lenient.text == everything.text


def test_unknown_download_format_and_missing_dyad_are_404(web_url: str) -> None:
    assert httpx.get(web_url + "/download/events.xml", timeout=10).status_code == 404
    assert httpx.get(web_url + "/dyad", timeout=10).status_code == 404
    missing = httpx.get(web_url + "/dyad", params={"a": "<b>x</b>", "b": "country:RUS"}, timeout=10)
    assert missing.status_code == 404 and "<b>x</b>" not in missing.text


def test_new_pages_escape_what_articles_say(web_url: str) -> None:
    for path in ("/counts", "/map", "/network", "/dyad?a=country:GRC&b=country:TUR"):
        text = httpx.get(web_url + path, timeout=10).text
        assert "<img src=x" not in text, path
        assert "&lt;img src=x onerror=alert(4)&gt;" in text or path == "/map", path


def test_view_choices_outside_the_list_fall_back(web_url: str) -> None:
    response = httpx.get(
        web_url + "/counts", params={"interval": "<year>", "group": "x", "sort": "evil;--"},
        timeout=10,
    )  # fmt: skip
    assert response.status_code == 200 and "&lt;year&gt;" not in response.text
    assert httpx.get(web_url + "/?sort=drop table", timeout=10).status_code == 200
    assert httpx.get(web_url + "/network?nodes=1000", timeout=10).status_code == 422
