"""Merge one bucket of blocks: replay its mentions, in input order, through the store.

The replay runs in a private in-memory DuckDB with the store's schema, calling the
very code ``readout ingest`` calls for each mention (``store.mentions.MentionWriter``).
Blocks never share an event, so merging a bucket of them alone gives each block's
events exactly as a sequential ingest of all the articles would.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from readout.distributed.columns import event_from_row
from readout.distributed.layout import Layout, quoted, write_parquet
from readout.distributed.schemas import MENTION_SCHEMA
from readout.model import Article
from readout.store.mentions import MentionWriter, StoredArticle, short_id
from readout.store.schema import migrate

OUTPUTS = ("events", "mentions", "claims", "contradictions", "created")

# The mention rows of the store, with the typed parts of the event the store keeps as JSON.
_MENTIONS = """
SELECT m.* EXCLUDE (json), r.source AS source_actor, r.target AS target_actor,
       r.location.country AS location_country, r.location.lat AS location_lat,
       r.location.lon AS location_lon, r.location.geonames_id AS location_geonames,
       r.attribution, r.evidence, r.trigger,
       r.published_source, r.extras, r.source_no, r.record_no, r.mention_no
FROM mentions m JOIN replayed r ON r.mention_id = m.id
ORDER BY m.article_seq, r.mention_no
"""


def out_file(layout: Layout, table: str, bucket: int) -> Path:
    return layout.work_dir / "out" / table / f"bucket-{bucket:05d}.parquet"


def bucket_rows(layout: Layout, bucket: int) -> pa.Table:
    folder = layout.work_dir / "blocked" / f"bucket={bucket}"
    files = sorted(folder.glob("*.parquet"))
    if not files:
        return pa.table({})
    con = duckdb.connect()
    try:
        glob = quoted(folder / "*.parquet")
        return con.sql(
            f"SELECT * FROM read_parquet('{glob}', hive_partitioning = false)"
            " ORDER BY seq, mention_no"
        ).to_arrow_table()
    finally:
        con.close()


def merge_bucket(out: str, bucket: int) -> dict[str, Any]:
    """Replay one bucket and write its events, mentions, claims and contradictions."""
    started = time.process_time()
    layout = Layout(Path(out))
    rows = bucket_rows(layout, bucket)
    if not rows.num_rows:
        return {"bucket": bucket, "mentions": 0, "events": 0, "seconds": 0.0}
    # Each statement of the replay is tiny: DuckDB's threads would only add overhead,
    # and take cores from the other workers.
    con = duckdb.connect(config={"threads": 1})
    try:
        migrate(con, ":memory:")
        created = _replay(con, rows.to_pylist())
        for table, data in outputs(con, rows, created).items():
            write_parquet(out_file(layout, table, bucket), data)
    finally:
        con.close()
    seconds = time.process_time() - started  # CPU time: what the replay costs
    return {"bucket": bucket, "mentions": rows.num_rows, "events": len(created), "seconds": seconds}


_CREATED = pa.schema([("event_id", pa.string()), ("seq", pa.int64()), ("mention_no", pa.int64())])


def outputs(
    con: duckdb.DuckDBPyConnection, rows: pa.Table, created: list[dict[str, Any]]
) -> dict[str, pa.Table]:
    """The replayed store's tables; mentions with their typed event columns."""
    ids = [
        short_id("m", a, str(n))
        for a, n in zip(
            rows.column("article_id").to_pylist(),
            rows.column("mention_no").to_pylist(),
            strict=True,
        )
    ]
    con.register("replayed", rows.append_column("mention_id", pa.array(ids, pa.string())))
    return {
        "events": con.sql("SELECT * FROM events ORDER BY seq").to_arrow_table(),
        "mentions": con.sql(_MENTIONS).to_arrow_table(),
        "claims": con.sql("SELECT * FROM claims").to_arrow_table(),
        "contradictions": con.sql("SELECT * FROM contradictions").to_arrow_table(),
        "created": pa.Table.from_pylist(created, schema=_CREATED),
    }


def empty_outputs() -> dict[str, pa.Table]:
    """The shapes of the outputs of a run without a single mention."""
    con = duckdb.connect()
    try:
        migrate(con, ":memory:")
        return outputs(con, MENTION_SCHEMA.empty_table(), [])
    finally:
        con.close()


def _replay(con: duckdb.DuckDBPyConnection, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    writer = MentionWriter(con, set())
    created: list[dict[str, Any]] = []
    con.execute("BEGIN TRANSACTION")
    for row in rows:
        article = Article(
            doc=row["article_doc"],
            text="",
            outlet=row["article_outlet"],
            published=row["article_published"],
        )
        stored = StoredArticle(article, row["article_id"], row["seq"], row["duplicate_of"])
        if writer.add_mention(stored, row["mention_no"], event_from_row(row)):
            mention_id = short_id("m", row["article_id"], str(row["mention_no"]))
            created.append(
                {
                    "event_id": short_id("e", mention_id),
                    "seq": row["seq"],
                    "mention_no": row["mention_no"],
                }
            )
    con.execute("COMMIT")
    return created
