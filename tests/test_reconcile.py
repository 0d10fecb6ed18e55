"""Quote merging, name unification and figure groups across the articles of a story."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from storyfixtures import article, claim, quote

from newsbrief.model import FigureClaim
from newsbrief.reconcile import (
    blocked_pairs,
    claimant_names,
    compatible,
    figure_groups,
    figure_status,
    merge_quotes,
    quotes_match,
    unify_names,
)
from newsbrief.textsim import normalize, tokens

# ---------------------------------------------------------------- names


@pytest.mark.parametrize(
    ("names", "variant", "canonical"),
    [
        (["Lena Vask", "Vask"], "Vask", "Lena Vask"),
        (["Lena Vask", "Lena Vask", "Lena Vasková"], "Lena Vasková", "Lena Vask"),
        (["Lena Vasková", "Vasková"], "Vasková", "Lena Vasková"),
        (["Lena Vask", "Minister Vask"], "Minister Vask", "Lena Vask"),
        (
            ["the Harbour Authority", "Harbour Authority"],
            "Harbour Authority",
            "the Harbour Authority",
        ),
        (["Lena Vask", "Tomas Vask", "Vask"], "Vask", "Vask"),  # ambiguous: left alone
        (["Lena Vask", "Oskar Brandt"], "Oskar Brandt", "Oskar Brandt"),
        (["Lena Vask", "Lena Morel"], "Lena Morel", "Lena Morel"),
        # a generation suffix ends the name, the surname is before it
        (["Tomas R. Adler Jr", "Mr. Adler"], "Mr. Adler", "Tomas R. Adler Jr"),
        (["Tomas Adler III", "Adler"], "Adler", "Tomas Adler III"),
    ],
)
def test_unify_names(names: list[str], variant: str, canonical: str) -> None:
    assert unify_names(names)[variant] == canonical


def test_unify_names_ignores_empty() -> None:
    assert unify_names([None, "", "  "]) == {}


# ---------------------------------------------------------------- quotes


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        (
            "We will rebuild the bridge before winter",
            "we will rebuild the bridge before winter",
            True,
        ),
        (
            "We will rebuild the bridge",
            "We will rebuild the bridge before winter, whatever it costs",
            True,
        ),
        (
            "We will rebuild the old bridge before winter",
            "We will rebuild the bridge before the winter",
            True,
        ),
        ("We will rebuild the bridge", "Nobody will cross the river this year", False),
        ("a tragedy", "This is a tragedy for the whole valley", False),  # too short to contain
    ],
)
def test_quotes_match(a: str, b: str, same: bool) -> None:
    assert quotes_match(normalize(a), normalize(b)) is same


def _quote_story() -> list:
    full = "The dam held for six hours longer than anyone expected, and that saved the town"
    return [
        article(
            "a",
            "Body.",
            quotes=[
                quote(full, "Lena Vask"),
                quote(
                    "Nobody should go back before the engineers say so", "Oskar Brandt", start=90
                ),
            ],
        ),
        article("b", "Body.", quotes=[quote("saved the town", None)]),  # too short to contain
        article(
            "c",
            "Body.",
            quotes=[quote("The dam held for six hours longer than anyone expected", "Vask")],
        ),
        article("d", "Body.", duplicate_of="a", quotes=[quote(full, "Lena Vask")]),
        article(
            "e",
            "Body.",
            quotes=[
                quote("the dam held for six hours longer than anyone expected", "Lena Vasková")
            ],
        ),
    ]


def test_merge_quotes_partial_full_and_speakers() -> None:
    merged = merge_quotes(_quote_story())
    first = merged[0]
    assert first.text.startswith("The dam held for six hours") and first.text.endswith("the town")
    assert first.speaker == "Lena Vask"
    assert first.sources == ["a", "c", "d", "e"]  # duplicate d still listed; sorted
    assert [q.speaker for q in merged[1:]] == ["Oskar Brandt", None]
    assert merged[1].sources == ["a"]
    assert merged[2].text == "saved the town"


def test_merge_quotes_prefers_named_speaker() -> None:
    arts = [
        article("a", "x.", quotes=[quote("Every house on the east bank was checked twice", None)]),
        article("b", "x.", quotes=[quote("Every house on the east bank was checked twice", None)]),
        article(
            "c", "x.", quotes=[quote("every house on the east bank was checked twice", "Ida Roos")]
        ),
    ]
    (merged,) = merge_quotes(arts)
    assert merged.speaker == "Ida Roos"
    assert merged.sources == ["a", "b", "c"]


def test_merge_quotes_tie_goes_to_the_speaker_of_the_fullest_text() -> None:
    """One vote each: the fragment (a pull quote) came first, but the full quote's attribution
    is the one made with context."""
    arts = [
        article(
            "a",
            "x.",
            quotes=[
                quote("the whole ridge was burning", "Kaldoria"),
                quote("By six the whole ridge was burning and we had to go", "Ilse Varga"),
            ],
        )
    ]
    (merged,) = merge_quotes(arts)
    assert merged.speaker == "Ilse Varga"


def test_a_slogan_inside_another_speaker_s_quote_stays_its_own_quote() -> None:
    """Four articles quote Vask's slogan; one quotes Roos answering it in a longer quote. The
    slogan is inside Roos's words, but no article carries both, and their speakers differ:
    two quotes, each with its own speaker (they had been one, Roos's words given to Vask)."""
    slogan = "build the new harbour wall now"
    answer = "We know there is work to do, but that work is not to build the new harbour wall now"
    arts = [article(k, "x.", quotes=[quote(slogan, "Lena Vask")]) for k in "abcd"]
    arts.append(article("e", "x.", quotes=[quote(answer, "Ida Roos")]))
    merged = {q.text: (q.speaker, q.sources) for q in merge_quotes(arts)}
    assert merged == {
        slogan: ("Lena Vask", ["a", "b", "c", "d"]),
        answer: ("Ida Roos", ["e"]),
    }


def test_merge_quotes_majority_still_beats_the_fullest_text() -> None:
    arts = [
        article("a", "x.", quotes=[quote("every house on the east bank was checked", "Ida Roos")]),
        article("b", "x.", quotes=[quote("every house on the east bank was checked", "Ida Roos")]),
        article(
            "c", "x.", quotes=[quote("Every house on the east bank was checked twice", "Ola Berg")]
        ),
    ]
    (merged,) = merge_quotes(arts)
    assert merged.speaker == "Ida Roos"


def test_merge_quotes_ranks_by_independent_sources() -> None:
    """A statement carried by a wire story and its syndicated copy has one independent source:
    it does not outrank a direct quote that one other outlet carries."""
    said = quote("about 2,300 people are living in shelters", "the agency").model_copy(
        update={"kind": "indirect"}
    )
    direct = quote("We are working house by house.", "Tomas Vell")
    arts = [
        article("wire", said.text, quotes=[said]),
        article("copy", said.text, quotes=[said], duplicate_of="wire"),
        article("local", direct.text, quotes=[direct]),
    ]
    merged = merge_quotes(arts)
    assert [q.speaker for q in merged] == ["Tomas Vell", "the agency"]
    assert merged[1].sources == ["copy", "wire"]  # the copy is still coverage


def test_merge_quotes_empty() -> None:
    assert merge_quotes([]) == []
    assert merge_quotes([article("a", "No quotes here.")]) == []


def test_blocking_finds_contained_quote_and_not_everything() -> None:
    lists = [
        tokens("the ferry will run again on monday"),
        tokens("the ferry will run again on monday the mayor promised"),
        tokens("the storm closed every school in the district"),
    ]
    pairs = blocked_pairs(lists)
    assert (0, 1) in pairs
    assert (0, 2) not in pairs and (1, 2) not in pairs


_WORDS = ["harbour", "flood", "bridge", "mayor", "river", "school", "ferry", "storm", "road"]


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.lists(st.lists(st.sampled_from(_WORDS), min_size=2, max_size=8), max_size=3),
        min_size=1,
        max_size=5,
    )
)
def test_merge_quotes_invariants(spec: list[list[list[str]]]) -> None:
    arts = [
        article(f"art{i}", "x.", quotes=[quote(" ".join(words), None) for words in texts])
        for i, texts in enumerate(spec)
    ]
    merged = merge_quotes(arts)
    carried = {a.id for a in arts if a.quotes}
    assert {s for q in merged for s in q.sources} == carried
    inputs = {q.text for a in arts for q in a.quotes}
    for q in merged:
        assert q.text in inputs and q.sources == sorted(set(q.sources))
    counts = [len(q.sources) for q in merged]
    assert counts == sorted(counts, reverse=True)
    # reversing the articles changes no group's sources
    again = merge_quotes(list(reversed(arts)))
    assert sorted(q.sources for q in again) == sorted(q.sources for q in merged)


