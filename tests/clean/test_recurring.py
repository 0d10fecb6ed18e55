"""Recurring boilerplate learned from a corpus: chrome an outlet repeats goes, bodies stay."""

from __future__ import annotations

import pickle

import pytest

from newsbrief.clean import clean_document
from newsbrief.clean.recurring import Boilerplate, LearnOptions, learn_boilerplate, site_key
from newsbrief.clean.text import key
from newsbrief.model import RawDocument

from .recurring_pages import BODIES, FOOTER, MENU, PROMO, TITLES, WIRE, page


def doc(text: str, n: int, *, outlet: str | None = "Fenwick Lantern", **kw: str) -> RawDocument:
    return RawDocument(source=f"page-{outlet}-{n}.txt", content=text, outlet=outlet, **kw)


def five_pages(**kw: str) -> list[RawDocument]:
    return [doc(page(t, b), i, **kw) for i, (t, b) in enumerate(zip(TITLES, BODIES, strict=True))]


def recurring(raw: RawDocument, learned: Boilerplate) -> list[str]:
    article = clean_document(raw, boilerplate=learned.for_document(raw))
    return [r.text for r in article.removed if r.reason == "recurring"]


def test_shared_chrome_is_removed_as_recurring_and_bodies_kept() -> None:
    docs = five_pages()
    learned = learn_boilerplate(docs)
    chrome = {key(line) for line in [*MENU, PROMO, *FOOTER]}
    assert learned.for_document(docs[0]) == chrome
    for raw, body in zip(docs, BODIES, strict=True):
        article = clean_document(raw, boilerplate=learned.for_document(raw))
        assert set(recurring(raw, learned)) == {*MENU, PROMO, *FOOTER}
        assert article.paragraphs == body


def test_without_learning_the_chrome_stays() -> None:
    raw = five_pages()[0]
    assert PROMO in clean_document(raw).paragraphs


def test_a_line_in_only_two_pages_is_kept() -> None:
    docs = five_pages()
    pair = "Tide tables for the estuary"
    docs[0] = doc(page(TITLES[0], [*BODIES[0][:1], pair, *BODIES[0][1:]]), 0)
    docs[3] = doc(page(TITLES[3], [*BODIES[3][:1], pair, *BODIES[3][1:]]), 3)
    learned = learn_boilerplate(docs)
    assert key(pair) not in learned.for_document(docs[0])
    assert pair in clean_document(docs[0], boilerplate=learned.for_document(docs[0])).paragraphs


def test_syndicated_copies_keep_their_bodies() -> None:
    """A wire story printed three times by one outlet (and once by another) is the article:
    its lines recur, but only across copies, so none of them is learned."""
    lantern = five_pages()
    copies = [
        doc(page(f"Ferry talks collapse {tag}", WIRE), 10 + n)
        for n, tag in enumerate(["", "(update)", "as fares rise"])
    ]
    beacon = [
        doc(page(t, b, chrome=False), 20 + n, outlet="Marlow Beacon")
        for n, (t, b) in enumerate(zip(TITLES[:2], BODIES[:2], strict=True))
    ]
    beacon.append(doc(page("Ferry talks collapse", WIRE, chrome=False), 30, outlet="Marlow Beacon"))
    docs = [*lantern, *copies, *beacon]
    learned = learn_boilerplate(docs)
    for raw in [*copies, beacon[-1]]:
        keys = learned.for_document(raw)
        assert not keys & {key(line) for line in WIRE}
        assert set(WIRE) <= set(clean_document(raw, boilerplate=keys).paragraphs)
    assert key(PROMO) in learned.for_document(copies[0])


def test_copies_alone_teach_nothing() -> None:
    docs = [doc(page(f"Ferry talks collapse {n}", WIRE), n) for n in range(5)]
    assert learn_boilerplate(docs).for_document(docs[0]) == frozenset()


def test_long_prose_needs_half_the_site() -> None:
    """A background sentence several different articles repeat is body, not chrome."""
    background = (
        "The swing bridge, built in 1889, is the only road crossing between Fenwick and Marlow."
    )
    docs = five_pages()
    docs += [
        doc(page(f"Bridge story {n}", [*BODIES[n - 5][:2], background]), n) for n in range(5, 8)
    ]
    docs += [doc(page(f"Other story {n}", [f"Unrelated report number {n} was filed."]), n)
             for n in range(8, 12)]  # fmt: skip
    learned = learn_boilerplate(docs)
    assert key(background) not in learned.for_document(docs[0])
    assert key(PROMO) in learned.for_document(docs[0])


def test_quoted_statement_is_never_learned() -> None:
    quote = "“We will not be rushed into a bad deal,” said the harbour master."
    docs = [
        doc(page(t, [b[0], quote, *b[1:]]), i)
        for i, (t, b) in enumerate(zip(TITLES, BODIES, strict=True))
    ]
    learned = learn_boilerplate(docs)
    assert key(quote) not in learned.for_document(docs[0])
    assert quote in clean_document(docs[0], boilerplate=learned.for_document(docs[0])).paragraphs


