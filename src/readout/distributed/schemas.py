"""The Parquet schemas of a shard's output: its articles and their event mentions.

``source_no`` and ``record_no`` give each article's position in the inputs (the
order ``readout ingest`` reads them in); ``mention_no`` is a mention's place among
its article's mentions. Together they make merging independent of the shards.
"""

from __future__ import annotations

import pyarrow as pa

from readout.distributed.columns import event_fields

POSITION = [pa.field("source_no", pa.int32()), pa.field("record_no", pa.int64())]

ARTICLE_SCHEMA = pa.schema(
    [
        *POSITION,
        pa.field("id", pa.string()),
        pa.field("doc", pa.string()),
        pa.field("url", pa.string()),
        pa.field("title", pa.string()),
        pa.field("outlet", pa.string()),
        pa.field("published", pa.date32()),
        pa.field("published_source", pa.string()),
        pa.field("text_hash", pa.string()),
        pa.field("minhash", pa.list_(pa.int64())),
        pa.field("buckets", pa.list_(pa.string())),
        pa.field("text", pa.string()),
    ]
)

MENTION_SCHEMA = pa.schema(
    [
        *POSITION,
        pa.field("article_id", pa.string()),
        pa.field("mention_no", pa.int32()),
        pa.field("source_key", pa.string()),  # the store's actor keys, for blocking
        pa.field("target_key", pa.string()),
        *event_fields(),
    ]
)
