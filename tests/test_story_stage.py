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
from newsbrief.run.local import LocalExecutor

DEMO = Path(__file__).resolve().parents[1] / "examples" / "demo"


class _Recording:
    """An in-process executor that records the size of each story it is given."""

    def __init__(self) -> None:
        self.sizes: list[int] = []

    def map(self, fn: Callable[..., Any], items: Any, *, progress: Any = None) -> Any:
        raise AssertionError("the story stage streams its stories with imap")

    def imap(self, fn: Callable[[Any], Any], items: Iterable[Any]) -> Iterator[Any]:
        for item in items:
            self.sizes.append(len(item[1]))
            yield fn(item)


def test_stories_built_by_an_executor_are_the_in_process_ones(demo_result: Result) -> None:
    options = RunOptions()
    recording = _Recording()
    expected = build_stories(demo_result.articles, options=options)
    assert build_stories(demo_result.articles, options=options, executor=recording) == expected
    assert len(recording.sizes) == len(expected[0]) >= 3
    assert recording.sizes == sorted(recording.sizes, reverse=True)  # the largest first
    assert recording.sizes[0] > recording.sizes[-1]


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


def test_story_stage_reports_progress_per_story(demo_result: Result) -> None:
    seen: list[tuple[str, int, int]] = []
    stories, _ = build_stories(
        demo_result.articles, options=RunOptions(), progress=lambda *a: seen.append(a)
    )
    assert seen == [("brief", n, len(stories)) for n in range(len(stories) + 1)]


def test_a_pool_run_gives_the_in_process_brief(demo_result: Result) -> None:
    assert brief([DEMO], workers=2, shard_size=4).to_json() == demo_result.to_json()


def test_a_local_run_builds_its_stories_in_the_calling_process() -> None:
    """A local executor gives None for the story stage: the stories are built here, sharing
    this process's articles."""
    with LocalExecutor(workers=2).refreshed() as later:
        assert later is None
