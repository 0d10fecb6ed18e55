"""Extractive multi-document summary with citations.

Candidate sentences come from each article's single parse (``Article.sentence_texts()``). Each is
scored by centrality (TF-IDF cosine to the story centroid, every article weighted equally), lead
position, corroboration by the other articles, closeness to the headlines and whether it carries
a key fact (a claimed figure, an attributed quote). Sentences are then picked greedily with
maximal marginal relevance inside the word budget and put back in reading order. Every chosen
sentence cites every article that states the same fact (``textsim.same_fact``), so a summary
sentence is never uncited.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from newsbrief.model import Article, SentenceSpan, SummarySentence
from newsbrief.textsim import content_words, same_fact, tokens, word_count, wordset

QUOTE_MARKS = '"“”„«»'
CUE_WORDS = wordset(
    "said says say told tells according added adds asked stated wrote writes tweeted declared "
    "insisted argued warned noted explained claimed announced confirmed"
)
_QUOTED_RE = re.compile(r"[\"“„«]([^\"“”„«»]*)[\"”»]")


@dataclass(frozen=True)
class SummaryOptions:
    """Weights and limits of the extractive summariser (tuned on 600 NeUS train clusters)."""

    min_words: int = 6
    max_quote_share: float = 0.6  # more of the sentence in quote marks than this needs a cue
    max_candidates_per_article: int = 12  # lead sentences considered per article
    weight_centrality: float = 1.0
    weight_position: float = 0.8
    weight_corroboration: float = 0.6
    weight_key_facts: float = 0.15
    weight_headline: float = 1.0  # cosine to the articles' headlines
    mmr_lambda: float = 0.5
    redundancy: float = 0.5  # cosine above which a sentence repeats one already chosen


@dataclass(frozen=True)
class _Sentence:
    article: int
    position: int
    span: SentenceSpan
    text: str
    words: frozenset[str]


def _is_quote_fragment(text: str, options: SummaryOptions) -> bool:
    """Mostly quoted words, or an unclosed quote, with no speech cue to attribute them."""
    if not any(c in QUOTE_MARKS for c in text):
        return False
    if any(t in CUE_WORDS for t in tokens(text)):
        return False
    quoted = sum(len(m.group(1)) for m in _QUOTED_RE.finditer(text))
    marks = sum(1 for c in text if c in QUOTE_MARKS)
    return marks % 2 == 1 or quoted > options.max_quote_share * len(text)


# A wire dateline opening a lead: "PORT ELIN, March 3 (Meridian Wire) - ", "NORTHGATE — ".
_DATELINE_RE = re.compile(
    r"^[A-Z][A-Z.'’ -]{2,40}(?:,\s*[A-Z][\w.'’ ]{1,30}){0,2}\s*(?:\([^()]{2,40}\))?\s*[-–—]+\s+"
)


def _collect(articles: Sequence[Article]) -> list[_Sentence]:
    sentences: list[_Sentence] = []
    for index, article in enumerate(articles):
        for position, (span, raw) in enumerate(article.sentence_texts()):
            text = _DATELINE_RE.sub("", raw.strip())
            if text:
                sentences.append(_Sentence(index, position, span, text, content_words(text)))
    return sentences


def _is_candidate(s: _Sentence, articles: Sequence[Article], options: SummaryOptions) -> bool:
    return (
        articles[s.article].duplicate_of is None
        and s.position < options.max_candidates_per_article
        and word_count(s.text) >= options.min_words
        and len(s.words) >= 3
        and not _is_quote_fragment(s.text, options)
    )


def _key_fact(s: _Sentence, article: Article) -> float:
    """1 for a sentence stating a claimed figure, 0.5 for one with an attributed quote."""
    for claim in article.claims:
        stated = claim.sentence.strip()
        if (
            claim.paragraph == s.span.paragraph
            and stated
            and (s.text in stated or stated in s.text)
        ):
            return 1.0
    for quote in article.quotes:
        if (
            quote.speaker
            and quote.paragraph == s.span.paragraph
            and s.span.start <= quote.start < s.span.end
        ):
            return 0.5
    return 0.0


def _vectors(texts: Sequence[str]) -> np.ndarray:
    """L2-normalised TF-IDF rows over content words (dense: stories are small)."""
    vectorizer = TfidfVectorizer(
        analyzer=lambda t: sorted(content_words(t)), sublinear_tf=True, norm="l2"
    )
    try:
        matrix = vectorizer.fit_transform(texts)
    except ValueError:  # no content words at all
        return np.zeros((len(texts), 1))
    return np.asarray(matrix.todense())


def _related(articles: Sequence[Article], i: int, j: int) -> bool:
    """Same article, or one a marked duplicate of the other."""
    a, b = articles[i], articles[j]
    return i == j or a.duplicate_of == b.id or b.duplicate_of == a.id


def _scores(
    cands: list[_Sentence],
    pool: list[_Sentence],
    vec_c: np.ndarray,
    vec_p: np.ndarray,
    vec_t: np.ndarray,
    articles: Sequence[Article],
    options: SummaryOptions,
) -> np.ndarray:
    originals = sorted({s.article for s in pool if articles[s.article].duplicate_of is None})
    by_article = {a: [k for k, s in enumerate(pool) if s.article == a] for a in originals}
    means = [vec_p[rows].mean(axis=0) for rows in by_article.values() if rows]
    centroid = np.mean(means, axis=0) if means else np.zeros(vec_p.shape[1])
    norm = float(np.linalg.norm(centroid))
    centrality = vec_c @ (centroid / norm) if norm else np.zeros(len(cands))
    headlines = vec_t.sum(axis=0) if len(vec_t) else np.zeros(vec_p.shape[1])
    h_norm = float(np.linalg.norm(headlines))
    headline = vec_c @ (headlines / h_norm) if h_norm else np.zeros(len(cands))
    sims = vec_c @ vec_p.T
    scores = np.zeros(len(cands))
    for k, s in enumerate(cands):
        others = [a for a in originals if not _related(articles, s.article, a)]
        support = [float(sims[k, by_article[a]].max()) for a in others if by_article[a]]
        corroboration = float(np.mean(support)) if support else 0.0
        scores[k] = (
            options.weight_centrality * centrality[k]
            + options.weight_position / (1.0 + s.position)
            + options.weight_corroboration * corroboration
            + options.weight_key_facts * _key_fact(s, articles[s.article])
            + options.weight_headline * headline[k]
        )
    return scores


def _select(
    cands: list[_Sentence], scores: np.ndarray, vec_c: np.ndarray, words: int, opts: SummaryOptions
) -> list[int]:
    """Greedy MMR inside the word budget; the best sentence is taken even when it is too long."""
    chosen: list[int] = []
    used = 0
    remaining = set(range(len(cands)))
    top = float(scores.max()) if len(scores) else 1.0
    while remaining:
        best, best_value = -1, -np.inf
        for k in sorted(remaining):
            n = word_count(cands[k].text)
            if chosen and used + n > words:
                continue
            overlap = max((float(vec_c[k] @ vec_c[c]) for c in chosen), default=0.0)
            if overlap >= opts.redundancy or any(
                same_fact(cands[k].text, cands[c].text, words=cands[k].words) for c in chosen
            ):
                continue
            value = opts.mmr_lambda * scores[k] / (top or 1.0) - (1 - opts.mmr_lambda) * overlap
            if not chosen and n > words:
                value -= 10.0  # first pick: prefer a sentence that fits the budget
            if value > best_value:
                best, best_value = k, value
        if best < 0:
            break
        chosen.append(best)
        used += word_count(cands[best].text)
        remaining.discard(best)
    return chosen


def _sources(s: _Sentence, pool: list[_Sentence], articles: Sequence[Article]) -> list[str]:
    """Every article that states the sentence's fact: its own, duplicates, near-identical ones."""
    ids = {articles[s.article].id}
    # a marked duplicate without sentence spans (never parsed) is taken to carry the sentence
    ids.update(
        a.id for j, a in enumerate(articles) if not a.sentences and _related(articles, s.article, j)
    )
    for other in pool:
        if articles[other.article].id not in ids and same_fact(
            s.text, other.text, words=s.words, other_words=other.words
        ):
            ids.add(articles[other.article].id)
    return sorted(ids)


