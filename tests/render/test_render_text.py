"""The terminal brief: key pieces present, refs resolve, 100 columns, nothing cut."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st
from render_fixture import AGENCY, FRONT, MINISTRY
from rich.cells import cell_len

from newsbrief.model import Result, Story, SummarySentence
from newsbrief.render import render_text

LEGEND = re.compile(r"^\[(\d+)\] (.+?) — ")


def _flat(text: str) -> str:
    return " ".join(text.split())


def _stories(text: str, width: int = 100) -> list[str]:
    """Split the brief at the full-width rules that open each story."""
    return re.split(f"^─{{{width}}}$", text, flags=re.M)[1:]


def _legend(block: str) -> dict[int, str]:
    """ref number → outlet, read from a story's Sources list."""
    section = block.split("\nSources\n", 1)[1]
    return {int(m[1]): m[2] for m in map(LEGEND.match, section.splitlines()) if m}


def test_status_markers_values_and_names(result: Result) -> None:
    text = render_text(result)
    for piece in [
        "⚠ CONFLICT",
        "↗ UPDATE",
        "✓ agree",
        "120 vs 2,000",
        "40 → 126 → 310",
        "~500",
        ">100",
        "2,000–3,000",
        "Ana Korvel",
        "Tiber Vos",
        "Mila Dren",
        "“We lost 120 brave soldiers”",
        "One source each:",
        "• people evacuated: 2,000–3,000 — Marren regional council, Delta Daily [2]",
    ]:
        assert piece in text, piece
    flat = _flat(text)
    for name in (MINISTRY, FRONT, AGENCY):
        assert name in flat
    assert "2000" not in text.replace("2,000", "")
    assert "120.0" not in text


def test_story_header(result: Result) -> None:
    border, flood = _stories(render_text(result))
    assert "Border clash between Veldra and the Northern Liberation Front" in border
    assert "3 articles · 3 outlets · 2024-03-02 – 2024-03-03" in border
    assert "3 articles · 2 outlets · 2024-04-01 – 2024-04-22" in flood


def test_refs_resolve_to_the_right_outlets(result: Result) -> None:
    border, flood = _stories(render_text(result, width=200), 200)
    legend = _legend(border)
    assert legend == {1: "Border Herald", 2: "Capital Tribune", 3: "Valley Post"}
    line = next(ln for ln in border.splitlines() if "We lost 120" in ln)
    refs = re.search(r"\[([\d,]+)\]$", line)
    assert refs is not None
    assert {legend[int(n)] for n in refs[1].split(",")} == {"Border Herald", "Valley Post"}
    row = next(ln for ln in border.splitlines() if FRONT in ln and "2024-03-02" in ln)
    assert row.split()[0] == "2,000"
    assert row.endswith("Capital Tribune [2]")

    flood_legend = _legend(flood)
    expected = (("40", "River Gazette"), ("126", "Delta Daily"), ("310", "River Gazette"))
    for value, outlet in expected:
        row = next(ln for ln in flood.splitlines() if ln.split()[:1] == [value])
        number = int(re.findall(r"\[(\d+)\]$", row)[0])
        assert flood_legend[number] == outlet


def test_sections_in_order(result: Result) -> None:
    border = _stories(render_text(result))[0]
    headings = ["Summary", "Quotes", "Figures", "Coverage", "Timeline", "Events", "Sources"]
    positions = [border.index(f"\n{h}") for h in headings]
    assert positions == sorted(positions)
    assert "Rebels say they captured a supply convoy on the river road." in border
    assert "2024-03-03 — Rebels publish their toll [2]" in border
    assert "2024-03-02 — Night attack [1,2]" in border
    assert "(duplicate of [1])" in border


def test_errors_and_footer(result: Result) -> None:
    text = render_text(result)
    errors = text.split("Errors (inputs that could not be read)\n", 1)[1]
    assert _flat(errors).startswith("• inbox/broken.html: [E107] inbox/broken.html: HTML page")
    assert text.rstrip().endswith("6 articles, 2 stories, 1 duplicate, 1 error")


def test_fits_100_columns_and_nothing_is_cut(result: Result) -> None:
    for width in (100, 72, 50):
        text = render_text(result, width=width)
        assert max(cell_len(line) for line in text.splitlines()) <= width
        flat = _flat(text)
        for story in result.stories:
            for sentence in story.summary:
                assert _flat(sentence.text) in flat, (width, sentence.text)


def test_plain_by_default_ansi_with_color(result: Result) -> None:
    assert "\x1b[" not in render_text(result)
    assert "\x1b[" in render_text(result, color=True)


def test_article_text_is_not_read_as_markup() -> None:
    story = Story(
        id="s",
        title="[bold]Not bold[/bold]",
        articles=[],
        summary=[SummarySentence(text="A [red]literal[/red] bracket [1].", sources=[])],
    )
    text = render_text(Result(stories=[story]))
    assert "[bold]Not bold[/bold]" in text
    assert "A [red]literal[/red] bracket [1]." in text


def test_articles_only_lists_articles(articles_only: Result) -> None:
    text = render_text(articles_only)
    assert "Articles (no stories)" in text
    row = next(ln for ln in text.splitlines() if "Rebels claim heavy losses" in ln)
    assert row.split()[-3:] == ["2024-03-03", "0", "0"]
    row = next(ln for ln in text.splitlines() if ln.lstrip().startswith("1 "))
    assert "Border Herald" in row and row.split()[-2:] == ["1", "1"]
    assert "(duplicate of #1)" in text
    assert text.rstrip().endswith("6 articles, 0 stories, 1 duplicate")
    assert "Errors" not in text


def test_errors_only(errors_only: Result) -> None:
    text = render_text(errors_only)
    assert "inbox/broken.html: [E107]" in text
    assert "Articles" not in text
    assert text.rstrip().endswith("0 articles, 0 stories, 0 duplicates, 1 error")


def test_empty_result_is_just_the_footer() -> None:
    assert render_text(Result()) == "0 articles, 0 stories, 0 duplicates\n"


words = st.text(alphabet="abcdefghij KLMNOP,.;:—“”[]0123456789", min_size=1, max_size=300)


@settings(max_examples=40, deadline=None)
@given(title=words, sentences=st.lists(words, min_size=1, max_size=4), width=st.integers(40, 140))
def test_any_text_fits_the_width(title: str, sentences: list[str], width: int) -> None:
    story = Story(
        id="s",
        title=title,
        articles=[],
        summary=[SummarySentence(text=s, sources=[]) for s in sentences],
    )
    text = render_text(Result(stories=[story]), width=width)
    assert max(cell_len(line) for line in text.splitlines()) <= width
    flat = "".join(text.split())
    for sentence in sentences:
        assert "".join(sentence.split()) in flat
