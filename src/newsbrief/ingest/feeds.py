"""RSS and Atom feeds (``.rss``, ``.atom``, and ``.xml`` files that are feeds): each entry becomes
a RawDocument.

Parsed with feedparser (the ``[feeds]`` extra, imported lazily), which also reads feeds that are
not well-formed XML with a lenient parser and strips scripts from entry HTML. An entry's text is
its fullest content (``content:encoded``, Atom ``content``), else its ``summary`` /
``description``; HTML content goes down the HTML path, plain text down the text path. Declared
metadata: the entry's title, its link as ``url``, its published (else updated) date, and the
feed's title as ``outlet``. An entry's source is ``FILE#ID`` (its ``id``/``guid``, else its
1-based position). An entry without text is an E105 error; a file that is no feed at all, or a
feed that is not well-formed (its readable entries are still kept), is one E112 error. A feed
file is read whole, so it is held to ``MAX_DOCUMENT_BYTES`` like an HTML page.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any, cast

from newsbrief.errors import Code, InputReadError, MissingExtraError
from newsbrief.ingest.text import binary_signature, check_text_size, read_bytes
from newsbrief.model import InputError, InputFormat, RawDocument

_FEED_ROOT = re.compile(rb"<(?:[\w.-]+:)?(?:rss|feed|rdf)\b", re.IGNORECASE)
_SNIFF = 4096
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_MAX_ID_CHARS = 200


def looks_like_feed(head: bytes) -> bool:
    """Whether the first bytes of a file open an RSS, RDF or Atom document."""
    return _FEED_ROOT.search(head[:_SNIFF]) is not None


def _feedparser() -> Any:
    try:
        import feedparser
    except ImportError as exc:
        raise MissingExtraError("reading RSS/Atom feeds", "feeds") from exc
    return feedparser


def _error(code: Code, source: str, message: str) -> InputError:
    return InputError(source=source, error=str(InputReadError(code, source, message)))


def _date(entry: Any) -> str | None:
    """ISO date of the entry's published (else updated) time."""
    for name in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(name)
        if isinstance(value, time.struct_time):
            return time.strftime("%Y-%m-%d", value)
    return None


def _text(entry: Any) -> tuple[str, InputFormat] | None:
    """The entry's fullest text and whether it is HTML or plain text, or None."""
    candidates: list[dict[str, Any]] = [c for c in entry.get("content") or [] if c]
    summary = entry.get("summary_detail")
    if summary:
        candidates.append(summary)
    best = max(
        (c for c in candidates if isinstance(c.get("value"), str) and c["value"].strip()),
        key=lambda c: len(c["value"]),
        default=None,
    )
    if best is None:
        return None
    kind = str(best.get("type") or "text/html").lower()
    fmt = "html" if kind in _HTML_TYPES else "text"
    return best["value"], cast(InputFormat, fmt)


def _clean(value: object) -> str | None:
    return " ".join(value.split()) if isinstance(value, str) and value.strip() else None


def _entry(
    entry: Any, *, number: int, base: str, outlet: str | None, folder: str | None
) -> RawDocument | InputError:
    ident = _clean(entry.get("id"))
    source = f"{base}#{ident if ident and len(ident) <= _MAX_ID_CHARS else number}"
    title = _clean(entry.get("title"))
    found = _text(entry)
    if found is None:
        return _error(
            Code.E105,
            source,
            f"entry {number}{f' ({title!r})' if title else ''} has no text (no content, summary "
            "or description): the feed only lists it; fetch the page at its link instead",
        )
    content, fmt = found
    if fmt == "html":
        heading = f"<title>{_escape(title)}</title>" if title else ""
        content = f"<html><head>{heading}</head><body><article>{content}</article></body></html>"
    try:
        check_text_size(content, source)
    except InputReadError as exc:
        return InputError(source=source, error=str(exc))
    return RawDocument(
        source=source,
        content=content,
        format=fmt,
        title=title,
        outlet=outlet,
        url=_clean(entry.get("link")),
        published=_date(entry),
        folder=folder,
    )


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def iter_feed(
    data: bytes, *, source: str, folder: str | None
) -> Iterator[RawDocument | InputError]:
    """Entries of a feed's bytes (see the module docstring)."""
    signature = binary_signature(data[:_SNIFF])
    if signature is not None:
        what, fix = signature
        yield _error(Code.E103, source, f"looks like {what}, not a feed: {fix}")
        return
    parsed = _feedparser().parse(data)
    entries = parsed.get("entries") or []
    problem = parsed.get("bozo_exception") if parsed.get("bozo") else None
    xml_error = problem is not None and type(problem).__name__ == "SAXParseException"
    if not entries and (not parsed.get("version") or xml_error):
        reason = f" ({' '.join(str(problem).split())})" if problem is not None else ""
        yield _error(
            Code.E112,
            source,
            f"not a readable RSS or Atom feed{reason}: check that the file is a feed (an <rss> "
            "or <feed> document), or save the articles as .html or .jsonl",
        )
        return
    outlet = _clean(parsed.get("feed", {}).get("title"))
    for number, entry in enumerate(entries, start=1):
        yield _entry(entry, number=number, base=source, outlet=outlet, folder=folder)
    if not entries:
        yield _error(Code.E106, source, "the feed has no entries: nothing to read")
    elif xml_error:
        yield _error(
            Code.E112,
            source,
            f"the feed is not well-formed XML ({' '.join(str(problem).split())}); "
            f"its {len(entries)} entries were read leniently and may be incomplete: fix the "
            "feed or fetch it again",
        )


def read_feed(path: Path, *, source: str, folder: str | None) -> Iterator[RawDocument | InputError]:
    """Entries of a feed file (optionally gzipped); errors instead of raising."""
    try:
        data = read_bytes(path, source)
    except InputReadError as exc:
        yield InputError(source=source, error=str(exc))
        return
    if not data.strip():
        yield _error(Code.E106, source, "the file is empty: remove it or fill it with a feed")
        return
    try:
        yield from iter_feed(data, source=source, folder=folder)
    except MissingExtraError as exc:
        yield InputError(source=source, error=str(exc))
