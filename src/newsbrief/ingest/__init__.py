"""Ingest stage: paths (files, directories, ``-`` for stdin) become RawDocuments or InputErrors.

Formats by suffix: ``.txt``, ``.html``/``.htm``, ``.jsonl``, ``.warc`` (WARC archives,
``ingest.warc``), ``.rss``/``.atom`` and ``.xml`` feeds (``ingest.feeds``), each optionally
gzipped (``.gz``). An ``.xml`` file in a folder is read only when it opens like a feed (sitemaps
and other XML are skipped); named explicitly, one that is not a feed is an E102 error.
Directories are walked recursively in sorted order. Inside a directory, hidden entries, files of
other types and project files such as README/LICENSE/CHANGELOG are skipped without a record
(folders of articles often carry them); a file named explicitly with an unsupported type is an
E102 error. Symbolic links are followed (each folder once); a broken link to an article file,
a folder that cannot be listed and a file that cannot be read are errors, never silent. Stdin is
read as bytes and decoded like a file, then sniffed: HTML if it starts with ``<``, JSONL if every
non-blank line is a JSON object, else plain text. One bad input never stops the others, and
nothing here raises on bad input: an unexpected failure on one input is an E109 error for it.
Size limits are in ``newsbrief.ingest.limits``.
"""

from __future__ import annotations

import json
import os
import sys
import zlib
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TextIO

from newsbrief.errors import Code, InputReadError
from newsbrief.ingest.feeds import looks_like_feed, read_feed
from newsbrief.ingest.html import html_document, read_html
from newsbrief.ingest.jsonl import iter_jsonl_text, read_jsonl
from newsbrief.ingest.limits import MAX_STDIN_BYTES, SNIFF_BYTES
from newsbrief.ingest.text import (
    check_not_empty,
    check_text_size,
    decode,
    open_binary,
    read_text,
    too_large,
)
from newsbrief.ingest.warc import read_warc
from newsbrief.model import InputError, RawDocument

__all__ = ["SUPPORTED_SUFFIXES", "read_inputs"]

_TEXT = (".txt", ".text")
_HTML = (".html", ".htm", ".xhtml")
_JSONL = (".jsonl", ".ndjson")
_WARC = (".warc",)
_FEED = (".rss", ".atom", ".xml")
SUPPORTED_SUFFIXES = (*_TEXT, *_HTML, *_JSONL, *_WARC, *_FEED)
_KINDS = (("text", _TEXT), ("html", _HTML), ("jsonl", _JSONL), ("warc", _WARC), ("feed", _FEED))
# Stems of files that describe a folder rather than hold an article.
_PROJECT_FILES = frozenset(
    {"readme", "license", "licence", "copying", "changelog", "changes", "notice", "authors"}
)


def _kind(path: Path) -> str | None:
    """ "text", "html", "jsonl", "warc" or "feed" from the suffix (after an optional .gz)."""
    name = path.name.lower()
    if name.endswith(".gz"):
        name = name[:-3]
    for kind, suffixes in _KINDS:
        if name.endswith(suffixes):
            return kind
    return None


def _error(code: Code, source: str, message: str) -> InputError:
    return InputError(source=source, error=str(InputReadError(code, source, message)))


def _unexpected(source: str, exc: Exception) -> InputError:
    return _error(
        Code.E109,
        source,
        f"reading failed unexpectedly ({type(exc).__name__}: {exc}); the run went on without "
        "it, please report this",
    )


def _read_file(path: Path, source: str) -> Iterator[RawDocument | InputError]:
    kind = _kind(path)
    folder = str(Path(source).parent)
    if kind == "jsonl":
        yield from read_jsonl(path, source=source, folder=folder)
        return
    if kind == "warc":
        yield from read_warc(path, source=source, folder=folder)
        return
    if kind == "feed":
        if _xml_name(path) and _sniffed_feed(path) is False:
            yield _error(
                Code.E102,
                source,
                "an XML file that is not an RSS or Atom feed (no <rss>, <feed> or <rdf:RDF> at "
                "its start): pass feeds, or save the articles as .html or .jsonl",
            )
            return
        yield from read_feed(path, source=source, folder=folder)
        return
    if kind is None:
        yield _error(
            Code.E102,
            source,
            f"unsupported file type {path.suffix or '(no suffix)'!r}: pass "
            f"{', '.join(SUPPORTED_SUFFIXES)} files (optionally .gz) or a folder of them",
        )
        return
    try:
        if kind == "html":
            yield read_html(path, source=source, folder=folder)
        else:
            yield read_text(path, source=source, folder=folder)
    except InputReadError as exc:
        yield InputError(source=source, error=str(exc))


def _broken_link(path: Path, source: str) -> InputError:
    try:
        target = os.readlink(path)
    except OSError:
        target = "?"
    return _error(
        Code.E101,
        source,
        f"a symbolic link to {target}, which does not exist: fix the link or remove it",
    )


def _unlistable(folder: Path, exc: OSError) -> InputError:
    reason = exc.strerror or str(exc)
    return _error(
        Code.E108,
        str(folder),
        f"cannot list the folder ({reason}): check that you may read it (e.g. chmod a+rx FOLDER)",
    )


