"""The learned body-region scorer: where on a plain-text page the article starts and ends.

Two logistic stages score each line as inside the article's region: stage one from the line's
own shape and position (``linefeatures.base_features``), stage two from those features plus
the stage-one scores of its neighbours (chrome comes in runs, so does prose). The region is the
maximum-sum run of ``(score - threshold) * log(1 + words)``: one contiguous stretch, as an article
is, so a body table or list of short lines between paragraphs stays in while a teaser blurb
after the footer does not. The weights are plain numbers in ``data/line_model.json``, fitted by
``bench/train_cleaner.py`` on shape features only (no words of any site), with the grouped
cross-validated scores it reached stored beside them.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from newsbrief.clean.linefeatures import (
    BASE_NAMES,
    CONTEXT_NAMES,
    base_features,
    context_features,
)
from newsbrief.clean.lines import Line, max_sum_span

MODEL_FILE = "line_model.json"
MODEL_VERSION = 1


@dataclass(frozen=True)
class LinearStage:
    """A logistic regression: named coefficients and an intercept."""

    names: tuple[str, ...]
    coef: tuple[float, ...]
    intercept: float

    def probabilities(self, rows: Sequence[Sequence[float]]) -> list[float]:
        """P(inside the article) for each feature row."""
        out = []
        for row in rows:
            z = self.intercept + math.fsum(c * x for c, x in zip(self.coef, row, strict=True))
            out.append(1.0 / (1.0 + math.exp(-max(min(z, 40.0), -40.0))))
        return out

    def to_json(self) -> dict[str, Any]:
        return {"names": list(self.names), "coef": list(self.coef), "intercept": self.intercept}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> LinearStage:
        return cls(
            names=tuple(data["names"]),
            coef=tuple(float(c) for c in data["coef"]),
            intercept=float(data["intercept"]),
        )


@dataclass(frozen=True)
class LineModel:
    """Both stages, the region threshold, and how the model was fitted and scored."""

    stage1: LinearStage
    stage2: LinearStage
    threshold: float
    info: dict[str, Any] = field(default_factory=dict, compare=False)

    def __post_init__(self) -> None:
        if self.stage1.names != BASE_NAMES or self.stage2.names != BASE_NAMES + CONTEXT_NAMES:
            raise ValueError(
                "line model features do not match this version of newsbrief; "
                "refit it with bench/train_cleaner.py"
            )

    def scores(
        self, lines: Sequence[Line], labels: Sequence[str | None], title: str | None = None
    ) -> list[float]:
        """P(line is inside the article's region) for every line (``title``: the headline)."""
        base = base_features(lines, labels, title)
        first = self.stage1.probabilities(base)
        context = context_features(lines, first)
        return self.stage2.probabilities([b + c for b, c in zip(base, context, strict=True)])

    def region(
        self, lines: Sequence[Line], labels: Sequence[str | None], title: str | None = None
    ) -> tuple[int, int] | None:
        """First and last line of the article's region, or None when no stretch scores above
        the threshold (the caller then keeps what the rules keep)."""
        return best_run(self.scores(lines, labels, title), lines, self.threshold)

    def to_json(self) -> dict[str, Any]:
        return {
            "version": MODEL_VERSION,
            "threshold": self.threshold,
            "stage1": self.stage1.to_json(),
            "stage2": self.stage2.to_json(),
            "info": self.info,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> LineModel:
        if data.get("version") != MODEL_VERSION:
            raise ValueError(f"line model version {data.get('version')} is not {MODEL_VERSION}")
        return cls(
            stage1=LinearStage.from_json(data["stage1"]),
            stage2=LinearStage.from_json(data["stage2"]),
            threshold=float(data["threshold"]),
            info=dict(data.get("info", {})),
        )


def best_run(
    scores: Sequence[float], lines: Sequence[Line], threshold: float
) -> tuple[int, int] | None:
    """The maximum-sum contiguous run of ``(score - threshold) * log(1 + words)``."""
    return max_sum_span(
        [
            (score - threshold) * math.log1p(line.n_words)
            for score, line in zip(scores, lines, strict=True)
        ]
    )


@lru_cache(maxsize=1)
def load_model() -> LineModel:
    """The model shipped with the package."""
    text = resources.files("newsbrief.data").joinpath(MODEL_FILE).read_text(encoding="utf-8")
    return LineModel.from_json(json.loads(text))
