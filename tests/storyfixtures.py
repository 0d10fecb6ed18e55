"""Hand-built articles for the story-level stages (no spaCy: sentences split on end marks).

Every text here is fictional and written for these tests.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsbrief.model import Article, Claim, Quote, SentenceSpan

_SENTENCE_RE = re.compile(r"[^.!?]+[.!?]+[”\"]?")


def spans(paragraphs: Sequence[str]) -> list[SentenceSpan]:
    """Sentence spans of each paragraph: runs ending in . ! or ? (plus a closing quote)."""
    out: list[SentenceSpan] = []
    for index, text in enumerate(paragraphs):
        for match in _SENTENCE_RE.finditer(text):
            start = match.start() + (len(match.group()) - len(match.group().lstrip()))
            out.append(SentenceSpan(paragraph=index, start=start, end=match.end()))
    return out


def article(
    id: str,
    *paragraphs: str,
    title: str | None = None,
    outlet: str | None = None,
    published: str | None = None,
    duplicate_of: str | None = None,
    quotes: Sequence[Quote] = (),
    claims: Sequence[Claim] = (),
) -> Article:
    """An article with sentence spans filled as the parse would fill them."""
    return Article(
        id=id,
        source=f"{id}.txt",
        title=title,
        outlet=outlet,
        published=published,
        paragraphs=list(paragraphs),
        sentences=spans(paragraphs),
        duplicate_of=duplicate_of,
        quotes=list(quotes),
        claims=list(claims),
    )


def quote(text: str, speaker: str | None, *, paragraph: int = 0, start: int = 0) -> Quote:
    """A direct quote record."""
    return Quote(
        text=text,
        speaker=speaker,
        speaker_mention=speaker,
        cue="said",
        kind="direct",
        paragraph=paragraph,
        start=start,
        end=start + len(text),
    )


def claim(
    value: float,
    measure: str,
    *,
    qualifier: str = "=",
    claimant: str | None = None,
    as_of: str | None = None,
    sentence: str = "",
    subject: str | None = None,
) -> Claim:
    """A claim record."""
    return Claim(
        value=value,
        qualifier=qualifier,
        measure=measure,
        subject=subject,
        claimant=claimant,
        as_of=as_of,
        paragraph=0,
        sentence=sentence,
    )
