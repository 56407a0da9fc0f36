"""Hostile requests against a real server: bodies capped before the token check and read
only after it, wordless and out-of-calendar articles refused, every 5xx closing cleanly."""

from __future__ import annotations

import shutil
import socket
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest
from webfixture import WRITE_TOKEN, running_server

from readout.limits import MAX_BODY_BYTES
from readout.store.db import Store

AUTH = {"Authorization": f"Bearer {WRITE_TOKEN}"}


@pytest.fixture(scope="module")
def server(fixture_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    copy = tmp_path_factory.mktemp("hardening") / "h.duckdb"
    shutil.copy(fixture_db, copy)
    with running_server(copy, token=WRITE_TOKEN) as base:
        yield base


def raw_request(base: str, head: str, body: bytes = b"", wait: float = 10.0) -> bytes:
    """Send a request by hand (headers, maybe part of a body); return what comes back."""
    parts = urlsplit(base)
    with socket.create_connection((parts.hostname, parts.port), timeout=wait) as sock:
        sock.sendall(head.encode() + body)
        chunks = []
        deadline = time.monotonic() + wait
        while time.monotonic() < deadline:
            try:
                chunk = sock.recv(65536)
            except TimeoutError:
                break
            if not chunk:
                break  # the server closed the connection, as it must
            chunks.append(chunk)
        return b"".join(chunks)


def post_head(length: int, auth: str | None) -> str:
    lines = [
        "POST /api/v1/articles HTTP/1.1",
        "Host: test",
        "Content-Type: application/json",
        f"Content-Length: {length}",
    ]
    if auth:
        lines.append(f"Authorization: {auth}")
    return "\r\n".join(lines) + "\r\n\r\n"


def test_a_200_mb_body_is_refused_before_a_byte_is_read(server: str) -> None:
    answer = raw_request(server, post_head(200_000_000, None))  # no body sent at all
    assert answer.startswith(b"HTTP/1.1 413")
    assert b"connection: close" in answer.lower()
    assert f"larger than {MAX_BODY_BYTES:,} bytes".encode() in answer


@pytest.mark.parametrize("auth", [None, "Bearer wrong", f"Basic {WRITE_TOKEN}"])
def test_without_the_token_the_body_is_never_read(server: str, auth: str | None) -> None:
    """The server answers 401 while the client has sent only the headers: it did not
    wait for (or buffer) the megabyte it was promised."""
    answer = raw_request(server, post_head(1_000_000, auth))
    assert answer.startswith(b"HTTP/1.1 401")
    assert b"connection: close" in answer.lower()


def test_a_chunked_body_over_the_limit_is_cut_off(server: str) -> None:
    def chunks() -> Iterator[bytes]:
        for _ in range(MAX_BODY_BYTES // 65_536 + 2):
            yield b" " * 65_536

    response = httpx.post(server + "/api/v1/articles", content=chunks(), headers=AUTH, timeout=30)
    assert response.status_code == 413
    assert response.headers["connection"] == "close"


@pytest.mark.parametrize(
    "text", [" \n\t ", "\x00\x01\x02", "\x1b[2J\x1b[31m", "... --- !!!", "\u200b\u2028"]
)
def test_wordless_articles_are_refused(server: str, text: str) -> None:
    response = httpx.post(server + "/api/v1/articles", json={"text": text}, headers=AUTH)
    assert response.status_code == 422, response.text
    assert "no words" in response.json()["error"]["message"]


@pytest.mark.parametrize("published", ["9999-12-31", "0001-01-01"])
def test_dates_past_the_calendar_are_422_and_the_connection_lives(
    server: str, published: str
) -> None:
    with httpx.Client(base_url=server, timeout=30) as client:
        article = {"text": "Constructed: Peru met Chile next year.", "published": published}
        response = client.post("/api/v1/articles", json=article, headers=AUTH)
        assert response.status_code == 422
        assert "outside the supported dates" in response.json()["error"]["message"]
        assert client.get("/api/v1/stats").status_code == 200  # same connection, still fine


def test_every_5xx_closes_the_connection_cleanly(
    server: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(self: Store) -> dict[str, int]:
        raise RuntimeError("a bug in a query")

    monkeypatch.setattr(Store, "stats", broken)
    with httpx.Client(base_url=server, timeout=30) as client:
        response = client.get("/api/v1/stats")
        assert response.status_code == 500
        assert response.headers["connection"] == "close"
        assert response.json() == {"error": {"code": 500, "message": "internal server error"}}
        monkeypatch.undo()
        assert client.get("/api/v1/stats").status_code == 200  # a new connection, no reset


def test_store_errors_name_no_path_or_process(server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from readout.errors import StoreError

    def locked(self: Store) -> dict[str, int]:
        raise StoreError("the database is in use by another process (PID 4242)", path="/srv/x.db")

    monkeypatch.setattr(Store, "stats", locked)
    for path in ("/api/v1/stats", "/"):
        response = httpx.get(server + path, timeout=30)
        assert response.status_code == 503
        assert response.headers["connection"] == "close"
        assert "4242" not in response.text and "/srv/x.db" not in response.text
