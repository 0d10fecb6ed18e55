"""The store on SQLite and PostgreSQL: round trips, idempotent and incremental ingest, search."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import text

from newsbrief.model import Article, Result, Story
from newsbrief.store import Store, StoreError, engine_url, store_articles
from newsbrief.store import schema as s


def _partition(stories: list[Story]) -> set[frozenset[str]]:
    return {frozenset(st.articles) for st in stories}


def _all_briefs(store: Store) -> list[Story]:
    briefs = [store.brief(x.id) for x in store.list_stories(limit=500)]
    return [b for b in briefs if b is not None]


def test_engine_urls() -> None:
    assert engine_url("postgresql://u@h:5432/db") == "postgresql+psycopg://u@h:5432/db"
    assert engine_url("sqlite:///x.db") == "sqlite:///x.db"
    assert engine_url("news.db") == "sqlite:///news.db"


def test_bad_url_is_an_actionable_error() -> None:
    with pytest.raises(StoreError, match="sqlite:///"):
        Store("mysql://nobody@nowhere/db")


def test_articles_round_trip(db_url: str, demo_items: list[tuple[Article, str]]) -> None:
    with Store(db_url) as store:
        report = store_articles(store, demo_items)
        assert len(report.added) == len(demo_items)
        for original, _ in demo_items:
            stored = store.article(original.id)
            assert stored is not None
            # everything but the story-wide speaker names comes back as it went in
            same = ("paragraphs", "removed", "quantities", "claims", "entities", "dates")
            for field in (*same, "sentences", "title", "outlet", "published", "source"):
                assert getattr(stored, field) == getattr(original, field), field
            assert [q.text for q in stored.quotes] == [q.text for q in original.quotes]
            assert [q.spans for q in stored.quotes] == [q.spans for q in original.quotes]
        assert store.article("nope") is None


def test_ingest_is_idempotent(db_url: str, demo_items: list[tuple[Article, str]]) -> None:
    with Store(db_url) as store:
        store_articles(store, demo_items)
        before = store.counts()
        again = store_articles(store, demo_items)
        assert again.added == [] and again.skipped == len(demo_items)
        assert store.counts() == before


def test_stories_match_the_batch_brief(
    db_url: str, demo_items: list[tuple[Article, str]], demo_result: Result
) -> None:
    """The store groups the demo as ``newsbrief brief`` does, with the same briefs' shape."""
    with Store(db_url) as store:
        store_articles(store, demo_items)
        briefs = _all_briefs(store)
    assert _partition(briefs) == _partition(list(demo_result.stories))
    by_articles = {frozenset(b.articles): b for b in briefs}
    for expected in demo_result.stories:
        got = by_articles[frozenset(expected.articles)]
        assert got.title == expected.title
        assert [f.status for f in got.figures] == [f.status for f in expected.figures]
        assert got.summary and all(set(x.sources) <= set(got.articles) for x in got.summary)
        assert [e.id.split("-")[0] for e in got.events] == [got.id] * len(got.events)


def test_incremental_ingest_updates_only_touched_stories(
    db_url: str, demo_items: list[tuple[Article, str]]
) -> None:
    first = [x for x in demo_items if x[0].outlet == "Meridian Wire"]
    rest = [x for x in demo_items if x[0].outlet != "Meridian Wire"]
    assert first and rest
    with Store(db_url) as store:
        store_articles(store, first)
        store_articles(store, rest)
        incremental = _partition(_all_briefs(store))
    assert len(incremental) >= 4
    with Store(db_url) as store:
        versions = {x.id: x.version for x in store.list_stories()}
        # one more article: a copy of a landslide report with a new id and content
        original = next(a for a, _ in demo_items if "landslide" in (a.title or "").lower())
        copy = original.model_copy(update={"id": "late-copy", "source": "late.txt"})
        report = store_articles(store, [(copy, "f" * 64)])
        assert report.added == ["late-copy"]
        home = store.article_story(original.id)
        assert report.updated_stories == [home] and report.new_stories == []
        assert store.article_story("late-copy") == home
        stored_copy = store.article("late-copy")
        root = original.duplicate_of or original.id  # the earliest copy of that body
        assert stored_copy is not None and stored_copy.duplicate_of == root
        after = {x.id: x.version for x in store.list_stories()}
        assert after[home] == versions[home] + 1
        assert {k: v for k, v in after.items() if k != home} == {
            k: v for k, v in versions.items() if k != home
        }


def test_incremental_equals_batch(
    new_db: Callable[[], str], demo_items: list[tuple[Article, str]]
) -> None:
    """Ingesting in two batches (by day) groups the stories as one batch does; ids stay s1…"""
    with Store(new_db()) as store:
        store_articles(store, demo_items)
        batch = _partition(_all_briefs(store))
        ids = {x.id for x in store.list_stories()}
    assert ids == {f"s{n}" for n in range(1, len(ids) + 1)}
    by_day = sorted(demo_items, key=lambda x: (x[0].published or "", x[0].id))
    half = len(by_day) // 2
    with Store(new_db()) as store:
        first = store_articles(store, by_day[:half])
        second = store_articles(store, by_day[half:])
        assert first.new_stories and second.added
        assert _partition(_all_briefs(store)) == batch


def test_search_articles_and_quotes(db_url: str, demo_items: list[tuple[Article, str]]) -> None:
    with Store(db_url) as store:
        store_articles(store, demo_items)
        articles, quotes = store.search("landslide")
        assert articles
        assert all("landslide" in f"{h.article.title} {h.text}".lower() for h in articles)
        _, quotes = store.search("insult")  # "… 4.5% is not an offer, it is an insult"
        assert quotes and all("insult" in h.text for h in quotes)
        assert quotes[0].speaker == "Marta Quell"
        assert store.search("zzzqqq") == ([], [])
        assert store.search('"unbalanced AND (') is not None  # free text never breaks a query
        assert store.search("") == ([], [])


def test_schema_is_versioned(db_url: str) -> None:
    with Store(db_url) as store:
        with store.connect() as conn:
            assert s.stored_version(conn) == s.SCHEMA_VERSION
        with store.writer() as w:
            w.conn.execute(
                text("UPDATE meta SET value = :v WHERE key = 'schema_version'"),
                {"v": str(s.SCHEMA_VERSION + 1)},
            )
    with pytest.raises(StoreError, match="newer"):
        Store(db_url)


def test_a_version_1_store_is_upgraded_and_keeps_claim_units(
    db_url: str, demo_items: list[tuple[Article, str]]
) -> None:
    with Store(db_url) as store, store.writer() as w:  # a store as version 1 wrote it
        w.conn.execute(text("ALTER TABLE claims DROP COLUMN unit"))
        w.conn.execute(text("UPDATE meta SET value = '1' WHERE key = 'schema_version'"))
    with Store(db_url) as store:
        with store.connect() as conn:
            assert s.stored_version(conn) == s.SCHEMA_VERSION == 2
        store_articles(store, demo_items)
        stored = [store.article(a.id) for a, _ in demo_items]
        units = {c.unit for a in stored if a is not None for c in a.claims}
        assert "percent" in units  # the tram strike's "4.5%" pay offer
