"""Assembling a story brief from a clustering skeleton and hand-built articles."""

from __future__ import annotations

import pytest
from storyfixtures import article, claim, quote

from newsbrief.brief import BriefOptions, _chapters, build_story, representative_title
from newsbrief.errors import OptionError
from newsbrief.model import DateMention, Event, Story

LEAD = (
    "Floodwater broke through the old harbour wall in Kessel on Tuesday night, forcing "
    "about 2,000 residents from their homes."
)
SHELTERS = "Mayor Ida Roos said temporary shelters had opened in three schools across the valley."
INSURERS = "Insurers in the region estimated the damage at 40 million euros by Thursday evening."


def _articles() -> dict[str, object]:
    a = article(
        "post",
        f"{LEAD} {SHELTERS}",
        "The harbour wall had not been repaired since 1988, council records show.",
        title="Harbour wall fails in Kessel flood",
        outlet="Harbour Post",
        published="2031-03-05",
        quotes=[quote("We will rebuild the wall before the autumn storms", "Ida Roos", start=0)],
        claims=[
            claim(
                2000,
                "residents displaced",
                qualifier="~",
                claimant="Kessel council",
                as_of="2031-03-04",
                sentence=LEAD,
            )
        ],
    )
    b = article(
        "news",
        f"{LEAD} {INSURERS}",
        title="Kessel flood forces 2,000 from homes",
        outlet="Valley News",
        published="2031-03-06",
        quotes=[quote("We will rebuild the wall", "Roos", start=0)],
        claims=[
            claim(
                1950,
                "residents displaced",
                claimant="Red Cross",
                as_of="2031-03-04",
                sentence=LEAD,
            ),
            claim(40_000_000, "damage", claimant="insurers", as_of="2031-03-06", sentence=INSURERS),
        ],
    )
    b = b.model_copy(
        update={
            "dates": [
                DateMention(
                    text="Thursday",
                    date="2031-03-06",
                    paragraph=0,
                    start=len(LEAD) + 1 + INSURERS.index("Thursday"),
                    end=len(LEAD) + 1 + INSURERS.index("Thursday") + 8,
                )
            ]
        }
    )
    c = article(
        "wire",
        LEAD,
        title="Harbour wall fails in Kessel flood",
        published="2031-03-05",
        duplicate_of="post",
    )
    return {x.id: x for x in (a, b, c)}


def _story(title: str = "") -> Story:
    return Story(
        id="s1",
        title=title,
        articles=["post", "news", "wire", "missing"],
        events=[
            Event(
                id="e1", date="2031-03-04", label="Harbour wall breaks", articles=["wire", "post"]
            )
        ],
    )


def test_build_story_fills_every_part() -> None:
    arts = _articles()
    story = build_story(_story(), arts)  # type: ignore[arg-type]
    assert story.id == "s1" and story.articles == _story().articles
    assert story.summary and all(s.sources for s in story.summary)
    assert sum(len(s.text.split()) for s in story.summary) <= 60

    (merged,) = story.quotes
    assert merged.text == "We will rebuild the wall before the autumn storms"
    assert merged.speaker == "Ida Roos" and merged.sources == ["news", "post"]

    figures = {f.measure: f for f in story.figures}
    assert figures["residents displaced"].status == "agree"  # ~2,000 and 1,950 (within 5%)
    assert figures["damage"].status == "single"


def test_coverage_lists_what_only_one_outlet_reports() -> None:
    story = build_story(_story(), _articles())  # type: ignore[arg-type]
    coverage = {c.article: c for c in story.coverage}
    assert set(coverage) == {"post", "news"}  # the duplicate gets no entry
    assert coverage["post"].outlet == "Harbour Post"
    post = coverage["post"].unique
    assert any("1988" in u for u in post)
    assert LEAD not in post
    news = coverage["news"].unique
    assert INSURERS in news
    assert LEAD not in news
    assert not any("rebuild" in u for u in post + news)  # the quote is carried by both


def test_timeline_one_entry_per_event_and_date() -> None:
    story = build_story(_story(), _articles())  # type: ignore[arg-type]
    dates = [t.date for t in story.timeline]
    assert dates == sorted(dates)
    assert dates == ["2031-03-04", "2031-03-06"]
    first, second = story.timeline
    assert first.text == "Harbour wall breaks" and first.sources == ["post", "wire"]
    assert second.text == INSURERS and second.sources == ["news"]


