"""The Dask executor schedules the same shard functions as the local one and gives the same
stories and articles; its option errors are coded and name the fix."""

from __future__ import annotations

import pickle
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from newsbrief.errors import Code, MissingExtraError, OptionError
from newsbrief.model import Result
from newsbrief.pipeline import RunOptions, brief

distributed = pytest.importorskip("distributed")

from newsbrief.run.dask import IN_FLIGHT_PER_THREAD, DaskExecutor  # noqa: E402

DEMO = Path(__file__).resolve().parents[2] / "examples" / "demo"


def _square_all(items: list[int]) -> list[int]:
    return [i * i for i in items]


def _drop_one(items: list[int]) -> list[int]:
    return items[1:]


@pytest.fixture(scope="module")
def threads_cluster() -> Iterator[Any]:
    """A LocalCluster of 2 single-threaded workers inside this process (fast to start)."""
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None
    )
    yield cluster
    cluster.close()


def test_map_keeps_order_and_reports_progress(threads_cluster: Any) -> None:
    seen: list[int] = []
    with DaskExecutor.start(scheduler=threads_cluster.scheduler_address, shard_size=3) as ex:
        assert ex.map(_square_all, list(range(20)), progress=seen.append) == [
            i * i for i in range(20)
        ]
        assert ex.map(_square_all, []) == []
    assert sum(seen) == 20


def _square(i: int) -> int:
    return i * i


def test_imap_keeps_order_and_takes_items_lazily(threads_cluster: Any) -> None:
    taken: list[int] = []

    def items() -> Iterator[int]:
        for i in range(30):
            taken.append(i)
            yield i

    out: list[int] = []
    with DaskExecutor.start(scheduler=threads_cluster.scheduler_address) as ex:
        for result in ex.imap(_square, items()):
            out.append(result)
            assert len(taken) - len(out) <= IN_FLIGHT_PER_THREAD * 2  # 2 one-thread workers
        assert list(ex.imap(_square, iter([]))) == []
    assert out == [i * i for i in range(30)]


def _unpicklable(items: list[int]) -> list[Any]:
    return [lambda i=i: i for i in items]  # a lambda pickles by name, and this one has none


def test_items_and_results_travel_pickled_even_on_a_threads_cluster(threads_cluster: Any) -> None:
    """Each task's item and result cross as one pickled ``bytes`` (Dask's own serialisation of
    a list of articles, element by element, was the slow part of shipping a story): a threads
    cluster then pickles like a process cluster, so a result no worker process could send back
    fails in these tests too, and a worker gets a copy of the item, not the caller's object."""
    with DaskExecutor.start(scheduler=threads_cluster.scheduler_address) as ex:
        with pytest.raises((AttributeError, pickle.PicklingError)):
            ex.map(_unpicklable, [1, 2])
        caller = [[1, 2]]
        assert list(ex.imap(lambda item: item is caller[0], caller)) == [False]


PREPARED: list[str] = []


def _prepare() -> None:
    import threading

    PREPARED.append(threading.current_thread().name)


def test_refreshed_starts_prepare_on_every_worker_without_waiting(threads_cluster: Any) -> None:
    """The story stage's imports start on the workers while the caller groups the stories."""
    import time

    PREPARED.clear()
    with (
        DaskExecutor.start(scheduler=threads_cluster.scheduler_address) as ex,
        ex.refreshed(10, prepare=_prepare) as later,
    ):
        assert later is ex
        deadline = time.monotonic() + 10
        while len(PREPARED) < 2 and time.monotonic() < deadline:
            time.sleep(0.01)
    assert len(PREPARED) == 2  # one call per worker of the cluster


def test_map_rejects_shard_functions_that_lose_items(threads_cluster: Any) -> None:
    with (
        DaskExecutor.start(scheduler=threads_cluster.scheduler_address, shard_size=3) as ex,
        pytest.raises(RuntimeError, match="returned 2 results for 3 items"),
    ):
        ex.map(_drop_one, [1, 2, 3])


