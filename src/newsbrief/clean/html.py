"""Main text and metadata of an HTML page: trafilatura first, the page's visible text as fallback.

trafilatura (2.x ``bare_extraction``) finds the article block and the page metadata; what leaks
through it is then cleaned by the plain-text pass. Two structural checks help both: a body split
over several same-class containers (ad rows between chunks) is re-joined before a second
trafilatura run, and ``keep_unlinked_runs`` puts back list, table and short-line runs that the
plain-text rules take for menus when the page shows them as text rather than links.
``visible_text`` renders a page to text with one line per block element, for the fallback and
for ``--no-clean``.
"""

from __future__ import annotations

import copy
import logging
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import lxml.html
from lxml import etree

from newsbrief.clean.lines import split_lines
from newsbrief.clean.normalize import normalize_text
from newsbrief.clean.patterns import cruft_reason
from newsbrief.clean.text import TextClean
from newsbrief.model import Removed

log = logging.getLogger(__name__)

_INVISIBLE_TAGS = (
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "canvas",
    "iframe",
    "object",
    "head",
)
_BLOCK_TAGS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "br",
        "dd",
        "details",
        "dialog",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
        "caption",
        "option",
        "select",
        "button",
    ]
)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")  # lxml rejects
_WORD = re.compile(r"\w+")

# Split bodies: a paragraph of _PROSE_WORDS words is prose; a chunk needs _CHUNK_MIN_WORDS of it,
# at most _CHUNK_MAX_LINK_SHARE of its words in links, and a common ancestor with the extracted
# chunk at most _CHUNK_MAX_LEVELS up. The re-run must keep _RERUN_MIN_KEPT of the first text.
_PROSE_WORDS = 5
_CHUNK_MIN_WORDS = 40
_CHUNK_MAX_LINK_SHARE = 0.3
_CHUNK_MAX_LEVELS = 4
_RERUN_MIN_KEPT = 0.95
# Elements longer than this are page regions, never "the element holding a line".
_ELEMENT_MAX_CHARS = 5000


@dataclass(frozen=True)
class HtmlExtract:
    """What trafilatura found: body text (one paragraph per line), page metadata, and the
    parsed page (for ``link_shares``)."""

    text: str
    title: str | None
    sitename: str | None
    date: str | None
    author: str | None
    tree: lxml.html.HtmlElement | None = field(default=None, compare=False, repr=False)


def _parse(html: str) -> lxml.html.HtmlElement | None:
    """lxml tree of a page, or None when it has no parseable markup."""
    html = _NOT_XML.sub(" ", _XML_DECL.sub("", html))
    if not html.strip():
        return None
    try:
        return lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError) as exc:
        log.debug("lxml could not parse the page: %s", exc)
        return None


def _bare(
    tree: lxml.html.HtmlElement, url: str | None, *, metadata: bool, tables: bool
) -> Any | None:
    """trafilatura's document for a tree (recall-favouring; no comments, images or links)."""
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(
            tree,
            url=url,
            with_metadata=metadata,
            favor_recall=True,
            include_comments=False,
            include_tables=tables,
            include_images=False,
            include_links=False,
        )
    except (ValueError, TypeError, etree.LxmlError) as exc:
        log.warning("trafilatura failed on %s: %s", url or "a page", exc)
        return None
    if doc is None or isinstance(doc, dict) or not (doc.text or "").strip():
        return None
    return doc


def extract_html(html: str, *, url: str | None = None, tables: bool = True) -> HtmlExtract | None:
    """trafilatura's main text and metadata. A body split over same-class containers (ad rows
    between chunks) is re-joined and extracted again, as trafilatura keeps only one chunk."""
    tree = _parse(html)
    if tree is None:
        return None
    doc = _bare(tree, url, metadata=True, tables=tables)
    if doc is None:
        return None
    text: str = doc.text
    if _join_split_body(tree, text):
        joined = _bare(tree, url, metadata=False, tables=tables)
        if joined is not None and _covers(joined.text, text):
            text = joined.text
    return HtmlExtract(
        text=text,
        title=doc.title or None,
        sitename=doc.sitename or None,
        date=doc.date or None,
        author=doc.author or None,
        tree=tree,
    )


