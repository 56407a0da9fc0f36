"""readout.actors."""
