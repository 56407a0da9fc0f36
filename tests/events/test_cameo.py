"""The CAMEO verb lexicon (data/cameo_verbs.json): every entry loads and reads as PLOVER."""

from __future__ import annotations

import json
import pathlib

import pytest

from readout.convert.emit import json_document
from readout.convert.plover import parse_plover
from readout.convert.source import parse_lines
from readout.convert.verb_data import build_verb_data
from readout.convert.verbs import parse_verb_dictionary
from readout.errors import KnowledgeBaseError
from readout.events.cameo import (
    ActorMark,
    CameoLexicon,
    Noun,
    Reading,
    load_cameo_verbs,
    parse_cameo_verbs,
)
from readout.model import EVENT_TYPES


@pytest.fixture(scope="module")
def cameo() -> CameoLexicon:
    return load_cameo_verbs()


def test_every_verb_and_pattern_loads(cameo: CameoLexicon) -> None:
    assert len(cameo.verbs) > 1500
    patterns = [p for verb in cameo.verbs.values() for p in verb.patterns]
    assert len({(p.block, p.line, p.objects, p.preps) for p in patterns}) > 4000
    for verb in cameo.verbs.values():
        readings = [verb.reading, verb.reverse, *verb.also] + [
            r for p in verb.patterns for r in (p.reading, p.reverse)
        ]
        for reading in readings:
            assert reading is None or reading.type in EVENT_TYPES, verb.lemma
        for pattern in verb.patterns:
            assert pattern.reading or pattern.reverse, (verb.lemma, pattern.line)
            for slot in (*pattern.objects, *pattern.subjects):
                assert isinstance(slot, ActorMark) or (slot.heads and slot.words)


def test_impose_sanctions(cameo: CameoLexicon) -> None:
    impose = cameo.verb("impose")
    assert impose is not None and impose.reading == Reading("170", "COERCE")
    sanctions = [
        p
        for p in impose.patterns
        if any("sanction" in s.heads for s in p.objects if isinstance(s, Noun))
    ]
    assert sanctions and all(p.reading and p.reading.cameo == "163" for p in sanctions)
    readings = {r.reading.cameo: r for r in cameo.nouns["sanction"]}
    assert readings["163"].reading.type == "COERCE" and readings["163"].count > 1


def test_a_visit_reads_both_ways(cameo: CameoLexicon) -> None:
    visit = cameo.verb("visit")
    assert visit is not None
    assert (visit.reading, visit.reverse) == (
        Reading("042", "CONSULT", "visit"),
        Reading("043", "CONSULT", "visit"),
    )


def test_phrasal_verbs_and_irregular_forms(cameo: CameoLexicon) -> None:
    call_off = cameo.verb("call off")
    assert call_off is not None and call_off.reading is not None
    assert call_off.reading.type == "SANCTION"
    bring = cameo.verb("bring")
    assert bring is not None and "brought" in bring.forms


def test_synonym_sets_are_shared_objects(cameo: CameoLexicon) -> None:
    weapons = [
        s
        for v in cameo.verbs.values()
        for p in v.patterns
        for s in p.objects
        if isinstance(s, Noun) and s.synset == "weapon"
    ]
    assert len(weapons) > 10 and len({id(w) for w in weapons}) == 1
    assert "missile" in weapons[0].heads and "missiles" in weapons[0].texts


def test_transformations(cameo: CameoLexicon) -> None:
    says = [t for t in cameo.transformations if t.verb == "say" and t.inner_verb == "attack"]
    assert says and says[0].reading is not None and says[0].reading.type == "ACCUSE"


def test_the_converter_output_reads_back() -> None:
    verbs = "####### VERB PATTERNS\n--- SEIZE [---] ---\nSEIZE\n- * &CARGO (FROM +) [171]\n"
    synsets = "&CARGO\n+CRATE\n"
    dictionary = parse_verb_dictionary(parse_lines(synsets + verbs), "v.txt")
    table = parse_plover(parse_lines("17: COERCE\n171: COERCE, seize, \n", ("#",)), "p.txt")
    data = build_verb_data(dictionary, table, "v.txt")
    lexicon = parse_cameo_verbs(json_document(data.sections), "v.json")
    seize = lexicon.verb("seize")
    assert seize is not None and seize.reading is None
    (pattern,) = seize.patterns
    assert pattern.reading == Reading("171", "COERCE", "seize")
    assert pattern.objects == (Noun(("crate",), (("crate", "crates"),), "cargo"),)
    assert pattern.preps[0].prep == "from" and pattern.preps[0].objects == (ActorMark("target"),)


def _doc(**sections: object) -> str:
    base: dict[str, object] = {
        "synsets": {},
        "verbs": {},
        "blocks": {},
        "nouns": {},
        "transformations": [],
    }
    base.update(sections)
    return json.dumps(base)


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("[", "not valid JSON at line 1"),
        ("[]", "top level: must be a mapping"),
        (_doc(synsets=[]), "'synsets' must be a mapping"),
        (_doc(verbs={"go": {"blocks": ["GO"]}}), "verb 'go': unknown block 'GO'"),
        (
            _doc(blocks={"GO": [{"line": 3, "cameo": "042", "type": "WANDER"}]}),
            "block GO: unknown PLOVER type 'WANDER'",
        ),
        (
            _doc(blocks={"GO": [{"line": 3, "objects": [{"synset": "x"}]}]}),
            "block GO: unknown synonym set 'x'",
        ),
        (
            _doc(blocks={"GO": [{"line": 3, "objects": [{"actor": "ghost"}]}]}),
            "unknown actor mark 'ghost'",
        ),
        (_doc(blocks={"GO": [{"objects": []}]}), "block GO: malformed (KeyError"),
        (
            _doc(nouns={"war": [{"count": 1, "verbs": []}]}),
            "noun 'war': a noun reading needs a cameo code",
        ),
    ],
)
def test_malformed_files_name_the_file_and_place(text: str, fragment: str) -> None:
    with pytest.raises(KnowledgeBaseError) as caught:
        parse_cameo_verbs(text, "c.json")
    assert str(caught.value).startswith("c.json: ") and fragment in str(caught.value)
    assert "\n" not in str(caught.value)


def test_a_missing_file_names_it(tmp_path: pathlib.Path) -> None:
    with pytest.raises(KnowledgeBaseError, match=r"nope\.json: cannot read"):
        load_cameo_verbs(tmp_path / "nope.json")


def test_the_packaged_lexicon_is_cached(cameo: CameoLexicon) -> None:
    assert load_cameo_verbs() is cameo
