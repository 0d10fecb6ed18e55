"""Number, value and badge formatting shared by the renderers."""

from __future__ import annotations

import pytest

from newsbrief.model import Article, Figure, FigureClaim, Result, Story
from newsbrief.render.common import (
    figure_gist,
    footer,
    format_number,
    format_value,
    measure_name,
    plural,
    quote_text,
    status_badge,
    story_meta,
    story_sources,
)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (2000.0, "2,000"),
        (120.0, "120"),
        (0.0, "0"),
        (3500000.0, "3,500,000"),
        (3.5, "3.5"),
        (1234.25, "1,234.25"),
        (2.0 / 3.0, "0.667"),
        (-40.0, "-40"),
    ],
)
def test_format_number(value: float, expected: str) -> None:
    assert format_number(value) == expected


@pytest.mark.parametrize(
    ("value", "qualifier", "low", "high", "expected"),
    [
        (500, "~", None, None, "~500"),
        (100, ">", None, None, ">100"),
        (2000, "=", None, None, "2,000"),
        (10, "<=", None, None, "≤10"),
        (2500, "=", 2000, 3000, "2,000–3,000"),
        (2500, "~", 2000, 3000, "~2,000–3,000"),
        (7, "=", 7, 7, "7"),
    ],
)
def test_format_value(
    value: float, qualifier: str, low: float | None, high: float | None, expected: str
) -> None:
    assert format_value(value, qualifier=qualifier, low=low, high=high) == expected


@pytest.mark.parametrize(
    ("value", "qualifier", "low", "high", "unit", "expected"),
    [
        (4.5, "=", None, None, "percent", "4.5%"),
        (4.5, "~", 4.0, 5.0, "percent", "~4–5%"),
        (30_000_000, "~", None, None, "dollar", "~$30 million"),
        (14_200_000, "=", None, None, "euro", "€14.2 million"),
        (2_500_000_000, ">", None, None, "pound", ">£2.5 billion"),
        (1_234_567, "=", None, None, "dollar", "$1,234,567"),  # not round: every digit
        (50_000, "=", None, None, "dollar per year", "$50,000 a year"),
        (3_000_000, "=", None, None, "people", "3 million"),  # counted nouns: the subject
        (14_200_000, "=", None, None, "marks", "14.2 million"),  # no symbol to write
        (120, "=", None, None, "soldiers", "120"),
    ],
)
def test_format_value_with_unit(
    value: float,
    qualifier: str,
    low: float | None,
    high: float | None,
    unit: str,
    expected: str,
) -> None:
    assert format_value(value, qualifier=qualifier, low=low, high=high, unit=unit) == expected


def _claim(value: float, qualifier: str = "=") -> FigureClaim:
    return FigureClaim(value=value, qualifier=qualifier, claimant=None, as_of=None, sources=[])


def test_figure_gist_by_status() -> None:
    conflict = Figure(measure="m", status="conflict", claims=[_claim(120), _claim(2000)])
    update = Figure(measure="m", status="update", claims=[_claim(40), _claim(126), _claim(310)])
    agree = Figure(measure="m", status="agree", claims=[_claim(100, ">"), _claim(100, ">")])
    assert figure_gist(conflict) == "120 vs 2,000"
    assert figure_gist(update) == "40 → 126 → 310"
    assert figure_gist(agree) == ">100"


def test_figure_gist_shows_a_hedged_value_once_when_a_claim_states_it_exactly() -> None:
    """'At least 40' in a headline and '40' in the body are one step of the update; a hedge
    with no exact twin, and a change ('+40'), stay."""
    toll = [_claim(40, ">="), _claim(40), _claim(126), _claim(310, "~")]
    assert figure_gist(Figure(measure="m", status="update", claims=toll)) == "40 → 126 → ~310"
    agree = [_claim(6000, "~"), _claim(6000), _claim(6000, "~")]
    assert figure_gist(Figure(measure="m", status="agree", claims=agree)) == "6,000"
    change = [_claim(40, "up"), _claim(40)]
    assert figure_gist(Figure(measure="m", status="update", claims=change)) == "+40 → 40"


