"""Main-text extraction quality: bag-of-tokens precision, recall and F1 against a gold body.

Reads the article-extraction set (``plain-text.json`` {id: text}, ``html/<id>.html.gz``,
``ground-truth.json`` {id: {articleBody, url}}), cleans every page with ``clean_document`` and
scores the body paragraphs (title excluded, as in the gold) against ``articleBody``. Recurring
boilerplate is learned over the scored pages first (``clean.recurring``), as the pipeline does
over its inputs. Also reports the raw-text baseline (no cleaning) so a change can be judged
against doing nothing.
"""

from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Literal

from newsbrief.clean import clean_document, unclean_document
from newsbrief.clean.recurring import Boilerplate, learn_boilerplate
from newsbrief.model import RawDocument

_TOKEN = re.compile(r"\w+")


def _tokens(text: str) -> Counter[str]:
    return Counter(_TOKEN.findall(text.lower()))


def _overlap(predicted: Counter[str], gold: Counter[str]) -> tuple[int, int, int]:
    """(common, predicted total, gold total) token counts."""
    common = sum((predicted & gold).values())
    return common, sum(predicted.values()), sum(gold.values())


def _prf(common: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    if n_pred == 0 and n_gold == 0:
        return 1.0, 1.0, 1.0
    precision = common / n_pred if n_pred else 0.0
    recall = common / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def token_prf(predicted: str, gold: str) -> tuple[float, float, float]:
    """Precision, recall and F1 of the lower-cased word tokens of ``predicted`` vs ``gold``."""
    return _prf(*_overlap(_tokens(predicted), _tokens(gold)))


def _raw_document(data_dir: Path, page_id: str, source: str, plain: dict[str, str]) -> RawDocument:
    if source == "plain":
        return RawDocument(source=f"{page_id}.txt", content=plain[page_id], format="text")
    with gzip.open(data_dir / "html" / f"{page_id}.html.gz", "rb") as fh:
        html = fh.read().decode("utf-8", errors="replace")
    return RawDocument(source=f"{page_id}.html", content=html, format="html")


def score_article_extraction(
    data_dir: Path,
    *,
    source: Literal["plain", "html"],
    ids: Iterable[str] | None = None,
    learn: bool = True,
) -> dict[str, Any]:
    """Micro and macro token P/R/F1 of cleaned bodies, the raw baseline, and ``n``.

    ``learn``: learn recurring boilerplate over the scored pages and drop it while cleaning.
    """
    data_dir = Path(data_dir)
    with (data_dir / "ground-truth.json").open(encoding="utf-8") as fh:
        gold: dict[str, dict[str, str]] = json.load(fh)
    plain: dict[str, str] = {}
    if source == "plain":
        with (data_dir / "plain-text.json").open(encoding="utf-8") as fh:
            plain = json.load(fh)
    wanted = sorted(gold) if ids is None else list(ids)
    totals = [0, 0, 0]
    raw_totals = [0, 0, 0]
    macro = [0.0, 0.0, 0.0]
    per_page: dict[str, float] = {}
    pages = [(page_id, _raw_document(data_dir, page_id, source, plain)) for page_id in wanted]
    learned = learn_boilerplate(raw for _, raw in pages) if learn else Boilerplate()
    for page_id, raw in pages:
        gold_tokens = _tokens(gold[page_id]["articleBody"])
        article = clean_document(raw, boilerplate=learned.for_document(raw))
        counts = _overlap(_tokens("\n".join(article.paragraphs)), gold_tokens)
        raw_counts = _overlap(_tokens("\n".join(unclean_document(raw).paragraphs)), gold_tokens)
        for k in range(3):
            totals[k] += counts[k]
            raw_totals[k] += raw_counts[k]
        scores = _prf(*counts)
        for k in range(3):
            macro[k] += scores[k]
        per_page[page_id] = round(scores[2], 4)
    n = len(wanted)
    micro = _prf(*totals)
    baseline = _prf(*raw_totals)
    return {
        "n": n,
        "precision": round(micro[0], 4),
        "recall": round(micro[1], 4),
        "f1": round(micro[2], 4),
        "macro_precision": round(macro[0] / n, 4) if n else 0.0,
        "macro_recall": round(macro[1] / n, 4) if n else 0.0,
        "macro_f1": round(macro[2] / n, 4) if n else 0.0,
        "baseline_precision": round(baseline[0], 4),
        "baseline_recall": round(baseline[1], 4),
        "baseline_f1": round(baseline[2], 4),
        "per_page_f1": per_page,
    }
