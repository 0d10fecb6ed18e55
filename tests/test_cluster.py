"""Stories and events over short fictional articles: grouping, dates, ids, order independence."""

from __future__ import annotations

import itertools
import math
from datetime import date, timedelta

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from storyfixtures import claim

from newsbrief.cluster import (
    ClusterOptions,
    _cohesion,
    _protagonist,
    cluster_stories,
    event_day,
    stories_by_folder,
)
from newsbrief.errors import OptionError
from newsbrief.model import Article, DateMention, Entity, Story
from newsbrief.similarity import build_features
from newsbrief.textsim import LABEL_MAX_WORDS, lead_label
from newsbrief.timing import marks_recurrence


def ents(*names: tuple[str, str]) -> list[Entity]:
    return [Entity(text=n, label=label, canonical=n) for n, label in names]


MARROWBY = ("Marrowby", "GPE")
WEND = ("River Wend", "LOC")
VARGA = ("Ilse Varga", "PERSON")
VELLAND = ("Velland", "GPE")
BRASK = ("Teodor Brask", "PERSON")
UNITY = ("Unity Party", "ORG")

FLOOD = [
    (
        "f1",
        "2024-03-04",
        "River Wend bursts its banks in Marrowby",
        "The River Wend burst its banks in Marrowby overnight, flooding homes and shops along the "
        "old quay. Rescue teams used boats to reach families trapped by the rising flood water.",
    ),
    (
        "f2",
        "2024-03-04",
        "Flood water swamps Marrowby homes",
        "Hundreds of homes in Marrowby were flooded after the River Wend rose above its walls. "
        "Firefighters pumped water from streets while residents fled the flood to the town hall.",
    ),
    (
        "f3",
        "2024-03-05",
        "Marrowby counts the cost of the River Wend flood",
        "Shopkeepers in Marrowby began clearing mud from the flood, a day after the River Wend "
        "overflowed. Rescue crews said the water was receding but homes remained flooded.",
    ),
]
AID = [
    (
        "g1",
        "2024-03-12",
        "Minister Varga pledges flood aid for Marrowby",
        "Minister Ilse Varga pledged emergency aid to flooded Marrowby, promising grants to repair "
        "homes damaged when the River Wend flood swept through the town last week.",
    ),
    (
        "g2",
        "2024-03-13",
        "Marrowby flood victims to get repair grants, Varga says",
        "Families whose homes were flooded in Marrowby will receive repair grants and emergency "
        "aid, Ilse Varga said, after touring the streets the River Wend flood damaged.",
    ),
]
VOTE = [
    (
        "v1",
        "2024-03-05",
        "Velland votes in tight election",
        "Voters in Velland queued at polling stations to elect a new parliament, with Teodor Brask "
        "of the Unity Party hoping to win a majority in the tight election.",
    ),
    (
        "v2",
        "2024-03-05",
        "Brask claims victory as Velland counts ballots",
        "Teodor Brask declared victory for the Unity Party as election officials in Velland "
        "counted ballots from polling stations across the country late into the night.",
    ),
    (
        "v3",
        "2024-03-06",
        "Unity Party wins Velland election majority",
        "Official results gave the Unity Party a majority in the Velland parliament, and Teodor "
        "Brask said the election showed voters wanted change.",
    ),
]
FLOOD_ENTS = ents(MARROWBY, WEND)
AID_ENTS = ents(MARROWBY, WEND, VARGA)
VOTE_ENTS = ents(VELLAND, BRASK, UNITY)


def make(rows, entities, **kw) -> list[Article]:
    return [
        Article(
            id=aid,
            source=f"{aid}.txt",
            title=title,
            published=day,
            paragraphs=[body],
            entities=entities,
            **kw,
        )
        for aid, day, title, body in rows
    ]


CORPUS = make(FLOOD, FLOOD_ENTS) + make(AID, AID_ENTS) + make(VOTE, VOTE_ENTS)


def groups(stories: list[Story]) -> set[frozenset[str]]:
    return {frozenset(s.articles) for s in stories}


def event_groups(stories: list[Story]) -> set[frozenset[str]]:
    return {frozenset(e.articles) for s in stories for e in s.events}


def test_stories_and_events() -> None:
    stories = cluster_stories(CORPUS)
    assert groups(stories) == {
        frozenset({"f1", "f2", "f3", "g1", "g2"}),
        frozenset({"v1", "v2", "v3"}),
    }
    assert event_groups(stories) == {
        frozenset({"f1", "f2", "f3"}),
        frozenset({"g1", "g2"}),
        frozenset({"v1", "v2", "v3"}),
    }


def test_ids_titles_dates_and_order() -> None:
    flood, vote = cluster_stories(CORPUS)
    assert (flood.id, vote.id) == ("s1", "s2")  # by earliest article
    assert flood.articles == ["f2", "f1", "f3", "g1", "g2"]  # time order, then shortest
    assert flood.title in {t for _, _, t, _ in FLOOD + AID}
    assert [(e.id, e.date) for e in flood.events] == [
        ("s1-e1", "2024-03-04"),
        ("s1-e2", "2024-03-12"),
    ]
    assert flood.events[1].label in {t for _, _, t, _ in AID}
    assert vote.events[0].date == "2024-03-05"
    assert not flood.summary and not flood.figures and not flood.timeline


def test_an_untitled_story_is_labelled_by_its_central_lead_not_by_top_terms() -> None:
    """Plain texts often come without a title: a story and its events then take the lead
    sentence of their most central article, which says what happened."""
    untitled = [a.model_copy(update={"title": None}) for a in CORPUS]
    flood, vote = cluster_stories(untitled)
    leads = {a.paragraphs[0].split(". ")[0] + "." for a in untitled}

    def a_lead(label: str) -> bool:  # a lead sentence, or its first 25 words and an ellipsis
        cut = label.endswith("…") and len(label.split()) == LABEL_MAX_WORDS
        return any(s == label or (cut and s.startswith(label[:-1])) for s in leads)

    assert a_lead(flood.title) and a_lead(vote.title)
    assert all(a_lead(e.label) for s in (flood, vote) for e in s.events)
    assert flood.events[0].label.split()[:3] != flood.title.split()[:3]  # each its own lead


def test_lead_label_drops_the_dateline_and_cuts_a_long_lede() -> None:
    wire = Article(
        id="w",
        source="w.txt",
        paragraphs=[
            "MARROWBY, March 4 (Wire) - The River Wend burst its banks overnight.",
            "Boats reached the quay.",
        ],
    )
    assert lead_label(wire) == "The River Wend burst its banks overnight."
    only_dateline = wire.model_copy(update={"paragraphs": ["MARROWBY —", "Boats reached it."]})
    assert lead_label(only_dateline) == "Boats reached it."
    long = " ".join(f"w{i}," for i in range(40))
    cut = lead_label(wire.model_copy(update={"paragraphs": [long]}), max_words=5)
    assert cut == "w0, w1, w2, w3, w4…"
    assert lead_label(wire.model_copy(update={"paragraphs": []})) == ""
    section = wire.model_copy(update={"paragraphs": ["IN BRIEF.", "Boats reached the quay."]})
    assert lead_label(section) == "Boats reached the quay."
    assert lead_label(wire.model_copy(update={"paragraphs": ["IN BRIEF."]})) == "IN BRIEF."
    # a horizontal bar after the place, and a list bullet before a brief's item
    barred = wire.model_copy(update={"paragraphs": ["MARROWBY ― The River Wend burst its banks."]})
    assert lead_label(barred) == "The River Wend burst its banks."
    bullet = wire.model_copy(update={"paragraphs": ["~ The River Wend burst its banks."]})
    assert lead_label(bullet) == "The River Wend burst its banks."


