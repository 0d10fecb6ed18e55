"""Month and weekday names shared by the date readers (cleaning's bylines, the dates extractor)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

MONTHS: dict[str, int] = {
    name: index + 1
    for index, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ]
    )
    for name in names
}
"""Lower-case month names and abbreviations → month number."""

WEEKDAY_NAMES: tuple[str, ...] = (
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
)
"""Lower-case weekday names, Monday first."""

CALENDAR_WORDS: frozenset[str] = frozenset(MONTHS) | frozenset(WEEKDAY_NAMES)
"""Month names, their abbreviations and weekday names: capitalised, and never a name."""

MONTH_PATTERN = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
"""A regex group ``month`` matching any month name or abbreviation (longest first)."""

FULL_DATE_RE = re.compile(
    rf"\b(?:{MONTH_PATTERN}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?:19|20)\d\d"
    rf"|\d{{1,2}}\s+{MONTH_PATTERN.replace('?P<month>', '?:')}\s+(?:19|20)\d\d)\b",
    re.IGNORECASE,
)
"""A day date with its year, month first or day first ("June 14, 2016", "5 March 2031")."""

NUMERIC_DATE_RE = re.compile(
    r"(?<![\w:/.])(?P<first>[0-3]?\d) ?(?P<sep>[/.]) ?(?P<second>[0-3]?\d) ?(?P=sep) ?"
    r"(?P<year>(?:19|20)\d\d|\d\d)(?![\w/]|[.:]\d)"
)
"""A numeric day date with its year: "11/30/09", "04/04/2012", "08.07.2012" (and the spaced
"05 / 02 / 2013" of tokenised sources). Which number is the month ``numeric_day`` decides."""


NumericOrder = dict[str, bool]
"""Per separator ("/" or "."), whether a page writes the day first: what its own dates that
cannot be read both ways show (``numeric_order``)."""

_WEEKDAY_BEFORE_RE = re.compile(
    r"\b(?P<weekday>" + "|".join(WEEKDAY_NAMES) + r"),?\s*$", re.IGNORECASE
)


def numeric_order(texts: Iterable[str]) -> NumericOrder:
    """Which way round a page writes its numeric dates, per separator, from those that can be
    read one way only: "Updated 04/13/2012" puts the month first, so the same page's
    "Posted 04/09/2012" is April 9. A separator whose dates disagree (a page quoting another
    site) tells nothing."""
    seen: dict[str, set[bool]] = {}
    for text in texts:
        for match in NUMERIC_DATE_RE.finditer(text):
            first, second = int(match["first"]), int(match["second"])
            if first > 12 >= second >= 1:
                seen.setdefault(match["sep"], set()).add(True)
            elif second > 12 >= first >= 1:
                seen.setdefault(match["sep"], set()).add(False)
    return {sep: orders.pop() for sep, orders in seen.items() if len(orders) == 1}


def numeric_day(match: re.Match[str], order: NumericOrder | None = None) -> date | None:
    """The day a ``NUMERIC_DATE_RE`` match names, only when the order of day and month cannot
    matter: one of them is over 12 ("11/30/09" is 30 November), or both are the same
    ("04/04/2012"). "05/03/2013" is 5 March to most of the world and May 3 in the US, so alone
    it names no day: nothing is guessed. It does when the page settles the order (``order``,
    from ``numeric_order``), or when a weekday written just before it fits one reading only
    ("Thursday, 05/02/2013" is May 2). A two-digit year is 19xx from 69 on, else 20xx (as C's
    ``strptime``); with dots the year has four digits."""
    raw = match["year"]
    if match["sep"] == "." and len(raw) == 2:
        return None  # "1.13.13" is a version number as often as a date
    year = int(raw) if len(raw) == 4 else (1900 if int(raw) >= 69 else 2000) + int(raw)
    first, second = int(match["first"]), int(match["second"])
    readings = [_day(year, first, second), _day(year, second, first)]  # day first, month first
    if first == second or first > 12 >= second:
        return readings[0]
    if second > 12 >= first:
        return readings[1]
    if order is not None and match["sep"] in order:
        return readings[0] if order[match["sep"]] else readings[1]
    weekday = _WEEKDAY_BEFORE_RE.search(match.string, max(0, match.start() - 16), match.start())
    if weekday is not None:
        named = WEEKDAY_NAMES.index(weekday["weekday"].lower())
        fitting = [d for d in readings if d is not None and d.weekday() == named]
        if len(fitting) == 1:
            return fitting[0]
    return None


def _day(year: int, day: int, month: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def yearless_iso(month: int, day: int) -> str | None:
    """A day and month stated without a year as XML Schema's ``--MM-DD`` (``gMonthDay``); None
    when no year has that day (February 30)."""
    try:
        date(2000, month, day)  # a leap year: February 29 exists
    except ValueError:
        return None
    return f"--{month:02d}-{day:02d}"


_YEARLESS_RE = re.compile(r"--(\d\d)-(\d\d)")


def parse_yearless(value: str) -> tuple[int, int] | None:
    """Month and day of a ``--MM-DD`` date; None for anything else (a full ISO date too)."""
    match = _YEARLESS_RE.fullmatch(value)
    return (int(match.group(1)), int(match.group(2))) if match else None


def nearest_year(month: int, day: int, published: date) -> date | None:
    """A year-less date: the year that puts it closest to ``published``."""
    options = []
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            options.append(date(year, month, day))
        except ValueError:
            continue
    return min(options, key=lambda d: abs((d - published).days)) if options else None
