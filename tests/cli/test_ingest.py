"""``readout ingest``: summary, idempotency, per-file errors, and recovery from SIGKILL."""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

sys.path.insert(0, str(Path(__file__).parents[1] / "store"))
from store_corpus import ARTICLES, gold_events, load_gold

from readout.cli.main import app
from readout.model import Article, Event

runner = CliRunner()
GOLD = load_gold()
READOUT = Path(sys.executable).with_name("readout")


class GoldExtractor:
    """Stands in for the real extractor: the corpus's gold mentions, instantly."""

    def __init__(self, kb: object | None = None, actor_files: Sequence[Path] = ()) -> None:
        self.actor_files = actor_files

    def extract_many(
        self, articles: Iterable[Article], batch_size: int = 32
    ) -> Iterator[tuple[Article, list[Event]]]:
        for article in articles:
            yield article, gold_events(article, GOLD)


@pytest.fixture
def gold_extractor(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("readout.cli.ingest.Extractor", GoldExtractor)


def counts(db: Path) -> dict[str, int]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        tables = ("articles", "mentions", "events", "claims", "contradictions", "actors")
        return {t: int(con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]) for t in tables}  # type: ignore[index]
    finally:
        con.close()


@pytest.mark.usefixtures("gold_extractor")
def test_ingest_twice_changes_nothing(tmp_path: Path) -> None:
    db = tmp_path / "r.duckdb"
    first = runner.invoke(app, ["ingest", str(ARTICLES), "--db", str(db)])
    assert first.exit_code == 0, first.stderr
    assert (
        "13 articles added (1 near-duplicate linked), 0 duplicates skipped, 17 event mentions"
        in first.stderr
    )
    before = counts(db)
    second = runner.invoke(app, ["ingest", str(ARTICLES), "--db", str(db)])
    assert second.exit_code == 0
    assert "0 articles added" in second.stderr and "13 duplicates skipped" in second.stderr
    assert counts(db) == before
    assert before["events"] == 9


@pytest.mark.usefixtures("gold_extractor")
def test_bad_files_are_reported_and_the_rest_ingested(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    shutil.copytree(ARTICLES, folder)
    (folder / "empty.txt").write_text("")
    db = tmp_path / "r.duckdb"
    result = runner.invoke(
        app, ["ingest", str(folder), str(tmp_path / "missing.txt"), "--db", str(db)]
    )
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert any(line.startswith("readout: ") and "missing.txt" in line for line in lines)
    assert any(line.startswith("readout: ") and "empty.txt" in line for line in lines)
    assert "13 articles added" in lines[-1] and "2 errors" in lines[-1]


@pytest.mark.usefixtures("gold_extractor")
def test_verbose_and_published(tmp_path: Path) -> None:
    text = tmp_path / "note.txt"
    text.write_text(
        "Officials in Lisbon said the envoy would arrive next week for a round of talks.\n"
    )
    db = tmp_path / "r.duckdb"
    result = runner.invoke(
        app, ["ingest", str(text), "--db", str(db), "--published", "2026-03-01", "-v"]
    )
    assert result.exit_code == 0
    assert result.stderr.startswith(f"added {text} as a-")
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT published::VARCHAR, published_source FROM articles").fetchall() == [
        ("2026-03-01", "cli")
    ]
    con.close()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--published", "yesterday"], "--published: 'yesterday' is not a date"),
        (["--db", "/proc/no/such/dir/x.duckdb"], "x.duckdb: cannot open database"),
    ],
)
def test_bad_options_are_one_line(args: list[str], message: str, gold_extractor: None) -> None:
    result = runner.invoke(app, ["ingest", str(ARTICLES), *args])
    assert result.exit_code == 1
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


# --- crash recovery, through the real command and the real extractor -------------

PLACES = [
    "Ankara",
    "Baku",
    "Geneva",
    "Doha",
    "Oslo",
    "Nairobi",
    "Brasilia",
    "Hanoi",
    "Lima",
    "Rabat",
]
STATES = [
    "France",
    "India",
    "Brazil",
    "Kenya",
    "Norway",
    "Qatar",
    "Vietnam",
    "Peru",
    "Morocco",
    "Chile",
]
FILLER = [
    "harbour",
    "wheat",
    "ferry",
    "rainfall",
    "museum",
    "railway",
    "orchard",
    "festival",
    "bridge",
    "tariff",
    "school",
    "clinic",
]


