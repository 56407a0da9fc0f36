"""The CAMEO verb dictionary format: synonym sets, verb blocks, verbs, patterns, transformations."""

from __future__ import annotations

import pytest

from readout.convert.source import parse_lines
from readout.convert.verbs import CodePair, VerbDictionary, parse_code, parse_verb_dictionary
from readout.errors import KnowledgeBaseError

# A small dictionary written for these tests in the file's format.
DICTIONARY = """\
# header comment
####### SYNONYM SETS #######

&CRAFT
+BOAT
+FERRY_
+PATROL_CRAFT

&LINKERS_
+ALONG_WITH

####### VERB PATTERNS #######

---  HARASS   [---]  ---
HARASS
HOUND {HOUNDS HOUNDED HOUNDING}
HOUNDED
PESTER [111]  # an own code
+SHOUT_DOWN {+SHOUTS_DOWN +SHOUTED_DOWN}
+IS_ANNOYED [110]
+BEAT_AND {}
- * &CRAFT (NEAR +)                       [1381]   # HOUND
- * PROTESTERS                             [175:145] # HARASS
- * (BEFORE TRIBUNAL)                      [:173]   # PESTER
- * NOTHING                                [---]    # HARASS
- * (ALONG RIVER)                          [01x]    # HARASS
- * &NOWHERE                               [190]    # HARASS

---  GREET   [040]  ---
WELCOME
HARASS
- * DELEGATION                             [042:043]

######## TRANSFORMATIONS ##########
~ a (b . HARASS) SAY = a b 112
~ a (a b Q) SAY = a b Q
"""


def line_of(fragment: str) -> int:
    """The number of the fixture line holding ``fragment``."""
    return next(n for n, line in enumerate(DICTIONARY.splitlines(), 1) if fragment in line)


@pytest.fixture(scope="module")
def parsed() -> VerbDictionary:
    return parse_verb_dictionary(parse_lines(DICTIONARY), "verbs.txt")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("---", CodePair(None, None)),
        ("190", CodePair("190", None)),
        ("042:043", CodePair("042", "043")),
        (":173", CodePair(None, "173")),
        ("046:046", CodePair("046", "046")),
    ],
)
def test_parse_code(text: str, expected: CodePair) -> None:
    assert parse_code(text) == expected


def test_synonym_sets_get_plurals_unless_stopped(parsed: VerbDictionary) -> None:
    craft = parsed.synsets["craft"]
    assert craft.members == ("boat", "boats", "ferry", "patrol craft", "patrol crafts")
    assert craft.heads == ("boat", "ferry", "craft")
    assert parsed.synsets["linkers"].members == ("along with",)


def test_blocks_and_their_verbs(parsed: VerbDictionary) -> None:
    harass, greet = parsed.blocks
    assert (harass.name, harass.code, greet.code) == (
        "HARASS",
        CodePair(None, None),
        CodePair("040", None),
    )
    verbs = {v.lemma: v for v in harass.verbs}
    assert set(verbs) == {"harass", "hound", "pester", "shout down", "be annoyed"}
    assert verbs["hound"].forms == ("hounds", "hounded", "hounding")  # HOUNDED folded in
    assert verbs["pester"].code == CodePair("111", None)
    assert verbs["shout down"].forms == ("shouts down", "shouted down")
    assert [v.lemma for v in greet.verbs] == ["welcome", "harass"]


def test_patterns_keep_their_code_line_and_verb(parsed: VerbDictionary) -> None:
    patterns = {p.line: p for p in parsed.blocks[0].patterns}
    first = patterns[line_of("&CRAFT (NEAR +)")]
    assert first.code == CodePair("1381", None) and first.verb == "hound"
    assert first.parts.objects[0].synset == "craft"  # type: ignore[union-attr]
    assert patterns[line_of("PROTESTERS")].code == CodePair("175", "145")
    assert patterns[line_of("TRIBUNAL")].code == CodePair(None, "173")


def test_unreadable_lines_are_dropped_with_their_reason(parsed: VerbDictionary) -> None:
    dropped = {(d.line, d.reason) for d in parsed.dropped}
    assert (line_of("BEAT_AND"), "coordinated verbs are not one verb") in dropped
    assert (line_of("[01x]"), "not a CAMEO code: [01x]") in dropped
    assert (line_of("&NOWHERE"), "undefined synonym set: &NOWHERE") in dropped
    assert all(d.file == "verbs.txt" for d in parsed.dropped)


def test_transformations(parsed: VerbDictionary) -> None:
    accuse, any_event = parsed.transformations
    assert (accuse.outer_verb, accuse.inner_source, accuse.inner_target) == ("say", "b", ".")
    assert (accuse.inner_verb, accuse.code) == ("harass", "112")
    assert (any_event.inner_verb, any_event.code) == (None, None)


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("####### VERB PATTERNS\nHARASS\n", "verbs.txt:2: verb or pattern before any"),
        ("####### VERB PATTERNS\n- * BOAT [190]\n", "verbs.txt:2: verb or pattern before any"),
        ("BOAT\n", "verbs.txt:1: expected '&NAME' or '+MEMBER'"),
        ("####### VERB PATTERNS\n--- HARASS ---\n", "verbs.txt:2: malformed block header"),
        ("####### VERB PATTERNS\n--- HARASS [1x] ---\n", "verbs.txt:2: not a CAMEO code"),
        ("######## TRANSFORMATIONS\n~ a b c\n", "verbs.txt:2: unreadable transformation"),
        ("# nothing\n", "verbs.txt:1: no verb blocks found"),
    ],
)
def test_structural_errors_name_file_and_line(text: str, fragment: str) -> None:
    with pytest.raises(KnowledgeBaseError) as caught:
        parse_verb_dictionary(parse_lines(text), "verbs.txt")
    assert fragment in str(caught.value)
