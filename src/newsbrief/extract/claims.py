"""Figures about the story: the quantities that count casualties, people, damage or money.

A quantity is a claim when it counts a story-relevant subject ("120 soldiers", "4,000 homes",
"$2 million in aid", "52% of the vote", "a pay rise of 4.5%") or is tied to an outcome word
("the death toll rose to 310"). Its ``measure`` is "<subject> <outcome>" normalised ("soldiers
killed", "people injured", "homes destroyed"); its ``subject`` says whose ("Varnian soldiers":
a nationality before the noun, a possessor, or "its soldiers" resolved to the clause's subject),
so that one side's losses never join the other side's. Distances, durations, ages, clock times,
unit names, counters and relative changes ("rose 20%") are never claims. A count of more of the
same ("two more bodies were found", "another 12 people") is an increase with a measure of its
own ("more people killed"), never set against the total.

The claimant, most specific first: the owner of a claim noun ("Kaldoria's claim that…", "the
agency's death toll"), the speaker of an enclosing quote, the subject of the attribution verb
that governs the number ("X said that…", "…, saying that…", "acknowledged by X", "the 4.5% X
had offered"), "according to X", any attribution in the sentence or in the sentence before it
in the paragraph, else the outlet. Pronouns resolve to the nearest person named before; a bare
description ("the agency", "the ministry") to the fuller name the article gave it ("the Lessmoor
Regional Emergency Agency"); a dateline ("KERROW FALLS —") is never a claimant.

``as_of``: a date on the figure's own clause ("killed on Monday", "correct as of Thursday
evening"), a relative offset from the sentence's date ("up from 126 a week earlier"), the date of
another figure of the same sentence, the date of the attribution ("said on Friday"), the date of
the article's previous figure of the same outcome (the same toll restated), else publication.
An earlier value stated without a date ("up from 4.5%", "stood at 40 late last week") has none,
and so has a figure whose clause names another month or year but no day ("killed 14 in
December", "turnout in 2012").
``as_of_basis`` records which: "text", "context", "published" or "none".
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cached_property, partial

from spacy.tokens import Doc, Span, Token

from newsbrief.datewords import MONTHS
from newsbrief.extract.dates import parse_day
from newsbrief.extract.entities import NameResolver
from newsbrief.extract.gender import Gender, agrees, person_genders
from newsbrief.extract.speakers import PERSON_NOUNS, personal_noun
from newsbrief.model import Claim, DateMention, Entity, Quantity, Quote
from newsbrief.nlp import ParsedArticle, doc_text
from newsbrief.textsim import wordset

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
    "evacuate": "displaced",
    "shelter": "in shelters",
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
        "rescuer",
        "driver",
        "evacuee",
        "boy",
        "girl",
        "kid",
        "teenager",
        "pupil",
        "player",
        "tourist",
        "visitor",
        "pilgrim",
        "spectator",
        "inmate",
        "detainee",
        "suspect",
        "survivor",
        "sailor",
        "fisherman",
        "climber",
        "firefighter",
        "guard",
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
        "passenger",
        "rescuer",
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
        "tram",
        "bus",
        "train",
        "flight",
        "ferry",
    ]
)
# Vehicles whose counts are figures when they run ("58 trams were in service").
VEHICLE_NOUNS = frozenset(["tram", "bus", "train", "flight", "ferry", "plane"])
RUNNING_WORDS = frozenset(["run", "operate", "service", "leave", "depart", "serve"])
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
CURRENCIES = frozenset(
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
        "mark",
        "crown",
        "lira",
        "dinar",
        "rand",
        "zloty",
        "forint",
    ]
)
VOTE_NOUNS = frozenset(
    ["vote", "votes", "ballot", "support", "turnout", "approval", "poll", "electorate"]
)
# A percentage is a pay figure in a labour story: "a pay rise of 4.5%", "its offer of 4.5%".
PAY_WORDS = frozenset(["pay", "wage", "wages", "salary", "salaries", "earnings"])
PAY_CONTEXT = frozenset(["pay", "wage", "wages", "salary", "union", "strike", "walkout"])
OFFER_WORDS = frozenset(["offer", "rise", "raise", "increase", "deal", "demand", "settlement"])
DEMAND_WORDS = frozenset(["ask", "seek", "demand", "want", "call"])
OTHER_RATE_WORDS = frozenset(
    [
        "tax",
        "taxes",
        "vat",
        "rate",
        "rates",
        "interest",
        "unemployment",
        "jobless",
        "inflation",
        "tariff",
        "tariffs",
        "share",
        "shares",
    ]
)
"""Words by a percentage that make it some other rate than pay ("the jobless rate ticked down to
5 percent", "a 17 percent corporate tax rate", "raise rates by one percentage point")."""
LABOUR_CONTEXT_WORDS = 2
"""Distinct ``PAY_CONTEXT`` words that make an article a labour story: one "union" or "wages"
in election coverage is not one."""
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
        "publish",
        "give",
        "repeat",
        "dispute",
    ]
)
# Whoever offers or demands a figure claims it ("the authority has offered 4.5%").
CLAIMING_VERBS = frozenset(["offer", "propose", "seek", "demand", "ask", "want"])
# Nouns whose owner is the claimant of the figure they carry ("Kaldoria's claim that …").
CLAIM_NOUNS = frozenset(
    [
        "claim",
        "figure",
        "estimate",
        "count",
        "tally",
        "toll",
        "offer",
        "demand",
        "statement",
        "report",
        "total",
        "data",
    ]
)
SHELTERS = frozenset(["shelter", "housing", "camp"])
# Subjects that stand for a count: "the number of people killed rose to 126".
COUNT_NOUNS = frozenset(["number", "total", "count", "tally", "toll", "figure"])
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
        "times",
        "o'clock",
    ]
)
LENGTH_UNITS = frozenset(
    [
        "metre",
        "metres",
        "meter",
        "meters",
        "kilometre",
        "kilometres",
        "kilometer",
        "kilometers",
        "km",
        "centimetre",
        "centimetres",
        "cm",
        "mile",
        "miles",
        "foot",
        "feet",
        "inch",
        "inches",
    ]
)
# A length is a figure only as the amount of a change ("retreated by 600 metres").
CHANGE_VERBS = frozenset(
    ["lose", "retreat", "shrink", "thin", "recede", "melt", "sink", "subside", "advance"]
)
PRONOUNS = frozenset(
    ["he", "she", "they", "it", "we", "i", "you", "who", "this", "that", "its", "their", "his"]
)
PERSONAL_PRONOUNS = frozenset(["he", "she", "him", "her", "his"])
# Heads of a share of people rather than a source: "37 percent said", "most said".
SHARE_HEADS = frozenset(
    ["percent", "%", "percentage", "those", "these", "most", "many", "some", "half", "majority"]
    + ["minority", "plurality", "others", "all", "both", "none", "few", "third", "quarter"]
)
DETERMINERS = frozenset(["the", "a", "an", "its", "their", "his", "her", "our", "this", "that"])
# Common nouns for what can state a figure besides people: documents and bodies.
SOURCE_NOUNS = wordset(
    """poll polling survey report study analysis data figure estimate record filing document
    statement census audit review index tally projection forecast model research paper article
    release bulletin count government administration campaign company committee ministry
    agency department office police military army navy party council board court bank
    commission union group organization organisation association network station newspaper
    website team firm authority authorities service institute center centre foundation
    coalition alliance league federation bureau parliament congress senate house regime
    rebel force troop side opposition people resident
    """
)
COUNT_WORDS = wordset(
    "one two three four five six seven eight nine ten dozen dozens hundreds thousands"
)
NOUN_SYNONYMS = {"troops": "soldiers", "troop": "soldiers", "dead": "people"}
IRREGULAR_PLURALS = {
    "person": "people",
    "child": "children",
    "man": "men",
    "woman": "women",
    "staff": "staff",
    "police": "police",
    "crew": "crew",
    "people": "people",
}
# "hundreds of homes": at least two hundred.
VAGUE_COUNTS = {
    "dozens": 24.0,
    "scores": 40.0,
    "hundreds": 200.0,
    "thousands": 2000.0,
    "tens of thousands": 20000.0,
    "hundreds of thousands": 200000.0,
    "millions": 2000000.0,
}
TIME_PREPOSITIONS = frozenset(["at", "by", "until", "till", "before", "after", "around", "from"])
PERIOD_PREPOSITIONS = ("since", "until", "till", "from", "before", "after", "throughout")
VAGUE_TIMES = frozenset(["earlier", "previously", "before", "ago", "formerly"])
CLOCK_WORDS = frozenset(["am", "pm", "a.m.", "p.m.", "o'clock"])
MODALS = frozenset(["will", "would", "could", "might", "may", "should", "can"])
UNIT_DAYS = {"day": 1, "week": 7, "fortnight": 14, "month": 30, "year": 365}
SMALL_NUMBERS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
}
_RELATIVE_OFFSET = re.compile(
    r"^\W{0,3}(?P<n>a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+"
    r"(?P<unit>day|week|fortnight|month|year)s?\s+(?P<dir>earlier|before|ago|later|previously)\b",
    re.IGNORECASE,
)
_VOTED_BY = re.compile(r"\bvot(?:ed|es|e|ing)\s+by\s+$")
_VOTED_BY_TO = re.compile(r"\bvot(?:ed|es|e|ing)\s+by\s+[\d,.]+\s+to\s+$")
_TO_AGAINST = re.compile(r"\s+to\s+(?P<n>\d[\d,]*)\b")
_AGAINST = re.compile(r"\b(?:and|with|to)\s+(?P<n>\d[\d,]*)\s+against\b")
_FROM = re.compile(
    r"(?:\b(?:up|down|rising|falling|rose|fell|risen|fallen)\s+from"
    r"|\b(?:increase|decrease|rise|fall|jump|drop)\s+(?:from|over|on)"
    r"|\bcompared\s+(?:with|to))\s+(?:the\s+)?(?:\w+\s+of\s+)?$"
)
"""Words before an earlier value of the figure just stated: "up from 126", "a 13 percent
increase over the influx of 188,000", "compared with 180,034"."""
_DATELINE = re.compile(
    r"^\s*[A-Z][A-Z'’.\- ]{2,}(?:,\s*[A-Z][\w'’. ]+?)*(?:,\s*[A-Z][a-z]+\.? \d{1,2})?"
    r"\s*(?:\([^)]{0,40}\))?\s*[-—–]+\s*"
)


