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
            (40, ">=", "people injured", "Red Cross", PUBLISHED),
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


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (
            "Around that time, 47 percent said they would vote for Marsh, however this time "
            "around that number has dropped slightly to 35 percent.",
            47,
        ),
        (
            "A Calder University poll released in late August found that 74 percent of likely "
            "voters said Ms. Marsh should release her tax returns.",
            74,
        ),
        ("Those polled gave Marsh 44 percent of the vote.", 44),
    ],
)
def test_a_share_of_respondents_is_not_a_claimant(text: str, value: float) -> None:
    """ "47 percent said ...": the respondents are what a poll counts, not who claims the
    figure; with nobody else named, the outlet reports it."""
    found = {c.value: c.claimant for c in claims(text)}
    assert found[value] == OUTLET


def test_a_counted_group_of_sources_stays_a_claimant() -> None:
    (claim,) = claims("Two officials said 120 soldiers were killed.")
    assert claim.claimant == "Two officials"


@pytest.mark.parametrize(
    "text",
    [
        "Two voters said they had paid $500 in fees to the county.",  # what the poll counts
        "Their smiles said that 7 family members had come home.",  # a thing that says nothing
        "The romantic notion claims that 300 people died in the floods.",
        "A key swing state reported that 12,000 voters were purged.",
    ],
)
def test_a_subject_that_cannot_claim_is_no_claimant(text: str) -> None:
    """A count of people and things that cannot assert are no claimants: the figure is the
    outlet's (unattributed), not theirs."""
    (claim,) = claims(text)
    assert claim.claimant in (None, OUTLET)


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


# ---------------------------------------------------------------- subjects (whose people)


def _one(*paragraphs: str, value: float) -> Claim:
    found = [c for c in claims(*paragraphs) if c.value == value]
    assert len(found) == 1, [(c.value, c.measure) for c in claims(*paragraphs)]
    return found[0]


def test_nationality_names_whose_soldiers() -> None:
    claim = _one("The army said 45 Ostrian soldiers were killed.", value=45)
    assert (claim.measure, claim.subject) == ("Ostrian soldiers killed", "Ostrian soldiers")


def test_its_soldiers_belong_to_the_clause_subject() -> None:
    claim = _one("He said Ostria had lost 31 of its own soldiers.", value=31)
    assert claim.measure == "Ostrian soldiers killed" or claim.subject == "Ostria soldiers"


def test_bare_count_borrows_the_sentence_subject() -> None:
    found = claims("According to the army, 12 Ostrian soldiers were killed and 30 were wounded.")
    by_value = {c.value: c for c in found}
    assert by_value[30].measure == "Ostrian soldiers injured"
    assert by_value[12].claimant == "army"


def test_troops_and_soldiers_are_one_noun() -> None:
    claim = _one("The rebels claimed 200 troops died.", value=200)
    assert claim.measure == "soldiers killed"


# ---------------------------------------------------------------- claimant rules


@pytest.mark.parametrize(
    ("paragraphs", "value", "claimant"),
    [
        (("Ostria's claim that 900 soldiers were killed was denied.",), 900, "Ostria"),
        (("The relief agency's death toll stood at 77 on Monday.",), 77, "relief agency"),
        (
            ("The Brennmoor Flood Agency opened shelters.", "The agency said 64 people died."),
            64,
            "Brennmoor Flood Agency",
        ),
        (("Police called off the search, saying 18 people had died.",), 18, "Police"),
        (
            ("The rebels disputed the 300 dead acknowledged by the Ostrian army.",),
            300,
            "Ostrian army",
        ),
        (
            ("Ada Lorn chairs the inquiry.", "She said 14 people were injured."),
            14,
            "Ada Lorn",
        ),
        (("DRAVEN - At least 20 people have been killed, police said.",), 20, "police"),
    ],
)
def test_claimant_rules(paragraphs: tuple[str, ...], value: float, claimant: str) -> None:
    assert _one(*paragraphs, value=value).claimant == claimant


def test_dateline_is_not_a_fall_or_a_claimant() -> None:
    claim = _one("DRAVEN FALLS - At least 20 people have been killed, police said.", value=20)
    assert (claim.qualifier, claim.claimant) == (">=", "police")


def test_previous_sentence_attribution_carries_over() -> None:
    claim = _one(
        "The agency said the search would go on. Eleven people are still listed as missing.",
        value=11,
    )
    assert (claim.measure, claim.claimant) == ("people missing", "agency")


