"""Story-wide speaker names: variants folded, role phrases resolved only when unambiguous."""

from __future__ import annotations

from newsbrief.model import Article, Entity, Quote
from newsbrief.reconcile import story_speakers, with_story_speakers


def _quote(speaker: str) -> Quote:
    return Quote(
        text="The quay is closed.",
        speaker=speaker,
        speaker_mention=speaker,
        cue="said",
        kind="direct",
        paragraph=0,
        start=0,
        end=5,
    )


def _article(aid: str, speakers: list[str], entities: list[tuple[str, str]]) -> Article:
    return Article(
        id=aid,
        source=aid,
        paragraphs=["x"],
        quotes=[_quote(s) for s in speakers],
        entities=[Entity(text=t, label=label, canonical=t) for t, label in entities],
    )


def test_name_variants_fold_to_one_name() -> None:
    articles = [
        _article("a", ["Lena Vask"], [("Lena Vask", "PERSON")]),
        _article("b", ["Vask", "Kaldoria's General Staff"], [("Kaldorian General Staff", "ORG")]),
    ]
    names = story_speakers(articles)
    assert names["Vask"] == "Lena Vask"
    assert names["Kaldoria's General Staff"] == "Kaldorian General Staff"


def test_a_name_joined_by_function_words_never_takes_the_name_inside_it() -> None:
    """A title-case line the tagger took for a name ("The Democratic Party's Move Against Dana
    Holt") or a body named for a person ("Citizens for Holt") holds the person's name but is
    not the person: her quotes keep her own name."""
    articles = [
        _article("a", ["Holt", "Dana Holt"], [("Dana Holt", "PERSON")]),
        _article(
            "b",
            ["Holt"],
            [
                ("Democratic Party's Move Against Dana Holt", "ORG"),
                ("Citizens for Holt", "ORG"),
            ],
        ),
    ]
    names = story_speakers(articles)
    assert names["Holt"] == "Dana Holt"
    assert names["Dana Holt"] == "Dana Holt"


def test_role_phrase_resolves_to_the_one_matching_body() -> None:
    articles = [
        _article("a", ["the Varnian ministry"], [("Varnian Defence Ministry", "ORG")]),
        _article("b", ["the ministry"], [("Kaldorian Defence Ministry", "ORG")]),
    ]
    names = story_speakers(articles)
    assert names["the Varnian ministry"] == "Varnian Defence Ministry"
    assert names["the ministry"] == "the ministry"  # two ministries: ambiguous, kept


def test_role_phrase_never_becomes_a_person_name() -> None:
    """A PERSON name holding the role's words is a headline the tagger took for a name."""
    articles = [
        _article(
            "a",
            ["The presidential candidate"],
            [("Dana Holt Named Best Presidential Candidate Ever", "PERSON")],
        )
    ]
    names = story_speakers(articles)
    assert names["The presidential candidate"] == "The presidential candidate"


def test_with_story_speakers_rewrites_quotes_only() -> None:
    articles = [
        _article("a", ["Lena Vask"], [("Lena Vask", "PERSON")]),
        _article("b", ["Vask"], []),
    ]
    rewritten = with_story_speakers(articles)
    assert [q.speaker for a in rewritten for q in a.quotes] == ["Lena Vask", "Lena Vask"]
    assert [q.speaker_mention for a in rewritten for q in a.quotes] == ["Lena Vask", "Vask"]
    assert rewritten[0] is articles[0]  # no speaker renamed: the article itself, not a copy
    assert rewritten[1] is not articles[1] and articles[1].quotes[0].speaker == "Vask"


def test_a_role_two_bodies_fit_is_the_one_its_own_article_names() -> None:
    """Both sides' ministries are named in the story, so "the defence ministry" is ambiguous
    there; in an article that names only one of them (its standfirst quoting the ministry its
    body names later), it is that one. An article naming both keeps the role as written."""
    articles = [
        _article("a", ["the defence ministry"], [("Varnian Defence Ministry", "ORG")]),
        _article("b", ["Ivo Tamsen"], [("Kaldorian Defence Ministry", "ORG")]),
        _article(
            "c",
            ["the defence ministry"],
            [("Varnian Defence Ministry", "ORG"), ("Kaldorian Defence Ministry", "ORG")],
        ),
    ]
    assert story_speakers(articles)["the defence ministry"] == "the defence ministry"
    rewritten = {a.id: a.quotes[0].speaker for a in with_story_speakers(articles)}
    assert rewritten == {
        "a": "Varnian Defence Ministry",
        "b": "Ivo Tamsen",
        "c": "the defence ministry",
    }


def test_a_misparsed_phrase_around_a_name_does_not_rename_the_person() -> None:
    """'It's a dynamic Vask said could …' parses with 'a dynamic Vask' as the speaker: the
    fullest variant, but not written as a name, so Vask's other quotes keep 'Vask'."""
    articles = [
        _article("a", ["Vask", "Vask", "a dynamic Vask"], [("Vask", "PERSON")]),
    ]
    names = story_speakers(articles)
    assert names["Vask"] == "Vask"


def test_a_role_is_only_a_body_of_its_own_kind() -> None:
    """'the police' names a police body, and 'the ministry' a ministry: not a headline the
    tagger took for an organisation that ends on the word ('Crane Collapse Blamed On Police')
    or holds it ('Courier Piece Blames Harbour Board')."""
    articles = [
        _article(
            "a",
            ["the police", "The piece", "the ministry"],
            [
                ("Harbour Crane Collapse Blamed On Police", "ORG"),
                ("Courier Piece Blames Harbour Board", "ORG"),
                ("Ministry of Transport", "ORG"),
            ],
        ),
    ]
    names = story_speakers(articles)
    assert names["the police"] == "the police"
    assert names["The piece"] == "The piece"
    assert names["the ministry"] == "Ministry of Transport"