# ---------------------------------------------------------------- figures


def _fc(
    value: float,
    qualifier: str = "=",
    claimant: str | None = None,
    as_of: str | None = None,
    text: str = "",
) -> FigureClaim:
    return FigureClaim(
        value=value, qualifier=qualifier, claimant=claimant, as_of=as_of, sources=["x"], text=text
    )


@pytest.mark.parametrize(
    ("a", "b", "ok"),
    [
        (_fc(500, "~"), _fc(498), True),
        (_fc(500, "~"), _fc(450), False),
        (_fc(100, ">"), _fc(150), True),
        (_fc(100, ">"), _fc(100), False),
        (_fc(100, ">"), _fc(80), False),
        (_fc(100, "<"), _fc(80), True),
        (_fc(100, ">"), _fc(200, "<"), True),
        (_fc(40), _fc(40), True),
        (_fc(40), _fc(42), False),
        # a vague plural stops at the next one: "thousands" is not 43,000 (nor 3.7 million)
        (_fc(2000, ">=", text="thousands"), _fc(4300), True),
        (_fc(2000, ">=", text="thousands"), _fc(43000), False),
        (_fc(200, ">=", text="Hundreds"), _fc(848), True),
        (_fc(2000, ">="), _fc(4300), True),
        (_fc(2000, ">="), _fc(43000), False),  # "at least 2,000" is not 43,000 (10x the bound)
        (_fc(125, ">"), _fc(33000), False),
    ],
)
def test_compatible(a: FigureClaim, b: FigureClaim, ok: bool) -> None:
    assert compatible(a, b) is ok
    assert compatible(b, a) is ok


