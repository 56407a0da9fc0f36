"""Huge inputs finish or are refused in one line, with bounded memory (measured in a child
process). The timeout only guards against a hang; speed figures come from
benchmarks/bench_limits.py."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import readout.limits as limits

# Runs the CLI in-process and reports its peak RSS in MB on the last line of stderr.
RUN = """
import resource, sys
from readout.cli.main import app
try:
    app(sys.argv[1:])
except SystemExit as stop:
    code = stop.code or 0
else:
    code = 0
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024, file=sys.stderr)
sys.exit(code)
"""
GUARD_SECONDS = 300
MAX_RSS_MB = 1024


def run_readout(*args: str, stdin: Path | None = None) -> tuple[int, list[str], int]:
    """(exit code, stderr lines without the RSS line, peak RSS in MB)."""
    with open(stdin, "rb") if stdin else open("/dev/null", "rb") as feed:
        done = subprocess.run(
            [sys.executable, "-c", RUN, *args],
            stdin=feed, capture_output=True, text=True, timeout=GUARD_SECONDS,
        )  # fmt: skip
    lines = done.stderr.strip().splitlines()
    return done.returncode, lines[:-1], int(lines[-1])


def story(n: int) -> str:
    return json.dumps({"id": f"s{n}", "text": f"Constructed: Chad and Niger met on day {n}."})


@pytest.mark.slow
def test_a_20_mb_line_is_refused_and_the_feed_goes_on(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    with feed.open("w") as out:
        out.write(story(1) + "\n")
        out.write(json.dumps({"id": "huge", "text": "word " * 4_000_000}) + "\n")  # 20 MB
        out.write(story(2) + "\n")
    code, errors, rss = run_readout("ingest", str(feed), "--db", str(tmp_path / "r.duckdb"))
    assert code == 1
    assert errors[0] == (
        f"readout: {feed}: skipped 1 unreadable line (line 2: longer than "
        f"{limits.MAX_LINE_BYTES:,} bytes)"
    )
    assert any(line.startswith("2 articles added") for line in errors)
    assert rss < MAX_RSS_MB


@pytest.mark.slow
@pytest.mark.parametrize("name", ["dump.txt", "dump.dat", "-"])
def test_a_30_mb_text_is_refused_in_one_line(tmp_path: Path, name: str) -> None:
    big = tmp_path / "dump.txt"
    line = "Officials met in Geneva on Monday and agreed to talk again. " * 100 + "\n"
    with big.open("w") as out:
        for _ in range(30_000_000 // len(line) + 1):
            out.write(line)
    if name == "-":
        code, errors, rss = run_readout("extract", "-", stdin=big)
    else:
        path = big.rename(tmp_path / name)
        code, errors, rss = run_readout("extract", str(path))
    assert code == 1
    (error,) = errors
    assert error.startswith(f"readout: {name if name == '-' else path}: ")
    assert "too large" in error
    assert rss < MAX_RSS_MB
