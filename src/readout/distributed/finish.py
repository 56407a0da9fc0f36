"""Put the merged dataset together: the store's tables as Parquet, by publication month.

Events are numbered in the order a sequential ingest would have created them (the
input position of the mention that started each one); actors keep the details of
their first mention, as the store's ``ON CONFLICT DO NOTHING`` does.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import duckdb

from readout.distributed.layout import NO_MONTH, Layout, quoted, replace_dir, scratch_db, write_json
from readout.distributed.merge import OUTPUTS, empty_outputs


def _month(column: str) -> str:
    return f"coalesce(strftime({column}, '%Y-%m'), '{NO_MONTH}') AS month"


_FINAL = {
    "events": f"""
        SELECT e.* REPLACE (row_number() OVER (ORDER BY c.seq, c.mention_no)::INTEGER AS seq),
               {_month("e.first_published")}
        FROM out_events e JOIN out_created c ON c.event_id = e.id""",
    "mentions": f"SELECT *, {_month('published')} FROM out_mentions",
    "articles": f"""
        SELECT a.id, k.seq, a.doc, a.url, a.title, a.outlet, a.published, a.published_source,
               a.text_hash, a.minhash, k.duplicate_of, a.text,
               localtimestamp::TIMESTAMP AS ingested_at, a.buckets, a.source_no, a.record_no,
               {_month("a.published")}
        FROM shard_articles a JOIN kept k USING (source_no, record_no)""",
    "claims": "SELECT * FROM out_claims",
    "contradictions": "SELECT * FROM out_contradictions",
    "actors": """
        SELECT DISTINCT ON (key) key, actor.name, actor.country, actor.sector, actor.role,
               actor.kind, actor.kb_id
        FROM (SELECT source_key AS key, source_actor AS actor, article_seq, mention_no, 0 AS side
              FROM out_mentions WHERE source_key IS NOT NULL
              UNION ALL
              SELECT target_key, target_actor, article_seq, mention_no, 1
              FROM out_mentions WHERE target_key IS NOT NULL)
        ORDER BY key, article_seq, mention_no, side""",
}
_PARTITIONED = ("events", "mentions", "articles")


def _views(con: duckdb.DuckDBPyConnection, layout: Layout) -> None:
    out = layout.work_dir / "out"
    empty: dict[str, Any] = {}
    for table in OUTPUTS:
        if sorted((out / table).glob("*.parquet")):
            con.execute(
                f"CREATE VIEW out_{table} AS SELECT * FROM"
                f" read_parquet('{quoted(out / table / '*.parquet')}')"
            )
        else:  # not one mention in the whole run
            empty = empty or empty_outputs()
            con.register(f"out_{table}", empty[table])
    con.execute(
        "CREATE VIEW shard_articles AS SELECT * FROM"
        f" read_parquet('{quoted(layout.shard_glob('articles'))}', hive_partitioning = false)"
    )
    con.execute(
        f"CREATE VIEW kept AS SELECT * FROM read_parquet('{quoted(layout.work_dir / 'articles.parquet')}')"
    )


def finish(out: str, summary: dict[str, Any]) -> dict[str, Any]:
    """Write the final tables (each swapped into place whole), then ``merged.json``."""
    layout = Layout(Path(out))
    layout.merged_file.unlink(missing_ok=True)
    con = scratch_db(layout)
    try:
        _views(con, layout)
        for table, sql in _FINAL.items():

            def build(temp: Path, table: str = table, sql: str = sql) -> None:
                if table in _PARTITIONED:
                    con.execute(
                        f"COPY ({sql}) TO '{quoted(temp)}'"
                        " (FORMAT parquet, COMPRESSION zstd, PARTITION_BY (month))"
                    )
                    if not temp.exists():  # nothing to write: an empty partition keeps the shape
                        con.execute(
                            f"COPY ({sql} LIMIT 0) TO '{quoted(_empty_part(temp))}' (FORMAT parquet)"
                        )
                else:
                    temp.mkdir(parents=True)
                    con.execute(
                        f"COPY ({sql}) TO '{quoted(temp / 'data_0.parquet')}'"
                        " (FORMAT parquet, COMPRESSION zstd)"
                    )

            replace_dir(layout.table_dir(table), build)
        counts = {table: _count(con, layout, table) for table in ("articles", "mentions", "events")}
    finally:
        con.close()
    result = {**summary, **counts}
    write_json(layout.merged_file, result)
    return result


def _empty_part(temp: Path) -> Path:
    folder = temp / f"month={NO_MONTH}"
    folder.mkdir(parents=True)
    return folder / "data_0.parquet"


def _count(con: duckdb.DuckDBPyConnection, layout: Layout, table: str) -> int:
    row = con.execute(
        f"SELECT count(*) FROM read_parquet('{quoted(layout.table_glob(table))}')"
    ).fetchone()
    return int(row[0]) if row else 0
