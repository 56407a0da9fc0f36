"""readout.api."""
