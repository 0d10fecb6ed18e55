"""The web UI and JSON API over a store (FastAPI + Jinja2).

Pages and API responses are read from the store: briefs are precomputed at ingest, so a request
costs a few indexed reads and one template. Every page carries a Content Security Policy that
allows no script and no external asset; templates autoescape, and article text highlighted in
Python is escaped there (``views``).

Robustness: request bodies are capped while they stream in (``body_limit``), every API error is
one JSON shape with a coded message (``errors``), and the write endpoint checks the token before
it reads a byte of body.
"""

from __future__ import annotations

import hmac
import threading
from collections import OrderedDict
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from newsbrief import __version__
from newsbrief.errors import Code, OptionError
from newsbrief.ingest.limits import MAX_REQUEST_BYTES, MAX_TEXT_CHARS, MIN_REQUEST_BYTES
from newsbrief.model import Article, RawDocument, Story
from newsbrief.store import IngestOptions, Store, StorySummary, content_hash, ingest_documents
from newsbrief.web import errors, views
from newsbrief.web.body_limit import BodyLimit
from newsbrief.web.errors import ApiError, error_responses
from newsbrief.web.static import CONTENT_SECURITY_POLICY, CSS

PAGE_SIZE = 50
MAX_PAGE_SIZE = 500
MAX_OFFSET = 10_000_000
"""Deepest offset a listing accepts: far past any store, and well inside SQL's 64-bit range."""
NO_NUL = r"^[^\x00]*$"
"""Queries may not hold NUL characters: no stored text does, and PostgreSQL refuses them."""
SECURITY_HEADERS = [
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]

_bearer = HTTPBearer(auto_error=False)
Credentials = Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


