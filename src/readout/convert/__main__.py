"""``python -m readout.convert SOURCES [--check]``: regenerate (or check) every derived data file."""

from __future__ import annotations

import argparse
import pathlib
import sys
from collections import Counter

from readout.convert.outputs import build_all, write_all
from readout.errors import ReadoutError

PACKAGE = pathlib.Path(__file__).resolve().parent.parent


def _summary(
    conversion_counts: dict[str, dict[str, int]], dropped: Counter[tuple[str, str]]
) -> str:
    lines = []
    for path, counts in conversion_counts.items():
        lines.append(path)
        lines += [f"  {key}: {value}" for key, value in counts.items()]
    lines.append("left out (file, reason: count)")
    lines += [f"  {file}, {reason}: {n}" for (file, reason), n in sorted(dropped.items())]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m readout.convert", description=__doc__)
    parser.add_argument("sources", type=pathlib.Path, help="the lexicon-sources folder")
    parser.add_argument("--package", type=pathlib.Path, default=PACKAGE, help=argparse.SUPPRESS)
    parser.add_argument(
        "--check", action="store_true", help="compare with the committed files, write nothing"
    )
    args = parser.parse_args(argv)
    try:
        conversion = build_all(args.sources, args.package)
    except ReadoutError as err:
        print(f"readout.convert: {err}", file=sys.stderr)
        return 1
    if args.check:
        stale = [
            path
            for path, text in conversion.files.items()
            if not (args.package / path).is_file()
            or (args.package / path).read_text(encoding="utf-8") != text
        ]
        for path in stale:
            print(f"readout.convert: {path} differs from a fresh conversion", file=sys.stderr)
        return 1 if stale else 0
    for written in write_all(conversion, args.package):
        print(f"wrote {written}")
    reasons = Counter((d.file, d.reason.split(":")[0].strip()) for d in conversion.dropped)
    print(_summary(conversion.counts, reasons))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
