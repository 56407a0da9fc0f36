"""``readout explain``: why each sentence did or did not become an event."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ARTICLE = (
    "Fiji recalled its ambassador from Tonga on Tuesday.\n\n"
    "The weather was mild along the coast.\n\n"
    "The minister said the decision was final.\n\n"
    "Samoa hailed the decision.\n"
)


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "readout", "explain", *args],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip


def test_explain_names_each_sentences_fate(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    proc = run(str(path), "--published", "2025-03-14")
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert "home country FJI" in out
    # an event, with its sides
    assert "recalled [SANCTION (verb)]: SANCTION Fiji (FJI) -> Tonga (TON)" in out
    # a trigger word whose reading needs a target it does not find
    assert "hailed [SUPPORT (verb)]: no event: this word is an event only with a target" in out
    # sentences with no trigger word are left out unless asked for
    assert "The weather was mild" not in out
    assert "1 events after merging" in out
    every = run(str(path), "--published", "2025-03-14", "--all").stdout
    assert "The weather was mild along the coast.\n   actors: none\n   no trigger word" in every


def test_explain_of_a_missing_file_is_one_line(tmp_path: Path) -> None:
    proc = run(str(tmp_path / "nowhere.txt"))
    assert proc.returncode == 1
    assert "nowhere.txt" in proc.stderr and "Traceback" not in proc.stderr


def test_explain_shows_control_characters_instead_of_obeying_them(tmp_path: Path) -> None:
    path = tmp_path / "hostile.txt"
    path.write_text(
        "Fiji recalled \x1b[2J its ambassador from Tonga on Tuesday.\n", encoding="utf-8"
    )
    out = run(str(path), "--published", "2025-03-14").stdout
    assert "\x1b" not in out and "\\x1b" in out
