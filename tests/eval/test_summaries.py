"""ROUGE implementation (hand-computed cases) and the NeUS scorer on the real data when present."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsbrief.eval.summaries import (
    lcs_length,
    parse_cluster,
    reference_text,
    rouge_l,
    rouge_n,
    score_neus,
)

NEUS = (
    Path(
        os.environ.get(
            "NEWSBRIEF_DATA", Path(__file__).resolve().parents[2].parent / "shared" / "data"
        )
    )
    / "neus-allsides"
)


@pytest.mark.parametrize(
    ("pred", "ref", "n", "expected"),
    [
        ("the ferry sails", "the ferry sails", 1, 1.0),
        ("the ferry sails", "a storm came", 1, 0.0),
        ("the ferry sails today", "the ferry", 1, 2 * (2 / 4) * 1 / (2 / 4 + 1)),
        ("the ferry sails", "the ferry stops", 2, 0.5),  # one of two bigrams each side
        ("the the the", "the cat", 1, 2 * (1 / 3) * (1 / 2) / (1 / 3 + 1 / 2)),  # clipped
        ("", "the cat", 1, 0.0),
        ("The Ferry, sails!", "the ferry sails", 2, 1.0),  # case and punctuation ignored
    ],
)
def test_rouge_n(pred: str, ref: str, n: int, expected: float) -> None:
    assert rouge_n(pred, ref, n) == pytest.approx(expected)


def test_rouge_l() -> None:
    assert lcs_length(list("abcde"), list("axcye")) == 3
    assert rouge_l("a b c d", "a c d b") == pytest.approx(0.75)
    assert rouge_l("", "a") == 0.0


@given(
    st.lists(st.sampled_from("abcde"), max_size=12), st.lists(st.sampled_from("abcde"), max_size=12)
)
def test_rouge_bounds_and_symmetry(a: list[str], b: list[str]) -> None:
    pred, ref = " ".join(a), " ".join(b)
    for value in (rouge_n(pred, ref, 1), rouge_n(pred, ref, 2), rouge_l(pred, ref)):
        assert 0.0 <= value <= 1.0
    assert rouge_l(pred, ref) == pytest.approx(rouge_l(ref, pred))
    assert rouge_l(pred, ref) <= rouge_n(pred, ref, 1) + 1e-9


def test_parse_cluster_format() -> None:
    line = (
        "TITLE=> Ferry stops. ARTICLE=> The ferry stopped on Monday. [SEP] "
        "TITLE=> Storm hits coast. ARTICLE=> A storm hit the coast."
    )
    first, second = parse_cluster(line, prefix="x")
    assert (first.id, first.title, first.paragraphs) == (
        "x-0",
        "Ferry stops.",
        ["The ferry stopped on Monday."],
    )
    assert second.paragraphs == ["A storm hit the coast."]
    assert reference_text("TITLE=> T. ARTICLE=> The summary.") == "The summary."


@pytest.mark.skipif(not (NEUS / "val.source").is_file(), reason=f"NeUS data not found at {NEUS}")
def test_score_neus_floor() -> None:
    """The story summary (``--story-per-folder --words 60``) on the first 40 val clusters:
    measured ROUGE-1 0.393 (0.387 before sentences could be cut short at a trailing clause,
    0.378 before the ``consensus`` set feature; lead 0.353, sumy LexRank 0.347); whole val
    split: see README."""
    scores = score_neus(NEUS, split="val", limit=40)
    assert scores["n"] == 40
    assert scores["mean_words"] <= 60
    assert scores["rouge1"] >= 0.385
    assert scores["rouge2"] >= 0.15
    assert scores["rouge1"] > scores["lead.rouge1"]
    if "lexrank.rouge1" in scores:
        assert scores["rouge1"] > scores["lexrank.rouge1"]
        assert scores["lexrank.mean_words"] <= 60


def test_lexrank_reference_keeps_the_budget() -> None:
    pytest.importorskip("sumy")
    from newsbrief.eval.summaries import lexrank_summary
    from newsbrief.nlp import parse_articles

    line = (
        "TITLE=> Ferry stops. ARTICLE=> The island ferry stopped on Monday after a storm. "
        "Crews checked the hull for damage overnight. The operator said service would resume "
        "on Wednesday if the wind dropped. [SEP] TITLE=> Storm halts ferry. ARTICLE=> A storm "
        "halted the island ferry on Monday. The operator expects service to resume on Wednesday."
    )
    articles = [p.article for p in parse_articles(parse_cluster(line, prefix="t"))]
    text = lexrank_summary(articles, words=20)
    assert 0 < len(text.split()) <= 20
    assert all(part.strip() in " ".join(a.paragraphs[0] for a in articles) for part in [text[:30]])
