"""Time mark_duplicates + cluster_stories on n and 10n synthetic articles; print the ratio.

Articles come from a made-up vocabulary with planted topics: each topic has its own words and
names and lives for a few days; the feed runs at a fixed number of articles per day (so 10x the
articles means 10x the days, as for a service ingesting a feed), and some articles are wire
copies with a new headline and an added paragraph. Target: 10x articles costs at most 15x time.

    python bench/bench_cluster.py [--n 1000] [--per-day 40] [--seed 7] [--repeat 3]
                                  [--incident-threshold T] [--undated SHARE]

With ``--undated SHARE`` that share of the articles has no date: they are grouped among
themselves (``undated_block`` at a time) after the dated stream, as in a scrape without dates.

Each size is timed ``--repeat`` times and the best time kept, as ``timeit`` does: on a shared
machine a single run of the large size often absorbs other jobs' bursts.
"""

from __future__ import annotations

import argparse
import math
import random
import time
from datetime import date, timedelta

from newsbrief.cluster import ClusterOptions, cluster_stories
from newsbrief.dedup import mark_duplicates
from newsbrief.eval.clusters import bcubed
from newsbrief.model import Article, Entity

SYLLABLES = (
    "ka",
    "lo",
    "mi",
    "ne",
    "ru",
    "sa",
    "te",
    "vo",
    "zi",
    "pa",
    "do",
    "fe",
    "gu",
    "hi",
    "ja",
)


def word(rnd: random.Random, parts: int) -> str:
    return "".join(rnd.choice(SYLLABLES) for _ in range(parts))


def synthetic(
    n: int, *, per_day: int, seed: int, undated: float = 0.0
) -> tuple[list[Article], dict[str, str]]:
    """``n`` articles and their planted topic per article id; a share ``undated`` of them
    (drawn at random) has no publication date."""
    rnd = random.Random(seed)
    dates = random.Random(seed + 1)  # its own draws: the texts are the same at any share
    common = sorted({word(rnd, 3) for _ in range(4000)})
    start = date(2024, 1, 1)
    topics: list[tuple[list[str], list[str], int]] = []  # (words, names, first day)
    articles: list[Article] = []
    gold: dict[str, str] = {}
    for i in range(n):
        day = i // per_day
        live = [t for t, (_, _, first) in enumerate(topics) if day - first <= 6]
        if not live or rnd.random() < 0.08:
            words = [word(rnd, 4) for _ in range(40)]
            names = [word(rnd, 2).title() + " " + word(rnd, 3).title() for _ in range(4)]
            topics.append((words, names, day))
            live.append(len(topics) - 1)
        topic = rnd.choice(live)
        words, names, _ = topics[topic]
        aid = f"a{i:06d}"
        gold[aid] = str(topic)
        published = (start + timedelta(days=day)).isoformat()
        same_topic = [a for a in articles[-200:] if gold[a.id] == str(topic)]
        if same_topic and rnd.random() < 0.1:
            original = rnd.choice(same_topic)
            paragraphs = [*original.paragraphs, " ".join(rnd.choices(common, k=30))]
            entities = original.entities
        else:
            paragraphs = [
                " ".join(
                    rnd.choice(words) if rnd.random() < 0.3 else rnd.choice(common)
                    for _ in range(40)
                )
                for _ in range(5)
            ]
            entities = [
                Entity(text=nm, label="PERSON", canonical=nm) for nm in rnd.sample(names, 2)
            ]
        title = " ".join(rnd.sample(words, 3) + rnd.sample(common, 3))
        articles.append(
            Article(
                id=aid,
                source=aid,
                title=title,
                published=None if dates.random() < undated else published,
                paragraphs=paragraphs,
                entities=entities,
            )
        )
    return articles, gold


def run(
    n: int,
    *,
    per_day: int,
    seed: int,
    undated: float = 0.0,
    options: ClusterOptions | None = None,
    repeat: int = 1,
) -> float:
    """The best of ``repeat`` timings (as ``timeit`` reports: the others measure the machine's
    other load, not the code)."""
    articles, gold = synthetic(n, per_day=per_day, seed=seed, undated=undated)
    seconds = float("inf")
    for _ in range(repeat):
        began = time.perf_counter()
        marked = mark_duplicates(articles)
        stories = cluster_stories(marked, options=options)
        seconds = min(seconds, time.perf_counter() - began)
    copies = sum(a.duplicate_of is not None for a in marked)
    pred = {a: s.id for s in stories for a in s.articles}
    p, r, f = bcubed(pred, gold)
    print(
        f"n={n:>6}  {seconds:7.2f}s  {n / seconds:7.0f} articles/s  copies={copies}  "
        f"stories={len(stories)} (planted {len(set(gold.values()))})  "
        f"story B3 P={p:.3f} R={r:.3f} F1={f:.3f}"
    )
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--per-day", type=int, default=40)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--incident-threshold",
        type=float,
        help="split every story into incidents at this bar (ClusterOptions); by default only "
        "diffuse stories are, at 0.045",
    )
    parser.add_argument(
        "--repeat", type=int, default=3, help="time each size N times, keep the best"
    )
    parser.add_argument(
        "--undated",
        type=float,
        default=0.0,
        metavar="SHARE",
        help="this share of the articles (at random) has no publication date (default 0)",
    )
    args = parser.parse_args()
    options = (
        ClusterOptions()
        if args.incident_threshold is None
        else ClusterOptions(incident_threshold=args.incident_threshold, diffuse_cohesion=math.inf)
    )
    kwargs = {
        "per_day": args.per_day,
        "seed": args.seed,
        "undated": args.undated,
        "options": options,
        "repeat": args.repeat,
    }
    small = run(args.n, **kwargs)
    large = run(10 * args.n, **kwargs)
    print(f"10x articles took {large / small:.1f}x the time (target: at most 15x)")


if __name__ == "__main__":
    main()
