"""readout.distributed."""
