"""readout.evaluation."""
