"""Quotes with their speakers: direct, mixed and indirect speech from one parse.

Direct quotes are found from the quotation marks (``quotemarks``). A marked span counts as
speech when it is sentence-like (four words with a verb, or two words ending in punctuation
inside the marks) or has a speech cue and two words or more; titles ("on “Morning Harbour”"),
nicknames and spans named by "so-called", "titled" and the like are not speech ("called" with
a subject of its own characterises: 'the ministry called it “pure invention”'). A span embedded
in running text ("the plan was "dead"") is a partial quote: the reported clause around it, or
the object of a characterising verb, becomes one ``mixed`` quote.

One attribution is one quote: pieces split by their attribution ('“A,” she said. “B.”'), a bare
quote paragraph after an attributed one, and a quote running over several paragraphs (each
opening with a mark, only the last closing) are one record whose ``parts`` list every piece;
``text`` joins their words.

Indirect speech is the clausal complement of a cue verb ("Vask said the bridge would close"),
the clause around "according to X", or the words after "X read:"/"X said:" when unquoted.
Speakers: the cue's subject outside the quote (or the name after an inverted cue, a colon or
a dash), resolved by ``speakers`` (pronouns, roles, surnames) and by the article's named
mentions; ambiguous cases stay unresolved.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field

from spacy.attrs import LEMMA, LOWER
from spacy.tokens import Doc, Span, Token

from newsbrief.extract.entities import NameResolver, build_resolver, normalise_mention
from newsbrief.extract.gender import Gender, agrees, person_genders
from newsbrief.extract.quotemarks import (
    TITLE_PREPOSITIONS,
    WORK_NOUNS,
    MarkedSpan,
    is_title,
    nickname,
    possessive,
    quote_spans,
)
from newsbrief.extract.speakers import (
    GROUP_PRONOUNS,
    ORG_PRONOUNS,
    ORG_ROLE_HEADS,
    PERSON_PRONOUNS,
    RoleMap,
    Speaker,
    compatible,
    noun_phrase,
    personal_noun,
    phrase_kind,
    subject_of,
    titled_name,
)
from newsbrief.model import Entity, Quote, QuoteKind, TextSpan
from newsbrief.nlp import ParsedArticle, doc_text


def _wordset(text: str) -> frozenset[str]:
    """Whitespace-separated words as a set (for long word lists)."""
    return frozenset(text.split())


#: Lemmas of verbs that introduce speech or writing.
SPEECH_VERBS = _wordset(
    """say tell add warn urge insist write tweet post ask claim state explain note argue declare
    announce acknowledge admit confirm deny reply respond continue read recall suggest predict
    promise vow pledge complain concede contend maintain observe remark comment assert allege
    caution stress emphasise emphasize testify shout scream whisper mutter quip joke boast lament
    recount reveal disclose estimate demand propose retort counter conclude inform threaten
    agree charge plead exclaim recommend answer clarify hint indicate report describe
    acknowledge write blog predict reiterate repeat question wonder bark yell interject
    interrupt cry mock snap gush muse rail fume sneer thunder roar proclaim chime beam laugh
    sigh smile grin retaliate react"""
)
#: Verb + particle cues: "she shot back", "he pointed out".
SPEECH_PARTICLES = {
    "shoot": "back",
    "fire": "back",
    "hit": "back",
    "point": "out",
    "weigh": "in",
    "chime": "in",
    "lash": "out",
    "go": "on",
    "cry": "out",
}
_SAID_FORMS = frozenset({"said", "says", "saying", "told", "added", "wrote", "asked", "tweeted"})
_CUE_WORDS = _SAID_FORMS | {"according", "put"}
_CUE_LEMMAS = SPEECH_VERBS | frozenset(SPEECH_PARTICLES)
#: Verbs that attribute the words of a partial quote in their object to their subject:
#: "Cruz called Trump a “liar”", "she described the plan as “dead”".
CHARACTERISING_VERBS = _wordset(
    """call describe label brand dub term characterise characterize attack praise hail blast
    slam dismiss decry denounce criticise criticize accuse liken compare cite proclaim reference
    chant sing find mock deride condemn welcome refer portray paint tout lambaste blame thank
    applaud question reject defend tout promote urge use invoke quote echo herald emphasise
    emphasize invite share hammer hit contradict offer press highlight ridicule scoff bemoan
    celebrate congratulate rebuke chide scold fault credit express voice raise shrug"""
)
#: Multi-word cues, matched on lower-cased token text.
SPEECH_PHRASES = ("according to",)
#: Words before a marked span that make it a name or term, not speech.
NAMING_WORDS = _wordset(
    """called so-called dubbed titled entitled named nicknamed labelled labeled term word
    phrase slogan hashtag branded"""
)
#: Cues whose object is the listener: a title-case span after them is who heard, not speech.
LISTENING_CUES = _wordset("told tell tells telling")
#: Nouns a marked span set after them with a comma names: "the charged term, “radical Islam,”".
NAMING_NOUNS = _wordset("term word phrase slogan hashtag motto label nickname catchphrase")
PRONOUNS = PERSON_PRONOUNS | ORG_PRONOUNS | GROUP_PRONOUNS

_ENDS_LIKE_SPEECH = re.compile(r"[.,!?…;:]\W*$")
_END_MARK_RE = re.compile(r"[.!?…]\W*$")
_MARK_CHARS = " \t\n\"'“”‘’„«»"


# ---------------------------------------------------------------- candidates


@dataclass
class Candidate:
    """A quote before speaker resolution."""

    kind: QuoteKind
    paragraph: int
    start: int
    end: int
    text: str
    cue: Token | None = None
    subject: Token | None = None
    colon_subject: Token | None = None
    run_on: bool = False
    cue_paragraph: int | None = None  # set when the cue sits in another paragraph
    parts: list[tuple[int, int, int]] = field(default_factory=list)

    def pieces(self) -> list[tuple[int, int, int]]:
        """(paragraph, start, end) of every piece: ``parts``, or the one span."""
        return self.parts or [(self.paragraph, self.start, self.end)]


def _tokens(doc: Doc, start: int, end: int) -> Span | None:
    return doc.char_span(start, end, alignment_mode="expand")


def _masks(doc: Doc, spans: Sequence[MarkedSpan]) -> set[int]:
    inside: set[int] = set()
    for s in spans:
        span = _tokens(doc, max(0, s.start - 1), min(len(doc_text(doc)), s.end + 1))
        if span is not None:
            inside.update(range(span.start, span.end))
    return inside


def cue_candidates(doc: Doc) -> list[int]:
    """Indices of the tokens ``is_cue`` may accept, in order: those whose word is "according",
    "put" or a said-form, or whose lemma is a speech verb or particle verb. Read from the Doc's
    word and lemma columns, each distinct one looked up once, so ``is_cue`` runs on a few
    tokens of a paragraph instead of on every one (per 300 PolNeAR texts 0.2-0.3 CPU s against
    0.3-0.5 s)."""
    if len(doc) == 0:
        return []
    strings = doc.vocab.strings
    rows = doc.to_array([LOWER, LEMMA]).tolist()
    words = {w for w in {w for w, _ in rows} if strings[w] in _CUE_WORDS}
    lemmas = {m for m in {m for _, m in rows} if strings[m].lower() in _CUE_LEMMAS}
    return [i for i, (w, m) in enumerate(rows) if w in words or m in lemmas]


def is_cue(token: Token) -> bool:
    """A speech cue verb (or the 'according' of 'according to')."""
    if token.lower_ == "according":
        return token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ == "to"
    nxt = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    if token.lower_ == "put":
        return nxt is not None and nxt.lower_ == "it"  # "as the minister put it"
    lemma = token.lemma_.lower()
    if lemma in SPEECH_PARTICLES:
        return nxt is not None and nxt.lower_ == SPEECH_PARTICLES[lemma]
    if lemma not in SPEECH_VERBS and not _said_form(token.lower_):
        return False
    if lemma == "read":  # 'the sign read: “…”', not 'she read the report'
        return not any(c.dep_ == "dobj" for c in token.children)
    return token.pos_ in {"VERB", "AUX"} or token.tag_.startswith("VB") or _said_form(token.lower_)


def _cue_near(doc: Doc, span: Span, inside: set[int], sents: Sequence[Span]) -> Token | None:
    """The cue the quote depends on ('saying: “…” and vowing …' → saying), else the cue
    nearest the quote within the given sentences, outside every quote."""
    lead = _leading_cue(doc, span, inside)
    if lead is not None:
        return lead
    tok = span.root
    for _ in range(4):
        if tok.head is tok:
            break
        tok = tok.head
        if tok.i not in inside and not (span.start <= tok.i < span.end):
            if is_cue(tok):
                return _nearer_cue(tok, span, inside) or tok
            break
    best: tuple[int, Token] | None = None
    for sent in sents:
        for tok in sent:
            if tok.i in inside or not is_cue(tok):
                continue
            dist = span.start - tok.i if tok.i < span.start else tok.i - span.end
            if best is None or dist < best[0]:
                best = (dist, tok)
    return best[1] if best else None


def _leading_cue(doc: Doc, span: Span, inside: set[int]) -> Token | None:
    """A cue that introduces the quote with a colon or comma right before its marks ('Trump
    said: “…,” the Times reported'): the quote is its speaker's, whatever cue governs the
    sentence (the one after it relays the report)."""
    i = span.start - 1
    while i >= 0 and (doc[i].is_quote or doc[i].is_space):
        i -= 1
    if i < 1 or doc[i].text not in {":", ","}:
        return None
    cue = doc[i - 1]
    if cue.i in inside or not is_cue(cue):
        return None
    # with a subject of its own: a participle ('…, adding, “…”') takes its subject from a
    # clause the parser may have chosen wrongly
    return cue if any(c.dep_ in {"nsubj", "nsubjpass"} for c in cue.children) else None


def _nearer_cue(head: Token, span: Span, inside: set[int]) -> Token | None:
    """A speech verb with a subject of its own between the governing cue and the quote: it is
    the quote's attribution ('the ad ends with footage of Vask saying, “…”' → saying)."""
    for tok in reversed(head.doc[head.i + 1 : span.start]):
        if tok.sent.start != head.sent.start:
            break
        if tok.i in inside or not is_cue(tok):
            continue
        if any(c.dep_ in {"nsubj", "nsubjpass"} and c.i not in inside for c in tok.children):
            return tok
    return None


_SUBORDINATE = frozenset({"advcl", "relcl", "acl", "pcomp", "prep", "pobj"})
_TOPIC_OR_LISTENER = frozenset({"on", "about", "over", "to", "at", "against"})
"""Prepositions whose object, before a colon and a quote, is what or whom the speaker talks
about or to, not the speaker."""


def _colon_subject(doc: Doc, before: int, inside: set[int]) -> Token | None:
    """For 'Vask, in a statement: “…”' or a title 'Mayor to council: “…”': the named subject."""
    i = before - 1
    while i >= 0 and (doc[i].is_space or doc[i].is_quote):
        i -= 1
    if i < 0 or doc[i].text != ":":
        return None
    sent = doc[i].sent
    seg = [t for t in doc[sent.start : i] if t.i not in inside]
    subjects = [t for t in seg if t.dep_ in {"nsubj", "nsubjpass"}]
    # the main clause's subject, not one in a clause before it ("With leaders worried, Vask
    # is rolling out a message: “…”")
    in_seg = {t.i for t in seg}
    main = [
        t
        for t in subjects
        if not any(a.i in in_seg and a.dep_ in _SUBORDINATE for a in (t.head, *t.head.ancestors))
    ]
    last = next((t for t in reversed(seg) if not (t.is_punct or t.is_space)), None)
    if last is not None and (
        (last.dep_ == "pobj" and last.head.lower_ == "from")
        or (
            (last.ent_type_ in {"PERSON", "ORG"} or last.pos_ == "PROPN")
            # a name ending a clause that has its own subject, as the object of a
            # preposition ('Bush explained it to the newspaper NRC: “…”'), is not the speaker
            and not (main and last.dep_ == "pobj")
            # nor the topic or the listener of a headline ('CNN President on Trump: “…”',
            # 'Mayor Crane to Lena Vask: “…”'); 'Statement by Lena Vask: “…”' names her
            and not (last.dep_ == "pobj" and last.head.lower_ in _TOPIC_OR_LISTENER)
        )
    ):
        return last  # 'pollster Daron Shaw: “…”', 'From the report: “…”'
    if main or subjects:
        return (main or subjects)[0]
    for t in seg:
        if (
            t.pos_ in {"PROPN", "NOUN", "PRON"}
            and t.dep_ not in {"pobj", "compound", "poss"}
            and t.ent_type_ not in {"DATE", "TIME"}  # 'Later that month on CNN: “…”'
        ):
            return t
    return None


_NAME_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP"})
_WH_WORDS = frozenset({"how", "why", "what", "who", "when", "where", "inside"})
_THIRD_PERSON = frozenset({"he", "him", "his", "she", "her", "hers"})
_FIRST_PERSON = frozenset({"i", "me", "my", "mine", "we", "us", "our", "ours"})


def _headline_subject(doc: Doc, text: str, m: MarkedSpan) -> Token | None:
    """A headline opening with a quote and a colon names who said it as the active subject of
    what follows: "‘Not going to happen’: Pelosi rejects …". Only a name or a word for people
    ("Weinstein accusers"): in "'Down, down, down': Stocks sink …" the quote is a caption of
    the news, not speech. Not a passive subject ("… Pompeo slammed for …"), not one of what
    will happen ("voters to decide …"), not in the outlet's own question ("Why Trump waved
    the white flag"), and not when the quote speaks of a "he" or "she" and never of "I" or
    "we". Title Case headlines parse as one long name, and get none."""
    if text[: m.start].strip(" \t‘'\"“") or not text[m.end :].lstrip(" ’'\"”").startswith(":"):
        return None
    colon = next((t for t in doc if t.idx >= m.end and t.text == ":"), None)
    if colon is None:
        return None
    verb = next((t for t in doc[colon.i + 1 :] if t.pos_ in {"VERB", "AUX"}), None)
    if verb is None:
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.i < colon.i or _headline_passive(verb):
        return None  # a passive subject is the target: "Pompeo slammed for …"
    if any(t.pos_ == "ADP" for t in doc[colon.i + 1 : verb.i]):
        return None  # "Trump bristles at report staff flagged …": a misread verb
    if any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return None  # "Georgia voters to decide …": what will happen, not who spoke
    if doc[colon.i + 1].lower_ in _WH_WORDS:
        return None  # "How Trump's fight …", "Why Trump waved …": the outlet's own question
    words = {w.lower() for w in re.findall(r"[A-Za-z]+", text[m.start : m.end])}
    if words & _THIRD_PERSON and not words & _FIRST_PERSON:
        return None  # "'He was America's hero': McCain makes final trip": said of him
    named = subject.pos_ == "PROPN" or subject.ent_type_ in _NAME_TYPES
    return subject if named or personal_noun(subject) else None


def _headline_passive(verb: Token) -> bool:
    """A headline's reduced passive: a participle with no object, last or before "for", "by"
    or "over" ("Pompeo slammed for address", "policies attacked")."""
    if verb.tag_ not in {"VBN", "VBD"} or any(c.dep_ == "dobj" for c in verb.children):
        return False
    after = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    return after is None or after.is_punct or after.lower_ in {"for", "by", "over", "after"}


_DASH_NAME = re.compile(r"[^\S\n]*[―—–-][^\S\n]*([^\n]{2,80}?)[^\S\n.]*\.?[^\S\n]*(?:\n|$)")


def _dash_subject(doc: Doc, text: str, m: MarkedSpan) -> Token | None:
    """'“…” ― Lena Vask': the name after a dash that ends the quote's line."""
    found = _DASH_NAME.match(text, m.end + 1)
    if found is None:
        return None
    span = _tokens(doc, found.start(1), found.end(1))
    if span is None:
        return None
    names = [t for t in span if t.ent_type_ in {"PERSON", "ORG"}]
    if names:
        return names[0]
    proper = [t for t in span if t.pos_ == "PROPN"]
    return proper[-1] if proper and len(span) <= 6 else None


def _sentence_like(span: Span, text: str) -> tuple[bool, int]:
    words = [t for t in span if not (t.is_punct or t.is_space)]
    has_verb = any(t.pos_ in {"VERB", "AUX"} for t in words)
    ends = bool(_ENDS_LIKE_SPEECH.search(text.rstrip()))
    return (len(words) >= 4 and has_verb) or (ends and len(words) >= 2), len(words)


def _display_line(text: str, m: MarkedSpan) -> bool:
    """A paragraph that is nothing but one quoted phrase with no end mark and no cue: a
    subheading or pull quote set in quote marks (‘The whole ridge was burning’), which repeats
    words said elsewhere in the article rather than reporting them here. Taken as speech, it
    would borrow the last speaker named above it."""
    before, after = text[: m.start], text[m.end :]
    if before.strip(_MARK_CHARS) or after.strip(_MARK_CHARS):
        return False
    return not _END_MARK_RE.search(text[m.start : m.end].rstrip())


def _previous_word(text: str, start: int) -> tuple[str, str]:
    """The character and the word right before an opening mark, on the same line."""
    head = text[: max(0, start - 1)]
    head = head[head.rfind("\n") + 1 :].rstrip().rstrip("'‘").rstrip()  # '' marks: two chars
    if not head:
        return "", ""
    word = re.split(r"\s+", head)[-1].strip("\"'“”‘’").lower()
    return head[-1], word


def _direct(
    index: int, doc: Doc, text: str, marked: Sequence[MarkedSpan]
) -> tuple[list[Candidate], list[MarkedSpan]]:
    """Direct-quote candidates of one paragraph, and the embedded (partial) spans."""
    inside = _masks(doc, marked)
    found: list[Candidate] = []
    embedded: list[MarkedSpan] = []
    for m in marked:
        words = text[m.start : m.end]
        span = _tokens(doc, m.start, m.end)
        if span is None or not words.strip():
            continue
        sentence_like, n_words = _sentence_like(span, words)
        prev_char, prev_word = _previous_word(text, m.start)
        if sum(t.is_alpha for t in span) < 1 or nickname(text, m):
            continue
        if prev_word in NAMING_WORDS or prev_word.rstrip(",:") in NAMING_NOUNS:
            if _characterises(doc, span):
                embedded.append(m)  # 'a figure the ministry called “pure invention”'
            continue
        named = prev_word.rstrip(",:")  # 'his new book, “…,”': the title in apposition
        if is_title(words) and (
            prev_word in TITLE_PREPOSITIONS
            or named in LISTENING_CUES  # 'Fiorina told “Fox and Friends,”': the programme
            or named in WORK_NOUNS
            or possessive(prev_word)
            or _named_noun(doc, span, prev_word)
        ):
            continue  # 'in an interview with “Morning Harbour,”': a programme or book title
        if prev_char.isalnum() and prev_word not in SPEECH_VERBS and not _said_form(prev_word):
            embedded.append(m)
            continue
        sents = _sentences(doc, span)
        cue = _cue_near(doc, span, inside, sents)
        colon = _colon_subject(doc, span.start, inside) if cue is None else None
        if cue is None and colon is None:
            colon = _dash_subject(doc, text, m)
        if cue is None and colon is None and index == -1:
            colon = _headline_subject(doc, text, m)
        if cue is None and colon is None:
            cue = _cue_in_next_sentence(doc, sents[-1], inside) or _cue_in_previous_sentence(
                doc, span, inside
            )
        if not (sentence_like or ((cue is not None or colon is not None) and n_words >= 2)):
            continue
        if cue is None and colon is None and _display_line(text, m):
            continue
        found.append(
            Candidate(
                kind="direct",
                paragraph=index,
                start=m.start,
                end=m.end,
                text=_clean_text(words),
                cue=cue,
                colon_subject=colon,
                run_on=not m.closed,
            )
        )
    return found, embedded


def _characterises(doc: Doc, span: Span) -> bool:
    """A naming word before the marks is a finite verb with its own subject ('the ministry
    called it “pure invention”'), not a participle naming a thing ('a film called “Salt”')."""
    i = span.start - 1
    while i >= 0 and (doc[i].is_punct or doc[i].is_space):
        i -= 1
    verb = doc[i] if i >= 0 else None
    while verb is not None and verb.pos_ not in {"VERB", "AUX"} and verb.head is not verb:
        verb = verb.head  # 'called the plan “a mistake”': from the object up to the verb
        if verb.i < span.start - 6:
            return False
    if verb is None or verb.tag_ not in {"VBD", "VBZ", "VBP"}:
        return False
    return any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children)


