"""Named entities per article, with one canonical name each.

spaCy's NER runs once (in :mod:`newsbrief.nlp`); this module only groups its mentions. The
canonical name strips titles and possessives, maps a surname-only person to the one full name
that contains it, and an acronym to the expansion the article gives as ``Full Name (ACR)``.
When a mapping is ambiguous (two full names share the surname) the mention keeps its own name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Span

from newsbrief.model import Entity
from newsbrief.nlp import ParsedArticle
from newsbrief.textsim import STOPWORDS


def _wordset(text: str) -> frozenset[str]:
    """Whitespace-separated words as a set (for long word lists)."""
    return frozenset(text.split())


KEPT_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT"})
NAMED_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})

#: Words stripped from the front of a person's name ("Interior Minister Lena Vask").
TITLE_WORDS = _wordset(
    """
    mr mrs ms miss mx dr prof professor sir dame lord lady rev reverend fr father sister
    president vice prime deputy minister secretary chancellor premier governor gov mayor
    senator sen rep representative congressman congresswoman speaker judge justice
    general gen colonel col major maj captain capt lieutenant lt sergeant sgt admiral adm
    commander cmdr marshal king queen prince princess sheikh pope bishop archbishop cardinal
    chief executive ceo chairman chairwoman chair director commissioner ambassador envoy
    spokesman spokeswoman spokesperson interior foreign defence defense finance health
    justice education labour labor trade home state former acting opposition leader
    """
)

#: Capitalised speech verbs that headlines set right after a name ("Vask Says Talks Failed").
HEADLINE_VERBS = _wordset(
    """
    Says Said Tells Told Warns Warned Urges Urged Slams Blasts Claims Claimed Insists Vows
    Admits Denies Calls Asks Defends Rejects Accuses Praises Announces Confirms Responds
    """
)

#: Abbreviated first words of place names, spelled out so "Mt Cook" is "Mount Cook".
PLACE_ABBREVIATIONS: dict[str, str] = {"mt": "Mount", "mt.": "Mount", "ft": "Fort", "ft.": "Fort"}

MAX_PERSON_WORDS = 5
"""Longer PERSON spans are title-case lines the tagger took for one name."""

_GLUED_MARKER = re.compile(r"[QA][A-Z][a-z]+")
"""An interview's bold "Q" or "A" scraped without its space onto the next word ("QIf Donald
Trump is the nominee, …"): not a word of the name that follows (a function word after it)."""

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"})
_SPACES = re.compile(r"\s+")
_POSSESSIVE = re.compile(r"(?:'s|')$")
_EDGE_PUNCT = re.compile(r"^[\s\"'(\[“”‘’―—–-]+|[\s\"')\],.;:“”‘’―—–-]+$")
_ACRONYM = re.compile(r"\(\s*([A-Z][A-Za-z&.]{1,11})\s*\)")
_ACRONYM_SKIP = frozenset({"of", "for", "and", "the", "on", "in", "de", "du", "la", "&"})


@lru_cache(maxsize=1 << 16)
def normalise_mention(text: str) -> str:
    """Whitespace collapsed, curly apostrophes straightened, possessive and edge marks dropped.
    Cached: an article's resolver normalises each name it meets many times."""
    text = _SPACES.sub(" ", text.translate(_APOSTROPHES)).strip()
    if text.count("(") != text.count(")"):
        text = text.split("(")[0] if "(" in text else text.replace(")", "")
    text = _EDGE_PUNCT.sub("", text)
    text = _POSSESSIVE.sub("", text)
    text = _TRAILING_FUNCTION_WORD.sub("", text)
    return _EDGE_PUNCT.sub("", text)


_TRAILING_FUNCTION_WORD = re.compile(r"(?<=\w)[\s\"”’']+(?:of|from|in|at|for|and|or|with)$")
"""A preposition or conjunction that ends a mention is the next phrase's, cut off by the
tagger ("Juan “Chico” Manriquez of | Oakland"): no name ends with one."""


def strip_titles(name: str) -> str:
    """Drop leading honorifics and role words; keeps at least the last word."""
    words = name.split(" ")
    while len(words) > 1 and words[0].rstrip(".").lower() in TITLE_WORDS:
        words.pop(0)
    return " ".join(words)