def _key(text: str) -> str:
    """Comparison key of a text: its case-folded words, space-separated."""
    return " ".join(_WORD.findall(text.casefold()))


def _n_words(text: str) -> int:
    return len(_WORD.findall(text))


def _covers(new: str, old: str) -> bool:
    """Whether ``new`` is longer than ``old`` and keeps nearly all of its words."""
    new_words, old_words = Counter(_WORD.findall(new)), Counter(_WORD.findall(old))
    n_old = sum(old_words.values())
    kept = sum((new_words & old_words).values())
    return sum(new_words.values()) > n_old and kept >= _RERUN_MIN_KEPT * n_old


def _classed_container(element: lxml.html.HtmlElement) -> lxml.html.HtmlElement | None:
    """The nearest ancestor (at most three levels up) that carries a class attribute."""
    parent = element.getparent()
    for _ in range(3):
        if parent is None:
            return None
        if parent.get("class"):
            return parent
        parent = parent.getparent()
    return None


def _prose_keys(element: lxml.html.HtmlElement) -> list[str]:
    """Keys of the ``<p>`` paragraphs of an element that are long enough to be prose."""
    keys = (_key(" ".join(p.itertext())) for p in element.iter("p"))
    return [k for k in keys if k.count(" ") + 1 >= _PROSE_WORDS]


def _link_share(element: lxml.html.HtmlElement) -> float:
    """Share of an element's words inside links; 1.0 for a link or an element inside one."""
    if element.tag == "a" or next(element.iterancestors("a"), None) is not None:
        return 1.0
    words = _n_words(" ".join(element.itertext()))
    linked = sum(_n_words(" ".join(a.itertext())) for a in element.iter("a"))
    return min(1.0, linked / words) if words else 1.0


def _levels_to_common_ancestor(
    main: lxml.html.HtmlElement, other: lxml.html.HtmlElement
) -> int | None:
    """How many levels above ``main`` its lowest common ancestor with ``other`` is."""
    ancestors = list(main.iterancestors())
    for ancestor in other.iterancestors():
        if ancestor in ancestors:
            return ancestors.index(ancestor) + 1
    return None


def _missed_chunks(tree: lxml.html.HtmlElement, text: str) -> list[lxml.html.HtmlElement]:
    """Body chunks trafilatura missed, with the chunk it took first.

    The chunk taken is the classed container holding most of the extracted paragraphs. A missed
    chunk has the same tag and class, is neither inside nor around it, sits close by in the same
    ``<article>`` (their common ancestor at most ``_CHUNK_MAX_LEVELS`` up), holds prose
    paragraphs mostly not extracted, and is not a link list.
    """
    extracted = f" {_key(text)} "
    counts: Counter[lxml.html.HtmlElement] = Counter()
    for p in tree.iter("p"):
        k = _key(" ".join(p.itertext()))
        if k.count(" ") + 1 >= _PROSE_WORDS and f" {k} " in extracted:
            container = _classed_container(p)
            if container is not None:
                counts[container] += 1
    if not counts:
        return []
    main, hits = counts.most_common(1)[0]
    if hits < 2:
        return []
    article = next(main.iterancestors("article"), None)
    chunks: list[lxml.html.HtmlElement] = []
    for other in tree.iter(main.tag):
        if other is main or other.get("class") != main.get("class"):
            continue
        around = list(other.iterancestors())
        if main in around or any(chunk in around for chunk in chunks):
            continue
        if other in main.iterancestors() or next(other.iterancestors("article"), None) != article:
            continue
        levels = _levels_to_common_ancestor(main, other)
        if levels is None or levels > _CHUNK_MAX_LEVELS:
            continue
        prose = _prose_keys(other)
        words = sum(k.count(" ") + 1 for k in prose)
        seen = sum(k.count(" ") + 1 for k in prose if f" {k} " in extracted)
        if words < _CHUNK_MIN_WORDS or 2 * seen >= words:
            continue
        if _link_share(other) > _CHUNK_MAX_LINK_SHARE:
            continue
        chunks.append(other)
    return [main, *chunks] if chunks else []