@pytest.mark.parametrize(
    ("claims", "status"),
    [
        ([_fc(12)], "single"),
        ([_fc(500, "~", "Agency"), _fc(498, "=", "Ministry")], "agree"),
        # one article restating a survey's figure in its own words: one witness, not two
        ([_fc(52, "=", "the survey"), _fc(52)], "single"),
        (
            [_fc(120, "=", "Ministry", "2031-04-02"), _fc(2000, "=", "Rebels", "2031-04-02")],
            "conflict",
        ),
        ([_fc(120, "=", "Ministry"), _fc(2000, "=", "Rebels")], "conflict"),
        ([_fc(40, "=", "Agency", "2031-03-01"), _fc(126, "=", "Agency", "2031-03-09")], "update"),
        ([_fc(40, "=", "Agency", "2031-03-01"), _fc(126, "=", "Ministry", "2031-03-09")], "update"),
        (
            [
                _fc(40, "=", "Agency", "2031-03-01"),
                _fc(310, "=", "Agency", "2031-03-20"),
                _fc(120, "=", "Ministry", "2031-03-20"),
            ],
            "conflict",
        ),
    ],
)
def test_figure_status(claims: list[FigureClaim], status: str) -> None:
    assert figure_status(claims) == status


def test_figure_groups_rising_toll_and_merged_sources() -> None:
    arts = [
        article(
            "a",
            "x.",
            claims=[claim(40, "people killed", claimant="the Relief Agency", as_of="2031-03-01")],
        ),
        article(
            "b",
            "x.",
            claims=[claim(126, "People killed", claimant="Relief Agency", as_of="2031-03-09")],
        ),
        article(
            "c",
            "x.",
            claims=[claim(310, "people killed", claimant="Relief Agency", as_of="2031-03-20")],
        ),
        article(
            "d",
            "x.",
            claims=[claim(310, "people killed", claimant="Relief Agency", as_of="2031-03-20")],
        ),
        article("e", "x.", claims=[claim(3, "bridges destroyed", claimant="Relief Agency")]),
    ]
    figures = figure_groups(arts)
    toll, bridges = figures
    assert toll.status == "update"
    assert [c.value for c in toll.claims] == [40, 126, 310]
    assert toll.claims[-1].sources == ["c", "d"]
    assert {c.claimant for c in toll.claims} == {"Relief Agency"}  # most frequent spelling
    assert toll.measure == "people killed"
    assert bridges.status == "single" and bridges.claims[0].sources == ["e"]


