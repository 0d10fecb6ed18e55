"""WARC archives (``.warc``, ``.warc.gz``): the news pages a crawler stored become RawDocuments.

Records are streamed one at a time (warcio, the ``[warc]`` extra, imported lazily), so an archive
of any size is read in bounded memory: at most ``MAX_DOCUMENT_BYTES`` of one record's payload is
held at once. Taken: ``response`` records with a 2xx status and an HTML content type, and
``resource`` / ``conversion`` records of HTML or plain text (WET files are conversions). Skipped
without a record, as they are not articles: requests, metadata, warcinfo, revisits, redirects and
other non-2xx responses, images and other media, ``robots.txt``.

A taken record goes down the same path as an HTML or text file (decoded with the charset its
HTTP header declares, else as files are), with the record's target URI as ``url``, and two hints
cleaning falls back on when the page itself says nothing: the HTTP ``Last-Modified`` date (else
the crawl's ``WARC-Date``) as the publication date, and the URI's host as the outlet. Its source
is ``FILE#OFFSET``, the record's byte offset in the file (in the compressed file for
``.warc.gz``), so it can be found again with ``warcio extract FILE OFFSET``. A bad record is an
error for that source; a damaged archive (cut short, corrupt gzip) keeps the records before the
damage and gives one E108 error naming the offset.
"""

from __future__ import annotations

import email.utils
import gzip
import os
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any
from urllib.parse import urlsplit

from newsbrief.clean.metadata import parse_date
from newsbrief.errors import Code, InputReadError, MissingExtraError
from newsbrief.ingest.html import html_document
from newsbrief.ingest.limits import MAX_DOCUMENT_BYTES, SNIFF_BYTES
from newsbrief.ingest.text import check_not_empty, check_text_size, decode, read_error, too_large
from newsbrief.model import InputError, RawDocument

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_TEXT_TYPES = ("text/plain",)
_ARTICLE_RECORDS = ("response", "resource", "conversion")
_CHUNK = 1 << 16


def _warcio() -> Any:
    """The warcio module, or E202 naming the extra to install."""
    try:
        import warcio.archiveiterator
    except ImportError as exc:
        raise MissingExtraError("reading WARC archives", "warc") from exc
    return warcio.archiveiterator


def _media_type(content_type: str | None) -> tuple[str, str | None]:
    """(media type, charset) of a Content-Type header value."""
    if not content_type:
        return "", None
    parts = [p.strip() for p in content_type.split(";")]
    charset = None
    for param in parts[1:]:
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset" and value.strip():
            charset = value.strip().strip("\"'")
    return parts[0].lower(), charset


def _host(uri: str | None) -> str | None:
    if not uri:
        return None
    try:
        host = urlsplit(uri).hostname
    except ValueError:
        return None
    if not host:
        return None
    return host.removeprefix("www.")


def _http_date(value: str | None) -> str | None:
    """ISO date of an HTTP date (``Tue, 03 Mar 2026 10:00:00 GMT``), or None."""
    if not value:
        return None
    try:
        parsed = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    return parsed.date().isoformat()


def _warc_date(value: str | None) -> str | None:
    """ISO date of a WARC-Date (``2026-03-03T10:00:00Z``), or None."""
    if not value or len(value) < 10:
        return None
    try:
        return parse_date(value[:10])
    except Exception:  # a junk date costs the hint, never the record
        return None


def _kind(record: Any) -> tuple[str, str | None] | None:
    """("html" or "text", declared charset) for a record that holds an article, else None."""
    rec_type = record.rec_type
    if rec_type not in _ARTICLE_RECORDS:
        return None
    uri = record.rec_headers.get_header("WARC-Target-URI") or ""
    try:
        path = urlsplit(uri).path
    except ValueError:  # a malformed URI: the record may still hold a page
        path = ""
    if path.lower().endswith("/robots.txt"):
        return None
    http = record.http_headers
    if rec_type == "response":
        if http is None:
            return None
        status = http.get_statuscode() or ""
        if not status.startswith("2"):
            return None
        media, charset = _media_type(http.get_header("Content-Type"))
        return ("html", charset) if media in _HTML_TYPES else None
    media, charset = _media_type(record.rec_headers.get_header("Content-Type"))
    if media in _HTML_TYPES:
        return "html", charset
    if media in _TEXT_TYPES:
        return "text", charset
    return None


def _payload(record: Any, source: str) -> bytes:
    """The record's decoded payload (transfer and content encodings undone), size-limited."""
    data: bytes = record.content_stream().read(MAX_DOCUMENT_BYTES + 1)
    if len(data) > MAX_DOCUMENT_BYTES:
        raise too_large(
            source,
            "the record's payload",
            f"more than {MAX_DOCUMENT_BYTES // (1024 * 1024)} MiB",
            "per-document",
            "such a record is not a news article; filter the archive if it holds many",
        )
    return data


def _document(
    record: Any, kind: str, charset: str | None, source: str, folder: str | None
) -> RawDocument:
    """The RawDocument of one article record (raises InputReadError for a bad one)."""
    data = _payload(record, source)
    text = decode(data, source, html=kind == "html", charset=charset)
    check_not_empty(text, source)
    uri = record.rec_headers.get_header("WARC-Target-URI") or None
    http = record.http_headers
    modified = http.get_header("Last-Modified") if http is not None else None
    date_hint = _http_date(modified) or _warc_date(record.rec_headers.get_header("WARC-Date"))
    if kind == "html":
        doc = html_document(text, source=source, folder=folder)
        url = doc.url or uri
    else:
        check_text_size(text, source)
        doc = RawDocument(source=source, content=text, format="text", folder=folder)
        url = uri
    return doc.model_copy(update={"url": url, "date_hint": date_hint, "outlet_hint": _host(uri)})