def test_a_later_chapter_of_an_event_has_its_own_timeline_entry() -> None:
    """An event holding a later chapter (the inquiry months after the flood, which the
    clustering keeps in the flood's event) still shows that day on the timeline, named by the
    chapter's headline; an undated member naming a far day is no chapter (it may be
    background), and neither is a member reporting the event's own day."""
    arts = _articles()
    inquiry = article(
        "inquiry",
        "An inquiry into the Kessel flood found the harbour wall had been left unrepaired.",
        title="Kessel flood inquiry blames unrepaired harbour wall",
        outlet="Harbour Post",
        published="2031-07-02",
    )
    follow = article(
        "follow",
        "The inquiry report was read in the council.",
        title="Inquiry report read in Kessel council",
        published="2031-07-03",
    )
    recalled = DateMention(text="July 9", date="2031-07-09", paragraph=0, start=0, end=6)
    undated = article("undated", "Residents met on July 9 to discuss the harbour.").model_copy(
        update={"dates": [recalled, recalled]}
    )
    members = {a.id: a for a in (inquiry, follow, undated)}
    event = Event(
        id="e1",
        date="2031-03-04",
        label="Harbour wall breaks",
        articles=["wire", "post", "inquiry", "follow", "undated"],
    )
    story = Story(id="s1", title="", articles=[*_story().articles, *members], events=[event])
    timeline = build_story(story, {**arts, **members}).timeline  # type: ignore[dict-item]
    entries = {t.date: t for t in timeline}
    assert entries["2031-03-04"].text == "Harbour wall breaks"
    chapter = entries["2031-07-02"]  # the run of July 2-3, dated by its earliest day on a tie
    assert chapter.text in {inquiry.title, follow.title}
    assert chapter.sources == ["follow", "inquiry"]
    assert all(t.date != "2031-07-03" for t in timeline)  # one entry for the run
    chapters = _chapters("2031-03-04", [arts["post"], inquiry, follow, undated])  # type: ignore[list-item]
    assert [(day, [a.id for a in group]) for day, group in chapters] == [
        ("2031-07-02", ["inquiry", "follow"])
    ]
    assert _chapters("2031-03-04", [undated]) == []  # a day read off an undated text
    assert _chapters("", [inquiry]) == []


def test_title_kept_or_chosen() -> None:
    assert build_story(_story("Given title"), _articles()).title == "Given title"  # type: ignore[arg-type]
    chosen = build_story(_story(), _articles()).title  # type: ignore[arg-type]
    assert chosen == "Harbour wall fails in Kessel flood"


def test_representative_title() -> None:
    arts = [
        article("a", "x.", title="Storm closes ferry to the islands"),
        article("b", "x.", title="Ferry to the islands closed by storm"),
        article("c", "x.", title="Opinion: why we need better ports"),
    ]
    assert representative_title(arts) in {arts[0].title, arts[1].title}
    assert representative_title([article("a", "x.")]) == ""


def test_options_limit_parts() -> None:
    story = build_story(_story(), _articles(), options=BriefOptions(max_quotes=0, max_timeline=1))  # type: ignore[arg-type]
    assert story.quotes == [] and len(story.timeline) == 1
    with pytest.raises(OptionError):
        BriefOptions(words=-1)


def test_single_article_story() -> None:
    only = article("solo", LEAD, title="Flood in Kessel")
    story = build_story(Story(id="s", title="", articles=["solo"]), {"solo": only})
    assert story.title == "Flood in Kessel"
    assert [s.text for s in story.summary] == [LEAD]
    assert story.coverage == []  # nothing to compare against


def test_timeline_gives_a_sentence_naming_two_days_one_entry() -> None:
    text = (
        "Engineers have been blasting rock above the slide since Sunday, and the road south "
        "reopened on Monday."
    )
    other = "Inspectors walked the slope on Monday."
    solo = article("solo", text, other)
    start = text.index("Sunday")
    monday = text.index("Monday")
    solo = solo.model_copy(
        update={
            "dates": [
                DateMention(
                    text="Sunday", date="2031-03-02", paragraph=0, start=start, end=start + 6
                ),
                DateMention(
                    text="Monday", date="2031-03-03", paragraph=0, start=monday, end=monday + 6
                ),
                DateMention(text="Monday", date="2031-03-03", paragraph=1, start=31, end=37),
            ]
        }
    )
    story = build_story(Story(id="s", title="t", articles=["solo"]), {"solo": solo})
    assert [(t.date, t.text) for t in story.timeline] == [
        ("2031-03-02", text),  # the earlier day chooses first on a tie
        ("2031-03-03", other),  # the later day takes its next sentence, not the same one again
    ]