class SecurityHeaders:
    """Pure ASGI middleware adding the CSP and friends to every HTTP response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(
        self,
        scope: Scope,
        receive: Receive,
        send: Send,
    ) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *SECURITY_HEADERS]
            await send(message)

        await self.app(scope, receive, send_with_headers)


class PageCache:
    """Rendered story pages by (story id, story version): a new brief has a new version, so
    a page is re-rendered exactly when its story changed; the brief itself always comes from
    the store. Bounded (least recently used pages are dropped)."""

    def __init__(self, size: int = 4096) -> None:
        self.size = size
        self.pages: OrderedDict[tuple[str, int], str] = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key: tuple[str, int]) -> str | None:
        with self.lock:
            html = self.pages.get(key)
            if html is not None:
                self.pages.move_to_end(key)
            return html

    def put(self, key: tuple[str, int], html: str) -> None:
        with self.lock:
            self.pages[key] = html
            while len(self.pages) > self.size:
                self.pages.popitem(last=False)


# ---------------------------------------------------------------- API models


class StoryItem(BaseModel):
    """A story in the list: size, outlets, dates and whether its figures conflict."""

    id: str
    title: str
    size: int = Field(description="Number of articles.")
    outlets: list[str]
    first_date: str | None
    last_date: str | None
    conflict: bool = Field(description="Whether any of its figures conflict.")
    version: int = Field(description="Bumped each time new articles update the story.")


class SearchResult(BaseModel):
    """One search hit."""

    article: str
    title: str | None
    outlet: str | None
    published: str | None
    story: str | None
    text: str
    speaker: str | None = None


class SearchResults(BaseModel):
    """Articles and quotes matching a query."""

    query: str
    articles: list[SearchResult]
    quotes: list[SearchResult]


def _has_text(field: str) -> dict[str, Any]:
    return {"required": [field], "properties": {field: {"type": "string", "pattern": r"\S"}}}


class ArticleIn(BaseModel):
    """One article to ingest: its text (or HTML) as scraped, with optional metadata."""

    model_config = ConfigDict(
        json_schema_extra={"anyOf": [_has_text("text"), _has_text("html")]},
    )

    id: str | None = Field(default=None, max_length=200, description="Your id for the article.")
    text: str | None = Field(
        default=None,
        max_length=MAX_TEXT_CHARS,
        description=f"Plain text (at most {MAX_TEXT_CHARS:,} characters).",
    )
    html: str | None = Field(default=None, max_length=5_000_000)
    title: str | None = Field(default=None, max_length=2000)
    outlet: str | None = Field(default=None, max_length=300)
    url: str | None = Field(default=None, max_length=4000)
    published: str | None = Field(default=None, max_length=40, description="ISO date.")

    @field_validator("*")
    @classmethod
    def _no_nul(cls, value: str | None) -> str | None:
        if value is not None and "\x00" in value:
            raise ValueError("contains a NUL character: send text, not binary data")
        return value

    @model_validator(mode="after")
    def _some_text(self) -> ArticleIn:
        if not any(x and not x.isspace() for x in (self.text, self.html)):
            raise ValueError('no article text: send the article under "text" or "html"')
        return self


ARTICLE_IN_BODY = {
    "required": True,
    "content": {"application/json": {"schema": ArticleIn.model_json_schema()}},
}
"""The OpenAPI request body of ``POST /api/articles`` (read by hand, after the token check)."""


class IngestResult(BaseModel):
    """What ingesting one article did."""

    article: str | None = Field(description="The stored article's id.")
    story: str | None = Field(description="The story it belongs to.")
    created: bool = Field(description="False when the same content was stored already.")
    errors: list[str] = Field(default_factory=list)


def _item(summary: StorySummary) -> StoryItem:
    return StoryItem(
        id=summary.id,
        title=summary.title,
        size=summary.size,
        outlets=summary.outlets,
        first_date=summary.first_date,
        last_date=summary.last_date,
        conflict=summary.conflict,
        version=summary.version,
    )


# ---------------------------------------------------------------- the app


def _templates() -> Environment:
    env = Environment(
        loader=PackageLoader("newsbrief.web", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(
        css=Markup(CSS),  # noqa: S704 - our own constant; its hash is in the CSP
        version=__version__,
        path_id=views.path_id,
        safe_url=views.safe_url,
        status_labels=views.STATUS_LABELS,
    )
    from newsbrief.render.common import claim_value, figure_gist, format_number, measure_name

    env.filters.update(
        claim_value=claim_value,
        figure_gist=figure_gist,
        number=format_number,
        measure_name=measure_name,
    )
    return env


def _found(key: str) -> bool:
    """Whether ``key`` (a path id) could name something stored: none holds a NUL character
    (and PostgreSQL would refuse the query), so such an id is simply not found."""
    return "\x00" not in key


async def read_article(request: Request) -> ArticleIn:
    """The request body as an ArticleIn: 415 unless JSON, 400 if malformed, 422 if invalid.
    The body is read under the size limit (``BodyLimit`` cuts it off past it: 413)."""
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type != "application/json" and not (
        content_type.startswith("application/") and content_type.endswith("+json")
    ):
        shown = content_type or "no Content-Type"
        raise ApiError(
            415,
            Code.E415,
            f"the body must be JSON ({shown!r} was sent): send the article as a JSON object "
            "with 'Content-Type: application/json'",
        )
    raw = await request.body()
    try:
        return ArticleIn.model_validate_json(raw)
    except ValidationError as err:
        found = err.errors(include_url=False, include_input=False, include_context=False)
        broken = next((e for e in found if e["type"] == "json_invalid"), None)
        if broken is not None:
            raise ApiError(
                400,
                Code.E400,
                f"the body is not valid JSON ({broken['msg']}): send one JSON object such as "
                '{"text": "...", "title": "..."} in UTF-8',
            ) from None
        raise errors.invalid(errors.field_problems(found)) from None


def create_app(
    store: Store | str, *, token: str | None = None, max_body: int = MAX_REQUEST_BYTES
) -> FastAPI:
    """The FastAPI app over ``store`` (a Store or a database URL).

    ``token``: the bearer token ``POST /api/articles`` requires; without one, ingest over the
    API is refused (403). ``max_body``: the largest request body accepted, in bytes (413 past
    it), from 1 KiB to 16 MiB.
    """
    if not MIN_REQUEST_BYTES <= max_body <= MAX_REQUEST_BYTES:
        raise OptionError(
            f"max body {max_body} bytes is out of range: use {MIN_REQUEST_BYTES} to "
            f"{MAX_REQUEST_BYTES} bytes (16 MiB, the size limit of one document)"
        )
    if token is not None and not token.strip():
        raise OptionError(
            "the token is empty: pass a non-empty --token, or none to turn off API ingest"
        )
    db = store if isinstance(store, Store) else Store(store)
    env = _templates()
    ingest_lock = threading.Lock()
    app = FastAPI(
        title="newsbrief",
        version=__version__,
        description="Story briefs over a newsbrief store: the newsbrief/1 contract as JSON.",
        docs_url=None,  # Swagger UI would load assets from a CDN; the schema is /openapi.json
        redoc_url=None,
    )
    app.state.store = db

    def page(name: str, status: int = 200, **context: Any) -> HTMLResponse:
        return HTMLResponse(env.get_template(name).render(**context), status_code=status)

    def error_page(status: int, title: str, message: str) -> Response:
        return page("error.html", status=status, title=title, message=message)

    errors.install(app, error_page)
    app.add_middleware(BodyLimit, limit=max_body, refuse=errors.refuse(error_page))
    app.add_middleware(SecurityHeaders)  # outermost: error responses carry the headers too

    def not_found(what: str) -> HTMLResponse:
        return page("error.html", status=404, title="Not found", message=f"No {what}.")

    # ------------------------------------------------------------ HTML

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def index(
        page_no: Annotated[int, Query(alias="page", ge=1, le=MAX_OFFSET // PAGE_SIZE)] = 1,
    ) -> HTMLResponse:
        stories = db.list_stories(limit=PAGE_SIZE + 1, offset=(page_no - 1) * PAGE_SIZE)
        counts = db.counts()
        return page(
            "index.html",
            title="Stories",
            stories=stories[:PAGE_SIZE],
            page_no=page_no,
            more=len(stories) > PAGE_SIZE,
            counts=counts,
        )

    pages = PageCache()

    @app.get("/stories/{story_id}", response_class=HTMLResponse, include_in_schema=False)
    async def story_page(story_id: str) -> HTMLResponse:
        # the hot path: one indexed read of the story's version, then the page rendered for
        # that version (no thread hop); a miss renders in the thread pool
        if not _found(story_id):
            return not_found(f"story {story_id!r}")
        version = db.story_version(story_id)
        cached = pages.get((story_id, version)) if version is not None else None
        if cached is not None:
            return HTMLResponse(cached)
        return await run_in_threadpool(render_story, story_id)

    def render_story(story_id: str) -> HTMLResponse:
        found = db.story_page(story_id)
        if found is None:
            return not_found(f"story {story_id!r}")
        summary, story, articles = found
        numbers = {a: n for n, a in enumerate(story.articles, start=1)}
        outlets = {i: a.outlet or "unknown outlet" for i, a in articles.items()}
        charts = [views.figure_chart(f, numbers, outlets) for f in story.figures]
        html = env.get_template("story.html").render(
            title=story.title,
            summary=summary,
            story=story,
            articles=articles,
            numbers=numbers,
            charts=charts,
        )
        pages.put((story_id, summary.version), html)
        return HTMLResponse(html)

    @app.get("/articles/{article_id}", response_class=HTMLResponse, include_in_schema=False)
    def article_page(article_id: str) -> HTMLResponse:
        article = db.article(article_id) if _found(article_id) else None
        if article is None:
            return not_found(f"article {article_id!r}")
        spans = views.article_spans(article)
        paragraphs = [
            views.highlight(p, spans.get(i, [])) for i, p in enumerate(article.paragraphs)
        ]
        title = views.highlight(article.title or "", spans.get(-1, []))
        return page(
            "article.html",
            title=article.title or article.id,
            article=article,
            story_id=db.article_story(article.id),
            heading=title,
            paragraphs=paragraphs,
        )

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    def search_page(q: Annotated[str, Query(max_length=500, pattern=NO_NUL)] = "") -> HTMLResponse:
        articles, quotes = db.search(q) if q.strip() else ([], [])
        return page(
            "search.html",
            title=f"Search: {q}" if q else "Search",
            q=q,
            articles=[(h, views.snippet(h.text, q)) for h in articles],
            quotes=[(h, views.snippet(h.text, q, width=400)) for h in quotes],
        )

    # ------------------------------------------------------------ JSON API

    @app.get(
        "/api/stories",
        response_model=list[StoryItem],
        tags=["stories"],
        responses=error_responses(422),
    )
    def api_stories(
        limit: Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE)] = PAGE_SIZE,
        offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
    ) -> list[StoryItem]:
        """Stories, newest first."""
        return [_item(x) for x in db.list_stories(limit=limit, offset=offset)]

    @app.get(
        "/api/stories/{story_id}",
        response_model=Story,
        tags=["stories"],
        responses=error_responses(404, 422),  # 422 declared so FastAPI adds no other shape
    )
    def api_story(story_id: str) -> Response:
        """The story's brief: the contract's story object (newsbrief/1)."""
        body = db.brief_json(story_id) if _found(story_id) else None
        if body is None:
            raise ApiError(
                404, Code.E404, f"no story {story_id!r}: the stories are listed at /api/stories"
            )
        return Response(content=body, media_type="application/json")

    @app.get(
        "/api/articles/{article_id}",
        response_model=Article,
        tags=["articles"],
        responses=error_responses(404, 422),  # 422 declared so FastAPI adds no other shape
    )
    def api_article(article_id: str) -> Response:
        """One article with its extractions: the contract's article object (newsbrief/1)."""
        article = db.article(article_id) if _found(article_id) else None
        if article is None:
            raise ApiError(
                404,
                Code.E404,
                f"no article {article_id!r}: a story's articles are listed at /api/stories/{{id}}",
            )
        return Response(content=article.model_dump_json(), media_type="application/json")

    @app.get(
        "/api/search",
        response_model=SearchResults,
        tags=["search"],
        responses=error_responses(422),
    )
    def api_search(
        q: Annotated[str, Query(min_length=1, max_length=500, pattern=NO_NUL)],
    ) -> SearchResults:
        """Articles and quotes containing every word of ``q``."""
        articles, quotes = db.search(q)

        def result(hit: Any) -> SearchResult:
            a = hit.article
            return SearchResult(
                article=a.id,
                title=a.title,
                outlet=a.outlet,
                published=a.published,
                story=a.story_id,
                text=hit.text,
                speaker=hit.speaker,
            )

        return SearchResults(
            query=q, articles=[result(h) for h in articles], quotes=[result(h) for h in quotes]
        )

    def authorised(credentials: Credentials) -> None:
        """Writes need the server's token: none configured refuses them all (403, E403); no
        bearer token is 401 (E401); a wrong one 403 (E402), compared in constant time."""
        if token is None:
            raise ApiError(
                403,
                Code.E403,
                "ingest over the API is disabled: start `newsbrief serve` with --token "
                "or NEWSBRIEF_TOKEN",
            )
        if credentials is None or credentials.scheme.lower() != "bearer":
            raise ApiError(
                401,
                Code.E401,
                "send the ingest token as 'Authorization: Bearer <token>'",
                headers={"WWW-Authenticate": "Bearer"},
            )
        if not hmac.compare_digest(credentials.credentials.encode(), token.encode()):
            raise ApiError(
                403,
                Code.E402,
                "wrong token: send the token the server was started with (--token)",
                headers={"WWW-Authenticate": 'Bearer error="invalid_token"'},
            )

    @app.post(
        "/api/articles",
        response_model=IngestResult,
        status_code=201,
        tags=["articles"],
        dependencies=[Depends(authorised)],
        responses={
            200: {"description": "Already stored (same content)", "model": IngestResult},
            **error_responses(400, 401, 403, 413, 415, 422),
        },
        openapi_extra={"requestBody": ARTICLE_IN_BODY},
    )
    async def api_ingest(request: Request) -> JSONResponse:
        """Ingest one article (requires ``Authorization: Bearer <token>``); its story's brief
        is updated. The JSON body is an ArticleIn, at most the server's --max-body bytes."""
        body = await read_article(request)
        return await run_in_threadpool(ingest_one, body)

    def ingest_one(body: ArticleIn) -> JSONResponse:
        content = body.text if body.text and body.text.strip() else body.html
        if not content or not content.strip():
            raise ApiError(
                422, Code.E423, 'no article text: send the article under "text" or "html"'
            )
        doc = RawDocument(
            source=f"api#{body.id}" if body.id else "api",
            content=content,
            format="text" if content is body.text else "html",
            title=body.title,
            outlet=body.outlet,
            url=body.url,
            published=body.published,
        )
        if not body.id:
            doc = doc.model_copy(update={"source": f"api#{content_hash(doc)[:16]}"})
        with ingest_lock:
            report = ingest_documents(db, [doc], options=IngestOptions())
        if report.added:
            article_id = report.added[0]
            result = IngestResult(
                article=article_id, story=report.story_of.get(article_id), created=True
            )
            return JSONResponse(result.model_dump(), status_code=201)
        if report.skipped:
            existing = db.article_by_hash(content_hash(doc))
            result = IngestResult(
                article=existing,
                story=db.article_story(existing) if existing else None,
                created=False,
            )
            return JSONResponse(result.model_dump(), status_code=200)
        raise ApiError(
            422,
            Code.E423,
            "; ".join(e.error for e in report.errors) or "the article could not be used",
        )

    return app
