"""spaCy's rule lemmatizer with its answers remembered per (word, POS, morphology).

The stock lemmatizer makes a Python call per token, builds the token's morphology object and
looks its answer up in a cache (about 12% of the parse on PolNeAR). A rule lemma is a function
of the word, its coarse POS and its morphology only (the rules, the exceptions and the
base-form test read nothing else), so this component reads those three columns of the whole
Doc at once, answers every token it has seen the like of from one dictionary, asks the stock
lemmatizer only for new combinations, and writes the lemma column back in one call. The lemmas
are the stock ones (tested on PolNeAR paragraphs). Only the "rule" mode is replaced.

A new combination still costs the stock rule lemmatizer's call, which tests each candidate form
against the lemma index with ``form in index``, and the index holds lists (57,528 nouns): 0.13 ms
a call, 2.7 s of CPU over 300 PolNeAR texts, paid again by every worker process, whose cache
starts empty. ``load`` turns those lists into sets, which answer the same test.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import numpy as np
from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.language import Language
from spacy.tokens import Doc

FACTORY = "newsbrief_lemmatizer"


class FastLemmatizer:
    """Remembered rule lemmas; ``load`` hands it the pipeline's stock lemmatizer."""

    def __init__(self) -> None:
        self.stock: Any = None
        self.known: dict[tuple[int, int, int], int] = {}  # (orth, pos, morph) -> lemma hash

    def load(self, stock: Any) -> None:
        self.stock = stock
        self.known.clear()
        _index_as_sets(stock)

    def __call__(self, doc: Doc) -> Doc:
        """Set every token's lemma that is unset (or all of them, as the stock one would with
        ``overwrite``) and return ``doc``."""
        if len(doc) == 0:
            return doc
        stock, known, strings = self.stock, self.known, doc.vocab.strings
        overwrite = bool(stock.overwrite)
        table = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = table[:, 3].copy()
        for i, (orth, pos, morph, lemma) in enumerate(table.tolist()):
            if lemma and not overwrite:
                continue
            key = (orth, pos, morph)
            value = known.get(key)
            if value is None:
                value = known[key] = strings.add(stock.lemmatize(doc[i])[0])
            lemmas[i] = value
        column: Any = np.ascontiguousarray(lemmas.reshape(-1, 1), dtype=np.uint64)
        doc.from_array([LEMMA], column)
        return doc

    def pipe(self, docs: Iterable[Doc], *, batch_size: int = 128) -> Iterable[Doc]:
        """Apply to a stream of docs (``batch_size`` is accepted for ``nlp.pipe``)."""
        del batch_size
        for doc in docs:
            yield self(doc)


def _index_as_sets(stock: Any) -> None:
    """Turn the word lists of the stock lemmatizer's lemma index into sets, in place (the
    lemmatizer only tests membership in them)."""
    if not stock.lookups.has_table("lemma_index"):
        return
    table = stock.lookups.get_table("lemma_index")
    for key, words in list(table.items()):
        if not isinstance(words, frozenset):
            table[key] = frozenset(words)


@Language.factory(FACTORY, assigns=["token.lemma"], requires=["token.pos"])
def make_fast_lemmatizer(nlp: Language, name: str) -> FastLemmatizer:
    """An empty component; ``use_fast_lemmatizer`` loads it from the pipeline's lemmatizer."""
    del nlp, name
    return FastLemmatizer()


def use_fast_lemmatizer(nlp: Language, name: str = "lemmatizer") -> bool:
    """Replace the pipeline's rule lemmatizer, in place, by the remembering one; False (and the
    pipeline unchanged) when there is none or it is not in "rule" mode."""
    if name not in nlp.pipe_names:
        return False
    stock: Any = nlp.get_pipe(name)
    if getattr(stock, "mode", None) != "rule":
        return False
    fast: Any = nlp.add_pipe(FACTORY, after=name)
    fast.load(stock)
    nlp.remove_pipe(name)
    return True
