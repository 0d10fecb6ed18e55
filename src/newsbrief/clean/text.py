"""Plain-text boilerplate removal: classify each line of a scraped page as body or cruft.

Evidence is combined per line: length and word count, sentence-final punctuation, stop-word
density, the cruft families of ``patterns``, position (chrome sits in runs of short
non-sentence lines before the first and after the last body sentence), and the headline
repeated from the page title. When unsure the line is kept. Every dropped line is returned with
its reason code. One linear pass over the lines plus a few bounded look-aheads.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsbrief.clean import metadata
from newsbrief.clean.normalize import normalize_text
from newsbrief.clean.options import CleanOptions
from newsbrief.clean.patterns import cruft_reason, is_byline, is_date_meta
from newsbrief.model import Removed

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_TOKEN = re.compile(r"\w+")
_SENTENCE_END = re.compile(r"[.!?…]['’\"”»)\]]*$|[.!?…]\s*\(\w[^)]*\)$|[\"”»]$")
_LOWER_START = re.compile(r"^[\"“‘']?[a-z]")
_KEY = re.compile(r"\W+")
_COMMENTS_HEADER = re.compile(
    r"(?:^|[|•·]\s*)\d+\s+comments?\s*$|^comments?\s*\(\d+\):?$|"
    r"^(?:leave|post|add|write) (?:a|your) (?:comment|reply)|^join the (?:conversation|discussion)|"
    r"^(?:\d+\s+)?(?:responses|replies) to\b|^comments? (?:are|is) (?:closed|disabled)",
    re.IGNORECASE,
)
_CAPITALISED = re.compile(r"^[\"“‘'(]?[A-Z0-9$£€]")
_PUNCT_ONLY = re.compile(r"^\W+$")
TEASER_CAPS = 7

STOP_WORDS = frozenset(
    [
        "a",
        "about",
        "above",
        "after",
        "again",
        "against",
        "all",
        "also",
        "am",
        "an",
        "and",
        "any",
        "are",
        "as",
        "at",
        "be",
        "because",
        "been",
        "before",
        "being",
        "below",
        "between",
        "both",
        "but",
        "by",
        "can",
        "could",
        "did",
        "do",
        "does",
        "doing",
        "down",
        "during",
        "each",
        "few",
        "for",
        "from",
        "further",
        "had",
        "has",
        "have",
        "having",
        "he",
        "her",
        "here",
        "hers",
        "herself",
        "him",
        "himself",
        "his",
        "how",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "itself",
        "just",
        "me",
        "more",
        "most",
        "my",
        "no",
        "nor",
        "not",
        "now",
        "of",
        "off",
        "on",
        "once",
        "only",
        "or",
        "other",
        "our",
        "ours",
        "out",
        "over",
        "own",
        "said",
        "says",
        "same",
        "she",
        "should",
        "so",
        "some",
        "such",
        "than",
        "that",
        "the",
        "their",
        "theirs",
        "them",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "through",
        "to",
        "too",
        "under",
        "until",
        "up",
        "very",
        "was",
        "we",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "who",
        "whom",
        "why",
        "will",
        "with",
        "would",
        "you",
        "your",
        "yours",
    ]
)


@dataclass(frozen=True)
class Line:
    """One line of the page and the evidence about it."""

    text: str
    block: int
    n_words: int
    ends_sentence: bool
    stop_ratio: float

    @property
    def is_anchor(self) -> bool:
        """Unmistakable body prose: a full sentence of some length with function words."""
        return self.ends_sentence and self.n_words >= 8 and self.stop_ratio >= 0.1

    @property
    def is_short_sentence(self) -> bool:
        """A short but complete sentence ("He declined to comment."): not chrome."""
        return self.ends_sentence and self.n_words >= 4

    @property
    def is_long_prose(self) -> bool:
        """Long enough and wordy enough to be body even without a final full stop."""
        return self.n_words >= 15 and self.stop_ratio >= 0.2


@dataclass(frozen=True)
class TextClean:
    """What the plain-text pass kept, dropped and learned about the page."""

    paragraphs: tuple[str, ...]
    removed: tuple[Removed, ...]
    title: str | None
    outlet: str | None
    published: str | None


def _line(text: str, block: int) -> Line:
    words = _WORD.findall(text)
    n = len(words)
    stops = sum(1 for w in words if w.lower() in STOP_WORDS)
    return Line(
        text=text,
        block=block,
        n_words=n,
        ends_sentence=_SENTENCE_END.search(text) is not None,
        stop_ratio=stops / n if n else 0.0,
    )


def split_lines(text: str) -> list[Line]:
    """Lines of the page; a hard-wrapped sentence (next line starts lower-case) is re-joined."""
    lines: list[Line] = []
    for block_index, block in enumerate(text.split("\n\n")):
        pending: str | None = None
        for raw in block.split("\n"):
            raw = raw.strip()
            if not raw:
                continue
            if (
                pending is not None
                and len(pending) >= 30
                and not _SENTENCE_END.search(pending)
                and _LOWER_START.match(raw)
            ):
                pending = f"{pending} {raw}"
                continue
            if pending is not None:
                lines.append(_line(pending, block_index))
            pending = raw
        if pending is not None:
            lines.append(_line(pending, block_index))
    return lines


def key(text: str) -> str:
    """Comparison key: case-folded words only."""
    return _KEY.sub(" ", text.casefold()).strip()


def _headline_shaped(line: Line) -> bool:
    text = line.text
    return (
        3 <= line.n_words <= 30
        and (not text.endswith(".") or text.endswith("..."))
        and (text[0].isupper() or text[0].isdigit() or text[0] in "“\"‘'")
    )


def _find_title(lines: list[Line], head_end: int) -> tuple[str | None, str | None]:
    """The headline (and the site of a "Headline - Site" line) from the page head.

    Candidates are headline-shaped lines of four or more words before the body. A line printed
    twice in the head is the headline (pages repeat it; taglines are not repeated); else the
    first candidate just above a byline or date line; else the first candidate. A bare copy of
    the headline is preferred to its "Headline - Site" form, which only adds the site name.
    """
    head = lines[: max(head_end, 1)]
    candidates = [
        i
        for i, line in enumerate(head)
        if line.n_words >= 4
        and _headline_shaped(line)
        and cruft_reason(line.text, line.n_words) is None
    ]
    if not candidates:
        return None, None
    keys = [key(line.text) for line in head]
    repeated = [i for i in candidates if keys.count(keys[i]) > 1]
    near_meta = [
        i
        for i in candidates
        if any(
            is_byline(h.text, h.n_words) or metadata.find_date(h.text) is not None
            for h in head[i + 1 : i + 6]
        )
    ]
    chosen = (repeated or near_meta or candidates)[0]
    line = head[chosen]
    split = metadata.split_title_suffix(line.text)
    if split:
        return split
    return line.text, None


def _body_start(lines: list[Line], labels: list[str | None]) -> int:
    """Where the body begins: the first of two prose lines close together (a lone sentence-like
    line in the head, such as a consent notice, does not end the head)."""
    anchors = [i for i, line in enumerate(lines) if labels[i] is None and line.is_anchor]
    for a, b in zip(anchors, anchors[1:], strict=False):
        if b - a <= 3:
            return a
    return anchors[0] if anchors else len(lines)


def _first_anchor(lines: list[Line], labels: list[str | None]) -> int:
    for i, line in enumerate(lines):
        if labels[i] is None and line.is_anchor:
            return i
    return len(lines)


def _last_anchor(lines: list[Line], labels: list[str | None]) -> int:
    for i in range(len(lines) - 1, -1, -1):
        if labels[i] is None and lines[i].is_anchor:
            return i
    return -1


def clean_text(
    text: str,
    *,
    title: str | None = None,
    options: CleanOptions | None = None,
    positional: bool | None = None,
    boilerplate: frozenset[str] = frozenset(),
) -> TextClean:
    """Split a page's text into body paragraphs and removed cruft, and read title/outlet/date.

    ``title`` is a headline already known (from metadata); lines repeating it are dropped.
    ``positional`` overrides ``options.positional`` (trafilatura output is not trimmed by
    position). ``boilerplate`` holds the ``key`` of lines learned to recur across the outlet's
    pages (``clean.recurring``); such lines are dropped as "recurring".
    """
    opts = options or CleanOptions()
    use_position = opts.positional if positional is None else positional
    lines = split_lines(normalize_text(text))
    labels: list[str | None] = [None] * len(lines)
    published: str | None = None
    outlet: str | None = None

    # 1. Families of cruft, bylines and date lines.
    for i, line in enumerate(lines):
        reason = cruft_reason(line.text, line.n_words)
        if reason is None and boilerplate and key(line.text) in boilerplate:
            reason = "recurring"
        if reason is None and is_byline(line.text, line.n_words):
            reason = "byline"
            found = metadata.find_date(line.text)
            if found and published is None:
                published = found[1]
        if reason is None and line.n_words <= 14:
            found = metadata.find_date(line.text)
            if is_date_meta(line.text, found[0] if found else None, line.n_words):
                reason = "dateline-meta"
                if found and published is None:
                    published = found[1]
        if reason == "footer" and outlet is None:
            outlet = metadata.copyright_outlet(line.text)
        labels[i] = reason

    # 2. Lists under a "Related"/"Read more" header: the short headline lines that follow.
    i = 0
    while i < len(lines):
        if labels[i] == "related-list" and lines[i].n_words <= 8:
            j = i + 1
            while j < len(lines) and j - i <= 15:
                line = lines[j]
                if labels[j] is not None:
                    j += 1
                    continue
                if line.is_anchor or line.is_long_prose:
                    break
                labels[j] = "related-list"
                j += 1
            i = j
        else:
            i += 1

    # 3. The comment section: a comments header after some body drops the rest.
    anchors = 0
    for i, line in enumerate(lines):
        if labels[i] is None and line.is_anchor:
            anchors += 1
        elif anchors >= opts.comments_after_anchors and _COMMENTS_HEADER.search(line.text):
            labels[i] = "comments"
            for k in range(i + 1, len(lines)):
                labels[k] = labels[k] or "comments"
            break

    # 3b. Teaser lists: consecutive lines that open with a long Title Case headline.
    _mark_teasers(lines, labels)

    # 4. The title and its repeats.
    first = _body_start(lines, labels)
    site: str | None = None
    if title is None:
        title, site = _find_title(lines, first)
    if title:
        title_key = key(title)
        title_index: int | None = None
        for i, line in enumerate(lines):
            line_key = key(line.text)
            split = metadata.split_title_suffix(line.text)
            if line_key == title_key or (split is not None and key(split[0]) == title_key):
                if title_index is None and i < first:
                    title_index = i
                labels[i] = "repeated-title"
        if title_index is not None:
            labels[title_index] = "title"
        if title_index is not None and site is None:
            split = metadata.split_title_suffix(lines[title_index].text)
            site = split[1] if split else None

    # 5. Position: chrome before the first and after the last body sentence.
    first = _first_anchor(lines, labels)
    last = _last_anchor(lines, labels)
    if use_position and last >= 0:
        for i, line in enumerate(lines):
            if labels[i] is not None or line.is_long_prose or line.is_short_sentence:
                continue
            if i < first:
                labels[i] = "short-nonsentence-head"
            elif i > last:
                labels[i] = "short-nonsentence-tail"

    # 6. Menus and link lists in the middle: long runs of very short non-sentence lines.
    _mark_runs(lines, labels, opts)

    # 7. Outlet fallbacks: title suffix, a lone site-name line on top, a wire dateline.
    if site:
        outlet = site
    else:
        kept = [line.text for k, line in enumerate(lines) if labels[k] is None]
        wire = metadata.wire_outlet(kept[0]) if kept else None
        top = _top_site_line(lines) or _site_name_in_head(lines, labels, title)
        outlet = top or wire or outlet

    paragraphs = tuple(line.text for k, line in enumerate(lines) if labels[k] is None)
    removed = tuple(
        Removed(text=line.text, reason=reason)
        for line, reason in zip(lines, labels, strict=True)
        if reason is not None
    )
    return TextClean(
        paragraphs=paragraphs,
        removed=removed,
        title=title,
        outlet=outlet,
        published=published,
    )


def _top_site_line(lines: list[Line]) -> str | None:
    """A short name alone in the page's first block, e.g. "The Harbour Courier"."""
    if len(lines) < 2 or lines[0].block == lines[1].block:
        return None
    top = lines[0]
    if not 1 <= top.n_words <= 4 or top.ends_sentence or not top.text[0].isupper():
        return None
    if cruft_reason(top.text, top.n_words) is not None:
        return None
    return top.text