def _join_split_body(tree: lxml.html.HtmlElement, text: str) -> bool:
    """Move the body chunks trafilatura missed (``_missed_chunks``) into the chunk it took, in
    page order, so that a second run sees one body; True when any were moved."""
    found = _missed_chunks(tree, text)
    if not found:
        return False
    main, chunks = found[0], found[1:]
    order = {element: i for i, element in enumerate(tree.iter())}
    at_front = 0
    for chunk in sorted(chunks, key=lambda element: order[element]):
        children = list(chunk)
        if chunk.text and chunk.text.strip():
            lead = lxml.html.Element("p")
            lead.text = chunk.text
            children.insert(0, lead)
        if order[chunk] < order[main]:
            for child in children:
                main.insert(at_front, child)
                at_front += 1
        else:
            main.extend(children)
        chunk.drop_tree()
    return True


def link_shares(tree: lxml.html.HtmlElement, lines: Sequence[str]) -> list[float | None]:
    """For each line of extracted text, the share of words inside links of the smallest page
    element holding the whole line; None when no element (of up to ``_ELEMENT_MAX_CHARS``
    characters) holds it.

    This tells a menu or a list of related stories (links) from a list, a table or a run of
    short lines that belongs to the article (tour dates, a standings table: plain text).
    """
    wanted = [(i, f" {k} ") for i, k in enumerate(_key(line) for line in lines) if k]
    best: list[tuple[int, float] | None] = [None] * len(lines)
    if not wanted:
        return [None] * len(lines)
    page = copy.deepcopy(tree)
    for bad in list(page.iter(*_INVISIBLE_TAGS)):
        if bad.getparent() is not None:
            bad.drop_tree()
    for element in page.iter():
        if not isinstance(element.tag, str):
            continue
        text = " ".join(element.itertext())
        if len(text) > _ELEMENT_MAX_CHARS:
            continue
        element_key = f" {_key(text)} "
        share: float | None = None
        for i, k in wanted:
            current = best[i]
            if k not in element_key or (current is not None and current[0] <= len(element_key)):
                continue
            if share is None:
                share = _link_share(element)
            best[i] = (len(element_key), share)
    return [b[1] if b is not None else None for b in best]


def visible_text(html: str) -> str:
    """The text a reader would see, one line per block element, blank lines between blocks."""
    tree = _parse(html)
    if tree is None:
        return ""
    for bad in list(tree.iter(*_INVISIBLE_TAGS)):
        if bad.getparent() is not None:
            bad.drop_tree()
    etree.strip_elements(tree, etree.Comment, etree.ProcessingInstruction, with_tail=False)
    parts: list[str] = []
    for event, element in etree.iterwalk(tree, events=("start", "end")):
        is_tag = isinstance(element.tag, str)
        block = is_tag and element.tag.lower() in _BLOCK_TAGS
        if event == "start":
            if block:
                parts.append("\n\n")
            if is_tag and element.text:
                parts.append(element.text)
        else:
            if block:
                parts.append("\n\n")
            if element.tail and element is not tree:
                parts.append(element.tail)
    text = "".join(parts)
    return re.sub(r"[ \t]*\n[ \t\n]*\n[ \t\n]*", "\n\n", re.sub(r"[ \t\r\f\v]+", " ", text))


# Reasons the line pass gives from a line's neighbours (a run of short lines, lines under a
# "Related" header, a run of headline-like lines) rather than from the line itself.
_CONTEXT_REASONS = frozenset({"nav", "related-list"})


