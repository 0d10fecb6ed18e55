"""The main job, end to end: inputs → ingest → clean → dedup → parse+extract → cluster → brief.

This module only wires stages together in the one-way order of DESIGN.md; every decision lives in
a stage. Article-level work (clean, parse+extract) is scheduled by an executor so the same code
runs in-process, in a process pool or on Dask. Corpus-level work stays out of the executor: a
first pass over the inputs learns the chrome each outlet repeats (``clean.recurring``, in
bounded memory); a second pass reads them again and streams shards of documents, each handed
its site's keys, through clean + parse + extract, a few shards in flight. So the raw documents
are never all held: only the compact article records come back, and dedup (which extraction
does not depend on) runs over them at the end. Standard input, which cannot be read twice, is
held once. With ``state_dir`` each shard's results are also stored, and a rerun loads them
(``run.state``). A document that fails is recorded in ``Result.errors`` and the run goes on.
"""

from __future__ import annotations

import dataclasses
import logging
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal, TextIO, TypeVar

from newsbrief.errors import Code, InputReadError, OptionError
from newsbrief.model import (
    Article,
    InputError,
    Quote,
    RawDocument,
    Result,
    Story,
    SummarySentence,
)
from newsbrief.run import Executor, check_executor, open_executor

if TYPE_CHECKING:
    from newsbrief.brief import BriefOptions
    from newsbrief.clean.recurring import Boilerplate, Observation
    from newsbrief.dedup import BodySignature
    from newsbrief.run.state import ShardResult

log = logging.getLogger(__name__)
T = TypeVar("T")

ProgressFn = Callable[[str, int, int], None]
"""Called as ``progress(stage, done, total)`` while a run advances."""

Inputs = Sequence[str | Path] | str | Path


@dataclass(frozen=True)
class RunOptions:
    """Options of a run. ``words`` is the summary budget per story.

    ``learn_boilerplate``: when cleaning, first learn the lines each outlet repeats across its
    pages in this run (``clean.recurring``) and drop them as "recurring".

    ``executor``: ``"local"`` (in-process, or a process pool of ``workers``) or ``"dask"`` (a
    local Dask cluster of ``workers`` processes, or the cluster at ``scheduler``,
    ``tcp://HOST:PORT``); both run the same article-level shard functions.

    ``state_dir``: keep each shard's article-level results in this folder, and on a rerun load
    the shards already done instead of computing them again (``run.state``); the output is the
    same as without it.
    """

    clean: bool = True
    learn_boilerplate: bool = True
    words: int = 60
    story_per_folder: bool = False
    workers: int = 1
    shard_size: int = 16
    executor: str = "local"
    scheduler: str | None = None
    state_dir: str | None = None

    def __post_init__(self) -> None:
        if self.words < 5:
            raise OptionError(f"words must be at least 5 (got {self.words}); try --words 60")
        if self.workers < 1:
            raise OptionError(f"workers must be at least 1 (got {self.workers})")
        if self.shard_size < 1:
            raise OptionError(f"shard_size must be at least 1 (got {self.shard_size})")
        check_executor(self.executor, workers=self.workers, scheduler=self.scheduler)


def _options(options: RunOptions | None, overrides: dict[str, object]) -> RunOptions:
    base = options or RunOptions()
    known = {f.name for f in dataclasses.fields(RunOptions)}
    unknown = sorted(set(overrides) - known)
    if unknown:
        raise OptionError(
            f"unknown option(s) {', '.join(unknown)}; known options: {', '.join(sorted(known))}"
        )
    return dataclasses.replace(base, **overrides)  # type: ignore[arg-type]


def _as_list(inputs: Inputs) -> list[str | Path]:
    if isinstance(inputs, str | Path):
        return [inputs]
    return list(inputs)


# ---------------------------------------------------------------- article-level shard functions
# Module-level so a process pool can pickle them.


CleanJob = tuple[RawDocument, frozenset[str]]
"""A document to clean and the recurring-boilerplate keys learned for its site."""


