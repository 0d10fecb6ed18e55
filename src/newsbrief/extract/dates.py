"""Dates the text states, resolved to ISO dates against the article's publication date.

Explicit day dates ("3 March 2026", "March 3", "Oct. 31, 2019", "2026-03-03", and a numeric
"11/30/2009" whose day and month cannot be swapped) are read by regular expressions; weekdays
("on Thursday"), "today", "yesterday" and "tomorrow" are resolved
relative to ``Article.published``: a weekday is the most recent one on or before publication,
or the next one on or after it when its clause is in the future tense ("will meet on Thursday").
Without a publication date the article's *dateline* stands in for it: a full date (with its
year) alone on a short line at the top ("May 3, 2013", "12 January 2010 @ 09:29 pm", or a
numeric "11/30/09" whose day and month cannot be swapped), as scraped pages often carry. With
neither, relative and year-less dates are skipped; so are vague ones ("last week") and
ambiguous numeric ones ("3/4", "05/03/2013"), unless the page settles which way round it writes
them (its own "Updated 04/13/2012") or a weekday just before fits one reading only ("Thursday,
05/02/2013"): ``datewords.numeric_order``, ``numeric_day``. An offset from an explicit date ("a week
after the 24 February attack", "two days before March 3") resolves to the day it names.
A date that only measures a record ("the deadliest attack since Sept. 11, 2001", "its highest
ratings since Jan. 7, 2012", "for the first time since June 25, 2007"), unless it is within a
month of publication, is no day the story reports either: it had made timeline entries of 2001
in a 2015 story.
A birth date ("Page was born on April 22, 1923") is neither a dateline nor, unless it is within
a year of publication, a day the story reports: an undated obituary of 2008 had been dated,
with its "Thursday", to 1923.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from datetime import date, timedelta
from typing import TYPE_CHECKING

from newsbrief.datewords import (
    MONTH_PATTERN,
    MONTHS,
    NUMERIC_DATE_RE,
    WEEKDAY_NAMES,
    NumericOrder,
    nearest_year,
    numeric_day,
    numeric_order,
    yearless_iso,
)
from newsbrief.model import Article, DateMention
from newsbrief.nlp import ParsedArticle, doc_text

if TYPE_CHECKING:  # the story stage reads dates (``timing``) without loading spaCy
    from spacy.tokens import Doc, Span, Token

WEEKDAYS = {name: index for index, name in enumerate(WEEKDAY_NAMES)}
RELATIVE_DAYS = {"today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0}
# "would" is the future of reported speech: "said it would meet on Monday".
FUTURE_AUXILIARIES = frozenset({"will", "'ll", "shall", "wo", "would"})
FUTURE_GOVERNORS = frozenset(
    {"set", "due", "expected", "scheduled", "plan", "plans", "planned", "going", "slated"}
    # intentions: "voted to strike from Monday", "threatened to walk out on Friday"
    | {"vote", "decide", "threaten", "vow", "pledge", "promise", "intend", "prepare"}
)

_MONTH = MONTH_PATTERN
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"
_PATTERNS = (
    re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?\b", re.IGNORECASE),
    re.compile(
        # "Dec. 14", and "Dec.14" as some wires write it
        rf"\b{_MONTH}(?:\s+|(?<=\.)){_DAY}(?:,?\s+{_YEAR})?\b(?!\s*(?:%|per|million|bn))",
        re.IGNORECASE,
    ),
    re.compile(r"\b(?P<year>(?:19|20)\d{2})-(?P<month>\d{2})-(?P<day>\d{2})\b"),
)
_WEEKDAY = re.compile(
    r"\b(?:(?P<modifier>last|next|this|on|as of|since|by|from|until)\s+)?"
    r"(?P<weekday>" + "|".join(WEEKDAYS) + r")\b",
    re.IGNORECASE,
)
_DIGIT = re.compile(r"\d")
_DAY_WORD = re.compile(r"day", re.IGNORECASE)
"""Every weekday's name ends in "day": a text without it needs no weekday scan."""
_GENERIC_BEFORE = re.compile(r"\b(?:a|an|every|each|any|one)\s+$", re.IGNORECASE)
_RELATIVE = re.compile(r"\b(?P<word>" + "|".join(RELATIVE_DAYS) + r")\b", re.IGNORECASE)
COUNT_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10,
}  # fmt: skip
_UNIT_DAYS = {"day": 1, "week": 7, "fortnight": 14}
_OFFSET = re.compile(
    r"\b(?P<count>\d{1,2}|" + "|".join(COUNT_WORDS) + r")\s+(?P<unit>day|week|fortnight)s?\s+"
    r"(?P<direction>after|before|since)\s+(?:the\s+|its\s+)?$",
    re.IGNORECASE,
)
DATELINE_PARAGRAPHS = 3
"""A dateline is looked for in the title and the first paragraphs only."""
DATELINE_WORDS = 12
"""A dateline line is short: at most this many words around the date."""
BIRTH_NEWS_DAYS = 366
"""A birth date up to this long before publication is news; earlier ones are background."""
_BORN = re.compile(r"\bborn\b", re.IGNORECASE)


