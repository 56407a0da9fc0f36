"""A real `readout serve` and a real `readout ingest` at the same time: the server keeps
answering (from snapshots) and shows the crawl coming in; two writers take turns."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

import duckdb
import httpx
import pytest
from webfixture import build_db, free_port

READOUT = Path(sys.executable).with_name("readout")
VOA = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "voa-sample.jsonl"
PATHS = ["/api/v1/stats", "/api/v1/events?limit=20", "/api/v1/actors?limit=20", "/", "/articles"]


def sixty_stories(folder: Path) -> Path:
    """The 60 sample stories (or, without ../shared, 60 constructed ones)."""
    feed = folder / "stories.jsonl"
    if VOA.exists():
        shutil.copy(VOA, feed)
        return feed
    states = ["France", "India", "Brazil", "Kenya", "Norway", "Qatar", "Peru", "Chile"]
    with feed.open("w") as out:
        for i in range(60):
            a, b = states[i % 8], states[(i + 3) % 8]
            text = (
                f"{a} and {b} held talks in Geneva on March {1 + i % 27}, officials said. "
                f"{a} accused {b} of delaying a trade deal. Report number {i}."
            )
            out.write(json.dumps({"id": f"s{i}", "published": "2026-03-28", "text": text}) + "\n")
    return feed


def start_server(db: Path) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    proc = subprocess.Popen(
        [str(READOUT), "serve", "--db", str(db), "--port", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(base + "/api/v1/stats", timeout=2).status_code == 200:
                return proc, base
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    raise RuntimeError("the server did not start")


@pytest.mark.slow
def test_the_server_answers_throughout_an_ingest_and_shows_it_coming_in(tmp_path: Path) -> None:
    db = build_db(tmp_path / "live.duckdb")
    feed = sixty_stories(tmp_path)
    server, base = start_server(db)
    statuses: Counter[int] = Counter()
    counts: list[int] = []
    stop = threading.Event()

    def client(offset: int) -> None:
        with httpx.Client(base_url=base, timeout=30) as http:
            n = offset
            while not stop.is_set():
                path = PATHS[n % len(PATHS)]
                n += 1
                try:
                    response = http.get(path)
                except httpx.HTTPError:
                    statuses[0] += 1
                    continue
                statuses[response.status_code] += 1
                if path == "/api/v1/stats" and response.status_code == 200:
                    counts.append(response.json()["articles"])
                time.sleep(0.02)  # a busy reader, not a load test: leave the ingest some CPU

    clients = [threading.Thread(target=client, args=(i,)) for i in range(4)]
    try:
        for thread in clients:
            thread.start()
        time.sleep(1)
        ingest = subprocess.run(
            [str(READOUT), "ingest", str(feed), "--db", str(db)],
            capture_output=True, text=True, timeout=600,
        )  # fmt: skip
        time.sleep(1.5)  # the server goes back to the file
        stop.set()
        for thread in clients:
            thread.join(30)
        final = httpx.get(base + "/api/v1/stats", timeout=30).json()["articles"]
    finally:
        stop.set()
        server.terminate()
        server.wait(30)
    assert ingest.returncode == 0, ingest.stderr
    total = sum(statuses.values())
    print(f"during the ingest: {dict(statuses)} of {total} requests; articles seen {counts}")
    assert statuses[200] >= 0.99 * total, statuses
    assert total > 50
    assert final == 65
    # The crawl came in while it ran: counts between the first and the last were seen.
    assert counts[0] == 5
    assert any(5 < n < 65 for n in counts), sorted(set(counts))


@pytest.mark.slow
def test_a_second_writer_waits_its_turn(tmp_path: Path) -> None:
    db = build_db(tmp_path / "two.duckdb")
    feeds = []
    for name in ("a", "b"):
        feed = tmp_path / f"{name}.jsonl"
        lines = [
            json.dumps(
                {"id": f"{name}{i}", "text": f"Constructed {name} story {i}: Peru met Chile."}
            )
            for i in range(20)
        ]
        feed.write_text("\n".join(lines) + "\n")
        feeds.append(feed)
    procs = [
        subprocess.Popen(
            [str(READOUT), "ingest", str(feed), "--db", str(db)],
            stderr=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            text=True,
        )
        for feed in feeds
    ]
    outputs = [proc.communicate(timeout=600)[1] for proc in procs]
    assert [proc.returncode for proc in procs] == [0, 0], outputs
    assert any("waiting for the other writer (PID" in out for out in outputs), outputs
    con = duckdb.connect(str(db), read_only=True)  # the store holds both feeds
    assert con.execute("SELECT count(*) FROM articles").fetchone() == (45,)
    con.close()