def test_figure_groups_conflict_and_agree() -> None:
    arts = [
        article(
            "a",
            "x.",
            claims=[
                claim(120, "soldiers killed", claimant="Defence Ministry", as_of="2031-05-04"),
                claim(2000, "soldiers killed", claimant="Northern Front", as_of="2031-05-04"),
            ],
        ),
        article("b", "x.", claims=[claim(500, "homes destroyed", qualifier="~")]),
        article("c", "x.", claims=[claim(498, "homes destroyed")]),
    ]
    by_measure = {f.measure: f for f in figure_groups(arts)}
    assert by_measure["soldiers killed"].status == "conflict"
    assert by_measure["homes destroyed"].status == "agree"


FALLS = "The toll of the landslide at Kerrow Falls was given."


def test_one_articles_unordered_values_are_different_figures_not_an_update() -> None:
    """A poll story gives each candidate's share under one measure, with no date between them:
    nothing makes 43 a later figure than 37, so they are two figures, not an update; the same
    values dated apart, in one article or two, stay one update, but two undated articles'
    values are two figures; one article's two claimants on the same day stay a conflict."""
    poll = article(
        "p",
        "x.",
        claims=[
            claim(43, "percent support"),
            claim(37, "percent support"),
            claim(43, "percent support", qualifier="~"),
        ],
    )
    figures = figure_groups([poll])
    assert sorted((f.status, [c.value for c in f.claims]) for f in figures) == [
        # "43" and "about 43" can both be true; one article saying it twice is one witness
        ("single", [37]),
        ("single", [43, 43]),
    ]
    dated = [
        claim(126, "people killed", as_of="2031-03-02"),
        claim(310, "people killed", as_of="2031-03-09"),
    ]
    assert [f.status for f in figure_groups([article("d", "x.", claims=dated)])] == ["update"]
    two = [
        article(
            "a", "x.", claims=[claim(126, "people killed", as_of="2031-03-02", sentence=FALLS)]
        ),
        article(
            "b", "x.", claims=[claim(310, "people killed", as_of="2031-03-09", sentence=FALLS)]
        ),
    ]
    assert [f.status for f in figure_groups(two)] == ["update"]
    # undated, nothing says which came later: two figures, not an update ordered by value
    undated = [
        article("a", "x.", claims=[claim(310, "people killed")]),
        article("b", "x.", claims=[claim(126, "people killed")]),
    ]
    assert sorted((f.status, [c.value for c in f.claims]) for f in figure_groups(undated)) == [
        ("single", [126]),
        ("single", [310]),
    ]
    sides = [
        claim(120, "soldiers killed", claimant="Defence Ministry"),
        claim(2000, "soldiers killed", claimant="Northern Front"),
    ]
    assert [f.status for f in figure_groups([article("s", "x.", claims=sides)])] == ["conflict"]


