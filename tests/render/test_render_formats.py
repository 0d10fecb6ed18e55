"""JSON (the contract), CSV tables, and the format dispatcher."""

from __future__ import annotations

import csv
import io
import json

import pytest

from newsbrief.errors import OptionError
from newsbrief.model import Result, Story, StoryQuote
from newsbrief.render import FORMATS, render, render_csv, render_json, render_markdown
from newsbrief.render.csv import CLAIM_COLUMNS, QUOTE_COLUMNS


def _rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def test_json_round_trips(result: Result) -> None:
    text = render_json(result)
    assert text.endswith("}\n")
    assert json.loads(text)["schema"] == "newsbrief/1"
    assert Result.model_validate_json(text) == result


def test_json_one_line(result: Result) -> None:
    text = render_json(result, indent=None)
    assert text.count("\n") == 1
    assert Result.model_validate_json(text) == result


def test_quotes_csv(result: Result) -> None:
    rows = _rows(render_csv(result, table="quotes"))
    assert tuple(rows[0]) == QUOTE_COLUMNS
    assert len(rows) == 1 + 3
    assert rows[1] == [
        "s1",
        "Ana Korvel",
        "We lost 120 brave soldiers",
        "direct",
        "a1; a3",
        "Border Herald; Valley Post",
    ]
    assert rows[2][3] == "indirect"


def test_claims_csv(result: Result) -> None:
    rows = _rows(render_csv(result, table="claims"))
    assert tuple(rows[0]) == CLAIM_COLUMNS
    assert len(rows) == 1 + 8
    by_value = {(r[0], r[3]): dict(zip(CLAIM_COLUMNS, r, strict=True)) for r in rows[1:]}
    front = by_value[("s1", "2000")]
    assert front["status"] == "conflict"
    assert front["claimant"] == "Northern Liberation Front"
    assert front["qualifier"] == ""
    assert front["outlets"] == "Capital Tribune"
    assert by_value[("s1", "500")]["qualifier"] == "~"
    assert by_value[("s2", "100")]["qualifier"] == ">"
    evacuated = by_value[("s2", "2500")]
    assert (evacuated["low"], evacuated["high"], evacuated["as_of"]) == ("2000", "3000", "")
    updates = [r[3] for r in rows[1:] if r[1] == "civilians killed"]
    assert updates == ["40", "126", "310"]


def test_csv_without_stories_lists_article_rows(articles_only: Result) -> None:
    quotes = _rows(render_csv(articles_only, table="quotes"))
    claims = _rows(render_csv(articles_only, table="claims"))
    quote = ["", "Ana Korvel", "We lost 120 brave soldiers", "direct", "a1", "Border Herald"]
    assert quotes[1:] == [quote]
    assert len(claims) == 2
    assert claims[1][:4] == ["", "soldiers killed", "", "120"]


def test_csv_quoting_and_formula_guard() -> None:
    text = 'He said, "no",\nthen left'
    story = Story(
        id="s",
        title="t",
        articles=[],
        quotes=[
            StoryQuote(text=text, speaker=None, sources=[]),
            StoryQuote(text="=HYPERLINK(1)", speaker="@someone", sources=[]),
        ],
    )
    rows = _rows(render_csv(Result(stories=[story]), table="quotes"))
    assert rows[1][2] == text
    assert rows[1][1] == ""
    assert rows[2][1:3] == ["'@someone", "'=HYPERLINK(1)"]


def test_csv_empty_result_has_header_only() -> None:
    assert _rows(render_csv(Result(), table="claims")) == [list(CLAIM_COLUMNS)]


def test_csv_unknown_table(result: Result) -> None:
    with pytest.raises(OptionError, match="quotes, claims"):
        render_csv(result, table="people")  # type: ignore[arg-type]


def test_dispatcher(result: Result) -> None:
    assert FORMATS == ("text", "md", "html", "json", "csv")
    assert render(result, "json") == render_json(result)
    assert render(result, "csv", table="quotes") == render_csv(result, table="quotes")
    assert render(result, "md") == render_markdown(result)
    assert "⚠ CONFLICT" in render(result, "text", width=80)
    assert render(result, "html").startswith("<!DOCTYPE html>")
    with pytest.raises(OptionError, match="E301.*text, md, html, json, csv"):
        render(result, "pdf")  # type: ignore[arg-type]


@pytest.mark.parametrize("fmt", ["text", "md", "html"])
def test_a_brief_lists_ten_one_source_figures_and_counts_the_rest(fmt: str) -> None:
    """A story with 13 one-claim figures shows the first ten and says how many more the JSON
    holds; a 36-article PolNeAR story had listed 34 such lines."""
    from newsbrief.model import Article, Figure, FigureClaim

    figures = [
        Figure(
            measure=f"ferries of route {n}",
            status="single",
            claims=[
                FigureClaim(
                    value=float(n + 100), qualifier="=", claimant=None, as_of=None, sources=["a"]
                )
            ],
        )
        for n in range(13)
    ]
    story = Story(id="s1", title="Ferry routes", articles=["a"], figures=figures)
    result = Result(articles=[Article(id="a", source="a.txt", outlet="Post")], stories=[story])
    shown = render(result, fmt)
    assert "ferries of route 9" in shown and "ferries of route 10" not in shown
    assert "3 more one-source figures" in shown
    assert len(json.loads(render_json(result))["stories"][0]["figures"]) == 13