def test_status_badges_are_distinct_and_loud_for_conflict_and_update() -> None:
    badges = {s: status_badge(s) for s in ("agree", "conflict", "update", "single")}
    assert len(set(badges.values())) == 4
    assert "CONFLICT" in badges["conflict"]
    assert "UPDATE" in badges["update"]


@pytest.mark.parametrize(
    ("count", "noun", "expected"),
    [(1, "story", "1 story"), (2, "story", "2 stories"), (0, "article", "0 articles")],
)
def test_plural(count: int, noun: str, expected: str) -> None:
    assert plural(count, noun) == expected


def test_footer_counts(result: Result) -> None:
    assert footer(result) == "6 articles, 2 stories, 1 duplicate, 1 error"
    assert footer(Result()) == "0 articles, 0 stories, 0 duplicates"


def test_story_sources_number_story_articles_then_other_cited_ids(result: Result) -> None:
    story = result.stories[0]
    stray = story.timeline[0].model_copy(update={"sources": ["zz"]})
    extra = story.model_copy(update={"timeline": [*story.timeline, stray]})
    sources = story_sources(extra, {a.id: a for a in result.articles})
    assert sources.ids == ("a1", "a2", "a3", "zz")
    assert sources.refs(["a3", "a1", "a1"]) == "[1,3]"
    assert sources.refs([]) == ""
    assert sources.refs(["a1", "a2", "a3", "zz", "unknown"]) == "[1–4]"
    assert sources.refs(["a1", "a2", "zz"]) == "[1,2,4]"
    legend = dict(sources.legend())
    assert legend[1] == "Border Herald — Clash on the northern border — 2024-03-02 — a1"
    assert legend[3].endswith("(duplicate of [1])")
    assert "not among the result's articles" in legend[4]


def test_sources_name_known_outlets_and_number_every_article() -> None:
    """An article without an outlet is named by its number, not by its id as if an outlet."""
    arts = {
        "a": Article(id="a", source="a.txt", outlet="Post"),
        "b": Article(id="b", source="b.txt"),
    }
    sources = story_sources(Story(id="s", title="t", articles=["a", "b", "x1"]), arts)
    assert sources.outlets(["b", "a", "x1", "a"]) == ["Post"]
    assert sources.refs(["b", "x1"]) == "[2,3]"
    assert story_sources(Story(id="s", title="t", articles=["x1"]), {}).outlets(["x1"]) == []


def test_an_article_without_an_outlet_is_named_by_its_title() -> None:
    """Coverage heads each article's list with its outlet; without one, its title (cut short)
    names it, or without a title how it begins, and only an article with no text is named by
    its id."""
    long_title = "Ferry crews return to work in Port Velmar as the harbour board agrees to talks"
    arts = {
        "a": Article(id="a", source="a.txt", outlet="Post", title="Ferry deal"),
        "b": Article(id="b", source="b.txt", title="Ferry deal agreed"),
        "c": Article(id="c", source="c.txt", title=long_title),
        "d": Article(id="d", source="d.txt"),
        "e": Article(
            id="e",
            source="e.txt",
            paragraphs=["The harbour board agreed on Friday to reopen talks with ferry crews."],
        ),
    }
    sources = story_sources(Story(id="s", title="t", articles=list(arts)), arts)
    assert sources.outlet("a") == "Post"
    assert sources.outlet("b") == "“Ferry deal agreed”"
    assert sources.outlet("c") == "“Ferry crews return to work in Port Velmar as the harbour…”"
    assert sources.outlet("d") == "d"
    assert sources.outlet("e") == "“The harbour board agreed on Friday to reopen talks with…”"


