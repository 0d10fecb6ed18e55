"""newsbrief's tuned pipeline parses exactly as the model as shipped.

``load_pipeline`` runs the model's layers on NumPy's BLAS instead of BLIS, its attribute ruler
compiled (``fastruler``) and its rule lemmatizer remembering its answers (``fastlemma``); none
may change a parse (the comparisons with the stock model below include every lemma). The
compiled ruler sets exactly what spaCy's ``AttributeRuler`` sets, checked three ways: the
shipped model's own rules on the demo corpus and on words its special patterns name ("ain't",
"gonna", "y'all", whitespace tokens, "There is"), with every other attribute of the parse
compared too; hand-written rules of every supported kind (IN, NOT_IN, REGEX, two-token patterns
with an index, later rules winning) on random tagged docs, against spaCy's ruler with the same
rules; and a ruler with a pattern it cannot compile is left in place.
"""

from __future__ import annotations

import importlib
from typing import Any

import spacy
from demo_truth import DEMO_DIR
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc

from newsbrief.fastruler import FACTORY, FastAttributeRuler, use_fast_ruler
from newsbrief.model import Article
from newsbrief.nlp import MODEL_NAMES, _split_glued_quotes, load_pipeline

TRICKY = [
    "He ain't here, and they're gonna win, y'all. I gotta go. Let's see. C'mon! Nothin' doin'.",
    "There is a way.  There were  \n\n  many. I'd do it. She'd had it. It is what it is.",
    "Ol' 'em 'nuff somethin' goin' — you and I, I told you, and it told me.",
    "   ",
    "But but, that that is is. Those who do, do; if it will, it will.",
]


def _stock_model() -> Any:
    for name in MODEL_NAMES:
        try:
            return _split_glued_quotes(importlib.import_module(name).load())
        except ImportError:
            continue
    raise AssertionError("no English model installed")


def _attributes(doc: Doc) -> list[tuple[str, ...]]:
    return [
        (t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, str(t.head.i), t.ent_type_)
        for t in doc
    ]


def _demo_paragraphs() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(DEMO_DIR.rglob("*")) if p.is_file()]
    return [part for text in texts for part in text.split("\n\n") if part.strip()]


def test_pipeline_uses_the_compiled_ruler_and_the_remembering_lemmatizer() -> None:
    from newsbrief.fastlemma import FACTORY as LEMMATIZER

    names = load_pipeline().pipe_names
    assert FACTORY in names and "attribute_ruler" not in names
    assert LEMMATIZER in names and "lemmatizer" not in names
    assert names.index(FACTORY) < names.index(LEMMATIZER)


def test_fast_lemmatizer_replaces_only_a_rule_lemmatizer() -> None:
    from newsbrief.fastlemma import use_fast_lemmatizer

    assert not use_fast_lemmatizer(spacy.blank("en"))  # nothing to replace
    lookup = spacy.blank("en")
    lookup.add_pipe("lemmatizer", config={"mode": "lookup"})
    assert not use_fast_lemmatizer(lookup)
    assert lookup.pipe_names == ["lemmatizer"]


def test_layers_multiply_through_numpy_and_blas_threads_are_restored() -> None:
    from newsbrief.nlp import _blas, parse_articles

    nlp = load_pipeline()
    ops = {layer.ops.use_blis for layer in nlp.get_pipe("tok2vec").model.walk()}
    assert ops == {False}
    before = [lib["num_threads"] for lib in _blas().info()]
    article = Article(id="a", source="a.txt", title="T", paragraphs=["Vask said 2,000 left."])
    assert next(parse_articles([article])).docs[0].ents
    assert [lib["num_threads"] for lib in _blas().info()] == before


def test_model_rules_give_the_stock_attributes() -> None:
    texts = TRICKY + _demo_paragraphs()
    stock = _stock_model()
    assert "attribute_ruler" in stock.pipe_names
    fast = load_pipeline()
    for mine, reference in zip(fast.pipe(texts), stock.pipe(texts), strict=True):
        assert _attributes(mine) == _attributes(reference)


RULES: list[dict[str, Any]] = [
    {"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "NOUN", "MORPH": "Number=Sing"}},
    {"patterns": [[{"TAG": "NN", "LOWER": {"IN": ["one", "two"]}}]], "attrs": {"POS": "NUM"}},
    {"patterns": [[{"TAG": {"NOT_IN": ["NN", ""]}, "DEP": "aux"}]], "attrs": {"POS": "AUX"}},
    {"patterns": [[{"LOWER": {"REGEX": "^t[wh]o?$"}}]], "attrs": {"LEMMA": "two"}},
    {
        "patterns": [[{"DEP": "expl"}, {"LOWER": {"IN": ["is", "are"]}}]],
        "attrs": {"POS": "VERB"},
        "index": 1,
    },
    {
        "patterns": [[{"LOWER": "gon"}, {"LOWER": "na"}], [{"LOWER": "got"}, {"LOWER": "ta"}]],
        "attrs": {"LEMMA": "to"},
        "index": -1,
    },
    {"patterns": [[{"IS_SPACE": True}]], "attrs": {"TAG": "_SP", "POS": "SPACE"}},
    {"patterns": [[{"IS_SPACE": True, "DEP": {"NOT_IN": [""]}}]], "attrs": {"DEP": "dep"}},
    {"patterns": [[{"TAG": "VB"}]], "attrs": {"POS": "VERB", "LEMMA": "do"}},
    {"patterns": [[{"TAG": "VB", "LOWER": "is"}]], "attrs": {"LEMMA": "be"}},  # later wins
]
WORDS = ["one", "two", "to", "tho", "t", "is", "are", "gon", "na", "got", "ta", "x", " ", "\n"]
TAGS = ["NN", "VB", "DT", "", "EX"]
DEPS = ["", "aux", "expl", "nsubj", "ROOT"]


def _pair() -> tuple[Any, Any]:
    stock = spacy.blank("en")
    stock.add_pipe("attribute_ruler").add_patterns(RULES)
    fast = spacy.blank("en")
    fast.add_pipe("attribute_ruler").add_patterns(RULES)
    assert use_fast_ruler(fast)
    return stock, fast


STOCK, FAST = _pair()


@settings(max_examples=300)
@given(
    st.lists(
        st.tuples(st.sampled_from(WORDS), st.sampled_from(TAGS), st.sampled_from(DEPS)),
        min_size=1,
        max_size=12,
    )
)
def test_rules_of_every_kind_match_spacy(tokens: list[tuple[str, str, str]]) -> None:
    words = [w for w, _, _ in tokens]
    results = []
    for nlp in (STOCK, FAST):
        doc = Doc(nlp.vocab, words=words, tags=[t for _, t, _ in tokens])
        for token, (_, _, dep) in zip(doc, tokens, strict=True):
            token.dep_ = dep
        results.append(_attributes(nlp.get_pipe(nlp.pipe_names[0])(doc)))
    assert results[0] == results[1]


def test_uncompilable_ruler_is_kept() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("attribute_ruler").add_patterns(
        [{"patterns": [[{"LOWER": "so", "OP": "+"}]], "attrs": {"LEMMA": "so"}}]
    )
    assert not use_fast_ruler(nlp)
    assert nlp.pipe_names == ["attribute_ruler"]
    assert not use_fast_ruler(spacy.blank("en"))  # nothing to replace


def test_empty_doc_and_empty_ruler() -> None:
    nlp = spacy.blank("en")
    ruler = FastAttributeRuler(nlp.vocab)
    doc = nlp("")
    assert ruler(doc) is doc
    assert list(ruler.pipe([nlp("a b")]))[0].text == "a b"
