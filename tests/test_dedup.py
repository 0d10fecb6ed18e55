"""Exact and near-duplicate marking: wire copies, added paragraphs, order independence."""

from __future__ import annotations

import os

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsbrief.dedup import (
    DedupOptions,
    body_signature,
    is_near_copy,
    mark_duplicates,
    shingle_hashes,
    shingles,
)
from newsbrief.errors import OptionError
from newsbrief.model import Article

WIRE = [
    "The ferry Calloway Star ran aground on a sandbar off Tessary Point early on Monday, "
    "stranding 212 passengers for most of the morning.",
    "Coastguard crews from the harbour at Lenmouth reached the vessel within an hour and began "
    "moving passengers to smaller boats once the tide had turned.",
    "No one was seriously hurt, a spokeswoman for the operator Brightwater Lines said, though "
    "two crew members were treated for minor cuts.",
    "The operator said it would inspect the hull in dry dock before the ferry returns to its "
    "usual crossing between Lenmouth and the island of Orrin.",
    "Local fishermen have long complained that the channel markers near the point are hard to "
    "see in poor light, and the harbour board promised a review last spring.",
]
OTHER = [
    "A bakery in the market town of Hollin Cross won the regional bread prize for the third "
    "year running, beating forty other entries from across the valley.",
    "Its owner, who took over the shop from her grandfather, said the secret was patience and a "
    "starter kept alive since the winter of the great snow.",
    "Judges praised the crust and the even crumb, and said the loaf stood out in a year of "
    "unusually strong competition from younger bakers.",
]


def art(aid: str, paragraphs: list[str], *, published: str | None = "2024-05-06", **kw) -> Article:
    return Article(id=aid, source=f"{aid}.txt", paragraphs=paragraphs, published=published, **kw)


def by_id(articles: list[Article]) -> dict[str, str | None]:
    return {a.id: a.duplicate_of for a in articles}


def test_exact_copy_with_new_headline_points_to_earliest() -> None:
    original = art("b", WIRE, title="Ferry aground off Tessary Point", published="2024-05-06")
    copy = art("a", WIRE, title="Passengers stranded as ferry hits sandbar", published="2024-05-07")
    marked = mark_duplicates([copy, original])
    assert by_id(marked) == {"a": "b", "b": None}
    assert [a.id for a in marked] == ["a", "b"]  # same order as given


def test_spacing_and_case_do_not_hide_a_copy() -> None:
    shouty = [p.upper().replace(" ", "  ") for p in WIRE]
    marked = mark_duplicates([art("x", WIRE), art("y", shouty)])
    assert by_id(marked) == {"x": None, "y": "x"}


def test_copy_with_added_paragraph_and_trimmed_ending() -> None:
    added = [*WIRE[:4], "Brightwater Lines shares fell slightly in early trading.", WIRE[4]]
    trimmed = WIRE[:4]
    marked = mark_duplicates([art("w", WIRE), art("x", added), art("y", trimmed)])
    assert by_id(marked) == {"w": None, "x": "w", "y": "w"}


def test_short_wire_inside_a_longer_piece_is_contained() -> None:
    short = WIRE[:2]
    longer = [*WIRE[:2], "Passengers described a calm but cold wait on the upper deck."]
    a, b = (
        shingles(" ".join(short).lower().split(), 5),
        shingles(" ".join(longer).lower().split(), 5),
    )
    assert is_near_copy(a, b, DedupOptions())
    marked = mark_duplicates([art("long", longer), art("short", short, published="2024-05-05")])
    assert by_id(marked) == {"long": "short", "short": None}


def test_different_articles_and_shared_boilerplate_are_not_copies() -> None:
    half = [*WIRE[:2], OTHER[0]]  # partly each, mostly neither: no rule should fire
    marked = mark_duplicates([art("w", WIRE), art("o", OTHER), art("h", half)])
    assert by_id(marked) == {"w": None, "o": None, "h": None}


def test_empty_bodies_are_never_duplicates() -> None:
    marked = mark_duplicates([art("e1", []), art("e2", [""]), art("e3", ["  "])])
    assert all(a.duplicate_of is None for a in marked)


