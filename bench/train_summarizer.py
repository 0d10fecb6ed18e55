"""Fit the summariser's weights on the NeUS AllSides *train* split (val is never used here).

    python bench/train_summarizer.py [--data DIR] [--limit N] [--cache FILE] [--halves]

Two fits, on the first four fifths of train; the last fifth is held out to report ROUGE:

- word weights (``summarize.WORD_FEATURES``): logistic regression of "the editors' summary uses
  this content word" on the word's features in its cluster;
- set weights (``summarize.SET_FEATURES``): ridge regression (alpha 10) of each possible summary's
  ROUGE-1 (every set of candidate sentences inside 60 words), centred per cluster.

It also prints the held-out *oracle* (the best set of candidate sentences inside the budget, chosen
with the reference in hand): the ceiling any ranker over these candidates can reach. ``--halves``
repeats the set fit on the first half of train and scores the second half, a second slice to tell
a real gain from noise. ``--cache FILE`` keeps the parsed clusters (the slow part) between runs.

Paste the printed tuples into ``DEFAULT_WORD_WEIGHTS`` and ``DEFAULT_SET_WEIGHTS``.
"""

from __future__ import annotations

import argparse
import pickle
import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from newsbrief.eval.harness import data_root
from newsbrief.eval.summaries import parse_cluster, reference_text, rouge_l, rouge_n, rouge_tokens
from newsbrief.model import Article
from newsbrief.summarize import (
    SummaryOptions,
    _collect,
    _story_words,
    candidate_sets,
    summarize,
)
from newsbrief.textsim import fold

Cluster = tuple[list[Article], str]


def load_clusters(
    data_dir: Path, *, split: str = "train", limit: int | None = None
) -> list[Cluster]:
    """Parsed and extracted articles of each cluster, with the reference summary."""
    from newsbrief.extract import extract_article
    from newsbrief.nlp import parse_articles

    sources = (data_dir / f"{split}.source").read_text(encoding="utf-8").splitlines()
    targets = (data_dir / f"{split}.target").read_text(encoding="utf-8").splitlines()
    out: list[Cluster] = []
    for index, (line, target) in enumerate(list(zip(sources, targets, strict=True))[:limit]):
        raw = parse_cluster(line, prefix=f"{split}-{index}")
        out.append(([extract_article(p) for p in parse_articles(raw)], reference_text(target)))
    return out


def fit_word_weights(clusters: Sequence[Cluster]) -> tuple[float, ...]:
    """Logistic regression: does the reference use the content word?"""
    from sklearn.linear_model import LogisticRegression

    rows, used = [], []
    for articles, reference in clusters:
        vocabulary, features = _story_words(articles, _collect(articles))
        ref = set(rouge_tokens(fold(reference)))
        rows.extend(features)
        used.extend(1.0 if w in ref else 0.0 for w in vocabulary)
    model = LogisticRegression(C=10.0, max_iter=2000, fit_intercept=False)
    model.fit(np.asarray(rows), np.asarray(used))
    return tuple(round(float(w), 4) for w in model.coef_[0])


def fit_set_weights(
    clusters: Sequence[Cluster], options: SummaryOptions, *, alpha: float = 10.0
) -> tuple[float, ...]:
    """Ridge regression of ROUGE-1 on set features, centred per cluster (a ranking fit)."""
    xs, ys = [], []
    for articles, reference in clusters:
        texts, sets, rows = candidate_sets(articles, options=options)
        if not sets:
            continue
        scores = np.asarray([rouge_n(" ".join(texts[k] for k in s), reference, 1) for s in sets])
        xs.append(rows - rows.mean(axis=0))
        ys.append(scores - scores.mean())
    x, y = np.vstack(xs), np.concatenate(ys)
    weights = np.linalg.solve(x.T @ x + alpha * np.eye(x.shape[1]), x.T @ y)
    return tuple(round(float(w), 4) for w in weights)


def oracle(clusters: Sequence[Cluster], *, words: int = 60) -> float:
    """Mean over ``clusters`` of the best ROUGE-1 of any candidate set inside ``words`` words."""
    best = []
    for articles, reference in clusters:
        texts, sets, _ = candidate_sets(articles, words=words)
        best.append(
            max((rouge_n(" ".join(texts[k] for k in s), reference, 1) for s in sets), default=0.0)
        )
    return round(float(np.mean(best)), 4) if best else 0.0


def cached_clusters(data_dir: Path, cache: Path | None, limit: int | None) -> list[Cluster]:
    """``load_clusters`` of train, read from (or written to) ``cache`` when given."""
    if cache is not None and cache.is_file():
        with cache.open("rb") as handle:
            clusters: list[Cluster] = pickle.load(handle)
        return clusters[:limit]
    clusters = load_clusters(data_dir, limit=limit)
    if cache is not None:
        with cache.open("wb") as handle:
            pickle.dump(clusters, handle)
    return clusters


def rouge(clusters: Sequence[Cluster], options: SummaryOptions, *, words: int = 60) -> list[float]:
    """Mean ROUGE-1, ROUGE-2, ROUGE-L F1 and mean words of the summaries of ``clusters``."""
    totals = np.zeros(4)
    for articles, reference in clusters:
        pred = " ".join(s.text for s in summarize(articles, words=words, options=options))
        totals += (
            rouge_n(pred, reference, 1),
            rouge_n(pred, reference, 2),
            rouge_l(pred, reference),
            len(pred.split()),
        )
    return [round(float(v), 4) for v in totals / max(len(clusters), 1)]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Fit the summariser's weights on NeUS train.")
    parser.add_argument("--data", type=Path, help="data root (default: $NEWSBRIEF_DATA)")
    parser.add_argument("--limit", type=int, help="use the first N train clusters")
    parser.add_argument("--cache", type=Path, help="pickle of the parsed train clusters")
    parser.add_argument(
        "--halves", action="store_true", help="also fit on train's first half, score its second"
    )
    args = parser.parse_args(argv)
    data_dir = (args.data or data_root()) / "neus-allsides"
    if not (data_dir / "train.source").is_file():
        print(f"NeUS train split not found in {data_dir}", file=sys.stderr)
        return 1
    clusters = cached_clusters(data_dir, args.cache, args.limit)
    cut = len(clusters) * 4 // 5
    fit_part, held_out = clusters[:cut], clusters[cut:]
    word_weights = fit_word_weights(fit_part)
    print("DEFAULT_WORD_WEIGHTS =", word_weights)
    options = SummaryOptions(word_weights=word_weights)
    set_weights = fit_set_weights(fit_part, options)
    print("DEFAULT_SET_WEIGHTS =", set_weights)
    fitted = SummaryOptions(word_weights=word_weights, set_weights=set_weights)
    print("held-out train (R1, R2, RL, words), fitted :", rouge(held_out, fitted))
    print("held-out train (R1, R2, RL, words), shipped:", rouge(held_out, SummaryOptions()))
    print("held-out train oracle R1 (best candidate set):", oracle(held_out))
    if args.halves:
        half = len(clusters) // 2
        half_words = fit_word_weights(clusters[:half])
        half_sets = fit_set_weights(clusters[:half], SummaryOptions(word_weights=half_words))
        first = SummaryOptions(word_weights=half_words, set_weights=half_sets)
        print("second half of train, fitted on the first:", rouge(clusters[half:], first))
    return 0


if __name__ == "__main__":
    sys.exit(main())
