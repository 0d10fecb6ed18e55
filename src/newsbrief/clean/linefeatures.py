"""Features of each line of a page, for the learned body-region scorer (``clean.linemodel``).

Every feature is about shape, never about a site's words: length, sentence end, function-word
density, capitals and digits, the cruft family the rule pass gave the line, its neighbours, and
where it sits relative to the page's prose (head chrome comes before the prose mass, teasers,
comments and footers after it). One feature measures topical coherence: how many of the line's
content words recur in the page's densest run of prose, which tells an article's own paragraphs
from teaser blurbs about other stories; two more measure how much of the headline a line (and
its neighbourhood) repeats. Stage-two features summarise the stage-one scores of the
neighbouring lines. All of it is linear in the number of lines.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

from newsbrief.clean.lines import LINE_MEMO, Line, max_sum_span
from newsbrief.clean.stopwords import STOP_WORDS
from newsbrief.textsim import LINK_RE

# Rule-pass reason codes given to the model as one-hot features (others count as "other").
FAMILIES: tuple[str, ...] = (
    "nav",
    "ad",
    "consent",
    "share",
    "promo",
    "comments",
    "counter",
    "related-list",
    "video",
    "caption",
    "tags",
    "author-box",
    "footer",
    "byline",
    "dateline-meta",
    "title",
    "repeated-title",
    "recurring",
)
HARD_END = frozenset({"footer", "comments"})

_TOKEN = re.compile(r"\w+")
_RELATIVE_TIME = re.compile(
    r"\b\d+\s*(?:s|m|h|d|w|mins?|minutes?|hrs?|hours?|days?|weeks?|months?|years?)\s+ago\b",
    re.IGNORECASE,
)
_WINDOW = 3
_FAR = 10

BASE_NAMES: tuple[str, ...] = (
    "log_words",
    "ends_sentence",
    "stop_ratio",
    "caps_ratio",
    "digit_ratio",
    "comma_density",
    "prose",
    "prev_prose",
    "next_prose",
    "window_prose",
    "prose_before",
    "prose_after",
    "in_core",
    "coherence",
    "title_overlap",
    "title_window",
    "after_hard_end",
    "core_distance",
    "very_short",
    "headline_shaped",
    "prev_short",
    "next_short",
    "relative_time",
    "link",
    "all_caps",
    "labelled_before",
    "labelled_after",
    "position",
    *(f"family_{name}" for name in FAMILIES),
    "family_other",
)
CONTEXT_NAMES: tuple[str, ...] = (
    "p",
    "p_prev3",
    "p_next3",
    "p_prev10",
    "p_next10",
    "p_mass_before",
    "p_mass_after",
)


def is_prose(line: Line) -> bool:
    """A line that reads like a paragraph: a sentence of eight words or more, or very long."""
    return (line.ends_sentence and line.n_words >= 8) or line.n_words >= 20


def _core(lines: Sequence[Line], labels: Sequence[str | None]) -> tuple[int, int]:
    """The densest run of prose: the maximum-sum segment of +words for prose lines and a small
    cost per other line (so a crosshead or caption does not break it, a menu does)."""
    values = [
        line.n_words
        if labels[i] is None and is_prose(line)
        else -(2 + (line.n_words if labels[i] is not None else 0.5 * line.n_words))
        for i, line in enumerate(lines)
    ]
    return max_sum_span(values) or (0, -1)


@lru_cache(maxsize=LINE_MEMO)
def _content_words(text: str) -> frozenset[str]:
    words = (t.lower() for t in _TOKEN.findall(text))
    return frozenset(w for w in words if len(w) >= 4) - STOP_WORDS


@lru_cache(maxsize=LINE_MEMO)
def _shape(text: str) -> tuple[float, float, float, float, float, bool]:
    """What a line's text alone says: its shares of capitalised and of numeric tokens, commas
    per token (at most 1), whether it gives a relative time or a link, and whether it is all
    capitals (remembered, like ``_content_words``: the passes of cleaning meet a line again)."""
    tokens = _TOKEN.findall(text)
    n_tokens = len(tokens) or 1
    return (
        sum(1 for t in tokens if t[:1].isupper()) / n_tokens,
        sum(1 for t in tokens if t.isdigit()) / n_tokens,
        min(text.count(",") / n_tokens, 1.0),
        float(_RELATIVE_TIME.search(text) is not None),
        float(LINK_RE.search(text) is not None),
        text.upper() == text,
    )


def _headline_shaped(line: Line) -> bool:
    text = line.text
    return 3 <= line.n_words <= 30 and not text.endswith(".") and text[:1].isupper()


def _title_overlaps(
    lines: Sequence[Line],
    labels: Sequence[str | None],
    words: Sequence[frozenset[str]],
    title: str | None,
) -> list[float]:
    """Share of the headline's content words that each line repeats (0 for the headline)."""
    topic = _content_words(title) if title else frozenset()
    if not topic:
        return [0.0] * len(lines)
    return [
        0.0 if labels[i] in ("title", "repeated-title") else len(own & topic) / len(topic)
        for i, own in enumerate(words)
    ]


