"""Cleaning stage: a RawDocument becomes an Article (body paragraphs, removed cruft, metadata).

Plain text goes through the line classifier of ``clean.text``; HTML goes through trafilatura
(``clean.html``) and then the same classifier for what leaks through, falling back to the page's
visible text when trafilatura finds nothing. Metadata the input declared wins over what is read
from the text, which wins over the input's hints (a WARC record's crawl date and host).
``clean_document`` never raises on odd input: an empty page gives an Article without
paragraphs, which the pipeline records as an error.
"""

from __future__ import annotations

import hashlib

from newsbrief.clean.html import drop_kickers, extract_html, keep_unlinked_runs, visible_text
from newsbrief.clean.metadata import parse_date
from newsbrief.clean.normalize import normalize_text
from newsbrief.clean.options import CleanOptions
from newsbrief.clean.text import TextClean, clean_text
from newsbrief.model import Article, RawDocument

__all__ = [
    "CleanOptions",
    "article_id",
    "clean_document",
    "normalize_text",
    "unclean_document",
]


def article_id(source: str) -> str:
    """Stable short id of a source: "a" + the first 10 hex digits of its SHA-1."""
    return "a" + hashlib.sha1(source.encode("utf-8")).hexdigest()[:10]


def _clean_html(
    raw: RawDocument, opts: CleanOptions, boilerplate: frozenset[str]
) -> tuple[TextClean, str | None, str | None]:
    """Clean an HTML page; also returns trafilatura's site name and date."""
    extracted = (
        extract_html(raw.content, url=raw.url, tables=opts.html_tables)
        if opts.use_trafilatura
        else None
    )
    if extracted is None:
        result = clean_text(
            visible_text(raw.content), title=raw.title, options=opts, boilerplate=boilerplate
        )
        return result, None, None
    title = raw.title or (normalize_text(extracted.title) if extracted.title else None)
    result = clean_text(
        extracted.text,
        title=title,
        options=opts,
        positional=opts.html_positional,
        boilerplate=boilerplate,
    )
    if opts.html_keep_unlinked_runs:
        result = keep_unlinked_runs(extracted, result, opts.html_max_link_share)
    result = drop_kickers(extracted, title, result)
    if title and result.title is None:
        result = TextClean(
            paragraphs=result.paragraphs,
            removed=result.removed,
            title=title,
            outlet=result.outlet,
            published=result.published,
        )
    return result, extracted.sitename, extracted.date


def clean_document(
    raw: RawDocument,
    *,
    options: CleanOptions | None = None,
    boilerplate: frozenset[str] = frozenset(),
) -> Article:
    """Body paragraphs, removed cruft (with reasons), title, outlet and date of one document.

    ``boilerplate``: keys (``clean.text.key``) of lines that recur across this outlet's pages.
    """
    opts = options or CleanOptions()
    sitename: str | None = None
    page_date: str | None = None
    if raw.format == "html":
        result, sitename, page_date = _clean_html(raw, opts, boilerplate)
    else:
        result = clean_text(raw.content, title=raw.title, options=opts, boilerplate=boilerplate)
    published = (
        raw.published
        or (parse_date(page_date) if page_date else None)
        or result.published
        or raw.date_hint
    )
    return Article(
        id=article_id(raw.source),
        source=raw.source,
        outlet=raw.outlet or sitename or result.outlet or raw.outlet_hint,
        title=raw.title or result.title,
        published=published,
        url=raw.url,
        folder=raw.folder,
        paragraphs=list(result.paragraphs),
        removed=list(result.removed),
    )


def unclean_document(raw: RawDocument) -> Article:
    """Normalised paragraphs only (HTML rendered to visible text); nothing removed or inferred."""
    text = visible_text(raw.content) if raw.format == "html" else raw.content
    paragraphs = [p.strip() for p in normalize_text(text).split("\n\n") if p.strip()]
    return Article(
        id=article_id(raw.source),
        source=raw.source,
        outlet=raw.outlet or raw.outlet_hint,
        title=raw.title,
        published=raw.published or raw.date_hint,
        url=raw.url,
        folder=raw.folder,
        paragraphs=paragraphs,
        removed=[],
    )