def _own_voice(doc: Doc, m: MarkedSpan, cue: Token) -> bool:
    """The partial quote belongs to a relative clause with its own subject inside the cue's
    clause ('X claimed 2,000 died, a figure the ministry called “pure invention”')."""
    span = _tokens(doc, m.start, m.end)
    if span is None:
        return False
    tok: Token = span.root
    for _ in range(8):
        if tok.head is tok or tok.i == cue.i:
            return False
        tok = tok.head
        if tok.pos_ in {"VERB", "AUX"} and not (span.start <= tok.i < span.end):
            return (
                tok.i != cue.i
                and tok.dep_ == "relcl"
                and any(c.dep_ in {"nsubj", "nsubjpass"} for c in tok.children)
            )
    return False


def _said_form(word: str) -> bool:
    return word in _SAID_FORMS


def _sentences(doc: Doc, span: Span) -> list[Span]:
    first = doc[max(0, span.start - 1)].sent
    last = doc[min(len(doc) - 1, span.end)].sent
    if first.start == last.start:
        return [first]
    return [s for s in doc.sents if first.start <= s.start <= last.start]


_TAIL_REACH = 12


def _cue_in_next_sentence(doc: Doc, sent: Span, inside: set[int]) -> Token | None:
    """'“…” She added that …': a following quote-free sentence whose subject says it."""
    if sent.end >= len(doc):
        return None
    nxt = doc[sent.end].sent
    # the cue must come before any quote of that sentence ('“…?” Vask asks as a porter walks
    # in, saying he is “here to fix the wall.”')
    before = next((t.i for t in nxt if t.i in inside), nxt.end)
    # a sentence opening in lower case goes on from the quote ('“…?” a narrator in the ad
    # asks.'): its cue may come after a longer subject; so may one whose subject opens the
    # sentence after a quote that ends without a full stop ('“…!” US Senator Ada Ruiz said
    # as she …'; after '“….”' a new sentence may be someone else's report)
    ending = next((t for t in reversed(sent) if not (t.is_quote or t.is_space)), None)
    open_end = ending is not None and ending.text in {"!", "?", ",", "…"}
    for tok in doc[nxt.start : min(before, nxt.start + _TAIL_REACH)]:
        if not is_cue(tok):
            continue
        subj = subject_of(tok)
        if subj is None:
            if tok.i == nxt.start and tok.is_lower and _after_cue(tok, inside) is not None:
                return tok  # '“…!” wrote a man calling himself Paul.'
            if (
                tok.dep_ == "acl"
                and tok.head.i == nxt.root.i
                and tok.head.pos_ in {"NOUN", "PROPN"}
                and (nxt[0].is_lower or open_end)
            ):
                return tok  # '“…!” the nominee, Ada Ruiz, tweeted Sunday.' parsed as a noun
            continue
        if nxt[0].is_lower or tok.i - nxt.start < 4 or (open_end and subj.left_edge.i == nxt.start):
            return tok
    return None