def test_timeline_leaves_out_figures_dated_only_by_publication() -> None:
    """A claim whose date is its article's publication day says nothing happened that day;
    a claim the text dates is a timeline entry."""
    dated = "The toll stood at 40 on Sunday night, the agency said."
    undated = "The agency has counted 126 dead in all."
    solo = article("solo", dated, undated, published="2031-03-04")
    solo = solo.model_copy(
        update={
            "claims": [
                claim(40, "people killed", as_of="2031-03-02", sentence=dated).model_copy(
                    update={"as_of_basis": "text"}
                ),
                claim(126, "people killed", as_of="2031-03-04", sentence=undated).model_copy(
                    update={"as_of_basis": "published"}
                ),
            ]
        }
    )
    story = build_story(Story(id="s", title="t", articles=["solo"]), {"solo": solo})
    assert [(t.date, t.text) for t in story.timeline] == [("2031-03-02", dated)]


def test_an_undated_event_dated_by_background_has_no_timeline_entry() -> None:
    """Undated articles are dated by the date their text names most; when no lead names it,
    it may be background (a campaign piece recalling an old attack), so the event gets no
    timeline entry of its own, while the sentence that names the date still dates it."""
    recalled = "The senator recalled the harbour fire of March 2, 2019, in every speech."
    lead = "The senator opened her campaign in Kessel with a speech on the harbour."
    later = "She returned to the fire again and again, aides said."
    body = article("c", lead, later, recalled)
    mention = DateMention(text="March 2, 2019", date="2019-03-02", paragraph=2, start=31, end=44)
    background = body.model_copy(update={"dates": [mention, mention]})
    event = Event(id="s-e1", date="2019-03-02", label="Senator opens campaign", articles=["c"])
    story = Story(id="s", title="t", articles=["c"], events=[event])
    timeline = build_story(story, {"c": background}).timeline
    assert [(t.date, t.text) for t in timeline] == [("2019-03-02", recalled)]
    in_lead = background.model_copy(update={"dates": [mention.model_copy(update={"paragraph": 0})]})
    timeline = build_story(story, {"c": in_lead}).timeline
    assert [(t.date, t.text) for t in timeline] == [("2019-03-02", "Senator opens campaign")]


def test_coverage_lists_a_quote_once_not_its_sentences() -> None:
    """A quote of several sentences only one outlet carries is listed whole, with its speaker;
    its sentences (a piece cut off with one quote mark, a middle one with none) are not listed
    again beside it."""
    listed = _coverage_of_a_long_quote(other_carries_a_piece=False)
    assert listed == [f"“{SAID},” (Maren Hollis)"]


SAID = (
    "It was like a freight train coming through the kitchen wall. The lights went out "
    "and then the whole house shook under our feet. By morning the street below had gone"
)
"""A quote of three sentences (``SAID.split(". ")``) for the coverage tests."""


def _coverage_of_a_long_quote(*, other_carries_a_piece: bool) -> list[str]:
    """What coverage lists for the outlet that carries ``SAID`` whole; the other outlet
    carries its first sentence too, or no quote."""
    first, middle, last = SAID.split(". ")
    own = article(
        "own",
        "Rescuers searched the buried streets of Kerrow Falls through the night.",
        f"“{first}. {middle}. {last},” said Maren Hollis, a school cook from Mill Lane.",
        outlet="Valley Ledger",
        quotes=[quote(f"{SAID},", "Maren Hollis", paragraph=1, start=1)],
    )
    piece = [f"“{first},” Maren Hollis said."] if other_carries_a_piece else []
    other = article(
        "other",
        "Rescuers searched the buried streets of Kerrow Falls through the night.",
        *piece,
        outlet="Harbour Post",
        quotes=[quote(f"{first},", "Maren Hollis", paragraph=1, start=1)] if piece else [],
    )
    story = build_story(
        Story(id="s", title="t", articles=["own", "other"]), {"own": own, "other": other}
    )
    (listed,) = [c.unique for c in story.coverage if c.article == "own"]
    return listed