def test_undated_copies_point_to_dated_original_and_ties_break_by_id() -> None:
    marked = mark_duplicates(
        [art("c", WIRE, published=None), art("b", WIRE), art("a", WIRE, published=None)]
    )
    assert by_id(marked) == {"c": "b", "b": None, "a": "b"}
    tie = mark_duplicates([art("q", OTHER), art("p", OTHER)])
    assert by_id(tie) == {"q": "p", "p": None}


def test_chains_collapse_to_one_root() -> None:
    # x ~ y (y = x + paragraph) and y ~ z (z = y + paragraph): all point to the earliest.
    x = art("x", WIRE[:3], published="2024-05-01")
    y = art("y", WIRE[:4], published="2024-05-02")
    z = art("z", WIRE, published="2024-05-03")
    assert by_id(mark_duplicates([z, y, x])) == {"z": "x", "y": "x", "x": None}


def test_idempotent_and_resets_stale_marks() -> None:
    stale = art("o", OTHER, duplicate_of="w")
    once = mark_duplicates([art("w", WIRE), stale])
    assert by_id(once) == {"w": None, "o": None}
    assert mark_duplicates(once) == once


def test_bad_options_name_the_fix() -> None:
    with pytest.raises(OptionError, match="jaccard"):
        DedupOptions(jaccard=1.5)


BODIES = [WIRE, WIRE[:4], [*WIRE, "An extra line about the weather at sea."], OTHER, OTHER, []]


@settings(max_examples=30, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(range(len(BODIES))),
            st.sampled_from([None, "2024-05-01", "2024-05-02"]),
        ),
        min_size=1,
        max_size=8,
    ),
    st.randoms(use_true_random=False),
)
def test_marks_do_not_depend_on_input_order(specs, rnd) -> None:
    articles = [art(f"a{i}", BODIES[body], published=day) for i, (body, day) in enumerate(specs)]
    shuffled = list(articles)
    rnd.shuffle(shuffled)
    assert by_id(mark_duplicates(articles)) == by_id(mark_duplicates(shuffled))
    marks = by_id(mark_duplicates(articles))
    roots = {v for v in marks.values() if v}
    assert all(marks[r] is None for r in roots)  # every copy points at a root


_WORDS = st.sampled_from(
    [
        "harbour",
        "council",
        "ferry",
        "storm",
        "tide",
        "pier",
        "captain",
        "lantern",
        "quay",
        "mayor",
        "budget",
        "repairs",
        "bridge",
        "winter",
        "vote",
        "crew",
        "cargo",
        "island",
        "signal",
        "keeper",
    ]
)


@settings(max_examples=25, deadline=None)
@given(
    body=st.lists(st.lists(_WORDS, min_size=12, max_size=25), min_size=3, max_size=6),
    extra=st.lists(_WORDS, min_size=8, max_size=20),
)
def test_syndicated_copy_with_new_headline_is_found(body, extra) -> None:
    """A wire story republished with a new headline and an added local paragraph is a copy."""
    paragraphs = [" ".join(p) for p in body]
    wire = Article(
        id="wire", source="w", title="Storm hits the quay", published="2024-01-01",
        paragraphs=paragraphs, outlet="Wire",
    )  # fmt: skip
    copy = Article(
        id="local", source="l", title="Our town braces for more", published="2024-01-02",
        paragraphs=[*paragraphs, " ".join(extra)], outlet="Local Times",
    )  # fmt: skip
    marked = {a.id: a.duplicate_of for a in mark_duplicates([copy, wire])}
    assert marked == {"wire": None, "local": "wire"}


def _corpus() -> list[Article]:
    added = [*WIRE[:4], "Brightwater Lines shares fell slightly in early trading.", WIRE[4]]
    return [
        art("w", WIRE),
        art("x", added, published="2024-05-07"),
        art("y", WIRE, published="2024-05-08"),
        art("z", OTHER),
        art("e", []),
    ]


