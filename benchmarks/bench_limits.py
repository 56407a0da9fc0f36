"""Time and peak memory of hostile inputs, each through the real CLI in its own process.

- a JSON Lines feed with one 20 MB line between two ordinary records (ingest);
- a 30 MB text file (extract), and the same 30 MB on stdin;
- one article that is a single 100,000-character sentence (extract);
- an article of MAX_ARTICLE_CHARS (1,000,000) characters of real news (extract).

Each row is wall-clock seconds and peak RSS of the whole command, model loading
included (about 2 s and 200 MB on their own).

    python benchmarks/bench_limits.py
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "voa-sample.jsonl"
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


def story_texts() -> list[str]:
    if CORPUS.exists():
        return [json.loads(line)["text"] for line in CORPUS.read_text().splitlines()]
    return [p.read_text() for p in sorted((ROOT / "examples" / "articles").glob("*.txt"))]


def make_inputs(folder: Path) -> list[tuple[str, list[str], Path | None]]:
    feed = folder / "feed.jsonl"
    ordinary = json.dumps({"id": "a", "text": "Chad and Niger met in N'Djamena on Monday."})
    with feed.open("w") as out:
        out.write(ordinary + "\n")
        out.write(json.dumps({"id": "huge", "text": "word " * 4_000_000}) + "\n")
        out.write(ordinary.replace('"a"', '"b"') + "\n")
    big = folder / "dump.txt"
    line = "Officials met in Geneva on Monday and agreed to talk again. " * 100 + "\n"
    with big.open("w") as out:
        for _ in range(30_000_000 // len(line) + 1):
            out.write(line)
    unit = "Russia and Ukraine held talks in Geneva while the minister said that sanctions "
    sentence = folder / "sentence.txt"
    sentence.write_text((unit * (100_000 // len(unit) + 1))[:100_000] + ".\n")
    longest = folder / "longest.txt"
    longest.write_text("\n\n".join(story_texts() * 100)[:1_000_000])
    db = folder / "r.duckdb"
    return [
        ("20 MB JSON Lines line (ingest)", ["ingest", str(feed), "--db", str(db)], None),
        ("30 MB text file (extract)", ["extract", str(big)], None),
        ("30 MB on stdin (extract -)", ["extract", "-"], big),
        ("100,000-character sentence (extract)", ["extract", str(sentence)], None),
        ("1,000,000-character article (extract)", ["extract", str(longest)], None),
    ]


def measure(args: list[str], stdin: Path | None) -> tuple[float, int, int, str]:
    started = time.perf_counter()
    with open(stdin or "/dev/null", "rb") as feed:
        done = subprocess.run(
            [sys.executable, "-c", RUN, *args], stdin=feed, capture_output=True, text=True
        )
    seconds = time.perf_counter() - started
    lines = done.stderr.strip().splitlines()
    said = next((line for line in lines if line.startswith("readout: ")), "")
    return seconds, int(lines[-1]), done.returncode, said[:90]


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        inputs = make_inputs(Path(folder))
        print(f"{'input':40} {'seconds':>8} {'peak RSS MB':>12} {'exit':>5}  first message")
        for name, args, stdin in inputs:
            seconds, rss, code, said = measure(args, stdin)
            print(f"{name:40} {seconds:8.1f} {rss:12} {code:5}  {said}")


if __name__ == "__main__":
    main()
