"""The HTML report renders in a real browser: Debian's Chromium driven by Playwright.

Skips (with the reason) when Chromium or Playwright is absent, unless NEWSBRIEF_REQUIRE_SERVICES=1
(CI), where a missing browser fails the test. Never downloads a browser.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from newsbrief.model import Article, Figure, FigureClaim, Result, Story, SummarySentence
from newsbrief.render import render_html

CHROMIUM = Path("/usr/bin/chromium")
HOSTILE = "<script>document.title = 'pwned'; window.PWNED = 1;</script>"


def _require_browser() -> None:
    required = os.environ.get("NEWSBRIEF_REQUIRE_SERVICES") == "1"
    reason = ""
    if not CHROMIUM.exists():
        reason = f"Chromium not found at {CHROMIUM} (apt install chromium)"
    else:
        try:
            import playwright.sync_api  # noqa: F401
        except ImportError:
            reason = "playwright is not installed (pip install -e '.[dev]')"
    if reason:
        if required:
            pytest.fail(f"NEWSBRIEF_REQUIRE_SERVICES=1 but {reason}")
        pytest.skip(reason)


def _result() -> Result:
    articles = [
        Article(
            id=i,
            source=f"{i}.txt",
            outlet=outlet,
            title=title,
            published=date,
            paragraphs=[text],
        )
        for i, outlet, title, date, text in [
            (
                "a1",
                "Border Herald",
                "Clash at the ford",
                "2024-03-02",
                f"Troops clashed. {HOSTILE}",
            ),
            ("a2", "Capital Tribune", "Rebels claim 2,000", "2024-03-03", "Rebels said 2,000."),
        ]
    ]
    story = Story(
        id="s1",
        title="Clash at the ford",
        articles=["a1", "a2"],
        summary=[
            SummarySentence(
                text="Troops clashed at the Veld ford on Saturday.", sources=["a1", "a2"]
            ),
            SummarySentence(text=f"A caption said {HOSTILE} nothing.", sources=["a1"]),
        ],
        figures=[
            Figure(
                measure="soldiers killed",
                status="conflict",
                claims=[
                    FigureClaim(
                        value=120,
                        qualifier="=",
                        claimant="Ministry",
                        as_of="2024-03-02",
                        sources=["a1"],
                    ),
                    FigureClaim(
                        value=2000,
                        qualifier="=",
                        claimant="Front",
                        as_of="2024-03-02",
                        sources=["a2"],
                    ),
                ],
            )
        ],
    )
    return Result(articles=articles, stories=[story])


def test_report_renders_in_chromium(tmp_path: Path) -> None:
    _require_browser()
    from playwright.sync_api import sync_playwright

    page_file = tmp_path / "report.html"
    page_file.write_text(render_html(_result(), title="Test brief"), encoding="utf-8")
    shot = tmp_path / "report.png"
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--no-sandbox", "--disable-background-networking"],
        )
        try:
            page = browser.new_page(viewport={"width": 1000, "height": 1200})
            requests: list[str] = []
            page.on("request", lambda r: requests.append(r.url))
            page.goto(page_file.as_uri())
            page.screenshot(path=str(shot), full_page=True)
            assert page.title() == "Test brief"  # the planted script never ran
            assert page.evaluate("window.PWNED === undefined")
            summary = page.locator("ol.summary > li")
            assert summary.count() == 2
            assert "Troops clashed at the Veld ford" in summary.nth(0).inner_text()
            assert HOSTILE in summary.nth(1).inner_text()  # shown as text, not run
            assert page.locator("ol.summary sup.refs a").first.inner_text() == "1"
            assert page.locator("#story-s1-src2").inner_text().startswith("Capital Tribune")
            chart = page.locator(".figure svg.chart")
            assert chart.count() == 1 and chart.first.is_visible()
            box = chart.first.bounding_box()
            assert box is not None and box["width"] > 200 and box["height"] > 100
            labels = chart.first.locator("text").all_text_contents()
            assert "120" in labels and "2,000" in labels
            badge = page.locator(".figure .badge.status-conflict")
            assert badge.inner_text() == "⚠ CONFLICT" and badge.is_visible()
            assert page.locator("script").count() == 0
            assert all(u.startswith("file:") for u in requests), requests
        finally:
            browser.close()
    assert shot.stat().st_size > 10_000
