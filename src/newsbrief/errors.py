"""Coded, actionable errors: what went wrong and how to fix it.

Each code is stable so users (and tests) can match on it; the message names the file and the fix.
Input problems never abort a run: readers turn them into ``InputError`` records.
"""

from __future__ import annotations

from enum import StrEnum


class Code(StrEnum):
    """Error codes. E1xx: inputs; E2xx: models and extras; E3xx: options; E4xx: requests to
    the web service (the number is the HTTP status where one code per status suffices)."""

    E101 = "E101"  # input path does not exist
    E102 = "E102"  # unsupported file type
    E103 = "E103"  # file not decodable as text
    E104 = "E104"  # JSONL line is not valid JSON / not an object
    E105 = "E105"  # record without usable text (JSONL line, feed entry)
    E106 = "E106"  # empty document (nothing left to read)
    E107 = "E107"  # HTML page without extractable text
    E108 = "E108"  # file could not be read (permissions, I/O, damaged gzip or WARC)
    E109 = "E109"  # a stage failed on one document (a bug: please report it)
    E110 = "E110"  # input over a size limit (newsbrief.ingest.limits)
    E111 = "E111"  # article not in English: extraction skipped
    E112 = "E112"  # not a readable RSS/Atom feed, or a feed that is not well-formed
    E201 = "E201"  # spaCy model missing
    E202 = "E202"  # optional extra missing
    E301 = "E301"  # invalid option value
    E400 = "E400"  # malformed request: body not valid JSON, bad Content-Length (HTTP 400)
    E401 = "E401"  # write request without a bearer token (HTTP 401)
    E402 = "E402"  # wrong bearer token (HTTP 403)
    E403 = "E403"  # writes disabled: the server runs without a token (HTTP 403)
    E404 = "E404"  # no such story, article or endpoint (HTTP 404)
    E405 = "E405"  # method not allowed on this endpoint (HTTP 405)
    E413 = "E413"  # request body over the size limit (HTTP 413)
    E415 = "E415"  # request body is not JSON (wrong Content-Type) (HTTP 415)
    E422 = "E422"  # invalid parameter or field (wrong type, out of range) (HTTP 422)
    E423 = "E423"  # article without usable text, or ingest refused it (HTTP 422)
    E450 = "E450"  # unexpected server error: a bug, please report it (HTTP 500)


class NewsbriefError(Exception):
    """Base error with a code; ``str(err)`` is ``"[E101] message"``."""

    def __init__(self, code: Code, message: str) -> None:
        self.code = code
        self.message = message
        super().__init__(f"[{code.value}] {message}")


class InputReadError(NewsbriefError):
    """An input that cannot be read; carries the source so the run can record and go on."""

    def __init__(self, code: Code, source: str, message: str) -> None:
        self.source = source
        super().__init__(code, f"{source}: {message}")


class ModelMissingError(NewsbriefError):
    """The spaCy English model is not installed."""


class MissingExtraError(NewsbriefError):
    """An optional feature's packages are not installed."""

    def __init__(self, feature: str, extra: str) -> None:
        super().__init__(
            Code.E202,
            f"{feature} needs the optional packages of newsbrief[{extra}]; "
            f"install them with: pip install 'newsbrief[{extra}]'",
        )


class OptionError(NewsbriefError):
    """An option value that cannot be used."""

    def __init__(self, message: str) -> None:
        super().__init__(Code.E301, message)
