"""HTML article files: the raw page is kept as is (cleaning extracts the text and metadata).

Only the canonical URL is read here, because trafilatura uses it to resolve the page's metadata.
"""

from __future__ import annotations

import re
from pathlib import Path

from newsbrief.ingest.text import check_not_empty, date_in_name, decode, read_bytes
from newsbrief.model import RawDocument

_CANONICAL = re.compile(r"""<link\b[^>]*\brel\s*=\s*["']?canonical["']?[^>]*>""", re.IGNORECASE)
_HREF = re.compile(r"""\bhref\s*=\s*["']([^"'\s>]+)""", re.IGNORECASE)
_OG_URL = re.compile(
    r"""<meta\b[^>]*\bproperty\s*=\s*["']og:url["'][^>]*\bcontent\s*=\s*["']([^"'\s>]+)""",
    re.IGNORECASE,
)
_HEAD_LIMIT = 65536


def canonical_url(html: str) -> str | None:
    """The page's declared canonical (or og:url) address, when it is absolute."""
    head = html[:_HEAD_LIMIT]
    link = _CANONICAL.search(head)
    href = _HREF.search(link.group(0)) if link else None
    url = href.group(1) if href else None
    if url is None:
        og = _OG_URL.search(head)
        url = og.group(1) if og else None
    return url if url and url.startswith(("http://", "https://")) else None


def html_document(html: str, *, source: str, folder: str | None) -> RawDocument:
    """A RawDocument for a page already decoded."""
    check_not_empty(html, source)
    return RawDocument(
        source=source, content=html, format="html", url=canonical_url(html), folder=folder
    )


def read_html(path: Path, *, source: str, folder: str | None) -> RawDocument:
    """An HTML page file, decoded with its declared charset when it is not UTF-8."""
    html = decode(read_bytes(path, source), source, html=True)
    return html_document(html, source=source, folder=folder).model_copy(
        update={"date_hint": date_in_name(path.name)}
    )
