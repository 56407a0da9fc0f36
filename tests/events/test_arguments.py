"""Who did what to whom from every common shape (sentences written for these tests)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from readout.model import Event

Read = Callable[..., list[Event]]


def _triples(events: list[Event]) -> set[tuple[str, str | None, str | None]]:
    return {
        (e.type, e.source.country if e.source else None, e.target.country if e.target else None)
        for e in events
    }


# text, an event that must be read, events that must not
CASES = [
    # the target inside the object: "the brutality of X", "imports from X"
    ("Ghana condemned the brutality of the Malian junta.", ("ACCUSE", "GHA", "MLI"), []),
    ("Senegal banned the import of poultry from Brazil.", ("COERCE", "SEN", "BRA"), []),
    # a head that only measures the event word: "a tariff increase on X"
    ("Mexico approved a tariff increase on Vietnamese steel.", ("SANCTION", "MEX", "VNM"), []),
    # duties on goods going into a country: that country imposes them
    (
        "The decision in Chile came after tariff hikes on Argentine wine imports to Brazil.",
        ("SANCTION", "BRA", "ARG"),
        [("SANCTION", "ARG", "BRA"), ("SANCTION", "CHL", "BRA")],
    ),
    # a designation as terrorists is a sanction on the one designated
    ("Argentina designated Hamas as a terrorist organization.", ("SANCTION", "ARG", "PSE"), []),
    ("Paraguay has declared the Houthis a terrorist group.", ("SANCTION", "PRY", "YEM"), []),
    ("Peru designated a new ambassador to Chile.", None, [("SANCTION", "PER", "CHL")]),
    # the means of a response is done by the one responding; "X's tiny air force" is X's
    (
        "Chad responded to the raid by destroying Sudan's small air force.",
        ("ASSAULT", "TCD", "SDN"),
        [("ASSAULT", "TCD", "TCD")],
    ),
    # "X is among the countries that did Y": the members named did it
    (
        "Chile and Peru are among the countries that have imposed sanctions on Iran.",
        ("SANCTION", "PER", "IRN"),
        [],
    ),
    # the act someone stands accused of is theirs; the accused accuse no one
    (
        "Two Malian soldiers and a Chadian pilot stand accused of the bombing of the Swiss embassy.",
        ("ASSAULT", "MLI", "CHE"),
        [("ACCUSE", "TCD", "MLI"), ("ACCUSE", "MLI", "TCD")],
    ),
    # "calling on authorities at home and in Europe": the party named
    (
        "Farmers in Ghana are calling on authorities at home and in Europe to lift the curbs.",
        ("REQUEST", "GHA", "EUR"),
        [],
    ),
    # lobbying someone to act is asking them
    ("Japanese envoys lobbied Brazil to drop the duties.", ("REQUEST", "JPN", "BRA"), []),
    # legal action is coercion
    ("A Turkish court convicted a Greek journalist.", ("COERCE", "TUR", "GRC"), []),
    # the complement clause: "refused to attend a summit hosted by X"
    ("Chile refused to attend a summit hosted by Peru.", ("REJECT", "CHL", "PER"), []),
    # the verb's own object first, not the actors inside a later phrase
    (
        "Japan warned Seoul against further escalation of the Taiwan dispute.",
        ("THREATEN", "JPN", "KOR"),
        [("THREATEN", "JPN", "TWN")],
    ),
    # coordinated places inside the object, named before unnamed officials
    (
        "The Egyptian envoy met with officials in Jordan and Iraq on Sunday.",
        ("CONSULT", "EGY", "IRQ"),
        [],
    ),
    # the clause or phrase an event word sits in names its doer
    ("Canada's position on supporting Ukraine has not changed.", ("SUPPORT", "CAN", "UKR"), []),
    # the object of talks is their topic, not a party
    ("Norway offered to negotiate an end to the Sudan war.", None, [("CONSULT", "NOR", "SDN")]),
    # hosting talks between two others: the talks are theirs
    (
        "Qatar offered to host talks between Armenia and Azerbaijan.",
        ("CONSULT", "ARM", "AZE"),
        [("CONSULT", "QAT", "ARM"), ("CONSULT", "QAT", "AZE")],
    ),
    # the act inside a refusal is not a second event
    (
        "Hungary's refusal to send weapons to Ukraine angered Poland.",
        ("REJECT", "HUN", "UKR"),
        [("AID", "HUN", "UKR")],
    ),
    # a statement that another must act is a request
    (
        "A Brazilian government spokesperson said on Monday that Venezuela must release the detainees.",
        ("REQUEST", "BRA", "VEN"),
        [],
    ),
    # "on the sidelines of" places the meeting; it names no party
    (
        "Lula met Modi on the sidelines of the G20 summit.",
        ("CONSULT", "BRA", "IND"),
        [("CONSULT", "BRA", "G20")],
    ),
    # a party's name that contains an institution's word is not that institution
    (
        "Protesters demanded that the National Congress Party be dissolved in Sudan.",
        None,
        [("REQUEST", "SDN", "USA")],
    ),
]


@pytest.mark.parametrize(("text", "want", "unwanted"), CASES)
def test_sides_are_read_from_the_sentence(
    read_events: Read,
    text: str,
    want: tuple[str, str, str] | None,
    unwanted: list[tuple[str, str, str]],
) -> None:
    got = _triples(read_events(text))
    if want is not None:
        flipped = (want[0], want[2], want[1])
        assert want in got or (want[0] in ("CONSULT", "AGREE") and flipped in got), got
    for bad in unwanted:
        assert bad not in got, got


ARTICLES = [
    # an unnamed target in a story about one country is one of its people
    (
        "Police in Ghana arrested a journalist in Accra on Monday. He was released later.",
        ("COERCE", "GHA", "GHA"),
    ),
    # an arrest with no one named as arresting: the state did it
    (
        "Two activists were arrested in Tunisia on Friday, their lawyer said.",
        ("COERCE", "TUN", "TUN"),
    ),
    # "rejected the request": whoever asked
    (
        "Mali asked Algeria for help with fuel supplies. Algeria rejected the request on Tuesday.",
        ("REJECT", "DZA", "MLI"),
    ),
    # restrictions a state imposes at home bind its own people
    (
        "In Lagos, the Nigerian government imposed restrictions on street markets on Monday.",
        ("COERCE", "NGA", "NGA"),
    ),
    # "the court's president, Judge X": the court named before is theirs
    (
        "Chile refused to attend a hearing by the United Nations' highest court."
        " The court's president, Judge Ana Ruiz, rejected Chile's request on Monday.",
        ("REJECT", "UN", "CHL"),
    ),
    # a people's protest at no one named is at its own government
    ("Thousands of Bolivians protested over fuel prices on Sunday.", ("PROTEST", "BOL", "BOL")),
]


def test_a_state_protest_needs_its_target_named(read_events: Read) -> None:
    got = _triples(read_events("The Ecuadorian government protested on Monday."))
    assert ("PROTEST", "ECU", "ECU") not in got, got


@pytest.mark.parametrize(("text", "want"), ARTICLES)
def test_sides_are_completed_from_the_article(
    read_events: Read, text: str, want: tuple[str, str, str]
) -> None:
    assert want in _triples(read_events(text))


def test_a_framing_event_lends_its_date(read_events: Read) -> None:
    text = (
        "Kenya's president met Uganda's president in Nairobi on Monday. "
        "During the meeting, Kenya urged Uganda to reopen the border."
    )
    requests = [e for e in read_events(text, dt.date(2025, 3, 14)) if e.type == "REQUEST"]
    assert [e.date.start if e.date else None for e in requests] == [dt.date(2025, 3, 10)]


def test_armed_groups_carry_their_country(read_events: Read) -> None:
    events = read_events("The Taliban detained a British couple in Kabul on Sunday.")
    assert ("COERCE", "AFG", "GBR") in _triples(events)


@pytest.mark.parametrize(
    ("text", "want", "unwanted"),
    [
        # coordinated authors of a proposal, its addressee on the participle
        (
            "Brazil welcomed a French and German proposal made on Monday for the African Union to mediate.",
            ("REQUEST", "FRA", "AU"),
            [("REQUEST", "FRA", "DEU")],
        ),
        # "X said he ...": he is X, even when readout does not know X
        (
            "Vance met Macron on Monday. Okonkwo, a Nigerian trader, said he would meet Macron too.",
            None,
            [("CONSULT", "USA", "FRA"), ("CONSULT", "FRA", "USA")],
        ),
    ],
)
def test_more_shapes(
    read_events: Read,
    text: str,
    want: tuple[str, str, str] | None,
    unwanted: list[tuple[str, str, str]],
) -> None:
    got = [
        (e.type, e.source.country if e.source else None, e.target.country if e.target else None)
        for e in read_events(text)
        if "would meet" in e.evidence[0].sentence or want is not None
    ]
    if want is not None:
        assert want in got, got
    for bad in unwanted:
        assert bad not in got, got


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # denying a request or a charge is rejecting it (CAMEO's DENY patterns)
        ("Peru asked Chile for a loan. Chile denied the request.", ("REJECT", "CHL", "PER")),
        (
            "Lithuania accused Belarus of smuggling. Minsk dismissed the accusations on Friday.",
            ("REJECT", "BLR", "LTU"),
        ),
        # what a speaker calls another's act
        ("Japan called the Chinese drills provocative.", ("ACCUSE", "JPN", "CHN")),
        ("Cuba described the U.S. embargo as a crime.", ("ACCUSE", "CUB", "USA")),
        (
            "Egypt accused Ethiopia of delays. Addis Ababa called the allegations baseless.",
            ("REJECT", "ETH", "EGY"),
        ),
    ],
)
def test_answers_and_judgements(read_events: Read, text: str, want: tuple[str, str, str]) -> None:
    assert want in _triples(read_events(text))


def test_in_charge_of_is_no_charge(read_events: Read) -> None:
    got = _triples(
        read_events("The Kenyan envoy met officials in charge of trade in Uganda and Rwanda.")
    )
    assert ("CONSULT", "KEN", "RWA") in got or ("CONSULT", "RWA", "KEN") in got


@pytest.mark.parametrize(
    ("text", "event_type", "day"),
    [
        # a coordinated verb shares its partner's time
        (
            "The Omani minister visited Iran in late September and met officials in Qatar.",
            "CONSULT",
            dt.date(2024, 9, 25),
        ),
        # an announced cut happens when announced
        (
            "In December, Somalia announced it was cutting ties with Kenya.",
            "SANCTION",
            dt.date(2024, 12, 1),
        ),
        # a sentence that opens in the scene just dated happened then
        (
            "Iran and Oman held talks in Muscat in February. There, Iran urged Oman to mediate.",
            "REQUEST",
            dt.date(2025, 2, 1),
        ),
        # a set-off participle shares the time of the clause it opens
        (
            "Speaking to reporters in Nairobi on Tuesday, the Dutch minister praised Kenya.",
            "SUPPORT",
            dt.date(2025, 3, 11),
        ),
        # an event framed by another ("at the summit held in May") shares its time
        (
            "Peru accused Chile of obstruction at the summit held in February.",
            "ACCUSE",
            dt.date(2025, 2, 10),
        ),
    ],
)
def test_dates_from_the_clause_or_scene_around(
    read_events: Read, text: str, event_type: str, day: dt.date
) -> None:
    dated = [e for e in read_events(text, dt.date(2025, 3, 14)) if e.type == event_type]
    assert (
        dated and dated[-1].date is not None and dated[-1].date.start <= day <= dated[-1].date.end
    ), dated


def test_a_sanction_stands_with_its_doer_alone(read_events: Read) -> None:
    got = _triples(read_events("The Dutch government imposed new export restrictions on Monday."))
    assert ("SANCTION", "NLD", None) in got, got
    # in a story about another country, still a sanction
    got = _triples(
        read_events("In Gaborone, officials said Britain imposed restrictions on Monday.")
    )
    assert any(t[:2] == ("SANCTION", "GBR") for t in got), got
    # a cut or a suspension needs the partner it is made to
    got = _triples(read_events("Peru suspended its participation in the treaty on Monday."))
    assert not any(t[2] is None for t in got), got


def test_a_denial_of_allegations_stands_without_their_author(read_events: Read) -> None:
    got = _triples(read_events("Caracas has called the corruption allegations baseless."))
    assert ("REJECT", "VEN", None) in got, got
    # a refusal of something asked still needs whoever asked
    got = _triples(read_events("Caracas rejected the request on Monday."))
    assert ("REJECT", "VEN", None) not in got, got


def test_a_bare_refusal_answers_the_proposal_before_it(read_events: Read) -> None:
    events = read_events(
        "The Chinese side proposed a minimum price, but the European side refused."
    )
    refusals = [e for e in events if e.type == "REJECT"]
    assert [(e.source.country, e.target.country) for e in refusals if e.source and e.target] == [
        ("EU", "CHN")
    ], refusals
    # its own clause: the proposal's mood does not make the refusal hypothetical
    assert refusals[0].status == "occurred"


def test_a_side_is_a_party_only_with_its_country_named(read_events: Read) -> None:
    events = read_events("Both sides met in Geneva on Monday, and the other side left early.")
    assert events == [], events


def test_a_plan_dated_by_its_statement_is_dated_in_the_past(read_events: Read) -> None:
    text = (
        "Spain's prime minister said in early September that he would urge"
        " the European Commission to reconsider the duties."
    )
    requests = [e for e in read_events(text, dt.date(2024, 10, 3)) if e.type == "REQUEST"]
    assert requests and requests[0].status == "planned", requests
    assert requests[0].date is not None and requests[0].date.start == dt.date(2024, 9, 1)


def test_speaking_to_reporters_is_no_meeting(read_events: Read) -> None:
    got = _triples(
        read_events("Speaking to reporters in Nairobi, the Dutch minister praised Kenya.")
    )
    assert not any(t[0] == "CONSULT" for t in got), got


@pytest.mark.parametrize(
    "text",
    [
        "Kenya asked Somalia whether the talks would resume.",
        "Kenya asked Somalia about the talks.",
        "What did Somalia gain, the Kenyan minister asked.",
    ],
)
def test_asking_a_question_is_no_request(read_events: Read, text: str) -> None:
    assert not any(e.type == "REQUEST" for e in read_events(text)), text


def test_asking_someone_to_act_is_a_request(read_events: Read) -> None:
    for text in ("Kenya asked Somalia to resume the talks.", "Kenya asked Somalia for help."):
        assert ("REQUEST", "KEN", "SOM") in _triples(read_events(text)), text
