"""The indexed fast paths of the story stages decide exactly what the plain pairwise tests do.

``reconcile.unify_names`` looks name variants up in an index instead of testing every canonical
name, and coverage (``brief._StoryIndex``) looks sentences, words and claims up in story-wide
indexes and runs the fuzzy "same fact" test over all other sentences at once; both must agree
with the one-pair-at-a-time definitions they replace.
"""

from __future__ import annotations

import unicodedata
from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from newsbrief.brief import (
    BriefOptions,
    _ArticleFacts,
    _coverage,
    _sentence,
    _StoryIndex,
)
from newsbrief.model import Article
from newsbrief.reconcile import (
    _name_tokens,
    _same_name,
    canonical_order,
    containable,
    unify_names,
)
from newsbrief.summarize import leans_on_context
from newsbrief.textsim import content_words, fold, headline_case, same_fact, word_count

_VOCABULARY = """
Lena Vask Vaskova Vasks Lina Tomas Thomas Marsk Marks Helena Kaldoria Kaldorian General Staff
Ministry the of for against Mr Dr Varnia Varnian Defence Defense Port Elin harbour bridge closed
reopened 120 2,000 soldiers killed said Vasková Zoë
"""
WORDS = _VOCABULARY.split()

names = st.lists(
    st.builds(
        lambda ws, poss: " ".join(ws) + poss,
        st.lists(st.sampled_from(WORDS), min_size=1, max_size=4),
        st.sampled_from(["", "'s", "’s"]),
    ),
    max_size=30,
)


def _pairwise_unify(variants: list[str]) -> dict[str, str]:
    """``unify_names`` as first written: every variant against every canonical name."""
    counts = Counter(n.strip() for n in variants if n.strip())
    order = canonical_order(counts)  # the same order; only the look-up differs
    canonical: list[tuple[str, list[str]]] = []
    mapping: dict[str, str] = {}
    for name in order:
        words = _name_tokens(name)
        hits = [
            c for c, c_words in canonical if _same_name(words, c_words, contains=containable(c))
        ]
        mapping[name] = hits[0] if len(hits) == 1 else name
        if not hits:
            canonical.append((name, words))
    return mapping


@settings(max_examples=300, deadline=None)
@given(names)
def test_unify_names_matches_pairwise_definition(variants: list[str]) -> None:
    assert unify_names(variants) == _pairwise_unify(variants)


sentences = st.lists(st.sampled_from(WORDS), min_size=1, max_size=12).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(sentences, st.lists(sentences, max_size=15))
def test_stated_elsewhere_matches_same_fact(text: str, others: list[str]) -> None:
    expected = any(same_fact(text, other) for other in others)
    sentence = _sentence(text)
    facts = [_ArticleFacts((_sentence(o),), content_words(o), ()) for o in others]
    index = _StoryIndex.from_facts([str(i) for i in range(len(facts))], facts)
    used = frozenset().union(*(f.words for f in facts))
    everyone = frozenset(range(len(facts)))
    assert index.stated_elsewhere(sentence, everyone, len(sentence.words & used)) is expected


def _pairwise_unique(article: Article, others: list[Article], options: BriefOptions) -> list[str]:
    """Coverage's unique sentences as first written: every sentence against every sentence of
    every other article, with ``same_fact``."""
    other_texts = [t for a in others for _, t in a.sentence_texts()]
    other_words = frozenset().union(*(content_words(t) for t in other_texts))
    ranked: list[tuple[int, int, str]] = []
    for position, (_, raw) in enumerate(article.sentence_texts()):
        text, words = raw.strip(), content_words(raw)
        if word_count(text) < options.min_unique_words or len(words) < 3:
            continue
        if headline_case(text) or leans_on_context(text):  # a sentence's own tests, not
            continue  # comparisons: as coverage has them
        novel = [w for w in words if w not in other_words]
        if len(novel) < options.min_novelty * len(words):
            continue
        if any(same_fact(raw, other) for other in other_texts):
            continue
        ranked.append((-(len(novel) + sum(1 for w in novel if w.isdigit())), position, text))
    ranked.sort()
    return [text for _, _, text in ranked[: options.max_unique]]


stories = st.lists(
    st.tuples(st.lists(sentences, min_size=1, max_size=5), st.integers(min_value=-1, max_value=5)),
    min_size=2,
    max_size=7,
)


@settings(max_examples=200, deadline=None)
@given(stories, st.sampled_from([0.0, 0.1, 0.5]))
def test_coverage_index_matches_pairwise_definition(
    story: list[tuple[list[str], int]], novelty: float
) -> None:
    """Sentences, novelty and the family of copies excluded, as the pairwise test decides."""
    articles: list[Article] = []
    for i, (texts, copy_of) in enumerate(story):
        spans, start = [], 0
        for text in texts:
            spans.append({"paragraph": 0, "start": start, "end": start + len(text) + 1})
            start += len(text) + 2  # the sentence, its full stop and a space
        record = {
            "id": f"a{i}",
            "source": f"a{i}.txt",
            "paragraphs": [" ".join(t + "." for t in texts)],
            "sentences": spans,
            "duplicate_of": f"a{copy_of}" if 0 <= copy_of < i else None,
        }
        articles.append(Article.model_validate(record))
    options = BriefOptions(min_unique_words=3, min_novelty=novelty)
    got = {c.article: c.unique for c in _coverage(articles, [], options)}
    originals = [a for a in articles if a.duplicate_of is None]
    if len(originals) < 2:
        assert got == {}
        return
    for a in originals:
        family = {a.id} | {b.id for b in articles if b.duplicate_of == a.id}
        others = [b for b in articles if b.id not in family]
        assert got[a.id] == _pairwise_unique(a, others, options)


def test_fold_fast_path_agrees_with_unicode_folding() -> None:
    assert fold("Vasková ZOË") == "vaskova zoe"
    assert fold("Port Elin") == "port elin"
    assert fold("ǅemal") == "dzemal"  # NFKD splits the digraph


def _fold_by_character(text: str) -> str:
    """The folding ``fold`` must give: casefold, NFKD, every combining mark dropped."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@settings(max_examples=300)
@given(
    st.text(alphabet=st.sampled_from("aZé“”’ÅǅﬁÆß½\u0301\u0308\u0327 .-ΆЙ"), max_size=40)
    | st.text()
)
def test_fold_drops_exactly_the_combining_marks(text: str) -> None:
    assert fold(text) == _fold_by_character(text)
