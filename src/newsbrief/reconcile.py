"""Story-level reconciliation: names unified across articles, quotes merged, figures grouped.

Outlets write the same speaker as "Lena Vask", "Vask" or "Minister Vasková", carry the same quote
in full or in part, and give the same toll as "nearly 500" or 498. ``merge_quotes`` and
``figure_groups`` fold those variants into one record each, citing every article that carries it.
Candidate pairs are found by blocking on rare words, so merging is not quadratic in the quotes.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import partial

from rapidfuzz import fuzz, process

from newsbrief.datewords import CALENDAR_WORDS
from newsbrief.extract.dates import parse_day
from newsbrief.model import Article, Claim, Figure, FigureClaim, FigureStatus, StoryQuote
from newsbrief.textsim import STOPWORDS, WORD_RE, normalize, tokens, wordset

# ---------------------------------------------------------------- thresholds

QUOTE_RATIO = 88.0  # whole-quote similarity (token_sort_ratio) for small wording differences
QUOTE_PARTIAL_RATIO = 95.0  # the shorter quote found inside the longer one (partial_ratio)
QUOTE_PARTIAL_MIN_WORDS = 4  # a partial quote needs this many words to be matched by containment
BLOCK_KEYS = 3  # a quote is looked up by its rarest words
BLOCK_MAX_POSTINGS = 200  # words in more quotes than this are too common to block on
NAME_RATIO = 85.0  # fuzzy match of folded full names ("lena vask" ~ "lena vaskova")
APPROX_TOLERANCE = 0.05  # "about 500" covers 475..525
EXACT_TOLERANCE = 1e-9

TITLES: frozenset[str] = wordset(
    """
    mr mrs ms miss dr prof professor sir dame lord lady president vice prime minister sen senator
    rep representative gov governor gen general col colonel maj major lt capt captain sgt mayor
    chancellor secretary judge justice rev father sister chief commander ambassador spokesman
    spokeswoman spokesperson king queen prince princess pope sheikh
    """
)


# ---------------------------------------------------------------- names


GENERATIONS: frozenset[str] = wordset("jr sr ii iii iv")
"""Suffixes after a surname ("Joseph R. Biden Jr"): "Mr. Biden" is the same man."""


def _name_tokens(name: str) -> list[str]:
    """Folded tokens of a name without leading titles, a trailing generation suffix and
    stopwords."""
    words = [t for t in tokens(name) if t not in STOPWORDS and t != "s"]  # possessive 's
    while len(words) > 1 and words[0] in TITLES:
        words = words[1:]
    while len(words) > 1 and words[-1] in GENERATIONS:
        words = words[:-1]
    return words


def _proper(name: str) -> bool:
    """Whether every word of a name that is not a function word, a particle or a title is
    capitalised (or a number): "Lena Vask", "Ministry of Defence", "Ludwig van Beethoven"; not
    "a dynamic Greenberg"."""
    for word in WORD_RE.findall(name):
        lower = word.lower()
        if lower in STOPWORDS or lower in NAME_PARTICLES or lower in TITLES:
            continue
        if not (word[0].isupper() or word[0].isdigit()):
            return False
    return True


NAME_PARTICLES: frozenset[str] = wordset(
    "de da di del della der den van von bin ibn al la le du dos"
)


def containable(name: str) -> bool:
    """Whether a shorter name inside ``name`` may stand for it ("Vask" for "Lena Vask"): not
    when a function word joins its words ("Citizens for Henning", "University of Michigan",
    "Democratic Party's Move Against Bernie Sanders", a headline the tagger took for a name,
    which took every "Sanders" of a PolNeAR story): such a name is of something else than the
    name inside it."""
    inner = tokens(name)[1:-1]
    return not any(w in STOPWORDS and w not in NAME_PARTICLES for w in inner)


def _same_name(short: list[str], long: list[str], *, contains: bool = True) -> bool:
    """Whether ``short`` names the same person or body as ``long`` (``short`` no longer);
    ``contains``: whether a name inside ``long`` may stand for it (``containable``)."""
    if not short or not long:
        return False
    if set(short) == set(long):
        return True
    if contains and set(short) <= set(long) and short[-1] == long[-1]:
        return True  # surname containment: "vask" / "lena vask"
    if len(short) > 1 and short[0][0] == long[0][0]:
        return fuzz.ratio(" ".join(short), " ".join(long)) >= NAME_RATIO
    if len(short) == 1 and contains:
        return fuzz.ratio(short[0], long[-1]) >= NAME_RATIO  # a surname, spelt apart
    return False


def unify_names(names: Iterable[str | None]) -> dict[str, str]:
    """Map every name variant to one canonical spelling for the whole story.

    The canonical form is the fullest, most frequent variant, preferring one written as a name
    (``_proper``: "Greenberg" over "a dynamic Greenberg", a parse of "It's a dynamic Greenberg
    said …") and one without a possessive ("Kaldorian General Staff" over "Kaldoria's General
    Staff"). A variant that could be two different canonical names ("Vask" with both "Lena
    Vask" and "Tomas Vask") is left alone.
    """
    counts = Counter(n.strip() for n in names if n and n.strip())
    order = canonical_order(counts)
    canonical = _CanonicalNames()
    mapping: dict[str, str] = {}
    for name in order:
        words = _name_tokens(name)
        hits = canonical.matches(words)
        if len(hits) == 1:
            mapping[name] = hits[0]
        else:
            mapping[name] = name
            if not hits:
                canonical.add(name, words)
    return mapping


def canonical_order(counts: Mapping[str, int]) -> list[str]:
    """Name variants in the order they may become canonical (``unify_names``): written as
    names first, then fuller, without a possessive, more frequent, longer, alphabetical."""
    return sorted(
        counts,
        key=lambda n: (
            not _proper(n),
            -len(_name_tokens(n)),
            "'" in n or "’" in n,
            -counts[n],
            -len(n),
            n,
        ),
    )


class _CanonicalNames:
    """The canonical names found so far, indexed so that ``matches`` tests with ``_same_name``
    only the few that can pass it, not every one (a big story has thousands of names)."""

    def __init__(self) -> None:
        self.names: list[tuple[str, list[str], bool]] = []
        self.by_word: defaultdict[str, list[int]] = defaultdict(list)
        self.by_initial: defaultdict[str, tuple[list[str], list[int]]] = defaultdict(
            lambda: ([], [])
        )
        self.lasts: list[str] = []
        self.last_index: list[int] = []

    def add(self, name: str, words: list[str]) -> None:
        index = len(self.names)
        self.names.append((name, words, containable(name)))
        if not words:
            return  # matches nothing
        for word in set(words):
            self.by_word[word].append(index)
        joined, where = self.by_initial[words[0][0]]
        joined.append(" ".join(words))
        where.append(index)
        self.lasts.append(words[-1])
        self.last_index.append(index)

    def matches(self, words: list[str]) -> list[str]:
        """``[c for c, c_words, contains in names if _same_name(words, c_words, contains=...)]``,
        in the same order."""
        if not words:
            return []
        # same word set, or contained with the same surname: the canonical holds words[-1]
        candidates = set(self.by_word.get(words[-1], ()))
        if len(words) > 1:  # fuzzy full name with the same initial
            joined, where = self.by_initial.get(words[0][0], ([], []))
            found = process.extract(
                " ".join(words), joined, scorer=fuzz.ratio, score_cutoff=NAME_RATIO, limit=None
            )
            candidates.update(where[i] for _, _, i in found)
        else:  # a single word against surnames
            found = process.extract(
                words[0], self.lasts, scorer=fuzz.ratio, score_cutoff=NAME_RATIO, limit=None
            )
            candidates.update(self.last_index[i] for _, _, i in found)
        return [
            self.names[i][0]
            for i in sorted(candidates)
            if _same_name(words, self.names[i][1], contains=self.names[i][2])
        ]


_ROLE_DETERMINERS: frozenset[str] = wordset("the a an its their his her our")
_NAMED_LABELS: frozenset[str] = wordset("PERSON ORG GPE NORP")


def _role_words(speaker: str) -> list[str] | None:
    """'the Varnian ministry' → ['varnian', 'ministry']: a speaker that is a role phrase
    (a determiner, then words ending in a lower-case head), not a name."""
    words = speaker.split()
    if len(words) < 2 or words[0].lower() not in _ROLE_DETERMINERS or not words[-1].islower():
        return None
    return [t for t in tokens(" ".join(words[1:])) if t not in STOPWORDS]


def _stem(word: str) -> str:
    """'kaldorian' and 'kaldoria' alike: a demonym suffix dropped for comparison."""
    for suffix in ("ian", "an", "ese", "ish", "i"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def story_speakers(articles: Sequence[Article]) -> dict[str, str]:
    """One name per speaker across a story's articles, for rewriting their quotes.

    Name variants fold together (``unify_names`` over the speakers and the named entities:
    "Vask", "Minister Lena Vask", "Kaldoria's General Staff" / "Kaldorian General Staff"). A
    role phrase ("the Varnian ministry") becomes the one named body of the story whose name
    holds every word of the role (demonyms compared by stem); with two such names ("the
    ministry" when both sides' ministries are named) it stays as written. A person's name holds
    no role words, so a PERSON name that seems to ("Obama Claims Hillary Most Qualified
    Presidential Candidate Ever", a headline the tagger took for a name) never takes a role.
    """
    speakers = [q.speaker for a in articles for q in a.quotes if q.speaker]
    entities = [e.canonical for a in articles for e in a.entities if e.label in _NAMED_LABELS]
    mapping = unify_names([*speakers, *entities])
    keyed = _named_bodies(articles, mapping)
    out: dict[str, str] = {}
    for speaker in dict.fromkeys(speakers):
        role = _role_words(speaker)
        if role:
            out[speaker] = _role_name(role, keyed) or speaker
        else:
            out[speaker] = mapping.get(speaker, speaker)
    return out


def _named_bodies(
    articles: Sequence[Article], mapping: Mapping[str, str]
) -> list[tuple[str, set[str], str]]:
    """The named bodies (not persons) of some articles, each with its words' stems and its
    head (``_head``)."""
    bodies = [
        e.canonical for a in articles for e in a.entities if e.label in _NAMED_LABELS - {"PERSON"}
    ]
    named = sorted({mapping.get(n, n) for n in bodies if " " in n})
    return [(n, {_stem(t) for t in _name_tokens(n)}, _head(n)) for n in named]


def _head(name: str) -> str:
    """The word a body's name is a kind of: its last ("Varnian Defence Ministry"), or the one
    before a function word joins the rest ("Ministry of Defence"); stemmed like ``_stem``."""
    words = tokens(name)
    inner = next(
        (k for k, w in enumerate(words) if k and w in STOPWORDS and w not in NAME_PARTICLES), None
    )
    return _stem(words[inner - 1] if inner is not None else words[-1]) if words else ""


def _role_name(role: list[str], keyed: list[tuple[str, set[str], str]]) -> str | None:
    """The one named body whose name holds every word of a role, with the role's head as its
    own, if exactly one does: "the police" is not "San Bernardino Terror Suspect Named By
    Police" (a headline the tagger took for a name), "the piece" not "… Hit Piece Exploits
    Trump Supporter"."""
    want = {_stem(t) for t in role}
    head = _stem(role[-1]) if role else ""
    hits = [n for n, words, own in keyed if want <= words and own == head]
    return hits[0] if len(hits) == 1 else None


def with_story_speakers(articles: Sequence[Article]) -> list[Article]:
    """The articles with every quote's speaker replaced by its story-wide name (an article
    none of whose speakers is renamed is returned as it is, not copied)."""
    story_names = story_speakers(articles)
    mapping = unify_names(
        [e.canonical for a in articles for e in a.entities if e.label in _NAMED_LABELS]
    )
    out = []
    for article in articles:
        names = dict(story_names)
        # a role two of the story's bodies fit ("the defence ministry", both sides' named) is
        # the one its own article names ("… the Varnian Defence Ministry said on Tuesday")
        own: list[tuple[str, set[str], str]] | None = None
        for q in article.quotes:
            role = _role_words(q.speaker) if q.speaker else None
            if q.speaker and role and names.get(q.speaker, q.speaker) == q.speaker:
                own = _named_bodies([article], mapping) if own is None else own
                names[q.speaker] = _role_name(role, own) or q.speaker
        if all(names.get(q.speaker, q.speaker) == q.speaker for q in article.quotes if q.speaker):
            out.append(article)
            continue
        quotes = [
            q.model_copy(update={"speaker": names.get(q.speaker, q.speaker)}) if q.speaker else q
            for q in article.quotes
        ]
        out.append(article.model_copy(update={"quotes": quotes}))
    return out


def _canon(mapping: dict[str, str], name: str | None) -> str | None:
    if name is None or not name.strip():
        return None
    return mapping.get(name.strip(), name.strip())


# ---------------------------------------------------------------- union-find


class _Groups:
    """Union-find over item indices; the root of a group is its smallest index."""

    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        a, b = self.find(i), self.find(j)
        if a != b:
            self.parent[max(a, b)] = min(a, b)

    def members(self) -> list[list[int]]:
        out: dict[int, list[int]] = defaultdict(list)
        for i in range(len(self.parent)):
            out[self.find(i)].append(i)
        return [out[k] for k in sorted(out)]


def blocked_pairs(word_lists: Sequence[Sequence[str]]) -> list[tuple[int, int]]:
    """Candidate pairs of items that share one of an item's rarest words.

    Every word of every item is indexed; each item is looked up by its ``BLOCK_KEYS`` rarest
    words only, so a short partial quote still finds the full quote that contains it.
    """
    postings: dict[str, list[int]] = defaultdict(list)
    for i, words in enumerate(word_lists):
        for w in dict.fromkeys(words):
            postings[w].append(i)
    pairs: set[tuple[int, int]] = set()
    for i, words in enumerate(word_lists):
        distinct = [w for w in dict.fromkeys(words) if len(postings[w]) <= BLOCK_MAX_POSTINGS]
        content = [w for w in distinct if w not in STOPWORDS] or distinct
        keys = sorted(content, key=lambda w: (len(postings[w]), w))[:BLOCK_KEYS]
        for w in keys:
            for j in postings[w]:
                if j != i:
                    pairs.add((min(i, j), max(i, j)))
    return sorted(pairs)


# ---------------------------------------------------------------- quotes


@dataclass(frozen=True)
class QuoteText:
    """A normalised quote text with what matching compares, worked out once per quote: its
    words, and its words sorted (``token_sort_ratio`` is ``ratio`` of the sorted words)."""

    norm: str
    words: tuple[str, ...]
    sorted_norm: str

    @classmethod
    def of(cls, norm: str) -> QuoteText:
        words = tuple(norm.split())
        return cls(norm, words, " ".join(sorted(words)))


@dataclass(frozen=True)
class _QuoteItem:
    order: int
    article: str
    text: str
    quote: QuoteText
    text_index: int  # of ``quote`` among the story's distinct texts
    speaker: str | None
    kind: str


def quotes_match(a: str, b: str) -> bool:
    """Whether two normalised quote texts are the same quote (full, partial or reworded)."""
    return texts_match(QuoteText.of(a), QuoteText.of(b))


def texts_match(a: QuoteText, b: QuoteText) -> bool:
    """``quotes_match`` on prepared texts: the same answers, without splitting and sorting each
    quote's words again for every pair (a story of 500 articles compares 200,000 pairs)."""
    if not a.norm or not b.norm:
        return False
    if _whole_match(a, b):
        return True
    short, long = (a, b) if len(a.norm) <= len(b.norm) else (b, a)
    if len(short.words) < QUOTE_PARTIAL_MIN_WORDS:
        return False
    if short.norm in long.norm:
        return True
    if not _may_be_inside(short, long.norm):
        return False
    return (
        fuzz.partial_ratio(short.norm, long.norm, score_cutoff=QUOTE_PARTIAL_RATIO)
        >= QUOTE_PARTIAL_RATIO
    )


def _whole_match(a: QuoteText, b: QuoteText) -> bool:
    """The same words, or nearly (``QUOTE_RATIO`` on the sorted words), not one inside the
    other."""
    # score_cutoff only lets rapidfuzz stop early: a score under it comes back as 0
    return a.norm == b.norm or (
        fuzz.ratio(a.sorted_norm, b.sorted_norm, score_cutoff=QUOTE_RATIO) >= QUOTE_RATIO
    )


def _may_be_inside(short: QuoteText, long: str) -> bool:
    """False when ``partial_ratio(short, long)`` cannot reach ``QUOTE_PARTIAL_RATIO``.

    That score is 100 * (1 - d / (n + m)) for the best window of ``long`` (m <= n characters)
    against ``short`` (n characters), with d insertions and deletions; so d <= 2 (1 - P/100) n.
    A word of ``short`` that is not a substring of ``long`` needs at least one of those edits
    of its own (a deleted character, or an insertion inside it), so no more words than that can
    be missing."""
    allowed = int(2 * (1 - QUOTE_PARTIAL_RATIO / 100) * len(short.norm) + 1e-9)
    missing = 0
    for word in short.words:
        if word not in long:
            missing += 1
            if missing > allowed:
                return False
    return True


def _most_common(values: Sequence[str | None], prefer: str | None = None) -> str | None:
    """The most frequent non-None value, ties to ``prefer`` (when it is among them), then to
    the first seen; None if there is none."""
    named = [v for v in values if v]
    if not named:
        return None
    counts = Counter(named)
    return max(dict.fromkeys(named), key=lambda v: (counts[v], v == prefer))


def merge_quotes(articles: Sequence[Article]) -> list[StoryQuote]:
    """The story's quotes, each once, with its fullest text, its usual speaker and all sources.

    Ordered by number of independent source articles (a marked copy is coverage, not
    corroboration: a wire story and its syndicated copy are one source), then by first
    appearance.
    """
    names = unify_names(q.speaker for a in articles for q in a.quotes)
    original_of = {a.id: a.duplicate_of or a.id for a in articles}
    items: list[_QuoteItem] = []
    texts: dict[str, int] = {}  # a normalised quote text -> its index in ``distinct``
    distinct: list[QuoteText] = []
    for article in articles:
        for quote in sorted(article.quotes, key=lambda q: (q.paragraph, q.start)):
            norm = normalize(quote.text)
            if not norm:
                continue
            k = texts.setdefault(norm, len(distinct))
            if k == len(distinct):
                distinct.append(QuoteText.of(norm))
            speaker = _canon(names, quote.speaker)
            items.append(
                _QuoteItem(len(items), article.id, quote.text, distinct[k], k, speaker, quote.kind)
            )
    # Copies of one text are one quote: only distinct texts are compared (a syndicated story
    # repeats each quote in every copy), and a text is looked up by its rarest words among them.
    # A text found inside another's, given to another speaker, is a quote of its own unless
    # one article carries both (a pull quote of the full quote): "Make America great again"
    # (Trump, four articles) is inside Clinton's "… that work is not to make America great
    # again …" (one article), and the two had been one quote, given to Trump by the majority.
    speakers_of: list[set[str]] = [set() for _ in distinct]
    articles_of: list[set[str]] = [set() for _ in distinct]
    for it in items:
        articles_of[it.text_index].add(it.article)
        if it.speaker:
            speakers_of[it.text_index].add(it.speaker)
    same = _Groups(len(distinct))
    for i, j in blocked_pairs([q.words for q in distinct]):
        if same.find(i) != same.find(j) and texts_match(distinct[i], distinct[j]):
            a, b = speakers_of[i], speakers_of[j]
            if (
                a
                and b
                and not a & b
                and not articles_of[i] & articles_of[j]
                and not _whole_match(distinct[i], distinct[j])
            ):
                continue
            same.union(i, j)
    by_root: dict[int, list[int]] = defaultdict(list)
    for n, it in enumerate(items):
        by_root[same.find(it.text_index)].append(n)
    merged: list[tuple[int, int, int, int, StoryQuote]] = []
    for members in by_root.values():
        group = [items[i] for i in members]
        best = max(group, key=lambda it: (len(it.quote.norm), -it.order))
        sources = sorted({it.article for it in group})
        kind = best.kind if best.kind in ("direct", "indirect", "mixed") else "direct"
        record = StoryQuote(
            text=best.text.strip(),
            # a tie goes to the speaker of the fullest text: a fragment of a quote (a
            # pull quote, a headline's excerpt) is attributed with less context
            speaker=_most_common([it.speaker for it in group], prefer=best.speaker),
            sources=sources,
            kind=kind,  # type: ignore[arg-type]
        )
        # Most corroborated first; then a reader wants words actually said, by a named speaker.
        independent = len({original_of[i] for i in sources})
        rank = (-independent, int(kind != "direct"), int(record.speaker is None))
        merged.append((*rank, group[0].order, record))
    merged.sort(key=lambda m: m[:4])
    return [m[4] for m in merged]


# ---------------------------------------------------------------- figures


BOUND_REACH = 10.0
"""How far past a stated lower bound a value can still be the same figure: "more than 125
killed" is not "33,000 killed" (the two had "agreed"); a writer with a count ten times the
bound states that count or a higher bound. Further apart, the values are compared as different
(an update when dated apart)."""

VAGUE_CEILINGS = {
    "dozens": 100.0,
    "scores": 100.0,
    "hundreds": 1000.0,
    "thousands": 10000.0,
    "tens of thousands": 100000.0,
    "hundreds of thousands": 1000000.0,
    "millions": 10000000.0,
}
"""Where a vague plural (``extract.claims.VAGUE_COUNTS``, "thousands" read as at least 2,000)
stops: past it a writer says the next one ("tens of thousands", not "thousands", for 43,000).
The figure is still shown as "≥2,000"; comparing values uses the ceiling."""


def _interval(claim: FigureClaim) -> tuple[float, float]:
    """The values a claim allows, from its qualifier (and range, when it gives one)."""
    q = claim.qualifier.strip()
    if claim.low is not None and claim.high is not None and q in ("=", "~"):
        low, high = claim.low, claim.high
    else:
        low, high = claim.value, claim.value
    if q == "~":
        slack = APPROX_TOLERANCE * max(abs(low), abs(high))
        return low - slack, high + slack
    if q in (">", ">="):  # a vague plural stops at the next one ("thousands" < 10,000)
        vague = VAGUE_CEILINGS.get(claim.text.lower().strip())
        return low, vague if vague is not None else max(low, 0.0) * BOUND_REACH or math.inf
    if q in ("<", "<="):
        return -math.inf, high
    return low, high


def as_figure_claim(claim: Claim, sources: Sequence[str] = ()) -> FigureClaim:
    """A claim as a figure entry (for comparing values)."""
    return FigureClaim(
        value=claim.value,
        low=claim.low,
        high=claim.high,
        qualifier=claim.qualifier.strip() or "=",
        claimant=claim.claimant,
        as_of=claim.as_of,
        sources=list(sources),
        text=claim.text,
        unit=claim.unit,
    )


def compatible(a: FigureClaim, b: FigureClaim) -> bool:
    """Whether two claimed values can both be true (their allowed intervals overlap).

    Strict bounds exclude their own value: "more than 100" and 100 are incompatible.
    """
    tol = EXACT_TOLERANCE * max(1.0, abs(a.value), abs(b.value))
    (a_low, a_high), (b_low, b_high) = _interval(a), _interval(b)
    for x, (y_low, y_high) in ((a, (b_low, b_high)), (b, (a_low, a_high))):
        q = x.qualifier.strip()
        if (q == ">" and y_high <= x.value + tol) or (q == "<" and y_low >= x.value - tol):
            return False
    return a_low <= b_high + tol and b_low <= a_high + tol


def figure_status(
    claims: Sequence[FigureClaim],
    *,
    unattributed: frozenset[str] = frozenset(),
    original: Mapping[str, str] | None = None,
) -> FigureStatus:
    """``single``, ``agree``, ``conflict`` or ``update`` for one group's distinct claims.

    Incompatible values for the same date (or both undated) from two different *named*
    claimants are a conflict, when they are near enough to count the same thing
    (``MAX_DISPUTE_RATIO``); other incompatible values are an update (the later figure
    supersedes). A claim with no claimant, or whose claimant is only the reporting outlet (names
    in ``unattributed``), cannot make a conflict: an outlet relaying a figure is not a side.
    Values that agree are ``agree`` only when two independent witnesses state them: two
    articles, or two named claimants in one (an article restating a survey's figure in its own
    words is still one witness). A copy (``original`` maps an article id to the id of the
    article it copies) repeating its original's figure is the same report, not corroboration,
    so the figure stays ``single``.
    """
    origin = original or {}

    def named(claim: FigureClaim) -> bool:
        return claim.claimant is not None and claim.claimant not in unattributed

    witnesses: dict[str, set[str]] = {}  # article -> its named claimants
    for c in claims:
        for s in c.sources:
            names = witnesses.setdefault(origin.get(s, s), set())
            if named(c):
                names.add(str(c.claimant))
    independent = sum(max(1, len(names)) for names in witnesses.values())
    if len(claims) <= 1:
        return "agree" if independent > 1 else "single"  # the same value from several articles

    updated = False
    for i, a in enumerate(claims):
        for b in claims[i + 1 :]:
            if compatible(a, b):
                continue
            if (
                a.as_of == b.as_of
                and a.claimant != b.claimant
                and named(a)
                and named(b)
                and _disputable(a, b)
            ):
                return "conflict"
            updated = True
    if updated:
        return "update"
    return "agree" if independent > 1 else "single"


MAX_DISPUTE_RATIO = 100.0
"""Two sides' counts of one thing differ by less than this factor ("the ministry says 120, the
rebels 2,000" is 17x; crowd estimates run to 10-50x). Further apart, the two are counts of
different things that one measure name joined ("49 killed" in one shooting, "33,000 killed" by
guns a year; "45 members" and "more than 25,000 members" of two groups), not a dispute."""


def _disputable(a: FigureClaim, b: FigureClaim) -> bool:
    """Whether two values are near enough to be two sides' counts of the same thing (none
    against some is the classic dispute: "no civilians were killed", "12 were")."""
    low, high = sorted((abs(a.value), abs(b.value)))
    return low == 0 or high / low < MAX_DISPUTE_RATIO


def measure_key(claim: Claim) -> tuple[str, str | None]:
    """What a claim counts: its measure without function words, and its subject if any."""
    measure = " ".join(t for t in tokens(claim.measure) if t not in ("the", "a", "an"))
    subject = normalize(claim.subject) if claim.subject else None
    return measure or normalize(claim.measure), subject or None


def _group_figure(
    entries: list[tuple[int, str, Claim]],
    names: dict[str, str],
    unattributed: frozenset[str] = frozenset(),
    original: Mapping[str, str] | None = None,
) -> tuple[int, int, Figure]:
    """One Figure from the (order, article id, claim) entries of one measure."""
    merged: dict[tuple[float, str, str | None, str | None], dict[str, object]] = {}
    for _, article_id, claim in entries:
        claimant = _canon(names, claim.claimant)
        key = (claim.value, claim.qualifier.strip() or "=", claimant, claim.as_of)
        slot = merged.setdefault(key, {"claim": claim, "sources": set()})
        sources = slot["sources"]
        assert isinstance(sources, set)
        sources.add(article_id)
    claims: list[FigureClaim] = []
    for (value, qualifier, claimant, as_of), slot in merged.items():
        first = slot["claim"]
        assert isinstance(first, Claim)
        sources = slot["sources"]
        assert isinstance(sources, set)
        claims.append(
            FigureClaim(
                value=value,
                low=first.low,
                high=first.high,
                qualifier=qualifier,
                claimant=claimant,
                as_of=as_of,
                sources=sorted(sources),
                text=first.text,
                unit=first.unit,
            )
        )
    claims.sort(key=lambda c: (c.as_of is None, c.as_of or "", c.value, c.claimant or ""))
    all_sources = {a for _, a, _ in entries}
    figure = Figure(
        measure=_most_common([c.measure.strip() for _, _, c in entries]) or entries[0][2].measure,
        status=figure_status(claims, unattributed=unattributed, original=original),
        claims=claims,
        subject=_most_common([c.subject.strip() for _, _, c in entries if c.subject]),
    )
    return -len(all_sources), entries[0][0], figure


def figure_groups(articles: Sequence[Article]) -> list[Figure]:
    """The story's figures: claims grouped by measure (and subject), merged, and labelled.

    A generic subject ("120 dead" counted as people) joins the one more specific group of the
    same outcome ("Varnian soldiers killed") when there is exactly one; a figure repeated
    without a date of its own takes the date another article states for the same value; one
    article's values that nothing orders in time are different figures (``_unordered_parts``).
    Ordered by number of source articles, then by first appearance.
    """
    names = claimant_names(c.claimant for a in articles for c in a.claims)
    groups: dict[tuple[str, str | None], list[tuple[int, str, Claim]]] = defaultdict(list)
    order = 0
    for article in articles:
        for claim in article.claims:
            groups[measure_key(claim)].append((order, article.id, claim))
            order += 1
    groups = _fold_generic(groups)
    outlets = frozenset(a.outlet for a in articles if a.outlet)
    original = {a.id: a.duplicate_of for a in articles if a.duplicate_of}
    figures = []
    for key, entries in groups.items():
        group = partial(_group_figure, names=names, unattributed=outlets, original=original)
        figures.extend(_settled(key, _dated(entries), group, outlets))
    figures.sort(key=lambda f: (f[0], f[1]))
    return [f[2] for f in figures]


def _settled(
    key: tuple[str, str | None],
    entries: list[tuple[int, str, Claim]],
    group: Callable[[list[tuple[int, str, Claim]]], tuple[int, int, Figure]],
    unattributed: frozenset[str] = frozenset(),
) -> list[tuple[int, int, Figure]]:
    """One measure's figures: the group whole unless its values disagree in a way no single
    figure explains. A poll share with nothing saying whose is split into values that can be
    true together (``_unnamed_share``), and those into the shares that one article, sentence
    or named claimant reports (``_same_share_parts``); an update or a conflict is split into
    the parts that something ties together (``_linked_parts``: a claimant in
    ``unattributed``, a reporting outlet, ties nothing); an update is cut into spells of at
    most ``UPDATE_SPAN_DAYS`` between values, and a spell that nothing orders in time is split
    too (``_unordered_parts``). Values that agree stay one figure however far apart their
    days, except a poll share's."""
    figure = group(entries)
    status = figure[2].status
    if _unnamed_share(key):
        parts = _compatible_parts(entries) if status in ("update", "conflict") else [entries]
        shares = [share for part in parts for share in _same_share_parts(part, unattributed)]
        return [figure] if len(shares) == 1 else [group(share) for share in shares]
    if status not in ("update", "conflict"):
        return _tied(entries, group, unattributed, figure)
    linked = _linked_parts(entries, unattributed)
    if len(linked) > 1:
        return [f for part in linked for f in _settled(key, part, group, unattributed)]
    if status == "conflict":
        return [figure]
    spells = _spells(entries)
    if len(spells) > 1:
        return [f for spell in spells for f in _settled(key, spell, group, unattributed)]
    return [f for part in _unordered_parts(entries) for f in _tied(part, group, unattributed)]


def _tied(
    entries: list[tuple[int, str, Claim]],
    group: Callable[[list[tuple[int, str, Claim]]], tuple[int, int, Figure]],
    unattributed: frozenset[str],
    figure: tuple[int, int, Figure] | None = None,
) -> list[tuple[int, int, Figure]]:
    """Values that agree only through a bound or an approximation ("at least 9 killed" and
    32) are one figure only when something ties them (``_linked_parts``), as for an update:
    the 9 of one shooting and the 32 of another attack are two figures."""
    figure = figure or group(entries)
    if figure[2].status == "agree" and _differ(figure[2]):
        linked = _linked_parts(entries, unattributed)
        if len(linked) > 1:
            return [group(part) for part in linked]
    return [figure]


def _differ(figure: Figure) -> bool:
    """Whether a figure's values are not all the same number (within ``EXACT_TOLERANCE``):
    they agree only through a bound or an approximation."""
    values = sorted(c.value for c in figure.claims)
    if not values:
        return False
    return values[-1] - values[0] > EXACT_TOLERANCE * max(1.0, abs(values[0]), abs(values[-1]))


def _sentence_names(sentence: str) -> frozenset[str]:
    """The capitalised words of a sentence after its first (names, mostly), folded, without
    month and weekday names."""
    words = WORD_RE.findall(sentence)[1:]
    return frozenset(
        w.casefold()
        for w in words
        if w[:1].isupper() and len(w) > 1 and w.casefold() not in CALENDAR_WORDS
    )


def _bare_name(name: str | None) -> str | None:
    """A claimant's folded words without articles ("the Relief Agency" is "relief agency")."""
    words = [t for t in tokens(name or "") if t not in ("the", "a", "an")]
    return " ".join(words) or None


def _one_sentence(a: Claim, b: Claim) -> bool:
    """Whether one sentence of an article states both claims' values (a claim's sentence may
    be another's: the headline "… after 6.2% pay deal" and "a pay rise of 6.2% this year, up
    from the 4.5% the authority had offered")."""
    return a.sentence == b.sentence or _states(a.sentence, b.text) or _states(b.sentence, a.text)


def _states(sentence: str, text: str) -> bool:
    """Whether a quantity's words stand in a sentence as words ("9" is not in "1990")."""
    return bool(text) and re.search(rf"(?<!\w){re.escape(text)}(?!\w)", sentence) is not None


def _linked_parts(
    entries: list[tuple[int, str, Claim]], unattributed: frozenset[str] = frozenset()
) -> list[list[tuple[int, str, Claim]]]:
    """An update's entries in parts that something ties together: one sentence stating both
    ("6.2%, up from the 4.5% offered"; a round-up paragraph's tolls of several attacks tie
    nothing), two values that agree (a bound is too loose a tie: "fewer than 100 voters"
    would tie every small count), one named claimant that is no outlet (``unattributed``), or
    a name their sentences share ("Kerrow Falls", "Lessmoor Regional Emergency Agency").
    Each tie is looked up by key or in value order, so a story's thousand tolls are not
    compared pair by pair.

    One measure name joins counts of unrelated things ("9 voters" in Dixville, "22 registered
    voters" in Millsfield; "125 killed" in Paris, "14" in San Bernardino): nothing ties those,
    and a figure that nothing ties to the others is no update of them. Parts keep the entries'
    order."""
    groups = _Groups(len(entries))
    by_key: dict[tuple[str, str], list[int]] = defaultdict(list)  # the same claimant or name
    by_article: dict[str, list[int]] = defaultdict(list)
    outlets = {_bare_name(name) for name in unattributed}
    for k, (_, article_id, claim) in enumerate(entries):
        by_article[article_id].append(k)
        speaker = _bare_name(claim.claimant)
        if speaker is not None and speaker not in outlets:
            by_key[("claimant", speaker)].append(k)
        for name in _sentence_names(claim.sentence):
            by_key[("name", name)].append(k)
    for members in by_key.values():
        for k in members[1:]:
            groups.union(members[0], k)
    for members in by_article.values():  # one sentence stating both (an article's few claims)
        for n, a in enumerate(members):
            for b in members[n + 1 :]:
                if _one_sentence(entries[a][2], entries[b][2]):
                    groups.union(a, b)
    # values that agree: neighbours in value order (a bound is too loose a tie)
    figures = [as_figure_claim(c) for _, _, c in entries]
    exact = sorted(
        (f.value, k, f)
        for k, f in enumerate(figures)
        if f.qualifier.strip() not in ("<", ">", "<=", ">=")
    )
    for (_, a, ca), (_, b, cb) in zip(exact, exact[1:], strict=False):
        if compatible(ca, cb):
            groups.union(a, b)
    return [[entries[k] for k in members] for members in groups.members()]


def _unordered_parts(entries: list[tuple[int, str, Claim]]) -> list[list[tuple[int, str, Claim]]]:
    """An update's entries, split when nothing orders them in time: values of one measure that
    cannot all be true, stated by a single article with the same date (or none), are different
    figures (four candidates' poll shares, the tolls of two attacks: on the 924 PolNeAR texts,
    39 of 82 "updates"), not a later figure superseding an earlier one; other articles' values
    then join the figure they can be true with ("14 killed" in a second article joins that
    attack's toll, not the "1 killed" of another incident). Values none of which is dated
    (undated articles, no date in the text) are split the same way: nothing says which came
    later ("4 votes" and "about 43,000 votes" in two undated articles had been an update
    4 → 43,000). Each part holds values that can all be true together; entries of several
    dates, or of one date where no article states two values that cannot both be true, stay
    one group."""
    dates = {c.as_of for _, _, c in entries}
    if dates != {None} and not _said_together(entries):
        return [entries]
    return _compatible_parts(entries)


UPDATE_SPAN_DAYS = 30
"""A figure's values more than this many days apart (with no value in between) are figures of
different happenings, not one figure updated: a toll or count is revised within days or weeks
(the story window is 30 days). On the 924 PolNeAR texts dated by their file names, "people
killed" 125 (Nov. 13), 14 (Dec. 2), 49 (June 13) were one "update" across three attacks."""


def _spells(entries: list[tuple[int, str, Claim]]) -> list[list[tuple[int, str, Claim]]]:
    """A measure's entries cut where its dated values leave a gap of more than
    ``UPDATE_SPAN_DAYS``; undated entries stay with the first spell (nothing places them)."""
    days = sorted({d for _, _, c in entries if (d := parse_day(c.as_of)) is not None})
    if len(days) < 2:
        return [entries]
    starts = [days[0]] + [
        b for a, b in zip(days, days[1:], strict=False) if (b - a).days > UPDATE_SPAN_DAYS
    ]
    if len(starts) == 1:
        return [entries]
    spells: list[list[tuple[int, str, Claim]]] = [[] for _ in starts]
    for entry in entries:
        day = parse_day(entry[2].as_of)
        index = 0 if day is None else max(i for i, start in enumerate(starts) if start <= day)
        spells[index].append(entry)
    return spells


def _unnamed_share(key: tuple[str, str | None]) -> bool:
    """A share of a vote or poll ("percent support", "percent vote") with nothing saying whose:
    a story's polls give a share for each candidate and question, so two such values are two
    figures, not one share updated or disputed (on the 924 PolNeAR texts, dated by their file
    names, most "updates" were such: "10, 20, 21, 25 percent vote")."""
    measure, subject = key
    return subject is None and measure.startswith("percent ")


def _same_share_parts(
    entries: list[tuple[int, str, Claim]], unattributed: frozenset[str]
) -> list[list[tuple[int, str, Claim]]]:
    """A poll share's entries in parts that report the same share: one article's, or those of
    one named claimant that is no outlet ("a New York Times/CBS News survey"), or of one
    sentence. Equal values alone tie nothing here: a story's polls give a share for each
    candidate, state and question, so "19 percent" of college students for Clinton in
    December and "19 percent" for Johnson in South Dakota in September are two figures (on the
    924 PolNeAR texts, every "agree" of such shares across articles was of this kind)."""
    groups = _Groups(len(entries))
    by_key: dict[tuple[str, str], list[int]] = defaultdict(list)
    outlets = {_bare_name(name) for name in unattributed}
    for k, (_, article_id, claim) in enumerate(entries):
        by_key[("article", article_id)].append(k)
        by_key[("sentence", normalize(claim.sentence))].append(k)
        speaker = _bare_name(claim.claimant)
        if speaker is not None and speaker not in outlets:
            by_key[("claimant", speaker)].append(k)
    for members in by_key.values():
        for k in members[1:]:
            groups.union(members[0], k)
    return [[entries[k] for k in members] for members in groups.members()]


def _compatible_parts(
    entries: list[tuple[int, str, Claim]],
) -> list[list[tuple[int, str, Claim]]]:
    """The entries in groups whose values can all be true together, in order."""
    parts: list[list[tuple[int, str, Claim]]] = []
    for entry in entries:
        claim = as_figure_claim(entry[2])
        for part in parts:
            if all(compatible(claim, as_figure_claim(other)) for _, _, other in part):
                part.append(entry)
                break
        else:
            parts.append([entry])
    return parts


def _said_together(entries: list[tuple[int, str, Claim]]) -> bool:
    """Some article states two values of the measure that cannot both be true for the same
    day (or both undated), or in one sentence with at most one of them dated ("fined $185
    million, including a record $100 million penalty"): values one report gives side by side
    are two things counted, not a figure and its revision ("up from 126 a week earlier" is
    dated apart, and stays)."""
    by_article: dict[str, list[Claim]] = defaultdict(list)
    for _, article_id, claim in entries:
        by_article[article_id].append(claim)
    for claims in by_article.values():
        for i, a in enumerate(claims):
            for b in claims[i + 1 :]:
                together = a.as_of == b.as_of or (
                    a.sentence == b.sentence and (a.as_of is None or b.as_of is None)
                )
                if together and not compatible(as_figure_claim(a), as_figure_claim(b)):
                    return True
    return False


GENERIC_SUBJECTS = frozenset(["people", "persons"])


def _outcome_of(claim: Claim) -> str | None:
    """ "killed" of "Varnian soldiers killed" (the measure after its subject)."""
    if not claim.subject or not claim.measure.lower().startswith(claim.subject.lower()):
        return None
    return claim.measure[len(claim.subject) :].strip().lower() or None


def _fold_generic(
    groups: dict[tuple[str, str | None], list[tuple[int, str, Claim]]],
) -> dict[tuple[str, str | None], list[tuple[int, str, Claim]]]:
    """Fold "people displaced" into "civilians displaced", "soldiers killed" into "Varnian
    soldiers killed", when that is the only more specific group of the outcome."""
    outcomes = {key: _outcome_of(entries[0][2]) for key, entries in groups.items()}
    folded = dict(groups)
    for key in groups:
        outcome, subject = outcomes[key], key[1]
        if outcome is None or subject is None:
            continue
        generic = subject in GENERIC_SUBJECTS
        targets = [
            other
            for other in groups
            if other != key
            and outcomes[other] == outcome
            and other[1] is not None
            and other[1] not in GENERIC_SUBJECTS
            and (generic or (other[1].endswith(" " + subject)))
        ]
        if len(targets) == 1 and targets[0] in folded and key in folded:
            folded[targets[0]] = sorted(folded[targets[0]] + folded.pop(key), key=lambda e: e[0])
    return folded


def _dated(entries: list[tuple[int, str, Claim]]) -> list[tuple[int, str, Claim]]:
    """A figure dated only by its article's publication takes the earliest date another
    article states for the same value ("Varnia says 120 were killed" a week later)."""
    stated: dict[tuple[float, str], str] = {}
    for _, _, claim in entries:
        if claim.as_of and claim.as_of_basis in ("text", "context"):
            key = (claim.value, claim.qualifier.strip() or "=")
            stated[key] = min(stated.get(key, claim.as_of), claim.as_of)
    out = []
    for order, article_id, claim in entries:
        earlier = stated.get((claim.value, claim.qualifier.strip() or "="))
        if claim.as_of_basis == "published" and earlier and (claim.as_of or "") > earlier:
            claim = claim.model_copy(update={"as_of": earlier, "as_of_basis": "context"})
        out.append((order, article_id, claim))
    return out


def claimant_names(names: Iterable[str | None]) -> dict[str, str]:
    """``unify_names`` for claimants, refusing to name a side the text did not: "defence
    ministry" never becomes "Kaldorian defence ministry" by containment alone."""
    mapping = unify_names(names)
    for variant, canonical in list(mapping.items()):
        if variant == canonical:
            continue
        have = {w.lower() for w in variant.split()}
        added = [w for w in canonical.split() if w[:1].isupper() and w.lower() not in have]
        if added and not any(w[:1].isupper() for w in variant.split()):
            mapping[variant] = variant
    return mapping