# ---------------------------------------------------------------- as of


@pytest.mark.parametrize(
    ("text", "value", "as_of"),
    [
        ("The ministry said on Tuesday that 50 soldiers were killed on Monday.", 50, "2026-03-02"),
        ("The toll of 90 was correct as of Wednesday evening, the agency said.", 90, "2026-03-04"),
        (
            "A total of 300 homes were destroyed by the flood that hit on Monday, the agency said"
            " on Wednesday.",
            300,
            "2026-03-04",
        ),
        (
            "The agency said the toll of 90 was correct as of Wednesday, up from 40 a week"
            " earlier.",
            40,
            "2026-02-25",
        ),
        ("About 6,000 people have fled since Monday, officials said.", 6000, PUBLISHED),
    ],
)
def test_as_of_rules(text: str, value: float, as_of: str) -> None:
    assert _one(text, value=value).as_of == as_of


def test_undated_earlier_value_has_no_date() -> None:
    claim = _one("The toll, which stood at 40 late last week, has risen to 90.", value=40)
    assert claim.as_of is None


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("A gunman shot dead 14 people at a depot in Kessel in December.", 14),
        ("Turnout in 2022 hit a high of 11.2 million voters.", 11_200_000),
        ("The ferry operator carried 40,000 passengers in January 2025, its records show.", 40_000),
    ],
)
def test_a_figure_of_another_month_or_year_is_not_dated_by_publication(
    text: str, value: float
) -> None:
    """Published in March 2026, the figure's clause names another month or year but no day:
    it is not as of the publication day, and no day is known."""
    claim = _one(text, value=value)
    assert claim.as_of is None and claim.as_of_basis == "none"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Support for Vask fell to 44 percent, from 54 percent in July, the poll found.", 44),
        ("Some 19,000 members have campaigned for Vask since the October endorsement.", 19_000),
        ("The ferry carried 40,000 passengers in March, the operator said.", 40_000),
    ],
)
def test_a_month_that_is_not_the_figure_s_own_leaves_the_publication_date(
    text: str, value: float
) -> None:
    """July belongs to the earlier 54 percent, October bounds a period, and March is the
    publication's own month."""
    assert _one(text, value=value).as_of == PUBLISHED


def test_undated_restatement_takes_the_article_s_earlier_date() -> None:
    found = claims(
        "The ministry said 50 soldiers were killed on Monday.",
        "The rebels claimed that 800 soldiers were killed.",
    )
    assert {c.value: c.as_of for c in found} == {50: "2026-03-02", 800: "2026-03-02"}
    assert found[1].as_of_basis == "context"


# ---------------------------------------------------------------- kinds of figures


@pytest.mark.parametrize(
    ("text", "value", "measure"),
    [
        ("The union said 1,200 members voted for the strike and 90 against.", 90, "votes against"),
        ("The union said 1,200 members voted for the strike and 90 against.", 1200, "votes for"),
        ("The authority has offered a pay rise of 3.5% this year.", 3.5, "pay rise"),
        ("The union is asking for a pay rise of 8%.", 8, "pay rise demanded"),
        ("The operator said 40 buses were running by noon.", 40, "buses running"),
        ("Hundreds of homes were destroyed, officials said.", 200, "homes destroyed"),
        (
            "The glacier has retreated by about 300 metres, the survey said.",
            300,
            "retreated (metres)",
        ),
        ("About 900 rescuers were working in the valley.", 900, "rescuers"),
        ("About 1,500 people are living in shelters, the agency said.", 1500, "people in shelters"),
        (
            "Meeting the demand would cost 12 million marks, she said.",
            12e6,
            "cost of demand (marks)",
        ),
    ],
)
def test_figure_kinds(text: str, value: float, measure: str) -> None:
    assert _one(text, value=value).measure == measure


@pytest.mark.parametrize(
    "text",
    [
        "The bakery queue was missing at eight.",
        "It was one of the deadliest storms on record.",
        "Only 12 of the city's 140 trams ran.",
        "A deal above six per cent will be quoted everywhere.",
        "The road runs 60 km south through the valley.",
    ],
)
def test_more_non_claims(text: str) -> None:
    assert all(c.value not in (8, 1, 140, 6, 60) for c in claims(text))


