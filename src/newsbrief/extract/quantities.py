"""Every number the text states, normalised to a value, a range, a unit and a change.

Numbers are found by regular expressions over each paragraph (digits with separators, attached
scales such as "3.5bn", number words such as "two dozen", vague plurals such as "thousands of")
and checked against the spaCy parse: numbers inside dates, times, ordinals and names ("Route 66",
"COVID-19", "G7") are not quantities. The unit is the currency, percent sign, attached unit or the
noun the number counts; the concept is what the number is about.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from newsbrief.datewords import CALENDAR_WORDS as DATE_NAMES
from newsbrief.model import Quantity
from newsbrief.nlp import ParsedArticle, doc_text
from newsbrief.units import CURRENCY_SYMBOLS

SMALL_NUMBERS = {
    word: value
    for value, word in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
        ]
    )
}
TENS = {
    word: 10 * (index + 2)
    for index, word in enumerate(
        ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
    )
}
MULTIPLIERS = {
    "hundred": 100.0,
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
}
SCALE_SUFFIXES = {
    "k": 1e3,
    "m": 1e6,
    "mn": 1e6,
    "mln": 1e6,
    "bn": 1e9,
    "b": 1e9,
    "tn": 1e12,
    "trn": 1e12,
    "t": 1e12,  # after a currency only ("$1.9T"); "5t" is five tonnes
}
# Vague plurals ("thousands of"): NewsQuant reads them as one order of magnitude.
VAGUE = {"dozens": 12.0, "hundreds": 100.0, "thousands": 1e3, "millions": 1e6, "billions": 1e9}
CURRENCY_CODES = {
    "USD": "dollar",
    "EUR": "euro",
    "GBP": "pound",
    "JPY": "yen",
    "CHF": "franc",
    "RM": "ringgit",
    "RS": "rupee",
    "RS.": "rupee",
    # Encoding-mangled symbols seen in scraped news: "PS2.7m" for £2.7m, "Y=590bn" for ¥590bn.
    "PS": "pound",
    "Y=": "yen",
}
CURRENCY_WORDS = {
    "dollar": "dollar",
    "euro": "euro",
    "pound": "pound",
    "sterling": "pound",
    "yen": "yen",
    "yuan": "yuan",
    "rupee": "rupee",
    "shekel": "shekel",
    "franc": "franc",
    "krone": "krone",
    "crown": "krone",
    "rouble": "rouble",
    "ruble": "rouble",
    "peso": "peso",
    "cent": "cent",
    "penny": "penny",
    "pence": "penny",
}
# Abbreviated units, attached ("5kW") or standalone ("50 km"), and their names.
UNIT_ABBREVIATIONS = {
    "km": "kilometre",
    "m": "metre",
    "cm": "centimetre",
    "mm": "millimetre",
    "ft": "foot",
    "mi": "mile",
    "kg": "kilogram",
    "g": "gram",
    "mg": "milligram",
    "lb": "pound-mass",
    "lbs": "pound-mass",
    "t": "tonne",
    "mph": "mile per hour",
    "nm": "nanometre",
    "kph": "kilometre per hour",
    "w": "watt",
    "kw": "kilowatt",
    "mw": "megawatt",
    "gw": "gigawatt",
    "kwh": "kilowatt hour",
    "mwh": "megawatt hour",
    "gwh": "gigawatt hour",
    "hp": "horsepower",
    "bhp": "horsepower",
    "gb": "gigabyte",
    "mb": "megabyte",
    "tb": "terabyte",
    "hz": "hertz",
    "ghz": "gigahertz",
    "min": "minute",
    "mins": "minute",
    "sec": "second",
    "secs": "second",
    "hrs": "hour",
    "l": "litre",
    "ml": "millilitre",
    "bps": "basis point",
    "c": "celsius",
    "f": "fahrenheit",
}
MEASURE_WORDS = frozenset(
    [
        "metre",
        "meter",
        "kilometre",
        "kilometer",
        "centimetre",
        "centimeter",
        "millimetre",
        "millimeter",
        "mile",
        "yard",
        "foot",
        "feet",
        "inch",
        "litre",
        "liter",
        "gallon",
        "barrel",
        "ounce",
        "gram",
        "kilogram",
        "tonne",
        "ton",
        "acre",
        "hectare",
        "degree",
        "second",
        "minute",
        "hour",
        "day",
        "week",
        "month",
        "year",
        "decade",
        "century",
        "year-old",
        "times",
        "point",
        "watt",
        "kilowatt",
        "megawatt",
        "gigawatt",
        "volt",
        "nanometre",
        "nanometer",
        "micrometre",
        "micrometer",
        "micron",
        "pascal",
        "gigapascal",
        "newton",
        "joule",
        "byte",
        "kilobyte",
        "megabyte",
        "gigabyte",
        "terabyte",
    ]
)
# Words that qualify the unit after them: "1520 sq m", "60 basis points".
UNIT_PREFIXES = {"sq": "square", "sq.": "square", "square": "square", "cubic": "cubic"}
UNIT_PREFIXES["basis"] = "basis"
TEMPERATURE_WORDS = frozenset(["celsius", "fahrenheit", "centigrade", "kelvin"])
# Unit symbols recognised only in their usual case ("450 Nm" but not "a 10 NM ruling").
# Kept as written: the symbol is the name readers know ("29 mpg", "4 ppb", "3000 rpm").
CASED_UNITS = frozenset(
    ["Nm", "nm", "µm", "μm", "GPa", "MPa", "kPa", "dB", "rpm", "mpg", "PS", "ppm", "ppb", "mAh"]
)
DURATION_UNITS = frozenset(
    [
        "second",
        "seconds",
        "minute",
        "minutes",
        "hour",
        "hours",
        "day",
        "days",
        "week",
        "weeks",
        "month",
        "months",
        "year",
        "years",
        "decade",
        "decades",
        "century",
        "centuries",
        "year-old",
        "years-old",
    ]
)
NAME_NOUNS = frozenset(
    [
        "category",
        "number",
        "no",
        "route",
        "flight",
        "room",
        "unit",
        "page",
        "chapter",
        "level",
        "grade",
        "stage",
        "phase",
        "article",
        "section",
        "episode",
        "game",
        "model",
        "version",
        "channel",
        "gate",
        "platform",
        "row",
        "block",
    ]
)
CALENDAR_WORDS = DATE_NAMES | frozenset(
    ["today", "yesterday", "tomorrow", "tonight", "ago", "last", "next", "this"]
)
NAME_LABELS = frozenset(
    {"ORG", "PRODUCT", "FAC", "LAW", "EVENT", "WORK_OF_ART", "PERSON", "GPE", "LOC", "NORP"}
)
APPROXIMATE = ("nearly", "almost", "about", "around", "some", "roughly", "approximately")
APPROXIMATE_PHRASES = ("an estimated", "estimated", "close to", "circa", "~")
MORE_THAN = ("more than", "over", "at least", "upwards of", "in excess of", "above", "exceeding")
LESS_THAN = ("fewer than", "less than", "up to", "at most", "under", "below", "no more than")
_BOUND_CUES: tuple[tuple[str, tuple[re.Pattern[str], ...]], ...] = tuple(
    (sign, tuple(re.compile(rf"(?:\bjust\s+|\bwell\s+)?\b{re.escape(c)}\s+$") for c in cues))
    for cues, sign in ((LESS_THAN, "<"), (MORE_THAN, ">"), (APPROXIMATE, "~"))
)
"""Each bound's cues, in the order ``_change`` tries them, ending just before the number."""
_ESTIMATE_CUES = tuple(re.compile(rf"(?<!\w){re.escape(c)}\s*$") for c in APPROXIMATE_PHRASES)
_SUB_PREFIX = re.compile(r"(?<![\w-])sub-$")
UP_WORDS = frozenset(
    [
        "rose",
        "rise",
        "rises",
        "risen",
        "up",
        "gained",
        "gain",
        "gains",
        "added",
        "jumped",
        "jump",
        "jumps",
        "climbed",
        "climb",
        "increased",
        "increase",
        "increases",
        "grew",
        "grow",
        "advanced",
        "surged",
        "soared",
        "rallied",
    ]
)
DOWN_WORDS = frozenset(
    [
        "fell",
        "fall",
        "falls",
        "fallen",
        "down",
        "dropped",
        "drop",
        "drops",
        "lost",
        "lose",
        "declined",
        "decline",
        "slid",
        "slipped",
        "plunged",
        "plummeted",
        "tumbled",
        "decreased",
        "decrease",
        "shed",
        "sank",
        "eased",
    ]
)

