"""The brief as Markdown: headings, bullet lists, a table per figure, a sources list per story."""

from __future__ import annotations

import re
from collections.abc import Mapping

from newsbrief.model import Article, Figure, Result, Story
from newsbrief.render.common import (
    ONE_CLAIM_SHOWN,
    StorySources,
    articles_by_id,
    claim_value,
    figure_gist,
    figure_order,
    footer,
    measure_name,
    more_one_claim,
    one_claim_parts,
    quote_text,
    status_badge,
    story_meta,
    story_sources,
)

_SPECIAL = re.compile(r"([\\`*_\[\]<|~])")


def escape(text: str) -> str:
    """Escape Markdown syntax in article text and fold newlines, so text stays text."""
    return _SPECIAL.sub(r"\\\1", " ".join(text.split()))


def render_markdown(result: Result) -> str:
    """The whole brief as one Markdown document."""
    articles = articles_by_id(result)
    lines = ["# News brief", ""]
    for number, story in enumerate(result.stories, start=1):
        lines.extend(_story(number, story, articles))
    if not result.stories and result.articles:
        lines.extend(["## Articles (no stories)", "", *_articles_table(result.articles), ""])
    if result.errors:
        lines.extend(["## Errors (inputs that could not be read)", ""])
        lines.extend(f"- `{e.source}`: {escape(e.error)}" for e in result.errors)
        lines.append("")
    lines.extend(["---", "", footer(result)])
    return "\n".join(lines) + "\n"


def _story(number: int, story: Story, articles: Mapping[str, Article]) -> list[str]:
    sources = story_sources(story, articles)
    lines = [
        f"## {number}. {escape(story.title)}",
        "",
        f"_{story_meta(story, articles)} · `{story.id}`_",
        "",
    ]
    sections = [
        ("Summary", _summary(story, sources)),
        ("Quotes", _quotes(story, sources)),
        ("Figures", _figures(story.figures, sources)),
        ("Coverage (what only one article reports)", _coverage(story, sources)),
        ("Timeline", _timeline(story, sources)),
        ("Events", _events(story, sources)),
        ("Sources", _legend(sources)),
    ]
    for title, body in sections:
        if body:
            lines.extend([f"### {title}", "", *body, ""])
    return lines


def _refs(sources: StorySources, ids: list[str]) -> str:
    refs = sources.refs(ids)
    return f" {refs}" if refs else ""


def _summary(story: Story, sources: StorySources) -> list[str]:
    return [
        f"{n}. {escape(s.text)}{_refs(sources, s.sources)}"
        for n, s in enumerate(story.summary, start=1)
    ]


def _quotes(story: Story, sources: StorySources) -> list[str]:
    lines = []
    for quote in story.quotes:
        outlets = ", ".join(sources.outlets(quote.sources))
        lines.append(
            f"- {escape(quote_text(quote.text, quote.kind))} — "
            f"**{escape(quote.speaker or 'unattributed')}**"
            + (f" ({escape(outlets)})" if outlets else "")
            + _refs(sources, quote.sources)
        )
    return lines


def _figures(figures: list[Figure], sources: StorySources) -> list[str]:
    lines: list[str] = []
    compared, single = figure_order(figures)
    for figure in compared:
        badge = status_badge(figure.status)
        if figure.status in ("conflict", "update"):
            badge = f"**{badge}**"
        lines.extend(
            [
                f"#### {escape(measure_name(figure))} — {badge}: {escape(figure_gist(figure))}",
                "",
                "| Value | Claimant | As of | Sources |",
                "| ---: | --- | --- | --- |",
            ]
        )
        for claim in figure.claims:
            outlets = ", ".join(sources.outlets(claim.sources))
            cells = [
                escape(claim_value(claim)),
                escape(claim.claimant or "unattributed"),
                claim.as_of or "—",
                (escape(outlets) + _refs(sources, claim.sources)).strip(),
            ]
            lines.append("| " + " | ".join(cells) + " |")
        lines.append("")
    if single:
        lines.extend(["One source each:", ""])
        for figure in single[:ONE_CLAIM_SHOWN]:
            measure, value, said = one_claim_parts(figure, sources)
            lines.append(
                f"- {escape(measure)}: **{escape(value)}** — {escape(said)}"
                + _refs(sources, figure.claims[0].sources)
            )
        if len(single) > ONE_CLAIM_SHOWN:
            lines.append(f"- {escape(more_one_claim(len(single) - ONE_CLAIM_SHOWN))}")
        lines.append("")
    return lines[:-1]


def _coverage(story: Story, sources: StorySources) -> list[str]:
    lines = []
    for entry in story.coverage:
        if not entry.unique:
            continue
        who = escape(entry.outlet or sources.outlet(entry.article))
        lines.append(f"- **{who}**{_refs(sources, [entry.article])}:")
        lines.extend(f"  - {escape(item)}" for item in entry.unique)
    return lines


def _timeline(story: Story, sources: StorySources) -> list[str]:
    return [f"- **{t.date}** — {escape(t.text)}{_refs(sources, t.sources)}" for t in story.timeline]


def _events(story: Story, sources: StorySources) -> list[str]:
    return [
        f"- **{e.date or 'undated'}** — {escape(e.label)}{_refs(sources, e.articles)}"
        for e in story.events
    ]


def _legend(sources: StorySources) -> list[str]:
    return [f"{n}. {escape(line)}" for n, line in sources.legend()]


def _articles_table(articles: list[Article]) -> list[str]:
    lines = [
        "| # | Title | Outlet | Date | Quotes | Claims |",
        "| ---: | --- | --- | --- | ---: | ---: |",
    ]
    numbers = {a.id: n for n, a in enumerate(articles, start=1)}
    for n, article in enumerate(articles, start=1):
        title = escape(article.title or article.source)
        if article.duplicate_of:
            original = numbers.get(article.duplicate_of)
            title += (
                f" (duplicate of {f'#{original}' if original else escape(article.duplicate_of)})"
            )
        cells = [
            str(n),
            title,
            escape(article.outlet or "—"),
            article.published or "undated",
            f"{len(article.quotes):,}",
            f"{len(article.claims):,}",
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return lines
