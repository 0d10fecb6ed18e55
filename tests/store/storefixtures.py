"""Shared by tests/store and tests/web: databases to test against and the demo corpus extracted.

PostgreSQL: the server on 127.0.0.1:5432 (trust auth, user postgres). Each test session creates
throwaway databases named ``newsbrief_test_<random>_<n>`` and drops them at the end. Tests that
need PostgreSQL (or Chromium) skip with the reason when it is absent, and fail instead when
NEWSBRIEF_REQUIRE_SERVICES=1 (CI).
"""

from __future__ import annotations

import functools
import os
import secrets
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsbrief.model import Article

REPO = Path(__file__).resolve().parents[2]
DEMO = REPO / "examples" / "demo"
PG_ADMIN = "host=127.0.0.1 port=5432 user=postgres dbname=postgres connect_timeout=3"
BACKENDS = ["sqlite", "postgresql"]


def service_missing(reason: str) -> None:
    """Skip the test, or fail it when the services are required (CI)."""
    if os.environ.get("NEWSBRIEF_REQUIRE_SERVICES") == "1":
        pytest.fail(f"{reason} (NEWSBRIEF_REQUIRE_SERVICES=1: required, not skipped)")
    pytest.skip(reason)


class PostgresDatabases:
    """Creates throwaway databases on the local server; drops them all on ``close``."""

    def __init__(self) -> None:
        import psycopg

        self.psycopg = psycopg
        self.prefix = f"newsbrief_test_{secrets.token_hex(4)}"
        self.created: list[str] = []
        with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
            conn.execute("SELECT 1")

    def new(self) -> str:
        name = f"{self.prefix}_{len(self.created) + 1}"
        with self.psycopg.connect(PG_ADMIN, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        self.created.append(name)
        return f"postgresql://postgres@127.0.0.1:5432/{name}"

    def close(self) -> None:
        with self.psycopg.connect(PG_ADMIN, autocommit=True) as conn:
            for name in self.created:
                conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def postgres_databases() -> Iterator[tuple[PostgresDatabases | None, str]]:
    """The session's database factory (or None and why, when no server answers)."""
    try:
        dbs = PostgresDatabases()
    except Exception as exc:  # no psycopg, or no server on 127.0.0.1:5432
        yield None, f"PostgreSQL not available on 127.0.0.1:5432 ({type(exc).__name__}: {exc})"
        return
    try:
        yield dbs, ""
    finally:
        dbs.close()


def database_url(backend: str, pg: tuple[PostgresDatabases | None, str], tmp: Path) -> str:
    """A fresh, empty database of ``backend``."""
    if backend == "sqlite":
        return f"sqlite:///{tmp / f'store-{secrets.token_hex(3)}.db'}"
    factory, reason = pg
    if factory is None:
        service_missing(reason)
        raise AssertionError("unreachable")
    return factory.new()


@functools.cache
def extract_demo() -> list[tuple[Article, str]]:
    """The demo corpus read, cleaned and extracted as ``ingest`` does it: (article, hash).

    Cached for the process, so the store and web tests parse the demo once."""
    from newsbrief.ingest import read_inputs
    from newsbrief.model import RawDocument
    from newsbrief.store import IngestOptions, content_hash, extract_documents

    docs = [d for d in read_inputs([DEMO]) if isinstance(d, RawDocument)]
    items, errors = extract_documents([(d, content_hash(d)) for d in docs], options=IngestOptions())
    assert not errors, errors
    return items