_NUMBER_WORD = "|".join([*SMALL_NUMBERS, *TENS, *MULTIPLIERS, "dozen"])
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+"
_CURRENCY = (
    r"(?:(?:US|USD|HK|A|AU|C|NZ|S)\s?[$]|[$](?:US|A|AU|NZ|C|HK)?|[€£¥₹]"
    r"|(?:USD|EUR|GBP|JPY|CHF)\s?|RM|Rs\.?\s?|Y=(?=\d)"
    r"|PS(?=\d{2}|\d[.,]\d|\d\s?(?:m|bn|k|million|billion)\b))"
)
_ATOM = re.compile(
    rf"""
    (?P<minus>\bminus[\s-]|(?<![\w.,-])-(?=[\d.$€£]))?
    (?P<currency>(?<![A-Za-z]){_CURRENCY})?
    (?P<signed>(?<=[$€£¥₹])-(?=[\d.]))?
    (?:
      (?P<digits>{_DIGITS})(?P<suffix>[A-Za-z]+[23]?(?:/[A-Za-z]+[23]?)?)?
      (?P<scale>(?:[\s-]+(?:hundred|thousand|million|billion|trillion))+)?
    |
      (?P<words>\b(?:(?:a|an)\s+(?=hundred|thousand|million|billion|trillion|dozen)|)
        (?:{_NUMBER_WORD})(?:(?:\s+and\s+|[\s-]+)(?:{_NUMBER_WORD}))*\b)
    |
      (?P<vague>\b(?:(?:tens|hundreds|dozens)\s+of\s+)?
        (?:dozens|hundreds|thousands|millions|billions)\b)
    )
    """,
    re.VERBOSE | re.IGNORECASE,
)
_ATOM_START = re.compile(
    rf"""[\d\-$€£¥₹]|\.\d|(?<![A-Za-z])(?:{_CURRENCY})
    |\b(?:minus[\s-]|an?\s+(?=hundred|thousand|million|billion|trillion|dozen)|{_NUMBER_WORD}
      |tens|hundreds|dozens|thousands|millions|billions)""",
    re.VERBOSE | re.IGNORECASE,
)
"""What an ``_ATOM`` match starts with, whichever of its branches matches (a digit, a minus
sign, a currency, a number or vague word): ``atom_matches`` tries ``_ATOM`` only where this
finds a start, instead of at every character (the same matches, in 40% of the time)."""
_RANGE_JOIN = re.compile(r"\s*(?:-|–|—|\bto\b|\band\b|\bor\b)\s*", re.IGNORECASE)
_PERCENT = re.compile(r"\s*(?:%|per\s?cent\b|percent\b|pc\b|percentage points?\b)", re.IGNORECASE)
# What may stand between the ends of "from X ... to Y": a unit, a time or place, no clause break.
_FROM_TO_GAP = re.compile(
    r"(?:(?!\bfrom\b|\bto\b)[^,;:()\[\]]){0,50}(?<!\.\s)\bto\s+", re.IGNORECASE
)
DENOMINATORS = {
    "half": 2,
    "halves": 2,
    "third": 3,
    "thirds": 3,
    "quarter": 4,
    "quarters": 4,
    "fourth": 4,
    "fourths": 4,
    "fifth": 5,
    "fifths": 5,
    "sixth": 6,
    "sixths": 6,
    "seventh": 7,
    "sevenths": 7,
    "eighth": 8,
    "eighths": 8,
    "ninth": 9,
    "ninths": 9,
    "tenth": 10,
    "tenths": 10,
}
VULGAR_FRACTIONS = {"½": 0.5, "⅓": 1 / 3, "⅔": 2 / 3, "¼": 0.25, "¾": 0.75, "⅕": 0.2, "⅛": 0.125}
# "the first half of", "the other half of": a part of something, not a share.
NOT_A_HALF = frozenset(
    ["first", "second", "1st", "2nd", "the", "other", "latter", "back", "front", "this", "that"]
    + ["its", "their", "his", "her", "our", "my", "your", "a", "an", "one", "and"]
)
_SMALL = r"a|an|one|two|three|four|five|six|seven|eight|nine|ten"
_DENOMINATOR = "|".join(DENOMINATORS)
# "two-thirds", "a third of", "one quarter of" (spaced forms need "of": "a third party" is none).
_FRACTION_WORDS = re.compile(
    rf"\b(?P<number>(?P<numerator>{_SMALL}|\d+)(?:-|\s+)(?P<denominator>{_DENOMINATOR})\b)"
    rf"(?:(?<=s)(?!-)|(?=\s+of\b))(?<!\ba half)",
    re.IGNORECASE,
)
_FRACTION_OUT_OF = re.compile(
    rf"(?<![\d.,])\b(?P<number>(?P<numerator>{_SMALL}|\d{{1,3}})\s+(?P<per>out of|in)\s+"
    rf"(?P<denominator>two|three|four|five|six|seven|eight|nine|ten|\d{{1,4}})\b)(?![.,]\d)",
    re.IGNORECASE,
)
_FRACTION_DIGITS = re.compile(
    r"(?<![\d/⁄.,])(?P<number>(?P<whole>\d+)?\s?(?P<vulgar>[½⅓⅔¼¾⅕⅛])"
    r"|(?P<numerator>\d+)(?:⁄|/(?=\d+\s+of\b))(?P<denominator>\d+))(?![\d/⁄])"
)
_HALF_OF = re.compile(r"\b(?P<number>(?P<half>half))\s+of\b", re.IGNORECASE)
_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻", "0123456789-")
# "1.99×10−30", "6.02 x 10^23", "3×10⁸": a mantissa times a power of ten.
_SCIENTIFIC = re.compile(
    r"(?<![\d.])(?P<number>(?P<mantissa>\d+(?:\.\d+)?)\s?[×x]\s?10"
    r"(?:\^|\*\*)?(?P<exponent>[−-]?\d{1,3}|[⁻]?[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3}))(?!\d)"
)
_NEEDS = {
    _SCIENTIFIC: re.compile("10"),
    _FRACTION_DIGITS: re.compile("[½⅓⅔¼¾⅕⅛⁄/]"),
    _HALF_OF: re.compile("half", re.IGNORECASE),
}
"""What a text must contain for each pattern to match it: the patterns try their alternatives
at every character (on PolNeAR 0.8 CPU s of the three over 924 texts)."""
_TIME = re.compile(r"^\s*(?:[ap]\.?m\b\.?|o'clock)", re.IGNORECASE)
_NEGATIVE_WORD = re.compile(r"minus", re.IGNORECASE)