def test_lookalike_happening_after_the_window_is_a_new_event() -> None:
    """The river floods the town again four months on: the closed flood story is reopened
    (same river, same town), but naming no earlier day, it is a new event; with reopening
    off, a new story."""
    later = make(
        [
            (
                "h1",
                "2024-07-01",
                "River Wend floods Marrowby again",
                "The River Wend burst its banks in Marrowby again, flooding homes along the quay "
                "as rescue teams used boats to reach families trapped by the flood water.",
            )
        ],
        FLOOD_ENTS,
    )
    no_reopening = ClusterOptions(reopen_threshold=2.0)
    assert frozenset({"h1"}) in groups(cluster_stories(CORPUS + later, options=no_reopening))
    stories = cluster_stories(CORPUS + later)
    flood = next(s for s in stories if "h1" in s.articles)
    assert "f1" in flood.articles
    assert frozenset({"h1"}) in event_groups(stories)
    wide = cluster_stories(CORPUS + later, options=ClusterOptions(window_days=365))
    flood = next(s for s in wide if "h1" in s.articles)
    assert "f1" in flood.articles  # one story now, but the two floods stay two events
    assert frozenset({"h1"}) in event_groups(wide)


def test_later_chapter_naming_the_day_rejoins_the_event() -> None:
    """Months on, an article that names the flood's day (an inquiry into it) is a later
    chapter of that happening, not a look-alike: same story, same event."""
    day = DateMention(text="March 4", date="2024-03-04", paragraph=0, start=0, end=7)
    later = make(
        [
            (
                "i1",
                "2024-07-01",
                "Inquiry blames Marrowby flood walls for River Wend flood",
                "An inquiry into the River Wend flood that swamped Marrowby on March 4 found the "
                "flood walls along the old quay too low, leaving homes and shops flooded.",
            )
        ],
        FLOOD_ENTS,
        dates=[day],
    )
    long_memory = ClusterOptions(reported_lookback_days=3660, reopen_threshold=0.12)
    stories = cluster_stories(CORPUS + later, options=long_memory)
    flood = next(s for s in stories if "i1" in s.articles)
    event = next(e for e in flood.events if "i1" in e.articles)
    assert "f1" in event.articles
    strict = ClusterOptions(reported_lookback_days=3660, reopen_threshold=0.12, horizon_days=0)
    assert frozenset({"i1"}) in event_groups(cluster_stories(CORPUS + later, options=strict))


def test_same_day_unrelated_articles_do_not_merge_on_time_alone() -> None:
    stories = cluster_stories(make(FLOOD[:1], FLOOD_ENTS) + make(VOTE[:1], VOTE_ENTS))
    assert len(stories) == 2


def test_undated_article_uses_mentioned_date_or_joins_by_content() -> None:
    undated = Article(
        id="u1",
        source="u1.txt",
        title="Brask sworn in",
        paragraphs=[
            "Teodor Brask of the Unity Party was sworn in after winning the Velland "
            "election, telling parliament that voters wanted change."
        ],
        entities=VOTE_ENTS,
    )
    stories = cluster_stories([*CORPUS, undated])
    vote = next(s for s in stories if "v1" in s.articles)
    assert vote.articles[-1] == "u1"  # undated articles come last


def test_event_day_prefers_recent_mentioned_date() -> None:
    mention = DateMention(text="on Monday", date="2024-03-04", paragraph=0, start=0, end=9)
    old = DateMention(text="in 2019", date="2019-01-01", paragraph=0, start=0, end=7)
    a = Article(id="x", source="x", published="2024-03-06", dates=[old, mention])
    assert event_day(a, lookback_days=3).isoformat() == "2024-03-04"
    assert event_day(a, lookback_days=1).isoformat() == "2024-03-06"
    b = Article(id="y", source="y", dates=[old, mention])
    # undated, each day named once: the latest (a retrospective names the past as background;
    # it cannot have been written before the latest day it reports)
    assert event_day(b, lookback_days=3).isoformat() == "2024-03-04"
    twice = DateMention(text="in 2019", date="2019-01-01", paragraph=2, start=0, end=7)
    c = Article(id="z", source="z", dates=[old, twice, mention])
    assert event_day(c, lookback_days=3).isoformat() == "2019-01-01"  # named most still wins


def test_event_day_does_not_count_the_day_of_a_statement() -> None:
    """ "The hillside gave way on Wednesday night, the agency said on Thursday", twice over in
    a report of Thursday: the landslide is of Wednesday. A day only said on still counts as
    reported, and an article naming no other day keeps its own."""
    from newsbrief.timing import reported_days

    def on(day: str, *, statement: bool) -> DateMention:
        return DateMention(text=day, date=day, paragraph=0, start=0, end=1, statement=statement)

    wed, thu = on("2024-03-06", statement=False), on("2024-03-07", statement=True)
    report = Article(id="r", source="r", published="2024-03-07", dates=[wed, thu, thu])
    assert event_day(report, lookback_days=3) == date(2024, 3, 6)
    assert reported_days(report, lookback_days=3) == {date(2024, 3, 6), date(2024, 3, 7)}
    said = Article(id="s", source="s", published="2024-03-08", dates=[thu])
    assert event_day(said, lookback_days=3) == date(2024, 3, 8)
    undated = Article(id="u", source="u", dates=[thu])
    assert event_day(undated, lookback_days=3) is None


def test_duplicates_follow_their_original() -> None:
    copy = Article(
        id="zz-copy",
        source="c.txt",
        title="Wire: Velland votes",
        published="2024-03-20",
        paragraphs=[FLOOD[0][3]],
        duplicate_of="v1",  # body irrelevant: marked as a copy of v1
    )
    stories = cluster_stories([*CORPUS, copy])
    vote = next(s for s in stories if "v1" in s.articles)
    assert "zz-copy" in vote.articles
    assert any({"v1", "zz-copy"} <= set(e.articles) for e in vote.events)


def test_stories_by_folder_keeps_given_stories_and_clusters_events() -> None:
    mixed = make(FLOOD + AID, FLOOD_ENTS, folder="floods") + make(VOTE, VOTE_ENTS, folder="votes")
    stories = stories_by_folder(mixed)
    assert [s.id for s in stories] == ["s1", "s2"]
    assert groups(stories) == groups(cluster_stories(CORPUS))
    assert len(stories[0].events) == 2


def test_empty_and_textless_inputs() -> None:
    assert cluster_stories([]) == []
    blank = [Article(id=f"b{i}", source="b", paragraphs=[]) for i in range(3)]
    stories = cluster_stories(blank)
    assert sorted(a for s in stories for a in s.articles) == ["b0", "b1", "b2"]


def test_bad_options() -> None:
    with pytest.raises(OptionError, match="story_threshold"):
        ClusterOptions(story_threshold=2.0)
    with pytest.raises(OptionError, match="undated_block"):
        ClusterOptions(undated_block=0)


