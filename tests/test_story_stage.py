"""The story stage: grouping is corpus-level, each story's brief is built from its own articles
only, so a run's executor builds them (largest first) and the result is the one built
in-process."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest

import newsbrief.pipeline as pipeline
from newsbrief.model import Result
from newsbrief.pipeline import RunOptions, brief, build_stories
from newsbrief.run import local
from newsbrief.run.local import LocalExecutor

DEMO = Path(__file__).resolve().parents[1] / "examples" / "demo"


class _Recording:
    """An in-process executor that records the size of each story job it is given, and the
    jobs of each batch."""

    def __init__(self) -> None:
        self.sizes: list[int] = []
        self.batches: list[list[int]] = []

    def map(self, fn: Callable[..., Any], items: Any, *, progress: Any = None) -> Any:
        raise AssertionError("the story stage streams its stories with imap")

    def imap(self, fn: Callable[[Any], Any], items: Iterable[Any]) -> Iterator[Any]:
        for batch in items:
            self.batches.append([len(job[1]) for job in batch])
            self.sizes.extend(self.batches[-1])
            yield fn(batch)


def test_stories_built_by_an_executor_are_the_in_process_ones(demo_result: Result) -> None:
    options = RunOptions()
    recording = _Recording()
    expected = build_stories(demo_result.articles, options=options)
    assert build_stories(demo_result.articles, options=options, executor=recording) == expected
    assert len(recording.sizes) == len(expected[0]) >= 3
    assert recording.sizes == sorted(recording.sizes, reverse=True)  # the largest first
    assert recording.sizes[0] > recording.sizes[-1]


def test_small_stories_travel_in_batches(
    demo_result: Result, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each job costs a round trip to a worker, so stories under ``BATCH_ARTICLES`` articles go
    together, up to about that many articles a batch; larger ones go alone."""
    options = RunOptions()
    expected = build_stories(demo_result.articles, options=options)
    sizes = sorted((len(s.articles) for s in expected[0]), reverse=True)
    assert len(sizes) >= 3 and sizes[0] > sizes[-1]
    limit = sizes[0]  # the largest story alone, the rest batched
    monkeypatch.setattr(pipeline, "BATCH_ARTICLES", limit)
    recording = _Recording()
    assert build_stories(demo_result.articles, options=options, executor=recording) == expected
    assert recording.batches[0] == [sizes[0]]
    assert len(recording.batches) < len(sizes)
    for batch in recording.batches[1:]:
        assert max(batch) < limit and sum(batch[:-1]) < limit  # full once it reaches the limit
    assert recording.sizes == sizes


