"""Remembered token embeddings (``fastembed``) leave every parse as the stock model's.

The embedding layers of both token-to-vector networks answer a token they have met from a
table; the parses (tags, morphology, lemmas, arcs, entities) must be the stock ones, whether
answered from the table, computed, or computed because the table is full, and for an empty
text.
"""

from __future__ import annotations

from typing import Any

import pytest
from test_fastruler import TRICKY, _attributes, _demo_paragraphs, _stock_model

from newsbrief.fastembed import REMEMBERED, _networks, use_remembered_embeddings
from newsbrief.nlp import load_pipeline


@pytest.fixture(scope="module")
def stock() -> Any:
    return _stock_model()


def _parses(nlp: Any, texts: list[str]) -> list[list[tuple[str, ...]]]:
    return [_attributes(doc) for doc in nlp.pipe(texts, batch_size=16)]


def test_both_networks_are_remembered_once() -> None:
    nlp = load_pipeline()
    networks = _networks(nlp)
    assert len(networks) == 2  # the shared one and the NER's own
    assert {n.layers[0].name for n in networks} == {REMEMBERED}
    assert use_remembered_embeddings(nlp) == 0  # already done


def test_parses_are_the_stock_ones_computed_and_remembered(stock: Any) -> None:
    texts = TRICKY + _demo_paragraphs()
    expected = _parses(stock, texts)
    nlp = _stock_model()
    assert use_remembered_embeddings(nlp) == 2
    table = _networks(nlp)[0].layers[0].attrs["remembered"]
    assert not table.slot
    assert _parses(nlp, texts) == expected  # computed, then remembered
    filled = len(table.slot)
    assert filled > 1000
    assert _parses(nlp, texts) == expected  # every token answered from the table
    assert len(table.slot) == filled


def test_a_full_table_still_gives_the_stock_parses(stock: Any) -> None:
    texts = TRICKY + _demo_paragraphs()[:40]
    nlp = _stock_model()
    use_remembered_embeddings(nlp, rows=50)
    assert _parses(nlp, texts) == _parses(stock, texts)
    assert {len(n.layers[0].attrs["remembered"].slot) for n in _networks(nlp)} == {50}


def test_empty_texts_and_training(stock: Any) -> None:
    nlp = _stock_model()
    use_remembered_embeddings(nlp)
    docs = list(nlp.pipe(["", "   ", "Vask left."]))
    assert [len(d) for d in docs] == [0, 1, 3]
    assert _attributes(docs[2]) == _attributes(stock("Vask left."))
    embed = _networks(nlp)[0].layers[0]
    with pytest.raises(ValueError, match="inference only"):
        embed(list(nlp.pipe(["Vask left."])), is_train=True)
