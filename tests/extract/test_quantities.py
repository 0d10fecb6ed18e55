"""Quantities: every number a sentence states, normalised; dates, ordinals and names are not."""

from __future__ import annotations

import pytest

from newsbrief.extract.quantities import extract_quantities, parse_number_words
from newsbrief.model import Article, Quantity
from newsbrief.nlp import parse_article


def quantities(text: str, *, title: str | None = None) -> list[Quantity]:
    article = Article(id="t", source="t", title=title, paragraphs=[text])
    return extract_quantities(parse_article(article))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nearly 4,000 people fled the valley.", [(4000, "~", "people")]),
        ("The fund holds 3.5 million books.", [(3_500_000, "=", "books")]),
        ("More than 3.5 million people voted.", [(3_500_000, ">", "people")]),
        ("Forty-two soldiers crossed the bridge.", [(42, "=", "soldiers")]),
        ("Two dozen homes stood empty.", [(24, "=", "homes")]),
        ("A hundred boats left the port.", [(100, "=", "boats")]),
        ("One million trees were planted.", [(1_000_000, "=", "trees")]),
        ("The city borrowed $2 million last spring.", [(2_000_000, "=", "dollar")]),
        ("The plan costs £1.2bn over a decade.", [(1_200_000_000, "=", "pound")]),
        ("The agency raised 3.5bn euros.", [(3_500_000_000, "=", "euro")]),
        ("The site counted 40k visitors.", [(40_000, "=", "visitors")]),
        ("Turnout reached 64.5% in the north.", [(64.5, "=", "percent")]),
        ("Prices climbed 3 per cent in May.", [(3, "up", "percent")]),
        ("Fewer than 300 workers stayed.", [(300, "<", "workers")]),
        ("The grant is worth up to €8 million.", [(8_000_000, "<", "euro")]),
        ("At least 12 boats sank.", [(12, ">", "boats")]),
        ("The convoy drove 120 kilometres.", [(120, "=", "kilometres")]),
        ("The engine makes 300kW of power.", [(300, "=", "kilowatt")]),
    ],
)
def test_values_changes_units(text: str, expected: list[tuple[float, str, str]]) -> None:
    found = [(q.value, q.change, q.unit) for q in quantities(text)]
    assert found == [(pytest.approx(v), c, u) for v, c, u in expected]


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("Between 2,000 and 3,000 people marched.", 2000, 3000),
        ("The repairs will take 2-3 million hours of labour.", 2_000_000, 3_000_000),
        ("Officials expect 2,000 to 3,000 visitors.", 2000, 3000),
        ("Fares rose from 15 to 22 dollars.", 15, 22),
        ("Thousands of people queued.", 1000, 10_000),
    ],
)
def test_ranges(text: str, low: float, high: float) -> None:
    (found,) = quantities(text)
    assert (found.low, found.high, found.value) == (low, high, low)


@pytest.mark.parametrize(
    "text",
    [
        "The summit opened on 3 March 2026.",
        "The law was passed in 2024.",
        "She finished third in the race.",
        "The 12th Brigade moved north.",
        "They drove along Route 66 at dawn.",
        "The COVID-19 rules ended.",
        "Leaders of the G7 met at 10.45pm.",
        "The talks resume at 5pm on March 9.",
        "Each one was checked, and no one complained.",
    ],
)
def test_not_quantities(text: str) -> None:
    assert quantities(text) == []


def test_offsets_point_at_the_number_and_title_is_paragraph_minus_one() -> None:
    article = Article(
        id="t",
        source="t",
        title="Storm leaves 300 without power",
        paragraphs=["Crews restored power to about 250 homes overnight."],
    )
    found = extract_quantities(parse_article(article))
    assert [(q.paragraph, q.value) for q in found] == [(-1, 300), (0, 250)]
    body = found[1]
    assert article.paragraphs[0][body.start : body.end] == body.text == "about 250"


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("forty-two", 42),
        ("two dozen", 24),
        ("a hundred", 100),
        ("three thousand and five", 3005),
        ("one million", 1_000_000),
        ("seven hundred thousand", 700_000),
        ("blue", None),
    ],
)
def test_parse_number_words(words: str, value: float | None) -> None:
    assert parse_number_words(words) == value


def test_concept_of_a_number_without_noun() -> None:
    (found,) = quantities("The death toll rose to 310.")
    assert found.value == 310
    assert found.concept == "death toll"
