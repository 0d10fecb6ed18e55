"""Ingest stage: paths (files, directories, ``-`` for stdin) become RawDocuments or InputErrors.

Formats by suffix: ``.txt``, ``.html``/``.htm``, ``.jsonl``, each optionally gzipped (``.gz``).
Directories are walked recursively in sorted order. Inside a directory, hidden entries, files of
other types and project files such as README/LICENSE/CHANGELOG are skipped without a record
(folders of articles often carry them); a file named explicitly with an unsupported type is an
E102 error. Stdin is sniffed: HTML if it starts with ``<``, JSONL if every non-blank line is a
JSON object, else plain text. One bad input never stops the others.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TextIO

from newsbrief.errors import Code, InputReadError
from newsbrief.ingest.html import html_document, read_html
from newsbrief.ingest.jsonl import iter_jsonl_text, read_jsonl
from newsbrief.ingest.text import check_not_empty, read_text
from newsbrief.model import InputError, RawDocument

__all__ = ["SUPPORTED_SUFFIXES", "read_inputs"]

_TEXT = (".txt", ".text")
_HTML = (".html", ".htm", ".xhtml")
_JSONL = (".jsonl", ".ndjson")
SUPPORTED_SUFFIXES = (*_TEXT, *_HTML, *_JSONL)
# Stems of files that describe a folder rather than hold an article.
_PROJECT_FILES = frozenset(
    {"readme", "license", "licence", "copying", "changelog", "changes", "notice", "authors"}
)


def _kind(path: Path) -> str | None:
    """ "text", "html" or "jsonl" from the suffix (after an optional .gz), or None."""
    name = path.name.lower()
    if name.endswith(".gz"):
        name = name[:-3]
    for kind, suffixes in (("text", _TEXT), ("html", _HTML), ("jsonl", _JSONL)):
        if name.endswith(suffixes):
            return kind
    return None


def _error(code: Code, source: str, message: str) -> InputError:
    return InputError(source=source, error=str(InputReadError(code, source, message)))


def _read_file(path: Path, source: str) -> Iterator[RawDocument | InputError]:
    kind = _kind(path)
    folder = str(Path(source).parent)
    if kind == "jsonl":
        yield from read_jsonl(path, source=source, folder=folder)
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


def _is_hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def _walk(root: Path) -> Iterator[Path]:
    """Article files under ``root``, recursively, in sorted order."""
    for path in sorted(root.rglob("*")):
        if _is_hidden(path, root) or not path.is_file():
            continue
        if _kind(path) is None:
            continue
        if path.name.lower().split(".")[0] in _PROJECT_FILES:
            continue
        yield path


def _looks_jsonl(text: str) -> bool:
    lines = [line for line in text.splitlines() if line.strip()]
    if not lines:
        return False
    for line in lines:
        if not line.lstrip().startswith("{"):
            return False
        try:
            if not isinstance(json.loads(line), dict):
                return False
        except json.JSONDecodeError:
            return False
    return True


def _read_stdin(stream: TextIO) -> Iterator[RawDocument | InputError]:
    try:
        text = stream.read()
    except (OSError, UnicodeDecodeError) as exc:
        yield _error(Code.E103, "-", f"cannot read standard input ({exc}): pipe UTF-8 text")
        return
    if text.startswith("\ufeff"):
        text = text[1:]
    try:
        check_not_empty(text, "-")
    except InputReadError as exc:
        yield InputError(source="-", error=str(exc))
        return
    if text.lstrip().startswith("<"):
        yield html_document(text, source="-", folder=None)
    elif _looks_jsonl(text):
        yield from iter_jsonl_text(text, base="-", folder=None)
    else:
        yield RawDocument(source="-", content=text, format="text")


def read_inputs(
    inputs: Sequence[str | Path], *, stdin: TextIO | None = None
) -> Iterator[RawDocument | InputError]:
    """Every document of ``inputs`` in order, or an InputError per input that cannot be read."""
    for item in inputs:
        name = str(item)
        if name == "-":
            yield from _read_stdin(stdin if stdin is not None else sys.stdin)
            continue
        path = Path(item)
        try:
            is_dir = path.is_dir()
            exists = is_dir or path.exists()
        except OSError as exc:
            yield _error(Code.E108, name, f"cannot access the path ({exc}): check permissions")
            continue
        if not exists:
            yield _error(
                Code.E101, name, "no such file or folder: check the path (and the current folder)"
            )
        elif is_dir:
            for file in _walk(path):
                yield from _read_file(file, str(file))
        else:
            yield from _read_file(path, name)