def test_masthead_is_not_learned_so_the_outlet_is_still_read() -> None:
    docs = [
        doc("Fenwick Lantern\n\n" + page(t, b), i, outlet=None, folder="in/lantern")
        for i, (t, b) in enumerate(zip(TITLES, BODIES, strict=True))
    ]
    learned = learn_boilerplate(docs)
    keys = learned.for_document(docs[0])
    assert "fenwick lantern" not in keys
    assert key(PROMO) in keys
    assert clean_document(docs[0], boilerplate=keys).outlet == "Fenwick Lantern"


def test_anonymous_documents_need_a_stricter_count() -> None:
    def anonymous(n: int) -> list[RawDocument]:
        return [
            RawDocument(
                source=f"anon-{i}.txt",
                content=page(
                    f"Parish report {i}",
                    [f"Report number {i} on the {topic} was filed by the clerk." for topic in
                     ("roads", "drains", "hedges")],
                ),
            )
            for i in range(n)
        ]  # fmt: skip

    assert site_key(anonymous(1)[0]) is None
    five = anonymous(5)
    assert learn_boilerplate(five).for_document(five[0]) == frozenset()
    six = anonymous(6)
    assert key(FOOTER[0]) in learn_boilerplate(six).for_document(six[0])
    at_an_outlet = [d.model_copy(update={"outlet": "Fenwick Lantern"}) for d in anonymous(3)]
    assert key(FOOTER[0]) in learn_boilerplate(at_an_outlet).for_document(at_an_outlet[0])


def test_a_fair_share_of_a_large_site_is_needed() -> None:
    docs = [
        doc(page(f"Notice {n}", [f"Parish notice number {n} was posted on the board today."],
                 chrome=n < 3), n)
        for n in range(40)
    ]  # fmt: skip
    assert key(FOOTER[0]) not in learn_boilerplate(docs).for_document(docs[0])
    lenient = learn_boilerplate(docs, options=LearnOptions(min_share=0.05))
    assert key(FOOTER[0]) in lenient.for_document(docs[0])


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"outlet": "The Fenwick Lantern", "url": "https://www.lantern.example/a"}, "name:"),
        ({"url": "https://www.lantern.example/a", "folder": "in/x"}, "host:lantern.example"),
        ({"folder": "in/x"}, "folder:in/x"),
        ({"content": "Bridge to close for two months - Fenwick Lantern\n\nText."}, "name:"),
        ({"content": "No site here at all.\n\nJust text."}, None),
    ],
)
def test_site_key_precedence(fields: dict[str, str], expected: str | None) -> None:
    raw = RawDocument(**{"source": "s.txt", "content": "Body.", **fields})
    found = site_key(raw)
    if expected is None or not expected.endswith(":"):
        assert found == expected
    else:
        assert found is not None and found.startswith(expected) and "lantern" in found


def test_html_title_suffix_groups_pages() -> None:
    html = "<html><head><title>{t} | Fenwick Lantern</title></head><body><p>x</p></body></html>"
    raw = RawDocument(source="a.html", content=html.format(t="Bridge to close"), format="html")
    assert site_key(raw) == "name:fenwick lantern"


def test_html_pages_learn_from_visible_text() -> None:
    def html(title: str, body: list[str]) -> str:
        menu = "".join(f"<li>{m}</li>" for m in MENU)
        paras = "".join(f"<p>{p}</p>" for p in body)
        return (
            f"<html><head><title>{title}</title></head><body><nav><ul>{menu}</ul></nav>"
            f"<article><h1>{title}</h1>{paras}<p>{PROMO}</p></article>"
            f"<footer><p>{FOOTER[0]}</p></footer></body></html>"
        )

    docs = [
        RawDocument(source=f"{i}.html", content=html(t, b), format="html",
                    url=f"https://lantern.example/{i}")
        for i, (t, b) in enumerate(zip(TITLES, BODIES, strict=True))
    ]  # fmt: skip
    learned = learn_boilerplate(docs)
    assert key(PROMO) in learned.for_document(docs[0])
    article = clean_document(docs[0], boilerplate=learned.for_document(docs[0]))
    assert PROMO not in article.paragraphs
    assert BODIES[0][0] in article.paragraphs


def test_caps_bound_what_is_kept_and_tracked() -> None:
    docs = five_pages()
    small = learn_boilerplate(docs, options=LearnOptions(max_keys_per_site=2))
    assert len(small.for_document(docs[0])) == 2
    tight = learn_boilerplate(docs, options=LearnOptions(max_tracked=20))
    assert key(PROMO) in tight.for_document(docs[0])


def test_learning_is_one_pass_over_an_iterator_and_picklable() -> None:
    docs = five_pages()
    learned = learn_boilerplate(iter(docs))
    again = pickle.loads(pickle.dumps(learned))
    assert again.for_document(docs[0]) == learned.for_document(docs[0])
    assert len(learned) == len(learned.for_document(docs[0]))
    stranger = RawDocument(source="x.txt", content="Hello.", outlet="Marlow Beacon")
    assert learned.for_document(stranger) == frozenset()
    assert Boilerplate().for_document(docs[0]) == frozenset()