@dataclass(frozen=True)
class _Atom:
    """One number as matched, before ranges are joined."""

    start: int
    end: int
    value: float
    currency: str | None
    unit: str | None
    vague: bool
    scaled: bool
    fraction: bool = False  # a share ("two-thirds of", "one in five"), not a count


def extract_quantities(parsed: ParsedArticle) -> list[Quantity]:
    """Every number stated in the title (paragraph -1) and the paragraphs, in text order."""
    found: list[Quantity] = []
    if parsed.title_doc is not None:
        found.extend(quantities_in_doc(parsed.title_doc, paragraph=-1))
    for index, doc in enumerate(parsed.docs):
        found.extend(quantities_in_doc(doc, paragraph=index))
    return found


def quantities_in_doc(doc: Doc, *, paragraph: int) -> list[Quantity]:
    """The quantities of one parsed paragraph."""
    special = list(_special_atoms(doc))
    atoms = [
        atom
        for atom in _atoms(doc)
        if atom is not None and not any(atom.start < s.end and s.start < atom.end for s in special)
    ]
    atoms = sorted([*atoms, *special], key=lambda atom: atom.start)
    return list(_join_ranges(doc, atoms, paragraph=paragraph))


def parse_number_words(text: str) -> float | None:
    """Value of number words ("forty-two", "two dozen", "a hundred"); None if not a number."""
    words = [w for w in re.split(r"[\s-]+", text.lower()) if w and w != "and"]
    if not words:
        return None
    total, current, seen = 0.0, 0.0, False
    for position, word in enumerate(words):
        if word in ("a", "an") and position == 0:
            current, seen = 1.0, True
        elif word in SMALL_NUMBERS:
            current += SMALL_NUMBERS[word]
            seen = True
        elif word in TENS:
            current += TENS[word]
            seen = True
        elif word == "dozen":
            current = (current or 1.0) * 12
            seen = True
        elif word == "hundred":
            current = (current or 1.0) * 100
            seen = True
        elif word in MULTIPLIERS:
            total += (current or 1.0) * MULTIPLIERS[word]
            current, seen = 0.0, True
        else:
            return None
    return total + current if seen else None