def base_features(
    lines: Sequence[Line], labels: Sequence[str | None], title: str | None = None
) -> list[list[float]]:
    """One row of ``BASE_NAMES`` features per line; ``labels`` are the rule pass's reasons and
    ``title`` the page's headline, when known."""
    n = len(lines)
    if n == 0:
        return []
    prose = [labels[i] is None and is_prose(line) for i, line in enumerate(lines)]
    prose_words = [line.n_words if prose[i] else 0 for i, line in enumerate(lines)]
    total_prose = sum(prose_words) or 1
    core_start, core_end = _core(lines, labels)
    words = [_content_words(line.text) for line in lines]
    vocabulary: Counter[str] = Counter()
    for i in range(core_start, core_end + 1):
        vocabulary.update(words[i])
    labelled = [1 if label is not None else 0 for label in labels]
    on_topic = _title_overlaps(lines, labels, words, title)
    rows: list[list[float]] = []
    before = 0
    hard_seen = False
    for i, line in enumerate(lines):
        capitals, digits, commas, relative_time, link, all_caps = _shape(line.text)
        inside = core_start <= i <= core_end
        own = words[i]
        coherence = (
            sum(1 for w in own if vocabulary[w] - (1 if inside else 0) > 0) / len(own)
            if own
            else 0.0
        )
        window = [prose[j] for j in range(max(0, i - _WINDOW), min(n, i + _WINDOW + 1)) if j != i]
        distance = core_start - i if i < core_start else i - core_end if i > core_end else 0
        label = labels[i]
        row = [
            math.log1p(line.n_words),
            float(line.ends_sentence),
            line.stop_ratio,
            capitals,
            digits,
            commas,
            float(prose[i]),
            float(i > 0 and prose[i - 1]),
            float(i + 1 < n and prose[i + 1]),
            sum(window) / len(window) if window else 0.0,
            before / total_prose,
            (total_prose - before - prose_words[i]) / total_prose,
            float(inside),
            coherence,
            on_topic[i],
            sum(on_topic[max(0, i - _WINDOW) : i + _WINDOW + 1]) / (2 * _WINDOW + 1),
            float(hard_seen and i > core_end),
            min(distance, 30) / 30,
            float(line.n_words <= 3),
            float(_headline_shaped(line)),
            float(i > 0 and lines[i - 1].n_words <= 5),
            float(i + 1 < n and lines[i + 1].n_words <= 5),
            relative_time,
            link,
            float(line.n_words >= 2 and all_caps),
            sum(labelled[max(0, i - _FAR) : i]) / _FAR,
            sum(labelled[i + 1 : i + 1 + _FAR]) / _FAR,
            i / n,
            *(float(label == name) for name in FAMILIES),
            float(label is not None and label not in FAMILIES),
        ]
        rows.append(row)
        before += prose_words[i]
        hard_seen = hard_seen or label in HARD_END
    return rows


def context_features(lines: Sequence[Line], scores: Sequence[float]) -> list[list[float]]:
    """One row of ``CONTEXT_NAMES`` per line: its stage-one score and word-weighted means of the
    scores just before and after it, plus the share of scored prose mass before and after."""
    n = len(lines)
    weights = [1.0 + line.n_words for line in lines]
    cum_q = [0.0]
    cum_w = [0.0]
    for q, w in zip(scores, weights, strict=True):
        cum_q.append(cum_q[-1] + q * w)
        cum_w.append(cum_w[-1] + w)

    def mean(lo: int, hi: int) -> float:
        lo, hi = max(0, lo), min(n, hi)
        return (cum_q[hi] - cum_q[lo]) / (cum_w[hi] - cum_w[lo]) if hi > lo else 0.5

    mass = cum_q[n] or 1.0
    return [
        [
            scores[i],
            mean(i - _WINDOW, i),
            mean(i + 1, i + 1 + _WINDOW),
            mean(i - _FAR, i),
            mean(i + 1, i + 1 + _FAR),
            cum_q[i] / mass,
            (cum_q[n] - cum_q[i + 1]) / mass,
        ]
        for i in range(n)
    ]
