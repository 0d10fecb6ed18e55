"""Error responses of the web service: one JSON shape for the API, error pages for the UI.

Every error the API returns (``/api/...``) is ``{"error": {"code", "message", "fields"}}``: a
stable code (``newsbrief.errors.Code``, E4xx), what went wrong and the fix, and for invalid
input the fields at fault. HTML pages answer with an error page of the same status. Client
mistakes get 4xx; anything else is a bug, answered 500 (E450) without a traceback and logged.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from newsbrief.errors import Code
from newsbrief.web.body_limit import BadContentLength, BodyTooLarge, Refuse, Scope, Send

API_PREFIX = "/api"
SCHEMA_HINT = "the API is described at /openapi.json"


class FieldProblem(BaseModel):
    """One invalid parameter or body field."""

    location: str = Field(description="Where: 'query', 'path', 'header' or 'body'.")
    field: str = Field(description="The parameter or field name (dotted for nested fields).")
    message: str = Field(description="What is wrong with it.")


class ErrorDetail(BaseModel):
    """What went wrong and how to fix it."""

    code: str = Field(pattern=r"^E\d{3}$", description="Stable error code (E4xx).")
    message: str = Field(description="What went wrong, and the fix.")
    fields: list[FieldProblem] = Field(
        default_factory=list, description="The invalid parameters or fields, if any."
    )


class ErrorBody(BaseModel):
    """The body of every API error response."""

    error: ErrorDetail


class ApiError(Exception):
    """An error answered with ``status`` and the JSON error body (or an error page)."""

    def __init__(
        self,
        status: int,
        code: Code,
        message: str,
        *,
        fields: Sequence[FieldProblem] = (),
        headers: Mapping[str, str] | None = None,
    ) -> None:
        self.status = status
        self.code = code
        self.message = message
        self.fields = list(fields)
        self.headers = dict(headers or {})
        super().__init__(f"[{code.value}] {message}")


def _described(description: str) -> dict[str, Any]:
    return {"model": ErrorBody, "description": description}


ERRORS: dict[int, str] = {
    400: "Malformed request (body is not valid JSON)",
    401: "No bearer token",
    403: "Wrong token, or writes disabled",
    404: "No such story, article or endpoint",
    405: "Method not allowed",
    413: "Request body over the size limit",
    415: "Request body is not JSON",
    422: "Invalid parameter or field",
}


def error_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI ``responses`` declaring the error body for ``statuses`` (for the route decorator)."""
    return {status: _described(ERRORS[status]) for status in statuses}


def is_api(path: str) -> bool:
    """Whether ``path`` belongs to the JSON API (errors as JSON) rather than the HTML pages."""
    return path == API_PREFIX or path.startswith(API_PREFIX + "/")


def json_error(err: ApiError) -> JSONResponse:
    """The JSON error response for ``err``."""
    body = ErrorBody(error=ErrorDetail(code=err.code.value, message=err.message, fields=err.fields))
    return JSONResponse(body.model_dump(), status_code=err.status, headers=err.headers)


def field_problems(errors: Iterable[Mapping[str, Any]]) -> list[FieldProblem]:
    """Pydantic/FastAPI validation errors as FieldProblems (the input itself is not echoed)."""
    problems = []
    for e in errors:
        loc = [str(x) for x in e.get("loc", ())]
        where = loc[0] if loc and loc[0] in {"query", "path", "header", "body", "cookie"} else ""
        name = ".".join(loc[1:] if where else loc) or "(the body)"
        problems.append(FieldProblem(location=where or "body", field=name, message=e["msg"]))
    return problems


def invalid(problems: Sequence[FieldProblem]) -> ApiError:
    """The 422 error for invalid parameters or fields."""
    listed = "; ".join(f"{p.location} {p.field!r}: {p.message}" for p in problems)
    return ApiError(
        422, Code.E422, f"invalid request: {listed}. Fix these ({SCHEMA_HINT})", fields=problems
    )


