"""readout.store."""