def _special_atoms(doc: Doc) -> Iterator[_Atom]:
    """Fractions ("two-thirds of", "one in five", "1/16 of", "2½") and powers of ten."""
    text = doc_text(doc)
    taken: list[tuple[int, int]] = []
    for pattern in (_SCIENTIFIC, _FRACTION_OUT_OF, _FRACTION_WORDS, _FRACTION_DIGITS, _HALF_OF):
        needed = _NEEDS.get(pattern)
        if needed is not None and needed.search(text) is None:
            continue  # a scan for a few characters, not the pattern tried at every position
        for match in pattern.finditer(text):
            start, end = match.span("number")
            if any(start < e and s < end for s, e in taken):
                continue
            value = _special_value(doc, match)
            if value is None:
                continue
            taken.append((start, end))
            # a share of something ("a third of voters"), not a count ("2½ hours", "3×10⁸")
            fraction = pattern is not _SCIENTIFIC and not match.groupdict().get("whole")
            yield _Atom(start, end, value, None, None, False, False, fraction=fraction)


def _special_value(doc: Doc, match: re.Match[str]) -> float | None:
    groups = match.groupdict()
    if groups.get("mantissa"):
        exponent = groups["exponent"].translate(_SUPERSCRIPTS).replace("−", "-")
        return float(groups["mantissa"]) * 10.0 ** int(exponent)
    if groups.get("half"):
        before = doc_text(doc)[: match.start()].split()
        previous = before[-1].lower() if before else ""
        return None if previous in NOT_A_HALF else 0.5
    if groups.get("vulgar"):
        whole = float(groups["whole"]) if groups.get("whole") else 0.0
        return whole + VULGAR_FRACTIONS[groups["vulgar"]]
    numerator = _small_number(groups["numerator"])
    if groups.get("per"):  # "one in five", "9 out of 10"
        denominator = _small_number(groups["denominator"])
    else:
        denominator = _small_number(groups["denominator"]) or DENOMINATORS.get(
            groups["denominator"].lower()
        )
    if numerator is None or not denominator or numerator > denominator:
        return None
    if groups.get("per") == "in" and (denominator > 1000 or _is_year(groups["denominator"])):
        return None
    return numerator / denominator


def _small_number(raw: str) -> float | None:
    lower = raw.lower()
    if lower in ("a", "an"):
        return 1.0
    if lower.isdigit():
        return float(lower)
    return parse_number_words(lower)


def _atoms(doc: Doc) -> Iterator[_Atom | None]:
    text = doc_text(doc)
    for match in atom_matches(text):
        yield _atom(doc, match, text)


def atom_matches(text: str) -> Iterator[re.Match[str]]:
    """``_ATOM.finditer(text)``, tried only where ``_ATOM_START`` finds a start (an ``_ATOM``
    match is never empty, so the next try begins where a match ends)."""
    pos = 0
    search, match = _ATOM_START.search, _ATOM.match
    while (start := search(text, pos)) is not None:
        found = match(text, start.start())
        if found is None:
            pos = start.start() + 1
        else:
            yield found
            pos = found.end()


