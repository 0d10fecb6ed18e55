"""Small text-similarity helpers shared by the story-level stages (reconcile, summarize, brief).

Everything here is pure and deterministic: word tokens, content words (no stopwords), accent
folding, and the one "states the same fact" test that summary citations and coverage both use.
The story-level stages compare every sentence with many others, so ``normalize`` and
``content_words`` keep a bounded cache of recent results.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection
from functools import lru_cache
from typing import TYPE_CHECKING

from rapidfuzz import fuzz

if TYPE_CHECKING:
    from newsbrief.model import Article

WORD_RE = re.compile(r"\w+", re.UNICODE)

# A sentence states the same fact as another when their normalised words nearly coincide in any
# order (rapidfuzz token_sort_ratio; token_set_ratio was too lenient: it scores a sentence and its
# contradiction sharing a long common part above 85) or when most of its content words occur in
# the other sentence.
SAME_FACT_RATIO = 85.0
SAME_FACT_CONTAINMENT = 0.8
MIN_FACT_WORDS = 3


def wordset(text: str) -> frozenset[str]:
    """A word list written as one whitespace-separated string."""
    return frozenset(text.split())


# Function words; negations ("no", "not", "nor") are kept as content because they change facts.
STOPWORDS: frozenset[str] = wordset(
    """
    a about above after again against all also am an and any are as at be because been before
    being below between both but by can could did do does doing down during each few for from
    further had has have having he her here hers herself him himself his how i if in into is it
    its itself just me more most my myself now of off on once only or other our ours
    ourselves out over own same she should so some such than that the their theirs them
    themselves then there these they this those through to too under until up very was we were
    what when where which while who whom why will with would you your yours yourself yourselves
    said says say saying told tells according s t don didn doesn isn wasn weren won wouldn
    mr mrs ms dr ve ll re d m
    """
)


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Casefold and strip accents ("Vasková" -> "vaskova"). Cached: the story stages fold the
    same sentences several times, and news text with curly quotes is rarely ASCII."""
    return _fold(text)


def _fold(text: str) -> str:
    if text.isascii():  # nothing to decompose, and casefold is lower
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    if decomposed.isascii():
        return decomposed
    # each distinct character looked up once (an article with curly quotes has a few dozen),
    # and no character below U+0300 combines
    marks = {c for c in set(decomposed) if c >= "\u0300" and unicodedata.combining(c)}
    return decomposed.translate(dict.fromkeys(map(ord, marks))) if marks else decomposed


@lru_cache(maxsize=1 << 13)
def tokens(text: str) -> tuple[str, ...]:
    """Lowercased, accent-folded word tokens (cached: the story stages read the words of the
    same sentences and names in several places)."""
    return tuple(WORD_RE.findall(fold(text)))


def text_tokens(text: str) -> list[str]:
    """``tokens`` of a long text read once (a whole article), without filling the caches that
    serve sentences."""
    return WORD_RE.findall(_fold(text))


@lru_cache(maxsize=1 << 16)
def normalize(text: str) -> str:
    """Tokens joined by single spaces: punctuation, quote marks and case removed."""
    return " ".join(tokens(text))


@lru_cache(maxsize=1 << 16)
def content_words(text: str) -> frozenset[str]:
    """Distinct tokens that are not stopwords (numbers kept, one-letter words dropped)."""
    return frozenset(t for t in tokens(text) if t not in STOPWORDS and (len(t) > 1 or t.isdigit()))


LINK_RE = re.compile(r"https?://|www\.|\S@\S|(?:^|\s)@\w")
"""A web address, an e-mail address or a social handle in a text."""

QUOTED_RE = re.compile(r"[\"“„«]([^\"“”„«»]*)[\"”»]")
"""A double-quoted span (straight, curly or guillemets); group 1 is the quoted words."""


def quoted_share(text: str) -> float:
    """The share of a text's characters inside double quote marks."""
    return sum(len(m.group(1)) for m in QUOTED_RE.finditer(text)) / max(len(text), 1)


def unbalanced_quotes(text: str) -> bool:
    """An odd number of double quote marks: part of a quote cut off from the rest (a sentence
    split inside a quote of several sentences)."""
    straight = text.count('"')
    opening = sum(text.count(c) for c in "“„«")
    closing = sum(text.count(c) for c in "”»")
    return straight % 2 == 1 or (straight == 0 and opening != closing)


def word_count(text: str) -> int:
    """Words as a reader counts them (whitespace-separated)."""
    return len(text.split())


def containment(part: Collection[str], whole: Collection[str]) -> float:
    """Share of ``part`` that occurs in ``whole`` (0 when ``part`` is empty)."""
    if not part:
        return 0.0
    whole_set = whole if isinstance(whole, frozenset | set) else set(whole)
    return sum(1 for w in part if w in whole_set) / len(part)


