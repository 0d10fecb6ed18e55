"""The store: open a database by URL, read stories, briefs and articles, and write them.

One code path for SQLite (the default, a file) and PostgreSQL (psycopg 3): the same SQLAlchemy
Core statements; only full-text search and write locking differ by dialect. Reads are plain
functions of a connection; writes go through ``Store.writer()``, one transaction that holds the
store's write lock (SQLite ``BEGIN IMMEDIATE``, PostgreSQL an advisory lock), so concurrent
ingests never interleave.
"""

from __future__ import annotations

import re
import sqlite3
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from pydantic import BaseModel
from sqlalchemy import (
    Connection,
    Engine,
    create_engine,
    delete,
    event,
    func,
    insert,
    or_,
    select,
    text,
    update,
)
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.pool import StaticPool

from newsbrief.errors import Code, NewsbriefError
from newsbrief.model import Article, Claim, Entity, Quantity, Quote, Removed, Story
from newsbrief.store import schema as s

DEFAULT_DB = "sqlite:///newsbrief.db"
_PG_LOCK = 0x6E627266  # "nbrf": the advisory lock every writer takes
_CHILD_MODELS: dict[str, type[BaseModel]] = {
    "removed": Removed,
    "quotes": Quote,
    "quantities": Quantity,
    "claims": Claim,
    "entities": Entity,
}
_WORD = re.compile(r"\w+", re.UNICODE)


class StoreError(NewsbriefError):
    """The store cannot be opened or used; the message names the fix."""

    def __init__(self, message: str) -> None:
        super().__init__(Code.E301, message)


# ---------------------------------------------------------------- read records


@dataclass(frozen=True)
class StorySummary:
    """What the story list shows of a story."""

    id: str
    title: str
    size: int
    outlets: list[str]
    first_date: str | None
    last_date: str | None
    conflict: bool
    version: int
    updated_at: datetime


@dataclass(frozen=True)
class ArticleSummary:
    """An article as listed beside a brief or in search results."""

    id: str
    title: str | None
    outlet: str | None
    published: str | None
    url: str | None
    story_id: str | None
    paragraphs: list[str]


@dataclass(frozen=True)
class SearchHit:
    """One search result: an article (``text`` is its body) or a quote of an article."""

    kind: str  # "article" or "quote"
    article: ArticleSummary
    text: str
    speaker: str | None = None


# ---------------------------------------------------------------- URLs and engines


def engine_url(url: str) -> str:
    """The SQLAlchemy URL for a ``--db`` value: ``postgresql://`` uses psycopg 3; a bare path is
    an SQLite file."""
    if "://" not in url:
        return f"sqlite:///{url}"
    scheme, rest = url.split("://", 1)
    if scheme in ("postgresql", "postgres"):
        return f"postgresql+psycopg://{rest}"
    return url


def _engine(url: str) -> Engine:
    try:
        parsed = make_url(engine_url(url))
    except ArgumentError as exc:
        raise StoreError(
            f"cannot read the database URL {url!r} ({exc}); use --db sqlite:///FILE.db or "
            "--db postgresql://USER@HOST:PORT/DBNAME"
        ) from exc
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        memory = parsed.database in (None, "", ":memory:")
        engine = create_engine(
            parsed,
            **(
                {"poolclass": StaticPool, "connect_args": {"check_same_thread": False}}
                if memory
                else {"pool_size": 20, "max_overflow": 20}
            ),
        )
        _sqlite_events(engine)
        return engine
    if backend == "postgresql":
        try:
            import psycopg  # noqa: F401
        except ImportError as exc:
            from newsbrief.errors import MissingExtraError

            raise MissingExtraError("a PostgreSQL store", "server") from exc
        return create_engine(parsed, pool_size=20, max_overflow=20, pool_pre_ping=True)
    raise StoreError(
        f"unsupported database {backend!r} in {url!r}; use sqlite:///FILE.db or postgresql://…"
    )


SQLITE_BUSY_SECONDS = 30.0


