"""Families of page cruft recognised by shape and keyword, each with its reason code.

Patterns are generic (words any news site uses for its chrome), compiled once, and only tried
on lines short enough to be chrome: a long prose paragraph that happens to mention "cookies" or
"Reuters" is never matched. ``cruft_reason`` returns the first family that matches, or None.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from newsbrief.clean.lines import LINE_MEMO


def _whole(*alternatives: str) -> re.Pattern[str]:
    """A case-insensitive pattern that must match the whole line (trailing punctuation allowed)."""
    return re.compile(r"^(?:" + "|".join(alternatives) + r")[\s:.!»›>|…-]*$", re.IGNORECASE)


def _any(*alternatives: str) -> re.Pattern[str]:
    """A case-insensitive pattern found anywhere in the line."""
    return re.compile("|".join(alternatives), re.IGNORECASE)


SOCIAL = (
    r"facebook|twitter|x|linkedin|reddit|whatsapp|telegram|pinterest|instagram|youtube|tiktok|"
    r"flipboard|messenger|threads|bluesky|mastodon|rss|e-?mail|sms"
)

_NAME = r"[A-Z][\w.'’-]*(?: (?:[A-Z][\w.'’-]*|de|van|von|bin|al))*"
_NAMES = _NAME + r"(?:,? and " + _NAME + r"|, " + _NAME + r")*"
_PLACE_WORD = r"(?:[A-Z]\.(?:[A-Z]\.)+|[A-Z][\w'’-]*)"  # "D.C." or "Kaneohe"
_PLACE = _PLACE_WORD + r"(?:,? " + _PLACE_WORD + r")*"
_CREDIT = (
    r"(?:(?:The )?(?:Associated Press|AP|Reuters|AFP|Bloomberg) (?:staff )?(?:writers?|"
    r"reporters?|correspondents?) )?"
    + _NAMES
    + r" (?:also )?(?:contributed(?: reporting| research| to this (?:report|article|story))?"
    r"(?: from " + _PLACE + r")?|reported from " + _PLACE + r")"
    r"(?:,? and " + _NAMES + r" from " + _PLACE + r")?\.?(?=\s|$)"
)
_CONTRIBUTING = (
    r"(?:[Cc]ontributing|[Aa]dditional reporting)\s*:\s*" + _NAMES + r"(?:,\s*[A-Z][\w&.'’ -]*)?\.?"
)  # "Contributing: Ann Lee and Ola Berg, Port Elin Courier."
CREDIT_LINE = re.compile(r"^(?:(?:" + _CREDIT + r"\s*)+|" + _CONTRIBUTING + r")$")
"""A line of staff reporting credits, sentence after sentence ("Ann Lee contributed reporting.",
"Vask reported from Port Elin. Associated Press writer Tomas Adler contributed from
Greyhaven."): who reported, not what happened. Names keep their capitals, so a sentence of
news ("The agency reported from its field offices that …") never matches."""

# (reason, pattern, max words of a line the pattern may remove)
_FAMILIES: Sequence[tuple[str, re.Pattern[str], int]] = (
    (
        "nav",
        _whole(
            r"skip to (?:the )?(?:main )?(?:content|navigation|search|footer)",
            r"(?:back|return) to (?:the )?top",
            r"site (?:icon|logo|navigation|search)",
            r"(?:main |open |close |toggle )?(?:menu|navigation)",
            r"search(?: \w+)?",
            r"home(?:page)?",
            r"log ?in|log ?out|sign ?in|sign ?out|sign ?up|register|my account|account",
            r"sections|all sections|topics|more|close|open|expand|collapse",
            r"next|previous|prev|next (?:article|story|post)|previous (?:article|story|post)",
            r"(?:load|show|see|view) (?:more|all)(?: \w+)?|view all|see all|loading",
            r"jump to(?: \w+){0,4}|go to(?: \w+){0,4}",
            r"breadcrumbs?|you are here",
        ),
        6,
    ),
    (
        "ad",
        _whole(
            r"advertisement|advert|ads?|sponsored(?: content| by .*)?|paid (?:content|post)",
            r"promoted(?: content| stories)?|partner content|presented by .*",
            r"(?:story|article) continues below(?: (?:this )?advertisement)?",
            r"continue reading(?: (?:below|the main story))?",
            r"scroll (?:down )?to (?:continue|read)(?: \w+){0,4}",
            r"advertise with us",
        ),
        10,
    ),
    (
        "consent",
        _any(
            r"\bcookies?\b.{0,200}\b(?:consent|accept|agree|privacy|settings|preferences|polic|"
            r"partners|personali[sz]|we use|uses)",
            r"\b(?:we|this (?:site|website)) uses? cookies\b",
            r"\b(?:accept|reject|allow|deny) (?:all|cookies|necessary)\b",
            r"\bmanage (?:cookie|privacy|consent) (?:settings|preferences|options)\b",
            r"\b(?:we|we and our partners) (?:value|care about) your privacy\b",
            r"\bGDPR\b|\bconsent preferences\b",
            r"\bby (?:continuing|using|browsing)(?: to (?:use|browse))? "
            r"(?:this|our) (?:site|website)",
        ),
        120,
    ),
    (
        "share",
        _whole(
            r"share(?: this| the)?(?: article| story| page| post| video)?(?: on (?:"
            + SOCIAL
            + "))?",
            r"(?:tweet|pin(?: it)?|print|copy(?: the)? link|link copied|save|saved|bookmark)",
            r"(?:gift|share)(?: this)? (?:article|story)",
            SOCIAL,
            r"(?:share|follow|like)(?: us)? on (?:"
            + SOCIAL
            + r")(?:,? (?:and |or )?(?:"
            + SOCIAL
            + "))*",
        ),
        8,
    ),
    (
        "share",
        # a bar of networks: "Share: Facebook | X | WhatsApp | Email", "Facebook · Twitter"
        _whole(
            r"(?:(?:share|follow)(?: (?:this|us))?(?: (?:article|story|on))?\s*:?\s*)?"
            r"(?:" + SOCIAL + r")(?:\s*[|•·,/]\s*(?:" + SOCIAL + r"|copy(?: the)? link|print))+"
        ),
        14,
    ),
    (
        "share",
        _any(
            r"^follow (?:us|@\w+|\w+(?: \w+)? on (?:" + SOCIAL + r"))\b",
            r"\bshare (?:this|your thoughts|on (?:" + SOCIAL + r"))\b",
            r"\blike us on facebook\b",
        ),
        25,
    ),
    (
        "promo",
        _any(
            r"^subscribe\b",
            r"\bsubscribe (?:now|today|here|to (?:our|the) \w+|for (?:free|just|only))",
            r"\bsign (?:up|me up)\b.{0,60}\b(?:newsletter|email|alerts|updates|briefing)",
            r"\b(?:our|free|daily|weekly|morning|evening|email) newsletters?\b|^newsletters?\W*$",
            r"\b(?:get|download|install|try) (?:the|our)\b.{0,40}\bapp\b",
            r"\bavailable on (?:the )?(?:app store|google play)\b",
            r"\b(?:listen|subscribe) to (?:the|our|this)\b.{0,40}\bpodcast\b|^podcasts?\W*$",
            r"\bsupport (?:our|independent|quality) journalism\b",
            r"\bbecome a (?:member|subscriber)\b",
            r"\balready (?:a subscriber|have an account)\b|\bunlock (?:this|unlimited|full)\b",
            r"\b(?:free|unlimited) (?:trial|access)\b|\bsubscribers? only\b",
            r"\bturn on (?:push )?notifications\b|\bbreaking news alerts?\b",
        ),
        25,
    ),
    (
        "comments",
        _whole(
            r"\d*\s*comments?|\d+\s+(?:replies|reply|likes|votes|reactions)",
            r"(?:view|show|hide|read|load|see|open)(?: all| the)?(?: \d+)? comments?(?: \(\d+\))?",
            r"(?:leave|post|add|write|submit)(?: a| your)? (?:comment|reply|response)",
            r"join the (?:conversation|discussion|debate)",
            r"comments? (?:are|is) (?:now )?(?:closed|disabled)",
            r"reply|report(?: comment| abuse)?|like|dislike|upvote|downvote|flag",
            r"(?:log|sign) in to (?:comment|reply|join the conversation)",
            r"conversation|discussion|what do you think\??",
        ),
        8,
    ),
    ("counter", re.compile(r"^[\d.,]+\s*[kKmM]?(?:\s+(?:views|shares|likes|reads))?$"), 3),
    (
        "related-list",
        _whole(
            r"(?:read|see|watch) (?:more|also|next)(?: on \w+| about .*)?",
            r"related(?: stories| articles| content| coverage| news| posts| links| reading)?",
            r"also (?:read|see|on \w+)|see also|further reading",
            r"more (?:on|about) this (?:story|topic)",
            r"more (?:from|stories|news|articles|in|on)(?: \w+){0,4}",
            r"most (?:popular|read|viewed|shared|emailed|commented)(?: \w+){0,2}",
            r"recommended(?: for you| stories| reading| articles)?|editor'?s? picks?|top stories",
            r"you (?:may|might) (?:also )?(?:like|enjoy|be interested in)",
            r"trending(?: now| stories| news)?|popular(?: now| stories)?|latest(?: news| stories)?",
            r"what to (?:read|watch) next|don'?t miss|in case you missed it|more to explore",
            # The same headers in the other languages of ``clean.stopwords``.
            r"(?:leia|veja|lea|lee|lire|leggi|lies|lees|baca) (?:também|tambien|también|aussi|"
            r"anche|auch|ook|juga)|à lire aussi|a ler também|lesen sie auch|auch interessant",
            r"(?:você|voce) (?:pode|também pode) gostar|te puede interesar|vous aimerez aussi|"
            r"potrebbe interessarti|(?:artigos|notícias|artículos|noticias|articles|articoli|"
            r"artikel|berita) (?:relacionad[oa]s|similaires|correlati|verwandte|terkait)",
            r"читайте также|похожие (?:статьи|новости)|смотрите также|по теме",
        ),
        8,
    ),
    (
        "related-link",
        _any(
            r"^(?:read more|read also|also read|see also|related|more|watch|listen|"
            r"click here|read next|recommended)\s*[:|»›>-]\s*\S",
            r"^click here\b|\bclick here to\b",
        ),
        30,
    ),
    (
        "related-link",
        _any(
            # a pointer to the rest of the piece elsewhere, or to a part of a series
            r"^(?:read|see) (?:the )?(?:rest|full|whole|entire|complete)(?: version)?(?: of)?"
            r"(?: the| this)? ?(?:story|article|interview|report|piece|text|transcript|post)?"
            r"\s+(?:at|on|in|here|via)\b",
            r"^(?:read|watch|see|listen to) parts? \d+\b.*\bhere\W*$",
        ),
        15,
    ),
    (
        "video",
        _any(
            # a pointer to the media shown beside the text
            r"^(?:watch|see|listen to|view) (?:a |the )?(?:full )?(?:clip|video|interview|segment|"
            r"exchange|footage|speech|ad|moment)s?\b.*\b(?:above|below|here)\W*$",
        ),
        15,
    ),
    (
        "correction",
        # a correction notice appended to the piece: about the article, not the story
        _any(
            r"^(?:an?|the|this) (?:article|report|story|headline|(?:picture |photo )?caption|chart|"
            r"graphic|map|obituary|review|column|editorial|news analysis)\b.{0,160}?"
            r"\b(?:misstated|misidentified|misspelled|misquoted|misattributed|mischaracterized|"
            r"referred incorrectly|incorrectly|erroneously|gave (?:an )?(?:incorrect|the wrong)|"
            r"omitted)\b",
            r"^(?:because of|due to) an? (?:editing|reporting|production|transcription) error\b",
            r"^this (?:article|story|report) (?:has been|was) (?:revised|updated|corrected|amended)"
            r" to (?:reflect|correct)\b",
        ),
        120,
    ),
    (
        "correction",
        # the same, headed as one: a note of any length (an editor's note that retracts a
        # report ran to 149 words in a PolNeAR text)
        _any(
            r"^(?:corrections?|clarifications?|editor['’]?s['’]? note|an earlier version of this "
            r"(?:article|story|report))\b\s*[:.,—–-]",
        ),
        400,
    ),
    (
        "embed",
        # markup left in plain text: an embedded post ("<tweet id=..>…</tweet>", "<tweet …>…
        # <tweet/>"), a lone tag, or the two halves of a start tag broken over two lines
        re.compile(
            r"^<([a-z][\w-]*)\b[^<>]*>(?:.*(?:</\1\s*>|<\1\s*/>))?\W*$"
            r"|^<[a-z][\w-]*\b[^<>]*/>\W*$"
            r"|^<[a-z][\w-]*(?:\s+[\w-]+=\"[^\"<>]*\"?)+\s*$"
            r"|^\"?>.*(?:</[a-z][\w-]*\s*>|<[a-z][\w-]*\s*/>)\W*$",
            re.IGNORECASE | re.DOTALL,
        ),
        120,
    ),
    (
        "video",
        _whole(
            r"video|watch|watch(?: the)? video|watch now|now playing",
            r"play(?: video)?|replay(?: video)?",
            r"up next|autoplay|duration\s*:?\s*[\d:]+|[0-5]?\d:[0-5]\d",
            r"(?:video|audio) (?:player|transcript)|closed captions?|mute|unmute|fullscreen",
        ),
        6,
    ),
    (
        "video",
        _any(
            r"\byour browser does not support\b|\bthis (?:video|content) (?:is not|isn't|cannot|"
            r"can ?not) (?:available|be played|be displayed)",
            r"^watch\s*[:|-]\s*\S",
            r"^(?:video|audio|watch|listen)\s*:.*\(\d{1,2}:\d\d(?::\d\d)?\)$",
            r"\b(?:video|audio|media) player is loading\b|^loading (?:the )?(?:video|player)\b",
            r"^listen(?: to (?:this|the) (?:article|story|report)| live| now)\b",
            # a web video player's dialog text, scraped with the page
            r"^this is a modal window\b|\b(?:beginning|end) of dialog window\b",
        ),
        30,
    ),
    (
        "caption",
        _any(
            r"^(?:photo|image|picture|photograph|illustration|file photo|graphic|credit|source)s?"
            r"(?:\s+by)?\s*[:|]",
            r"\((?:[\w ]+ )?(?:photo|image|picture|photograph|credit|illustration)s?\b[^)]*\)\s*$",
            r"(?:[/|]|\bvia\b|\bphoto:|\bphotograph:|\bcredit:)\s*"
            r"(?:getty(?: images)?|afp|reuters|ap|epa(?:-efe)?|shutterstock|alamy|bloomberg|"
            r"pa(?: images| wire| media)?|xinhua|anadolu(?: agency)?|"
            r"[A-Z][\w.-]+ (?:images|photos?))"
            r"(?: via getty images)?\)?\s*$",
            r"\b(?:getty images|shutterstock|alamy)\s*\)?\s*$",
            r"^(?:image|photo|picture|slide) \d+ (?:of|/) \d+\b|^\d+ (?:of|/) \d+$",
            r"\b(?:enlarge|expand) (?:this )?(?:image|photo)\b|^hide caption$|^toggle caption$",
        ),
        60,
    ),
    (
        "tags",
        re.compile(
            r"^(?:tags?|topics?|filed under|categor(?:y|ies)|keywords|related topics|more on)"
            r"\s*[:|]",
            re.IGNORECASE,
        ),
        40,
    ),
    (
        "author-box",
        _whole(
            r"about the authors?|contact the authors?|email the authors?|meet the authors?",
            r"(?:more|all) (?:articles|stories|posts) (?:by|from) .{1,60}",
            r"(?:view|see) (?:all|more) (?:posts|articles|stories) by .{1,60}",
            r"@\w{2,30}",
        ),
        12,
    ),
    ("author-box", CREDIT_LINE, 40),
    (
        "footer",
        _any(
            r"(?:©|\(c\) ?(?:19|20)\d\d|\bcopyright\b ?(?:©|(?:19|20)\d\d))",
            r"\ball rights reserved\b",
            r"\bnot responsible for the content of external (?:sites|websites|links|pages)\b",
            r"^this (?:story|article|report) (?:was|has been|is) (?:supplied|provided|syndicated)"
            r" by\b",
            r"^(?:terms(?: of (?:use|service))?(?: and conditions)?|terms & conditions|"
            r"privacy(?: policy| notice| settings)?|contact(?: us)?|about(?: us)?|careers|jobs|"
            r"sitemap|site map|accessibility|cookie (?:policy|settings)|help|faq|corrections|"
            r"(?:do not|don'?t) sell(?: or share)? my (?:personal )?(?:info|information|data)|"
            r"ad ?choices|code of (?:conduct|ethics)|imprint|impressum)\W*$",
        ),
        25,
    ),
)

_BYLINE = re.compile(
    r"^(?:by|byline|written by|words by|story by|posted by|author|authors|reporting by|reported by|"
    r"additional reporting by|edited by|editing by|compiled by)\s*:?\s+\S",
    re.IGNORECASE,
)
_DATE_META = re.compile(
    r"^(?:published|updated|posted|last updated|last modified|first published|modified|"
    r"date|dated|created)\b\s*:?(?:\s+on)?\s*",
    re.IGNORECASE,
)
_READ_TIME = re.compile(
    r"^(?:(?:reading time|read time)\s*:?\s*)?(?:about |approx\.? )?\d+\s*(?:-|to)?\s*\d*\s*"
    r"(?:min(?:ute)?s?|mins?)(?:\s+read(?:ing)?(?: time)?)?$",
    re.IGNORECASE,
)
# What may surround a date on a pure date/time line: times, zones, weekdays, small words.
_DATE_FILLER = re.compile(
    r"\b(?:\d{1,2}[:.]\d\d(?:[:.]\d\d)?|\d+|a\.?m\.?|p\.?m\.?|gmt|utc|bst|cet|cest|[a-z]st|[a-z]dt|"
    r"mon(?:day)?|tue(?:s|sday)?|wed(?:nesday)?|thu(?:rs|rsday)?|fri(?:day)?|sat(?:urday)?|"
    r"sun(?:day)?|on|at|am|pm|h|updated|published|posted|last|first|modified)\b",
    re.IGNORECASE,
)


_META_SEPARATOR = re.compile(r"\s[|·•]\s")


_LETTER_RUN = re.compile(r"(?<![#@/.\w])[A-Za-z]{8,}(?![\w/.])")
_HUMP = re.compile(r"[a-z][A-Z]")
GLUED_HUMPS = 3
"""A run of letters with this many lower-to-upper joins is interface words scraped without
their spaces ("Julia CravenFlagShareLikeReplyAni Vrabel 5ptsmoderatorFeatured…", "34 postsGet
LivefyreFAQSign in"); names join at most two ("McDonald", "PlayStation"); hashtags and links
("#MakeAmericaGreatAgain", "t.co/AbCdEfGh") are not runs of their own."""
WIDGET_MAX_WORDS = 60


def _glued_widget(line: str) -> bool:
    return any(len(_HUMP.findall(m.group())) >= GLUED_HUMPS for m in _LETTER_RUN.finditer(line))


@lru_cache(maxsize=LINE_MEMO)
def cruft_reason(line: str, n_words: int) -> str | None:
    """The reason code of the first cruft family that matches ``line``, or None (remembered:
    the passes of cleaning ask again about the lines they kept)."""
    for reason, pattern, max_words in _FAMILIES:
        if n_words <= max_words and pattern.search(line):
            return "related-list" if reason == "related-link" else reason
    if n_words <= WIDGET_MAX_WORDS and _glued_widget(line):
        return "widget"
    return None


def is_byline(line: str, n_words: int) -> bool:
    """A "By Jane Roe" / "Reporting by ..." line."""
    return n_words <= 20 and _BYLINE.match(line) is not None


_ROLE_NOUNS = frozenset(
    ("correspondent", "reporter", "editor", "writer", "columnist", "contributor", "journalist")
)
_ROLE_FUNCTION_WORDS = frozenset(("a", "an", "the", "to", "of", "for", "from", "by", "with"))
_ROLE_LINE = re.compile(r"^[A-Z][\w'’&.-]*(?:\s+[\w'’&.-]+){0,3}$")
_NAME_LINE = re.compile(r"^[A-Z][A-Za-z'’.-]*(?:\s+[A-Z][A-Za-z'’.-]*){1,3}$")


def is_role_line(line: str) -> bool:
    """A journalist's job title on a line of its own, under or beside a byline ("Foreign
    Correspondent", "Senior Political Editor", "Staff writers")."""
    words = line.lower().split()
    return (
        _ROLE_LINE.match(line) is not None
        and words[-1].rstrip("s") in _ROLE_NOUNS
        and not _ROLE_FUNCTION_WORDS.intersection(words)
    )


def is_name_line(line: str) -> bool:
    """Two to four capitalised words and nothing else: a name on a line of its own."""
    return _NAME_LINE.match(line) is not None


def is_date_meta(line: str, date_text: str | None, n_words: int, *, in_body: bool = False) -> bool:
    """A line that only carries a publication date/time (plus a few words, e.g. an author name).
    ``in_body`` (prose has begun above it): only a bare date or a labelled one ("Updated: …");
    a dated subhead of a chronology ('Oct. 31, 2012 The Obama "hug."') is body text."""
    if _READ_TIME.match(line):
        return True
    if date_text is None:
        return False
    segments = [seg.strip() for seg in _META_SEPARATOR.split(line) if seg.strip()]
    if len(segments) > 1 and n_words <= 24:
        # "Jane Roe | Published 3 March 2026, 6:45pm | Updated 8:10pm": a byline with its date.
        dated = [seg for seg in segments if date_text in seg]
        if dated and all(len(seg.split()) <= 8 for seg in segments):
            return is_date_meta(dated[0], date_text, len(dated[0].split()), in_body=in_body)
    if n_words > 14:
        return False
    residue = _DATE_FILLER.sub(" ", line.replace(date_text, " "))
    leftover = re.findall(r"[^\W\d_]+", residue)
    if _DATE_META.match(line):
        return len(leftover) <= 6
    return len(leftover) <= (0 if in_body else 3)
