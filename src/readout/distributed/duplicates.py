"""Which articles of a run are stored, and which are near-duplicates of which.

The rules are those of ``readout ingest`` (``readout.store.write``), applied in
input order: an article whose text hash or URL matches an article stored before
it is skipped; one whose MinHash is close enough to an earlier stored article's
is stored, linked to the first-seen original. DuckDB reads the shards' Parquet
files in place; only articles that share a hash, a URL or an LSH bucket with
another one are looked at in Python.
"""

from __future__ import annotations

from typing import Any

import duckdb
import pyarrow as pa

from readout.distributed.layout import Layout, quoted, scratch_db
from readout.store import dedupe

Position = tuple[int, int]

_CONFLICTS = """
SELECT source_no, record_no, text_hash, url FROM (
  SELECT source_no, record_no, text_hash, url,
         count(*) OVER (PARTITION BY text_hash) AS same_text,
         count(url) OVER (PARTITION BY url) AS same_url
  FROM articles)
WHERE same_text > 1 OR same_url > 1
ORDER BY source_no, record_no
"""

_PAIRS = """
WITH b AS (
  SELECT a.source_no, a.record_no, unnest(a.buckets) AS bucket
  FROM articles a ANTI JOIN skipped s USING (source_no, record_no)),
pairs AS (
  SELECT DISTINCT x.source_no AS xs, x.record_no AS xr, y.source_no AS ys, y.record_no AS yr
  FROM b x JOIN b y ON x.bucket = y.bucket
   AND (y.source_no < x.source_no OR (y.source_no = x.source_no AND y.record_no < x.record_no)))
SELECT p.xs, p.xr, p.ys, p.yr, y.id, x.minhash, y.minhash
FROM pairs p
JOIN articles x ON x.source_no = p.xs AND x.record_no = p.xr
JOIN articles y ON y.source_no = p.ys AND y.record_no = p.yr
ORDER BY p.xs, p.xr, p.ys, p.yr
"""


def connect(layout: Layout) -> duckdb.DuckDBPyConnection:
    """A scratch DuckDB with the shards' articles as a view (no text read)."""
    con = scratch_db(layout)
    con.execute(
        "CREATE VIEW articles AS SELECT source_no, record_no, id, url, text_hash, minhash, buckets"
        f" FROM read_parquet('{quoted(layout.shard_glob('articles'))}', hive_partitioning = false)"
    )
    return con


def skipped_duplicates(con: duckdb.DuckDBPyConnection) -> list[Position]:
    """Articles whose text or URL an earlier stored article has: ingest skips them."""
    texts: set[str] = set()
    urls: set[str] = set()
    skipped: list[Position] = []
    for source_no, record_no, text_hash, url in con.execute(_CONFLICTS).fetchall():
        if text_hash in texts or (url is not None and url in urls):
            skipped.append((source_no, record_no))
            continue
        texts.add(text_hash)
        if url is not None:
            urls.add(url)
    return skipped


def near_duplicates(con: duckdb.DuckDBPyConnection) -> dict[Position, str]:
    """For each stored article that is a near-duplicate, the id of its original."""
    originals: dict[Position, str] = {}
    best: dict[Position, tuple[float, str]] = {}
    for xs, xr, ys, yr, y_id, x_sig, y_sig in con.execute(_PAIRS).fetchall():
        score = dedupe.similarity(list(x_sig), list(y_sig))
        if score < dedupe.NEAR_DUP_THRESHOLD:
            continue
        x = (xs, xr)
        # Earlier candidates come first: a later one must score higher to win, as in ingest.
        if x not in best or score > best[x][0]:
            best[x] = (score, originals.get((ys, yr), y_id))
            originals[x] = best[x][1]
    return originals


def decide(layout: Layout) -> dict[str, Any]:
    """Write ``work/articles.parquet``: each stored article's position, id, seq and original."""
    con = connect(layout)
    try:
        skipped = skipped_duplicates(con)
        con.register(
            "skipped_arrow",
            pa.table(
                {
                    "source_no": pa.array([s for s, _ in skipped], pa.int32()),
                    "record_no": pa.array([r for _, r in skipped], pa.int64()),
                }
            ),
        )
        con.execute("CREATE TEMP TABLE skipped AS SELECT * FROM skipped_arrow")
        originals = near_duplicates(con)
        con.register(
            "originals",
            pa.table(
                {
                    "source_no": pa.array([s for s, _ in originals], pa.int32()),
                    "record_no": pa.array([r for _, r in originals], pa.int64()),
                    "duplicate_of": pa.array(list(originals.values()), pa.string()),
                }
            ),
        )
        target = layout.work_dir / "articles.parquet"
        con.execute(
            "COPY (SELECT a.source_no, a.record_no, a.id,"
            " row_number() OVER (ORDER BY a.source_no, a.record_no)::INTEGER AS seq,"
            " o.duplicate_of FROM articles a ANTI JOIN skipped s USING (source_no, record_no)"
            " LEFT JOIN originals o USING (source_no, record_no) ORDER BY seq)"
            f" TO '{quoted(target)}' (FORMAT parquet)"
        )
        row = con.execute("SELECT count(*) FROM articles").fetchone()
        total = int(row[0]) if row else 0
    finally:
        con.close()
    return {"articles": total, "duplicates": len(skipped), "near_duplicates": len(originals)}
