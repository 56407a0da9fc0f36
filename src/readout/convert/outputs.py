"""Which source becomes which generated file, with its provenance header.

    events/data/cameo_verbs.json     ← petrarch2/CAMEO.2.0.txt + plover/CAMEO2PLOVER-2021.txt
    actors/data/agents.yaml          ← petrarch2/Phoenix.agents.txt
    actors/data/phoenix_groups.yaml  ← petrarch2/Phoenix.MilNonState.actors.txt
    actors/data/phoenix_actors.json  ← petrarch2/Phoenix.Countries.actors.txt
                                       + petrarch2/Phoenix.International.actors.txt

``build_all`` returns every file's text without writing anything, so a test can
compare a fresh conversion with the committed files byte for byte.
"""

from __future__ import annotations

import pathlib
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import yaml

from readout.convert.actor_build import GenOrganisation, GenPerson, make_unique
from readout.convert.actor_file import parse_actor_file
from readout.convert.agents import AgentEntry, parse_agents
from readout.convert.emit import comment_block, flow, json_document, yaml_list_section
from readout.convert.groups import convert_groups
from readout.convert.people import convert_actors
from readout.convert.plover import parse_plover
from readout.convert.source import Dropped, fail, read_lines
from readout.convert.verb_data import build_verb_data
from readout.convert.verbs import parse_verb_dictionary

PETRARCH = "openeventdata/petrarch2 at commit 676801c, petrarch2/data/dictionaries/"
PLOVER = "openeventdata/PLOVER at commit 5e0c24f, CAMEO2PLOVER-2021.txt (PLOVER manual draft 0.8, edited by Philip Schrodt)"
CC_BY_SA = "Creative Commons Attribution-ShareAlike 4.0 International, https://creativecommons.org/licenses/by-sa/4.0/"

VERBS_FILE = "events/data/cameo_verbs.json"
AGENTS_FILE = "actors/data/agents.yaml"
GROUPS_FILE = "actors/data/phoenix_groups.yaml"
ACTORS_FILE = "actors/data/phoenix_actors.json"


@dataclass
class Conversion:
    files: dict[str, str] = field(default_factory=dict)  # path under src/readout → text
    counts: dict[str, dict[str, int]] = field(default_factory=dict)
    dropped: list[Dropped] = field(default_factory=list)


def _header(sources: list[str], licence: str, notes: list[str]) -> list[str]:
    lines = [
        "GENERATED FILE: do not edit. Made by `python -m readout.convert` (make lexicons)",
        "from the field's lexical resources; change the converter in src/readout/convert/.",
        "",
    ]
    lines += [f"Source: {s}" for s in sources]
    lines += ["", *notes, "", "Licence of the source (reproduced as it requires):", ""]
    return lines + licence.splitlines()


def _known_codes(package: pathlib.Path) -> tuple[frozenset[str], set[str]]:
    """ISO3 codes of readout's countries, and every code its curated data already uses."""
    label = "readout/actors/data"
    try:
        countries = yaml.safe_load((package / "actors/data/countries.yaml").read_text("utf-8"))
        orgs = yaml.safe_load((package / "actors/data/organisations.yaml").read_text("utf-8"))
    except (OSError, yaml.YAMLError) as err:
        raise fail(
            label, 1, f"cannot read the curated country data ({type(err).__name__})"
        ) from None
    codes = frozenset(str(c["code"]) for c in countries["countries"])
    return codes, set(codes) | {str(o["code"]) for o in orgs["organisations"]}


def _verbs(src: pathlib.Path, licence: str, out: Conversion) -> None:
    verb_path, plover_path = src / "petrarch2/CAMEO.2.0.txt", src / "plover/CAMEO2PLOVER-2021.txt"
    dictionary = parse_verb_dictionary(read_lines(verb_path), "petrarch2/CAMEO.2.0.txt")
    table = parse_plover(read_lines(plover_path, ("#",)), "plover/CAMEO2PLOVER-2021.txt")
    data = build_verb_data(dictionary, table, "petrarch2/CAMEO.2.0.txt")
    about = _header(
        [PETRARCH + "CAMEO.2.0.txt (MIT)", PLOVER + f" ({CC_BY_SA})"],
        licence,
        [
            "This file adapts the PLOVER table (CAMEO code -> PLOVER type, mode, context)",
            "and is shared under CC BY-SA 4.0; changes: joined to PETRARCH2's verb patterns,",
            "CAMEO 02x read as 10x, missing codes read as their parent (see convert/plover.py).",
            "Format: see src/readout/convert/verb_data.py; loader: readout.events.cameo.",
        ],
    )
    sections: dict[str, tuple[Any, int]] = {"_about": (about, 1), **data.sections}
    out.files[VERBS_FILE] = json_document(sections)
    out.counts[VERBS_FILE] = data.counts
    out.dropped += data.dropped


def _agent_row(entry: AgentEntry) -> dict[str, Any]:
    row: dict[str, Any] = {"phrase": entry.phrase}
    if entry.plurals:
        row["plural"] = list(entry.plurals)
    row["sector"] = entry.sector
    if entry.secondary:
        row["secondary"] = list(entry.secondary)
    return row


