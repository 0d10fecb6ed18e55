"""Request bodies are capped while they stream in: a Content-Length over the limit is refused
before any byte is read, a chunked body is cut off as soon as it passes the limit, and a body
at the limit goes through. Checked at the ASGI level (counting what the app reads) and over a
real socket against uvicorn. On SQLite and PostgreSQL."""

from __future__ import annotations

import json
import select
import socket
import threading
import time
from collections.abc import Iterator
from typing import Any

import anyio
import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from newsbrief.errors import OptionError
from newsbrief.ingest.limits import MAX_DOCUMENT_BYTES, MAX_REQUEST_BYTES
from newsbrief.web import create_app

TOKEN = "limit-token"
LIMIT = 8 * 1024
CHUNK = 1024
ARTICLE_TEXT = "The Brisket Bay ferry ran aground on Tuesday, its owner, Tallow Lines, said. "


def asgi_post(
    app: Any, *, path: str = "/api/articles", length: int | None, chunks: int | None
) -> tuple[int, bytes, int]:
    """POST straight to the ASGI app with a body of ``chunks`` chunks of CHUNK bytes (None:
    endless) and an optional Content-Length; returns (status, body, bytes the app read)."""
    read = 0
    sent: list[dict[str, Any]] = []
    headers = [
        (b"authorization", f"Bearer {TOKEN}".encode()),
        (b"content-type", b"application/json"),
    ]
    if length is not None:
        headers.append((b"content-length", str(length).encode()))
    scope = {
        "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "POST",
        "scheme": "http", "path": path, "raw_path": path.encode(), "query_string": b"",
        "root_path": "", "headers": headers, "client": ("127.0.0.1", 5000),
        "server": ("testserver", 80),
    }  # fmt: skip
    count = 0

    async def receive() -> dict[str, Any]:
        nonlocal read, count
        count += 1
        if chunks is not None and count > chunks:
            return {"type": "http.disconnect"}
        read += CHUNK
        assert read <= 100 * LIMIT, "the app kept reading far past its limit"
        more = chunks is None or count < chunks
        return {"type": "http.request", "body": b" " * CHUNK, "more_body": more}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    anyio.run(app, scope, receive, send)
    start = next(m for m in sent if m["type"] == "http.response.start")
    body = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    return int(start["status"]), body, read


@pytest.fixture
def app(empty_db: str) -> Any:
    return create_app(empty_db, token=TOKEN, max_body=LIMIT)


def test_declared_length_over_the_limit_is_refused_unread(app: Any) -> None:
    status, body, read = asgi_post(app, length=LIMIT + 1, chunks=None)
    assert status == 413 and read == 0
    error = json.loads(body)["error"]
    assert error["code"] == "E413" and f"{LIMIT:,}" in error["message"]
    status, body, read = asgi_post(app, length=10**12, chunks=None)  # a terabyte, declared
    assert status == 413 and read == 0


def test_a_streamed_body_is_cut_off_past_the_limit(app: Any) -> None:
    status, body, read = asgi_post(app, length=None, chunks=None)  # endless, no Content-Length
    assert status == 413
    assert json.loads(body)["error"]["code"] == "E413"
    assert LIMIT < read <= LIMIT + CHUNK  # stopped at the first chunk past the limit


