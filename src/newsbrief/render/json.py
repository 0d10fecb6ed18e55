"""The output contract (``newsbrief/1``) as JSON text."""

from __future__ import annotations

from newsbrief.model import Result


def render_json(result: Result, *, indent: int | None = 2) -> str:
    """``result.to_json()`` with a trailing newline; ``indent=None`` gives one line."""
    return result.to_json(indent=indent) + "\n"
