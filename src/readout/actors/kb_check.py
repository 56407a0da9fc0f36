"""Check a user's actor files (``--actors``) against the codes readout knows.

A typo in a country code ("XXZ") or a sector ("NOTASECTOR") would otherwise
give actors no one can filter or merge on; it is refused in one line naming
the file and the entry.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from readout.errors import KnowledgeBaseError

# CAMEO's agent codes, plus DIP (diplomats) and REG (regions) that readout adds.
CAMEO_SECTORS = frozenset(
    "GOV MIL REB OPP PTY COP JUD SPY IGO NGO MED EDU BUS CRM CVL LAB LEG AGR REF ELI HLT "
    "ENV REL MOD RAD UAF IMG HRI SET AMN IRC GRN UNO PKO DIP REG".split()
)


def known_sectors(packaged: Iterable[str]) -> frozenset[str]:
    """CAMEO's sectors and every sector the packaged knowledge base uses."""
    return CAMEO_SECTORS | frozenset(packaged)


def check_user_file(
    label: str, parsed: dict[str, list[Any]], codes: set[str], sectors: frozenset[str]
) -> None:
    """Raise KnowledgeBaseError for the first unknown country code or sector in one file."""
    for section, records in parsed.items():
        for record in records:
            for kind, value in _codes_of(section, record):
                known = codes if kind == "country code" else sectors
                if value and value not in known:
                    what = _name(record)
                    raise KnowledgeBaseError(
                        f"{label}: {section} {what}: unknown {kind} {value!r} (use an ISO 3166 "
                        "alpha-3 code or an organisation code the knowledge base has)"
                        if kind == "country code"
                        else f"{label}: {section} {what}: unknown {kind} {value!r} (use one of "
                        f"{', '.join(sorted(sectors))})"
                    )


def _codes_of(section: str, record: Any) -> Iterator[tuple[str, str | None]]:
    if section == "people":
        for role in record.roles:
            yield "country code", role.country
            yield "sector", role.sector
    elif section == "organisations" or section == "titles":
        yield "sector", record.sector
        yield "country code", record.country
    elif section == "outlets":
        yield "country code", record.country
    elif section == "countries":
        for _, sector in record.metonym_sectors:
            yield "sector", sector


def _name(record: Any) -> str:
    for attr in ("name", "phrase", "code", "id"):
        value = getattr(record, attr, None)
        if isinstance(value, str) and value:
            return repr(value)
    return "entry"


def packaged_sectors(parsed: Iterable[dict[str, list[Any]]]) -> Iterator[str]:
    """Every sector the given parsed files use."""
    for document in parsed:
        for section, records in document.items():
            for record in records:
                for kind, value in _codes_of(section, record):
                    if kind == "sector" and value:
                        yield value