# ---------------------------------------------------------------- article context


@dataclass
class _Draft:
    """A claim being built; article-level passes fill in subject, date and claimant."""

    quantity: Quantity
    doc: Doc
    sentence: Span
    number: Token
    value: float
    low: float | None
    high: float | None
    qualifier: str
    noun: str | None = None  # what is counted, plural ("soldiers"); None when implicit
    owner: str | None = None  # whose ("Varnian")
    outcome: str | None = None  # "killed", "injured", …
    fixed: str | None = None  # a whole measure not built from noun and outcome
    fixed_subject: str | None = None
    implicit: bool = False  # no counted noun ("70 were wounded"): borrow a neighbour's
    follows: bool = False  # "up from 126": the earlier value of the figure before it
    increment: bool = False  # "four more boys", "another 12 people": more of the same
    daily: bool = False  # "2,108 died in the past 24 hours": a day's count, not the total
    earlier_value: bool = False
    claimant: str | None = None
    as_of: str | None = None
    basis: str = "published"
    own_date: str | None = None
    own_basis: str = ""  # "text" (own clause), "vague" (no date), "" (not stated)
    said_date: str | None = None  # the date of the attribution verb

    @property
    def key(self) -> tuple[int, int]:
        return self.quantity.paragraph, self.quantity.start

    @property
    def subject(self) -> str | None:
        if self.fixed is not None:
            return self.fixed_subject
        if self.noun is None:
            return None
        return f"{self.owner} {self.noun}" if self.owner else self.noun

    @property
    def measure(self) -> str:
        if self.fixed is not None:
            return self.fixed
        subject = self.subject or "people"
        measure = f"{subject} {self.outcome}" if self.outcome else subject
        measure = f"more {measure}" if self.increment else measure
        # a day's toll stands apart from the total; a count of users ("280,000 passengers a
        # day") is a rate whoever states it, however they word the day
        return f"{measure} in a day" if self.daily and self.outcome else measure


class _Words:
    """The article's vocabulary, as the measure rules use it."""

    def __init__(self, words: set[str]) -> None:
        self.words = words
        self.labour = len(words & PAY_CONTEXT) >= LABOUR_CONTEXT_WORDS

    def demonym(self, name: str) -> str:
        """ "Kaldoria" → "Kaldorian" when the article uses that adjective; else the name."""
        name = re.sub(r"['’]s$", "", name.strip())
        for suffix in ("n", "an", "ian"):
            if (name + suffix).lower() in self.words:
                return name + suffix
        return name


class _Article(_Words):
    """What the claim rules look up across one article: parses, quotes, names, dates."""

    def __init__(
        self,
        parsed: ParsedArticle,
        quotes: Sequence[Quote],
        entities: Sequence[Entity],
        dates: Sequence[DateMention],
    ) -> None:
        self.parsed = parsed
        self.quotes = quotes
        self.entities = entities
        self.dates = dates
        self.outlet = parsed.article.outlet
        self.published = parse_day(parsed.article.published)
        self.paragraphs: list[tuple[int, Doc]] = []
        if parsed.title_doc is not None:
            self.paragraphs.append((-1, parsed.title_doc))
        self.paragraphs.extend(enumerate(parsed.docs))
        super().__init__({t.lower_ for _, doc in self.paragraphs for t in doc})
        self.datelines = {p: _dateline_end(doc_text(doc)) for p, doc in self.paragraphs}

    @cached_property
    def genders(self) -> dict[str, Gender]:
        """The sex the article shows for its people (``gender.person_genders``)."""
        resolver = NameResolver.from_entities(self.entities)
        return person_genders((doc for _, doc in self.paragraphs), resolver)

    def in_dateline(self, paragraph: int, token: Token) -> bool:
        return token.idx < self.datelines.get(paragraph, 0)


def extract_claims(
    parsed: ParsedArticle,
    *,
    quantities: Sequence[Quantity],
    quotes: Sequence[Quote],
    entities: Sequence[Entity],
    dates: Sequence[DateMention],
) -> list[Claim]:
    """The quantities that are figures about the story, with measure, claimant and as-of date."""
    ctx = _Article(parsed, quotes, entities, dates)
    drafts: list[_Draft] = []
    for quantity in sorted(quantities, key=lambda q: (q.paragraph, q.start)):
        doc = parsed.doc_for(quantity.paragraph)
        if doc is None:
            continue
        draft = _draft(ctx, doc, quantity)
        if draft is not None:
            drafts.append(draft)
    body_values = {d.value for d in drafts if d.quantity.paragraph >= 0}
    # A headline figure the body restates is counted once, where the body gives its context.
    drafts = [d for d in drafts if d.quantity.paragraph >= 0 or d.value not in body_values]
    drafts.extend(_votes_against(ctx, drafts))
    drafts.sort(key=lambda d: d.key)
    _inherit_subjects(drafts)
    drafts = [d for d in drafts if not d.follows]
    for i, draft in enumerate(drafts):
        draft.claimant = _claimant(ctx, draft)
        _resolve_as_of(ctx, draft, drafts[:i])
    return [
        Claim(
            value=d.value,
            low=d.low,
            high=d.high,
            qualifier=d.qualifier,
            measure=d.measure,
            subject=d.subject,
            claimant=d.claimant,
            as_of=d.as_of,
            as_of_basis=d.basis,
            paragraph=d.quantity.paragraph,
            sentence=d.sentence.text.strip(),
            text=d.quantity.text,
            unit=d.quantity.unit,
        )
        for d in drafts
    ]


# ---------------------------------------------------------------- is it a figure, of what


def _draft(ctx: _Article, doc: Doc, quantity: Quantity) -> _Draft | None:
    qualifier = _qualifier(ctx, quantity)
    if qualifier is None:
        return None  # a relative change ("rose 20%"), not a figure
    span = doc.char_span(quantity.start, quantity.end, alignment_mode="expand")
    if span is None:
        return None
    number = _number_token(span)
    value, low, high = quantity.value, quantity.low, quantity.high
    vague = VAGUE_COUNTS.get(quantity.text.lower().strip())
    if vague is not None:
        value, low, high, qualifier = vague, vague, None, ">="
    draft = _Draft(
        quantity=quantity,
        doc=doc,
        sentence=span.sent,
        number=number,
        value=value,
        low=low,
        high=high,
        qualifier=qualifier,
    )
    if _not_a_figure(quantity, span, number):
        return None
    before = doc_text(doc)[max(span.sent.start_char, quantity.start - 40) : quantity.start].lower()
    draft.earlier_value = bool(_FROM.search(before))
    if _measure(ctx, draft, span):
        return draft
    if quantity.unit is None and draft.earlier_value:
        draft.follows = True  # measured like the figure it is the earlier value of
        return draft
    return None