def _clean_shard(jobs: list[CleanJob], clean: bool = True) -> list[Article | InputError]:
    from newsbrief.clean import clean_document, unclean_document

    out: list[Article | InputError] = []
    for raw, boilerplate in jobs:
        try:
            article = (
                clean_document(raw, boilerplate=boilerplate) if clean else unclean_document(raw)
            )
        except Exception as exc:  # one bad document never takes the run down
            out.append(_stage_failure(raw.source, "clean", exc))
            continue
        problem = _unusable(article)
        if problem and problem[0] is Code.E111:
            # kept, marked, not extracted: the reader still sees it, and why (an E111 error
            # is added for it once the shards are back, see extract_result)
            out.append(article.model_copy(update={"language": problem[1]}))
        else:
            out.append(_input_error(raw.source, *problem) if problem else article)
    return out


def _input_error(source: str, code: Code, message: str) -> InputError:
    """The coded error of one document, in the style of ``errors.InputReadError``."""
    return InputError(source=source, error=str(InputReadError(code, source, message)))


def _unusable(article: Article) -> tuple[Code, str] | None:
    """Why a cleaned article cannot go on to parsing and extraction, or None."""
    from newsbrief.ingest.language import check_english
    from newsbrief.ingest.limits import MAX_TEXT_CHARS

    if not article.paragraphs:
        return Code.E106, (
            "no article text left after cleaning: check that the file holds an article (run "
            "`newsbrief extract --no-clean` to see the raw text)"
        )
    size = sum(len(p) for p in article.paragraphs)
    if size > MAX_TEXT_CHARS:
        return Code.E110, (
            f"the article text is {size:,} characters after cleaning, over the "
            f"{MAX_TEXT_CHARS:,}-character limit (see newsbrief.ingest.limits): split it into "
            "one file per article"
        )
    language = check_english("\n".join([article.title or "", *article.paragraphs]))
    if not language.english:
        return Code.E111, (
            f"not an English article ({language.reason}), so extraction was skipped: newsbrief "
            "reads English only; translate it first or leave it out of the inputs"
        )
    return None


def _learn(
    docs: Iterable[RawDocument], opts: RunOptions, executor: Executor | None = None
) -> Boilerplate | None:
    """The boilerplate each site repeats, learned in one pass over ``docs`` (None when the
    options switch learning off, or when it fails: it is a refinement, never fatal). With an
    ``executor``, its workers read the documents' lines (``_observe_batch``) while this
    process tallies them in order: the same result, in less time."""
    if not (opts.clean and opts.learn_boilerplate):
        return None
    from newsbrief.clean.recurring import learn_boilerplate, learn_from

    try:
        if executor is None:
            return learn_boilerplate(docs)
        batches = _batched(docs, OBSERVE_BATCH)
        observed = executor.imap(_observe_batch, batches)
        try:
            return learn_from(seen for batch in observed for seen in batch)
        finally:  # a pool's workers stop with the iterator, even when the tally fails
            getattr(observed, "close", lambda: None)()
    except Exception:
        log.warning("learning recurring boilerplate failed; cleaning without it", exc_info=True)
        return None


OBSERVE_BATCH = 64
"""Documents per task when a pool's workers read the lines learning counts (about 2.5 ms of
work each on PolNeAR texts, so a task is worth its round trip)."""


