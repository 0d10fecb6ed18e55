"""The self-contained HTML brief: sections, citations, figure charts, escaping."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from render_fixture import FRONT, MINISTRY

from newsbrief.model import Figure, FigureClaim, Result, Story, StoryQuote, SummarySentence
from newsbrief.render import render, render_html
from newsbrief.render.html import figure_chart

HOSTILE = '<script>alert("x")</script>'


class _Collect(HTMLParser):
    """Tags, attributes and text of a page, and whether the document nests well."""

    VOID = {"meta", "br", "img", "link", "input", "hr", "circle", "line", "polyline", "path"}

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.stack: list[str] = []
        self.balanced = True

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        if tag in self.VOID:
            return
        if not self.stack or self.stack.pop() != tag:
            self.balanced = False

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _parse(html: str) -> _Collect:
    parser = _Collect()
    parser.feed(html)
    parser.close()
    return parser


def test_page_is_self_contained_and_well_formed(result: Result) -> None:
    html = render_html(result)
    assert html.startswith("<!DOCTYPE html>")
    page = _parse(html)
    assert page.balanced and not page.stack
    tags = {t for t, _ in page.tags}
    assert "script" not in tags and "link" not in tags and "img" not in tags
    # no external asset: every href is an in-page anchor (no article here has a url)
    for _, attrs in page.tags:
        for name in ("src", "href"):
            value = attrs.get(name)
            assert value is None or value.startswith("#"), (name, value)


def test_sections_summary_and_citations(result: Result) -> None:
    html = render_html(result)
    for heading in ("Summary", "Quotes", "Figures", "Coverage", "Timeline", "Events", "Sources"):
        assert html.count(f"<h3>{heading}") == 2, heading
    assert "Fighting broke out overnight along the northern border of Veldra." in html
    # the citation [1,2] links to the story's numbered sources
    first = html.split("Fighting broke out overnight", 1)[1].split("</li>", 1)[0]
    assert re.findall(r'href="#(story-s1-src\d)"', first) == ["story-s1-src1", "story-s1-src2"]
    assert 'id="story-s1-src1"' in html and "Border Herald" in html


def test_figures_have_badges_tables_and_charts(result: Result) -> None:
    html = render_html(result)
    figures = [f for s in result.stories for f in s.figures]
    compared = [f for f in figures if f.status != "single" or len(f.claims) > 1]
    assert html.count("<svg") == len(compared)  # a chart per figure that compares claims
    assert html.count('<div class="single-figures">') == 2  # one-source figures: a list each
    assert 'people evacuated: <span class="value">2,000–3,000</span>' in html
    conflict = html.split("soldiers killed", 1)[1].split('<div class="figure', 1)[0]
    assert "status-conflict" in conflict and "⚠ CONFLICT" in conflict and "120 vs 2,000" in conflict
    svg = conflict.split("<svg", 1)[1].split("</svg>", 1)[0]
    assert ">120</text>" in svg and ">2,000</text>" in svg
    assert MINISTRY in conflict and FRONT in conflict
    assert "↗ UPDATE" in html and "40 → 126 → 310" in html


def test_chart_plots_values_over_time_by_claimant() -> None:
    figure = Figure(
        measure="civilians killed",
        status="update",
        claims=[
            FigureClaim(value=v, qualifier="=", claimant=c, as_of=d, sources=["a"])
            for v, c, d in [
                (40, "Agency", "2024-04-01"),
                (126, "Agency", "2024-04-10"),
                (310, "Agency", "2024-04-22"),
                (500, "Council", None),
            ]
        ],
    )
    svg = figure_chart(figure)
    xs = [float(x) for x in re.findall(r'<circle cx="([\d.]+)"', svg)]
    assert xs == sorted(xs) and len(set(xs)) == 4  # dated in order, the undated one last
    assert svg.count("<polyline") == 1  # one claimant with several points
    for label in ("2024-04-01", "2024-04-22", "undated", ">40<", ">310<", ">500<"):
        assert label in svg


def test_chart_labels_neither_overlap_nor_leave_the_chart() -> None:
    """Days a day apart, an undated value at the right edge, and two claimants' points on one
    spot: axis labels keep apart, a value label at the edge turns left, a value two claimants
    give at one spot is written once, and a different value there goes above it."""
    from newsbrief.render.html import CHART_WIDTH, _text_width

    figure = Figure(
        measure="pay rise",
        status="update",
        claims=[
            FigureClaim(value=v, qualifier=q, claimant=c, as_of=d, sources=["a"], unit="percent")
            for v, q, c, d in [
                (4.5, "=", "Authority", "2031-03-12"),
                (4.5, "=", "Union", "2031-03-12"),
                (4.0, ">=", "Council", "2031-03-12"),
                (4.5, "=", "Authority", "2031-03-13"),
                (6.2, "=", "Union", "2031-03-20"),
                (4.5, "=", "Authority", None),
            ]
        ],
    )
    svg = figure_chart(figure)
    axis = [
        (float(x), anchor, label)
        for x, anchor, label in re.findall(
            r'<text x="([\d.]+)" y="\d+" text-anchor="(middle|end)">([^<]+)</text>', svg
        )
    ]
    labels = [label for _, _, label in axis]
    assert labels[0] == "2031-03-12" and labels[-1] == "undated"
    assert "2031-03-13" not in labels  # a day after the first: it would print over it
    for (x1, _, a), (x2, _, b) in zip(axis, axis[1:], strict=False):
        assert x2 - x1 >= (_text_width(a) + _text_width(b)) / 2
    values = re.findall(
        r'<text x="([\d.]+)" y="([\d.]+)" fill="[^"]+"( text-anchor="end")?>([^<]+)<', svg
    )
    for x, _, end, text in values:
        right = float(x) if end else float(x) + _text_width(text)
        assert right <= CHART_WIDTH
    first_day = [(float(y), text) for x, y, _, text in values if float(x) < 80]
    assert sorted(text for _, text in first_day) == ["4.5%", "≥4%"]  # 4.5% once, ≥4% above


def test_article_text_is_escaped_and_inert() -> None:
    story = Story(
        id="s<1>",
        title=f"Title {HOSTILE}",
        articles=[],
        summary=[SummarySentence(text=f"He wrote {HOSTILE} & left.", sources=[])],
        quotes=[StoryQuote(text=f'say "{HOSTILE}"', speaker=HOSTILE, sources=[])],
    )
    html = render_html(Result(stories=[story]))
    assert "<script" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert HOSTILE in "".join(_parse(html).text)  # shown as text


def test_dispatcher_and_empty_results(result: Result) -> None:
    assert render(result, "html") == render_html(result)
    empty = render_html(Result())
    assert "0 articles, 0 stories, 0 duplicates" in empty
    only_articles = render_html(Result(articles=result.articles))
    assert "Articles (no stories)" in only_articles and "(duplicate of #1)" in only_articles