def test_one_articles_two_tolls_stay_apart_when_another_article_repeats_one() -> None:
    """An article names the toll of a crash (1 dead) and of an earlier attack (14 dead); a
    second article repeats the 14. Nothing dates them apart, so "1 → 14" is no update: the
    14s agree, and the 1 is a figure of its own."""
    arts = [
        article("a", "x.", claims=[claim(1, "people killed"), claim(14, "people killed")]),
        article("b", "x.", claims=[claim(14, "people killed")]),
    ]
    assert sorted((f.status, [c.value for c in f.claims]) for f in figure_groups(arts)) == [
        ("agree", [14]),
        ("single", [1]),
    ]


def test_figure_groups_subject_splits_groups() -> None:
    arts = [
        article("a", "x.", claims=[claim(10, "people killed", subject="children")]),
        article("b", "x.", claims=[claim(90, "people killed")]),
    ]
    figures = figure_groups(arts)
    assert len(figures) == 2
    assert {f.subject for f in figures} == {"children", None}
    assert all(f.status == "single" for f in figures)


def test_generic_subject_folds_into_the_one_specific_group() -> None:
    arts = [
        article("a", "x.", claims=[claim(600, "civilians displaced", subject="civilians")]),
        article("b", "x.", claims=[claim(600, "people displaced", subject="people")]),
    ]
    [figure] = figure_groups(arts)
    assert figure.measure == "civilians displaced" and figure.status == "agree"


def test_generic_subject_stays_apart_when_two_groups_could_take_it() -> None:
    arts = [
        article(
            "a", "x.", claims=[claim(50, "Ostrian soldiers killed", subject="Ostrian soldiers")]
        ),
        article(
            "b", "x.", claims=[claim(9, "Dravish soldiers killed", subject="Dravish soldiers")]
        ),
        article("c", "x.", claims=[claim(40, "soldiers killed", subject="soldiers")]),
    ]
    assert len(figure_groups(arts)) == 3


def test_undated_restatement_takes_the_stated_date() -> None:
    stated = claim(50, "soldiers killed", claimant="Army", as_of="2031-05-04")
    stated = stated.model_copy(update={"as_of_basis": "text"})
    later = claim(50, "soldiers killed", claimant="Army", as_of="2031-05-11")
    later = later.model_copy(update={"as_of_basis": "published"})
    rebels = claim(900, "soldiers killed", claimant="Rebels", as_of="2031-05-04")
    rebels = rebels.model_copy(update={"as_of_basis": "text"})
    arts = [article("a", "x.", claims=[stated, rebels]), article("b", "x.", claims=[later])]
    [figure] = figure_groups(arts)
    assert {c.as_of for c in figure.claims} == {"2031-05-04"}
    assert figure.status == "conflict"


def test_claimant_names_do_not_invent_a_side() -> None:
    names = claimant_names(["defence ministry", "Dravish defence ministry", "Lena Vask", "Vask"])
    assert names["defence ministry"] == "defence ministry"
    assert names["Vask"] == "Lena Vask"


def test_votes_for_and_against_are_two_figures() -> None:
    arts = [article("a", "x.", claims=[claim(900, "votes for"), claim(80, "votes against")])]
    assert {f.measure for f in figure_groups(arts)} == {"votes for", "votes against"}


def test_one_value_from_two_articles_agrees() -> None:
    arts = [article(i, "x.", claims=[claim(19, "people missing")]) for i in ("a", "b")]
    [figure] = figure_groups(arts)
    assert figure.status == "agree"


