"""Long-lived objects frozen out of the collector's sight, and handed back at exit."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def test_a_cli_run_that_froze_its_objects_exits_cleanly(tmp_path: Path) -> None:
    # the extractor and the model freeze what is alive; DuckDB's bindings then
    # check at exit that their objects were freed: they must be, and quietly
    article = tmp_path / "a.txt"
    article.write_text("Peru recalled its ambassador from Chile on Monday.\n")
    code = (
        "import gc, sys\n"
        "from readout.cli.main import app\n"
        "sys.argv = ['readout', 'ingest', sys.argv[1], '--db', sys.argv[2]]\n"
        "try:\n"
        "    app()\n"
        "except SystemExit as exit:\n"
        "    assert gc.get_freeze_count() > 100_000\n"
        "    raise\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(article), str(tmp_path / "r.duckdb")],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert "leaked" not in result.stderr