def _article_name(path: Path) -> bool:
    return _kind(path) is not None and path.name.lower().split(".")[0] not in _PROJECT_FILES


def _xml_name(path: Path) -> bool:
    return path.name.lower().removesuffix(".gz").endswith(".xml")


def _sniffed_feed(path: Path) -> bool | None:
    """Whether an .xml file opens like a feed; None when it cannot be read (the reader then
    reports why)."""
    try:
        with open_binary(path) as fh:
            head = fh.read(SNIFF_BYTES)
    except (OSError, EOFError, zlib.error):
        return None
    return looks_like_feed(head)


def _walk(root: Path, seen: set[tuple[int, int]] | None = None) -> Iterator[Path | InputError]:
    """Article files under ``root``, recursively, in sorted order; broken links to article
    files and folders that cannot be listed are errors. Hidden entries are skipped, and each
    folder is visited once even when symbolic links loop."""
    seen = set() if seen is None else seen
    try:
        stat = root.stat()
        key = (stat.st_dev, stat.st_ino)
        if key in seen:
            return
        seen.add(key)
        with os.scandir(root) as it:
            entries = sorted(it, key=lambda entry: entry.name)
    except OSError as exc:
        yield _unlistable(root, exc)
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        try:
            is_dir = entry.is_dir()
            is_file = not is_dir and entry.is_file()
            dangling = not (is_dir or is_file) and entry.is_symlink()
        except OSError as exc:
            yield _unlistable(path, exc)
            continue
        if is_dir:
            yield from _walk(path, seen)
        elif not _article_name(path):
            continue
        elif is_file:
            if not (_xml_name(path) and _sniffed_feed(path) is False):
                yield path
        elif dangling:
            yield _broken_link(path, str(path))
        # sockets, pipes and devices named like articles are not articles: skipped


def _looks_jsonl(text: str) -> bool:
    lines = [line for line in text.split("\n") if line.strip()]
    if not lines:
        return False
    for line in lines:
        if not line.lstrip().startswith("{"):
            return False
        try:
            if not isinstance(json.loads(line), dict):
                return False
        except (json.JSONDecodeError, RecursionError):
            return False
    return True


def _stdin_text(stream: TextIO) -> str:
    """Standard input, read as bytes and decoded like a file when the stream allows it."""
    buffer = getattr(stream, "buffer", None)
    if buffer is not None:
        data = buffer.read(MAX_STDIN_BYTES + 1)
        size = len(data)
    else:
        text = stream.read(MAX_STDIN_BYTES + 1)
        size = len(text)
    if size > MAX_STDIN_BYTES:
        raise too_large(
            "-",
            "standard input",
            f"more than {MAX_STDIN_BYTES // (1024 * 1024)} MiB",
            "standard-input",
            "pass the file's name instead of piping it",
        )
    return decode(data, "-") if buffer is not None else text


def _read_stdin(stream: TextIO) -> Iterator[RawDocument | InputError]:
    try:
        text = _stdin_text(stream)
    except InputReadError as exc:
        yield InputError(source="-", error=str(exc))
        return
    except (OSError, UnicodeDecodeError) as exc:
        yield _error(Code.E103, "-", f"cannot read standard input ({exc}): pipe UTF-8 text")
        return
    if text.startswith("\ufeff"):
        text = text[1:]
    try:
        check_not_empty(text, "-")
        if text.lstrip().startswith("<"):
            yield html_document(text, source="-", folder=None)
        elif _looks_jsonl(text):
            yield from iter_jsonl_text(text, base="-", folder=None)
        else:
            check_text_size(text, "-")
            yield RawDocument(source="-", content=text, format="text")
    except InputReadError as exc:
        yield InputError(source="-", error=str(exc))


def _read_path(path: Path, name: str) -> Iterator[RawDocument | InputError]:
    try:
        is_dir = path.is_dir()
        exists = is_dir or path.exists()
        dangling = not exists and path.is_symlink()
    except OSError as exc:
        yield _error(Code.E108, name, f"cannot access the path ({exc}): check permissions")
        return
    if dangling:
        yield _broken_link(path, name)
    elif not exists:
        yield _error(
            Code.E101, name, "no such file or folder: check the path (and the current folder)"
        )
    elif is_dir:
        for item in _walk(path):
            if isinstance(item, InputError):
                yield item
            else:
                yield from _guarded(_read_file(item, str(item)), str(item))
    else:
        yield from _read_file(path, name)


def _guarded(
    items: Iterator[RawDocument | InputError], source: str
) -> Iterator[RawDocument | InputError]:
    """``items``, with an unexpected exception turned into an E109 error for ``source``."""
    try:
        yield from items
    except Exception as exc:  # a reader bug on one input must not stop the others
        yield _unexpected(source, exc)


def read_inputs(
    inputs: Sequence[str | Path], *, stdin: TextIO | None = None
) -> Iterator[RawDocument | InputError]:
    """Every document of ``inputs`` in order, or an InputError per input that cannot be read."""
    for item in inputs:
        name = str(item)
        if name == "-":
            yield from _guarded(_read_stdin(stdin if stdin is not None else sys.stdin), name)
        else:
            yield from _guarded(_read_path(Path(item), name), name)
