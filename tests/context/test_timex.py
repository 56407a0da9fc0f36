"""Tests for finding and resolving temporal expressions (readout.context.timex)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from readout.context.timex import (
    TimeMention,
    find_time_expressions,
    resolve_all,
    resolve_time,
)
from readout.context.timex_patterns import load_words
from readout.errors import KnowledgeBaseError

D = dt.date.fromisoformat

# --- finding: (sentence, the expressions that must be found, in order) -------

FIND_CASES = [
    ("Lavrov spoke to Rubio on Sunday.", ["on Sunday"]),
    ("On Monday, November 11, the talks began in Geneva.", ["On Monday, November 11"]),
    ("They met on October 20, 2025 in Budapest.", ["on October 20, 2025"]),
    ("On 20 October 2025 the army moved west.", ["On 20 October 2025"]),
    ("The deal was signed Oct. 20 and renewed Dec. 12.", ["Oct. 20", "Dec. 12"]),
    ("In September the ministers met in Brussels.", ["In September"]),
    ("The envoy left last week and returns next week.", ["last week", "next week"]),
    ("The vote happened late last year after months of delay.", ["late last year"]),
    ("Earlier this year, the bloc agreed on new tariffs.", ["Earlier this year"]),
    ("Last December the parliament voted to leave.", ["Last December"]),
    ("The border opened a year ago and closed two weeks ago.", ["a year ago", "two weeks ago"]),
    ("Earlier this week the general visited the front.", ["Earlier this week"]),
    ("Prices rose in early 2022 and fell in mid-2023.", ["in early 2022", "in mid-2023"]),
    ("The coalition broke up in late 2019.", ["in late 2019"]),
    ("The offensive began in the spring of 2021.", ["in the spring of 2021"]),
    ("Russia annexed Crimea in 2014.", ["in 2014"]),
    ("The sanctions have been in place since 2014.", ["since 2014"]),
    ("Both sides still cite the 1987 agreement.", ["1987"]),
    ("The region was at war in the 1990s.", ["in the 1990s"]),
    ("He led the agency from 2017 to 2021.", ["from 2017 to 2021"]),
    ("Trade doubled between 2017 and 2021.", ["between 2017 and 2021"]),
    ("Her 2017-2021 term ended quietly.", ["2017-2021"]),
    ("The summit on 2025-10-20 ended without a deal.", ["on 2025-10-20"]),
    ("Shelling resumed yesterday and may continue tomorrow.", ["yesterday", "tomorrow"]),
    ("The convoy was attacked on Monday night near the border.", ["on Monday night"]),
    ("The minister said this morning that talks would go on.", ["this morning"]),
    ("Drones struck the port last night.", ["last night"]),
    ("Exports fell in the first quarter of 2024.", ["in the first quarter of 2024"]),
    ("Output recovered in Q3 2024, the ministry said.", ["in Q3 2024"]),
    ("Growth slowed in the third quarter.", ["in the third quarter"]),
    ("Turnout in the 2016 presidential election was low.", ["2016"]),
    ("The rebels withdrew over the weekend.", ["over the weekend"]),
    ("The ministry expects a decision by the end of the year.", ["the end of the year"]),
    (
        "Fighting eased last summer but returned in the winter of 2023.",
        ["last summer", "in the winter of 2023"],
    ),
    ("Aid deliveries stopped in the first half of 2024.", ["in the first half of 2024"]),
    (
        "The ceasefire, agreed on Friday, March 7, 2025, held for a week.",
        ["on Friday, March 7, 2025"],
    ),
    ("The treaty was signed on the 9th of May 2024.", ["on the 9th of May 2024"]),
    ("September's election returned the ruling party.", ["September"]),
    ("The talks continued until August without progress.", ["August"]),
    (
        "The talks were held in Sept. 2021 and again in October 2022.",
        ["in Sept. 2021", "in October 2022"],
    ),
    (
        "The army will hold drills next Wednesday and this weekend.",
        ["next Wednesday", "this weekend"],
    ),
    ("Prices have climbed since March 2014.", ["since March 2014"]),
    ("The envoy came back this past Saturday.", ["this past Saturday"]),
    ("The early 2000s saw a wave of protests.", ["The early 2000s"]),
    ("Five years ago the dam was finished.", ["Five years ago"]),
    (
        "Inflation peaked in the fourth quarter of last year.",
        ["in the fourth quarter of last year"],
    ),
    ("The assembly met on March 3rd and adjourned on 5 March.", ["on March 3rd", "on 5 March"]),
    ("Monday's vote was postponed until Thursday.", ["Monday", "Thursday"]),
    (
        "The strike in mid-July killed two people, and 300 more fled in late August.",
        ["in mid-July", "in late August"],
    ),
    ("The 2014-15 winter was harsh for the refugees.", ["2014-15"]),
]


@pytest.mark.parametrize(("sentence", "expected"), FIND_CASES)
def test_finds_expressions(sentence: str, expected: list[str]) -> None:
    found = find_time_expressions(sentence)
    assert [m.text for m in found] == expected
    for mention in found:
        assert sentence[mention.start : mention.end] == mention.text


# --- things that are not dates ------------------------------------------------

NEGATIVE_CASES = [
    "Russia may respond to the new sanctions within days.",
    "Thousands joined a protest march through the capital.",
    "Seven people were killed and 69 wounded in the strike.",
    "The missile flew 500 kilometers before it was intercepted.",
    "Each displaced family received $2,000 in emergency aid.",
    "The ultimatum expires in 24 hours.",
    "Some 2000 troops were moved to the northern border.",
    "Nearly 1500 people fled the city overnight.",
    "The deadline passed at 3 pm local time.",
    "Talks resumed at 1900 GMT in the embassy.",
    "The ministers have met recently and will meet again soon.",
    "Casualties have mounted in recent weeks.",
    "The Sunday Times reported the claim without naming a source.",
    "The Good Friday Agreement ended a long conflict.",
    "May told reporters she would not resign.",
    "The army marched on the capital with little resistance.",
    "Officials counted 2,014 ballots by hand.",
    "Turnout reached 1,987,000 voters across the region.",
    "The force numbers about 1800 men.",
    "Artillery units fired 2050 shells at the bridge.",
    "The shelling began an hour ago, witnesses said.",
    "Markets are usually quiet on Mondays.",
    "The fall of the government surprised analysts.",
    "The year was marked by unrest and strikes.",
    "Decisions on the aid package were postponed.",
    "Inflation rose 12.5 percent, the bank said.",
    "Prices rose 2000% in a year of hyperinflation.",
    "Sanctions may march on as the crisis deepens.",
    "The envoy met June Harper, a local activist.",
    "The bill passed with 2100 votes in favour.",
    "The council adopted Resolution 2014 without a vote.",
    "The fighting began a few days ago, residents said.",
    "Several weeks ago the talks stalled.",
    "A year earlier the two sides had met in secret.",
    "The strikes continued over the past year.",
]


@pytest.mark.parametrize("sentence", NEGATIVE_CASES)
def test_finds_nothing(sentence: str) -> None:
    assert find_time_expressions(sentence) == []


# --- resolving: (sentence, published, future, start, end, precision) ----------

RESOLVE_CASES = [
    # weekdays, looking back (the publication day itself counts)
    ("Lavrov spoke to Rubio on Sunday.", "2025-10-22", False, "2025-10-19", "2025-10-19", "day"),
    (
        "The leaders talked by phone on Monday.",
        "2025-01-02",
        False,
        "2024-12-30",
        "2024-12-30",
        "day",
    ),
    ("The minister resigned on Wednesday.", "2025-10-22", False, "2025-10-22", "2025-10-22", "day"),
    (
        "The truce collapsed on Friday night.",
        "2025-01-01",
        False,
        "2024-12-27",
        "2024-12-27",
        "day",
    ),
    ("Officials met on Thursday.", "2024-03-01", False, "2024-02-29", "2024-02-29", "day"),
    ("The envoy arrived last Tuesday.", "2025-10-22", False, "2025-10-21", "2025-10-21", "day"),
    ("The talks ended last Wednesday.", "2025-10-22", False, "2025-10-15", "2025-10-15", "day"),
    (
        "Protesters gathered this past Saturday.",
        "2025-10-22",
        False,
        "2025-10-18",
        "2025-10-18",
        "day",
    ),
    (
        "Markets fell sharply on Tuesday morning.",
        "2025-10-22",
        False,
        "2025-10-21",
        "2025-10-21",
        "day",
    ),
    ("Monday's vote drew few people.", "2025-10-22", False, "2025-10-20", "2025-10-20", "day"),
    ("The rocket fell on Saturday.", "2026-01-01", False, "2025-12-27", "2025-12-27", "day"),
    # weekdays, looking forward (the publication day itself counts)
    ("The ministers will meet on Sunday.", "2025-10-22", True, "2025-10-26", "2025-10-26", "day"),
    ("The council will vote on Wednesday.", "2025-10-22", True, "2025-10-22", "2025-10-22", "day"),
    (
        "The delegation travels next Wednesday.",
        "2025-10-22",
        True,
        "2025-10-29",
        "2025-10-29",
        "day",
    ),
    ("They will sign the accord on Friday.", "2024-12-30", True, "2025-01-03", "2025-01-03", "day"),
    (
        "The summit opens this coming Monday.",
        "2025-10-22",
        False,
        "2025-10-27",
        "2025-10-27",
        "day",
    ),
    ("The court rules next Thursday.", "2024-02-26", True, "2024-02-29", "2024-02-29", "day"),
    # month and day
    (
        "They met on October 20, 2025 in Budapest.",
        "2025-10-22",
        False,
        "2025-10-20",
        "2025-10-20",
        "day",
    ),
    ("On 20 October 2025 the army moved.", "2025-10-22", False, "2025-10-20", "2025-10-20", "day"),
    ("The deal was signed Oct. 20.", "2025-10-22", False, "2025-10-20", "2025-10-20", "day"),
    ("The treaty was renewed on Dec. 12.", "2025-10-22", False, "2024-12-12", "2024-12-12", "day"),
    ("The treaty will lapse on Dec. 12.", "2025-10-22", True, "2025-12-12", "2025-12-12", "day"),
    (
        "Troops crossed the river on December 30.",
        "2025-01-02",
        False,
        "2024-12-30",
        "2024-12-30",
        "day",
    ),
    (
        "The election will be held on January 5.",
        "2024-12-20",
        True,
        "2025-01-05",
        "2025-01-05",
        "day",
    ),
    ("The parliament met on February 29.", "2025-06-01", False, "2024-02-29", "2024-02-29", "day"),
    (
        "The parliament will meet on February 29.",
        "2025-06-01",
        True,
        "2028-02-29",
        "2028-02-29",
        "day",
    ),
    (
        "On Monday, November 11, the talks began.",
        "2024-11-12",
        False,
        "2024-11-11",
        "2024-11-11",
        "day",
    ),
    (
        "On Monday, November 11, the talks began.",
        "2025-10-22",
        False,
        "2024-11-11",
        "2024-11-11",
        "day",
    ),
    (
        "The vote is set for Tuesday, November 11.",
        "2025-10-22",
        True,
        "2025-11-11",
        "2025-11-11",
        "day",
    ),
    (
        "On the 9th of May 2024 the parade took place.",
        "2025-10-22",
        False,
        "2024-05-09",
        "2024-05-09",
        "day",
    ),
    (
        "The meeting on Sept. 3, 2023 ended early.",
        "2025-10-22",
        False,
        "2023-09-03",
        "2023-09-03",
        "day",
    ),
    (
        "The summit on 2025-10-20 ended without a deal.",
        "2025-10-22",
        False,
        "2025-10-20",
        "2025-10-20",
        "day",
    ),
    ("The attack happened on March 3rd.", "2025-10-22", False, "2025-03-03", "2025-03-03", "day"),
    ("The strike began on 1 January.", "2025-01-02", False, "2025-01-01", "2025-01-01", "day"),
    ("The strike began on 2 January.", "2025-01-01", False, "2024-01-02", "2024-01-02", "day"),
    (
        "The ceasefire began on Friday, March 7, 2025.",
        "2025-10-22",
        False,
        "2025-03-07",
        "2025-03-07",
        "day",
    ),
    ("Talks resumed Aug 14 in Doha.", "2025-10-22", False, "2025-08-14", "2025-08-14", "day"),
    ("The envoy arrives on October 22.", "2025-10-22", True, "2025-10-22", "2025-10-22", "day"),
    # month alone
    ("In September the ministers met.", "2025-10-22", False, "2025-09-01", "2025-09-30", "month"),
    ("In September the ministers met.", "2025-06-15", False, "2024-09-01", "2024-09-30", "month"),
    ("In October the army advanced.", "2025-10-22", False, "2025-10-01", "2025-10-31", "month"),
    ("The bloc will decide in December.", "2025-10-22", True, "2025-12-01", "2025-12-31", "month"),
    ("The bloc will decide in March.", "2025-10-22", True, "2026-03-01", "2026-03-31", "month"),
    (
        "Last December the parliament voted.",
        "2025-10-22",
        False,
        "2024-12-01",
        "2024-12-31",
        "month",
    ),
    (
        "Last December the parliament voted.",
        "2026-01-10",
        False,
        "2025-12-01",
        "2025-12-31",
        "month",
    ),
    (
        "Last December the parliament voted.",
        "2025-12-15",
        False,
        "2024-12-01",
        "2024-12-31",
        "month",
    ),
    (
        "Next January the presidency passes on.",
        "2025-10-22",
        True,
        "2026-01-01",
        "2026-01-31",
        "month",
    ),
    (
        "This June the alliance met in The Hague.",
        "2025-10-22",
        False,
        "2025-06-01",
        "2025-06-30",
        "month",
    ),
    (
        "Fighting intensified in early March.",
        "2025-10-22",
        False,
        "2025-03-01",
        "2025-03-10",
        "week",
    ),
    (
        "The offensive stalled in late February.",
        "2024-03-15",
        False,
        "2024-02-21",
        "2024-02-29",
        "week",
    ),
    ("The blockade lifted in mid-July.", "2025-10-22", False, "2025-07-11", "2025-07-20", "week"),
    ("Since May, prices have risen.", "2025-10-22", False, "2025-05-01", "2025-10-22", "month"),
    ("September's election was close.", "2025-10-22", False, "2025-09-01", "2025-09-30", "month"),
    ("The talks continued until August.", "2025-10-22", False, "2025-08-01", "2025-08-31", "month"),
    ("In February the army regrouped.", "2024-03-01", False, "2024-02-01", "2024-02-29", "month"),
    # month and year
    ("The siege ended in October 2022.", "2025-10-22", False, "2022-10-01", "2022-10-31", "month"),
    (
        "The siege ended in early October 2022.",
        "2025-10-22",
        False,
        "2022-10-01",
        "2022-10-10",
        "week",
    ),
    (
        "Prices have climbed since March 2014.",
        "2025-10-22",
        False,
        "2014-03-01",
        "2025-10-22",
        "month",
    ),
    (
        "The deal dates from December of 2019.",
        "2025-10-22",
        False,
        "2019-12-01",
        "2019-12-31",
        "month",
    ),
    ("The mission began in Sept. 2021.", "2025-10-22", False, "2021-09-01", "2021-09-30", "month"),
    (
        "The reform passed in February 2024.",
        "2025-10-22",
        False,
        "2024-02-01",
        "2024-02-29",
        "month",
    ),
    # weeks, months, years relative to the article
    ("The envoy visited last week.", "2025-10-22", False, "2025-10-13", "2025-10-19", "week"),
    ("The envoy visited last week.", "2025-01-02", False, "2024-12-23", "2024-12-29", "week"),
    ("The envoy is visiting this week.", "2025-01-02", False, "2024-12-30", "2025-01-05", "week"),
    ("The envoy will visit next week.", "2024-12-28", True, "2024-12-30", "2025-01-05", "week"),
    (
        "Earlier this week the general toured the front.",
        "2025-10-22",
        False,
        "2025-10-20",
        "2025-10-21",
        "week",
    ),
    (
        "Later this week the general will tour the front.",
        "2025-10-22",
        True,
        "2025-10-23",
        "2025-10-26",
        "week",
    ),
    ("The embassy closed last month.", "2025-01-15", False, "2024-12-01", "2024-12-31", "month"),
    ("The embassy closed this month.", "2024-02-10", False, "2024-02-01", "2024-02-29", "month"),
    ("The embassy reopens next month.", "2025-12-05", True, "2026-01-01", "2026-01-31", "month"),
    (
        "Earlier this month the court ruled.",
        "2025-10-22",
        False,
        "2025-10-01",
        "2025-10-21",
        "month",
    ),
    ("The treaty expired last year.", "2025-10-22", False, "2024-01-01", "2024-12-31", "year"),
    ("The treaty expires next year.", "2025-10-22", True, "2026-01-01", "2026-12-31", "year"),
    ("The treaty was signed this year.", "2025-10-22", False, "2025-01-01", "2025-12-31", "year"),
    (
        "The vote happened late last year.",
        "2025-10-22",
        False,
        "2024-09-01",
        "2024-12-31",
        "quarter",
    ),
    (
        "Earlier this year, the bloc agreed.",
        "2025-10-22",
        False,
        "2025-01-01",
        "2025-10-21",
        "year",
    ),
    (
        "Elections are due early next year.",
        "2025-10-22",
        True,
        "2026-01-01",
        "2026-04-30",
        "quarter",
    ),
    (
        "A decision is due by the end of the year.",
        "2025-10-22",
        True,
        "2025-09-01",
        "2025-12-31",
        "quarter",
    ),
    (
        "Talks collapsed at the end of last year.",
        "2025-10-22",
        False,
        "2024-09-01",
        "2024-12-31",
        "quarter",
    ),
    (
        "Talks began at the start of this month.",
        "2025-10-22",
        False,
        "2025-10-01",
        "2025-10-10",
        "week",
    ),
    ("Exports fell last quarter.", "2025-10-22", False, "2025-07-01", "2025-09-30", "quarter"),
    (
        "Exports are falling this quarter.",
        "2025-02-01",
        False,
        "2025-01-01",
        "2025-03-31",
        "quarter",
    ),
    # weekends
    (
        "The rebels withdrew over the weekend.",
        "2025-10-22",
        False,
        "2025-10-18",
        "2025-10-19",
        "week",
    ),
    (
        "The rebels will withdraw this weekend.",
        "2025-10-22",
        True,
        "2025-10-25",
        "2025-10-26",
        "week",
    ),
    (
        "The rebels withdrew at the weekend.",
        "2025-10-26",
        False,
        "2025-10-25",
        "2025-10-26",
        "week",
    ),
    ("The talks resume next weekend.", "2025-10-22", True, "2025-11-01", "2025-11-02", "week"),
    ("The rebels withdrew last weekend.", "2025-10-20", False, "2025-10-18", "2025-10-19", "week"),
    # so long ago
    ("The border opened a year ago.", "2025-10-22", False, "2024-10-01", "2024-10-31", "month"),
    ("The border closed two weeks ago.", "2025-10-22", False, "2025-10-06", "2025-10-12", "week"),
    ("The border closed three days ago.", "2025-01-02", False, "2024-12-30", "2024-12-30", "day"),
    ("The border closed six months ago.", "2025-03-10", False, "2024-09-01", "2024-09-30", "month"),
    (
        "The dam was finished five years ago.",
        "2025-10-22",
        False,
        "2020-01-01",
        "2020-12-31",
        "year",
    ),
    ("The ship sank 10 days ago.", "2024-03-05", False, "2024-02-24", "2024-02-24", "day"),
    # days named by a word
    ("Shelling resumed yesterday.", "2025-01-01", False, "2024-12-31", "2024-12-31", "day"),
    ("Shelling resumed today.", "2024-02-29", False, "2024-02-29", "2024-02-29", "day"),
    ("The ministers meet tomorrow.", "2024-02-28", True, "2024-02-29", "2024-02-29", "day"),
    ("Drones struck the port last night.", "2025-03-01", False, "2025-02-28", "2025-02-28", "day"),
    (
        "The minister said this morning that talks go on.",
        "2025-10-22",
        False,
        "2025-10-22",
        "2025-10-22",
        "day",
    ),
    ("The president speaks tonight.", "2025-10-22", True, "2025-10-22", "2025-10-22", "day"),
    (
        "The fighting began the day before yesterday.",
        "2025-10-22",
        False,
        "2025-10-20",
        "2025-10-20",
        "day",
    ),
    ("Yesterday afternoon the envoy left.", "2025-10-22", False, "2025-10-21", "2025-10-21", "day"),
    # years, decades, ranges
    ("Russia annexed Crimea in 2014.", "2025-10-22", False, "2014-01-01", "2014-12-31", "year"),
    ("Sanctions have applied since 2014.", "2025-10-22", False, "2014-01-01", "2025-10-22", "year"),
    (
        "Both sides cite the 1987 agreement.",
        "2025-10-22",
        False,
        "1987-01-01",
        "1987-12-31",
        "year",
    ),
    (
        "The 2016 presidential election was close.",
        "2025-10-22",
        False,
        "2016-01-01",
        "2016-12-31",
        "year",
    ),
    (
        "The region was at war in the 1990s.",
        "2025-10-22",
        False,
        "1990-01-01",
        "1999-12-31",
        "decade",
    ),
    ("The early 2000s saw protests.", "2025-10-22", False, "2000-01-01", "2003-12-31", "year"),
    ("The late 1980s brought reform.", "2025-10-22", False, "1987-01-01", "1989-12-31", "year"),
    (
        "The 2010s were a decade of unrest.",
        "2025-10-22",
        False,
        "2010-01-01",
        "2019-12-31",
        "decade",
    ),
    (
        "He led the agency from 2017 to 2021.",
        "2025-10-22",
        False,
        "2017-01-01",
        "2021-12-31",
        "year",
    ),
    (
        "Trade doubled between 2017 and 2021.",
        "2025-10-22",
        False,
        "2017-01-01",
        "2021-12-31",
        "year",
    ),
    ("Her 2017-2021 term ended quietly.", "2025-10-22", False, "2017-01-01", "2021-12-31", "year"),
    ("The 2014-15 winter was harsh.", "2025-10-22", False, "2014-01-01", "2015-12-31", "year"),
    ("The 1999-01 crisis hit the banks.", "2025-10-22", False, "1999-01-01", "2001-12-31", "year"),
    ("Prices rose in early 2022.", "2025-10-22", False, "2022-01-01", "2022-04-30", "quarter"),
    ("Prices fell in mid-2023.", "2025-10-22", False, "2023-05-01", "2023-08-31", "quarter"),
    (
        "The coalition broke up in late 2019.",
        "2025-10-22",
        False,
        "2019-09-01",
        "2019-12-31",
        "quarter",
    ),
    (
        "The plant closes at the end of 2024.",
        "2023-05-01",
        True,
        "2024-09-01",
        "2024-12-31",
        "quarter",
    ),
    (
        "The reform began at the beginning of 2020.",
        "2025-10-22",
        False,
        "2020-01-01",
        "2020-04-30",
        "quarter",
    ),
    ("Russia annexed Crimea in 1998.", "2025-10-22", False, "1998-01-01", "1998-12-31", "year"),
    # seasons
    (
        "The offensive began in the spring of 2021.",
        "2025-10-22",
        False,
        "2021-03-01",
        "2021-05-31",
        "quarter",
    ),
    (
        "Talks stalled in the summer of 2022.",
        "2025-10-22",
        False,
        "2022-06-01",
        "2022-08-31",
        "quarter",
    ),
    (
        "The grid failed in the winter of 2022.",
        "2025-10-22",
        False,
        "2021-12-01",
        "2022-02-28",
        "quarter",
    ),
    (
        "The grid failed in the winter of 2024.",
        "2025-10-22",
        False,
        "2023-12-01",
        "2024-02-29",
        "quarter",
    ),
    (
        "The bridge reopened in autumn 2023.",
        "2025-10-22",
        False,
        "2023-09-01",
        "2023-11-30",
        "quarter",
    ),
    (
        "Fighting eased in late summer 2023.",
        "2025-10-22",
        False,
        "2023-08-01",
        "2023-08-31",
        "month",
    ),
    ("Fighting eased last summer.", "2025-10-22", False, "2025-06-01", "2025-08-31", "quarter"),
    ("Fighting eased last summer.", "2025-07-15", False, "2024-06-01", "2024-08-31", "quarter"),
    ("The army regrouped this spring.", "2025-10-22", False, "2025-03-01", "2025-05-31", "quarter"),
    (
        "Energy will be scarce this winter.",
        "2025-11-10",
        True,
        "2025-12-01",
        "2026-02-28",
        "quarter",
    ),
    ("Elections are due next summer.", "2025-10-22", True, "2026-06-01", "2026-08-31", "quarter"),
    # quarters and halves
    (
        "Exports fell in the first quarter of 2024.",
        "2025-10-22",
        False,
        "2024-01-01",
        "2024-03-31",
        "quarter",
    ),
    ("Output recovered in Q3 2024.", "2025-10-22", False, "2024-07-01", "2024-09-30", "quarter"),
    (
        "Growth slowed in the third quarter.",
        "2025-10-22",
        False,
        "2025-07-01",
        "2025-09-30",
        "quarter",
    ),
    (
        "Growth slowed in the third quarter.",
        "2025-05-01",
        False,
        "2024-07-01",
        "2024-09-30",
        "quarter",
    ),
    (
        "Growth will slow in the third quarter.",
        "2025-05-01",
        True,
        "2025-07-01",
        "2025-09-30",
        "quarter",
    ),
    (
        "Inflation peaked in the fourth quarter of last year.",
        "2025-10-22",
        False,
        "2024-10-01",
        "2024-12-31",
        "quarter",
    ),
    (
        "Aid stopped in the first half of 2024.",
        "2025-10-22",
        False,
        "2024-01-01",
        "2024-06-30",
        "quarter",
    ),
    (
        "Aid resumes in the second half of the year.",
        "2025-03-01",
        True,
        "2025-07-01",
        "2025-12-31",
        "quarter",
    ),
    (
        "Exports rose in the 2nd quarter of 2023.",
        "2025-10-22",
        False,
        "2023-04-01",
        "2023-06-30",
        "quarter",
    ),
]


def _only_span(sentence: str, published: dt.date | None, future: bool) -> tuple[str, ...]:
    pairs = resolve_all(sentence, published, future=future)
    assert len(pairs) == 1, pairs
    _, span = pairs[0]
    return (span.start.isoformat(), span.end.isoformat(), span.precision)


@pytest.mark.parametrize(
    ("sentence", "published", "future", "start", "end", "precision"), RESOLVE_CASES
)
def test_resolves_against_publication_date(
    sentence: str, published: str, future: bool, start: str, end: str, precision: str
) -> None:
    assert _only_span(sentence, D(published), future) == (start, end, precision)


# --- no publication date: relative expressions do not resolve -----------------

NO_DATE_CASES = [
    ("Lavrov spoke to Rubio on Sunday.", None),
    ("In September the ministers met.", None),
    ("The envoy visited last week.", None),
    ("Shelling resumed yesterday.", None),
    ("The border closed two weeks ago.", None),
    ("The deal was signed on October 20.", None),
    ("Growth slowed in the third quarter.", None),
    ("Fighting eased last summer.", None),
    ("The rebels withdrew over the weekend.", None),
    ("Earlier this year, the bloc agreed.", None),
    ("Russia annexed Crimea in 2014.", ("2014-01-01", "2014-12-31", "year")),
    ("Sanctions have applied since 2014.", ("2014-01-01", "2014-12-31", "year")),
    ("They met on October 20, 2025 in Budapest.", ("2025-10-20", "2025-10-20", "day")),
    ("Output recovered in Q3 2024.", ("2024-07-01", "2024-09-30", "quarter")),
    ("The region was at war in the 1990s.", ("1990-01-01", "1999-12-31", "decade")),
]


@pytest.mark.parametrize(("sentence", "expected"), NO_DATE_CASES)
def test_without_publication_date(sentence: str, expected: tuple[str, ...] | None) -> None:
    [mention] = find_time_expressions(sentence)
    span = resolve_time(mention.text, None)
    got = None if span is None else (span.start.isoformat(), span.end.isoformat(), span.precision)
    assert got == expected


# --- the resolver on its own ---------------------------------------------------

UNRESOLVABLE = ["recently", "soon", "at 3 pm", "February 30, 2024", "September 31", "the year", ""]


@pytest.mark.parametrize("text", UNRESOLVABLE)
def test_unresolvable_text_gives_none(text: str) -> None:
    assert resolve_time(text, D("2025-10-22")) is None


def test_span_keeps_the_text_as_written() -> None:
    span = resolve_time("on  October 20", D("2025-10-22"))
    assert span is not None
    assert span.text == "on  October 20"
    assert span.start == D("2025-10-20")


def test_resolve_all_drops_what_does_not_resolve() -> None:
    pairs = resolve_all("On Sunday, 12 years after the 1998 accord.", None)
    assert [(m.text, s.start.year) for m, s in pairs] == [("1998", 1998)]


def test_mentions_compare_by_position_and_text() -> None:
    [mention] = find_time_expressions("They met on Sunday.")
    assert mention == TimeMention(9, 18, "on Sunday")


def test_text_without_any_cue_is_empty() -> None:
    assert find_time_expressions("The foreign minister urged restraint.") == []
    assert find_time_expressions("") == []


@settings(max_examples=300, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list("0123456789 -,.'$%ADFJMNOSTQadeghilmnorstuwyk")), max_size=60
    )
)
def test_never_raises_on_odd_text(text: str) -> None:
    for mention in find_time_expressions(text):
        assert text[mention.start : mention.end] == mention.text
        resolve_time(mention.text, D("2024-02-29"))
        resolve_time(mention.text, D("2024-02-29"), future=True)


# --- the word list file ----------------------------------------------------------


def test_shipped_word_lists_load_every_entry() -> None:
    words = load_words()
    assert len(words.month_full) == 12
    assert words.month_numbers["sept"] == 9
    assert words.weekdays[0] == "Monday"
    assert all(1 <= q <= 4 for q in words.ordinals.values())
    assert all(isinstance(n, int) for n in words.number_words.values())
    assert {"spring", "summer", "autumn", "fall", "winter"} <= set(words.seasons)
    assert words.count_nouns and words.count_cues and words.month_cues


BAD_YAML = [
    "months: [",
    "- just a list",
    "months: {1: [January]}\nweekdays: [Monday]",
]


@pytest.mark.parametrize("text", BAD_YAML)
def test_malformed_word_lists_raise_one_line_error(text: str) -> None:
    with pytest.raises(KnowledgeBaseError) as info:
        load_words(text, path="broken.yaml")
    message = str(info.value)
    assert message.startswith("broken.yaml: ")
    assert "\n" not in message
