"""Extractive multi-document summary with citations.

Candidate sentences come from each article's single parse (``Article.sentence_texts()``); wire
datelines are stripped, and fragments (unbalanced or unattributed quotes, headline-like lines
without an end mark, very short lines) are left out. Then:

1. **Key facts, word by word.** Each content word of the story gets the probability that a good
   summary uses it, from a logistic model over how many outlets and headlines use it, whether
   the outlets' leads do, how early it first appears, and whether it is a figure or a name.
2. **Whole summaries, not sentences, are scored.** A beam search over sets of sentences inside
   the word budget ranks each set by a linear scorer: its expected unigram F1 from those word
   probabilities (a word counts once however many sentences repeat it, so repeats gain
   nothing), how much of the budget it fills, how many outlets it draws on, and the summed
   sentence features (centrality, lead position, corroboration by other outlets, closeness to
   the headlines, claimed figures and attributed quotes). No two chosen sentences may state the
   same fact (``textsim.same_fact``) or be near-identical.

Both weight sets are fitted on the NeUS AllSides *train* split by ``bench/train_summarizer.py``
(val is left for scoring). Chosen sentences are put back in time-then-reading order; each cites
every article that states the same fact, so no summary sentence is uncited and every article it
cites states it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import TypeVar

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer

from newsbrief.datewords import MONTHS, WEEKDAY_NAMES
from newsbrief.model import Article, SentenceSpan, SummarySentence
from newsbrief.textsim import (
    WORD_RE,
    content_words,
    headline_case,
    quoted_share,
    same_fact,
    strip_dateline,
    text_tokens,
    tokens,
    unbalanced_quotes,
    word_count,
    wordset,
)

T = TypeVar("T")
QUOTE_MARKS = '"“”„«»'
CUE_WORDS = wordset(
    "said says say told tells according added adds asked stated wrote writes tweeted declared "
    "insisted argued warned noted explained claimed announced confirmed"
)
_END_MARK_RE = re.compile(r"[.!?…][\"'”’»)\]]*$")
_ASIDE_RE = re.compile(r"^[(\[].*[)\]][.!?]?[\"'”’]*$", re.DOTALL)
"""A sentence wholly in brackets: an aside or editor's note, never the story's lead."""
NO_NEWS_RE = re.compile(
    r"\b(?:did not|didn['’]t|could not|couldn['’]t|has not|hasn['’]t|have not|haven['’]t)"
    r" (?:immediately )?(?:respond|return|reply)(?:ed)? to (?:a |an |the |multiple |several )?"
    r"(?:requests?|messages?|calls?|e-?mails?|inquiry|inquiries|queries)"
    r"|\bdeclined (?:to comment|a request (?:for|to) comment)"
    r"|\b(?:could not|couldn['’]t) (?:immediately )?be reached\b"
    r"|\bmargin of (?:sampling )?error\b"
    r"|\b(?:was|were|had been) first reported (?:by|on|in) (?:the )?"
    r"(?:(?-i:[A-Z])[\w'’.&-]*\s*)+[.]?$",
    re.IGNORECASE,
)
"""Sentences that carry no news: a non-response ("did not respond to a request for comment",
"declined to comment"), a poll's method ("The margin of sampling error is …"), or who broke
the story ("The move was first reported by MSNBC.", ending on the name)."""
#: Words that, opening a sentence, stand for someone the sentence before named.
BACK_POINTERS = wordset("he she they him them his her their its")
DEMONSTRATIVES = wordset("this that these those")
"""Openers that point back ("That gets him all 40 delegates.", "These were not omissions.",
"That result includes …"), unless a time follows ("This week the council …")."""
TIME_WORDS = wordset(
    "week weekend month year morning afternoon evening night day season spring summer fall "
    "autumn winter time term quarter decade century past coming "
    "monday tuesday wednesday thursday friday saturday sunday"
)
_EXPLETIVE_IT_RE = re.compile(
    r"^\W*it\s+(?:is|was|['’]s|isn['’]t|wasn['’]t|will|would|won['’]t|may|might|could|should|"
    r"can|has been|had been|seems|seemed|appears|appeared|remains|remained|takes|took|makes|"
    r"made)\b.*?\b(?:to|that|whether|if|how|why|when)\b",
    re.IGNORECASE,
)
"""An opening "it" that stands for nothing before: "It is wrong to …", "It won't be easy to
…", "It takes 2,383 delegates to win …"."""
CONNECTIVES = wordset(
    "and but or also moreover furthermore however nevertheless nonetheless therefore thus "
    "hence still yet then so besides instead likewise similarly consequently otherwise "
    "actually indeed finally"
)
"""Openers that join a sentence to the one before ("And on Friday, it was a report …", "But
the council disagreed.", "Moreover, the board …", "Still, Roos would not say …"): alone, the
sentence answers something the reader has not seen. Not as part of a word ("Then-mayor …",
"So-called …") nor in "So far, …" (``_NOT_CONNECTIVE_RE``)."""
_NOT_CONNECTIVE_RE = re.compile(r"^\W*(?:\w+[-‑]\w|so\s+far\b)", re.IGNORECASE)
_ANSWER_RE = re.compile(r"^\W*(?:no|yes|well)\s*,", re.IGNORECASE)
"""An answer to something before it ("No, it was the unscripted instant …")."""

#: The sentence features, in the order of ``SummaryOptions.weights``.
FEATURES: tuple[str, ...] = (
    "bias",
    "centrality",  # TF-IDF cosine to the story centroid (each article weighted equally)
    "position",  # 1 / (1 + sentence index in its article)
    "lead",  # the article's first sentence
    "corroboration",  # mean over the other outlets of the best cosine to one of their sentences
    "headline",  # cosine to the story's headlines
    "key_fact",  # 1 a claimed figure, 0.5 an attributed quote
    "length",  # words / 40, capped at 1.5
    "quoted",  # share of the characters inside quote marks
    "cue",  # carries a speech cue (said, told, according to, ...)
    "number",  # states a number
)

