"""``python -m readout``: the same as the ``readout`` command."""

from readout.cli.main import app

app()
