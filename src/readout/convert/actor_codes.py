"""Phoenix actor codes → country, organisation and sectors in readout's terms.

A Phoenix code is a run of three-letter parts: a country (``AFG``) or a
pseudo-country (``IGO``, ``NGO``, ``MNC``, ``IMG``, ``INT``, a region such as
``MEA``), then CAMEO agent codes (``GOV``, ``REB``, ``MUS``) and sometimes
group codes (``HMS`` for Hamas). What readout makes of them:

* a country part becomes the ISO3 code readout uses (``KSV`` → ``XKX``,
  ``TMP`` → ``TLS``, ``USR`` → ``SUN``); a country readout does not know
  (``DDR``, ``YUG``, most dependencies) becomes no country;
* ``IGO`` + an organisation's parts becomes readout's organisation code
  (``IGOUNO`` → ``UN``, ``IGOWSTNAT`` → ``NATO``, ``IGOUNOREFHCR`` → ``UNHCR``;
  the table is ``IGO_CODES``) with sector IGO; an IGO readout lacks has no code;
* ``NGO`` is sector NGO, ``IMG`` (an international militarised group) and
  ``INT`` + ``REB`` are sector REB, with the country named after them if any
  (``IMGSAU`` → SAU; ``NGOUSAHRI`` → USA); regions give no country;
* the sector is the first agent code; GOV followed by LEG or JUD becomes LEG
  or JUD (a legislature or court, as readout's own data writes them); a
  religion code in first place becomes REL; the agent codes after it are
  secondary sectors. Group codes are dropped.
"""

from __future__ import annotations

from dataclasses import dataclass

COUNTRY_FIXES = {"KSV": "XKX", "TMP": "TLS", "USR": "SUN", "ZAR": "COD", "ROM": "ROU"}
REGIONS = frozenset(
    """AFR ASA CAS CAU CFR CRB EAF EEU EIN EUR LAM MEA NAF NMR PGS SAF SAM SAS SCN SEA WAF
    WEU WST ARB BLK BAL""".split()
)  # fmt: skip
RELIGIONS = frozenset(
    "REL MUS CHR JEW HIN BUD SIK SHI SUN CTH PRO ORT JAN ZRO TAO CON BAH ATH DRZ ALE".split()
)  # fmt: skip
SECTORS = frozenset(
    """GOV MIL COP JUD LEG SPY REB OPP PTY ELI CVL MED BUS EDU HLH LAB AGR ENV DEV HRI REF
    CRM UAF IGO NGO""".split()
)  # fmt: skip
_BRANCHES = frozenset({"LEG", "JUD"})

# Phoenix IGO parts (after "IGO") → readout organisation code; the longest prefix wins.
IGO_CODES = {
    "UNO": "UN", "UNOREFHCR": "UNHCR", "UNOHLHWHO": "WHO", "UNOIAE": "IAEA", "UNOKID": "UNICEF",
    "UNOWFP": "WFP", "UNODEVWBK": "WB", "UNOWBK": "WB", "UNOJUDICJ": "ICJ",
    "UNOHRIHCH": "OHCHR", "WSTNAT": "NATO", "EUREEC": "EU", "EURCOE": "COE",
    "EURSCE": "OSCE", "BUSIMF": "IMF", "BUSWTO": "WTO", "BUSOPC": "OPEC", "OPC": "OPEC",
    "SEAASN": "ASEAN", "AFRAFU": "AU", "AFROAU": "AU", "OAS": "OAS", "MEAARL": "ARAB_LEAGUE",
    "JUDICC": "ICC", "MOSOIC": "OIC", "PGSGCC": "GCC", "CASCIS": "CIS", "COPITP": "INTERPOL",
    "WAFWAS": "ECOWAS",
}  # fmt: skip


@dataclass(frozen=True)
class ActorCode:
    kind: str  # state, igo, ngo, mnc, group (IMG/INT), region, unknown
    country: str | None  # ISO3 readout knows, or readout's organisation code for an IGO
    sector: str | None  # None: a place, not an actor (USAASM, SDNSSD)
    secondary: tuple[str, ...]


def _parts(code: str) -> list[str]:
    return [code[i : i + 3] for i in range(0, len(code), 3)]


def _sectors(parts: list[str]) -> tuple[str | None, tuple[str, ...]]:
    known = [p for p in parts if p in SECTORS or p in RELIGIONS]
    if not known:
        return None, ()
    first, rest = known[0], known[1:]
    if first == "GOV" and rest and rest[0] in _BRANCHES:
        first, rest = rest[0], ["GOV", *rest[1:]]
    if first in RELIGIONS and first != "REL":
        first, rest = "REL", [first, *rest]
    return first, tuple(dict.fromkeys(p for p in rest if p != first))


def _country(part: str, countries: frozenset[str]) -> str | None:
    fixed = COUNTRY_FIXES.get(part, part)
    return fixed if fixed in countries else None


def decode(code: str, countries: frozenset[str]) -> ActorCode | None:
    """What a Phoenix code says; None when it is not a run of three-letter parts."""
    if not code or len(code) % 3 or not code.isalpha() or not code.isupper():
        return None
    parts = _parts(code)
    head, rest = parts[0], parts[1:]
    if head == "IGO":
        joined = "".join(rest)
        match = max((k for k in IGO_CODES if joined.startswith(k)), key=len, default="")
        sector, secondary = _sectors(_parts(joined[len(match) :]))
        extra = tuple(s for s in (sector, *secondary) if s is not None and s != "IGO")
        return ActorCode("igo", IGO_CODES.get(match), "IGO", extra)
    if head in {"NGO", "MNC", "IMG", "INT"}:
        country = next((c for c in (_country(p, countries) for p in rest) if c), None)
        sector, secondary = _sectors(rest)
        kind = {"NGO": "ngo", "MNC": "mnc", "IMG": "group", "INT": "group"}[head]
        fixed = {"NGO": "NGO", "MNC": "BUS", "IMG": "REB"}.get(head, sector)
        others = tuple(s for s in (sector, *secondary) if s is not None and s != fixed)
        return ActorCode(kind, country, fixed, others)
    if head == "ELI" and not rest:
        return ActorCode("unknown", None, "ELI", ())
    country = _country(head, countries)
    sector, secondary = _sectors(rest)
    if country is not None:
        return ActorCode("state", country, sector, secondary)
    kind = "region" if head in REGIONS else "unknown"
    return ActorCode(kind, None, sector, secondary)
