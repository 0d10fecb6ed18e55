"""HTML pieces built in Python: highlighted article text, figure charts (inline SVG), snippets.

Every piece of article text goes through ``markupsafe.escape`` here; templates autoescape the
rest. Nothing built here can carry markup from an article into the page.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from urllib.parse import quote

from markupsafe import Markup, escape

from newsbrief.model import Article, Figure
from newsbrief.render.common import claim_value, format_number, measure_name

STATUS_LABELS = {
    "conflict": "⚠ conflict",
    "update": "↗ update",
    "agree": "✓ agree",
    "single": "· single",
}
STATUS_COLOURS = {
    "conflict": "#b3261e",
    "update": "#a05a00",
    "agree": "#2e7d32",
    "single": "#5b6570",
}
_WORD = re.compile(r"\w+", re.UNICODE)


def path_id(value: str) -> str:
    """An id made safe for a URL path segment."""
    return quote(value, safe="")


def safe_url(url: str | None) -> str | None:
    """Only http(s) links from articles are linked (no ``javascript:`` and friends)."""
    if url and re.match(r"^https?://", url.strip(), re.IGNORECASE):
        return url.strip()
    return None


# ---------------------------------------------------------------- highlighted text


@dataclass(frozen=True)
class Span:
    """A highlighted range of one paragraph: CSS class and tooltip."""

    start: int
    end: int
    css: str
    title: str


def article_spans(article: Article) -> dict[int, list[Span]]:
    """Quotes (class ``q``) and numbers (``n``; ``n claim`` for figures) per paragraph."""
    claims = {(c.paragraph, c.text): c for c in article.claims if c.text}
    out: dict[int, list[Span]] = {}
    for q in article.quotes:
        who = q.speaker or q.speaker_mention or "unattributed"
        for part in q.spans:
            out.setdefault(part.paragraph, []).append(
                Span(part.start, part.end, "q", f"{q.kind} quote — {who}")
            )
    for n in article.quantities:
        claim = claims.get((n.paragraph, n.text))
        if claim is not None:
            as_of = f", as of {claim.as_of}" if claim.as_of else ""
            title = f"figure: {claim.measure} = {format_number(claim.value)}"
            title += f" (claimed by {claim.claimant or 'the outlet'}{as_of})"
            out.setdefault(n.paragraph, []).append(Span(n.start, n.end, "n claim", title))
        else:
            title = f"number: {format_number(n.value)}" + (f" {n.unit}" if n.unit else "")
            out.setdefault(n.paragraph, []).append(Span(n.start, n.end, "n", title))
    return out


def highlight(text: str, spans: Sequence[Span]) -> Markup:
    """``text`` escaped, with each span wrapped in ``<mark>`` (nested spans merged by segment)."""
    valid = [s for s in spans if 0 <= s.start < s.end <= len(text)]
    if not valid:
        return escape(text)
    cuts = sorted({0, len(text), *(s.start for s in valid), *(s.end for s in valid)})
    parts: list[str] = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        piece = escape(text[a:b])
        active = [s for s in valid if s.start <= a and b <= s.end]
        if not active:
            parts.append(piece)
            continue
        classes = " ".join(dict.fromkeys(c for s in active for c in s.css.split()))
        title = " · ".join(dict.fromkeys(s.title for s in active))
        parts.append(f'<mark class="{escape(classes)}" title="{escape(title)}">{piece}</mark>')
    return Markup("".join(parts))


def snippet(text: str, query: str, *, width: int = 200) -> Markup:
    """A window of ``text`` around the first query word, escaped, with the words marked."""
    words = [w.lower() for w in _WORD.findall(query)]
    if not words:
        return escape(text[:width])
    pattern = re.compile(r"\b(" + "|".join(re.escape(w) for w in words) + r")", re.IGNORECASE)
    found = pattern.search(text)
    start = max(0, (found.start() if found else 0) - width // 3)
    window = text[start : start + width]
    prefix = "…" if start > 0 else ""
    suffix = "…" if start + width < len(text) else ""
    out: list[str] = []
    last = 0
    for match in pattern.finditer(window):
        out.append(escape(window[last : match.start()]))
        out.append(f"<mark>{escape(match.group(0))}</mark>")
        last = match.end()
    out.append(escape(window[last:]))
    return Markup(prefix + "".join(out) + suffix)


# ---------------------------------------------------------------- figure chart


def figure_chart(figure: Figure, numbers: Mapping[str, int], outlets: Mapping[str, str]) -> Markup:
    """One horizontal bar per claimed value, coloured by the figure's status (inline SVG).

    A log scale is used when the values span more than a factor of 20, so 120 and 2,000 both
    stay visible; the axis says which.
    """
    claims = figure.claims
    if not claims:
        return Markup("")
    values = [max(abs(c.high if c.high is not None else c.value), 0.0) for c in claims]
    top = max(values) or 1.0
    positive = [v for v in values if v > 0]
    low = min(positive) if positive else 1.0
    log = top / low > 20
    colour = STATUS_COLOURS.get(figure.status, "#5b6570")
    label_w, bar_w, row_h, pad = 230, 330, 24, 6
    width = label_w + bar_w + 70
    height = pad * 2 + row_h * len(claims) + 16

    def length(v: float) -> float:
        if v <= 0:
            return 0.0
        if log:
            return bar_w * math.log10(v / low * 10) / math.log10(top / low * 10)
        return bar_w * v / top

    rows: list[str] = []
    for i, (claim, value) in enumerate(zip(claims, values, strict=True)):
        y = pad + i * row_h
        who = claim.claimant or "unattributed"
        cites = ",".join(str(numbers[s]) for s in claim.sources if s in numbers)
        sources = "; ".join(outlets.get(s, s) for s in claim.sources)
        label = f"{who}" + (f" · {claim.as_of}" if claim.as_of else "")
        if len(label) > 34:
            label = label[:33] + "…"
        tip = f"{claim_value(claim)} — {who}" + (f", as of {claim.as_of}" if claim.as_of else "")
        tip += f" — {sources}" if sources else ""
        w = max(length(value), 2.0)
        rows.append(
            f"<g><title>{escape(tip)}</title>"
            f'<text x="{label_w - 6}" y="{y + 16}" text-anchor="end" font-size="12" '
            f'fill="#1d232a">{escape(label)}</text>'
            f'<rect x="{label_w}" y="{y + 4}" width="{w:.1f}" height="{row_h - 8}" '
            f'fill="{colour}" rx="2"></rect>'
            f'<text x="{label_w + w + 5:.1f}" y="{y + 16}" font-size="12" fill="#1d232a">'
            f"{escape(claim_value(claim))}"
            f"{escape(f' [{cites}]') if cites else ''}</text></g>"
        )
    axis_y = pad + row_h * len(claims) + 12
    scale = "log scale" if log else "linear scale"
    aria = f"{measure_name(figure)}: {figure.status}, " + ", ".join(claim_value(c) for c in claims)
    return Markup(
        f'<svg class="chart" xmlns="http://www.w3.org/2000/svg" role="img" '
        f'aria-label="{escape(aria)}" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}" data-status="{escape(figure.status)}">'
        f'<line x1="{label_w}" y1="{pad}" x2="{label_w}" y2="{axis_y - 10}" stroke="#999"></line>'
        + "".join(rows)
        + f'<text x="{label_w}" y="{axis_y}" font-size="10" fill="#5b6570">{scale}</text></svg>'
    )
