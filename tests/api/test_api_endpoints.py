"""The REST API against a real server: every endpoint, filters, pagination, errors."""

from __future__ import annotations

from typing import Any

import httpx
import pytest


def get(base: str, path: str, **params: Any) -> httpx.Response:
    return httpx.get(base + "/api/v1" + path, params=params, timeout=10)


def all_events(base: str) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = get(base, "/events", limit=500).json()["items"]
    return items


def assert_error(response: httpx.Response, code: int) -> None:
    assert response.status_code == code
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"code", "message"}
    assert body["error"]["code"] == code
    assert isinstance(body["error"]["message"], str) and body["error"]["message"]


def test_stats_counts_the_fixture(api_url: str) -> None:
    stats = get(api_url, "/stats").json()
    assert stats["articles"] == 5
    assert stats["mentions"] == 8
    # The two reports of the Abu Dhabi talks are one event.
    assert stats["events"] == 7
    assert stats["contradictions"] >= 1
    assert sum(stats["by_type"].values()) == stats["events"]


@pytest.mark.parametrize(
    "path",
    ["/events", "/actors", "/timeline", "/contradictions", "/articles", "/search?q=Abu"],
)
def test_list_endpoints_return_items(api_url: str, path: str) -> None:
    response = httpx.get(api_url + "/api/v1" + path, timeout=10)
    assert response.status_code == 200
    assert response.json()["items"]


@pytest.mark.parametrize(
    ("params", "check"),
    [
        ({"type": "CONSULT"}, lambda e: e["type"] == "CONSULT"),
        ({"status": "planned"}, lambda e: e["status"] == "planned"),
        (
            {"country": "RUS"},
            lambda e: "RUS" in {(e[s] or {}).get("country") for s in ("source", "target")},
        ),
        (
            {"actor": "France"},
            lambda e: "France" in {(e[s] or {}).get("name") for s in ("source", "target")},
        ),
        (
            {"actor": "country:FRA"},
            lambda e: "country:FRA" in {(e[s] or {}).get("key") for s in ("source", "target")},
        ),
        ({"since": "2026-03-01"}, lambda e: e["date"] and e["date"]["end"] >= "2026-03-01"),
        ({"until": "2026-02-01"}, lambda e: e["date"] and e["date"]["start"] <= "2026-02-01"),
        ({"q": "Abu Dhabi"}, lambda e: any("Abu Dhabi" in ev["sentence"] for ev in e["evidence"])),
    ],
)
def test_event_filters_keep_only_matches(api_url: str, params: dict[str, str], check: Any) -> None:
    body = get(api_url, "/events", **params).json()
    assert body["items"], f"no events for {params}"
    assert all(check(event) for event in body["items"])
    assert body["total"] == len(body["items"])
    assert body["total"] < len(all_events(api_url))


def test_filters_combine(api_url: str) -> None:
    body = get(api_url, "/events", type="CONSULT", status="planned").json()
    assert [(e["type"], e["status"]) for e in body["items"]] == [("CONSULT", "planned")]


def test_pagination_covers_every_event_once(api_url: str) -> None:
    total = get(api_url, "/events").json()["total"]
    seen: list[str] = []
    for offset in range(0, total, 3):
        page = get(api_url, "/events", limit=3, offset=offset).json()
        assert page["total"] == total and page["limit"] == 3 and page["offset"] == offset
        seen += [event["id"] for event in page["items"]]
    assert len(seen) == len(set(seen)) == total
    assert get(api_url, "/events", offset=total).json()["items"] == []


def test_event_detail_lists_every_report(api_url: str) -> None:
    disputed = get(api_url, "/events", status="disputed").json()["items"][0]
    detail = get(api_url, f"/events/{disputed['id']}").json()
    assert detail["id"] == disputed["id"]
    outlets = {mention["outlet"] for mention in detail["mentions"]}
    assert outlets == {"Gulf Courier", "Capitol Review"}
    stances = {a["stance"] for m in detail["mentions"] for a in m["attribution"]}
    assert "denies" in stances
    assert detail["contradiction_list"]


def test_actor_detail_with_colon_key(api_url: str) -> None:
    actor = get(api_url, "/actors/country:RUS").json()
    assert actor["name"] == "Russia"
    assert (
        len(actor["events"]) == actor["events_count"]
        if "events_count" in actor
        else actor["events"]
    )
    assert any(p["key"] == "country:USA" for p in actor["partners"])


def test_article_detail_has_text_and_offsets(api_url: str) -> None:
    items = get(api_url, "/articles").json()["items"]
    summit = next(a for a in items if a["doc"].endswith("summit.txt"))
    article = get(api_url, f"/articles/{summit['id']}").json()
    assert len(article["events"]) == 3
    for event in article["events"]:
        piece = article["text"][event["start"] : event["end"]]
        assert piece and piece in " ".join(ev["sentence"] for ev in event["evidence"])


def test_timeline_is_dated_and_sorted(api_url: str) -> None:
    items = get(api_url, "/timeline").json()["items"]
    starts = [(e["date"]["start"], e["id"]) for e in items]
    assert starts == sorted(starts)
    assert len(items) == len([e for e in all_events(api_url) if e["date"]])


def test_network_edges_join_known_nodes(api_url: str) -> None:
    network = get(api_url, "/network").json()
    ids = {node["id"] for node in network["nodes"]}
    assert network["edges"]
    for edge in network["edges"]:
        assert {edge["source"], edge["target"]} <= ids
        assert edge["count"] >= 1
    assert get(api_url, "/network", min_count=100).json()["edges"] == []


@pytest.mark.parametrize(
    ("path", "code"),
    [
        ("/events/e-0000000000", 404),
        ("/actors/nobody-at-all", 404),
        ("/articles/a-0000000000", 404),
        ("/no-such-resource", 404),
        ("/events?type=PARTY", 422),
        ("/events?status=rumoured", 422),
        ("/events?limit=0", 422),
        ("/events?since=yesterday", 422),
        ("/search", 422),
    ],
)
def test_errors_have_one_shape(api_url: str, path: str, code: int) -> None:
    assert_error(httpx.get(api_url + "/api/v1" + path, timeout=10), code)


def test_openapi_and_offline_docs(api_url: str) -> None:
    schema = get(api_url, "/openapi.json").json()
    assert "/api/v1/events" in schema["paths"]
    docs = httpx.get(api_url + "/docs", timeout=10)
    assert docs.status_code == 200
    assert "/static/docs.js" in docs.text
    assert "cdn" not in docs.text.lower() and "//unpkg" not in docs.text


def test_pages_send_a_strict_content_security_policy(api_url: str) -> None:
    policy = httpx.get(api_url + "/", timeout=10).headers["content-security-policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