def _agents(src: pathlib.Path, licence: str, out: Conversion) -> None:
    entries, dropped = parse_agents(
        read_lines(src / "petrarch2/Phoenix.agents.txt"), "petrarch2/Phoenix.agents.txt"
    )
    header = _header(
        [PETRARCH + "Phoenix.agents.txt (MIT)"],
        licence,
        [
            "Agent nouns (lower case) with their plurals and CAMEO agent codes: sector is the",
            "first code, secondary the rest. Loader: readout.actors.agents.load_agents().",
        ],
    )
    out.files[AGENTS_FILE] = comment_block(header) + yaml_list_section(
        "agents", [_agent_row(e) for e in entries]
    )
    out.counts[AGENTS_FILE] = {
        "agent phrases": len(entries),
        "plural forms": sum(len(e.plurals) for e in entries),
    }
    out.dropped += dropped


def _org_row(org: GenOrganisation) -> dict[str, Any]:
    row: dict[str, Any] = {"code": org.code, "name": org.name, "aliases": list(org.aliases)}
    row["sector"] = org.sector
    if org.country:
        row["country"] = org.country
    return row


def _person_row(person: GenPerson) -> list[Any]:
    roles = [[r.country, r.sector, r.start, r.end] for r in person.roles]
    return [person.id, person.name, list(person.aliases), roles]


def _actors(src: pathlib.Path, package: pathlib.Path, licence: str, out: Conversion) -> None:
    countries, taken = _known_codes(package)
    people: list[GenPerson] = []
    orgs: list[GenOrganisation] = []
    counts: Counter[str] = Counter()
    for name, kind in (
        ("Phoenix.Countries.actors.txt", "countries"),
        ("Phoenix.International.actors.txt", "international"),
        ("Phoenix.MilNonState.actors.txt", "groups"),
    ):
        label = f"petrarch2/{name}"
        records, dropped = parse_actor_file(read_lines(src / "petrarch2" / name), label)
        if kind == "groups":
            sets = convert_groups(records, countries, label)
        else:
            sets = convert_actors(records, countries, label, international=kind == "international")
        people += sets.people
        orgs += sets.organisations
        out.dropped += dropped + sets.dropped
        counts.update({f"{kind}: {k} left out": v for k, v in sets.counts.items()})
        counts[f"{kind}: records"] += len(records)
    people, orgs, dropped = make_unique(people, orgs, taken, "petrarch2")
    out.dropped += dropped
    groups = [o for o in orgs if o.source.endswith("MilNonState.actors.txt")]
    bodies = [o for o in orgs if not o.source.endswith("MilNonState.actors.txt")]
    groups_header = _header(
        [PETRARCH + "Phoenix.MilNonState.actors.txt (MIT)"],
        licence,
        [
            "Named armed groups and other non-state bodies in the knowledge base's",
            "organisations schema. They load under readout's curated files: a curated entry",
            "with the same name or alias wins (readout.actors.generated).",
        ],
    )
    out.files[GROUPS_FILE] = (
        comment_block(groups_header)
        + "organisations:\n"
        + "".join(f"- {flow(_org_row(o))}\n" for o in groups)
    )
    about = _header(
        [
            PETRARCH + "Phoenix.Countries.actors.txt (MIT)",
            PETRARCH + "Phoenix.International.actors.txt (MIT)",
        ],
        licence,
        [
            "people: [id, name, aliases, roles], a role being [country, sector, start, end]",
            "(ISO days, in order of start; end is the first day the role no longer holds;",
            "null: open). The title is generic, from the sector (actors.generated.role_title).",
            "organisations: [code, name, aliases, sector, country]. Loaded under readout's curated",
            "files by readout.actors.generated; JSON because it loads ~40x faster than YAML.",
        ],
    )
    out.files[ACTORS_FILE] = json_document(
        {
            "_about": (about, 1),
            "people": ([_person_row(p) for p in people], 1),
            "organisations": (
                [[o.code, o.name, list(o.aliases), o.sector, o.country] for o in bodies],
                1,
            ),
        }
    )
    counts["people"] = len(people)
    counts["roles"] = sum(len(p.roles) for p in people)
    counts["bodies (phoenix_actors.json)"] = len(bodies)
    counts["groups (phoenix_groups.yaml)"] = len(groups)
    out.counts[ACTORS_FILE] = dict(counts)


def build_all(src: pathlib.Path, package: pathlib.Path) -> Conversion:
    """Every generated file's text from the sources under ``src`` (nothing is written)."""
    licence_path = src / "petrarch2/LICENSE"
    try:
        licence = licence_path.read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError) as err:
        raise fail(licence_path, 1, f"cannot read ({type(err).__name__})") from None
    out = Conversion()
    _verbs(src, licence, out)
    _agents(src, licence, out)
    _actors(src, package, licence, out)
    return out


def write_all(conversion: Conversion, package: pathlib.Path) -> list[pathlib.Path]:
    written = []
    for relative, text in conversion.files.items():
        path = package / relative
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