@settings(max_examples=25, deadline=None)
@given(st.permutations(CORPUS))
def test_clustering_does_not_depend_on_input_order(shuffled: list[Article]) -> None:
    assert cluster_stories(shuffled) == cluster_stories(CORPUS)
    assert stories_by_folder(shuffled) == stories_by_folder(CORPUS)


# A chain: the crane collapse and the strike share words, the strike and its spread too, the
# collapse and the spread hardly any; read in another order, an online pass can split them.
CHAIN = [
    Article(
        id="c1",
        source="c1",
        title="Harbour crane collapses in Port Elin",
        paragraphs=[
            "A harbour crane collapsed onto the quay in Port Elin, injuring two dock workers and "
            "halting cargo loading."
        ],
    ),
    Article(
        id="c2",
        source="c2",
        title="Dock workers strike after crane collapse",
        paragraphs=[
            "Dock workers walked out at the harbour after the crane collapse, demanding safety "
            "inspections before cargo loading resumes."
        ],
    ),
    Article(
        id="c3",
        source="c3",
        title="Strike spreads to rail freight yards",
        paragraphs=[
            "The dock workers' strike spread to the rail freight yards, where drivers demanded "
            "safety inspections and refused overtime."
        ],
    ),
]


@pytest.mark.parametrize("ids", list(itertools.permutations(["a1", "a2", "a3"])))
def test_stories_do_not_depend_on_where_the_files_are(ids: tuple[str, ...]) -> None:
    """The same undated articles read from another folder get other ids (ids hash the path);
    the stories and events, named by their articles, stay the same (ties in the stream order
    were broken by id, and this chain then fell into one story or two)."""
    moved = [a.model_copy(update={"id": i}) for a, i in zip(CHAIN, ids, strict=True)]
    back = {i: a.id for a, i in zip(CHAIN, ids, strict=True)}

    def named(stories: list[Story]) -> tuple[set[frozenset[str]], set[frozenset[str]]]:
        return (
            {frozenset(back.get(i, i) for i in s.articles) for s in stories},
            {frozenset(back.get(i, i) for i in e.articles) for s in stories for e in s.events},
        )

    assert named(cluster_stories(moved)) == named(cluster_stories(CHAIN))


def test_local_weights_favour_words_only_some_members_share() -> None:
    from scipy import sparse

    from newsbrief.similarity import local_weights

    # column 0: every member (the topic word); column 1: members 0 and 1 only
    rows = sparse.csr_matrix([[1.0, 1.0], [1.0, 1.0], [1.0, 0.0], [1.0, 0.0]])
    weighted, nonzero = local_weights(rows, floor=0.0)
    dense = weighted.toarray()
    assert dense[0, 1] > dense[0, 0]  # the shared-by-some word now dominates
    assert dense[2, 0] == pytest.approx(0.0)  # an all-shared word alone says nothing
    assert list(nonzero) == [True, True, False, False]


def test_two_lookalike_happenings_in_one_story_are_two_events() -> None:
    """Two quakes in one story: the topic words are shared; places, names and days are not."""
    quake = [
        (
            "q1",
            "2024-05-02",
            "Earthquake shakes Tollbridge",
            "A strong earthquake shook Tollbridge on Thursday, collapsing the old mill. Mayor "
            "Anke Roos said rescuers pulled nine people from the rubble of the mill.",
        ),
        (
            "q2",
            "2024-05-02",
            "Nine rescued after Tollbridge quake",
            "Rescuers in Tollbridge pulled nine people from the collapsed mill after the "
            "earthquake, Mayor Anke Roos said, as aftershocks rattled the town.",
        ),
        (
            "q3",
            "2024-05-20",
            "Earthquake rocks Pellam harbour",
            "An earthquake rocked Pellam on Monday, cracking the harbour wall. Port chief Jon "
            "Addy said rescuers searched the flooded warehouses of the harbour.",
        ),
        (
            "q4",
            "2024-05-20",
            "Pellam harbour wall cracked by quake",
            "The harbour wall in Pellam cracked when the earthquake struck, port chief Jon Addy "
            "said, as rescuers searched warehouses flooded by the sea.",
        ),
    ]
    arts = make(quake[:2], ents(("Tollbridge", "GPE"), ("Anke Roos", "PERSON"))) + make(
        quake[2:], ents(("Pellam", "GPE"), ("Jon Addy", "PERSON"))
    )
    wide = ClusterOptions(window_days=60)
    events = event_groups(cluster_stories(arts, options=wide))
    assert events == {frozenset({"q1", "q2"}), frozenset({"q3", "q4"})}


QUILL = ("Mara Quill", "PERSON")
TOBACCO = [
    ("tob1", "Senator Mara Quill proposed raising the age for buying tobacco to 21.", "Senate"),
    ("tob2", "Mara Quill wants to ban tobacco sales to anyone under 21, her bill says.", "Board"),
    ("tob3", "A bill from Mara Quill would lift the tobacco buying age to 21 at once.", "Senate"),
    ("tob4", "Shops could not sell tobacco to buyers under 21 under the Mara Quill bill.", "Board"),
]
STIMULUS = (
    "Mara Quill rejected the relief package on Tuesday, saying the stimulus checks would cost "
    "far too much, and she blocked a vote on them as the talks with the White House dragged on "
    "into the night."
)


def quill_articles() -> list[Article]:
    """Four undated reports of a senator's tobacco bill and a longer one of her stand in
    stimulus talks (each naming an organisation of its own besides hers)."""
    tobacco = [
        Article(
            id=aid,
            source=f"{aid}.txt",
            paragraphs=[body],
            entities=ents(QUILL, (org, "ORG"), (f"{aid} group", "ORG")),
        )
        for aid, body, org in TOBACCO
    ]
    stimulus = Article(
        id="aid1",
        source="aid1.txt",
        paragraphs=[STIMULUS],
        entities=ents(QUILL, ("Treasury", "ORG"), ("White House", "ORG"), ("aid1 group", "ORG")),
    )
    return [*tobacco, stimulus]


def test_undated_articles_join_a_story_only_when_similar_on_average() -> None:
    """The stimulus report is about 0.07 similar to each tobacco report (below the story bar of
    0.10): it shares only the senator. Against the four reports' summed centroid it scores
    above the bar, so when undated articles joined stories one by one it joined theirs, as a
    broad story once drew in everything naming its main actor. Grouped by average linkage (in
    one block, or block after block of one article) it stays a story of its own."""
    articles = quill_articles()
    opts = ClusterOptions()
    feats = build_features(articles, opts.features)
    text, anchors = feats.text.toarray(), feats.anchors.toarray()
    tob_text, tob_anchors = text[:4].sum(axis=0), anchors[:4].sum(axis=0)
    tob_anchor_norm = math.sqrt(tob_anchors @ tob_anchors + feats.hidden[:4].sum())
    centroid = (
        opts.text_weight * (text[4] @ tob_text) / np.linalg.norm(tob_text)
        + opts.anchor_weight * (anchors[4] @ tob_anchors) / tob_anchor_norm
    ) / (opts.text_weight + opts.anchor_weight)
    pairs = [
        (opts.text_weight * (text[4] @ text[k]) + opts.anchor_weight * (anchors[4] @ anchors[k]))
        / (opts.text_weight + opts.anchor_weight)
        for k in range(4)
    ]
    assert max(pairs) < opts.story_threshold < centroid
    tobacco = frozenset(aid for aid, _, _ in TOBACCO)
    # blocks of two: the second pair of tobacco reports joins the story the first opened (their
    # articles are 0.17-0.48 similar), the stimulus report does not
    for options in (opts, ClusterOptions(undated_block=1), ClusterOptions(undated_block=2)):
        assert groups(cluster_stories(articles, options=options)) == {tobacco, frozenset({"aid1"})}
    for shuffled in itertools.permutations(articles[::-1][:3]):
        rest = [a for a in articles if a not in shuffled]
        assert groups(cluster_stories([*shuffled, *rest])) == {tobacco, frozenset({"aid1"})}