def test_stories_too_large_to_ship_are_built_in_the_calling_process(
    demo_result: Result, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A worker would hold a copy of a large story's articles: those are built here, at the
    same time as the workers build the others, with the same result."""
    options = RunOptions()
    expected = build_stories(demo_result.articles, options=options)
    sizes = sorted((len(s.articles) for s in expected[0]), reverse=True)
    limit = sizes[1]  # the largest story stays, the others go
    monkeypatch.setattr(pipeline, "SHIPPED_STORY_MAX", limit)
    recording = _Recording()
    assert build_stories(demo_result.articles, options=options, executor=recording) == expected
    assert recording.sizes == sizes[1:] and max(recording.sizes) <= limit


def test_a_story_that_fails_on_a_worker_fails_the_stage(
    demo_result: Result, monkeypatch: pytest.MonkeyPatch
) -> None:
    class Broken(_Recording):
        def imap(self, fn: Callable[[Any], Any], items: Iterable[Any]) -> Iterator[Any]:
            raise RuntimeError("worker lost")
            yield

    with pytest.raises(RuntimeError, match="worker lost"):
        build_stories(demo_result.articles, options=RunOptions(), executor=Broken())


def test_stories_built_in_a_process_pool_are_the_in_process_ones(demo_result: Result) -> None:
    options = RunOptions()
    expected = build_stories(demo_result.articles, options=options)
    pool = LocalExecutor(workers=2)
    assert build_stories(demo_result.articles, options=options, executor=pool) == expected


class _Forking:
    """An in-process stand-in for a forking pool (``LocalExecutor.forks``): it keeps what
    ``pipeline._INHERITED`` holds when ``imap`` is called, as forked workers would, and records
    what each job carries."""

    forks = True

    def __init__(self) -> None:
        self.inherited: list[Any] = []
        self.carried: list[type] = []

    def imap(self, fn: Callable[[Any], Any], items: Iterable[Any]) -> Iterator[Any]:
        self.inherited = list(pipeline._INHERITED)
        return self._run(fn, items)

    def _run(self, fn: Callable[[Any], Any], items: Iterable[Any]) -> Iterator[Any]:
        for batch in items:
            self.carried.extend(type(m) for job in batch for m in job[1])
            pipeline._INHERITED[:] = self.inherited  # what a forked worker holds
            try:
                yield fn(batch)
            finally:
                pipeline._INHERITED.clear()


def test_a_forked_worker_is_sent_article_indices_not_articles(demo_result: Result) -> None:
    """Workers forked for the story stage inherit the caller's articles, so a job names them
    by index instead of carrying pickled copies; the stories are the same."""
    options = RunOptions()
    expected = build_stories(demo_result.articles, options=options)
    forking = _Forking()
    assert build_stories(demo_result.articles, options=options, executor=forking) == expected
    assert forking.inherited == list(demo_result.articles)
    assert forking.carried and set(forking.carried) == {int}
    assert pipeline._INHERITED == []  # emptied once the workers are forked
    assert LocalExecutor(workers=2).forks and not LocalExecutor(workers=1).forks


def test_story_stage_reports_progress_per_story(demo_result: Result) -> None:
    seen: list[tuple[str, int, int]] = []
    stories, _ = build_stories(
        demo_result.articles, options=RunOptions(), progress=lambda *a: seen.append(a)
    )
    assert seen == [("brief", n, len(stories)) for n in range(len(stories) + 1)]


def test_a_pool_run_gives_the_in_process_brief(demo_result: Result) -> None:
    assert brief([DEMO], workers=2, shard_size=4).to_json() == demo_result.to_json()


def test_a_story_split_in_two_jobs_is_the_story_built_whole(
    demo_result: Result, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A large story goes to the workers as its summary and the rest, which two workers build
    at once; put together they are the story built in one piece."""
    options = RunOptions()
    expected = build_stories(demo_result.articles, options=options)
    sizes = sorted((len(s.articles) for s in expected[0]), reverse=True)
    limit = sizes[1]  # the largest stories are split, the smallest go whole
    assert limit > sizes[-1]
    monkeypatch.setattr(pipeline, "SPLIT_STORY_MIN", limit)
    recording = _Recording()
    assert build_stories(demo_result.articles, options=options, executor=recording) == expected
    assert recording.sizes == [n for n in sizes for _ in range(2 if n >= limit else 1)]
    assert all(story.summary for story in expected[0])


def test_a_split_story_without_a_title_takes_its_first_summary_sentence(
    demo_result: Result, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newsbrief.cluster import cluster_stories

    untitled = [a.model_copy(update={"title": ""}) for a in demo_result.articles]
    english = [a for a in untitled if a.language is None]
    monkeypatch.setattr(
        "newsbrief.cluster.cluster_stories",
        lambda arts: [s.model_copy(update={"title": ""}) for s in cluster_stories(arts)],
    )
    options = RunOptions()
    expected, _ = build_stories(english, options=options)
    monkeypatch.setattr(pipeline, "SPLIT_STORY_MIN", 1)
    split, _ = build_stories(english, options=options, executor=_Recording())
    assert split == expected
    assert all(s.title == s.summary[0].text for s in split if s.summary)


def test_a_local_pool_builds_the_stories_of_a_small_run() -> None:
    """A local pool starts afresh for the story stage (the parse workers hold the model); one
    worker, or a run too large for each worker to hold copies of its stories, builds them in
    the calling process, which shares its articles."""
    limit = local.STORY_POOL_MAX_ARTICLES
    with LocalExecutor(workers=2).refreshed(limit) as later:
        assert later == LocalExecutor(workers=2)
    with LocalExecutor(workers=2).refreshed(limit + 1) as later:
        assert later is None
    with LocalExecutor(workers=1).refreshed(10) as later:
        assert later is None
    calls: list[int] = []
    with LocalExecutor(workers=2).refreshed(10, prepare=lambda: calls.append(1)) as later:
        assert calls == [1]  # in this process, which the pool's workers are forked from
