"""The one data model every stage reads and writes, and the output contract (``newsbrief/1``).

Stages pass these frozen records forward; nothing reaches back into an earlier stage. What a
later stage needs (sentence boundaries, dates found in the text) is carried forward here so the
text is parsed only once. ``Result.model_json_schema()`` is what ``newsbrief schema`` prints.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_ID = "newsbrief/1"

QuoteKind = Literal["direct", "indirect", "mixed"]
FigureStatus = Literal["agree", "conflict", "update", "single"]
InputFormat = Literal["text", "html"]


class Record(BaseModel):
    """Base for every record: immutable, and strict about unknown fields."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    def model_post_init(self, context: Any, /) -> None:
        """Share one set of "fields set" among the records that set the same fields.

        pydantic gives every instance its own set of the names of the fields it was given; on a
        small frozen record (a sentence span, an entity, a figure) that set is a third to half
        of the record's memory, and an article holds hundreds of them. Records are frozen, and
        pydantic copies the set before changing it (``model_copy``), so sharing is invisible."""
        fields = self.__pydantic_fields_set__
        shared = _FIELD_SETS.setdefault(frozenset(fields), fields)
        if shared is not fields:
            object.__setattr__(self, "__pydantic_fields_set__", shared)


_FIELD_SETS: dict[frozenset[str], set[str]] = {}
"""One set per distinct combination of given fields (a few dozen in all)."""


# ---------------------------------------------------------------- inputs


class RawDocument(Record):
    """One input document as read, before cleaning.

    ``content`` is plain text for ``format="text"`` and the page's HTML for ``format="html"``.
    Metadata fields are what the input itself declared (JSONL fields, HTML meta); cleaning may
    fill in what is missing from the text.
    """

    source: str = Field(description="File path, or FILE#ID for a JSONL record.")
    content: str
    format: InputFormat = "text"
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = Field(default=None, description="ISO date (YYYY-MM-DD) or null.")
    folder: str | None = Field(
        default=None, description="Input folder the document came from (for --story-per-folder)."
    )
    date_hint: str | None = Field(
        default=None,
        description="ISO date cleaning falls back on when neither the input's metadata nor its "
        "text gives one (a WARC record's Last-Modified or crawl date).",
    )
    outlet_hint: str | None = Field(
        default=None,
        description="Outlet cleaning falls back on when neither the metadata nor the text names "
        "one (the host of a WARC record's URI).",
    )


class InputError(Record):
    """An input that could not be read, and why (the error names the fix)."""

    source: str
    error: str


# ---------------------------------------------------------------- article-level records


class Removed(Record):
    """A line or block that cleaning dropped, and the reason code."""

    text: str
    reason: str


class SentenceSpan(Record):
    """Where one sentence sits: paragraph index and character offsets inside that paragraph."""

    paragraph: int
    start: int
    end: int
    verbless: bool = Field(
        default=False,
        description="No finite verb (a headline, deck or caption line, an imperative 'Read "
        "more here'): never a summary sentence.",
    )
    caption: bool = Field(
        default=False,
        description="A photo caption: a named person's present-tense action on a full date "
        "('Donald Trump speaks at a rally in Greensboro on June 14, 2016.'): never a summary, "
        "coverage or timeline sentence.",
    )
    cuts: tuple[int, ...] = Field(
        default=(),
        description="Paragraph offsets where a shorter reading of the sentence may end: before "
        "a trailing clause that adds to what the sentence states without qualifying it (', "
        "smashing the record', ', who chairs the panel', ', and she urged …'). The summary may "
        "quote the sentence up to one of them, marked as cut.",
    )


class TextSpan(Record):
    """A character range inside one paragraph (-1 = the title)."""

    paragraph: int
    start: int
    end: int


class Quote(Record):
    """A quote in one article. Offsets are character offsets inside ``paragraph``.

    ``paragraph`` is the index into ``Article.paragraphs``; -1 means the title. A quote split by
    its attribution ("…," she said, "…") or running over several paragraphs lists each piece in
    ``parts``; ``start``/``end`` then span the pieces of the first paragraph.
    """

    text: str = Field(
        description="The quoted words, without the quotation marks around them; a mixed quote "
        "is its reported clause, its quoted words still marked ('the plan was “dead in the "
        "water”')."
    )
    speaker: str | None = Field(description="Resolved canonical speaker name.")
    speaker_mention: str | None = Field(description="The words that name the speaker in the text.")
    cue: str | None = Field(description="The speech cue: said, told, according to, ...")
    kind: QuoteKind
    paragraph: int
    start: int
    end: int
    parts: list[TextSpan] = Field(
        default_factory=list,
        description="The quoted pieces in reading order when there are several; else empty.",
    )

    @property
    def spans(self) -> list[TextSpan]:
        """Every piece of the quote: ``parts``, or the one span paragraph/start/end."""
        return self.parts or [TextSpan(paragraph=self.paragraph, start=self.start, end=self.end)]


class Quantity(Record):
    """A number the text states, normalised."""

    text: str
    value: float
    low: float | None = None
    high: float | None = None
    unit: str | None = None
    concept: str | None = Field(default=None, description="What the number counts or measures.")
    change: str = Field(
        default="=", description="'=' exact, '~' approximate, '>' '<' bounds, 'up'/'down' changes."
    )
    paragraph: int
    start: int
    end: int


