"""Loading many small records at once without the cyclic garbage collector in the way.

Building tens of thousands of small objects (the knowledge base, the lexicons)
makes CPython's cyclic collector run again and again, each time rescanning
every object built so far: it can triple a load. None of these records form
reference cycles, so the collector is paused while they are built and resumed
(if it was on) afterwards.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
