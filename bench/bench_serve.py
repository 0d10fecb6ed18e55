"""Load benchmark of `newsbrief serve`: concurrent clients on loopback against story pages.

    python bench/bench_serve.py [--articles 1000] [--clients 50] [--duration 30] [--db FILE]

1. Builds a store of at least ``--articles`` articles (reused when the file already holds
   enough). Parsing with spaCy costs about 8 articles/s, so the store is not built by parsing
   1,000 texts: the demo corpus (examples/demo, fictional) is extracted once, then inserted
   again and again through the store API (``store_articles``, the same code path as
   ``newsbrief ingest`` after extraction) as replicas with new ids, outlet names, dates (each
   replica 60 days after the previous one, so stories do not mix) and a marker sentence (so
   the bodies differ). Stories and their briefs are built at insert time, as in production.
2. Starts `newsbrief serve` in its own process and runs ``--clients`` keep-alive HTTP/1.1
   clients (asyncio, one connection each, a request as soon as the previous answer arrived)
   for ``--duration`` seconds, each fetching random story pages (``GET /stories/{id}``),
   after a warm-up that fetches every story page once (steady state: the server keeps each
   page rendered for its story's current version; every request still reads that version
   from the store).
3. Prints requests, errors (non-200 or failed connections), throughput and latency
   percentiles, and exits non-zero when there were errors or p99 >= ``--p99-limit`` ms.
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from newsbrief.model import Article  # noqa: E402
from newsbrief.store import Store, store_articles  # noqa: E402

REGIONS = ["North", "South", "East", "West", "Coast", "Valley", "Metro", "Border", "Isles"]


def _shift(value: str | None, days: int) -> str | None:
    if not value:
        return value
    try:
        return (date.fromisoformat(value[:10]) + timedelta(days=days)).isoformat() + value[10:]
    except ValueError:
        return value


def replica(items: list[tuple[Article, str]], k: int) -> list[tuple[Article, str]]:
    """Copy ``k`` of the demo: new ids, outlets, dates (+60 days a copy) and bodies."""
    days = 60 * k
    region = REGIONS[k % len(REGIONS)]
    ids = {a.id: f"{a.id}-r{k}" for a, _ in items}
    out: list[tuple[Article, str]] = []
    for article, digest in items:
        paragraphs = list(article.paragraphs)
        paragraphs[-1] = paragraphs[-1] + f" (Replica {k} for the load benchmark.)"
        copy = article.model_copy(
            update={
                "id": ids[article.id],
                "source": f"bench/r{k}/{article.source}",
                "outlet": f"{article.outlet or 'Wire'} {region} {k}",
                "published": _shift(article.published, days),
                "duplicate_of": ids.get(article.duplicate_of or ""),
                "paragraphs": paragraphs,
                "dates": [
                    d.model_copy(update={"date": _shift(d.date, days)}) for d in article.dates
                ],
                "claims": [
                    c.model_copy(update={"as_of": _shift(c.as_of, days)}) for c in article.claims
                ],
            }
        )
        out.append((copy, hashlib.sha256(f"{digest}:{k}".encode()).hexdigest()))
    return out


def build_store(url: str, articles: int) -> int:
    """Fill the store up to ``articles`` articles; return how many it holds."""
    store = Store(url)
    have = store.counts()["articles"]
    if have >= articles:
        store.close()
        return have
    sys.path.insert(0, str(REPO / "tests" / "store"))
    from storefixtures import extract_demo

    t0 = time.perf_counter()
    demo = extract_demo()
    print(f"extracted the demo corpus: {len(demo)} articles in {time.perf_counter() - t0:.1f} s")
    t0 = time.perf_counter()
    k = 0
    while have < articles:
        k += 1
        report = store_articles(store, replica(demo, k))
        have += len(report.added)
    took = time.perf_counter() - t0
    print(f"inserted {k} replicas: store holds {have} articles ({took:.1f} s, stories built)")
    store.close()
    return have


# ---------------------------------------------------------------- load


async def client(
    port: int,
    paths: list[str],
    until: float,
    latencies: list[float],
    errors: list[str],
    *,
    in_order: bool = False,
) -> None:
    """One keep-alive connection: random paths until ``until`` (or each path once, in order)."""
    reader: asyncio.StreamReader | None = None
    writer: asyncio.StreamWriter | None = None
    rng = random.Random()
    queue = list(paths)
    while queue if in_order else time.perf_counter() < until:
        path = queue.pop(0) if in_order else rng.choice(paths)
        start = time.perf_counter()
        try:
            if writer is None:
                reader, writer = await asyncio.open_connection("127.0.0.1", port)
            assert reader is not None
            writer.write(
                f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n".encode()
            )
            await writer.drain()
            head = await reader.readuntil(b"\r\n\r\n")
            status = int(head.split(b" ", 2)[1])
            length = 0
            for line in head.split(b"\r\n")[1:]:
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":", 1)[1])
            body = await reader.readexactly(length)
            latencies.append(time.perf_counter() - start)
            if status != 200 or b"</html>" not in body:
                errors.append(f"{path}: HTTP {status}")
        except (OSError, asyncio.IncompleteReadError, ValueError) as exc:
            errors.append(f"{path}: {type(exc).__name__}: {exc}")
            if writer is not None:
                writer.close()
            reader = writer = None
    if writer is not None:
        writer.close()


async def load(port: int, paths: list[str], clients: int, duration: float) -> tuple[list, list]:
    latencies: list[float] = []
    errors: list[str] = []
    until = time.perf_counter() + duration
    await asyncio.gather(*(client(port, paths, until, latencies, errors) for _ in range(clients)))
    return latencies, errors


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait(port: int, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("the server did not start")


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q / 100 * (len(ordered) - 1))))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--duration", type=float, default=30.0)
    parser.add_argument("--db", default=str(REPO / "out" / "bench-serve.db"))
    parser.add_argument("--p99-limit", type=float, default=200.0, help="ms")
    parser.add_argument("--json", type=Path, help="Also write the figures to this file.")
    args = parser.parse_args()

    url = args.db if "://" in args.db else f"sqlite:///{args.db}"
    if "://" not in args.db:
        Path(args.db).parent.mkdir(parents=True, exist_ok=True)
    held = build_store(url, args.articles)
    store = Store(url)
    stories = [s.id for s in store.list_stories(limit=100_000)]
    store.close()
    paths = [f"/stories/{sid}" for sid in stories]
    print(f"store: {held} articles, {len(stories)} stories")

    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-c", "from newsbrief.cli import main; main()"]
        + ["serve", "--db", url, "--port", str(port)],
        env={**os.environ, "PYTHONPATH": str(REPO / "src")},
    )
    try:
        _wait(port)
        # warm up: every story page once (the server renders a page once per story version)
        warm_errors: list[str] = []
        asyncio.run(client(port, paths, 0, [], warm_errors, in_order=True))
        if warm_errors:
            print("warm-up errors:", *warm_errors[:5], sep="\n  ")
        t0 = time.perf_counter()
        latencies, errors = asyncio.run(load(port, paths, args.clients, args.duration))
        elapsed = time.perf_counter() - t0
    finally:
        server.terminate()
        server.wait(timeout=10)
    ms = [x * 1000 for x in latencies]
    figures = {
        "articles": held,
        "stories": len(stories),
        "clients": args.clients,
        "duration_s": round(elapsed, 1),
        "requests": len(latencies),
        "errors": len(errors),
        "throughput_rps": round(len(latencies) / elapsed, 1),
        "p50_ms": round(percentile(ms, 50), 1) if ms else None,
        "p90_ms": round(percentile(ms, 90), 1) if ms else None,
        "p99_ms": round(percentile(ms, 99), 1) if ms else None,
        "max_ms": round(max(ms), 1) if ms else None,
        "mean_ms": round(statistics.fmean(ms), 1) if ms else None,
    }
    print(json.dumps(figures, indent=2))
    if errors:
        print("first errors:", *errors[:5], sep="\n  ")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n")
    ok = not errors and ms and figures["p99_ms"] is not None and figures["p99_ms"] < args.p99_limit
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