def test_signatures_made_beside_extraction_give_the_same_marks() -> None:
    """The pipeline makes each body's signature on its workers; dedup given them marks what
    it marks computing them itself, and ignores signatures made with other options."""
    corpus = _corpus()
    expected = mark_duplicates(corpus)
    assert by_id(expected) == {"w": None, "x": "w", "y": "w", "z": None, "e": None}
    signatures = [body_signature(a) for a in corpus]
    assert signatures[-1].body == "" and signatures[-1].minhash == b""
    assert mark_duplicates(corpus, signatures=signatures) == expected
    other = [body_signature(a, DedupOptions(num_perm=64)) for a in corpus]
    assert mark_duplicates(corpus, signatures=other) == expected  # made again, with 128


def test_signatures_of_copies_agree_and_differ_from_other_texts() -> None:
    w, x, y, z, _ = (body_signature(a) for a in _corpus())
    assert w == y  # an exact copy: the same hash and MinHash
    assert x.body != w.body
    values = {k: np.frombuffer(s.minhash, dtype="<u8") for k, s in (("w", w), ("x", x), ("z", z))}
    same = int((values["w"] == values["x"]).sum())
    unrelated = int((values["w"] == values["z"]).sum())
    assert same > 64 > unrelated  # of 128 values: the near copy shares most, another text few


def test_gram_hashes_follow_word_order_and_are_the_same_in_every_process() -> None:
    import subprocess
    import sys

    words = ["the", "ferry", "ran", "aground", "off", "the", "point", "on", "monday"]
    hashes = shingle_hashes(words, 5)
    assert len(hashes) == len(words) - 5 + 1
    assert set(shingle_hashes(list(reversed(words)), 5).tolist()).isdisjoint(hashes.tolist())
    assert len(shingle_hashes(words[:3], 5)) == 1  # shorter than a gram: one gram
    code = (
        f"from newsbrief.dedup import shingle_hashes;print(shingle_hashes({words!r}, 5).tolist())"
    )
    for seed in ("0", "12345"):
        out = subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
        ).stdout
        assert out.strip() == str(hashes.tolist())


def test_copies_already_joined_are_not_verified_again(monkeypatch: pytest.MonkeyPatch) -> None:
    """Five copies of one wire story make one group from four verified pairs: a pair joined
    through the others is not compared again (at 10,000 articles that was most of dedup)."""
    import newsbrief.dedup as dedup

    checked: list[int] = []
    real = dedup.is_near_copy

    def counting(a, b, options):  # type: ignore[no-untyped-def]
        checked.append(1)
        return real(a, b, options)

    monkeypatch.setattr(dedup, "is_near_copy", counting)
    copies = [art(f"c{n}", [*WIRE, f"Filed by desk number {n} of the wire."]) for n in range(5)]
    marked = mark_duplicates(copies)
    assert by_id(marked) == {"c0": None, "c1": "c0", "c2": "c0", "c3": "c0", "c4": "c0"}
    assert len(checked) == 4  # not all 10 pairs


def test_the_original_does_not_depend_on_the_folder_the_files_are_in() -> None:
    """Undated copies with no credit between them: the same file is the original from any
    folder, though ids (hashes of the path) sort the other way from some folders."""
    from newsbrief.clean import article_id

    def staged(folder: str) -> list[Article]:
        files = {"ferry-wire.txt": WIRE, "ferry-ledger.txt": [*WIRE, OTHER[0]]}
        return [
            Article(id=article_id(f"{folder}/{name}"), source=f"{folder}/{name}", paragraphs=body)
            for name, body in files.items()
        ]

    def original(articles: list[Article]) -> str:
        marked = mark_duplicates(articles)
        root = {a.duplicate_of for a in marked} - {None}
        assert len(root) == 1
        return next(a.source.rsplit("/", 1)[1] for a in marked if a.id in root)

    folders = [f"/data/run{k}" for k in range(40)]
    first_by_id = {min(staged(f), key=lambda a: a.id).source.rsplit("/", 1)[1] for f in folders}
    assert len(first_by_id) == 2  # from some folders the ids sort one way, from others the other
    assert len({original(staged(f)) for f in folders}) == 1
