"""Figures about the story: the quantities that count casualties, people, damage or money.

A quantity is a claim when it counts a story-relevant subject ("120 soldiers", "4,000 homes",
"$2 million in aid", "52% of the vote") or is tied to an outcome word ("the death toll rose to
310"). Its ``measure`` is "<subject> <outcome>" normalised ("soldiers killed", "people injured",
"homes destroyed"); the claimant is the speaker of an enclosing quote or the source named in
the sentence ("according to X", "X said"), resolved to the entity's canonical name, else the
outlet; ``as_of`` is a date stated in the sentence, else the publication date. Distances,
durations, ages, relative changes ("rose 20%") and unrelated counts are never claims.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from newsbrief.model import Claim, DateMention, Entity, Quantity, Quote
from newsbrief.nlp import ParsedArticle

# Outcome words (lemmas, lower case) and the normalised outcome they stand for.
OUTCOMES = {
    "kill": "killed",
    "die": "killed",
    "dead": "killed",
    "death": "killed",
    "toll": "killed",
    "fatality": "killed",
    "perish": "killed",
    "wound": "injured",
    "injure": "injured",
    "injury": "injured",
    "hurt": "injured",
    "missing": "missing",
    "displace": "displaced",
    "flee": "displaced",
    "evacuate": "evacuated",
    "arrest": "arrested",
    "detain": "detained",
    "rescue": "rescued",
    "affect": "affected",
    "homeless": "homeless",
    "destroy": "destroyed",
    "damage": "damaged",
    "strike": "on strike",
    "sanction": "sanctioned",
    "capture": "captured",
    "release": "released",
    "free": "released",
    "infect": "infected",
}
# People whose counts are figures when tied to an outcome ("120 soldiers were killed").
PEOPLE_NOUNS = frozenset(
    [
        "people",
        "person",
        "civilian",
        "soldier",
        "troop",
        "fighter",
        "child",
        "adult",
        "woman",
        "man",
        "resident",
        "worker",
        "employee",
        "student",
        "patient",
        "passenger",
        "migrant",
        "refugee",
        "protester",
        "demonstrator",
        "volunteer",
        "member",
        "voter",
        "officer",
        "police",
        "policeman",
        "militant",
        "rebel",
        "journalist",
        "victim",
        "casualty",
        "prisoner",
        "hostage",
        "citizen",
        "villager",
        "miner",
        "doctor",
        "nurse",
        "teacher",
        "staff",
        "family",
        "household",
        "inhabitant",
        "supporter",
        "delegate",
        "lawmaker",
        "crew",
    ]
)
# Counts of these are figures on their own ("4,000 volunteers", "12,000 members").
STANDALONE_SUBJECTS = frozenset(
    [
        "volunteer",
        "member",
        "voter",
        "vote",
        "protester",
        "demonstrator",
        "refugee",
        "migrant",
        "casualty",
        "victim",
        "fatality",
        "hostage",
        "prisoner",
    ]
)
THING_NOUNS = frozenset(
    [
        "home",
        "house",
        "building",
        "school",
        "hospital",
        "shop",
        "business",
        "vehicle",
        "car",
        "tank",
        "aircraft",
        "plane",
        "drone",
        "missile",
        "rocket",
        "shell",
        "village",
        "bridge",
        "road",
        "apartment",
        "structure",
    ]
)
MONEY_NOUNS = frozenset(
    [
        "aid",
        "damage",
        "damages",
        "cost",
        "costs",
        "fine",
        "fines",
        "deal",
        "compensation",
        "budget",
        "loan",
        "package",
        "funding",
        "fund",
        "ransom",
        "bail",
        "settlement",
        "donation",
        "donations",
        "relief",
        "reconstruction",
        "bill",
        "price",
        "penalty",
        "grant",
        "investment",
        "bailout",
        "contract",
        "payment",
        "losses",
        "loss",
    ]
)
VOTE_NOUNS = frozenset(
    ["vote", "votes", "ballot", "support", "turnout", "approval", "poll", "electorate"]
)
ATTRIBUTION_VERBS = frozenset(
    [
        "say",
        "confirm",
        "acknowledge",
        "report",
        "claim",
        "announce",
        "state",
        "estimate",
        "tell",
        "put",
        "add",
        "insist",
        "allege",
        "warn",
        "count",
        "record",
        "tally",
        "note",
        "estimate",
        "publish",
        "give",
    ]
)
NON_CLAIM_UNITS = frozenset(
    [
        "year-old",
        "year",
        "years",
        "month",
        "months",
        "week",
        "weeks",
        "day",
        "days",
        "hour",
        "hours",
        "minute",
        "minutes",
        "second",
        "seconds",
        "decade",
        "decades",
        "century",
        "mile",
        "miles",
        "kilometre",
        "kilometres",
        "kilometer",
        "kilometers",
        "metre",
        "metres",
        "meter",
        "meters",
        "foot",
        "feet",
        "inch",
        "inches",
        "yard",
        "yards",
        "km",
        "mph",
        "comment",
        "comments",
    ]
)
PRONOUNS = frozenset(["he", "she", "they", "it", "we", "i", "you", "who", "this", "that"])


def extract_claims(
    parsed: ParsedArticle,
    *,
    quantities: Sequence[Quantity],
    quotes: Sequence[Quote],
    entities: Sequence[Entity],
    dates: Sequence[DateMention],
) -> list[Claim]:
    """The quantities that are figures about the story, with measure, claimant and as-of date."""
    claims: list[Claim] = []
    for quantity in quantities:
        doc = parsed.doc_for(quantity.paragraph)
        if doc is None:
            continue
        claim = _claim(parsed, doc, quantity, quotes=quotes, entities=entities, dates=dates)
        if claim is not None:
            claims.append(claim)
    return claims


def _claim(
    parsed: ParsedArticle,
    doc: Doc,
    quantity: Quantity,
    *,
    quotes: Sequence[Quote],
    entities: Sequence[Entity],
    dates: Sequence[DateMention],
) -> Claim | None:
    if quantity.change not in ("=", "~", ">", "<", ">=", "<="):
        return None  # a relative change ("rose 20%"), not a figure
    span = doc.char_span(quantity.start, quantity.end, alignment_mode="expand")
    if span is None:
        return None
    sentence = span.sent
    found = measure_of(quantity, span)
    if found is None:
        return None
    measure, subject = found
    return Claim(
        value=quantity.value,
        low=quantity.low,
        high=quantity.high,
        qualifier=quantity.change,
        measure=measure,
        subject=subject,
        claimant=_claimant(parsed, quantity, sentence, quotes=quotes, entities=entities),
        as_of=_as_of(parsed, quantity, sentence, dates),
        paragraph=quantity.paragraph,
        sentence=sentence.text.strip(),
        text=quantity.text,
    )


def measure_of(quantity: Quantity, span: Span) -> tuple[str, str | None] | None:
    """(measure, subject) of a quantity, or None when it is not a figure about the story."""
    unit = (quantity.unit or "").lower()
    if unit in NON_CLAIM_UNITS or _is_age(span):
        return None
    number = _number_token(span)
    noun = _counted_noun(quantity, number)
    context = _context_tokens(number, noun)
    outcome = _outcome(context)
    if unit == "percent":
        after = span.doc[span.end : span.end + 5]
        votes = next((t for t in [*context, *after] if t.lower_ in VOTE_NOUNS), None)
        return (f"percent {_plural(votes)}", None) if votes is not None else None
    if quantity.unit and noun is None and not unit.isalpha():
        return None
    if _is_money(unit):
        money = next((t for t in context if t.lemma_.lower() in MONEY_NOUNS), None)
        if money is None:
            return None
        return f"{money.lower_} ({unit})", None
    if noun is not None:
        lemma = noun.lemma_.lower()
        subject = _plural(noun)
        if lemma in PEOPLE_NOUNS or lemma in THING_NOUNS:
            if outcome is not None:
                return f"{subject} {outcome}", subject
            if lemma in STANDALONE_SUBJECTS:
                return subject, subject
            return None
        if lemma == "body" or (lemma in OUTCOMES and OUTCOMES[lemma] == "killed"):
            return "people killed", "people"  # "310 deaths", "40 fatalities"
        return None
    if outcome is not None and _outcome_is_about_people(context):
        return f"people {outcome}", "people"  # "the death toll rose to 310", "120 dead"
    return None


def _number_token(span: Span) -> Token:
    numeric = [t for t in span if t.like_num or t.pos_ == "NUM"]
    return numeric[-1] if numeric else span.root


def _counted_noun(quantity: Quantity, number: Token) -> Token | None:
    """The noun the number counts: its head noun, or the object of a following "of"."""
    if quantity.unit is None:
        return None
    head = number.head
    while head.dep_ in ("nummod", "quantmod", "compound") and head.head.i > head.i:
        head = head.head
    if head.i > number.i and head.pos_ in ("NOUN", "PROPN", "ADJ") and head.text == quantity.unit:
        return head
    for token in number.doc[number.i + 1 : number.i + 6]:
        if token.text == quantity.unit and token.pos_ in ("NOUN", "PROPN", "ADJ"):
            return token
    return None


def _context_tokens(number: Token, noun: Token | None) -> list[Token]:
    """Tokens that govern or modify the number or its noun: where outcomes and topics sit."""
    anchor = noun or number
    tokens: list[Token] = [anchor, number]
    node = anchor
    for _ in range(4):
        if node.head is node:
            break
        node = node.head
        tokens.append(node)
        tokens.extend(c for c in node.children if c.dep_ in ("compound", "amod", "nsubj"))
        if node.pos_ in ("VERB", "AUX") and node.lemma_.lower() not in ATTRIBUTION_VERBS:
            tokens.extend(
                c for c in node.children if c.dep_ in ("acomp", "attr", "dobj", "oprd", "xcomp")
            )
    for child in list(anchor.children) + list(number.children):
        tokens.append(child)
        tokens.extend(child.children)
    if noun is not None:
        tokens.extend(t for t in noun.subtree if t.i > noun.i)
    return tokens


def _outcome(tokens: Sequence[Token]) -> str | None:
    for token in tokens:
        lemma = token.lemma_.lower()
        if lemma == "toll":
            if any(c.lemma_.lower() == "death" for c in token.children):
                return "killed"
            continue
        if lemma == "life" and token.head.lemma_.lower() == "lose":
            return "killed"
        if lemma in OUTCOMES:
            return OUTCOMES[lemma]
        if token.lower_ in ("dead", "wounded", "injured", "missing", "homeless"):
            return OUTCOMES.get(token.lower_, token.lower_)
    return None


def _outcome_is_about_people(tokens: Sequence[Token]) -> bool:
    return not any(t.lemma_.lower() in THING_NOUNS for t in tokens)


def _is_money(unit: str) -> bool:
    first = unit.split()[0] if unit else ""
    return first in (
        [
            "dollar",
            "euro",
            "pound",
            "yen",
            "yuan",
            "rupee",
            "shekel",
            "franc",
            "krone",
            "rouble",
            "peso",
            "ringgit",
            "cent",
            "penny",
        ]
    )


def _is_age(span: Span) -> bool:
    """ "the 54-year-old", "Smith, 54,": an age given in passing."""
    following = span.doc[span.end : span.end + 4].text.lower().replace(" ", "")
    if following.startswith(("-year-old", "year-old", "-years-old", "yearsold", "yearold")):
        return True
    before = span.doc[span.start - 1] if span.start > 0 else None
    after = span.doc[span.end] if span.end < len(span.doc) else None
    return bool(
        before is not None
        and after is not None
        and before.text == ","
        and after.text in (",", ".")
        and span.start > 1
        and span.doc[span.start - 2].pos_ == "PROPN"
    )


def _plural(token: Token | None) -> str:
    if token is None:
        return ""
    return token.lower_


def _claimant(
    parsed: ParsedArticle,
    quantity: Quantity,
    sentence: Span,
    *,
    quotes: Sequence[Quote],
    entities: Sequence[Entity],
) -> str | None:
    """Speaker of the enclosing quote, else the source named in the sentence, else the outlet."""
    for quote in quotes:
        if quote.paragraph == quantity.paragraph and quote.start <= quantity.start < quote.end:
            return quote.speaker or quote.speaker_mention
    source = attribution_source(sentence)
    if source is None:
        return parsed.article.outlet
    if source.lower() in PRONOUNS:
        return None  # attributed, but to someone we cannot name here: do not guess
    return canonical_name(source, entities)


def attribution_source(sentence: Span) -> str | None:
    """Who the sentence attributes its content to: "according to X" or "X said/claimed"."""
    for token in sentence:
        if token.lower_ == "according" and token.i + 1 < len(token.doc):
            to = token.doc[token.i + 1]
            objects = [c for c in to.children if c.dep_ == "pobj"]
            if to.lower_ == "to" and objects:
                return _mention(objects[0])
    named = [
        _mention(subject)
        for token in sentence
        if token.pos_ == "VERB" and token.lemma_.lower() in ATTRIBUTION_VERBS
        for subject in token.children
        if subject.dep_ == "nsubj"
    ]
    named.sort(key=lambda name: name.lower() in PRONOUNS)
    return named[0] if named else None


def _mention(token: Token) -> str:
    words = [
        t
        for t in token.subtree
        if t.i <= token.i or t.dep_ in ("compound", "flat")
        if t.pos_ not in ("DET", "PUNCT")
    ]
    return " ".join(t.text for t in words) or token.text


def canonical_name(mention: str, entities: Sequence[Entity]) -> str:
    """The canonical name of the entity a mention refers to, else the mention itself."""
    lowered = mention.lower()
    for entity in entities:
        if entity.text.lower() == lowered or entity.canonical.lower() == lowered:
            return entity.canonical
    for entity in entities:
        text = entity.text.lower()
        if len(text) > 2 and (text in lowered or lowered in entity.canonical.lower()):
            return entity.canonical
    return mention


def _as_of(
    parsed: ParsedArticle, quantity: Quantity, sentence: Span, dates: Sequence[DateMention]
) -> str | None:
    """A date stated in the claim's sentence, else publication.

    The nearest date after the number wins ("120 were killed on Monday, officials said on
    Tuesday": Monday), else the nearest before it ("said on Tuesday that the toll was 310").
    """
    inside = [
        d
        for d in dates
        if d.paragraph == quantity.paragraph
        and d.start >= sentence.start_char
        and d.end <= sentence.end_char
    ]
    after = [d for d in inside if d.start >= quantity.end]
    if after:
        return min(after, key=lambda d: d.start).date
    if inside:
        return max(inside, key=lambda d: d.start).date
    return parsed.article.published
