"""Assemble one story's brief: summary, merged quotes, figures, per-outlet coverage, timeline.

``build_story`` takes a story skeleton from clustering (id, title, articles, events) and fills
the rest from the articles' extractions through the reconcile and summarize stages.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from newsbrief.errors import OptionError
from newsbrief.extract.dates import parse_day
from newsbrief.model import (
    Article,
    Coverage,
    FigureClaim,
    Story,
    StoryQuote,
    SummarySentence,
    TimelineEntry,
)
from newsbrief.reconcile import (
    as_figure_claim,
    compatible,
    figure_groups,
    measure_key,
    merge_quotes,
)
from newsbrief.summarize import NO_NEWS_RE, inside_quoted_words, leans_on_context, summarize
from newsbrief.textsim import (
    LINK_RE,
    MIN_FACT_WORDS,
    QUOTED_RE,
    SAME_FACT_CONTAINMENT,
    SAME_FACT_RATIO,
    content_words,
    headline_case,
    lead_label,
    normalize,
    quoted_share,
    same_fact,
    strip_dateline,
    unbalanced_quotes,
    word_count,
)
from newsbrief.timing import LEAD_PARAGRAPHS, article_day, event_day


@dataclass(frozen=True)
class BriefOptions:
    """What a story brief holds and how long its parts may be."""

    words: int = 60
    story_per_folder: bool = False
    max_quotes: int = 10
    max_timeline: int = 20
    max_unique: int = 3  # sentences per article in coverage (plus its own quotes and figures)
    min_unique_words: int = 6
    min_novelty: float = 0.5  # share of a sentence's content words no other article uses

    def __post_init__(self) -> None:
        for name in ("words", "max_quotes", "max_timeline", "max_unique"):
            if getattr(self, name) < 0:
                raise OptionError(f"BriefOptions.{name} must be >= 0, got {getattr(self, name)}")


def _family(article: Article, copies: Mapping[str, set[str]]) -> set[str]:
    """The article's id plus the ids of its marked duplicates and of what it duplicates
    (``copies`` maps an id to the ids marked as its duplicates)."""
    ids = {article.id}
    if article.duplicate_of:
        ids.add(article.duplicate_of)
    for i in list(ids):
        ids.update(copies.get(i, ()))
    return ids


# ---------------------------------------------------------------- coverage


@dataclass(frozen=True)
class _Sentence:
    """A sentence with what the "no other article states it" test compares, computed once."""

    text: str
    words: frozenset[str]
    norm: str  # normalised words
    sorted_norm: str  # the same words in sorted order (what token_sort_ratio compares)
    quoted: bool = False  # wholly inside a direct quote (``summarize.inside_quoted_words``)


def _sentence(text: str, *, quoted: bool = False) -> _Sentence:
    norm = normalize(text)
    return _Sentence(text, content_words(text), norm, " ".join(sorted(norm.split())), quoted)


@dataclass(frozen=True)
class _ArticleFacts:
    """One article's sentences and figure claims, prepared once per story so that coverage,
    which compares every article with all the others, does not redo the work per pair."""

    sentences: tuple[_Sentence, ...]
    words: frozenset[str]
    claims: tuple[tuple[tuple[str, str | None], FigureClaim], ...]

    @classmethod
    def of(cls, article: Article) -> _ArticleFacts:
        sentences = tuple(
            _sentence(t, quoted=inside_quoted_words(s, article))
            for s, t in article.sentence_texts()
            if not s.caption
        )
        words = frozenset().union(*(s.words for s in sentences))
        claims = tuple((measure_key(c), as_figure_claim(c)) for c in article.claims)
        return cls(sentences, words, claims)


def _stated_elsewhere(sentence: _Sentence, others: Sequence[_Sentence]) -> bool:
    """``any(same_fact(sentence, other) for other in others)``, with the fuzzy test run by
    rapidfuzz over all the others at once (same scorer and threshold as ``same_fact``)."""
    words = sentence.words
    short = len(words) < MIN_FACT_WORDS
    choices: list[str] = []
    for other in others:
        if short or len(other.words) < MIN_FACT_WORDS:
            if sentence.norm == other.norm:
                return True
        elif len(words & other.words) / len(words) >= SAME_FACT_CONTAINMENT:  # containment()
            return True
        else:
            choices.append(other.sorted_norm)
    if not choices:
        return False
    best = process.extractOne(
        sentence.sorted_norm, choices, scorer=fuzz.ratio, score_cutoff=SAME_FACT_RATIO
    )
    return best is not None


@dataclass(frozen=True)
class _StoryIndex:
    """Every article's facts with story-wide lookups, built once per story, so that coverage
    asks "does an article outside this family state it?" without rebuilding the other articles'
    sentences and words for each article (that was quadratic in the story's size)."""

    facts: tuple[_ArticleFacts, ...]
    ids: tuple[str, ...]
    word_articles: Mapping[str, int]  # word -> number of articles using it
    norms: Mapping[str, tuple[int, ...]]  # normalised sentence -> articles (any length)
    short_norms: Mapping[str, tuple[int, ...]]  # the same, sentences under MIN_FACT_WORDS
    long: tuple[_Sentence, ...]  # sentences of MIN_FACT_WORDS content words or more
    long_article: tuple[int, ...]  # the article of each ``long`` sentence
    long_sorted: tuple[str, ...]  # their ``sorted_norm`` (what the fuzzy test compares)
    claims: Mapping[tuple[str, str | None], tuple[tuple[int, FigureClaim], ...]]

    @classmethod
    def of(cls, articles: Sequence[Article]) -> _StoryIndex:
        return cls.from_facts([a.id for a in articles], [_ArticleFacts.of(a) for a in articles])

    @classmethod
    def from_facts(cls, ids: Sequence[str], facts: Sequence[_ArticleFacts]) -> _StoryIndex:
        word_articles: dict[str, int] = {}
        norms: dict[str, list[int]] = {}
        short_norms: dict[str, list[int]] = {}
        long: list[_Sentence] = []
        long_article: list[int] = []
        claims: dict[tuple[str, str | None], list[tuple[int, FigureClaim]]] = {}
        for index, fact in enumerate(facts):
            for w in fact.words:
                word_articles[w] = word_articles.get(w, 0) + 1
            for sentence in fact.sentences:
                norms.setdefault(sentence.norm, []).append(index)
                if len(sentence.words) < MIN_FACT_WORDS:
                    short_norms.setdefault(sentence.norm, []).append(index)
                else:
                    long.append(sentence)
                    long_article.append(index)
            for key, claim in fact.claims:
                claims.setdefault(key, []).append((index, claim))
        return cls(
            facts=tuple(facts),
            ids=tuple(ids),
            word_articles=word_articles,
            norms={k: tuple(v) for k, v in norms.items()},
            short_norms={k: tuple(v) for k, v in short_norms.items()},
            long=tuple(long),
            long_article=tuple(long_article),
            long_sorted=tuple(s.sorted_norm for s in long),
            claims={k: tuple(v) for k, v in claims.items()},
        )

    def outside(self, family: set[str]) -> frozenset[int]:
        """Indices of the articles whose id is not in ``family``."""
        return frozenset(i for i, a in enumerate(self.ids) if a not in family)

    def novel_words(self, words: frozenset[str], family: frozenset[int]) -> list[str]:
        """The words no article outside ``family`` (article indices) uses."""
        inside: dict[str, int] = {}
        for i in family:
            for w in words & self.facts[i].words:
                inside[w] = inside.get(w, 0) + 1
        return [w for w in words if self.word_articles.get(w, 0) == inside.get(w, 0)]

    def stated_elsewhere(self, sentence: _Sentence, others: frozenset[int], shared: int) -> bool:
        """``_stated_elsewhere(sentence, sentences of the articles in others)``; ``shared`` is
        how many of the sentence's words those articles use at all (bounds containment)."""
        words = sentence.words
        if len(words) < MIN_FACT_WORDS:
            return any(i in others for i in self.norms.get(sentence.norm, ()))
        if any(i in others for i in self.short_norms.get(sentence.norm, ())):
            return True
        if shared / len(words) >= SAME_FACT_CONTAINMENT:  # else no sentence can contain it
            for other, i in zip(self.long, self.long_article, strict=True):
                if i in others and len(words & other.words) / len(words) >= SAME_FACT_CONTAINMENT:
                    return True
        hits = process.extract(
            sentence.sorted_norm,
            self.long_sorted,
            scorer=fuzz.ratio,
            score_cutoff=SAME_FACT_RATIO,
            limit=None,
        )
        return any(self.long_article[k] in others for _, _, k in hits)

    def claimed_elsewhere(
        self, claim: tuple[tuple[str, str | None], FigureClaim], others: frozenset[int]
    ) -> bool:
        """Whether an article in ``others`` gives a compatible value for the same measure."""
        key, mine = claim
        return any(i in others and compatible(mine, c) for i, c in self.claims.get(key, ()))


def _unique_sentences(
    index: _StoryIndex, article: int, family: set[str], options: BriefOptions
) -> list[str]:
    """The article's most informative sentences that no article outside its family states."""
    others = index.outside(family)
    inside = frozenset(i for i in range(len(index.ids)) if i not in others)
    ranked: list[tuple[int, int, str]] = []
    for position, sentence in enumerate(index.facts[article].sentences):
        text = sentence.text.strip()
        words = sentence.words
        if word_count(text) < options.min_unique_words or len(words) < 3:
            continue
        if unbalanced_quotes(text) or sentence.quoted:  # a piece of a quote of several
            continue  # sentences, whose middle ones carry no marks: the quote is listed whole
        if headline_case(text):  # a headline or section title kept as a line of the body
            continue
        if leans_on_context(text):  # "He later denied it": listed alone, nobody did
            continue
        if NO_NEWS_RE.search(text):  # "… declined to comment."; a poll's margin of error
            continue
        novel = index.novel_words(words, inside)
        if len(novel) < options.min_novelty * len(words):
            continue
        if index.stated_elsewhere(sentence, others, len(words) - len(novel)):
            continue
        informative = len(novel) + sum(1 for w in novel if w.isdigit())
        ranked.append((-informative, position, text))
    ranked.sort()
    return [text for _, _, text in ranked[: options.max_unique]]


def _inside_quote(sentence: str, quote: str) -> bool:
    """Whether a sentence is part of ``quote``: one of its sentences (split off without quote
    marks), or a sentence each of whose quoted spans is part of the quote."""
    whole = normalize(quote)
    spans = [normalize(m.group(1)) for m in QUOTED_RE.finditer(sentence)] or [normalize(sentence)]
    return all(span and span in whole for span in spans)


def _coverage(
    articles: Sequence[Article], quotes: Sequence[StoryQuote], options: BriefOptions
) -> list[Coverage]:
    originals = [i for i, a in enumerate(articles) if a.duplicate_of is None]
    if len(originals) < 2:
        return []
    index = _StoryIndex.of(articles)
    copies: dict[str, set[str]] = {}
    for a in articles:
        if a.duplicate_of:
            copies.setdefault(a.duplicate_of, set()).add(a.id)
    quoted_by: dict[str, list[StoryQuote]] = {}
    for quote in quotes:
        for source in dict.fromkeys(quote.sources):
            quoted_by.setdefault(source, []).append(quote)
    out: list[Coverage] = []
    for position in originals:
        article = articles[position]
        family = _family(article, copies)
        others = index.outside(family)
        unique = _unique_sentences(index, position, family, options)
        # Then figures and direct quotes only this article (or its copies) carries, unless a
        # listed sentence already states them; a few of each, so coverage stays a digest.
        figures = 0
        for claim, mine in zip(article.claims, index.facts[position].claims, strict=True):
            stated = claim.sentence.strip()
            if figures >= options.max_unique:
                break
            if claim.paragraph < 0:  # the headline's figure: the sources list the headline
                continue
            if stated and stated not in unique and not index.claimed_elsewhere(mine, others):
                unique.append(stated)
                figures += 1
        said = 0
        for quote in quoted_by.get(article.id, ()):  # the story's quotes citing it, in order
            if said >= options.max_unique:
                break
            if quote.kind != "direct" or any(quote.text in u for u in unique):
                continue
            if set(quote.sources) <= family:
                # the whole quote with its speaker replaces a listed sentence holding part of it
                unique = [u for u in unique if not _inside_quote(u, quote.text)]
                who = f" ({quote.speaker})" if quote.speaker else ""
                unique.append(f"“{quote.text}”{who}")
                said += 1
        out.append(Coverage(article=article.id, outlet=article.outlet, unique=unique))
    return out


# ---------------------------------------------------------------- timeline


def _sentence_at(article: Article, paragraph: int, offset: int) -> str | None:
    """The sentence at an offset; None inside a photo caption (a picture's date is not a
    happening of the story) or a sentence carrying a link (an embedded post copied as text,
    "… https://t.co/… — Apple Music (@AppleMusic) September 27, 2016": its date is the
    post's)."""
    for span, text in article.sentence_texts():
        if span.paragraph == paragraph and span.start <= offset < span.end:
            return None if span.caption or LINK_RE.search(text) else text.strip()
    return None


def _dated_facts(articles: Sequence[Article]) -> list[tuple[str, str, str]]:
    """(date, sentence, article id) for every date mention, and every claim the text dates: a
    claim dated only by its article's publication ("won more than 77 percent of the vote
    through the May 10 contests") is news of that day, not a happening on it. A sentence that
    cannot stand alone as an entry gives none: a piece of a quote of several sentences, or one
    that needs the sentence before it ("He explained after winning Ohio on Mar. 15, …"), or
    one with no news (``summarize.NO_NEWS_RE``: "… declined to comment on Tuesday."). A
    lead's wire dateline ("OSTREV — ") is left out, as in the summary."""
    facts: list[tuple[str, str, str]] = []
    for article in articles:
        for claim in article.claims:
            if claim.as_of and claim.as_of_basis != "published" and claim.sentence.strip():
                facts.append((claim.as_of, strip_dateline(claim.sentence), article.id))
        for mention in article.dates:
            if parse_day(mention.date) is None:
                continue  # a year-less "--12-09" has no place on a timeline
            text = _sentence_at(article, mention.paragraph, mention.start)
            if text and strip_dateline(text):
                facts.append((mention.date, strip_dateline(text), article.id))
    return [
        f
        for f in facts
        if not unbalanced_quotes(f[1])
        and not leans_on_context(f[1])
        and quoted_share(f[1]) < BARE_QUOTE_SHARE
        and not NO_NEWS_RE.search(f[1])  # "… could not be reached for comment Saturday."
    ]


BARE_QUOTE_SHARE = 0.9
"""A sentence this much inside quote marks is a quote without its speaker ("“The decision
today is a reminder …”"): as a timeline entry it reads as the outlet's words, and its "today"
is the speaker's. On the 924 PolNeAR texts 8 of 1,450 entries were such; a sentence naming its
speaker ("… Stevens reported, “Overall security …”") stays under it."""


CHAPTER_DAYS = 2
"""An event's articles reporting a day more than this far from the event's own day are a later
chapter of it (the toll update a week on, the trial months after the shooting): their day has
an entry of its own. The clustering's ``event_days`` (days this close are one happening)."""
CHAPTER_LOOKBACK_DAYS = 3
"""The day an article reports is the one it names most up to this many days before it was
written (the clustering's ``event_lookback_days``)."""


def _chapters(day: str, members: Sequence[Article]) -> list[tuple[str, list[Article]]]:
    """An event's later chapters: its members written on a known day (a publication date or a
    dateline; a day read off an undated text may be background) that report a day more than
    ``CHAPTER_DAYS`` from the event's ``day``, grouped by runs of such days at most
    ``CHAPTER_DAYS`` apart; each dated by its most reported day (the earliest on ties)."""
    start = parse_day(day)
    if start is None:
        return []
    reported: list[tuple[dt.date, Article]] = []
    for article in members:
        if article_day(article) is None:
            continue
        when = event_day(article, lookback_days=CHAPTER_LOOKBACK_DAYS)
        if when is not None and abs((when - start).days) > CHAPTER_DAYS:
            reported.append((when, article))
    reported.sort(key=lambda r: r[0])
    runs: list[list[tuple[dt.date, Article]]] = []
    for item in reported:
        if runs and (item[0] - runs[-1][-1][0]).days <= CHAPTER_DAYS:
            runs[-1].append(item)
        else:
            runs.append([item])
    chapters = []
    for run in runs:
        counts = Counter(d for d, _ in run)
        modal = min(counts, key=lambda d: (-counts[d], d))
        chapters.append((modal.isoformat(), [a for _, a in run]))
    return chapters


def _chapter_label(members: Sequence[Article]) -> str:
    """A chapter's entry text: its most representative headline, else its first lead."""
    return representative_title(members) or next(
        (label for a in members if (label := lead_label(a))), ""
    )


def _timeline(
    story: Story, articles: Sequence[Article], options: BriefOptions
) -> list[TimelineEntry]:
    """One entry per dated event and per later chapter of one (``_chapters``), and one per
    other date the articles give (its best sentence).

    An event of undated articles is dated by the date their text names most, which can be
    background (a 2016 campaign piece recalling September 11, 2001): it has an entry only when
    a lead of its articles names that date; the sentences that name it still give theirs."""
    entries: list[tuple[int, TimelineEntry]] = []
    event_dates = set()
    by_id = {a.id: a for a in articles}
    dated: list[tuple[str, list[Article]]] = []
    for event in story.events:
        members = [by_id[i] for i in event.articles if i in by_id]
        if event.date and _dated_for_sure(event.date, members):
            event_dates.add(event.date)
            dated.append((event.date, members))
            entry = TimelineEntry(date=event.date, text=event.label, sources=sorted(event.articles))
            entries.append((len(event.articles) + 1000, entry))
    for day, members in dated:
        for chapter_day, chapter in _chapters(day, members):
            text = _chapter_label(chapter)
            if chapter_day in event_dates or not text:
                continue
            event_dates.add(chapter_day)
            ids = sorted(a.id for a in chapter)
            entries.append(
                (len(ids) + 1000, TimelineEntry(date=chapter_day, text=text, sources=ids))
            )
    by_date: dict[str, list[tuple[str, set[str]]]] = {}
    for date, text, article_id in _dated_facts(articles):
        if date in event_dates:
            continue
        groups = by_date.setdefault(date, [])
        for group_text, sources in groups:
            if same_fact(group_text, text) or same_fact(text, group_text):
                sources.add(article_id)
                break
        else:
            groups.append((text, {article_id}))
    # a sentence naming two days ("blasting since Sunday… reopened on Monday") is one entry:
    # the best-cited dates choose first (earlier first on ties), each its most cited sentence
    # not taken yet (the first of them on ties)
    used: set[str] = set()
    ranked = sorted(by_date.items(), key=lambda d: (-max(len(g[1]) for g in d[1]), d[0]))
    for date, groups in ranked:
        free = [g for g in groups if g[0] not in used]
        if not free:
            continue
        text, sources = max(free, key=lambda g: len(g[1]))
        used.add(text)
        entries.append((len(sources), TimelineEntry(date=date, text=text, sources=sorted(sources))))
    kept = sorted(entries, key=lambda e: (-e[0], e[1].date))[: options.max_timeline]
    return [e for _, e in sorted(kept, key=lambda e: e[1].date)]


def _dated_for_sure(day: str, members: Sequence[Article]) -> bool:
    """Whether an event's day rests on more than the text of undated articles: one of them was
    written on a known day (published, or a dateline), or a lead names the day."""
    if any(article_day(a) is not None for a in members):
        return True
    return any(m.date == day and m.paragraph < LEAD_PARAGRAPHS for a in members for m in a.dates)


# ---------------------------------------------------------------- title


def representative_title(articles: Sequence[Article]) -> str:
    """The headline sharing most content words with the other headlines (ties: the earliest)."""
    titles = [a.title.strip() for a in articles if a.title and a.title.strip()]
    if not titles:
        return ""
    words = [content_words(t) for t in titles]

    def overlap(i: int) -> float:
        if not words[i]:
            return 0.0
        return sum(len(words[i] & w) / len(words[i] | w) for j, w in enumerate(words) if j != i)

    return titles[max(range(len(titles)), key=lambda i: (overlap(i), -i))]


# ---------------------------------------------------------------- story


def build_story(
    story: Story,
    articles: Mapping[str, Article],
    *,
    options: BriefOptions | None = None,
    summary: bool = True,
) -> Story:
    """The story with its summary, quotes, figures, coverage and timeline filled in.

    Articles are taken in the story's order; ids missing from ``articles`` are skipped. With
    ``summary=False`` the summary is left out, to be added by ``with_summary`` from
    ``story_summary`` (computed elsewhere: the two halves of a large story can be built at once
    on two workers); the result is then the same.
    """
    opts = options or BriefOptions()
    members = [articles[i] for i in story.articles if i in articles]
    quotes = merge_quotes(members)
    built = story.model_copy(
        update={
            "title": story.title.strip() or representative_title(members),
            "quotes": quotes[: opts.max_quotes],
            "figures": figure_groups(members),
            "coverage": _coverage(members, quotes, opts),
            "timeline": _timeline(story, members, opts),
        }
    )
    return with_summary(built, story_summary(story, articles, options=opts)) if summary else built


def story_summary(
    story: Story, articles: Mapping[str, Article], *, options: BriefOptions | None = None
) -> list[SummarySentence]:
    """The story's cited summary (``summarize`` over its articles, in the story's order). It
    reads a quote's speaker only for whether it has one, so story-wide speaker names
    (``reconcile.with_story_speakers``) do not change it."""
    opts = options or BriefOptions()
    return summarize([articles[i] for i in story.articles if i in articles], words=opts.words)


def with_summary(story: Story, summary: list[SummarySentence]) -> Story:
    """``story`` with its summary; a story with no title takes its first sentence as one."""
    title = story.title or (summary[0].text if summary else "")
    return story.model_copy(update={"title": title, "summary": summary})
