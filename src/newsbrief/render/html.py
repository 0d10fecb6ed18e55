"""The brief as one self-contained HTML page: inline CSS, inline SVG charts, no script, no
external asset (it opens from disk, offline, and can be mailed as one file).

Every piece of article text goes through :func:`html.escape`, so markup in the news (a
``<script>`` in a scraped page) is shown as text and never runs. Each figure group gets a small
chart: claimed values over time, one colour per claimant, conflicts and updates badged.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from html import escape as _escape

from newsbrief.model import Article, Figure, FigureClaim, Result, Story
from newsbrief.render.common import (
    ONE_CLAIM_SHOWN,
    StorySources,
    articles_by_id,
    claim_value,
    figure_gist,
    figure_order,
    footer,
    format_value,
    measure_name,
    more_one_claim,
    one_claim_parts,
    quote_text,
    status_badge,
    story_meta,
    story_sources,
)

#: Claimant colours (colour-blind-safe Okabe–Ito palette), cycled.
PALETTE: tuple[str, ...] = (
    "#0072B2",
    "#D55E00",
    "#009E73",
    "#CC79A7",
    "#E69F00",
    "#56B4E9",
    "#000000",
)

CSS = """
:root { --fg:#1d1d1f; --muted:#5f6368; --line:#d9d9de; --bg:#fff; --accent:#0b57d0;
        --conflict:#b3261e; --update:#8a5a00; --agree:#1e7b34; }
* { box-sizing: border-box; }
body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg);
       background: var(--bg); margin: 0 auto; max-width: 60rem; padding: 1.5rem; }
h1 { font-size: 1.6rem; margin: 0 0 1rem; }
h2 { font-size: 1.35rem; margin: 2.2rem 0 .2rem; border-top: 2px solid var(--line);
     padding-top: 1rem; }
h3 { font-size: 1.05rem; margin: 1.4rem 0 .4rem; text-transform: uppercase;
     letter-spacing: .04em; color: var(--muted); }
h4 { font-size: 1rem; margin: 1rem 0 .3rem; }
.meta, .muted { color: var(--muted); font-size: .9rem; }
a { color: var(--accent); text-decoration: none; }
a:hover { text-decoration: underline; }
sup.refs { font-size: .72rem; margin-left: .15rem; white-space: nowrap; }
ol.summary li { margin: .3rem 0; }
ul { padding-left: 1.3rem; }
li { margin: .2rem 0; }
q.quote { font-style: italic; quotes: "\\201C" "\\201D"; }
.badge { display: inline-block; font-size: .78rem; font-weight: 700; padding: .05rem .45rem;
         border-radius: .3rem; border: 1px solid currentColor; vertical-align: middle; }