def test_coverage_never_lists_a_middle_sentence_of_a_quote_as_the_outlets_words() -> None:
    """A quote of several sentences another outlet carries a piece of is not this outlet's
    alone, so it is not listed; its middle sentence, which carries no quote mark, is not
    listed either, as if the outlet said it."""
    middle = SAID.split(". ")[1]
    listed = _coverage_of_a_long_quote(other_carries_a_piece=True)
    assert not any(middle in u for u in listed)


SHARED = "Rescuers searched the buried streets of Kerrow Falls through the night."
OWN_FACT = "The Ledger counted 212 volunteers at the Mill Lane shelter by dawn on Friday."


def _own_coverage(*paragraphs: str) -> list[str]:
    """What coverage lists for an outlet whose article holds ``paragraphs`` when another
    outlet states only ``SHARED``."""
    own = article("own", *paragraphs, outlet="Valley Ledger")
    other = article("other", SHARED, outlet="Harbour Post")
    story = build_story(
        Story(id="s", title="t", articles=["own", "other"]), {"own": own, "other": other}
    )
    (listed,) = [c.unique for c in story.coverage if c.article == "own"]
    return listed


def test_coverage_does_not_list_a_headline_line_of_the_body() -> None:
    headline = "Kerrow Falls Volunteers Answer Call as Mill Lane Shelter Fills Up."
    assert _own_coverage(headline, SHARED, OWN_FACT) == [OWN_FACT]


def test_coverage_does_not_list_a_sentence_that_needs_the_one_before() -> None:
    """'He later denied it' or '"…," he said.' listed alone says nobody did or said it."""
    pointing = "He later denied that the pumps at the Mill Lane station had failed on Thursday."
    said = "“Let them pump the river dry if they want the mill back,” she said."
    listed = _own_coverage(SHARED, OWN_FACT, pointing, said)
    assert OWN_FACT in listed
    assert pointing not in listed and said not in listed


def test_coverage_does_not_list_a_sentence_with_no_news() -> None:
    """A non-response or a poll's margin of error is no fact only one outlet reports."""
    silent = "The quarry's owners did not respond to a request for comment on Friday evening."
    method = "The survey of 800 Kerrow Falls residents has a margin of error of four points."
    assert _own_coverage(SHARED, OWN_FACT, silent, method) == [OWN_FACT]


LEANING = (
    # a pronoun or demonstrative for someone or something named before, a connective, an answer
    "His lawyer said the mill would reopen.",
    "“We will rebuild,” they said.",
    "“We will rebuild the mill,” she said in an interview on Friday.",
    "But the harbour board said the fares would stay.",  # connective
    "And on Friday, the board met again.",
    "a reporter can be heard asking Roos after the vote.",  # a sentence cut after a question
    "- exchange during a hearing of the harbour committee.",  # ... or after a dash
    "It racked up more than 10 million views in the days that followed.",  # "it" for a thing
    "That gets him all 40 of the county's delegates.",
    "These were not omissions, Roos said.",
    "That result includes 64 percent of the harbour's workers.",
    "It’s time for another episode of the Kessel podcast.",
    "Moreover, the board had ignored two warnings.",  # discourse connectives
    "Still, Roos would not say whether the pier would reopen.",
    "Or at least it has not happened yet.",
    "Its new bloc now has 43 members in the harbour council.",
    "No, it was the moment the pier gave way that the town remembers.",
    "Police there are still searching for two more suspects.",  # "there": a place named before
    "The residents there said the water rose in minutes.",
    "Officials here have asked for boats.",
    "On Thursday, he repeated his call for a new pier.",  # a pronoun after an opening phrase
    "In a statement, their lawyer said the mill would reopen.",
    "What that means in practice is that the ferries stay in port.",  # pointing back
    "To this end, the board hired two engineers.",
    "How it handles those questions will decide the vote.",
    "I grew up in a harbour town much like Kessel.",  # the writer's own voice
    "We've checked some of the mayor's main claims.",
    "Let’s take a look at where the harbour money goes.",
    "Actually, the two ferries are one and the same.",
    "Indeed, the board met again on Friday.",
    "Finally, the board turned to the ferry fares.",
    "If that doesn't happen, the pier will stay shut.",
    "The same could not be said for the ferry crews.",
    "The case could still reach the supreme court.",
    "Imagine if every ferry had to sail at once.",
    "For that reason, the vote was put off.",
    "Is within 40 votes of the harbour board's majority.",  # a statement without its subject
    "The implication, according to the mayor, is that the board misled the town.",
)
STANDING_ALONE = (
    "Roos said “we will rebuild” and they agreed.",
    "Mayor Ida Roos said the mill would reopen.",
    "“We will rebuild,” Roos said.",
    "Theirs was the last house standing on the quay.",
    "Butler Ida Roos said the fares would stay.",
    "de Vries said the mill would reopen.",  # a name
    "eBay said sales of boats fell.",
    "“we will rebuild,” Roos said.",  # a quoted fragment opens it
    "It is wrong to blame the storm alone.",  # "it" for nothing
    "It won’t be easy to rebuild the wall.",
    "It takes 40 votes to pass the harbour budget.",
    "This week the harbour board met again.",  # a time
    "That Tuesday the ferries stayed in port.",
    "Italy sent two rescue ships.",
    "So far, 12 people have been rescued from the quay.",
    "Then-mayor Ida Roos opened the pier in 2019.",
    "Thusnelda Roos opened the pier in 2019.",  # a name, not "thus"
    "No ferries sailed from Kessel on Monday.",
    "There are still two suspects at large in Kessel.",  # "there" the subject
    "Now there is hope for the harbour.",
    "Is there a plan for the pier?",
    "Out there on the quay, 40 boats lay wrecked.",
    "On Friday, it emerged that the pier had been closed twice.",  # "it" for nothing
    "After the vote, Roos said the fares would stay.",
    "What the board decided on Friday was to keep the fares.",
    "How the pier collapsed is still unclear.",
    "Ida Roos said we would all see the new pier by May.",
    "Letters from 40 residents reached the board on Friday.",
    "Indeed-Kessel Ltd won the pier contract.",
    "If the vote passes, the pier reopens in May.",
    "The same ferry sank twice in 2019.",
    "In the case of the north pier, repairs began in May.",
    "Imagined communities was the title of his first book.",
    "Is the pier safe?",  # a question keeps its verb first
    "Had the vote passed, the fares would have risen.",  # an inverted condition
    "In this election, 40 seats are open.",
    "According to Mayor Roos, she was never told of the cracks.",  # the opening names her
    "On Thursday, March 5, Roos said the fares would stay.",
)