def _cue_in_previous_sentence(doc: Doc, span: Span, inside: set[int]) -> Token | None:
    """'…, Schiff said. “The other factor is …”': a quote opening its sentence takes the last
    cue with a subject in the sentence before (a speech verb, or 'called him a master')."""
    sent = doc[span.start].sent
    if span.start - sent.start > 1 or sent.start == 0:
        return None
    before = doc[sent.start - 1].sent
    for tok in reversed(before):
        if tok.i in inside:
            continue
        lemma = tok.lemma_.lower()
        if (is_cue(tok) or (lemma in CHARACTERISING_VERBS and tok.pos_ == "VERB")) and (
            subject_of(tok, skip=inside) is not None
        ):
            return tok
    return None


def _named_noun(doc: Doc, span: Span, prev_word: str) -> bool:
    """A title-case quote set after a common noun and a comma names it: 'a psychology class,
    “Perceptions 301,”', 'the new ferry, “Harbour Queen,”' (a speaker's words follow a verb)."""
    if not prev_word.endswith(","):
        return False
    before = next((t for t in reversed(doc[: span.start]) if not t.is_punct), None)
    return before is not None and before.pos_ == "NOUN"


def _clean_text(words: str) -> str:
    return " ".join(words.split()).strip()


def _with_marks(clause: str) -> str:
    """A mixed quote's clause with its quoted words still marked, and marked whole: a clause
    cut inside a quote gets the mark the cut left out ("the plan “a costly mistake" ends with
    ”), and straight double marks become curly ones, opening or closing by position."""
    chars = list(clause)
    for i, c in enumerate(chars):
        if c == '"':
            chars[i] = "“" if i == 0 or chars[i - 1].isspace() or chars[i - 1] in "([—–-" else "”"
    opened = missing = 0
    for c in chars:
        if c == "“":
            opened += 1
        elif c == "”":
            if opened:
                opened -= 1
            else:
                missing += 1  # the quote opened before the clause
    return _clean_text("“" * missing + "".join(chars) + "”" * opened)


