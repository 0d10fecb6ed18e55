"""Dates: explicit day dates and weekdays resolved against the publication date."""

from __future__ import annotations

from datetime import date

import pytest

from newsbrief.extract.dates import dateline, extract_dates, nearest_year, resolve_weekday
from newsbrief.model import Article
from newsbrief.nlp import parse_article

PUBLISHED = "2026-03-05"  # a Thursday


def dates(text: str, *, published: str | None = PUBLISHED) -> list[tuple[str, str]]:
    article = Article(id="t", source="t", published=published, paragraphs=[text])
    return [(d.text, d.date) for d in extract_dates(parse_article(article))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The talks ended on 3 March 2026.", [("3 March 2026", "2026-03-03")]),
        ("The deal was signed on Oct. 31, 2019.", [("Oct. 31, 2019", "2019-10-31")]),
        ("The report is dated 2025-12-01.", [("2025-12-01", "2025-12-01")]),
        ("Voting resumes March 9.", [("March 9", "2026-03-09")]),
        ("The floods began on 28 December.", [("28 December", "2025-12-28")]),
        ("The ministers met on Tuesday.", [("Tuesday", "2026-03-03")]),
        ("The ministers met on Thursday.", [("Thursday", "2026-03-05")]),
        ("The ministers will meet on Monday.", [("Monday", "2026-03-09")]),
        ("The envoys are set to meet on Saturday.", [("Saturday", "2026-03-07")]),
        ("As of Wednesday, the roads were closed.", [("Wednesday", "2026-03-04")]),
        ("Officials said yesterday that the bridge held.", [("yesterday", "2026-03-04")]),
        ("The count was updated today.", [("today", "2026-03-05")]),
        ("Nothing happened last Thursday.", [("last Thursday", "2026-02-26")]),
        ("The rain eased last week.", []),
        ("The fee is due on 3/4.", []),
        ("Ministers may 3 times revise it.", []),
        # a kind of day, not a date
        ("“Monday was busy, but this was like a Sunday,” he said.", [("Monday", "2026-03-02")]),
        ("The market closes early every Friday.", []),
        # a headline's "X to do Y" is its future
        ("Ministers to meet on Monday", [("Monday", "2026-03-09")]),
        ("Trams to run again from Saturday while members vote", [("Saturday", "2026-03-07")]),
        # no past day goes on a present perfect: the day is the coming one...
        ("The mayor has called both sides to talks on Tuesday.", [("Tuesday", "2026-03-10")]),
        # ... unless it starts the period ("since")
        ("Engineers have been blasting rock since Sunday.", [("Sunday", "2026-03-01")]),
    ],
)
def test_resolved_dates(text: str, expected: list[tuple[str, str]]) -> None:
    assert dates(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The ministers met on Tuesday.", []),
        # a year-less day names no calendar day, but is kept as one of that month
        ("Voting resumes March 9.", [("March 9", "--03-09")]),
        ("The patch was released on Dec. 9 and again on 13 January.",
         [("Dec. 9", "--12-09"), ("13 January", "--01-13")]),
        ("Clinics were closed from Feb. 29.", [("Feb. 29", "--02-29")]),
        # a wire's abbreviation with no space after its point
        ("Voting for the assembly began on Dec.14.", [("Dec.14", "--12-14")]),
        ("Polls opened at 8 a.m. on Sept.3, 2026.", [("Sept.3, 2026", "2026-09-03")]),
        ("The team won Game 2 in Dec14.", []),  # no point, no date
        ("The court sat on Feb. 30.", []),  # no such day
        ("She may 3 times a week.", []),  # "may" the verb
        # background, as with a year: a record's measure and a birth date
        ("It was the worst storm since Oct. 29.", []),
        ("Vell was born on April 22 in Kerrow Falls.", []),
        ("The talks ended on 3 March 2026.", [("3 March 2026", "2026-03-03")]),
    ],
)  # fmt: skip
def test_without_publication_date_relative_dates_are_skipped(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert dates(text, published=None) == expected


def test_resolvers() -> None:
    thursday = date(2026, 3, 5)
    assert resolve_weekday(3, thursday, future=False) == thursday
    assert resolve_weekday(3, thursday, future=False, modifier="last") == date(2026, 2, 26)
    assert resolve_weekday(4, thursday, future=True) == date(2026, 3, 6)
    assert resolve_weekday(4, thursday, future=False) == date(2026, 2, 27)
    assert nearest_year(12, 30, date(2026, 1, 2)) == date(2025, 12, 30)
    assert nearest_year(2, 30, thursday) is None


def test_offsets_and_title() -> None:
    article = Article(
        id="t",
        source="t",
        title="Talks on Monday",
        published=PUBLISHED,
        paragraphs=["Delegates arrived on 2 March."],
    )
    found = extract_dates(parse_article(article))
    assert [(d.paragraph, d.date) for d in found] == [(-1, "2026-03-02"), (0, "2026-03-02")]
    assert article.paragraphs[0][found[1].start : found[1].end] == "2 March"


def test_reported_future_resolves_forward() -> None:
    """Reported future (said it would meet on Thursday) means the coming Thursday."""
    from newsbrief.extract.dates import extract_dates
    from newsbrief.model import Article
    from newsbrief.nlp import parse_article

    article = Article(
        id="a",
        source="s",
        published="2026-03-03",
        paragraphs=["The council said it would hold an emergency session on Thursday."],
    )
    [mention] = extract_dates(parse_article(article))
    assert mention.date == "2026-03-05"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rescuers returned a week after the 24 February attack.", "2026-03-03"),
        ("The raid came two days before March 3, 2026.", "2026-03-01"),
        ("Talks resumed 10 days after 1 February.", "2026-02-11"),
    ],
)
def test_offsets_from_an_explicit_date(text: str, expected: str) -> None:
    assert [d for _, d in dates(text)] == [expected]


