"""Phoenix.MilNonState.actors.txt → named armed groups and other non-state bodies.

Most records come from the START TOPS list of militant organisations (their
comment is "kkl 21 Mar 13") and are all bodies: ``TALIBAN [AFGREB]`` becomes
the organisation Taliban with country AFG and sector REB. The rest of the file
mixes groups with named members (``ABU_SAYYAF__ [IMGSEAMUSASF]``); from these,
only names with an organisation word ("front", "army", "lashkar", "jemaah",
...) are kept as bodies. People are left out: the file gives them no dates
and mostly no country, so they could not be placed (a group's members named
as its synonyms stay aliases of the group, as the source codes them).

Codes: ``AFGREB`` → AFG, REB; an international group (``INTREB``, ``IMG...``)
or one coded to a region (``MEAREB``) has no country, unless its code names
one after the group codes (``IMGSAU`` → SAU); a placeholder country
(``KKLREB``) gives none either.
"""

from __future__ import annotations

from readout.convert.actor_build import (
    GenOrganisation,
    current_span,
    is_organisation_name,
    organisation_names,
)
from readout.convert.actor_codes import decode
from readout.convert.actor_file import ActorRecord
from readout.convert.people import ActorSets
from readout.convert.source import Dropped

_TOPS = "kkl 21 mar 13"


def convert_groups(records: list[ActorRecord], countries: frozenset[str], label: str) -> ActorSets:
    orgs: list[GenOrganisation] = []
    dropped: list[Dropped] = []
    counts = {"people": 0, "no code": 0}
    for record in records:
        spans = [(span, decode(span.code, countries)) for span in record.codes]
        coded = [(span, code) for span, code in spans if code is not None and code.sector]
        if not coded:
            counts["no code"] += 1
            dropped.append(Dropped(label, record.line, "no readable code", record.name))
            continue
        tops = _TOPS in " ".join(record.comment.lower().split())
        if not tops and not is_organisation_name(record.name):
            counts["people"] += 1
            dropped.append(Dropped(label, record.line, "a person, not a group", record.name))
            continue
        names = organisation_names(record.name, record.synonyms)
        if names is None:
            continue
        code = current_span(coded)[1]
        sector = code.sector or "REB"
        orgs.append(
            GenOrganisation("", names[0], names[1], sector, code.country, record.line, label)
        )
    return ActorSets([], orgs, dropped, counts)