#: Word features: how likely a word of the story is to be in a good summary of it.
WORD_FEATURES: tuple[str, ...] = (
    "bias",
    "outlets",  # share of the story's outlets whose text uses the word
    "all_outlets",  # every outlet uses it (and there are several)
    "headlines",  # share of the headlines that use it
    "leads",  # share of the outlets whose first sentence uses it
    "position",  # 1 / (1 + index of the first sentence that uses it)
    "frequency",  # log(1 + uses in the story)
    "number",  # a figure
    "name",  # capitalised inside a sentence (a name)
)

# Logistic-regression weights over WORD_FEATURES, fitted on 1,800 NeUS train clusters by
# ``bench/train_summarizer.py`` (target: the word occurs in the editors' summary).
DEFAULT_WORD_WEIGHTS: tuple[float, ...] = (
    -3.8367, 1.2845, -0.0764, 2.3887, 0.7183, 0.2951, 1.5041, 0.8255, 0.683,
)  # fmt: skip


#: Features of a set of sentences (a candidate summary), in the order of ``set_weights``.
SET_FEATURES: tuple[str, ...] = (
    "expected_f",  # expected unigram F1 from the key-fact word probabilities
    "fill",  # words used / budget
    "sentences",  # number of sentences / 4
    "outlets",  # share of the story's outlets it draws on
    "overlap",  # highest cosine between two of its sentences
    *(f"sum_{name}" for name in FEATURES[1:]),  # word-weighted sums of the sentence features
    "consensus",  # mean unigram F1 against each of the story's articles (``_Consensus``)
)

# Ridge regression (alpha 10) of the summaries' ROUGE-1 against these features over every summary
# that fits the budget of 1,800 NeUS *train* clusters (``bench/train_summarizer.py``), centred
# per cluster, so they rank a story's possible summaries.
DEFAULT_SET_WEIGHTS: tuple[float, ...] = (
    0.5541, -0.1328, -0.0035, 0.0037, 0.032, 0.0037, 0.0328, -0.0163,
    -0.0277, 0.126, 0.0162, -0.0068, -0.0534, -0.0017, 0.0079, 0.4753,
)  # fmt: skip


@dataclass(frozen=True)
class SummaryOptions:
    """Weights and limits of the extractive summariser (fitted and tuned on NeUS train)."""

    min_words: int = 6
    max_quote_share: float = 0.6  # more of the sentence in quote marks than this needs a cue
    max_candidates_per_article: int = 12  # lead sentences considered per article
    word_weights: tuple[float, ...] = field(default=DEFAULT_WORD_WEIGHTS)  # key-fact words
    set_weights: tuple[float, ...] = field(default=DEFAULT_SET_WEIGHTS)  # candidate summaries
    function_rate: float = 0.4  # expected share of function words a good summary shares
    function_cap: int = 40  # ... up to this many
    reference_tokens: float = 60.0  # expected length of a good summary, in tokens
    redundancy: float = 0.6  # cosine above which a sentence repeats one already chosen
    beam: int = 8

    def __post_init__(self) -> None:
        for name, names in (("word_weights", WORD_FEATURES), ("set_weights", SET_FEATURES)):
            if len(getattr(self, name)) != len(names):
                raise ValueError(
                    f"SummaryOptions.{name} needs {len(names)} numbers ({', '.join(names)}), "
                    f"got {len(getattr(self, name))}"
                )


@dataclass(frozen=True)
class _Sentence:
    article: int
    position: int
    span: SentenceSpan
    text: str
    words: frozenset[str]  # content words (shared between identical sentences: cached)
    cut: bool = False  # the sentence up to one of its ``SentenceSpan.cuts``


def _is_quote_fragment(text: str, options: SummaryOptions) -> bool:
    """An unbalanced quote, or mostly quoted words with no speech cue to attribute them."""
    if not any(c in QUOTE_MARKS for c in text):
        return False
    if unbalanced_quotes(text):
        return True
    if any(t in CUE_WORDS for t in tokens(text)):
        return False
    return quoted_share(text) > options.max_quote_share


def _collect(articles: Sequence[Article]) -> list[_Sentence]:
    sentences: list[_Sentence] = []
    for index, article in enumerate(articles):
        for position, (span, raw) in enumerate(article.sentence_texts()):
            text = strip_dateline(raw)
            if text:
                sentences.append(_Sentence(index, position, span, text, content_words(text)))
    return sentences


def _is_candidate(s: _Sentence, articles: Sequence[Article], options: SummaryOptions) -> bool:
    return (
        articles[s.article].duplicate_of is None
        and s.position < options.max_candidates_per_article
        and word_count(s.text) >= options.min_words
        and len(s.words) >= 3
        and _END_MARK_RE.search(s.text) is not None  # a standfirst or a headline has none
        and not headline_case(s.text)  # a headline kept as a line of the body
        and not s.span.verbless  # a deck, a caption, an imperative pointer
        and not s.span.caption  # "Trump speaks at a rally in Greensboro on June 14, 2016."
        and not _ASIDE_RE.match(s.text)  # "(Politico responded late Friday with a note.)"
        and not NO_NEWS_RE.search(s.text)  # "… did not respond to a request for comment."
        and not _is_quote_fragment(s.text, options)
        and not inside_quoted_words(s.span, articles[s.article])
        and not _QUESTION_RE.search(s.text)  # "Do you support Dr. Ben Carson?"
    )


_QUESTION_RE = re.compile(r"\?[\"'”’»)\]]*$")
"""A sentence that asks ends in a question mark (outside any closing quote or bracket): it
states no fact for a summary ("Do you support …?", "Will the talks hold?"); a question quoted
inside a statement ("asked “why now?”, she said") ends otherwise."""


