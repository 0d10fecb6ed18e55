"""Reading one file's bytes defensively and decoding them honestly; plain-text files become
RawDocuments.

Reading takes at most ``MAX_DOCUMENT_BYTES`` (counted after gunzipping, so a gzip bomb stops
early); a missing permission, an I/O error, or a gzip file that is corrupt or cut short is an
E108 error naming the fix. Decoding order: a byte-order mark (UTF-8, UTF-16, UTF-32), UTF-8, the
charset an HTML page declares, cp1252 for mostly-ASCII text (the usual mislabelled "latin-1" of
scraped pages), then the encoding charset-normalizer detects (Cyrillic, Greek, CJK legacy
encodings), then cp1252 as a last resort. Binary files (known file signatures, NUL bytes, a high
share of control characters) and bytes that nothing decodes give an E103 error naming the fix
instead of mojibake.
"""

from __future__ import annotations

import codecs
import gzip
import re
import zlib
from datetime import date
from pathlib import Path
from typing import BinaryIO

from newsbrief.errors import Code, InputReadError
from newsbrief.ingest.limits import MAX_DOCUMENT_BYTES, MAX_TEXT_CHARS, SNIFF_BYTES
from newsbrief.model import RawDocument

_DECLARED_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# File signatures of formats people drop into article folders by mistake: (magic, what, fix).
_SIGNATURES: tuple[tuple[bytes, str, str], ...] = (
    (b"%PDF-", "a PDF document", "extract its text first, e.g. pdftotext FILE.pdf FILE.txt"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image", "remove it from the inputs"),
    (b"\xff\xd8\xff", "a JPEG image", "remove it from the inputs"),
    (b"GIF8", "a GIF image", "remove it from the inputs"),
    (
        b"PK\x03\x04",
        "a ZIP archive (or a .docx/.odt/.epub document)",
        "unpack it, or save the article as .txt or .html",
    ),
    (b"\x1f\x8b", "gzip-compressed data", "add .gz to its name so newsbrief unpacks it"),
    (b"\xfd7zXZ\x00", "xz-compressed data", "unpack it with unxz"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive", "unpack it"),
    (b"WARC/", "a WARC archive", "name it .warc (or .warc.gz) so newsbrief reads its records"),
)
_ASCII = bytes(range(128))
_TEXT_CONTROLS = frozenset("\t\n\r\f\v")
_MOSTLY_ASCII = 0.15  # share of bytes >= 0x80 under which cp1252 is trusted over detection
_MAX_CONTROL_SHARE = 0.05  # decoded text with more control characters than this is binary
_DETECT_MIN_HIGH_BYTES = 16  # evidence charset-normalizer needs when it finds no language


def read_error(source: str, exc: BaseException) -> InputReadError:
    """E108 naming what failed while reading a file, and the fix."""
    if isinstance(exc, EOFError):
        message = (
            "the gzip data ends early (the file was cut short, e.g. by an interrupted download "
            "or copy): fetch or compress it again"
        )
    elif isinstance(exc, gzip.BadGzipFile | zlib.error):
        message = (
            f"not a valid gzip file ({exc}): re-compress it with gzip, or store it "
            "uncompressed without the .gz suffix"
        )
    elif isinstance(exc, IsADirectoryError):
        message = "is a folder named like a file: pass the folder's parent or rename it"
    elif isinstance(exc, OSError):
        reason = exc.strerror or str(exc)
        message = f"cannot read the file ({reason}): check that it exists and that you may read it"
        if isinstance(exc, PermissionError):
            message += " (e.g. chmod a+r FILE)"
    else:
        message = f"cannot read the file ({type(exc).__name__}: {exc})"
    return InputReadError(Code.E108, source, message)


def open_binary(path: Path) -> BinaryIO:
    """The file opened for reading bytes, gunzipped on the fly when its name ends in ``.gz``.

    Raises ``OSError`` like ``open`` (the one place files are opened, so tests can stub it).
    """
    if path.name.lower().endswith(".gz"):
        return gzip.open(path, "rb")  # type: ignore[return-value]
    return path.open("rb")


def too_large(source: str, what: str, size: str, limit: str, fix: str) -> InputReadError:
    """E110 for an input over one of the limits of ``newsbrief.ingest.limits``."""
    return InputReadError(
        Code.E110,
        source,
        f"{what} is {size}, over the {limit} limit (see newsbrief.ingest.limits): {fix}",
    )


def read_bytes(path: Path, source: str, *, limit: int = MAX_DOCUMENT_BYTES) -> bytes:
    """The file's bytes (gunzipped for ``.gz``), at most ``limit`` of them.

    I/O, permission and gzip problems become E108; a bigger file (after unpacking) is E110.
    """
    try:
        with open_binary(path) as fh:
            data = fh.read(limit + 1)
    except (OSError, EOFError, zlib.error) as exc:
        raise read_error(source, exc) from exc
    if len(data) > limit:
        raise too_large(
            source,
            "the file" + (" unpacked" if path.name.lower().endswith(".gz") else ""),
            f"more than {limit // (1024 * 1024)} MiB",
            "per-document",
            "split it into one file per article, or one JSONL record per article",
        )
    return data


def binary_signature(head: bytes) -> tuple[str, str] | None:
    """(what, fix) when ``head`` starts like a known binary format."""
    for magic, what, fix in _SIGNATURES:
        if head.startswith(magic):
            return what, fix
    if head.startswith(b"BZh") and head[4:10] == b"1AY&SY":
        return "bzip2-compressed data", "unpack it with bunzip2"
    return None


def _binary(source: str, detail: str) -> InputReadError:
    return InputReadError(
        Code.E103,
        source,
        f"looks like a binary file ({detail}), not text: pass text, HTML or JSONL files only",
    )


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text that lacks a byte-order mark (NUL bytes on every other position)."""
    head = data[:SNIFF_BYTES]
    even, odd = head[0::2], head[1::2]
    if not even or not odd:
        return None
    encoding = None
    if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.05 * len(even):
        encoding = "utf-16-le"
    elif even.count(0) > 0.4 * len(even) and odd.count(0) < 0.05 * len(odd):
        encoding = "utf-16-be"
    if encoding is None:
        return None
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def _detected(data: bytes) -> str | None:
    """Text of ``data`` in a legacy 8-bit or CJK encoding, or None when nothing fits."""
    high = len(data.translate(None, _ASCII))
    if high <= _MOSTLY_ASCII * len(data):
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None and (best.coherence > 0 or high >= _DETECT_MIN_HIGH_BYTES):
        return str(best)
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return None


def _checked(text: str, source: str) -> str:
    """``text`` unless it is mostly control characters (binary data that happened to decode)."""
    sample = text[:SNIFF_BYTES]
    bad = sum(
        1
        for ch in sample
        if (ch < " " and ch not in _TEXT_CONTROLS) or "\x7f" <= ch < "\xa0" or ch == "\ufffd"
    )
    if sample and bad > _MAX_CONTROL_SHARE * len(sample):
        raise _binary(source, f"{bad} control characters in its first {len(sample)}")
    return text


def decode(data: bytes, source: str, *, html: bool = False, charset: str | None = None) -> str:
    """Text of ``data`` (see the module docstring for the order tried); E103 when it is binary
    or undecodable. ``charset``: one declared outside the bytes (an HTTP header), tried after
    UTF-8 and before the one an HTML page declares."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return _checked(data.decode(encoding), source)
            except UnicodeDecodeError:
                break
    head = data[:SNIFF_BYTES]
    signature = binary_signature(head)
    if signature is not None:
        what, fix = signature
        raise InputReadError(Code.E103, source, f"looks like {what}, not text: {fix}")
    if b"\x00" in head:
        wide = _utf16_without_bom(data)
        if wide is None:
            raise _binary(source, "NUL bytes")
        return _checked(wide, source)
    try:
        return _checked(data.decode("utf-8"), source)
    except UnicodeDecodeError as exc:
        utf8_error = exc
    if charset:
        try:
            return _checked(data.decode(charset), source)
        except (LookupError, UnicodeDecodeError):
            pass
    if html:
        declared = _DECLARED_CHARSET.search(data[:4096])
        if declared:
            charset = declared.group(1).decode("ascii", "replace")
            try:
                return _checked(data.decode(charset), source)
            except (LookupError, UnicodeDecodeError):
                pass
    text = _detected(data)
    if text is None:
        bad = utf8_error.object[utf8_error.start]
        raise InputReadError(
            Code.E103,
            source,
            f"not decodable as UTF-8 or any encoding newsbrief recognises (byte {bad:#04x} at "
            f"offset {utf8_error.start}): re-encode it as UTF-8, e.g. iconv -f YOUR_ENCODING "
            "-t UTF-8",
        ) from utf8_error
    return _checked(text, source)


def check_not_empty(text: str, source: str) -> None:
    """E106 for a file with nothing but whitespace."""
    if not text.strip():
        raise InputReadError(
            Code.E106, source, "the file is empty: remove it or fill it with an article"
        )


def check_text_size(text: str, source: str) -> None:
    """E110 for an article text longer than ``MAX_TEXT_CHARS``."""
    if len(text) > MAX_TEXT_CHARS:
        raise too_large(
            source,
            "the article text",
            f"{len(text):,} characters",
            f"{MAX_TEXT_CHARS:,}-character",
            "split it into one file per article, or one JSONL record per article",
        )


_NAME_DATE = re.compile(
    r"(?<![\dA-Za-z])((?:19|20)\d\d)([-_.]?)(0[1-9]|1[0-2])\2(0[1-9]|[12]\d|3[01])(?!\d)"
)


def date_in_name(name: str) -> str | None:
    """The ISO day a file's name gives ("wash-post_2015-12-12_slug.txt", "20151212-story.html"),
    as scrapers often name what they save: the date cleaning falls back on when neither the
    metadata nor the text gives one (``RawDocument.date_hint``). Digits inside a longer number
    or word ("id820151212") are not a date."""
    match = _NAME_DATE.search(name)
    if match is None:
        return None
    try:
        return date(int(match[1]), int(match[3]), int(match[4])).isoformat()
    except ValueError:  # 2015-02-30
        return None


def read_text(path: Path, *, source: str, folder: str | None) -> RawDocument:
    """A plain-text article file (with the date its name gives, if any, as a hint)."""
    text = decode(read_bytes(path, source), source)
    check_not_empty(text, source)
    check_text_size(text, source)
    return RawDocument(
        source=source, content=text, format="text", folder=folder, date_hint=date_in_name(path.name)
    )