@lru_cache(maxsize=1 << 16)
def clean_name(text: str, label: str) -> str:
    """The article-independent canonical form of one mention ('' when nothing is left); cached
    like ``normalise_mention``."""
    name = normalise_mention(text)
    if name.rstrip(".").lower() in TITLE_WORDS:
        return ""
    if label == "PERSON":
        name = strip_titles(name)
        words = name.split(" ")
        if (
            len(words) > 1
            and _GLUED_MARKER.fullmatch(words[0])
            and words[0][1:].lower() in STOPWORDS
        ):
            words.pop(0)
        verb = next((k for k, w in enumerate(words) if k and w in HEADLINE_VERBS), None)
        if verb is not None:
            # a headline's "Obama Says …" or "Obama Claims Hillary Most Qualified …": the
            # tagger took the verb and what follows it into the name
            words = words[:verb]
        if len(words) > MAX_PERSON_WORDS:
            return ""  # a title-case line taken for one name, not a person
        name = " ".join(words)
    elif name.lower().startswith("the "):
        name = name[4:]
    first, _, rest = name.partition(" ")
    if rest and label != "PERSON" and first.lower() in PLACE_ABBREVIATIONS:
        name = f"{PLACE_ABBREVIATIONS[first.lower()]} {rest}"
    return name


def acronyms(texts: Iterable[str]) -> dict[str, str]:
    """Acronym → expansion for every ``Full Name (ACR)`` whose initials spell the acronym."""
    found: dict[str, str] = {}
    for text in texts:
        for match in _ACRONYM.finditer(text):
            acr = match.group(1).replace(".", "")
            if sum(c.isupper() for c in acr) < 2:
                continue
            expansion = _expansion(text[: match.start()].split(), acr)
            if expansion and acr not in found:
                found[acr] = expansion
    return found


def _expansion(before: list[str], acr: str) -> str | None:
    """The shortest tail of ``before`` whose capitalised initials spell ``acr``."""
    letters = acr.upper()
    taken: list[str] = []
    initials = ""
    for word in reversed(before[-(len(letters) * 2 + 2) :]):
        clean = word.strip(",;:\"'“”")
        if not clean:
            break
        taken.insert(0, clean)
        if clean.lower() in _ACRONYM_SKIP:
            continue
        if not clean[0].isupper():
            return None
        initials = clean[0] + initials
        if initials.upper() == letters:
            while taken and taken[0].lower() in _ACRONYM_SKIP:
                taken.pop(0)
            return " ".join(taken)
        if not letters.endswith(initials.upper()):
            return None
    return None


@dataclass(frozen=True)
class Mention:
    """One entity mention in the article: where it is and its cleaned name."""

    paragraph: int
    start: int
    end: int
    text: str
    label: str
    name: str


def mentions(parsed: ParsedArticle) -> Iterator[Mention]:
    """Kept entity mentions in reading order (title first, as paragraph -1)."""
    docs = [(-1, parsed.title_doc)] if parsed.title_doc is not None else []
    docs += list(enumerate(parsed.docs))
    for index, doc in docs:
        if doc is None:
            continue
        for ent in doc.ents:
            yield from _mention(index, ent)


def _mention(index: int, ent: Span) -> Iterator[Mention]:
    if ent.label_ not in KEPT_LABELS:
        return
    text = normalise_mention(ent.text)
    name = clean_name(ent.text, ent.label_)
    if text and name:
        yield Mention(index, ent.start_char, ent.end_char, text, ent.label_, name)


