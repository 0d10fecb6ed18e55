"""The pipeline's attribute ruler, applied through lookup tables instead of spaCy's ``Matcher``.

``en_core_web_sm``'s ``attribute_ruler`` maps each tag to its POS and morphology and patches a
few hundred words (pronoun lemmas, auxiliaries, "gonna"). spaCy runs it as a general ``Matcher``
and builds a ``Span`` per match, which costs about as much as the dependency parser itself on
news paragraphs. Every pattern it ships is a short fixed sequence of token tests on TAG, LOWER,
DEP and IS_SPACE (equality, IN, NOT_IN, REGEX), so what the rules set depends only on those four
values: ``FastAttributeRuler`` compiles the ruler's own patterns, decides each distinct token key
once and sets exactly what the ruler sets (later rules win, as in spaCy). A word no pattern
names is keyed as "another word", so the cache is bounded by the rules, not the vocabulary.
``use_fast_ruler`` leaves a ruler with any other kind of pattern as it is.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
from spacy.language import Language

if TYPE_CHECKING:
    from spacy.strings import StringStore
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

FACTORY = "newsbrief_attribute_ruler"
_ATTRS = ("TAG", "LOWER", "DEP", "IS_SPACE")
"""What a pattern may test, in the order of a token's key."""
_IDS: list[int | str] = [TAG, LOWER, DEP, IS_SPACE]
_LOWER = _ATTRS.index("LOWER")
OTHER_WORD = -1
"""The LOWER of a key for a word that no pattern names and no pattern's regex matches."""

Key = tuple[int, ...]
"""A token's (TAG, LOWER, DEP, IS_SPACE): string ids (LOWER possibly ``OTHER_WORD``), a flag."""
Test = Callable[[Key], bool]
Effects = tuple[tuple[int, int], ...]
"""Attribute assignments (attribute id, value id), at most one per attribute."""


class UnsupportedPattern(ValueError):
    """A ruler pattern outside what the compiled ruler handles."""


@dataclass(frozen=True)
class _Rule:
    """One ruler entry: its rank (later wins), alternative token sequences, the position of the
    token it sets inside a match, and what it sets."""

    rank: int
    sequences: tuple[tuple[Test, ...], ...]
    index: int
    attrs: Effects

    def matches_alone(self, key: Key) -> bool:
        return any(len(seq) == 1 and seq[0](key) for seq in self.sequences)


class _Compiler:
    """Turns the ruler's patterns into tests on keys, collecting the words they name."""

    def __init__(self, strings: StringStore) -> None:
        self.strings = strings
        self.words: set[int] = set()  # LOWER values named by equality, IN or NOT_IN
        self.regexes: list[re.Pattern[str]] = []  # REGEX tests on LOWER

    def string_id(self, value: Any) -> int:
        if isinstance(value, bool):
            return int(value)
        if isinstance(value, str):
            return int(self.strings.add(value)) if value else 0
        if isinstance(value, int):
            return value
        raise UnsupportedPattern(f"value {value!r}")

    def value_test(self, slot: int, value: Any) -> Test:
        """One attribute test, decided as spaCy's Matcher decides it."""
        if not isinstance(value, dict):
            wanted = self.string_id(value)
            if slot == _LOWER:
                self.words.add(wanted)
            return lambda key: key[slot] == wanted
        if len(value) != 1:
            raise UnsupportedPattern(f"more than one operator in {value!r}")
        ((op, arg),) = value.items()
        if op in ("IN", "NOT_IN"):
            ids = frozenset(self.string_id(v) for v in arg)
            if slot == _LOWER:
                self.words |= ids
            if op == "IN":
                return lambda key: key[slot] in ids
            return lambda key: key[slot] not in ids
        if op == "REGEX" and slot == _LOWER:
            regex = re.compile(arg)
            self.regexes.append(regex)
            strings = self.strings
            return lambda key: (
                key[slot] != OTHER_WORD and regex.search(strings[key[slot]]) is not None
            )
        raise UnsupportedPattern(f"operator {op!r} on {_ATTRS[slot]}")

    def token_test(self, spec: Mapping[str, Any]) -> Test:
        tests: list[Test] = []
        for name, value in spec.items():
            if name.upper() not in _ATTRS:
                raise UnsupportedPattern(f"token attribute {name!r}")
            tests.append(self.value_test(_ATTRS.index(name.upper()), value))
        return lambda key: all(test(key) for test in tests)

    def rule(self, rank: int, entry: Mapping[str, Any], attrs: Mapping[Any, Any]) -> _Rule:
        sequences = tuple(
            tuple(self.token_test(spec) for spec in pattern) for pattern in entry["patterns"]
        )
        lengths = {len(seq) for seq in sequences}
        index = int(entry.get("index", 0))
        if not sequences or 0 in lengths or (index < 0 and len(lengths) > 1):
            raise UnsupportedPattern("empty pattern, or a negative index over several lengths")
        if any(not -n <= index < n for n in lengths):
            raise UnsupportedPattern(f"index {index} outside a pattern")
        if not all(isinstance(a, int) and isinstance(v, int) for a, v in attrs.items()):
            raise UnsupportedPattern("extension attributes")
        return _Rule(rank, sequences, index % min(lengths), tuple(attrs.items()))