def test_a_share_of_respondents_quoted_is_not_the_claimant() -> None:
    """'with 22 percent saying they would not back him, Ruiz at 20 percent': the indirect
    quote's speaker is the share, which claims nothing; the figures are the outlet's."""
    from newsbrief.extract.entities import extract_entities
    from newsbrief.extract.quotes import extract_quotes

    text = (
        "Mayor Lena Vask comes in second, with 22 percent saying they would definitely not "
        "support her, former harbour master Omar Ruiz at 20 percent and Tomas Brandt at 18 "
        "percent."
    )
    article = Article(id="t", source="t", outlet=OUTLET, published=PUBLISHED, paragraphs=[text])
    parsed = parse_article(article)
    quotes = extract_quotes(parsed, entities=extract_entities(parsed))
    found = claims(text, quotes=quotes)
    assert {(c.value, c.claimant) for c in found if c.value in (20, 18)} == {
        (20, OUTLET),
        (18, OUTLET),
    }


@pytest.mark.parametrize(
    ("mention", "name"),
    [
        ("Governor Mary Fallin (R", "Governor Mary Fallin"),  # a parenthesis cut by the span
        ("“Ada Brenn", "Ada Brenn"),  # a quote mark the mention took in
        ("Sen. Ivo Tamm (R-Ky.)", "Sen. Ivo Tamm (R-Ky.)"),
        ("the ministry’s own", "ministry's own"),
        ("Ada Brenn, the founder of a tenants' group", "Ada Brenn"),  # the name, not its apposition
        ("Brenn, Tamm and Vos", "Brenn, Tamm and Vos"),
    ],
)
def test_claimant_names_lose_cut_marks(mention: str, name: str) -> None:
    from newsbrief.extract.claims import _clean_name

    assert _clean_name(mention) == name


@pytest.mark.parametrize(
    "text",
    [
        "About four in 10 voters said they would back Vask in the runoff, the poll found.",
        "Nearly eight of 10 Democratic voters said the ferry mattered most.",
        "Almost two in three Harbour Party voters now view Vask favourably, the poll found.",
        "One in five residents of Kessel said the ferry mattered most.",
    ],
)
def test_a_share_written_as_a_ratio_is_no_count(text: str) -> None:
    """'four in 10 voters' had been a claim of 0.4 voters, 'eight of 10' two of 8 and 10."""
    assert claims(text) == []


def test_a_ratio_share_is_no_claimant() -> None:
    from newsbrief.extract.claims import _names_a_share

    assert _names_a_share("About four in 10 voters")
    assert not _names_a_share("Kessel council")


@pytest.mark.parametrize(
    "paragraphs",
    [
        (
            "The jobless rate ticked down to 5 percent, and average hourly earnings rose 0.4"
            " percent.",
        ),
        (
            "The union backed Vask in the spring.",
            "Mr. Cardin has proposed a 10 percent VAT to go with a 17 percent corporate tax rate.",
        ),
        (
            "Officials expect the bank to raise rates by one percentage point, the union said"
            " after the strike.",
        ),
    ],
)
def test_a_percentage_by_another_rate_is_no_pay_rise(paragraphs: tuple[str, ...]) -> None:
    """A pay word elsewhere in the sentence, or one "union" in the article, had made the jobless
    rate, a VAT and a central bank's rates "pay rise" figures: a pay word must be in the
    figure's own clause, no other rate may be, and a labour story needs two labour words."""
    assert all(c.measure not in ("pay rise", "pay rise demanded") for c in claims(*paragraphs))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Two more bodies were found on Sunday, bringing the death toll to 310.",
            [("more people killed", 2), ("people killed", 310)],
        ),
        (
            "Four more boys were freed on Monday, bringing the number of rescued boys to eight.",
            [("more boys released", 4), ("boys released", 8)],
        ),
        ("Another 12 people were injured in the second blast.", [("more people injured", 12)]),
        ("At least three more members of the team were rescued.", [("more members rescued", 3)]),
        ("More than 40 soldiers were killed.", [("soldiers killed", 40)]),
        ("Some 40 more tourists were evacuated.", [("more tourists displaced", 40)]),
    ],
)
def test_a_count_of_more_of_the_same_is_an_increase_of_its_own(
    text: str, expected: list[tuple[str, float]]
) -> None:
    """ "Two more bodies" is an increase, not the toll: a measure of its own, so it never
    stands against the 310 in the same figure."""
    assert [(c.measure, c.value) for c in claims(text)] == expected


