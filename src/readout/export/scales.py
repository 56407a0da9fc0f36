"""QuadClass and a Goldstein-like intensity for a CAMEO code.

QuadClass is CAMEO's four-way split by root code (the first two digits):
1 verbal cooperation (01-05), 2 material cooperation (06-08), 3 verbal
conflict (09-13), 4 material conflict (14-20). The intensity, on a -10..+10
scale, is readout's own (see ``data/intensity.yaml`` for each value and why):
a sub-code listed there wins, else its root code's value.
"""

from __future__ import annotations

import functools
from importlib import resources

import yaml

from readout.errors import KnowledgeBaseError

QUAD_NAMES = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}
_QUAD_BY_ROOT = {root: 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4
                 for root in range(1, 21)}  # fmt: skip


def root_code(cameo: str | None) -> str | None:
    """The two-digit root of a CAMEO code ("041" -> "04"), or None when it is not one."""
    if not cameo or len(cameo) < 2 or not cameo[:2].isdigit():
        return None
    return cameo[:2] if 1 <= int(cameo[:2]) <= 20 else None


def base_code(cameo: str | None) -> str | None:
    """The three-digit base code ("0841" -> "084"), or None."""
    if root_code(cameo) is None or cameo is None:
        return None
    return cameo[:3] if len(cameo) >= 3 else cameo[:2]


def quad_class(cameo: str | None) -> int | None:
    """1-4 as above, or None for a missing or malformed code."""
    root = root_code(cameo)
    return _QUAD_BY_ROOT[int(root)] if root else None


def is_cooperation(cameo: str | None) -> bool | None:
    quad = quad_class(cameo)
    return None if quad is None else quad <= 2


@functools.cache
def _table() -> tuple[dict[str, float], dict[str, float]]:
    label = "readout/export/data/intensity.yaml"
    try:
        text = resources.files("readout.export").joinpath("data/intensity.yaml").read_text("utf-8")
        raw = yaml.safe_load(text)
        roots = {str(k): float(v) for k, v in raw["roots"].items()}
        codes = {str(k): float(v) for k, v in raw["codes"].items()}
    except (OSError, yaml.YAMLError, KeyError, TypeError, ValueError, AttributeError) as err:
        raise KnowledgeBaseError(f"{label}: cannot read ({type(err).__name__})") from None
    missing = [f"{n:02d}" for n in range(1, 21) if f"{n:02d}" not in roots]
    if missing or any(not -10 <= v <= 10 for v in (*roots.values(), *codes.values())):
        raise KnowledgeBaseError(f"{label}: every root 01-20 needs a value in -10..10")
    return roots, codes


def intensity(cameo: str | None) -> float | None:
    """The code's intensity on -10..+10, or None for a missing or malformed code."""
    root = root_code(cameo)
    if root is None or cameo is None:
        return None
    roots, codes = _table()
    for length in (4, 3):
        if len(cameo) >= length and cameo[:length] in codes:
            return codes[cameo[:length]]
    return roots[root]
