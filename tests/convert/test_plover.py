"""The CAMEO→PLOVER table and readout's lookup rules for codes it does not list."""

from __future__ import annotations

import pytest

from readout.convert.plover import PloverCode, PloverTable, parse_plover
from readout.convert.source import parse_lines
from readout.errors import KnowledgeBaseError

# Lines written for this test in the table's format (codes and fields invented where it
# does not matter, e.g. the modes).
TABLE = """\
# a header comment
05: SUPPORT
051: SUPPORT, , diplomatic # praise
10: REQUEST
100: REQUEST, ,  # demand
101: REQUEST, assist,  # demand aid
1011: REQUEST, assist, economic # demand economic aid
17: COERCE
173: COERCE, arrest, legal
18: ASSAULT
180: ASSAULT, , # first wins
180: PROTEST, , # a repeat is ignored
19: ASSAULT
195: ASSAULT, heavy-weapons, crime; corruption
~~~~~
"""


@pytest.fixture(scope="module")
def table() -> PloverTable:
    return parse_plover(parse_lines(TABLE, ("#",)), "table.txt")


@pytest.mark.parametrize(
    ("cameo", "expected"),
    [
        ("051", PloverCode("SUPPORT", None, "diplomatic")),
        ("173", PloverCode("COERCE", "arrest", "legal")),
        ("1731", PloverCode("COERCE", "arrest", "legal")),  # four digits → parent
        ("176", PloverCode("COERCE", None, None)),  # unknown three digits → family
        ("020", PloverCode("REQUEST", None, None)),  # appeal read as demand
        ("0211", PloverCode("REQUEST", "assist", "economic")),
        ("180", PloverCode("ASSAULT", None, None)),  # the first line of a repeat wins
        ("195", PloverCode("ASSAULT", "heavy-weapons", "crime; corruption")),
        ("010", None),  # statements have no PLOVER type
        ("2042", None),  # no family line for 20 in this table
    ],
)
def test_lookup(table: PloverTable, cameo: str, expected: PloverCode | None) -> None:
    assert table.lookup(cameo) == expected


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("051 SUPPORT\n", "table.txt:1: not a 'CODE: TYPE, mode, context' line"),
        ("# only comments\n", "table.txt:1: no CAMEO codes found"),
        ("05: SUPPORT\n051: BEFRIEND, ,\n", "table.txt:2: unknown PLOVER type 'BEFRIEND'"),
    ],
)
def test_bad_tables_name_file_and_line(text: str, fragment: str) -> None:
    with pytest.raises(KnowledgeBaseError) as caught:
        parse_plover(parse_lines(text, ("#",)), "table.txt")
    assert fragment in str(caught.value)
    assert "\n" not in str(caught.value)
