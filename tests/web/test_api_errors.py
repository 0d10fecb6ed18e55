"""Every API error is JSON of one shape with a stable code and a fix; no client mistake gets a
500, no error leaks a traceback; HTML pages answer bad input with an error page, not a 500.
On SQLite and PostgreSQL (the store is the demo corpus; ids with NUL characters would make
PostgreSQL raise, so they are checked on both)."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient
from storefixtures import BACKENDS, PostgresDatabases, database_url

from newsbrief.store import Store
from newsbrief.web import create_app

TOKEN = "errors-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
JSON = {"Content-Type": "application/json"}


@pytest.fixture(scope="module")
def client(demo_store: Store) -> TestClient:
    # raise_server_exceptions=False: a 500 is answered like a real server would (and fails
    # the status assertions below) instead of surfacing as an exception in the test
    return TestClient(create_app(demo_store, token=TOKEN), raise_server_exceptions=False)


@pytest.fixture(scope="module", params=BACKENDS)
def writable(
    request: pytest.FixtureRequest,
    pg: tuple[PostgresDatabases | None, str],
    tmp_path_factory: pytest.TempPathFactory,
) -> TestClient:
    """A client over an empty store, shared by the write tests (none of which may store)."""
    url = database_url(str(request.param), pg, tmp_path_factory.mktemp("errors"))
    return TestClient(create_app(url, token=TOKEN), raise_server_exceptions=False)


def assert_error(response: Any, status: int, code: str) -> dict[str, Any]:
    """The response is the JSON error body with ``status`` and ``code``; returns the error."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"}, body
    error = body["error"]
    assert set(error) == {"code", "message", "fields"}, error
    assert error["code"] == code, error
    assert isinstance(error["message"], str) and len(error["message"]) > 20
    assert "Traceback" not in response.text and 'File "' not in response.text
    return dict(error)


READS = [  # (what, path and query, status, code, field at fault or None)
    ("negative limit", "/api/stories?limit=-1", 422, "E422", "limit"),
    ("zero limit", "/api/stories?limit=0", 422, "E422", "limit"),
    ("huge page size", "/api/stories?limit=100000", 422, "E422", "limit"),
    ("limit not a number", "/api/stories?limit=ten", 422, "E422", "limit"),
    ("negative offset", "/api/stories?offset=-5", 422, "E422", "offset"),
    ("offset past 64 bits", "/api/stories?offset=" + "9" * 30, 422, "E422", "offset"),
    ("float offset", "/api/stories?offset=1.5", 422, "E422", "offset"),
    ("search without q", "/api/search", 422, "E422", "q"),
    ("empty q", "/api/search?q=", 422, "E422", "q"),
    ("q too long", "/api/search?q=" + "a" * 501, 422, "E422", "q"),
    ("q with NUL", "/api/search?q=bridge%00", 422, "E422", "q"),
    ("unknown story", "/api/stories/s999", 404, "E404", None),
    ("story id with NUL", "/api/stories/s1%00", 404, "E404", None),
    ("unknown article", "/api/articles/nope", 404, "E404", None),
    ("article id with NUL", "/api/articles/%00", 404, "E404", None),
    ("unknown endpoint", "/api/nothing-here", 404, "E404", None),
    ("the bare prefix", "/api", 404, "E404", None),
]


@pytest.mark.parametrize(
    ("what", "url", "status", "code", "field"), READS, ids=[r[0] for r in READS]
)
def test_bad_reads_get_coded_json_errors(
    client: TestClient, what: str, url: str, status: int, code: str, field: str | None
) -> None:
    error = assert_error(client.get(url), status, code)
    if field is not None:
        assert [f["field"] for f in error["fields"]] == [field], error
        assert field in error["message"]


def test_wrong_method_is_405_with_allow(client: TestClient) -> None:
    for method, url in (
        ("DELETE", "/api/stories"),
        ("PUT", "/api/articles"),
        ("PATCH", "/api/search"),
    ):
        response = client.request(method, url)
        error = assert_error(response, 405, "E405")
        assert response.headers["allow"] and response.headers["allow"] in error["message"]


