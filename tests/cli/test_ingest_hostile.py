"""``readout ingest`` against hostile folders, feeds and extractor failures: every good
article is stored, every bad one is one line naming it, and nothing hangs."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

sys.path.insert(0, str(Path(__file__).parents[1] / "store"))
from store_corpus import ARTICLES, read_corpus

from readout.cli.main import app
from readout.model import Article, Event

runner = CliRunner()
READOUT = Path(sys.executable).with_name("readout")
VOA = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "voa-sample.jsonl"


def stored_docs(db: Path) -> list[str]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return sorted(str(doc) for (doc,) in con.execute("SELECT doc FROM articles").fetchall())
    finally:
        con.close()


class Exploding:
    """An extractor that fails on one article, as a bug in any stage would."""

    def __init__(self, kb: object | None = None, actor_files: object = ()) -> None:
        pass

    def extract_many(
        self, articles: Iterable[Article], batch_size: int = 32
    ) -> Iterator[tuple[Article, list[Event]]]:
        batch = list(articles)
        if any("Moldova" in a.text for a in batch):
            raise RuntimeError("stage failed\non this article")
        for article in batch:
            yield article, []


def test_an_extractor_failure_costs_only_its_article(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("readout.cli.ingest.Extractor", Exploding)
    feed = tmp_path / "feed.jsonl"
    lines = [
        json.dumps({"id": f"r{i}", "text": f"Constructed report {i}: officials met in Oslo."})
        for i in range(40)
    ]
    lines[7] = json.dumps({"id": "r7", "text": "Constructed: Moldova and Romania met."})
    feed.write_text("\n".join(lines) + "\n")
    db = tmp_path / "r.duckdb"
    result = runner.invoke(app, ["ingest", str(feed), "--db", str(db)])
    assert result.exit_code == 1
    assert (
        f"readout: {feed}#r7: cannot read events (RuntimeError: stage failed on this article)"
        in (result.stderr.splitlines())
    )
    assert len(stored_docs(db)) == 39


def test_folder_with_links_fifos_and_odd_names(tmp_path: Path) -> None:
    """`ln -s self self`, a FIFO, a dangling link and a non-UTF-8 name, through the real
    command in its own process (a FIFO used to hang it)."""
    folder = tmp_path / "in"
    shutil.copytree(ARTICLES, folder)
    (folder / "self").symlink_to("self")
    (folder / "dangling").symlink_to("missing.txt")
    os.mkfifo(folder / "fifo")
    odd = os.fsencode(str(folder)) + b"/caf\xe9.txt"
    with open(odd, "wb") as stream:
        stream.write(b"Constructed: Chad and Niger agreed on Monday to reopen their border.\n")
    db = tmp_path / "r.duckdb"
    done = subprocess.run(
        [str(READOUT), "ingest", str(folder), "--db", str(db)],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    notes = [line for line in done.stderr.splitlines() if "skipped (" in line]
    assert sorted(notes) == [
        f"readout: {folder}/dangling: skipped (a broken symbolic link)",
        f"readout: {folder}/fifo: skipped (a FIFO, not a regular file)",
        f"readout: {folder}/self: skipped (a symbolic link loop)",
    ]
    docs = stored_docs(db)
    assert f"{folder}/caf\\xe9.txt" in docs
    assert len(docs) == len(read_corpus()) + 1


@pytest.mark.skipif(not VOA.exists(), reason="needs ../shared/corpus/voa-sample.jsonl")
def test_sixty_stories_with_one_dated_at_the_calendar_edge(tmp_path: Path) -> None:
    """One record dated 9999-12-31 that says "next year" used to stop the ingest at 32."""
    records = [json.loads(line) for line in VOA.read_text(encoding="utf-8").splitlines()]
    records[40]["published"] = "9999-12-31"
    records[40]["text"] += " The two sides will meet again next year."
    feed = tmp_path / "voa.jsonl"
    feed.write_text("".join(json.dumps(r) + "\n" for r in records))
    db = tmp_path / "r.duckdb"
    done = subprocess.run(
        [str(READOUT), "ingest", str(feed), "--db", str(db)],
        capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert len(stored_docs(db)) == len(records)
    con = duckdb.connect(str(db), read_only=True)
    try:
        edge = con.execute(
            "SELECT published FROM articles WHERE doc LIKE ?", [f"%#{records[40]['id']}"]
        )
        assert edge.fetchall() == [(None,)]
    finally:
        con.close()


@pytest.mark.parametrize("value", ["9999-12-31", "0001-01-01"])
def test_published_option_at_the_calendar_edge_is_one_line(tmp_path: Path, value: str) -> None:
    result = runner.invoke(
        app, ["ingest", str(ARTICLES), "--published", value, "--db", str(tmp_path / "r.duckdb")]
    )
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        f"readout: --published: {value} is outside the supported dates (1000-01-01 to 2999-12-31)"
    )


def test_stdin_feed_with_a_malformed_line_is_read_as_a_feed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("readout.cli.ingest.Extractor", Exploding)
    good = [json.dumps({"id": f"s{i}", "text": f"Constructed story {i}."}) for i in range(3)]
    feed = "\n".join([good[0], '{"text": "broken', good[1], good[2]]) + "\n"
    db = tmp_path / "r.duckdb"
    result = runner.invoke(app, ["ingest", "-", "--db", str(db)], input=feed)
    assert result.exit_code == 1
    assert "readout: -: skipped 1 unreadable line (line 2: not valid JSON)" in result.stderr
    assert stored_docs(db) == ["-#s0", "-#s1", "-#s2"]
