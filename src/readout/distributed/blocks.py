"""Cut the run's mentions into blocks that can be merged apart from each other.

``readout ingest`` merges incrementally: a mention joins the best stored event of
its type, between the same actors, at a compatible time (``store.merge``). Two
mentions can only ever meet in one event when

- their types are equal;
- their actor pairs match, in either order for a symmetric type. Sides match by
  knowledge-base entity, country or key; such sides share a key or a country, so
  joining every key to its country (union-find) gives groups that never split a
  match;
- and either their times are close: each mention reaches over an interval of
  days (a dated one its date widened by the merge windows, an undated one its
  publication day and the news week after it; an undated one without a
  publication date reaches no other), and mentions whose intervals do not
  overlap, directly or through others, can never join one event;
- or they come from one article, or from an article and its near-duplicate's
  original (an undated report joins what its own article reports): mentions of
  one "family" (the original's id, else the article's) are one block.

A block is a run of overlapping intervals within one (type, actor group pair),
joined with every other run that shares a family with it: blocks that touch are
one block. Each block is merged on its own, in input order, by the store's own
code; blocks are hashed into buckets, one task per bucket.
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


def reach(
    start: dt.date | None, end: dt.date | None, published: dt.date | None
) -> tuple[dt.date, dt.date] | None:
    """The interval of days a mention may meet others in (the SQL below, in Python);
    None when it meets others only through its article."""
    if start is not None and end is not None:
        return start - dt.timedelta(BEFORE_DAYS), end + dt.timedelta(AFTER_DAYS)
    if published is not None:
        return published, published + dt.timedelta(UNDATED_DAYS)
    return None


class UnionFind:
    def __init__(self) -> None:
        self.parent: dict[Any, Any] = {}

    def find(self, item: Any) -> Any:
        self.parent.setdefault(item, item)
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def union(self, a: Any, b: Any) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def side_groups(sides: Iterable[tuple[str, str | None]]) -> dict[str, str]:
    """Each actor key's group: keys that share a country, directly or not, are one group."""
    groups = UnionFind()
    keys = []
    for key, country in sides:
        keys.append(key)
        groups.find(f"key:{key}")
        if country:
            groups.union(f"key:{key}", f"country:{country}")
    return {key: str(groups.find(f"key:{key}")) for key in keys}


_SIDES = """
SELECT source_key, source.country FROM mentions WHERE source_key IS NOT NULL
UNION SELECT target_key, target.country FROM mentions WHERE target_key IS NOT NULL
"""

_RUNS = f"""
WITH x AS (
  SELECT m.*, k.seq, k.duplicate_of, a.doc AS article_doc, a.outlet AS article_outlet,
         a.published AS article_published, coalesce(a.published, m.published) AS pub,
         coalesce(k.duplicate_of, m.article_id) AS family,
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
    CASE WHEN date IS NOT NULL THEN date.start - {BEFORE_DAYS} ELSE pub END AS lo,
    CASE WHEN date IS NOT NULL THEN date."end" + {AFTER_DAYS}
         ELSE pub + {UNDATED_DAYS} END AS hi
  FROM x),
z AS (
  SELECT *, max(hi) OVER (PARTITION BY pair, lo IS NULL ORDER BY lo, seq, mention_no
                          ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS reached
  FROM y)
SELECT * EXCLUDE (sg, tg, pub, reached),
  CASE WHEN lo IS NULL  -- reaches no other by time: a run of its own
       THEN -row_number() OVER (PARTITION BY pair, lo IS NULL ORDER BY seq, mention_no)
       ELSE sum(CASE WHEN reached IS NULL OR lo > reached THEN 1 ELSE 0 END)
              OVER (PARTITION BY pair, lo IS NULL ORDER BY lo, seq, mention_no
                    ROWS UNBOUNDED PRECEDING) END AS run
FROM z
"""

# Families whose mentions fall in more than one run: those runs are one block.
_SHARED = """
SELECT pair, list(DISTINCT run ORDER BY run) FROM runs
GROUP BY pair, family HAVING count(DISTINCT run) > 1
"""


def _joined_runs(con: Any) -> pa.Table:
    """(pair, run, block) for every run joined to another through a family."""
    runs = UnionFind()
    for pair, shared in con.execute(_SHARED).fetchall():
        for run in shared[1:]:
            runs.union((pair, shared[0]), (pair, run))
    rows = [(pair, run, runs.find((pair, run))[1]) for pair, run in list(runs.parent)]
    return pa.table(
        {
            "pair": pa.array([r[0] for r in rows], pa.string()),
            "run": pa.array([r[1] for r in rows], pa.int64()),
            "block": pa.array([r[2] for r in rows], pa.int64()),
        }
    )


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
        con.execute(f"CREATE TEMP TABLE runs AS {_RUNS}", {"symmetric": sorted(SYMMETRIC_TYPES)})
        con.register("joined", _joined_runs(con))
        con.execute(
            "CREATE TEMP TABLE blocked AS SELECT r.* EXCLUDE (family),"
            " coalesce(j.block, r.run) AS block FROM runs r LEFT JOIN joined j USING (pair, run)"
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
