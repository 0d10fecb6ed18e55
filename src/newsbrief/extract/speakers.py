"""Who said it: the subject of a speech cue, and resolving pronouns and roles to names.

The speaker of a cue verb is its grammatical subject expanded to the whole name or noun phrase
("Interior Minister Lena Vask", "a spokesperson for the port authority"). A pronoun resolves to
the nearest compatible earlier speaker or named subject; a role ("the interior minister")
resolves to the one person the article introduces with that role. Anything ambiguous stays
unresolved: the role phrase is kept, a pronoun with no candidate gives ``None``.
"""

from __future__ import annotations

from collections.abc import Container, Iterable, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from newsbrief.extract.entities import NameResolver, normalise_mention


def _wordset(text: str) -> frozenset[str]:
    """Whitespace-separated words as a set (for long word lists)."""
    return frozenset(text.split())


SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
GROUP_PRONOUNS = frozenset({"they", "them"})
ORG_PRONOUNS = frozenset({"it"})
#: Nouns that carry someone's words: "a statement from the ministry read", "Vask's slogan
#: was …": their author (possessor, or 'from/by/of' object) is the speaker.
DOCUMENT_NOUNS = _wordset(
    """statement release post tweet letter report note message memo slogan phrase
    catchphrase response answer email remarks comments words speech argument"""
)
#: Role heads that name an organisation rather than a person.
ORG_ROLE_HEADS = _wordset(
    """ministry department office government agency authority council committee company
    campaign police army military party union court commission board administration
    firm group bank service ministry's"""
)
_LEFT_DEPS = frozenset({"compound", "det", "amod", "poss", "nmod", "nummod", "flat", "case"})
_CLIMB_DEPS = frozenset({"conj", "xcomp", "advcl", "pcomp", "prep", "acl"})
_DETERMINERS = frozenset({"the", "a", "an", "its", "their", "his", "her"})


@dataclass(frozen=True)
class Speaker:
    """A resolved speaker: the words in the text, the resolved name and its kind."""

    mention: str
    name: str | None
    kind: str  # "person", "org", "group" or "unknown"


def subject_of(verb: Token, skip: Container[int] = ()) -> Token | None:
    """The subject of a cue verb, climbing through coordinated or embedded verbs; subjects
    whose index is in ``skip`` (inside a quote: '“My view, that was wrong,” she said') are
    passed over."""
    token: Token | None = verb
    for _ in range(4):
        if token is None:
            return None
        if token.lower_ == "according":
            for child in token.children:
                if child.lower_ == "to":
                    return next((c for c in child.children if c.dep_ == "pobj"), None)
            return None
        subjects = [
            c
            for c in token.children
            if c.dep_ in SUBJECT_DEPS and c.i not in skip and not c.is_punct
        ]  # a dash the parser made a subject ('… made public ― Trump boasted') is none
        # of two subjects the one nearer the verb: a dateline or a fronted place the parser
        # took for a second subject ('LONDON (Reuters) - Vask said') is farther away
        at = token.i
        subj = min(subjects, key=lambda c: abs(c.i - at), default=None)
        if subj is not None:
            return _through_document(subj)
        if token.dep_ not in _CLIMB_DEPS or token.head is token:
            return None
        token = token.head
    return None


def _through_document(subj: Token) -> Token:
    """'a statement from the ministry' → 'the ministry'; 'the ministry's statement' → ministry;
    'the IMF report' → IMF."""
    if subj.lemma_.lower() not in DOCUMENT_NOUNS:
        return subj
    for child in subj.children:
        if child.dep_ == "poss":
            return child
        if child.dep_ == "prep" and child.lower_ in {"from", "by", "of"}:
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
    for child in subj.lefts:
        if child.dep_ == "compound" and child.ent_type_ in {"ORG", "PERSON", "GPE", "NORP"}:
            return child  # 'the IMF report' → IMF
    return subj


_RELATIVES = frozenset({"which", "who", "whose", "whom", "where", "that", "when"})