def test_counts_of_boys_inmates_and_suspects_are_figures() -> None:
    found = claims(
        "Police said 12 inmates escaped and three guards were injured in the riot. "
        "Five suspects were arrested on Friday. Eight boys were rescued from the cave."
    )
    assert [(c.measure, c.value) for c in found] == [
        ("guards injured", 3),
        ("suspects arrested", 5),
        ("boys rescued", 8),
    ]


def test_an_outcome_after_a_semicolon_is_not_the_clause_before_it() -> None:
    """The parser may hang "deployed" under "killed" across the semicolon: the troops were
    deployed, not killed."""
    found = claims("300 troops were deployed; more than 40 soldiers were killed.")
    assert [(c.measure, c.value) for c in found] == [("soldiers killed", 40)]


def test_people_a_body_represents_are_its_members_and_those_a_rate_stands_for_are_not() -> None:
    found = claims(
        "The Velmar Dockers Union, which represents 3,000 workers, met on Monday. "
        "The jobless rate of 6.1% in April, representing 9.8 million people, was unchanged."
    )
    assert [(c.measure, c.value) for c in found if c.unit != "percent"] == [("members", 3000)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Officials put the death toll at 310.", ("people killed", 310, "Officials")),
        (
            "A tally by the Velmar Health Office showed that 18,860 people have died.",
            ("people killed", 18860, "Velmar Health Office"),
        ),
    ],
)
def test_a_toll_put_at_a_figure_and_a_tally_by_a_body(
    text: str, expected: tuple[str, float, str]
) -> None:
    assert [(c.measure, c.value, c.claimant) for c in claims(text)] == [expected]


def test_a_relative_pronoun_claimant_is_what_its_clause_hangs_on() -> None:
    found = claims("The toll is above that of Velland, which is reporting 19,468 deaths.")
    assert [(c.value, c.claimant) for c in found] == [(19468, "Velland")]


def test_an_age_after_dying_and_a_subject_of_another_clause_are_no_tolls() -> None:
    """ "Dies at 68" is an age; the girls who used a stun gun were not killed."""
    assert claims("Former senator Arno Vell dies at 68.") == []
    found = claims(
        "A driver was killed when he was thrown from his car after two teenage girls used a "
        "stun gun on him. Police said two teenage girls were arrested."
    )
    assert [(c.measure, c.value) for c in found] == [("girls arrested", 2)]


def test_people_who_lose_something_and_a_list_number_are_no_figures() -> None:
    assert claims("If millions of people lose health insurance, the plan fails.") == []
    assert claims("About 300 workers lost their jobs.") == []
    assert [(c.measure, c.value) for c in claims("The army lost 120 soldiers.")] == [
        ("soldiers killed", 120)
    ]
    found = claims("5. ELEVEN POLICE KILLED IN CAR BOMB ATTACK.")
    assert [c.value for c in found] == [11]


def test_a_docket_number_is_no_figure() -> None:
    assert claims("A ruling in Velland v. Brask, No. 15-674, destroyed the plan.") == []


def test_a_count_for_one_day_is_a_measure_of_its_own() -> None:
    found = claims(
        "On Saturday, 2,108 people died in the past 24 hours. In all, 18,860 people have died. "
        "A day after the blast, 40 people were confirmed dead."
    )
    assert [(c.measure, c.value) for c in found] == [
        ("people killed in a day", 2108),
        ("people killed", 18860),
        ("people killed", 40),
    ]


def test_a_value_compared_with_is_the_earlier_value_of_the_figure() -> None:
    found = claims(
        "Officials said 212,672 migrants were encountered in July, compared with 188,000 in June."
    )
    assert [(c.measure, c.value) for c in found] == [("migrants", 212672), ("migrants", 188000)]


def test_ages_after_age_and_aged_are_no_tolls() -> None:
    assert claims("Ilse Varga, who died on Sunday at age 94, was remembered.") == []
    assert claims("The senator, aged 81, died on Tuesday.") == []


def test_calling_oneself_something_is_no_pay_demand() -> None:
    """In a story naming wages and a union, "more call themselves conservative (38%)" had been a
    demanded pay rise of 38%: "call" is a demand only as "call for"."""
    found = claims(
        "The union says wages lag.",
        "On economic issues, more call themselves conservative (38%) than liberal (33%).",
        "The union called for a 9% rise.",
    )
    assert [(c.measure, c.value) for c in found if c.measure.startswith("pay")] == [
        ("pay rise demanded", 9)
    ]