def _qualifier(ctx: _Article, quantity: Quantity) -> str | None:
    change = quantity.change
    if change in ("up", "down"):
        doc = ctx.parsed.doc_for(quantity.paragraph)
        before = doc_text(doc)[max(0, quantity.start - 12) : quantity.start].lower() if doc else ""
        counted = (
            quantity.unit is not None and quantity.unit.isalpha() and quantity.unit != "percent"
        )
        # "KERROW FALLS - At least 40": the place name is not a fall; "lost 31 soldiers" is
        # a count of the lost, not a fall of 31.
        in_dateline = quantity.start <= ctx.datelines.get(quantity.paragraph, 0) + 2
        if not in_dateline and not (counted and re.search(r"\b(?:lost|lose|loses)\s+$", before)):
            return None
        change = _bound(quantity.text)
    if change not in ("=", "~", ">", "<", ">=", "<="):
        return None
    text = quantity.text.lower()
    if change == ">" and text.startswith(("at least", "no fewer than", "no less than")):
        return ">="
    if change == "<" and text.startswith(("at most", "up to", "no more than")):
        return "<="
    return change


def _bound(text: str) -> str:
    lower = text.lower()
    if lower.startswith(("at least", "no fewer than")):
        return ">="
    if lower.startswith(("more than", "over", "above", "upwards of")):
        return ">"
    if lower.startswith(("at most", "up to", "no more than")):
        return "<="
    if lower.startswith(("fewer than", "less than", "under", "below")):
        return "<"
    if lower.startswith(("nearly", "almost", "about", "around", "some", "roughly")):
        return "~"
    return "="


_SHARE_OF_TEN = re.compile(
    r"\b(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)\s+"
    r"(?:(?:in|out of)\s+(?:[2-9]|10|100|two|three|four|five|six|seven|eight|nine|ten)"
    r"|of\s+(?:10|ten|100))\b",
    re.IGNORECASE,
)
"""A share of respondents written as a ratio ("four in 10 voters", "nearly eight of 10",
"almost two in three Republican-leaning voters"); "two of three suspects" is a count."""


_NUMBER_SIGN = re.compile(r"(?:\b[Nn]os?\.|#)\s*$")


def _not_a_figure(quantity: Quantity, span: Span, number: Token) -> bool:
    """Ages, clock times, "one of the deadliest", hypotheticals ("a deal above 6% will…"), and
    the numbers of a share written as a ratio ("four in 10 voters" is no count of 0.4 voters,
    "eight of 10" none of 8 or 10)."""
    if _is_age(span):
        return True
    doc = span.doc
    text = doc_text(doc)
    if not text[: quantity.start].strip() and re.match(r"[.)]\s+\S", text[quantity.end :]):
        return True  # "5. ELEVEN POLICE KILLED …": a list item's number
    if _NUMBER_SIGN.search(text, max(0, quantity.start - 6), quantity.start):
        return True  # "United States v. Texas, No. 15-674": a docket number, a label
    for match in _SHARE_OF_TEN.finditer(text, max(0, quantity.start - 12), quantity.end + 12):
        if match.start() < quantity.end and quantity.start < match.end():
            return True
    after = doc[span.end : span.end + 2]
    if quantity.value == 1 and len(after) and after[0].lower_ == "of":
        return True  # "one of the deadliest in the country's history"
    if quantity.unit is None and quantity.value <= 24:
        head = number.head if number.head.i != number.i else None
        if head is not None and head.lower_ in TIME_PREPOSITIONS and number.dep_ == "pobj":
            return True  # "at eight", "by ten"
        if len(after) and after[0].lower_ in CLOCK_WORDS:
            return True
    verb = _verb_of(number)
    nouns = [t for t in _ancestors(number, 5) if t.pos_ in ("NOUN", "PROPN")]
    if verb is not None:
        nouns = [t for t in nouns if t.i in range(verb.left_edge.i, verb.right_edge.i + 1)]
    # "a deal above six per cent will be quoted everywhere": a hypothetical, not a figure
    return (
        any(
            c.dep_ == "det" and c.lower_ in ("a", "an", "any")
            for noun in nouns
            for c in noun.children
        )
        and verb is not None
        and any(c.dep_ == "aux" and c.lower_ in ("will", "could", "might") for c in verb.children)
    )


def measure_of(quantity: Quantity, span: Span) -> tuple[str, str | None] | None:
    """(measure, subject) of a quantity in its parsed text, or None when it is no figure
    (without the article-level passes: subjects are not borrowed from neighbours)."""
    number = _number_token(span)
    d = _Draft(
        quantity=quantity,
        doc=span.doc,
        sentence=span.sent,
        number=number,
        value=quantity.value,
        low=quantity.low,
        high=quantity.high,
        qualifier=quantity.change,
    )
    words = _Words({t.lower_ for t in span.doc})
    if _not_a_figure(quantity, span, number) or not _measure(words, d, span):
        return None
    return d.measure, d.subject


def _measure(ctx: _Words, d: _Draft, span: Span) -> bool:
    """Fill in the draft's measure; False when the quantity is not a figure about the story."""
    quantity, number = d.quantity, d.number
    unit = (quantity.unit or "").lower()
    if unit in LENGTH_UNITS:
        return _length_change(d, unit)
    if unit in NON_CLAIM_UNITS:
        return False
    noun = _counted_noun(quantity, span, number)
    if noun is not None and noun.head.head.i != number.i and _is_denominator(noun):
        return False  # "12 of the city's 140 trams": 140 is the whole, not a figure
    if unit == "percent" or unit.endswith("per cent"):
        return _percent(ctx, d, span)
    vote = _vote(number, noun)
    if vote is not None:
        d.fixed = vote
        return True
    if quantity.unit and noun is None and not unit.isalpha():
        return False
    if _is_money(unit):
        return _money(d, number, noun, unit)
    context = _context_tokens(number, noun)
    outcome = _outcome(context)
    d.increment = _increment(number, noun)
    d.daily = _daily(number)
    if noun is not None:
        lemma = noun.lemma_.lower()
        if lemma in VEHICLE_NOUNS and _runs(number, noun):
            d.noun, d.outcome = _plural(noun), "running"
            return True
        if lemma in PEOPLE_NOUNS or lemma in THING_NOUNS:
            if outcome is None and _lost(noun):
                outcome = "killed" if lemma in PEOPLE_NOUNS else "destroyed"
            if lemma in PEOPLE_NOUNS and _represented(number):
                d.noun = "members"
                return True
            d.noun = _plural(noun)
            if lemma in PEOPLE_NOUNS:
                d.owner = _owner(ctx, noun)
            if outcome is not None:
                d.outcome = outcome
                return True
            return lemma in STANDALONE_SUBJECTS
        if lemma == "body" or (lemma in OUTCOMES and OUTCOMES[lemma] == "killed"):
            d.noun, d.outcome = "people", "killed"  # "310 deaths", "40 fatalities", "120 dead"
            d.implicit = True
            return True
        return False
    if outcome is not None and _outcome_is_about_people(context):
        d.noun, d.outcome, d.implicit = "people", outcome, True  # "the toll rose to 310"
        return True
    return False


_DAILY = re.compile(
    r"\b(?:(?:a|per|each|every|in (?:a|one)(?: single)?) day"
    r"(?!\s+(?:after|before|earlier|later|ahead|or|of|when|since|that|and a half)\b)|daily|"
    r"in the (?:past|last|previous) (?:24|twenty-four) hours)\b",
    re.IGNORECASE,
)


def _daily(number: Token) -> bool:
    """A count for one day ("2,108 people died in the past 24 hours", "1,000 deaths a day"):
    a measure of its own ("people killed in a day"), never set against the running total."""
    verb = _verb_of(number)
    clause = verb if verb is not None else number.sent.root
    start, end = clause.left_edge.idx, clause.right_edge.idx + len(clause.right_edge)
    return bool(_DAILY.search(doc_text(number.doc), start, end))


INCREMENT_AFTER = wordset("more additional further extra")
INCREMENT_BEFORE = wordset("another additional further extra")
_HEDGES = wordset("at least some about around nearly almost roughly over")


def _increment(number: Token, noun: Token | None) -> bool:
    """A count of more of the same ("four more boys were freed", "two more bodies", "another
    12 people", "an additional 300 troops"): an increase, not the total. It gets a measure of
    its own ("more boys released"), so that "two more bodies were found, bringing the toll to
    310" sets no 2 against the 310. "More than 300" is a bound, not an increase."""
    doc = number.doc
    end = noun.i if noun is not None and noun.i > number.i else min(number.i + 2, len(doc))
    if any(t.lower_ in INCREMENT_AFTER for t in doc[number.i + 1 : end]):
        return True
    k = number.i - 1
    while k >= 0 and doc[k].lower_ in _HEDGES:
        k -= 1
    return k >= 0 and doc[k].lower_ in INCREMENT_BEFORE


