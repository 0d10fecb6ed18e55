"""Summary sentences cut short at a trailing clause, superseded figures, and sentences that
only name what the one before said ("the move", "the figure")."""

from __future__ import annotations

import pytest
from storyfixtures import article, claim

from newsbrief.model import Article, Claim
from newsbrief.summarize import CUT_MARK, leans_on_context, summarize


def _parsed(*paragraphs: str, id: str = "a", published: str | None = None) -> Article:
    from newsbrief.nlp import parse_article

    raw = Article(id=id, source=f"{id}.txt", published=published, paragraphs=list(paragraphs))
    return parse_article(raw).article


def _shortened(sentence: str) -> list[str]:
    parsed = _parsed(sentence)
    (span,) = parsed.sentences
    return [sentence[span.start : cut] for cut in span.cuts]


@pytest.mark.parametrize(
    ("sentence", "shortened"),
    [
        (  # a participle
            "Kessel's harbour board on Tuesday approved a new sea wall for the old quay, "
            "ending a dispute that had lasted three years.",
            ["Kessel's harbour board on Tuesday approved a new sea wall for the old quay"],
        ),
        (  # the second of two clauses; the relative clause inside the first stays
            "Mayor Ida Roos, who has led the town since 2027, said the wall would be finished "
            "by spring, and she asked residents to stay away from the quay.",
            [
                "Mayor Ida Roos, who has led the town since 2027, said the wall would be "
                "finished by spring"
            ],
        ),
        (  # a relative clause after the condition, which stays
            "The harbour board will close the quay to ferries if the wall fails again, which "
            "would cut the island off.",
            ["The harbour board will close the quay to ferries if the wall fails again"],
        ),
        (  # a "with" clause
            "The search for survivors in Kessel was called off on Tuesday, with 310 people now "
            "confirmed dead.",
            ["The search for survivors in Kessel was called off on Tuesday"],
        ),
        (  # an attribution with its own speaker is never cut away
            "The ferry union will strike from Monday after members voted to reject the board's "
            "offer, the union announced on Thursday.",
            [],
        ),
        (  # nor the source of what the sentence states
            "Rescue crews found two more survivors in the flooded quarter, according to a "
            "statement from the harbour board.",
            [],
        ),
        (  # nor a condition
            "The board will close the quay to all ferries for the winter, if the repair bill "
            "is approved.",
            [],
        ),
        (  # a subject's relative clause is no trailing clause, however the parser reads it
            "The proposal, which is known as the harbour bill, passed on a 40-12 vote almost "
            "entirely along party lines.",
            [],
        ),
        (  # a list's last item is no clause
            "The mayor endorsed the re-election of council leader Ida Roos, harbour master Jon "
            "Addy, and treasurer Vera Holm.",
            [],
        ),
        (  # a second verb of the one before, not of the main verb
            "The harbour board said the unions are willing to negotiate, but never compromise, "
            "on the core terms of the contract.",
            [],
        ),
        (  # never inside brackets
            "Seven years ago, I was interviewing for a job at the Harbour Post (these were the "
            "improv days, so no one bothered to tell me which one) when I saw a guy careening "
            "down the hallway.",
            [],
        ),
        (  # "say" without what was said: the parser misread the clause
            "Councillors and even some engineers say that report, and dozens just like it, show "
            "how the harbour board's efforts to repair the old sea wall have failed.",
            [],
        ),
        (  # a contrast qualifies the clause before it
            "Vask has said she will vote for the harbour plan, but she has not endorsed it or "
            "the board's budget.",
            [],
        ),
        (
            "The ferry union accepted the offer on Monday, although members had voted against "
            "an earlier one.",
            [],
        ),
        (
            "The new harbour wall was finished on Monday, even as the storm season began along "
            "the coast.",
            [],
        ),
        ("The wall broke, flooding the quay.", []),  # too short to shorten
    ],
)
def test_the_parse_marks_where_a_sentence_may_end(sentence: str, shortened: list[str]) -> None:
    assert _shortened(sentence) == shortened


LONG = (
    "Kessel's harbour board on Tuesday approved a new sea wall for the old quay, ending a "
    "dispute over the cost of the repairs that had divided the town council for three long "
    "years."
)


