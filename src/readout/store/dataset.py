"""A Parquet dataset written by ``readout run``, read in place or loaded into a store.

The dataset holds the store's own tables as Parquet (``readout.distributed.layout``).
``open_dataset`` gives a DuckDB connection where each store table is a view over
its files, so every read of ``Store`` (CLI, API, web UI) works on a dataset as on
a database; ``load_dataset`` copies the tables into a new database file.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from readout.errors import StoreError
from readout.store.schema import migrate

MERGED = "merged.json"
_MONTHLY = ("articles", "mentions", "events")


def _actor_json(column: str) -> str:
    """An actor as ``output.actor_to_dict`` writes it: ``id`` only for a KB entity."""
    fields = f"name := {column}.name, country := {column}.country, sector := {column}.sector, role := {column}.role, kind := {column}.kind"
    return (
        f"CASE WHEN {column} IS NULL THEN NULL"
        f" WHEN {column}.kb_id IS NULL THEN to_json(struct_pack({fields}))"
        f" ELSE to_json(struct_pack({fields}, id := {column}.kb_id)) END"
    )


# The event of a mention as the store keeps it (``output.event_to_dict``), from the typed
# columns: the same JSON value, though not byte for byte (DuckDB writes it compactly).
_MENTION_JSON = f"""to_json(struct_pack(
    doc := doc, type := type, mode := mode, cameo := cameo,
    source := {_actor_json("source_actor")}, target := {_actor_json("target_actor")},
    date := CASE WHEN date_start IS NULL THEN NULL ELSE struct_pack(
        "start" := date_start::VARCHAR, "end" := date_end::VARCHAR,
        "precision" := date_precision, "text" := date_text) END,
    status := status, hedged := hedged,
    location := CASE WHEN location IS NULL THEN NULL
                     WHEN location_lat IS NULL OR location_lon IS NULL
                     THEN to_json(struct_pack(name := location, country := location_country))
                     ELSE to_json(struct_pack(name := location, country := location_country,
                                  lat := location_lat, lon := location_lon,
                                  geonames_id := location_geonames)) END,
    attribution := list_transform(attribution, lambda a: CASE WHEN a.country IS NULL
        THEN to_json(struct_pack(name := a.name, kind := a.kind, stance := a.stance, hedged := a.hedged))
        ELSE to_json(struct_pack(name := a.name, kind := a.kind, stance := a.stance, hedged := a.hedged,
                                 country := a.country)) END),
    evidence := evidence, trigger := trigger,
    published := published::VARCHAR, published_source := published_source))::VARCHAR"""


def is_dataset(path: str | Path) -> bool:
    return Path(path).is_dir() and (Path(path) / MERGED).is_file()


def _glob(root: Path, table: str) -> str:
    depth = "*/*.parquet" if table in _MONTHLY else "*.parquet"
    return str(root / table / depth).replace("'", "''")


def _columns(con: duckdb.DuckDBPyConnection, table: str) -> list[str]:
    rows = con.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = ?"
        " ORDER BY ordinal_position",
        [table],
    ).fetchall()
    return [str(r[0]) for r in rows]


def _select(table: str, columns: list[str], root: Path) -> str:
    """The store table's columns, in the store's order, from the dataset's files."""
    source = f"read_parquet('{_glob(root, table)}', hive_partitioning = false)"
    if table == "lsh_buckets":
        source = f"(SELECT id, buckets FROM read_parquet('{_glob(root, 'articles')}'))"
        return (
            "SELECT split_part(b, ':', 1)::INTEGER AS band, b AS bucket, id AS article_id"
            f" FROM {source}, unnest(buckets) AS u(b)"
        )
    if table == "schema_version":
        return "SELECT max(version) AS version FROM store_schema_version"
    names = [_MENTION_JSON + " AS json" if c == "json" else f'"{c}"' for c in columns]
    return f"SELECT {', '.join(names)} FROM {source}"


def open_dataset(path: str | Path) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB whose store tables are views over the dataset's Parquet files."""
    root = Path(path)
    if not is_dataset(root):
        raise StoreError(
            "not a finished readout dataset (no merged.json): rerun `readout run` to finish it",
            path=str(path),
        )
    con = duckdb.connect()
    try:
        con.execute("CREATE SCHEMA shape")
        con.execute("USE shape")
        migrate(con, str(path))  # the store's tables, empty: they give the columns
        tables = [t for t in _store_tables(con) if t != "schema_version"]
        con.execute("USE memory.main")
        con.execute("CREATE VIEW store_schema_version AS SELECT * FROM shape.schema_version")
        for table in [*tables, "schema_version"]:
            columns = _columns(con, table)
            con.execute(f"CREATE VIEW {table} AS {_select(table, columns, root)}")
    except duckdb.Error as exc:
        con.close()
        raise StoreError(f"cannot read the dataset: {exc}", path=str(path)) from exc
    return con


def _store_tables(con: duckdb.DuckDBPyConnection) -> list[str]:
    rows = con.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'shape'"
        " AND table_type = 'BASE TABLE' ORDER BY table_name"
    ).fetchall()
    return [str(r[0]) for r in rows]


def load_dataset(path: str | Path, db: str | Path) -> dict[str, int]:
    """Copy a dataset into a new (or empty) store; returns the rows per table."""
    source = open_dataset(path)
    source.close()
    try:
        con = duckdb.connect(str(db))
    except duckdb.Error as exc:
        raise StoreError(f"cannot open database: {exc}", path=str(db)) from exc
    try:
        migrate(con, str(db))
        row = con.execute("SELECT count(*) FROM articles").fetchone()
        if row and row[0]:
            raise StoreError(
                f"the database already holds {row[0]} articles; load a dataset into a new one"
                " (or ingest the articles, which merges them)",
                path=str(db),
            )
        counts: dict[str, int] = {}
        con.execute("BEGIN TRANSACTION")
        for table in _loaded_tables(con):
            columns = _columns(con, table)
            con.execute(
                f"INSERT INTO {table} ({', '.join(columns)}) {_select(table, columns, Path(path))}"
            )
            found = con.execute(f"SELECT count(*) FROM {table}").fetchone()
            counts[table] = int(found[0]) if found else 0
        con.execute("COMMIT")
    except duckdb.Error as exc:
        con.execute("ROLLBACK")
        raise StoreError(f"cannot load {path}: {exc}", path=str(db)) from exc
    finally:
        con.close()
    return counts


def _loaded_tables(con: duckdb.DuckDBPyConnection) -> list[str]:
    rows = con.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'"
        " AND table_type = 'BASE TABLE' AND table_name <> 'schema_version' ORDER BY table_name"
    ).fetchall()
    return [str(r[0]) for r in rows]