def _wal_mode(cursor: Any) -> None:
    """Switch the file to write-ahead logging, waiting out another process doing the same.

    The switch needs the file to itself, and SQLite answers "database is locked" at once (the
    busy timeout does not cover it) while a second ``newsbrief ingest`` opens the same new file;
    so the switch is retried until ``SQLITE_BUSY_SECONDS`` have passed."""
    deadline = time.monotonic() + SQLITE_BUSY_SECONDS
    pause = 0.01
    while True:
        try:
            if cursor.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
                cursor.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) and "busy" not in str(exc):
                raise
            if time.monotonic() > deadline:
                raise
            time.sleep(pause)
            pause = min(pause * 2, 0.5)


def _sqlite_events(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # transactions are begun below
        cursor = dbapi_conn.cursor()
        cursor.execute(f"PRAGMA busy_timeout={int(SQLITE_BUSY_SECONDS * 1000)}")
        _wal_mode(cursor)
        for pragma in ("PRAGMA foreign_keys=ON", "PRAGMA synchronous=NORMAL"):
            cursor.execute(pragma)
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        immediate = conn.get_execution_options().get("newsbrief_write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


# ---------------------------------------------------------------- row conversion


def _now() -> datetime:
    return datetime.now(UTC)


def article_row(
    article: Article, *, content_hash: str, body_hash: str | None, story_id: str | None
) -> dict[str, Any]:
    """The ``articles`` row of an article (its list records go to their own tables)."""
    return {
        "id": article.id,
        "source": article.source,
        "outlet": article.outlet,
        "title": article.title,
        "published": article.published,
        "url": article.url,
        "folder": article.folder,
        "duplicate_of": article.duplicate_of,
        "story_id": story_id,
        "content_hash": content_hash,
        "body_hash": body_hash,
        "body": "\n\n".join(article.paragraphs),
        "paragraphs": list(article.paragraphs),
        "sentences": [x.model_dump(mode="json") for x in article.sentences],
        "dates": [x.model_dump(mode="json") for x in article.dates],
        "ingested_at": _now(),
    }


def _child_rows(article: Article, field: str) -> list[dict[str, Any]]:
    return [
        {"article_id": article.id, "ord": i, **item.model_dump(mode="json")}
        for i, item in enumerate(getattr(article, field))
    ]


def _summary(row: Any) -> StorySummary:
    return StorySummary(
        id=row.id,
        title=row.title,
        size=row.n_articles,
        outlets=list(row.outlets or []),
        first_date=row.first_date,
        last_date=row.last_date,
        conflict=bool(row.has_conflict),
        version=row.version,
        updated_at=row.updated_at,
    )


_SUMMARY_COLUMNS = (
    s.articles.c.id,
    s.articles.c.title,
    s.articles.c.outlet,
    s.articles.c.published,
    s.articles.c.url,
    s.articles.c.story_id,
    s.articles.c.paragraphs,
)


def _article_summary(row: Any) -> ArticleSummary:
    return ArticleSummary(
        id=row.id,
        title=row.title,
        outlet=row.outlet,
        published=row.published,
        url=row.url,
        story_id=row.story_id,
        paragraphs=list(row.paragraphs or []),
    )


def fts_query(query: str) -> str:
    """A safe FTS5 query for free text: every word must occur (each quoted as a phrase)."""
    return " ".join(f'"{w}"' for w in _WORD.findall(query)[:16])


# ---------------------------------------------------------------- the store


class Store:
    """A newsbrief store at a database URL (created or upgraded on first open)."""

    def __init__(self, url: str = DEFAULT_DB) -> None:
        self.url = url
        self.engine = _engine(url)
        self.dialect = self.engine.dialect.name
        self._prepare()

    def close(self) -> None:
        """Release the store's connections."""
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _prepare(self) -> None:
        with self.connect() as conn:
            version = s.stored_version(conn)
        if version == s.SCHEMA_VERSION:
            return
        if version is not None and version > s.SCHEMA_VERSION:
            raise StoreError(
                f"the database {self.url} holds store schema version {version}, newer than this "
                f"newsbrief understands ({s.SCHEMA_VERSION}); upgrade newsbrief"
            )
        with self.writer() as w:  # under the write lock: one process creates or upgrades
            current = s.stored_version(w.conn)
            if current is None:
                s.create_schema(w.conn)
            elif current < s.SCHEMA_VERSION:
                s.upgrade(w.conn, current)

    @contextmanager
    def connect(self) -> Iterator[Connection]:
        """A connection for reads."""
        with self.engine.connect() as conn:
            yield conn

    @contextmanager
    def writer(self) -> Iterator[Writer]:
        """One write transaction holding the store's write lock; commits on success."""
        with self.engine.connect() as conn:
            conn.execution_options(newsbrief_write=True)
            with conn.begin():
                if self.dialect == "postgresql":
                    conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_LOCK})
                yield Writer(conn, self.dialect)

    # ------------------------------------------------------------ reads

    def counts(self) -> dict[str, int]:
        """How many articles and stories the store holds."""
        with self.connect() as conn:
            return {
                "articles": conn.execute(select(func.count()).select_from(s.articles)).scalar_one(),
                "stories": conn.execute(select(func.count()).select_from(s.stories)).scalar_one(),
            }

    def list_stories(self, *, limit: int = 50, offset: int = 0) -> list[StorySummary]:
        """Stories, newest first (by their latest article day, then most recently opened)."""
        order = (
            s.stories.c.last_date.is_(None),
            s.stories.c.last_date.desc(),
            s.stories.c.seq.desc(),
        )
        with self.connect() as conn:
            rows = conn.execute(select(s.stories).order_by(*order).limit(limit).offset(offset))
            return [_summary(r) for r in rows]

    def story_summary(self, story_id: str) -> StorySummary | None:
        """The list entry of one story."""
        with self.connect() as conn:
            row = conn.execute(select(s.stories).where(s.stories.c.id == story_id)).first()
        return _summary(row) if row else None

    def story_version(self, story_id: str) -> int | None:
        """The story's version (bumped whenever new articles change its brief)."""
        with self.connect() as conn:
            return conn.execute(
                select(s.stories.c.version).where(s.stories.c.id == story_id)
            ).scalar()

    def brief_json(self, story_id: str) -> str | None:
        """The stored brief of a story: the contract's story object as JSON text."""
        with self.connect() as conn:
            return conn.execute(
                select(s.briefs.c.body).where(s.briefs.c.story_id == story_id)
            ).scalar()

    def brief(self, story_id: str) -> Story | None:
        """The stored brief of a story."""
        body = self.brief_json(story_id)
        return Story.model_validate_json(body) if body is not None else None

    def story_page(
        self, story_id: str
    ) -> tuple[StorySummary, Story, dict[str, ArticleSummary]] | None:
        """Everything a story page shows, in one connection: list entry, brief and articles."""
        with self.connect() as conn:
            row = conn.execute(select(s.stories).where(s.stories.c.id == story_id)).first()
            body = conn.execute(
                select(s.briefs.c.body).where(s.briefs.c.story_id == story_id)
            ).scalar()
            if row is None or body is None:
                return None
            members = conn.execute(
                select(*_SUMMARY_COLUMNS).where(s.articles.c.story_id == story_id)
            )
            articles = {r.id: _article_summary(r) for r in members}
        return _summary(row), Story.model_validate_json(body), articles

    def article_summaries(self, ids: Sequence[str]) -> dict[str, ArticleSummary]:
        """Summaries of the articles with these ids (missing ids are left out)."""
        with self.connect() as conn:
            rows = conn.execute(select(*_SUMMARY_COLUMNS).where(s.articles.c.id.in_(list(ids))))
            return {r.id: _article_summary(r) for r in rows}

    def article(self, article_id: str) -> Article | None:
        """One stored article with all its extractions (the contract's article object)."""
        found = self.articles([article_id])
        return found[0] if found else None

    def article_by_hash(self, digest: str) -> str | None:
        """The id of the stored article with this content hash."""
        with self.connect() as conn:
            return conn.execute(
                select(s.articles.c.id).where(s.articles.c.content_hash == digest)
            ).scalar()

    def article_story(self, article_id: str) -> str | None:
        """The id of the story an article belongs to."""
        with self.connect() as conn:
            return conn.execute(
                select(s.articles.c.story_id).where(s.articles.c.id == article_id)
            ).scalar()

    def article_stories(self, article_ids: Sequence[str]) -> dict[str, str]:
        """article id -> story id, for stored articles that belong to a story."""
        with self.connect() as conn:
            return stories_of(conn, article_ids)

    def articles(self, ids: Sequence[str]) -> list[Article]:
        """Stored articles by id, in the order asked (missing ids are left out)."""
        with self.connect() as conn:
            return load_articles(conn, ids)

    def search(self, query: str, *, limit: int = 20) -> tuple[list[SearchHit], list[SearchHit]]:
        """Articles and quotes matching ``query`` (every word), best first."""
        if not _WORD.search(query):
            return [], []
        with self.connect() as conn:
            if self.dialect == "sqlite":
                q = fts_query(query)
                art = conn.execute(
                    text(
                        "SELECT article_id FROM article_fts WHERE article_fts MATCH :q "
                        "ORDER BY bm25(article_fts) LIMIT :n"
                    ),
                    {"q": q, "n": limit},
                ).all()
                quo = conn.execute(
                    text(
                        "SELECT article_id, speaker, text FROM quote_fts WHERE quote_fts MATCH :q "
                        "ORDER BY bm25(quote_fts) LIMIT :n"
                    ),
                    {"q": q, "n": limit},
                ).all()
            else:
                tsq = "websearch_to_tsquery('english', :q)"
                art = conn.execute(
                    text(
                        f"SELECT id AS article_id FROM articles WHERE {s.PG_ARTICLE_TSV} @@ {tsq} "
                        f"ORDER BY ts_rank({s.PG_ARTICLE_TSV}, {tsq}) DESC, id LIMIT :n"
                    ),
                    {"q": query, "n": limit},
                ).all()
                quo = conn.execute(
                    text(
                        f"SELECT article_id, speaker, text FROM quotes WHERE {s.PG_QUOTE_TSV} "
                        f"@@ {tsq} ORDER BY ts_rank({s.PG_QUOTE_TSV}, {tsq}) DESC, id LIMIT :n"
                    ),
                    {"q": query, "n": limit},
                ).all()
            ids = list(dict.fromkeys([r.article_id for r in art] + [r.article_id for r in quo]))
            rows = conn.execute(select(*_SUMMARY_COLUMNS).where(s.articles.c.id.in_(ids)))
            found = {r.id: _article_summary(r) for r in rows}
        articles = [
            SearchHit("article", found[r.article_id], "\n\n".join(found[r.article_id].paragraphs))
            for r in art
            if r.article_id in found
        ]
        quotes = [
            SearchHit("quote", found[r.article_id], r.text, r.speaker)
            for r in quo
            if r.article_id in found
        ]
        return articles, quotes


