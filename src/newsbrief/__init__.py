"""newsbrief: turn scraped news articles into cited story briefs.

The public API::

    import newsbrief
    result = newsbrief.brief(["articles/"], words=60)      # Result: articles, stories, errors
    articles = newsbrief.extract(["articles/"])            # list[Article], no stories

Stage functions for one step at a time live in their modules (``newsbrief.clean``,
``newsbrief.extract.quotes``, ...); ``newsbrief.text`` offers shortcuts over a plain string.
"""

from __future__ import annotations

from newsbrief.model import Article, Result, Story
from newsbrief.pipeline import RunOptions, brief, extract, extract_result

__version__ = "0.1.0"

__all__ = [
    "Article",
    "Result",
    "RunOptions",
    "Story",
    "__version__",
    "brief",
    "extract",
    "extract_result",
]