class FastAttributeRuler:
    """Sets what the compiled ``AttributeRuler`` sets, deciding each distinct token key once."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab
        self.rules: tuple[_Rule, ...] = ()
        self.columns: list[int | str] = []
        self._words: frozenset[int] = frozenset()
        self._regexes: tuple[re.Pattern[str], ...] = ()
        self._lower: dict[int, int] = {}
        self._effects: dict[Key, Effects] = {}
        self._starts: dict[Key, tuple[tuple[_Rule, tuple[Test, ...]], ...]] = {}

    def load(self, ruler: Any) -> FastAttributeRuler:
        """Compile an ``AttributeRuler``'s patterns (raises ``UnsupportedPattern``)."""
        compiler = _Compiler(ruler.vocab.strings)
        self.rules = tuple(
            compiler.rule(rank, entry, attrs)
            for rank, (entry, attrs) in enumerate(zip(ruler.patterns, ruler.attrs, strict=True))
        )
        self.columns = sorted({a for rule in self.rules for a, _ in rule.attrs})
        self._words = frozenset(compiler.words)
        self._regexes = tuple(compiler.regexes)
        self._lower.clear()
        self._effects.clear()
        self._starts.clear()
        return self

    def _word(self, lower: int) -> int:
        """The LOWER slot of a key: the word itself if a pattern may care, else OTHER_WORD."""
        found = self._lower.get(lower)
        if found is None:
            named = lower in self._words or any(
                r.search(self.vocab.strings[lower]) for r in self._regexes
            )
            found = self._lower[lower] = lower if named else OTHER_WORD
        return found

    def _alone(self, key: Key) -> Effects:
        """What the one-token sequences set on a token with this key, in rule order."""
        found = self._effects.get(key)
        if found is None:
            found = self._effects[key] = _merged(
                a for rule in self.rules if rule.matches_alone(key) for a in rule.attrs
            )
        return found

    def _starting(self, key: Key) -> tuple[tuple[_Rule, tuple[Test, ...]], ...]:
        """The longer sequences whose first token test a token with this key passes."""
        found = self._starts.get(key)
        if found is None:
            found = self._starts[key] = tuple(
                (rule, seq)
                for rule in self.rules
                for seq in rule.sequences
                if len(seq) > 1 and seq[0](key)
            )
        return found

    def _keys(self, doc: Doc) -> list[Key]:
        word = self._word
        return [(t, word(w), d, s) for t, w, d, s in doc.to_array(_IDS).tolist()]

    def __call__(self, doc: Doc) -> Doc:
        """Set the ruler's attributes on ``doc`` (in place) and return it."""
        n = len(doc)
        if n == 0 or not self.columns:
            return doc
        keys = self._keys(doc)
        longer: dict[int, list[tuple[int, Effects]]] = {}
        for i, key in enumerate(keys):
            for rule, seq in self._starting(key):
                if i + len(seq) <= n and all(t(keys[i + k]) for k, t in enumerate(seq) if k):
                    longer.setdefault(i + rule.index, []).append((rule.rank, rule.attrs))
        table: Any = doc.to_array(self.columns)
        column: dict[int | str, int] = {a: c for c, a in enumerate(self.columns)}
        for i, key in enumerate(keys):
            effects = self._alone(key) if i not in longer else self._mixed(key, longer[i])
            for attr, value in effects:
                table[i, column[attr]] = value
        doc.from_array(self.columns, table)
        return doc

    def _mixed(self, key: Key, longer: list[tuple[int, Effects]]) -> Effects:
        """Effects on a token that a longer sequence targets too, all applied in rule order."""
        ranked = [*longer, *((r.rank, r.attrs) for r in self.rules if r.matches_alone(key))]
        ranked.sort(key=lambda r: r[0])
        return _merged(a for _, attrs in ranked for a in attrs)

    def pipe(self, docs: Iterable[Doc], *, batch_size: int = 128) -> Iterable[Doc]:
        """Apply to a stream of docs (``batch_size`` is accepted for ``nlp.pipe``)."""
        del batch_size
        for doc in docs:
            yield self(doc)


def _merged(effects: Iterable[tuple[int, int]]) -> Effects:
    """Assignments applied in order: the last one per attribute."""
    final: dict[int, int] = {}
    for attr, value in effects:
        final[attr] = value
    return tuple(final.items())


@Language.factory(
    FACTORY,
    assigns=["token.pos", "token.tag", "token.morph", "token.lemma"],
    requires=["token.tag", "token.dep"],
)
def make_fast_attribute_ruler(nlp: Language, name: str) -> FastAttributeRuler:
    """An empty ruler; ``use_fast_ruler`` loads it from the pipeline's ``attribute_ruler``."""
    del name
    return FastAttributeRuler(nlp.vocab)


def use_fast_ruler(nlp: Language, name: str = "attribute_ruler") -> bool:
    """Replace the pipeline's attribute ruler, in place, by its compiled twin; False (and the
    pipeline unchanged) when there is none or one of its patterns cannot be compiled."""
    if name not in nlp.pipe_names:
        return False
    fast: Any = nlp.add_pipe(FACTORY, after=name)
    try:
        fast.load(nlp.get_pipe(name))
    except UnsupportedPattern:
        nlp.remove_pipe(FACTORY)
        return False
    nlp.remove_pipe(name)
    return True