_NAME_WORD = re.compile(r"^(?:[A-Z][\w'’&.-]*|of|the|and|&|on|de|du|la|le)$")


def _site_name_in_head(
    lines: list[Line], labels: list[str | None], title: str | None
) -> str | None:
    """A site-name line above the headline: two to four capitalised words, no sentence, not a
    known cruft family (e.g. "Valley Ledger Online" under a cookie banner)."""
    title_key = key(title) if title else None
    for i, line in enumerate(lines[:25]):
        if title_key and key(line.text) == title_key:
            return None
        if labels[i] not in (None, "short-nonsentence-head") or line.ends_sentence:
            continue
        words = line.text.split()
        if not 2 <= len(words) <= 4 or not all(_NAME_WORD.match(w) for w in words):
            continue
        if words[-1][0].islower() or cruft_reason(line.text, line.n_words) is not None:
            continue
        return line.text
    return None


def _leading_caps(text: str) -> int:
    """How many words in a row at the start of ``text`` are capitalised (headline case)."""
    run = 0
    for token in text.split()[:20]:
        if _PUNCT_ONLY.match(token):
            continue
        if not _CAPITALISED.match(token):
            break
        run += 1
    return run


def _mark_teasers(lines: list[Line], labels: list[str | None]) -> None:
    """Two or more consecutive "Headline In Title Case Then its snippet" lines are teasers."""
    flags = [
        labels[k] is None and _leading_caps(line.text) >= TEASER_CAPS
        for k, line in enumerate(lines)
    ]
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and flags[j]:
            j += 1
        if j - i >= 2:
            for k in range(i, j):
                labels[k] = "related-list"
        i = max(j, i + 1)


def _mark_runs(lines: list[Line], labels: list[str | None], opts: CleanOptions) -> None:
    """Label runs of ``list_run`` or more very short non-sentence lines as navigation."""

    def short(k: int) -> bool:
        line = lines[k]
        return labels[k] is None and line.n_words <= opts.list_line_words and not line.ends_sentence

    i = 0
    while i < len(lines):
        if not short(i):
            i += 1
            continue
        j = i
        while j < len(lines) and short(j):
            j += 1
        if j - i >= opts.list_run:
            for k in range(i, j):
                labels[k] = "nav"
        i = j
