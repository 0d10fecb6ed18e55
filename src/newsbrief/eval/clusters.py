"""B-cubed scores of stories and events against ECB+ (topics = stories, sub-topics = events).

ECB+ documents carry no publication date, so clustering runs on content alone (no time window,
no day constraint on events) unless a dates extractor fills ``Article.dates``. Entities come from
spaCy's ``doc.ents`` (canonical = the mention text) by default, since the project's entity
extractor is scored elsewhere; ``entities="none"`` measures TF-IDF alone.
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

EntitySource = Literal["spacy", "none"]


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


def read_ecbplus(path: Path, *, limit_topics: int | None = None) -> list[dict[str, Any]]:
    """Records of ``docs.jsonl`` (``doc_id, topic, subtopic, event_cluster, url, text``)."""
    if not path.is_file():
        raise OptionError(f"ECB+ documents not found at {path}; point to ecbplus/docs.jsonl")
    with path.open(encoding="utf-8") as fh:
        records = [json.loads(line) for line in fh if line.strip()]
    if limit_topics is not None:
        keep = sorted({r["topic"] for r in records})[:limit_topics]
        records = [r for r in records if r["topic"] in keep]
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


def score_ecbplus(
    path: Path,
    *,
    limit_topics: int | None = None,
    entities: EntitySource = "spacy",
    options: ClusterOptions | None = None,
) -> dict[str, float | int]:
    """Event B-cubed (vs gold ``event_cluster``) and story B-cubed (vs gold ``topic``)."""
    records = read_ecbplus(Path(path), limit_topics=limit_topics)
    articles = [to_article(r) for r in records]
    if entities == "spacy":
        articles = with_spacy_entities(articles)
    stories = cluster_stories(articles, options=options)
    story_of = {a: s.id for s in stories for a in s.articles}
    event_of = {a: e.id for s in stories for e in s.events for a in e.articles}
    scores: dict[str, float | int] = {
        "docs": len(records),
        "topics": len({r["topic"] for r in records}),
        "stories": len(stories),
        "events": sum(len(s.events) for s in stories),
    }
    for name, pred, key in (("event", event_of, "event_cluster"), ("story", story_of, "topic")):
        gold = {str(r["doc_id"]): str(r[key]) for r in records}
        p, r, f = bcubed(pred, gold)
        scores.update({f"{name}_p": p, f"{name}_r": r, f"{name}_f1": f})
    return scores
