"""Golden table: one case per quote construction that newsbrief must handle (issue 4).

Each row is a construction, a tiny fictional article, and every quote it must yield as
(kind, text, speaker, cue). The rows are hand-written; none is taken from a data set.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from newsbrief.extract.quotes import extract_quotes
from newsbrief.model import Article
from newsbrief.nlp import parse_article

Expected = tuple[str, str, str | None, str | None]


@dataclass(frozen=True)
class Case:
    construction: str
    paragraphs: tuple[str, ...]
    expected: tuple[Expected, ...]
    title: str = "Harbour works"


CASES: list[Case] = [
    Case(
        "curly double marks",
        ("“The harbour wall will hold,” said Lena Vask.",),
        (("direct", "The harbour wall will hold,", "Lena Vask", "said"),),
    ),
    Case(
        "straight double marks",
        ('"The harbour wall will hold," said Lena Vask.',),
        (("direct", "The harbour wall will hold,", "Lena Vask", "said"),),
    ),
    Case(
        "single curly marks",
        ("‘The harbour wall will hold,’ said Lena Vask.",),
        (("direct", "The harbour wall will hold,", "Lena Vask", "said"),),
    ),
    Case(
        "plural possessive apostrophe inside a quote",
        ("‘The fishers’ nets are empty,’ said Omar Reyes.",),
        (("direct", "The fishers’ nets are empty,", "Omar Reyes", "said"),),
    ),
    Case(
        "apostrophes and possessives are not quotes",
        ("The ministers’ statement and the players' union's reply came on Tuesday.",),
        (),
    ),
    Case(
        "quote split by its attribution, same sentence",
        ("“We will rebuild,” Lena Vask said, “and we will do it this year.”",),
        (("direct", "We will rebuild, and we will do it this year.", "Lena Vask", "said"),),
    ),
    Case(
        "quote split by its attribution, next sentence",
        ("“We will rebuild,” Lena Vask said. “It will take a year.”",),
        (("direct", "We will rebuild. It will take a year.", "Lena Vask", "said"),),
    ),
    Case(
        "colon-introduced quote",
        ("Lena Vask warned: “The harbour will silt up within a year.”",),
        (("direct", "The harbour will silt up within a year.", "Lena Vask", "warned"),),
    ),
    Case(
        "quote over several paragraphs, only the last closing",
        (
            "Omar Reyes, a fisherman, spoke after the vote.",
            "“The nets come up empty every morning.",
            "“And nobody in the capital cares about it.”",
        ),
        (
            (
                "direct",
                "The nets come up empty every morning. And nobody in the capital cares about it.",
                "Omar Reyes",
                None,
            ),
        ),
    ),
    Case(
        "quote in a headline",
        ("Interior Minister Lena Vask addressed the council on Tuesday evening.",),
        (("direct", "Fix the harbour now", "Lena Vask", None),),
        title="Vask to council: “Fix the harbour now”",
    ),
    Case(
        "quote in a standfirst",
        (
            "Mayor Ada Ruiz tells the council: “The budget is empty.”",
            "The council met on Tuesday evening.",
        ),
        (("direct", "The budget is empty.", "Ada Ruiz", "tells"),),
    ),
    Case(
        "partial quote inside reported speech",
        ("Omar Reyes said the repair plan was “dead in the water” after the storm.",),
        (
            (
                "mixed",
                "the repair plan was “dead in the water” after the storm",
                "Omar Reyes",
                "said",
            ),
        ),
    ),
    Case(
        "indirect speech with 'that'",
        ("Lena Vask said that the bridge would close in May.",),
        (("indirect", "the bridge would close in May", "Lena Vask", "said"),),
    ),
    Case(
        "according to",
        ("According to the Harbour Authority, the repairs are three months late.",),
        (("indirect", "the repairs are three months late", "Harbour Authority", "according to"),),
    ),
    Case(
        "told reporters",
        ("Omar Reyes told reporters the repairs would cost more than planned.",),
        (("indirect", "the repairs would cost more than planned", "Omar Reyes", "told"),),
    ),
    Case(
        "posted on social media",
        ("Lena Vask posted on social media that the ferry would run again on Friday.",),
        (("indirect", "the ferry would run again on Friday", "Lena Vask", "posted"),),
    ),
    Case(
        "a statement read",
        (
            "A statement from the Harbour Authority read: "
            "“The quay is closed until further notice.”",
        ),
        (("direct", "The quay is closed until further notice.", "Harbour Authority", "read"),),
    ),
    Case(
        "scare quotes are not speech",
        ("The so-called “reset” plan was dropped on Monday.",),
        (),
    ),
    Case(
        "titles in quote marks are not speech",
        ("Lena Vask appeared on “Morning Harbour” to promote her book “Salt and Stone”.",),
        (),
    ),
    Case(
        "a term set after 'the term,' is not speech, and 'she' is not the term",
        (
            "Vask said the harbour must stay open.",
            "She also avoided the charged term, “harbour tax,” which her rivals use.",
            "“I don't think we need a new tax,” she said.",
        ),
        (
            ("indirect", "the harbour must stay open", "Vask", "said"),
            ("direct", "I don't think we need a new tax,", "Vask", "said"),
        ),
    ),
    Case(
        "an abbreviated title the parser ended a sentence on is not the speaker",
        ("“The pier is safe,” said Sgt. Ola Berg of the harbour police.",),
        (("direct", "The pier is safe,", "Ola Berg", "said"),),
    ),
    Case(
        "a partial quote after its cue leaves out the cue's own when and where",
        ("Vask vowed on Tuesday in Port Elin to build “a wall that will hold for a century.”",),
        (("mixed", "to build “a wall that will hold for a century.”", "Vask", "vowed"),),
    ),
    Case(
        "nor is the word before such a title when the parser ended the sentence there",
        (
            "“We waited three weeks for a part that never came to the base,” said Air Force 1st "
            "Lt. Mara Quell.",
        ),
        (
            (
                "direct",
                "We waited three weeks for a part that never came to the base,",
                "Mara Quell",
                "said",
            ),
        ),
    ),
    Case(
        "a programme after 'told' is the listener, not a piece of the quote",
        ("“We have to rebuild the wall,” Vask told “Harbour Morning” after the storm.",),
        (("direct", "We have to rebuild the wall,", "Vask", "told"),),
    ),
    Case(
        "a name in title case after a common noun and a comma is not speech",
        (
            "Vask was named the most honest student in a harbour history class, “Tides 301,”"
            " after the lecturer left the room.",
        ),
        (),
    ),
    Case(
        "a title in apposition to 'book' is not speech",
        (
            "Reviewers have been reading Lena Vask's new book, \"Salt and Stone: How to Save "
            'the Harbour," for clues about her plans.',
        ),
        (),
    ),
    Case(
        "organisation as speaker",
        ("“The quay is unsafe,” the Harbour Authority said in a statement.",),
        (("direct", "The quay is unsafe,", "Harbour Authority", "said"),),
    ),
    Case(
        "pronoun resolved to the nearest compatible speaker",
        (
            "Lena Vask met the Harbour Authority on Tuesday.",
            "“It is a disgrace,” she said.",
        ),
        (("direct", "It is a disgrace,", "Lena Vask", "said"),),
    ),
    Case(
        "role resolved to the person the article names",
        (
            "Lena Vask, the interior minister, visited the quay on Tuesday.",
            "“We will rebuild it,” the interior minister said.",
        ),
        (("direct", "We will rebuild it,", "Lena Vask", "said"),),
    ),
    Case(
        "role resolved to the organisation the article names",
        (
            "The Harbour Authority closed the quay on Monday.",
            "“Nobody may fish here until the wall is safe,” the authority said.",
        ),
        (("direct", "Nobody may fish here until the wall is safe,", "Harbour Authority", "said"),),
    ),
    Case(
        "surname only resolved to the full name",
        (
            "Omar Reyes, a fisherman, arrived early.",
            "“The nets are empty,” Reyes said.",
        ),
        (("direct", "The nets are empty,", "Omar Reyes", "said"),),
    ),
    Case(
        "honorific stripped",
        (
            "Dr. Ada Ruiz leads the hospital.",
            "“We have no beds left,” Dr. Ruiz said.",
        ),
        (("direct", "We have no beds left,", "Ada Ruiz", "said"),),
    ),
    Case(
        "gerund cue after a named person",
        ("The advert uses footage of Lena Vask saying, “The harbour will be rebuilt by May.”",),
        (("direct", "The harbour will be rebuilt by May.", "Lena Vask", "saying"),),
    ),
    Case(
        "speaker after a dash",
        ("“The nets come up empty.” ― Omar Reyes",),
        (("direct", "The nets come up empty.", "Omar Reyes", None),),
    ),
    Case(
        "relative pronoun resolved to its antecedent",
        ("Omar Reyes, who said “the nets come up empty every day,” left the quay early.",),
        (("direct", "the nets come up empty every day,", "Omar Reyes", "said"),),
    ),
    Case(
        "partial quote in the object of a characterising verb",
        ("Lena Vask called the repair plan “a costly mistake” on Tuesday.",),
        (("mixed", "the repair plan “a costly mistake”", "Lena Vask", "called"),),
    ),
    Case(
        "plural pronoun resolved to the subject of its governing clause",
        (
            "Omar Reyes spoke in Port Velmar on Monday.",
            "The harbour authority is seeking to contrast its plan with what they call the "
            "council's “reckless dredging scheme.”",
        ),
        (
            (
                "mixed",
                "the council's “reckless dredging scheme.”",
                "The harbour authority",
                "call",
            ),
        ),
    ),
    Case(
        "colon introduction takes the main clause's subject",
        (
            "With fishermen increasingly worried about the season, Lena Vask is taking a new "
            "message to the quay: “The harbour will be ready.”",
        ),
        (("direct", "The harbour will be ready.", "Lena Vask", None),),
    ),
    Case(
        "attribution after the quote in a sentence of its own, opening in lower case",
        ("“Who pays for the new quay?” a narrator in the council's advert asks.",),
        (("direct", "Who pays for the new quay?", "a narrator", "asks"),),
    ),
    Case(
        "a nearer cue with its own subject wins over the clause that governs the quote",
        (
            "“Who pays for the new quay?” a narrator in the advert asks. The advert ends with "
            "footage of Omar Reyes saying at the hearing last week, “The quay pays for itself,” "
            "before the council logo appears.",
        ),
        (
            ("direct", "Who pays for the new quay?", "a narrator", "asks"),
            ("direct", "The quay pays for itself,", "Omar Reyes", "saying"),
        ),
    ),
    Case(
        "colon after a clause with its own subject: not the name ending the clause",
        ("Omar Reyes took his complaint to the Harbour Gazette on Tuesday: “The nets are empty.”",),
        (("direct", "The nets are empty.", "Omar Reyes", None),),
    ),
    Case(
        "the author of a speech noun speaks ('Vask's slogan was …')",
        (
            "Lena Vask ran for mayor in 2019. Vask's slogan in that race was that the council "
            "would “build first and argue later.”",
        ),
        (("mixed", "the council would “build first and argue later.”", "Lena Vask", "was"),),
    ),
    Case(
        "a dateline is not the subject",
        (
            "PORT VELMAR (AFP) – Lena Vask has taken a swipe at the council's dredging plan, "
            "saying that “reckless digging” does more harm than good.",
        ),
        (("mixed", "“reckless digging” does more harm than good", "Lena Vask", "saying"),),
    ),
    Case(
        "a long named subject opens the sentence after a quote ending in '!'",
        (
            "“The great quay of Port Velmar… is proud to open its gates to every trawler in the "
            "bay, large and small!” Port Velmar harbour master Lena Vask said as she cut the "
            "ribbon.",
        ),
        (
            (
                "direct",
                "The great quay of Port Velmar… is proud to open its gates to every trawler in "
                "the bay, large and small!",
                "Lena Vask",
                "said",
            ),
        ),
    ),
    Case(
        "a cue the parser joined to the reported clause goes with the verb that reports it",
        (
            "Appearing before cheering supporters at the quay, Lena Vask said it was too early "
            "to declare victory but added, “I think you all know the result.”",
        ),
        (("direct", "I think you all know the result.", "Lena Vask", "added"),),
    ),
    Case(
        "a cue in the next sentence, before that sentence's own quote",
        (
            "“Who can remember how many votes we have lost? Is it two? Three?” Vask asks as a "
            "porter walks past, saying he is “here to fix the holes in the wall.”",
        ),
        (
            (
                "direct",
                "Who can remember how many votes we have lost? Is it two? Three?",
                "Vask",
                "asks",
            ),
            ("mixed", "he is “here to fix the holes in the wall.”", "a porter", "saying"),
        ),
    ),
    Case(
        "the name between the quote and the cue, not the listener after it",
        ("“We were wrong to wait,” Ruiz, 58, told the Harbour Gazette.",),
        (("direct", "We were wrong to wait,", "Ruiz", "told"),),
    ),
    Case(
        "a described speaker after the quote, the verb parsed as the noun's modifier",
        (
            "Mayor Ida Roos defended the flood wall on Tuesday.",
            "“Is Mayor Roos going to resign over the wall? If she doesn't, she should!” the "
            "opposition leader, Tomas Adler, tweeted Sunday after the breach.",
        ),
        (
            (
                "direct",
                "Is Mayor Roos going to resign over the wall? If she doesn't, she should!",
                "Tomas Adler",
                "tweeted",
            ),
        ),
    ),
    Case(
        "a reaction after the quote, the person named inside it not the speaker",
        (
            "Mayor Ida Roos spoke about the flood defences on Monday.",
            "“Roos said in her speech that the wall is safe. Which wall, and since when?” "
            "reacted Tomas Adler.",
        ),
        (
            (
                "direct",
                "Roos said in her speech that the wall is safe. Which wall, and since when?",
                "Tomas Adler",
                "reacted",
            ),
        ),
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.construction for c in CASES])
def test_construction(case: Case) -> None:
    article = Article(id="t", source="t", title=case.title, paragraphs=list(case.paragraphs))
    got = tuple((q.kind, q.text, q.speaker, q.cue) for q in extract_quotes(parse_article(article)))
    assert got == case.expected


@pytest.mark.parametrize(
    "cue", ["said", "told", "added", "warned", "urged", "insisted", "wrote", "tweeted", "asked"]
)
def test_cue_is_recorded(cue: str) -> None:
    article = Article(
        id="t", source="t", title="Harbour", paragraphs=[f"“The quay is closed,” Lena Vask {cue}."]
    )
    (quote,) = extract_quotes(parse_article(article))
    assert (quote.speaker, quote.cue) == ("Lena Vask", cue)


def test_the_passive_subject_of_a_speech_verb_is_not_its_speaker() -> None:
    """'his demands had been answered': what was answered says nothing; only a verb such as
    'quoted' keeps its passive subject as the speaker ('Vask was quoted as saying')."""
    answered = (
        "The old motto, “I say what I mean and I mean what I say,” left his face when word "
        "came that his demands had been answered."
    )
    quoted = "“We will reopen the pier in May,” Vask was quoted as saying."
    article = Article(id="a", source="a.txt", paragraphs=[answered, quoted])
    speakers = {q.cue: q.speaker for q in extract_quotes(parse_article(article))}
    assert speakers.get("answered") != "his demands"
    assert speakers["saying"] == "Vask"
