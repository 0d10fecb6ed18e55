"""JSON Lines: one article object per line (``id``, ``text`` or ``html``; optional ``title``,
``url``, ``outlet``, ``published``).

A record's source is ``FILE#ID`` (its ``id`` field, else its 1-based line number). A bad line
(not JSON, cut off, not an object, no text, not decodable, over the size limit) becomes an
``InputError`` for ``FILE#LINE`` that names the line and the fix; the good lines still come
through, also those before a gzip stream that is cut short. Files are streamed a line at a time.
Blank lines are skipped.
"""

from __future__ import annotations

import codecs
import json
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO, cast

from newsbrief.clean.metadata import parse_date
from newsbrief.errors import Code, InputReadError
from newsbrief.ingest.html import canonical_url
from newsbrief.ingest.limits import MAX_DOCUMENT_BYTES, MAX_LINE_ERRORS, SNIFF_BYTES
from newsbrief.ingest.text import (
    binary_signature,
    check_text_size,
    decode,
    open_binary,
    read_error,
    too_large,
)
from newsbrief.model import InputError, InputFormat, RawDocument

_META_FIELDS = ("title", "url", "outlet")
_MAX_DATE_CHARS = 200
_JSON_TYPES = {
    "list": "array",
    "str": "string",
    "int": "number",
    "float": "number",
    "bool": "boolean",
    "NoneType": "null",
}


def _json_type(value: object) -> str:
    return _JSON_TYPES.get(type(value).__name__, "value")


def _error(code: Code, source: str, message: str) -> InputError:
    return InputError(source=source, error=str(InputReadError(code, source, message)))


def _text_field(record: dict[str, Any], name: str) -> str | None:
    value = record.get(name)
    return value if isinstance(value, str) and value.strip() else None


def _published(value: object) -> str | None:
    """The declared date, or None when it is absent or unreadable (cleaning may find one)."""
    if not isinstance(value, str) or len(value) > _MAX_DATE_CHARS:
        return None
    try:
        return parse_date(value)
    except Exception:  # a date parser tripping on junk must not cost the record
        return None


def _record(
    record: dict[str, Any], *, base: str, line_no: int, folder: str | None
) -> RawDocument | InputError:
    ident = record.get("id")
    has_id = isinstance(ident, str | int) and not isinstance(ident, bool) and str(ident).strip()
    source = f"{base}#{str(ident).strip() if has_id else line_no}"
    text = _text_field(record, "text")
    html = _text_field(record, "html")
    if text is None and html is None:
        return _error(
            Code.E105,
            source,
            f'line {line_no} has no non-empty "text" (or "html") field: add the article text '
            'under "text" or remove the line',
        )
    meta = {name: _text_field(record, name) for name in _META_FIELDS}
    published = _published(record.get("published"))
    if text is not None:
        content, fmt = text, cast(InputFormat, "text")
    else:
        assert html is not None
        content, fmt = html, cast(InputFormat, "html")
        meta["url"] = meta["url"] or canonical_url(html)
    return RawDocument(
        source=source,
        content=content,
        format=fmt,
        title=meta["title"].strip() if meta["title"] else None,
        outlet=meta["outlet"].strip() if meta["outlet"] else None,
        url=meta["url"].strip() if meta["url"] else None,
        published=published,
        folder=folder,
    )


def _parse_line(
    line: str, *, base: str, line_no: int, folder: str | None
) -> RawDocument | InputError:
    """The record of one non-blank line, or the error that names what is wrong with it."""
    try:
        value = json.loads(line)
    except json.JSONDecodeError as exc:
        return _error(
            Code.E104,
            f"{base}#{line_no}",
            f"line {line_no} is not valid JSON ({exc.msg} at column {exc.colno}): "
            "fix or remove the line",
        )
    except RecursionError:
        return _error(
            Code.E104,
            f"{base}#{line_no}",
            f"line {line_no} nests JSON too deeply to read: write one flat "
            '{"id": ..., "text": ...} object per line',
        )
    if not isinstance(value, dict):
        return _error(
            Code.E104,
            f"{base}#{line_no}",
            f"line {line_no} is a JSON {_json_type(value)}, not an object: write one "
            '{"id": ..., "text": ...} object per line',
        )
    text = value.get("text")
    try:
        check_text_size(text if isinstance(text, str) else "", f"{base}#{line_no}")
    except InputReadError as exc:
        return InputError(source=exc.source, error=str(exc))
    return _record(value, base=base, line_no=line_no, folder=folder)