# ---------------------------------------------------------------- shared reads


def load_articles(conn: Connection, ids: Sequence[str]) -> list[Article]:
    """Full articles by id, in the order asked."""
    wanted = list(dict.fromkeys(ids))
    if not wanted:
        return []
    children: dict[str, dict[str, list[BaseModel]]] = {i: {} for i in wanted}
    base: dict[str, Any] = {}
    for chunk in _chunks(wanted, 500):
        for row in conn.execute(select(s.articles).where(s.articles.c.id.in_(chunk))):
            base[row.id] = row
        for field, table in s.ARTICLE_CHILDREN.items():
            model = _CHILD_MODELS[field]
            names = list(model.model_fields)
            rows = conn.execute(
                select(table)
                .where(table.c.article_id.in_(chunk))
                .order_by(table.c.article_id, table.c.ord)
            )
            for row in rows:
                mapping = row._mapping
                children[row.article_id].setdefault(field, []).append(
                    model.model_validate({n: mapping[n] for n in names})
                )
    out: list[Article] = []
    for article_id in wanted:
        found = base.get(article_id)
        if found is None:
            continue
        row = found
        out.append(
            Article.model_validate(
                {
                    "id": row.id,
                    "source": row.source,
                    "outlet": row.outlet,
                    "title": row.title,
                    "published": row.published,
                    "url": row.url,
                    "folder": row.folder,
                    "paragraphs": row.paragraphs,
                    "duplicate_of": row.duplicate_of,
                    "sentences": row.sentences,
                    "dates": row.dates,
                    **children[article_id],
                }
            )
        )
    return out


