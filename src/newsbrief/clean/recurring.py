"""Boilerplate learned from the corpus: the lines one outlet repeats across its own pages.

News sites print the same chrome on every page (menus, "More in World" teasers, newsletter
promos, author boxes, footers). A line is learned as boilerplate for a site when it occurs in
at least ``min_docs`` distinct documents of that site *and* in a fair share of them. What is
shared by copies of one article (a syndicated story printed twice, an updated version) is the
article, not chrome, so evidence only counts across *different* articles:

* near-copies collapse: documents whose sentence lines are mostly shared (Jaccard of their
  prose-line sketches at least ``near_copy``) count once towards a line's support;
* long prose lines (a sentence of ``prose_words`` or more words) need much stronger evidence
  (``prose_min_docs`` documents and ``prose_share`` of the site), as body sentences do recur
  in lightly edited versions that the near-copy test misses;
* a quoted statement is never learned (outlets repeat a speaker's words across stories);
* a page's masthead (the first site-name line of its head) is not counted when the document
  declares no outlet: it is chrome, but it is also where the cleaner then reads the outlet
  from, so it must stay visible to it.

Documents are grouped by a site key: the declared outlet, else the URL host, else the input
folder, else the "Headline - Site" suffix of the page title. Documents without any key share
one anonymous group, which mixes outlets, so its counts must be twice as high.

Learning is one pass over the documents. Memory is bounded: per site at most ``max_tracked``
line keys are tallied (lossy counting drops the rarest when the table fills), each key keeps
at most ``_HOLDERS`` document numbers, and each document leaves a sketch of ``_SKETCH`` hashes.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from html import unescape
from urllib.parse import urlsplit

from newsbrief.clean.html import visible_text
from newsbrief.clean.lines import Line, key, split_lines
from newsbrief.clean.metadata import split_title_suffix
from newsbrief.clean.normalize import normalize_text
from newsbrief.clean.patterns import cruft_reason
from newsbrief.model import RawDocument

__all__ = [
    "Boilerplate",
    "LearnOptions",
    "Observation",
    "document_lines",
    "learn_boilerplate",
    "learn_from",
    "observe",
    "site_key",
]

_SKETCH = 16  # bottom-k hashes of a document's prose lines (exact for up to 16 such lines)
_HOLDERS = 8  # documents remembered per line key for the near-copy test
_SKETCH_WORDS = 8  # a sentence of this many words is prose for the near-copy sketch
_HEAD_LINES = 5  # lines of the page head searched for a "Headline - Site" title
_HEAD_CHARS = 4000
_MASTHEAD_WINDOW = 25  # lines of the page head searched for the masthead
_NAME_WORD = re.compile(r"^(?:[A-Z][\w'’&.-]*|of|the|and|&|on|de|du|la|le)$")
_HTML_TITLE = re.compile(r"<title\b[^>]*>(?P<title>[^<]{1,400})</title>", re.IGNORECASE)
# A quotation: an opening mark, the quoted words, a closing mark (a line may also just open
# with a quotation mark, its closing one wrapped onto a later line).
_QUOTATION = re.compile(r"[\"“„«‘]([^\"“”„«»‘’]*)[\"”»’]")
_OPENS_QUOTE = re.compile(r"^\s*[\"“„«‘]")
_QUOTED_WORDS = 3
_WORDS = re.compile(r"\w+")


@dataclass(frozen=True)
class LearnOptions:
    """Thresholds of boilerplate learning.

    ``min_docs`` is 3: two pages of a site sharing a line may be a pair of related stories or
    a copy; three different articles with the same line is the site's template.
    ``min_share`` is the fair share of a site's documents a line must appear in, so a large
    site does not learn what only a handful of its pages print. ``anonymous_factor`` multiplies
    ``min_docs`` for documents without a site key; ``prose_*`` is the stronger evidence a long
    sentence needs; ``near_copy`` is the prose Jaccard at which two documents count as one
    article; the ``max_*`` caps bound memory and output.
    """

    min_docs: int = 3
    min_share: float = 0.1
    anonymous_factor: int = 2
    prose_words: int = 12
    prose_min_docs: int = 5
    prose_share: float = 0.5
    near_copy: float = 0.5
    max_keys_per_site: int = 300
    max_tracked: int = 20_000
    max_key_chars: int = 300


@dataclass(frozen=True)
class Boilerplate:
    """Learned line keys (``clean.lines.key``) per site key; picklable, treated as read-only."""

    sites: Mapping[str | None, frozenset[str]] = field(default_factory=dict)

    def for_document(self, raw: RawDocument) -> frozenset[str]:
        """The learned keys of the document's site (empty when its site learned nothing)."""
        if not self.sites:
            return frozenset()
        return self.sites.get(site_key(raw), frozenset())

    def __len__(self) -> int:
        return sum(len(keys) for keys in self.sites.values())


