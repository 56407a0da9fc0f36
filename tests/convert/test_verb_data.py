"""The parsed verb dictionary joined to PLOVER: what cameo_verbs.json holds, and what it drops."""

from __future__ import annotations

import json

import pytest

from readout.convert.emit import json_document
from readout.convert.plover import parse_plover
from readout.convert.source import parse_lines
from readout.convert.verb_data import VerbData, build_verb_data
from readout.convert.verbs import parse_verb_dictionary

PLOVER = """\
04: CONSULT
040: CONSULT, ,
042: CONSULT, visit,
043: CONSULT, host,
11: ACCUSE
111: ACCUSE, disapprove,
14: PROTEST
145: PROTEST, riot,
16: SANCTION
163: COERCE, restrict, diplomatic
17: COERCE
170: COERCE, ,
173: COERCE, arrest, legal
175: ASSAULT, repression, military
"""

VERBS = """\
&OFFICIAL
+ENVOY
+CONSUL

####### VERB PATTERNS #######

---  LEVY   [170]  ---
LEVY
SLAP
- * DUTIES                  [163]   # LEVY
- * FINES                   [170]   # SLAP
- * &OFFICIAL (ON +)        [163]   # SLAP
- * COMPLIMENTS             [012]   # SLAP
- * NOTHING                 [---]   # LEVY
- * PROTESTERS              [175:145]
- * (BEFORE JUDGES)         [:173]

---  RECEIVE   [---]  ---
RECEIVE
SLAP [111]
- * DELEGATION              [043:042]

######## TRANSFORMATIONS ##########
~ a (b . LEVY) SAY = a b 111
~ a (b . LEVY) CLAIM = a b 015
"""


def line_of(fragment: str) -> int:
    return next(n for n, line in enumerate(VERBS.splitlines(), 1) if fragment in line)


@pytest.fixture(scope="module")
def data() -> VerbData:
    dictionary = parse_verb_dictionary(parse_lines(VERBS), "verbs.txt")
    table = parse_plover(parse_lines(PLOVER, ("#",)), "plover.txt")
    return build_verb_data(dictionary, table, "verbs.txt")


def section(data: VerbData, name: str) -> dict:  # type: ignore[type-arg]
    return data.sections[name][0]  # type: ignore[no-any-return]


def test_verbs_carry_their_default_reading_and_blocks(data: VerbData) -> None:
    verbs = section(data, "verbs")
    assert verbs["levy"] == {"cameo": "170", "type": "COERCE", "blocks": ["LEVY"]}
    assert verbs["receive"] == {"blocks": ["RECEIVE"]}  # [---]: no reading of its own
    slap = verbs["slap"]
    assert (slap["cameo"], slap["blocks"]) == ("170", ["LEVY", "RECEIVE"])
    assert slap["also"] == [
        {"cameo": "111", "type": "ACCUSE", "mode": "disapprove", "block": "RECEIVE"}
    ]


def test_patterns_map_codes_to_plover_with_reverse_readings(data: VerbData) -> None:
    levy = {p["line"]: p for p in section(data, "blocks")["LEVY"]}
    duties = levy[line_of("DUTIES")]
    assert duties["objects"] == [{"head": ["duty"], "words": [["duties"]]}]
    assert (duties["cameo"], duties["type"], duties["mode"], duties["context"]) == (
        "163",
        "COERCE",
        "restrict",
        "diplomatic",
    )
    officials = levy[line_of("&OFFICIAL (ON")]
    assert officials["objects"] == [{"synset": "official"}]
    assert officials["preps"] == [{"prep": "on", "objects": [{"actor": "target"}]}]
    protesters = levy[line_of("PROTESTERS")]
    assert protesters["reverse"] == {"cameo": "145", "type": "PROTEST", "mode": "riot"}
    judges = levy[line_of("JUDGES")]
    assert "cameo" not in judges and judges["reverse"]["cameo"] == "173"
    (delegation,) = section(data, "blocks")["RECEIVE"]
    assert (delegation["mode"], delegation["reverse"]["mode"]) == ("host", "visit")


def test_null_codes_and_statements_are_dropped_and_counted(data: VerbData) -> None:
    blocks = section(data, "blocks")
    kept = {line_of(f) for f in ("DUTIES", "FINES", "&OFFICIAL (ON", "PROTESTERS", "JUDGES")}
    assert {p["line"] for p in blocks["LEVY"]} == kept
    reasons = sorted((d.line, d.reason) for d in data.dropped)
    assert reasons == [
        (line_of("COMPLIMENTS"), "CAMEO 01x: no PLOVER type"),
        (line_of("NOTHING"), "code [---]: no event"),
        (line_of("CLAIM"), "CAMEO 01x: no PLOVER type"),  # the transformation codes 015
    ]


def test_synonym_sets_are_written_once(data: VerbData) -> None:
    assert section(data, "synsets") == {
        "official": {
            "heads": ["envoy", "consul"],
            "members": ["envoy", "envoys", "consul", "consuls"],
        }
    }


def test_noun_candidates_are_objects_that_change_the_code(data: VerbData) -> None:
    nouns = section(data, "nouns")
    assert nouns["duty"] == [
        {
            "cameo": "163",
            "type": "COERCE",
            "mode": "restrict",
            "context": "diplomatic",
            "count": 1,
            "verbs": ["levy"],
        }
    ]
    assert "fine" not in nouns  # "slap fines" is 170, what "slap" says alone
    assert "official" not in nouns and "envoy" not in nouns  # a class of things, not an event


def test_transformations_take_their_plover_reading(data: VerbData) -> None:
    (accuse,) = section(data, "transformations")
    assert (accuse["verb"], accuse["inner"], accuse["type"]) == (
        "say",
        {"source": "b", "target": ".", "verb": "levy"},
        "ACCUSE",
    )


def test_counts(data: VerbData) -> None:
    assert data.counts["verbs"] == 3
    assert data.counts["patterns"] == 6
    assert data.counts["transformations"] == 1


def test_the_json_document_reads_back(data: VerbData) -> None:
    text = json_document({"_about": (["made for a test"], 1), **data.sections})
    doc = json.loads(text)
    assert doc["verbs"]["levy"]["cameo"] == "170"
    assert text.count("\n") > len(doc["verbs"])  # one entry per line
