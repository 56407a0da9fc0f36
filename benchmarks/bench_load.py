"""Load time of the knowledge base and the lexicons, each in a fresh process, in one run.

What each row times, from import to a loaded object:

    kb (curated)      load_kb(generated=False): readout's own YAML files
    kb (+ generated)  load_kb(): the same plus the Phoenix people and organisations
    matcher           ActorMatcher(load_kb()): the name index the extractor builds
    agents            load_agents(): data/agents.yaml
    cameo verbs       load_cameo_verbs(): data/cameo_verbs.json

Every row runs in its own process (the loaders cache), ``--runs`` times; the
report gives the median and the fastest run, and the generated data's added
cost as a difference and a ratio of medians.

    python benchmarks/bench_load.py [--runs 7]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys

_SNIPPETS = {
    "kb (curated)": (
        "from readout.actors.kb import load_kb",
        "load_kb(generated=False)",
    ),
    "kb (+ generated)": ("from readout.actors.kb import load_kb", "load_kb()"),
    "matcher": (
        "from readout.actors.kb import load_kb; from readout.actors.matcher import ActorMatcher;"
        " kb = load_kb()",
        "ActorMatcher(kb)",
    ),
    "agents": ("from readout.actors.agents import load_agents", "load_agents()"),
    "cameo verbs": ("from readout.events.cameo import load_cameo_verbs", "load_cameo_verbs()"),
}


def _time_once(setup: str, statement: str) -> float:
    code = (
        f"{setup}\nimport time\nt = time.perf_counter()\n{statement}\n"
        "print(time.perf_counter() - t)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return float(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    medians = {}
    print(f"{'what':<18} {'median s':>9} {'fastest s':>10}   ({args.runs} fresh processes each)")
    for name, (setup, statement) in _SNIPPETS.items():
        times = [_time_once(setup, statement) for _ in range(args.runs)]
        medians[name] = statistics.median(times)
        print(f"{name:<18} {medians[name]:>9.3f} {min(times):>10.3f}")
    added = medians["kb (+ generated)"] - medians["kb (curated)"]
    ratio = medians["kb (+ generated)"] / medians["kb (curated)"]
    print(f"generated data adds {added:.3f} s to load_kb() (x{ratio:.1f} the curated load)")


if __name__ == "__main__":
    main()