def _number_token(span: Span) -> Token:
    numeric = [t for t in span if t.like_num or t.pos_ == "NUM"]
    if len(numeric) > 1:
        return span.root if span.root in numeric else numeric[-1]
    return numeric[-1] if numeric else span.root


def _counted_noun(quantity: Quantity, span: Span, number: Token) -> Token | None:
    """The noun the number counts: its head noun, or the object of a following "of"."""
    head = number.head
    while head.dep_ in ("nummod", "quantmod", "compound") and head.head.i > head.i:
        head = head.head
    if head.i >= span.end and head.pos_ in ("NOUN", "PROPN") and head.i - span.end < 4:
        return head
    if head.i >= span.end and head.pos_ == "ADJ" and head.lower_ in OUTCOMES:
        return head  # "120 dead"
    if quantity.unit is None:
        return None
    if head.i > number.i and head.pos_ in ("NOUN", "PROPN", "ADJ") and head.text == quantity.unit:
        return head
    for token in number.doc[number.i + 1 : number.i + 8]:
        if token.text == quantity.unit and token.pos_ in ("NOUN", "PROPN", "ADJ"):
            return token
    return None


def _is_denominator(noun: Token) -> bool:
    prep = noun.head
    return (
        noun.dep_ == "pobj"
        and prep.lower_ == "of"
        and prep.head.i < noun.i
        and (prep.head.like_num or prep.head.pos_ == "NUM")
        and any(c.like_num or c.pos_ == "NUM" for c in noun.children)
    )


def _context_tokens(number: Token, noun: Token | None) -> list[Token]:
    """Tokens that govern or modify the number or its noun: where outcomes and topics sit.

    The walk up the parse stops at the verb the counted noun is the subject of (in "a driver
    was killed after two girls used a stun gun", the girls were not killed), at a coordinated
    clause ("homes were destroyed, and 2,000 people are in shelters": the people were not
    destroyed), and at a semicolon between a clause and its head ("300 troops were deployed;
    40 soldiers were killed", which the parser may read as one clause under the other).
    """
    anchor = noun or number
    tokens: list[Token] = [anchor, number]
    shelters: list[Token] = []
    node = anchor
    for _ in range(4):
        if node.head.i == node.i:
            break
        crossing = node.dep_ == "conj" and node.pos_ in ("VERB", "AUX")
        if crossing or _semicolon_between(node, node.head):
            break
        previous, node = node, node.head
        tokens.append(node)
        for child in node.children:
            if child.dep_ in ("compound", "amod", "nsubj"):
                tokens.append(child)
            if child.dep_ == "nsubj" and child.lemma_.lower() in COUNT_NOUNS:
                tokens.extend(child.subtree)  # "the number of people killed has risen to 126"
        if node.pos_ in ("VERB", "AUX"):
            # "confirmed dead", "listed as missing": predicates of the counted subject
            wanted: tuple[str, ...] = ("acomp", "oprd")
            if node.lemma_.lower() not in ATTRIBUTION_VERBS or _put_at(node, previous):
                wanted = ("acomp", "attr", "dobj", "oprd", "xcomp")
            tokens.extend(c for c in node.children if c.dep_ in wanted)
            for prep in (c for c in node.children if c.dep_ == "prep" and c.lower_ == "as"):
                tokens.extend(prep.children)  # "listed as missing"
            for prep in (c for c in node.children if c.dep_ == "prep" and c.lower_ == "in"):
                shelters.extend(p for p in prep.children if p.lemma_.lower() in SHELTERS)
            if previous.dep_ in ("nsubj", "nsubjpass") and previous.i == anchor.i:
                break  # its own clause says what befell the subject: "after two girls used a
                # stun gun on him" is not the killing the sentence leads with
    for child in list(anchor.children) + list(number.children):
        tokens.append(child)
        tokens.extend(child.children)
    if noun is not None:
        tokens.extend(t for t in noun.subtree if t.i > noun.i)
    return tokens + shelters


def _put_at(verb: Token, child: Token) -> bool:
    """ "Officials put the death toll at 310", "estimated the damage at $2 million": the
    object is what the figure measures, not what was said."""
    return verb.lemma_.lower() in ("put", "estimate", "place") and child.lower_ == "at"


def _semicolon_between(token: Token, head: Token) -> bool:
    low, high = sorted((token.i, head.i))
    return any(t.text == ";" for t in token.doc[low + 1 : high])


def _outcome(tokens: Sequence[Token]) -> str | None:
    for token in tokens:
        lemma = token.lemma_.lower()
        if lemma == "toll":
            other = [
                OUTCOMES[c.lemma_.lower()]
                for c in token.children
                if c.dep_ in ("compound", "amod") and c.lemma_.lower() in OUTCOMES
            ]
            return other[0] if other else "killed"
        if lemma == "life" and token.head.lemma_.lower() == "lose":
            return "killed"
        if lemma in ("housing", "camp") and any(
            c.lower_ in ("temporary", "emergency", "relief", "refugee") for c in token.children
        ):
            return "in shelters"
        if lemma in OUTCOMES:
            return OUTCOMES[lemma]
        if token.lower_ in ("dead", "wounded", "injured", "missing", "homeless"):
            return OUTCOMES.get(token.lower_, token.lower_)
    return None


def _outcome_is_about_people(tokens: Sequence[Token]) -> bool:
    return not any(t.lemma_.lower() in THING_NOUNS for t in tokens)


def _runs(number: Token, noun: Token) -> bool:
    verb = _verb_of(noun) or _verb_of(number)
    if verb is None:
        return False
    return any(t.lemma_.lower() in RUNNING_WORDS for t in verb.subtree if t.i != noun.i)


def _verb_of(token: Token) -> Token | None:
    """The first verb (or auxiliary) above a token."""
    node = token
    for _ in range(8):
        if node.head.i == node.i:
            return node if node.pos_ in ("VERB", "AUX") else None
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            return node
    return None


def _lost(noun: Token) -> bool:
    """ "The army lost 120 soldiers", "60 homes were lost": what was lost. Not people who lose
    something ("if millions of people lose health insurance")."""
    verb = _verb_of(noun)
    if verb is None or verb.lemma_.lower() != "lose":
        return False
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    losers = subject is not None and subject.left_edge.i <= noun.i <= subject.right_edge.i
    return not (losers and any(c.dep_ == "dobj" for c in verb.children))


BODY_NOUNS = wordset(
    "union association federation confederation group organisation organization guild league "
    "body council party syndicate"
)


def _represented(number: Token) -> bool:
    """ "The union represents about 4,200 drivers": the members of a body. Not "a jobless rate
    of 6.1%, representing 9.8 million people": a rate stands for people, no body has them."""
    verb = _verb_of(number)
    if verb is None or verb.lemma_.lower() != "represent":
        return False
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is not None and subject.lower_ in ("which", "that", "who") and verb.dep_ == "relcl":
        subject = verb.head  # "the Velmar Dockers Union, which represents 3,000 workers"
    return subject is not None and (
        subject.ent_type_ == "ORG" or subject.lemma_.lower() in BODY_NOUNS
    )


def _verb_lemma(token: Token) -> str:
    verb = _verb_of(token)
    return verb.lemma_.lower() if verb is not None else ""


def _plural(token: Token) -> str:
    lemma = token.lemma_.lower()
    if token.lower_ in NOUN_SYNONYMS:
        return NOUN_SYNONYMS[token.lower_]
    if lemma in IRREGULAR_PLURALS:
        return IRREGULAR_PLURALS[lemma]
    word = token.lower_ if token.tag_ in ("NNS", "NNPS") else lemma + "s"
    return NOUN_SYNONYMS.get(word, word)


def _owner(ctx: _Words, noun: Token) -> str | None:
    """Whose people a count is: "Varnian soldiers", "Kaldoria's soldiers", "its soldiers"."""
    for child in noun.children:
        if child.dep_ in ("amod", "compound") and child.ent_type_ in ("NORP", "GPE"):
            return ctx.demonym(child.text)
    for child in noun.children:
        if child.dep_ != "poss":
            continue
        if child.pos_ == "PROPN":
            return ctx.demonym(child.text)
        if child.lower_ in ("its", "their"):
            antecedent = _clause_subject(noun)
            if antecedent is not None:
                tokens = list(antecedent.subtree)
                place = next((t for t in tokens if t.ent_type_ in ("GPE", "NORP")), None)
                place = place or next((t for t in tokens if t.pos_ == "PROPN"), None)
                if place is not None:
                    return ctx.demonym(place.text)
    return None