def _indirect(
    index: int,
    doc: Doc,
    marked: Sequence[MarkedSpan],
    direct: Sequence[Candidate],
    embedded: Sequence[MarkedSpan],
) -> Iterator[Candidate]:
    """Indirect and mixed quotes: the reported clause of each cue outside quotes."""
    inside = _masks(doc, marked)
    taken = [(c.start, c.end) for c in direct]
    voiced: list[MarkedSpan] = []  # partial quotes with a speaker of their own
    for i in cue_candidates(doc):
        tok = doc[i]
        if i in inside or not is_cue(tok) or _withheld(tok):
            continue
        clause = _reported_clause(tok)
        if clause is None:
            continue
        start, end = clause.start_char, clause.end_char
        if any(a < end and start < b for a, b in taken):
            continue
        words = [t for t in clause if not (t.is_punct or t.is_space)]
        if len(words) < 3 or not any(t.pos_ in {"VERB", "AUX"} for t in words):
            continue
        inner = [m for m in embedded if m.start < end and start < m.end]
        own = [m for m in inner if _own_voice(doc, m, tok)]
        partial = len(own) < len(inner)
        if partial:
            start, end = _cover(start, end, [m for m in inner if m not in own])
        voiced.extend(own)
        text = doc_text(doc)[start:end]
        yield Candidate(
            kind="mixed" if partial else "indirect",
            paragraph=index,
            start=start,
            end=end,
            text=_with_marks(text) if partial else _clean_text(text),
            cue=tok,
        )
        taken.append((start, end))
    for m in embedded:
        if m not in voiced and any(a < m.end and m.start < b for a, b in taken):
            continue
        fallback = (
            (_partial_by_verb(index, doc, m, inside) if m in voiced else None)
            or _partial_in_sentence(index, doc, m, inside)
            or _partial_by_verb(index, doc, m, inside)
        )
        if fallback is not None:
            fallback.start, fallback.end = _cover(fallback.start, fallback.end, embedded)
            fallback.text = _with_marks(doc_text(doc)[fallback.start : fallback.end])
            taken.append((fallback.start, fallback.end))
            yield fallback


_REFUSALS = frozenset({"decline", "refuse"})


def _withheld(cue: Token) -> bool:
    """A speech verb whose words were not said: negated ("did not say whether"), or what
    someone declined or refused to say ("declined to say how large the fund would be")."""
    if any(c.dep_ == "neg" for c in cue.children):
        return True
    # not any negated governor: "could not resist pointing out that…" did point it out
    return cue.dep_ == "xcomp" and cue.head.lemma_.lower() in _REFUSALS


def _cover(start: int, end: int, embedded: Sequence[MarkedSpan]) -> tuple[int, int]:
    """Grow a mixed quote's range over the whole of every partial quote it cuts into."""
    for m in sorted(embedded, key=lambda m: m.start):
        if m.start < end and start < m.end:
            start, end = min(start, m.start), max(end, m.end)
    return start, end


