"""Article features for clustering: time keys, TF-IDF text vectors and "anchor" vectors.

Anchors are the specific things an editor matches stories and events on: canonical entity names
(weighted by label and rarity), quotes (their opening words), claimed figures (measure and
value), the numbers the text states (value and unit) and the days it names. Text and anchor
vectors are L2-normalised rows of sparse matrices, so a dot product is a cosine. An anchor no
other article shares has no column but keeps its weight in its row's norm (``Features.hidden``),
as a word of one article does in the text cosine.

``local_weights`` re-weights the rows of one story by how few of its members share each feature:
the words and names every article of a story uses say nothing about *which* happening an article
reports, the ones half of them share do (two earthquakes: "quake" and "magnitude" everywhere,
the place, the toll and the day in only one of them).
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer

from newsbrief.extract.dates import parse_day
from newsbrief.model import Article

DEFAULT_LABEL_WEIGHTS: Mapping[str, float] = {
    "PERSON": 1.0,
    "ORG": 1.0,
    "EVENT": 1.0,
    "FAC": 0.8,
    "PRODUCT": 0.7,
    "WORK_OF_ART": 0.7,
    "LAW": 0.7,
    "GPE": 0.6,
    "LOC": 0.6,
    "NORP": 0.4,
}
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class FeatureOptions:
    """How articles become vectors."""

    max_features: int = 2**15
    label_weights: Mapping[str, float] = field(default_factory=lambda: dict(DEFAULT_LABEL_WEIGHTS))
    quote_words: int = 8
    quote_weight: float = 1.0
    claim_weight: float = 0.5
    number_weight: float = 0.5
    date_weight: float = 0.7
    max_terms: int | None = 200
    """Each article's text vector keeps its heaviest terms only (None: all). The long tail of a
    long feature's vocabulary is shared by any two long texts: in the 134 real pages of the
    article-extraction set it chained a business blog, a film-song profile and reviews of a
    game service into one story of nine. At 200 those four reviews are a story of their own
    and the stories there go from 66 to 74 (the 924 PolNeAR texts: 272 to 352, the largest
    32 to 26 articles); ECB+ scores the same from 150 to 300 terms (at 100, events 0.923 on
    topics 1-22 against 0.927), and so does the golden demo (session 22)."""


@dataclass(frozen=True)
class Features:
    """Row ``i`` of each matrix describes ``articles[i]``."""

    text: sparse.csr_matrix
    anchors: sparse.csr_matrix
    terms: np.ndarray
    has_anchors: np.ndarray
    hidden: np.ndarray | None = None
    """Per row, the squared weight of the anchors no other article shares (``anchor_vectors``),
    or None when every anchor is kept as a column."""


def article_text(article: Article) -> str:
    """Title and body as one text."""
    return "\n".join([article.title or "", *article.paragraphs])


def text_vectors(
    articles: Sequence[Article], *, max_features: int
) -> tuple[sparse.csr_matrix, np.ndarray]:
    """TF-IDF rows (English stop words, sublinear tf) fitted on the batch, and the term list.

    A streaming version would use a HashingVectorizer with running document frequencies.
    """
    texts = [article_text(a) for a in articles]
    if not any(_WORD.search(t) for t in texts):
        return sparse.csr_matrix((len(texts), 1)), np.array([""])
    vectorizer = TfidfVectorizer(
        stop_words="english",
        sublinear_tf=True,
        strip_accents=strip_accents,
        max_features=max_features,
        dtype=np.float64,
        norm=None,  # normalised below, once each row's columns are sorted
    )
    try:
        matrix = vectorizer.fit_transform(texts)
    except ValueError:  # only stop words
        return sparse.csr_matrix((len(texts), 1)), np.array([""])
    matrix = sparse.csr_matrix(matrix)
    matrix.sort_indices()
    return normalise_rows(matrix)[0], vectorizer.get_feature_names_out()


def strip_accents(text: str) -> str:
    """scikit-learn's ``strip_accents_unicode``, the same output, faster on news text: that
    one looks up every character of a text with one non-ASCII character (a curly quote) in
    Python; this looks up each distinct character once (a quarter of the grouping's time on
    10,000 articles)."""
    if text.isascii():
        return text
    normalized = unicodedata.normalize("NFKD", text)
    marks = {c for c in set(normalized) if c >= "\u0300" and unicodedata.combining(c)}
    return normalized.translate(dict.fromkeys(map(ord, marks))) if marks else normalized


@lru_cache(maxsize=1 << 16)
def _norm_words(text: str, limit: int) -> str:
    return " ".join(_WORD.findall(text.casefold())[:limit])


def anchor_counts(article: Article, options: FeatureOptions) -> dict[str, float]:
    """Raw anchor weights of one article before rarity weighting (feature -> weight)."""
    out: dict[str, float] = {}
    for ent in article.entities:
        weight = options.label_weights.get(ent.label, 0.0)
        name = _norm_words(ent.canonical or ent.text, 12)
        if weight <= 0 or not name:
            continue
        key = "e:" + name
        out[key] = max(out.get(key, 0.0), weight * (1.0 + math.log(max(ent.count, 1))))
    for quote in article.quotes:
        words = _norm_words(quote.text, options.quote_words)
        if len(words.split()) >= min(4, options.quote_words):
            out["q:" + words] = options.quote_weight
    for claim in article.claims:
        key = f"c:{_norm_words(claim.measure, 6)}={claim.value:g}"
        out[key] = options.claim_weight
    if options.number_weight > 0:
        for quantity in article.quantities:
            unit = _norm_words(quantity.unit or "", 3)
            out[f"n:{quantity.value:g} {unit}".rstrip()] = options.number_weight
    if options.date_weight > 0:
        for mention in article.dates:
            if parse_day(mention.date) is not None:  # a year-less "--12-09" is no calendar day
                out["d:" + mention.date[:10]] = options.date_weight
    return out


def anchor_vectors(
    articles: Sequence[Article], options: FeatureOptions
) -> tuple[sparse.csr_matrix, np.ndarray, np.ndarray]:
    """Anchor rows weighted by smoothed IDF (rare shared names count most), L2-normalised over
    all of an article's anchors; which rows share an anchor; and each row's hidden mass.

    An anchor no other article shares cannot link anything, so it gets no column; but it still
    counts in its article's norm, as its words count in the text cosine. Its share of the unit
    norm is the row's *hidden* mass (1 minus the squared kept values). Otherwise an article
    with eight names of its own and two common ones (a glacier survey naming the country and
    city a war story names) would match that story as if it named nothing else.
    """
    per_article = [anchor_counts(a, options) for a in articles]
    df = Counter(key for counts in per_article for key in counts)
    vocab = {key: i for i, key in enumerate(sorted(k for k, d in df.items() if d >= 2))}
    n = len(articles)
    rows, cols, vals = [], [], []
    hidden_sq = np.zeros(n)
    for r, counts in enumerate(per_article):
        for key, weight in counts.items():
            value = weight * (math.log((1 + n) / (1 + df[key])) + 1.0)
            if df[key] < 2:
                hidden_sq[r] += value * value
                continue
            rows.append(r)
            cols.append(vocab[key])
            vals.append(value)
    matrix = sparse.csr_matrix((vals, (rows, cols)), shape=(n, max(len(vocab), 1)))
    matrix.sort_indices()
    kept_sq = np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel()
    total = kept_sq + hidden_sq
    scale = np.divide(1.0, np.sqrt(total), out=np.zeros_like(total), where=total > 0)
    scaled = sparse.csr_matrix(sparse.diags(scale) @ matrix)
    hidden = np.where(total > 0, hidden_sq * scale * scale, 0.0)
    return scaled, kept_sq > 0, hidden


def build_features(articles: Sequence[Article], options: FeatureOptions) -> Features:
    """Text and anchor vectors of a batch (fitted deterministically on the batch itself).

    Each row's columns are sorted before rows are normalised, so norms, sums and dot products
    add the same numbers in the same order whatever the input order (the vectoriser keeps a
    row's columns in the order its words first occurred in the batch, and floating-point
    addition is not associative: two tied articles could otherwise swap places).
    """
    text, terms = text_vectors(articles, max_features=options.max_features)
    if options.max_terms is not None:
        text = keep_heaviest(text, options.max_terms)
    anchors, has_anchors, hidden = anchor_vectors(articles, options)
    return Features(text=text, anchors=anchors, terms=terms, has_anchors=has_anchors, hidden=hidden)


def keep_heaviest(matrix: sparse.csr_matrix, k: int) -> sparse.csr_matrix:
    """Each row of unit rows cut to its ``k`` largest values (ties: the lower column) and
    scaled to unit length again; rows with ``k`` values or fewer are left as they are."""
    matrix = _canonical(matrix)
    lengths = np.diff(matrix.indptr)
    if k < 1 or not (lengths > k).any():
        return matrix
    keep = np.ones(len(matrix.data), dtype=bool)
    for row in np.flatnonzero(lengths > k):
        start, end = matrix.indptr[row], matrix.indptr[row + 1]
        order = np.argsort(-matrix.data[start:end], kind="stable")  # columns are sorted
        keep[start + order[k:]] = False
    row_of = np.repeat(np.arange(matrix.shape[0]), lengths)[keep]
    indptr = np.concatenate([[0], np.cumsum(np.bincount(row_of, minlength=matrix.shape[0]))])
    cut = sparse.csr_matrix((matrix.data[keep], matrix.indices[keep], indptr), shape=matrix.shape)
    return normalise_rows(cut)[0]


def _canonical(matrix: sparse.spmatrix) -> sparse.csr_matrix:
    """``matrix`` as CSR with each row's entries summed per column (a copy only if needed)."""
    matrix = sparse.csr_matrix(matrix)
    if not matrix.has_canonical_format:
        matrix = matrix.copy()
        matrix.sum_duplicates()
    return matrix


