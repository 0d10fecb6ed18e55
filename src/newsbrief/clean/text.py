"""Plain-text boilerplate removal: classify each line of a scraped page as body or cruft.

Evidence is combined per line: length and word count, sentence-final punctuation, stop-word
density, the cruft families of ``patterns``, position (chrome sits in runs of short
non-sentence lines before the first and after the last body sentence), and the headline
repeated from the page title. When unsure the line is kept. Every dropped line is returned with
its reason code. One linear pass over the lines plus a few bounded look-aheads.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from newsbrief.clean import metadata
from newsbrief.clean.linefeatures import HARD_END, is_prose
from newsbrief.clean.linemodel import LineModel, best_run, load_model
from newsbrief.clean.lines import LINE_MEMO, Line, key, split_lines
from newsbrief.clean.normalize import normalize_text
from newsbrief.clean.options import CleanOptions
from newsbrief.clean.patterns import (
    cruft_reason,
    is_byline,
    is_date_meta,
    is_name_line,
    is_role_line,
)
from newsbrief.model import Removed
from newsbrief.textsim import headline_case

_COMMENTS_HEADER = re.compile(
    r"(?:^|[|•·]\s*)[\[(]?\s*\d+\s+comments?\s*[\])]?$|^comments?\s*\(\d+\):?$|"
    r"^(?:top|most|best|latest|newest|oldest|all|reader) (?:rated |recent |popular )?comments$|"
    r"^\d+ (?:thoughts|responses|replies) on\b|"
    r"^(?:leave|post|add|write) (?:a|your) (?:comment|reply)|^join the (?:conversation|discussion)|"
    r"^(?:\d+\s+)?(?:responses|replies) to\b|^comments? (?:are|is) (?:closed|disabled)",
    re.IGNORECASE,
)
_CAPITALISED = re.compile(r"^[\"“‘'(]?[A-Z0-9$£€]")
_PUNCT_ONLY = re.compile(r"^\W+$")
_NUMBER = re.compile(r"^[\d.,:/%()-]+$")
_AUTHOR_BIO = re.compile(
    r"^(?:[A-Z][\w'’.-]+\s){1,3}(?:is|was|has been)\s(?:a|an|the)\s[^.]{0,80}?\b(?:"
    r"correspondent|reporter|editor|writer|journalist|photographer|columnist|contributor|"
    r"producer|author|presenter|analyst)s?\b"
)
_BIO_LINES = 3
_UNSURE = 0.5
_INSIDE_FURNITURE = frozenset({"caption", "ad", "share", "video"})
_META = frozenset({"byline", "dateline-meta"})
_TAIL = frozenset({"related-list", "share", "promo", "tags", "author-box", "nav", "recurring"})
_HEAD_META = 4
_HEAD_REACH = 6
_HEADED_WORDS = 40
_LIST_ITEM = re.compile(r"^\(?(?P<n>\d{1,3})[.):]?\s+\S")
_LIST_LABELS = frozenset({None, "related-list"})
_LIST_REACH = 400
_LIST_BACK = 4
_LIST_WRAP_WORDS = 12
_LIST_MIN_ITEMS = 3
_HARD_FOOTER = re.compile(
    r"^(?:©|\(c\)|copyright\b)\s*(?:©\s*)?(?:19|20)\d\d|\ball rights reserved\b", re.IGNORECASE
)
_QUOTATION = re.compile(r"[“\"«„‘]\s*(?:[^”\"»“„’\s]+\s+){3,}[^”\"»“„’]*[”\"»’]")
_SHARE_WORD = re.compile(r"\w+")
_QUOTED_SHARE = 0.4
_SHINGLE = 4
_DUPLICATE_WORDS = 8
_DUPLICATE_SHARE = 0.9
_MERGED = 1.5
_SPEECH_CUE = re.compile(
    r"\b(?:said|says|say|told|tells|added|adds|asked|asks|warned|warns|wrote|writes|stated|"
    r"states|insisted|insists|explained|explains|declared|argued|argues|claimed|claims|noted|"
    r"replied|recalled|tweeted|posted|announced|announces|according to)\b",
    re.IGNORECASE,
)
_MENU_SEPARATOR = re.compile(r"\s[|•·]\s")
TEASER_CAPS = 7
_MAX_PASSES = 4
_STANDFIRST_REACH = 12


@dataclass(frozen=True)
class TextClean:
    """What the plain-text pass kept, dropped and learned about the page."""

    paragraphs: tuple[str, ...]
    removed: tuple[Removed, ...]
    title: str | None
    outlet: str | None
    published: str | None


def _headline_shaped(line: Line, *, first: bool = False) -> bool:
    """Short, opening with a capital, and without a full stop; the first line of a text may end
    with one when it is short (some archives print every headline with a stop: "O'Malley
    campaign to shift staff, resources to Iowa.") or set in headline case ("Stealth Over
    Health: Hillary Clinton Was Headed to ER But Diverted to Avoid Bad Optics.": 41 of the 107
    PolNeAR texts left untitled by the first rule open so)."""
    text = line.text
    stopped = text.endswith(".") and not text.endswith("...")
    return (
        3 <= line.n_words <= 30
        and (not stopped or (first and (_headline_grammar(line) or headline_case(text))))
        and (text[0].isupper() or text[0].isdigit() or text[0] in "“\"‘'")
    )


FIRST_LINE_HEADLINE_WORDS = 14
"""The longest first line ending in a full stop that is taken for a headline."""

_PAST_RE = re.compile(r"\b(?:[a-z]+ed|said|told|was|were|had)\b")
_ATTRIBUTED_RE = re.compile(r"\baccording to\b|[”\"’']\s*[.!?]?\s*$", re.IGNORECASE)


def _headline_grammar(line: Line) -> bool:
    """A short line written as a headline, in the present tense ("O'Malley campaign to shift
    staff, resources to Iowa.") or without articles, not as a lede telling what happened ("The
    mayor opened the new library on Monday.", "… had campaigned", "… said") nor a statement
    attributed to someone ("According to the operator, “every sailing is full”."). Without
    that last test a text whose first line was the site's name kept the statement as body,
    and its cleaned text, cleaned again, lost it to the title."""
    return (
        line.n_words <= FIRST_LINE_HEADLINE_WORDS
        and not (_PAST_RE.search(line.text) and _ARTICLE_RE.search(line.text))
        and not _ATTRIBUTED_RE.search(line.text)
    )


_ARTICLE_RE = re.compile(r"\b(?:the|a|an)\b", re.IGNORECASE)
"""Headlines drop their articles: a short first line with none is a headline even with a verb
in the past ("Jill Stein removed from debate site by police.", "Trump's investments include
companies he bashed."): 41 of the 43 such first lines of the PolNeAR texts left untitled are
headlines, the other two bylines."""


def _find_title(lines: list[Line], head_end: int) -> tuple[str | None, str | None]:
    """The headline (and the site of a "Headline - Site" line) from the page head.

    Candidates are headline-shaped lines of four or more words before the body. First choice: a
    bare copy of a "Headline - Site" line (the page's own title, printed again over the
    article). Else a line printed twice in the head (pages repeat the headline; taglines are not
    repeated, though a menu printed twice can be); else the first candidate just above a byline
    or date line; else the first candidate. A bare copy of the headline is preferred to its
    "Headline - Site" form, which only adds the site name.
    """
    head = lines[: max(head_end, 1)]
    candidates = [
        i
        for i, line in enumerate(head)
        if line.n_words >= 4
        and _headline_shaped(line, first=i == 0)
        and len(_MENU_SEPARATOR.findall(line.text)) < 2
        and cruft_reason(line.text, line.n_words) is None
    ]
    if not candidates:
        return None, None
    keys = [key(line.text) for line in head]
    page_titles = {
        key(split[0]) for line in head if (split := metadata.split_title_suffix(line.text))
    }
    # The bare headline of a "Headline | Site" line (the page's own title, as rendered on top)
    # names the article; a line repeated in the head may be a menu printed twice.
    titled = [i for i in candidates if keys[i] in page_titles]
    repeated = [i for i in candidates if keys.count(keys[i]) > 1]
    near_meta = _above_meta(head, set(candidates))
    chosen = (titled or repeated or near_meta or candidates)[0]
    line = head[chosen]
    split = metadata.split_title_suffix(line.text)
    if split:
        return _bare_headline(split[0]), split[1]
    return _bare_headline(line.text), None


_DANGLING_RE = re.compile(r"(?<=\w)\s*[;:,–—-]+$")


_STOPPED_RE = re.compile(r"(?<=[\w’'\")\]%])\.$")
_ABBREVIATIONS = frozenset(
    [
        "inc",
        "jr",
        "sr",
        "co",
        "corp",
        "ltd",
        "st",
        "bros",
        "dr",
        "gov",
        "sen",
        "rep",
        "mr",
        "mrs",
        "ms",
        "gen",
        "col",
        "lt",
        "sgt",
        "no",
        "vs",
        "etc",
    ]
)


def _bare_headline(text: str) -> str:
    """A headline without the punctuation that joined it to a deck or a site name on its line
    ("Durability carries Clinton to her goals;", "… Blindsided By Stunning News-"), and without
    a full stop some archives end headlines with (not one that ends "U.S." or "Inc.")."""
    bare = _DANGLING_RE.sub("", text.strip()) or text
    last = bare.rsplit(maxsplit=1)[-1]
    if (
        _STOPPED_RE.search(bare)
        and "." not in last[:-1]
        and last[:-1].lower().strip("’'\")]") not in _ABBREVIATIONS
    ):
        bare = bare[:-1]
    return bare


def _above_meta(head: list[Line], candidates: set[int]) -> list[int]:
    """Headlines set directly above a byline or date line: from each such line walk up over the
    block of headline-shaped lines (a standfirst may sit between headline and byline), skipping
    share buttons and similar cruft; the top of the block is the headline, and a kicker or menu
    line ends it."""
    found: list[int] = []
    for m, meta in enumerate(head):
        if not (is_byline(meta.text, meta.n_words) or metadata.find_date(meta.text)):
            continue
        top: int | None = None
        for i in range(m - 1, max(-1, m - 7), -1):
            if i in candidates:
                top = i
            elif top is None and cruft_reason(head[i].text, head[i].n_words) is not None:
                continue
            else:
                break
        if top is not None and top not in found:
            found.append(top)
    return sorted(found)


def _body_start(lines: list[Line], labels: list[str | None]) -> int:
    """Where the body begins: the first of two prose lines close together (a lone sentence-like
    line in the head, such as a consent notice, does not end the head)."""
    anchors = [i for i, line in enumerate(lines) if labels[i] is None and line.is_anchor]
    for a, b in zip(anchors, anchors[1:], strict=False):
        if b - a <= 3:
            return a
    return anchors[0] if anchors else len(lines)


def _first_anchor(lines: list[Line], labels: list[str | None]) -> int:
    for i, line in enumerate(lines):
        if labels[i] is None and line.is_anchor:
            return i
    return len(lines)


def _last_anchor(lines: list[Line], labels: list[str | None]) -> int:
    for i in range(len(lines) - 1, -1, -1):
        if labels[i] is None and lines[i].is_anchor:
            return i
    return -1


@dataclass
class RulePass:
    """The rule pass's verdict on a page's lines, before the body region is placed."""

    lines: list[Line]
    labels: list[str | None]
    title: str | None
    site: str | None
    outlet: str | None
    published: str | None


BODY_PROSE_WORDS = 20
"""A line of this many words that no rule removes is prose: the body has begun."""


def rule_pass(
    text: str,
    *,
    title: str | None = None,
    options: CleanOptions | None = None,
    boilerplate: frozenset[str] = frozenset(),
    find_title: bool = True,
) -> RulePass:
    """Label the lines that a cruft family, a related list, the comment section, a teaser list
    or the headline account for; read the date, title and site on the way (the title only when
    none is given and ``find_title``)."""
    opts = options or CleanOptions()
    lines = split_lines(normalize_text(text))
    labels: list[str | None] = [None] * len(lines)
    published: str | None = None
    outlet: str | None = None

    # 1. Families of cruft, bylines and date lines.
    in_body = False  # a prose paragraph has come: date lines below it are read more strictly
    for i, line in enumerate(lines):
        reason = cruft_reason(line.text, line.n_words)
        if reason is None and boilerplate and key(line.text) in boilerplate:
            reason = "recurring"
        if reason is None and is_byline(line.text, line.n_words):
            reason = "byline"
            found = metadata.find_date(line.text)
            if found and published is None:
                published = found[1]
        if reason is None and line.n_words <= 14:
            found = metadata.find_date(line.text)
            if is_date_meta(line.text, found[0] if found else None, line.n_words, in_body=in_body):
                reason = "dateline-meta"
                if found and published is None:
                    published = found[1]
        if reason == "footer" and outlet is None:
            outlet = metadata.copyright_outlet(line.text)
        labels[i] = reason
        in_body = in_body or (reason is None and line.n_words >= BODY_PROSE_WORDS)

    # 1b. A journalist's title on its own line is part of the byline, and so is a bare name
    # right above it ("Kasimir Dune" / "Foreign Correspondent").
    for i, line in enumerate(lines):
        if labels[i] is None and is_role_line(line.text):
            labels[i] = "byline"
            if i and labels[i - 1] is None and is_name_line(lines[i - 1].text):
                labels[i - 1] = "byline"

    # 2. Lists under a "Related"/"Read more" header: the short headline lines that follow.
    _mark_related_lists(lines, labels)

    # 3. The comment section: a comments header after some body drops the rest.
    anchors = 0
    for i, line in enumerate(lines):
        if anchors >= opts.comments_after_anchors and _COMMENTS_HEADER.search(line.text):
            labels[i] = "comments"
            for k in range(i + 1, len(lines)):
                labels[k] = labels[k] or "comments"
            break
        if labels[i] is None and line.is_anchor:
            anchors += 1

    # 3b. Teaser lists: consecutive lines that open with a long Title Case headline.
    _mark_teasers(lines, labels)

    # 4. The title and its repeats.
    first = _body_start(lines, labels)
    site: str | None = None
    guessed = False
    if title is None and find_title:
        title, site = _find_title(lines, first)
        guessed = title is not None
    if (
        guessed
        and title
        and all(key(line.text) == key(title) or labels[i] for i, line in enumerate(lines))
    ):
        title, site = None, None  # the only text left is no headline: keep it as the body
    if title:
        title_key = key(title)
        title_index: int | None = None
        for i, line in enumerate(lines):
            line_key = key(line.text)
            split = metadata.split_title_suffix(line.text)
            if line_key == title_key or (split is not None and key(split[0]) == title_key):
                if title_index is None and i < first:
                    title_index = i
                labels[i] = "repeated-title"
        if title_index is not None:
            labels[title_index] = "title"
        if title_index is not None and site is None:
            split = metadata.split_title_suffix(lines[title_index].text)
            site = split[1] if split else None
    return RulePass(lines, labels, title, site, outlet, published)


def clean_text(
    text: str,
    *,
    title: str | None = None,
    options: CleanOptions | None = None,
    positional: bool | None = None,
    boilerplate: frozenset[str] = frozenset(),
    model: LineModel | None = None,
) -> TextClean:
    """Split a page's text into body paragraphs and removed cruft, and read title/outlet/date.

    ``title`` is a headline already known (from metadata); lines repeating it are dropped.
    ``positional`` overrides ``options.positional``: with it, the learned region scorer
    (``model``, default the shipped one) places the article and the lines before and after it are
    dropped; trafilatura's output, already the main block, is not trimmed so. ``boilerplate``
    holds the ``key`` of lines learned to recur across the outlet's pages (``clean.recurring``);
    such lines are dropped as "recurring".

    Cleaning is idempotent: the pass is repeated on the kept text, with the title now known,
    until it removes nothing more (at most ``_MAX_PASSES`` times), so cleaning the output again
    with its title is that last, empty pass. Title, outlet and date come from the first pass,
    which saw the whole page; when it found no title, the later passes look for one too (the
    lines above a headline can go only once the region is placed, and cleaning the kept text
    again would then take that headline for the title).
    """
    opts = options or CleanOptions()
    use_position = opts.positional if positional is None else positional
    found = rule_pass(text, title=title, options=opts, boilerplate=boilerplate)
    first = finish_pass(found, options=opts, positional=use_position, model=model)
    result = first
    removed = list(first.removed)
    found_title = first.title
    for _ in range(_MAX_PASSES - 1):
        again = finish_pass(
            rule_pass(
                "\n\n".join(result.paragraphs),
                title=found_title,
                options=opts,
                boilerplate=boilerplate,
                find_title=title is None and found_title is None,
            ),
            options=opts,
            positional=use_position,
            model=model,
        )
        found_title = found_title or again.title
        if again.paragraphs == result.paragraphs:
            break
        removed.extend(again.removed)
        result = again
    return TextClean(
        paragraphs=result.paragraphs,
        removed=tuple(removed),
        title=found_title,
        outlet=first.outlet,
        published=first.published,
    )


def finish_pass(
    found: RulePass,
    *,
    options: CleanOptions | None = None,
    positional: bool = True,
    model: LineModel | None = None,
    scores: Sequence[float] | None = None,
) -> TextClean:
    """Place the article's region (when ``positional``), drop menus, settle the outlet.

    ``scores``: the model's line scores when already computed (refitting tries thresholds)."""
    opts = options or CleanOptions()
    lines, labels = found.lines, list(found.labels)
    region: tuple[int, int] | None = None
    title, site, outlet = found.title, found.site, found.outlet

    # 5. Position: the page head and tail around the article's region.
    if positional and lines:
        if opts.learned_region:
            scorer = model or load_model()
            if scores is None:
                scores = scorer.scores(lines, labels, found.title)
            region = best_run(scores, lines, scorer.threshold)
            if region is not None:
                region = _widen(lines, labels, scores, region, scorer.threshold * _UNSURE)
                end = _introduced_list_end(lines, labels, region[1])
                for j in range(region[1] + 1, end + 1):
                    if labels[j] == "related-list":  # an item of the list, not a teaser
                        labels[j] = None
                region = (region[0], end)
        if region is not None:
            region = (region[0], _before_footer(lines, labels, region))
            start, end = _standfirst_start(lines, labels, region[0]), region[1]
            headed = _under_headline(lines, labels, found.title is not None)
            if headed is not None and headed[0] < start:
                # The model's article starts below the prose set under the headline and byline:
                # unsure which is the article, keep from the headline on.
                start, end = headed[0], max(end, headed[1])
            for i in range(len(lines)):
                if labels[i] is None and not start <= i <= end:
                    labels[i] = "page-head" if i < start else "page-tail"
        else:
            _mark_outside_prose(lines, labels)

    # 6. Menus and link lists in the middle: long runs of very short non-sentence lines. Inside
    # a learned region such runs are the article's own lists and tables, so they stay.
    if region is None:
        _mark_runs(lines, labels, opts)

    _mark_author_bio(lines, labels)
    _mark_duplicates(lines, labels)
    for i, line in enumerate(lines):
        if labels[i] not in KEEP_LABELS and is_quoted_statement(line.text):
            labels[i] = None

    # 7. Outlet fallbacks: title suffix, a lone site-name line on top, a wire dateline.
    if site:
        outlet = site
    else:
        kept = [line.text for k, line in enumerate(lines) if labels[k] is None]
        wire = metadata.wire_outlet(kept[0]) if kept else None
        top = _top_site_line(lines) or _site_name_in_head(lines, labels, title)
        outlet = top or wire or outlet

    paragraphs = tuple(line.text for k, line in enumerate(lines) if labels[k] is None)
    removed = tuple(
        Removed(text=line.text, reason=reason)
        for line, reason in zip(lines, labels, strict=True)
        if reason is not None
    )
    return TextClean(
        paragraphs=paragraphs,
        removed=removed,
        title=title,
        outlet=outlet,
        published=found.published,
    )


KEEP_LABELS = (None, "title", "repeated-title", "embed")
"""Labels a quoted statement does not undo: an embedded post left as markup in plain text
('<tweet tweet-author="@…">Donald Trump knows what you mean … pic.twitter.com/…<tweet/>')
quotes its own words, and its markup had become a quote's speaker."""


def _widen(
    lines: list[Line],
    labels: list[str | None],
    scores: Sequence[float],
    region: tuple[int, int],
    floor: float,
) -> tuple[int, int]:
    """When unsure, keep: grow the region over an adjacent prose paragraph (possibly behind one
    short crosshead, or one caption, ad or share line, which stays dropped) whose score is in
    the unsure band above ``floor``, on either side."""
    start, end = region
    while True:
        j = end + 1
        if j < len(lines) and _passable(lines[j], labels[j]):
            j += 1
        if j < len(lines) and labels[j] is None and is_prose(lines[j]) and scores[j] >= floor:
            end = j
            continue
        break
    while True:
        j = start - 1
        if j >= 0 and _passable(lines[j], labels[j]):
            j -= 1
        if j >= 0 and labels[j] is None and is_prose(lines[j]) and scores[j] >= floor:
            start = j
            continue
        break
    return start, end


def _introduced_list_end(lines: list[Line], labels: list[str | None], end: int) -> int:
    """The end of a numbered list introduced at the region's end ("… the best offers:" then
    "1) …", "2) …"; the region may already hold the first items): its items belong to the
    article however little prose they hold. Items count up from one without a gap; one short
    unnumbered line between two items (an item wrapped over two lines, a bare link) is carried
    along."""
    for intro in range(end, max(-1, end - _LIST_BACK), -1):
        line = lines[intro]
        if labels[intro] is None and line.n_words >= 4 and line.text.rstrip().endswith(":"):
            break
    else:
        return end
    expected, last, gap = 1, intro, 0
    for j in range(intro + 1, min(len(lines), intro + 1 + _LIST_REACH)):
        match = _LIST_ITEM.match(lines[j].text)
        if match and int(match["n"]) == expected and labels[j] in _LIST_LABELS:
            expected, last, gap = expected + 1, j, 0
            continue
        gap += 1
        if gap > 1 or labels[j] is not None or lines[j].n_words > _LIST_WRAP_WORDS:
            break
    return max(end, last) if expected > _LIST_MIN_ITEMS else end


def _passable(line: Line, label: str | None) -> bool:
    """A line the region may grow across: a short crosshead, or furniture set inside articles."""
    return (label is None and line.n_words <= 6) or label in _INSIDE_FURNITURE


def _before_footer(lines: list[Line], labels: list[str | None], region: tuple[int, int]) -> int:
    """The region's last line, cut before a copyright footer ("© 2026 …", "All rights reserved"):
    what follows a page's footer is never its article."""
    for i in range(region[0] + 1, region[1] + 1):
        if labels[i] == "footer" and _HARD_FOOTER.search(lines[i].text):
            return i - 1
    return region[1]


def _under_headline(
    lines: list[Line], labels: list[str | None], known_title: bool
) -> tuple[int, int] | None:
    """The block set under the headline and its byline or date line, or at the top of a text
    whose known headline (``known_title``) it does not print: from the first prose line after
    them to the last kept line before the page's tail furniture (two furniture lines in
    a row, or a footer or comments header). None when the page has no such headline block or
    the block holds little text."""
    heads = [
        i
        for i, label in enumerate(labels)
        if label in ("title", "repeated-title")
        and any(labels[k] in _META for k in range(i + 1, min(len(lines), i + 1 + _HEAD_META)))
    ]
    if not heads and known_title and not {"title", "repeated-title"} & set(labels):
        heads = [-1]  # a known headline printed nowhere: the text starts under it
    if not heads:
        return None
    start = next(
        (
            k
            for k in range(heads[0] + 1, min(len(lines), heads[0] + 1 + _HEAD_REACH))
            if labels[k] is None and lines[k].n_words >= 8
        ),
        None,
    )
    if start is None:
        return None
    end = start
    for k in range(start, len(lines)):
        label = labels[k]
        if label in HARD_END or (label in _TAIL and k + 1 < len(lines) and labels[k + 1] in _TAIL):
            break
        if label is None:
            end = k
    words = sum(lines[k].n_words for k in range(start, end + 1) if labels[k] is None)
    return (start, end) if words >= _HEADED_WORDS else None


def _standfirst_start(lines: list[Line], labels: list[str | None], start: int) -> int:
    """Where the article starts once its standfirst is counted: prose lines of eight words or
    more between the headline and the region, with only meta lines (byline, date, author name
    and role, share buttons) among them, belong to the body (the standfirst stays)."""
    title = next((i for i in range(start - 1, -1, -1) if labels[i] == "title"), None)
    if title is None or start - title > _STANDFIRST_REACH:
        return start
    standfirst = [i for i in range(title + 1, start) if labels[i] is None and lines[i].n_words >= 8]
    return standfirst[0] if standfirst else start


def is_quoted_statement(text: str) -> bool:
    """A quotation of four words or more with a speech cue ("…,” she said."): a statement with
    a speaker, which cleaning never removes whatever its surroundings look like. The quotation
    must be a good part of the line (``_QUOTED_SHARE`` of its words): a long teaser blurb that
    merely quotes a few words of someone is not a statement."""
    quotes = _QUOTATION.findall(text)
    if not quotes or _SPEECH_CUE.search(text) is None:
        return False
    quoted = sum(len(_SHARE_WORD.findall(q)) for q in quotes)
    return quoted >= _QUOTED_SHARE * len(_SHARE_WORD.findall(text))


def _mark_author_bio(lines: list[Line], labels: list[str | None]) -> None:
    """The last kept lines when they are a biography of the writer ("Jane Roe is the Post's
    science editor."): an author box, only ever looked for at the very end of the article."""
    kept = [i for i, label in enumerate(labels) if label is None]
    for i in reversed(kept[-_BIO_LINES:]):
        if not _AUTHOR_BIO.match(lines[i].text):
            break
        labels[i] = "author-box"


@lru_cache(maxsize=LINE_MEMO)
def _shingles(text: str) -> frozenset[tuple[str, ...]]:
    words = _SHARE_WORD.findall(text.casefold())
    return frozenset(tuple(words[k : k + _SHINGLE]) for k in range(len(words) - _SHINGLE + 1))


def _mark_duplicates(lines: list[Line], labels: list[str | None]) -> None:
    """A kept line whose wording the kept lines above it already carry, when it merges several
    of them into one block (``_MERGED`` times longer than any of them) or is cut off with "...":
    a page that prints its article twice, or a teaser of the article. A line repeated whole or
    nearly so, like a list item, stays."""
    seen: dict[tuple[str, ...], int] = {}
    for i, line in enumerate(lines):
        if labels[i] is not None:
            continue
        own = _shingles(line.text)
        if line.n_words >= _DUPLICATE_WORDS and own:
            sources = [seen[s] for s in own if s in seen]
            cut = line.text.endswith(("...", "…"))
            merged = len(set(sources)) >= 2 and line.n_words >= _MERGED * max(
                lines[k].n_words for k in sources
            )
            if len(sources) >= _DUPLICATE_SHARE * len(own) and (cut or merged):
                labels[i] = "duplicate"
                continue
        for s in own:
            seen.setdefault(s, i)


def _mark_related_lists(lines: list[Line], labels: list[str | None]) -> None:
    """The short headline lines under a "Related"/"Read more" header."""
    i = 0
    while i < len(lines):
        if labels[i] == "related-list" and lines[i].n_words <= 8:
            j = i + 1
            while j < len(lines) and j - i <= 15:
                line = lines[j]
                if labels[j] is not None:
                    j += 1
                    continue
                if line.is_anchor or line.is_long_prose:
                    break
                labels[j] = "related-list"
                j += 1
            i = j
        else:
            i += 1


def _mark_outside_prose(lines: list[Line], labels: list[str | None]) -> None:
    """Without a region: short non-sentence lines before the first and after the last body
    sentence are chrome."""
    first = _first_anchor(lines, labels)
    last = _last_anchor(lines, labels)
    if last < 0:
        return
    for i, line in enumerate(lines):
        if labels[i] is not None or line.is_long_prose or line.is_short_sentence:
            continue
        if i < first:
            labels[i] = "short-nonsentence-head"
        elif i > last:
            labels[i] = "short-nonsentence-tail"


def _top_site_line(lines: list[Line]) -> str | None:
    """A short name alone in the page's first block, e.g. "The Harbour Courier"."""
    if len(lines) < 2 or lines[0].block == lines[1].block:
        return None
    top = lines[0]
    if not 1 <= top.n_words <= 4 or top.ends_sentence or not top.text[0].isupper():
        return None
    if cruft_reason(top.text, top.n_words) is not None:
        return None
    return top.text


_NAME_WORD = re.compile(r"^(?:[A-Z][\w'’&.-]*|of|the|and|&|on|de|du|la|le)$")


def _site_name_in_head(
    lines: list[Line], labels: list[str | None], title: str | None
) -> str | None:
    """A site-name line above the headline: two to four capitalised words, no sentence, not a
    known cruft family (e.g. "Valley Ledger Online" under a cookie banner)."""
    title_key = key(title) if title else None
    for i, line in enumerate(lines[:25]):
        if title_key and key(line.text) == title_key:
            return None
        if labels[i] not in (None, "short-nonsentence-head", "page-head") or line.ends_sentence:
            continue
        words = line.text.split()
        if not 2 <= len(words) <= 4 or not all(_NAME_WORD.match(w) for w in words):
            continue
        if words[-1][0].islower() or cruft_reason(line.text, line.n_words) is not None:
            continue
        return line.text
    return None


def _leading_caps(text: str) -> int:
    """How many words in a row at the start of ``text`` are capitalised (headline case).

    Bare numbers neither count nor break the run, so a table row ("3 Kim Lee 5033 4 6") is not
    taken for a headline."""
    run = 0
    for token in text.split()[:20]:
        if _PUNCT_ONLY.match(token) or _NUMBER.match(token):
            continue
        if not _CAPITALISED.match(token):
            break
        run += 1
    return run


def _mark_teasers(lines: list[Line], labels: list[str | None]) -> None:
    """Two or more consecutive "Headline In Title Case Then its snippet" lines are teasers."""
    flags = [
        labels[k] is None and _leading_caps(line.text) >= TEASER_CAPS
        for k, line in enumerate(lines)
    ]
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and flags[j]:
            j += 1
        if j - i >= 2:
            for k in range(i, j):
                labels[k] = "related-list"
        i = max(j, i + 1)


def _mark_runs(lines: list[Line], labels: list[str | None], opts: CleanOptions) -> None:
    """Label runs of ``list_run`` or more very short non-sentence lines as navigation."""

    def short(k: int) -> bool:
        line = lines[k]
        return labels[k] is None and line.n_words <= opts.list_line_words and not line.ends_sentence

    i = 0
    while i < len(lines):
        if not short(i):
            i += 1
            continue
        j = i
        while j < len(lines) and short(j):
            j += 1
        if j - i >= opts.list_run:
            for k in range(i, j):
                labels[k] = "nav"
        i = j