def inside_quoted_words(span: SentenceSpan, article: Article) -> bool:
    """Whether a sentence lies wholly inside one piece of a direct quote: a sentence from the
    middle of a quote of several sentences carries neither the quote marks nor the speaker
    ("Number Two, in terms of divisive: I don't think I'm a divisive person."), so as a summary
    sentence it would read as the outlet's own words. One character of slack each side takes in
    a quote mark the piece leaves out."""
    paragraph, start, end = span.paragraph, span.start, span.end
    for quote in article.quotes:
        if quote.kind == "indirect":  # a reported clause: its sentence holds the attribution
            continue
        if not quote.parts:  # one piece (``Quote.spans`` would build a record for it)
            if quote.paragraph == paragraph and quote.start - 1 <= start and end <= quote.end + 1:
                return True
            continue
        for piece in quote.parts:
            if piece.paragraph == paragraph and piece.start - 1 <= start and end <= piece.end + 1:
                return True
    return False


SPEAKING_PRONOUNS = wordset("he she they")


def leans_on_context(text: str) -> bool:
    """Whether a sentence needs the one before it to say who or what: it opens with a pronoun
    for someone or something named before ("He later denied it", "His lawyer said …", "It
    racked up 10 million views", "That gets him all 40 delegates"), a connective ("But …")
    or an answer ("No, it was …"), names the thing only as "the move", "the figure" and
    the like (``_SHELL_NOUN_RE``), or the place only as "there" ("Police there said …"); its
    subject is a pronoun after an opening phrase ("On Thursday, he …"), its opening points
    back ("What that means …", "To this end, …"), it has lost its subject ("Is within …"), or
    it is the writer's own voice ("I grew up in …"); a pronoun is its speaker ("“Let them fight
    each other,” he said."); or it is the rest of a sentence the splitter cut after a quoted
    question ("“Should the pier close?” | a reporter asked.")."""
    words = tokens(text)
    if not words:
        return False
    if words[0] in BACK_POINTERS:
        return True
    if words[0] in CONNECTIVES and not _NOT_CONNECTIVE_RE.match(text):
        return True
    if _ANSWER_RE.match(text):
        return True
    if words[0] in DEMONSTRATIVES and len(words) > 1 and words[1] not in TIME_WORDS:
        return True
    if words[0] == "it" and not _EXPLETIVE_IT_RE.match(text):
        return True
    if _LOWER_OPENING_RE.match(text):
        return True
    if len(words) > 2 and words[-2] in SPEAKING_PRONOUNS and words[-1] in CUE_WORDS:
        return True
    if _SHELL_NOUN_RE.match(text):
        return True
    if _PLACE_THERE_RE.match(text) and words[0] not in _NOT_A_SUBJECT:
        return True
    if _ANAPHORIC_OPENING_RE.match(text):
        return True
    introduced = _INTRODUCED_PRONOUN_RE.match(text)
    if introduced and not _names_someone(introduced.group("opening")):
        return True
    if _SUBJECTLESS_RE.match(text) and not _QUESTION_RE.search(text):
        return True
    if _WRITER_RE.match(text):
        return True
    return _PRONOUN_CUE_RE.search(text) is not None


_SHELL_NOUN_RE = re.compile(
    r"^\W*(?:[\w'’.-]+\W+){0,5}?(?:the|this|that)\s+"
    r"(?:move|figure|decision|announcement|news|remarks|comments|development|step|implication"
    r"|case)\b"
    r"(?!\s+(?:to|of|that|by|on|in|from|for|at)\b)",
    re.IGNORECASE,
)
"""A word that only names what the sentence before said ("The move comes after …", "The
agency said the figure was correct as of Tuesday."), in the sentence's first words; not
when the phrase says what it is ("the decision to close the plant", "the figure of 310")."""


_PLACE_THERE_RE = re.compile(r"^\W*(?:the\s+)?[^\W\d_][\w'’-]*\s+(?:there|here)\b", re.IGNORECASE)
_NOT_A_SUBJECT = wordset(
    "now so and but yet still then if when while though although because since as where "
    "is are was were has have had will would could can may might must should do does did "
    "out over up down in back from near right just only even also not"
)
"""A subject with "there" or "here" for a place named before ("Police there are still
searching …", "Officials there said …"); not the "there" of "Now there is …" or "Is there
…", nor a place word ("Out there …")."""


_INTRODUCED_PRONOUN_RE = re.compile(
    r"^(?P<opening>[^,;:\"“”]{2,40}),\s+(?:he|she|they|his|her|their|its)\b", re.IGNORECASE
)
"""A pronoun for someone named before as the subject after an opening phrase ("On Thursday,
he expanded upon his calls …", "In a statement, their lawyer said …"); not "it", which is
often nobody ("On Friday, it emerged that …"), nor one the opening names ("According to
Trump, he …": ``_names_someone``)."""


def _names_someone(opening: str) -> bool:
    """Whether an opening phrase holds a capitalised word after its first that is no day or
    month name ("According to Roos", not "On Thursday" or "Since March 2")."""
    return any(
        w[:1].isupper() and w.lower() not in DAY_AND_MONTH_NAMES
        for w in WORD_RE.findall(opening)[1:]
    )


DAY_AND_MONTH_NAMES = frozenset(WEEKDAY_NAMES) | frozenset(MONTHS)

_ANAPHORIC_OPENING_RE = re.compile(
    r"^\W*(?:(?:what|how|why|whether)\s+(?:this|that|these|those|it|he|she|they)\b"
    r"|if\s+(?:this|that)\b|the\s+same\s+(?:could|can|cannot|is|was|goes|applies|holds)\b"
    r"|to\s+(?:this|that)\s+end\b"
    r"|for\s+(?:this|that|these|those)\s+reasons?\b|in\s+(?:this|that)\s+case\b"
    r"|at\s+(?:this|that)\s+point\b|because\s+of\s+(?:this|that)\b"
    r"|despite\s+(?:this|that)\b)",
    re.IGNORECASE,
)
"""An opening that points back at what came before ("What that means in practice is …",
"How it handles those questions …", "If that doesn't happen, …", "The same could not be
said for …", "To this end, …", "For that reason, …", "In that case, …")."""

