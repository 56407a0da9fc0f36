"""readout.events."""