# ---------------------------------------------------------------- site keys


def _host(url: str) -> str | None:
    try:
        host = urlsplit(url.strip()).hostname
    except ValueError:
        return None
    return host.removeprefix("www.") if host else None


def _head_lines(raw: RawDocument) -> list[str]:
    """The declared title, the HTML <title>, and the first lines of a plain-text page."""
    lines = [raw.title] if raw.title else []
    if raw.format == "html":
        found = _HTML_TITLE.search(raw.content[:65536])
        if found:
            lines.append(normalize_text(unescape(found["title"])))
        return lines
    head = normalize_text(raw.content[:_HEAD_CHARS])
    lines.extend([line for line in head.split("\n") if line.strip()][:_HEAD_LINES])
    return lines


def site_key(raw: RawDocument) -> str | None:
    """Which site a document belongs to: outlet, URL host, folder, title suffix, or None."""
    if raw.outlet and key(raw.outlet):
        return "name:" + key(raw.outlet)
    host = _host(raw.url) if raw.url else None
    if host:
        return "host:" + host
    if raw.folder:
        return "folder:" + raw.folder
    for line in _head_lines(raw):
        split = split_title_suffix(line.strip())
        if split and key(split[1]):
            return "name:" + key(split[1])
    return None


# ---------------------------------------------------------------- learning


def document_lines(raw: RawDocument) -> list[Line]:
    """The page's lines as the cleaner splits them (visible text for HTML), so keys match."""
    text = visible_text(raw.content) if raw.format == "html" else raw.content
    return split_lines(normalize_text(text))


def _hash(text: str) -> int:
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest(), "big")


def _is_quoted(text: str) -> bool:
    """A quoted statement: opens with a quotation mark or quotes three or more words."""
    if _OPENS_QUOTE.match(text):
        return True
    return any(len(_WORDS.findall(m[1])) >= _QUOTED_WORDS for m in _QUOTATION.finditer(text))


def _masthead(lines: list[Line]) -> str | None:
    """Key of the first site-name line (two to four capitalised words) above the first
    sentence: the line the cleaner reads the outlet from when nothing declares it."""
    for line in lines[:_MASTHEAD_WINDOW]:
        if line.ends_sentence and line.n_words >= _SKETCH_WORDS:
            return None
        words = line.text.split()
        if (
            2 <= len(words) <= 4
            and not line.ends_sentence
            and all(_NAME_WORD.match(w) for w in words)
            and not words[-1][0].islower()
            and cruft_reason(line.text, line.n_words) is None
        ):
            return key(line.text)
    return None


def _similar(a: tuple[int, ...], b: tuple[int, ...]) -> float:
    """Jaccard estimate of two bottom-k sketches (exact when both sets fit in the sketch)."""
    if not a or not b:
        return 0.0
    sa, sb = set(a), set(b)
    union = sorted(sa | sb)[:_SKETCH]
    return sum(1 for h in union if h in sa and h in sb) / len(union)


@dataclass
class _Site:
    """Running tallies of one site: documents, and per line key its count and first holders."""

    docs: int = 0
    counts: dict[str, int] = field(default_factory=dict)
    holders: dict[str, list[int]] = field(default_factory=dict)
    prose: set[str] = field(default_factory=set)

    def add(self, doc: int, keys: Iterable[str], prose: Iterable[str], cap: int) -> None:
        self.docs += 1
        for k in keys:
            self.counts[k] = self.counts.get(k, 0) + 1
            holders = self.holders.setdefault(k, [])
            if len(holders) < _HOLDERS:
                holders.append(doc)
        self.prose.update(k for k in prose if k in self.counts)
        if len(self.counts) > cap:
            self._prune(cap)

    def _prune(self, cap: int) -> None:
        """Lossy counting: forget the rarest keys until the table is half full."""
        floor = 1
        while len(self.counts) > cap // 2:
            for k in [k for k, n in self.counts.items() if n <= floor]:
                del self.counts[k]
                del self.holders[k]
                self.prose.discard(k)
            floor += 1


