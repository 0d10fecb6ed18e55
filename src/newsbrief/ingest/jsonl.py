"""JSON Lines: one article object per line (``id``, ``text`` or ``html``; optional ``title``,
``url``, ``outlet``, ``published``).

A record's source is ``FILE#ID`` (its ``id`` field, else its 1-based line number). A bad line
becomes an ``InputError`` for ``FILE#LINE`` that names the fix; the good lines still come
through. Blank lines are skipped.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, cast

from newsbrief.clean.metadata import parse_date
from newsbrief.errors import Code, InputReadError
from newsbrief.ingest.html import canonical_url
from newsbrief.ingest.text import decode, read_bytes
from newsbrief.model import InputError, InputFormat, RawDocument

_META_FIELDS = ("title", "url", "outlet")
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
    published_raw = record.get("published")
    published = parse_date(published_raw) if isinstance(published_raw, str) else None
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


def iter_jsonl_text(
    text: str, *, base: str, folder: str | None = None
) -> Iterator[RawDocument | InputError]:
    """Records of JSONL ``text`` whose file is named ``base`` (``-`` for stdin)."""
    seen = False
    for line_no, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        seen = True
        try:
            value = json.loads(line)
        except json.JSONDecodeError as exc:
            yield _error(
                Code.E104,
                f"{base}#{line_no}",
                f"line {line_no} is not valid JSON ({exc.msg} at column {exc.colno}): "
                "fix or remove the line",
            )
            continue
        if not isinstance(value, dict):
            yield _error(
                Code.E104,
                f"{base}#{line_no}",
                f"line {line_no} is a JSON {_json_type(value)}, not an object: write one "
                '{"id": ..., "text": ...} object per line',
            )
            continue
        yield _record(value, base=base, line_no=line_no, folder=folder)
    if not seen:
        yield _error(Code.E106, base, "the JSONL input has no records: add one JSON object a line")


def read_jsonl(
    path: Path, *, source: str, folder: str | None
) -> Iterator[RawDocument | InputError]:
    """Records of a JSONL file (gzipped or not); an unreadable file is one error."""
    try:
        text = decode(read_bytes(path, source), source)
    except InputReadError as exc:
        yield InputError(source=source, error=str(exc))
        return
    yield from iter_jsonl_text(text, base=source, folder=folder)
