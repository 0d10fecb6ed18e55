"""The indexed fast paths of the story stages decide exactly what the plain pairwise tests do.

``reconcile.unify_names`` looks name variants up in an index instead of testing every canonical
name, and coverage (``brief._stated_elsewhere``) runs the fuzzy "same fact" test over all other
sentences at once; both must agree with the one-pair-at-a-time definitions they replace.
"""

from __future__ import annotations

from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from newsbrief.brief import _sentence, _stated_elsewhere
from newsbrief.reconcile import _name_tokens, _same_name, unify_names
from newsbrief.textsim import fold, same_fact

_VOCABULARY = """
Lena Vask Vaskova Vasks Lina Tomas Thomas Marsk Marks Helena Kaldoria Kaldorian General Staff
Ministry the of Mr Dr Varnia Varnian Defence Defense Port Elin harbour bridge closed reopened
120 2,000 soldiers killed said Vasková Zoë
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
    order = sorted(
        counts,
        key=lambda n: (-len(_name_tokens(n)), "'" in n or "’" in n, -counts[n], -len(n), n),
    )
    canonical: list[tuple[str, list[str]]] = []
    mapping: dict[str, str] = {}
    for name in order:
        words = _name_tokens(name)
        hits = [c for c, c_words in canonical if _same_name(words, c_words)]
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
    assert _stated_elsewhere(_sentence(text), [_sentence(o) for o in others]) is expected


def test_fold_fast_path_agrees_with_unicode_folding() -> None:
    assert fold("Vasková ZOË") == "vaskova zoe"
    assert fold("Port Elin") == "port elin"
    assert fold("ǅemal") == "dzemal"  # NFKD splits the digraph
