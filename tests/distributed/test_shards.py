"""Planning and reading shards: every record once, the articles ingest would read."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from crawls import corpus_records, feed_lines, write_feed, write_warc

from readout.distributed.reading import read_shard
from readout.distributed.shards import Shard, Source, file_shards, plan_source, sources
from readout.errors import InputError
from readout.ingest import read_source
from readout.limits import MAX_LINE_BYTES

RECORDS = corpus_records()


def _read_all(shards: list[Shard]) -> list[tuple[int, object, str | None]]:
    return [
        (item.record, item.article, item.problem)
        for shard in shards
        for item in read_shard(shard, None, 10**7)
    ]


@pytest.mark.parametrize("size", [1, 2, 7, 100])
def test_a_feed_in_shards_gives_the_articles_of_a_whole_read(tmp_path: Path, size: int) -> None:
    lines = feed_lines(RECORDS[:9])
    lines.insert(3, "")  # blank lines keep their numbers, as in ingest
    lines.insert(6, "   ")
    feed = write_feed(tmp_path / "feed.jsonl", lines)
    [source] = sources([str(feed)])
    shards = plan_source(source, size)
    assert sum(s.articles for s in shards) == 9
    assert all(s.articles <= size for s in shards)
    got = _read_all(shards)
    assert [a for _, a, _ in got] == list(read_source(str(feed), feed))
    assert len({s.id for s in shards}) == len(shards)


@pytest.mark.parametrize("suffix", [".jsonl.gz", ".jsonl.zst"])
def test_compressed_feeds_read_as_the_plain_one(tmp_path: Path, suffix: str) -> None:
    lines = feed_lines(RECORDS[:8])
    plain = write_feed(tmp_path / "feed.jsonl", lines)
    packed = write_feed(tmp_path / f"feed{suffix}", lines)
    [a] = sources([str(plain)])
    [b] = sources([str(packed)])
    assert b.kind == "feed"
    want = [(r, art.text if art else None) for r, art, _ in _read_all(plan_source(a, 3))]
    got = [(r, art.text if art else None) for r, art, _ in _read_all(plan_source(b, 3))]
    assert got == want and len(got) == 8


def test_bad_and_overlong_lines_are_one_line_problems(tmp_path: Path) -> None:
    too_long = "x" * (MAX_LINE_BYTES + 10)
    lines = [*feed_lines(RECORDS[:2]), "{not json", '{"title": "no text"}', too_long]
    feed = write_feed(tmp_path / "feed.jsonl", lines)
    [source] = sources([str(feed)])
    got = _read_all(plan_source(source, 2))
    problems = [p for _, a, p in got if a is None]
    assert [r for r, a, _ in got if a is None] == [3, 4, 5]
    assert all(p and "\n" not in p and str(feed) in p for p in problems)
    assert f"longer than {MAX_LINE_BYTES:,} bytes" in str(problems[-1])
    assert len([a for _, a, _ in got if a is not None]) == 2


@pytest.mark.parametrize("size", [1, 3, 50])
def test_a_warc_in_shards_gives_the_articles_of_a_whole_read(tmp_path: Path, size: int) -> None:
    warc = write_warc(tmp_path / "crawl.warc.gz", RECORDS[:7])
    [source] = sources([str(warc)])
    assert source.kind == "warc"
    shards = plan_source(source, size)
    assert sum(s.articles for s in shards) == 7
    got = [a for _, a, _ in _read_all(shards)]
    assert got == list(read_source(str(warc), warc))


def test_a_truncated_warc_reports_the_rest_of_its_shard(tmp_path: Path) -> None:
    warc = write_warc(tmp_path / "crawl.warc.gz", RECORDS[:6])
    [source] = sources([str(warc)])
    shards = plan_source(source, 2)
    data = warc.read_bytes()
    warc.write_bytes(data[: shards[-1].offset + 40])  # the last shard's first record is cut
    got = _read_all(shards)
    whole: list[object] = []
    with pytest.raises(InputError, match="truncated"):
        whole.extend(read_source(str(warc), warc))
    assert [a for _, a, _ in got if a is not None] == whole
    assert len(whole) == 4
    assert any(p and "truncated or damaged" in p for _, _, p in got)


def test_files_are_grouped_in_order(tmp_path: Path) -> None:
    for i in range(5):
        (tmp_path / f"{i}.txt").write_text(RECORDS[i]["text"], encoding="utf-8")
    found = sources([str(tmp_path)])
    shards = file_shards(found, 2)
    assert [len(s.files) for s in shards] == [2, 2, 1]
    got = [a for _, a, _ in _read_all(shards)]
    assert got == [a for s in found for a in read_source(s.doc, Path(s.path))]


def test_unreadable_sources_and_stdin_are_input_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not stdin"):
        sources(["-"])
    empty = write_feed(tmp_path / "empty.jsonl", [])
    with pytest.raises(InputError, match="empty"):
        plan_source(Source(0, str(empty), str(empty), "feed"), 5)
    broken = tmp_path / "broken.jsonl.gz"
    broken.write_bytes(b"not gzip at all")
    with pytest.raises(InputError, match="cannot read the feed"):
        plan_source(Source(0, str(broken), str(broken), "feed"), 5)