def noun_phrase(head: Token) -> Span:
    """The name or noun phrase around ``head``: its entity, or its modifiers and 'for/of' tail."""
    doc = head.doc
    if head.ent_type_ in NAME_LABELS:
        for ent in doc.ents:
            if ent.start <= head.i < ent.end:
                start = ent.start
                while start > 0 and doc[start - 1].is_title and doc[start - 1].dep_ == "compound":
                    start -= 1
                return doc[start : ent.end]
    tokens = [head]
    stack = [c for c in head.lefts if c.dep_ in _LEFT_DEPS]
    while stack:
        tok = stack.pop()
        tokens.append(tok)
        stack.extend(c for c in tok.lefts if c.dep_ in _LEFT_DEPS)
        stack.extend(c for c in tok.rights if c.dep_ in {"case", "compound", "flat"})
    for child in head.rights:
        if child.dep_ in {"compound", "flat"}:
            tokens.append(child)
        elif child.dep_ == "prep" and child.lower_ in {"for", "of", "at"}:
            # not into a relative clause: "Executives for Mondelez, which generated…" names
            # the executives of Mondelez (an appositive name after the comma stays)
            for tok in child.subtree:
                if tok.text in {"(", ";"} or (
                    tok.text == "," and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ in _RELATIVES
                ):
                    break
                tokens.append(tok)
            break
    start = min(t.i for t in tokens)
    end = max(t.i for t in tokens) + 1
    while end > start + 1 and doc[end - 1].is_punct:
        end -= 1
    return doc[start:end]


TITLE_WORDS = {
    "sen": "senator",
    "rep": "representative",
    "gov": "governor",
    "lt": "lieutenant",
    "gen": "general",
    "col": "colonel",
    "maj": "major",
    "capt": "captain",
    "sgt": "sergeant",
    "adm": "admiral",
    "cmdr": "commander",
    "supt": "superintendent",
    "insp": "inspector",
    "det": "detective",
    "prof": "professor",
    "atty": "attorney",
    "amb": "ambassador",
}
"""An abbreviated title written out, so that "Florida Sen. Ivo Holt" gives the role that "the
Florida senator" names."""


def role_word(token: Token) -> str:
    """A role word in lower case, an abbreviated title written out ("Gov." is "governor")."""
    word = token.lower_
    return TITLE_WORDS.get(word[:-1], word) if word.endswith(".") else word


def role_key(words: Iterable[Token]) -> str:
    """Lower-case role words without determiners or punctuation: 'interior minister'."""
    kept = [role_word(t) for t in words if not t.is_punct and t.lower_ not in _DETERMINERS]
    return " ".join(w for w in kept if w != "'s")


@dataclass(frozen=True)
class RoleMap:
    """Roles the article gives its people and bodies: 'interior minister' → 'Lena Vask',
    'ministry' → 'Varnian Defence Ministry'."""

    roles: tuple[tuple[str, str, str], ...]  # (full key, head word, canonical name)

    @classmethod
    def build(cls, docs: Sequence[Doc], resolver: NameResolver) -> RoleMap:
        """Scan appositives and title prefixes of every PERSON mention, and the head word of
        every named organisation ('Harbour Authority' gives the role 'authority')."""
        found: list[tuple[str, str, str]] = []
        for doc in docs:
            for ent in doc.ents:
                if ent.label_ == "ORG" and len(ent) > 1 and ent[-1].lower_ in ORG_ROLE_HEADS:
                    # 'the ministry' → 'Varnian Defence Ministry' when the article names one
                    name = resolver.canonical(ent.text, "ORG")
                    found.append((ent[-1].lower_, ent[-1].lower_, name))
                if ent.label_ != "PERSON":
                    continue
                name = resolver.canonical(ent.text, "PERSON")
                for key, head in _roles_of(ent):
                    if key:
                        found.append((key, head, name))
        return cls(tuple(found))

    def lookup(self, phrase: Span) -> str | None:
        """The one name with this role, by full key, else by head word; None if not unique."""
        key = role_key(phrase)
        head = phrase.root.lower_
        words = set(key.split())
        for candidates in (
            {n for k, _, n in self.roles if k == key},
            # by head word, when the phrase adds nothing the role lacks: 'the minister' fits
            # 'interior minister', 'the Vermont senator' does not fit 'Alabama senator'
            {n for k, h, n in self.roles if h == head and words <= set(k.split())},
        ):
            if len(candidates) == 1:
                return next(iter(candidates))
            if len(candidates) > 1:
                return None
        return None


def _roles_of(ent: Span) -> Iterable[tuple[str, str]]:
    doc = ent.doc
    # title prefix: "Interior Minister Lena Vask"
    start = ent.start
    while start > 0 and doc[start - 1].is_title and doc[start - 1].dep_ == "compound":
        start -= 1
    if start < ent.start:
        prefix = doc[start : ent.start]
        yield role_key(prefix), role_word(prefix[-1])
    root = ent.root
    # "Lena Vask, the interior minister," (role is an appositive of the name)
    for child in root.children:
        if child.dep_ == "appos" and child.ent_type_ != "PERSON":
            span = noun_phrase(child)
            yield role_key(span), child.lower_
    # "the interior minister, Lena Vask," (name is an appositive of the role)
    if root.dep_ == "appos" and root.head.ent_type_ != "PERSON":
        span = noun_phrase(root.head)
        yield role_key(span), root.head.lower_


