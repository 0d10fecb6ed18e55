"""Entities: NER groups with canonical names (titles, possessives, surnames, acronyms)."""

from __future__ import annotations

import pytest

from newsbrief.extract.entities import (
    NameResolver,
    acronyms,
    clean_name,
    extract_entities,
)
from newsbrief.model import Article
from newsbrief.nlp import parse_article


@pytest.mark.parametrize(
    ("text", "label", "expected"),
    [
        ("President Lena Vask", "PERSON", "Lena Vask"),
        ("Dr. Omar Reyes", "PERSON", "Omar Reyes"),
        ("Interior Minister Lena Vask", "PERSON", "Lena Vask"),
        ("Gen. Tomas  Adler", "PERSON", "Tomas Adler"),
        ("Vask’s", "PERSON", "Vask"),
        ("Vask's", "PERSON", "Vask"),
        ("the Harbour Authority", "ORG", "Harbour Authority"),
        ("the Harbour Authority (HA", "ORG", "Harbour Authority"),
        ("General Motors", "ORG", "General Motors"),
        ("Minister", "PERSON", ""),
        # a title-case headline the tagger took for one name: cut at its verb, or dropped
        ("Obama Claims Hillary Most Qualified Presidential Candidate Ever", "PERSON", "Obama"),
        ("Lena Vask Warns", "PERSON", "Lena Vask"),
        ("Harbour Board Chair Faces Tough Questions Over Late Report", "PERSON", ""),
        ("Martin Luther King Jr.", "PERSON", "Martin Luther King Jr"),
        # a place's abbreviated first word spelled out, whatever label the tagger gave it
        ("Mt Kessel", "ORG", "Mount Kessel"),
        ("Mt. Kessel", "LOC", "Mount Kessel"),
        ("Ft. Arden", "GPE", "Fort Arden"),
        ("Mt", "LOC", "Mt"),
        # an interview's "Q" scraped onto the question's first word is not part of the name
        ("QIf Lena Vask", "PERSON", "Lena Vask"),
        ("AWhen Omar Reyes", "PERSON", "Omar Reyes"),
        ("QAnon Vask", "PERSON", "QAnon Vask"),
    ],
)
def test_clean_name(text: str, label: str, expected: str) -> None:
    assert clean_name(text, label) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the Harbour Authority (HA) said", {"HA": "Harbour Authority"}),
        ("the Bank of Eastmarch (BE) rose", {"BE": "Bank of Eastmarch"}),
        ("the Dunmore Fishing Cooperative (DFC) met", {"DFC": "Dunmore Fishing Cooperative"}),
        ("a new plan (NP) for fishing", {}),
        ("the harbour (HA) is old", {}),
    ],
)
def test_acronyms(text: str, expected: dict[str, str]) -> None:
    assert acronyms([text]) == expected


@pytest.mark.parametrize(
    ("mention", "expected"),
    [
        ("Vask", "Lena Vask"),
        ("Ms. Vask", "Lena Vask"),
        ("Reyes", "Reyes"),  # two full names share it: bail out
        ("Omar Reyes’s", "Omar Reyes"),
        ("HA", "Harbour Authority"),
        ("Adler", "Adler"),  # no full name: kept
    ],
)
def test_resolver(mention: str, expected: str) -> None:
    resolver = NameResolver(
        [("Lena Vask", "PERSON"), ("Omar Reyes", "PERSON"), ("Tomas Reyes", "PERSON")],
        {"HA": "Harbour Authority"},
    )
    assert resolver.canonical(mention) == expected


def test_extract_entities_groups_and_maps_surnames() -> None:
    article = Article(
        id="a",
        source="a",
        title="Harbour plan stalls",
        paragraphs=[
            "Interior Minister Lena Vask visited the port of Dunmore on Tuesday with the "
            "Harbour Authority (HA).",
            "On Wednesday, Ms. Vask met fishermen from Dunmore. The HA said repairs would take "
            "a year.",
            "Speaking in Dunmore, Vask said the plan was late.",
        ],
    )
    entities = extract_entities(parse_article(article))
    by_text = {(e.text, e.label): e for e in entities}
    assert by_text[("Lena Vask", "PERSON")].canonical == "Lena Vask"
    assert by_text[("Vask", "PERSON")].canonical == "Lena Vask"
    assert by_text[("Vask", "PERSON")].count == 2
    assert sum(e.count for e in entities if e.text == "Dunmore") == 3
    assert all(e.label not in {"DATE", "CARDINAL"} for e in entities)
    ha = [e for e in entities if e.text == "HA"]
    assert ha and ha[0].canonical == "Harbour Authority"


def test_a_headline_verb_the_tagger_took_into_a_name_is_dropped() -> None:
    from newsbrief.extract.entities import clean_name

    assert clean_name("Vask Says", "PERSON") == "Vask"
    assert clean_name("Lena Vask Warns", "PERSON") == "Lena Vask"
    assert clean_name("Says", "PERSON") == "Says"  # nothing left to keep: left alone
    assert clean_name("Tells Group", "ORG") == "Tells Group"  # only people's names


def test_a_surname_tagged_org_at_first_and_person_later_is_a_person() -> None:
    """spaCy tags a lone surname ORG as often as PERSON; when the article also has a full
    name ending in it, the surname is the person (its first mention no longer decides)."""
    resolver = NameResolver(
        [("Hadek", "ORG"), ("Peter Hadek", "PERSON"), ("Hadek", "PERSON"), ("Orn", "ORG")],
        aliases={},
    )
    assert resolver.label("Hadek") == "PERSON"
    assert resolver.label("Orn") == "ORG"  # never tagged a person
    rebuilt = resolver.with_speakers(["Vask"])
    assert rebuilt.label("Hadek") == "PERSON"


@pytest.mark.parametrize(
    ("mention", "name"),
    [
        ('Juan "Chico" Manriquez of', 'Juan "Chico" Manriquez'),  # "… of | Oakland" cut
        ("Lena Vask and", "Lena Vask"),
        ("Duke of Kerrow", "Duke of Kerrow"),  # inside a name it stays
        ("Ivo Holt's", "Ivo Holt"),
    ],
)
def test_a_mention_ends_with_no_preposition(mention: str, name: str) -> None:
    from newsbrief.extract.entities import normalise_mention

    assert normalise_mention(mention) == name
