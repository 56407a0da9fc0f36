-- Its own step: DuckDB cannot build an index in the transaction that backfilled the column.
CREATE INDEX claims_event ON claims (event_id);
