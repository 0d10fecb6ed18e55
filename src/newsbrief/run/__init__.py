"""Executors: they only schedule stage functions over shards of documents; no logic lives here.

``local`` runs shards in-process or in a process pool (``run/local.py``); ``dask`` runs the same
shard functions on a Dask distributed cluster (``run/dask.py``, the ``[dask]`` extra), either an
existing one (``scheduler="tcp://HOST:PORT"``) or a local one with ``workers`` processes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from typing import Protocol, TypeVar

from newsbrief.errors import OptionError

T = TypeVar("T")
R = TypeVar("R")

EXECUTORS = ("local", "dask")


class Executor(Protocol):
    """Something that maps ``fn(shard) -> results`` over items, keeping order and length."""

    def map(
        self,
        fn: Callable[[list[T]], list[R]],
        items: Sequence[T],
        *,
        progress: Callable[[int], None] | None = None,
    ) -> list[R]: ...

    def imap(self, fn: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        """``fn(item)`` per item in order, taking items lazily with a few in flight."""
        ...

    def refreshed(
        self, articles: int, prepare: Callable[[], object] | None = None
    ) -> AbstractContextManager[Executor | None]:
        """The executor for a later stage (the stories) over ``articles`` articles, or None to
        run it in the calling process: a local pool starts afresh for it, or leaves a large run
        to the calling process; a Dask cluster's workers build it. ``prepare`` (module-level,
        no arguments) readies a process for the stage's work, such as importing its modules:
        a Dask cluster's workers start it at once, while the caller goes on."""
        ...


def check_executor(executor: str, *, workers: int, scheduler: str | None) -> None:
    """Raise ``OptionError`` (naming the fix) for an executor/scheduler/workers combination that
    cannot be used."""
    if executor not in EXECUTORS:
        raise OptionError(
            f"unknown executor {executor!r}; use one of: {', '.join(EXECUTORS)} "
            "(e.g. --executor dask)"
        )
    if scheduler is not None and executor != "dask":
        raise OptionError(
            f"--scheduler needs the Dask executor; add --executor dask (got --executor {executor})"
        )
    if scheduler is not None and workers != 1:
        raise OptionError(
            "--workers sizes a local Dask cluster and --scheduler uses an existing one; "
            "give one of them, not both"
        )


@contextmanager
def open_executor(
    executor: str = "local",
    *,
    workers: int = 1,
    shard_size: int = 16,
    scheduler: str | None = None,
) -> Iterator[Executor]:
    """The executor named ``executor``, open for the duration of the ``with`` block (a Dask
    cluster is started, or connected to, once and closed at the end)."""
    check_executor(executor, workers=workers, scheduler=scheduler)
    if executor == "local":
        from newsbrief.run.local import LocalExecutor

        yield LocalExecutor(workers=workers, shard_size=shard_size)
        return
    from newsbrief.run.dask import DaskExecutor

    with DaskExecutor.start(workers=workers, shard_size=shard_size, scheduler=scheduler) as ex:
        yield ex
