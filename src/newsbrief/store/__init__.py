"""The store: briefs, stories and articles in SQLite (default) or PostgreSQL.

``Store(url)`` opens (creating or upgrading) a store; ``ingest(store, inputs)`` adds new articles
incrementally and idempotently and rebuilds only the stories they touch. Needs SQLAlchemy (always
installed) and, for PostgreSQL, psycopg 3 (``pip install 'newsbrief[server]'``).
"""

from __future__ import annotations

from newsbrief.store.ingest import (
    IngestOptions,
    IngestReport,
    build_one_story,
    content_hash,
    extract_documents,
    ingest,
    ingest_documents,
    store_articles,
)
from newsbrief.store.repository import (
    DEFAULT_DB,
    ArticleSummary,
    SearchHit,
    Store,
    StoreError,
    StorySummary,
    engine_url,
)

__all__ = [
    "DEFAULT_DB",
    "ArticleSummary",
    "IngestOptions",
    "IngestReport",
    "SearchHit",
    "Store",
    "StoreError",
    "StorySummary",
    "build_one_story",
    "content_hash",
    "engine_url",
    "extract_documents",
    "ingest",
    "ingest_documents",
    "store_articles",
]