def test_an_undated_group_joins_the_dated_story_it_resembles() -> None:
    """Undated reports of the Marrowby flood, grouped among themselves, join the dated flood
    story as one group; two blocks of one article each do the same one by one."""
    undated = [
        a.model_copy(update={"id": f"u{a.id}", "source": f"u{a.source}", "published": None})
        for a in make(FLOOD, FLOOD_ENTS)[:2]
    ]
    dated = groups(cluster_stories(CORPUS))
    for options in (ClusterOptions(), ClusterOptions(undated_block=1)):
        stories = cluster_stories([*CORPUS, *undated], options=options)
        flood = next(s for s in stories if "f1" in s.articles)
        assert {"uf1", "uf2"} <= set(flood.articles)
        assert groups(stories) == {g | {"uf1", "uf2"} if "f1" in g else g for g in dated}


def test_undated_article_may_join_a_closed_story() -> None:
    """Undated articles come last, when the flood story is long closed: they still find it."""
    later = make(
        [
            (
                "z1",
                "2024-09-01",
                "Velland budget passes",
                "The Velland parliament passed the budget after a long debate over taxes.",
            )
        ],
        VOTE_ENTS,
    )
    undated = Article(
        id="u2",
        source="u2.txt",
        title="Marrowby flood clean-up",
        paragraphs=[
            "Volunteers in Marrowby cleared mud from homes flooded when the River Wend burst its "
            "banks, and rescue teams pumped flood water from the old quay."
        ],
        entities=FLOOD_ENTS,
    )
    stories = cluster_stories([*CORPUS, *later, undated])
    flood = next(s for s in stories if "f1" in s.articles)
    assert "u2" in flood.articles


def test_dateline_stands_in_for_a_missing_publication_date() -> None:
    from newsbrief.timing import article_day

    article = Article(
        id="d",
        source="d",
        paragraphs=["Ferry runs aground off Dunmore", "June 4, 2021", "The ferry ran aground."],
    )
    assert article_day(article).isoformat() == "2021-06-04"
    long_line = Article(
        id="e",
        source="e",
        paragraphs=["The ferry that ran aground on June 4, 2021 was refloated, the owners said."],
    )
    assert article_day(long_line) is None  # a date inside a sentence is not a dateline


def test_copies_do_not_corroborate() -> None:
    """A copy joins its original's story and event but does not change the grouping."""
    copy = make([("v1-copy", "2024-03-05", "Velland votes", VOTE[0][3])], VOTE_ENTS)[0]
    copy = copy.model_copy(update={"duplicate_of": "v1"})
    with_copy = cluster_stories([*CORPUS, copy])
    without = cluster_stories(CORPUS)
    strip = [{a for a in s.articles if a != "v1-copy"} for s in with_copy]
    assert strip == [set(s.articles) for s in without]


def test_follow_up_needs_a_named_day_and_a_short_gap() -> None:
    from datetime import date

    from newsbrief.cluster import _time_relation

    d = date.fromisoformat
    edays = [d("2024-03-02"), d("2024-03-03"), d("2024-03-07"), d("2024-03-12"), None]
    reported = [
        frozenset({d("2024-03-02")}),
        frozenset({d("2024-03-03")}),
        frozenset({d("2024-03-07"), d("2024-03-02")}),  # names the first day: a follow-up
        frozenset({d("2024-03-12"), d("2024-03-02")}),  # names it ten days on: background
        frozenset(),
    ]
    relation = lambda a, b: _time_relation(a, b, edays, reported, 2, 7)  # noqa: E731
    assert relation(0, 1) == 1  # within event_days
    assert relation(0, 2) == 0  # five days on, naming the earlier day
    assert relation(1, 2) == 0
    assert relation(0, 3) == -1  # ten days on: a new happening despite naming the day
    assert relation(2, 3) == -1  # five days on, naming neither's day
    assert relation(0, 4) == 0  # undated


def test_beyond_the_horizon_days_part_all_but_a_later_chapter() -> None:
    """Months apart, the words decide when the later article carries on the earlier one's case
    (it names one of its people) and does not present itself as a recurrence; otherwise the
    days part them (the earlier article's wording does not matter)."""
    from datetime import date

    from newsbrief.cluster import _Chapters, _time_relation

    d = date.fromisoformat
    edays = [d("2024-03-02"), d("2024-07-01"), d("2024-03-20")]
    reported = [frozenset(), frozenset(), frozenset()]
    vellin, other = frozenset({"oskar", "vellin"}), frozenset({"mira", "tolt"})

    def relation(a: int, b: int, recurs: list[bool], people: list[frozenset[str]]) -> int:
        return _time_relation(a, b, edays, reported, 2, 7, 30, _Chapters(recurs, people))

    same = [vellin, vellin, vellin]
    assert relation(0, 1, [False, False, False], same) == 0  # four months on: words decide
    assert relation(1, 0, [False, True, False], same) == -1  # "... again": a look-alike
    assert relation(0, 1, [True, False, False], same) == 0  # only the later article's words
    assert relation(0, 1, [False] * 3, [vellin, other, vellin]) == -1  # nobody in common
    assert relation(0, 1, [False] * 3, [frozenset()] * 3) == -1  # nobody named at all
    assert relation(0, 2, [False, False, False], same) == -1  # 18 days: inside the horizon
    assert _time_relation(0, 1, edays, reported, 2, 7, 30) == -1  # no chapters: days part
    jobs = {("jobs added", None): frozenset({42_000.0})}
    fewer = {("jobs added", None): frozenset({18_000.0})}
    restated = _Chapters([False] * 3, same, [jobs, fewer, jobs])
    assert _time_relation(0, 1, edays, reported, 2, 7, 30, restated) == -1  # a new number
    again = _Chapters([False] * 3, same, [jobs, jobs, jobs])
    assert _time_relation(0, 1, edays, reported, 2, 7, 30, again) == 0  # the same figure


