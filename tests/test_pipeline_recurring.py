"""Wiring of learned boilerplate: learned over all inputs before the clean map, per document."""

from __future__ import annotations

from pathlib import Path

import pytest
from clean.recurring_pages import BODIES, FOOTER, MENU, PROMO, TITLES, page

from newsbrief import pipeline
from newsbrief.model import Article, RawDocument
from newsbrief.pipeline import RunOptions, _clean_jobs, _clean_shard, extract_result
from newsbrief.run.local import LocalExecutor


def _docs() -> list[RawDocument]:
    return [
        RawDocument(source=f"lantern/{i}.txt", content=page(t, b), folder="lantern")
        for i, (t, b) in enumerate(zip(TITLES, BODIES, strict=True))
    ]


def _recurring(article: Article) -> set[str]:
    return {r.text for r in article.removed if r.reason == "recurring"}


@pytest.mark.parametrize("workers", [1, 2])
def test_clean_map_gets_each_document_its_keys(workers: int) -> None:
    jobs = _clean_jobs(_docs(), RunOptions())
    out = LocalExecutor(workers=workers, shard_size=2).map(_clean_shard, jobs)
    assert len(out) == len(jobs)
    for article, body in zip(out, BODIES, strict=True):
        assert isinstance(article, Article)
        assert {PROMO, *FOOTER} <= _recurring(article)
        assert article.paragraphs == body


@pytest.mark.parametrize("options", [RunOptions(learn_boilerplate=False), RunOptions(clean=False)])
def test_learning_can_be_switched_off(options: RunOptions) -> None:
    assert all(keys == frozenset() for _, keys in _clean_jobs(_docs(), options))


def test_extract_result_drops_recurring_lines(tmp_path: Path) -> None:
    folder = tmp_path / "lantern"
    folder.mkdir()
    for raw in _docs():
        (tmp_path / raw.source).write_text(raw.content, encoding="utf-8")
    result = extract_result([folder])
    assert result.errors == []
    assert len(result.articles) == len(BODIES)
    for article in result.articles:
        assert PROMO in _recurring(article)
        assert not set(MENU) & set(article.paragraphs)
    off = extract_result([folder], learn_boilerplate=False)
    assert all(not _recurring(a) for a in off.articles)


def test_a_pool_learns_what_one_process_learns(monkeypatch: pytest.MonkeyPatch) -> None:
    """The workers read the documents' lines in batches, the caller tallies them in order: the
    same boilerplate as one pass in this process, with the documents split over batches."""
    monkeypatch.setattr(pipeline, "OBSERVE_BATCH", 2)
    docs = _docs()
    alone = pipeline._learn(iter(docs), RunOptions())
    pooled = pipeline._learn(iter(docs), RunOptions(), LocalExecutor(workers=2))
    assert alone is not None and len(alone) > 0
    assert pooled == alone


def test_a_pool_that_fails_to_learn_cleans_without_it(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(docs: list[RawDocument]) -> list[object]:
        raise ValueError("unreadable lines")

    monkeypatch.setattr(pipeline, "_observe_batch", broken)
    assert pipeline._learn(iter(_docs()), RunOptions(), LocalExecutor(workers=1)) is None
