"""Quotes with their speakers: direct, mixed and indirect speech from one parse.

Direct quotes are found from the quotation marks (curly and straight double marks; single marks
only when an opening ‘ and a closing ’ pair around two words or more, so apostrophes, plural
possessives and "rock 'n' roll" are not quotes). A marked span counts as speech when it is
sentence-like (four words with a verb, or two words ending in punctuation inside the marks) or
has a speech cue and two words or more; spans introduced by "called", "so-called", "titled" and
the like are names, not speech. A span embedded in running text ("the plan was "dead"") is a
partial quote: the reported clause around it becomes one ``mixed`` quote.

A quote running over several paragraphs (each opening with a mark, only the last closing) is one
record: ``paragraph`` and ``start`` are in the first paragraph, ``end`` is that paragraph's
length, and ``text`` joins the words of every paragraph with a space.

Indirect speech is the clausal complement of a cue verb ("Vask said the bridge would close"),
the clause around "according to X", or the words after "X read:"/"X said:" when unquoted.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from newsbrief.extract.entities import NameResolver, build_resolver, normalise_mention
from newsbrief.extract.speakers import (
    GROUP_PRONOUNS,
    ORG_PRONOUNS,
    PERSON_PRONOUNS,
    RoleMap,
    Speaker,
    compatible,
    noun_phrase,
    phrase_kind,
    subject_of,
)
from newsbrief.model import Entity, Quote, QuoteKind
from newsbrief.nlp import ParsedArticle


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
    acknowledge write blog predict reiterate repeat question wonder"""
)
#: Multi-word cues, matched on lower-cased token text.
SPEECH_PHRASES = ("according to",)
#: Words before a marked span that make it a name or term, not speech.
NAMING_WORDS = _wordset(
    """called so-called dubbed titled entitled named nicknamed labelled labeled term word
    phrase slogan hashtag branded"""
)
PRONOUNS = PERSON_PRONOUNS | ORG_PRONOUNS | GROUP_PRONOUNS

_DOUBLE_OPEN = "“\u201e"
_DOUBLE_CLOSE = "”"
_OPEN_CONTEXT = " \t\n([{—–-:/“‘\"'"
_TRAIL = " ,.;:!?…—–-\"'“”‘’"
_ENDS_LIKE_SPEECH = re.compile(r"[.,!?…;:]\W*$")
_SINGLE_OPEN = "‘'"
_SINGLE_CLOSE = "’'"


@dataclass(frozen=True)
class MarkedSpan:
    """Character offsets of the words between quote marks; ``closed`` False if it runs on."""

    start: int
    end: int
    closed: bool = True


def double_quote_spans(text: str) -> list[MarkedSpan]:
    """Spans inside double quote marks (curly or straight); an unclosed one runs to the end."""
    spans: list[MarkedSpan] = []
    opened: int | None = None
    for i, ch in enumerate(text):
        if ch in _DOUBLE_OPEN:
            opened = i + 1
        elif ch in _DOUBLE_CLOSE:
            if opened is not None:
                spans.append(MarkedSpan(opened, i))
                opened = None
        elif ch == '"':
            if opened is None:
                if (
                    i == 0
                    or text[i - 1] in _OPEN_CONTEXT
                    or (i + 1 < len(text) and text[i + 1].isalnum())
                ):
                    opened = i + 1
            else:
                spans.append(MarkedSpan(opened, i))
                opened = None
    if opened is not None and text[opened:].strip():
        spans.append(MarkedSpan(opened, len(text), closed=False))
    return spans