def test_dateline_resolves_relative_dates_without_publication() -> None:
    article = Article(
        id="t",
        source="t",
        paragraphs=["Singer enters clinic", "May 03, 2013", "She checked in on Thursday."],
    )
    found = [(d.text, d.date) for d in extract_dates(parse_article(article))]
    assert found == [("May 03, 2013", "2013-05-03"), ("Thursday", "2013-05-02")]


def test_intentions_point_forward() -> None:
    assert dates("Drivers vote to strike from Monday.") == [("Monday", "2026-03-09")]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # an obituary's birth date is background, dated or not
        ("Okafor was born on April 22, 1931, in Lagos.", PUBLISHED, []),
        ("Born April 22, 1931, in Lagos, she died on Tuesday.", PUBLISHED,
         [("Tuesday", "2026-03-03")]),
        ("She was born in Lagos on 22 April 1931.", None, []),
        # a birth within the year before publication is the news
        ("The twins, born on 1 March 2026, went home today.", PUBLISHED,
         [("1 March 2026", "2026-03-01"), ("today", "2026-03-05")]),
    ],
)  # fmt: skip
def test_birth_dates_are_background(
    text: str, published: str | None, expected: list[tuple[str, str]]
) -> None:
    assert dates(text, published=published) == expected


def test_a_birth_date_line_is_no_dateline() -> None:
    """A short line with a year near the top is a dateline only when it is not a birth date:
    'Thursday' in an undated obituary is not resolved against the year the person was born."""
    article = Article(
        id="t",
        source="t",
        paragraphs=[
            "Pianist Ada Okafor died on Thursday in Lagos.",
            "Okafor was born on April 22, 1931, in Lagos.",
        ],
    )
    assert extract_dates(parse_article(article)) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what a record is measured against is no day the story reports...
        ("It was the deadliest attack in Kessel since 3 May 1999, police said.", []),
        ("The show drew its highest ratings since Jan. 7, 2012.", []),
        ("For the first time since June 25, 2019, the paper skipped a day.", []),
        # ... unless it is a recent day of the same story
        ("It was the worst flooding since Tuesday, when the river first rose.",
         [("Tuesday", "2026-03-03")]),
        # a period that began on the day does date a happening
        ("The bridge has been closed since 3 January 2026.", [("3 January 2026", "2026-01-03")]),
    ],
)  # fmt: skip
def test_a_records_yardstick_is_no_reported_day(text: str, expected: list[tuple[str, str]]) -> None:
    assert dates(text) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Updated 11/30/09 05:40 PM ET", date(2009, 11, 30)),  # month first: 30 is no month
        ("Posted on 13.04.2021", date(2021, 4, 13)),  # day first
        ("04/04/2012", date(2012, 4, 4)),  # the same either way
        ("Posted: 05 / 05 / 2010 8: 33 am", date(2010, 5, 5)),  # a tokenised source's spaces
        ("12/25/98", date(1998, 12, 25)),
        ("05/03/2013", None),  # 5 March or May 3: no guess
        ("08. 07. 2012", None),
        ("Version 1.13.13", None),  # dots take a four-digit year
        ("02/30/2013", None),  # no such day
        ("Scores 3/4 and 12/1", None),
    ],
)
def test_numeric_datelines_only_when_day_and_month_cannot_be_swapped(
    line: str, expected: date | None
) -> None:
    assert dateline("Ferry service resumes in Port Velmar", [line, "The ferries sailed."]) == (
        expected
    )


