"""Features for grouping: the accent stripping used by the TF-IDF vectoriser, and anchor rows."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from sklearn.feature_extraction.text import strip_accents_unicode

from newsbrief.model import Article, Entity
from newsbrief.similarity import FeatureOptions, anchor_vectors, strip_accents


@given(st.text())
def test_strip_accents_is_scikit_learns(text: str) -> None:
    assert strip_accents(text) == strip_accents_unicode(text)


def test_strip_accents_on_news_text() -> None:
    text = "“Vasková’s café,” said the mayor of Søndre Ås — naïve résumé. ﬁnal"
    assert strip_accents(text) == strip_accents_unicode(text)
    assert "Vaskova" in strip_accents(text) and "cafe" in strip_accents(text)


def _named(id: str, *names: str) -> Article:
    return Article(
        id=id,
        source=f"{id}.txt",
        paragraphs=["Body."],
        entities=[Entity(text=n, label="PERSON", canonical=n) for n in names],
    )


def test_anchor_rows_count_unshared_names_in_their_norm() -> None:
    """Names no other article has get no column but keep their weight in the row's norm: an
    article naming six people of its own and two shared ones is not a copy of one naming only
    those two (before, both pairs scored a cosine of 1)."""
    shared = ("Ilse Varga", "Aurel Dant")
    arts = [
        _named("a", *shared),
        _named("b", *shared),
        _named("c", *shared, "Ylva Strand", "Idun Mahr", "Oskar Brandt", "Lena Vask", "Ida Roos"),
    ]
    rows, has_anchors, hidden = anchor_vectors(arts, FeatureOptions())
    cos = (rows @ rows.T).toarray()
    assert cos[0, 1] == pytest.approx(1.0)
    assert cos[0, 2] < 0.6
    assert list(has_anchors) == [True, True, True]
    assert hidden[0] == 0.0 and hidden[2] > 0.5
    kept = np.asarray(rows.multiply(rows).sum(axis=1)).ravel()
    assert kept + hidden == pytest.approx(np.ones(3))  # unit rows, part of them hidden


def test_an_article_naming_nothing_shared_has_no_anchors() -> None:
    rows, has_anchors, hidden = anchor_vectors(
        [_named("a", "Ilse Varga"), _named("b", "Aurel Dant")], FeatureOptions()
    )
    assert rows.nnz == 0 and not has_anchors.any()
    assert hidden == pytest.approx(np.ones(2))


def test_keep_heaviest_cuts_long_rows_only() -> None:
    from scipy import sparse

    from newsbrief.similarity import keep_heaviest

    rows = sparse.csr_matrix(
        np.array(
            [
                [0.1, 0.5, 0.2, 0.5, 0.0],  # four values: cut to the three largest
                [0.0, 0.6, 0.0, 0.8, 0.0],  # two values: as it is
            ]
        )
    )
    cut = keep_heaviest(rows, 3).toarray()
    kept = np.array([0.0, 0.5, 0.2, 0.5, 0.0])
    assert np.allclose(cut[0], kept / np.linalg.norm(kept))
    assert np.allclose(cut[1], [0.0, 0.6, 0.0, 0.8, 0.0])
    tied = keep_heaviest(sparse.csr_matrix(np.array([[0.5, 0.5, 0.5]])), 2).toarray()
    assert np.allclose(tied, [[2**-0.5, 2**-0.5, 0.0]])  # ties: the lower columns


def test_long_texts_sharing_only_their_long_tail_are_not_alike() -> None:
    """Two long features on different subjects share hundreds of everyday words, each used
    once or twice: their whole vectors look alike, their heaviest terms do not."""
    from newsbrief.similarity import build_features

    everyday = [f"w{n:03d}" for n in range(300)]  # words any long text uses

    def feature(subject: list[str]) -> Article:
        body = " ".join(f"{' '.join(subject)} {w}" for w in everyday)
        return Article(id=subject[0], source=f"{subject[0]}.txt", paragraphs=[body])

    others = [
        Article(id=f"o{i}", source=f"o{i}.txt", paragraphs=[f"w{i:03d} harbour ferry timetable"])
        for i in range(0, 300, 3)
    ]  # the rest of the batch, so the everyday words are not rare
    blog = feature(["brandvale", "startup", "founders"])
    reviews = feature(["streamdeck", "console", "latency"])
    arts = [blog, reviews, *others]

    def cosine(options: FeatureOptions) -> float:
        text = build_features(arts, options).text
        return float((text[0] @ text[1].T).toarray()[0, 0])

    # all terms: every everyday word is shared; the three heaviest: the subjects alone
    assert cosine(FeatureOptions(max_terms=None)) > 0.3
    assert cosine(FeatureOptions(max_terms=3)) == 0.0