def _batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Consecutive lists of ``size`` items (the last may be shorter), taken lazily."""
    batch: list[T] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _observe_batch(docs: list[RawDocument]) -> list[Observation]:
    """What learning takes from each document (``clean.recurring.observe``)."""
    from newsbrief.clean.recurring import observe

    return [observe(raw) for raw in docs]


def _clean_jobs(docs: list[RawDocument], opts: RunOptions) -> list[CleanJob]:
    """Pair each document with its site's learned boilerplate (a corpus-level step before the
    per-document map, so shards stay independent and the executor stays simple)."""
    learned = _learn(docs, opts)
    return [(raw, learned.for_document(raw) if learned else frozenset()) for raw in docs]


def _analyse_shard(articles: list[Article]) -> list[Article | InputError]:
    """Parse and extract each article, one result per article in order; an article marked as
    not English passes through untouched."""
    analysed = iter(_analyse_english([a for a in articles if a.language is None]))
    return [a if a.language is not None else next(analysed) for a in articles]


def _analyse_english(articles: list[Article]) -> list[Article | InputError]:
    from newsbrief.extract import extract_article
    from newsbrief.nlp import ParsedArticle, parse_articles

    if not articles:
        return []

    parsed: list[ParsedArticle | InputError]
    try:
        parsed = list(parse_articles(articles))
    except Exception:  # isolate the document that breaks the batch
        parsed = []
        for article in articles:
            try:
                parsed.extend(parse_articles([article]))
            except Exception as exc:
                parsed.append(_stage_failure(article.source, "parse", exc))
    results: list[Article | InputError] = []
    for item in parsed:
        if isinstance(item, InputError):
            results.append(item)
            continue
        try:
            results.append(extract_article(item))
        except Exception as exc:
            results.append(_stage_failure(item.article.source, "extract", exc))
    return results


ShardJob = tuple[list[CleanJob], bool, str | None, str | None]
"""A shard: its documents with their boilerplate keys, whether to clean, and (for a resumable
run) its key and the state folder to store its results in."""


def _run_shard(job: ShardJob) -> ShardResult:
    """Clean, parse and extract one shard's documents (the article-level work of a run); with a
    key, store the results in the state folder (the shard's completion marker)."""
    from newsbrief.dedup import body_signature
    from newsbrief.run.state import ShardResult, ShardStore

    jobs, clean, key, root = job
    cleaned, clean_errors = _split(_clean_shard(jobs, clean=clean))
    analysed, analyse_errors = _split(_analyse_shard(cleaned))
    result = ShardResult(
        clean_errors=clean_errors,
        articles=analysed,
        signatures=[body_signature(a) for a in analysed],
        analyse_errors=analyse_errors,
    )
    if key is not None and root is not None:
        ShardStore(root).save(key, result)
    return result


def _stage_failure(source: str, stage: str, exc: Exception) -> InputError:
    detail = " ".join(f"{type(exc).__name__}: {exc}".split())[:300]
    return _input_error(
        source,
        Code.E109,
        f"the {stage} stage failed on this document ({detail}): the run went on without it; "
        "please report this as a bug",
    )


# ---------------------------------------------------------------- the job


class _Inputs:
    """The inputs, readable twice: paths are read again; standard input is held once."""

    def __init__(self, inputs: Inputs, stdin: TextIO | None) -> None:
        self.items = _as_list(inputs)
        self.stdin: list[RawDocument | InputError] | None = None
        if any(str(item) == "-" for item in self.items):
            from newsbrief.ingest import read_inputs

            self.stdin = list(read_inputs(["-"], stdin=stdin))

    def __iter__(self) -> Iterator[RawDocument | InputError]:
        from newsbrief.ingest import read_inputs

        for item in self.items:
            if str(item) == "-":
                yield from self.stdin or []
            else:
                yield from read_inputs([item])


def _documents(items: Iterable[RawDocument | InputError]) -> Iterator[RawDocument]:
    return (item for item in items if isinstance(item, RawDocument))


def _learned(
    source: _Inputs,
    opts: RunOptions,
    stop: threading.Event | None = None,
    executor: Executor | None = None,
) -> tuple[Boilerplate | None, int]:
    """First pass: the boilerplate each site repeats (when cleaning learns it) and the number
    of documents. A set ``stop`` ends the pass early (its result is then not used); an
    ``executor``'s workers share the reading (``_learn``)."""
    count = 0

    def counted() -> Iterator[RawDocument]:
        nonlocal count
        for raw in _documents(source):
            if stop is not None and stop.is_set():
                return
            count += 1
            yield raw

    learned = _learn(counted(), opts, executor)
    if stop is not None and stop.is_set():
        return None, 0
    if learned is None or count == 0:  # not learned (or failed half-way): count them all
        count = sum(1 for _ in _documents(source))
    return learned, count


FirstPass = tuple[_Inputs, "Boilerplate | None", int]


@contextmanager
def _opened(
    inputs: Inputs, opts: RunOptions, stdin: TextIO | None
) -> Iterator[tuple[Executor, FirstPass]]:
    """The run's executor, and the inputs read a first time (``_learned``); for Dask, by a
    thread while the executor opens: a cluster's processes take seconds to start (924 PolNeAR
    texts: 2.5 s, and the first pass 1.6 s), and the caller would otherwise only wait for them.
    The pass stops early when the cluster fails to open, so that error is not held up by a
    large input. A local executor opens at once, and its pool forks from this thread alone
    (``run.local``), so the pass runs here, its documents read on the pool's workers (924
    PolNeAR texts: 3.7 CPU s, on one core before). An unusable state folder is reported before
    anything starts."""
    if opts.state_dir is not None:
        from newsbrief.run.state import ShardStore

        ShardStore(opts.state_dir).check()
    if opts.executor != "dask":
        source = _Inputs(inputs, stdin)
        with _open_executor(opts) as executor:
            pool = executor if opts.workers > 1 else None
            first: FirstPass = (source, *_learned(source, opts, executor=pool))
            yield executor, first
        return
    stop = threading.Event()
    box: list[FirstPass] = []
    failed: list[BaseException] = []

    def first_pass() -> None:
        try:
            source = _Inputs(inputs, stdin)
            box.append((source, *_learned(source, opts, stop)))
        except BaseException as exc:  # handed to the calling thread
            failed.append(exc)

    thread = threading.Thread(target=first_pass, name="newsbrief-first-pass", daemon=True)
    thread.start()
    try:
        with _open_executor(opts) as executor:
            thread.join()
            if failed:
                raise failed[0]
            yield executor, box[0]
    finally:
        stop.set()
        thread.join()


def _shards(
    source: _Inputs, learned: Boilerplate | None, size: int, errors: list[InputError]
) -> Iterator[list[CleanJob]]:
    """Second pass: consecutive shards of ``size`` documents with their sites' boilerplate
    keys; the inputs that cannot be read are appended to ``errors``."""
    shard: list[CleanJob] = []
    for item in source:
        if isinstance(item, InputError):
            errors.append(item)
            continue
        shard.append((item, learned.for_document(item) if learned else frozenset()))
        if len(shard) == size:
            yield shard
            shard = []
    if shard:
        yield shard


def _split(items: Iterable[Article | InputError]) -> tuple[list[Article], list[InputError]]:
    articles: list[Article] = []
    errors: list[InputError] = []
    for item in items:
        (errors if isinstance(item, InputError) else articles).append(item)  # type: ignore[arg-type]
    return articles, errors


def _reporter(progress: ProgressFn | None, stage: str, total: int) -> Callable[[int], None]:
    done = 0
    if progress:
        progress(stage, 0, total)

    def advance(n: int) -> None:
        nonlocal done
        done += n
        if progress:
            progress(stage, done, total)

    return advance


def _unique_ids(articles: list[Article]) -> list[Article]:
    """Make article ids unique (two inputs with the same source, e.g. a file given twice)."""
    seen: dict[str, int] = {}
    out: list[Article] = []
    for article in articles:
        n = seen.get(article.id, 0)
        seen[article.id] = n + 1
        out.append(article if n == 0 else article.model_copy(update={"id": f"{article.id}-{n}"}))
    return out


def extract_result(
    inputs: Inputs,
    *,
    options: RunOptions | None = None,
    progress: ProgressFn | None = None,
    stdin: TextIO | None = None,
    **overrides: object,
) -> Result:
    """Read, clean, dedup, parse and extract every input: a Result with articles and errors."""
    opts = _options(options, overrides)
    with _opened(inputs, opts, stdin) as (executor, first):
        return _extract(executor, first, opts, progress)


def _open_executor(opts: RunOptions) -> AbstractContextManager[Executor]:
    return open_executor(
        opts.executor, workers=opts.workers, shard_size=opts.shard_size, scheduler=opts.scheduler
    )


def _extract(
    executor: Executor, first: FirstPass, opts: RunOptions, progress: ProgressFn | None
) -> Result:
    """``extract_result`` with its article-level work on ``executor``, after the ``first``
    pass over the inputs and the check of the state folder (``_opened``)."""
    from newsbrief.dedup import mark_duplicates
    from newsbrief.run.state import ShardStore, shard_key

    source, learned, total = first
    store = ShardStore(opts.state_dir) if opts.state_dir is not None else None
    advance = _reporter(progress, "analyse", total)
    key_options = ("clean", opts.clean, "learn_boilerplate", opts.learn_boilerplate)
    read_errors: list[InputError] = []
    results: list[ShardResult | None] = []
    loaded = 0

    order: deque[int] = deque()  # indices of the shards in flight, in submission order

    def todo() -> Iterator[ShardJob]:
        """Shards to compute; those stored already are loaded on the way."""
        nonlocal loaded
        for index, jobs in enumerate(_shards(source, learned, opts.shard_size, read_errors)):
            results.append(None)
            key = shard_key(jobs, options=key_options) if store is not None else None
            stored = store.load(key) if store is not None and key is not None else None
            if stored is not None:
                results[index] = stored
                loaded += 1
                advance(len(jobs))
                continue
            order.append(index)
            yield jobs, opts.clean, key, str(store.root) if store is not None else None

    for result in executor.imap(_run_shard, todo()):
        results[order.popleft()] = result
        advance(len(result.articles) + len(result.clean_errors) + len(result.analyse_errors))
    if progress and store is not None:
        progress("resumed", loaded, len(results))
    articles: list[Article] = []
    signatures: list[BodySignature] | None = []
    clean_errors: list[InputError] = []
    analyse_errors: list[InputError] = []
    for shard in results:
        assert shard is not None
        articles += shard.articles
        if signatures is not None and len(shard.signatures) == len(shard.articles):
            signatures += shard.signatures
        else:  # a shard without them: dedup computes them all itself
            signatures = None
        clean_errors += shard.clean_errors
        analyse_errors += shard.analyse_errors
    results.clear()
    # corpus-level: here, not on the cluster (the signatures were made there)
    articles = mark_duplicates(_unique_ids(articles), signatures=signatures)
    clean_errors += [_input_error(a.source, Code.E111, a.language) for a in articles if a.language]
    return Result(articles=articles, errors=[*read_errors, *clean_errors, *analyse_errors])


def extract(
    inputs: Inputs,
    *,
    options: RunOptions | None = None,
    progress: ProgressFn | None = None,
    **overrides: object,
) -> list[Article]:
    """The articles of ``inputs``, cleaned and with their quotes, figures and entities."""
    opts = _options(options, overrides)
    return extract_result(inputs, options=opts, progress=progress).articles


def build_stories(
    articles: Sequence[Article],
    *,
    options: RunOptions,
    executor: Executor | None = None,
    progress: ProgressFn | None = None,
) -> tuple[list[Story], list[Article]]:
    """Group articles into stories and build each story's brief; also the articles with their
    quote speakers named the same way across each story (``reconcile.with_story_speakers``).

    Grouping is corpus-level and runs here; each story's brief depends on its own articles
    only, so with an ``executor`` the stories are built on its workers, largest first (the
    largest story bounds the stage, so it starts at once), and a story of ``SPLIT_STORY_MIN``
    articles or more as two jobs, its summary and the rest, so two workers share it; stories of
    fewer than ``BATCH_ARTICLES`` articles travel in batches. A story of more than
    ``SHIPPED_STORY_MAX`` articles is built here instead, while the workers build the others: a
    worker would hold a copy of all its articles. Without an executor every story is built
    here, one after the other."""
    from newsbrief.brief import BriefOptions
    from newsbrief.cluster import cluster_stories, stories_by_folder

    english = [a for a in articles if a.language is None]  # the others are not clustered
    skeletons = stories_by_folder(english) if options.story_per_folder else cluster_stories(english)
    by_id = {a.id: a for a in articles}
    brief_options = BriefOptions(words=options.words, story_per_folder=options.story_per_folder)
    jobs: list[StoryJob] = []
    story_of: list[int] = []  # the story of each job
    for k, story in enumerate(skeletons):
        members = [by_id[i] for i in story.articles if i in by_id]
        split = executor is not None and SPLIT_STORY_MIN <= len(members) <= SHIPPED_STORY_MAX
        for part in ("summary", "rest") if split else ("whole",):
            jobs.append((story, members, brief_options, part))
            story_of.append(k)
    order = sorted(range(len(jobs)), key=lambda j: (-len(jobs[j][1]), j))
    here = [j for j in order if executor is None or len(jobs[j][1]) > SHIPPED_STORY_MAX]
    kept = set(here)
    shipped = _batches([j for j in order if j not in kept], jobs)
    parts_of = [0] * len(skeletons)
    for k in story_of:
        parts_of[k] += 1
    advance = _reporter(progress, "brief", len(skeletons))
    pieces: dict[int, list[BuiltPart]] = {}
    built: dict[int, tuple[Story, dict[str, list[Quote]]]] = {}
    lock = threading.Lock()

    def done(j: int, out: BuiltPart) -> None:
        with lock:
            k = story_of[j]
            got = pieces.setdefault(k, [])
            got.append(out)
            if len(got) == parts_of[k]:
                built[k] = _assembled(pieces.pop(k))
                advance(1)

    forks = bool(getattr(executor, "forks", False))
    position = {a.id: n for n, a in enumerate(articles)} if forks else {}

    def sent(j: int) -> SentJob:
        """Job ``j`` as it travels: a forked worker finds the members in ``_INHERITED``."""
        story, members, story_options, part = jobs[j]
        if not forks:
            return jobs[j]
        return story, [position[a.id] for a in members], story_options, part

    inherit = list(articles) if forks else None
    with _in_background(executor, shipped, sent, done, inherit):  # the workers' share, meanwhile:
        for j in here:
            done(j, _build_part(jobs[j]))
    jobs.clear()
    stories: list[Story] = []
    for k in range(len(built)):
        story, renamed = built.pop(k)
        stories.append(story)
        for article_id, quotes in renamed.items():
            by_id[article_id] = by_id[article_id].model_copy(update={"quotes": quotes})
    return stories, [by_id[a.id] for a in articles]


_INHERITED: list[Article] = []
"""The caller's articles while a forking executor (``LocalExecutor.forks``) starts the story
stage's workers: they inherit this list at the fork, and their jobs name members by index into
it instead of carrying pickled copies (the 924 PolNeAR articles: 12 MB, pickled in 0.9 s here
and unpickled in 1.3 s there). Set and emptied under ``_INHERIT_LOCK``, around the fork."""
_INHERIT_LOCK = threading.Lock()


@contextmanager
def _inheriting(articles: list[Article] | None) -> Iterator[None]:
    """``_INHERITED`` holds ``articles`` for the ``with`` block (nothing when None)."""
    if articles is None:
        yield
        return
    with _INHERIT_LOCK:
        _INHERITED[:] = articles
        try:
            yield
        finally:
            _INHERITED.clear()


@contextmanager
def _in_background(
    executor: Executor | None,
    shipped: list[list[int]],
    sent: Callable[[int], SentJob],
    done: Callable[[int, BuiltPart], None],
    inherit: list[Article] | None = None,
) -> Iterator[None]:
    """Build the ``shipped`` batches of jobs (``sent(j)``: job ``j`` as it travels) on the
    executor from a thread while the ``with`` block runs; on exit wait for them and raise what
    failed there. ``inherit``: the articles a forking executor's workers take at the fork."""
    failed: list[BaseException] = []
    # called here, not in the thread: a local pool forks its workers in this call, before this
    # thread goes on to build stories of its own
    results = None
    if executor is not None and shipped:
        with _inheriting(inherit):
            results = executor.imap(_build_parts, ([sent(j) for j in batch] for batch in shipped))

    def consume() -> None:
        try:
            assert results is not None
            for batch, outs in zip(shipped, results, strict=True):
                for j, out in zip(batch, outs, strict=True):
                    done(j, out)
        except BaseException as exc:  # handed to the calling thread
            failed.append(exc)

    thread = threading.Thread(target=consume, name="newsbrief-stories", daemon=True)
    if shipped:
        thread.start()
    try:
        yield
    finally:
        if shipped:
            thread.join()
    if failed:
        raise failed[0]


SHIPPED_STORY_MAX = 500
"""The largest story (in articles) the story stage hands to the executor's workers. A worker
building a story holds a copy of its articles (about 56 KB each) besides its working memory;
with no limit, two workers of a local pool building the two largest stories of the
10,000-article benchmark (3,387 and about 2,300 articles, mostly marked copies) at once took the
run's peak memory from 1.2 GB to 2.1 GB. Built in the calling process, a story shares the
caller's articles."""

SPLIT_STORY_MIN = 100
"""A story of this many articles or more goes to the executor as two jobs, its summary and the
rest of its brief, which take about as long each (the largest of the 924 PolNeAR texts' stories,
400 articles: summary 2.3 s, the rest 3.7 s, whole 5.9 s), so two workers share the story that
bounds the stage. Each job carries the story's articles, so smaller stories, which do not bound
it, go whole."""

BATCH_ARTICLES = 50
"""Stories of fewer articles go to the executor together, as batches of about this many
articles: each job costs a round trip besides its work, and most stories of a run are small
(the 924 PolNeAR texts make about 300 stories, none of 50 articles; before diffuse stories were
split, 113 of 117, built in 10-60 ms each). One job each, they took the last 1.3 s of a
2-worker Dask story stage whose work was done."""


def _batches(order: list[int], jobs: list[StoryJob]) -> list[list[int]]:
    """The jobs in ``order`` (largest first) as batches: a job of ``BATCH_ARTICLES`` articles or
    more alone, smaller ones together up to about that many articles."""
    batches: list[list[int]] = []
    current: list[int] = []
    size = 0
    for j in order:
        n = len(jobs[j][1])
        if n >= BATCH_ARTICLES:
            batches.append([j])
            continue
        current.append(j)
        size += n
        if size >= BATCH_ARTICLES:
            batches.append(current)
            current, size = [], 0
    if current:
        batches.append(current)
    return batches


StoryPart = Literal["whole", "summary", "rest"]
StoryJob = tuple[Story, list[Article], "BriefOptions", StoryPart]
"""A story's skeleton (its grouping), its articles, the brief's options, and what to build."""
SentJob = tuple[Story, list[Article] | list[int], "BriefOptions", StoryPart]
"""A ``StoryJob`` as it travels: to a forked worker, the indices of its articles in
``_INHERITED``."""


@dataclass(frozen=True)
class BuiltPart:
    """What a story job gives back: the story (for "whole" and "rest") with the quotes of those
    of its articles whose speakers it renamed to their story-wide names, by article id; or the
    summary (for "summary")."""

    story: Story | None = None
    renamed: dict[str, list[Quote]] = dataclasses.field(default_factory=dict)
    summary: list[SummarySentence] | None = None


def _build_part(job: SentJob) -> BuiltPart:
    """One story's brief, or one of its two halves. Only the renamed quotes travel back from a
    worker, and the caller's articles take them, sharing the rest (a worker's copy of a whole
    article would double the caller's memory). Module-level so a process pool can pickle it."""
    from newsbrief.brief import build_story, story_summary
    from newsbrief.reconcile import with_story_speakers

    skeleton, refs, brief_options, part = job
    members = [_INHERITED[m] if isinstance(m, int) else m for m in refs]
    if part == "summary":  # speaker names do not change it (``brief.story_summary``)
        summary = story_summary(skeleton, {a.id: a for a in members}, options=brief_options)
        return BuiltPart(summary=summary)
    renamed = with_story_speakers(members)
    story = build_story(
        skeleton, {a.id: a for a in renamed}, options=brief_options, summary=part == "whole"
    )
    return BuiltPart(
        story=story,
        renamed={
            a.id: a.quotes for a, before in zip(renamed, members, strict=True) if a is not before
        },
    )


def _story_modules() -> None:
    """Import what building a story needs (``_build_part``), ahead of the first story."""
    import newsbrief.brief  # noqa: F401
    import newsbrief.reconcile  # noqa: F401


def _build_parts(batch: list[SentJob]) -> list[BuiltPart]:
    """``_build_part`` of each job of a batch (module-level so a process pool can pickle it)."""
    return [_build_part(job) for job in batch]


def _assembled(parts: list[BuiltPart]) -> tuple[Story, dict[str, list[Quote]]]:
    """A story from its job's result, or from its summary and the rest."""
    from newsbrief.brief import with_summary

    whole = next(p for p in parts if p.story is not None)
    assert whole.story is not None
    summary = next((p.summary for p in parts if p.summary is not None), None)
    story = whole.story if summary is None else with_summary(whole.story, summary)
    return story, whole.renamed


def brief(
    inputs: Inputs,
    *,
    options: RunOptions | None = None,
    progress: ProgressFn | None = None,
    stdin: TextIO | None = None,
    **overrides: object,
) -> Result:
    """The main job: story briefs (and every article's extractions) for ``inputs``; the run's
    executor does the article-level work, then builds the stories on its workers (a large
    local run builds them in this process: ``LocalExecutor.refreshed``)."""
    opts = _options(options, overrides)
    with _opened(inputs, opts, stdin) as (executor, first):
        extracted = _extract(executor, first, opts, progress)
        with executor.refreshed(len(extracted.articles), prepare=_story_modules) as story_executor:
            stories, articles = build_stories(
                extracted.articles, options=opts, executor=story_executor, progress=progress
            )
    return extracted.model_copy(update={"stories": stories, "articles": articles})
