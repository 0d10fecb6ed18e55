"""A real browser (Debian's Chromium via Playwright) over `newsbrief serve`'s app on loopback.

Opens the story list, clicks into a story, checks that the citations and the figure chart
render, saves a screenshot (out/screenshots/), and checks that an article whose text holds
``<script>`` and an ``onerror`` image renders as inert text. Never downloads a browser.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from storefixtures import REPO, service_missing

from newsbrief.model import Article
from newsbrief.store import Store, store_articles

CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOTS = REPO / "out" / "screenshots"

HOSTILE = Article(
    id="hostile",
    source="hostile.txt",
    outlet="<script>window.pwned=1</script>Evil Outlet",
    title='<img src=x onerror="window.pwned=2">Bridge closes',
    published="2026-05-04",
    paragraphs=[
        'The bridge closed. <script>window.pwned=3; alert("pwned")</script> Drivers waited.',
        '<a href="javascript:window.pwned=4">click</a> <b>bold?</b>',
    ],
)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, demo_items: list) -> Iterator[str]:
    import uvicorn

    from newsbrief.web import create_app

    store = Store(f"sqlite:///{tmp_path_factory.mktemp('browser') / 'store.db'}")
    store_articles(store, demo_items)
    store_articles(store, [(HOSTILE, "0" * 64)])
    port = _free_port()
    config = uvicorn.Config(create_app(store), host="127.0.0.1", port=port, log_level="warning")
    uv = uvicorn.Server(config)
    thread = threading.Thread(target=uv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not uv.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert uv.started, "the server did not start"
    yield f"http://127.0.0.1:{port}"
    uv.should_exit = True
    thread.join(timeout=10)
    store.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not CHROMIUM.exists():
        service_missing(f"Chromium not found at {CHROMIUM} (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        service_missing("Playwright for Python is not installed")
        raise
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--no-sandbox", "--disable-background-networking"],
        )
        yield browser
        browser.close()


def test_story_list_to_story_with_citations_and_chart(server: str, browser: object) -> None:
    page = browser.new_page(viewport={"width": 1400, "height": 1000})  # type: ignore[attr-defined]
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(server + "/")
    rows = page.locator("table.stories tbody tr")
    assert rows.count() >= 4
    assert page.locator(".badge.conflict").count() >= 1
    page.get_by_role("link", name="Varnia says 120 soldiers killed").click()
    page.wait_for_url("**/stories/*")
    assert "soldiers" in page.locator("h1").inner_text()
    cites = page.locator("ol.summary a.cite")
    assert cites.count() >= 1
    chart = page.locator("svg.chart").first
    chart.scroll_into_view_if_needed()
    box = chart.bounding_box()
    assert box is not None and box["width"] > 200 and box["height"] > 40
    assert page.locator("svg.chart rect").count() >= 2
    assert page.locator(".articles article.card").count() >= 2
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "story.png"), full_page=True)
    # a citation leads to the cited article
    href = cites.first.get_attribute("href")
    cites.first.click()
    page.wait_for_url("**" + str(href))
    assert page.locator("article, .article-body p").count() >= 1
    page.screenshot(path=str(SCREENSHOTS / "article.png"), full_page=True)
    assert not errors, errors  # e.g. a CSP violation of our own style sheet
    page.close()


def test_article_text_with_script_is_inert(server: str, browser: object) -> None:
    page = browser.new_page()  # type: ignore[attr-defined]
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(server + "/articles/hostile")
    page.wait_for_load_state("load")
    time.sleep(0.3)
    assert page.evaluate("window.pwned") is None
    assert dialogs == []
    assert page.locator("script").count() == 0
    assert page.locator("main img").count() == 0
    body = page.locator(".article-body").inner_text()
    assert '<script>window.pwned=3; alert("pwned")</script>' in body
    assert "<b>bold?</b>" in body
    assert "<img" in page.locator("h1").inner_text()
    page.goto(server + "/")  # the hostile outlet and title on the story list
    assert page.evaluate("window.pwned") is None
    assert page.locator("script").count() == 0
    page.close()
