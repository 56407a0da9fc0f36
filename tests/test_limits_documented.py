"""The README's limits table names every limit with its value, so the docs cannot drift."""

from __future__ import annotations

from pathlib import Path

from readout.limits import LIMITS

README = Path(__file__).resolve().parents[1] / "README.md"


def test_every_limit_is_in_the_readme_with_its_value() -> None:
    text = README.read_text(encoding="utf-8")
    for name, value in LIMITS.items():
        rows = [line for line in text.splitlines() if f"`{name}`" in line and line.startswith("|")]
        assert rows, f"{name} is not in the README's limits table"
        assert any(f"{value:,}" in row for row in rows), f"{name} = {value:,} is not documented"
