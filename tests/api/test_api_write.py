"""POST /api/v1/articles: refused without a configured token, checked when there is one."""

from __future__ import annotations

import httpx
import pytest
from webfixture import WRITE_TOKEN

ARTICLE = {
    "text": (
        "TOKYO — Japan accused China on Thursday of sending coast guard ships into its "
        "waters near the disputed islands for the third time this month."
    ),
    "title": "Japan protests over coast guard ships",
    "outlet": "Straits Observer",
    "url": "https://observer.example/coast-guard",
    "published": "2026-05-08",
}


def post(base: str, headers: dict[str, str] | None = None) -> httpx.Response:
    return httpx.post(base + "/api/v1/articles", json=ARTICLE, headers=headers, timeout=120)


def test_post_is_forbidden_without_a_configured_token(api_url: str) -> None:
    response = post(api_url, {"Authorization": f"Bearer {WRITE_TOKEN}"})
    assert response.status_code == 403
    assert response.json()["error"]["code"] == 403


@pytest.mark.parametrize(
    "headers",
    [
        None,
        {"Authorization": "Bearer wrong-token"},
        {"Authorization": f"Basic {WRITE_TOKEN}"},
        {"Authorization": f"Bearer {WRITE_TOKEN}x"},
        {"Authorization": "Bearer"},
    ],
)
def test_post_needs_the_right_token(write_url: str, headers: dict[str, str] | None) -> None:
    response = post(write_url, headers)
    assert response.status_code == 401
    assert response.json() == {"error": {"code": 401, "message": "missing or wrong bearer token"}}
    assert response.headers["www-authenticate"] == "Bearer"


def test_post_rejects_an_empty_article(write_url: str) -> None:
    response = httpx.post(
        write_url + "/api/v1/articles",
        json={"text": ""},
        headers={"Authorization": f"Bearer {WRITE_TOKEN}"},
        timeout=10,
    )
    assert response.status_code == 422
    assert response.json()["error"]["code"] == 422


def test_post_with_the_token_ingests_the_article(write_url: str) -> None:
    before = httpx.get(write_url + "/api/v1/stats", timeout=10).json()
    response = post(write_url, {"Authorization": f"Bearer {WRITE_TOKEN}"})
    assert response.status_code == 201, response.text
    result = response.json()
    article = httpx.get(write_url + f"/api/v1/articles/{result['article_id']}", timeout=10).json()
    assert article["title"] == ARTICLE["title"]
    after = httpx.get(write_url + "/api/v1/stats", timeout=10).json()
    assert after["articles"] == before["articles"] + 1
    assert after["mentions"] == before["mentions"] + result["mentions_read"]
    # The extractor read the accusation, and the event is now listed.
    assert result["mentions_read"] >= 1
    assert len(article["events"]) >= 1
    found = httpx.get(
        write_url + "/api/v1/events", params={"q": "coast guard", "type": "ACCUSE"}, timeout=10
    ).json()
    assert found["total"] >= 1
    # Posting the same article again is idempotent.
    again = post(write_url, {"Authorization": f"Bearer {WRITE_TOKEN}"})
    assert again.status_code == 201
    assert (
        httpx.get(write_url + "/api/v1/stats", timeout=10).json()["articles"] == after["articles"]
    )
