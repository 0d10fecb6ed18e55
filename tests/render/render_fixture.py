"""A hand-built, fictional Result: a border clash with conflicting tolls, a growing flood toll."""

from __future__ import annotations

from newsbrief.model import (
    Article,
    Claim,
    Coverage,
    Event,
    Figure,
    FigureClaim,
    InputError,
    Quote,
    Result,
    Story,
    StoryQuote,
    SummarySentence,
    TimelineEntry,
)

MINISTRY = "Veldran Ministry of Defence"
FRONT = "Northern Liberation Front"
AGENCY = "Marren Relief Agency"


def _article(
    id: str, outlet: str, title: str, published: str, *, duplicate_of: str | None = None
) -> Article:
    return Article(
        id=id,
        source=f"corpus/{id}.txt",
        outlet=outlet,
        title=title,
        published=published,
        paragraphs=[f"Body of {title}."],
        duplicate_of=duplicate_of,
    )


def _claim(value: float, measure: str, claimant: str, as_of: str, sentence: str) -> Claim:
    return Claim(
        value=value,
        qualifier="=",
        measure=measure,
        claimant=claimant,
        as_of=as_of,
        paragraph=0,
        sentence=sentence,
    )


def build_result() -> Result:
    """Six articles (one a duplicate), two stories, one unreadable input."""
    a1 = _article("a1", "Border Herald", "Clash on the northern border", "2024-03-02")
    a1 = a1.model_copy(
        update={
            "quotes": [
                Quote(
                    text="We lost 120 brave soldiers",
                    speaker="Ana Korvel",
                    speaker_mention="Korvel",
                    cue="said",
                    kind="direct",
                    paragraph=0,
                    start=1,
                    end=27,
                )
            ],
            "claims": [
                _claim(120, "soldiers killed", MINISTRY, "2024-03-02", "The ministry said 120.")
            ],
        }
    )
    a2 = _article("a2", "Capital Tribune", "Rebels claim heavy losses", "2024-03-03")
    a3 = _article(
        "a3", "Valley Post", "Clash on the northern border", "2024-03-02", duplicate_of="a1"
    )
    f1 = _article("f1", "River Gazette", "Floodwaters rise in the Marren valley", "2024-04-01")
    f2 = _article("f2", "Delta Daily", "Flood toll climbs as rain returns", "2024-04-10")
    f3 = _article("f3", "River Gazette", "Marren flood: toll passes 300", "2024-04-22")

    border = Story(
        id="s1",
        title="Border clash between Veldra and the Northern Liberation Front",
        articles=["a1", "a2", "a3"],
        events=[Event(id="s1e1", date="2024-03-02", label="Night attack", articles=["a1", "a2"])],
        summary=[
            SummarySentence(
                text="Fighting broke out overnight along the northern border of Veldra.",
                sources=["a1", "a2"],
            ),
            SummarySentence(
                text="The rebels said they had overrun two army posts near the river crossing.",
                sources=["a2"],
            ),
        ],
        quotes=[
            StoryQuote(
                text="We lost 120 brave soldiers", speaker="Ana Korvel", sources=["a1", "a3"]
            ),
            StoryQuote(
                text="the army had abandoned its posts before dawn",
                speaker="Tiber Vos",
                sources=["a2"],
                kind="indirect",
            ),
        ],
        figures=[
            Figure(
                measure="soldiers killed",
                status="conflict",
                claims=[
                    FigureClaim(
                        value=120,
                        qualifier="=",
                        claimant=MINISTRY,
                        as_of="2024-03-02",
                        sources=["a1", "a3"],
                    ),
                    FigureClaim(
                        value=2000,
                        qualifier="=",
                        claimant=FRONT,
                        as_of="2024-03-02",
                        sources=["a2"],
                    ),
                ],
            ),
            Figure(
                measure="people displaced",
                status="single",
                claims=[
                    FigureClaim(value=500, qualifier="~", claimant=None, as_of=None, sources=["a2"])
                ],
            ),
        ],
        coverage=[
            Coverage(article="a1", outlet="Border Herald", unique=[]),
            Coverage(
                article="a2",
                outlet="Capital Tribune",
                unique=["Rebels say they captured a supply convoy on the river road."],
            ),
        ],
        timeline=[
            TimelineEntry(date="2024-03-02", text="Attack on border posts", sources=["a1", "a2"]),
            TimelineEntry(date="2024-03-03", text="Rebels publish their toll", sources=["a2"]),
        ],
    )
    flood = Story(
        id="s2",
        title="Flooding in the Marren valley",
        articles=["f1", "f2", "f3"],
        events=[
            Event(id="s2e1", date="2024-04-01", label="River bursts its banks", articles=["f1"]),
            Event(id="s2e2", date="2024-04-22", label="Toll passes 300", articles=["f3"]),
        ],
        summary=[
            SummarySentence(
                text="The Marren river burst its banks after a week of heavy rain, "
                "flooding more than 100 villages across the valley and cutting the only road.",
                sources=["f1", "f2"],
            ),
            SummarySentence(
                text="By late April the relief agency counted 310 civilians dead.",
                sources=["f3"],
            ),
        ],
        quotes=[
            StoryQuote(
                text="The water came at night and took everything",
                speaker="Mila Dren",
                sources=["f1", "f2"],
            )
        ],
        figures=[
            Figure(
                measure="civilians killed",
                status="update",
                claims=[
                    FigureClaim(
                        value=value, qualifier="=", claimant=AGENCY, as_of=date, sources=[src]
                    )
                    for value, date, src in [
                        (40, "2024-04-01", "f1"),
                        (126, "2024-04-10", "f2"),
                        (310, "2024-04-22", "f3"),
                    ]
                ],
            ),
            Figure(
                measure="villages flooded",
                status="agree",
                claims=[
                    FigureClaim(
                        value=100,
                        qualifier=">",
                        claimant=AGENCY,
                        as_of="2024-04-01",
                        sources=["f1", "f2"],
                    )
                ],
            ),
            Figure(
                measure="people evacuated",
                status="single",
                claims=[
                    FigureClaim(
                        value=2500,
                        low=2000,
                        high=3000,
                        qualifier="=",
                        claimant="Marren regional council",
                        as_of=None,
                        sources=["f2"],
                    )
                ],
            ),
        ],
        coverage=[
            Coverage(
                article="f2",
                outlet="Delta Daily",
                unique=["A second dam upstream is being watched by engineers."],
            )
        ],
        timeline=[
            TimelineEntry(date="2024-04-01", text="Toll stands at 40", sources=["f1"]),
            TimelineEntry(date="2024-04-10", text="Toll rises to 126", sources=["f2"]),
            TimelineEntry(date="2024-04-22", text="Toll reaches 310", sources=["f3"]),
        ],
    )
    error = InputError(
        source="inbox/broken.html",
        error="[E107] inbox/broken.html: HTML page without extractable text; "
        "pass the article as plain text instead",
    )
    return Result(articles=[a1, a2, a3, f1, f2, f3], stories=[border, flood], errors=[error])
