"""Main text and metadata of an HTML page: trafilatura first, the page's visible text as fallback.

trafilatura (2.x ``bare_extraction``) finds the article block and the page metadata; what leaks
through it is then cleaned by the plain-text pass. ``visible_text`` renders a page to text with
one line per block element, for the fallback and for ``--no-clean``.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

import lxml.html
from lxml import etree

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


@dataclass(frozen=True)
class HtmlExtract:
    """What trafilatura found: body text (one paragraph per line) and page metadata."""

    text: str
    title: str | None
    sitename: str | None
    date: str | None
    author: str | None


def _parse(html: str) -> lxml.html.HtmlElement | None:
    """lxml tree of a page, or None when it has no parseable markup."""
    html = _XML_DECL.sub("", html)
    if not html.strip():
        return None
    try:
        return lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError) as exc:
        log.debug("lxml could not parse the page: %s", exc)
        return None


def extract_html(html: str, *, url: str | None = None) -> HtmlExtract | None:
    """trafilatura's main text and metadata (recall-favouring, no comments, no tables)."""
    import trafilatura

    tree = _parse(html)
    if tree is None:
        return None
    try:
        doc = trafilatura.bare_extraction(
            tree,
            url=url,
            with_metadata=True,
            favor_recall=True,
            include_comments=False,
            include_tables=False,
            include_images=False,
            include_links=False,
        )
    except (ValueError, TypeError, etree.LxmlError) as exc:
        log.warning("trafilatura failed on %s: %s", url or "a page", exc)
        return None
    if doc is None or isinstance(doc, dict):
        return None
    text = doc.text or ""
    if not text.strip():
        return None
    return HtmlExtract(
        text=text,
        title=doc.title or None,
        sitename=doc.sitename or None,
        date=doc.date or None,
        author=doc.author or None,
    )


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