def single_quote_spans(text: str, *, skip: Sequence[MarkedSpan] = ()) -> list[MarkedSpan]:
    """Spans inside single marks that are clearly quotes, outside the ``skip`` spans.

    An opener follows a space or bracket and precedes a letter; a closer follows a non-space
    and precedes no letter (so "don’t" and "Vask’s" never close). A plural possessive closer
    ("ministers’ plan") is passed over when a later closer exists. Two words at least.
    """
    covered = [(s.start - 1, s.end + 1) for s in skip]

    def free(i: int) -> bool:
        return not any(a <= i < b for a, b in covered)

    openers = [
        i
        for i, ch in enumerate(text)
        if ch in _SINGLE_OPEN
        and (i == 0 or text[i - 1] in _OPEN_CONTEXT)
        and i + 1 < len(text)
        and text[i + 1].isalpha()
        and free(i)
    ]
    closers = [
        i
        for i, ch in enumerate(text)
        if ch in _SINGLE_CLOSE
        and i > 0
        and not text[i - 1].isspace()
        and (i + 1 == len(text) or not text[i + 1].isalnum())
        and free(i)
    ]
    spans: list[MarkedSpan] = []
    last_end = -1
    for n, op in enumerate(openers):
        if op <= last_end:
            continue
        limit = openers[n + 1] if n + 1 < len(openers) else len(text)
        options = [c for c in closers if op + 1 < c < limit] or [c for c in closers if c > op + 1]
        plain = [c for c in options if not _plural_possessive(text, c)]
        chosen = options[0] if options and not _plural_possessive(text, options[0]) else None
        if chosen is None and plain:
            chosen = plain[0]
        if chosen is None and options:
            chosen = options[0]
        if chosen is None:
            continue
        inner = text[op + 1 : chosen]
        if " " in inner.strip() and len(inner) < 600:
            spans.append(MarkedSpan(op + 1, chosen))
            last_end = chosen
    return spans


def _plural_possessive(text: str, i: int) -> bool:
    """’ after an s and before a lower-case word: 'the ministers’ statement'."""
    return text[i - 1] in "sS" and text[i + 1 : i + 3][:1] == " " and text[i + 2 : i + 3].islower()


def quote_spans(text: str) -> list[MarkedSpan]:
    """Double and clear single quote spans of one paragraph, in order."""
    double = double_quote_spans(text)
    return sorted([*double, *single_quote_spans(text, skip=double)], key=lambda s: s.start)


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
    parts: list[str] = field(default_factory=list)


def _tokens(doc: Doc, start: int, end: int) -> Span | None:
    return doc.char_span(start, end, alignment_mode="expand")


def _masks(doc: Doc, spans: Sequence[MarkedSpan]) -> set[int]:
    inside: set[int] = set()
    for s in spans:
        span = _tokens(doc, max(0, s.start - 1), min(len(doc.text), s.end + 1))
        if span is not None:
            inside.update(range(span.start, span.end))
    return inside


def is_cue(token: Token) -> bool:
    """A speech cue verb (or the 'according' of 'according to')."""
    if token.lower_ == "according":
        return token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ == "to"
    if token.lemma_.lower() not in SPEECH_VERBS:
        return False
    if token.lemma_.lower() == "read":
        nxt = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
        return nxt is not None and nxt.text == ":"
    return token.pos_ in {"VERB", "AUX"} or token.tag_.startswith("VB")


def _cue_near(doc: Doc, span: Span, inside: set[int], sents: Sequence[Span]) -> Token | None:
    """The cue nearest the quote within the given sentences, outside every quote."""
    best: tuple[int, Token] | None = None
    for sent in sents:
        for tok in sent:
            if tok.i in inside or not is_cue(tok):
                continue
            dist = span.start - tok.i if tok.i < span.start else tok.i - span.end
            if best is None or dist < best[0]:
                best = (dist, tok)
    return best[1] if best else None


def _colon_subject(doc: Doc, before: int, inside: set[int]) -> Token | None:
    """For 'Vask, in a statement: “…”' or a title 'Mayor to council: “…”': the named subject."""
    i = before - 1
    while i >= 0 and (doc[i].is_space or doc[i].is_quote):
        i -= 1
    if i < 0 or doc[i].text != ":":
        return None
    sent = doc[i].sent
    seg = [t for t in doc[sent.start : i] if t.i not in inside]
    subj = next((t for t in seg if t.dep_ in {"nsubj", "nsubjpass"}), None)
    if subj is not None:
        return subj
    for t in seg:
        if t.pos_ in {"PROPN", "NOUN", "PRON"} and t.dep_ not in {"pobj", "compound", "poss"}:
            return t
    return None