def too_large(limit: int) -> ApiError:
    """The 413 error for a body over ``limit`` bytes."""
    return ApiError(
        413,
        Code.E413,
        f"request body over the limit of {limit:,} bytes: send one article per request, or "
        "start the server with a larger --max-body (at most 16 MiB)",
    )


def from_http_exception(exc: StarletteHTTPException, request: Request) -> ApiError:
    """Errors raised by the framework itself (unknown path, wrong method) as ApiErrors."""
    headers = dict(exc.headers or {})
    if exc.status_code == 404:
        return ApiError(
            404, Code.E404, f"no endpoint {request.url.path!r}: {SCHEMA_HINT}", headers=headers
        )
    if exc.status_code == 405:
        allowed = headers.get("Allow") or headers.get("allow") or "see /openapi.json"
        return ApiError(
            405,
            Code.E405,
            f"{request.method} is not allowed on {request.url.path!r}; allowed: {allowed}",
            headers=headers,
        )
    code = Code.E422 if exc.status_code == 422 else Code.E400
    status = exc.status_code if 400 <= exc.status_code < 500 else 400
    return ApiError(status, code, str(exc.detail), headers=headers)


BODILESS = frozenset({"GET", "HEAD", "OPTIONS", "DELETE", "TRACE"})
"""Methods whose requests carry no body in practice."""

HtmlError = Callable[[int, str, str], Response]
"""Renders an error page: (status, title, message) -> response."""


def install(app: FastAPI, html_error: HtmlError) -> None:
    """Register the handlers that turn every error into the JSON body (API) or a page (UI)."""

    def answer(request: Request, err: ApiError) -> Response:
        if is_api(request.url.path):
            response: Response = json_error(err)
        else:
            title = "Not found" if err.status == 404 else "Cannot do that"
            response = html_error(err.status, title, err.message)
            response.headers.update(err.headers)
        if request.method not in BODILESS:
            # a refused write may leave body unread: closing the connection stops the server
            # from reading (and discarding) the rest, however long the client keeps sending
            response.headers["connection"] = "close"
        return response

    async def on_api_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, ApiError)
        return answer(request, exc)

    async def on_http_exception(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, StarletteHTTPException)
        return answer(request, from_http_exception(exc, request))

    async def on_validation(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        return answer(request, invalid(field_problems(jsonable_encoder(exc.errors()))))

    async def on_too_large(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, BodyTooLarge)
        return answer(request, too_large(exc.limit))

    async def on_bug(request: Request, exc: Exception) -> Response:
        # the server logs the traceback (Starlette re-raises after answering); the client
        # gets none
        err = ApiError(
            500,
            Code.E450,
            "unexpected server error (a bug: please report it with the request that caused it)",
        )
        return answer(request, err)

    app.add_exception_handler(ApiError, on_api_error)
    app.add_exception_handler(StarletteHTTPException, on_http_exception)
    app.add_exception_handler(RequestValidationError, on_validation)
    app.add_exception_handler(BodyTooLarge, on_too_large)
    app.add_exception_handler(Exception, on_bug)


def refuse(html_error: HtmlError) -> Refuse:
    """The BodyLimit middleware's responder: 413 (or 400 for a bad Content-Length), as JSON
    for the API and as a page elsewhere, sent before the app sees the request."""

    async def respond(scope: Scope, send: Send, exc: BodyTooLarge | BadContentLength) -> None:
        if isinstance(exc, BadContentLength):
            err = ApiError(400, Code.E400, f"Content-Length {exc.value!r} is not a number of bytes")
        else:
            err = too_large(exc.limit)
        path = str(scope.get("path", ""))
        if is_api(path):
            response: Response = json_error(err)
        else:
            response = html_error(err.status, "Cannot do that", err.message)
        response.headers["connection"] = "close"

        async def no_body() -> dict[str, Any]:
            return {"type": "http.disconnect"}

        await response(scope, no_body, send)

    return respond
