"""Text normalisation shared by every cleaning path: NFC, one kind of space, one kind of newline.

Curly quotes and apostrophes are kept (quote extraction relies on them). The function is
idempotent, so normalising twice never changes the text again.
"""

from __future__ import annotations

import re
import unicodedata

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


def normalize_text(text: str) -> str:
    """NFC, odd spaces to one space, no zero-width chars, ``\\n`` line ends, no edge spaces.

    Runs of three or more newlines become one blank line, so paragraph structure survives.
    """
    text = _LINE_BREAKS.sub("\n", text)
    text = _INVISIBLE.sub("", text)
    text = unicodedata.normalize("NFC", text)
    text = _ODD_SPACE.sub(" ", text)
    text = _SPACE_RUN.sub(" ", text)
    text = _TRAILING.sub("", text)
    text = _LEADING.sub("", text)
    text = _BLANK_RUN.sub("\n\n", text)
    return text.strip("\n ")