def normalise_rows(matrix: sparse.csr_matrix) -> tuple[sparse.csr_matrix, np.ndarray]:
    """Rows scaled to unit length, and which rows are non-zero."""
    matrix = _canonical(matrix)
    lengths = np.diff(matrix.indptr)
    row_of = np.repeat(np.arange(matrix.shape[0]), lengths)
    squares = np.bincount(row_of, weights=matrix.data * matrix.data, minlength=matrix.shape[0])
    norms = np.sqrt(squares)
    scale = np.divide(1.0, norms, out=np.zeros_like(norms), where=norms > 0)
    # built from the arrays, not through a diagonal matrix product (a story's events call
    # this hundreds of times on a few rows each)
    scaled = sparse.csr_matrix(
        (matrix.data * scale[row_of], matrix.indices.copy(), matrix.indptr.copy()),
        shape=matrix.shape,
    )
    return scaled, norms > 0


def local_weights(rows: sparse.csr_matrix, *, floor: float) -> tuple[sparse.csr_matrix, np.ndarray]:
    """Rows of one group re-weighted by in-group rarity, ``log((n + 1) / (df + 1)) + floor``,
    and L2-normalised (with which rows are non-zero).

    A feature every member has keeps only ``floor``; one a few members share counts most. With
    a large ``floor`` this tends to the plain cosine, which small groups need (in a group of two
    every shared feature is shared by all).
    """
    rows = _canonical(rows)
    n = rows.shape[0]
    df = np.bincount(rows.indices, minlength=rows.shape[1])
    weights = np.log((n + 1.0) / (df[rows.indices] + 1.0)) + floor
    weighted = sparse.csr_matrix((rows.data * weights, rows.indices, rows.indptr), shape=rows.shape)
    return normalise_rows(weighted)


def combine(
    text_sim: np.ndarray,
    anchor_sim: np.ndarray,
    both_anchored: np.ndarray,
    *,
    text_weight: float,
    anchor_weight: float,
) -> np.ndarray:
    """Weighted mean of text and anchor cosines; text alone where either side has no anchors."""
    mixed = (text_weight * text_sim + anchor_weight * anchor_sim) / (text_weight + anchor_weight)
    return np.where(both_anchored, mixed, text_sim)


def top_terms(centroid: np.ndarray, terms: np.ndarray, k: int) -> list[str]:
    """The ``k`` heaviest terms of a centroid (ties broken alphabetically)."""
    order = sorted(
        (i for i in np.flatnonzero(centroid > 0)), key=lambda i: (-centroid[i], terms[i])
    )
    return [str(terms[i]) for i in order[:k]]
