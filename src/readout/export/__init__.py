"""readout.export: the record as files for analysis (CSV, JSON Lines, Parquet, PLOVER, GDELT)."""
