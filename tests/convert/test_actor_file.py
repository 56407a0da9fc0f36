"""The PETRARCH actor-file format: names, synonyms, dated codes."""

from __future__ import annotations

import datetime as dt

import pytest

from readout.convert.actor_file import CodeSpan, parse_actor_file, parse_date, parse_span
from readout.convert.source import parse_lines

ACTORS = """\
# actors written for this test
FREEDONIA_  [FRE]
+FREEDONIAN_

RUFUS_T_FIREFLY_  # CountryInfo.txt
+FIREFLY_RUFUS_
\t[FREELI 300101-330101]
\t[FREGOV 330101-331231]
\t[FREELI]
\tGROUCHO_OFFICE_\t[FREGOV >950601]# a tab-indented name starts a record
AMBASSADOR_TRENTINO [SYLGOV <331231] [---]
\t[SYLGOV 331231-33123] # a malformed date
\t[SYLGOV 20010230-20020101]
\t[sylgov]
\t[SYLGOV 991231-990101]
"""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("090120", dt.date(2009, 1, 20)),
        ("200101", dt.date(2020, 1, 1)),
        ("210101", dt.date(1921, 1, 1)),
        ("330101", dt.date(1933, 1, 1)),
        ("19171107", dt.date(1917, 11, 7)),
    ],
)
def test_dates(text: str, expected: dt.date) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("FREGOV", CodeSpan("FREGOV", None, None)),
        ("FREGOV >950601", CodeSpan("FREGOV", dt.date(1995, 6, 1), None)),
        ("FREGOV > 950601", CodeSpan("FREGOV", dt.date(1995, 6, 1), None)),
        ("FREGOV <950601", CodeSpan("FREGOV", None, dt.date(1995, 6, 1))),
        ("FREGOV 900101-950601", CodeSpan("FREGOV", dt.date(1990, 1, 1), dt.date(1995, 6, 1))),
        ("---", None),
    ],
)
def test_spans(content: str, expected: CodeSpan | None) -> None:
    assert parse_span(content) == expected


def test_records() -> None:
    records, dropped = parse_actor_file(parse_lines(ACTORS), "actors.txt")
    names = [r.name for r in records]
    assert names == ["FREEDONIA_", "RUFUS_T_FIREFLY_", "GROUCHO_OFFICE_", "AMBASSADOR_TRENTINO"]
    freedonia, rufus, groucho, trentino = records
    assert freedonia.codes == (CodeSpan("FRE", None, None),) and freedonia.synonyms == (
        "FREEDONIAN_",
    )
    assert rufus.comment == "CountryInfo.txt" and rufus.synonyms == ("FIREFLY_RUFUS_",)
    assert [c.code for c in rufus.codes] == ["FREELI", "FREGOV", "FREELI"]
    assert rufus.codes[1] == CodeSpan("FREGOV", dt.date(1933, 1, 1), dt.date(1933, 12, 31))
    assert groucho.codes == (CodeSpan("FREGOV", dt.date(1995, 6, 1), None),)
    assert trentino.codes == (CodeSpan("SYLGOV", None, dt.date(1933, 12, 31)),)
    reasons = sorted(d.reason.split(":")[0] for d in dropped)
    assert reasons == ["bad code", "bad date", "bad date", "bad restriction"]
    assert {d.line for d in dropped} == {12, 13, 14, 15}