def _clause_subject(token: Token) -> Token | None:
    """The subject of the nearest clause above ``token`` that does not contain it."""
    node = token
    for _ in range(8):
        if node.head.i == node.i:
            break
        node = node.head
        if node.pos_ not in ("VERB", "AUX"):
            continue
        for child in node.children:
            if (
                child.dep_ in ("nsubj", "nsubjpass")
                and token not in child.subtree
                and not _looks_like_dateline(child.text)
            ):
                return child
    return None


def _percent(ctx: _Words, d: _Draft, span: Span) -> bool:
    number = d.number
    near = [*_ancestors(number, 6), *(t for a in _ancestors(number, 2) for t in a.children)]
    near_words = {t.lower_ for t in near} | {t.lemma_.lower() for t in near}
    verb = _verb_of(number)
    # words of the figure's own clause, not of the whole sentence
    clause = [t for t in span.sent if t in near or (verb is not None and _verb_of(t) == verb)]
    pay_here = any(t.lower_ in PAY_WORDS and t.pos_ != "VERB" for t in clause)  # not "to pay"
    offer_here = bool(near_words & (OFFER_WORDS | DEMAND_WORDS | CLAIMING_VERBS) - {"call"}) or (
        _calls_for(near)
    )
    other_rate = any(t.lower_ in OTHER_RATE_WORDS for t in clause)
    if (pay_here or (ctx.labour and offer_here)) and not other_rate:
        # the nearest word above the figure says whose it is: "its offer of 4.5%" (asked
        # about by a reporter) is an offer; "is asking for a pay rise of 9%" a demand
        cue = next(
            (
                t.lemma_.lower()
                for t in _ancestors(number, 6)
                if t.lemma_.lower() in DEMAND_WORDS | {"offer", "propose", "receive", "agree"}
            ),
            "",
        )
        d.fixed = "pay rise demanded" if cue in DEMAND_WORDS else "pay rise"
        return True
    context = _context_tokens(number, None)
    after = span.doc[span.end : span.end + 5]
    votes = next((t for t in [*context, *after] if t.lower_ in VOTE_NOUNS), None)
    if votes is None:
        return False
    d.fixed = f"percent {votes.lower_}"
    return True


def _calls_for(tokens: Sequence[Token]) -> bool:
    """ "called for a 9% rise" is a demand; "more call themselves conservative (38%)" is not."""
    return any(
        t.lemma_.lower() == "call" and any(c.lower_ == "for" for c in t.children) for t in tokens
    )


def _ancestors(token: Token, limit: int) -> list[Token]:
    out: list[Token] = []
    node = token
    for _ in range(limit):
        if node.head.i == node.i:
            break
        node = node.head
        out.append(node)
    return out


def _vote(number: Token, noun: Token | None) -> str | None:
    """ "3,412 members voted for … and 288 against", "voted by 3,412 to 288"."""
    following = number.doc[number.i + 1 : number.i + 2]
    if len(following) and following[0].lower_ == "against":
        return "votes against"
    before = doc_text(number.doc)[max(0, number.idx - 40) : number.idx].lower()
    if _VOTED_BY.search(before):
        return "votes for"
    if _VOTED_BY_TO.search(before):
        return "votes against"
    anchor = noun or number
    verb = _verb_of(anchor)
    if verb is None or verb.lemma_.lower() != "vote":
        return None
    if anchor.dep_ in ("nsubj", "nsubjpass") or number.dep_ in ("nsubj", "nsubjpass"):
        return "votes for"
    return None


def _is_money(unit: str) -> bool:
    first = unit.split()[0] if unit else ""
    return first in CURRENCIES or first.rstrip("s") in CURRENCIES


def _money(d: _Draft, number: Token, noun: Token | None, unit: str) -> bool:
    context = _context_tokens(number, noun)
    money = next((t for t in context if t.lemma_.lower() in MONEY_NOUNS), None)
    if money is None:
        return False
    what = None
    if money.lemma_.lower() == "cost" and money.pos_ == "VERB":
        for child in money.children:
            if child.dep_ == "csubj":
                what = next((c for c in child.children if c.dep_ == "dobj"), child)
            elif child.dep_ == "nsubj" and child.pos_ in ("NOUN", "PROPN"):
                what = child
    if what is not None:
        d.fixed = f"cost of {what.lemma_.lower()} ({unit})"
    else:
        d.fixed = f"{money.lower_} ({unit})"
    return True


def _length_change(d: _Draft, unit: str) -> bool:
    """ "lost 1.4 metres of thickness", "retreated by about 600 metres": a measured change."""
    number = d.number
    verb = _verb_of(number)
    if verb is None or verb.lemma_.lower() not in CHANGE_VERBS:
        return False
    path = _ancestors(number, 5)
    if verb not in path or any(
        t.dep_ in ("acl", "relcl", "advcl") for t in path[: path.index(verb)]
    ):
        return False
    what = None
    unit_token = next(
        (t for t in number.doc[number.i + 1 : number.i + 3] if t.lower_ == unit), None
    )
    if unit_token is not None:
        of = next((c for c in unit_token.children if c.lower_ == "of"), None)
        objects = [c for c in of.children if c.dep_ == "pobj"] if of is not None else []
        what = objects[0].lower_ if objects else None
    participle = {"lose": "lost", "shrink": "shrunk", "sink": "sunk"}.get(
        verb.lemma_.lower(), verb.lemma_.lower().rstrip("e") + "ed"
    )
    d.fixed = f"{what} {participle} ({unit})" if what else f"{participle} ({unit})"
    return True


def _is_age(span: Span) -> bool:
    """ "the 54-year-old", "Smith, 54,", "at age 94", "aged 81", "dies at 68": an age."""
    following = span.doc[span.end : span.end + 4].text.lower().replace(" ", "")
    if following.startswith(("-year-old", "year-old", "-years-old", "yearsold", "yearold")):
        return True
    before = span.doc[span.start - 1] if span.start > 0 else None
    after = span.doc[span.end] if span.end < len(span.doc) else None
    if before is not None and before.lower_ == "at" and _died_at(before, span):
        return True  # "Cummings dies at 68"
    if before is not None and before.lower_ in ("age", "aged", "ages"):
        return True  # "who died Sunday at age 94", "the senator, aged 81,"
    return bool(
        before is not None
        and after is not None
        and before.text == ","
        and after.text in (",", ".")
        and span.start > 1
        and span.doc[span.start - 2].pos_ == "PROPN"
    )


def _died_at(at: Token, span: Span) -> bool:
    """ "dies at 68", "died at 81 on Tuesday": a bare number after "at" on a verb of dying is
    the age, not a toll."""
    counted = any(t.pos_ in ("NOUN", "PROPN") for t in span) or (
        span.end < len(span.doc) and span.doc[span.end].pos_ == "NOUN"
    )
    return not counted and at.head.lemma_.lower() in ("die", "pass", "succumb")


# ---------------------------------------------------------------- subjects across the article


def _inherit_subjects(drafts: list[_Draft]) -> None:
    """ "31 Kaldorian soldiers were killed and 70 were wounded": the 70 are Kaldorian soldiers;
    "120 soldiers" after "120 Varnian soldiers" are the same side's."""
    for i, d in enumerate(drafts):
        if d.follows:
            source = _nearest(drafts, i, partial(_same_sentence, d))
            if source is not None and source.key < d.key:
                d.noun, d.owner, d.outcome = source.noun, source.owner, source.outcome
                d.fixed, d.fixed_subject, d.follows = source.fixed, source.fixed_subject, False
            continue
        if d.fixed is not None:
            continue
        if d.implicit:
            source = _nearest(drafts, i, partial(_counted_in_sentence, d)) or _nearest(
                drafts, i, partial(_counted_in_paragraph, d), before_only=True
            )
            if source is not None and source.fixed is None:
                d.noun, d.owner = source.noun, source.owner
        elif d.noun is not None and d.owner is None and d.outcome is not None:
            source = _nearest(
                drafts, i, partial(_owned_same, d), prefer_before=d.quantity.paragraph >= 0
            )
            if source is not None:
                d.owner = source.owner


def _same_sentence(d: _Draft, o: _Draft) -> bool:
    return o.sentence == d.sentence and not o.follows


