"""Incremental, idempotent ingest into a store.

1. Read the inputs and hash each document's content; documents whose hash is already stored are
   skipped before any parsing (parsing is the expensive step).
2. Clean, dedup, parse and extract the new documents with the pipeline (``extract_result``).
3. Under the store's write lock: give each new article a free id, mark exact copies of stored
   articles (same body hash), and place the new articles in stories. Only stories whose dates
   reach the new articles' days (the clustering window) are candidates: their articles and the
   new ones are clustered together (``cluster_stories``), so the window ends up grouped as one
   batch run over it would group it. Each resulting cluster keeps the id of the stored story
   it overlaps most (ids stay stable); clusters without stored articles are new stories; a
   stored story whose articles all went to others is removed. Stories outside the window are
   not read at all.
4. Rebuild the briefs of the stories whose articles changed, only those
   (``pipeline.build_stories`` over each story's articles), and store them precomputed, with
   the articles' story-wide speaker names.
"""

from __future__ import annotations

import hashlib
import json
import tempfile
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import TextIO

from newsbrief.model import Article, InputError, RawDocument, Story
from newsbrief.pipeline import ProgressFn, RunOptions, build_stories, extract_result
from newsbrief.store.repository import Store, Writer

CANDIDATE_LIMIT = 500
"""At most this many recent stories are reconsidered for undated articles."""

BATCH_SIZE = 1000
"""Documents read, extracted and committed at a time by default (bounded memory; a crash loses
at most the batch in flight, and a rerun skips what earlier batches stored)."""


@dataclass(frozen=True)
class IngestOptions:
    """How new articles are extracted and briefed (as for ``newsbrief brief``), and how many
    documents go through at a time (``batch_size``; None: all in one batch)."""

    words: int = 60
    clean: bool = True
    workers: int = 1
    batch_size: int | None = BATCH_SIZE


@dataclass
class IngestReport:
    """What an ingest did."""

    read: int = 0
    skipped: int = 0
    added: list[str] = field(default_factory=list)
    new_stories: list[str] = field(default_factory=list)
    updated_stories: list[str] = field(default_factory=list)
    removed_stories: list[str] = field(default_factory=list)
    story_of: dict[str, str] = field(default_factory=dict)
    errors: list[InputError] = field(default_factory=list)

    def merge(self, later: IngestReport) -> None:
        """Add the report of a later batch: a story created in one batch and changed in a
        later one stays new; one removed later is listed as removed only."""
        self.read += later.read
        self.skipped += later.skipped
        self.added.extend(later.added)
        self.story_of.update(later.story_of)
        self.errors.extend(later.errors)
        for story in later.new_stories:
            if story not in self.new_stories:
                self.new_stories.append(story)
        for story in later.updated_stories:
            if story not in self.new_stories and story not in self.updated_stories:
                self.updated_stories.append(story)
        for story in later.removed_stories:
            created_here = story in self.new_stories
            self.new_stories = [s for s in self.new_stories if s != story]
            self.updated_stories = [s for s in self.updated_stories if s != story]
            if not created_here and story not in self.removed_stories:
                self.removed_stories.append(story)

    def as_dict(self) -> dict[str, object]:
        return {
            "read": self.read,
            "skipped": self.skipped,
            "added": self.added,
            "new_stories": self.new_stories,
            "updated_stories": self.updated_stories,
            "removed_stories": self.removed_stories,
            "story_of": self.story_of,
            "errors": [e.model_dump() for e in self.errors],
        }


def content_hash(doc: RawDocument) -> str:
    """The identity of a document for idempotent ingest: SHA-256 of its content as scraped."""
    return hashlib.sha256(doc.content.strip().encode("utf-8")).hexdigest()


def body_hash(article: Article) -> str:
    """The identity of a cleaned body (exact copies across ingests share it)."""
    from newsbrief.dedup import body_hash as hash_tokens
    from newsbrief.dedup import body_tokens

    return hash_tokens(body_tokens(article))


# ---------------------------------------------------------------- entry points


