"""Quality gate for cleaning on the public article-extraction pages (skips when absent).

The floors sit just under what the shipped cleaner measures (``bench/quality.py``), so a change
that loses body text or lets chrome back in fails the build. The plain-text line model was
fitted on these pages; its honest, site-held-out scores are in ``data/line_model.json`` and are
re-measured by ``bench/train_cleaner.py``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from newsbrief.eval.extraction import score_article_extraction

FLOORS = {
    "plain": {"f1": 0.95, "recall": 0.982},
    "html": {"f1": 0.975, "recall": 0.98},
}


@pytest.mark.parametrize("source", sorted(FLOORS))
def test_article_extraction_floors(shared_data: Path, source: str) -> None:
    data_dir = shared_data / "article-extraction"
    if not data_dir.is_dir():
        pytest.skip(f"{data_dir} is absent")
    result = score_article_extraction(data_dir, source=source)  # type: ignore[arg-type]
    for metric, floor in FLOORS[source].items():
        assert result[metric] >= floor, f"{source} {metric} fell to {result[metric]} ({floor})"