_WRITER_RE = re.compile(
    r"^(?:(?:I|We|Our|My)(?:['’](?:m|ve|d|ll|re))?|Let['’]s|Let us|Imagine|Consider|Picture"
    r"|Remember)\s"
)
"""A sentence in the writer's own voice, outside quote marks ("I grew up in …", "We've
checked some of the main claims.", "Let's take a look at …", "Imagine if …"): no fact of the
story on its own."""

_SUBJECTLESS_RE = re.compile(r"^\W*(?:is|are|was|has|have)\s", re.IGNORECASE)
"""A statement opening with its verb has lost its subject ("Is within $4M of Clinton's
haul."): a deck, or the tail of a sentence split in two; not a question. ("Had the vote
passed, …" and "Were it not for …" are whole sentences.)"""


_LOWER_OPENING_RE = re.compile(r"^[^\w“\"‘'«]*[a-z][a-z'’-]*\s+[^\sA-Z]")
"""A sentence opening with a lower-case word that no capitalised word follows: the tail of
a sentence cut in two ("a reporter can be heard asking …", "- exchange during a hearing …");
"de Blasio said …" and "eBay said …" open with names."""

_PRONOUN_CUE_RE = re.compile(
    r"[”\"'’],?\s+(?:he|she|they)\s+(?:" + "|".join(sorted(CUE_WORDS)) + r")\b", re.IGNORECASE
)
"""A quote whose speaker is a pronoun right after it ("“…,” he said in an interview")."""


def _predecessors(cands: Sequence[_Sentence]) -> list[int | None]:
    """For each candidate that ``leans_on_context``, the index of the sentence just before it
    in its article (-1 when that is not a candidate); None for the others. Alone in a summary
    such a sentence loses who said or did it, so it may only follow that sentence."""
    index: dict[tuple[int, int], int] = {}
    for k, c in enumerate(cands):  # the whole sentence, not a shortened one, comes before
        if not c.cut:
            index.setdefault((c.article, c.position), k)
    out: list[int | None] = []
    for c in cands:
        leans = leans_on_context(c.text)
        out.append(index.get((c.article, c.position - 1), -1) if leans else None)
    return out


def _key_fact(s: _Sentence, article: Article) -> float:
    """1 for a sentence stating a claimed figure, 0.5 for one with an attributed quote."""
    for claim in article.claims:
        if claim.paragraph == s.span.paragraph and _states(s.text, claim.sentence):
            return 1.0
    for quote in article.quotes:
        if (
            quote.speaker
            and quote.paragraph == s.span.paragraph
            and s.span.start <= quote.start < s.span.end
        ):
            return 0.5
    return 0.0


def _states(text: str, stated: str) -> bool:
    """Whether a candidate is the sentence an extractor read a claim from (or a part of it)."""
    stated = stated.strip()
    return bool(stated) and (text in stated or stated in text)


def _vectors(
    texts: Sequence[str | frozenset[str]], extra: Sequence[str | frozenset[str]] = ()
) -> sparse.csr_matrix:
    """L2-normalised TF-IDF rows over content words, kept sparse: a story of hundreds of
    articles has tens of thousands of sentences and words, and a dense matrix of them took
    gigabytes. A text may be given as its content words already (a ``_Sentence.words``).
    Rows of ``extra`` follow, weighted by the IDF of ``texts`` (shortened sentences, which
    must not count twice towards a word's document frequency)."""
    vectorizer = TfidfVectorizer(analyzer=_sorted_words, sublinear_tf=True, norm="l2")
    try:
        fitted = sparse.csr_matrix(vectorizer.fit_transform(texts))
    except ValueError:  # no content words at all
        return sparse.csr_matrix((len(texts) + len(extra), 1))
    if not extra:
        return fitted
    return sparse.csr_matrix(sparse.vstack([fitted, vectorizer.transform(extra)]))


def _sorted_words(text: str | frozenset[str]) -> list[str]:
    return sorted(content_words(text) if isinstance(text, str) else text)


def _related(articles: Sequence[Article], i: int, j: int) -> bool:
    """Same article, or one a marked duplicate of the other."""
    a, b = articles[i], articles[j]
    return i == j or a.duplicate_of == b.id or b.duplicate_of == a.id


def _unrelated(articles: Sequence[Article], i: int, indices: Sequence[int]) -> np.ndarray:
    """Positions in ``indices`` of the articles not ``_related`` to article ``i``."""
    article = articles[i]
    return np.asarray(
        [
            g
            for g, j in enumerate(indices)
            if j != i
            and articles[j].id != article.duplicate_of
            and articles[j].duplicate_of != article.id
        ],
        dtype=np.intp,
    )


_BLOCK = 256