def _atom(doc: Doc, match: re.Match[str], text: str) -> _Atom | None:
    start, end = match.start(), match.end()
    currency = _currency(match.group("currency"))
    unit: str | None = None
    scaled = bool(match.group("scale"))
    if match.group("vague"):
        words = match.group("vague").lower().split()  # "thousands" or "tens of thousands"
        value = VAGUE[words[-1]]
        if len(words) > 1:
            value *= 10.0 if words[0] == "tens" else VAGUE[words[0]]
        return _Atom(start, end, value, currency, None, True, True)
    if match.group("words"):
        parsed = parse_number_words(match.group("words"))
        if parsed is None or not _counts_as_number_word(doc, match):
            return None
        value = parsed
        scaled = any(w in match.group("words").lower() for w in MULTIPLIERS)
    else:
        digits = match.group("digits")
        if not _digits_standalone(text, match):
            return None
        value = float(digits.replace(",", ""))
        suffix = match.group("suffix")
        if suffix:
            kind = _suffix(suffix, currency=currency is not None)
            if kind is None:
                return None
            if isinstance(kind, float):
                value *= kind
                scaled = True
            else:
                unit = kind
        for word in (match.group("scale") or "").lower().replace("-", " ").split():
            value *= MULTIPLIERS[word]
        if _is_excluded(doc, match, value, currency=currency, unit=unit, scaled=scaled):
            return None
    if (match.group("minus") or match.group("signed")) and not _score_dash(text, match):
        value = -value
    return _Atom(start, end, value, currency, unit, False, scaled)


def _score_dash(text: str, match: re.Match[str]) -> bool:
    """The dash of "82%-12%" or "371-18" joins two numbers: no minus sign."""
    before = text[: match.start()].rstrip()
    return (
        match.group("minus") == "-" and bool(before) and (before[-1] in "%" or before[-1].isdigit())
    )


def _currency(raw: str | None) -> str | None:
    if not raw:
        return None
    raw = raw.strip()
    for symbol, name in CURRENCY_SYMBOLS.items():
        if symbol in raw:
            return name
    return CURRENCY_CODES.get(raw.upper())


def _suffix(suffix: str, *, currency: bool) -> float | str | None:
    """An attached suffix: a scale ("bn"), a unit ("kW"), or None for ordinals, years, codes."""
    lower = suffix.lower()
    if lower in ("pc", "percent"):
        return "percent"
    if lower == "p" and not currency:
        return "penny"
    if lower in SCALE_SUFFIXES and (currency or suffix == "M" or lower not in UNIT_ABBREVIATIONS):
        return SCALE_SUFFIXES[lower]
    if lower in UNIT_ABBREVIATIONS or "/" in lower:
        return lower
    if lower[-1] in "23" and lower[:-1] in UNIT_ABBREVIATIONS:
        return lower  # "32m2", "5km2": squares and cubes
    return None


def _digits_standalone(text: str, match: re.Match[str]) -> bool:
    """False for digits glued into codes, names, dates and times ("G7", "COVID-19", "3/4")."""
    start, end = match.start("digits"), match.end()
    before = text[start - 1] if start > 0 else " "
    if before.isalpha() and not match.group("currency"):
        return False
    if before == "-" and not match.group("minus") and start > 1 and text[start - 2].isalpha():
        return bool(re.search(r"(?<![\w-])sub-$", text[:start], re.IGNORECASE))  # "sub-7nm"
    if match.group("minus") == "-" and re.search(r"\b[A-Z]{2,}\s$", text[: match.start()]):
        return False  # "COVID -19": a code split by a stray space, not a negative number
    if before in "/:#" or text[end : end + 1] in ("/", ":") and text[end + 1 : end + 2].isdigit():
        return False
    if text[end : end + 1].isdigit() or _TIME.match(text[end:]):
        return False
    return not re.match(r"-?[A-Za-z]+\d", text[end : end + 4]) or bool(match.group("suffix"))


def _counts_as_number_word(doc: Doc, match: re.Match[str]) -> bool:
    """Number words count unless they are pronouns ("the same one"), fractions, names or dates."""
    span = doc.char_span(match.start("words"), match.end("words"), alignment_mode="expand")
    if span is None:
        return False
    words = match.group("words").lower().split()
    if re.match(r"-\w*(?:half|halves|third|quarter|fifth|th)s?\b", doc_text(doc)[match.end() :]):
        return False
    if words == ["one"]:
        token = span[0]
        following = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if token.dep_ not in ("nummod", "quantmod") and not (
            following and following.lower_ == "of"
        ):
            return False
    if words[0] in MULTIPLIERS or words[0] == "dozen":
        return False  # "several hundred", "a baker's dozen": no count given
    return not _in_excluded_entity(doc, span, has_unit=False)


def _is_excluded(
    doc: Doc,
    match: re.Match[str],
    value: float,
    *,
    currency: str | None,
    unit: str | None,
    scaled: bool,
) -> bool:
    span = doc.char_span(match.start("digits"), match.end(), alignment_mode="expand")
    if span is None:
        return True
    has_unit = bool(currency or unit or _PERCENT.match(doc_text(doc)[match.end() :]))
    if has_unit or scaled:
        return False  # spaCy's ORDINAL on "5pc" or "100km" is wrong: ordinals have no unit
    unit_follows = _unit_follows(doc, span)
    if unit_follows and _is_year(match.group("digits")):
        before = doc[span.start - 1].lower_ if span.start > 0 else ""
        unit_follows = before not in ("in", "since", "by", "until", "of", "from")
    if unit_follows:
        return any(e.label_ == "ORDINAL" for e in _overlapping_entities(doc, span))
    if _in_excluded_entity(doc, span, has_unit=False):
        return True
    following = _next_word(doc, span)
    if _is_year(match.group("digits")) and not (following and following.tag_ == "NNS"):
        return True
    if "," in match.group("digits"):
        return False  # "63,150 Model Ts": numbers in names carry no thousands separators
    return value == int(value) and _is_name_number(doc, span)