def _partial_in_sentence(index: int, doc: Doc, m: MarkedSpan, inside: set[int]) -> Candidate | None:
    """A partial quote outside any reported clause, in a sentence with a cue: the words on the
    quote's side of the cue become one mixed quote."""
    span = _tokens(doc, m.start, m.end)
    if span is None:
        return None
    sent = span.sent
    cue = _cue_near(doc, span, inside, [sent])
    if cue is None or subject_of(cue) is None:
        return None
    tokens = (
        list(doc[cue.i + 1 : sent.end]) if cue.i < span.start else list(doc[sent.start : cue.i])
    )
    if cue.i < span.start:  # the cue's own when and where before it: 'vowed on Tuesday in …'
        said_when = {
            t.i
            for c in cue.rights
            if c.right_edge.i < span.start
            and (
                c.dep_ in {"prep", "npadvmod", "advmod"}
                or (c.dep_ == "dobj" and c.ent_type_ in {"DATE", "TIME"})
            )
            for t in c.subtree
        }
        tokens = [t for t in tokens if t.i not in said_when] or tokens
    clause = _trim(
        doc, [t for t in tokens if t.dep_ not in {"nsubj", "nsubjpass"} or t.i > span.start]
    )
    if clause is None:
        return None
    text = clause.text
    return Candidate(
        kind="mixed",
        paragraph=index,
        start=clause.start_char,
        end=clause.end_char,
        text=_with_marks(text),
        cue=cue,
    )


#: Verbs of thinking whose clause reports the subject's view: 'she feared that …'.
COGNITION_VERBS = _wordset("think believe fear worry hope feel expect doubt suspect wish")
_ATTRIBUTING = SPEECH_VERBS | CHARACTERISING_VERBS | COGNITION_VERBS


def _partial_by_verb(index: int, doc: Doc, m: MarkedSpan, inside: set[int]) -> Candidate | None:
    """A partial quote in the object of a characterising verb with a subject: 'Cruz called
    Trump a “pathological liar”' → mixed quote 'Trump a pathological liar' (cue 'called')."""
    span = _tokens(doc, m.start, m.end)
    if span is None:
        return None
    verb: Token | None = span.root
    path: list[Token] = []
    for _ in range(8):
        if verb is None or verb.head is verb:
            return None
        path.append(verb)
        verb = verb.head
        if verb.i not in inside and verb.pos_ in {"VERB", "AUX"}:
            break
    if verb is None or verb.pos_ not in {"VERB", "AUX"} or verb.dep_ in {"acl", "amod"}:
        return None
    lemma = verb.lemma_.lower()
    if (
        lemma not in _ATTRIBUTING
        and verb.dep_ == "ccomp"
        and verb.head.i not in inside
        and verb.head.lemma_.lower() in _ATTRIBUTING
    ):
        path.append(verb)  # 'Ryan worried that the net was becoming “a hammock”'
        verb = verb.head
        lemma = verb.lemma_.lower()
    quoted = [t for t in span if t.is_alpha]
    if lemma not in CHARACTERISING_VERBS and lemma not in SPEECH_VERBS and len(quoted) < 3:
        return None
    if subject_of(verb, skip=inside) is None:
        return None
    child = path[-1]
    if child.i < verb.i:
        return None
    first = child
    for c in verb.rights:
        if c.dep_ in {"dobj", "dative"} and c.i < child.i:
            first = c
            break
    tokens = [t for t in doc[first.left_edge.i : child.right_edge.i + 1]]
    clause = _trim(doc, tokens)
    if clause is None:
        return None
    if lemma not in _ATTRIBUTING:
        verb = _governing_cue(verb, inside) or verb
    return Candidate(
        kind="mixed",
        paragraph=index,
        start=clause.start_char,
        end=clause.end_char,
        text=_with_marks(clause.text),
        cue=verb,
    )


def _governing_cue(verb: Token, inside: set[int]) -> Token | None:
    """A speech verb with a subject that governs a plain verb's clause: its subject speaks
    the quote ('Vask said Ruiz is “a basket case”' → said, Vask; not Ruiz)."""
    for head in list(verb.ancestors)[:4]:
        if head.i in inside:
            continue
        if is_cue(head) and subject_of(head, skip=inside) is not None:
            return head
    return None


def _reported_clause(cue: Token) -> Span | None:
    """The clause a cue reports: its ccomp, the rest after 'according to X', or after ':'."""
    doc = cue.doc
    if cue.lower_ == "according":
        head = cue.head
        drop = set(t.i for t in cue.subtree)
        keep = [t for t in head.subtree if t.i not in drop]
        return _trim(doc, keep)
    nxt = doc[cue.i + 1] if cue.i + 1 < len(doc) else None
    if nxt is not None and nxt.text == ":":
        sent = cue.sent
        return _trim(doc, list(doc[nxt.i + 1 : sent.end]))
    for child in cue.children:
        if child.dep_ == "ccomp":
            return _trim(doc, list(child.subtree))
    if cue.dep_ == "parataxis" and cue.head.i != cue.i:
        drop = {t.i for t in cue.subtree}
        return _trim(doc, [t for t in cue.head.subtree if t.i not in drop])
    return None


def _trim(doc: Doc, tokens: list[Token]) -> Span | None:
    if not tokens:
        return None
    start = min(t.i for t in tokens)
    end = max(t.i for t in tokens) + 1
    while start < end and (
        doc[start].is_punct
        or doc[start].lower_ == "that"
        and doc[start].dep_ == "mark"
        or doc[start].is_space
    ):
        start += 1
    while (
        end > start
        and (doc[end - 1].is_punct or doc[end - 1].is_space)
        and doc[end - 1].text not in '”"’'
    ):
        end -= 1
    if end <= start:
        return None
    return doc[start:end]


# ---------------------------------------------------------------- speakers and assembly

Position = tuple[int, int]


@dataclass(frozen=True)
class _Named:
    """A named mention outside quotes, for pronoun and continuation checks."""

    pos: Position
    name: str
    kind: str
    subject: bool
    reported_until: int = -1
    """For the subject of a clause someone reports ("Coffman said Mr. Trump had disrespected
    the troops"): where its sentence ends. Past that sentence, "he" stands for the one who
    reports, not the one reported on; in it, either ("Ms. Orn found skating a salve, she
    said")."""


def _person_appositive(ent: Span) -> bool:
    """The name has an appositive role that is not an institution ('…, the union's general
    secretary,'), so it names a person whatever the tagger said."""
    for child in ent.root.children:
        if child.dep_ == "appos" and child.pos_ == "NOUN":
            return child.lower_ not in ORG_ROLE_HEADS and child.tag_ == "NN"
    return False


def _kind_of_label(label: str) -> str:
    return {"PERSON": "person", "ORG": "org", "GPE": "org", "NORP": "group"}.get(label, "unknown")