def _features(
    cands: list[_Sentence],
    pool: list[_Sentence],
    vec_c: sparse.csr_matrix,
    vec_p: sparse.csr_matrix,
    vec_t: sparse.csr_matrix,
    articles: Sequence[Article],
) -> np.ndarray:
    """One row of ``FEATURES`` per candidate (candidate × sentence similarities are made a
    block of candidates at a time, so memory stays linear in the story's sentences).

    Corroboration takes, per block, the best similarity to each other outlet's sentences with
    one ``maximum.reduceat`` over the pool's columns grouped by article, instead of one slice
    per (candidate, article) pair: a 400-article story has millions of those."""
    originals = sorted({s.article for s in pool if articles[s.article].duplicate_of is None})
    by_article: dict[int, list[int]] = {a: [] for a in originals}
    for k, s in enumerate(pool):
        if s.article in by_article:
            by_article[s.article].append(k)
    means = [np.asarray(vec_p[rows].mean(axis=0)).ravel() for rows in by_article.values() if rows]
    centroid = np.mean(means, axis=0) if means else np.zeros(vec_p.shape[1])
    norm = float(np.linalg.norm(centroid))
    centrality = vec_c @ (centroid / norm) if norm else np.zeros(len(cands))
    headlines = (
        np.asarray(vec_t.sum(axis=0)).ravel() if vec_t.shape[0] else np.zeros(vec_p.shape[1])
    )
    h_norm = float(np.linalg.norm(headlines))
    headline = vec_c @ (headlines / h_norm) if h_norm else np.zeros(len(cands))
    rows = np.zeros((len(cands), len(FEATURES)))
    grouped = [a for a in originals if by_article[a]]  # outlets with sentences, in order
    order = [k for a in grouped for k in by_article[a]]
    starts = np.cumsum([0] + [len(by_article[a]) for a in grouped[:-1]])
    pool_t = vec_p[order].T.tocsc() if order else vec_p.T.tocsc()
    best = np.zeros((0, 0))
    others_of: dict[int, np.ndarray] = {}
    for k, s in enumerate(cands):
        if k % _BLOCK == 0 and grouped:
            sims = (vec_c[k : k + _BLOCK] @ pool_t).toarray()
            best = np.maximum.reduceat(sims, starts, axis=1)  # best per outlet
        if s.article not in others_of:
            others_of[s.article] = _unrelated(articles, s.article, grouped)
        others = others_of[s.article]
        support = best[k % _BLOCK, others] if len(others) else None
        rows[k] = (
            1.0,
            centrality[k],
            1.0 / (1.0 + s.position),
            1.0 if s.position == 0 else 0.0,
            float(np.mean(support)) if support is not None else 0.0,
            headline[k],
            _key_fact(s, articles[s.article]),
            min(word_count(s.text) / 40.0, 1.5),
            quoted_share(s.text),
            1.0 if any(t in CUE_WORDS for t in tokens(s.text)) else 0.0,
            1.0 if any(map(str.isdigit, s.text)) else 0.0,
        )
    return rows


# ---------------------------------------------------------------- key facts (word level)


def _story_words(
    articles: Sequence[Article], pool: list[_Sentence]
) -> tuple[list[str], np.ndarray]:
    """The story's content words and their ``WORD_FEATURES`` rows (one pass over the
    sentences, then one column at a time: a story of hundreds of articles has thousands of
    words)."""
    originals = [i for i, a in enumerate(articles) if a.duplicate_of is None]
    n_outlets = max(len(originals), 1)
    titles = [content_words(articles[i].title or "") for i in originals if articles[i].title]
    in_titles: Counter[str] = Counter(w for t in titles for w in t)
    outlets: dict[str, set[int]] = {}
    leads: dict[str, set[int]] = {}
    first: dict[str, int] = {}
    counts: Counter[str] = Counter()
    names: set[str] = set()
    for s in pool:
        if articles[s.article].duplicate_of is not None:
            continue
        counts.update(w for w in tokens(s.text) if w in s.words)
        names |= _names(s.text)
        for w in s.words:
            outlets.setdefault(w, set()).add(s.article)
            if first.get(w, s.position) >= s.position:
                first[w] = s.position
            if s.position == 0:
                leads.setdefault(w, set()).add(s.article)
    vocabulary = sorted(counts)
    share = np.asarray([len(outlets[w]) for w in vocabulary], dtype=float) / n_outlets
    rows = np.column_stack(
        [
            np.ones(len(vocabulary)),
            share,
            (share == 1.0) & (n_outlets > 1),
            np.asarray([in_titles[w] for w in vocabulary], dtype=float) / max(len(titles), 1),
            np.asarray([len(leads.get(w, ())) for w in vocabulary], dtype=float) / n_outlets,
            1.0 / (1.0 + np.asarray([first[w] for w in vocabulary], dtype=float)),
            np.log1p(np.asarray([counts[w] for w in vocabulary], dtype=float)),
            [w.isdigit() for w in vocabulary],
            [w in names for w in vocabulary],
        ]
    ).astype(float)
    return vocabulary, rows.reshape(len(vocabulary), len(WORD_FEATURES))


def word_probabilities(
    articles: Sequence[Article], options: SummaryOptions | None = None
) -> dict[str, float]:
    """Each content word of the story with its probability of being in a summary of it."""
    opts = options or SummaryOptions()
    vocabulary, rows = _story_words(articles, _collect(articles))
    if not vocabulary:
        return {}
    p = 1.0 / (1.0 + np.exp(-(rows @ np.asarray(opts.word_weights))))
    return dict(zip(vocabulary, (float(x) for x in p), strict=True))


def _names(text: str) -> set[str]:
    """Folded capitalised words that do not open the sentence (likely names)."""
    names: set[str] = set()
    for w in WORD_RE.findall(text)[1:]:
        if w[:1].isupper():
            folded = w.lower() if w.isascii() else next(iter(tokens(w)), "")
            if folded:
                names.add(folded)
    return names


# ---------------------------------------------------------------- selection


@dataclass(frozen=True)
class _Shape:
    """What the selection needs of a candidate: budget words, tokens, its content words."""

    words: int
    tokens: int
    function: int  # function-word tokens
    content: frozenset[str]


def _shape(s: _Sentence) -> _Shape:
    toks = tokens(s.text)
    function = sum(1 for t in toks if t not in s.words)
    return _Shape(word_count(s.text), len(toks), function, s.words)


def _expected_f(
    chosen: Sequence[int], shapes: Sequence[_Shape], prob: dict[str, float], opts: SummaryOptions
) -> float:
    """Expected unigram F1 of a set of sentences against an unseen good summary."""
    content: set[str] = set()
    n_tokens = function = 0
    for k in chosen:
        content |= shapes[k].content
        n_tokens += shapes[k].tokens
        function += shapes[k].function
    hits = sum(prob.get(w, 0.0) for w in content) + opts.function_rate * min(
        function, opts.function_cap
    )
    return 2.0 * hits / (n_tokens + opts.reference_tokens) if n_tokens else 0.0


