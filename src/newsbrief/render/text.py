"""The terminal brief, rendered with rich into a string (the CLI prints it).

Every piece of article text goes in as a ``rich.text.Text`` (never as markup), so brackets in
the news cannot be mistaken for styles. Long lines wrap; nothing is truncated.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence

from rich import box
from rich.console import Console, Group, RenderableType
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

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

STATUS_STYLES: dict[str, str] = {
    "conflict": "bold red",
    "update": "bold yellow",
    "agree": "green",
    "single": "dim",
}


def render_text(result: Result, *, width: int = 100, color: bool = False) -> str:
    """The whole brief as terminal text, ``width`` columns wide (ANSI colours when ``color``)."""
    buffer = io.StringIO()
    console = Console(
        file=buffer,
        width=width,
        force_terminal=color,
        no_color=not color,
        color_system="standard" if color else None,
        highlight=False,
        emoji=False,
        legacy_windows=False,
    )
    for block in _blocks(result):
        console.print(block)
    lines = buffer.getvalue().splitlines()
    return "\n".join(line.rstrip() for line in lines).strip("\n") + "\n"


def _blocks(result: Result) -> list[RenderableType]:
    articles = articles_by_id(result)
    blocks: list[RenderableType] = []
    for number, story in enumerate(result.stories, start=1):
        blocks.extend(_story(number, story, articles))
    if not result.stories and result.articles:
        blocks.extend([_heading("Articles (no stories)"), _articles_table(result.articles), ""])
    if result.errors:
        blocks.append(_heading("Errors (inputs that could not be read)"))
        rows = [("•", Text.assemble((e.source, "bold"), ": ", e.error)) for e in result.errors]
        blocks.extend([_list(rows), ""])
    blocks.append(Text(footer(result), style="dim"))
    return blocks


def _story(number: int, story: Story, articles: Mapping[str, Article]) -> list[RenderableType]:
    sources = story_sources(story, articles)
    blocks: list[RenderableType] = [
        Rule(style="dim"),
        Text.assemble((f"{number}. ", "bold"), (story.title, "bold")),
        Text.assemble(story_meta(story, articles), f" · {story.id}", style="dim"),
        "",
    ]
    sections: list[tuple[str, RenderableType | None]] = [
        ("Summary", _summary(story, sources)),
        ("Quotes", _quotes(story, sources)),
        ("Figures", _figures(story.figures, sources)),
        ("Coverage (what only one article reports)", _coverage(story, sources)),
        ("Timeline", _timeline(story, sources)),
        ("Events", _events(story, sources)),
        ("Sources", _legend(sources)),
    ]
    for title, body in sections:
        if body is not None:
            blocks.extend([_heading(title), body, ""])
    return blocks


def _heading(title: str) -> Text:
    return Text(title, style="bold underline")


def _list(rows: Sequence[tuple[str, RenderableType]]) -> Table:
    """A hanging-indent list: wrapped lines stay aligned after their markers."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True, justify="right")
    grid.add_column(overflow="fold")
    for marker, item in rows:
        grid.add_row(Text(marker, style="dim"), item)
    return grid


def _items(rows: Sequence[tuple[str, RenderableType]]) -> Table | None:
    return _list(rows) if rows else None


def _refs(sources: StorySources, ids: list[str]) -> Text:
    refs = sources.refs(ids)
    return Text(f" {refs}", style="cyan") if refs else Text()


def _summary(story: Story, sources: StorySources) -> Table | None:
    return _items(
        [
            (f"{n}.", Text.assemble(s.text, _refs(sources, s.sources)))
            for n, s in enumerate(story.summary, start=1)
        ]
    )


def _quotes(story: Story, sources: StorySources) -> Table | None:
    rows = []
    for quote in story.quotes:
        outlets = ", ".join(sources.outlets(quote.sources))
        text = Text.assemble(
            (quote_text(quote.text, quote.kind), "italic"),
            " — ",
            (quote.speaker or "unattributed", "bold"),
            f" ({outlets})" if outlets else "",
            _refs(sources, quote.sources),
        )
        rows.append(("•", text))
    return _items(rows)