def keep_unlinked_runs(extracted: HtmlExtract, result: TextClean, max_share: float) -> TextClean:
    """Put back lines that the line pass dropped only for their neighbours although the page
    shows them as plain text, not links: lists, tables and short-line runs inside the article
    (tour dates, standings, ingredients) look like menus to the plain-text rules, but menus and
    related-story lists are links. Lines matching a cruft family themselves stay dropped."""
    if extracted.tree is None:
        return result
    suspects = [
        k
        for k, r in enumerate(result.removed)
        if r.reason in _CONTEXT_REASONS
        and cruft_reason(r.text, sum(line.n_words for line in split_lines(r.text))) is None
    ]
    if not suspects:
        return result
    shares = link_shares(extracted.tree, [result.removed[k].text for k in suspects])
    restore = {
        k
        for k, share in zip(suspects, shares, strict=True)
        if share is not None and share <= max_share
    }
    if not restore:
        return result
    order = _line_order(extracted.text, result)
    if order is None:
        return result
    paragraphs = [
        result.paragraphs[k] if kept else result.removed[k].text
        for kept, k in order
        if kept or k in restore
    ]
    removed: list[Removed] = [r for k, r in enumerate(result.removed) if k not in restore]
    return TextClean(
        paragraphs=tuple(paragraphs),
        removed=tuple(removed),
        title=result.title,
        outlet=result.outlet,
        published=result.published,
    )


KICKER_MAX_WORDS = 6
"""A section label shown above a headline ("Labour", "Tarrow Hills", "World news") is this
short; longer lines above the headline are a standfirst or the body itself."""


def drop_kickers(extracted: HtmlExtract, title: str | None, result: TextClean) -> TextClean:
    """Drop the short lines that open the extracted text but stand above the headline on the
    page: the section label or topic tag over the ``<h1>`` ("Labour"), which trafilatura keeps
    as the first paragraph. Only the lines before the first sentence of the text can go."""
    if extracted.tree is None or not title or not result.paragraphs:
        return result
    above = _above_headline(extracted.tree, _key(title))
    if not above:
        return result
    drop = 0
    for paragraph in result.paragraphs:
        line = split_lines(paragraph)[0]
        if line.ends_sentence or line.n_words > KICKER_MAX_WORDS or _key(paragraph) not in above:
            break
        drop += 1
    if not drop or drop == len(result.paragraphs):
        return result
    removed = [Removed(text=p, reason="kicker") for p in result.paragraphs[:drop]]
    return TextClean(
        paragraphs=result.paragraphs[drop:],
        removed=(*result.removed, *removed),
        title=result.title,
        outlet=result.outlet,
        published=result.published,
    )


def _above_headline(tree: lxml.html.HtmlElement, title_key: str) -> set[str]:
    """Keys of the short texts of elements before the page's headline (an ``<h1>`` reading
    the title) in document order; empty when no such headline is found."""
    seen: set[str] = set()
    for element in tree.iter():
        if not isinstance(element.tag, str) or element.tag in _INVISIBLE_TAGS:
            continue
        text = element.text_content()
        if element.tag == "h1":
            if _key(text) == title_key:
                return seen
            continue
        if len(text) <= _KICKER_MAX_CHARS:
            seen.add(_key(text))
    return set()


_KICKER_MAX_CHARS = 80


def _line_order(text: str, result: TextClean) -> list[tuple[bool, int]] | None:
    """The page's lines in order as (kept?, index into paragraphs or removed), from the
    partition the line pass made; None when the two cannot be interleaved unambiguously."""
    kept, dropped = result.paragraphs, result.removed
    order: list[tuple[bool, int]] = []
    p = r = 0
    for line in split_lines(normalize_text(text)):
        is_kept = p < len(kept) and kept[p] == line.text
        is_dropped = r < len(dropped) and dropped[r].text == line.text
        if is_kept and is_dropped:
            return None
        if is_kept:
            order.append((True, p))
            p += 1
        elif is_dropped:
            order.append((False, r))
            r += 1
        else:
            return None
    if p != len(kept) or r != len(dropped):
        return None
    return order