def filler_feed(path: Path, count: int) -> None:
    """A JSONL feed of distinct short articles, some with events, so the ingest takes a while."""
    rng = random.Random(7)
    with path.open("w", encoding="utf-8") as out:
        for i in range(count):
            a, b = rng.sample(STATES, 2)
            body = [
                f"{a} and {b} held talks in {rng.choice(PLACES)} on March {1 + i % 27}, officials said.",
                " ".join(rng.choice(FILLER) for _ in range(40)) + ".",
                f"{a} accused {b} of delaying a trade deal.",
            ]
            record = {"id": f"f{i}", "title": f"Report {i}", "outlet": f"Outlet {i % 5}",
                      "published": "2026-03-28", "text": " ".join(body)}  # fmt: skip
            out.write(json.dumps(record) + "\n")


def consistent(db: Path) -> None:
    """Every stored article has all its mentions; every event matches its reports."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        orphans = con.execute(
            "SELECT count(*) FROM mentions m LEFT JOIN articles a ON a.id = m.article_id WHERE a.id IS NULL"
        ).fetchone()
        bad_events = con.execute(
            "SELECT count(*) FROM events e WHERE e.reports <> "
            "(SELECT count(*) FROM mentions m WHERE m.event_id = e.id)"
        ).fetchone()
        assert orphans == (0,) and bad_events == (0,)
    finally:
        con.close()


def mentions_per_article(db: Path) -> dict[str, int]:
    con = duckdb.connect(str(db), read_only=True)
    rows = con.execute(
        "SELECT a.id, count(m.id) FROM articles a LEFT JOIN mentions m ON m.article_id = a.id GROUP BY a.id"
    ).fetchall()
    con.close()
    return {str(k): int(n) for k, n in rows}


@pytest.mark.slow
def test_sigkill_mid_ingest_loses_nothing_and_rerun_completes(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    shutil.copytree(ARTICLES, folder)
    filler_feed(folder / "zz_filler.jsonl", 60)
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    clean = tmp_path / "clean.duckdb"
    subprocess.run(
        [str(READOUT), "ingest", str(folder), "--db", str(clean)],
        check=True,
        env=env,
        capture_output=True,
    )

    crashed = tmp_path / "crashed.duckdb"
    proc = subprocess.Popen(
        [str(READOUT), "ingest", str(folder), "--db", str(crashed), "-v"],
        stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, env=env,
    )  # fmt: skip
    assert proc.stderr is not None
    stored = 0
    for line in proc.stderr:
        stored += line.startswith(("added ", "near_duplicate "))
        if stored == 3:  # a few articles are committed; kill in the middle of the rest
            proc.send_signal(signal.SIGKILL)
            break
    proc.wait()
    assert proc.returncode == -signal.SIGKILL

    consistent(crashed)
    partial, full = mentions_per_article(crashed), mentions_per_article(clean)
    assert 3 <= len(partial) < len(full)
    assert all(full[article] == n for article, n in partial.items())

    subprocess.run(
        [str(READOUT), "ingest", str(folder), "--db", str(crashed)],
        check=True,
        env=env,
        capture_output=True,
    )
    consistent(crashed)
    assert counts(crashed) == counts(clean)
    assert mentions_per_article(crashed) == full


VOA_SAMPLE = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "voa-sample.jsonl"


@pytest.mark.skipif(not VOA_SAMPLE.is_file(), reason="needs ../shared/corpus/voa-sample.jsonl")
def test_voa_sample_every_article_dated_and_from_voice_of_america(tmp_path: Path) -> None:
    db = tmp_path / "voa.duckdb"
    result = runner.invoke(app, ["ingest", str(VOA_SAMPLE), "--db", str(db)])
    assert result.exit_code == 0, result.stderr
    assert "0 undated articles" in result.stderr
    assert "60 articles added" in result.stderr
    con = duckdb.connect(str(db), read_only=True)
    try:
        rows = con.execute(
            "SELECT count(*), count(published), count(title), count(url),"
            " list(DISTINCT outlet), list(DISTINCT published_source) FROM articles"
        ).fetchone()
    finally:
        con.close()
    assert rows == (60, 60, 60, 60, ["Voice of America"], ["metadata"])


@pytest.mark.usefixtures("gold_extractor")
def test_undated_articles_are_counted_and_the_cost_said(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "dated.txt").write_text(
        "Published: 4 March 2026\n\nEnvoys met in Ankara on Monday.\n"
    )
    (folder / "undated.txt").write_text("Envoys met in Baku on Monday.\n")
    result = runner.invoke(app, ["ingest", str(folder), "--db", str(tmp_path / "r.duckdb")])
    assert result.exit_code == 0, result.stderr
    assert "1 added article without a publication date" in result.stderr
    assert "stay unresolved" in result.stderr and "--published" in result.stderr
    assert "2 articles added (0 near-duplicates linked)" in result.stderr
