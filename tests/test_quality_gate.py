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
    "event_f1": 0.94,
    "precision": 0.99,
    "full_f1": 0.89,
    "date_acc": 0.89,
    "status_acc": 0.96,
    "attribution_recall": 0.91,
}
# 30 real VOA stories (../shared/eval/voa-dev), in both of the scorer's scopes.
VOA_DEV = SHARED_EVAL / "voa-dev"
VOA_DEV_FLOORS = {
    "international": {"event_f1": 0.65, "precision": 0.90, "full_f1": 0.47},
    "all": {"event_f1": 0.62, "precision": 0.83, "full_f1": 0.43},
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


def _shared_score(
    extractor: Extractor, gold: Path, docs: Path, tmp_path: Path, scope: str
) -> dict[str, float]:
    """Extract every gold document in-process, then score with the shared scorer."""
    golds = [json.loads(x) for x in gold.read_text().splitlines() if x.strip()]
    lines = []
    for g in golds:
        path = docs / g["doc"]
        published = dt.date.fromisoformat(g["published"]) if g.get("published") else None
        for _, events in extractor.extract_many(read_source(str(path), path, published=published)):
            lines.extend(json.dumps(event_to_dict(e)) for e in events)
    pred = tmp_path / "pred.jsonl"
    pred.write_text("\n".join(lines) + "\n")
    proc = subprocess.run(
        [sys.executable, str(SHARED_EVAL / "score.py"), "--gold", str(gold), "--pred", str(pred),
         "--scope", scope, "--quiet"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    print(proc.stdout)
    summary = _summary(proc.stdout.strip().splitlines()[-1])
    assert summary["invalid"] == 0
    return summary


@pytest.mark.skipif(not (SHARED_EVAL / "score.py").is_file(), reason="../shared/eval is not here")
def test_shared_examples_pass_the_shared_scorer(extractor: Extractor, tmp_path: Path) -> None:
    gold, docs = SHARED_EVAL / "gold-dev.jsonl", SHARED_EVAL / "docs"
    _check(_shared_score(extractor, gold, docs, tmp_path, "international"), SHARED_FLOORS)


@pytest.mark.skipif(not VOA_DEV.is_dir(), reason="../shared/eval/voa-dev is not here")
@pytest.mark.parametrize("scope", ["international", "all"])
def test_unseen_news_dev_set_passes_the_shared_scorer(
    extractor: Extractor, tmp_path: Path, scope: str
) -> None:
    summary = _shared_score(extractor, VOA_DEV / "gold.jsonl", VOA_DEV / "docs", tmp_path, scope)
    _check(summary, VOA_DEV_FLOORS[scope])


def test_own_gold_passes_readout_eval() -> None:
    result = CliRunner().invoke(
        app, ["eval", str(ROOT / "examples" / "gold.jsonl"), str(ROOT / "examples" / "articles")]
    )
    assert result.exit_code == 0, result.output
    _check(_summary(result.output.strip().splitlines()[-1]), OWN_FLOORS)
