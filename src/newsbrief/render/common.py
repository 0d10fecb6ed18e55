"""Formatting helpers shared by the renderers: numbers, values, badges, per-story source refs."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from newsbrief.model import Article, Figure, FigureClaim, Result, Story
from newsbrief.textsim import lead_label
from newsbrief.units import PERCENT, SYMBOL_OF

#: Visible status badges; conflicts and updates must stand out at a glance.
STATUS_BADGES: dict[str, str] = {
    "conflict": "⚠ CONFLICT",
    "update": "↗ UPDATE",
    "agree": "✓ agree",
    "single": "· single",
}

#: How a claim qualifier prefixes its value ("=" is exact, so no prefix).
QUALIFIER_PREFIX: dict[str, str] = {
    "=": "",
    "~": "~",
    ">": ">",
    "<": "<",
    ">=": "≥",
    "<=": "≤",
    "up": "+",
    "down": "−",
}


def format_number(value: float) -> str:
    """``2000.0`` → ``"2,000"``; ``3.25`` → ``"3.25"``; up to three decimals."""
    value = float(value)
    if value.is_integer():
        return f"{int(value):,}"
    text = f"{value:,.3f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))


def format_amount(value: float) -> str:
    """``format_number``, with a round large amount in words as the press writes it:
    ``14_200_000`` → ``"14.2 million"``; ``1_234_567`` stays ``"1,234,567"``."""
    for scale, word in SCALES:
        scaled = abs(value) / scale
        if scaled >= 1 and round(scaled, 2) == scaled:
            return f"{format_number(value / scale)} {word}"
    return format_number(value)


def format_value(
    value: float,
    *,
    qualifier: str = "=",
    low: float | None = None,
    high: float | None = None,
    unit: str | None = None,
) -> str:
    """A claimed value with its qualifier and unit: ``"~500"``, ``">100"``, ``"100–200"``,
    ``"4.5%"``, ``"~$30 million"``. Counted nouns ("soldiers") are the measure's subject, so
    only percent and currencies written with a symbol show here."""
    prefix = QUALIFIER_PREFIX.get(qualifier, qualifier)
    if low is not None and high is not None and low != high:
        body = f"{format_amount(low)}–{format_amount(high)}"
    else:
        body = format_amount(value)
    if unit == PERCENT:
        return f"{prefix}{body}%"
    money, _, per = (unit or "").partition(" per ")
    if money in SYMBOL_OF:
        return f"{prefix}{SYMBOL_OF[money]}{body}" + (f" a {per}" if per else "")
    return prefix + body


def claim_value(claim: FigureClaim) -> str:
    """``format_value`` for one figure claim."""
    return format_value(
        claim.value, qualifier=claim.qualifier, low=claim.low, high=claim.high, unit=claim.unit
    )


HEDGES = frozenset({"~", ">", "<", ">=", "<="})
"""Qualifiers that hedge a number ("about", "more than", "at least"), as opposed to a change
("+5"): a hedged claim of a number some claim states exactly adds nothing at a glance."""


def figure_gist(figure: Figure) -> str:
    """The figure at a glance: ``"120 vs 2,000"`` (conflict), ``"40 → 126 → 310"`` (update).
    A hedged value that another claim states exactly is shown once, exactly ("at least 40" in a
    headline and "40" in the body give "40 → 126", not "≥40 → 40 → 126"); the table below
    still lists every claim as made."""

    def bare(c: FigureClaim) -> str:  # the value as shown, without its qualifier
        return format_value(c.value, low=c.low, high=c.high, unit=c.unit)

    exact = {bare(c) for c in figure.claims if c.qualifier == "="}
    values = list(
        dict.fromkeys(
            claim_value(c)
            for c in figure.claims
            if not (c.qualifier in HEDGES and bare(c) in exact)
        )
    )
    if figure.status == "update":
        return " → ".join(values)
    if figure.status == "conflict":
        return " vs ".join(values)
    return ", ".join(values)


def one_claim(figure: Figure) -> bool:
    """A figure one claim from one source makes: the renderers list these in one line each,
    after the figures that compare claims, so agreement and disagreement stay at the top (a
    story of 20 undated PolNeAR articles had 30 such figures, each a heading and a table)."""
    return figure.status == "single" and len(figure.claims) == 1


def figure_order(figures: Iterable[Figure]) -> tuple[list[Figure], list[Figure]]:
    """The figures that compare claims (in their order), and the one-claim figures."""
    items = list(figures)
    return [f for f in items if not one_claim(f)], [f for f in items if one_claim(f)]


ONE_CLAIM_SHOWN = 10
"""One-claim figures a rendered brief lists per story; the JSON keeps every one. A 36-article
PolNeAR story had 34, mostly single poll shares, below the figures that compare claims."""


def more_one_claim(hidden: int) -> str:
    """The line after the listed one-claim figures, when some are left out."""
    return f"… and {plural(hidden, 'more one-source figure')} (all are in the JSON output)"


def one_claim_parts(figure: Figure, sources: StorySources) -> tuple[str, str, str]:
    """A one-claim figure as its measure, its value and who gives it ("Marren regional
    council, as of 2024-04-01, Delta Daily"), for the renderers' one-line form."""
    claim = figure.claims[0]
    outlets = ", ".join(sources.outlets(claim.sources))
    said = [claim.claimant or "unattributed"]
    said += [f"as of {claim.as_of}"] if claim.as_of else []
    said += [outlets] if outlets else []
    return measure_name(figure), claim_value(claim), ", ".join(said)


def figure_unit(figure: Figure) -> str | None:
    """The unit every claim of the figure has, if they share one."""
    units = {c.unit for c in figure.claims}
    return units.pop() if len(units) == 1 else None


def measure_name(figure: Figure) -> str:
    """The figure's measure, with what it counts when narrower ("killed (soldiers)"). What
    its values show already is left out: "percent" of a share ("turnout: 81%", not "percent
    turnout: 81%") and a currency written as a symbol ("aid: $5 million", not "aid (dollar)")."""
    unit = figure_unit(figure)
    measure, subject = figure.measure, figure.subject
    if unit == PERCENT and measure.startswith(f"{PERCENT} "):
        measure = measure[len(PERCENT) + 1 :]
    money = (unit or "").partition(" per ")[0]
    if money in SYMBOL_OF:
        measure = re.sub(rf"\s*\({money}s?\)$", "", measure)
        if subject and subject.lower().rstrip("s") == money:
            subject = None
    if subject and (measure.lower() + " ").startswith(f"{subject.lower()} "):
        subject = None  # "Varnian soldiers killed" says whose already; "passengers" is them
    return measure + (f" ({subject})" if subject else "")


def status_badge(status: str) -> str:
    """The visible badge for a figure status (unknown statuses are shown as they are)."""
    return STATUS_BADGES.get(status, status)


def plural(count: int, noun: str) -> str:
    """``(1, "story")`` → ``"1 story"``; ``(1200, "article")`` → ``"1,200 articles"``."""
    if count == 1:
        return f"1 {noun}"
    word = noun[:-1] + "ies" if noun.endswith("y") and noun[-2:-1] not in "aeiou" else noun + "s"
    return f"{count:,} {word}"


def footer(result: Result) -> str:
    """One line: ``"5 articles, 2 stories, 1 duplicate"`` (plus errors when there are any)."""
    duplicates = sum(1 for a in result.articles if a.duplicate_of)
    parts = [
        plural(len(result.articles), "article"),
        plural(len(result.stories), "story"),
        plural(duplicates, "duplicate"),
    ]
    if result.errors:
        parts.append(plural(len(result.errors), "error"))
    return ", ".join(parts)


def articles_by_id(result: Result) -> dict[str, Article]:
    """Index of the result's articles by id."""
    return {a.id: a for a in result.articles}


NAME_TITLE_CHARS = 60
"""How much of an article's title names it where its outlet is unknown."""


@dataclass(frozen=True)
class StorySources:
    """Numbered sources of one story: article ids → 1-based ref numbers, with their articles."""

    ids: tuple[str, ...]
    articles: Mapping[str, Article]
    numbers: Mapping[str, int] = field(init=False)

    def __post_init__(self) -> None:
        numbers = {article_id: n for n, article_id in enumerate(self.ids, start=1)}
        object.__setattr__(self, "numbers", numbers)

    def number(self, article_id: str) -> int:
        """The ref number of an article id (1-based)."""
        return self.numbers[article_id]

    def refs(self, article_ids: Iterable[str]) -> str:
        """Compact refs such as ``"[1,3]"`` or ``"[1–4,7]"``, sorted; ``""`` for none."""
        numbers = sorted({self.numbers[i] for i in article_ids if i in self.numbers})
        return "[" + ",".join(_runs(numbers)) + "]" if numbers else ""

    def outlets(self, article_ids: Iterable[str]) -> list[str]:
        """Distinct known outlets of the given articles, in first-seen order. An article
        without an outlet is left out: its source number (``refs``) names it already, and an
        id such as "a72c7ab804b" beside a quote read as an outlet's name."""
        names = [self.articles[i].outlet for i in article_ids if i in self.articles]
        return list(dict.fromkeys(n for n in names if n))

    def outlet(self, article_id: str) -> str:
        """Outlet name of one article; when the outlet is unknown its title, quoted and cut
        to ``NAME_TITLE_CHARS`` ("a3eb4311673" heading an article's coverage read as nothing),
        or without a title how it begins (``untitled``); its id only when it has no text."""
        article = self.articles.get(article_id)
        if article is None:
            return article_id
        if article.outlet:
            return article.outlet
        title = " ".join((article.title or lead_label(article, UNTITLED_LEAD_WORDS) or "").split())
        if not title:
            return article_id
        if len(title) > NAME_TITLE_CHARS:
            title = title[: NAME_TITLE_CHARS - 1].rsplit(" ", 1)[0] + "…"
        return f"“{title}”"

    def legend(self) -> list[tuple[int, str]]:
        """``(n, "outlet — title — date — id")`` for every source, duplicates marked."""
        lines = []
        for n, article_id in enumerate(self.ids, start=1):
            article = self.articles.get(article_id)
            if article is None:
                lines.append((n, f"{article_id} (not among the result's articles)"))
                continue
            parts = [
                article.outlet or "unknown outlet",
                article.title or untitled(article),
                article.published or "undated",
                article_id,
            ]
            text = " — ".join(parts)
            if article.duplicate_of:
                original = article.duplicate_of
                ref = f"[{self.numbers[original]}]" if original in self.numbers else original
                text += f" (duplicate of {ref})"
            lines.append((n, text))
        return lines


def _runs(numbers: Sequence[int]) -> list[str]:
    """``[1, 2, 3, 4, 7]`` → ``["1–4", "7"]``; runs shorter than three stay as they are."""
    parts: list[str] = []
    start = 0
    for end in range(1, len(numbers) + 1):
        if end == len(numbers) or numbers[end] != numbers[end - 1] + 1:
            run = numbers[start:end]
            if len(run) >= 3:
                parts.append(f"{run[0]}–{run[-1]}")
            else:
                parts.extend(str(n) for n in run)
            start = end
    return parts


def story_sources(story: Story, articles: Mapping[str, Article]) -> StorySources:
    """Number a story's sources: its articles in order, then any other article a section cites."""
    cited: list[str] = list(story.articles)
    for ids in _cited_ids(story):
        cited.extend(ids)
    return StorySources(ids=tuple(dict.fromkeys(cited)), articles=articles)


def _cited_ids(story: Story) -> Iterable[Sequence[str]]:
    yield from (s.sources for s in story.summary)
    yield from (q.sources for q in story.quotes)
    yield from (c.sources for f in story.figures for c in f.claims)
    yield from ([c.article] for c in story.coverage)
    yield from (t.sources for t in story.timeline)
    yield from (e.articles for e in story.events)


UNTITLED_LEAD_WORDS = 12
"""How much of an untitled source's lead its legend line shows."""


def untitled(article: Article) -> str:
    """A source without a title, named by how it begins (``textsim.lead_label``):
    ``untitled: “Al Gore to skip Democratic convention.”``; just ``untitled`` without text."""
    lead = lead_label(article, UNTITLED_LEAD_WORDS)
    return f"untitled: “{lead}”" if lead else "untitled"


def story_meta(story: Story, articles: Mapping[str, Article]) -> str:
    """``"3 articles · 2 outlets · 2024-03-02 – 2024-03-05"`` for a story header; articles
    without an outlet are counted apart ("2 outlets and 1 unknown", "outlet unknown"), not as
    no outlet at all."""
    members = [articles[i] for i in story.articles if i in articles]
    outlets = {a.outlet for a in members if a.outlet}
    unknown = sum(1 for a in members if not a.outlet)
    if not outlets:
        sources = "outlet unknown" if members else plural(0, "outlet")
    elif unknown:
        sources = f"{plural(len(outlets), 'outlet')} and {unknown} unknown"
    else:
        sources = plural(len(outlets), "outlet")
    dates = sorted(a.published for a in members if a.published)
    if not dates:
        span = "undated"
    elif dates[0] == dates[-1]:
        span = dates[0]
    else:
        span = f"{dates[0]} – {dates[-1]}"
    return " · ".join([plural(len(story.articles), "article"), sources, span])


def quote_text(text: str, kind: str) -> str:
    """Direct quotes in curly quotes; reported speech marked as such, a mixed quote with the
    marks of its quoted words ("(partly quoted) he would direct the agency “to stop …”"), so no
    paraphrase reads as the speaker's own words."""
    if kind == "indirect":
        return f"(indirect) {text}"
    if kind == "mixed":
        return f"(partly quoted) {text}"
    return f"“{text}”"