def _sentence_like(span: Span, text: str) -> tuple[bool, int]:
    words = [t for t in span if not (t.is_punct or t.is_space)]
    has_verb = any(t.pos_ in {"VERB", "AUX"} for t in words)
    ends = bool(_ENDS_LIKE_SPEECH.search(text.rstrip()))
    return (len(words) >= 4 and has_verb) or (ends and len(words) >= 2), len(words)


def _previous_word(text: str, start: int) -> tuple[str, str]:
    """The character and the word right before an opening mark."""
    head = text[: max(0, start - 1)].rstrip()
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
        if prev_word in NAMING_WORDS:
            continue
        lead = text[: max(0, m.start - 1)].rstrip()
        if prev_char.isalnum() and prev_word not in SPEECH_VERBS and not _said_form(prev_word):
            embedded.append(m)
            continue
        del lead
        sents = _sentences(doc, span)
        cue = _cue_near(doc, span, inside, sents)
        colon = _colon_subject(doc, span.start, inside) if cue is None else None
        if cue is None and colon is None:
            cue = _cue_in_next_sentence(doc, sents[-1], inside)
        if not (sentence_like or ((cue is not None or colon is not None) and n_words >= 2)):
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


def _said_form(word: str) -> bool:
    return word in {"said", "says", "saying", "told", "added", "wrote", "asked", "tweeted"}


def _sentences(doc: Doc, span: Span) -> list[Span]:
    first = doc[max(0, span.start - 1)].sent
    last = doc[min(len(doc) - 1, span.end)].sent
    if first.start == last.start:
        return [first]
    return [s for s in doc.sents if first.start <= s.start <= last.start]


def _cue_in_next_sentence(doc: Doc, sent: Span, inside: set[int]) -> Token | None:
    """'“…” She added that …': a following quote-free sentence whose subject says it."""
    if sent.end >= len(doc):
        return None
    nxt = doc[sent.end].sent
    if any(t.i in inside for t in nxt):
        return None
    for tok in nxt[:4]:
        if is_cue(tok) and subject_of(tok) is not None:
            return tok
    return None


def _clean_text(words: str) -> str:
    return " ".join(words.split()).strip()


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
    for tok in doc:
        if tok.i in inside or not is_cue(tok):
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
        partial = any(m.start < end and start < m.end for m in embedded)
        text = doc.text[start:end]
        if partial:
            text = _unmark(text)
        yield Candidate(
            kind="mixed" if partial else "indirect",
            paragraph=index,
            start=start,
            end=end,
            text=_clean_text(text),
            cue=tok,
        )
        taken.append((start, end))
    for m in embedded:
        if any(a < m.end and m.start < b for a, b in taken):
            continue
        fallback = _partial_in_sentence(index, doc, m, inside)
        if fallback is not None:
            taken.append((fallback.start, fallback.end))
            yield fallback


def _unmark(text: str) -> str:
    """Drop double quote marks from a mixed quote's clause (apostrophes stay)."""
    return text.translate({ord(c): None for c in '“”"'})


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
    clause = _trim(
        doc, [t for t in tokens if t.dep_ not in {"nsubj", "nsubjpass"} or t.i > span.start]
    )
    if clause is None:
        return None
    text = _unmark(clause.text)
    return Candidate(
        kind="mixed",
        paragraph=index,
        start=clause.start_char,
        end=clause.end_char,
        text=_clean_text(text),
        cue=cue,
    )


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
            found.append(_Named((index, ent.start_char), name, _kind_of_label(ent.label_), subject))
    return found


