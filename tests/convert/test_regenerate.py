"""A fresh conversion of ../shared/lexicon-sources reproduces the committed data byte for byte."""

from __future__ import annotations

import pathlib

import pytest

import readout
from readout.convert.__main__ import main
from readout.convert.outputs import Conversion, build_all

PACKAGE = pathlib.Path(readout.__file__).resolve().parent
SOURCES = pathlib.Path(__file__).resolve().parents[2].parent / "shared" / "lexicon-sources"
needs_sources = pytest.mark.skipif(
    not (SOURCES / "petrarch2").is_dir(), reason="../shared/lexicon-sources is not present"
)


@pytest.fixture(scope="module")
def conversion() -> Conversion:
    return build_all(SOURCES, PACKAGE)


@needs_sources
def test_every_generated_file_is_what_the_converter_makes(conversion: Conversion) -> None:
    assert set(conversion.files) == {
        "events/data/cameo_verbs.json",
        "actors/data/agents.yaml",
        "actors/data/phoenix_groups.yaml",
        "actors/data/phoenix_actors.json",
    }
    for relative, text in conversion.files.items():
        committed = (PACKAGE / relative).read_text(encoding="utf-8")
        assert committed == text, f"{relative} is stale: run `make lexicons`"


@needs_sources
def test_each_file_names_its_source_and_licence(conversion: Conversion) -> None:
    for relative, text in conversion.files.items():
        head = text[:3000]
        assert "GENERATED FILE" in head, relative
        assert "openeventdata/petrarch2 at commit 676801c" in head, relative
        assert "Permission is hereby granted" in head, relative
    verbs = conversion.files["events/data/cameo_verbs.json"][:3000]
    assert "openeventdata/PLOVER at commit 5e0c24f" in verbs and "CC BY-SA 4.0" in verbs


@needs_sources
def test_the_command_checks_without_writing(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(SOURCES), "--check"]) == 0


def test_a_missing_source_folder_is_one_line(
    tmp_path: pathlib.Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([str(tmp_path / "nowhere"), "--check"]) == 1
    message = capsys.readouterr().err
    assert message.startswith("readout.convert: ") and "nowhere" in message
    assert message.count("\n") == 1
