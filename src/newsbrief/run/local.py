"""Run a batch function over items in-process or in a local process pool, in order.

The function takes a list (a shard) and returns a list of the same length, so a worker can load
the spaCy pipeline once and pipe a whole shard through it. Results keep the input order.
``imap`` streams: it takes work from an iterator only as workers free up (a few items ahead per
worker), so the inputs are never all held at once.
"""

from __future__ import annotations

import gc
import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

Progress = Callable[[int], None]

AHEAD_PER_WORKER = 2
"""Items ``imap`` submits ahead per worker: enough to keep workers busy, little to hold."""

STORY_POOL_MAX_ARTICLES = 2000
"""The largest run (in articles) whose stories a local pool builds; a larger one builds them
in the calling process. Each worker holds copies of the stories it builds and their working
memory (the largest story of the 924 PolNeAR texts, 400 articles, peaks 240 MB above the
worker's base) while the calling process holds every article and builds the stories too large
to ship. Peak RSS of ``bench/throughput.py --articles N --only newsbrief``, parse stage / story
stage: 924 articles 704 / 995 MB (in the calling process: 719 MB in all), 2,000 articles
754 / 1,134 MB, 4,000 articles 869 / 1,485 MB; the story stage of the 924 texts took 7.5 s
against 12 s."""


def shards(items: Sequence[T], size: int) -> list[list[T]]:
    """Split items into consecutive shards of at most ``size``."""
    return [list(items[i : i + size]) for i in range(0, len(items), size)]


def _started_pool(workers: int) -> ProcessPoolExecutor:
    """A process pool whose workers run already, with the calling process's heap frozen
    (``gc.freeze``, undone by ``_stopped``): a garbage collection in a forked worker writes to
    every object it scans, which would copy the pages holding the caller's articles (the story
    stage's) into the worker. A forking pool starts every worker at its first task, so one
    trivial task starts them here: forked from the thread that calls, while no other thread of
    this process builds a story (a fork copies only the calling thread, and a lock another
    thread holds at that moment, in a C library, would stay held in the child)."""
    gc.freeze()
    # forked explicitly: Python 3.14 makes forkserver the default on Linux, whose workers
    # would share nothing with this process and receive every story's articles pickled
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork"))
    try:
        pool.submit(int).result()
    except BaseException:
        _stopped(pool)
        raise
    return pool


def _stopped(pool: ProcessPoolExecutor) -> None:
    """Shut a ``_started_pool`` down and unfreeze the heap."""
    pool.shutdown(wait=True, cancel_futures=True)
    gc.unfreeze()


@dataclass(frozen=True)
class LocalExecutor:
    """Schedule ``fn(shard) -> results`` over shards; ``workers > 1`` uses processes."""

    workers: int = 1
    shard_size: int = 16

    @property
    def forks(self) -> bool:
        """Whether ``imap`` runs on processes forked by the call, which inherit what this
        process holds at that moment."""
        return self.workers > 1

    def map(
        self,
        fn: Callable[[list[T]], list[R]],
        items: Sequence[T],
        *,
        progress: Progress | None = None,
    ) -> list[R]:
        """Apply ``fn`` to every shard and return the concatenated results in input order."""
        parts = shards(items, max(1, self.shard_size))
        out: list[R] = []
        if self.workers <= 1 or len(parts) <= 1:
            for part in parts:
                out.extend(self._checked(fn(part), part))
                if progress:
                    progress(len(part))
            return out
        pool = _started_pool(self.workers)
        try:
            for part, result in zip(parts, pool.map(fn, parts), strict=True):
                out.extend(self._checked(result, part))
                if progress:
                    progress(len(part))
        finally:
            _stopped(pool)
        return out

    def imap(self, fn: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        """``fn(item)`` for each item, in order, taking items lazily (at most a few per worker
        in flight). A pool's workers are started by the call itself, in the calling thread
        (``_started_pool``), before the caller hands the iterator to another thread."""
        if self.workers <= 1:
            return (fn(item) for item in items)
        return self._pooled(_started_pool(self.workers), fn, items)

    def _pooled(
        self, pool: ProcessPoolExecutor, fn: Callable[[T], R], items: Iterable[T]
    ) -> Iterator[R]:
        try:
            pending: deque[Future[R]] = deque()
            ahead = AHEAD_PER_WORKER * self.workers
            for item in items:
                pending.append(pool.submit(fn, item))
                if len(pending) >= ahead:
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()
        finally:
            _stopped(pool)

    @contextmanager
    def refreshed(
        self, articles: int, prepare: Callable[[], object] | None = None
    ) -> Iterator[LocalExecutor | None]:
        """The executor for a later stage (the stories) over ``articles`` articles: a pool of
        the same size, started afresh for it (each call's pool is shut down when it ends, so the
        parse workers, which hold the model, are gone by then); None, to run it in the calling
        process, which shares its articles, for one worker or a run of more than
        ``STORY_POOL_MAX_ARTICLES``. ``prepare`` runs here: the pool's workers are forked from
        this process, and inherit what it did."""
        if prepare is not None:
            prepare()
        yield self if self.workers > 1 and articles <= STORY_POOL_MAX_ARTICLES else None

    @staticmethod
    def _checked(result: list[R], part: list[T]) -> list[R]:
        if len(result) != len(part):
            raise RuntimeError(
                f"shard function returned {len(result)} results for {len(part)} items"
            )
        return result