def _unit_follows(doc: Doc, span: Span) -> bool:
    """A unit of measure right after the number: "16 inch", "1520 sq m", "300 Hz", "5 W"."""
    after = _next_word(doc, span)
    return after is not None and (after.lower_ in ("sq", "square", "cubic") or _is_unit(after))


def _is_unit(after: Token, *, squared: bool = False) -> bool:
    """A unit word or symbol; single letters only after "square" or when unambiguous."""
    text = after.text.rstrip(".") or after.text  # "p." closing a sentence
    word = text.lower()
    return (
        word in MEASURE_WORDS
        or after.lemma_.lower() in MEASURE_WORDS
        or word in TEMPERATURE_WORDS
        or after.lemma_.lower() in CURRENCY_WORDS
        or (word in UNIT_ABBREVIATIONS and (len(word) > 1 or squared or text in ("W", "C", "F")))
        or text == "p"
        or text in CASED_UNITS
    )


def _is_year(digits: str) -> bool:
    return bool(re.fullmatch(r"1\d{3}|2[01]\d{2}", digits))


def _is_name_number(doc: Doc, span: Span) -> bool:
    """ "Route 66", "iPhone 11", "category 4", "787 Dreamliner": a number that names something."""
    before = doc[span.start - 1] if span.start > 0 else None
    after = _next_word(doc, span)
    hyphen = after is not None and after.text in ("-", "–")
    if hyphen and span.end + 2 < len(doc) and doc[span.end + 1].like_num:
        after = doc[span.end + 2]  # "16-18 Harbour Street"
    if before is not None and (before.pos_ == "PROPN" or before.lower_ in NAME_NOUNS):
        return not (after is not None and after.pos_ == "NOUN" and after.tag_ == "NNS")
    return bool(
        after is not None
        and after.pos_ == "PROPN"
        and after.is_title
        and after.tag_ != "NNPS"
        and after.ent_type_ not in ("NORP", "GPE")
    )


def _next_word(doc: Doc, span: Span) -> Token | None:
    return doc[span.end] if span.end < len(doc) else None


def _overlapping_entities(doc: Doc, span: Span) -> list[Span]:
    return [e for e in doc.ents if e.end > span.start and e.start < span.end]


def _in_excluded_entity(doc: Doc, span: Span, *, has_unit: bool) -> bool:
    """Inside a date, time, ordinal or (unless a unit says otherwise) a name."""
    for ent in _overlapping_entities(doc, span):
        if ent.label_ == "ORDINAL":
            # spaCy also tags bare decimals ORDINAL ("96.088"); digit ordinals carry a suffix
            return not all(re.fullmatch(r"[\d.,]+", t.text) for t in span)
        if ent.label_ in ("DATE", "TIME"):
            return _is_calendar(ent, span) and not _is_duration(doc, span)
        if ent.label_ in NAME_LABELS and not has_unit:
            others = [t for t in ent if t.i < span.start or t.i >= span.end]
            return any(t.pos_ == "PROPN" or t.is_title for t in others) or not others
    return False


def _is_calendar(ent: Span, span: Span) -> bool:
    """A date or time entity that really is one (spaCy also tags bare big numbers DATE)."""
    if ent.label_ == "TIME" or any(_is_year(t.text) for t in span):
        return True
    return any(t.lower_.rstrip(".") in CALENDAR_WORDS for t in ent)


def _is_duration(doc: Doc, span: Span) -> bool:
    """ "two years", "three or four years", "54-year-old": a count of time, not a date."""
    for token in doc[span.end : span.end + 4]:
        if token.lower_ in DURATION_UNITS or token.lower_.rstrip("s") + "s" in DURATION_UNITS:
            return True
        if not (token.is_punct or token.like_num or token.pos_ in ("ADJ", "CCONJ")):
            return False
    return False


def _join_ranges(doc: Doc, atoms: list[_Atom], *, paragraph: int) -> Iterator[Quantity]:
    text = doc_text(doc)
    index = 0
    while index < len(atoms):
        first = atoms[index]
        second = atoms[index + 1] if index + 1 < len(atoms) else None
        if second is not None and _is_range(text, first, second):
            low_value = first.value
            scale = _scale_of(second)
            if second.scaled and not first.scaled and first.value * scale <= second.value:
                low_value = first.value * scale
            yield _quantity(doc, first, second, low_value, paragraph=paragraph)
            index += 2
            continue
        yield _quantity(doc, first, None, first.value, paragraph=paragraph)
        index += 1


def _scale_of(atom: _Atom) -> float:
    for factor in (1e12, 1e9, 1e6, 1e3):
        if atom.value >= factor:
            return factor
    return 1.0