def test_next_month_s_report_is_a_new_event() -> None:
    """A monthly figure reported again five weeks on shares every word but the month and the
    number, and names nobody: a periodic look-alike, not a later chapter; two events."""
    bureau = ents(VELLAND, ("Velland Statistics Bureau", "ORG"))
    rows = [
        (
            "j1",
            "2024-03-01",
            "Velland adds 42,000 jobs in February as unemployment falls",
            "Velland's economy added 42,000 jobs in February, the Velland Statistics Bureau said, "
            "and the unemployment rate fell to 5.1 percent as hiring rose in construction.",
        ),
        (
            "j2",
            "2024-03-01",
            "Velland unemployment falls to 5.1 percent",
            "Unemployment in Velland fell to 5.1 percent in February as employers added 42,000 "
            "jobs, figures from the Velland Statistics Bureau showed.",
        ),
        (
            "j3",
            "2024-04-05",
            "Velland adds 18,000 jobs in March, unemployment steady",
            "Velland's economy added 18,000 jobs in March, the Velland Statistics Bureau said, "
            "leaving the unemployment rate at 5.1 percent as construction hiring slowed.",
        ),
    ]
    stories = cluster_stories(make(rows, bureau))
    assert groups(stories) == {frozenset({"j1", "j2", "j3"})}
    assert event_groups(stories) == {frozenset({"j1", "j2"}), frozenset({"j3"})}
    # quoting the same minister both months, the reports share a person; the new number for
    # the same measure still makes the later one a new event
    minister = ents(VELLAND, ("Velland Statistics Bureau", "ORG"), BRASK)
    quoted = [
        a.model_copy(update={"claims": [claim(value, "jobs added")]})
        for a, value in zip(make(rows, minister), (42_000, 42_000, 18_000), strict=True)
    ]
    assert event_groups(cluster_stories(quoted)) == {frozenset({"j1", "j2"}), frozenset({"j3"})}


@pytest.mark.parametrize(
    ("title", "lead", "expected"),
    [
        ("River Wend floods Marrowby again", "Homes were flooded.", True),
        ("Outage hits Tessmark", "Another outage left the city dark on Monday.", True),
        ("Teller arrested", "For the second time in a month, a Tessmark player was held.", True),
        ("Fresh clashes on the ridge", "Troops exchanged fire.", True),
        ("Vellin trial opens", "The trial opened against a backdrop of protest.", False),
        ("Vellin trial opens", "The jury was sworn in.", False),
    ],
)
def test_marks_recurrence_reads_the_title_and_lead(title: str, lead: str, expected: bool) -> None:
    article = Article(id="r", source="r.txt", title=title, paragraphs=[lead, "It rained again."])
    assert marks_recurrence(article) is expected  # a later paragraph's "again" is not read


def test_days_read_off_the_text_alone_do_not_split_an_event() -> None:
    # The same happening reported three weeks apart: with publication dates the gap makes two
    # events; undated, each article's day is only the one its text names, which can be
    # background (a verdict story names the day of the crime), so it does not part them.
    rows = [FLOOD[0], ("f2", "2024-03-25", *FLOOD[1][2:])]
    dated = make(rows, FLOOD_ENTS)
    undated = [
        a.model_copy(
            update={
                "published": None,
                "dates": [
                    DateMention(text="that day", date=a.published, paragraph=0, start=0, end=1)
                ],
            }
        )
        for a in dated
    ]
    assert event_groups(cluster_stories(dated)) == {frozenset({"f1"}), frozenset({"f2"})}
    assert event_groups(cluster_stories(undated)) == {frozenset({"f1", "f2"})}


def test_an_undated_article_naming_only_far_days_is_another_happening() -> None:
    """An undated report of the river flooding the town on "Nov. 20" (a year-less day: its
    text gives no year) is not the March flood, however alike the words; naming a day near
    it, naming none, or carrying on its case (the minister's aid) it joins the March event."""
    body = (
        "The River Wend rose above its walls in Marrowby on {day}, flooding homes along the old "
        "quay as rescue teams used boats to reach families trapped by the flood water."
    )

    def undated(day: str, iso: str | None, entities: list[Entity]) -> Article:
        text = body.format(day=day)
        dates = []
        if iso is not None:
            start = text.index(day)
            dates = [
                DateMention(text=day, date=iso, paragraph=0, start=start, end=start + len(day))
            ]
        return Article(
            id="u1",
            source="u1.txt",
            title="Marrowby homes flooded as River Wend rises",
            paragraphs=[text],
            entities=entities,
            dates=dates,
        )

    march = {"f1", "f2", "f3"}
    for day, iso, joins in (
        ("Nov. 20", "--11-20", False),
        ("20 November 2023", "2023-11-20", False),  # with its year, just as far
        ("March 4", "--03-04", True),
        ("the night of the storm", None, True),
    ):
        arts = [*make(FLOOD, FLOOD_ENTS), undated(day, iso, FLOOD_ENTS)]
        expected = {frozenset(march | {"u1"})} if joins else {frozenset(march), frozenset({"u1"})}
        assert event_groups(cluster_stories(arts)) == expected, day
    # a later chapter of the same case: it names the March articles' minister
    minister = [*make(FLOOD, AID_ENTS), undated("Nov. 20", "--11-20", AID_ENTS)]
    assert event_groups(cluster_stories(minister)) == {frozenset(march | {"u1"})}
    # without a horizon, days read off an undated text never part it (the rule before)
    arts = [*make(FLOOD, FLOOD_ENTS), undated("Nov. 20", "--11-20", FLOOD_ENTS)]
    no_horizon = ClusterOptions(horizon_days=0)
    assert event_groups(cluster_stories(arts, options=no_horizon)) == {frozenset(march | {"u1"})}


def test_a_town_the_tagger_once_takes_for_a_person_is_no_shared_person() -> None:
    """The small model tags "Marrowby" a person in one headline of each report: the batch tags
    it a place more often, so the undated November report shares no person with the March
    flood and stays apart; a real person both name still carries the case on."""
    misread = [
        a.model_copy(
            update={
                "entities": [
                    Entity(text="Marrowby", label="PERSON", canonical="Marrowby"),
                    *ents(MARROWBY, WEND),
                ]
            }
        )
        for a in make(FLOOD, FLOOD_ENTS)
    ]
    text = (
        "The River Wend rose above its walls in Marrowby on Nov. 20, flooding homes along the "
        "old quay as rescue teams used boats to reach families trapped by the flood water."
    )
    start = text.index("Nov. 20")
    november = Article(
        id="u1",
        source="u1.txt",
        title="Marrowby homes flooded as River Wend rises",
        paragraphs=[text],
        entities=[Entity(text="Marrowby", label="PERSON", canonical="Marrowby"), *FLOOD_ENTS],
        dates=[
            DateMention(text="Nov. 20", date="--11-20", paragraph=0, start=start, end=start + 7)
        ],
    )
    march = frozenset({"f1", "f2", "f3"})
    assert event_groups(cluster_stories([*misread, november])) == {march, frozenset({"u1"})}
    varga = [
        a.model_copy(
            update={
                "entities": [*a.entities, Entity(text=VARGA[0], label="PERSON", canonical=VARGA[0])]
            }
        )
        for a in (*misread, november)
    ]
    assert event_groups(cluster_stories(varga)) == {march | {"u1"}}


def test_named_days_place_year_less_days_in_the_nearest_year() -> None:
    from newsbrief.timing import named_days

    d = date.fromisoformat
    article = Article(
        id="n",
        source="n.txt",
        dates=[
            DateMention(text="Dec. 9", date="--12-09", paragraph=0, start=0, end=6),
            DateMention(text="3 May 2024", date="2024-05-03", paragraph=0, start=9, end=19),
        ],
    )
    named = named_days(article)
    assert named.days == {d("2024-05-03")} and named.month_days == {(12, 9)}
    assert named.near([d("2025-01-02")], 30)  # December 9, 2024: 24 days before
    assert not named.near([d("2024-09-17")], 30)  # 77 days from December, 137 from May
    assert named.near([d("2024-04-10")], 30)  # 23 days before May 3
    assert not named.before(d("2024-09-17")) and named.before(d("2025-01-02"))
    assert not named_days(Article(id="e", source="e.txt"))