def summarize(
    articles: Sequence[Article], *, words: int = 60, options: SummaryOptions | None = None
) -> list[SummarySentence]:
    """An extractive summary of ``articles`` of at most ``words`` words (at least one sentence).

    Each sentence is verbatim from one article and cites every article that states it.
    """
    opts = options or SummaryOptions()
    pool = _collect(articles)
    cands = [s for s in pool if _is_candidate(s, articles, opts)]
    if not cands:  # nothing passes the filters: fall back to every original sentence
        cands = [s for s in pool if articles[s.article].duplicate_of is None] or pool
    if not cands:
        return []
    titles = [a.title for a in articles if a.title and a.duplicate_of is None]
    vectors = _vectors([s.text for s in pool] + titles)
    vec_p, vec_t = vectors[: len(pool)], vectors[len(pool) :]
    row = {id(s): k for k, s in enumerate(pool)}
    vec_c = vec_p[[row[id(s)] for s in cands]]
    scores = _scores(cands, pool, vec_c, vec_p, vec_t, articles, opts)
    picked = _select(cands, scores, vec_c, words, opts)
    picked.sort(
        key=lambda k: (
            articles[cands[k].article].published is None,
            articles[cands[k].article].published or "",
            cands[k].article,
            cands[k].position,
        )
    )
    return [
        SummarySentence(text=cands[k].text, sources=_sources(cands[k], pool, articles))
        for k in picked
    ]
