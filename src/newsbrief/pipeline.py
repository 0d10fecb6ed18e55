"""The main job, end to end: inputs → ingest → clean → dedup → parse+extract → cluster → brief.

This module only wires stages together in the one-way order of DESIGN.md; every decision lives in
a stage. Article-level work (clean, parse+extract) is scheduled by an executor so the same code
runs in-process or in a process pool. Corpus-level work stays out of the executor: before the
clean map, the chrome each outlet repeats is learned over all inputs (``clean.recurring``) and
every document is handed its site's keys. A document that fails is recorded in
``Result.errors`` and the run goes on with the others.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from newsbrief.errors import Code, InputReadError, OptionError
from newsbrief.model import Article, InputError, RawDocument, Result, Story
from newsbrief.run import check_executor, open_executor

if TYPE_CHECKING:
    from newsbrief.run.state import ShardResult

log = logging.getLogger(__name__)

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

StateUnit = tuple[str, str, list[CleanJob], bool]
"""A shard of a resumable run: its key, the state folder, its documents, whether to clean."""


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


def _clean_shard_raw(jobs: list[CleanJob]) -> list[Article | InputError]:
    return _clean_shard(jobs, clean=False)


def _clean_jobs(docs: list[RawDocument], opts: RunOptions) -> list[CleanJob]:
    """Pair each document with its site's learned boilerplate (a corpus-level step before the
    per-document map, so shards stay independent and the executor stays simple)."""
    if not (opts.clean and opts.learn_boilerplate):
        return [(raw, frozenset()) for raw in docs]
    from newsbrief.clean.recurring import learn_boilerplate

    try:
        learned = learn_boilerplate(docs)
    except Exception:  # learning is an optional refinement; never let it take the run down
        log.warning("learning recurring boilerplate failed; cleaning without it", exc_info=True)
        return [(raw, frozenset()) for raw in docs]
    return [(raw, learned.for_document(raw)) for raw in docs]


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


def _resumable_shard(units: list[StateUnit]) -> list[ShardResult]:
    """Clean, parse and extract each unit's documents and store the results under its key
    (the completion marker), one result per unit."""
    from newsbrief.run.state import ShardResult, ShardStore

    out: list[ShardResult] = []
    for key, root, jobs, clean in units:
        cleaned, clean_errors = _split(_clean_shard(jobs, clean=clean))
        analysed, analyse_errors = _split(_analyse_shard(cleaned))
        result = ShardResult(
            clean_errors=clean_errors, articles=analysed, analyse_errors=analyse_errors
        )
        ShardStore(root).save(key, result)
        out.append(result)
    return out


def _stage_failure(source: str, stage: str, exc: Exception) -> InputError:
    detail = " ".join(f"{type(exc).__name__}: {exc}".split())[:300]
    return _input_error(
        source,
        Code.E109,
        f"the {stage} stage failed on this document ({detail}): the run went on without it; "
        "please report this as a bug",
    )


# ---------------------------------------------------------------- the job


def _read(inputs: Inputs, stdin: TextIO | None) -> tuple[list[RawDocument], list[InputError]]:
    from newsbrief.ingest import read_inputs

    docs: list[RawDocument] = []
    errors: list[InputError] = []
    for item in read_inputs(_as_list(inputs), stdin=stdin):
        if isinstance(item, InputError):
            errors.append(item)
        else:
            docs.append(item)
    return docs, errors


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


def _resumable(
    jobs: list[CleanJob], opts: RunOptions, progress: ProgressFn | None
) -> tuple[list[Article], list[InputError], list[InputError]]:
    """Article-level results of ``jobs`` through the state folder: shards whose marker exists
    are loaded, the others computed (and stored as they finish). Returns the articles (not yet
    deduplicated), the clean errors and the analyse errors, in input order."""
    from newsbrief.run.state import ShardStore, shard_key

    assert opts.state_dir is not None
    store = ShardStore(opts.state_dir)
    store.check()
    options = ("clean", opts.clean, "learn_boilerplate", opts.learn_boilerplate)
    parts = [jobs[i : i + opts.shard_size] for i in range(len(jobs)) if i % opts.shard_size == 0]
    keys = [shard_key(part, options=options) for part in parts]
    results: list[ShardResult | None] = [store.load(key) for key in keys]
    todo = [i for i, result in enumerate(results) if result is None]
    if progress:
        progress("resumed", len(parts) - len(todo), len(parts))
    units = [(keys[i], str(store.root), parts[i], opts.clean) for i in todo]
    if units:  # nothing left to do: no worker is started
        with open_executor(
            opts.executor, workers=opts.workers, shard_size=1, scheduler=opts.scheduler
        ) as executor:
            done = executor.map(
                _resumable_shard, units, progress=_reporter(progress, "shards", len(units))
            )
        for i, computed in zip(todo, done, strict=True):
            results[i] = computed
    articles: list[Article] = []
    clean_errors: list[InputError] = []
    analyse_errors: list[InputError] = []
    for result in results:
        assert result is not None
        articles += result.articles
        clean_errors += result.clean_errors
        analyse_errors += result.analyse_errors
    return articles, clean_errors, analyse_errors


def extract_result(
    inputs: Inputs,
    *,
    options: RunOptions | None = None,
    progress: ProgressFn | None = None,
    stdin: TextIO | None = None,
    **overrides: object,
) -> Result:
    """Read, clean, dedup, parse and extract every input: a Result with articles and errors."""
    from newsbrief.dedup import mark_duplicates

    opts = _options(options, overrides)
    docs, errors = _read(inputs, stdin)
    clean_fn = _clean_shard if opts.clean else _clean_shard_raw
    jobs = _clean_jobs(docs, opts)
    if opts.state_dir is not None:
        del docs
        articles, clean_errors, analyse_errors = _resumable(jobs, opts, progress)
        articles = mark_duplicates(_unique_ids(articles))
        clean_errors += [
            _input_error(a.source, Code.E111, a.language) for a in articles if a.language
        ]
        return Result(articles=articles, errors=[*errors, *clean_errors, *analyse_errors])
    with open_executor(
        opts.executor, workers=opts.workers, shard_size=opts.shard_size, scheduler=opts.scheduler
    ) as executor:
        cleaned, clean_errors = _split(
            executor.map(clean_fn, jobs, progress=_reporter(progress, "clean", len(docs)))
        )
        cleaned = mark_duplicates(_unique_ids(cleaned))  # corpus-level: here, not on the cluster
        clean_errors += [
            _input_error(a.source, Code.E111, a.language) for a in cleaned if a.language
        ]
        analysed, analyse_errors = _split(
            executor.map(
                _analyse_shard, cleaned, progress=_reporter(progress, "analyse", len(cleaned))
            )
        )
    return Result(articles=analysed, errors=[*errors, *clean_errors, *analyse_errors])


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
    articles: Sequence[Article], *, options: RunOptions
) -> tuple[list[Story], list[Article]]:
    """Group articles into stories and build each story's brief; also the articles with their
    quote speakers named the same way across each story (``reconcile.with_story_speakers``)."""
    from newsbrief.brief import BriefOptions, build_story
    from newsbrief.cluster import cluster_stories, stories_by_folder
    from newsbrief.reconcile import with_story_speakers

    english = [a for a in articles if a.language is None]  # the others are not clustered
    skeletons = stories_by_folder(english) if options.story_per_folder else cluster_stories(english)
    by_id = {a.id: a for a in articles}
    for story in skeletons:
        members = [by_id[i] for i in story.articles if i in by_id]
        by_id.update((a.id, a) for a in with_story_speakers(members))
    brief_options = BriefOptions(words=options.words, story_per_folder=options.story_per_folder)
    stories = [build_story(story, by_id, options=brief_options) for story in skeletons]
    return stories, [by_id[a.id] for a in articles]


def brief(
    inputs: Inputs,
    *,
    options: RunOptions | None = None,
    progress: ProgressFn | None = None,
    stdin: TextIO | None = None,
    **overrides: object,
) -> Result:
    """The main job: story briefs (and every article's extractions) for ``inputs``."""
    opts = _options(options, overrides)
    extracted = extract_result(inputs, options=opts, progress=progress, stdin=stdin)
    stories, articles = build_stories(extracted.articles, options=opts)
    if progress:
        progress("brief", len(stories), len(stories))
    return extracted.model_copy(update={"stories": stories, "articles": articles})
