"""B-cubed scores of stories and events against ECB+ (topics = stories, sub-topics = events).

ECB+ documents carry no publication date; many carry a dateline at the top of the text, which
the clustering uses in its place (``timing.article_day``). By default every article runs through
the project's own extractors (``analysis="extract"``: entities with canonical names, dates,
numbers, quotes, claims), as in a real run; ``"spacy"`` fills only entities from spaCy's
``doc.ents`` (canonical = the mention text) and ``"none"`` measures TF-IDF alone.

An ECB+ topic pairs two look-alike incidents (two celebrities entering rehab), and its
``event_cluster`` (the sub-topic) is one incident with every follow-up written about it, weeks or
years later (escape, then capture; shooting, then trial). That is closer to a story of the demo
corpus (a landslide, then the search called off days later) than to one of its dated events, so
stories are also scored against ``event_cluster`` (``story_event_*``), besides the pairing of
events with ``event_cluster`` and stories with ``topic`` that the floors pin.

``topics`` restricts scoring to some topics, so thresholds can be chosen on one half of the
topics and reported on the other (``python -m newsbrief.eval.clusters``).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, Literal

from newsbrief.cluster import ClusterOptions, cluster_stories
from newsbrief.errors import OptionError
from newsbrief.model import Article, Entity

EntitySource = Literal["extract", "spacy", "none"]


def bcubed(pred: Mapping[str, str], gold: Mapping[str, str]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 over the items of ``gold`` (items missing from ``pred``
    count as singletons)."""
    if not gold:
        return 0.0, 0.0, 0.0
    pred_full = {item: pred.get(item, f"\0{item}") for item in gold}
    by_pred: dict[str, set[str]] = defaultdict(set)
    by_gold: dict[str, set[str]] = defaultdict(set)
    for item in gold:
        by_pred[pred_full[item]].add(item)
        by_gold[gold[item]].add(item)
    precision = recall = 0.0
    for item in gold:
        p_set, g_set = by_pred[pred_full[item]], by_gold[gold[item]]
        overlap = len(p_set & g_set)
        precision += overlap / len(p_set)
        recall += overlap / len(g_set)
    precision /= len(gold)
    recall /= len(gold)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def read_ecbplus(
    path: Path, *, limit_topics: int | None = None, topics: Iterable[int] | None = None
) -> list[dict[str, Any]]:
    """Records of ``docs.jsonl`` (``doc_id, topic, subtopic, event_cluster, url, text``)."""
    if not path.is_file():
        raise OptionError(f"ECB+ documents not found at {path}; point to ecbplus/docs.jsonl")
    with path.open(encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh if line.strip()]
    if limit_topics is not None:
        keep = sorted({r["topic"] for r in records})[:limit_topics]
        records = [r for r in records if r["topic"] in keep]
    if topics is not None:
        wanted = set(topics)
        records = [r for r in records if r["topic"] in wanted]
    return records


def to_article(record: Mapping[str, Any]) -> Article:
    """An undated article from one ECB+ record (paragraphs = non-empty lines)."""
    lines = [line.strip() for line in str(record["text"]).split("\n")]
    return Article(
        id=str(record["doc_id"]),
        source=f"ecbplus#{record['doc_id']}",
        url=record.get("url"),
        paragraphs=[line for line in lines if line],
    )


def with_spacy_entities(articles: Iterable[Article]) -> list[Article]:
    """Fill ``entities`` from one spaCy parse per article (mention text as canonical name)."""
    from newsbrief.nlp import parse_articles

    out = []
    for parsed in parse_articles(articles):
        counts: dict[tuple[str, str], int] = defaultdict(int)
        for doc in parsed.docs:
            for ent in doc.ents:
                counts[(ent.text, ent.label_)] += 1
        entities = [
            Entity(text=text, label=label, canonical=text, count=n)
            for (text, label), n in sorted(counts.items())
        ]
        out.append(parsed.article.model_copy(update={"entities": entities}))
    return out


def with_extraction(articles: Iterable[Article]) -> list[Article]:
    """Every extractor over one spaCy parse per article, as in a real run."""
    from newsbrief.extract import extract_article
    from newsbrief.nlp import parse_articles

    return [extract_article(parsed) for parsed in parse_articles(articles)]


def analyse(articles: list[Article], entities: EntitySource) -> list[Article]:
    """The articles as the chosen analysis fills them."""
    if entities == "extract":
        return with_extraction(articles)
    if entities == "spacy":
        return with_spacy_entities(articles)
    return articles


def score_ecbplus(
    path: Path,
    *,
    limit_topics: int | None = None,
    topics: Iterable[int] | None = None,
    entities: EntitySource = "extract",
    options: ClusterOptions | None = None,
) -> dict[str, float | int]:
    """Event B-cubed (vs gold ``event_cluster``), story B-cubed (vs gold ``topic``) and
    story B-cubed against ``event_cluster`` (``story_event_*``)."""
    records = read_ecbplus(Path(path), limit_topics=limit_topics, topics=topics)
    articles = analyse([to_article(r) for r in records], entities)
    return score_clusters(records, articles, options=options)


