"""The Markdown brief: headings, figure tables with visible status, refs to a sources list."""

from __future__ import annotations

import re

from render_fixture import FRONT, MINISTRY

from newsbrief.model import Result, Story, StoryQuote
from newsbrief.render import render_markdown


def _story_blocks(md: str) -> list[str]:
    return re.split(r"^## \d+\. ", md, flags=re.M)[1:]


def _sources(block: str) -> dict[int, str]:
    section = block.split("### Sources\n", 1)[1]
    return {int(m[1]): m[2] for m in re.finditer(r"^(\d+)\. (.+?) — ", section, flags=re.M)}


def test_headings(result: Result) -> None:
    md = render_markdown(result)
    assert md.startswith("# News brief\n")
    assert "## 1. Border clash between Veldra and the Northern Liberation Front\n" in md
    assert "## 2. Flooding in the Marren valley\n" in md
    for heading in ("Summary", "Quotes", "Figures", "Coverage", "Timeline", "Events", "Sources"):
        assert md.count(f"\n### {heading}") == 2, heading
    assert "## Errors (inputs that could not be read)" in md
    assert md.rstrip().endswith("6 articles, 2 stories, 1 duplicate, 1 error")


def test_figure_table_with_status(result: Result) -> None:
    md = render_markdown(result)
    assert "#### soldiers killed — **⚠ CONFLICT**: 120 vs 2,000\n" in md
    assert "#### civilians killed — **↗ UPDATE**: 40 → 126 → 310\n" in md
    table = md.split("#### soldiers killed", 1)[1].split("\n\n")[1].splitlines()
    assert table[0] == "| Value | Claimant | As of | Sources |"
    assert table[1] == "| ---: | --- | --- | --- |"
    rows = [[c.strip() for c in row.strip("|").split("|")] for row in table[2:]]
    assert rows == [
        ["120", MINISTRY, "2024-03-02", "Border Herald, Valley Post [1,3]"],
        ["2,000", FRONT, "2024-03-02", "Capital Tribune [2]"],
    ]
    # a figure one source gives is one line, after the figures that compare claims
    flood = md.split("## 2. ", 1)[1]
    assert "- people evacuated: **2,000–3,000** — Marren regional council, Delta Daily [2]\n" in (
        flood
    )
    assert flood.index("villages flooded") < flood.index("One source each:")
    assert "#### people evacuated" not in md and "#### people displaced" not in md


def test_refs_resolve_to_outlets(result: Result) -> None:
    border, flood = _story_blocks(render_markdown(result))
    assert _sources(border) == {1: "Border Herald", 2: "Capital Tribune", 3: "Valley Post"}
    assert _sources(flood) == {1: "River Gazette", 2: "Delta Daily", 3: "River Gazette"}
    assert "1. Fighting broke out overnight along the northern border of Veldra. [1,2]" in border
    assert "- “We lost 120 brave soldiers” — **Ana Korvel** (Border Herald, Valley Post) [1,3]" in (
        border
    )
    assert "- **2024-04-10** — Toll rises to 126 [2]" in flood


def test_article_text_is_escaped() -> None:
    story = Story(
        id="s",
        title="A *starred* title",
        articles=[],
        quotes=[StoryQuote(text="pipes | and <b>tags</b>", speaker="Ed_Ward", sources=[])],
    )
    md = render_markdown(Result(stories=[story]))
    assert r"## 1. A \*starred\* title" in md
    assert r"“pipes \| and \<b>tags\</b>” — **Ed\_Ward**" in md


def test_articles_only_and_errors_only(articles_only: Result, errors_only: Result) -> None:
    md = render_markdown(articles_only)
    assert "## Articles (no stories)" in md
    assert "| 1 | Clash on the northern border | Border Herald | 2024-03-02 | 1 | 1 |" in md
    assert "(duplicate of #1)" in md
    assert "### Summary" not in md
    md = render_markdown(errors_only)
    assert "- `inbox/broken.html`: \\[E107\\] inbox/broken.html: HTML page" in md
    assert "Articles" not in md


def test_articles_without_an_outlet_are_named_by_their_number(result: Result) -> None:
    """An article with no outlet is cited by its source number alone: its id beside a quote or
    in a figure's sources column read as an outlet's name."""
    anonymous = result.model_copy(
        update={"articles": [a.model_copy(update={"outlet": None}) for a in result.articles]}
    )
    md = render_markdown(anonymous)
    assert "- “We lost 120 brave soldiers” — **Ana Korvel** [1,3]\n" in md
    assert f"| 120 | {MINISTRY} | 2024-03-02 | [1,3] |" in md