def _named_mentions(
    docs: Sequence[tuple[int, Doc]], masks: dict[int, set[int]], resolver: NameResolver
) -> list[_Named]:
    found: list[_Named] = []
    for index, doc in docs:
        inside = masks[index]
        for ent in doc.ents:
            if ent.label_ not in {"PERSON", "ORG", "GPE", "NORP"} or ent.root.i in inside:
                continue
            subject = ent.root.dep_ in {"nsubj", "nsubjpass", "appos", "ROOT"}
            name = resolver.canonical(ent.text, ent.label_)
            kind = _kind_of_label(resolver.label(name) or ent.label_)
            if kind != "person" and ent.label_ in {"ORG", "FAC"} and _person_appositive(ent):
                kind = "person"  # 'Marta Quell, the union's general secretary,' tagged ORG
            found.append(
                _Named((index, ent.start_char), name, kind, subject, _reported_until(ent.root))
            )
        for tok in doc:
            if tok.dep_ == "nsubj" and tok.pos_ == "PROPN" and not tok.ent_type_:
                name = resolver.canonical(tok.text)
                if name != tok.text and resolver.label(name) == "PERSON" and tok.i not in inside:
                    found.append(  # 'Hadek was …'
                        _Named((index, tok.idx), name, "person", True, _reported_until(tok))
                    )
    found.sort(key=lambda n: n.pos)
    return found


def _reported_until(subject: Token) -> int:
    """The end (a character offset) of the sentence of a subject of a reported clause (one a
    speech cue governs), else -1 (``_Named.reported_until``)."""
    verb = subject.head
    if verb.dep_ == "ccomp" and is_cue(verb.head):
        sentence = subject.sent
        return sentence.end_char
    return -1


def _bracketed(tok: Token) -> bool:
    """The token's entity sits in brackets: 'Ada Ruiz (D-Harbour)'."""
    ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
    start = ent.start if ent is not None else tok.i
    return start > 0 and tok.doc[start - 1].text == "("


class _Attributor:
    """Resolves each candidate's speaker in reading order, remembering earlier speakers."""

    def __init__(
        self,
        resolver: NameResolver,
        roles: RoleMap,
        named: list[_Named],
        genders: Mapping[str, Gender] | None = None,
    ) -> None:
        self.resolver = resolver
        self.roles = roles
        self.named = named
        self.genders: Mapping[str, Gender] = genders or {}
        self.history: list[tuple[Position, Speaker]] = []

    def _fits(self, pronoun: str, name: str | None, kind: str) -> bool:
        """A pronoun can stand for this speaker: the right kind ('it' is no person) and, for
        'he' and 'she', not a person the article shows to be of the other sex."""
        return compatible(pronoun, kind) and agrees(pronoun, name, self.genders)

    def speaker(self, subj: Token, pos: Position) -> Speaker:
        """The resolved speaker of a subject token at a position."""
        subj = titled_name(subj) or subj  # 'said Navy Capt. | Jeff Davis': the person named
        for child in subj.children:
            if (
                child.dep_ == "appos"
                and child.ent_type_ in {"PERSON", "ORG"}
                and not _bracketed(child)
            ):
                subj = child
                break
        phrase = noun_phrase(subj)
        mention = normalise_mention(phrase.text)
        lower = subj.lower_
        if lower in PRONOUNS:
            local = self._clause_antecedent(subj, lower, pos)
            if local is not None:
                return Speaker(mention, local.name, local.kind)
            return self._pronoun(lower, mention, pos)
        if subj.pos_ == "PRON":
            return Speaker(mention, None, "unknown")
        if subj.ent_type_ in {"PERSON", "ORG", "GPE", "NORP"}:
            text = phrase.text
            if subj.ent_type_ == "PERSON":  # the person, not the office before the name
                # ("Clark County Sheriff Joe Lombardo" is Joe Lombardo)
                text = next((e.text for e in subj.doc.ents if e.start <= subj.i < e.end), text)
            name = self.resolver.canonical(text, subj.ent_type_)
            # a lone surname tagged ORG ("Ramos said") that stands for a person's full name
            # is that person
            person = " " not in text and name != text and self.resolver.tagged_person(name)
            return Speaker(mention, name, "person" if person else _kind_of_label(subj.ent_type_))
        if subj.pos_ == "PROPN":
            name = self.resolver.canonical(phrase.text)
            return Speaker(mention, name, phrase_kind(phrase, self.resolver, name))
        if subj.is_title and self.resolver.canonical(subj.text) != subj.text:
            # a known surname the parser took for a noun ('Vask to council: “…”' in a title)
            name = self.resolver.canonical(subj.text)
            return Speaker(normalise_mention(subj.text), name, "person")
        name = self.roles.lookup(phrase) or mention
        return Speaker(mention, name, phrase_kind(phrase, self.resolver, name))

    def _clause_antecedent(self, pronoun: Token, lower: str, pos: Position) -> Speaker | None:
        """A pronoun's antecedent in its own sentence: the named or nominal subject of a clause
        that governs the pronoun's clause and comes before it ("the campaign is seeking to
        contrast her approach with what they call …" → the campaign)."""
        verb = pronoun.head
        while verb.dep_ != "ROOT" and verb.head.i != verb.i:
            verb = verb.head
            for child in verb.children:
                if child.dep_ not in {"nsubj", "nsubjpass"} or child.i >= pronoun.i:
                    continue
                if child.lower_ == "who" and verb.dep_ == "relcl":
                    child = verb.head  # "Ria Olsen, who … when she called him …": Ria Olsen
                    child = next((c for c in child.children if c.dep_ == "appos"), child)
                elif child.pos_ not in {"NOUN", "PROPN"}:
                    continue
                elif lower in PERSON_PRONOUNS and child.pos_ == "NOUN" and not personal_noun(child):
                    return None  # "The goal, he said, is …": the goal is not who speaks
                found = self.speaker(child, pos)
                if found.name and self._fits(lower, found.name, found.kind):
                    return found
                return None
        return None

    def _pronoun(self, pronoun: str, mention: str, pos: Position) -> Speaker:
        best: tuple[Position, str, str] | None = None
        for where, spk in reversed(self.history):
            if where < pos and spk.name and self._fits(pronoun, spk.name, spk.kind):
                best = (where, spk.name, spk.kind)
                break
        for named in reversed(self.named):
            if named.reported_until >= 0 and (pos[0], pos[1]) >= (
                named.pos[0],
                named.reported_until,
            ):
                continue  # reported on in an earlier sentence (``_Named.reported_until``)
            if named.pos < pos and named.subject and self._fits(pronoun, named.name, named.kind):
                if best is None or named.pos > best[0]:
                    best = (named.pos, named.name, named.kind)
                break
        if best is None:
            return Speaker(mention, None, "unknown")
        return Speaker(mention, best[1], best[2])

    def last_person(self, pos: Position) -> Speaker | None:
        """For an unattributed quote: the person named as a subject last before it, in its
        paragraph or the one before ('Vask is upbeat about the vote. / “We will win.”'). None
        when a recent quote has another speaker: then it is ambiguous who speaks."""
        for named in reversed(self.named):
            if named.pos < pos and pos[0] - named.pos[0] <= 1:
                if named.subject and named.kind == "person":
                    # another speaker quoted after that mention makes it ambiguous; one
                    # quoted before it does not ('“…,” Ruiz said. ¶ Vask said that … ¶ “…”')
                    rivals = [
                        spk.name
                        for where, spk in self.history
                        if pos[0] - where[0] <= 2
                        and where > named.pos
                        and spk.name not in {None, named.name}
                    ]
                    return None if rivals else Speaker(named.name, named.name, named.kind)
            elif named.pos < pos:
                break
        return None

    def continues(self, pos: Position, end: Position) -> Speaker | None:
        """The previous quote's speaker if this quote continues it (no other name between)."""
        if not self.history:
            return None
        where, spk = self.history[-1]
        if spk.name is None or where[0] < 0 or pos[0] - where[0] > 1:
            return None
        for named in self.named:
            if where < named.pos < pos and named.name != spk.name:
                return None
        del end
        return spk