def ingest(
    store: Store,
    inputs: Sequence[str | Path],
    *,
    options: IngestOptions | None = None,
    progress: ProgressFn | None = None,
    stdin: TextIO | None = None,
) -> IngestReport:
    """Add the documents of ``inputs`` that the store does not hold yet, and update stories.

    Documents are read as a stream and go through in batches of ``options.batch_size``: each
    batch is extracted and committed before the next is read, so memory is bounded by a batch
    and a run that dies keeps every batch it finished (a rerun skips those documents by their
    content hash before any parsing)."""
    from newsbrief.ingest import read_inputs

    opts = options or IngestOptions()
    report = IngestReport()
    errors: list[InputError] = []
    docs: list[RawDocument] = []
    batches = 0
    for item in read_inputs(list(inputs), stdin=stdin):
        if isinstance(item, InputError):
            errors.append(item)
            continue
        docs.append(item)
        if opts.batch_size and len(docs) >= opts.batch_size:
            report.merge(ingest_documents(store, docs, options=opts, progress=progress))
            batches += 1
            docs = []
    if docs or batches == 0:
        report.merge(ingest_documents(store, docs, options=opts, progress=progress))
        batches += 1
    if batches > 1:  # a later batch may have moved articles an earlier one placed
        report.story_of = store.article_stories(report.added)
    report.errors[:0] = errors
    return report


def ingest_documents(
    store: Store,
    docs: Sequence[RawDocument],
    *,
    options: IngestOptions | None = None,
    progress: ProgressFn | None = None,
) -> IngestReport:
    """Add raw documents (skipping those stored already) and update the stories they touch."""
    opts = options or IngestOptions()
    hashes = [content_hash(d) for d in docs]
    with store.connect() as conn:
        from sqlalchemy import select

        from newsbrief.store import schema as s

        known: set[str] = set()
        for i in range(0, len(hashes), 500):
            known.update(
                conn.execute(
                    select(s.articles.c.content_hash).where(
                        s.articles.c.content_hash.in_(hashes[i : i + 500])
                    )
                ).scalars()
            )
    fresh: list[tuple[RawDocument, str]] = []
    seen: set[str] = set()
    for doc, digest in zip(docs, hashes, strict=True):
        if digest in known or digest in seen:
            continue
        seen.add(digest)
        fresh.append((doc, digest))
    items, errors = extract_documents(fresh, options=opts, progress=progress)
    report = store_articles(store, items, words=opts.words, progress=progress)
    report.read = len(docs)
    report.skipped += len(docs) - len(fresh)
    report.errors.extend(errors)
    return report


def extract_documents(
    docs: Sequence[tuple[RawDocument, str]],
    *,
    options: IngestOptions,
    progress: ProgressFn | None = None,
) -> tuple[list[tuple[Article, str]], list[InputError]]:
    """Run the pipeline's article stages over these documents: (article, content hash) pairs.

    The documents are handed to ``extract_result`` as one temporary JSONL file (so only the
    new documents are parsed, whatever file they came from); sources, ids and folders are then
    given back as read.
    """
    if not docs:
        return [], []
    from newsbrief.clean import article_id

    with tempfile.TemporaryDirectory(prefix="newsbrief-ingest-") as tmp:
        path = Path(tmp) / "batch.jsonl"
        with path.open("w", encoding="utf-8") as out:
            for n, (doc, _) in enumerate(docs):
                record = {
                    "id": str(n),
                    "html" if doc.format == "html" else "text": doc.content,
                    "title": doc.title,
                    "outlet": doc.outlet,
                    "url": doc.url,
                    "published": doc.published,
                }
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
        result = extract_result(
            [path],
            options=RunOptions(clean=options.clean, workers=options.workers),
            progress=progress,
        )
        prefix = f"{path}#"

    def original(source: str) -> tuple[RawDocument, str] | None:
        if not source.startswith(prefix):
            return None
        try:
            return docs[int(source[len(prefix) :])]
        except (ValueError, IndexError):
            return None

    ids: dict[str, str] = {}
    items: list[tuple[Article, str]] = []
    for article in result.articles:
        found = original(article.source)
        if found is None:
            continue
        doc, digest = found
        ids[article.id] = article_id(doc.source)
        items.append(
            (article.model_copy(update={"source": doc.source, "folder": doc.folder}), digest)
        )
    items = [
        (
            a.model_copy(
                update={
                    "id": ids[a.id],
                    "duplicate_of": ids.get(a.duplicate_of) if a.duplicate_of else None,
                }
            ),
            h,
        )
        for a, h in items
    ]
    errors = []
    for err in result.errors:
        found = original(err.source)
        source = found[0].source if found else err.source
        errors.append(InputError(source=source, error=err.error.replace(str(path), source)))
    return items, errors


# ---------------------------------------------------------------- storing and stories


