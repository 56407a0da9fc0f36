"""Status and hedging of an event, read from its trigger in one parsed sentence."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest
from spacy.tokens import Token

from readout.context import status as st
from readout.context.status import StatusReading, read_status

Finder = Callable[[str, str], Token]

# (sentence, trigger, status, hedged)
CASES: list[tuple[str, str, str, bool]] = [
    # occurred: past and perfect statements
    ("The two foreign ministers met in Vienna on Tuesday.", "met", "occurred", False),
    ("Brazil has imposed new tariffs on steel imports.", "imposed", "occurred", False),
    ("The prime minister visited the flooded provinces last week.", "visited", "occurred", False),
    ("Seoul and Tokyo held talks on fishing rights.", "talks", "occurred", False),
    ("The envoy's visit to Nairobi ended without a statement.", "visit", "occurred", False),
    (
        "Warsaw summoned the Belarusian ambassador over the border incident.",
        "summoned",
        "occurred",
        False,
    ),
    # planned
    ("The chancellor will meet the Polish president in Berlin.", "meet", "planned", False),
    ("Egypt's foreign minister is expected to visit Ankara next month.", "visit", "planned", False),
    ("The two sides plan to resume negotiations in the spring.", "resume", "planned", False),
    ("Talks are scheduled for March 3 in Oslo.", "Talks", "planned", False),
    ("The upcoming summit in Lima will focus on trade.", "summit", "planned", False),
    ("Officials are preparing for the planned summit in Jakarta.", "summit", "planned", False),
    ("The ministers agreed to meet again in September.", "meet", "planned", False),
    ("India's defence minister is set to visit Canberra in May.", "visit", "planned", False),
    ("The president is due to address parliament on Friday.", "address", "planned", False),
    ("The delegation is going to visit the border crossing.", "visit", "planned", False),
    ("Lagos intends to sign the accord before the end of the year.", "sign", "planned", False),
    ("The governor said he would meet the protest leaders.", "meet", "planned", False),
    ("We'll hold a second round of consultations, the diplomat said.", "hold", "planned", False),
    (
        "The proposed talks between the rival factions could start soon.",
        "talks",
        "hypothetical",
        False,
    ),
    ("The king is to visit Morocco on Thursday.", "visit", "planned", False),
    # postponed
    ("The summit has been postponed until next year.", "summit", "postponed", False),
    ("Mexico postponed the signing of the water treaty.", "signing", "postponed", False),
    ("The vote was delayed by two weeks.", "vote", "postponed", False),
    ("Organisers put off the conference because of the storm.", "conference", "postponed", False),
    ("The postponed summit may take place in the autumn.", "summit", "postponed", False),
    ("The ministry pushed back the talks to late June.", "talks", "postponed", False),
    # cancelled
    ("The planned summit was called off on Tuesday.", "summit", "cancelled", False),
    ("Canberra cancelled the minister's visit to Beijing.", "visit", "cancelled", False),
    ("The government scrapped plans to build the pipeline.", "build", "cancelled", False),
    ("The cancellation of the joint exercises angered Seoul.", "exercises", "cancelled", False),
    (
        "Both delegations abandoned the negotiations after a week.",
        "negotiations",
        "cancelled",
        False,
    ),
    # negated
    ("The two presidents did not meet in Geneva last week.", "meet", "negated", False),
    (
        "There was no conversation between the two leaders, the spokesman said.",
        "conversation",
        "negated",
        False,
    ),
    ("Moscow has no plans to meet Ukrainian officials.", "meet", "negated", False),
    ("Iran refused to meet the American envoy.", "meet", "negated", False),
    ("The minister left without meeting his counterpart.", "meeting", "negated", False),
    ("The general never visited the front line.", "visited", "negated", False),
    ("Hungary won't block the sanctions package.", "block", "negated", False),
    ("The rebels declined to sign the ceasefire.", "sign", "negated", False),
    ("The cabinet ruled out talks with the militants.", "talks", "negated", False),
    ("Officials said the leaders had not spoken since March.", "spoken", "negated", True),
    # hypothetical
    ("The leaders could meet as early as next week.", "meet", "hypothetical", False),
    (
        "The two leaders would have met in Vienna if the talks had not collapsed.",
        "met",
        "hypothetical",
        False,
    ),
    ("If Washington imposes sanctions, Moscow would retaliate.", "imposes", "hypothetical", False),
    ("Diplomats are weighing a possible summit in Vienna.", "summit", "hypothetical", False),
    (
        "The government is considering new sanctions on the regime.",
        "sanctions",
        "hypothetical",
        False,
    ),
    ("Any attack on the convoy would be a grave mistake.", "attack", "hypothetical", False),
    (
        "The opposition urged the government to negotiate with the strikers.",
        "negotiate",
        "hypothetical",
        False,
    ),
    ("Kenya might send troops to the region.", "send", "hypothetical", False),
    ("The premier is ready to meet the rebel commander.", "meet", "hypothetical", False),
    ("Ankara threatened to expel the ambassador.", "expel", "hypothetical", False),
    ("The union called for talks with the ministry.", "talks", "hypothetical", False),
    ("A potential visit by the pope is under discussion.", "visit", "hypothetical", False),
    (
        "Unless Belgrade withdraws its troops, the alliance will act.",
        "withdraws",
        "hypothetical",
        False,
    ),
    # denied
    ("The Kremlin denied reports that Putin had spoken with Trump.", "spoken", "denied", False),
    ("Officials dismissed reports of talks between the two sides.", "talks", "denied", False),
    ("The ministry called the report of a phone call false.", "call", "denied", False),
    ("The ambassador denied that he had met the opposition leader.", "met", "denied", False),
    (
        "The embassy rejected claims that its staff had visited the camp.",
        "visited",
        "denied",
        False,
    ),
    ("A spokesman said reports of a secret meeting were untrue.", "meeting", "denied", False),
    ("The army denied any involvement in the attack on the village.", "attack", "denied", False),
    # ongoing
    ("Russia continues to pump weapons into the region.", "pump", "ongoing", False),
    ("The two sides are conducting talks in Doha.", "conducting", "ongoing", False),
    ("The ongoing negotiations in Cairo have stalled twice.", "negotiations", "ongoing", False),
    ("Rebel forces keep shelling the outskirts of the city.", "shelling", "ongoing", False),
    ("The navy is blockading the port.", "blockading", "ongoing", False),
    # hedged
    ("The envoy reportedly met the rebel leaders in secret.", "met", "occurred", True),
    ("The militia allegedly attacked the convoy near the border.", "attacked", "occurred", True),
    ("The alleged strike on the depot killed three people.", "strike", "occurred", True),
    ("The Pentagon is said to be weighing new strikes.", "strikes", "hypothetical", True),
    ("The two ministers apparently spoke by phone on Monday.", "spoke", "occurred", True),
    ("Sources say the president met the envoy on Friday.", "met", "occurred", True),
    ("The talks will likely resume next week.", "resume", "planned", True),
    (
        "The summit was postponed, according to two officials familiar with the plans.",
        "summit",
        "postponed",
        True,
    ),
    # more constructions
    ("A planned visit by the premier has been put on hold.", "visit", "postponed", False),
    (
        "Reports that the minister had resigned were denied by his office.",
        "resigned",
        "denied",
        False,
    ),
    ("Talks between the two sides are continuing in Geneva.", "Talks", "ongoing", False),
    ("Iran has no intention of negotiating with Washington.", "negotiating", "negated", False),
    ("The minister is not expected to attend the summit.", "attend", "negated", False),
    ("The leaders may meet on the sidelines of the forum.", "meet", "hypothetical", False),
    (
        "The talks, which had been due to start on Monday, were delayed.",
        "talks",
        "postponed",
        False,
    ),
    ("The president flew to Jakarta after the talks ended.", "flew", "occurred", False),
    ("After the ministers met, they will brief the press.", "met", "occurred", False),
    ("Sanctions imposed on the regime in 2019 remain in force.", "imposed", "occurred", False),
    ("The council on Monday agreed a new round of sanctions.", "sanctions", "occurred", False),
    ("Paris is pressing the junta to release the detainees.", "release", "hypothetical", False),
    ("The minister did not attend the summit in Cairo.", "summit", "occurred", False),
    ("No talks took place over the weekend.", "talks", "negated", False),
    ("The two sides did not hold talks in August.", "talks", "negated", False),
    ("The call never happened, the palace said.", "call", "negated", False),
    ("The spokesman said a date for the summit had not been set.", "summit", "occurred", False),
    ("The talks failed after two days.", "talks", "occurred", False),
    ("The envoys failed to meet before the deadline.", "meet", "negated", False),
    (
        "According to the minister, rumours of a secret meeting are absurd.",
        "meeting",
        "denied",
        False,
    ),
    ("The ceasefire is due to take effect at noon.", "ceasefire", "planned", False),
    ("The summit is likely to take place in May.", "summit", "planned", True),
    ("The truce is set to expire on Friday.", "truce", "occurred", False),
    ("The referendum is unlikely to go ahead this year.", "referendum", "hypothetical", True),
    ("Asked about the call, the spokesman declined to comment.", "call", "occurred", False),
    ("The president asked parliament to approve the treaty.", "approve", "hypothetical", False),
    (
        "The talks went well, the envoy said, adding that a new round would follow.",
        "round",
        "planned",
        False,
    ),
    ("Officials would neither confirm nor deny that the envoys had met.", "met", "occurred", True),
    # priority between cues
    ("The White House did not postpone the summit.", "summit", "occurred", False),
    ("The two leaders will not meet this year.", "meet", "negated", False),
    ("The cancelled summit would have been the first in a decade.", "summit", "cancelled", False),
    ("The Kremlin did not deny that the envoys had met.", "met", "occurred", False),
    ("Ottawa has not ruled out sending more troops.", "sending", "hypothetical", False),
    ("The rebels did not refuse to negotiate.", "negotiate", "hypothetical", False),
]


@pytest.mark.parametrize(("text", "word", "status", "hedged"), CASES)
def test_read_status(token_of: Finder, text: str, word: str, status: str, hedged: bool) -> None:
    reading = read_status(token_of(text, word))
    assert (reading.status, reading.hedged) == (status, hedged), reading


def test_default_reading_has_no_cue(token_of: Finder) -> None:
    assert read_status(token_of("The ministers met in Rome.", "met")) == StatusReading(
        "occurred", False, ""
    )


def test_cue_names_the_deciding_word(token_of: Finder) -> None:
    assert read_status(token_of("The summit was called off.", "summit")).cue == "called"


def test_denial_context(token_of: Finder) -> None:
    assert st.is_denial_context(token_of("Tehran denied that the talks took place.", "talks"))
    assert not st.is_denial_context(token_of("Tehran said that the talks took place.", "talks"))


def test_every_status_in_the_priority_is_a_model_status() -> None:
    from readout.model import STATUSES

    assert set(st.PRIORITY) <= set(STATUSES)


def test_read_status_is_fast(token_of: Finder) -> None:
    token = token_of(
        "The ministers said they would not postpone the planned talks in Geneva.", "talks"
    )
    read_status(token)
    start = time.perf_counter()
    for _ in range(200):
        read_status(token)
    assert (time.perf_counter() - start) / 200 < 0.001


def test_no_plans_for_them_to_meet_is_negated(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("There are no firm plans for the two presidents to meet this year.")
    meet = next(t for t in doc if t.lemma_ == "meet")
    assert read_status(meet).status == "negated"
