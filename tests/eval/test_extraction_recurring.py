"""The article-extraction scorer learns recurring boilerplate over the pages it scores."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from clean.recurring_pages import BODIES, FOOTER, MENU, PROMO, TITLES, page

from newsbrief.eval.extraction import score_article_extraction


def _html(title: str, body: list[str]) -> str:
    menu = "".join(f"<li>{m}</li>" for m in MENU)
    paras = "".join(f"<p>{p}</p>" for p in [*body, PROMO, *FOOTER])
    return f"<html><body><ul>{menu}</ul><h1>{title}</h1><div>{paras}</div></body></html>"


EXTRA_TITLE = "Night market returns to the quay"
EXTRA_BODY = [
    "The night market on Fenwick quay will return in June after a two-year break.",
    "Stallholders must register with the harbour office by the end of April.",
    "Organisers expect about sixty stalls selling food, crafts and second-hand books.",
]


@pytest.fixture
def data_set(tmp_path: Path) -> Path:
    """Six hand-written pages of one outlet in the layout of the article-extraction set.

    The scorer's pages declare no outlet or URL, so they form the anonymous group, which needs
    six documents."""
    gold = {}
    plain = {}
    (tmp_path / "html").mkdir()
    titles = [*TITLES, EXTRA_TITLE]
    bodies = [*BODIES, EXTRA_BODY]
    for i, (title, body) in enumerate(zip(titles, bodies, strict=True)):
        page_id = f"p{i}"
        gold[page_id] = {"articleBody": "\n".join(body), "url": f"https://lantern.example/{i}"}
        plain[page_id] = page(title, body)
        with gzip.open(tmp_path / "html" / f"{page_id}.html.gz", "wt", encoding="utf-8") as fh:
            fh.write(_html(title, body))
    (tmp_path / "ground-truth.json").write_text(json.dumps(gold), encoding="utf-8")
    (tmp_path / "plain-text.json").write_text(json.dumps(plain), encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("source", ["plain", "html"])
def test_learning_raises_precision_and_keeps_recall(data_set: Path, source: str) -> None:
    learned = score_article_extraction(data_set, source=source)
    plain = score_article_extraction(data_set, source=source, learn=False)
    assert learned["n"] == plain["n"] == 6
    assert learned["recall"] == plain["recall"] == 1.0
    assert learned["precision"] > plain["precision"]
