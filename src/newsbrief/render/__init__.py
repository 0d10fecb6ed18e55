"""Renderers: the brief as terminal text, Markdown, self-contained HTML, the JSON contract, and
CSV tables."""

from __future__ import annotations

from typing import Any, Literal

from newsbrief.errors import OptionError
from newsbrief.model import Result
from newsbrief.render.csv import CSV_TABLES, render_csv
from newsbrief.render.html import render_html
from newsbrief.render.json import render_json
from newsbrief.render.markdown import render_markdown
from newsbrief.render.text import render_text

Format = Literal["text", "md", "html", "json", "csv"]
FORMATS: tuple[Format, ...] = ("text", "md", "html", "json", "csv")

__all__ = [
    "CSV_TABLES",
    "FORMATS",
    "Format",
    "render",
    "render_csv",
    "render_html",
    "render_json",
    "render_markdown",
    "render_text",
]


def render(result: Result, fmt: Format, **kw: Any) -> str:
    """Render ``result`` as ``fmt``; options go to that renderer (``width=``, ``color=``,
    ``table=`` for csv)."""
    if fmt == "text":
        return render_text(result, **kw)
    if fmt == "md":
        return render_markdown(result, **kw)
    if fmt == "html":
        return render_html(result, **kw)
    if fmt == "json":
        return render_json(result, **kw)
    if fmt == "csv":
        return render_csv(result, **kw)
    raise OptionError(f"unknown output format {fmt!r}; choose one of: {', '.join(FORMATS)}")