def _closed_story_archive(**kw):
    from newsbrief.cluster import _Archive, _Centroids

    cents = _Centroids(6, 3)
    archive = _Archive(kw.pop("limit", 10), 6, 3, **kw)

    def close(story: int, text: list[float], anchors: list[float]) -> None:
        slot = cents.load(
            (
                np.arange(6),
                np.array(text, dtype=float),
                np.arange(3),
                np.array(anchors, dtype=float),
            ),
            (float(np.dot(text, text)), float(np.dot(anchors, anchors))),
        )
        archive.close(story, cents, slot)
        cents.close(slot)

    return archive, cents, close


def test_archive_scores_only_stories_sharing_a_heavy_key() -> None:
    from scipy import sparse

    archive, cents, close = _closed_story_archive(index_keys=1, posting_limit=10)
    close(0, [5, 1, 0, 0, 0, 0], [0, 0, 0])  # heaviest word: column 0
    close(1, [0, 1, 5, 0, 0, 0], [0, 0, 0])  # heaviest word: column 2
    close(2, [0, 0, 0, 1, 0, 0], [0, 0, 0])
    query = sparse.csr_matrix([[0.0, 0.2, 1.0, 0.0, 0.0, 0.0]])  # heaviest word: column 2
    ids, sims = archive.similarities(query, sparse.csr_matrix((1, 3)), False, ClusterOptions())
    assert ids == [1]  # story 0 also shares column 1, but not a heavy key: not a candidate
    assert sims[0] > 0.9
    slot = archive.reopen(1, cents)  # reopened: back in a dense slot, out of the index
    assert list(cents.text[:, slot]) == [0, 1, 5, 0, 0, 0]
    assert archive.similarities(query, sparse.csr_matrix((1, 3)), False, ClusterOptions())[0] == []


def test_archive_postings_and_size_are_bounded() -> None:
    from scipy import sparse

    archive, _, close = _closed_story_archive(limit=30, index_keys=2, posting_limit=5)
    for story in range(40):  # every story's heaviest words are columns 0 and 1
        close(story, [3, 2, 0, 0, 0, 1 + story / 100], [0, 0, 0])
    assert len(archive.rows) == 30  # the oldest ten were dropped
    assert all(len(posting) <= 5 for posting in archive.postings.values())
    query = sparse.csr_matrix([[1.0, 1.0, 0, 0, 0, 0]])
    ids, _ = archive.similarities(query, sparse.csr_matrix((1, 3)), False, ClusterOptions())
    assert ids == list(range(35, 40))  # the five most recently closed under each key


def test_follow_up_months_later_reopens_its_story_among_many_closed_ones() -> None:
    """Sixty unrelated stories close one after another; a trial months after the shooting
    names its people and place, and joins that story rather than opening a new one."""
    import random

    rnd = random.Random(3)
    syllables = ["ka", "lo", "mi", "ne", "ru", "sa", "te", "vo", "zi", "pa", "do", "fe"]

    def word() -> str:
        return "".join(rnd.choice(syllables) for _ in range(4))

    filler = [word() for _ in range(300)]
    rows, entities = [], {}
    for s in range(60):
        topic = [word() for _ in range(8)]
        names = ents((word().title(), "PERSON"), (word().title(), "GPE"))
        for k in range(2):
            aid = f"t{s:02d}-{k}"
            body = " ".join(
                rnd.choice(topic) if rnd.random() < 0.4 else rnd.choice(filler) for _ in range(60)
            )
            day = date(2024, 1, 1) + timedelta(days=5 * s + k)
            rows.append((aid, day.isoformat(), " ".join(topic[:3]), body))
            entities[aid] = names
    arts = [a for row in rows for a in make([row], entities[row[0]])]
    shooting = make(
        [
            (
                "x1",
                "2024-02-01",
                "Gunman kills two at Tollmere depot",
                "A gunman shot dead two workers at the Tollmere bus depot, and police arrested "
                "Oskar Vellin, a driver suspended that morning, at the depot gates.",
            ),
            (
                "x2",
                "2024-02-02",
                "Tollmere depot shooting suspect Vellin charged",
                "Oskar Vellin was charged with the murder of two workers shot at the Tollmere bus "
                "depot, where he had been suspended as a driver that morning.",
            ),
        ],
        ents(("Oskar Vellin", "PERSON"), ("Tollmere", "GPE")),
    )
    trial = make(
        [
            (
                "x3",
                "2024-11-04",
                "Vellin trial opens over Tollmere depot shooting",
                "The trial of Oskar Vellin, the suspended driver accused of shooting two workers "
                "at the Tollmere bus depot, opened with the depot gates shown to the jury.",
            )
        ],
        ents(("Oskar Vellin", "PERSON"), ("Tollmere", "GPE")),
    )
    stories = cluster_stories([*arts, *shooting, *trial])
    story = next(s for s in stories if "x1" in s.articles)
    assert set(story.articles) == {"x1", "x2", "x3"}
    # the trial nine months on is a later chapter of the shooting, not a look-alike: one event
    # (as ECB+ annotates a case: the arrest and the trial a year and a half later are one)
    assert {frozenset(e.articles) for e in story.events} == {frozenset({"x1", "x2", "x3"})}
    off = cluster_stories([*arts, *shooting, *trial], options=ClusterOptions(reopen_threshold=2.0))
    assert frozenset({"x3"}) in groups(off)


REHAB = [
    (
        "r1",
        "2024-04-02",
        "Singer Mira Solen checks into rehab treatment clinic",
        "Singer Mira Solen checked herself into the Halden Springs rehab treatment clinic, her "
        "rep said, asking fans to respect her privacy during her rehab stay.",
    ),
    (
        "r2",
        "2024-04-02",
        "Mira Solen enters rehab clinic, rep says",
        "Mira Solen has entered rehab at the Halden Springs treatment clinic, her rep said, "
        "asking for privacy for the singer and her family during treatment.",
    ),
    (
        "r3",
        "2024-04-12",
        "Actor Teo Marrick checks into rehab treatment clinic",
        "Actor Teo Marrick checked into the Bellwood rehab clinic on a judge's order, his rep "
        "said, beginning a ninety-day treatment stay for a probation breach.",
    ),
    (
        "r4",
        "2024-04-12",
        "Teo Marrick enters court-ordered rehab, rep says",
        "Teo Marrick began a court-ordered rehab stay at Bellwood, his rep said, after a judge "
        "found the actor had broken his probation.",
    ),
    (
        "r5",
        "2024-05-03",
        "Teo Marrick leaves Bellwood for another rehab clinic",
        "Teo Marrick has left the Bellwood clinic and moved to another rehab clinic by the sea "
        "to finish the court-ordered stay the judge set for his probation breach, his rep said.",
    ),
]
REHAB_ENTS = {
    "r1": ents(("Mira Solen", "PERSON"), ("Halden Springs", "FAC"), ("Piet Oram", "PERSON")),
    "r2": ents(("Mira Solen", "PERSON"), ("Halden Springs", "FAC"), ("Piet Oram", "PERSON")),
    "r3": ents(("Teo Marrick", "PERSON"), ("Bellwood", "FAC"), ("Ana Vrees", "PERSON")),
    "r4": ents(("Teo Marrick", "PERSON"), ("Bellwood", "FAC"), ("Ana Vrees", "PERSON")),
    "r5": ents(("Teo Marrick", "PERSON"), ("Bellwood", "FAC"), ("Ana Vrees", "PERSON")),
}
REHAB_ARTS = [a for row in REHAB for a in make([row], REHAB_ENTS[row[0]])]
INCIDENTS = ClusterOptions(diffuse_cohesion=math.inf)  # every story split into incidents