def _distinct_articles(docs: list[int], sketches: list[tuple[int, ...]], near: float) -> int:
    """How many of ``docs`` are different articles (near-copies of an earlier one count once)."""
    kept: list[tuple[int, ...]] = []
    for doc in docs:
        sketch = sketches[doc]
        if all(_similar(sketch, other) < near for other in kept):
            kept.append(sketch)
    return len(kept)


@dataclass(frozen=True)
class Observation:
    """What learning takes from one document: its site key, its countable line keys, which of
    them are long prose, and the sketch of its prose lines for the near-copy test. Made apart
    from the tally (``observe``), so a pool's workers can make them while the caller tallies
    them in document order (``learn_from``)."""

    site: str | None
    keys: frozenset[str]
    prose: frozenset[str]
    sketch: tuple[int, ...]


def learn_boilerplate(
    docs: Iterable[RawDocument], *, options: LearnOptions | None = None
) -> Boilerplate:
    """Learn each site's recurring chrome lines from ``docs`` in one pass."""
    opts = options or LearnOptions()
    return learn_from((observe(raw, options=opts) for raw in docs), options=opts)


def learn_from(
    observations: Iterable[Observation], *, options: LearnOptions | None = None
) -> Boilerplate:
    """Learn each site's recurring chrome lines from the documents' ``observe`` results, in
    document order (the order decides which keys lossy counting forgets)."""
    opts = options or LearnOptions()
    sites: dict[str | None, _Site] = {}
    sketches: list[tuple[int, ...]] = []
    for number, seen in enumerate(observations):
        sketches.append(seen.sketch)
        sites.setdefault(seen.site, _Site()).add(number, seen.keys, seen.prose, opts.max_tracked)
    learned = {
        name: chosen
        for name, site in sites.items()
        if (chosen := _site_keys(site, sketches, opts, anonymous=name is None))
    }
    return Boilerplate(sites=learned)


def observe(raw: RawDocument, *, options: LearnOptions | None = None) -> Observation:
    """One document's site key, countable line keys, which of them are long prose, and its
    sketch."""
    opts = options or LearnOptions()
    keys: set[str] = set()
    prose: set[str] = set()
    hashes: set[int] = set()
    lines = document_lines(raw)
    masthead = None if raw.outlet else _masthead(lines)
    for line in lines:
        k = key(line.text)
        if line.ends_sentence and line.n_words >= _SKETCH_WORDS:
            hashes.add(_hash(k))
        if not k or k == masthead or len(k) > opts.max_key_chars or _is_quoted(line.text):
            continue
        keys.add(k)
        if line.ends_sentence and line.n_words >= opts.prose_words:
            prose.add(k)
    return Observation(
        site=site_key(raw),
        keys=frozenset(keys),
        prose=frozenset(prose),
        sketch=tuple(sorted(hashes)[:_SKETCH]),
    )


def _site_keys(
    site: _Site, sketches: list[tuple[int, ...]], opts: LearnOptions, *, anonymous: bool
) -> frozenset[str]:
    """The keys one site keeps: enough documents, a fair share, and different articles."""
    base = opts.min_docs * (opts.anonymous_factor if anonymous else 1)
    needed = max(base, math.ceil(opts.min_share * site.docs))
    needed_prose = max(needed, opts.prose_min_docs, math.ceil(opts.prose_share * site.docs))
    chosen: list[tuple[int, str]] = []
    for k, count in site.counts.items():
        if count < (needed_prose if k in site.prose else needed):
            continue
        if _distinct_articles(site.holders[k], sketches, opts.near_copy) < min(base, _HOLDERS):
            continue
        chosen.append((-count, k))
    chosen.sort()
    return frozenset(k for _, k in chosen[: opts.max_keys_per_site])
