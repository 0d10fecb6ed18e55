"""Quantity extraction scored against NewsQuant (single news sentences with gold quantities).

A predicted quantity matches a gold one with the same value (floats within a relative tolerance;
ranges compared as their sorted ends); value+unit also needs the units to share a word after
light normalisation ("%" ~ "percent" ~ "percentage", "$" ~ "dollar", plurals folded).
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from newsbrief.model import Article, Quantity

Value = tuple[float, float]

UNIT_SYNONYMS = {
    "%": "percent",
    "percentage": "percent",
    "pc": "percent",
    "$": "dollar",
    "us$": "dollar",
    "usd": "dollar",
    "£": "pound",
    "ps": "pound",
    "sterling": "pound",
    "€": "euro",
    "¥": "yen",
    "y": "yen",
}
_GOLD_RANGE = re.compile(r"^\s*(-?[\d.]+(?:[eE][-+]?\d+)?)\s*-\s*(-?[\d.]+(?:[eE][-+]?\d+)?)\s*$")


def parse_gold_value(raw: str) -> Value | None:
    """A gold value as (low, high): "4000" → (4000, 4000), "252.0-287.0" → (252, 287)."""
    raw = raw.strip()
    try:
        value = float(raw)
        return value, value
    except ValueError:
        pass
    found = _GOLD_RANGE.match(raw)
    if not found:
        return None
    low, high = float(found.group(1)), float(found.group(2))
    return (min(low, high), max(low, high))


def predicted_value(quantity: Quantity) -> Value:
    """A prediction as (low, high)."""
    if quantity.low is not None and quantity.high is not None:
        return quantity.low, quantity.high
    return quantity.value, quantity.value


def values_match(a: Value, b: Value, *, rel_tol: float = 1e-3) -> bool:
    """Same value (or same range ends) within a relative tolerance.

    No absolute tolerance: it would make any two tiny values equal (1.99e-30 "matching" 1.99e-29).
    """
    return all(math.isclose(x, y, rel_tol=rel_tol) for x, y in zip(a, b, strict=True))


def unit_words(*units: str | None) -> set[str]:
    """Normalised words of unit strings; empty for no unit ("-")."""
    words: set[str] = set()
    for unit in units:
        if not unit or unit.strip() in ("-", ""):
            continue
        for raw in re.findall(r"[%$£€¥]|[\w-]+", unit.lower()):
            word = UNIT_SYNONYMS.get(raw, raw)
            if word in ("per", "of", "a", "an"):
                continue
            words.add(word[:-1] if len(word) > 3 and word.endswith("s") else word)
    return words


def units_match(predicted: str | None, gold: dict[str, Any]) -> bool:
    """Lenient: both without a unit, or their normalised words overlap."""
    gold_words = unit_words(gold.get("unit"), gold.get("normalized_unit"))
    predicted_words = unit_words(predicted)
    if not gold_words:
        return not predicted_words
    return bool(gold_words & predicted_words)


def _match(
    predicted: Sequence[Quantity], gold: Sequence[dict[str, Any]], *, with_unit: bool
) -> int:
    """Greedy one-to-one matches between predictions and gold quantities of one sentence."""
    used: set[int] = set()
    matched = 0
    for quantity in predicted:
        mine = predicted_value(quantity)
        for index, item in enumerate(gold):
            theirs = parse_gold_value(str(item.get("value", "")))
            if index in used or theirs is None or not values_match(mine, theirs):
                continue
            if with_unit and not units_match(quantity.unit, item):
                continue
            used.add(index)
            matched += 1
            break
    return matched


def _f1(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    precision = tp / n_pred if n_pred else 0.0
    recall = tp / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


def score_predictions(
    rows: Iterable[tuple[Sequence[Quantity], Sequence[dict[str, Any]]]],
) -> dict[str, float | int]:
    """Value and value+unit precision, recall and F1 over (predicted, gold) pairs."""
    n_pred = n_gold = tp_value = tp_unit = sentences = 0
    for predicted, gold in rows:
        sentences += 1
        n_pred += len(predicted)
        n_gold += len(gold)
        tp_value += _match(predicted, gold, with_unit=False)
        tp_unit += _match(predicted, gold, with_unit=True)
    value = _f1(tp_value, n_pred, n_gold)
    unit = _f1(tp_unit, n_pred, n_gold)
    return {
        "sentences": sentences,
        "gold": n_gold,
        "predicted": n_pred,
        "value_precision": value["precision"],
        "value_recall": value["recall"],
        "value_f1": value["f1"],
        "unit_precision": unit["precision"],
        "unit_recall": unit["recall"],
        "unit_f1": unit["f1"],
    }


def score_newsquant(path: Path, *, limit: int | None = None) -> dict[str, float | int]:
    """Score ``extract_quantities`` on a NewsQuant JSON file (a list of {text, quantities})."""
    from newsbrief.extract.quantities import extract_quantities
    from newsbrief.nlp import parse_articles

    with Path(path).open(encoding="utf-8") as fh:
        records: list[dict[str, Any]] = json.load(fh)
    if limit is not None:
        records = records[:limit]
    articles = [
        Article(id=f"newsquant-{i}", source=f"{path}#{i}", paragraphs=[record["text"]])
        for i, record in enumerate(records)
    ]
    parsed = parse_articles(articles)
    rows = (
        (extract_quantities(one), record.get("quantities") or [])
        for one, record in zip(parsed, records, strict=True)
    )
    return score_predictions(rows)