@pytest.mark.parametrize("text", LEANING)
def test_a_sentence_leans_on_the_one_before(text: str) -> None:
    from newsbrief.summarize import leans_on_context

    assert leans_on_context(text)


@pytest.mark.parametrize("text", STANDING_ALONE)
def test_a_sentence_stands_alone(text: str) -> None:
    from newsbrief.summarize import leans_on_context

    assert not leans_on_context(text)


def test_a_sentence_with_a_link_makes_no_timeline_entry() -> None:
    """An embedded post copied as text ends with the post's date; that date is no happening."""
    from newsbrief.extract.dates import extract_dates
    from newsbrief.model import Article
    from newsbrief.nlp import parse_article

    post = (
        "Pier shut until Friday, police say. https://t.co/x1AbCd — Velmar Watch (@velmarwatch) "
        "March 2, 2031"
    )
    lead = "The ferry pier in Port Velmar closed on Monday after a crane collapsed onto it."
    parsed = parse_article(
        Article(id="p", source="p.txt", published="2031-03-04", paragraphs=[lead, post])
    )
    dated = parsed.article.model_copy(update={"dates": extract_dates(parsed)})
    assert any(d.date == "2031-03-02" for d in dated.dates)
    story = build_story(Story(id="s", title="t", articles=["p"]), {"p": dated})
    assert story.timeline and all("t.co" not in e.text for e in story.timeline)


def test_a_timeline_entry_stands_alone() -> None:
    """A dated sentence that needs the one before it ('He said after the vote on March 3 …')
    or is a piece of a longer quote gives no timeline entry; a plain dated sentence does."""
    from newsbrief.extract.dates import extract_dates
    from newsbrief.model import Article
    from newsbrief.nlp import parse_article

    plain = "The harbour board closed the ferry pier in Port Velmar on March 2, 2031."
    pointing = "He said after the vote on March 3, 2031 that the pier would stay shut."
    piece = "I think we'd reopen it by March 9, 2031,” Roos said on the quay."
    parsed = parse_article(
        Article(id="p", source="p.txt", published="2031-03-10", paragraphs=[plain, pointing, piece])
    )
    dated = parsed.article.model_copy(update={"dates": extract_dates(parsed)})
    story = build_story(Story(id="s", title="t", articles=["p"]), {"p": dated})
    texts = [e.text for e in story.timeline]
    assert plain in texts
    assert pointing not in texts and piece not in texts


