import pytest

from readout.limits import MAX_SENTENCE_CHARS
from readout.nlp.sentences import split_sentences


def test_offsets_point_into_the_text() -> None:
    text = "Mr. Smith met the U.S. envoy. Talks ended.\n\nA new paragraph starts here."
    sentences = split_sentences(text)
    for s in sentences:
        assert text[s.start : s.end] == s.text
    assert [s.text for s in sentences] == [
        "Mr. Smith met the U.S. envoy.",
        "Talks ended.",
        "A new paragraph starts here.",
    ]
    assert [s.paragraph for s in sentences] == [0, 0, 1]


def test_abbreviations_and_initials_do_not_split() -> None:
    text = "Gen. Ortiz spoke with U.N. officials on Oct. 4 in Geneva. They agreed."
    assert len(split_sentences(text)) == 2


def test_acronym_can_end_a_sentence_before_a_common_opener() -> None:
    text = "The sanctions were imposed by the U.S. The move angered Beijing."
    assert len(split_sentences(text)) == 2


def test_quotes_and_question_marks() -> None:
    text = '"We will not yield," she said. Will they meet? "Yes," he replied.'
    assert len(split_sentences(text)) == 3


def test_empty_text_has_no_sentences() -> None:
    assert split_sentences("   \n\n ") == []


@pytest.mark.parametrize(
    "unit",
    [
        "Russia and Ukraine held talks in Geneva, and ",
        "Gen. Smith met Col. Jones and ",
        "A. B. C. ",
        "x" * 50,
    ],
    ids=["clauses", "abbreviations", "initials", "no-spaces"],
)
def test_very_long_sentences_are_cut_into_bounded_pieces(unit: str) -> None:
    """A 100,000-character 'sentence' (a table or list run together) costs linear time."""
    text = "Intro sentence here. " + (unit * (100_000 // len(unit) + 1))[:100_000] + "."
    sentences = split_sentences(text)
    assert max(len(s.text) for s in sentences) <= MAX_SENTENCE_CHARS
    for s in sentences:
        assert text[s.start : s.end] == s.text
    kept = "".join(s.text for s in sentences).replace(" ", "")
    assert kept == text.replace(" ", "")  # nothing lost at the cuts


def test_a_long_sentence_is_cut_after_a_clause_mark() -> None:
    clause = "the envoys met in Geneva on Monday and discussed the border in detail; "
    pieces = split_sentences(clause * 40)
    assert all(p.text.endswith(";") for p in pieces[:-1])
