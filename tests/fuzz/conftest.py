"""The fuzzing suite's settings and its tally of generated inputs.

In CI each fuzz test runs READOUT_FUZZ_EXAMPLES examples (default 25); ``make
fuzz`` raises it so that the whole suite runs more than 10,000 inputs. At the
end the session prints how many inputs each area received.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fixtures" / "web"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from fuzzkit import TALLY


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if TALLY:
        parts = ", ".join(f"{area} {n:,}" for area, n in sorted(TALLY.items()))
        total = sum(TALLY.values())
        terminalreporter.write_line(f"fuzz: {total:,} generated inputs ({parts})")
