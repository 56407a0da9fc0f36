"""The outlet: named by the source, else the URL's domain (table-driven)."""

from __future__ import annotations

import pytest

from readout.ingest.outlets import settle_outlet, url_host

CASES: list[tuple[str | None, str | None, str | None]] = [
    # (named by the feed or page, url, outlet)
    (None, "https://www.voanews.com/a/some-story/8009853.html", "Voice of America"),
    (None, "https://learningenglish.voanews.com/a/story.html", "Voice of America"),
    (None, "https://apnews.com/article/abc", "Associated Press"),
    (None, "https://www.bbc.co.uk/news/world-1", "BBC"),
    (None, "http://WWW.REUTERS.COM/world/", "Reuters"),
    (None, "https://news.example-wire.org/x", "news.example-wire.org"),  # unknown: the host
    (None, "https://www.example.org/x", "example.org"),
    ("VOA", None, "Voice of America"),  # an alias becomes the knowledge base's name
    ("voanews.com", None, "Voice of America"),  # a domain as the source name
    ("www.reuters.com", None, "Reuters"),
    ("The Associated Press", "https://example.org/x", "Associated Press"),
    ("Example  Wire", "https://www.voanews.com/a/1", "Example Wire"),  # named wins over the URL
    (None, None, None),
    ("  ", None, None),
    (None, "not a url", None),
    (None, "javascript:alert(1)", None),
    (None, "file:///etc/passwd", None),
]


@pytest.mark.parametrize(("named", "url", "expected"), CASES)
def test_settle_outlet(named: str | None, url: str | None, expected: str | None) -> None:
    assert settle_outlet(named, url) == expected


@pytest.mark.parametrize(
    ("url", "host"),
    [
        ("https://www.voanews.com/a/1", "voanews.com"),
        ("https://user@Example.ORG:8080/x", "example.org"),
        ("https://[::1]/x", None),
        ("", None),
        (None, None),
    ],
)
def test_url_host(url: str | None, host: str | None) -> None:
    assert url_host(url) == host


def test_every_packaged_outlet_domain_is_a_plain_lower_case_host() -> None:
    from readout.actors.kb import load_kb

    domains = [d for outlet in load_kb().outlets for d in outlet.domains]
    assert len(domains) > 150
    assert all(url_host(f"https://{d}/") == d for d in domains)
    assert len(domains) == len(set(domains)), "one domain names two outlets"
