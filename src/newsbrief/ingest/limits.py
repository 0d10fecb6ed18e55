"""Input limits, stated in one place (the README's "Input limits and errors" lists them too).

A news article is a few thousand words; these limits sit far above any real one and only stop
inputs that would stall a run (a mislabelled database dump, a gzip bomb, a minified page on one
line). An input over a limit becomes a coded error (E110) and the run goes on.
"""

from __future__ import annotations

MAX_DOCUMENT_BYTES = 16 * 1024 * 1024
"""One document file (``.txt``, ``.html``) after gunzipping, one JSONL line (one record), one
WARC record's payload, one feed file, or standard input read as one document: 16 MiB. JSONL and
WARC files themselves have no size limit (they are read a record at a time)."""

MAX_TEXT_CHARS = 1_000_000
"""Characters of one article's text: the plain text as read, and the body left after cleaning
(HTML included). 1,000,000 is spaCy's ``max_length``, about 150,000 words. Lines need no limit
of their own: a line is bounded by its document (a JSONL line by ``MAX_DOCUMENT_BYTES``)."""

MAX_LINE_ERRORS = 1000
"""Bad lines reported one by one per JSONL file; beyond this, one error counts the rest (a file
that is not JSONL at all should not flood the error list)."""

SNIFF_BYTES = 8192
"""How much of a file is looked at to tell text from binary data."""

MAX_STDIN_BYTES = 256 * 1024 * 1024
"""Standard input is read whole (to tell text, HTML and JSONL apart): 256 MiB. Pass bigger
batches as files; JSONL files are streamed."""

MAX_REQUEST_BYTES = MAX_DOCUMENT_BYTES
"""A request body sent to ``newsbrief serve`` (one article as JSON): at most 16 MiB, a
document's limit (``serve --max-body`` / ``NEWSBRIEF_MAX_BODY`` may lower it). Enforced while
the body streams in: a larger ``Content-Length`` is refused before reading, a chunked body is
cut off once over."""

MIN_REQUEST_BYTES = 1024
"""The lowest ``--max-body`` accepted: below 1 KiB no real article fits."""