def _chunks(items: Sequence[str], size: int) -> Iterator[Sequence[str]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


# ---------------------------------------------------------------- writes


def stories_of(conn: Connection, article_ids: Sequence[str]) -> dict[str, str]:
    """article id -> story id, for stored articles that belong to a story (500 ids a query)."""
    out: dict[str, str] = {}
    for chunk in _chunks(list(article_ids), 500):
        rows = conn.execute(
            select(s.articles.c.id, s.articles.c.story_id).where(s.articles.c.id.in_(chunk))
        )
        out.update((r.id, r.story_id) for r in rows if r.story_id)
    return out


class Writer:
    """Writes inside one locked transaction (see ``Store.writer``)."""

    def __init__(self, conn: Connection, dialect: str) -> None:
        self.conn = conn
        self.dialect = dialect

    # ------------------------------------------------------------ lookups under the lock

    def known_hashes(self, hashes: Iterable[str]) -> set[str]:
        """The content hashes already stored."""
        found: set[str] = set()
        for chunk in _chunks(list(set(hashes)), 500):
            found.update(
                self.conn.execute(
                    select(s.articles.c.content_hash).where(s.articles.c.content_hash.in_(chunk))
                ).scalars()
            )
        return found

    def originals_by_body(self, body_hashes: Iterable[str]) -> dict[str, tuple[str, str | None]]:
        """body hash -> (id, story id) of the earliest stored article with that body."""
        found: dict[str, tuple[str, str | None]] = {}
        for chunk in _chunks(list(set(body_hashes)), 500):
            rows = self.conn.execute(
                select(s.articles.c.body_hash, s.articles.c.id, s.articles.c.story_id)
                .where(s.articles.c.body_hash.in_(chunk), s.articles.c.duplicate_of.is_(None))
                .order_by(s.articles.c.published, s.articles.c.id)
            )
            for row in rows:
                found.setdefault(row.body_hash, (row.id, row.story_id))
        return found

    def taken_ids(self, ids: Iterable[str]) -> set[str]:
        """Which of these article ids are in use."""
        found: set[str] = set()
        for chunk in _chunks(list(set(ids)), 500):
            found.update(
                self.conn.execute(
                    select(s.articles.c.id).where(s.articles.c.id.in_(chunk))
                ).scalars()
            )
        return found

    def stories_near(self, low: str | None, high: str | None) -> list[str]:
        """Ids of stories whose dates reach into [low, high] (ISO days), or that have no date."""
        query = select(s.stories.c.id)
        if low is not None and high is not None:
            query = query.where(
                or_(
                    s.stories.c.last_date.is_(None),
                    (s.stories.c.last_date >= low) & (s.stories.c.first_date <= high),
                )
            )
        return list(self.conn.execute(query.order_by(s.stories.c.seq)).scalars())

    def members(self, story_ids: Sequence[str]) -> dict[str, list[str]]:
        """story id -> ids of its articles."""
        out: dict[str, list[str]] = {i: [] for i in story_ids}
        for chunk in _chunks(list(story_ids), 500):
            rows = self.conn.execute(
                select(s.articles.c.id, s.articles.c.story_id)
                .where(s.articles.c.story_id.in_(chunk))
                .order_by(s.articles.c.published, s.articles.c.id)
            )
            for row in rows:
                out[row.story_id].append(row.id)
        return out

    def articles(self, ids: Sequence[str]) -> list[Article]:
        """Full stored articles."""
        return load_articles(self.conn, ids)

    def story_of(self, article_ids: Sequence[str]) -> dict[str, str]:
        """article id -> story id, for stored articles that belong to a story."""
        return stories_of(self.conn, article_ids)

    def story_seqs(self, story_ids: Sequence[str]) -> dict[str, int]:
        """story id -> its number."""
        rows = self.conn.execute(
            select(s.stories.c.id, s.stories.c.seq).where(s.stories.c.id.in_(list(story_ids)))
        )
        return {r.id: r.seq for r in rows}

    def next_story_seq(self) -> int:
        """The number of the next new story (``s{n}``)."""
        current = self.conn.execute(select(func.max(s.stories.c.seq))).scalar()
        return int(current or 0) + 1

    # ------------------------------------------------------------ writes

    def add_article(
        self,
        article: Article,
        *,
        content_hash: str,
        body_hash: str | None = None,
        story_id: str | None = None,
    ) -> None:
        """Store a new article and its records (and index it for search)."""
        self.conn.execute(
            insert(s.articles),
            [
                article_row(
                    article, content_hash=content_hash, body_hash=body_hash, story_id=story_id
                )
            ],
        )
        if self.dialect == "sqlite":
            self.conn.execute(
                text("INSERT INTO article_fts(article_id, title, body) VALUES (:i, :t, :b)"),
                {"i": article.id, "t": article.title or "", "b": "\n\n".join(article.paragraphs)},
            )
        self._insert_children(article, s.ARTICLE_CHILDREN)

    def _insert_children(self, article: Article, tables: dict[str, Any]) -> None:
        for field, table in tables.items():
            rows = _child_rows(article, field)
            if rows:
                self.conn.execute(insert(table), rows)
        if "quotes" in tables and self.dialect == "sqlite" and article.quotes:
            self.conn.execute(
                text(
                    "INSERT INTO quote_fts(article_id, ord, speaker, text) VALUES (:a, :o, :s, :t)"
                ),
                [
                    {"a": article.id, "o": i, "s": q.speaker or "", "t": q.text}
                    for i, q in enumerate(article.quotes)
                ],
            )

    def replace_quotes(self, article: Article) -> None:
        """Rewrite an article's quotes (speakers are renamed per story when the story grows)."""
        self.conn.execute(delete(s.quotes).where(s.quotes.c.article_id == article.id))
        if self.dialect == "sqlite":
            self.conn.execute(
                text("DELETE FROM quote_fts WHERE article_id = :a"), {"a": article.id}
            )
        self._insert_children(article, {"quotes": s.quotes})

    def delete_story(self, story_id: str) -> None:
        """Remove a story that was absorbed into others (its articles have moved)."""
        self.conn.execute(
            update(s.articles).where(s.articles.c.story_id == story_id).values(story_id=None)
        )
        self.conn.execute(delete(s.events).where(s.events.c.story_id == story_id))
        self.conn.execute(delete(s.briefs).where(s.briefs.c.story_id == story_id))
        self.conn.execute(delete(s.stories).where(s.stories.c.id == story_id))

    def save_story(
        self,
        story: Story,
        *,
        seq: int,
        words: int,
        outlets: Sequence[str],
        first_date: str | None,
        last_date: str | None,
    ) -> None:
        """Insert or replace a story row, its events and its brief; point its articles at it."""
        now = _now()
        values = {
            "title": story.title,
            "n_articles": len(story.articles),
            "n_outlets": len(outlets),
            "outlets": list(outlets),
            "has_conflict": any(f.status == "conflict" for f in story.figures),
            "first_date": first_date,
            "last_date": last_date,
            "updated_at": now,
        }
        exists = self.conn.execute(
            select(s.stories.c.version).where(s.stories.c.id == story.id)
        ).scalar()
        if exists is None:
            self.conn.execute(
                insert(s.stories).values(id=story.id, seq=seq, version=1, created_at=now, **values)
            )
        else:
            self.conn.execute(
                update(s.stories)
                .where(s.stories.c.id == story.id)
                .values(version=exists + 1, **values)
            )
        self.conn.execute(delete(s.events).where(s.events.c.story_id == story.id))
        if story.events:
            self.conn.execute(
                insert(s.events),
                [
                    {
                        "id": e.id,
                        "story_id": story.id,
                        "ord": i,
                        "date": e.date,
                        "label": e.label,
                        "articles": list(e.articles),
                    }
                    for i, e in enumerate(story.events)
                ],
            )
        self.conn.execute(delete(s.briefs).where(s.briefs.c.story_id == story.id))
        self.conn.execute(
            insert(s.briefs).values(
                story_id=story.id,
                body=story.model_dump_json(by_alias=True),
                words=words,
                built_at=now,
            )
        )
        for chunk in _chunks(list(story.articles), 500):
            self.conn.execute(
                update(s.articles).where(s.articles.c.id.in_(chunk)).values(story_id=story.id)
            )
