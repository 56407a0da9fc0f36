"""The quality gate: extraction scored against gold, with pinned floors.

Floors only go up. The shared example articles are scored by the shared
scorer itself (skipped where ../shared is absent); readout's own constructed
articles by ``readout eval``, which applies the same matching rules.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from readout.cli.main import app
from readout.ingest import read_source
from readout.output import event_to_dict
from readout.pipeline import Extractor

ROOT = Path(__file__).resolve().parent.parent
SHARED_EVAL = ROOT.parent / "shared" / "eval"

# Pinned floors for the shared example articles (raise them as readout improves).
SHARED_FLOORS = {
    "event_f1": 0.91,
    "precision": 0.99,
    "full_f1": 0.86,
    "date_acc": 0.87,
    "status_acc": 0.95,
    "attribution_recall": 0.90,
}
OWN_FLOORS = {
    "event_f1": 0.97,
    "precision": 0.99,
    "full_f1": 0.89,
    "date_acc": 0.85,
    "status_acc": 0.99,
    "attribution_recall": 0.88,
}


def _summary(line: str) -> dict[str, float]:
    assert line.startswith("SUMMARY "), line
    return {k: float(v) for k, v in (kv.split("=") for kv in line.split()[1:])}


def _check(summary: dict[str, float], floors: dict[str, float]) -> None:
    low = {k: (summary[k], floor) for k, floor in floors.items() if summary[k] < floor}
    assert not low, f"below the pinned floors (got, floor): {low}"


@pytest.mark.skipif(not (SHARED_EVAL / "score.py").is_file(), reason="../shared/eval is not here")
def test_shared_examples_pass_the_shared_scorer(extractor: Extractor, tmp_path: Path) -> None:
    golds = [
        json.loads(x)
        for x in (SHARED_EVAL / "gold-dev.jsonl").read_text().splitlines()
        if x.strip()
    ]
    lines = []
    for gold in golds:
        path = SHARED_EVAL / "docs" / gold["doc"]
        published = dt.date.fromisoformat(gold["published"]) if gold.get("published") else None
        for _, events in extractor.extract_many(read_source(str(path), path, published=published)):
            lines.extend(json.dumps(event_to_dict(e)) for e in events)
    pred = tmp_path / "pred.jsonl"
    pred.write_text("\n".join(lines) + "\n")
    proc = subprocess.run(
        [sys.executable, str(SHARED_EVAL / "score.py"), "--gold", str(SHARED_EVAL / "gold-dev.jsonl"),
         "--pred", str(pred), "--quiet"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    summary = _summary(proc.stdout.strip().splitlines()[-1])
    print(proc.stdout)
    _check(summary, SHARED_FLOORS)
    assert summary["invalid"] == 0


def test_own_gold_passes_readout_eval() -> None:
    result = CliRunner().invoke(
        app, ["eval", str(ROOT / "examples" / "gold.jsonl"), str(ROOT / "examples" / "articles")]
    )
    assert result.exit_code == 0, result.output
    _check(_summary(result.output.strip().splitlines()[-1]), OWN_FLOORS)
