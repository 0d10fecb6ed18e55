"""Fixtures of the store tests: every test runs on each backend (SQLite file, PostgreSQL)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from storefixtures import (
    BACKENDS,
    PostgresDatabases,
    database_url,
    extract_demo,
    postgres_databases,
)

from newsbrief.model import Article


@pytest.fixture(scope="session")
def pg() -> Iterator[tuple[PostgresDatabases | None, str]]:
    yield from postgres_databases()


@pytest.fixture(params=BACKENDS)
def new_db(
    request: pytest.FixtureRequest, pg: tuple[PostgresDatabases | None, str], tmp_path: Path
) -> Callable[[], str]:
    """Makes fresh, empty databases of the test's backend."""
    backend = str(request.param)
    return lambda: database_url(backend, pg, tmp_path)


@pytest.fixture
def db_url(new_db: Callable[[], str]) -> str:
    """A fresh, empty database URL."""
    return new_db()


@pytest.fixture(scope="session")
def demo_items() -> list[tuple[Article, str]]:
    """The demo corpus extracted once: (article, content hash) pairs."""
    return extract_demo()
