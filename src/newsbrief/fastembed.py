"""The spaCy model's token embeddings remembered per distinct token.

Each of the model's two token-to-vector networks (the one the tagger and parser share, and
the NER's own) starts by embedding every token from its own attributes alone: hashed
embeddings of its norm, prefix, suffix and shape (and, in the shared one, whether a space
follows), mixed by a maxout layer and normalised. That is a function of the token's row of
attributes, nothing around it, and it is a quarter to a third of each network's matrix work
(the mixing layer reads 576 or 384 numbers per token, each of the four context layers 288). News
repeats its words, so ``RememberedEmbed`` computes each distinct row once per process and
keeps the result (up to ``rows`` of them; later new rows are computed batch by batch, each
distinct row once); the layers that read the context run as before.

The parses are the stock ones: same tags, lemmas, arcs and entities (tested on the demo
corpus, twice over so the second pass is answered from the table, and on PolNeAR's 225,438
tokens). Parse CPU of 300 PolNeAR texts, the table starting empty, three alternating runs:
10.2-11.2 s before, 9.2-9.3 s after (``bench/parse_profile.py``, warm: 9.59 s -> 7.58 s).
Over all 924 texts the rows of 4.4% of the tokens were computed.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
from spacy.language import Language
from thinc.api import Model

EMBED_ROWS = 1 << 15
"""Distinct tokens remembered per network: 12.6 MB each at the small model's width of 96
(32,768 rows hold the common vocabulary of news; a rarer token is computed when met)."""


REMEMBERED = "newsbrief_embed"


class RememberedEmbed:
    """The embedding layers of one network (``extract_features >> ... >> ragged2list``), with
    each distinct attribute row's output kept in a table of ``rows`` rows."""

    def __init__(self, embed: Model, rows: int = EMBED_ROWS) -> None:
        self.extract = embed.layers[0]
        self.rest: Sequence[Model] = embed.layers[1:]
        self.rows = rows
        self.slot: dict[bytes, int] = {}
        self.table: np.ndarray | None = None
        self.lock = threading.Lock()  # a service may parse from several threads

    def _compute(self, features: list[np.ndarray]) -> list[np.ndarray]:
        """The embeddings of each array of attribute rows, as the stock layers make them."""
        out: Any = features
        for layer in self.rest:
            out = layer.predict(out)
        return [np.asarray(x) for x in out]

    def __call__(self, docs: list[Any]) -> list[np.ndarray]:
        features = [np.asarray(f) for f in self.extract.predict(docs)]
        lengths = [len(f) for f in features]
        if not sum(lengths):
            return self._compute(features)
        rows = np.ascontiguousarray(np.concatenate(features, axis=0))
        keyed = rows.view(np.dtype((np.void, rows.dtype.itemsize * rows.shape[1]))).ravel()
        distinct, first, inverse = np.unique(keyed, return_index=True, return_inverse=True)
        keys = [k.tobytes() for k in distinct]
        with self.lock:
            slots = np.fromiter((self.slot.get(k, -1) for k in keys), np.int64, len(keys))
            missing = np.flatnonzero(slots < 0)
            if len(missing):
                computed = self._compute([rows[first[missing]]])[0]
                out = np.empty((len(keys), computed.shape[1]), dtype=computed.dtype)
                out[missing] = computed
                self._remember([keys[i] for i in missing], computed)
            else:
                assert self.table is not None
                out = np.empty((len(keys), self.table.shape[1]), dtype=self.table.dtype)
            known = slots >= 0
            if known.any():
                assert self.table is not None
                out[known] = self.table[slots[known]]
        return np.split(out[inverse.ravel()], np.cumsum(lengths)[:-1])

    def _remember(self, keys: list[bytes], computed: np.ndarray) -> None:
        if self.table is None:
            self.table = np.zeros((self.rows, computed.shape[1]), dtype=computed.dtype)
        free = self.rows - len(self.slot)
        for j, key in enumerate(keys[: max(free, 0)]):
            n = len(self.slot)
            self.table[n] = computed[j]
            self.slot[key] = n


def _remembered(embed: Model, rows: int) -> Model:
    remembered = RememberedEmbed(embed, rows)

    def forward(model: Model, docs: list[Any], is_train: bool) -> tuple[Any, Callable]:
        if is_train:
            raise ValueError("newsbrief's remembered embeddings are for inference only")
        return remembered(docs), _no_backprop

    return Model(
        REMEMBERED, forward, layers=[embed], attrs={"remembered": remembered}, ops=embed.ops
    )


def _no_backprop(d_out: Any) -> Any:
    raise ValueError("newsbrief's remembered embeddings are for inference only")


def _networks(nlp: Language) -> list[Model]:
    """The token-to-vector networks of the pipeline (``extract_features >> ...`` first)."""
    found: list[Model] = []
    for _, pipe in nlp.pipeline:
        model = getattr(pipe, "model", None)
        if not isinstance(model, Model):
            continue
        for node in model.walk():
            if node.layers and node.name != REMEMBERED and _is_embed(node.layers[0]):
                found.append(node)
    return found


def _is_embed(model: Model) -> bool:
    """The embedding layers of a network, stock or remembered."""
    return model.name == REMEMBERED or (
        bool(model.layers) and model.layers[0].name == "extract_features"
    )


def use_remembered_embeddings(nlp: Language, rows: int = EMBED_ROWS) -> int:
    """Give each token-to-vector network of ``nlp`` remembered embeddings, in place; the
    number of networks changed (0 when the model is built otherwise, or already has them)."""
    changed = 0
    for network in _networks(nlp):
        embed = network.layers[0]
        if embed.name != REMEMBERED:
            network.layers[0] = _remembered(embed, rows)
            changed += 1
    return changed
