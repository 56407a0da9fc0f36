"""Fuzzing the CLI's filters and the API's parameters and bodies: exit 0 or one line (never
a traceback), and never a 5xx; a well-formed article POSTed is stored, never lost."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx
import pytest
from fuzzkit import EXAMPLES, FUZZ, count
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner
from webfixture import WRITE_TOKEN, build_db, running_server

from readout.cli.main import app as cli
from readout.limits import EARLIEST_DATE, LATEST_DATE

runner = CliRunner()
VALUES = st.one_of(
    st.text(max_size=30),
    st.sampled_from(
        ["RUS", "USA", "NATO", "CONSULT", "consult", "occurred", "planned", "2025-03-01",
         "9999-12-31", "0001-01-01", "2025-02-30", "-1", "0", "99999999999999999999", "1e9",
         "' OR 1=1 --", "%", "_", "\\", "\x00", "\x1b[2J", "[bold]x[/bold]", "ü" * 300]
    ),
)  # fmt: skip
CLI_OPTIONS = ["--actor", "--country", "--type", "--status", "--since", "--until", "--q"]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_db(tmp_path_factory.mktemp("fuzz") / "fuzz.duckdb")


@FUZZ
@given(
    verb=st.sampled_from(["events", "timeline", "export"]),
    options=st.dictionaries(st.sampled_from(CLI_OPTIONS), VALUES, max_size=4),
    limit=st.one_of(st.none(), VALUES),
)
def test_cli_filters(verb: str, options: dict[str, str], limit: str | None, db: Path) -> None:
    count("cli")
    args = [verb] + (["/dev/null/never.jsonl"] if verb == "export" else [])
    for name, value in options.items():
        args += [f"{name}={value}"]
    if limit is not None and verb == "events":
        args += [f"--limit={limit}"]
    result = runner.invoke(cli, [*args, "--db", str(db)])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert result.exit_code in (0, 1, 2), result.output
    if result.exit_code == 1:
        lines = result.stderr.strip().splitlines()
        assert lines and all(line.startswith("readout: ") for line in lines), result.stderr


@pytest.fixture(scope="module")
def client(db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[httpx.Client]:
    """A real server (uvicorn in a thread) with the write token, over its own copy."""
    copy = tmp_path_factory.mktemp("fuzz-api") / "api.duckdb"
    shutil.copy(db, copy)
    with (
        running_server(copy, token=WRITE_TOKEN) as base,
        httpx.Client(base_url=base, timeout=60) as http,
    ):
        yield http


GETS = [
    "/api/v1/events", "/api/v1/events/{}", "/api/v1/actors", "/api/v1/actors/{}",
    "/api/v1/articles", "/api/v1/articles/{}", "/api/v1/timeline", "/api/v1/network",
    "/api/v1/contradictions", "/api/v1/stats", "/api/v1/search", "/", "/events/{}",
    "/actors", "/actors/{}", "/articles", "/articles/{}", "/network", "/search", "/counts",
    "/dyad", "/map", "/contradictions", "/download/events.{}",
]  # fmt: skip
PARAMS = ["actor", "country", "type", "status", "since", "until", "q", "limit", "offset",
          "min_count", "page", "sort", "nodes", "a", "b", "interval", "by"]  # fmt: skip


@FUZZ
@given(
    path=st.sampled_from(GETS),
    segment=st.text(max_size=40),
    params=st.dictionaries(st.sampled_from(PARAMS), VALUES, max_size=5),
)
def test_api_and_pages_never_answer_5xx(
    path: str, segment: str, params: dict[str, str], client: httpx.Client
) -> None:
    count("api")
    url = path.replace("{}", quote(segment, safe=""))
    response = client.get(url, params=params)
    assert response.status_code < 500, (url, params, response.text[:300])


BODY_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | VALUES,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)


@FUZZ
@given(
    body=st.one_of(
        st.dictionaries(
            st.sampled_from(["text", "title", "url", "outlet", "published", "extra"]),
            BODY_VALUES,
            max_size=5,
        ),
        BODY_VALUES,
    ),
    authorised=st.booleans(),
)
def test_post_never_answers_5xx(body: Any, authorised: bool, client: httpx.Client) -> None:
    count("api")
    headers = {"Authorization": f"Bearer {WRITE_TOKEN}"} if authorised else {}
    response = client.post("/api/v1/articles", json=body, headers=headers)
    assert response.status_code in (201, 401, 413, 422), response.text[:300]


SENTENCES = [
    "Chad and Niger agreed on Monday to reopen their border.",
    "Peru recalled its ambassador from Bolivia.",
    "Ghana accused Togo of closing the crossing.",
    "The talks in Geneva were postponed until next year.",
]


# Each POST is a full write (extraction, a writer's turn, a snapshot for the readers).
@settings(parent=FUZZ, max_examples=max(5, EXAMPLES // 20))
@given(
    text=st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=6).map(" ".join),
    nonce=st.integers(0, 10**9),
    published=st.none() | st.dates(min_value=EARLIEST_DATE, max_value=LATEST_DATE),
)
def test_a_posted_article_is_stored_never_lost(
    text: str, nonce: int, published: Any, client: httpx.Client
) -> None:
    count("api")
    body: dict[str, Any] = {
        "text": f"{text} Reference {nonce}.",
        "url": f"https://x.example/{nonce}",
    }
    if published is not None:
        body["published"] = published.isoformat()
    response = client.post(
        "/api/v1/articles", json=body, headers={"Authorization": f"Bearer {WRITE_TOKEN}"}
    )
    assert response.status_code == 201, response.text[:300]
    article_id = response.json()["article_id"]
    assert client.get(f"/api/v1/articles/{article_id}").status_code == 200
