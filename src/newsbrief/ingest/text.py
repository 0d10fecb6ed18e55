"""Reading one file's bytes and decoding them honestly; plain-text files become RawDocuments.

Decoding order: UTF-8 (a BOM is dropped), then the charset an HTML page declares, then cp1252
(the usual mislabelled "latin-1" of scraped pages). Bytes none of these can decode, or binary
files, give an E103 error naming the fix instead of mojibake.
"""

from __future__ import annotations

import gzip
import re
import zlib
from pathlib import Path

from newsbrief.errors import Code, InputReadError
from newsbrief.model import RawDocument

_DECLARED_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_BINARY_SNIFF = 8192


def read_bytes(path: Path, source: str) -> bytes:
    """The file's bytes, gunzipped when it ends in ``.gz``; I/O problems become E108."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputReadError(
            Code.E108,
            source,
            f"cannot read the file ({exc.strerror or exc}): check its permissions",
        ) from exc
    if path.suffix.lower() == ".gz":
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError, zlib.error) as exc:
            raise InputReadError(
                Code.E108,
                source,
                f"not a valid gzip file ({exc}): re-compress it with gzip or store it uncompressed",
            ) from exc
    return data


def decode(data: bytes, source: str, *, html: bool = False) -> str:
    """Text of ``data``: UTF-8 (BOM dropped), else the declared HTML charset, else cp1252."""
    if b"\x00" in data[:_BINARY_SNIFF]:
        raise InputReadError(
            Code.E103,
            source,
            "looks like a binary file (NUL bytes), not text: pass text, HTML or JSONL files only",
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    if html:
        declared = _DECLARED_CHARSET.search(data[:4096])
        if declared:
            charset = declared.group(1).decode("ascii", "replace")
            try:
                return data.decode(charset)
            except (LookupError, UnicodeDecodeError):
                pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise InputReadError(
            Code.E103,
            source,
            f"not decodable as UTF-8 or cp1252 (byte {exc.object[exc.start]:#04x} at offset "
            f"{exc.start}): re-encode it as UTF-8, e.g. iconv -f YOUR_ENCODING -t UTF-8",
        ) from exc


def check_not_empty(text: str, source: str) -> None:
    """E106 for a file with nothing but whitespace."""
    if not text.strip():
        raise InputReadError(
            Code.E106, source, "the file is empty: remove it or fill it with an article"
        )


def read_text(path: Path, *, source: str, folder: str | None) -> RawDocument:
    """A plain-text article file."""
    text = decode(read_bytes(path, source), source)
    check_not_empty(text, source)
    return RawDocument(source=source, content=text, format="text", folder=folder)