def test_a_body_under_the_limit_is_read_whole(app: Any) -> None:
    status, body, read = asgi_post(app, length=None, chunks=LIMIT // CHUNK)
    assert read == LIMIT and status == 400  # read to the end, then found not to be JSON
    assert json.loads(body)["error"]["code"] == "E400"


def test_a_body_at_the_limit_is_accepted(app: Any) -> None:
    client = TestClient(app)
    auth = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"}
    text = (ARTICLE_TEXT * 200)[: LIMIT - 100]
    raw = json.dumps({"text": text}).encode()
    raw += b" " * (LIMIT - len(raw))  # JSON whitespace pads the body to exactly the limit
    assert len(raw) == LIMIT
    assert client.post("/api/articles", content=raw, headers=auth).status_code == 201
    over = client.post("/api/articles", content=raw + b" ", headers=auth)
    assert over.status_code == 413 and over.json()["error"]["code"] == "E413"


def test_chunked_upload_through_the_test_client(app: Any) -> None:
    client = TestClient(app)
    auth = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"}

    def stream() -> Iterator[bytes]:
        yield b'{"text": "'
        for _ in range(1000):
            yield b"x" * CHUNK

    response = client.post("/api/articles", content=stream(), headers=auth)
    assert response.status_code == 413 and response.json()["error"]["code"] == "E413"
    assert client.get("/api/stories").json() == []


def test_a_bad_content_length_is_400(app: Any) -> None:
    for value in (b"-1", b"12abc", b"\xd9\xa3"):  # negative, junk, a non-ASCII digit
        status, body = _with_length(app, value)
        assert status == 400 and json.loads(body)["error"]["code"] == "E400", value


def _with_length(app: Any, value: bytes) -> tuple[int, bytes]:
    sent: list[dict[str, Any]] = []
    scope = {
        "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "POST",
        "scheme": "http", "path": "/api/articles", "raw_path": b"/api/articles",
        "query_string": b"", "root_path": "", "headers": [(b"content-length", value)],
        "client": ("127.0.0.1", 5000), "server": ("testserver", 80),
    }  # fmt: skip

    async def receive() -> dict[str, Any]:
        raise AssertionError("the body must not be read")

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    anyio.run(app, scope, receive, send)
    status = next(m["status"] for m in sent if m["type"] == "http.response.start")
    return int(status), b"".join(m.get("body", b"") for m in sent[1:])


def test_pages_get_an_html_413(app: Any) -> None:
    status, body, read = asgi_post(app, path="/search", length=LIMIT + 1, chunks=None)
    assert status == 413 and read == 0 and body.startswith(b"<!doctype html>")


def test_the_limit_is_stated_and_bounded(empty_db: str) -> None:
    assert MAX_REQUEST_BYTES == MAX_DOCUMENT_BYTES == 16 * 1024 * 1024
    for bad in (0, 1023, MAX_REQUEST_BYTES + 1):
        with pytest.raises(OptionError, match="E301"):
            create_app(empty_db, token=TOKEN, max_body=bad)


def test_serve_refuses_an_out_of_range_max_body(empty_db: str) -> None:
    from newsbrief.cli import app as cli

    result = CliRunner().invoke(cli, ["serve", "--db", empty_db, "--max-body", "10"])
    assert result.exit_code == 2 and "E301" in result.output


# ---------------------------------------------------------------- over a real socket


@pytest.fixture
def server(app: Any) -> Iterator[tuple[str, int]]:
    """uvicorn serving ``app`` on a free local port, in a thread."""
    import uvicorn

    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    config = uvicorn.Config(app, log_level="warning", lifespan="off")
    instance = uvicorn.Server(config)
    thread = threading.Thread(target=instance.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not instance.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    yield "127.0.0.1", port
    instance.should_exit = True
    thread.join(timeout=10)
    sock.close()


HEAD = (
    "POST /api/articles HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer {token}\r\n"
    "Content-Type: application/json\r\n{framing}\r\n"
)


def _status(response: bytes) -> int:
    return int(response.split(b" ", 2)[1])


def _read_all(conn: socket.socket, first: bytes = b"") -> bytes:
    """The rest of the response, up to the server closing the connection."""
    data = first
    try:
        while part := conn.recv(65536):
            data += part
    except ConnectionResetError:
        pass
    return data


def test_uvicorn_refuses_a_large_declared_body_before_it_is_sent(
    server: tuple[str, int],
) -> None:
    with socket.create_connection(server, timeout=10) as conn:
        conn.sendall(HEAD.format(token=TOKEN, framing="Content-Length: 1000000000\r\n").encode())
        response = _read_all(conn)  # answered, and closed, with no body byte sent
    assert _status(response) == 413
    assert b'"E413"' in response and b"application/json" in response


def test_uvicorn_cuts_off_an_endless_chunked_body(server: tuple[str, int]) -> None:
    """The client streams chunks until the server hangs up: it must hang up (not drain the
    body) soon after the limit, and answer 413 first."""
    chunk = b"%x\r\n%s\r\n" % (CHUNK, b" " * CHUNK)
    sent, response, closed = 0, b"", False
    cap = 64 * 1024 * 1024  # what an unbounded server would swallow (far past socket buffers)
    with socket.create_connection(server, timeout=10) as conn:
        conn.sendall(HEAD.format(token=TOKEN, framing="Transfer-Encoding: chunked\r\n").encode())
        try:
            while sent < cap:
                conn.sendall(chunk)
                sent += CHUNK
                if select.select([conn], [], [], 0)[0]:
                    part = conn.recv(65536)
                    if not part:
                        break  # closed by the server
                    response += part
        except (BrokenPipeError, ConnectionResetError):
            closed = True
        else:
            closed = sent < cap
    assert closed and sent < cap // 4, f"the server kept reading: {sent} bytes sent"
    if response:  # the 413 (or its first bytes) reached us before the connection was reset
        assert _status(response) == 413
        body = response.partition(b"\r\n\r\n")[2]
        assert not body or b"E413" in body