class NameResolver:
    """Maps mention strings to the article's canonical names (surnames, acronyms, titles)."""

    def __init__(
        self,
        named: Iterable[tuple[str, str]],
        aliases: dict[str, str],
        speaking: Iterable[str] = (),
    ) -> None:
        self._labels: dict[str, str] = {}
        tagged_person: set[str] = set()
        for name, label in named:
            self._labels.setdefault(name, label)
            if label == "PERSON":
                tagged_person.add(name)
        self._tagged_person = frozenset(tagged_person)
        self._named = list(self._labels.items())
        self._named += [(n, "PERSON") for n in tagged_person if self._labels[n] != "PERSON"]
        surnames = {n.lower() for n, label in self._labels.items() if label == "PERSON"}
        surnames |= {w.lower() for w in speaking}
        last_words = {n.split(" ")[-1] for n in tagged_person if " " in n}
        for name in tagged_person & last_words:
            # a surname the tagger took for an organisation at its first mention ('Sanders'
            # ORG 10 times, PERSON 8) is the person whose full name ends in it
            self._labels[name] = "PERSON"
        for name, label in list(self._labels.items()):
            words = name.split(" ")
            if (
                label != "PERSON"
                and 2 <= len(words) <= 3
                and words[-1].lower() in surnames
                and all(w[:1].isupper() for w in words)
            ):
                self._labels[name] = "PERSON"  # 'Hanna Vos' tagged FAC, 'Vos' alone a PERSON
        self._aliases = aliases
        self._full = {n for n, label in self._labels.items() if label == "PERSON" and " " in n}
        self._by_word: dict[str, set[str]] = {}
        for name in self._full:
            for word in name.split(" "):
                if word[:1].isupper():
                    self._by_word.setdefault(word.lower(), set()).add(name)

    @classmethod
    def from_entities(cls, entities: Sequence[Entity]) -> NameResolver:
        """Rebuild a resolver from extracted entities (what the quote extractor receives)."""
        aliases = {e.text: e.canonical for e in entities if e.text.isupper() and e.label == "ORG"}
        return cls(((clean_name(e.text, e.label), e.label) for e in entities), aliases)

    def with_speakers(self, words: Iterable[str]) -> NameResolver:
        """The same resolver, knowing that these single words speak ('Quell said'): a
        two- or three-word name ending in one of them is a person whatever its tag."""
        return NameResolver(self._named, self._aliases, words)

    def label(self, name: str) -> str | None:
        """The entity label of a canonical name, if the article has it."""
        return self._labels.get(name)

    def tagged_person(self, name: str) -> bool:
        """Whether the tagger itself took this name for a person at least once (``label``
        may also say PERSON by inference: a name ending in a word that speaks)."""
        return name in self._tagged_person

    def canonical(self, mention: str, label: str | None = None) -> str:
        """The canonical name for a mention; ``label=None`` treats it as a possible person.

        A one-word person maps to the full name containing it only when exactly one does.
        """
        plain = normalise_mention(mention)
        if plain in self._aliases:
            return self._aliases[plain]
        if label not in (None, "PERSON"):
            name = clean_name(mention, label) or plain
            if label in {"ORG", "GPE"} and " " not in name and not name.isupper():
                # spaCy often tags a lone surname as ORG: map it only to a unique surname match
                full = self._unique_full(name)
                if full and full.split(" ")[-1] == name:
                    return full
            return name
        name = clean_name(mention, "PERSON") or plain
        if " " in name:
            return name
        return self._unique_full(name) or name

    def _unique_full(self, word: str) -> str | None:
        matches = self._by_word.get(word.lower(), set())
        return next(iter(matches)) if len(matches) == 1 else None


def build_resolver(parsed: ParsedArticle) -> tuple[NameResolver, list[Mention]]:
    """The article's resolver and its kept mentions (shared by entities and quotes)."""
    found = list(mentions(parsed))
    texts = [parsed.article.title or "", *parsed.article.paragraphs]
    aliases = {acr: clean_name(full, "ORG") for acr, full in acronyms(texts).items()}
    resolver = NameResolver(((m.name, m.label) for m in found), aliases)
    return resolver, found


def extract_entities(parsed: ParsedArticle) -> list[Entity]:
    """One ``Entity`` per distinct (text, label), in order of first mention, with its count."""
    resolver, found = build_resolver(parsed)
    counts: dict[tuple[str, str], int] = {}
    for m in found:
        counts[(m.text, m.label)] = counts.get((m.text, m.label), 0) + 1
    return [
        Entity(text=text, label=label, canonical=resolver.canonical(text, label), count=n)
        for (text, label), n in counts.items()
    ]
