"""Objects that live as long as the process, kept out of the collector's sight.

The knowledge base and the lexicon (about 305,000 objects) and spaCy's model
stay alive from loading to exit, yet every full pass of Python's cyclic
garbage collector walks them all. ``gc.freeze()`` moves what is alive into a
permanent generation those passes skip: 4-7% less extraction time, measured in
paired runs on voa-sample. At exit they are handed back, so the final
collection still finalises them (extension modules such as DuckDB's check
that their objects were freed and complain otherwise).
"""

from __future__ import annotations

import atexit
import gc

_STATE = {"registered": False}


def freeze() -> None:
    """Freeze every object alive now; unfreeze them all at exit."""
    gc.freeze()
    if not _STATE["registered"]:
        atexit.register(gc.unfreeze)
        _STATE["registered"] = True
