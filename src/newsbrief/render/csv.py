"""CSV tables of quotes and of claims, for spreadsheet users.

With stories, rows are the story-level merged quotes and figure claims; without stories (an
``extract`` run) they are each article's own quotes and claims, with an empty ``story_id``.
Numbers are written plainly (``2000``, ``3.5``); an exact qualifier (``=``) is written as an
empty cell, and text that a spreadsheet would run as a formula is prefixed with ``'``.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping
from typing import Literal

from newsbrief.errors import OptionError
from newsbrief.model import Article, Claim, FigureClaim, Result
from newsbrief.render.common import articles_by_id

CsvTable = Literal["quotes", "claims"]
CSV_TABLES: tuple[CsvTable, ...] = ("quotes", "claims")

QUOTE_COLUMNS = ("story_id", "speaker", "text", "kind", "sources", "outlets")
CLAIM_COLUMNS = (
    "story_id",
    "measure",
    "status",
    "value",
    "low",
    "high",
    "qualifier",
    "unit",
    "claimant",
    "as_of",
    "sources",
    "outlets",
)

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

Cell = str | float | None


def render_csv(result: Result, *, table: CsvTable) -> str:
    """One CSV table (header row first) of the result's quotes or claims."""
    columns: tuple[str, ...]
    if table == "quotes":
        columns, rows = QUOTE_COLUMNS, _quote_rows(result)
    elif table == "claims":
        columns, rows = CLAIM_COLUMNS, _claim_rows(result)
    else:
        raise OptionError(f"unknown CSV table {table!r}; choose one of: {', '.join(CSV_TABLES)}")
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows([_cell(value) for value in row] for row in rows)
    return buffer.getvalue()


def _cell(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return "'" + value if value.startswith(_FORMULA_STARTS) else value


def _outlets(ids: Iterable[str], articles: Mapping[str, Article]) -> str:
    names = (articles[i].outlet if i in articles else None for i in ids)
    return "; ".join(dict.fromkeys(n for n in names if n))


def _quote_rows(result: Result) -> list[list[Cell]]:
    articles = articles_by_id(result)
    if not result.stories:
        return [
            [None, q.speaker, q.text, q.kind, a.id, a.outlet]
            for a in result.articles
            for q in a.quotes
        ]
    return [
        [s.id, q.speaker, q.text, q.kind, "; ".join(q.sources), _outlets(q.sources, articles)]
        for s in result.stories
        for q in s.quotes
    ]


def _claim_rows(result: Result) -> list[list[Cell]]:
    articles = articles_by_id(result)
    if not result.stories:
        return [
            [None, c.measure, None, *_claim_cells(c), a.id, a.outlet]
            for a in result.articles
            for c in a.claims
        ]
    return [
        [s.id, f.measure, f.status, *_claim_cells(c), "; ".join(c.sources)]
        + [_outlets(c.sources, articles)]
        for s in result.stories
        for f in s.figures
        for c in f.claims
    ]


def _claim_cells(claim: Claim | FigureClaim) -> list[Cell]:
    """value, low, high, qualifier, unit, claimant, as_of."""
    qualifier = "" if claim.qualifier == "=" else claim.qualifier
    return [claim.value, claim.low, claim.high, qualifier, claim.unit, claim.claimant, claim.as_of]
