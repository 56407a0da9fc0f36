"""One CAMEO verb pattern → its parts: objects, prepositions, subjects, actor marks, particles."""

from __future__ import annotations

import re

import pytest

from readout.convert.verb_patterns import (
    ActorSlot,
    NounSlot,
    PatternError,
    Synset,
    Word,
    parse_pattern,
    preposition_variants,
)

SYNSETS = {
    "boat": Synset(
        "boat", ("boat", "boats", "fishing vessel", "fishing vessels"), ("boat", "vessel")
    ),
    "pact": Synset("pact", ("pact", "pacts", "accord", "accords"), ("pact", "accord")),
}


def noun(*words: str) -> NounSlot:
    from readout.convert.english import singular

    return NounSlot((singular(words[-1]),), tuple(Word((w,)) for w in words))


def test_object_words_become_singular_heads_and_phrases() -> None:
    parts = parse_pattern(" * LEVIES ", SYNSETS)
    assert parts.objects == (noun("levies"),)
    assert parts.objects[0].heads == ("levy",)
    assert parts.objects[0].texts == ("levies",)


def test_a_braced_phrase_has_its_last_word_as_head() -> None:
    (slot,) = parse_pattern("* {WINTER FUEL SHIPMENTS}", SYNSETS).objects
    assert isinstance(slot, NounSlot)
    assert slot.heads == ("shipment",)
    assert slot.texts == ("winter fuel shipments",)


def test_a_synonym_set_is_one_slot_with_its_members() -> None:
    (slot,) = parse_pattern("* &BOAT", SYNSETS).objects
    assert isinstance(slot, NounSlot)
    assert slot.synset == "boat"
    assert slot.heads == ("boat", "vessel")
    assert "fishing vessels" in slot.texts


def test_a_synonym_set_inside_a_phrase_multiplies_its_spellings() -> None:
    (slot,) = parse_pattern("* {NAVAL &PACT}", SYNSETS).objects
    assert isinstance(slot, NounSlot)
    assert slot.synset is None and slot.heads == ("pact", "accord")
    assert set(slot.texts) == {"naval pact", "naval pacts", "naval accord", "naval accords"}


@pytest.mark.parametrize(
    ("body", "prep", "objects"),
    [
        ("* (TOWARD HARBOUR)", "toward", (noun("harbour"),)),
        ("* (AGAINST)", "against", ()),
        ("* (WITH {RIVER PATROLS})", "with", (noun("river", "patrols"),)),
        ("* (INTO +)", "into", (ActorSlot("target"),)),
        ("* (FROM $ TERRITORY)", "from", (ActorSlot("source"), noun("territory"))),
    ],
)
def test_prepositional_phrases(body: str, prep: str, objects: tuple[object, ...]) -> None:
    parts = parse_pattern(body, SYNSETS)
    assert len(parts.preps) == 1
    assert parts.preps[0].prep == prep
    assert parts.preps[0].objects == objects
    assert not parts.linear


def test_words_before_the_verb_are_its_subject() -> None:
    parts = parse_pattern("&BOAT * (NEAR COAST)", SYNSETS)
    assert [s.synset for s in parts.subjects if isinstance(s, NounSlot)] == ["boat"]
    assert parts.objects == ()


@pytest.mark.parametrize(
    ("body", "subjects", "objects"),
    [
        ("$ * +", (ActorSlot("source"),), (ActorSlot("target"),)),
        ("* ^ ", (), (ActorSlot("other"),)),
        ("% * ", (ActorSlot("compound"),), ()),
    ],
)
def test_actor_marks(body: str, subjects: tuple[object, ...], objects: tuple[object, ...]) -> None:
    parts = parse_pattern(body, SYNSETS)
    assert (parts.subjects, parts.objects) == (subjects, objects)


def test_a_bare_particle_after_the_verb_belongs_to_the_verb() -> None:
    parts = parse_pattern("* DOWN BARRICADES", SYNSETS)
    assert parts.particles == ("down",)
    assert parts.objects == (noun("barricades"),)


def test_tabari_word_order_is_read_and_flagged() -> None:
    parts = parse_pattern("* RAID ON + THAT WILL", SYNSETS)
    assert parts.linear
    assert parts.objects == (noun("raid"),)
    assert [(p.prep, p.objects) for p in parts.preps] == [("on", (ActorSlot("target"),))]


def test_adverbs_before_the_verb_are_flagged_not_subjects() -> None:
    parts = parse_pattern("FIERCELY * RAID", SYNSETS)
    assert parts.linear and parts.subjects == ()


def test_alternative_prepositions_give_one_pattern_each() -> None:
    assert preposition_variants("* (BY/WITH TANKS) (TO/AT +)") == [
        "* (BY TANKS) (TO +)",
        "* (BY TANKS) (AT +)",
        "* (WITH TANKS) (TO +)",
        "* (WITH TANKS) (AT +)",
    ]


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        ("* RAID", None),
        ("RAID", "exactly one '*'"),
        ("* * RAID", "exactly one '*'"),
        ("* (ON COAST", "unclosed group"),
        ("* COAST)", "unbalanced bracket"),
        ("* &SUBMARINE", "undefined synonym set: &SUBMARINE"),
        ("* ({HARBOUR} COAST)", "must start with its preposition"),
        ("* {NAVAL + PATROL}", "actor mark"),
        ("* (ON (COAST))", "inside a bracketed group"),
    ],
)
def test_unreadable_patterns_raise(body: str, reason: str | None) -> None:
    if reason is None:
        parse_pattern(body, SYNSETS)
        return
    with pytest.raises(PatternError, match=re.escape(reason)):
        parse_pattern(body, SYNSETS)
