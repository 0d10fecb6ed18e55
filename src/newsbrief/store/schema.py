"""The store's schema (SQLAlchemy 2 Core): one table per record kind of the data model.

Articles keep their cleaned body and the lines cleaning removed; quotes, quantities, claims and
entities are rows of their own, so they can be queried and searched. A story row carries what the
story list needs at a glance (size, outlets, dates, whether figures conflict); its brief (the
contract's story object) is stored precomputed in ``briefs`` so pages are served, not recomputed.

The schema is versioned: ``meta.schema_version`` says which version a database holds, and
``MIGRATIONS`` upgrades an older database step by step when it is opened. Full-text search uses
SQLite FTS5 tables or PostgreSQL GIN indexes over ``to_tsvector``; both are created here.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Connection,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    inspect,
    select,
)

SCHEMA_VERSION = 2
"""The version ``create_schema`` writes; raise it and add a step to ``MIGRATIONS`` on changes."""

metadata = MetaData()

meta = Table(
    "meta",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

articles = Table(
    "articles",
    metadata,
    Column("id", String(80), primary_key=True),
    Column("source", Text, nullable=False),
    Column("outlet", String(300)),
    Column("title", Text),
    Column("published", String(32), index=True),
    Column("url", Text),
    Column("folder", Text),
    Column("duplicate_of", String(80)),
    Column("story_id", String(40), ForeignKey("stories.id", ondelete="SET NULL"), index=True),
    Column("content_hash", String(64), nullable=False, unique=True),
    Column("body_hash", String(64), index=True),
    Column("body", Text, nullable=False, default=""),
    Column("paragraphs", JSON, nullable=False),
    Column("sentences", JSON, nullable=False),
    Column("dates", JSON, nullable=False),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
)


def _child(name: str, *columns: Column) -> Table:
    """A per-article record table: ``article_id`` + ``ord`` (position in the article's list)."""
    table = Table(
        name,
        metadata,
        Column("id", Integer, primary_key=True, autoincrement=True),
        Column(
            "article_id",
            String(80),
            ForeignKey("articles.id", ondelete="CASCADE"),
            nullable=False,
        ),
        Column("ord", Integer, nullable=False),
        *columns,
    )
    Index(f"ix_{name}_article", table.c.article_id, table.c.ord)
    return table


removed = _child(
    "removed",
    Column("text", Text, nullable=False),
    Column("reason", String(64), nullable=False),
)

quotes = _child(
    "quotes",
    Column("text", Text, nullable=False),
    Column("speaker", Text),
    Column("speaker_mention", Text),
    Column("cue", Text),
    Column("kind", String(16), nullable=False),
    Column("paragraph", Integer, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("parts", JSON, nullable=False),
)

quantities = _child(
    "quantities",
    Column("text", Text, nullable=False),
    Column("value", Float, nullable=False),
    Column("low", Float),
    Column("high", Float),
    Column("unit", Text),
    Column("concept", Text),
    Column("change", String(16), nullable=False),
    Column("paragraph", Integer, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
)

claims = _child(
    "claims",
    Column("value", Float, nullable=False),
    Column("low", Float),
    Column("high", Float),
    Column("qualifier", String(16), nullable=False),
    Column("measure", Text, nullable=False),
    Column("subject", Text),
    Column("claimant", Text),
    Column("as_of", String(32)),
    Column("as_of_basis", String(16)),
    Column("paragraph", Integer, nullable=False),
    Column("sentence", Text, nullable=False),
    Column("text", Text, nullable=False),
    Column("unit", Text),  # version 2
)

entities = _child(
    "entities",
    Column("text", Text, nullable=False),
    Column("label", String(32), nullable=False),
    Column("canonical", Text, nullable=False),
    Column("count", Integer, nullable=False),
)

stories = Table(
    "stories",
    metadata,
    Column("id", String(40), primary_key=True),
    Column("seq", Integer, nullable=False, unique=True),
    Column("title", Text, nullable=False),
    Column("first_date", String(32)),
    Column("last_date", String(32), index=True),
    Column("n_articles", Integer, nullable=False),
    Column("n_outlets", Integer, nullable=False),
    Column("outlets", JSON, nullable=False),
    Column("has_conflict", Boolean, nullable=False),
    Column("version", Integer, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)

events = Table(
    "events",
    metadata,
    Column("id", String(60), primary_key=True),
    Column("story_id", String(40), ForeignKey("stories.id", ondelete="CASCADE"), nullable=False),
    Column("ord", Integer, nullable=False),
    Column("date", String(32)),
    Column("label", Text, nullable=False),
    Column("articles", JSON, nullable=False),
    Index("ix_events_story", "story_id", "ord"),
)

briefs = Table(
    "briefs",
    metadata,
    Column("story_id", String(40), ForeignKey("stories.id", ondelete="CASCADE"), primary_key=True),
    Column("body", Text, nullable=False),  # the contract's story object, as JSON text
    Column("words", Integer, nullable=False),
    Column("built_at", DateTime(timezone=True), nullable=False),
)

ARTICLE_CHILDREN: dict[str, Table] = {
    "removed": removed,
    "quotes": quotes,
    "quantities": quantities,
    "claims": claims,
    "entities": entities,
}
"""``Article`` list field -> its table (columns named as the model's fields)."""

# ---------------------------------------------------------------- full-text search

_SQLITE_FTS = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS article_fts USING fts5("
    "article_id UNINDEXED, title, body, tokenize='unicode61 remove_diacritics 2')",
    "CREATE VIRTUAL TABLE IF NOT EXISTS quote_fts USING fts5("
    "article_id UNINDEXED, ord UNINDEXED, speaker, text, "
    "tokenize='unicode61 remove_diacritics 2')",
)

PG_ARTICLE_TSV = "to_tsvector('english', coalesce(articles.title, '') || ' ' || articles.body)"
PG_QUOTE_TSV = "to_tsvector('english', coalesce(quotes.speaker, '') || ' ' || quotes.text)"

_PG_FTS = (
    f"CREATE INDEX IF NOT EXISTS ix_articles_fts ON articles USING gin ({PG_ARTICLE_TSV})",
    f"CREATE INDEX IF NOT EXISTS ix_quotes_fts ON quotes USING gin ({PG_QUOTE_TSV})",
)


def _create_search(conn: Connection) -> None:
    for ddl in _SQLITE_FTS if conn.dialect.name == "sqlite" else _PG_FTS:
        conn.exec_driver_sql(ddl)


# ---------------------------------------------------------------- versions


def create_schema(conn: Connection) -> None:
    """Create every table and search index of the current version in an empty database."""
    metadata.create_all(conn)
    _create_search(conn)
    conn.execute(meta.insert().values(key="schema_version", value=str(SCHEMA_VERSION)))


def _claim_units(conn: Connection) -> None:
    """Version 2: a claim keeps its quantity's unit, so "4.5%" is not shown as "4.5". Claims
    stored before have none; their briefs show bare numbers until their story is rebuilt."""
    conn.exec_driver_sql("ALTER TABLE claims ADD COLUMN unit TEXT")


MIGRATIONS: dict[int, Callable[[Connection], None]] = {2: _claim_units}
"""``MIGRATIONS[n]`` upgrades a database from version ``n - 1`` to ``n``."""


def stored_version(conn: Connection) -> int | None:
    """The schema version of the database, or None when it holds no newsbrief store yet."""
    if not inspect(conn).has_table("meta"):
        return None
    value = conn.execute(select(meta.c.value).where(meta.c.key == "schema_version")).scalar()
    return int(value) if value is not None else None


def upgrade(conn: Connection, version: int) -> None:
    """Apply the migrations from ``version`` up to ``SCHEMA_VERSION``."""
    for step in range(version + 1, SCHEMA_VERSION + 1):
        MIGRATIONS[step](conn)
        conn.execute(meta.update().where(meta.c.key == "schema_version").values(value=str(step)))
