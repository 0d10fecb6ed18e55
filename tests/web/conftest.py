"""Fixtures of the web tests: a store holding the demo corpus, per backend, and its app."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "store"))

from storefixtures import (  # noqa: E402
    BACKENDS,
    PostgresDatabases,
    database_url,
    extract_demo,
    postgres_databases,
)

from newsbrief.model import Article  # noqa: E402
from newsbrief.store import Store, store_articles  # noqa: E402


@pytest.fixture(scope="session")
def pg() -> Iterator[tuple[PostgresDatabases | None, str]]:
    yield from postgres_databases()


@pytest.fixture(scope="session")
def demo_items() -> list[tuple[Article, str]]:
    return extract_demo()


@pytest.fixture(scope="module", params=BACKENDS)
def demo_store(
    request: pytest.FixtureRequest,
    pg: tuple[PostgresDatabases | None, str],
    tmp_path_factory: pytest.TempPathFactory,
    demo_items: list[tuple[Article, str]],
) -> Iterator[Store]:
    """A store of the demo corpus (built once per module and backend; tests only read it)."""
    url = database_url(str(request.param), pg, tmp_path_factory.mktemp("web"))
    store = Store(url)
    store_articles(store, demo_items)
    yield store
    store.close()


@pytest.fixture(params=BACKENDS)
def empty_db(
    request: pytest.FixtureRequest, pg: tuple[PostgresDatabases | None, str], tmp_path: Path
) -> str:
    """A fresh, empty database URL (for tests that write)."""
    return database_url(str(request.param), pg, tmp_path)