def _counted_in_sentence(d: _Draft, o: _Draft) -> bool:
    return o.sentence == d.sentence and o.noun is not None and not o.implicit


def _counted_in_paragraph(d: _Draft, o: _Draft) -> bool:
    return (
        o.quantity.paragraph == d.quantity.paragraph
        and o.outcome == d.outcome
        and not o.implicit
        and o.noun is not None
    )


def _owned_same(d: _Draft, o: _Draft) -> bool:
    return o.noun == d.noun and o.outcome == d.outcome and o.owner is not None


def _votes_against(ctx: _Article, drafts: Sequence[_Draft]) -> list[_Draft]:
    """ "3,412 voted for the strike and 288 against": the count against, often a bare number
    the quantity extractor passes over."""
    found: list[_Draft] = []
    for d in drafts:
        if d.fixed != "votes for":
            continue
        text = doc_text(d.doc)
        match = _AGAINST.search(text, d.quantity.end, d.sentence.end_char)
        if match is None:
            match = _TO_AGAINST.match(text, d.quantity.end)
        if match is None:
            continue
        value = float(match.group("n").replace(",", ""))
        if any(o.sentence == d.sentence and o.value == value for o in drafts):
            continue
        span = d.doc.char_span(match.start("n"), match.end("n"), alignment_mode="expand")
        if span is None:
            continue
        quantity = Quantity(
            text=match.group("n"),
            value=value,
            paragraph=d.quantity.paragraph,
            start=match.start("n"),
            end=match.end("n"),
        )
        found.append(
            _Draft(
                quantity=quantity,
                doc=d.doc,
                sentence=d.sentence,
                number=span.root,
                value=value,
                low=None,
                high=None,
                qualifier="=",
                fixed="votes against",
            )
        )
    return found


def _nearest(
    drafts: Sequence[_Draft],
    i: int,
    test: Callable[[_Draft], bool],
    *,
    before_only: bool = False,
    prefer_before: bool = True,
) -> _Draft | None:
    before = [d for d in reversed(drafts[:i]) if test(d)]
    after = [] if before_only else [d for d in drafts[i + 1 :] if test(d)]
    order = [*before, *after] if prefer_before else [*after, *before]
    return order[0] if order else None


# ---------------------------------------------------------------- claimant


def _claimant(ctx: _Article, d: _Draft) -> str | None:
    """Who asserts the figure; the outlet when the text names nobody."""
    number, sentence, paragraph = d.number, d.sentence, d.quantity.paragraph
    owner = _claim_noun_owner(number)
    if owner is not None:
        return _resolve(ctx, owner, paragraph)
    speaker = _quote_speaker(ctx, d)
    if speaker is not None:
        return speaker
    for source in (
        _governing_source(ctx, number, paragraph),
        _according_to(sentence),
        _any_source(ctx, sentence, paragraph),
    ):
        if source is not None:
            return _resolve(ctx, source, paragraph)
    previous = _previous_sentence(sentence)
    if previous is not None and previous.root.lemma_.lower() in ATTRIBUTION_VERBS:
        source = _any_source(ctx, previous, paragraph)
        if source is not None:
            return _resolve(ctx, source, paragraph)
    return ctx.outlet


