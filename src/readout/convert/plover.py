"""The CAMEO → PLOVER table (plover/CAMEO2PLOVER-2021.txt).

Each line reads ``CODE: TYPE, mode, context # description``; two-digit lines
(``17: COERCE``) name a CAMEO family's type. A code is looked up as follows,
and the rules are readout's, written here because the table is silent:

1. the code itself, if the table lists it;
2. CAMEO 02x (appeal) as its 10x counterpart (demand): PLOVER folds both into
   REQUEST, and CAMEO numbers the two families in parallel (020↔100,
   0211↔1011, 026↔106, ...);
3. a four-digit code missing from the table as its three-digit parent
   (1712 is listed, 0213 → 1013 → 101);
4. a three-digit code missing from the table as its family's type, with no
   mode or context (176 → 17: COERCE).

CAMEO 01x (public statements) has no PLOVER type: such codes map to nothing.
Where the table lists one code twice (``08`` as CONCEDE and as RETREAT), the
first line wins.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from readout.convert.source import Line, fail
from readout.model import EVENT_TYPES

_LINE = re.compile(r"^(\d{2,4}):\s*(.*)$")


@dataclass(frozen=True)
class PloverCode:
    type: str
    mode: str | None
    context: str | None  # PLOVER's context field, e.g. "military" or "crime; corruption"


@dataclass(frozen=True)
class PloverTable:
    codes: dict[str, PloverCode]

    def lookup(self, cameo: str) -> PloverCode | None:
        """The PLOVER reading of a CAMEO code (rules in the module docstring)."""
        if cameo.startswith("01"):
            return None
        if cameo.startswith("02"):
            cameo = "10" + cameo[2:]
        for candidate in (cameo, cameo[:3]):
            if candidate in self.codes:
                return self.codes[candidate]
        family = self.codes.get(cameo[:2])
        return PloverCode(family.type, None, None) if family else None


def _field(text: str) -> str | None:
    value = " ".join(text.split())
    return value or None


def parse_plover(lines: list[Line], label: str) -> PloverTable:
    """The table from the lines of CAMEO2PLOVER-2021.txt."""
    codes: dict[str, PloverCode] = {}
    for line in lines:
        text = line.text.strip()
        if not text or set(text) <= {"~"}:
            continue
        match = _LINE.match(text)
        if match is None:
            raise fail(label, line.number, f"not a 'CODE: TYPE, mode, context' line: {text!r}")
        code, rest = match.groups()
        parts = rest.split(",")
        event_type = parts[0].strip()
        if event_type not in EVENT_TYPES:
            raise fail(label, line.number, f"unknown PLOVER type {event_type!r}")
        mode = _field(parts[1]) if len(parts) > 1 else None
        context = _field(",".join(parts[2:])) if len(parts) > 2 else None
        codes.setdefault(code, PloverCode(event_type, mode, context))
    if not codes:
        raise fail(label, 1, "no CAMEO codes found")
    return PloverTable(codes)
