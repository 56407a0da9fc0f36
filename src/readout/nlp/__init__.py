"""readout.nlp."""
