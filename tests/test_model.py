"""The data model: the contract's field names, JSON round-trips, schema validity, immutability."""

from __future__ import annotations

import json

import jsonschema
import pytest
from pydantic import ValidationError

from newsbrief.model import (
    Article,
    Claim,
    Figure,
    FigureClaim,
    InputError,
    Quantity,
    Quote,
    Result,
    Story,
    SummarySentence,
    json_schema,
)

ARTICLE_FIELDS = {
    "id", "source", "outlet", "title", "published", "paragraphs", "removed", "duplicate_of",
    "quotes", "quantities", "claims", "entities",
}  # fmt: skip
STORY_FIELDS = {
    "id", "title", "articles", "events", "summary", "quotes", "figures", "coverage", "timeline",
}  # fmt: skip


def _result() -> Result:
    article = Article(
        id="a1",
        source="in/a.txt",
        paragraphs=["Officials said 40 people died."],
        quotes=[
            Quote(
                text="We are counting",
                speaker="Ada Mole",
                speaker_mention="she",
                cue="said",
                kind="direct",
                paragraph=0,
                start=0,
                end=15,
            )
        ],
        quantities=[Quantity(text="40", value=40, unit="people", paragraph=0, start=15, end=17)],
        claims=[
            Claim(
                value=40,
                qualifier="=",
                measure="people killed",
                claimant="Officials",
                as_of=None,
                paragraph=0,
                sentence="Officials said 40 people died.",
            )
        ],
    )
    story = Story(
        id="s1",
        title="Floods",
        articles=["a1"],
        summary=[SummarySentence(text="Officials said 40 people died.", sources=["a1"])],
        figures=[
            Figure(
                measure="people killed",
                status="single",
                claims=[
                    FigureClaim(
                        value=40, qualifier="=", claimant="Officials", as_of=None, sources=["a1"]
                    )
                ],
            )
        ],
    )
    return Result(
        articles=[article], stories=[story], errors=[InputError(source="x", error="[E101] gone")]
    )


def test_contract_field_names_are_present() -> None:
    doc = json.loads(_result().to_json())
    assert doc["schema"] == "newsbrief/1"
    assert set(doc) == {"schema", "articles", "stories", "errors"}
    assert ARTICLE_FIELDS <= set(doc["articles"][0])
    assert STORY_FIELDS <= set(doc["stories"][0])
    assert set(doc["errors"][0]) == {"source", "error"}


def test_json_round_trip_and_schema_validity() -> None:
    result = _result()
    doc = json.loads(result.to_json())
    jsonschema.validate(doc, json_schema())
    assert Result.model_validate(doc) == result


def test_schema_rejects_a_document_missing_a_required_field() -> None:
    doc = json.loads(_result().to_json())
    del doc["articles"][0]["id"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(doc, json_schema())


def test_records_are_frozen() -> None:
    article = _result().articles[0]
    with pytest.raises(ValidationError):
        article.title = "changed"  # type: ignore[misc]


def test_sentence_texts_slice_paragraphs() -> None:
    from newsbrief.model import SentenceSpan

    article = Article(
        id="a",
        source="s",
        paragraphs=["One two. Three four."],
        sentences=[
            SentenceSpan(paragraph=0, start=0, end=8),
            SentenceSpan(paragraph=0, start=9, end=20),
        ],
    )
    assert [t for _, t in article.sentence_texts()] == ["One two.", "Three four."]


def test_records_share_field_sets_without_leaking_changes() -> None:
    """Records given the same fields share one "fields set" (memory); copying with an update,
    pickling and dumping with ``exclude_unset`` still see each record's own fields."""
    import pickle

    from newsbrief.model import Quantity, SentenceSpan

    a = SentenceSpan(paragraph=0, start=0, end=10)
    b = SentenceSpan(paragraph=1, start=4, end=9)
    assert a.__pydantic_fields_set__ is b.__pydantic_fields_set__
    bare = Quantity(text="40", value=40.0, paragraph=0, start=0, end=2)
    ranged = Quantity(text="40-50", value=45.0, low=40.0, high=50.0, paragraph=0, start=0, end=5)
    assert "low" not in bare.model_fields_set and "low" in ranged.model_fields_set
    assert bare.model_dump(exclude_unset=True).keys() == {
        "text",
        "value",
        "paragraph",
        "start",
        "end",
    }

    widened = bare.model_copy(update={"low": 30.0})
    assert "low" in widened.model_fields_set
    again = Quantity(text="7", value=7.0, paragraph=2, start=1, end=2)
    assert "low" not in bare.model_fields_set and "low" not in again.model_fields_set
    assert again.model_dump(exclude_unset=True).keys() == bare.model_dump(exclude_unset=True).keys()

    back = pickle.loads(pickle.dumps([a, b]))
    assert back == [a, b]
    assert back[0].__pydantic_fields_set__ is back[1].__pydantic_fields_set__
