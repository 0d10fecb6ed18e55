"""Parsing articles together (their paragraphs sharing ``nlp.pipe`` batches) gives each article
exactly the parse it gets alone, and keeps every paragraph with its own article."""

from __future__ import annotations

from newsbrief.model import Article
from newsbrief.nlp import ParsedArticle, parse_articles

ARTICLES = [
    Article(
        id="a",
        source="a.txt",
        title="Varnia reopens the Tarrow bridge",
        paragraphs=[
            "Varnia reopened the Tarrow bridge on Monday, the transport ministry said.",
            "“It is safe again,” said Lena Vask, the minister. About 4,000 cars crossed it.",
        ],
    ),
    Article(id="b", source="b.txt", title=None, paragraphs=["Port Elin was quiet."]),
    Article(
        id="c",
        source="c.txt",
        title="Kaldoria disputes toll",
        paragraphs=["Kaldoria's General Staff claimed 2,000 soldiers were killed."] * 3,
    ),
]


def _signature(parsed: ParsedArticle) -> list[list[tuple[str, str, str, int, str, str, bool]]]:
    docs = [parsed.title_doc, *parsed.docs] if parsed.title_doc is not None else parsed.docs
    return [
        [(t.text, t.tag_, t.dep_, t.head.i, t.lemma_, t.ent_type_, t.is_sent_start) for t in doc]
        for doc in docs
    ]


def test_batched_parse_equals_parse_alone() -> None:
    together = list(parse_articles(ARTICLES, batch_size=4))
    alone = [next(parse_articles([a])) for a in ARTICLES]
    assert [p.article.id for p in together] == ["a", "b", "c"]
    assert [len(p.docs) for p in together] == [2, 1, 3]
    assert together[1].title_doc is None
    for mine, reference in zip(together, alone, strict=True):
        assert [d.text for d in mine.docs] == mine.article.paragraphs
        assert _signature(mine) == _signature(reference)
        assert mine.article.sentences == reference.article.sentences


def test_an_opening_mark_left_at_a_sentence_end_starts_the_next_sentence() -> None:
    """'… said on Thursday. ''That …''': the doubled apostrophes open the next quote, so the
    first sentence ends at 'Thursday.' (a timeline entry had ended in a stray '')."""
    from newsbrief.model import Article
    from newsbrief.nlp import parse_article

    text = (
        "''The ferry program is at risk,'' the harbour master, Lena Vask, said on Thursday. "
        "''It needs a very close look.''"
    )
    parsed = parse_article(Article(id="t", source="t", paragraphs=[text]))
    assert [text[s.start : s.end] for s in parsed.article.sentences] == [
        "''The ferry program is at risk,'' the harbour master, Lena Vask, said on Thursday.",
        "''It needs a very close look.''",
    ]