def store_articles(
    store: Store,
    items: Sequence[tuple[Article, str]],
    *,
    words: int = 60,
    progress: ProgressFn | None = None,
) -> IngestReport:
    """Store extracted articles (each with its content hash) and update the stories they touch.

    Articles whose hash is stored already are skipped; ids already in use get a suffix.
    """
    report = IngestReport()
    with store.writer() as w:
        known = w.known_hashes(h for _, h in items)
        fresh: list[tuple[Article, str]] = []
        for article, digest in items:
            if digest in known:
                report.skipped += 1
                continue
            known.add(digest)
            fresh.append((article, digest))
        if not fresh:
            return report
        articles = _free_ids(w, [a for a, _ in fresh])
        digests = {a.id: h for a, (_, h) in zip(articles, fresh, strict=True)}
        bodies = {a.id: body_hash(a) for a in articles}
        articles = _mark_stored_copies(w, articles, bodies)
        stories, members, old, gone = _place(w, articles, words=words, progress=progress)
        by_id = {a.id: a for a in members}
        for article in articles:
            final = by_id.get(article.id, article)
            w.add_article(final, content_hash=digests[article.id], body_hash=bodies[article.id])
        for article_id, final in by_id.items():
            before = old.get(article_id)
            if before is not None and before.quotes != final.quotes:
                w.replace_quotes(final)
        for story, seq, is_new in stories:
            story_articles = [by_id[i] for i in story.articles if i in by_id]
            days = sorted(d for d in (_day(a) for a in story_articles) if d)
            w.save_story(
                story,
                seq=seq,
                words=words,
                outlets=list(dict.fromkeys(a.outlet for a in story_articles if a.outlet)),
                first_date=days[0] if days else None,
                last_date=days[-1] if days else None,
            )
            (report.new_stories if is_new else report.updated_stories).append(story.id)
            for article_id in story.articles:
                if article_id in digests:
                    report.story_of[article_id] = story.id
        for story_id in gone:
            w.delete_story(story_id)
        report.removed_stories = gone
        report.added = [a.id for a in articles]
    return report


def _day(article: Article) -> str | None:
    from newsbrief.timing import article_day

    day = article_day(article)
    return day.isoformat() if day else None


def _free_ids(w: Writer, articles: list[Article]) -> list[Article]:
    """Articles with ids not used in the store nor earlier in the batch (``id-2``, ``id-3``…)."""
    wanted = [a.id for a in articles]
    taken = w.taken_ids(wanted)
    used: set[str] = set()
    renamed: dict[str, str] = {}
    out: list[Article] = []
    for article in articles:
        new_id, n = article.id, 1
        while new_id in taken or new_id in used:
            n += 1
            new_id = f"{article.id}-{n}"
            if new_id not in used:
                taken |= w.taken_ids([new_id])
        used.add(new_id)
        renamed.setdefault(article.id, new_id)
        out.append(article if new_id == article.id else article.model_copy(update={"id": new_id}))
    return [
        a.model_copy(update={"duplicate_of": renamed.get(a.duplicate_of, a.duplicate_of)})
        if a.duplicate_of
        else a
        for a in out
    ]


def _mark_stored_copies(
    w: Writer, articles: list[Article], bodies: dict[str, str]
) -> list[Article]:
    """Mark new articles whose cleaned body equals a stored original's as its copies."""
    originals = w.originals_by_body(bodies[a.id] for a in articles if not a.duplicate_of)
    return [
        a.model_copy(update={"duplicate_of": originals[bodies[a.id]][0]})
        if not a.duplicate_of and bodies[a.id] in originals
        else a
        for a in articles
    ]