@settings(max_examples=400, derandomize=True)
@given(
    long_words=st.lists(st.sampled_from(_WORDS), min_size=4, max_size=30),
    start=st.integers(min_value=0, max_value=29),
    size=st.integers(min_value=4, max_value=12),
    edits=st.lists(st.tuples(st.integers(0, 200), st.sampled_from("abz ")), max_size=4),
)
def test_partial_prefilter_never_drops_a_match(
    long_words: list[str], start: int, size: int, edits: list[tuple[int, str]]
) -> None:
    """The word filter before ``partial_ratio`` only skips pairs that cannot reach the cut-off:
    a piece of a quote with a few characters changed is still compared, and matched."""
    from rapidfuzz import fuzz

    from newsbrief.reconcile import QUOTE_PARTIAL_RATIO, QuoteText, _may_be_inside

    long = " ".join(long_words)
    piece = list(" ".join(long_words[start : start + size]) or long)
    for at, char in edits:  # replace a character here and there
        if piece:
            piece[at % len(piece)] = char
    short = " ".join("".join(piece).split())
    if not short or len(short) > len(long):
        return
    if fuzz.partial_ratio(short, long) >= QUOTE_PARTIAL_RATIO:
        assert _may_be_inside(QuoteText.of(short), long)


def test_partial_prefilter_skips_unrelated_quotes() -> None:
    from newsbrief.reconcile import QuoteText, _may_be_inside

    short = QuoteText.of("the ferry will not sail until the storm has passed")
    assert not _may_be_inside(short, "the council approved a budget for new school roofs in may")
    assert _may_be_inside(short, "we said the ferry will not sail until the storm has passed, ok")


def test_merge_quotes_does_not_depend_on_how_many_copies_carry_a_quote() -> None:
    """A wire quote carried by hundreds of copies is still one quote, and still merges with the
    outlet that printed only part of it: copies of one text are compared once, so its words do
    not count as too common to look it up by."""
    full = "The ferry will not sail until the harbour wall has been checked by the engineers"
    copies = [
        article(f"wire-{n}", "Wire copy.", quotes=[quote(full, "Ada Ruiz")]) for n in range(250)
    ]
    partial = article(
        "gazette", "Gazette.", quotes=[quote("will not sail until the harbour wall", "Ruiz")]
    )
    merged = merge_quotes([*copies, partial])
    assert len(merged) == 1
    assert merged[0].text == full and merged[0].speaker == "Ada Ruiz"
    assert len(merged[0].sources) == 251
    assert merge_quotes([copies[0], partial])[0].sources == ["gazette", "wire-0"]


def test_a_copy_repeating_its_originals_figure_is_no_agreement() -> None:
    """A syndicated copy states its original's figure again: one report, so the figure is
    ``single``; a second, independent article stating it makes it ``agree``."""
    toll = claim(2000, "residents evacuated", claimant="Kessel council")
    original = article("wire", "x.", published="2031-03-05", claims=[toll])
    copy = article("copy", "x.", published="2031-03-06", duplicate_of="wire", claims=[toll])
    other = article("own", "x.", published="2031-03-05", claims=[toll])
    assert [f.status for f in figure_groups([original, copy])] == ["single"]
    assert [f.status for f in figure_groups([original, copy, other])] == ["agree"]
    undated = claim(2000, "residents evacuated")  # the copy's figure without the date
    dated = claim(2000, "residents evacuated", as_of="2031-03-05")
    pair = [
        article("wire", "x.", claims=[dated]),
        article("copy", "x.", duplicate_of="wire", claims=[undated]),
    ]
    assert [f.status for f in figure_groups(pair)] == ["single"]


@pytest.mark.parametrize(
    ("values", "status"),
    [
        ((120, 2000), "conflict"),  # 17x apart: two sides' counts
        ((0, 12), "conflict"),  # "no civilians were killed" against "12 were"
        ((49, 33000), "update"),  # 673x apart: counts of two different things
    ],
)
def test_conflict_needs_values_near_enough_to_count_one_thing(
    values: tuple[float, float], status: str
) -> None:
    claims = [_fc(values[0], "=", "Defence Ministry"), _fc(values[1], "=", "Northern Front")]
    assert figure_status(claims) == status