def test_a_summary_sentence_cut_short_is_marked_and_cited() -> None:
    """The whole sentence is over a 20-word budget; cut before its participle it fits."""
    parsed = _parsed(LONG)
    (sentence,) = summarize([parsed], words=20)
    head = "Kessel's harbour board on Tuesday approved a new sea wall for the old quay"
    assert sentence.text == head + CUT_MARK
    assert sentence.sources == ["a"]
    assert sentence.text.removesuffix(CUT_MARK) in parsed.paragraphs[0]


SEARCH = (
    "The search for survivors in Kessel was called off on Tuesday by the regional emergency "
    "agency, with 310 people now confirmed dead."
)


def test_a_claimed_figure_is_never_cut_away() -> None:
    parsed = _parsed(SEARCH)
    assert [s.text for s in summarize([parsed], words=16)] == [
        "The search for survivors in Kessel was called off on Tuesday by the regional "
        "emergency agency" + CUT_MARK
    ]
    toll = claim(310, "people killed", claimant="the agency", as_of="2031-03-10")
    with_toll = parsed.model_copy(
        update={"claims": [toll.model_copy(update={"text": "310", "sentence": SEARCH})]}
    )
    assert [s.text for s in summarize([with_toll], words=16)] == [SEARCH]


def _toll(value: float, as_of: str, text: str, sentence: str) -> Claim:
    record = claim(value, "people killed", claimant="the agency", as_of=as_of)
    return record.model_copy(update={"text": text, "sentence": sentence})


EARLY = "The agency's death toll in Kessel stood at 40 as of Thursday evening, rescuers said."
LATE = "Rescue teams in Kessel ended their search on Tuesday, and the agency said 310 had died."
RISE = "The agency's toll in Kessel rose from 40 on Thursday to 310 by Tuesday afternoon."


def test_a_figure_a_later_report_updated_is_not_summarised_alone() -> None:
    first = article(
        "early",
        EARLY,
        published="2031-03-06",
        claims=[_toll(40, "2031-03-06", "40", EARLY)],
    )
    later = article(
        "late",
        LATE,
        published="2031-03-10",
        claims=[_toll(310, "2031-03-10", "310", LATE)],
    )
    assert [s.text for s in summarize([first], words=200)] == [EARLY]  # nothing updates it
    texts = [s.text for s in summarize([first, later], words=200)]
    assert EARLY not in texts and LATE in texts
    both = article(
        "rise",
        RISE,
        published="2031-03-10",
        claims=[_toll(40, "2031-03-06", "40", RISE), _toll(310, "2031-03-10", "310", RISE)],
    )
    assert RISE in [s.text for s in summarize([first, both], words=200)]  # says where it stands


@pytest.mark.parametrize(
    ("sentence", "leans"),
    [
        ("The move comes after the harbour board rejected the union's offer.", True),
        ("The agency said the figure was correct as of Tuesday afternoon.", True),
        ("Residents welcomed the decision, and the ferry union called off its strike.", True),
        ("The decision to close the quay was announced on Monday.", False),
        ("The figure of 310 was confirmed by the agency on Tuesday.", False),
        ("The council voted to move the fish market on Monday.", False),
    ],
)
def test_a_sentence_naming_only_what_came_before_leans_on_it(sentence: str, leans: bool) -> None:
    assert leans_on_context(sentence) is leans


def test_a_page_of_quotes_sums_up_without_its_photo_credits() -> None:
    """No sentence passes the filters on a page that is all quotes, so any sentence of it
    may stand in; a photo credit ("Getty/Instagram.") has no verb and may not, nor may a
    sentence too short to say anything ("Thank you.")."""
    page = _parsed(
        "“We need the ferries back. Without them the island is cut off from the hospital.”",
        "Getty/Instagram.",
        "“I cannot believe the board waited a year. The pier was failing in plain sight.”",
        "Getty/Instagram.",
        "Thank you.",
    )
    texts = [s.text for s in summarize([page], words=60)]
    assert texts and "Getty/Instagram." not in texts and "Thank you." not in texts
