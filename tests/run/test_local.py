"""The local executor keeps order and length, in-process and in a process pool."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from newsbrief.run.local import LocalExecutor, shards


def _square_all(items: list[int]) -> list[int]:
    return [i * i for i in items]


def _drop_one(items: list[int]) -> list[int]:
    return items[1:]


@pytest.mark.parametrize(("n", "size", "expected"), [(0, 3, 0), (5, 2, 3), (6, 3, 2), (1, 10, 1)])
def test_shards_cover_items_in_order(n: int, size: int, expected: int) -> None:
    parts = shards(list(range(n)), size)
    assert len(parts) == expected
    assert [i for part in parts for i in part] == list(range(n))


@pytest.mark.parametrize("workers", [1, 2])
def test_map_keeps_order(workers: int) -> None:
    seen: list[int] = []
    result = LocalExecutor(workers=workers, shard_size=3).map(
        _square_all, list(range(10)), progress=seen.append
    )
    assert result == [i * i for i in range(10)]
    assert sum(seen) == 10


def test_map_rejects_shard_functions_that_lose_items() -> None:
    with pytest.raises(RuntimeError, match="returned 2 results for 3 items"):
        LocalExecutor(shard_size=3).map(_drop_one, [1, 2, 3])


def _square(i: int) -> int:
    return i * i


@pytest.mark.parametrize("workers", [1, 2])
def test_imap_keeps_order_and_takes_items_lazily(workers: int) -> None:
    from newsbrief.run.local import AHEAD_PER_WORKER

    taken: list[int] = []

    def items() -> Iterator[int]:
        for i in range(20):
            taken.append(i)
            yield i

    out = []
    for result in LocalExecutor(workers=workers).imap(_square, items()):
        out.append(result)
        # never more than a few items ahead of what has come back
        assert len(taken) - len(out) <= AHEAD_PER_WORKER * workers
    assert out == [i * i for i in range(20)]


def test_a_pool_imap_starts_its_workers_when_called_and_stops_them_at_the_end() -> None:
    """The caller may hand the iterator to another thread and go on working: the workers are
    forked by the call, from the calling thread, not later from that other thread; the pool
    and the frozen heap are released once the results are used up."""
    import gc
    import multiprocessing

    before = len(multiprocessing.active_children())
    frozen = gc.get_freeze_count()
    results = LocalExecutor(workers=2).imap(_square, iter(range(5)))
    assert len(multiprocessing.active_children()) == before + 2  # nothing iterated yet
    assert gc.get_freeze_count() > frozen
    assert list(results) == [0, 1, 4, 9, 16]
    assert len(multiprocessing.active_children()) == before
    assert gc.get_freeze_count() == frozen


def test_pool_workers_are_forked_whatever_the_default_start_method() -> None:
    """The story pool's workers share the caller's articles by being forked from it; Python
    3.14 makes forkserver the default on Linux, so the pool asks for fork itself."""
    import multiprocessing

    from newsbrief.run import local

    previous = multiprocessing.get_start_method(allow_none=True)
    multiprocessing.set_start_method("spawn", force=True)
    try:
        pool = local._started_pool(2)
        try:
            assert pool._mp_context.get_start_method() == "fork"  # type: ignore[attr-defined]
        finally:
            local._stopped(pool)
    finally:
        multiprocessing.set_start_method(previous, force=True)