def score_clusters(
    records: list[dict[str, Any]],
    articles: list[Article],
    *,
    options: ClusterOptions | None = None,
) -> dict[str, float | int]:
    """Cluster analysed articles and score them against their ECB+ records."""
    stories = cluster_stories(articles, options=options)
    story_of = {a: s.id for s in stories for a in s.articles}
    event_of = {a: e.id for s in stories for e in s.events for a in e.articles}
    scores: dict[str, float | int] = {
        "docs": len(records),
        "topics": len({r["topic"] for r in records}),
        "stories": len(stories),
        "events": sum(len(s.events) for s in stories),
    }
    for name, pred, key in (
        ("event", event_of, "event_cluster"),
        ("story", story_of, "topic"),
        ("story_event", story_of, "event_cluster"),  # stories as incidents (see module doc)
    ):
        gold = {str(r["doc_id"]): str(r[key]) for r in records}
        p, r, f = bcubed(pred, gold)
        scores.update({f"{name}_p": p, f"{name}_r": r, f"{name}_f1": f})
    return scores


def score_neus_grouping(
    path: Path,
    *,
    split: str = "val",
    limit: int | None = None,
    options: ClusterOptions | None = None,
) -> dict[str, float | int]:
    """Stories and events of the NeUS AllSides roundups, all mixed together, against the
    roundups (B-cubed): each roundup is one happening as three outlets of the left, centre
    and right told it the same day, in short leads, under their own headlines.

    The texts carry no date, so nothing but their words and names keeps apart the many
    roundups of one subject (monthly jobs reports, Senate votes, North Korea); stories group
    those as a running subject does, and events are the closer match to a roundup. No
    threshold was chosen on this set."""
    from newsbrief.eval.summaries import parse_cluster

    lines = (Path(path) / f"{split}.source").read_text(encoding="utf-8").splitlines()
    lines = lines[:limit] if limit is not None else lines
    articles: list[Article] = []
    gold: dict[str, str] = {}
    for n, line in enumerate(lines):
        for article in parse_cluster(line, prefix=f"{split}-{n}"):
            articles.append(article)
            gold[article.id] = str(n)
    stories = cluster_stories(analyse(articles, "extract"), options=options)
    story_of = {a: s.id for s in stories for a in s.articles}
    event_of = {a: e.id for s in stories for e in s.events for a in e.articles}
    scores: dict[str, float | int] = {
        "docs": len(articles),
        "roundups": len(lines),
        "stories": len(stories),
        "events": sum(len(s.events) for s in stories),
    }
    for name, pred in (("story", story_of), ("event", event_of)):
        p, r, f = bcubed(pred, gold)
        scores.update({f"{name}_p": p, f"{name}_r": r, f"{name}_f1": f})
    return scores


DEV_SPLIT: tuple[range, range] = (range(1, 23), range(23, 36))
"""ECB+ topics 1-22 and 23-35: fit thresholds on one half, report the other."""


def cross_validate(
    path: Path,
    grid: Iterable[ClusterOptions],
    *,
    entities: EntitySource = "extract",
    split: tuple[range, range] = DEV_SPLIT,
) -> list[dict[str, Any]]:
    """For each half of ``split``: the grid point with the best event F1 on it (in-sample) and
    its scores on the other half (held out). One analysis pass; the grid is re-clustered only."""
    records = read_ecbplus(Path(path))
    articles = analyse([to_article(r) for r in records], entities)
    halves = [[i for i, r in enumerate(records) if r["topic"] in set(half)] for half in split]
    options = list(grid)
    scored = [
        [
            score_clusters([records[i] for i in h], [articles[i] for i in h], options=o)
            for h in halves
        ]
        for o in options
    ]
    out = []
    for fit, held in ((0, 1), (1, 0)):
        best = max(range(len(options)), key=lambda k: float(scored[k][fit]["event_f1"]))
        out.append(
            {
                "fit": f"{split[fit].start}-{split[fit].stop - 1}",
                "report": f"{split[held].start}-{split[held].stop - 1}",
                "options": options[best],
                "in_sample": scored[best][fit],
                "held_out": scored[best][held],
            }
        )
    return out


if __name__ == "__main__":  # pragma: no cover - a development tool
    import dataclasses
    import itertools
    import sys

    base = ClusterOptions()
    grid = [
        dataclasses.replace(base, event_threshold=e, local_floor=f, time_bonus=b)
        for e, f, b in itertools.product((0.05, 0.07, 0.1), (0.25, 0.5, 1.0), (0.0, 0.1, 0.2))
    ]
    for row in cross_validate(Path(sys.argv[1]), grid):
        o = row["options"]
        print(
            f"fit {row['fit']} -> report {row['report']}: event_threshold={o.event_threshold} "
            f"local_floor={o.local_floor} time_bonus={o.time_bonus}"
        )
        for name in ("in_sample", "held_out"):
            s = row[name]
            print(
                f"  {name:9} event P/R/F1 {s['event_p']:.3f}/{s['event_r']:.3f}/{s['event_f1']:.3f}"
                f"  story P/R/F1 {s['story_p']:.3f}/{s['story_r']:.3f}/{s['story_f1']:.3f}"
            )
