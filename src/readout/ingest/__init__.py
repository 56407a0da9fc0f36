"""readout.ingest."""
