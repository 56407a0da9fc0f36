"""The boilerplate word lists load, and each line classifier answers its one question."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from readout.errors import KnowledgeBaseError
from readout.ingest.boilerplate import (
    LEXICON_PATH,
    LIST_KEYS,
    is_byline,
    is_credit_line,
    is_furniture_line,
    is_headline_like,
    is_menu_line,
    is_related_marker,
    lexicon,
)


def test_every_lexicon_entry_loads() -> None:
    raw = yaml.safe_load(LEXICON_PATH.read_text(encoding="utf-8"))
    lex = lexicon()
    assert set(raw) == set(LIST_KEYS)
    for word in raw["menu_words"]:
        assert word in lex.menu_words
    for place in raw["places"]:
        assert place.replace(" ", "_") in lex.places
    for key in ("furniture_phrases", "related_markers", "credit_prefixes", "staff_prefixes"):
        assert list(getattr(lex, key)) == raw[key]
        assert all(entry == entry.lower() for entry in raw[key])


def test_a_broken_lexicon_is_a_one_line_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("menu_words: [home, 3]\n")
    with pytest.raises(KnowledgeBaseError, match="menu_words"):
        lexicon.__wrapped__(path)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Home | World | Politics | Business | Sport", True),
        ("World Russia Society Opinion Science Sport Incidents Business", True),
        ("News  ›  World  ›  Middle East", True),
        ("Log in Subscribe Search Menu", True),
        ("World", True),
        ("Ukraine Russia", False),  # places alone: a subheading, not a menu
        ("Russia and Ukraine trade blame for strike", False),
        ("World leaders gather in Paris for climate talks", False),
        ("The business of war is booming in the region, officials said.", False),
    ],
)
def test_menu_lines(line: str, expected: bool) -> None:
    assert is_menu_line(line) is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Photo: The port of Gdansk at dawn", True),
        ("Photograph: Jan Nowak/Example Agency", True),
        ("(Photo by Ana Silva/Example Images)", True),
        ("File photo of the ministry building in Rabat", True),
        ("Getty Images", True),
        ("AP Photo/Kim Lee", True),
        ("Reuters/Example Photographer", True),
        ("Soldiers on parade in the capital. / Reuters", True),
        ("The summit venue, seen from the river. Photo: Example Press", True),
        ("Image by a citizen, https://creativecommons.org/licenses/by/4.0/", True),
        ("The minister said the photo was taken in 2019.", False),
        ("Reuters reported that talks had stalled on Tuesday.", False),
    ],
)
def test_credit_lines(line: str, expected: bool) -> None:
    assert is_credit_line(line) is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("By Jane Doe", True),
        ("By Jane Doe and John Roe, Reuters", True),
        ("By The Example Wire Staff", True),
        ("Reporting by Jane Doe; Editing by John Roe", True),
        ("Additional reporting by Ali Hassan in Cairo", True),
        ("By Monday, the troops had left the border area.", False),
        ("By 2030 the alliance wants to double its budget", False),
        ("Bystanders said the convoy was hit twice.", False),
    ],
)
def test_bylines(line: str, expected: bool) -> None:
    assert is_byline(line) is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Share this article", True),
        ("Advertisement", True),
        ("ADVERTISEMENT", True),
        ("Sign up for our newsletter", True),
        ("Follow us on Telegram", True),
        ("© 2025 Example Media. All rights reserved.", True),
        ("Tags: Russia, Ukraine, diplomacy", True),
        ("Comments (12)", True),
        ("* * *", True),
        ("Shares in the state oil firm fell 3% on Monday.", False),
        ("Comments by the minister angered Warsaw, diplomats said.", False),
    ],
)
def test_furniture_lines(line: str, expected: bool) -> None:
    assert is_furniture_line(line) is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Related", True),
        ("Related stories:", True),
        ("READ MORE", True),
        ("More from Europe", True),
        ("Most read", True),
        ("See also", True),
        ("Related talks will take place in Geneva next week.", False),
        ("Recommended measures were adopted by the council on Friday, diplomats said.", False),
    ],
)
def test_related_markers(line: str, expected: bool) -> None:
    assert is_related_marker(line) is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Latvia Summons Russian Envoy Over Airspace Violation", True),
        ("Poland announces new border fence funding", True),
        ("Will the Ceasefire Hold? Analysts Are Divided.", True),
        ("“Ministers Meet in Vienna”", True),
        ("The ministers met in Vienna on Tuesday.", False),
        ("Talks", False),
        ("and then the delegation left", False),
    ],
)
def test_headline_like(line: str, expected: bool) -> None:
    assert is_headline_like(line) is expected
