"""Quote marks in a paragraph's text: which characters open and close a quotation.

Curly and straight double marks pair up (an unclosed one runs to the end of the paragraph, the
start of a quote that goes on in the next; a closing mark typed where an opening one belongs at
a line's start still opens). Single marks count only when an opener after a space or bracket
and a closer before no letter enclose two words or more, so apostrophes, plural possessives
("the ministers’ plan") and "rock 'n' roll" are not quotes. Also the plain-text tests on a
marked span that need no parse: a title in title case, a nickname inside a name.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass


def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


_DOUBLE_OPEN = "“\u201e"
_DOUBLE_CLOSE = "”"
_OPEN_CONTEXT = " \t\n([{—–-:/“‘\"'"
_SINGLE_OPEN = "‘'"
_SINGLE_CLOSE = "’'"


@dataclass(frozen=True)
class MarkedSpan:
    """Character offsets of the words between quote marks; ``closed`` False if it runs on."""

    start: int
    end: int
    closed: bool = True


def double_quote_spans(text: str) -> list[MarkedSpan]:
    """Spans inside double quote marks (curly or straight); an unclosed one runs to the end."""
    spans: list[MarkedSpan] = []
    opened: int | None = None
    for i, ch in enumerate(text):
        if ch in _DOUBLE_OPEN:
            opened = i + 1
        elif ch in _DOUBLE_CLOSE:
            if opened is not None:
                spans.append(MarkedSpan(opened, i))
                opened = None
            elif _line_start(text, i) and i + 1 < len(text) and text[i + 1].isalnum():
                opened = i + 1  # a closing mark typed where the opening one belongs
        elif ch == '"':
            if opened is None:
                if (
                    i == 0
                    or text[i - 1] in _OPEN_CONTEXT
                    or (i + 1 < len(text) and text[i + 1].isalnum())
                ):
                    opened = i + 1
            else:
                spans.append(MarkedSpan(opened, i))
                opened = None
    if opened is not None and text[opened:].strip():
        spans.append(MarkedSpan(opened, len(text), closed=False))
    return spans


def _line_start(text: str, i: int) -> bool:
    """Only spaces between the start of the line and position ``i``."""
    return not text[text.rfind("\n", 0, i) + 1 : i].strip()


def single_quote_spans(text: str, *, skip: Sequence[MarkedSpan] = ()) -> list[MarkedSpan]:
    """Spans inside single marks that are clearly quotes, outside the ``skip`` spans.

    An opener follows a space or bracket and precedes a letter; a closer follows a non-space
    and precedes no letter (so "don’t" and "Vask’s" never close). A plural possessive closer
    ("ministers’ plan") is passed over when a later closer exists. Two words at least.
    """
    covered = [(s.start - 1, s.end + 1) for s in skip]

    def free(i: int) -> bool:
        return not any(a <= i < b for a, b in covered)

    openers = [
        i
        for i, ch in enumerate(text)
        if ch in _SINGLE_OPEN
        and (i == 0 or text[i - 1] in _OPEN_CONTEXT)
        and i + 1 < len(text)
        and text[i + 1].isalpha()
        and free(i)
    ]
    closers = [
        i
        for i, ch in enumerate(text)
        if ch in _SINGLE_CLOSE
        and i > 0
        and not text[i - 1].isspace()
        and (i + 1 == len(text) or not text[i + 1].isalnum())
        and free(i)
    ]
    spans: list[MarkedSpan] = []
    last_end = -1
    for n, op in enumerate(openers):
        if op <= last_end:
            continue
        limit = openers[n + 1] if n + 1 < len(openers) else len(text)
        options = [c for c in closers if op + 1 < c < limit] or [c for c in closers if c > op + 1]
        plain = [c for c in options if not _plural_possessive(text, c)]
        chosen = options[0] if options and not _plural_possessive(text, options[0]) else None
        if chosen is None and plain:
            chosen = plain[0]
        if chosen is None and options:
            chosen = options[0]
        if chosen is None:
            continue
        inner = text[op + 1 : chosen]
        if " " in inner.strip() and len(inner) < 600:
            spans.append(MarkedSpan(op + 1, chosen))
            last_end = chosen
    return spans


def _plural_possessive(text: str, i: int) -> bool:
    """’ after an s and before a lower-case word: 'the ministers’ statement'."""
    return text[i - 1] in "sS" and text[i + 1 : i + 3][:1] == " " and text[i + 2 : i + 3].islower()


def quote_spans(text: str) -> list[MarkedSpan]:
    """Double and clear single quote spans of one paragraph, in order."""
    double = double_quote_spans(text)
    return sorted([*double, *single_quote_spans(text, skip=double)], key=lambda s: s.start)


#: Words before a title in quote marks: 'on “Morning Harbour”', 'starred in “Blue Nets”'.
TITLE_PREPOSITIONS = frozenset({"in", "on", "with", "at", "from", "into", "of", "for", "to"})
#: Nouns before the title of a work: 'her book “Salt and Stone”'.
WORK_NOUNS = _wordset(
    """book novel memoir manifesto autobiography biography film movie documentary show series
    programme program episode song album play opera musical article column essay op-ed report
    podcast newsletter magazine"""
)
_SMALL_WORDS = frozenset({"a", "an", "the", "of", "and", "or", "in", "on", "to", "for", "at", "by"})


def is_title(words: str) -> bool:
    """Short and in title case: 'Fox and Friends', 'State of the Union.'"""
    tokens = re.findall(r"[\w'’-]+", words)
    if not tokens or len(tokens) > 8:
        return False
    return all(t[0].isupper() or t[0].isdigit() or t.lower() in _SMALL_WORDS for t in tokens)


def possessive(word: str) -> bool:
    return word.endswith(("'s", "’s", "s'", "s’"))


_NICKNAME = re.compile(r"[A-Z][\w.]*\s*$")


def nickname(text: str, m: MarkedSpan) -> bool:
    """'Marcia “Cia” Price': one or two capitalised words between the parts of a name."""
    words = text[m.start : m.end].split()
    if not 1 <= len(words) <= 2 or not all(w[:1].isupper() for w in words):
        return False
    after = text[m.end + 1 : m.end + 3].strip()
    return bool(_NICKNAME.search(text[: max(0, m.start - 1)])) and after[:1].isupper()
