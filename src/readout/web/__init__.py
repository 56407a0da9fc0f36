"""readout.web."""
