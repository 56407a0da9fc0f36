"""readout.cli."""