def dateline(title: str | None, paragraphs: Sequence[str]) -> date | None:
    """The date a short line at the top of the text states with its year, if any: a named
    month first, else a numeric date whose day and month cannot be confused ("11/30/09").

    Scraped pages without metadata often keep the byline's date as a line of its own; it is the
    best stand-in for a missing publication date. Regex-only, so any stage may call it.
    """
    lines = [title or "", *paragraphs[:DATELINE_PARAGRAPHS]]
    order: NumericOrder | None = None
    for line in lines:
        if not line or len(line.split()) > DATELINE_WORDS:
            continue
        for pattern in _PATTERNS:
            for match in pattern.finditer(line):
                if match.group("year") and not _BORN.search(line, 0, match.start()):
                    found = _explicit(match, None)
                    if found is not None:
                        return found
        for match in NUMERIC_DATE_RE.finditer(line):
            if order is None:  # the page's own way round, read once and only when needed
                order = numeric_order([title or "", *paragraphs])
            found = numeric_day(match, order)
            if found is not None and not _BORN.search(line, 0, match.start()):
                return found
    return None


def reference_day(article: Article) -> date | None:
    """The day relative dates are resolved against: publication, else the dateline."""
    return parse_day(article.published) or dateline(article.title, article.paragraphs)


def extract_dates(parsed: ParsedArticle) -> list[DateMention]:
    """Every resolvable day date in the title (paragraph -1) and paragraphs, in text order."""
    article = parsed.article
    published = reference_day(article)
    order = numeric_order([article.title or "", *article.paragraphs])
    found: list[DateMention] = []
    docs = [(-1, parsed.title_doc)] if parsed.title_doc is not None else []
    docs.extend(enumerate(parsed.docs))
    for paragraph, doc in docs:
        if doc is not None:
            found.extend(dates_in_doc(doc, paragraph=paragraph, published=published, order=order))
    return found


def dates_in_doc(
    doc: Doc, *, paragraph: int, published: date | None, order: NumericOrder | None = None
) -> list[DateMention]:
    """The dates of one parsed paragraph, resolved against ``published`` (may be None);
    ``order`` is the page's way round of numeric dates (``datewords.numeric_order``)."""
    mentions: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for start, end, resolved in _candidates(doc, published, order):
        if resolved is None or any(start < e and end > s for s, e in taken):
            continue
        taken.append((start, end))
        if _is_record_mark(doc, start) and (
            published is None
            or isinstance(resolved, str)
            or (published - resolved).days > RECORD_RECENT_DAYS
        ):
            continue  # what a record is measured against ("the worst since Tuesday" is news)
        if _is_birth_date(doc, start, end) and (
            published is None
            or isinstance(resolved, str)
            or (published - resolved).days > BIRTH_NEWS_DAYS
        ):
            continue  # a life's background, not the news (a birth last week is news)
        mentions.append(
            DateMention(
                text=doc_text(doc)[start:end],
                date=resolved if isinstance(resolved, str) else resolved.isoformat(),
                paragraph=paragraph,
                start=start,
                end=end,
                statement=_is_statement_day(doc, start, end),
            )
        )
    return sorted(mentions, key=lambda m: m.start)


