"""Cut the run's mentions into blocks that can be merged apart from each other.

``readout ingest`` merges incrementally: a mention joins the best stored event of
its type, between the same actors, at a compatible time (``store.merge``). Two
mentions can only ever meet in one event when

- their types are equal;
- their actor pairs match, in either order for a symmetric type. Sides match by
  knowledge-base entity, country or key; such sides share a key or a country, so
  joining every key to its country (union-find) gives groups that never split a
  match;
- their times are close: each mention reaches over an interval of days (a dated
  one its date widened by the merge windows, an undated one its publication day
  and the news week after it, an undated one with no publication date all time),
  and mentions whose intervals do not overlap, directly or through others, can
  never join one event.

A block is a run of overlapping intervals within one (type, actor group pair):
blocks that touch are one block. Each block is merged on its own, in input order,
by the store's own code; blocks are hashed into buckets, one task per bucket.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

import pyarrow as pa

from readout.distributed.layout import Layout, quoted, scratch_db
from readout.store.merge import SLACK, SYMMETRIC_TYPES, UNDATED_AHEAD, UNDATED_BEFORE

# How far before its date and after its end a dated mention reaches, and after its
# publication day an undated one: wide enough for every rule of ``choose_event``.
BEFORE_DAYS = max(UNDATED_AHEAD, SLACK).days
AFTER_DAYS = max(UNDATED_BEFORE, SLACK).days
UNDATED_DAYS = UNDATED_BEFORE.days
MIN_DAY, MAX_DAY = dt.date(1, 1, 1), dt.date(9999, 12, 31)


def reach(
    start: dt.date | None, end: dt.date | None, published: dt.date | None
) -> tuple[dt.date, dt.date]:
    """The interval of days a mention may meet others in (the SQL below, in Python)."""
    if start is not None and end is not None:
        return start - dt.timedelta(BEFORE_DAYS), end + dt.timedelta(AFTER_DAYS)
    if published is not None:
        return published, published + dt.timedelta(UNDATED_DAYS)
    return MIN_DAY, MAX_DAY


def side_groups(sides: Iterable[tuple[str, str | None]]) -> dict[str, str]:
    """Each actor key's group: keys that share a country, directly or not, are one group."""
    parent: dict[str, str] = {}

    def find(token: str) -> str:
        parent.setdefault(token, token)
        while parent[token] != token:
            parent[token] = parent[parent[token]]
            token = parent[token]
        return token

    keys = []
    for key, country in sides:
        keys.append(key)
        a = find(f"key:{key}")
        if country:
            b = find(f"country:{country}")
            if a != b:
                parent[max(a, b)] = min(a, b)
    return {key: find(f"key:{key}") for key in keys}


_SIDES = """
SELECT source_key, source.country FROM mentions WHERE source_key IS NOT NULL
UNION SELECT target_key, target.country FROM mentions WHERE target_key IS NOT NULL
"""

_BLOCKED = f"""
WITH x AS (
  SELECT m.*, k.seq, k.duplicate_of, a.doc AS article_doc, a.outlet AS article_outlet,
         a.published AS article_published, coalesce(a.published, m.published) AS pub,
         coalesce(sg.grp, '-') AS sg, coalesce(tg.grp, '-') AS tg
  FROM mentions m
  JOIN kept k USING (source_no, record_no)
  JOIN shard_articles a USING (source_no, record_no)
  LEFT JOIN groups sg ON sg.key = m.source_key
  LEFT JOIN groups tg ON tg.key = m.target_key),
y AS (
  SELECT *,
    CASE WHEN list_contains($symmetric, type) AND tg < sg THEN type || '|' || tg || '|' || sg
         ELSE type || '|' || sg || '|' || tg END AS pair,
    CASE WHEN date IS NOT NULL THEN date.start - {BEFORE_DAYS}
         WHEN pub IS NOT NULL THEN pub ELSE DATE '{MIN_DAY}' END AS lo,
    CASE WHEN date IS NOT NULL THEN date."end" + {AFTER_DAYS}
         WHEN pub IS NOT NULL THEN pub + {UNDATED_DAYS} ELSE DATE '{MAX_DAY}' END AS hi
  FROM x),
z AS (
  SELECT *, max(hi) OVER (PARTITION BY pair ORDER BY lo, seq, mention_no
                          ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS reached
  FROM y)
SELECT * EXCLUDE (sg, tg, pub, reached),
  sum(CASE WHEN reached IS NULL OR lo > reached THEN 1 ELSE 0 END)
    OVER (PARTITION BY pair ORDER BY lo, seq, mention_no ROWS UNBOUNDED PRECEDING) AS block
FROM z
"""


def assign(layout: Layout, buckets: int) -> dict[str, Any]:
    """Write ``work/blocked/bucket=K/``: every stored article's mentions, with block and bucket."""
    con = scratch_db(layout)
    try:
        con.execute(
            "CREATE VIEW mentions AS SELECT * FROM read_parquet("
            f"'{quoted(layout.shard_glob('mentions'))}', hive_partitioning = false, union_by_name = true)"
        )
        con.execute(
            "CREATE VIEW shard_articles AS SELECT source_no, record_no, doc, outlet, published"
            f" FROM read_parquet('{quoted(layout.shard_glob('articles'))}', hive_partitioning = false)"
        )
        con.execute(
            "CREATE VIEW kept AS SELECT * FROM"
            f" read_parquet('{quoted(layout.work_dir / 'articles.parquet')}')"
        )
        groups = side_groups(con.execute(_SIDES).fetchall())
        con.register(
            "groups",
            pa.table(
                {"key": pa.array(list(groups), pa.string()),
                 "grp": pa.array(list(groups.values()), pa.string())}
            ),
        )  # fmt: skip
        con.execute(
            f"CREATE TEMP TABLE blocked AS {_BLOCKED}", {"symmetric": sorted(SYMMETRIC_TYPES)}
        )
        con.execute(
            "CREATE TEMP TABLE sized AS SELECT pair, block, count(*) AS n FROM blocked GROUP BY ALL"
        )
        target = layout.work_dir / "blocked"
        con.execute(
            "COPY (SELECT *, (hash(pair, block) % $buckets)::INTEGER AS bucket FROM blocked"
            f" ORDER BY seq, mention_no) TO '{quoted(target)}'"
            " (FORMAT parquet, PARTITION_BY (bucket), OVERWRITE_OR_IGNORE true)",
            {"buckets": buckets},
        )
        row = con.execute(
            "SELECT count(*), coalesce(sum(n), 0), coalesce(max(n), 0) FROM sized"
        ).fetchone()
    finally:
        con.close()
    blocks, mentions, largest = row if row else (0, 0, 0)
    return {"blocks": int(blocks), "mentions": int(mentions), "largest_block": int(largest)}