def test_story_meta_counts_articles_without_an_outlet_apart() -> None:
    def art(i: str, outlet: str | None) -> Article:
        return Article(id=i, source=f"{i}.txt", outlet=outlet, published="2031-03-02")

    arts = {a.id: a for a in [art("a", "Post"), art("b", "Wire"), art("c", None), art("d", None)]}
    known = story_meta(Story(id="s", title="t", articles=["a", "b"]), arts)
    assert known == "2 articles · 2 outlets · 2031-03-02"
    mixed = story_meta(Story(id="s", title="t", articles=["a", "c", "d"]), arts)
    assert mixed == "3 articles · 1 outlet and 2 unknown · 2031-03-02"
    assert story_meta(Story(id="s", title="t", articles=["c"]), arts).startswith(
        "1 article · outlet unknown ·"
    )


def test_an_untitled_source_is_named_by_how_it_begins() -> None:
    lead = "Al Gore will skip the Democratic convention in Philadelphia next week, his aide said."
    gore = Article(id="g", source="g.txt", paragraphs=[lead])
    story = Story(id="s", title="t", articles=["g"])
    ((_, line),) = story_sources(story, {"g": gore}).legend()
    assert line == (
        "unknown outlet — untitled: “Al Gore will skip the Democratic convention in "
        "Philadelphia next week, his…” — undated — g"
    )
    blank = gore.model_copy(update={"paragraphs": []})
    ((_, line),) = story_sources(story, {"g": blank}).legend()
    assert line == "unknown outlet — untitled — undated — g"


@pytest.mark.parametrize(
    ("text", "kind", "shown"),
    [
        ("We will sail.", "direct", "“We will sail.”"),
        ("the ferry would sail", "indirect", "(indirect) the ferry would sail"),
        (
            "the repair plan was “dead in the water”",
            "mixed",
            "(partly quoted) the repair plan was “dead in the water”",
        ),
    ],
)
def test_quote_text_marks_only_the_quoted_words(text: str, kind: str, shown: str) -> None:
    """A mixed quote is a reported clause with quoted words in it: wrapped whole in quote marks
    it had read as the speaker's own words ("“the repair plan was dead in the water”")."""
    assert quote_text(text, kind) == shown


def _unit_claim(value: float, unit: str | None) -> FigureClaim:
    return FigureClaim(value=value, qualifier="=", claimant=None, as_of=None, sources=[], unit=unit)


@pytest.mark.parametrize(
    ("measure", "subject", "units", "expected"),
    [
        ("percent turnout", None, ["percent", "percent"], "turnout"),
        ("percent turnout", None, ["percent", None], "percent turnout"),  # not all shares
        ("aid", "dollars", ["dollar"], "aid"),  # "$5 million" says dollars
        ("fund", "marks", ["marks"], "fund (marks)"),  # no symbol: the subject says it
        ("soldiers killed", "Varnian soldiers", ["soldiers"], "soldiers killed (Varnian soldiers)"),
        ("Varnian soldiers killed", "Varnian soldiers", ["soldiers"], "Varnian soldiers killed"),
        ("people killed", "people", [None], "people killed"),
        ("passengers", "passengers", ["passengers"], "passengers"),  # not "passengers (passengers)"
        ("Members", "members", [None], "Members"),
        ("passengers carried", "passenger", [None], "passengers carried (passenger)"),
        ("fine (dollar)", None, ["dollar"], "fine"),  # "$30,000" says dollars
        ("fine (euro)", None, ["euro"], "fine"),
        ("fine (marks)", None, ["marks"], "fine (marks)"),
    ],
)
def test_measure_name_leaves_out_what_the_values_show(
    measure: str, subject: str | None, units: list[str | None], expected: str
) -> None:
    claims = [_unit_claim(10.0 + i, u) for i, u in enumerate(units)]
    figure = Figure(measure=measure, status="single", claims=claims, subject=subject)
    assert measure_name(figure) == expected