def _is_range(text: str, first: _Atom, second: _Atom) -> bool:
    """ "2-3", "between 5% and 6%", "from 252 miles to 287 miles", "three or four"."""
    if first.currency != second.currency and first.currency and second.currency:
        return False
    gap = text[first.end : second.start]
    percent = _PERCENT.match(gap)
    if percent:
        gap = gap[percent.end() :]
    word_unit = re.match(r"\s+([a-z]+)(?=\s+to\s)", gap)
    if word_unit and text[second.end :].lstrip().startswith(word_unit.group(1)):
        gap = gap[word_unit.end() :]
    before = text[max(0, first.start - 40) : first.start].lower()
    from_before = re.search(r"\bfrom\s+(?:up to\s+|about\s+|around\s+)?$", before)
    if from_before and _FROM_TO_GAP.fullmatch(text[first.end : second.start]):
        return True  # "from $75 a barrel in May to $46", "from 208 pounds to 193"
    joint = _RANGE_JOIN.fullmatch(gap)
    if joint is None:
        return False
    word = joint.group(0).strip().lower()
    if word == "and":
        return before.rstrip().endswith("between")
    if word == "to":
        if from_before:
            return True
        changed = re.search(rf"\b(?:{'|'.join(UP_WORDS | DOWN_WORDS)})\s+(by\s+)?$", before)
        plain = re.fullmatch(r"\s+to\s+", text[first.end : second.start])
        if changed and changed.group(1) and plain and not (second.currency or second.scaled):
            # "fell by 1 to 1.5 degrees": the change is a range ("rose by $4bn to $41bn" is not)
            return first.value < second.value
        return not changed and first.value <= second.value
    if word == "or":
        return first.value < second.value < 100
    return first.value <= second.value or second.scaled


def _quantity(
    doc: Doc, first: _Atom, second: _Atom | None, low_value: float, *, paragraph: int
) -> Quantity:
    text = doc_text(doc)
    last = second or first
    unit, concept, end = _unit_after(doc, last, currency=last.currency or first.currency)
    if second is not None:
        # "from 208 pounds to 193", "from 20 miles per gallon to 29 mpg": a unit the first end
        # states in full before the second is the range's unit
        first_unit, first_concept, _ = _unit_after(doc, first, currency=first.currency)
        token = _number_token(doc, first)
        measure = _measure_word(doc, token) if token is not None else None
        stated = first.unit or (measure is not None and measure.idx < second.start)
        if unit is None or (first_unit is not None and stated):
            unit = first_unit or unit
            concept = concept or first_concept
    cue_start, change = _change(text, first.start)
    if first.vague or last.vague:
        change = "~"
    low = high = None
    value = low_value
    if second is not None:
        low, high = sorted((low_value, second.value))
        value = low
    elif first.vague:
        low, high = first.value, first.value * 10
    return Quantity(
        text=text[cue_start:end],
        value=value,
        low=low,
        high=high,
        unit=unit,
        concept=concept,
        change=change,
        paragraph=paragraph,
        start=cue_start,
        end=end,
    )


def _unit_after(
    doc: Doc, atom: _Atom, *, currency: str | None
) -> tuple[str | None, str | None, int]:
    """The unit, the concept and the end of the quantity that ends with ``atom``."""
    text = doc_text(doc)
    end = atom.end
    unit = atom.unit and UNIT_ABBREVIATIONS.get(atom.unit.lower(), atom.unit)
    percent = _PERCENT.match(text[end:])
    if percent:
        end += percent.end()
        unit = "percent"
    elif currency:
        unit = currency
    token = _number_token(doc, atom)
    noun, concept = _unit_noun(doc, token, end)
    if unit is None and re.match(r"\s?(?:″|'')", text[end:]):
        unit = "inch"  # 25.5″
    elif atom.fraction:
        # "share of voters": a share, so that no one reads 0.5 as a count of voters
        unit = f"share of {_unit_name(doc, noun) if noun is not None else 'total'}"
    elif unit is None and noun is not None:
        unit = _unit_name(doc, noun)
    elif unit in CURRENCY_SYMBOLS.values() or unit in CURRENCY_CODES.values():
        per = re.match(r"\s+(?:per|a|an)\s+([a-z]+)", text[end:])
        if per and per.group(1) not in ("year-old",):
            unit = f"{unit} per {per.group(1)}"
    return unit, concept, end


def _unit_name(doc: Doc, noun: Token) -> str:
    """The unit a noun names: "pounds" → "pound", "lb-ft", "sq m" → "square metre", "mpg"."""
    compound = _hyphen_compound(doc, noun)
    if compound is not None:
        return compound  # "pound-feet", "lb-ft", "kilowatt-hours"
    if noun.text in CASED_UNITS:
        return noun.text  # "Nm" (newton metres) is not "nm" (nanometres)
    word = noun.lower_.rstrip(".-") or noun.lower_
    money = CURRENCY_WORDS.get(noun.lemma_.lower()) or CURRENCY_WORDS.get(word)
    if money is not None:
        return money
    short = noun.text.endswith(".") and len(noun.text) <= 3  # "p." closing a sentence
    name = UNIT_ABBREVIATIONS.get(word) or (noun.text[:-1] if short else noun.text).rstrip("-")
    before = doc[noun.i - 1] if noun.i > 0 else None
    if before is not None and before.lower_ in UNIT_PREFIXES:
        return f"{UNIT_PREFIXES[before.lower_]} {name}"
    return name


