"""Shared by the fuzz tests: their settings and the tally of inputs they generated."""

from __future__ import annotations

import os
from collections import Counter

from hypothesis import HealthCheck, settings

EXAMPLES = int(os.environ.get("READOUT_FUZZ_EXAMPLES", "25"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,
    derandomize="READOUT_FUZZ_EXAMPLES" not in os.environ,  # CI: the same inputs every run
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                           HealthCheck.function_scoped_fixture],
)  # fmt: skip
TALLY: Counter[str] = Counter()


def count(area: str) -> None:
    TALLY[area] += 1