WRITES = [  # (what, raw body, content type, status, code)
    ("malformed JSON", b'{"text": "cut off', "application/json", 400, "E400"),
    ("not UTF-8", b'{"text": "\xff\xfe"}', "application/json", 400, "E400"),
    ("lone surrogate escape", b'{"text": "\\ud800"}', "application/json", 400, "E400"),
    ("empty body", b"", "application/json", 400, "E400"),
    ("deep nesting", b"[" * 10_000 + b"]" * 10_000, "application/json", 400, "E400"),
    ("form instead of JSON", b"text=hello", "application/x-www-form-urlencoded", 415, "E415"),
    ("plain text", b"hello", "text/plain", 415, "E415"),
    ("no content type", b'{"text": "hello"}', None, 415, "E415"),
    ("array", b'["a text"]', "application/json", 422, "E422"),
    ("string", b'"a text"', "application/json", 422, "E422"),
    ("text not a string", b'{"text": 42}', "application/json", 422, "E422"),
    (
        "title not a string",
        b'{"text": "A bridge.", "title": ["x"]}',
        "application/json",
        422,
        "E422",
    ),
    ("no text at all", b'{"title": "Only a title"}', "application/json", 422, "E422"),
    ("blank text", b'{"text": "  \\n "}', "application/json", 422, "E422"),
    ("NUL in text", b'{"text": "a\\u0000b"}', "application/json", 422, "E422"),
    (
        "text over the ingest limit (the schema says so)",
        b'{"text": "' + b"a " * 500_001 + b'"}',
        "application/json",
        422,
        "E422",
    ),
    (
        "id too long",
        b'{"text": "A bridge.", "id": "' + b"x" * 300 + b'"}',
        "application/json",
        422,
        "E422",
    ),
]


@pytest.mark.parametrize(
    ("what", "raw", "ctype", "status", "code"), WRITES, ids=[w[0] for w in WRITES]
)
def test_bad_writes_get_coded_json_errors(
    writable: TestClient, what: str, raw: bytes, ctype: str | None, status: int, code: str
) -> None:
    client = writable
    headers = dict(AUTH) | ({"Content-Type": ctype} if ctype else {})
    response = client.post("/api/articles", content=raw, headers=headers)
    assert_error(response, status, code)
    assert client.get("/api/stories").json() == []  # nothing was stored


def test_invalid_fields_are_named(writable: TestClient) -> None:
    response = writable.post("/api/articles", json={"text": 1, "outlet": 2}, headers=AUTH)
    error = assert_error(response, 422, "E422")
    assert {(f["location"], f["field"]) for f in error["fields"]} == {
        ("body", "text"),
        ("body", "outlet"),
    }


def test_unusable_article_is_422_with_the_ingest_error(writable: TestClient) -> None:
    response = writable.post("/api/articles", json={"html": "<div> <br> </div>"}, headers=AUTH)
    error = assert_error(response, 422, "E423")
    assert writable.get("/api/stories").json() == []
    assert "[E10" in error["message"]  # the ingest error's own code and fix


def test_a_bug_is_a_500_without_a_traceback(
    demo_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = create_app(demo_store, token=TOKEN)
    client = TestClient(app, raise_server_exceptions=False)

    def broken(**_: Any) -> Any:
        raise RuntimeError("internal detail /srv/secret.db")

    monkeypatch.setattr(demo_store, "list_stories", broken)
    response = client.get("/api/stories")
    error = assert_error(response, 500, "E450")
    assert "secret" not in response.text and "RuntimeError" not in response.text
    page = client.get("/")
    assert page.status_code == 500 and page.headers["content-type"].startswith("text/html")
    assert "secret" not in page.text and "Traceback" not in page.text
    assert "report it" in error["message"]


PAGES = [  # (what, url, status)
    ("page zero", "/?page=0", 422),
    ("page not a number", "/?page=two", 422),
    ("page past any offset", "/?page=" + "9" * 25, 422),
    ("search with NUL", "/search?q=%00", 422),
    ("search too long", "/search?q=" + "b" * 600, 422),
    ("story id with NUL", "/stories/s1%00", 404),
    ("article id with NUL", "/articles/a%00b", 404),
    ("unknown story", "/stories/nope", 404),
    ("unknown page", "/no/such/page", 404),
    ("wrong method", "/stories/s1", 405),
]


@pytest.mark.parametrize(("what", "url", "status"), PAGES, ids=[p[0] for p in PAGES])
def test_bad_page_requests_get_error_pages(
    client: TestClient, what: str, url: str, status: int
) -> None:
    method = "POST" if status == 405 else "GET"
    response = client.request(method, url)
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("text/html")
    assert "<h1>" in response.text and "Traceback" not in response.text
    assert "default-src 'none'" in response.headers["content-security-policy"]


def test_openapi_declares_the_error_body(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    assert "ErrorBody" in spec["components"]["schemas"]
    post = spec["paths"]["/api/articles"]["post"]
    for status in ("400", "401", "403", "413", "415", "422"):
        ref = post["responses"][status]["content"]["application/json"]["schema"]["$ref"]
        assert ref.endswith("/ErrorBody"), status
    body = post["requestBody"]["content"]["application/json"]["schema"]
    assert body["properties"]["text"] and body["anyOf"]  # text or html required
    assert post["security"] == [{"HTTPBearer": []}]
    for path in ("/api/stories/{story_id}", "/api/articles/{article_id}"):
        assert "404" in spec["paths"][path]["get"]["responses"]
    for path in ("/api/stories", "/api/search"):
        ref = spec["paths"][path]["get"]["responses"]["422"]["content"]["application/json"]
        assert ref["schema"]["$ref"].endswith("/ErrorBody")
    assert "HTTPValidationError" not in spec["components"]["schemas"]
