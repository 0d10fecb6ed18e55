"""Run the same shard functions as ``run/local.py`` on a Dask distributed cluster.

The executor only schedules: each shard (a list of documents) becomes one task calling the same
module-level function the local executor maps, results come back in input order, and progress
advances as shards finish. At most a few shards per worker thread are in flight, so the scheduler
never holds the whole corpus. Either connect to an existing cluster (``scheduler``:
``tcp://HOST:PORT``; its workers need newsbrief and the spaCy model installed) or start a
``LocalCluster`` of ``workers`` single-threaded processes without a dashboard.

Dask is optional (``pip install 'newsbrief[dask]'``) and imported only here, lazily.
"""

from __future__ import annotations

import logging
import pickle
import warnings
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from newsbrief.errors import MissingExtraError, OptionError
from newsbrief.run.local import shards

if TYPE_CHECKING:
    from distributed import Client

T = TypeVar("T")
R = TypeVar("R")

Progress = Callable[[int], None]

IN_FLIGHT_PER_THREAD = 2
"""Shards submitted ahead per worker thread: enough to keep workers busy, little to hold."""

CONNECT_TIMEOUT = "10s"


def _import_distributed() -> Any:
    try:
        import distributed
    except ImportError as exc:
        raise MissingExtraError("--executor dask", "dask") from exc
    return distributed


_LOCAL_CLUSTER_CONFIG: dict[str, Any] = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "1s",
    "distributed.worker.memory.monitor-interval": "1s",
    "distributed.admin.system-monitor.interval": "2s",
}
"""Dask settings for the clusters newsbrief starts itself; a nanny hands them to its worker.
Each timer wakes the worker's event-loop thread, which then takes the GIL from the task thread:
the statistical profiler samples the task's stack every 10 ms for a dashboard a local cluster
here does not serve, the event-loop health check ticks every 20 ms, the memory monitor reads
the process size every 100 ms and the system monitor every 500 ms. With the last three at the
values here, one worker building the 73 PolNeAR stories spent 8-9% less CPU (two runs each
way, 8.7/9.1 s against 7.9/8.2 s); a second is still soon enough to catch a worker outgrowing
its memory limit."""


def _worker_environ() -> dict[str, Any]:
    """The environment a local cluster's nannies give their workers: Dask's own, without
    ``MALLOC_TRIM_THRESHOLD_``. Setting that variable at all switches off glibc's adaptive
    mmap threshold, so every array over 128 KiB the parser allocates is mapped and unmapped
    afresh: on PolNeAR it made a worker's analysis 24% slower (local executor with and without
    the variable, 300 articles) and most of what Dask cost over the local executor."""
    import dask

    environ = dict(dask.config.get("distributed.nanny.pre-spawn-environ", default={}) or {})
    environ.pop("MALLOC_TRIM_THRESHOLD_", None)
    return environ


def _packed(value: Any) -> bytes:
    return pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)


def _call_packed(fn: Callable[[T], R], packed: bytes) -> bytes:
    """``fn`` of a pickled item, pickled: what a task runs on a worker (see ``DaskExecutor``)."""
    return _packed(fn(pickle.loads(packed)))


def _unpacked(future: Any) -> Any:
    """A task's pickled result, unpickled; its future released."""
    packed = future.result()
    future.release()
    return pickle.loads(packed)