_RELATIVE = frozenset({"who", "that", "which"})
_QUOTED_PASSIVE = frozenset({"quote", "cite", "hear", "record", "overhear"})
"""Speech verbs whose passive subject still speaks ("Vask was quoted as saying …"); any other
cue's passive subject was spoken to or about, and its agent speaks."""


def _speaker_token(c: Candidate, inside: set[int]) -> Token | None:
    """The token naming the speaker: the cue's subject outside every quote ('“…,” said Vask'
    when the parser put the subject inside the quote: the name after the cue), a relative
    pronoun's antecedent ('Vask, who said …' → Vask), or the colon/dash subject."""
    if c.cue is None:
        return c.colon_subject
    if c.cue.lemma_.lower() not in _QUOTED_PASSIVE and any(
        t.dep_ == "nsubjpass" for t in c.cue.children
    ):
        # 'Vask was asked, “…”': the subject listened; the speaker is the agent, if named;
        # 'his demands have been answered': what was answered says nothing
        agent = next((t for t in c.cue.children if t.dep_ == "agent"), None)
        return next((t for t in agent.children if t.dep_ == "pobj"), None) if agent else None
    before = c.cue.doc[c.cue.i - 1] if c.cue.i > 0 else None
    if (
        c.cue.tag_ == "VBG"
        and before is not None
        and before.ent_type_ == "PERSON"
        and before.dep_ == "pobj"
        and before.head.lower_ == "of"
    ):
        return before  # 'footage of Ada Ruiz saying, “…”'
    verb = c.cue
    if (
        verb.dep_ == "conj"
        and not any(ch.dep_ in {"nsubj", "nsubjpass"} for ch in verb.children)
        and not is_cue(verb.head)
        and verb.head.dep_ == "ccomp"
        and is_cue(verb.head.head)
    ):
        # 'Vask said it was too early but added, “…”': the parser joined 'added' to the
        # reported clause; it goes with 'said', whose subject speaks
        verb = verb.head.head
    subj = subject_of(verb, skip=inside)
    if subj is None and c.cue.dep_ == "acl" and c.cue.head.dep_ in {"dobj", "dative"}:
        subj = subject_of(c.cue.head.head, skip=inside)  # 'she emailed supporters saying: …'
    if (
        subj is not None
        and c.cue.tag_ == "VBG"
        and c.cue.lower_ != "according"
        and subj.i > c.cue.i
        and c.cue.head is not c.cue
    ):
        subj = subject_of(c.cue.head, skip=inside)  # '…, saying it had been “invented”'
    if subj is not None and subj.i in inside:
        subj = _after_cue(c.cue, inside)
    if subj is None and c.cue.lower_ != "according":
        # a name between the quote and the cue ('“…,” Vask, 58, told AFP') before one after it
        # ('“…,” said Vask'; then the quote's own marks stop the look back)
        inverted = c.cue.tag_ != "VBG" and _after_cue(c.cue, inside)
        subj = _before_cue(c.cue, inside) or inverted or None
    if subj is not None and subj.lower_ in _RELATIVE and subj.head.dep_ == "relcl":
        subj = subj.head.head
    return subj


def _after_cue(cue: Token, inside: set[int]) -> Token | None:
    """'…,” said Rep. Ada Ruiz, a Democrat': the first name or noun right after the cue."""
    for tok in cue.doc[cue.i + 1 : min(len(cue.doc), cue.i + 6)]:
        if tok.i in inside or tok.is_punct or tok.pos_ == "ADP":
            return None
        # a capitalised word inside the sentence that the tagger took for an adverb or an
        # adjective is a name ('…,” said Skelly, explaining')
        titled = tok.is_title and tok.pos_ in {"ADV", "ADJ"} and not tok.ent_type_
        if not titled and (tok.ent_type_ in {"DATE", "TIME"} or tok.pos_ == "ADV"):
            continue  # '…,” Vask said Thursday morning
        named = tok.ent_type_ in {"PERSON", "ORG", "GPE", "NORP"} or tok.pos_ == "PROPN" or titled
        if tok.pos_ == "PRON" or named or tok.pos_ == "NOUN":
            head = tok
            while head.dep_ in {"compound", "amod"} and head.head.i > head.i:
                head = head.head
            return head
    return None


def _before_cue(cue: Token, inside: set[int]) -> Token | None:
    """'her adviser, Jake Sullivan, said: “…”' parsed without a subject: the nearest name
    before the cue in its sentence, outside brackets ('Ada Ruiz (D-Harbour), said')."""
    depth = 0
    for tok in reversed(cue.doc[max(cue.sent.start, cue.i - 12) : cue.i]):
        if tok.i in inside:
            return None
        if tok.text == ")":
            depth += 1
        elif tok.text == "(":
            depth = max(0, depth - 1)
        elif depth == 0 and tok.ent_type_ in {"PERSON", "ORG"}:
            return tok
    return None


def _borrow_colon(
    by_paragraph: dict[int, list[Candidate]], docs: Sequence[tuple[int, Doc]]
) -> None:
    """'In a 1963 speech, he declared:' ending one paragraph introduces the quote opening the
    next: that quote takes the colon's cue or subject."""
    previous: Doc | None = None
    for index, doc in docs:
        first = by_paragraph[index][0] if by_paragraph[index] else None
        if (
            previous is not None
            and first is not None
            and first.kind == "direct"
            and first.cue is None
            and first.colon_subject is None
            and not doc_text(doc)[: first.start].strip(" “\"‘'")
            and doc_text(previous).rstrip().endswith(":")
        ):
            end = len(previous)
            while end > 0 and (previous[end - 1].is_space or previous[end - 1].text == ":"):
                end -= 1
            sent = previous[max(0, end - 1)].sent
            cue = next((t for t in reversed(sent) if is_cue(t) and subject_of(t)), None)
            if cue is not None:
                first.cue, first.cue_paragraph = cue, index - 1
            else:
                first.colon_subject = _colon_subject(previous, len(previous), set())
        previous = doc


def _resolve(att: _Attributor, c: Candidate, inside: set[int]) -> Quote:
    pos = (c.paragraph, c.start)
    cue_paragraph = c.paragraph if c.cue_paragraph is None else c.cue_paragraph
    subj = _speaker_token(c, inside if c.cue_paragraph is None else set())
    spk: Speaker | None = None
    if subj is not None:
        spk = att.speaker(subj, (cue_paragraph, subj.idx))
        raw = subject_of(c.cue) if c.cue is not None else None
        if raw is not None and raw.lower_ in _RELATIVE and raw.head.dep_ == "relcl":
            spk = Speaker(raw.text, spk.name, spk.kind)  # the words at the cue: 'who
    elif c.kind == "direct" and c.cue is None:
        spk = att.continues(pos, (c.paragraph, c.end)) or att.last_person(pos)
    if spk is not None:
        att.history.append((pos, spk))
    cue = None
    if c.cue is not None:
        cue = "according to" if c.cue.lower_ == "according" else c.cue.lower_
    return Quote(
        text=c.text,
        speaker=spk.name if spk else None,
        speaker_mention=spk.mention if spk else None,
        cue=cue,
        kind=c.kind,
        paragraph=c.paragraph,
        start=c.start,
        end=c.end,
        parts=[TextSpan(paragraph=p, start=a, end=b) for p, a, b in c.parts],
    )


