"""Request body size limit, enforced while the body streams in (pure ASGI middleware).

A declared ``Content-Length`` over the limit is refused at once, before any byte is read; a
body without one (chunked) is counted as it arrives and cut off as soon as it passes the limit.
So no request makes the server hold more than ``limit`` bytes of body in memory.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]
Refuse = Callable[[Scope, Send, "BodyTooLarge | BadContentLength"], Awaitable[None]]


class BodyTooLarge(Exception):
    """The request body is (or declares itself) over ``limit`` bytes."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        super().__init__(f"request body over {limit} bytes")


class BadContentLength(Exception):
    """The ``Content-Length`` header is not a non-negative integer."""

    def __init__(self, value: str) -> None:
        self.value = value
        super().__init__(f"invalid Content-Length {value!r}")


def declared_length(scope: Scope) -> int | None:
    """The request's ``Content-Length`` (None when absent); BadContentLength when unusable."""
    for name, value in scope.get("headers", []):
        if name == b"content-length":
            text = value.decode("latin-1").strip()
            if not text.isdigit() or not text.isascii():
                raise BadContentLength(text)
            return int(text)
    return None


class BodyLimit:
    """Refuses request bodies over ``limit`` bytes; ``refuse`` sends the error response.

    Inside the app, an over-long streamed body surfaces as ``BodyTooLarge`` raised by
    ``receive`` (the app's exception handler answers 413); should it escape the app before a
    response started, this middleware answers with ``refuse`` itself.
    """

    def __init__(self, app: ASGIApp, *, limit: int, refuse: Refuse) -> None:
        self.app = app
        self.limit = limit
        self.refuse = refuse

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        try:
            length = declared_length(scope)
        except BadContentLength as err:
            await self.refuse(scope, send, err)
            return
        if length is not None and length > self.limit:
            await self.refuse(scope, send, BodyTooLarge(self.limit))
            return
        received = 0
        started = False

        async def counted_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.limit:
                    raise BodyTooLarge(self.limit)
            return message

        async def tracked_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, counted_receive, tracked_send)
        except BodyTooLarge as err:
            if started:
                raise
            await self.refuse(scope, send, err)