def test_undated_counts_of_different_things_are_different_figures() -> None:
    """'49 killed' in a shooting and '33,000 killed' a year by guns, both named and undated,
    were a conflict; they are two figures."""
    arts = [
        article("a", "x.", claims=[claim(49, "people killed", claimant="Sheriff Ada Brenn")]),
        article("b", "x.", claims=[claim(33000, "people killed", claimant="Senator Ivo Tamm")]),
    ]
    assert sorted((f.status, [c.value for c in f.claims]) for f in figure_groups(arts)) == [
        ("single", [49]),
        ("single", [33000]),
    ]


def test_shares_of_a_poll_without_whose_are_different_figures() -> None:
    """'43 percent support' and '37 percent support' a week apart, with nothing saying whose
    share: two figures (a poll gives one per candidate), not an update; a named subject's
    share still updates."""
    dated = [
        article("a", "x.", claims=[claim(43, "percent support", as_of="2031-03-02")]),
        article("b", "x.", claims=[claim(37, "percent support", as_of="2031-03-09")]),
    ]
    assert sorted((f.status, [c.value for c in f.claims]) for f in figure_groups(dated)) == [
        ("single", [37]),
        ("single", [43]),
    ]
    whose = [
        article(
            "a",
            "x.",
            claims=[
                claim(
                    43,
                    "percent support",
                    subject="Vask",
                    as_of="2031-03-02",
                    sentence="Support for Lena Vask stood at 43 percent.",
                )
            ],
        ),
        article(
            "b",
            "x.",
            claims=[
                claim(
                    37,
                    "percent support",
                    subject="Vask",
                    as_of="2031-03-09",
                    sentence="Lena Vask's support fell to 37 percent.",
                )
            ],
        ),
    ]
    assert [f.status for f in figure_groups(whose)] == ["update"]


def test_equal_shares_of_polls_agree_only_when_something_ties_them() -> None:
    """'19 percent' of college students for Vask in one article and '19 percent' for Holt in
    Kerrow months later are two figures; two outlets giving one named poll's share agree."""
    apart = [
        article(
            "a",
            "x.",
            claims=[
                claim(
                    19,
                    "percent support",
                    as_of="2031-03-02",
                    sentence="Only 19 percent of college students polled support Lena Vask.",
                )
            ],
        ),
        article(
            "b",
            "x.",
            claims=[
                claim(
                    19,
                    "percent support",
                    as_of="2031-09-07",
                    sentence="Ivo Holt receives 19 percent support in Kerrow.",
                )
            ],
        ),
    ]
    assert sorted(f.status for f in figure_groups(apart)) == ["single", "single"]
    poll = "Port Elin Courier survey"
    named = [
        article(
            i,
            "x.",
            claims=[claim(52, "percent support", claimant=poll, as_of="2031-03-02", sentence=s)],
        )
        for i, s in (
            ("a", "Lena Vask has 52 percent, the Port Elin Courier survey found."),
            ("b", "The Port Elin Courier survey gives Vask 52 percent of the vote."),
        )
    ]
    [figure] = figure_groups(named)
    assert figure.status == "agree"