def phrase_kind(phrase: Span, resolver: NameResolver, name: str | None) -> str:
    """'person', 'org', 'group' or 'unknown' for a speaker phrase."""
    label = resolver.label(name) if name else None
    if label is None and phrase.root.ent_type_:
        label = phrase.root.ent_type_
    if label == "PERSON":
        return "person"
    if label in {"ORG", "GPE"}:
        return "org"
    if label == "NORP":
        return "group"
    head = phrase.root
    if head.lower_ in ORG_ROLE_HEADS:
        return "org"
    if head.tag_ in {"NNS", "NNPS"}:
        return "group"
    if head.pos_ == "NOUN" and head.lower_.endswith(ABSTRACT_SUFFIXES):
        return "unknown"  # "my favorite description of him", "the statement": not a person
    if head.pos_ in {"NOUN", "PROPN"}:
        return "person"
    return "unknown"


ABSTRACT_SUFFIXES = (
    "tion", "sion", "ment", "ness", "ity", "ism", "ship", "hood", "ance", "ence", "logy", "sis",
)  # fmt: skip
"""Endings of abstract nouns: a description, a statement, an analysis says things, but "he"
or "she" never stands for it."""


TITLE_ABBREVIATIONS = _wordset(
    """mr mrs ms dr prof gen lt col maj capt cpt sgt cpl pvt adm cmdr rep sen gov supt insp det
    rev fr"""
)
"""Abbreviated titles before a name: the parser can end a sentence after one ("said Navy Capt.
| Jeff Davis"), leaving the title alone as the cue's subject."""


def titled_name(token: Token) -> Token | None:
    """For an abbreviated title the parser left at the end of a sentence, the first token of
    the person named right after it ("Capt." → "Jeff" of "Capt. Jeff Davis"); also for the
    word before such a title when the parser ended the sentence there instead ("said Air Force
    1st | Lt. Mara Quell": "1st" → "Mara"); else None."""
    doc = token.doc
    if token.lower_.rstrip(".") not in TITLE_ABBREVIATIONS:
        after = token.i + 1
        if after < len(doc) and doc[after].is_sent_start and not token.is_punct:
            title = doc[after]
            if title.lower_.rstrip(".") in TITLE_ABBREVIATIONS:
                return titled_name(title)
        return None
    nxt = token.i + 1
    if not token.text.endswith("."):  # the tokenizer may split the stop off ("Capt", ".")
        if nxt >= len(doc) or doc[nxt].text != ".":
            return None
        nxt += 1
    if nxt >= len(doc):
        return None
    following = doc[nxt]
    return following if following.ent_type_ == "PERSON" and following.ent_iob_ == "B" else None


PERSON_NOUNS = _wordset(
    """chief aide judge chef official staff expert source guard head boss coach nurse police
    family friend wife husband mother son kid child girl boy man woman person adult teen
    candidate rival ally critic colleague client victim suspect witness veteran fan guest
    host cleric medic pilot cop clerk envoy diplomat delegate nominee spouse partner sister
    brother uncle aunt niece nephew grandmother grandfather widow bride groom monk nun priest
    rabbi imam pope king queen prince princess chairwoman chairman spokeswoman spokesman
    everyone someone anyone nobody somebody anybody everybody who"""
)
"""Common nouns for people that no agent ending marks (see ``personal_noun``)."""
PERSON_ENDINGS = ("er", "or", "ist", "ian", "man", "woman", "person", "ee", "ant", "ent", "ess")
"""Agent endings of nouns for people: a mayor, a lawmaker, a resident, a nominee."""


def personal_noun(token: Token) -> bool:
    """Whether a common noun can name a person: a word for people, or one with an agent ending
    that is not an abstract one ("the goal", "the bigger risk", "any attempt" cannot)."""
    word = token.lemma_.lower() if token.lemma_ else token.lower_
    if word in PERSON_NOUNS or token.lower_ in PERSON_NOUNS:
        return True
    if word.endswith(ABSTRACT_SUFFIXES):
        return False
    return word.endswith(PERSON_ENDINGS)


def compatible(pronoun: str, kind: str) -> bool:
    """Whether a pronoun can refer to a speaker of this kind."""
    if pronoun in PERSON_PRONOUNS:
        return kind == "person"
    if pronoun in ORG_PRONOUNS:
        return kind == "org"
    if pronoun in GROUP_PRONOUNS:
        return kind in {"org", "group"}
    return False


def clean_mention(phrase: Span) -> str:
    """The speaker words as one normalised string."""
    return normalise_mention(phrase.text)