def _place(
    w: Writer, new: list[Article], *, words: int, progress: ProgressFn | None
) -> tuple[list[tuple[Story, int, bool]], list[Article], dict[str, Article], list[str]]:
    """Place new articles in stories and rebuild the briefs of the stories that changed.

    Returns (story, seq, is_new) for every changed story, their articles (with story-wide
    speaker names), the stored articles as loaded, and the stored stories that were absorbed
    into others (to delete).
    """
    from newsbrief.cluster import ClusterOptions, cluster_stories
    from newsbrief.timing import article_day

    # candidate stories: those whose dates reach the new articles' days
    window = timedelta(days=ClusterOptions().window_days)
    days = [d for d in (article_day(a) for a in new) if d is not None]
    if days:
        candidates = w.stories_near(
            (min(days) - window).isoformat(), (max(days) + window).isoformat()
        )
    else:
        candidates = w.stories_near(None, None)[-CANDIDATE_LIMIT:]
    members = w.members(candidates)
    story_of_old = {i: sid for sid, ids in members.items() for i in ids}
    loaded = {a.id: a for a in w.articles(list(story_of_old))}

    # copies of stored articles outside the candidates follow their original's story
    new_ids = {a.id for a in new}
    far = [
        a.duplicate_of
        for a in new
        if a.duplicate_of and a.duplicate_of not in new_ids and a.duplicate_of not in loaded
    ]
    story_of_far = w.story_of(far) if far else {}
    joins: dict[str, list[Article]] = {}
    rest: list[Article] = []
    for article in new:
        target = story_of_far.get(article.duplicate_of or "")
        if target:
            joins.setdefault(target, []).append(article)
        else:
            rest.append(article)

    # re-cluster the window: the candidates' articles with the new ones, as a batch run would
    clusters = cluster_stories([*loaded.values(), *rest])
    by_id = {**loaded, **{a.id: a for a in rest}}
    regrouped = _match(clusters, story_of_old)
    next_seq = w.next_story_seq()
    seqs = w.story_seqs([*candidates, *joins])
    plans: list[tuple[str, int, bool, list[Article]]] = []
    kept: set[str] = set()
    for sid, ids in regrouped:
        if sid is None:
            plans.append((f"s{next_seq}", next_seq, True, [by_id[i] for i in ids]))
            next_seq += 1
            continue
        kept.add(sid)
        extra = joins.pop(sid, [])
        if set(ids) == set(members[sid]) and not extra:
            continue  # untouched: its brief stays as stored
        plans.append((sid, seqs[sid], False, [*(by_id[i] for i in ids), *extra]))
    for sid, extra in joins.items():  # stories outside the window that gain copies
        ids = w.members([sid])[sid]
        stored = w.articles([i for i in ids if i not in loaded])
        loaded.update((a.id, a) for a in stored)
        plans.append((sid, seqs[sid], False, [*stored, *extra]))
    gone = [sid for sid in candidates if sid not in kept]

    out: list[tuple[Story, int, bool]] = []
    articles_out: list[Article] = []
    for n, (sid, seq, is_new, story_articles) in enumerate(plans, start=1):
        story, rebuilt = build_one_story(sid, story_articles, words=words)
        out.append((story, seq, is_new))
        articles_out.extend(rebuilt)
        if progress:
            progress("stories", n, len(plans))
    return out, articles_out, loaded, gone


def _match(
    clusters: Sequence[Story], story_of_old: dict[str, str]
) -> list[tuple[str | None, list[str]]]:
    """Give each new cluster the id of the stored story it overlaps most (each stored id used
    once, largest overlaps first, ties to the older story); the rest get None (new stories)."""
    pairs: list[tuple[int, str, int]] = []
    for n, cluster in enumerate(clusters):
        overlap = Counter(story_of_old[i] for i in cluster.articles if i in story_of_old)
        pairs.extend((count, sid, n) for sid, count in overlap.items())
    pairs.sort(key=lambda p: (-p[0], _seq_of(p[1]), p[2]))
    owner: dict[int, str] = {}
    used: set[str] = set()
    for _, sid, n in pairs:
        if n not in owner and sid not in used:
            owner[n] = sid
            used.add(sid)
    return [(owner.get(n), list(c.articles)) for n, c in enumerate(clusters)]


def _seq_of(story_id: str) -> int:
    digits = story_id.lstrip("s")
    return int(digits) if digits.isdigit() else 0


def build_one_story(
    story_id: str, articles: Sequence[Article], *, words: int = 60
) -> tuple[Story, list[Article]]:
    """The brief of a given set of articles as one story (``pipeline.build_stories`` with the
    articles taken as one folder), and the articles with story-wide speaker names."""
    folders = {a.id: a.folder for a in articles}
    key = f"newsbrief-story:{story_id}"
    tagged = [a.model_copy(update={"folder": key}) for a in articles]
    stories, rebuilt = build_stories(tagged, options=RunOptions(story_per_folder=True, words=words))
    if len(stories) != 1:  # cannot happen with one folder; fail loudly rather than mis-store
        raise RuntimeError(f"expected one story for {story_id}, got {len(stories)}")
    story = stories[0]
    events = [
        e.model_copy(update={"id": f"{story_id}-e{n}"}) for n, e in enumerate(story.events, 1)
    ]
    story = story.model_copy(update={"id": story_id, "events": events})
    return story, [a.model_copy(update={"folder": folders[a.id]}) for a in rebuilt]