def test_a_bare_quote_makes_no_timeline_entry() -> None:
    """A sentence that is all quote, its speaker in another sentence, gives no entry (its
    'today' is the speaker's, and alone it reads as the outlet's words); a dated sentence that
    names its speaker around the quote still gives one."""
    from newsbrief.extract.dates import extract_dates
    from newsbrief.model import Article
    from newsbrief.nlp import parse_article

    bare = "“The decision today is a reminder that the harbour belongs to all of us.”"
    named = "In a letter of March 2, 2031, Roos wrote, “The pier must close until it is safe.”"
    parsed = parse_article(
        Article(id="p", source="p.txt", published="2031-03-10", paragraphs=[bare, named])
    )
    dated = parsed.article.model_copy(update={"dates": extract_dates(parsed)})
    assert any(d.date == "2031-03-10" for d in dated.dates)
    story = build_story(Story(id="s", title="t", articles=["p"]), {"p": dated})
    texts = [e.text for e in story.timeline]
    assert named in texts
    assert bare not in texts


def test_a_timeline_entry_leaves_out_the_wire_dateline() -> None:
    """A lead's dateline ("PORT VELMAR, March 2 (Velmar Wire) - ") says where the outlet wrote
    from, not what happened: the entry, like the summary, leaves it out."""
    from newsbrief.extract.dates import extract_dates
    from newsbrief.model import Article
    from newsbrief.nlp import parse_article

    fact = "The harbour board closed the ferry pier in Port Velmar on Monday after a crane fell."
    lead = f"PORT VELMAR, March 4 (Velmar Wire) - {fact}"
    parsed = parse_article(
        Article(id="p", source="p.txt", published="2031-03-04", paragraphs=[lead])
    )
    dated = parsed.article.model_copy(update={"dates": extract_dates(parsed)})
    story = build_story(Story(id="s", title="t", articles=["p"]), {"p": dated})
    assert [(e.date, e.text) for e in story.timeline] == [("2031-03-03", fact)]


def test_a_sentence_with_no_news_makes_no_timeline_entry() -> None:
    """'… could not be reached for comment on Saturday' dates a phone call, not a happening."""
    from newsbrief.extract.dates import extract_dates
    from newsbrief.model import Article
    from newsbrief.nlp import parse_article

    fact = "The harbour board closed the ferry pier in Port Velmar on Friday after a crane fell."
    silent = "Lawyers for the crane company could not be reached for comment on Saturday."
    parsed = parse_article(
        Article(id="p", source="p.txt", published="2031-03-10", paragraphs=[fact, silent])
    )
    dated = parsed.article.model_copy(update={"dates": extract_dates(parsed)})
    assert {d.date for d in dated.dates} >= {"2031-03-07", "2031-03-08"}
    story = build_story(Story(id="s", title="t", articles=["p"]), {"p": dated})
    assert [e.text for e in story.timeline] == [fact]


def test_a_year_less_day_makes_no_timeline_entry_or_anchor() -> None:
    """An undated article's "Dec. 9" is kept as ``--12-09`` (no year to give it): it makes no
    timeline entry and no date anchor, as a calendar day does."""
    from newsbrief.extract.dates import extract_dates
    from newsbrief.model import Article
    from newsbrief.nlp import parse_article
    from newsbrief.similarity import FeatureOptions, anchor_counts

    text = "The ferry pier in Port Velmar closed on Dec. 9 after a crane collapsed onto it."
    parsed = parse_article(Article(id="u", source="u.txt", paragraphs=[text]))
    undated = parsed.article.model_copy(update={"dates": extract_dates(parsed)})
    assert [d.date for d in undated.dates] == ["--12-09"]
    story = build_story(Story(id="s", title="t", articles=["u"]), {"u": undated})
    assert story.timeline == []
    anchors = anchor_counts(undated, FeatureOptions(date_weight=1.0))
    assert not any(key.startswith("d:") for key in anchors)
    dated = undated.model_copy(
        update={"dates": [d.model_copy(update={"date": "2031-12-09"}) for d in undated.dates]}
    )
    assert "d:2031-12-09" in anchor_counts(dated, FeatureOptions(date_weight=1.0))
    assert [
        e.date for e in build_story(Story(id="s", title="t", articles=["u"]), {"u": dated}).timeline
    ] == ["2031-12-09"]