def _claim_noun_owner(number: Token) -> Span | None:
    """ "Kaldoria's claim that 2,000 …", "its offer of 4.5%", "the agency's death toll stood
    at 40", "a tally by the university showed that 18,860 …": the owner of the claim noun that
    carries the figure."""
    candidates = _ancestors(number, 6)
    verbs = [_verb_of(number)] + [a for a in candidates if a.pos_ in ("VERB", "AUX")]
    for verb in dict.fromkeys(v for v in verbs if v is not None):
        candidates.extend(c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass"))
    for node in candidates:
        if node.pos_ not in ("NOUN", "PROPN") or node.lemma_.lower() not in CLAIM_NOUNS:
            continue
        poss = next((c for c in node.children if c.dep_ == "poss"), None)
        if poss is not None:
            return _mention_span(poss)
        by = next((c for c in node.children if c.dep_ == "prep" and c.lower_ == "by"), None)
        agent = next((c for c in by.children if c.dep_ == "pobj"), None) if by else None
        if agent is not None and (
            agent.ent_type_ in ("ORG", "PERSON", "GPE") or agent.pos_ == "PROPN"
        ):
            return _mention_span(agent)
        marker = node.doc[node.i - 1] if node.i > 0 else None
        if marker is not None and marker.tag_ == "POS" and marker.head.i < marker.i:
            return _mention_span(marker.head)  # "Kaldoria's claim" parsed without a poss arc
    return None


def _quote_speaker(ctx: _Article, d: _Draft) -> str | None:
    q = d.quantity
    for quote in ctx.quotes:
        if quote.paragraph != q.paragraph or not quote.start <= q.start < quote.end:
            continue
        name = quote.speaker or quote.speaker_mention
        if (
            not name
            or name.lower() in PRONOUNS
            or _names_a_count(name)
            or _looks_like_dateline(name)
            or _names_a_share(name)  # "with 22 percent saying they would not support him"
        ):
            return None
        return _resolve_text(ctx, name, q.paragraph, d.doc.char_span(q.start, q.end))
    return None


def _names_a_share(name: str) -> bool:
    """A speaker that is a share of respondents ("22 percent", "most of those polled"): what a
    poll counts, not who claims its figures (``_is_share`` for a parsed mention)."""
    words = name.lower().replace("%", " percent").split()
    if not words:
        return False
    if _SHARE_OF_TEN.search(name):
        return True  # "About four in 10 voters"
    counted = words[0].replace(",", "").replace(".", "").isdigit() and len(words) > 1
    return (
        words[0] in SHARE_HEADS or words[-1] in SHARE_HEADS or (counted and words[1] in SHARE_HEADS)
    )


def _names_a_count(name: str) -> bool:
    """A speaker that is a number of people ("1,409 teachers", "two voters"): what the figure
    counts, not who claims it; sources counted by their role stay ("two officials")."""
    words = name.lower().replace(",", "").split()
    if len(words) < 2 or not (words[0].isdigit() or words[0] in COUNT_WORDS):
        return False
    head = words[-1][:-1] if words[-1].endswith("s") else words[-1]
    return head not in SOURCE_NOUNS and head not in PERSON_NOUNS


def _looks_like_dateline(name: str) -> bool:
    letters = [c for c in name if c.isalpha()]
    return len(letters) > 2 and all(c.isupper() for c in letters)


def _governing_source(ctx: _Article, number: Token, paragraph: int) -> Span | None:
    """The subject of the attribution verb above the number ("X said that 120 …"), the
    agent of a participle ("the 120 dead acknowledged by X") or of a relative clause ("the
    4.5% X had offered")."""
    anchors = [number, *_ancestors(number, 8)]
    for node in anchors[:3]:
        for child in node.children:
            if child.dep_ not in ("acl", "relcl") or child.pos_ != "VERB":
                continue
            lemma = child.lemma_.lower()
            if lemma not in ATTRIBUTION_VERBS and lemma not in CLAIMING_VERBS:
                continue
            found = _verb_source(ctx, child, paragraph, number)
            if found is not None:
                return found
    for node in anchors[1:]:
        lemma = node.lemma_.lower()
        if node.pos_ != "VERB" or (lemma not in ATTRIBUTION_VERBS and lemma not in CLAIMING_VERBS):
            continue
        found = _verb_source(ctx, node, paragraph, number)
        if found is not None:
            return found
    return _reduced_relative(number)


def _reduced_relative(number: Token) -> Span | None:
    """ "the 4.5% the authority had offered": a subject and a claiming verb right after the
    figure, with no object of their own (the figure is it), whatever the parse made of it."""
    anchor = number.head if number.head.i == number.i + 1 else number
    start = anchor.i + 1
    for token in number.sent:
        if token.dep_ != "nsubj" or token.left_edge.i != start:
            continue
        verb = token.head
        lemma = verb.lemma_.lower()
        if (
            verb.i > token.i
            and (lemma in CLAIMING_VERBS or lemma in ATTRIBUTION_VERBS)
            and not any(c.dep_ in ("dobj", "ccomp") for c in verb.children)
        ):
            return _mention_span(token)
    return None


def _verb_source(ctx: _Article, verb: Token, paragraph: int, number: Token) -> Span | None:
    for child in verb.children:
        if number in child.subtree:
            continue  # "310 people now confirmed dead": the counted are not the source
        if child.dep_ == "nsubj" and not ctx.in_dateline(paragraph, child):
            if _is_share(_mention_span(child)):
                continue  # "74 percent of voters said": the poll above them may be the source
            return _mention_span(child)
        if child.dep_ == "agent":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return _mention_span(objects[0])
    if verb.dep_ in ("advcl", "xcomp", "conj") and verb.tag_ == "VBG":
        return _verb_source(ctx, verb.head, paragraph, number)  # ", saying that 310 died"
    return None


def _according_to(sentence: Span) -> Span | None:
    for token in sentence:
        if token.lower_ == "according" and token.i + 1 < len(token.doc):
            to = token.doc[token.i + 1]
            objects = [c for c in to.children if c.dep_ == "pobj"]
            if to.lower_ == "to" and objects:
                return _mention_span(objects[0])
    return None


def _any_source(ctx: _Article, sentence: Span, paragraph: int) -> Span | None:
    """Any named source of the sentence: "according to X", else a subject of an attribution
    verb (named subjects before pronouns)."""
    found = _according_to(sentence)
    if found is not None:
        return found
    named = [
        _mention_span(subject)
        for token in sentence
        if token.pos_ == "VERB" and token.lemma_.lower() in ATTRIBUTION_VERBS
        for subject in token.children
        if subject.dep_ == "nsubj" and not ctx.in_dateline(paragraph, subject)
    ]
    named = [span for span in named if not _is_share(span)]
    named.sort(key=lambda span: span.text.lower() in PRONOUNS)
    return named[0] if named else None


def attribution_source(sentence: Span) -> str | None:
    """Who the sentence attributes its content to: "according to X" or "X said/claimed"."""
    found = _according_to(sentence)
    if found is None:
        named = [
            _mention_span(subject)
            for token in sentence
            if token.pos_ == "VERB" and token.lemma_.lower() in ATTRIBUTION_VERBS
            for subject in token.children
            if subject.dep_ == "nsubj"
        ]
        named.sort(key=lambda span: span.text.lower() in PRONOUNS)
        found = named[0] if named else None
    return _clean_name(found.text) if found is not None else None


def _previous_sentence(sentence: Span) -> Span | None:
    if sentence.start == 0:
        return None
    return sentence.doc[sentence.start - 1].sent


def _mention_span(token: Token) -> Span:
    """The name a subject token stands for: its left modifiers and compounds, not clauses; for
    a relative pronoun, what the clause hangs on ("Italy, which is reporting 19,468 deaths")."""
    if token.lower_ in ("which", "who", "that") and token.head.dep_ == "relcl":
        token = token.head.head
    words = [
        t
        for t in token.subtree
        if (t.i <= token.i or t.dep_ in ("compound", "flat"))
        and t.dep_ not in ("relcl", "acl", "appos", "punct")
    ]
    start = min(t.i for t in words)
    end = token.i + 1
    kept = {t.i for t in words}
    while end in kept:  # a name's parts after it, not a compound deep in a clause after it
        end += 1
    span = token.doc[start:end]
    while len(span) > 1 and span[0].pos_ in ("DET", "PUNCT"):
        span = span[1:]
    return span


def _resolve(ctx: _Article, span: Span, paragraph: int) -> str | None:
    if _is_share(span) or not _can_claim(span):
        return None
    return _resolve_text(ctx, span.text, paragraph, span)


def _can_claim(span: Span) -> bool:
    """Whether a mention can state a figure: a name, a pronoun, a noun for people ("officials",
    "analysts") or for a document or body ("the poll", "the ministry"); not a count of people
    ("two voters", "1,409 teachers": what a figure counts) nor a thing that says nothing ("the
    ambitious goal", "their smiles", "a key swing state": on the 924 PolNeAR texts, 13 of the
    195 named claimants were such)."""
    root = span.root
    if root.pos_ in ("PROPN", "PRON") or root.lower_ in PRONOUNS or root.text[:1].isupper():
        return True
    lemma = (root.lemma_ or root.lower_).lower()
    first = span[0]
    if first.like_num or first.lower_ in COUNT_WORDS:  # counted: sources by role only
        return lemma in SOURCE_NOUNS or lemma in PERSON_NOUNS  # "two officials", not "two voters"
    return lemma in SOURCE_NOUNS or root.lower_ in SOURCE_NOUNS or personal_noun(root)


def _is_share(span: Span) -> bool:
    """A share of people, not a source: "37 percent (of voters) said", "those polled", "most
    said". Respondents of a poll are what the figure counts; they do not claim it (on the 924
    PolNeAR texts, 33 of 217 named claimants were such shares)."""
    root = span.root
    return root.lower_ in SHARE_HEADS or (root.like_num and root.pos_ == "NUM")


def _resolve_text(ctx: _Article, name: str, paragraph: int, span: Span | None) -> str | None:
    """A claimant mention resolved: pronouns to the person named before, bare descriptions
    ("the agency") to the fuller name the article used, names to their canonical form."""
    name = _clean_name(name)
    lowered = name.lower()
    if lowered in PRONOUNS:
        if lowered in PERSONAL_PRONOUNS and span is not None:
            person = _previous_person(ctx, paragraph, span, lowered)
            return canonical_name(person, ctx.entities) if person else None
        if lowered in ("its", "their", "it", "they") and span is not None:
            subject = _clause_subject(span.root)
            if subject is not None and subject.lower_ not in PRONOUNS:
                return _resolve(ctx, _mention_span(subject), paragraph)
        return None
    if span is not None and ctx.in_dateline(paragraph, span[0]):
        return None
    fuller = _fuller_name(ctx, name, paragraph, span)
    return canonical_name(fuller or name, ctx.entities)


_EDGE_MARKS = " \"“”‘'`,;:-–—("


def _clean_name(name: str) -> str:
    """Without leading determiners, with straight apostrophes, without "own", without edge
    marks or a cut parenthesis ("Governor Mary Fallin (R")."""
    if name.count("(") > name.count(")"):
        name = name[: name.rindex("(")]
    name = re.sub(r"(['’]s)\s+own\s+", r"\1 ", name.replace("’", "'")).strip(_EDGE_MARKS)
    head, comma, rest = name.partition(", ")
    if comma and rest.split(" ", 1)[0].lower() in DETERMINERS and head.istitle():
        name = head  # "Laurie Cestnick, the founder of a Facebook group": the name
    words = name.strip().split()
    while len(words) > 1 and words[0].lower() in DETERMINERS:
        words = words[1:]
    return " ".join(words)


def _previous_person(ctx: _Article, paragraph: int, span: Span, pronoun: str) -> str | None:
    """The person last named before a pronoun (in its paragraph or the three before) whom
    the article does not show to be of the pronoun's other sex ("she" is not "Mr. Hadek")."""
    for p, doc in reversed(ctx.paragraphs):
        if p > paragraph or p < paragraph - 3 or p < 0:
            continue
        people = [
            e for e in doc.ents if e.label_ == "PERSON" and (p < paragraph or e.end <= span.start)
        ]
        for person in reversed(people):
            if agrees(pronoun, canonical_name(person.text, ctx.entities), ctx.genders):
                return person.text
    return None


def _fuller_name(ctx: _Article, name: str, paragraph: int, span: Span | None) -> str | None:
    """ "agency" → "Lessmoor Regional Emergency Agency": the nearest fuller mention with the
    same head noun (before the claim, else after it), preferring proper names."""
    words = name.lower().split()
    if not words or any(w[:1].isupper() for w in name.split()) or len(words) > 3:
        return None
    head = words[-1]
    here = (paragraph, span.start if span is not None else 0)
    before: list[tuple[tuple[int, int], str, bool]] = []
    after: list[tuple[tuple[int, int], str, bool]] = []
    for p, doc in ctx.paragraphs:
        for token in doc:
            if token.lower_ != head or token.pos_ not in ("NOUN", "PROPN"):
                continue
            full = _full_noun(token)
            full_words = full.lower().split()
            if len(full_words) <= len(words) or not set(words) <= set(full_words):
                continue
            if full_words[-1] != head:
                continue
            proper = any(w[:1].isupper() for w in full.split())
            where = (p, token.i)
            (before if where < here else after).append((where, full, proper))
    ranked = [
        *(f for _, f, p in before[::-1] if p),
        *(f for _, f, _ in before[::-1]),
        *(f for _, f, p in after if p),
    ]
    return ranked[0] if ranked else None


def _full_noun(token: Token) -> str:
    """A noun with its name-forming left modifiers: "the Greyhaven Transit Authority"."""
    edge = token.left_edge.i
    words = token.doc[edge : token.i + 1]
    if (
        len(words) > 1
        and all(t.pos_ in ("PROPN", "NOUN", "ADJ", "CCONJ", "PART", "DET") for t in words)
        and any(t.pos_ == "PROPN" for t in words)
    ):
        return _clean_name(words.text)
    left = [
        c
        for c in token.lefts
        if c.dep_ in ("compound", "amod", "poss", "nmod")
        and not (c.dep_ == "poss" and c.pos_ == "PRON")
    ]
    if not left:
        return token.text
    start = min(t.i for c in left for t in c.subtree)
    text = token.doc[start : token.i + 1].text
    return _clean_name(text)


def canonical_name(mention: str, entities: Sequence[Entity]) -> str:
    """The canonical name of the entity a mention refers to, else the mention itself."""
    lowered = mention.lower()
    for entity in entities:
        if entity.text.lower() == lowered or entity.canonical.lower() == lowered:
            return entity.canonical
    words = lowered.split()
    for entity in entities:
        if entity.label != "PERSON" or not words:
            continue
        # "Ruiz" or "Mayor Ana Ruiz" for the person "Ana Ruiz"
        if entity.canonical.lower().split()[-1] == words[-1] and (
            len(words) == 1 or entity.canonical.lower() in lowered
        ):
            return entity.canonical
    return mention


# ---------------------------------------------------------------- as of


def _resolve_as_of(ctx: _Article, d: _Draft, earlier: Sequence[_Draft]) -> None:
    _own_date(ctx, d)
    if d.own_basis == "text":
        d.as_of, d.basis = d.own_date, "text"
        return
    if d.own_basis == "vague":
        d.as_of, d.basis = None, "none"
        return
    same = [
        o
        for o in earlier
        if o.sentence == d.sentence and o.own_basis == "text" and not o.earlier_value
    ]
    if same:
        d.as_of, d.basis = same[-1].as_of, "context"
        return
    if d.said_date is not None:
        d.as_of, d.basis = d.said_date, "text"
        return
    if d.outcome is not None and d.fixed is None:
        dated = [o for o in earlier if o.basis in ("text", "context") and not o.earlier_value]
        previous = [o for o in dated if o.outcome == d.outcome] or [
            o
            for o in dated
            if o.quantity.paragraph == d.quantity.paragraph and o.outcome is not None
        ]
        if previous:
            d.as_of, d.basis = previous[-1].as_of, "context"
            return
    d.as_of = ctx.parsed.article.published
    d.basis = "published" if d.as_of else "none"


def _own_date(ctx: _Article, d: _Draft) -> None:
    """The date of the figure's own clause, or of the attribution above it; offsets such as
    "a week earlier" count from the sentence's date."""
    q, sentence, number = d.quantity, d.sentence, d.number
    doc = d.doc
    offset = _RELATIVE_OFFSET.match(doc_text(doc)[q.end : q.end + 40])
    inside = [
        m
        for m in ctx.dates
        if m.paragraph == q.paragraph
        and parse_day(m.date) is not None  # not a year-less "--12-09"
        and m.start >= sentence.start_char
        and m.end <= sentence.end_char
        and not _period_boundary(doc_text(doc), m.start)
    ]
    if offset is not None:
        stated = [day for day in (parse_day(m.date) for m in inside) if day is not None]
        anchor = max(stated, default=None) or ctx.published
        if anchor is not None:
            n = SMALL_NUMBERS.get(offset.group("n").lower())
            count = n if n is not None else int(offset.group("n"))
            days = count * UNIT_DAYS[offset.group("unit").lower()]
            sign = 1 if offset.group("dir").lower() == "later" else -1
            d.own_date, d.own_basis = (anchor + timedelta(days=sign * days)).isoformat(), "text"
            return
    before = doc_text(doc)[max(sentence.start_char, q.start - 12) : q.start].lower()
    if re.search(r"\b(?:up|down)\s+from\s+(?:the\s+)?$", before):
        d.own_basis = "vague"  # "up from the 4.5% it had offered": an earlier, undated value
        return
    chain = _verb_chain(number)
    if not chain:
        return
    # Dates above an attribution verb, or above a relative clause the figure sits in ("the
    # toll, which stood at 40 last week, was correct as of Tuesday"), are not the figure's own.
    said_rank = next(
        (i for i, v in enumerate(chain) if i > 0 and v.lemma_.lower() in ATTRIBUTION_VERBS),
        len(chain),
    )
    clause_rank = next(
        (i for i in range(1, len(chain)) if chain[i - 1].dep_ in ("relcl", "acl")), len(chain)
    )
    own_rank = min(said_rank, clause_rank)
    best: tuple[int, int, str] | None = None
    for mention in inside:
        token = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if token is None:
            continue
        governor = _verb_of(token.root) if token.root.pos_ not in ("VERB", "AUX") else token.root
        rank = _rank(governor, chain)
        if rank is None:
            continue
        candidate = (rank, abs(mention.start - q.start), mention.date)
        if best is None or candidate < best:
            best = candidate
    if best is not None and best[0] == 0:
        d.own_date, d.own_basis = best[2], "text"
        return
    if _vague_time(chain[0]) or _other_period(chain[0], number, ctx.published):
        d.own_basis = "vague"
        return
    if best is not None and best[0] < own_rank:
        d.own_date, d.own_basis = best[2], "text"
        return
    if best is not None and best[0] >= said_rank:
        d.said_date = best[2]


def _verb_chain(number: Token) -> list[Token]:
    """The verbs above the number, nearest first, then attribution verbs hung off them."""
    chain = [t for t in [number, *_ancestors(number, 10)] if t.pos_ in ("VERB", "AUX")]
    extra = [
        c
        for v in chain
        for c in v.children
        if c.dep_ in ("parataxis", "ccomp", "advcl")
        and c.lemma_.lower() in ATTRIBUTION_VERBS
        and c not in chain
        and number not in c.subtree
    ]
    return chain + extra


def _rank(governor: Token | None, chain: Sequence[Token]) -> int | None:
    if governor is None:
        return None
    return chain.index(governor) if governor in chain else None


def _vague_time(verb: Token) -> bool:
    """ "stood at 40 late last week", "voted … last week": a past time without a day."""
    for token in verb.subtree:
        if token.lower_ in VAGUE_TIMES and _verb_of(token) == verb:
            return True
        if (
            token.lemma_.lower() in ("week", "month", "year")
            and any(c.lower_ == "last" for c in token.children)
            and token.head == verb
        ):
            return True
    return False


_YEAR_PREPOSITIONS = frozenset(["in", "during", "of", "for", "by"])
"""Prepositions that place a figure in a year ("in 2012", "by 2022"); "since 2012" bounds a
period that runs to the article's day (``PERIOD_PREPOSITIONS``)."""


def _other_period(verb: Token, number: Token, published: date | None) -> bool:
    """The figure's clause names a month or a year other than the article's, without a day
    ("shot dead 14 people in San Bernardino in December" in June; "turnout in 2012 hit 11.2
    million"): the figure is not as of the publication day, and no day is known."""
    if published is None:
        return False
    for token in verb.subtree:
        if token is number or _verb_of(token) != verb or _through_other_time(token, verb, number):
            continue
        word = token.text.rstrip(".").lower()
        if token.pos_ == "PROPN" and token.text[:1].isupper() and word in MONTHS:
            year = next(
                (int(c.text) for c in token.children if c.shape_ == "dddd" and c.like_num),
                published.year,
            )
            if (year, MONTHS[word]) != (published.year, published.month):
                return True
        elif (
            token.shape_ == "dddd"
            and token.like_num
            and 1900 <= int(token.text) <= 2099
            and token.head.lower_ in _YEAR_PREPOSITIONS
            and int(token.text) != published.year
        ):
            return True
    return False


_OTHER_TIME_PREPOSITIONS = frozenset(PERIOD_PREPOSITIONS) | {"through", "than"}


def _through_other_time(token: Token, verb: Token, number: Token) -> bool:
    """Whether a time word reaches the verb through "from", "since", … that does not hold the
    figure: in "falling to 44 percent, from 54 percent in July" July is 54's, not 44's; in
    "helped … since the October endorsement" October bounds a period."""
    node = token
    while node != verb and node.head != node:
        node = node.head
        if node.lower_ in _OTHER_TIME_PREPOSITIONS and number not in node.subtree:
            return True
    return False


def _period_boundary(text: str, start: int) -> bool:
    """ "since Monday", "until Friday": the edge of a period, not when a figure holds."""
    before = text[max(0, start - 12) : start].lower().split()
    return bool(before) and before[-1] in PERIOD_PREPOSITIONS


def _dateline_end(text: str) -> int:
    match = _DATELINE.match(text)
    return match.end() if match else 0