def _figures(figures: list[Figure], sources: StorySources) -> Group | None:
    if not figures:
        return None
    parts: list[RenderableType] = []
    compared, single = figure_order(figures)
    for figure in compared:
        if parts:
            parts.append("")
        style = STATUS_STYLES.get(figure.status, "")
        parts.append(
            Text.assemble(
                (measure_name(figure), "bold"),
                "  ",
                (status_badge(figure.status), style),
                "  ",
                figure_gist(figure),
            )
        )
        table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False)
        table.add_column("Value", justify="right", overflow="fold")
        table.add_column("Claimant", overflow="fold")
        table.add_column("As of", no_wrap=True)
        table.add_column("Sources", overflow="fold")
        for claim in figure.claims:
            outlets = ", ".join(sources.outlets(claim.sources))
            table.add_row(
                Text(claim_value(claim), style="bold"),
                Text(claim.claimant or "unattributed"),
                Text(claim.as_of or "—"),
                Text.assemble(outlets, _refs(sources, claim.sources))
                if outlets
                else Text(sources.refs(claim.sources), style="cyan"),
            )
        parts.append(table)
    if single:
        if parts:
            parts.append("")
        parts.append(Text("One source each:", style="dim"))
        for figure in single[:ONE_CLAIM_SHOWN]:
            measure, value, said = one_claim_parts(figure, sources)
            parts.append(
                Text.assemble(
                    f"• {measure}: ",
                    (value, "bold"),
                    f" — {said}",
                    _refs(sources, figure.claims[0].sources),
                )
            )
        if len(single) > ONE_CLAIM_SHOWN:
            parts.append(Text(more_one_claim(len(single) - ONE_CLAIM_SHOWN), style="dim"))
    return Group(*parts)


def _coverage(story: Story, sources: StorySources) -> Table | None:
    rows: list[tuple[str, RenderableType]] = []
    for entry in story.coverage:
        if not entry.unique:
            continue
        who = Text.assemble(
            (entry.outlet or sources.outlet(entry.article), "bold"),
            _refs(sources, [entry.article]),
            ":",
        )
        rows.append(("•", Group(who, _list([("–", Text(item)) for item in entry.unique]))))
    return _items(rows)


def _timeline(story: Story, sources: StorySources) -> Table | None:
    return _items(
        [
            ("•", Text.assemble((t.date, "bold"), " — ", t.text, _refs(sources, t.sources)))
            for t in story.timeline
        ]
    )


def _events(story: Story, sources: StorySources) -> Table | None:
    return _items(
        [
            (
                "•",
                Text.assemble(
                    (e.date or "undated", "bold"), " — ", e.label, _refs(sources, e.articles)
                ),
            )
            for e in story.events
        ]
    )


def _legend(sources: StorySources) -> Table | None:
    return _items([(f"[{n}]", Text(line)) for n, line in sources.legend()])


def _articles_table(articles: list[Article]) -> Table:
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False)
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("Title", overflow="fold", ratio=3)
    table.add_column("Outlet", overflow="fold", ratio=1)
    table.add_column("Date", no_wrap=True)
    table.add_column("Quotes", justify="right", no_wrap=True)
    table.add_column("Claims", justify="right", no_wrap=True)
    numbers = {a.id: n for n, a in enumerate(articles, start=1)}
    for n, article in enumerate(articles, start=1):
        title = Text(article.title or article.source)
        if article.duplicate_of:
            original = numbers.get(article.duplicate_of)
            ref = f"#{original}" if original else article.duplicate_of
            title.append(f" (duplicate of {ref})", style="dim")
        table.add_row(
            str(n),
            title,
            Text(article.outlet or "—"),
            article.published or "undated",
            f"{len(article.quotes):,}",
            f"{len(article.claims):,}",
        )
    return table