_CUT_SHORT = (
    "the archive ends in the middle of a record (cut short, e.g. by an interrupted download or "
    "copy): fetch or copy it again"
)


def _damaged(source: str, reason: str, offset: int, taken: int) -> InputError:
    """One E108 for an archive that cannot be read past ``offset``."""
    reason = " ".join(reason.split())[:400]
    message = (
        f"reading stopped at byte offset {offset}: {reason} (the {taken} article record(s) "
        "before it were read)"
    )
    return InputError(source=source, error=str(InputReadError(Code.E108, source, message)))


def _failure(exc: BaseException) -> str:
    """What a warcio or gzip exception on damaged data means, and the fix."""
    if isinstance(exc, EOFError | AttributeError):  # warcio on a header cut short
        return _CUT_SHORT
    if isinstance(exc, OSError) and not isinstance(exc, zlib.error | gzip.BadGzipFile):
        return str(read_error("", exc)).split(": ", 1)[-1]
    return (
        f"the archive is corrupt here ({type(exc).__name__}): the bytes are not a WARC record; "
        "fetch or copy it again"
    )


def _truncated(record: Any) -> bool:
    """Whether the record's block ended before its declared Content-Length (a file cut short)."""
    stream = record.raw_stream
    while stream.read(_CHUNK):
        pass
    return bool(getattr(stream, "limit", 0))


def _size(fh: IO[bytes]) -> int:
    """The size of the file behind ``fh`` (0 when it is not a file, which disables the check)."""
    try:
        return os.fstat(fh.fileno()).st_size
    except (OSError, AttributeError, ValueError):
        return 0


def _member(archive: Any) -> Any:
    """The decompressor of the gzip member being read (None for an uncompressed archive)."""
    reader = getattr(archive, "reader", None)
    return getattr(reader, "decompressor", None)


def _cut_short(archive: Any, member: Any, fh: IO[bytes]) -> bool:
    """Whether the archive ended quietly inside a record: warcio takes a record header cut by
    the end of the file for the end of the archive, and the last gzip member then never ends."""
    if member is not None and not getattr(member, "eof", True):
        return True
    return bool(archive.offset < _size(fh))


def iter_warc(
    fh: IO[bytes], *, source: str, folder: str | None
) -> Iterator[RawDocument | InputError]:
    """Article documents of an open WARC stream (see the module docstring)."""
    archive = _warcio().ArchiveIterator(fh)
    taken = 0
    records = iter(archive)
    member = None
    while True:
        try:
            record = next(records)
        except StopIteration:
            if _cut_short(archive, member, fh):
                yield _damaged(source, _CUT_SHORT, archive.offset, taken)
            return
        except Exception as exc:  # warcio raises many kinds on damaged data
            yield _damaged(source, _failure(exc), archive.offset, taken)
            return
        offset = archive.offset  # the record's start (get_record_offset would read it)
        where = f"{source}#{offset}"
        try:
            kind = _kind(record)
            doc = _document(record, kind[0], kind[1], where, folder) if kind else None
            truncated = _truncated(record)
        except InputReadError as exc:
            yield InputError(source=exc.source, error=str(exc))
            continue
        except Exception as exc:  # damaged data inside the record
            yield _damaged(source, _failure(exc), offset, taken)
            return
        if truncated:
            yield _damaged(source, _CUT_SHORT, offset, taken)
            return
        member = _member(archive)
        if doc is not None:
            taken += 1
            yield doc


def _head(fh: IO[bytes]) -> bytes:
    """The first bytes of the archive, gunzipped when it is gzipped; ``fh`` is rewound."""
    raw = fh.read(SNIFF_BYTES)
    fh.seek(0)
    if raw.startswith(b"\x1f\x8b"):
        try:
            return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(raw, 64)
        except zlib.error:
            return b""
    return raw


def _not_warc(source: str, head: bytes) -> InputError | None:
    """E106 for an empty file, E103 for one that does not open with a WARC record."""
    if not head.strip():
        return InputError(
            source=source,
            error=str(
                InputReadError(
                    Code.E106, source, "the archive is empty: remove it or fetch it again"
                )
            ),
        )
    if head.startswith(b"WARC/"):
        return None
    what = "an ARC archive (the older format)" if head.startswith(b"filedesc:") else "data"
    message = (
        f"looks like {what}, not a WARC archive (it does not open with a WARC/1.x record): "
        "pass WARC files named .warc or .warc.gz (e.g. convert ARC files with warcio's arc2warc)"
    )
    return InputError(source=source, error=str(InputReadError(Code.E103, source, message)))


def read_warc(path: Path, *, source: str, folder: str | None) -> Iterator[RawDocument | InputError]:
    """Article documents of a WARC file, gzipped per record or not; one error if it cannot be
    opened, one per bad record, and one where damage stops the reading."""
    try:
        _warcio()
    except MissingExtraError as exc:
        yield InputError(source=source, error=str(exc))
        return
    try:
        fh = path.open("rb")
        head = _head(fh)
    except OSError as exc:
        yield InputError(source=source, error=str(read_error(source, exc)))
        return
    with fh:
        problem = _not_warc(source, head)
        if problem is not None:
            yield problem
            return
        yield from iter_warc(fh, source=source, folder=folder)
