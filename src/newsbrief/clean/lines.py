"""Lines of a page and the evidence about each: words, sentence end, function-word density.

Shared by the rule pass (``clean.text``), the learned line scorer (``clean.linefeatures``) and
corpus-level boilerplate learning (``clean.recurring``), so every part sees the same lines.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from newsbrief.clean.stopwords import STOP_WORDS

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_SENTENCE_END = re.compile(r"[.!?…。]['’\"”»)\]]*$|[.!?…]\s*\(\w[^)]*\)$|[\"”»]$")
_LOWER_START = re.compile(r"^[\"“‘']?[a-z]")
_KEY = re.compile(r"\W+")


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


LINE_MEMO = 1024
"""Lines whose evidence the per-line helpers of cleaning remember (``functools.lru_cache``).
Cleaning runs its passes again on the text it kept until they remove nothing (``clean_text``),
so the second pass meets the first pass's lines again: on the 924 PolNeAR texts, all of them.
A page has dozens to hundreds of lines (PolNeAR: 40 on average), so this holds a whole page
and its second pass; the memos then take about 10 MB of a worker (4,096 took 38 MB, no
faster)."""


def _line(text: str, block: int) -> Line:
    n, ends_sentence, stop_ratio = _line_facts(text)
    return Line(
        text=text, block=block, n_words=n, ends_sentence=ends_sentence, stop_ratio=stop_ratio
    )


@lru_cache(maxsize=LINE_MEMO)
def _line_facts(text: str) -> tuple[int, bool, float]:
    words = _WORD.findall(text)
    n = len(words)
    stops = sum(1 for w in words if w.lower() in STOP_WORDS)
    return n, _SENTENCE_END.search(text) is not None, stops / n if n else 0.0


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


@lru_cache(maxsize=LINE_MEMO)
def key(text: str) -> str:
    """Comparison key: case-folded words only (remembered, like ``_line_facts``)."""
    return _KEY.sub(" ", text.casefold()).strip()


def max_sum_span(values: Sequence[float]) -> tuple[int, int] | None:
    """First and last index of the contiguous run with the largest positive sum (Kadane), or
    None when no value is positive. Used to place the densest prose and the article region."""
    best, span = 0.0, None
    total, start = 0.0, 0
    for i, value in enumerate(values):
        if total <= 0:
            total, start = 0.0, i
        total += value
        if total > best:
            best, span = total, (start, i)
    return span