def test_a_named_month_wins_over_a_numeric_date_on_its_line() -> None:
    assert dateline(None, ["Published 3 March 2026 (03/13/2026 in the print edition)"]) == date(
        2026, 3, 3
    )


def test_numeric_dateline_resolves_relative_dates_without_publication() -> None:
    article = Article(
        id="t",
        source="t",
        paragraphs=["Singer enters clinic", "11/30/2029 05:40 PM", "She checked in on Thursday."],
    )
    found = [(d.text, d.date) for d in extract_dates(parse_article(article))]
    assert found == [("11/30/2029", "2029-11-30"), ("Thursday", "2029-11-29")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The ferry ran aground on 11/30/2025, the inquiry found.", [("11/30/2025", "2025-11-30")]),
        ("The lease ended on 13.01.2026.", [("13.01.2026", "2026-01-13")]),
        ("The lease ended on 05/03/2026.", []),  # 5 March or May 3: no guess
    ],
)
def test_numeric_dates_in_the_text_when_day_and_month_cannot_be_swapped(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert dates(text) == expected


LONG = "The harbour board met twice about the ferry timetable and the new pier"
"""A line too long to be a dateline (more than ``DATELINE_WORDS`` words)."""


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        # the page's own "Updated 04/13/2012" puts the month first: "04/09/2012" is April 9
        (["Posted 04/09/2012 8:33 am", "Updated 04/13/2012 9:10 am"], date(2012, 4, 9)),
        # a page writing the day first: "13/04/2012" is 13 April, so "04/09/2012" is 4 September
        (["Posted 04/09/2012", "Print edition of 13/04/2012"], date(2012, 9, 4)),
        # the page disagrees with itself (a long line, no dateline itself): no order, no guess
        (["Posted 04/09/2012", f"{LONG} on 04/13/2012 and on 13/04/2012."], None),
        # dots tell nothing about slashes
        (["Posted 04/09/2012", f"{LONG} on 13.04.2012."], None),
        # a weekday written before the date fits one reading only (May 2, 2013 was a Thursday)
        (["Thursday, 05/02/2013"], date(2013, 5, 2)),
        (["Saturday 05/02/2013"], None),  # neither May 2 nor 5 February 2013 was a Saturday
    ],
)
def test_an_ambiguous_numeric_dateline_settled_by_its_page(
    lines: list[str], expected: date | None
) -> None:
    assert dateline("Ferry service resumes", [*lines, "The ferries sailed."]) == expected


def test_an_ambiguous_numeric_date_in_the_text_follows_its_page() -> None:
    article = Article(
        id="t",
        source="t",
        paragraphs=[
            "Updated 04/13/2029",
            "The lease ended on 05/03/2029, and the ferry stopped on 05/04/2029.",
        ],
    )
    found = [(d.text, d.date) for d in extract_dates(parse_article(article))]
    assert found == [
        ("04/13/2029", "2029-04-13"),
        ("05/03/2029", "2029-05-03"),
        ("05/04/2029", "2029-05-04"),
    ]


@pytest.mark.parametrize(
    ("text", "statements"),
    [
        (
            "The hillside gave way on Wednesday night, the agency said on Thursday.",
            [("Wednesday", False), ("Thursday", True)],
        ),
        ("Police told reporters on Friday that the road was closed.", [("Friday", True)]),
        ("The fire service confirmed on Monday that two homes burned.", [("Monday", True)]),
        ("The ministers met on Tuesday.", [("Tuesday", False)]),
        ("The talks will resume on Thursday, Osk said.", [("Thursday", False)]),
        ("The deal was announced on Friday.", [("Friday", False)]),  # an announcement happens
    ],
)
def test_a_statement_s_day_is_marked(text: str, statements: list[tuple[str, bool]]) -> None:
    """The day something was said is not the day it happened: ``statement`` marks it."""
    article = Article(id="t", source="t", published=PUBLISHED, paragraphs=[text])
    found = [(d.text, d.statement) for d in extract_dates(parse_article(article))]
    assert found == statements