def join_pieces(pieces: Sequence[str]) -> str:
    """The words of a quote's pieces as one text: a piece that ended on the comma before its
    attribution ends its sentence when the next piece starts one ('…morning. By six …')."""
    out = ""
    for piece in pieces:
        if out.endswith(",") and piece[:1].isupper():
            out = out[:-1] + "."
        out = f"{out} {piece}" if out else piece
    return out


def _merge_split(cands: list[Candidate], text: str) -> list[Candidate]:
    """Join the pieces of a direct quote split by its attribution into one candidate:
    '"A," she said. "B."' and '"A," she said, "B."' are one quote, as are adjacent marked
    sentences with nothing but punctuation between them. A piece with a cue of its own (another
    speaker's '"C," said Ruiz.') or a narrative sentence in between starts a new quote."""
    out: list[Candidate] = []
    for cand in cands:
        prev = out[-1] if out else None
        if prev is not None and prev.kind == cand.kind == "direct" and _continues(prev, cand, text):
            prev.parts = [*prev.pieces(), *cand.pieces()]
            prev.end = cand.end
            prev.text = join_pieces([prev.text, cand.text])
            prev.run_on = cand.run_on
            if prev.cue is None and prev.colon_subject is None:
                prev.cue, prev.colon_subject = cand.cue, cand.colon_subject
            continue
        out.append(cand)
    return out


def _continues(prev: Candidate, cand: Candidate, text: str) -> bool:
    """``cand`` is the next piece of ``prev``'s quote (same paragraph, see ``_merge_split``)."""
    if prev.run_on or cand.colon_subject is not None:
        return False
    if cand.cue is not None and cand.cue.idx >= cand.end:
        return False  # '“C,” said Ruiz': the piece has its own attribution after it
    if (
        cand.cue is not None
        and prev.cue is not None
        and prev.end <= prev.cue.idx < cand.cue.idx < cand.start
        and cand.cue.sent.start != prev.cue.sent.start
        and cand.cue.sent.start_char <= cand.start < cand.cue.sent.end_char
    ):
        return False  # '“A?” a narrator asks. The ad ends with Vask saying, “B.”'
    if prev.cue is not None and prev.end <= prev.cue.idx < cand.start:
        return True  # '“A,” she said, adding …. “B.”': the attribution sits between
    if cand.cue is not None and prev.cue is not None and cand.cue.i != prev.cue.i:
        return False
    return not any(ch.isalnum() for ch in text[prev.end : cand.start])


def _merge_next_paragraph(by_paragraph: dict[int, list[Candidate]], texts: dict[int, str]) -> None:
    """'“A,” she said.' followed by a paragraph that is only '“B.”': one quote, as in a run-on;
    the bare paragraph carries no attribution of its own, so the previous one still holds."""
    for index in sorted(by_paragraph):
        if index + 1 not in by_paragraph or not by_paragraph[index]:
            continue
        prev, nxt = by_paragraph[index][-1], by_paragraph[index + 1]
        if prev.kind != "direct" or prev.run_on or prev.cue is None or len(nxt) != 1:
            continue
        follow = nxt[0]
        text = texts[index + 1]
        if (
            follow.kind != "direct"
            or follow.cue is not None
            or follow.colon_subject is not None
            or text[: follow.start].strip(" “\"‘'")
            or text[follow.end :].strip(" ”\"’'.,")
            or len(texts[index][prev.end :].split()) > 15
        ):
            continue
        prev.parts = [*prev.pieces(), *follow.pieces()]
        prev.text = join_pieces([prev.text, follow.text])
        prev.run_on = follow.run_on
        nxt.clear()


def _merge_run_ons(by_paragraph: dict[int, list[Candidate]], texts: dict[int, str]) -> None:
    """Join a quote left open at a paragraph's end with the next paragraph's opening quote."""
    for index in sorted(by_paragraph):
        for cand in by_paragraph[index]:
            if not cand.run_on or cand.kind != "direct":
                continue
            cand.end = len(texts[index])
            pieces = cand.pieces()
            parts = [cand.text]
            nxt = index + 1
            current = cand
            while current.run_on and nxt in by_paragraph and by_paragraph[nxt]:
                follow = by_paragraph[nxt][0]
                lead = texts[nxt][: follow.start].strip()
                if follow.kind != "direct" or len(lead) != 1:
                    break
                parts.append(follow.text)
                pieces.extend(follow.pieces())
                if cand.cue is None and cand.colon_subject is None and follow.cue is not None:
                    cand.cue, cand.cue_paragraph = follow.cue, nxt  # '…,” Marsk said.' at the end
                by_paragraph[nxt].remove(follow)
                current = follow
                nxt += 1
            cand.text = join_pieces(parts)
            cand.parts = pieces if len(pieces) > 1 else []
            cand.run_on = False


def extract_quotes(parsed: ParsedArticle, *, entities: Sequence[Entity] = ()) -> list[Quote]:
    """Direct, mixed and indirect quotes of one article with resolved speakers, in text order."""
    resolver, _ = build_resolver(parsed)
    if entities:
        resolver = NameResolver.from_entities(entities)
    docs: list[tuple[int, Doc]] = []
    if parsed.title_doc is not None:
        docs.append((-1, parsed.title_doc))
    docs.extend(enumerate(parsed.docs))
    texts = {index: doc_text(doc) for index, doc in docs}
    by_paragraph: dict[int, list[Candidate]] = {}
    masks: dict[int, set[int]] = {}
    for index, doc in docs:
        marked = quote_spans(doc_text(doc))
        masks[index] = _masks(doc, marked)
        direct, embedded = _direct(index, doc, doc_text(doc), marked)
        indirect = list(_indirect(index, doc, marked, direct, embedded))
        ordered = sorted([*direct, *indirect], key=lambda c: c.start)
        by_paragraph[index] = _merge_split(ordered, doc_text(doc))
    _merge_run_ons(by_paragraph, texts)
    _borrow_colon(by_paragraph, docs)
    _merge_next_paragraph(by_paragraph, texts)
    resolver = resolver.with_speakers(
        tok.text
        for _, doc in docs
        for tok in doc
        if tok.pos_ == "PROPN" and tok.dep_ == "nsubj" and is_cue(tok.head) and tok.is_title
    )
    roles = RoleMap.build([d for _, d in docs], resolver)
    genders = person_genders((doc for _, doc in docs), resolver)
    att = _Attributor(resolver, roles, _named_mentions(docs, masks, resolver), genders)
    return [_resolve(att, c, masks[index]) for index, _ in docs for c in by_paragraph[index]]