def _same(local: Result, other: Result) -> None:
    assert [a.model_dump() for a in other.articles] == [a.model_dump() for a in local.articles]
    assert [s.model_dump() for s in other.stories] == [s.model_dump() for s in local.stories]
    assert other.errors == local.errors
    assert other.to_json() == local.to_json()


def test_existing_cluster_gives_the_local_stories(
    demo_result: Result, threads_cluster: Any
) -> None:
    """--scheduler: the demo corpus on a 2-worker cluster, same stories and articles."""
    on_dask = brief([DEMO], executor="dask", scheduler=threads_cluster.scheduler_address)
    assert len(on_dask.stories) >= 2
    _same(demo_result, on_dask)


def test_local_cluster_of_processes_gives_the_local_stories(demo_result: Result) -> None:
    """--workers 2: a LocalCluster of worker processes, as the command line starts it."""
    _same(demo_result, brief([DEMO], executor="dask", workers=2, shard_size=4))


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"executor": "spark"}, "unknown executor 'spark'"),
        ({"scheduler": "tcp://127.0.0.1:8786"}, "add --executor dask"),
        (
            {"executor": "dask", "scheduler": "tcp://127.0.0.1:8786", "workers": 2},
            "give one of them",
        ),
    ],
)
def test_bad_executor_options_are_coded(overrides: dict[str, Any], message: str) -> None:
    with pytest.raises(OptionError, match=message) as err:
        RunOptions(**overrides)
    assert err.value.code is Code.E301


def test_missing_dask_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)
    with (
        pytest.raises(MissingExtraError, match=r"newsbrief\[dask\]") as err,
        DaskExecutor.start(workers=1),
    ):
        pass
    assert err.value.code is Code.E202


def test_cli_scheduler_needs_the_dask_executor() -> None:
    from newsbrief.cli import app

    result = CliRunner().invoke(app, ["extract", str(DEMO), "--scheduler", "tcp://h:1"])
    assert result.exit_code == 2
    assert "E301" in result.output and "--executor dask" in result.output


def _malloc_setting() -> tuple[str | None, str | None]:
    import os

    return os.environ.get("MALLOC_TRIM_THRESHOLD_"), os.environ.get("OMP_NUM_THREADS")


def test_local_cluster_workers_keep_the_adaptive_malloc_threshold() -> None:
    """Worker processes of a local cluster get Dask's environment (one OpenMP thread) without
    ``MALLOC_TRIM_THRESHOLD_``, which would switch off glibc's adaptive mmap threshold and make
    parsing about a quarter slower."""
    with DaskExecutor.start(workers=1) as executor:
        settings = list(executor.client.run(_malloc_setting).values())
    assert settings == [(None, "1")]


def _profiler_setting() -> bool:
    import dask

    return bool(dask.config.get("distributed.worker.profile.enabled"))


def test_local_cluster_workers_run_without_the_statistical_profiler() -> None:
    """A local cluster's workers do not sample their task thread every 10 ms for a dashboard
    that is not served (each sample takes the GIL from the parse)."""
    with DaskExecutor.start(workers=1) as executor:
        settings = list(executor.client.run(_profiler_setting).values())
    assert settings == [False]


def _timers(dask_worker: Any) -> dict[str, float]:
    return {name: pc.callback_time for name, pc in dask_worker.periodic_callbacks.items()}


def test_local_cluster_workers_wake_at_most_once_a_second() -> None:
    """No timer of a local cluster's worker wakes its event loop (which takes the GIL from the
    task) more often than once a second; Dask's defaults tick every 20 ms and read the memory
    every 100 ms."""
    with DaskExecutor.start(workers=1) as executor:
        (timers,) = executor.client.run(_timers).values()
    assert {"tick", "memory_monitor", "monitor", "heartbeat"} <= set(timers)
    assert min(timers.values()) >= 1000, timers
