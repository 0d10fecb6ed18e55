"""Title, outlet and publication date read from the text itself when the input declares none.

Dates come from byline/dateline shapes ("Published 3 March 2026", "Nov 19, 2019, 10:42 pm",
"2026-03-03", "Posted 11/30/09" when day and month cannot be swapped) parsed by explicit
patterns first; dateparser is only a fallback for absolute dates, never for relative words
("yesterday"), so nothing is guessed from the time of the run.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from functools import lru_cache

from newsbrief.datewords import MONTH_PATTERN, MONTHS, NUMERIC_DATE_RE, numeric_day

_MONTH = MONTH_PATTERN
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_DATE_SHAPES = [
    re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b", re.IGNORECASE),
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.IGNORECASE),
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b"),
    re.compile(r"\b(?P<year>(?:19|20)\d\d)/(?P<month>[01]\d)/(?P<day>[0-3]\d)\b"),
]
_ISO_PREFIX = re.compile(r"^\s*((?:19|20)\d\d-[01]\d-[0-3]\d)")
_EPOCH = date(1900, 1, 1)


def _build(year: str, month: str, day: str) -> str | None:
    month_number = int(month) if month.isdigit() else MONTHS.get(month.lower().rstrip("."))
    if month_number is None:
        return None
    try:
        return date(int(year), month_number, int(day)).isoformat()
    except ValueError:
        return None


def find_date(text: str) -> tuple[str, str] | None:
    """The first explicit calendar date in ``text``: (matched words, ISO date), or None."""
    best: tuple[int, str, str] | None = None
    for shape in _DATE_SHAPES:
        match = shape.search(text)
        if match is None:
            continue
        iso = _build(match["year"], match["month"], match["day"])
        if iso and (best is None or match.start() < best[0]):
            best = (match.start(), match.group(0), iso)
    for match in NUMERIC_DATE_RE.finditer(text):
        day = numeric_day(match)
        if day is not None:
            if best is None or match.start() < best[0]:
                best = (match.start(), match.group(0), day.isoformat())
            break
    return (best[1], best[2]) if best else None


@lru_cache(maxsize=4096)
def parse_date(value: str) -> str | None:
    """Normalise a declared date (ISO, RFC 2822, "3 March 2026", ...) to YYYY-MM-DD, or None."""
    value = value.strip()
    if not value:
        return None
    iso = _ISO_PREFIX.match(value)
    if iso:
        try:
            return date.fromisoformat(iso.group(1)).isoformat()
        except ValueError:
            return None
    found = find_date(value)
    if found:
        return found[1]
    try:
        return parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    return _dateparser_absolute(value)


def _dateparser_absolute(value: str) -> str | None:
    """dateparser restricted to absolute dates with day, month and year all present."""
    import dateparser

    parsed: datetime | None = dateparser.parse(
        value,
        settings={
            "PARSERS": ["custom-formats", "absolute-time"],
            "REQUIRE_PARTS": ["day", "month", "year"],
            "RETURN_AS_TIMEZONE_AWARE": False,
        },
    )
    if parsed is None or parsed.date() < _EPOCH:
        return None
    return parsed.date().isoformat()


# ---------------------------------------------------------------- outlet shapes

# "Headline - Site", "Headline | Site", "Headline — Site": the <title> shape many pages print.
_TITLE_SUFFIX = re.compile(r"^(?P<title>.{12,}?)\s+(?:[-|–—·•:]{1,2})\s+(?P<site>[^-|–—·•]{2,40})$")
# "LONDON (Agency) -" / "(Agency) —" wire datelines at the start of the body.
_WIRE = re.compile(
    r"^(?:[A-Z][A-Za-z.'’ -]{1,40},?\s*(?:[A-Z][a-z]+\.?\s*)?)?"
    r"\((?P<outlet>[A-Z][\w.&' ]{1,30}?)\)\s*[-–—]"
)
_COPYRIGHT = re.compile(
    r"(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:(?:19|20)\d\d\s*(?:[-–]\s*(?:19|20)\d\d)?\s*)?,?\s*"
    r"(?P<outlet>[A-Z][\w.&' -]{1,40}?)(?:[.,;|]|\s+all rights|\s*$)",
    re.IGNORECASE,
)


def split_title_suffix(line: str) -> tuple[str, str] | None:
    """Split "Headline - Site" into (headline, site) when the right part is a short name."""
    match = _TITLE_SUFFIX.match(line)
    if not match:
        return None
    site = match["site"].strip()
    if len(site.split()) > 4 or not _NAME_EDGES.match(site):
        return None
    return match["title"].strip(), site


_NAME_EDGES = re.compile(r"^\w(?:.*[^.?!…\"'’”»])?$", re.DOTALL)
"""A site name opens with a letter or digit and ends without a sentence mark: the part after a
headline's dash that opens with a quote mark or ends with "…", "!" or "?" is the headline's own
("… Worst Way — ‘Didn’t Lose A….’", "… Vote for Hillary Clinton – Not Indicted, Yet!’")."""


def wire_outlet(line: str) -> str | None:
    """The agency of a wire dateline, e.g. "PARIS (Newswire) - ..." gives "Newswire"."""
    match = _WIRE.match(line)
    return match["outlet"].strip() if match else None


def copyright_outlet(line: str) -> str | None:
    """The rights holder of a copyright line, e.g. "© 2026 Daily Lantern" gives "Daily Lantern"."""
    match = _COPYRIGHT.search(line)
    if not match:
        return None
    outlet = match["outlet"].strip(" .,-")
    return outlet if outlet and not outlet.lower().startswith("all rights") else None