def test_values_months_apart_are_figures_of_different_happenings() -> None:
    """A toll revised within days is an update; the same measure's values months apart (two
    attacks) are two figures."""
    weeks = [
        article("a", "x.", claims=[claim(40, "people killed", as_of="2031-03-01", sentence=FALLS)]),
        article(
            "b", "x.", claims=[claim(126, "people killed", as_of="2031-03-09", sentence=FALLS)]
        ),
        article(
            "c", "x.", claims=[claim(310, "people killed", as_of="2031-03-30", sentence=FALLS)]
        ),
    ]
    assert [f.status for f in figure_groups(weeks)] == ["update"]  # no gap over 30 days
    months = [
        article("a", "x.", claims=[claim(125, "people killed", as_of="2031-03-01")]),
        article("b", "x.", claims=[claim(49, "people killed", as_of="2031-09-12")]),
    ]
    assert sorted((f.status, [c.value for c in f.claims]) for f in figure_groups(months)) == [
        ("single", [49]),
        ("single", [125]),
    ]
    recalled = [  # the same toll recalled months later still agrees
        article("a", "x.", claims=[claim(125, "people killed", as_of="2031-03-01")]),
        article("b", "x.", claims=[claim(125, "people killed", as_of="2031-09-12")]),
    ]
    assert [f.status for f in figure_groups(recalled)] == ["agree"]


def test_values_nothing_ties_are_different_figures_not_an_update() -> None:
    """One measure name joins counts of unrelated things: "9 voters" in one town and "22
    registered voters" in another, a toll in one city and a toll in another. A value is an
    update of another only when something ties the two: one article states both, one named
    claimant gives both, they can both be true, or their sentences share a name."""
    towns = [
        article(
            "a",
            "x.",
            claims=[
                claim(
                    9,
                    "voters",
                    as_of="2031-02-08",
                    sentence="Dunmere, which exists as a town only for voting, has nine voters.",
                )
            ],
        ),
        article(
            "b",
            "x.",
            claims=[
                claim(
                    22,
                    "voters",
                    as_of="2031-02-10",
                    sentence="Oskby, home to 22 registered voters, votes at midnight too.",
                )
            ],
        ),
    ]
    assert sorted((f.status, [c.value for c in f.claims]) for f in figure_groups(towns)) == [
        ("single", [9]),
        ("single", [22]),
    ]
    tied = [  # the same two values, their sentences naming the same town: an update
        article(
            "a",
            "x.",
            claims=[
                claim(9, "voters", as_of="2031-02-08", sentence="In Dunmere, nine voters came.")
            ],
        ),
        article(
            "b",
            "x.",
            claims=[
                claim(22, "voters", as_of="2031-02-10", sentence="By noon 22 voters in Dunmere.")
            ],
        ),
    ]
    assert [f.status for f in figure_groups(tied)] == ["update"]
    agency = [  # no shared name, but one named claimant gives both
        article(
            "a",
            "x.",
            claims=[claim(40, "people killed", claimant="Relief Agency", as_of="2031-03-01")],
        ),
        article(
            "b",
            "x.",
            claims=[claim(126, "people killed", claimant="the Relief Agency", as_of="2031-03-09")],
        ),
    ]
    assert [f.status for f in figure_groups(agency)] == ["update"]


def test_a_bound_alone_does_not_make_two_counts_one_figure() -> None:
    """'At least 9 killed' in one attack and '32 killed' in another agree only through the
    bound: nothing ties them, so they are two figures; tied by a name their sentences share,
    an estimate and a count of one event stay one figure."""
    apart = [
        article(
            "a",
            "x.",
            claims=[
                claim(
                    9,
                    "people killed",
                    qualifier=">=",
                    sentence="At least nine people were killed near a market in Dunmore.",
                )
            ],
        ),
        article(
            "b",
            "x.",
            claims=[
                claim(
                    32,
                    "people killed",
                    sentence="In March, attackers killed 32 people at the Velmar airport.",
                )
            ],
        ),
    ]
    assert sorted((f.status, [c.value for c in f.claims]) for f in figure_groups(apart)) == [
        ("single", [9]),
        ("single", [32]),
    ]
    tied = [
        apart[0],
        article(
            "b",
            "x.",
            claims=[
                claim(
                    12,
                    "people killed",
                    sentence="The toll in Dunmore rose to 12 people killed, police said.",
                )
            ],
        ),
    ]
    assert [(f.status, sorted(c.value for c in f.claims)) for f in figure_groups(tied)] == [
        ("agree", [9, 12])
    ]
