"""Writes need the token: 401 without one, 403 for a wrong one, 403 for every write when the
server has none; the token is checked in constant time and before the body is read. On SQLite
and PostgreSQL; each refusal leaves the store untouched."""

from __future__ import annotations

import hmac
from typing import Any

import pytest
from fastapi.testclient import TestClient

from newsbrief.errors import OptionError
from newsbrief.web import create_app

TOKEN = "auth-token-8c1f"
ARTICLE = {"id": "ferry-1", "text": "The Brisket Bay ferry ran aground on Tuesday, its owner said."}


def code_of(response: Any) -> str:
    assert response.headers["content-type"].startswith("application/json"), response.text
    return str(response.json()["error"]["code"])


def post(client: TestClient, headers: dict[str, Any] | None = None, **kw: Any) -> Any:
    kw.setdefault("json", ARTICLE)
    return client.post("/api/articles", headers=headers or {}, **kw)


NO_TOKEN: list[dict[str, Any]] = [  # headers that carry no bearer token: 401
    {},
    {"Authorization": ""},
    {"Authorization": "Bearer"},
    {"Authorization": "Bearer "},
    {"Authorization": f"Basic {TOKEN}"},
    {"Authorization": TOKEN},
    {"X-Token": TOKEN},
]
WRONG_TOKEN: list[str | bytes] = [  # a bearer token that is not the server's: 403
    "wrong",
    TOKEN[:-1],
    TOKEN + "x",
    TOKEN.upper(),
    " " + TOKEN + "x",
    "é".encode() * 8,  # raw non-ASCII bytes in the header
]


def test_writes_without_a_token_are_401(empty_db: str) -> None:
    client = TestClient(create_app(empty_db, token=TOKEN))
    for headers in NO_TOKEN:
        response = post(client, headers)
        assert response.status_code == 401, headers
        assert code_of(response) == "E401"
        assert response.headers["www-authenticate"].startswith("Bearer")
    assert client.get("/api/stories").json() == []


def test_writes_with_a_wrong_token_are_403(empty_db: str) -> None:
    client = TestClient(create_app(empty_db, token=TOKEN))
    for wrong in WRONG_TOKEN:
        header = b"Bearer " + wrong if isinstance(wrong, bytes) else f"Bearer {wrong}"
        response = post(client, {"Authorization": header})
        assert response.status_code == 403, wrong
        assert code_of(response) == "E402"
    assert client.get("/api/stories").json() == []
    ok = post(client, {"Authorization": f"Bearer {TOKEN}"})  # the scheme is case-insensitive
    assert ok.status_code == 201, ok.text
    again = post(client, {"Authorization": f"bearer {TOKEN}"})
    assert again.status_code == 200 and again.json()["created"] is False


def test_without_a_configured_token_every_write_is_refused(empty_db: str) -> None:
    client = TestClient(create_app(empty_db))  # no --token: writes are off, not open
    for headers in [*NO_TOKEN, {"Authorization": f"Bearer {TOKEN}"}, {"Authorization": "Bearer "}]:
        response = post(client, headers)
        assert response.status_code == 403, headers
        assert code_of(response) == "E403"
        assert "--token" in response.json()["error"]["message"]
    assert client.get("/api/stories").json() == []


def test_an_empty_token_is_refused_at_startup(empty_db: str) -> None:
    for blank in ("", "   "):
        with pytest.raises(OptionError, match="E301"):
            create_app(empty_db, token=blank)


def test_the_token_is_compared_in_constant_time(
    empty_db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[tuple[bytes, bytes]] = []
    real = hmac.compare_digest

    def spy(a: bytes, b: bytes) -> bool:
        seen.append((a, b))
        return real(a, b)

    monkeypatch.setattr(hmac, "compare_digest", spy)
    client = TestClient(create_app(empty_db, token=TOKEN))
    assert post(client, {"Authorization": "Bearer guess"}).status_code == 403
    assert seen == [(b"guess", TOKEN.encode())]


def test_the_token_is_checked_before_the_body(empty_db: str) -> None:
    """An unauthenticated request is refused as such whatever its body: malformed, not JSON,
    or of the wrong type (the server does not parse what it will refuse). Only a declared
    Content-Length over the limit is refused first (413), before anything is read."""
    client = TestClient(create_app(empty_db, token=TOKEN), raise_server_exceptions=False)
    bodies: list[dict[str, Any]] = [
        {"content": b'{"text": ', "headers": {"Content-Type": "application/json"}},
        {"content": b"text=1", "headers": {"Content-Type": "text/plain"}},
        {"json": {"text": 5}},
    ]
    for body in bodies:
        headers = body.pop("headers", {})
        assert post(client, headers, **body).status_code == 401
        wrong = {**headers, "Authorization": "Bearer nope"}
        assert post(client, wrong, **body).status_code == 403