def test_incident_stories_split_lookalikes_and_keep_follow_ups() -> None:
    """Two celebrities entering rehab ten days apart: the stream may group them as one topic
    (it did when same-day articles went by id) but never parts an incident; with every story
    split into incidents, two stories, and the move to another clinic three weeks later stays
    in its incident's story as a later event. Only diffuse stories are split by default: this
    one, of two look-alikes sharing their topic words, is not."""
    solen, marrick = frozenset({"r1", "r2"}), frozenset({"r3", "r4", "r5"})
    assert groups(cluster_stories(REHAB_ARTS)) <= {solen, marrick, solen | marrick}
    stories = cluster_stories(REHAB_ARTS, options=INCIDENTS)
    assert groups(stories) == {frozenset({"r1", "r2"}), frozenset({"r3", "r4", "r5"})}
    assert [s.id for s in stories] == ["s1", "s2"]  # by earliest article
    assert event_groups(stories) == {
        frozenset({"r1", "r2"}),
        frozenset({"r3", "r4"}),
        frozenset({"r5"}),  # a new dated happening of the same story
    }


@settings(max_examples=15, deadline=None)
@given(st.permutations(REHAB_ARTS + CORPUS))
def test_incident_stories_do_not_depend_on_input_order(shuffled: list[Article]) -> None:
    assert cluster_stories(shuffled, options=INCIDENTS) == cluster_stories(
        REHAB_ARTS + CORPUS, options=INCIDENTS
    )


def test_incident_threshold_checked() -> None:
    with pytest.raises(OptionError, match="incident_threshold"):
        ClusterOptions(incident_threshold=1.5)
    with pytest.raises(OptionError, match="diffuse_cohesion"):
        ClusterOptions(diffuse_cohesion=-0.1)


LATER = make(
    [
        (
            "h1",
            "2024-07-01",
            "River Wend floods Marrowby again",
            "The River Wend burst its banks in Marrowby again, flooding homes along the quay "
            "as rescue teams used boats to reach families trapped by the flood water.",
        ),
        (
            "h2",
            "2024-07-02",
            "Velland parliament sits after election",
            "The Velland parliament sat for the first time since the election, and Teodor Brask "
            "of the Unity Party was elected speaker by a large majority.",
        ),
    ],
    FLOOD_ENTS,
)
LATER[1] = LATER[1].model_copy(update={"entities": VOTE_ENTS})


@settings(max_examples=15, deadline=None)
@given(st.permutations(CORPUS + LATER))
def test_reopening_does_not_depend_on_input_order(shuffled: list[Article]) -> None:
    """Closed stories reopened through the archive index: the same stories in any order."""
    expected = cluster_stories(CORPUS + LATER)
    assert any({"f1", "h1"} <= set(s.articles) for s in expected)  # reopened
    assert any({"v1", "h2"} <= set(s.articles) for s in expected)
    assert cluster_stories(shuffled) == expected


CAMPAIGN_CANDIDATES = ents(("Orla Marsh", "PERSON"), ("Dace Henning", "PERSON"))
CAMPAIGN_TEXTS = [
    (
        "tax1",
        "Orla Marsh promised lower income tax rates for families, and Dace Henning called "
        "her tax cuts a giveaway to the wealthy.",
    ),
    (
        "tax2",
        "Dace Henning said the income tax plan Orla Marsh unveiled would cost the treasury "
        "billions, and repeated that her tax cuts favour the wealthy.",
    ),
    (
        "poll1",
        "A new poll puts Orla Marsh two points ahead of Dace Henning among likely voters, "
        "with undecided voters a fifth of the sample.",
    ),
    (
        "poll2",
        "Dace Henning trails Orla Marsh by two points among likely voters in the latest "
        "poll, and the undecided share of the sample keeps shrinking.",
    ),
    (
        "debate1",
        "Orla Marsh and Dace Henning traded insults in the televised debate as the "
        "moderators pressed both candidates on their records.",
    ),
    (
        "debate2",
        "The debate moderators struggled to keep order as Dace Henning and Orla Marsh "
        "interrupted each other over their records in the televised exchange.",
    ),
    (
        "rally1",
        "Thousands of supporters cheered Dace Henning at a stadium rally, chanting his "
        "name as fireworks lit the stands; Orla Marsh was not mentioned once.",
    ),
    (
        "rally2",
        "Dace Henning told a packed stadium rally that Orla Marsh feared his supporters, "
        "and the crowd chanted until the fireworks began.",
    ),
    (
        "donors1",
        "Donors poured money into Orla Marsh's campaign after the convention, filings "
        "show, while Dace Henning's super PAC spent its reserves.",
    ),
    (
        "donors2",
        "Filings show Dace Henning's super PAC running low on reserves while donors gave "
        "Orla Marsh's campaign record sums after the convention.",
    ),
    (
        "ads1",
        "Dace Henning released a television advertisement attacking Orla Marsh over crime "
        "in the capital, her former city.",
    ),
    (
        "ads2",
        "Orla Marsh answered Dace Henning's crime advertisement with a television spot of "
        "her own about his bankrupt casinos.",
    ),
    (
        "health1",
        "Orla Marsh visited a hospital where waiting lists for surgery have doubled, "
        "and blamed Dace Henning's allies for closing wards.",
    ),
    (
        "health2",
        "Dace Henning said hospital waiting lists fell in his region and accused Orla Marsh "
        "of frightening patients about surgery delays.",
    ),
    (
        "schools1",
        "Teachers' unions endorsed Orla Marsh after she pledged higher pay and smaller "
        "classes; Dace Henning said the schools budget was already stretched.",
    ),
    (
        "schools2",
        "Dace Henning promised to build new schools instead of raising teachers' pay, a "
        "plan the unions backing Orla Marsh called a gimmick.",
    ),
    (
        "rail1",
        "Orla Marsh backed the northern rail line and its new stations, which Dace Henning "
        "wants cancelled to fund motorway repairs.",
    ),
    (
        "rail2",
        "Dace Henning called the northern rail line a vanity project, while Orla Marsh rode "
        "a commuter train to defend the stations.",
    ),
]
CAMPAIGN_EXTRA = {
    "tax": "Economists questioned the arithmetic of the income tax brackets and the deductions.",
    "poll": "The survey of eight hundred voters has a margin of error of three percentage points.",
    "debate": "Viewers scored the exchange a draw, and the moderators lost control twice.",
    "rally": "Vendors sold hats and flags outside while police closed the stadium car parks.",
    "donors": "Quarterly disclosures list bankers, lawyers and retired teachers among the givers.",
    "health": "Nurses' leaders said staff shortages, not beds, drive the waiting times.",
    "schools": "Head teachers warned of crumbling classrooms and unfilled vacancies in maths.",
    "rail": "Engineers estimate the line would carry forty thousand passengers a day.",
    "ads": "The spots will run in swing districts during football broadcasts until polling day.",
}
CAMPAIGN_ROWS = [
    (aid, None, None, body + " " + CAMPAIGN_EXTRA[aid[:-1]]) for aid, body in CAMPAIGN_TEXTS
]
CAMPAIGN_ENTS = {
    "tax": [("Treasury", "ORG")],
    "poll": [("Calder Research", "ORG")],
    "debate": [("Channel Nine", "ORG")],
    "rally": [("Ostrow Stadium", "FAC")],
    "donors": [("Citizens for Henning", "ORG")],
    "ads": [("Port Ellis", "GPE")],
    "health": [("St Aldo Hospital", "ORG")],
    "schools": [("Teachers Union", "ORG")],
    "rail": [("Northern Line", "FAC")],
}
CAMPAIGN = [
    a
    for row in CAMPAIGN_ROWS
    for a in make([row], CAMPAIGN_CANDIDATES + ents(*CAMPAIGN_ENTS[row[0][:-1]]))
]


