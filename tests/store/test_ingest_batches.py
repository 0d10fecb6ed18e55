"""`ingest` in batches: the same stories as one batch, and a crash keeps finished batches."""

from __future__ import annotations

import importlib
import inspect

import pytest
from typer.testing import CliRunner

from newsbrief.cli import app
from newsbrief.cli import ingest as ingest_command
from newsbrief.store import IngestOptions, Store, ingest
from newsbrief.store.ingest import BATCH_SIZE, IngestReport

DEMO = "examples/demo"
# the module (the package exports a function of the same name)
ingest_module = importlib.import_module("newsbrief.store.ingest")


def _partition(store: Store) -> set[frozenset[str]]:
    """The stories as sets of article ids (ids of stories may differ between runs)."""
    stories = store.list_stories(limit=1000)
    return {frozenset(story.articles) for story in (store.brief(s.id) for s in stories) if story}


def test_batches_give_the_stories_of_one_batch(new_db) -> None:  # type: ignore[no-untyped-def]
    one, batched = new_db(), new_db()
    with Store(one) as store:
        whole = ingest(store, [DEMO], options=IngestOptions(batch_size=None))
        expected = _partition(store)
    with Store(batched) as store:
        report = ingest(store, [DEMO], options=IngestOptions(batch_size=4))
        assert _partition(store) == expected
        assert store.counts() == Store(one).counts()
    assert len(report.added) == len(whole.added) and report.read == whole.read
    assert set(report.story_of) == set(report.added)
    assert len(report.new_stories) == len(expected)  # every story counted once, as new


def test_a_crash_keeps_the_finished_batches(new_db, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    url = new_db()
    real = ingest_module.store_articles
    calls = {"n": 0}

    def dies_on_third(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        if calls["n"] == 3:
            raise RuntimeError("killed")
        return real(*args, **kwargs)

    monkeypatch.setattr(ingest_module, "store_articles", dies_on_third)
    with Store(url) as store, pytest.raises(RuntimeError):
        ingest(store, [DEMO], options=IngestOptions(batch_size=4))
    with Store(url) as store:
        kept = store.counts()["articles"]
    assert kept == 8  # two batches of four committed before the crash
    monkeypatch.setattr(ingest_module, "store_articles", real)
    with Store(url) as store:
        again = ingest(store, [DEMO], options=IngestOptions(batch_size=4))
        assert again.skipped == kept  # finished batches are not parsed again
        resumed = _partition(store)
    with Store(new_db()) as store:
        ingest(store, [DEMO], options=IngestOptions(batch_size=None))
        assert resumed == _partition(store)


def test_merge_keeps_a_story_new_and_forgets_one_made_and_removed() -> None:
    first = IngestReport(read=2, added=["a", "b"], new_stories=["s1", "s2"], story_of={"a": "s1"})
    later = IngestReport(
        read=1,
        added=["c"],
        new_stories=["s3"],
        updated_stories=["s1", "s9"],
        removed_stories=["s2", "s8"],
    )
    first.merge(later)
    assert first.read == 3 and first.added == ["a", "b", "c"]
    assert first.new_stories == ["s1", "s3"]
    assert first.updated_stories == ["s9"]
    assert first.removed_stories == ["s8"]


def test_cli_batch_size_default_is_the_library_default() -> None:
    default = inspect.signature(ingest_command).parameters["batch_size"].default
    assert default == BATCH_SIZE
    result = CliRunner().invoke(app, ["ingest", "--help"])
    assert result.exit_code == 0 and "--batch-size" in result.output
