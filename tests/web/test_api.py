"""The JSON API and the HTML pages over a store of the demo corpus, on SQLite and PostgreSQL."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from newsbrief.model import Article, Result, Story
from newsbrief.store import Store
from newsbrief.web import create_app

TOKEN = "s3cret-token"


@pytest.fixture(scope="module")
def client(demo_store: Store) -> TestClient:
    return TestClient(create_app(demo_store, token=TOKEN))


def _external(html: str) -> list[str]:
    """src/href attributes pointing off the site (excluding the articles' own links)."""
    return [
        m
        for m in re.findall(r'(?:src|href)="([^"]*)"', html)
        if m.startswith(("http:", "https:", "//")) and "example" not in m
    ]


def test_story_list_api(client: TestClient, demo_result: Result) -> None:
    response = client.get("/api/stories")
    assert response.status_code == 200
    items = response.json()
    assert len(items) == len(demo_result.stories)
    assert [x["last_date"] for x in items] == sorted((x["last_date"] for x in items), reverse=True)
    for item in items:
        assert set(item) >= {
            "id",
            "title",
            "size",
            "outlets",
            "first_date",
            "last_date",
            "conflict",
        }
    by_title = {x["title"]: x for x in items}
    clash = next(x for t, x in by_title.items() if "soldiers" in t)
    assert clash["conflict"] is True and clash["size"] == 5
    assert client.get("/api/stories?limit=1&offset=1").json() == items[1:2]


def test_story_api_serves_the_contract(client: TestClient, demo_result: Result) -> None:
    expected = {frozenset(s.articles): s for s in demo_result.stories}
    for item in client.get("/api/stories").json():
        response = client.get(f"/api/stories/{item['id']}")
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("application/json")
        story = Story.model_validate(response.json())  # the contract's story object
        assert story.id == item["id"]
        twin = expected[frozenset(story.articles)]
        assert story.title == twin.title
        assert set(response.json()) >= {
            "id", "title", "articles", "events", "summary", "quotes", "figures", "coverage",
            "timeline",
        }  # fmt: skip
    assert client.get("/api/stories/s999").status_code == 404


def test_article_api(client: TestClient, demo_result: Result) -> None:
    original = demo_result.articles[0]
    response = client.get(f"/api/articles/{original.id}")
    assert response.status_code == 200
    article = Article.model_validate(response.json())
    assert article.paragraphs == original.paragraphs
    assert article.removed == original.removed
    assert article.claims == original.claims
    assert client.get("/api/articles/nope").status_code == 404


def test_search_api(client: TestClient) -> None:
    found = client.get("/api/search", params={"q": "insult"}).json()
    assert found["quotes"] and found["quotes"][0]["speaker"] == "Marta Quell"
    assert client.get("/api/search", params={"q": "landslide"}).json()["articles"]
    assert client.get("/api/search").status_code == 422


def test_openapi_documents_the_api(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    for path in ("/api/stories", "/api/stories/{story_id}", "/api/articles/{article_id}"):
        assert path in spec["paths"]
    assert "post" in spec["paths"]["/api/articles"]
    assert "Story" in spec["components"]["schemas"]


def test_pages_are_self_contained_and_locked_down(client: TestClient) -> None:
    for url in ("/", "/stories/s1", "/search?q=strike", "/api/stories"):
        response = client.get(url)
        assert response.status_code == 200, url
        csp = response.headers["content-security-policy"]
        assert "default-src 'none'" in csp and "script-src" not in csp.replace("default-src", "")
        assert response.headers["x-content-type-options"] == "nosniff"
        assert "<script" not in response.text
        assert _external(response.text) == []
    assert client.get("/docs").status_code == 404  # Swagger UI would load a CDN


def test_story_list_page(client: TestClient) -> None:
    html = client.get("/").text
    for item in client.get("/api/stories").json():
        assert f'href="/stories/{item["id"]}"' in html
    assert "badge conflict" in html


def test_story_page(client: TestClient) -> None:
    items = client.get("/api/stories").json()
    clash = next(x for x in items if "soldiers" in x["title"])
    html = client.get(f"/stories/{clash['id']}").text
    story = Story.model_validate(client.get(f"/api/stories/{clash['id']}").json())
    cites = re.findall(r'class="cite" href="/articles/([^"]+)"', html)
    assert cites and set(cites) <= set(story.articles)
    assert html.count('<svg class="chart"') == len(story.figures) > 0
    assert 'data-status="conflict"' in html
    for article_id in story.articles:  # the articles side by side
        assert f'href="/articles/{article_id}"' in html
    for heading in ("Summary", "Figures", "Quotes", "Timeline"):
        assert f"<h2>{heading}" in html
    assert client.get("/stories/nope").status_code == 404


def test_article_page_highlights_and_shows_removed(client: TestClient) -> None:
    article = next(
        Article.model_validate(client.get(f"/api/articles/{a}").json())
        for x in client.get("/api/stories").json()
        for a in client.get(f"/api/stories/{x['id']}").json()["articles"]
        if client.get(f"/api/articles/{a}").json()["removed"]
    )
    html = client.get(f"/articles/{article.id}").text
    if article.quotes:
        assert '<mark class="q"' in html
    if article.claims:
        assert "n claim" in html
    assert f"What cleaning removed ({len(article.removed)})" in html
    assert client.get("/articles/nope").status_code == 404


def test_search_page_escapes_the_query(client: TestClient) -> None:
    html = client.get("/search", params={"q": "<b>x</b>"}).text
    assert "<b>x</b>" not in html and "&lt;b&gt;x&lt;/b&gt;" in html
    html = client.get("/search", params={"q": "strike"}).text
    assert "<mark>strike</mark>" in html.lower()


def test_post_requires_a_token(empty_db: str) -> None:
    body = {"text": "Some article text about a bridge.", "id": "x"}
    locked = TestClient(create_app(empty_db, token=TOKEN))
    assert locked.post("/api/articles", json=body).status_code == 401
    bad = {"Authorization": "Bearer wrong"}
    assert locked.post("/api/articles", json=body, headers=bad).status_code == 403
    closed = TestClient(create_app(empty_db))  # no --token: ingest over the API is off
    auth = {"Authorization": f"Bearer {TOKEN}"}
    assert closed.post("/api/articles", json=body, headers=auth).status_code == 403


ARTICLE = """Harbour bridge closes after barge strike

The Ostrava Street bridge in Port Wendel was closed on Monday after a cargo barge struck one of \
its piers, the city's transport department said. <script>alert("pwned")</script>

"We will not reopen the bridge until engineers have checked every bearing," said Ilse Brannock, \
the head of the department. <img src=x onerror="alert(1)">

About 14,000 vehicles cross the bridge every day, according to the department.
"""


def test_post_ingests_one_article_and_text_stays_inert(empty_db: str) -> None:
    client = TestClient(create_app(empty_db, token=TOKEN))
    auth = {"Authorization": f"Bearer {TOKEN}"}
    body = {"id": "bridge-1", "text": ARTICLE, "outlet": "The Lantern Gazette",
            "published": "2026-05-04", "url": "javascript:alert(1)"}  # fmt: skip
    response = client.post("/api/articles", json=body, headers=auth)
    assert response.status_code == 201, response.text
    created = response.json()
    assert created["created"] is True and created["story"]
    again = client.post("/api/articles", json=body, headers=auth)
    assert again.status_code == 200 and again.json()["created"] is False
    assert again.json()["article"] == created["article"]
    stored = client.get(f"/api/articles/{created['article']}").json()
    assert any("<script>" in p for p in stored["paragraphs"])  # kept as text in the data
    for url in (f"/articles/{created['article']}", f"/stories/{created['story']}", "/"):
        html = client.get(url).text
        assert "<script" not in html and "<img" not in html, url
        assert "javascript:" not in html
    html = client.get(f"/articles/{created['article']}").text
    assert "&lt;script&gt;" in html
    story = client.get(f"/api/stories/{created['story']}").json()
    assert story["articles"] == [created["article"]]
    empty = client.post("/api/articles", json={"text": "   "}, headers=auth)
    assert empty.status_code == 422