def same_fact(
    text: str,
    other: str,
    *,
    words: frozenset[str] | None = None,
    other_words: frozenset[str] | None = None,
    fuzzy: bool = True,
) -> bool:
    """Whether ``other`` states what ``text`` states (near-identical, or holds its content words).

    Content-word sets may be passed in when the caller already has them. ``fuzzy=False`` drops
    the reworded-sentence test, whose one swapped word can be the fact itself ("wall harbour" vs
    "wall mayor"): citations use that, so a cited article always holds the sentence's words.
    """
    words = content_words(text) if words is None else words
    other_words = content_words(other) if other_words is None else other_words
    if len(words) < MIN_FACT_WORDS or len(other_words) < MIN_FACT_WORDS:
        return normalize(text) == normalize(other)
    if containment(words, other_words) >= SAME_FACT_CONTAINMENT:
        return True
    return fuzzy and fuzz.token_sort_ratio(normalize(text), normalize(other)) >= SAME_FACT_RATIO


# A wire dateline opening a lead: "PORT ELIN, March 3 (Meridian Wire) - ", "NORTHGATE — ".
_DATELINE_RE = re.compile(
    r"^(?:[A-Z][A-Z.'’ -]{2,40}(?:,\s*[A-Z][\w.'’ ]{1,30}){0,2}\s*(?:\([^()]{2,40}\))?"
    r"|\([A-Z][\w.&'’ ]{1,30}\))"  # or the outlet alone: "(CNN) - "
    r"\s*[-‒–—―]+(?:\s+|$)"
)
_BULLET_RE = re.compile(r"^(?:[•·▪►▸‣◦~*]\s+)+")
_UPDATE_RE = re.compile(r"^UPDATED?\b.{0,30}?:\s+(?:[\d/.,: ]{1,12}\s*[-‒–—―]+\s*)?")
"""An update note's label ("UPDATE: 5/12 — ", "UPDATED 3:40 p.m.: "), in capitals."""


def strip_dateline(text: str) -> str:
    """The sentence without a leading wire dateline (``"KESSEL, May 2 (Wire) - "``,
    ``"WASHINGTON ― "``, ``"(Wire) - "``), update label (``"UPDATE: 5/12 — "``) or list
    bullet (``"~ "``, ``"• "``)."""
    return _DATELINE_RE.sub("", _UPDATE_RE.sub("", _BULLET_RE.sub("", text.strip()))).strip()


# Words a title-case headline leaves in lower case ("Party for Hillary Clinton").
_HEADLINE_SMALL_WORDS = wordset(
    "a an the of to in on for and or nor but at by with from as via per vs into over is"
)
_HEADLINE_WORD_RE = re.compile(r"[^\W\d_][\w’'.-]*")
HEADLINE_MIN_WORDS = 5
"""A line needs this many capitalisable words before its case makes it a headline."""


def headline_case(text: str) -> bool:
    """Whether a line is set like a headline: every word but the small ones capitalised, or all
    in capitals ("Only 24 Percent of Hillary Clinton’s Contributors Are Small Donors.",
    "ELEVEN POLICE KILLED IN CAR BOMB ATTACK."). Prose puts its verbs and common nouns in lower
    case, so a sentence of names still has a lower-case word ("Trump, Cruz and Rubio met in
    Detroit."). Plain-text exports keep the headline and section titles as lines of the body."""
    words = [w for w in _HEADLINE_WORD_RE.findall(text) if w.lower() not in _HEADLINE_SMALL_WORDS]
    return len(words) >= HEADLINE_MIN_WORDS and all(w[0].isupper() for w in words)


_SENTENCE_END_RE = re.compile(r"(?<=[.!?])\s+(?=[\"“‘']?[A-Z])")

LABEL_MIN_WORDS = 3
"""A shorter first sentence ("IN BRIEF.", "Updated.") is a section line, not a lead."""

LABEL_MAX_WORDS = 25
"""An untitled group's label is its lead sentence cut to this many words (a lede runs 20-35
words; a headline set as the first line of a plain text, 6-15)."""


def lead_label(article: Article, max_words: int = LABEL_MAX_WORDS) -> str:
    """An untitled article's stand-in headline: its first sentence of ``LABEL_MIN_WORDS`` words
    or more without a wire dateline (a section line such as "IN BRIEF." says nothing of the
    story; the first sentence at all when none is that long), cut to ``max_words`` words with
    an ellipsis. A lede states what happened; a plain text's first line is often its headline
    (a run of top terms, "pga doral golf tour", names a topic but says nothing)."""
    texts = [text for span, text in article.sentence_texts() if not span.caption] or [
        _SENTENCE_END_RE.split(p.strip(), maxsplit=1)[0] for p in article.paragraphs
    ]  # a record without sentence spans: cut at the first full stop before a capital
    candidates = [w for w in (strip_dateline(t).split() for t in texts) if w]
    words = next((w for w in candidates if len(w) >= LABEL_MIN_WORDS), None)
    words = words or (candidates[0] if candidates else [])
    if len(words) <= max_words:
        return " ".join(words)
    return " ".join(words[:max_words]).rstrip(",;:—–-") + "…"
