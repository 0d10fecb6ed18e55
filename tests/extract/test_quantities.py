"""Quantities: every number a sentence states, normalised; dates, ordinals and names are not."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsbrief.extract.quantities import (
    _ATOM,
    atom_matches,
    extract_quantities,
    parse_number_words,
)
from newsbrief.model import Article, Quantity
from newsbrief.nlp import parse_article


def quantities(text: str, *, title: str | None = None) -> list[Quantity]:
    article = Article(id="t", source="t", title=title, paragraphs=[text])
    return extract_quantities(parse_article(article))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nearly 4,000 people fled the valley.", [(4000, "~", "people")]),
        ("The fund holds 3.5 million books.", [(3_500_000, "=", "books")]),
        ("More than 3.5 million people voted.", [(3_500_000, ">", "people")]),
        ("Forty-two soldiers crossed the bridge.", [(42, "=", "soldiers")]),
        ("Two dozen homes stood empty.", [(24, "=", "homes")]),
        ("A hundred boats left the port.", [(100, "=", "boats")]),
        ("One million trees were planted.", [(1_000_000, "=", "trees")]),
        ("The city borrowed $2 million last spring.", [(2_000_000, "=", "dollar")]),
        ("The plan costs £1.2bn over a decade.", [(1_200_000_000, "=", "pound")]),
        ("The agency raised 3.5bn euros.", [(3_500_000_000, "=", "euro")]),
        ("Velmar passes $1.9T relief bill.", [(1_900_000_000_000, "=", "dollar")]),
        ("Voters backed it 82%-12%.", [(82, "=", "percent"), (12, "=", "percent")]),
        ("The barge carried 5t of steel.", [(5, "=", "tonne")]),
        ("The site counted 40k visitors.", [(40_000, "=", "visitors")]),
        ("Turnout reached 64.5% in the north.", [(64.5, "=", "percent")]),
        ("Prices climbed 3 per cent in May.", [(3, "up", "percent")]),
        ("Fewer than 300 workers stayed.", [(300, "<", "workers")]),
        ("The grant is worth up to €8 million.", [(8_000_000, "<", "euro")]),
        ("At least 12 boats sank.", [(12, ">", "boats")]),
        ("The convoy drove 120 kilometres.", [(120, "=", "kilometres")]),
        ("The engine makes 300kW of power.", [(300, "=", "kilowatt")]),
    ],
)
def test_values_changes_units(text: str, expected: list[tuple[float, str, str]]) -> None:
    found = [(q.value, q.change, q.unit) for q in quantities(text)]
    assert found == [(pytest.approx(v), c, u) for v, c, u in expected]


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("Between 2,000 and 3,000 people marched.", 2000, 3000),
        ("The repairs will take 2-3 million hours of labour.", 2_000_000, 3_000_000),
        ("Officials expect 2,000 to 3,000 visitors.", 2000, 3000),
        ("Fares rose from 15 to 22 dollars.", 15, 22),
        ("Thousands of people queued.", 1000, 10_000),
    ],
)
def test_ranges(text: str, low: float, high: float) -> None:
    (found,) = quantities(text)
    assert (found.low, found.high, found.value) == (low, high, low)


@pytest.mark.parametrize(
    "text",
    [
        "The summit opened on 3 March 2026.",
        "The law was passed in 2024.",
        "She finished third in the race.",
        "The 12th Brigade moved north.",
        "They drove along Route 66 at dawn.",
        "The COVID-19 rules ended.",
        "Leaders of the G7 met at 10.45pm.",
        "The talks resume at 5pm on March 9.",
        "Each one was checked, and no one complained.",
    ],
)
def test_not_quantities(text: str) -> None:
    assert quantities(text) == []


def test_offsets_point_at_the_number_and_title_is_paragraph_minus_one() -> None:
    article = Article(
        id="t",
        source="t",
        title="Storm leaves 300 without power",
        paragraphs=["Crews restored power to about 250 homes overnight."],
    )
    found = extract_quantities(parse_article(article))
    assert [(q.paragraph, q.value) for q in found] == [(-1, 300), (0, 250)]
    body = found[1]
    assert article.paragraphs[0][body.start : body.end] == body.text == "about 250"


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("forty-two", 42),
        ("two dozen", 24),
        ("a hundred", 100),
        ("three thousand and five", 3005),
        ("one million", 1_000_000),
        ("seven hundred thousand", 700_000),
        ("blue", None),
    ],
)
def test_parse_number_words(words: str, value: float | None) -> None:
    assert parse_number_words(words) == value


def test_concept_of_a_number_without_noun() -> None:
    (found,) = quantities("The death toll rose to 310.")
    assert found.value == 310
    assert found.concept == "death toll"


@pytest.mark.parametrize(
    ("text", "low", "high", "unit"),
    [
        # "from X ... to Y": a unit, a time or a place between the two ends
        ("The loaf went from $3.10 at dawn yesterday to $2.80 at noon.", 2.8, 3.1, "dollar"),
        ("Brannock slimmed from 210 pounds to 190 over the winter.", 190, 210, "pound"),
        ("Output grew from 30 miles per gallon in 2010 to 41 mpg in 2024.", 30, 41, "miles"),
        # "fell by 1 to 2 degrees": the change itself is a range
        ("Lake temperatures dropped by 1 to 2.5 degrees last decade.", 1, 2.5, "degrees"),
    ],
)
def test_from_to_and_by_ranges(text: str, low: float, high: float, unit: str) -> None:
    (found,) = quantities(text)
    assert (found.low, found.high, found.unit) == (pytest.approx(low), pytest.approx(high), unit)


def test_change_by_then_level_is_two_quantities() -> None:
    found = quantities("The shortfall increased by $3.5 billion to $120.4 billion.")
    assert [q.value for q in found] == [3_500_000_000, 120_400_000_000]


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("Nearly two-thirds of the 90 riders finished.", 2 / 3, "share of riders"),
        ("A third of the Velorian fleet is idle.", 1 / 3, "share of fleet"),
        ("Almost half of which were sold abroad.", 0.5, "share of total"),
        ("One out of four Quorbish voters abstained.", 0.25, "share of voters"),
        ("One in five tenants moved out.", 0.2, "share of tenants"),
        ("A cup is 1/16 of a gallon.", 1 / 16, "share of gallon"),
        ("A spoon holds 1⁄64 of a jug.", 1 / 64, "share of jug"),
        ("The wait was 2½ hours.", 2.5, "hours"),  # a mixed number counts, it is no share
    ],
)
def test_fractions(text: str, value: float, unit: str | None) -> None:
    fractions = [q for q in quantities(text) if q.value == pytest.approx(value)]
    assert len(fractions) == 1
    assert fractions[0].unit == unit


@pytest.mark.parametrize(
    "text",
    [
        "In the first half of the season the club struggled.",
        "A third-party audit was ordered.",
        "The side lost 3 in 2019.",
    ],
)
def test_not_fractions(text: str) -> None:
    assert all(q.value >= 1 for q in quantities(text))


def test_a_share_is_not_a_casualty_figure() -> None:
    from newsbrief.extract.claims import measure_of

    article = Article(id="t", source="t", paragraphs=["Half of the 40 miners were killed."])
    parsed = parse_article(article)
    share, count = extract_quantities(parsed)
    assert (share.value, share.unit, count.value) == (0.5, "share of miners", 40)
    span = parsed.docs[0].char_span(share.start, share.end, alignment_mode="expand")
    assert span is not None
    assert measure_of(share, span) is None


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("The bid was worth PS2.7m to the founders.", 2_700_000, "pound"),
        ("Orvex closed at Y=4,120 in Tokyo.", 4120, "yen"),
        ("The deficit reached $-12.5bn in May.", -12_500_000_000, "dollar"),
        ("The motor delivers 410 Nm of torque.", 410, "Nm"),
        ("The scanner ran at roughly 250 Hz.", 250, "hertz"),
        ("It ships with a 5 W charger.", 5, "watt"),
        ("The flat measures 48m2.", 48, "m2"),
        ("The 1450 sq m depot was sold.", 1450, "square metre"),
        ("Shares in Tollan closed at 1180 p.", 1180, "p"),
        ("The Kestrel Pro 14 inch model sold out.", 14, "inch"),
        ("Dunmore delivered 48,210 Model Qs last quarter.", 48_210, "Qs"),
        ("The gauge read about minus 40 Fahrenheit.", -40, "Fahrenheit"),
        ("The fab can make sub-5 nanometre chips.", 5, "nanometre"),
        ("The index was up at 97.125 points.", 97.125, "points"),
        ("The shares were up 4pc by noon.", 4, "percent"),
        ("The car can reach 100km/hr quickly.", 100, "km/hr"),
        ("Lead levels were 12 ppb in the well.", 12, "ppb"),
        ("The engine makes 290 pound-feet of torque.", 290, "pound-feet"),
        ("It was a 40 basis point cut.", 40, "basis point"),
        ("The neck is 24.75″ long.", 24.75, "inch"),
        ("It is a million dollar flat.", 1_000_000, "dollar"),
    ],
)
def test_units_and_currencies(text: str, value: float, unit: str) -> None:
    found = [q for q in quantities(text) if q.value == pytest.approx(value)]
    assert [q.unit for q in found] == [unit]


def test_sub_prefix_is_an_upper_bound() -> None:
    (found,) = quantities("The fab can make sub-5 nanometre chips.")
    assert found.change == "<"


def test_scientific_notation() -> None:
    (found,) = quantities("The grain weighs about 3.2×10−9 kilograms.")
    assert found.value == pytest.approx(3.2e-9)
    assert found.change == "~"


@pytest.mark.parametrize(
    "text",
    [
        "The PS5 console sold out.",
        "Staff ran thousands of FLU -22 assays.",
        "The shop is at 14-16 Marlow Street.",
    ],
)
def test_codes_and_addresses_are_not_quantities(text: str) -> None:
    assert all(q.unit != "pound" and q.value not in (5, -22, 14) for q in quantities(text))


_ATOM_PIECES = [
    "minus", "Minus", "-", "−", "$", "US$", "A $", "C$", "€", "£", "Rs.", "RM", "PS5", "Y=100",
    "USD", "eur", "12", "1,200", "1,20", ".5", "3.4", "0.25", "A380", "2½", "a", "an", "A",
    "hundred", "thousand", "Million", "tens", "of", "hundreds", "dozens", "one", "twenty-one",
    "often", "tension", "someone", "ſix", "K", "İ", "and", "to", "per cent", "%", "bn", "km",
    "(", ")", ",", ".", "'", "é", "٣",
]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(_ATOM_PIECES), st.sampled_from(["", " ", "-", ",", ". "])),
        max_size=24,
    )
)
def test_atom_matches_are_those_of_a_full_scan(pieces: list[tuple[str, str]]) -> None:
    """Trying the number pattern only where one can start finds what a scan of every
    character finds (``quantities.atom_matches``)."""
    text = "".join(piece + gap for piece, gap in pieces)
    fast = [(m.span(), m.groupdict()) for m in atom_matches(text)]
    assert fast == [(m.span(), m.groupdict()) for m in _ATOM.finditer(text)]
