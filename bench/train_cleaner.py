"""Fit the body-region line model (``newsbrief/data/line_model.json``) and report honest scores.

    python bench/train_cleaner.py [--data DIR] [--folds 5] [--write]

Reads ``article-extraction`` (plain page text and the gold article body) from the shared data
folder. A line is labelled inside the region when it lies between the first and the last line
of four or more words found in the gold body. Features are shapes only (``clean.linefeatures``),
never words, so the model carries no text of the data set.

Each page is seen twice in training: whole, and as a later cleaning pass sees it (the gold
region and ``RECLEAN_MARGIN`` lines around it, without the rest of the page, weighted by
``RECLEAN_WEIGHT``). ``clean_text`` repeats its pass on the kept text until nothing changes, so
the model must also keep the body of a page that is already mostly body; fitted on whole pages
only, it read the end of an already-cleaned article as a page's tail and cut it.

Scores are cross-validated with pages grouped by site (no site is in both the training and the
scoring part): in every fold both logistic stages and the region threshold are fitted on the
training pages only, then the held-out pages are cleaned end to end by ``clean_text`` and scored
with the same token P/R/F1 as ``bench/quality.py``. The threshold is the one with the best F1 on
the training pages among those keeping their body recall at 0.98 or more (losing body text is
worse than keeping a stray line). ``--write`` then fits on all pages and stores the weights with
the cross-validated scores.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

import numpy as np
import sklearn
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

from newsbrief.clean.linefeatures import BASE_NAMES, CONTEXT_NAMES, base_features, context_features
from newsbrief.clean.linemodel import MODEL_FILE, LinearStage, LineModel
from newsbrief.clean.text import RulePass, clean_text, finish_pass, rule_pass
from newsbrief.eval.extraction import _overlap, _prf, _tokens
from newsbrief.eval.harness import data_root

THRESHOLDS = (0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5)
MIN_RECALL = 0.98
C = 1.0
RECLEAN_WEIGHT = 0.3
RECLEAN_MARGIN = 2
_WORDS = re.compile(r"\w+")


@dataclass
class View:
    """Lines of one text the cleaner sees, with their features and region labels."""

    found: RulePass
    base: np.ndarray
    inside: np.ndarray
    weight: np.ndarray

    @property
    def lines(self) -> list:  # type: ignore[type-arg]
        return self.found.lines

    @property
    def labels(self) -> list:  # type: ignore[type-arg]
        return self.found.labels


@dataclass
class Page:
    """One page: its text, gold body, site, and the views trained on (the whole page first,
    then the page as a later cleaning pass sees it)."""

    page_id: str
    text: str
    body: str
    site: str
    views: list[View]

    @property
    def found(self) -> RulePass:
        return self.views[0].found

    @property
    def lines(self) -> list:  # type: ignore[type-arg]
        return self.views[0].lines

    @property
    def labels(self) -> list:  # type: ignore[type-arg]
        return self.views[0].labels


def _norm(text: str) -> str:
    return " " + " ".join(_WORDS.findall(text.lower())) + " "


def _view(found: RulePass, gold_norm: str, weight: float = 1.0) -> tuple[View, list[int]]:
    """Features of ``found`` and its labels: inside from the first to the last gold line."""
    hits = [
        i
        for i, line in enumerate(found.lines)
        if len(_WORDS.findall(line.text)) >= 4 and _norm(line.text) in gold_norm
    ]
    inside = np.zeros(len(found.lines), dtype=bool)
    if hits:
        inside[hits[0] : hits[-1] + 1] = True
    base = np.array(base_features(found.lines, found.labels, found.title), dtype=float)
    return (
        View(
            found=found,
            base=base.reshape(-1, len(BASE_NAMES)),
            inside=inside,
            weight=weight * np.sqrt(1.0 + np.array([line.n_words for line in found.lines])),
        ),
        hits,
    )


def load_pages(data_dir: Path) -> list[Page]:
    """Pages of the set with their features and labels."""
    gold = json.loads((data_dir / "ground-truth.json").read_text(encoding="utf-8"))
    plain = json.loads((data_dir / "plain-text.json").read_text(encoding="utf-8"))
    pages = []
    for page_id in sorted(gold):
        found = rule_pass(plain[page_id])
        body = gold[page_id]["articleBody"]
        gold_norm = _norm(body)
        view, hits = _view(found, gold_norm)
        views = [view]
        if hits and RECLEAN_WEIGHT > 0:
            # A later pass (and cleaning the output again) sees the region and a little of
            # what surrounds it, without the rest of the page: it must keep the body then too.
            lo, hi = max(0, hits[0] - RECLEAN_MARGIN), hits[-1] + RECLEAN_MARGIN + 1
            kept = [
                line.text
                for i, line in enumerate(found.lines[lo:hi], start=lo)
                if found.labels[i] is None or hits[0] <= i <= hits[-1]
            ]
            again = rule_pass("\n\n".join(kept), title=found.title, find_title=False)
            views.append(_view(again, gold_norm, RECLEAN_WEIGHT)[0])
        site = urlsplit(gold[page_id].get("url", "")).netloc.removeprefix("www.") or page_id
        pages.append(Page(page_id=page_id, text=plain[page_id], body=body, site=site, views=views))
    return pages


def _fit(x: np.ndarray, y: np.ndarray, w: np.ndarray, names: Sequence[str]) -> LinearStage:
    """Logistic regression on standardised features, folded back into raw-feature weights."""
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    model = LogisticRegression(max_iter=2000, C=C)
    model.fit((x - mean) / scale, y, sample_weight=w)
    coef = model.coef_[0] / scale
    return LinearStage(
        names=tuple(names),
        coef=tuple(float(c) for c in coef),
        intercept=float(model.intercept_[0] - (coef * mean).sum()),
    )


def _stack(pages: Sequence[Page]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    views = [v for p in pages for v in p.views]
    return (
        np.vstack([v.base for v in views]),
        np.concatenate([v.inside for v in views]),
        np.concatenate([v.weight for v in views]),
    )


def fit_stages(pages: Sequence[Page], folds: int) -> tuple[LinearStage, LinearStage]:
    """Stage one on all ``pages``; stage two on stage-one scores computed out of fold."""
    x, y, w = _stack(pages)
    stage1 = _fit(x, y, w, BASE_NAMES)
    groups = [p.site for p in pages]
    first: list[list[list[float]]] = [[] for _ in pages]
    splits = GroupKFold(n_splits=min(folds, len(set(groups)))).split(pages, groups=groups)
    for train, held in splits:
        inner = _fit(*_stack([pages[k] for k in train]), BASE_NAMES)
        for k in held:
            first[k] = [inner.probabilities(v.base.tolist()) for v in pages[k].views]
    rows = [
        np.hstack([v.base, np.array(context_features(v.lines, q)).reshape(-1, len(CONTEXT_NAMES))])
        for p, qs in zip(pages, first, strict=True)
        for v, q in zip(p.views, qs, strict=True)
    ]
    stage2 = _fit(np.vstack(rows), y, w, BASE_NAMES + CONTEXT_NAMES)
    return stage1, stage2


def score(
    pages: Sequence[Page], model: LineModel, scores: Sequence[list[float]] | None = None
) -> tuple[float, float, float]:
    """Micro token P/R/F1 of the cleaned ``pages`` with ``model`` (``scores``: its line scores)."""
    totals = [0, 0, 0]
    for k, page in enumerate(pages):
        given = scores[k] if scores is not None else None
        kept = "\n".join(finish_pass(page.found, model=model, scores=given).paragraphs)
        for k, v in enumerate(_overlap(_tokens(kept), _tokens(page.body))):
            totals[k] += v
    return _prf(*totals)


def choose_threshold(pages: Sequence[Page], stage1: LinearStage, stage2: LinearStage) -> float:
    """Best F1 among thresholds whose recall on ``pages`` is at least MIN_RECALL (else the
    threshold with the best recall)."""
    probe = LineModel(stage1, stage2, 0.5)
    line_scores = [probe.scores(p.lines, p.labels, p.found.title) for p in pages]
    results = {t: score(pages, LineModel(stage1, stage2, t), line_scores) for t in THRESHOLDS}
    ok = [t for t, (_, r, _) in results.items() if r >= MIN_RECALL]
    if ok:
        return max(ok, key=lambda t: results[t][2])
    return max(results, key=lambda t: results[t][1])


def cross_validate(pages: Sequence[Page], folds: int) -> dict[str, float]:
    """Held-out-site scores: every page cleaned by a model fitted without its site."""
    groups = [p.site for p in pages]
    totals = [0, 0, 0]
    chosen = []
    for train, held in GroupKFold(n_splits=folds).split(pages, groups=groups):
        training = [pages[k] for k in train]
        stage1, stage2 = fit_stages(training, folds)
        threshold = choose_threshold(training, stage1, stage2)
        chosen.append(threshold)
        model = LineModel(stage1, stage2, threshold)
        for k in held:
            kept = "\n".join(clean_text(pages[k].text, model=model).paragraphs)
            for j, v in enumerate(_overlap(_tokens(kept), _tokens(pages[k].body))):
                totals[j] += v
        print(f"  fold: threshold {threshold}", file=sys.stderr)
    precision, recall, f1 = _prf(*totals)
    return {
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
        "thresholds": chosen,  # type: ignore[dict-item]
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench/train_cleaner.py", description=__doc__)
    parser.add_argument("--data", type=Path, help="data root (default: ../shared/data)")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--write", action="store_true", help="fit on all pages and save")
    args = parser.parse_args(argv)
    data_dir = (args.data or data_root()) / "article-extraction"
    if not data_dir.is_dir():
        print(f"skipped: {data_dir} is absent", file=sys.stderr)
        return 0
    pages = load_pages(data_dir)
    print(f"{len(pages)} pages, {len({p.site for p in pages})} sites", file=sys.stderr)
    cv = cross_validate(pages, args.folds)
    print(json.dumps({"cross_validated": cv}))
    if args.write:
        stage1, stage2 = fit_stages(pages, args.folds)
        threshold = choose_threshold(pages, stage1, stage2)
        p, r, f = score(pages, LineModel(stage1, stage2, threshold))
        info = {
            "fitted": date.today().isoformat(),
            "data": "article-extraction (plain-text.json, ground-truth.json)",
            "pages": len(pages),
            "sites": len({p.site for p in pages}),
            "scikit_learn": sklearn.__version__,
            "C": C,
            "cross_validated_by_site": cv,
            "fit_on_all": {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)},
        }
        model = LineModel(stage1, stage2, threshold, info=info)
        out = Path(__file__).resolve().parent.parent / "src" / "newsbrief" / "data" / MODEL_FILE
        out.write_text(json.dumps(model.to_json(), indent=1) + "\n", encoding="utf-8")
        print(f"wrote {out} (threshold {threshold}; fit-on-all F1 {f:.4f})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
