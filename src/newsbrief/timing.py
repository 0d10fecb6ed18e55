"""When an article was written and which day the happening it reports took place.

``article_day`` places an article in the stream: its publication day, else the dateline its text
carries (``extract.dates.dateline``). ``event_day`` is the day of the happening it reports: the
date its text mentions most in the few days up to that day (the lead's dates count double, the
day of a statement, "said on Thursday", not at all), else the article day; an article with no
day at all falls back to the date it mentions most.
``reported_days`` are every day an article mentions up to its own day: a follow-up that names
the day of an earlier happening ("the March 4 landslide") is evidence it reports on it.
``named_days`` are every day an undated article's text names, year-less ones ("Dec. 9")
included: none near a dated article's days says it reports another happening.
``marks_recurrence`` tells a new happening of a recurring kind ("floods the town again") from a
later chapter of the same one (the trial after the shooting).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from newsbrief.datewords import nearest_year, parse_yearless
from newsbrief.extract.dates import dateline, parse_day
from newsbrief.model import Article

LEAD_PARAGRAPHS = 2
"""Dates in the title and the first paragraphs weigh double when picking the event day."""


def article_day(article: Article) -> date | None:
    """When the article was written: ``published``, else the dateline at the top of its text."""
    return parse_day(article.published) or dateline(article.title, article.paragraphs)


def time_key(article: Article) -> tuple[bool, date, int, str, str]:
    """Stream order: dated articles by day, undated last. Inside a day (and among the undated)
    the shortest texts come first, then a hash of the text, then the id.

    Ids hash the path an input was given by, so ties broken by id alone made the same files
    give other stories from another folder (53 to 73 stories over the 924 undated PolNeAR texts
    staged in different temporary folders). Short reports first: a story opened by a brief,
    focused article has a narrow centroid that a long one joins only if it is about the same
    thing, while a long, wide-ranging article opening a story draws in everything near it (with
    the longest or the most entity-rich texts first, 833 of the 924 PolNeAR texts fell into one
    story; shortest first: 73 stories, the largest 264). Chosen on ECB+ topics 1-22 among
    six orders (event / story B-cubed 0.882 / 0.893 there, against 0.875 / 0.846 in id order
    and 0.866-0.878 / 0.829-0.859 for a text hash alone)."""
    day = article_day(article)
    length = sum(len(p) for p in article.paragraphs)
    return (day is None, day or date.min, length, content_key(article), article.id)


def content_key(article: Article) -> str:
    """A hash of the article's title and paragraphs: the same text, the same key."""
    text = "\n".join([article.title or "", *article.paragraphs])
    return hashlib.blake2b(text.encode("utf-8"), digest_size=8).hexdigest()


STATEMENT_WEIGHT = 0.0
"""How much the day of a statement ("the agency said on Thursday") counts towards the event day
against the day of a happening ("the hillside gave way on Wednesday night"): nothing, since
the day officials speak says nothing of when the happening was (a report of a landslide on
Wednesday night, published and "said on Thursday", is of Wednesday). It still counts as a day
the article reports (``reported_days``). Counted at half or in full, they dated the golden
demo's landslide by the agency's statement a day later; on ECB+ 0, 0.25, 0.5 and 1 score the
same (session 22)."""


def _mentions(article: Article) -> dict[date, float]:
    counts: dict[date, float] = {}
    for mention in article.dates:
        day = parse_day(mention.date)
        if day is not None:
            weight = 2.0 if mention.paragraph < LEAD_PARAGRAPHS else 1.0
            weight *= STATEMENT_WEIGHT if mention.statement else 1
            counts[day] = counts.get(day, 0.0) + weight
    return counts


def event_day(article: Article, *, lookback_days: int) -> date | None:
    """The day of the happening an article reports (see the module docstring)."""
    written = article_day(article)
    mentioned = {d: n for d, n in _mentions(article).items() if n > 0}
    if written is None:  # ties to the latest: older days named beside it are background
        return min(mentioned, key=lambda d: (-mentioned[d], -d.toordinal())) if mentioned else None
    recent = {d: n for d, n in mentioned.items() if 0 <= (written - d).days <= lookback_days}
    if recent:
        return min(recent, key=lambda d: (-recent[d], d))
    return written


@dataclass(frozen=True)
class NamedDays:
    """The days an article's text names: calendar days, and month-days stated without a year
    (``--MM-DD``, kept only when the article has no day to resolve them against)."""

    days: frozenset[date] = frozenset()
    month_days: frozenset[tuple[int, int]] = frozenset()

    def __bool__(self) -> bool:
        return bool(self.days or self.month_days)

    def near(self, others: Iterable[date], window: int) -> bool:
        """Whether one of these days lies within ``window`` days of one of ``others`` (a
        year-less day in the year that puts it closest)."""
        for other in others:
            if any(abs((d - other).days) <= window for d in self.days):
                return True
            for month, day in self.month_days:
                near = nearest_year(month, day, other)
                if near is not None and abs((near - other).days) <= window:
                    return True
        return False

    def before(self, other: date) -> bool:
        """Whether every named day falls before ``other`` (a year-less one, in the year that
        puts it closest)."""
        resolved = [*self.days]
        resolved.extend(
            d for m, dd in self.month_days if (d := nearest_year(m, dd, other)) is not None
        )
        return bool(resolved) and max(resolved) < other


def named_days(article: Article) -> NamedDays:
    """Every day the text names, with or without its year."""
    days: set[date] = set()
    month_days: set[tuple[int, int]] = set()
    for mention in article.dates:
        day = parse_day(mention.date)
        if day is not None:
            days.add(day)
        elif (month_day := parse_yearless(mention.date)) is not None:
            month_days.add(month_day)
    return NamedDays(frozenset(days), frozenset(month_days))


def reported_days(article: Article, *, lookback_days: int) -> frozenset[date]:
    """Days the article mentions up to ``lookback_days`` before it was written (all if undated)."""
    written = article_day(article)
    days = _mentions(article)
    if written is None:
        return frozenset(days)
    return frozenset(d for d in days if 0 <= (written - d).days <= lookback_days)


RECURRENCE_RE = re.compile(
    r"\b(?:again|anew|once more|yet another|another|fresh|renewed"
    r"|for the (?:second|third|fourth|fifth|sixth|\d+(?:st|nd|rd|th)) time"
    r"|(?:second|third|fourth|fifth) (?:such|time)"
    r"|latest in a (?:series|string|spate|line|run|wave))\b",
    re.IGNORECASE,
)
"""Words with which a report marks its happening as one more of a kind the reader has seen."""

RECURRENCE_PARAGRAPHS = 1
"""The title and this many first paragraphs are read for a recurrence: the lead says what
happened; further down, "again" is as often background ("the court met again")."""


def marks_recurrence(article: Article) -> bool:
    """Whether the title or lead presents the happening as a recurrence ("River Wend floods
    Marrowby again", "another outage", "for the second time in a month"): a look-alike, not a
    later chapter of an earlier happening."""
    lead = [article.title or "", *article.paragraphs[:RECURRENCE_PARAGRAPHS]]
    return any(RECURRENCE_RE.search(text) for text in lead)
