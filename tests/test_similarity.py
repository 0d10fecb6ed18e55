"""Text features for grouping: the accent stripping used by the TF-IDF vectoriser."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from sklearn.feature_extraction.text import strip_accents_unicode

from newsbrief.similarity import strip_accents


@given(st.text())
def test_strip_accents_is_scikit_learns(text: str) -> None:
    assert strip_accents(text) == strip_accents_unicode(text)


def test_strip_accents_on_news_text() -> None:
    text = "“Vasková’s café,” said the mayor of Søndre Ås — naïve résumé. ﬁnal"
    assert strip_accents(text) == strip_accents_unicode(text)
    assert "Vaskova" in strip_accents(text) and "cafe" in strip_accents(text)