CONSENSUS_ARTICLES = 40
"""The ``consensus`` set feature reads at most this many of a story's original articles, spread
evenly over the story's order: a mean over them, at a bounded cost in a story of thousands."""


class _Consensus:
    """Mean unigram F1 of a candidate summary against each of the story's original articles
    (title and text), every token counted as ROUGE counts it, function words included and
    counts clipped: how much of what the outlets wrote the summary says in their words. Beside
    the key-fact word model (``expected_f``, content words only) it ranks a story's possible
    summaries better: fitted on NeUS train (``bench/train_summarizer.py``), held-out train
    ROUGE-1 0.380 -> 0.387 (fitted on the first half of train, the second: 0.373 -> 0.381)."""

    def __init__(self, articles: Sequence[Article], cands: Sequence[_Sentence]) -> None:
        originals = [a for a in articles if a.duplicate_of is None] or list(articles)
        if len(originals) > CONSENSUS_ARTICLES:
            step = len(originals) / CONSENSUS_ARTICLES
            originals = [originals[int(i * step)] for i in range(CONSENSUS_ARTICLES)]
        vocabulary: dict[str, int] = {}
        self.sentences: list[dict[int, int]] = []  # each candidate's word columns and counts
        for cand in cands:
            counts = Counter(tokens(cand.text))
            self.sentences.append(
                {vocabulary.setdefault(w, len(vocabulary)): n for w, n in counts.items()}
            )
        # words x articles: the rows a summary's words pick are contiguous
        self.counts = np.zeros((len(vocabulary), len(originals)))
        self.lengths = np.zeros(len(originals))
        for j, article in enumerate(originals):
            words = text_tokens(" ".join([article.title or "", *article.paragraphs]))
            self.lengths[j] = len(words)
            for word, n in Counter(words).items():
                row = vocabulary.get(word)
                if row is not None:
                    self.counts[row, j] = n

    def __call__(self, chosen: Sequence[int]) -> float:
        if not chosen or not len(self.lengths):
            return 0.0
        if len(chosen) == 1:
            merged = self.sentences[chosen[0]]
        else:
            merged = dict(self.sentences[chosen[0]])
            for k in chosen[1:]:
                for column, n in self.sentences[k].items():
                    merged[column] = merged.get(column, 0) + n
        if not merged:
            return 0.0
        summed = np.fromiter(merged.values(), dtype=float, count=len(merged))
        rows = self.counts[np.fromiter(merged, dtype=np.intp, count=len(merged))]
        overlap = np.minimum(rows, summed[:, None]).sum(axis=0)
        return float((2.0 * overlap / (summed.sum() + self.lengths)).mean())


def _set_features(
    chosen: Sequence[int],
    shapes: Sequence[_Shape],
    features: np.ndarray,
    gram: np.ndarray,
    prob: dict[str, float],
    cands: Sequence[_Sentence],
    n_outlets: int,
    words: int,
    opts: SummaryOptions,
    consensus: Callable[[Sequence[int]], float],
) -> np.ndarray:
    sizes = np.asarray([shapes[k].words for k in chosen], dtype=float)
    rows = features[list(chosen)]
    overlap = max((float(gram[i, j]) for i in chosen for j in chosen if i < j), default=0.0)
    return np.concatenate(
        [
            [
                _expected_f(chosen, shapes, prob, opts),
                sizes.sum() / words,
                len(chosen) / 4.0,
                len({cands[k].article for k in chosen}) / max(n_outlets, 1),
                overlap,
            ],
            (sizes @ rows[:, 1:]) / words,
            [consensus(chosen)],
        ]
    )


def _select(
    cands: list[_Sentence],
    features: np.ndarray,
    gram: np.ndarray,
    prob: dict[str, float],
    words: int,
    opts: SummaryOptions,
    *,
    consensus: Callable[[Sequence[int]], float],
    n_outlets: int = 1,
    all_sets: bool = False,
) -> list[list[int]]:
    """Beam search for the set of sentences inside the word budget that the set scorer ranks
    best; no two chosen sentences state the same fact, and a sentence opening with a pronoun
    for someone named before comes only after the sentence before it (``_predecessors``).
    Returns the chosen set (or, with ``all_sets``, every set visited, for fitting the scorer).

    The best single sentence is taken even when it alone is over the budget.
    """
    shapes = [_shape(c) for c in cands]
    budget = max(words, 1)
    weights = np.asarray(opts.set_weights)

    def value(chosen: tuple[int, ...]) -> float:
        row = _set_features(
            chosen, shapes, features, gram, prob, cands, n_outlets, budget, opts, consensus
        )
        return float(row @ weights)

    pairs: dict[tuple[int, int], bool] = {}  # the search meets each pair many times

    def repeats(k: int, c: int) -> bool:
        key = (k, c) if k < c else (c, k)
        found = pairs.get(key)
        if found is None:
            found = pairs[key] = (
                float(gram[k, c]) >= opts.redundancy
                or same_fact(cands[k].text, cands[c].text, words=cands[k].words)
                or same_fact(cands[c].text, cands[k].text, words=cands[c].words)
            )
        return found

    def clash(k: int, chosen: tuple[int, ...]) -> bool:
        return any(repeats(k, c) for c in chosen)

    after = _predecessors(cands)
    fitting = [k for k in range(len(cands)) if shapes[k].words <= words and after[k] != -1]
    if not fitting:  # nothing fits: the best single sentence, shorter first on ties
        alone = [k for k in range(len(cands)) if after[k] != -1] or range(len(cands))
        return [[max(alone, key=lambda k: (value((k,)), -shapes[k].words))]]
    beam: list[tuple[int, ...]] = [()]
    best: tuple[int, ...] = ()
    best_value = -np.inf
    seen: set[tuple[int, ...]] = set()
    while beam:
        grown: list[tuple[float, tuple[int, ...]]] = []
        for chosen in beam:
            used = sum(shapes[k].words for k in chosen)
            for k in fitting:
                if k in chosen or used + shapes[k].words > words or clash(k, chosen):
                    continue
                if after[k] is not None and after[k] not in chosen:
                    continue
                state = tuple(sorted((*chosen, k)))
                if state in seen:
                    continue
                seen.add(state)
                grown.append((value(state), state))
        grown.sort(key=lambda g: (-g[0], g[1]))
        beam = [state for _, state in grown[: opts.beam]]
        if grown and grown[0][0] > best_value:
            best_value, best = grown[0]
    if all_sets:
        return [list(s) for s in sorted(seen)]
    return [list(best)]


