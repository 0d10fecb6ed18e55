"""Text normalisation shared by every cleaning path: NFC, repaired mojibake, one kind of space,
one kind of newline.

Curly quotes and apostrophes are kept (quote extraction relies on them), and typewriter double
quotes typed as two apostrophes or two backticks (''like this'', ``like this'', as news archives
and some wire feeds print them) become curly ones. The function is idempotent, so normalising
twice never changes the text again.
"""

from __future__ import annotations

import re
import unicodedata

import ftfy

# Zero-width and invisible format characters (ZWSP, ZWNJ, ZWJ, word joiner, BOM, soft hyphen)
# and the C0 control characters that are not whitespace.
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad\x00-\x08\x0e-\x1f\x7f]")
# Every horizontal space other than a plain space: tabs, NBSP, en/em/thin spaces, ideographic.
_ODD_SPACE = re.compile("[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\x0b\x0c]")
_LINE_BREAKS = re.compile("\r\n?|[\u2028\u2029\x85]")
_SPACE_RUN = re.compile(" {2,}")
_TRAILING = re.compile(" +$", re.MULTILINE)
_LEADING = re.compile("^ +", re.MULTILINE)
_BLANK_RUN = re.compile("\n{3,}")
# Characters that UTF-8 read as Latin-1 or Windows-1252 leaves behind ("Ã±" for "ñ", "â€™" for
# "’"): text without any is left to the fast path.
_MOJIBAKE_HINT = re.compile(
    "[ÂÃÅÐÑâ]"
    "[\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013-\u203a\u20ac\u2122]"
)


_REPAIR_ROUNDS = 4
"""At most this many repairs in a row (a text wrongly decoded twice takes two)."""


def repair_mojibake(text: str) -> str:
    """Text that was UTF-8 decoded as Latin-1 or Windows-1252, once or twice, decoded right
    ("PeÃ±a" -> "Peña", and twice wrong -> "François"), with ``ftfy.fix_encoding``; other text
    unchanged. On the 924 PolNeAR texts it repairs names in 34 (Peña, Guantánamo, García)."""
    if not _MOJIBAKE_HINT.search(text):
        return text
    return unicodedata.normalize("NFC", ftfy.fix_encoding(text))


def normalize_text(text: str) -> str:
    """NFC, mojibake repaired, odd spaces to one space, no zero-width chars, ``\\n`` line ends,
    no edge spaces.

    Runs of three or more newlines become one blank line, so paragraph structure survives. A
    repair is repeated until nothing changes (one can uncover another), so normalising twice
    never changes the text again.
    """
    text = _normalized(text)
    for _ in range(_REPAIR_ROUNDS):
        repaired = repair_mojibake(text)
        if repaired == text:
            break
        text = _normalized(repaired)
    return text


_TYPEWRITER_QUOTE = re.compile("''|``")
_OPENING_CONTEXT = " ([{—–-/"


def _curly_line(line: str) -> str:
    """One line's two-apostrophe (and two-backtick) quote marks as curly ones: an opening mark
    stands at the line's start or after a space or bracket, before a non-space; any other
    closes, except after a digit with no quote open (inches: a 6'2'' forward stays)."""
    out: list[str] = []
    last = 0
    open_quote = False
    for found in _TYPEWRITER_QUOTE.finditer(line):
        i, j = found.span()
        before = line[i - 1] if i else " "
        after = line[j] if j < len(line) else " "
        if found.group() == "``" or (before in _OPENING_CONTEXT and not after.isspace()):
            mark, open_quote = "“", True
        elif open_quote or not before.isdigit():
            mark, open_quote = "”", False
        else:
            continue
        out += [line[last:i], mark]
        last = j
    return "".join(out) + line[last:] if out else line


def _curly_quotes(text: str) -> str:
    if "''" not in text and "``" not in text:
        return text
    return "\n".join(_curly_line(line) for line in text.split("\n"))


def _normalized(text: str) -> str:
    text = _LINE_BREAKS.sub("\n", text)
    text = _INVISIBLE.sub("", text)
    text = unicodedata.normalize("NFC", text)
    text = _ODD_SPACE.sub(" ", text)
    text = _SPACE_RUN.sub(" ", text)
    text = _TRAILING.sub("", text)
    text = _LEADING.sub("", text)
    text = _BLANK_RUN.sub("\n\n", text)
    text = _curly_quotes(text)
    return text.strip("\n ")
