"""Month and weekday names shared by the date readers (cleaning's bylines, the dates extractor)."""

from __future__ import annotations

import re

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