@dataclass
class DaskExecutor:
    """Schedule ``fn(shard) -> results`` over shards on a Dask cluster, keeping input order.

    Each task's item and result travel as one pickled ``bytes`` each (``_call_packed``): Dask
    serialises a list argument element by element, and a story job of the largest PolNeAR
    story (400 articles, 6.4 MB pickled) then reached its worker 0.9-1.5 s after it was
    submitted, against 0.15-0.3 s as bytes (plus 0.2 s to unpickle there)."""

    client: Client
    shard_size: int = 16

    @classmethod
    @contextmanager
    def start(
        cls,
        *,
        workers: int = 1,
        shard_size: int = 16,
        scheduler: str | None = None,
        processes: bool = True,
    ) -> Iterator[DaskExecutor]:
        """Connect to ``scheduler`` or start a local cluster of ``workers`` processes (threads
        when ``processes`` is false); close what was opened on exit."""
        distributed = _import_distributed()
        if workers < 1:
            raise OptionError(f"workers must be at least 1 (got {workers})")
        if scheduler is not None:
            try:
                client = distributed.Client(scheduler, timeout=CONNECT_TIMEOUT)
            except (OSError, TimeoutError) as exc:
                raise OptionError(
                    f"could not connect to the Dask scheduler at {scheduler} ({exc}); check "
                    "the address (tcp://HOST:PORT) and that the scheduler runs, or drop "
                    "--scheduler and use --workers N for a local cluster"
                ) from exc
            try:
                yield cls(client=client, shard_size=shard_size)
            finally:
                client.close()
            return
        import dask

        local = {**_LOCAL_CLUSTER_CONFIG, "distributed.nanny.pre-spawn-environ": _worker_environ()}
        with dask.config.set(local):
            with warnings.catch_warnings():
                # without a dashboard the scheduler still serves /health on a port (8787, else
                # any)
                warnings.filterwarnings("ignore", message="Port .* is already in use")
                cluster = distributed.LocalCluster(
                    n_workers=workers,
                    threads_per_worker=1,
                    processes=processes,
                    dashboard_address=None,
                    silence_logs=logging.ERROR,
                )
            try:
                client = distributed.Client(cluster)
                try:
                    yield cls(client=client, shard_size=shard_size)
                finally:
                    client.close()
            finally:
                cluster.close()

    @contextmanager
    def refreshed(
        self, articles: int, prepare: Callable[[], object] | None = None
    ) -> Iterator[DaskExecutor]:
        """The same executor, whatever the number of ``articles``: a cluster's workers are
        started once, and each has its own memory limit (``LocalExecutor.refreshed`` gives None
        for a large run instead). Every worker starts ``prepare`` at once, without waiting for
        it: the workers are idle while the caller groups the stories, and the story stage's
        imports took 0.85 s of a worker's first story job."""
        if prepare is not None:
            distributed = _import_distributed()
            for worker in self.client.scheduler_info().get("workers", {}):
                distributed.fire_and_forget(
                    self.client.submit(prepare, workers=[worker], pure=False)
                )
        yield self

    def _threads(self) -> int:
        info = self.client.scheduler_info()
        return max(1, sum(w.get("nthreads", 1) for w in info.get("workers", {}).values()))

    def imap(self, fn: Callable[[T], R], items: Iterable[T]) -> Iterator[R]:
        """``fn(item)`` for each item on the cluster, in order, taking items lazily (at most
        ``IN_FLIGHT_PER_THREAD`` per worker thread in flight)."""
        _import_distributed()
        pending: deque[Any] = deque()
        ahead = IN_FLIGHT_PER_THREAD * self._threads()
        for item in items:
            pending.append(self.client.submit(_call_packed, fn, _packed(item), pure=False))
            if len(pending) >= ahead:
                yield _unpacked(pending.popleft())
        while pending:
            yield _unpacked(pending.popleft())

    def map(
        self,
        fn: Callable[[list[T]], list[R]],
        items: Sequence[T],
        *,
        progress: Progress | None = None,
    ) -> list[R]:
        """Apply ``fn`` to every shard on the cluster; the concatenated results in input order."""
        distributed = _import_distributed()
        parts = shards(items, max(1, self.shard_size))
        if not parts:
            return []
        results: list[list[R] | None] = [None] * len(parts)
        ahead = IN_FLIGHT_PER_THREAD * self._threads()
        pending = iter(enumerate(parts))
        index_of: dict[Any, int] = {}

        def submit(queue: Any) -> None:
            nxt = next(pending, None)
            if nxt is not None:
                future = self.client.submit(_call_packed, fn, _packed(nxt[1]), pure=False)
                index_of[future.key] = nxt[0]
                queue.add(future)

        queue = distributed.as_completed()
        for _ in range(min(ahead, len(parts))):
            submit(queue)
        for future in queue:
            i = index_of.pop(future.key)
            result = _unpacked(future)
            if len(result) != len(parts[i]):
                raise RuntimeError(
                    f"shard function returned {len(result)} results for {len(parts[i])} items"
                )
            results[i] = result
            if progress:
                progress(len(parts[i]))
            submit(queue)
        out: list[R] = []
        for result in results:
            assert result is not None
            out.extend(result)
        return out
