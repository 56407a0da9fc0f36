"""clean_text drops page furniture but keeps every paragraph and subheading of the article."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import pytest

from readout.ingest.clean import clean_text

# A constructed article body used by several tests below.
BODY = (
    "Moldova and Romania signed an energy agreement on Tuesday to link their power grids "
    "more closely, the two prime ministers said in Chisinau.\n\n"
    "The deal will add a second high-voltage line by 2027, officials said. Critics in "
    "parliament called the timetable unrealistic."
)


def test_fixture_article_is_cleaned(fixtures: Path) -> None:
    result = clean_text((fixtures / "article.txt").read_text(encoding="utf-8"))
    assert result.published == dt.date(2025, 2, 14)
    assert result.title == "Finland and Estonia Agree to Joint Patrols in the Gulf of Finland"
    assert result.text.startswith(result.title)  # the title stays in the text
    for kept in (
        "Finland and Estonia agreed on Thursday",
        "\nCable damage\n",  # a subheading between paragraphs
        "Russia's embassy in Helsinki called the patrols a provocation",
        "This is a constructed example",
    ):
        assert kept in result.text
    for gone in (
        "Published:",
        "By Maria Lind",
        "Photo:",
        "Share this article",
        "Reporting by",
        "Related",
        "Nordic Ministers Meet",
        "Estonia Expels Diplomat",
    ):
        assert gone not in result.text
        assert any(line.startswith(gone) for line in result.dropped)


def test_headline_list_at_the_end_without_marker(fixtures: Path) -> None:
    result = clean_text((fixtures / "headlines_at_end.txt").read_text(encoding="utf-8"))
    assert result.text.endswith("This is a constructed example written for the readout tests.")
    assert len(result.dropped) == 10
    assert result.title == "Ministers Pledge Aid After Floods in the Danube Valley"


@pytest.mark.parametrize(
    ("top", "date"),
    [
        ("date 2025-10-31 World Politics Society Opinion Science Sport", dt.date(2025, 10, 31)),
        ("Published: 12 March 2024", dt.date(2024, 3, 12)),
        ("Updated 10:32 GMT, March 3, 2025", dt.date(2025, 3, 3)),
        ("March 3, 2025", dt.date(2025, 3, 3)),
    ],
)
def test_date_line_at_the_top(top: str, date: dt.date) -> None:
    result = clean_text(f"{top}\n{BODY}")
    assert result.published == date
    assert result.text == BODY
    assert result.dropped == (top,)


def test_only_the_first_date_line_counts() -> None:
    result = clean_text(f"Published 2 May 2024\nUpdated 4 May 2024\n{BODY}")
    assert result.published == dt.date(2024, 5, 2)
    assert result.text == BODY


def test_a_date_in_the_body_is_not_a_date_line() -> None:
    lines = [f"Paragraph {n} of a constructed report on the talks." for n in range(6)]
    text = "\n".join([*lines, "March 3, 2025", BODY])
    result = clean_text(text)
    assert result.published is None
    assert "March 3, 2025" in result.text


def test_menu_line_at_the_top_is_dropped() -> None:
    result = clean_text(f"Home | World | Europe | Business | Opinion\n{BODY}")
    assert result.text == BODY


def test_subheadings_and_short_paragraphs_are_kept() -> None:
    text = (
        f"{BODY}\n\nWhat comes next\n\n{BODY}\n\nReaction in Kyiv\n\n{BODY}\n\n"
        "The talks resume on Friday."
    )
    result = clean_text(text)
    assert result.text == text
    assert result.dropped == ()


def test_two_headlines_at_the_end_are_not_a_list() -> None:
    text = f"{BODY}\nTalks Resume in Geneva\nAllies Welcome the Deal"
    assert clean_text(text).text == text


def test_headlines_after_marker_in_the_middle() -> None:
    text = f"{BODY}\nRead more:\nSerbia Recalls Envoy\n{BODY}"
    result = clean_text(text)
    assert result.text == f"{BODY}\n{BODY}"
    assert result.dropped == ("Read more:", "Serbia Recalls Envoy")


def test_blank_lines_are_collapsed_and_lines_stripped() -> None:
    result = clean_text("  First paragraph of a constructed story.   \n\n\n\n  Second one.  \n\n")
    assert result.text == "First paragraph of a constructed story.\n\nSecond one."


@pytest.mark.parametrize(
    "credit",
    [
        "Ana Lopes contributed to this report.",
        "The agency's Lisbon bureau contributed to this report from Porto.",
        "Ana Lopes and Rui Costa contributed reporting.",
    ],
)
def test_a_contributor_credit_ending_the_story_is_dropped(credit: str) -> None:
    result = clean_text(f"{BODY} {credit}")
    assert result.text == BODY
    assert result.dropped == (credit,)
    alone = clean_text(f"{BODY}\n\n{credit}")
    assert alone.text == BODY


def test_contributing_inside_the_story_is_news() -> None:
    text = f"Norway contributed $2 million to the fund. {BODY}"
    assert clean_text(text).text == text
    closing = f"{BODY} Norway contributed $2 million to the fund."
    assert clean_text(closing).text == closing


def test_no_title_when_the_text_starts_with_body() -> None:
    assert clean_text(BODY).title is None


def test_cleaning_is_fast() -> None:
    # About 1,000 words with some furniture in it.
    text = "World | Politics | Sport\n" + "\n\n".join([BODY] * 25) + "\nShare this article\n"
    clean_text(text)  # warm the lexicon cache
    timings = []
    for _ in range(5):  # best of five: robust to a busy machine
        start = time.perf_counter()
        clean_text(text)
        timings.append(time.perf_counter() - start)
    assert min(timings) < 0.01  # ~1-2 ms measured on an idle machine