def _records(
    lines: Iterable[tuple[int, str] | InputError], *, base: str, folder: str | None
) -> Iterator[RawDocument | InputError]:
    """Records of numbered lines; bad lines are errors (at most ``MAX_LINE_ERRORS`` listed)."""
    seen = False
    bad = 0
    for item in lines:
        if isinstance(item, InputError):
            out: RawDocument | InputError = item
        else:
            line_no, line = item
            if not line.strip():
                continue
            out = _parse_line(line, base=base, line_no=line_no, folder=folder)
        seen = True
        if isinstance(out, InputError):
            bad += 1
            if bad > MAX_LINE_ERRORS:
                continue
        yield out
    if bad > MAX_LINE_ERRORS:
        yield _error(
            Code.E104,
            base,
            f"{bad - MAX_LINE_ERRORS} more bad lines not listed ({bad} in all): check that the "
            "file is JSON Lines, one JSON object a line",
        )
    if not seen:
        yield _error(Code.E106, base, "the JSONL input has no records: add one JSON object a line")


def iter_jsonl_text(
    text: str, *, base: str, folder: str | None = None
) -> Iterator[RawDocument | InputError]:
    """Records of JSONL ``text`` whose file is named ``base`` (``-`` for stdin).

    Lines end at ``\n`` only: JSON strings may hold a raw U+2028 or form feed.
    """
    lines = ((line_no, line) for line_no, line in enumerate(text.split("\n"), start=1))
    yield from _records(lines, base=base, folder=folder)


def _skip_rest_of_line(fh: BinaryIO) -> None:
    while True:
        chunk = fh.readline(1 << 20)
        if not chunk or chunk.endswith(b"\n"):
            return


def _file_lines(fh: BinaryIO, source: str) -> Iterator[tuple[int, str] | InputError]:
    """Numbered, decoded lines of an open JSONL file; a line over the size limit, an
    undecodable line or a read failure (a gzip file cut short) is an error, and the lines
    before it still count."""
    line_no = 0
    while True:
        try:
            raw = fh.readline(MAX_DOCUMENT_BYTES + 1)
            if len(raw) > MAX_DOCUMENT_BYTES and not raw.endswith(b"\n"):
                _skip_rest_of_line(fh)
                line_no += 1
                yield InputError(
                    source=f"{source}#{line_no}",
                    error=str(
                        too_large(
                            f"{source}#{line_no}",
                            f"line {line_no}",
                            f"more than {MAX_DOCUMENT_BYTES // (1024 * 1024)} MiB",
                            "per-record",
                            "store one article per line, without embedded files",
                        )
                    ),
                )
                continue
        except (OSError, EOFError, zlib.error) as exc:
            err = read_error(source, exc)
            yield InputError(
                source=source,
                error=f"{err} (the {line_no} line(s) before the failure were read)",
            )
            return
        if not raw:
            return
        line_no += 1
        if line_no == 1 and raw.startswith(codecs.BOM_UTF8):
            raw = raw[len(codecs.BOM_UTF8) :]
        raw = raw.rstrip(b"\n").rstrip(b"\r")
        try:
            yield line_no, raw.decode("utf-8")
        except UnicodeDecodeError:
            try:
                yield line_no, decode(raw, f"{source}#{line_no}")
            except InputReadError as exc:
                yield InputError(source=exc.source, error=str(exc))


def read_jsonl(
    path: Path, *, source: str, folder: str | None
) -> Iterator[RawDocument | InputError]:
    """Records of a JSONL file (gzipped or not), read a line at a time, so the file has no size
    limit (each line has: ``MAX_DOCUMENT_BYTES``); a file that cannot be read is one error."""
    try:
        with open_binary(path) as fh:
            head = fh.peek(SNIFF_BYTES)[:SNIFF_BYTES] if hasattr(fh, "peek") else b""
            signature = binary_signature(head)
            if signature is not None or b"\x00" in head:
                what, fix = signature or (
                    "binary data or UTF-16 text (NUL bytes)",
                    "JSON Lines must be UTF-8; re-encode it, e.g. iconv -f UTF-16 -t UTF-8",
                )
                raise InputReadError(Code.E103, source, f"looks like {what}, not JSONL: {fix}")
            yield from _records(_file_lines(fh, source), base=source, folder=folder)
    except InputReadError as exc:
        yield InputError(source=source, error=str(exc))
    except (OSError, EOFError, zlib.error) as exc:
        yield InputError(source=source, error=str(read_error(source, exc)))
