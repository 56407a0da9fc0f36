"""readout.context."""