def _hyphen_compound(doc: Doc, noun: Token) -> str | None:
    """Units glued by hyphens to the noun ("pound-feet", "lb-ft"); None if there are none."""

    def glued(left: Token, right: Token) -> bool:
        return right.text == "-" and not left.whitespace_ and not right.whitespace_

    def unitish(token: Token) -> bool:
        word = token.lower_
        return token.is_alpha and (
            word in UNIT_ABBREVIATIONS
            or token.lemma_.lower() in MEASURE_WORDS
            or token.lemma_.lower() in CURRENCY_WORDS
        )

    first = last = noun.i
    while first >= 2 and glued(doc[first - 2], doc[first - 1]) and unitish(doc[first - 2]):
        first -= 2
    while last + 2 < len(doc) and glued(doc[last], doc[last + 1]) and unitish(doc[last + 2]):
        last += 2
    if first == last or not unitish(noun):
        return None
    return doc[first : last + 1].text


def _change(text: str, start: int) -> tuple[int, str]:
    """The change cue right before a number: approximations, bounds, rises and falls."""
    before = text[max(0, start - 30) : start]
    lower = before.lower()
    # every bound cue ends in whitespace before the number: none can match otherwise
    for sign, patterns in _BOUND_CUES if lower[-1:].isspace() else ():
        for pattern in patterns:
            found = pattern.search(lower)
            if found:
                inner = _change(text, start - len(before) + found.start())
                if inner[1] in ("up", "down"):
                    return inner[0], inner[1]
                return start - len(before) + found.start(), sign
    for pattern in _ESTIMATE_CUES:
        found = pattern.search(lower)
        if found:
            return start - len(before) + found.start(), "~"
    if lower.endswith("+"):
        return start - 1, "up"
    if _SUB_PREFIX.search(lower):
        return start - 4, "<"
    words = re.findall(r"[a-z]+", lower)
    if words and words[-1] == "by" and len(words) > 1:
        words = words[:-1]
    if words and words[-1] in UP_WORDS:
        return start, "up"
    if words and words[-1] in DOWN_WORDS:
        return start, "down"
    return start, "="


def _number_token(doc: Doc, atom: _Atom) -> Token | None:
    span = doc.char_span(atom.start, atom.end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    if atom.fraction:
        return span[-1]
    numeric = [t for t in span if t.like_num or t.pos_ == "NUM"]
    return numeric[-1] if numeric else span[-1]


def _unit_noun(doc: Doc, token: Token | None, end: int) -> tuple[Token | None, str | None]:
    """The noun the number counts ("120 soldiers") and the concept it is about."""
    if token is None:
        return None, None
    measure = _measure_word(doc, token)
    if measure is not None:
        head = measure.head if measure.head.i > measure.i else measure
        return measure, _phrase(doc, measure.i + 1, head) if head is not measure else measure.text
    head = token.head
    if token.dep_ in ("nummod", "compound", "quantmod", "nmod", "amod") and head.i > token.i:
        while head.dep_ in ("nummod", "quantmod", "compound") and head.head.i > head.i:
            head = head.head
        if head.pos_ in ("NOUN", "PROPN") and head.idx >= end and head.i - token.i <= 5:
            return head, _phrase(doc, token.i + 1, head)
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if after is not None and after.lower_ == "of":
        objects = [c for c in after.children if c.dep_ == "pobj" and c.pos_ in ("NOUN", "PROPN")]
        if objects:
            return objects[0], _phrase(doc, after.i + 1, objects[0])
    if after is not None and after.pos_ == "NOUN" and after.idx >= end and after.lower_ != "of":
        return after, after.text
    return None, _concept_from_context(doc, token)


def _measure_word(doc: Doc, token: Token) -> Token | None:
    """A unit of measure right after the number ("750 metre swim", "54-year-old")."""
    squared = False
    for candidate in doc[token.i + 1 : token.i + 4]:
        if candidate.lower_ in UNIT_PREFIXES:
            squared = candidate.lower_ != "basis"
            continue
        if candidate.text == "-":
            continue
        if _is_unit(candidate, squared=squared):
            return candidate
        return None
    return None


def _phrase(doc: Doc, start: int, head: Token) -> str:
    tokens = [t for t in doc[start : head.i + 1] if not t.is_punct and t.pos_ != "DET"]
    return " ".join(t.text for t in tokens) or head.text


def _concept_from_context(doc: Doc, token: Token) -> str | None:
    """ "the death toll rose to 310" → "death toll"; "a $2m contract" → "contract"."""
    node = token
    for _ in range(4):
        if node.dep_ in ("pobj", "dobj", "attr", "npadvmod", "appos", "advmod", "prep"):
            node = node.head
            continue
        break
    if node.pos_ in ("VERB", "AUX"):
        for child in node.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                chunk = [t for t in child.subtree if t.pos_ not in ("DET", "PUNCT")]
                if len(chunk) <= 5:
                    return " ".join(t.text for t in chunk)
    if node.pos_ in ("NOUN", "PROPN") and node is not token:
        return node.text
    return None