class _Attributor:
    """Resolves each candidate's speaker in reading order, remembering earlier speakers."""

    def __init__(self, resolver: NameResolver, roles: RoleMap, named: list[_Named]) -> None:
        self.resolver = resolver
        self.roles = roles
        self.named = named
        self.history: list[tuple[Position, Speaker]] = []

    def speaker(self, subj: Token, pos: Position) -> Speaker:
        """The resolved speaker of a subject token at a position."""
        for child in subj.children:
            if child.dep_ == "appos" and child.ent_type_ in {"PERSON", "ORG"}:
                subj = child
                break
        phrase = noun_phrase(subj)
        mention = normalise_mention(phrase.text)
        lower = subj.lower_
        if lower in PRONOUNS:
            return self._pronoun(lower, mention, pos)
        if subj.pos_ == "PRON":
            return Speaker(mention, None, "unknown")
        if subj.ent_type_ in {"PERSON", "ORG", "GPE", "NORP"}:
            name = self.resolver.canonical(phrase.text, subj.ent_type_)
            return Speaker(mention, name, _kind_of_label(subj.ent_type_))
        if subj.pos_ == "PROPN":
            name = self.resolver.canonical(phrase.text)
            return Speaker(mention, name, phrase_kind(phrase, self.resolver, name))
        name = self.roles.lookup(phrase) or mention
        return Speaker(mention, name, phrase_kind(phrase, self.resolver, name))

    def _pronoun(self, pronoun: str, mention: str, pos: Position) -> Speaker:
        best: tuple[Position, str, str] | None = None
        for where, spk in reversed(self.history):
            if where < pos and spk.name and compatible(pronoun, spk.kind):
                best = (where, spk.name, spk.kind)
                break
        for named in reversed(self.named):
            if named.pos < pos and named.subject and compatible(pronoun, named.kind):
                if best is None or named.pos > best[0]:
                    best = (named.pos, named.name, named.kind)
                break
        if best is None:
            return Speaker(mention, None, "unknown")
        return Speaker(mention, best[1], best[2])

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


def _resolve(att: _Attributor, c: Candidate) -> Quote:
    pos = (c.paragraph, c.start)
    subj = subject_of(c.cue) if c.cue is not None else c.colon_subject
    spk: Speaker | None = None
    if subj is not None:
        spk = att.speaker(subj, (c.paragraph, subj.idx))
    elif c.kind == "direct" and c.cue is None:
        spk = att.continues(pos, (c.paragraph, c.end))
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
    )


def _merge_run_ons(by_paragraph: dict[int, list[Candidate]], texts: dict[int, str]) -> None:
    """Join a quote left open at a paragraph's end with the next paragraph's opening quote."""
    for index in sorted(by_paragraph):
        for cand in by_paragraph[index]:
            if not cand.run_on or cand.kind != "direct":
                continue
            cand.end = len(texts[index])
            parts = [cand.text]
            nxt = index + 1
            current = cand
            while current.run_on and nxt in by_paragraph and by_paragraph[nxt]:
                follow = by_paragraph[nxt][0]
                lead = texts[nxt][: follow.start].strip()
                if follow.kind != "direct" or len(lead) != 1:
                    break
                parts.append(follow.text)
                by_paragraph[nxt].remove(follow)
                current = follow
                nxt += 1
            cand.text = " ".join(parts)
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
    texts = {index: doc.text for index, doc in docs}
    by_paragraph: dict[int, list[Candidate]] = {}
    masks: dict[int, set[int]] = {}
    for index, doc in docs:
        marked = quote_spans(doc.text)
        masks[index] = _masks(doc, marked)
        direct, embedded = _direct(index, doc, doc.text, marked)
        indirect = list(_indirect(index, doc, marked, direct, embedded))
        by_paragraph[index] = sorted([*direct, *indirect], key=lambda c: c.start)
    _merge_run_ons(by_paragraph, texts)
    roles = RoleMap.build([d for _, d in docs], resolver)
    att = _Attributor(resolver, roles, _named_mentions(docs, masks, resolver))
    return [_resolve(att, c) for index, _ in docs for c in by_paragraph[index]]