class Claim(Record):
    """A quantity that is a figure about the story, with who claims it and as of when."""

    value: float
    low: float | None = None
    high: float | None = None
    qualifier: str = Field(description="'=', '~', '>', '<', '>=', '<=' as for Quantity.change.")
    measure: str = Field(description="Normalised measure, e.g. 'people killed'.")
    subject: str | None = Field(default=None, description="Who or what is counted, if narrower.")
    claimant: str | None = Field(description="Who asserts the figure (resolved), or the outlet.")
    as_of: str | None = Field(description="ISO date the figure refers to, when known.")
    as_of_basis: str | None = Field(
        default=None,
        description="Where as_of comes from: 'text' (stated with the figure or its "
        "attribution), 'context' (an earlier figure of the article), 'published', or 'none'.",
    )
    paragraph: int
    sentence: str = Field(description="The sentence that states the claim.")
    text: str = Field(default="", description="The quantity's words in the text.")
    unit: str | None = Field(
        default=None,
        description="The quantity's unit as for Quantity.unit: 'percent', a currency "
        "('dollar'), a unit of measure ('kilometre') or what is counted ('soldiers').",
    )


class Entity(Record):
    """A named entity mention group in one article."""

    text: str
    label: str
    canonical: str
    count: int = 1


class DateMention(Record):
    """A date the text states, resolved to an ISO date against the publication date. In an
    article with no day to resolve against (no publication date, no dateline), a named month
    and day without a year is kept as ``--MM-DD`` (XML Schema's ``gMonthDay``): it names no
    calendar day, but tells a December happening from a September one."""

    text: str
    date: str
    paragraph: int
    start: int
    end: int
    statement: bool = Field(
        default=False,
        description="The day of a statement, not of a happening: the date hangs on a reporting "
        'verb ("the agency said on Thursday").',
    )


class Article(Record):
    """A cleaned article and everything extracted from it."""

    id: str
    source: str
    outlet: str | None = None
    title: str | None = None
    published: str | None = None
    url: str | None = None
    folder: str | None = None
    paragraphs: list[str] = Field(default_factory=list, description="Cleaned body, title excluded.")
    removed: list[Removed] = Field(default_factory=list)
    duplicate_of: str | None = None
    language: str | None = Field(
        default=None,
        description="Why the article is taken for not English; set only then, and then it was "
        "cleaned but not parsed, extracted or clustered.",
    )
    sentences: list[SentenceSpan] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    quantities: list[Quantity] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)
    dates: list[DateMention] = Field(default_factory=list)

    def sentence_texts(self) -> list[tuple[SentenceSpan, str]]:
        """Each sentence span with its text."""
        return [(s, self.paragraphs[s.paragraph][s.start : s.end]) for s in self.sentences]


# ---------------------------------------------------------------- story-level records


class Event(Record):
    """A dated happening inside a story."""

    id: str
    date: str | None
    label: str
    articles: list[str]


class SummarySentence(Record):
    """One summary sentence and every article that states it."""

    text: str
    sources: list[str]


class StoryQuote(Record):
    """A quote merged across the articles that carry it."""

    text: str
    speaker: str | None
    sources: list[str]
    kind: QuoteKind = "direct"


class FigureClaim(Record):
    """One claimed value inside a figure group, with every article that carries it."""

    value: float
    low: float | None = None
    high: float | None = None
    qualifier: str
    claimant: str | None
    as_of: str | None
    sources: list[str]
    text: str = ""
    unit: str | None = Field(default=None, description="As for Claim.unit.")


class Figure(Record):
    """Claims about one measure across a story, and whether they agree."""

    measure: str
    status: FigureStatus
    claims: list[FigureClaim]
    subject: str | None = None


class Coverage(Record):
    """What one article alone reports within its story."""

    article: str
    outlet: str | None
    unique: list[str]


class TimelineEntry(Record):
    """A dated entry of the story's timeline."""

    date: str
    text: str
    sources: list[str]


class Story(Record):
    """A brief for one story."""

    id: str
    title: str
    articles: list[str]
    events: list[Event] = Field(default_factory=list)
    summary: list[SummarySentence] = Field(default_factory=list)
    quotes: list[StoryQuote] = Field(default_factory=list)
    figures: list[Figure] = Field(default_factory=list)
    coverage: list[Coverage] = Field(default_factory=list)
    timeline: list[TimelineEntry] = Field(default_factory=list)


class Result(Record):
    """The whole output document: every interface serves this."""

    schema_: str = Field(default=SCHEMA_ID, alias="schema", serialization_alias="schema")
    articles: list[Article] = Field(default_factory=list)
    stories: list[Story] = Field(default_factory=list)
    errors: list[InputError] = Field(default_factory=list)

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)

    def to_json(self, *, indent: int | None = 2) -> str:
        """The contract JSON text."""
        return self.model_dump_json(indent=indent, by_alias=True)


def json_schema() -> dict[str, object]:
    """JSON Schema of the output contract."""
    schema = Result.model_json_schema(by_alias=True)
    schema["$id"] = SCHEMA_ID
    schema["title"] = "newsbrief brief output"
    return schema
