"""Sources of an event (who says so), read from one parsed sentence and its paragraph."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import pytest
from spacy.tokens import Token

from readout.context import attribution as at
from readout.context.attribution import read_attribution
from readout.model import Actor, Attribution, Stance

Finder = Callable[[str, str], Token]

PEOPLE = {
    "Dmitry Peskov": Actor("Dmitry Peskov", "RUS", "GOV", "Kremlin spokesman", "person"),
    "Sergey Lavrov": Actor("Sergey Lavrov", "RUS", "GOV", "Foreign Minister", "person"),
    "Antonio Guterres": Actor("Antonio Guterres", "UN", "IGO", "Secretary-General", "person"),
    "Olaf Scholz": Actor("Olaf Scholz", "DEU", "GOV", "Chancellor", "person"),
    "Maria Zakharova": Actor("Maria Zakharova", "RUS", "GOV", "spokeswoman", "person"),
    "Wang Yi": Actor("Wang Yi", "CHN", "GOV", "Foreign Minister", "person"),
}
ALIASES = {"Peskov": "Dmitry Peskov", "Lavrov": "Sergey Lavrov", "Guterres": "Antonio Guterres",
           "Scholz": "Olaf Scholz", "Zakharova": "Maria Zakharova"}  # fmt: skip
PLACES = {
    "Kremlin": Actor("Russia", "RUS", "GOV"), "White House": Actor("United States", "USA", "GOV"),
    "State Department": Actor("United States", "USA", "GOV"), "Russia": Actor("Russia", "RUS"),
    "Russian": Actor("Russia", "RUS"), "Chinese": Actor("China", "CHN"), "China": Actor("China", "CHN"),
    "Ukrainian": Actor("Ukraine", "UKR"), "Elysee": Actor("France", "FRA", "GOV"),
    "Pentagon": Actor("United States", "USA", "MIL"), "Iran": Actor("Iran", "IRN"),
    "Turkey": Actor("Turkey", "TUR"),
    "Kyiv": Actor("Ukraine", "UKR", "GOV"), "Downing Street": Actor("United Kingdom", "GBR", "GOV"),
}  # fmt: skip
OUTLETS = {
    "reuters": "Reuters", "financial times": "Financial Times", "ft": "Financial Times",
    "the washington post": "The Washington Post", "washington post": "The Washington Post",
    "the post": "The Washington Post", "axios": "Axios", "bloomberg": "Bloomberg",
    "tass": "TASS", "the new york times": "The New York Times", "associated press": "Associated Press",
    "ap": "Associated Press", "kommersant": "Kommersant", "le monde": "Le Monde",
}  # fmt: skip


def lookup(name: str) -> Actor | None:
    bare = name.removeprefix("the ").removeprefix("The ")
    bare = ALIASES.get(bare, bare)
    return PEOPLE.get(bare) or PLACES.get(bare)


Row = tuple[str, str, set[tuple[str, str, str]]]
# (sentence, trigger, {(name, kind, stance)})
CASES: list[Row | Any] = [
    # according to
    (
        "Putin spoke with Trump on Sunday, according to the Financial Times.",
        "spoke",
        {("Financial Times", "outlet", "asserts")},
    ),
    (
        "The envoys met in Muscat, according to the FT.",
        "met",
        {("Financial Times", "outlet", "asserts")},
    ),
    (
        "According to Reuters, the two ministers met in secret.",
        "met",
        {("Reuters", "outlet", "asserts")},
    ),
    (
        "The call lasted an hour, according to Peskov.",
        "call",
        {("Dmitry Peskov", "official", "asserts")},
    ),
    (
        "According to the Kremlin, the leaders discussed grain exports.",
        "discussed",
        {("Kremlin", "institution", "asserts")},
    ),
    (
        "The convoy was attacked near the border, according to unnamed sources.",
        "attacked",
        {("unnamed sources", "anonymous", "asserts")},
    ),
    (
        "According to two officials familiar with the plans, the summit was delayed.",
        "delayed",
        {("two officials familiar with the plans", "anonymous", "asserts")},
    ),
    (
        "According to Russian officials, the drones struck a fuel depot.",
        "struck",
        {("Russian officials", "anonymous", "asserts")},
    ),
    (
        "According to Bloomberg and Reuters, the sanctions were lifted.",
        "lifted",
        {("Bloomberg", "outlet", "asserts"), ("Reuters", "outlet", "asserts")},
    ),
    (
        "According to analysts, the blockade has hurt exports.",
        "blockade",
        {("analysts", "expert", "asserts")},
    ),
    # X reported / said / told
    (
        "Bloomberg reported that the two presidents had spoken by phone.",
        "spoken",
        {("Bloomberg", "outlet", "asserts")},
    ),
    (
        "The Washington Post reported on Sunday that the envoy visited Minsk.",
        "visited",
        {("The Washington Post", "outlet", "asserts")},
    ),
    (
        "Peskov said the two leaders discussed the prisoner exchange.",
        "discussed",
        {("Dmitry Peskov", "official", "asserts")},
    ),
    (
        "Lavrov told reporters that he had met his Turkish counterpart.",
        "met",
        {("Sergey Lavrov", "official", "asserts")},
    ),
    (
        "Russia's Foreign Ministry said the ambassador had been summoned.",
        "summoned",
        {("Russia's Foreign Ministry", "institution", "asserts")},
    ),
    (
        "The State Department announced that the envoy would travel to Cairo.",
        "travel",
        {("State Department", "institution", "asserts")},
    ),
    (
        "Kremlin spokesman Dmitry Peskov said Putin would meet the Turkish leader.",
        "meet",
        {("Dmitry Peskov", "official", "asserts")},
    ),
    (
        "The Kremlin spokesman, Dmitry Peskov, said the talks were useful.",
        "talks",
        {("Dmitry Peskov", "official", "asserts")},
    ),
    ("Putin said he would meet Trump in Budapest.", "meet", {("Putin", "official", "asserts")}),
    (
        "Guterres wrote that the ceasefire had been violated.",
        "violated",
        {("Antonio Guterres", "official", "asserts")},
    ),
    (
        "Zakharova claimed that Western instructors were training the brigades.",
        "training",
        {("Maria Zakharova", "official", "asserts")},
    ),
    (
        "Officials said the navy had seized two tankers.",
        "seized",
        {("Officials", "anonymous", "asserts")},
    ),
    (
        "Western diplomats said the talks had stalled.",
        "talks",
        {("Western diplomats", "anonymous", "asserts")},
    ),
    (
        "A senior European official said the sanctions would be extended.",
        "extended",
        {("senior European official", "anonymous", "asserts")},
    ),
    (
        "Experts said the strikes had damaged the power grid.",
        "strikes",
        {("Experts", "expert", "asserts")},
    ),
    (
        "The Pentagon said the drill would start on Monday.",
        "drill",
        {("Pentagon", "institution", "asserts")},
    ),
    (
        "Chinese state media reported that Wang Yi met the Iranian minister.",
        "met",
        {("Chinese state media", "outlet", "asserts")},
    ),
    # quotations
    (
        '"The meeting was productive," Lavrov told reporters.',
        "meeting",
        {("Sergey Lavrov", "official", "asserts")},
    ),
    (
        '"We have agreed to resume talks," said Olaf Scholz.',
        "resume",
        {("Olaf Scholz", "official", "asserts")},
    ),
    ('"There was no call," said Dmitry Peskov.', "call", {("Dmitry Peskov", "official", "denies")}),
    (
        'Wang Yi said: "We will visit Moscow in the spring."',
        "visit",
        {("Wang Yi", "official", "asserts")},
    ),
    # as X reported
    (
        "Putin held talks with Erdogan, as Reuters reported on Monday.",
        "talks",
        {("Reuters", "outlet", "asserts")},
    ),
    (
        "The ministers met in Oslo, as first reported by Axios.",
        "met",
        {("Axios", "outlet", "asserts")},
    ),
    # citing and quoting
    (
        "Reuters, citing unnamed sources, reported that Iran had seized a tanker.",
        "seized",
        {("Reuters", "outlet", "asserts"), ("unnamed sources", "anonymous", "asserts")},
    ),
    (
        "A White House source quoted by Axios said the call lasted an hour.",
        "call",
        {("White House source", "anonymous", "asserts"), ("Axios", "outlet", "asserts")},
    ),
    # spaCy parses "Kommersant" as an adjective modifier, not as the subject
    (
        "Kommersant, citing a diplomatic source, said the visit was cancelled.",
        "visit",
        {("Kommersant", "outlet", "asserts"), ("diplomatic source", "anonymous", "asserts")},
    ),
    # spaCy parses "Axios" as an adverb; the relative clause confirms the trigger
    (
        "Axios first reported the call, which the White House later confirmed.",
        "call",
        {("Axios", "outlet", "asserts"), ("White House", "institution", "confirms")},
    ),
    (
        "Claims that the envoys met in Doha were denied by the Kremlin.",
        "met",
        {("Kremlin", "institution", "denies")},
    ),
    (
        "Ukraine and Russia swapped prisoners on Friday, the Ukrainian ombudsman said.",
        "swapped",
        {("Ukrainian ombudsman", "official", "asserts")},
    ),
    (
        "Turkish Foreign Minister Hakan Fidan said the talks were constructive.",
        "talks",
        {("Hakan Fidan", "official", "asserts")},
    ),
    (
        "Russian state news agency RIA Novosti reported that the talks had ended.",
        "talks",
        {("RIA Novosti", "outlet", "asserts")},
    ),
    (
        "The Post and Reuters both reported that the two leaders spoke last week.",
        "spoke",
        {("The Washington Post", "outlet", "asserts"), ("Reuters", "outlet", "asserts")},
    ),
    (
        "Trump said he would not attend the summit.",
        "attend",
        {("Trump", "official", "denies")},
    ),
    (
        "Diplomats told Reuters that the vote had been postponed.",
        "vote",
        {("Diplomats", "anonymous", "asserts"), ("Reuters", "outlet", "asserts")},
    ),
    # confirmations
    (
        "Russia's Foreign Ministry confirmed that Lavrov spoke with the Chinese minister.",
        "spoke",
        {("Russia's Foreign Ministry", "institution", "confirms")},
    ),
    (
        "The Elysee acknowledged that the president had called his Russian counterpart.",
        "called",
        {("Elysee", "institution", "confirms")},
    ),
    (
        "Peskov confirmed the call between the two leaders.",
        "call",
        {("Dmitry Peskov", "official", "confirms")},
    ),
    # denials
    (
        "The Kremlin denied reports that Putin had spoken with Trump.",
        "spoken",
        {("Kremlin", "institution", "denies")},
    ),
    (
        "Peskov dismissed reports of a phone call between the leaders.",
        "call",
        {("Dmitry Peskov", "official", "denies")},
    ),
    (
        "The Kremlin denied a report by the Washington Post that Putin had called Trump.",
        "called",
        {("Kremlin", "institution", "denies"), ("The Washington Post", "outlet", "asserts")},
    ),
    (
        "Zakharova rejected claims that Russian troops had shelled the plant.",
        "shelled",
        {("Maria Zakharova", "official", "denies")},
    ),
    (
        "Peskov said there had been no contacts between the two delegations.",
        "contacts",
        {("Dmitry Peskov", "official", "denies")},
    ),
    (
        "The ministry said reports of a secret meeting were false.",
        "meeting",
        {("ministry", "institution", "denies")},
    ),
    (
        "Iran denied that its drones had attacked the tanker.",
        "attacked",
        {("Iran", "institution", "denies")},
    ),
    (
        "Lavrov said the two ministers had not met since the spring.",
        "met",
        {("Sergey Lavrov", "official", "denies")},
    ),
    (
        "Peskov called reports of a phone call fiction.",
        "call",
        {("Dmitry Peskov", "official", "denies")},
    ),
    (
        "Downing Street denied the Post's report that the prime minister had called the Kremlin.",
        "called",
        {("Downing Street", "institution", "denies"), ("The Washington Post", "outlet", "asserts")},
    ),
    (
        "Putin spoke with Trump on Sunday, but the Kremlin later denied it.",
        "spoke",
        {("Kremlin", "institution", "denies")},
    ),
    (
        "The Post reported that the envoys had met, but the ministry denied it.",
        "met",
        {("The Washington Post", "outlet", "asserts"), ("ministry", "institution", "denies")},
    ),
    (
        "The envoys met in Doha, Reuters reported, but Iran denied the report.",
        "met",
        {("Reuters", "outlet", "asserts"), ("Iran", "institution", "denies")},
    ),
    (
        "Tehran denied reports by the Washington Post and Reuters that the envoys had met.",
        "met",
        {
            ("Tehran", "institution", "denies"),
            ("The Washington Post", "outlet", "asserts"),
            ("Reuters", "outlet", "asserts"),
        },
    ),
    (
        "The Kremlin denied a Washington Post report that the leaders had spoken.",
        "spoken",
        {("Kremlin", "institution", "denies"), ("The Washington Post", "outlet", "asserts")},
    ),
    (
        "Zakharova quickly dismissed the claims, flatly stating that no meeting took place.",
        "meeting",
        {("Maria Zakharova", "official", "denies")},
    ),
    (
        "The envoy left the hall early, saying that the talks had collapsed.",
        "talks",
        {("envoy", "official", "asserts")},
    ),
    (
        "Zakharova responded to reports that the two envoys had met in Oman.",
        "met",
        set(),
    ),
    (
        'As Lavrov remarked, "There are no firm plans for a visit."',
        "visit",
        {("Sergey Lavrov", "official", "denies")},
    ),
    (
        "According to Zakharova, rumours of a secret meeting are absurd.",
        "meeting",
        {("Maria Zakharova", "official", "denies")},
    ),
    (
        "The ministry on Friday, May 3, strongly denied reports that the general had joined talks with the rebels.",
        "talks",
        {("ministry", "institution", "denies")},
    ),
    (
        "The Times of Israel reported that the envoy had landed in Doha.",
        "landed",
        {("Times of Israel", "outlet", "asserts")},
    ),
    (
        "China's state security agency said foreign spies had recruited two engineers.",
        "recruited",
        {("China's state security agency", "institution", "asserts")},
    ),
    (
        "The Institute for the Study of War said the troops had advanced near the river.",
        "advanced",
        {("Institute for the Study of War", "institution", "asserts")},
    ),
    (
        "The spokesman for the Iranian foreign ministry, Esmaeil Baghaei, said the talks were useful.",
        "talks",
        {("Esmaeil Baghaei", "official", "asserts")},
    ),
    (
        "U.S. officials, speaking on condition of anonymity, said the strike hit a depot.",
        "strike",
        {("U.S. officials", "anonymous", "asserts")},
    ),
    ("Reuters could not independently verify the report that the envoys met.", "met", set()),
    ("The ministry did not confirm that the envoys had met.", "met", set()),
    ("Officials would neither confirm nor deny that the envoys had met.", "met", set()),
    (
        "Moscow said Kyiv's accusations that its troops had shelled the plant were absurd.",
        "shelled",
        {("Moscow", "institution", "denies"), ("Kyiv", "institution", "asserts")},
    ),
    # documents stand for their authors
    (
        "According to a Kremlin readout, the two presidents discussed the grain deal.",
        "discussed",
        {("Kremlin", "institution", "asserts")},
    ),
    (
        "According to a statement from the ministry, the envoy was expelled.",
        "expelled",
        {("ministry", "institution", "asserts")},
    ),
    (
        "A Pentagon statement said the strike killed two commanders.",
        "strike",
        {("Pentagon", "institution", "asserts")},
    ),
    (
        "The Post's report said the two leaders spoke twice.",
        "spoke",
        {("The Washington Post", "outlet", "asserts")},
    ),
    (
        "Both the Kremlin and the White House confirmed the call.",
        "call",
        {("Kremlin", "institution", "confirms"), ("White House", "institution", "confirms")},
    ),
    (
        "The call was confirmed by both governments.",
        "call",
        {("governments", "institution", "confirms")},
    ),
    # sentence-level sources when none governs the trigger
    (
        "Lavrov spoke with his Chinese counterpart, and the ministry confirmed the call.",
        "spoke",
        {("ministry", "institution", "confirms")},
    ),
    # agents of descriptions
    (
        "The strike was described by Reuters as the largest of the war.",
        "strike",
        {("Reuters", "outlet", "asserts")},
    ),
    ("The talks were reported by TASS on Friday.", "talks", {("TASS", "outlet", "asserts")}),
    # no source
    ("The two presidents met in Geneva on Tuesday.", "met", set()),
    ("Turkey closed its airspace to military flights.", "closed", set()),
    ("The army shelled the village overnight.", "shelled", set()),
    ("He said the talks had gone well.", "talks", set()),
    ("Moscow refused to meet the American envoy.", "meet", set()),
    ("The government rejected calls to negotiate with the rebels.", "negotiate", set()),
]

# (previous sentences, sentence, trigger, expected)
PARAGRAPH_CASES: list[tuple[list[str], str, str, set[tuple[str, str, str]]]] = [
    (["The Financial Times first reported the plan on Monday."],
     "Sources told the newspaper that the leaders had spoken twice.", "spoken",
     {("Sources", "anonymous", "asserts"), ("Financial Times", "outlet", "asserts")}),
    (["Reuters published the story late on Friday.", "The Kremlin did not comment."],
     "The agency said the envoy had left Tehran.", "left", {("Reuters", "outlet", "asserts")}),
    (["Bloomberg and then the Washington Post ran the story."],
     "According to the paper, the talks began in June.", "talks",
     {("The Washington Post", "outlet", "asserts")}),
    (["TASS quoted the minister at length."],
     "The strike was described by the agency as a warning.", "strike", {("TASS", "outlet", "asserts")}),
    ([], "The newspaper said the talks had stalled.", "talks", set()),
    (["Officials spoke to AP."], "Two diplomats told the agency that the meeting had been moved.", "meeting",
     {("Two diplomats", "anonymous", "asserts"), ("Associated Press", "outlet", "asserts")}),
]  # fmt: skip


def _triples(found: list[Attribution]) -> set[tuple[str, str, str]]:
    return {(a.name, a.kind, a.stance) for a in found}


@pytest.mark.parametrize(("text", "word", "expected"), CASES)
def test_read_attribution(
    token_of: Finder, text: str, word: str, expected: set[tuple[str, str, str]]
) -> None:
    found = read_attribution(token_of(text, word), lookup, outlets=OUTLETS)
    assert _triples(found) == expected


@pytest.mark.parametrize(("previous", "text", "word", "expected"), PARAGRAPH_CASES)
def test_outlet_from_paragraph(
    token_of: Finder, previous: list[str], text: str, word: str, expected: set[tuple[str, str, str]]
) -> None:
    found = read_attribution(token_of(text, word), lookup, previous=previous, outlets=OUTLETS)
    assert _triples(found) == expected


HEDGE_CASES = [
    ("According to unnamed sources, the envoy left Kabul.", "left", {"unnamed sources": True}),
    ("Zakharova claimed that the drones were launched from the sea.", "launched",
     {"Maria Zakharova": True}),
    ("Peskov said that the leaders had spoken.", "spoken", {"Dmitry Peskov": False}),
    ("Reuters, citing two sources, reported that the vote was delayed.", "delayed",
     {"Reuters": False, "two sources": True}),
    ("Iran alleged that the strike was carried out by Israeli jets.", "strike", {"Iran": True}),
]  # fmt: skip


@pytest.mark.parametrize(("text", "word", "hedges"), HEDGE_CASES)
def test_hedged_per_source(token_of: Finder, text: str, word: str, hedges: dict[str, bool]) -> None:
    found = read_attribution(token_of(text, word), lookup, outlets=OUTLETS)
    assert {a.name: a.hedged for a in found} == hedges


def test_countries_of_sources(token_of: Finder) -> None:
    text = "A White House source and Peskov both said the call lasted an hour."
    found = read_attribution(token_of(text, "call"), lookup, outlets=OUTLETS)
    assert {a.name: a.country for a in found} == {
        "White House source": "USA",
        "Dmitry Peskov": "RUS",
    }


@pytest.mark.parametrize(
    ("stances", "status", "expected"),
    [
        (("asserts", "denies"), "occurred", "disputed"),
        (("confirms", "denies"), "denied", "disputed"),
        (("denies",), "denied", "denied"),
        (("asserts", "confirms"), "planned", "planned"),
        ((), "negated", "negated"),
    ],
)
def test_status_with_sources(stances: tuple[Stance, ...], status: str, expected: str) -> None:
    sources = [Attribution(f"source {i}", "outlet", s) for i, s in enumerate(stances)]
    assert at.status_with_sources(status, sources) == expected


def test_each_source_once(token_of: Finder) -> None:
    text = "Reuters reported, citing Reuters sources, that Reuters staff saw the strike."
    found = read_attribution(token_of(text, "strike"), lookup, outlets=OUTLETS)
    assert [a.name for a in found].count("Reuters") == 1


def test_default_outlets_are_used_without_a_mapping(token_of: Finder) -> None:
    found = read_attribution(
        token_of("Reuters reported that the talks collapsed.", "talks"), lookup
    )
    assert [(a.name, a.kind) for a in found] == [("Reuters", "outlet")]


def test_read_attribution_is_fast(token_of: Finder) -> None:
    text = "Reuters, citing unnamed sources, reported that the Kremlin denied the talks."
    token = token_of(text, "talks")
    read_attribution(token, lookup, outlets=OUTLETS)
    start = time.perf_counter()
    for _ in range(200):
        read_attribution(token, lookup, outlets=OUTLETS)
    assert (time.perf_counter() - start) / 200 < 0.001
