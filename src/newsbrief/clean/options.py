"""Options of the cleaning stage, in one frozen dataclass (defaults suit scraped news pages)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CleanOptions:
    """How hard cleaning cuts.

    ``positional`` drops runs of short non-sentence lines before the first and after the last
    body sentence (page chrome); it is on for plain text and off for trafilatura's output, which
    is already the main block. ``min_body_words`` is the length from which a line ending like a
    sentence counts as body prose. ``list_run`` consecutive short non-sentence lines in the middle
    of a page are a menu or link list. A comments header after ``comments_after_anchors`` body
    sentences starts the comment section, which is dropped to the end.

    For HTML, ``html_tables`` lets trafilatura keep tables inside the article, and
    ``html_keep_unlinked_runs`` keeps lines the line pass dropped only as part of a menu-like
    run when at most ``html_max_link_share`` of their words are links on the page.
    """

    positional: bool = True
    learned_region: bool = True
    html_positional: bool = False
    min_body_words: int = 8
    list_run: int = 4
    list_line_words: int = 5
    comments_after_anchors: int = 2
    use_trafilatura: bool = True
    html_tables: bool = True
    html_keep_unlinked_runs: bool = True
    html_max_link_share: float = 0.5