def candidate_sets(
    articles: Sequence[Article], *, words: int = 60, options: SummaryOptions | None = None
) -> tuple[list[str], list[list[int]], np.ndarray]:
    """For fitting the set scorer: the story's candidate sentences, the sets of them a search
    visits, and each set's ``SET_FEATURES`` row."""
    opts = options or SummaryOptions()
    pool, cands, gram, features, _ = _prepare(articles, opts)
    if not cands:
        return [], [], np.zeros((0, len(SET_FEATURES)))
    prob, n_outlets = _word_model(articles, pool, opts)
    search = replace(opts, beam=10_000)  # exhaustive
    consensus = _Consensus(articles, cands)
    sets = _select(
        cands,
        features,
        gram,
        prob,
        words,
        search,
        consensus=consensus,
        n_outlets=n_outlets,
        all_sets=True,
    )
    shapes = [_shape(c) for c in cands]
    budget = max(words, 1)
    rows = np.asarray(
        [
            _set_features(
                s, shapes, features, gram, prob, cands, n_outlets, budget, opts, consensus
            )
            for s in sets
        ]
    )
    return [c.text for c in cands], sets, rows


def _word_model(
    articles: Sequence[Article], pool: list[_Sentence], opts: SummaryOptions
) -> tuple[dict[str, float], int]:
    vocabulary, rows = _story_words(articles, pool)
    n_outlets = sum(1 for a in articles if a.duplicate_of is None)
    if not vocabulary:
        return {}, n_outlets
    p = 1.0 / (1.0 + np.exp(-(rows @ np.asarray(opts.word_weights))))
    return dict(zip(vocabulary, (float(x) for x in p), strict=True)), n_outlets


def _sources(s: _Sentence, pool: list[_Sentence], articles: Sequence[Article]) -> list[str]:
    """Every article that states the sentence's fact: its own, and each whose sentence (or, for
    a duplicate never parsed into sentences, whose text) states the same fact."""
    ids = {articles[s.article].id}
    for j, article in enumerate(articles):
        if article.id in ids or article.sentences or not _related(articles, s.article, j):
            continue
        body = " ".join(article.paragraphs)
        if s.text in body or same_fact(s.text, body, words=s.words, fuzzy=False):
            ids.add(article.id)
    for other in pool:
        if articles[other.article].id not in ids and same_fact(
            s.text, other.text, words=s.words, other_words=other.words, fuzzy=False
        ):
            ids.add(articles[other.article].id)
    return sorted(ids)


def _prepare(
    articles: Sequence[Article], opts: SummaryOptions
) -> tuple[list[_Sentence], list[_Sentence], np.ndarray, np.ndarray, bool]:
    pool = _collect(articles)
    cands = [s for s in pool if _is_candidate(s, articles, opts)]
    fallback = not cands
    if fallback:  # nothing passes the filters: any original sentence of some length with a
        # finite verb ("Thank you." and "Getty/Instagram." are no summary)
        originals = [s for s in pool if articles[s.article].duplicate_of is None] or pool
        cands = [
            s for s in originals if not s.span.verbless and word_count(s.text) >= opts.min_words
        ] or originals
    if not cands:
        return pool, [], np.zeros((0, 1)), np.zeros((0, len(FEATURES))), fallback
    if not fallback:
        stale = _superseded(articles)
        cands = [s for s in cands if not stale(s)] or cands
    shortened = [] if fallback else _shortened(cands, articles, opts)
    titles = [a.title for a in articles if a.title and a.duplicate_of is None]
    vectors = _vectors([*(s.words for s in pool), *titles], [s.words for s in shortened])
    vec_p, vec_t = vectors[: len(pool)], vectors[len(pool) : len(pool) + len(titles)]
    row = {id(s): k for k, s in enumerate(pool)}
    first = len(pool) + len(titles)  # the shortened sentences' rows follow the titles'
    rows = [row[id(s)] for s in cands] + list(range(first, first + len(shortened)))
    cands = cands + shortened
    vec_c = vectors[rows]
    features = _features(cands, pool, vec_c, vec_p, vec_t, articles)
    return pool, cands, (vec_c @ vec_c.T).toarray(), features, fallback


def _shortened(
    cands: Sequence[_Sentence], articles: Sequence[Article], opts: SummaryOptions
) -> list[_Sentence]:
    """Each candidate cut short at its ``SentenceSpan.cuts`` (the parse's trailing clauses that
    only add to it: ", smashing the daily record …"), as a candidate of its own, unless the
    clause states one of the article's claimed figures (", with 310 people now confirmed
    dead"): the figures are what a reader of the brief checks. Fitted on NeUS
    train with them (``bench/train_summarizer.py``), a 60-word summary has room for one more
    fact more often: held-out train ROUGE-1 0.387 -> 0.390, NeUS val 0.387 -> 0.390."""
    out: list[_Sentence] = []
    for s in cands:
        article = articles[s.article]
        paragraph = article.paragraphs[s.span.paragraph]
        figures = [
            c.text
            for c in article.claims
            if c.paragraph == s.span.paragraph and c.text and c.text in s.text
        ]
        for cut in s.span.cuts:
            if any(f in paragraph[cut : s.span.end] for f in figures):
                continue  # a claimed figure is a key fact: never cut away
            text = strip_dateline(paragraph[s.span.start : cut])
            words = content_words(text)
            if (
                word_count(text) >= opts.min_words
                and len(words) >= 3
                and not _is_quote_fragment(text, opts)
            ):
                out.append(_Sentence(s.article, s.position, s.span, text, words, cut=True))
    return out