def test_a_diffuse_chain_of_undated_subjects_is_split_into_them() -> None:
    """Undated articles have no time window to close a story, so coverage of one campaign
    chains: each subject (taxes, a poll, the debate...) is near enough the growing story that
    every article joins it. Its articles lie far from their own centroid (``_cohesion``), so
    it is split into incidents: one story per subject, the pair of articles on it together."""
    subjects = {frozenset(a.id for a in CAMPAIGN if a.id[:-1] == s) for s in CAMPAIGN_EXTRA}
    chained = cluster_stories(CAMPAIGN, options=ClusterOptions(incident_threshold=None))
    assert groups(chained) == {frozenset(a.id for a in CAMPAIGN)}  # the chain the stream makes
    feats = build_features(CAMPAIGN, ClusterOptions().features)
    assert _cohesion(list(range(len(CAMPAIGN))), feats) < ClusterOptions().diffuse_cohesion
    assert groups(cluster_stories(CAMPAIGN)) == subjects
    never = ClusterOptions(diffuse_cohesion=0.0)  # no story is that diffuse
    assert groups(cluster_stories(CAMPAIGN, options=never)) == groups(chained)


def test_cohesion_of_one_subject_stays_high_and_of_a_chain_falls() -> None:
    feats = build_features(CAMPAIGN, ClusterOptions().features)
    pair = [k for k, a in enumerate(CAMPAIGN) if a.id.startswith("rail")]
    assert _cohesion(pair, feats) > 0.6
    assert _cohesion(list(range(len(CAMPAIGN))), feats) < _cohesion(pair, feats)
    assert _cohesion([0], feats) == pytest.approx(1.0)


def test_a_group_of_two_is_labelled_by_its_first_article() -> None:
    """In a group of two both articles are equally close to the group's centroid (1 + their
    cosine); a rounding difference (which favoured the second here) must not choose the label:
    the first in time order gives it, as for any tie."""
    from newsbrief.cluster import _label
    from newsbrief.similarity import FeatureOptions, build_features

    first = "talks union port river ferry bridge union board port wages strike pier"
    second = "port wages union board crane board pier river strike strike port velmar"
    arts = [
        Article(id="a", source="a.txt", title="Storm hits the harbour", paragraphs=[first]),
        Article(id="b", source="b.txt", title="Ferry union talks", paragraphs=[second]),
    ]
    feats = build_features(arts, FeatureOptions())
    assert _label([0, 1], arts, feats, 4) == "Storm hits the harbour"


def _player(aid: str, title: str, body: str, person: str) -> Article:
    return Article(
        id=aid,
        source=f"{aid}.txt",
        title=title,
        paragraphs=[body],
        entities=[
            Entity(text=person, label="PERSON", canonical=person, count=2),
            Entity(text="Harbor City Gulls", label="ORG", canonical="Harbor City Gulls"),
        ],
    )


BRANDT, SOLBERG = "Tomas Brandt", "Erik Solberg"
ARRESTS = [
    _player(
        "b1",
        "Gulls receiver Tomas Brandt arrested on suspicion of drunk driving",
        "Harbor City Gulls receiver Tomas Brandt was arrested early on Sunday on suspicion of "
        "drunk driving, police said. Brandt was stopped on the coast road after officers saw "
        "his car weaving between lanes.",
        BRANDT,
    ),
    _player(
        "b2",
        "Gulls' Brandt held after drunk driving stop",
        "Police arrested Tomas Brandt of the Harbor City Gulls on suspicion of drunk driving "
        "after a stop on the coast road. Brandt was released on bail and the team said it was "
        "aware of the arrest.",
        BRANDT,
    ),
    _player(
        "b3",
        "Brandt says he will fight drunk driving charge",
        "Tomas Brandt, the Harbor City Gulls receiver arrested on suspicion of drunk driving, "
        "said he would fight the charge. Brandt told reporters he had drunk one glass of wine.",
        BRANDT,
    ),
    _player(
        "s1",
        "Gulls lineman Erik Solberg arrested on suspicion of drunk driving",
        "Harbor City Gulls lineman Erik Solberg was arrested late on Friday on suspicion of "
        "drunk driving, police said. Solberg was stopped near the stadium after officers saw "
        "his truck run a red light.",
        SOLBERG,
    ),
    _player(
        "s2",
        "Gulls' Solberg held after drunk driving stop",
        "Police arrested Erik Solberg of the Harbor City Gulls on suspicion of drunk driving "
        "after a stop near the stadium. Solberg was released on bail and the team said it was "
        "looking into the arrest.",
        SOLBERG,
    ),
    _player(
        "s3",
        "Solberg arrest is latest trouble for the Gulls",
        "Erik Solberg became the latest Harbor City Gulls player to be arrested on suspicion of "
        "drunk driving. Solberg's lawyer said the lineman would plead not guilty.",
        SOLBERG,
    ),
]


def test_lookalike_happenings_about_different_people_are_two_events() -> None:
    """Two players of one team arrested for drunk driving, reported without dates: the words
    are nearly the same, and each report is about a player the other reports never name."""
    both = event_groups(cluster_stories(ARRESTS))
    assert both == {frozenset({"b1", "b2", "b3"}), frozenset({"s1", "s2", "s3"})}
    without = ClusterOptions(protagonist_penalty=0.0)
    assert event_groups(cluster_stories(ARRESTS, options=without)) == {
        frozenset(a.id for a in ARRESTS)
    }
    assert len(cluster_stories(ARRESTS)) == 1  # one story: the team's arrests


def test_an_article_is_about_the_person_its_title_or_lead_names_most() -> None:
    article = ARRESTS[0].model_copy(
        update={
            "entities": [
                *ARRESTS[0].entities,
                Entity(text="Ana Vik", label="PERSON", canonical="Ana Vik", count=5),
            ]
        }
    )
    assert _protagonist(article) == frozenset({"tomas", "brandt"})  # Ana Vik is not in the lead
    once = ARRESTS[0].model_copy(
        update={"entities": [Entity(text=BRANDT, label="PERSON", canonical=BRANDT)]}
    )
    assert _protagonist(once) == frozenset()  # named once: not what the article is about
