"""The NewsQuant scorer: value parsing, matching, and a quality floor on the real data."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsbrief.eval.numbers import (
    parse_gold_value,
    score_newsquant,
    score_predictions,
    units_match,
    values_match,
)
from newsbrief.model import Quantity


def q(value: float, unit: str | None = None, low: float | None = None, high: float | None = None):
    return Quantity(
        text="x", value=value, unit=unit, low=low, high=high, paragraph=0, start=0, end=1
    )


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("4000", (4000, 4000)),
        ("252.0-287.0", (252, 287)),
        ("3.0 - 4.0", (3, 4)),
        ("36040.0-34935.0", (34935, 36040)),
        ("-5.0", (-5, -5)),
        ("1.99E-29", (1.99e-29, 1.99e-29)),
        ("n/a", None),
    ],
)
def test_parse_gold_value(raw: str, expected: tuple[float, float] | None) -> None:
    assert parse_gold_value(raw) == expected


@pytest.mark.parametrize(
    ("predicted", "gold", "expected"),
    [
        ("percent", {"unit": "%", "normalized_unit": "percentage"}, True),
        ("dollar", {"unit": "$", "normalized_unit": "dollar"}, True),
        ("soldiers", {"unit": "soldiers", "normalized_unit": "soldier"}, True),
        (None, {"unit": "-", "normalized_unit": "-"}, True),
        ("miles", {"unit": "km", "normalized_unit": "kilometre"}, False),
        (None, {"unit": "yards", "normalized_unit": "yard"}, False),
    ],
)
def test_units_match(predicted: str | None, gold: dict[str, str], expected: bool) -> None:
    assert units_match(predicted, gold) is expected


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ((4000.0, 4000.0), (4000.0, 4000.0), True),
        ((0.1 + 0.2, 0.1 + 0.2), (0.3, 0.3), True),
        ((0.0, 0.0), (0.0, 0.0), True),
        ((2.0, 3.0), (2.0, 3.5), False),
        # tiny values are compared relatively too: no absolute slack that makes them all equal
        ((1.99e-30, 1.99e-30), (1.99e-29, 1.99e-29), False),
        ((0.0, 0.0), (1e-12, 1e-12), False),
    ],
)
def test_values_match(a: tuple[float, float], b: tuple[float, float], expected: bool) -> None:
    assert values_match(a, b) is expected


def test_score_predictions_counts_one_to_one_matches() -> None:
    gold = [
        {"value": "4000", "unit": "people", "normalized_unit": "people"},
        {"value": "2-3", "unit": "%", "normalized_unit": "percentage"},
    ]
    predicted = [q(4000, "people"), q(4000, "people"), q(2, "dollar", low=2, high=3)]
    scores = score_predictions([(predicted, gold)])
    assert scores["value_precision"] == pytest.approx(2 / 3, abs=1e-3)
    assert scores["value_recall"] == 1.0
    assert scores["unit_recall"] == 0.5


def test_newsquant_floor(shared_data: Path) -> None:
    path = shared_data / "newsquant" / "NewsQuant.dev.json"
    if not path.is_file():
        pytest.skip(f"{path} not found")
    scores = score_newsquant(path)
    assert scores["value_f1"] >= 0.955
    assert scores["unit_f1"] >= 0.90
