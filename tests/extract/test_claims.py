"""Claims: which quantities are figures about the story, their measure, claimant and date."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from newsbrief.extract.claims import (
    ATTRIBUTION_VERBS,
    MONEY_NOUNS,
    OUTCOMES,
    PEOPLE_NOUNS,
    canonical_name,
    extract_claims,
)
from newsbrief.extract.dates import extract_dates
from newsbrief.extract.quantities import extract_quantities
from newsbrief.model import Article, Claim, Entity, Quote
from newsbrief.nlp import parse_article

PUBLISHED = "2026-03-05"
OUTLET = "The Example Post"


def claims(
    *paragraphs: str, quotes: Sequence[Quote] = (), entities: Sequence[Entity] = ()
) -> list[Claim]:
    article = Article(
        id="t", source="t", outlet=OUTLET, published=PUBLISHED, paragraphs=list(paragraphs)
    )
    parsed = parse_article(article)
    return extract_claims(
        parsed,
        quantities=extract_quantities(parsed),
        quotes=quotes,
        entities=entities,
        dates=extract_dates(parsed),
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The defence ministry said 120 soldiers were killed.",
            (120, "=", "soldiers killed", "defence ministry", PUBLISHED),
        ),
        (
            "The rebels claimed 2,000 soldiers died.",
            (2000, "=", "soldiers killed", "rebels", PUBLISHED),
        ),
        (
            "The death toll rose to 310, the agency said on Tuesday.",
            (310, "=", "people killed", "agency", "2026-03-03"),
        ),
        (
            "At least 40 people were injured, according to the Red Cross.",
            (40, ">", "people injured", "Red Cross", PUBLISHED),
        ),
        (
            "Nearly 4,000 homes were destroyed in the floods.",
            (4000, "~", "homes destroyed", OUTLET, PUBLISHED),
        ),
        (
            "Police arrested 45 protesters on Saturday.",
            (45, "=", "protesters arrested", OUTLET, "2026-02-28"),
        ),
        ("The storm left 300 people homeless.", (300, "=", "people homeless", OUTLET, PUBLISHED)),
        (
            "More than 3,500 volunteers joined the search.",
            (3500, ">", "volunteers", OUTLET, PUBLISHED),
        ),
        (
            "The government pledged $2 million in aid.",
            (2_000_000, "=", "aid (dollar)", OUTLET, PUBLISHED),
        ),
        ("The party won 52% of the vote.", (52, "=", "percent vote", OUTLET, PUBLISHED)),
        (
            "As of 1 March, 80 people were missing.",
            (80, "=", "people missing", OUTLET, "2026-03-01"),
        ),
        ("Rescuers have recovered 75 bodies.", (75, "=", "people killed", OUTLET, PUBLISHED)),
    ],
)
def test_claims(text: str, expected: tuple[float, str, str, str, str]) -> None:
    (claim,) = claims(text)
    assert (claim.value, claim.qualifier, claim.measure, claim.claimant, claim.as_of) == expected
    assert claim.sentence == text
    assert claim.text in text


@pytest.mark.parametrize(
    "text",
    [
        "The 54-year-old driver was killed.",
        "The convoy travelled 300 kilometres before the attack.",
        "The siege lasted three weeks.",
        "The article has 120 comments.",
        "Shares in the insurer fell 3% after the floods.",
        "The 12th Brigade lost ground near Route 66.",
        "About 40% of the town's water comes from the river.",
        "The company sold 2,000 cars last year.",
        "Smith, 54, was injured.",
    ],
)
def test_not_claims(text: str) -> None:
    assert claims(text) == []


def test_conflicting_claimants_share_a_measure() -> None:
    first, second = claims(
        "The defence ministry said 120 soldiers were killed.",
        "The rebels claimed 2,000 soldiers died.",
    )
    assert first.measure == second.measure == "soldiers killed"
    assert (first.claimant, first.value) == ("defence ministry", 120)
    assert (second.claimant, second.value) == ("rebels", 2000)
    assert (first.paragraph, second.paragraph) == (0, 1)


def test_quote_speaker_is_the_claimant() -> None:
    text = "\u201cWe have counted 75 bodies so far,\u201d said Mayor Ana Ruiz."
    quote = Quote(
        text="We have counted 75 bodies so far,",
        speaker="Ana Ruiz",
        speaker_mention="Mayor Ana Ruiz",
        cue="said",
        kind="direct",
        paragraph=0,
        start=1,
        end=34,
    )
    (claim,) = claims(text, quotes=[quote])
    assert claim.claimant == "Ana Ruiz"


def test_claimant_resolves_to_entity_canonical_name() -> None:
    entities = [Entity(text="Ruiz", label="PERSON", canonical="Ana Ruiz")]
    (claim,) = claims("Ruiz said 75 people were rescued.", entities=entities)
    assert (claim.measure, claim.claimant) == ("people rescued", "Ana Ruiz")


def test_pronoun_source_is_not_guessed() -> None:
    (claim,) = claims("She said 80 people were missing.")
    assert claim.claimant is None


def test_vocabularies_cover_the_outcomes_we_promise() -> None:
    assert {OUTCOMES[w] for w in ("kill", "die", "dead", "death")} == {"killed"}
    assert {OUTCOMES[w] for w in ("wound", "injure", "hurt")} == {"injured"}
    assert {"soldier", "civilian", "volunteer"} <= PEOPLE_NOUNS
    assert {"aid", "fine", "damages"} <= MONEY_NOUNS
    assert {"say", "confirm", "acknowledge", "report"} <= ATTRIBUTION_VERBS
    assert canonical_name("the ministry", []) == "the ministry"