def _superseded(articles: Sequence[Article]) -> Callable[[_Sentence], bool]:
    """Whether a sentence states only figures a later report updated ("The toll stood at 40
    as of Thursday" in a story whose toll reached 310 on Tuesday): a summary of a story told
    over days says where it stands, and the figures section keeps the earlier values with
    their dates. A sentence that also states the latest value ("rose from 40 to 310") stays.
    Updates are the reconciled figure groups' (``reconcile.figure_groups``)."""
    from newsbrief.reconcile import compatible, figure_groups

    ids = {a.id: i for i, a in enumerate(articles)}
    old: dict[int, set[str]] = {}  # article -> sentences stating an updated value
    new: dict[int, set[str]] = {}  # ... stating the latest (or an undated) value
    for figure in figure_groups(articles):
        dated = [c for c in figure.claims if c.as_of]
        if figure.status != "update" or not dated:
            continue
        latest = max(str(c.as_of) for c in dated)
        current = [c for c in dated if c.as_of == latest]
        for claim in figure.claims:
            is_old = claim.as_of is not None and claim.as_of < latest
            if is_old and any(compatible(claim, c) for c in current):
                continue
            for source in claim.sources:
                i = ids.get(source)
                if i is None:
                    continue
                sentences = {
                    c.sentence
                    for c in articles[i].claims
                    if c.value == claim.value and c.as_of == claim.as_of
                }
                (old if is_old else new).setdefault(i, set()).update(sentences)

    def stale(s: _Sentence) -> bool:
        said = old.get(s.article, set())
        return any(_states(s.text, t) for t in said) and not any(
            _states(s.text, t) for t in new.get(s.article, set())
        )

    return stale


CUT_MARK = " …"
"""Ends a summary sentence cut short (``_shortened``): the reader sees the source goes on."""


def _day_key(article: Article) -> tuple[bool, str]:
    """Undated articles last; the others by publication date."""
    return article.published is None, article.published or ""


def _person_names(articles: Sequence[Article]) -> dict[str, str]:
    """Surname of each person's name written out in the story ("Jeff Zucker" -> "Zucker"),
    from the articles' PERSON entities."""
    names: dict[str, str] = {}
    for article in articles:
        for entity in article.entities:
            parts = entity.text.split()
            if entity.label == "PERSON" and len(parts) > 1 and parts[-1][:1].isupper():
                names[entity.text] = parts[-1]
    return names


def _names_introduced_first(
    order: Sequence[T],
    texts: Sequence[str],
    days: Sequence[object],
    sources: Sequence[int],
    names: dict[str, str],
) -> list[T]:
    """``order`` with a sentence that writes a person's name out moved before a sentence of
    another article of the same day that gives only the surname ("Zucker responded …" after
    "CNN President Jeff Zucker …"): among articles of one day (or undated) the order is only
    the input's, and a reader should meet the person before the surname. Sentences of
    different days keep their time order, and one article's sentences their reading order;
    a surname some sentence already placed wrote out needs nothing more."""

    def written(word: str, text: str) -> bool:  # as a whole word ("Zucker", not "Zuckerberg")
        return re.search(rf"\b{re.escape(word)}\b", text) is not None

    full = [{surname for name, surname in names.items() if written(name, t)} for t in texts]
    bare = [
        {surname for surname in set(names.values()) if written(surname, t)} - full[i]
        for i, t in enumerate(texts)
    ]
    left = list(range(len(order)))
    out: list[int] = []
    introduced: set[str] = set()

    def ready(i: int) -> bool:
        if any(j < i and sources[j] == sources[i] for j in left):  # reading order
            return False
        wanted = bare[i] - introduced
        return not any(
            sources[j] != sources[i]
            and days[j] == days[i]
            and wanted & full[j]
            and not bare[j] & full[i]
            for j in left
        )

    while left:
        chosen = next((i for i in left if ready(i)), left[0])
        out.append(chosen)
        left.remove(chosen)
        introduced |= full[chosen]
    return [order[i] for i in out]


def summarize(
    articles: Sequence[Article], *, words: int = 60, options: SummaryOptions | None = None
) -> list[SummarySentence]:
    """An extractive summary of ``articles`` of at most ``words`` words (at least one sentence).

    Each sentence is verbatim from one article and cites every article that states it.
    """
    opts = options or SummaryOptions()
    pool, cands, gram, features, _ = _prepare(articles, opts)
    if not cands:
        return []
    prob, n_outlets = _word_model(articles, pool, opts)
    consensus = _Consensus(articles, cands)
    picked = _select(
        cands, features, gram, prob, words, opts, consensus=consensus, n_outlets=n_outlets
    )[0]
    picked.sort(
        key=lambda k: (*_day_key(articles[cands[k].article]), cands[k].article, cands[k].position)
    )
    after = _predecessors(cands)
    blocks: list[list[int]] = []  # a sentence that leans on the one before stays right after it
    for k in picked:
        if blocks and after[k] == blocks[-1][-1]:
            blocks[-1].append(k)
        else:
            blocks.append([k])
    blocks = _names_introduced_first(
        blocks,
        [" ".join(cands[k].text for k in b) for b in blocks],
        [_day_key(articles[cands[b[0]].article]) for b in blocks],
        [cands[b[0]].article for b in blocks],
        _person_names([articles[cands[k].article] for k in picked]),
    )
    picked = [k for b in blocks for k in b]
    return [
        SummarySentence(
            text=cands[k].text + (CUT_MARK if cands[k].cut else ""),
            sources=_sources(cands[k], pool, articles),
        )
        for k in picked
    ]
