"""Extraction scorer: token P/R/F1 by hand, and quality floors on the real pages when present."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from newsbrief.eval.extraction import score_article_extraction, token_prf

DATA = Path(
    os.environ.get("NEWSBRIEF_DATA", Path(__file__).resolve().parents[2] / ".." / "shared" / "data")
)


@pytest.mark.parametrize(
    ("predicted", "gold", "expected"),
    [
        ("the cat sat", "the cat sat", (1.0, 1.0, 1.0)),
        ("The CAT, sat!", "the cat sat", (1.0, 1.0, 1.0)),
        ("the cat", "the cat sat on mats", (1.0, 0.4, 2 * 0.4 / 1.4)),
        ("menu the cat sat", "the cat sat", (0.75, 1.0, 2 * 0.75 / 1.75)),
        ("the the the", "the", (1 / 3, 1.0, 0.5)),
        ("", "words", (0.0, 0.0, 0.0)),
        ("", "", (1.0, 1.0, 1.0)),
    ],
)
def test_token_prf(predicted, gold, expected):
    assert token_prf(predicted, gold) == pytest.approx(expected)


@pytest.mark.parametrize(("source", "floor"), [("plain", 0.84), ("html", 0.96)])
def test_extraction_floor_on_real_pages(source, floor):
    folder = DATA / "article-extraction"
    if not (folder / "ground-truth.json").exists():
        pytest.skip("article-extraction data not available")
    scores = score_article_extraction(folder, source=source)
    assert scores["n"] == 134
    assert scores["f1"] >= floor
    assert scores["f1"] > scores["baseline_f1"]
    assert scores["recall"] >= 0.96