.status-conflict { color: var(--conflict); background: #fdecea; }
.status-update { color: var(--update); background: #fff4e0; }
.status-agree { color: var(--agree); background: #e8f5ea; }
.status-single { color: var(--muted); }
.figure { border: 1px solid var(--line); border-radius: .5rem; padding: .6rem .9rem;
          margin: .8rem 0; }
.figure.conflict { border-left: 5px solid var(--conflict); }
.figure.update { border-left: 5px solid var(--update); }
.gist { font-weight: 600; margin-left: .4rem; }
table { border-collapse: collapse; width: 100%; margin: .4rem 0; font-size: .92rem; }
th, td { text-align: left; padding: .25rem .5rem; border-bottom: 1px solid var(--line);
         vertical-align: top; }
td.value, th.value { text-align: right; font-variant-numeric: tabular-nums; font-weight: 600; }
svg.chart { display: block; max-width: 100%; height: auto; margin: .4rem 0; }
svg.chart text { font: 11px system-ui, sans-serif; fill: #333; }
.swatch { display: inline-block; width: .7rem; height: .7rem; border-radius: 50%;
          margin-right: .3rem; vertical-align: baseline; }
dl.legend dt { font-weight: 600; }
footer { margin-top: 2.5rem; color: var(--muted); font-size: .85rem;
         border-top: 1px solid var(--line); padding-top: .6rem; }
"""


def escape(text: str) -> str:
    """HTML-escape article text (quotes included), so it is always shown as text."""
    return _escape(text, quote=True)


def render_html(result: Result, *, title: str = "News brief") -> str:
    """The whole brief as one self-contained HTML document."""
    articles = articles_by_id(result)
    body: list[str] = [f"<h1>{escape(title)}</h1>"]
    if result.stories:
        body.append(_contents(result.stories))
    for number, story in enumerate(result.stories, start=1):
        body.append(_story(number, story, articles))
    if not result.stories and result.articles:
        body.append("<h2>Articles (no stories)</h2>")
        body.append(_articles_table(result.articles))
    if result.errors:
        body.append('<h2 id="errors">Errors (inputs that could not be read)</h2><ul>')
        body.extend(
            f"<li><code>{escape(e.source)}</code>: {escape(e.error)}</li>" for e in result.errors
        )
        body.append("</ul>")
    body.append(f"<footer>{escape(footer(result))}</footer>")
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta http-equiv="Content-Security-Policy" '
        "content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n"
        f"<title>{escape(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
        + "\n".join(body)
        + "\n</body>\n</html>\n"
    )


def _contents(stories: Sequence[Story]) -> str:
    items = "".join(
        f'<li><a href="#{_anchor(s)}">{escape(s.title or s.id)}</a></li>' for s in stories
    )
    return f'<nav aria-label="Stories"><ol>{items}</ol></nav>'


def _anchor(story: Story) -> str:
    return "story-" + "".join(c if c.isalnum() or c in "-_" else "-" for c in story.id)


def _story(number: int, story: Story, articles: Mapping[str, Article]) -> str:
    sources = story_sources(story, articles)
    anchor = _anchor(story)
    parts = [
        f'<section class="story" id="{anchor}">',
        f"<h2>{number}. {escape(story.title)}</h2>",
        f'<p class="meta">{escape(story_meta(story, articles))} · <code>{escape(story.id)}</code>'
        "</p>",
    ]
    sections = [
        ("Summary", _summary(story, sources, anchor)),
        ("Quotes", _quotes(story, sources, anchor)),
        ("Figures", _figures(story.figures, sources, anchor)),
        ("Coverage (what only one article reports)", _coverage(story, sources, anchor)),
        ("Timeline", _timeline(story, sources, anchor)),
        ("Events", _events(story, sources, anchor)),
        ("Sources", _legend(sources, anchor)),
    ]
    for title, html in sections:
        if html:
            parts.append(f"<h3>{escape(title)}</h3>\n{html}")
    parts.append("</section>")
    return "\n".join(parts)


def _refs(sources: StorySources, ids: Sequence[str], anchor: str) -> str:
    """Superscript citation links ``[1,3]`` to the story's sources list."""
    numbers = sorted({sources.number(i) for i in ids if i in sources.numbers})
    if not numbers:
        return ""
    links = ",".join(
        f'<a href="#{anchor}-src{n}" title="{escape(sources.outlet(sources.ids[n - 1]))}">{n}</a>'
        for n in numbers
    )
    return f'<sup class="refs">[{links}]</sup>'


def _summary(story: Story, sources: StorySources, anchor: str) -> str:
    if not story.summary:
        return ""
    items = "".join(
        f"<li>{escape(s.text)}{_refs(sources, s.sources, anchor)}</li>" for s in story.summary
    )
    return f'<ol class="summary">{items}</ol>'


def _quotes(story: Story, sources: StorySources, anchor: str) -> str:
    if not story.quotes:
        return ""
    items = []
    for quote in story.quotes:
        outlets = ", ".join(sources.outlets(quote.sources))
        said = (
            f'<q class="quote">{escape(quote.text)}</q>'
            if quote.kind == "direct"
            else f"<i>{escape(quote_text(quote.text, quote.kind))}</i>"
        )
        items.append(
            f"<li>{said} — <strong>{escape(quote.speaker or 'unattributed')}</strong>"
            + (f' <span class="muted">({escape(outlets)})</span>' if outlets else "")
            + _refs(sources, quote.sources, anchor)
            + "</li>"
        )
    return '<ul class="quotes">' + "".join(items) + "</ul>"


def _figures(figures: Sequence[Figure], sources: StorySources, anchor: str) -> str:
    blocks = []
    compared, single = figure_order(figures)
    for figure in compared:
        badge = (
            f'<span class="badge status-{escape(figure.status)}">'
            f"{escape(status_badge(figure.status))}</span>"
        )
        rows = []
        for claim in figure.claims:
            outlets = ", ".join(sources.outlets(claim.sources))
            rows.append(
                "<tr>"
                f'<td class="value">{escape(claim_value(claim))}</td>'
                f"<td>{escape(claim.claimant or 'unattributed')}</td>"
                f"<td>{escape(claim.as_of or '—')}</td>"
                f"<td>{escape(outlets)}{_refs(sources, claim.sources, anchor)}</td>"
                "</tr>"
            )
        blocks.append(
            f'<div class="figure {escape(figure.status)}">'
            f"<h4>{escape(measure_name(figure))} {badge}"
            f'<span class="gist">{escape(figure_gist(figure))}</span></h4>'
            + figure_chart(figure)
            + '<table><thead><tr><th class="value">Value</th><th>Claimant</th><th>As of</th>'
            "<th>Sources</th></tr></thead><tbody>" + "".join(rows) + "</tbody></table></div>"
        )
    if single:
        items = []
        for figure in single[:ONE_CLAIM_SHOWN]:
            measure, value, said = one_claim_parts(figure, sources)
            items.append(
                f'<li>{escape(measure)}: <span class="value">{escape(value)}</span> — '
                f"{escape(said)}{_refs(sources, figure.claims[0].sources, anchor)}</li>"
            )
        if len(single) > ONE_CLAIM_SHOWN:
            more = more_one_claim(len(single) - ONE_CLAIM_SHOWN)
            items.append(f'<li class="muted">{escape(more)}</li>')
        blocks.append(
            '<div class="single-figures"><p class="muted">One source each:</p>'
            '<ul class="figures">' + "".join(items) + "</ul></div>"
        )
    return "\n".join(blocks)


def _coverage(story: Story, sources: StorySources, anchor: str) -> str:
    items = []
    for entry in story.coverage:
        if not entry.unique:
            continue
        who = escape(entry.outlet or sources.outlet(entry.article))
        inner = "".join(f"<li>{escape(u)}</li>" for u in entry.unique)
        items.append(
            f"<li><strong>{who}</strong>{_refs(sources, [entry.article], anchor)}:"
            f"<ul>{inner}</ul></li>"
        )
    return f"<ul>{''.join(items)}</ul>" if items else ""


def _timeline(story: Story, sources: StorySources, anchor: str) -> str:
    if not story.timeline:
        return ""
    items = "".join(
        f"<li><time>{escape(t.date)}</time> — {escape(t.text)}"
        f"{_refs(sources, t.sources, anchor)}</li>"
        for t in story.timeline
    )
    return f'<ul class="timeline">{items}</ul>'


def _events(story: Story, sources: StorySources, anchor: str) -> str:
    if not story.events:
        return ""
    items = "".join(
        f"<li><time>{escape(e.date or 'undated')}</time> — {escape(e.label)}"
        f"{_refs(sources, e.articles, anchor)}</li>"
        for e in story.events
    )
    return f"<ul>{items}</ul>"


def _legend(sources: StorySources, anchor: str) -> str:
    items = []
    for n, line in sources.legend():
        article = sources.articles.get(sources.ids[n - 1])
        link = (
            f' <a href="{escape(article.url)}" rel="noopener noreferrer">link</a>'
            if article is not None and article.url and article.url.startswith(("http:", "https:"))
            else ""
        )
        items.append(f'<li id="{anchor}-src{n}" value="{n}">{escape(line)}{link}</li>')
    return f'<ol class="sources">{"".join(items)}</ol>'


def _articles_table(articles: Sequence[Article]) -> str:
    rows = []
    numbers = {a.id: n for n, a in enumerate(articles, start=1)}
    for n, article in enumerate(articles, start=1):
        title = escape(article.title or article.source)
        if article.duplicate_of:
            original = numbers.get(article.duplicate_of)
            title += escape(
                f" (duplicate of {f'#{original}' if original else article.duplicate_of})"
            )
        rows.append(
            f'<tr><td class="value">{n}</td><td>{title}</td>'
            f"<td>{escape(article.outlet or '—')}</td><td>{escape(article.published or 'undated')}"
            f'</td><td class="value">{len(article.quotes):,}</td>'
            f'<td class="value">{len(article.claims):,}</td></tr>'
        )
    return (
        '<table><thead><tr><th class="value">#</th><th>Title</th><th>Outlet</th><th>Date</th>'
        '<th class="value">Quotes</th><th class="value">Claims</th></tr></thead><tbody>'
        + "".join(rows)
        + "</tbody></table>"
    )


# ---------------------------------------------------------------- charts

CHART_WIDTH = 560
CHART_HEIGHT = 180
_MARGIN = (16, 16, 34, 56)  # top, right, bottom, left


def _day(date: str | None) -> int | None:
    if not date:
        return None
    try:
        return dt.date.fromisoformat(date[:10]).toordinal()
    except ValueError:
        return None


def figure_chart(figure: Figure) -> str:
    """An inline SVG of the figure's claimed values over time, one colour per claimant.

    The x axis is the as-of date (undated claims sit at the right under "undated"); the y axis
    starts at 0. Each point is labelled with its value; a claimant's points are joined in time
    order. Ranges are drawn as a vertical bar from low to high.
    """
    claims = list(figure.claims)
    if not claims:
        return ""
    claimants = list(dict.fromkeys(c.claimant or "unattributed" for c in claims))
    colour = {name: PALETTE[i % len(PALETTE)] for i, name in enumerate(claimants)}
    days = sorted({d for c in claims if (d := _day(c.as_of)) is not None})
    undated = any(_day(c.as_of) is None for c in claims)
    slots: list[int | None] = [*days, *([None] if undated else [])]
    top, right, bottom, left = _MARGIN
    plot_w = CHART_WIDTH - left - right
    plot_h = CHART_HEIGHT - top - bottom
    high = max(max(c.high or c.value, c.value) for c in claims)
    y_max = high * 1.15 if high > 0 else 1.0

    def x_of(day: int | None) -> float:
        if len(slots) == 1:
            return left + plot_w / 2
        if day is None:
            return float(left + plot_w)
        if len(days) > 1:
            span = days[-1] - days[0]
            width = plot_w * (0.82 if undated else 1.0)
            return left + width * (day - days[0]) / span
        return float(left)

    def y_of(value: float) -> float:
        return top + plot_h * (1 - max(value, 0.0) / y_max)

    out = [
        f'<svg class="chart" role="img" viewBox="0 0 {CHART_WIDTH} {CHART_HEIGHT}" '
        f'width="{CHART_WIDTH}" height="{CHART_HEIGHT}" xmlns="http://www.w3.org/2000/svg">',
        f"<title>{escape(measure_name(figure))}: {escape(figure_gist(figure))} "
        f"({escape(figure.status)})</title>",
        f'<line x1="{left}" y1="{top + plot_h}" x2="{left + plot_w}" y2="{top + plot_h}" '
        'stroke="#999"/>',
        f'<line x1="{left}" y1="{top}" x2="{left}" y2="{top + plot_h}" stroke="#999"/>',
    ]
    units = {c.unit for c in claims}
    unit = units.pop() if len(units) == 1 else None
    for tick in (0.0, high):
        y = y_of(tick)
        label = escape(format_value(tick, unit=unit))
        out.append(f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end">{label}</text>')
    for x, label in _axis_labels([(x_of(day), _slot_label(day)) for day in slots]):
        anchor = "end" if x + _text_width(label) / 2 > CHART_WIDTH else "middle"
        out.append(
            f'<text x="{x:.1f}" y="{CHART_HEIGHT - 12}" text-anchor="{anchor}">{label}</text>'
        )
    placed: list[tuple[float, float, str]] = []  # value labels written so far
    for name in claimants:
        mine = sorted(
            (c for c in claims if (c.claimant or "unattributed") == name),
            key=lambda c: (_day(c.as_of) is None, _day(c.as_of) or 0),
        )
        points = [(x_of(_day(c.as_of)), y_of(c.value), c) for c in mine]
        if len(points) > 1:
            path = " ".join(f"{x:.1f},{y:.1f}" for x, y, _ in points)
            out.append(
                f'<polyline points="{path}" fill="none" stroke="{colour[name]}" '
                'stroke-width="2" opacity="0.6"/>'
            )
        for x, y, claim in points:
            out.append(_point(x, y, claim, name, colour[name], y_of, placed))
    out.append("</svg>")
    legend = "".join(
        f'<span class="muted" style="margin-right:.9rem"><span class="swatch" '
        f'style="background:{colour[name]}"></span>{escape(name)}</span>'
        for name in claimants
    )
    return "".join(out) + f'<div class="chart-legend">{legend}</div>'


CHAR_WIDTH = 6.2
"""About how wide a character of the charts' 11px text is, to keep labels apart and inside."""


def _text_width(text: str) -> float:
    return CHAR_WIDTH * len(text)


def _slot_label(day: int | None) -> str:
    return dt.date.fromordinal(day).isoformat() if day is not None else "undated"


def _axis_labels(labels: list[tuple[float, str]]) -> list[tuple[float, str]]:
    """The x-axis labels that do not overlap, left to right; the last one (the latest date or
    "undated") goes before its neighbour, but not before the first: days a day apart had
    printed over each other."""

    def clash(a: tuple[float, str], b: tuple[float, str]) -> bool:
        return b[0] - a[0] < (_text_width(a[1]) + _text_width(b[1])) / 2 + 4

    kept: list[tuple[float, str]] = []
    for i, item in enumerate(labels):
        if i == len(labels) - 1:
            while len(kept) > 1 and clash(kept[-1], item):
                kept.pop()
        if not kept or not clash(kept[-1], item):
            kept.append(item)
    return kept


def _point(
    x: float,
    y: float,
    claim: FigureClaim,
    name: str,
    colour: str,
    y_of: Callable[[float], float],
    placed: list[tuple[float, float, str]],
) -> str:
    value = claim_value(claim)
    tip = f"{value} — {name}, as of {claim.as_of or 'undated'}"
    bar = ""
    if claim.low is not None and claim.high is not None and claim.low != claim.high:
        y_low, y_high = y_of(claim.low), y_of(claim.high)
        bar = (
            f'<line x1="{x:.1f}" y1="{y_low:.1f}" x2="{x:.1f}" y2="{y_high:.1f}" '
            f'stroke="{colour}" stroke-width="3" opacity="0.5"/>'
        )
    return (
        f'<g class="point">{bar}<circle cx="{x:.1f}" cy="{y:.1f}" r="5" fill="{colour}">'
        f"<title>{escape(tip)}</title></circle>"
        f"{_value_label(x, y, value, colour, placed)}</g>"
    )


def _value_label(
    x: float, y: float, value: str, colour: str, placed: list[tuple[float, float, str]]
) -> str:
    """A point's value beside it: to its right, or to its left near the chart's right edge.
    Where another claimant's point already stands, the same value is not written twice and
    another value goes above it ("≥40" over "40", not on it). ``placed`` collects the labels
    written so far."""
    while any(abs(x - px) < 1 and abs(y - py) < 11 for px, py, _ in placed):
        if any(abs(x - px) < 1 and abs(y - py) < 11 and text == value for px, py, text in placed):
            return ""
        y -= 12
    placed.append((x, y, value))
    if x + 8 + _text_width(value) > CHART_WIDTH:
        return (
            f'<text x="{x - 8:.1f}" y="{y - 6:.1f}" fill="{colour}" text-anchor="end">'
            f"{escape(value)}</text>"
        )
    return f'<text x="{x + 8:.1f}" y="{y - 6:.1f}" fill="{colour}">{escape(value)}</text>'