STATEMENT_VERBS = frozenset(
    {"say", "tell", "add", "report", "state", "confirm", "write", "tweet", "post", "note"}
    | {"explain", "insist", "warn", "estimate", "reply", "respond", "testify", "acknowledge"}
)
"""Lemmas of verbs whose day is when something was said, not when it happened."""


def _is_statement_day(doc: Doc, start: int, end: int) -> bool:
    """Whether the date at ``start:end`` is the day of a statement: the verb it hangs on is
    a reporting verb ("the agency said on Thursday", "police told reporters Monday")."""
    verb = next((t for t in _governors(doc, start, end) if t.pos_ in ("VERB", "AUX")), None)
    return verb is not None and verb.lemma_.lower() in STATEMENT_VERBS


def _governors(doc: Doc, start: int, end: int, steps: int = 3) -> Iterator[Token]:
    """The words above the date at ``start:end`` in the parse, nearest first, at most
    ``steps`` of them."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return
    token = span.root
    for _ in range(steps):
        if token.head.i == token.i:
            return
        token = token.head
        yield token


RECORD_WORDS = frozenset({"first", "most", "least", "only"})
RECORD_WINDOW = 10
"""How many words before "since" a superlative may stand and still measure against the date."""
RECORD_RECENT_DAYS = 30
"""A record measured against a day this recent ("the worst flood since Tuesday") compares
with a happening of the same story: that day stays."""


def _is_record_mark(doc: Doc, start: int) -> bool:
    """Whether the date at ``start`` follows "since" after a superlative in its sentence:
    "the deadliest attack since Sept. 11, 2001" compares with that day, it reports nothing on
    it ("closed since March 3" does: the closing began then)."""
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None or span.start == 0:
        return False
    since = doc[span.start - 1]
    if since.lower_ != "since":
        return False
    first = max(since.sent.start, since.i - RECORD_WINDOW)
    return any(t.tag_ in ("JJS", "RBS") or t.lower_ in RECORD_WORDS for t in doc[first : since.i])


def _is_birth_date(doc: Doc, start: int, end: int) -> bool:
    """Whether the date at ``start:end`` is when someone was born: "born" governs it within
    three steps up the parse ("was born on April 22, 1923", "born April 22, 1923, in ...")."""
    return any(token.lower_ == "born" for token in _governors(doc, start, end))


def resolve_weekday(weekday: int, published: date, *, future: bool, modifier: str = "") -> date:
    """The weekday nearest ``published`` on the side the tense (or "last"/"next") points to."""
    if modifier == "next" or (future and modifier != "last"):
        ahead = (weekday - published.weekday()) % 7
        if modifier == "next" and ahead == 0:
            ahead = 7
        return published + timedelta(days=ahead)
    back = (published.weekday() - weekday) % 7
    if modifier == "last" and back == 0:
        back = 7
    return published - timedelta(days=back)


def parse_day(value: str | None) -> date | None:
    """The calendar day of an ISO date or date-time string; None when missing or unreadable."""
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _candidates(
    doc: Doc, published: date | None, order: NumericOrder | None = None
) -> Iterator[tuple[int, int, date | str | None]]:
    """Spans that may be dates, with the day each names: a date, or with nothing to resolve
    against, a year-less ``--MM-DD`` (``_yearless``); None when it names none."""
    text = doc_text(doc)
    digits = _DIGIT.search(text) is not None  # every day pattern but a weekday's needs one
    for pattern in _PATTERNS if digits else ():
        for match in pattern.finditer(text):
            resolved = _explicit(match, published)
            offset = _OFFSET.search(text, max(0, match.start() - 40), match.start())
            if offset is not None and resolved is not None:
                yield offset.start(), match.end(), _shift(offset, resolved)
            if resolved is None and published is None:
                yield match.start(), match.end(), _yearless(match)
            else:
                yield match.start(), match.end(), resolved
    for match in NUMERIC_DATE_RE.finditer(text) if digits else ():
        yield match.start(), match.end(), numeric_day(match, order)
    if published is None:
        return
    for match in _WEEKDAY.finditer(text) if _DAY_WORD.search(text) else ():
        modifier = (match.group("modifier") or "").lower()
        if not modifier and _GENERIC_BEFORE.search(text, 0, match.start()):
            continue  # "like a Sunday", "every Monday": a kind of day, not a date
        span = doc.char_span(match.start("weekday"), match.end("weekday"), alignment_mode="expand")
        future = span is not None and _is_future(span, modifier)
        weekday = WEEKDAYS[match.group("weekday").lower()]
        start = match.start() if modifier in ("last", "next", "this") else match.start("weekday")
        if modifier == "this":
            modifier = ""
        yield (
            start,
            match.end(),
            resolve_weekday(weekday, published, future=future, modifier=modifier),
        )
    for match in _RELATIVE.finditer(text):
        shift = RELATIVE_DAYS[match.group("word").lower()]
        yield match.start(), match.end(), published + timedelta(days=shift)


def _month_day(match: re.Match[str]) -> tuple[int, int] | None:
    """Month and day of a date pattern's match; None when it names no day, or for a
    year-less "may 3", as likely the verb as the month."""
    raw_month = match.group("month").lower().rstrip(".")
    month = int(raw_month) if raw_month.isdigit() else MONTHS.get(raw_month)
    day = int(match.group("day"))
    if month is None or not 1 <= day <= 31:
        return None
    if raw_month == "may" and not match.group("year") and match.re is _PATTERNS[1]:
        return None
    return month, day


def _explicit(match: re.Match[str], published: date | None) -> date | None:
    month_day = _month_day(match)
    if month_day is None:
        return None
    month, day = month_day
    year = match.group("year")
    if year:
        try:
            return date(int(year), month, day)
        except ValueError:
            return None
    if published is None:
        return None
    return nearest_year(month, day, published)


def _yearless(match: re.Match[str]) -> str | None:
    """``--MM-DD`` for a month and day stated without a year ("Dec. 9"), as an article with
    no day to resolve it against keeps it: it still tells a December happening from one in
    September (``timing.named_days``)."""
    month_day = _month_day(match)
    if month_day is None or match.group("year"):
        return None
    return yearless_iso(*month_day)


def _shift(offset: re.Match[str], anchor: date) -> date:
    """The day ``N days/weeks after/before`` an anchor date names."""
    raw = offset.group("count").lower()
    count = int(raw) if raw.isdigit() else COUNT_WORDS[raw]
    days = count * _UNIT_DAYS[offset.group("unit").lower()]
    return (
        anchor - timedelta(days=days)
        if offset.group("direction").lower() == "before"
        else (anchor + timedelta(days=days))
    )


def _is_future(span: Span, modifier: str = "") -> bool:
    """Whether the clause governing a date word is in the future tense.

    Besides "will"/"would" and intentions ("voted to strike from Monday"): a headline's bare
    infinitive ("Trams to run again from Saturday") is its future, and a day on a present
    perfect ("has called both sides to talks on Tuesday") is not the day of that verb, since
    English puts no past day on a present perfect, so it is the coming one ("since Sunday"
    and "last Sunday" excepted)."""
    verb = span.root.head
    for _ in range(3):
        if verb.pos_ in ("VERB", "AUX"):
            break
        verb = verb.head
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(c.lower_ in FUTURE_AUXILIARIES for c in aux):
        return True
    if verb.tag_ == "VB" and any(c.lower_ == "to" for c in aux):
        root = verb.sent.root
        if verb.i == root.i or (verb.head.i == root.i and root.pos_ not in ("VERB", "AUX")):
            return True  # a headline's "X to do Y" (parsed as a clause or on its noun)
        return verb.head.lower_ in FUTURE_GOVERNORS or verb.head.lemma_ in FUTURE_GOVERNORS
    perfect = verb.tag_ == "VBN" and any(c.lower_ in ("has", "have", "'ve") for c in aux)
    return perfect and modifier not in ("since", "last", "until", "by")
