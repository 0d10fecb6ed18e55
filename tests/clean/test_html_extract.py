# ruff: noqa: E501  (fixture pages keep their long lines, as scraped pages do)
"""HTML extraction: split article bodies re-joined, lists and tables of the article kept, link
lists still dropped. Hand-written pages (fictional places and people)."""

from __future__ import annotations

import lxml.html

from newsbrief.clean import CleanOptions, clean_document
from newsbrief.clean.html import HtmlExtract, extract_html, keep_unlinked_runs, link_shares
from newsbrief.clean.text import clean_text
from newsbrief.model import RawDocument

FIRST_CHUNK = [
    "The harbour authority in Port Velmar approved a plan on Monday to dredge the eastern channel, a project that has been delayed for almost a decade by funding disputes.",
    "Engineers expect the work to begin in the spring and to last about eighteen months, during which larger cargo ships will be diverted to the western berths.",
    "Council member Ilse Varga said the decision would secure hundreds of jobs at the port, which has lost business to deeper harbours along the coast.",
]
SECOND_CHUNK = [
    "Fishermen who moor their boats in the eastern basin were less enthusiastic, warning that the dredging could disturb the shellfish beds they rely on each winter.",
    "The authority said it would pay for an independent survey of the beds before any digging starts and publish the results on its website in February.",
    "A public meeting on the plan is scheduled for next Thursday evening at the old customs house, where residents can question the engineers directly.",
]
OTHER_STORY = [
    "Volunteers in Eastholm planted four hundred oak saplings along the river path on Saturday, the first stage of a woodland that will take thirty years to mature.",
    "The parish council paid for the trees from a grant meant for flood defences, arguing that woodland will slow the water that floods the lower town every winter.",
]


def _paragraphs(texts: list[str]) -> str:
    return "".join(f"<p>{text}</p>" for text in texts)


def _split_page(second_chunk_in_next_story: bool = False) -> str:
    """An article whose body sits in two same-class containers with an ad row between them
    (trafilatura keeps only the first); optionally the second one belongs to the next story."""
    chunk = (
        '<div class="grid"><div class="grid-item article-body">{}</div>'
        '<div class="grid-item aside"><div class="ad-slot"></div></div></div>'
    )
    ad_row = (
        '<div class="row"><div class="ad"><span class="ad-label">Advertisement</span></div></div>'
    )
    first = chunk.format(_paragraphs(FIRST_CHUNK))
    if second_chunk_in_next_story:
        stories = (
            f'<article class="story"><h1>Port Velmar approves channel dredging</h1>{first}</article>'
            f'{ad_row}<article class="story"><h2>Eastholm plants a river wood</h2>'
            f"{chunk.format(_paragraphs(OTHER_STORY))}</article>"
        )
    else:
        second = chunk.format(_paragraphs(SECOND_CHUNK))
        stories = (
            '<article class="story"><h1>Port Velmar approves channel dredging</h1>'
            f'<div class="chunks">{first}{ad_row}{second}</div></article>'
        )
    return f"""<!DOCTYPE html><html><head><title>Port Velmar approves channel dredging</title></head><body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>
<main>{stories}</main>
<footer><p>© 2026 The Harbour Courier</p><ul><li><a href="/privacy">Privacy</a></li><li><a href="/terms">Terms</a></li></ul></footer>
</body></html>"""


def test_body_split_over_same_class_containers_is_rejoined():
    extracted = extract_html(_split_page())
    assert extracted is not None
    lines = [line for line in extracted.text.splitlines() if line.strip()]
    assert lines == FIRST_CHUNK + SECOND_CHUNK


def test_split_body_reaches_the_cleaned_article_in_page_order():
    raw = RawDocument(source="dredging.html", content=_split_page(), format="html")
    assert clean_document(raw).paragraphs == FIRST_CHUNK + SECOND_CHUNK


def test_same_class_container_of_the_next_story_is_not_joined():
    extracted = extract_html(_split_page(second_chunk_in_next_story=True))
    assert extracted is not None
    for text in FIRST_CHUNK:
        assert text in extracted.text
    for text in OTHER_STORY:
        assert text not in extracted.text


TOUR_DATES = [
    "- 4 April – Eastholm, Corn Exchange",
    "- 11 April – Calder Bridge, St Aidan's",
    "- 18 April – Northgate, Guild Hall",
    "- 25 April – Varnia, Old Theatre",
    "- 2 May – Port Velmar, Quay Rooms",
]
STANDINGS = [
    "| Pos | Choir | Points |",
    "| 1 | Lantern Choir | 88 |",
    "| 2 | Calder Voices | 81 |",
    "| 3 | Eastholm Singers | 77 |",
    "| 4 | Northgate Chorale | 70 |",
]
TOUR_PAGE = """<!DOCTYPE html><html><head><title>The Lantern Choir announces spring tour</title></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/music">Music</a></li><li><a href="/arts">Arts</a></li></ul></nav>
<article><div class="article-body">
<h1>The Lantern Choir announces spring tour</h1>
<p>The Lantern Choir will take its new programme of sea shanties and harbour songs on the road this spring, the ensemble said on Wednesday.</p>
<p>The twenty-voice choir, founded in Port Velmar in 1998, has not toured outside the region since the closure of its rehearsal hall three years ago.</p>
<p>The dates announced so far are:</p>
<ul>
<li>4 April – Eastholm, Corn Exchange</li>
<li>11 April – Calder Bridge, St Aidan's</li>
<li>18 April – Northgate, Guild Hall</li>
<li>25 April – Varnia, Old Theatre</li>
<li>2 May – Port Velmar, Quay Rooms</li>
</ul>
<p>Tickets go on sale on Friday morning, and the choir said a recording of the programme would follow in the autumn.</p>
<p>Final standings of the regional choir league:</p>
<table><tr><th>Pos</th><th>Choir</th><th>Points</th></tr>
<tr><td>1</td><td>Lantern Choir</td><td>88</td></tr>
<tr><td>2</td><td>Calder Voices</td><td>81</td></tr>
<tr><td>3</td><td>Eastholm Singers</td><td>77</td></tr>
<tr><td>4</td><td>Northgate Chorale</td><td>70</td></tr>
</table>
<p>The league's organisers said next season would add two new choirs from the northern valleys.</p>
</div></article>
<footer><p>© 2026 The Harbour Courier</p></footer>
</body></html>"""


def test_list_inside_the_article_is_kept():
    article = clean_document(RawDocument(source="tour.html", content=TOUR_PAGE, format="html"))
    paragraphs = list(article.paragraphs)
    start = paragraphs.index("The dates announced so far are:")
    assert paragraphs[start + 1 : start + 6] == TOUR_DATES
    assert paragraphs[start + 6].startswith("Tickets go on sale")


def test_list_inside_the_article_is_dropped_without_the_link_check():
    options = CleanOptions(html_keep_unlinked_runs=False)
    article = clean_document(
        RawDocument(source="tour.html", content=TOUR_PAGE, format="html"), options=options
    )
    assert not set(TOUR_DATES) & set(article.paragraphs)
    assert {r.reason for r in article.removed if r.text in TOUR_DATES} == {"nav"}


def test_table_inside_the_article_is_kept():
    article = clean_document(RawDocument(source="tour.html", content=TOUR_PAGE, format="html"))
    paragraphs = list(article.paragraphs)
    start = paragraphs.index("Final standings of the regional choir league:")
    assert paragraphs[start + 1 : start + 6] == STANDINGS
    without = clean_document(
        RawDocument(source="tour.html", content=TOUR_PAGE, format="html"),
        options=CleanOptions(html_tables=False),
    )
    assert not set(STANDINGS) & set(without.paragraphs)


MIXED_LISTS = """<html><body><div class="story">
<p>Ferry timetables change on Monday, the operator said, with fewer crossings at night.</p>
<ul><li>Velmar to Eastholm</li><li>Eastholm to Calder</li><li>Calder to Northgate</li><li>Northgate to Varnia</li></ul>
<p>The operator said the night crossings would return once the new crews are trained.</p>
<ul>
<li><a href="/1">Bakers vote on pay</a></li><li><a href="/2">Bridge opens to cyclists</a></li>
<li><a href="/3">Budget approved</a></li><li><a href="/4">Harbour fair dates</a></li>
</ul>
</div></body></html>"""
MIXED_TEXT = """Ferry timetables change on Monday, the operator said, with fewer crossings at night.
- Velmar to Eastholm
- Eastholm to Calder
- Calder to Northgate
- Northgate to Varnia
The operator said the night crossings would return once the new crews are trained.
- Bakers vote on pay
- Bridge opens to cyclists
- Budget approved
- Harbour fair dates"""


def test_plain_run_is_put_back_and_link_run_stays_dropped():
    extracted = HtmlExtract(
        text=MIXED_TEXT,
        title=None,
        sitename=None,
        date=None,
        author=None,
        tree=lxml.html.document_fromstring(MIXED_LISTS),
    )
    ruled = clean_text(MIXED_TEXT, positional=False)
    assert {r.text for r in ruled.removed if r.reason == "nav"} >= {
        "- Velmar to Eastholm",
        "- Bakers vote on pay",
    }
    kept = keep_unlinked_runs(extracted, ruled, max_share=0.5)
    assert list(kept.paragraphs) == MIXED_TEXT.splitlines()[:6]
    assert [r.text for r in kept.removed] == MIXED_TEXT.splitlines()[6:]


def test_link_shares_of_lines():
    tree = lxml.html.document_fromstring(MIXED_LISTS)
    shares = link_shares(
        tree,
        [
            "- Calder to Northgate",
            "- Budget approved",
            "Ferry timetables change on Monday, the operator said",
            "A line that is not on the page",
        ],
    )
    assert shares == [0.0, 1.0, 0.0, None]


KICKER_PAGE = """<html><head><title>Port Velmar votes to dredge the eastern channel | Harbour Courier</title></head>
<body><header class="site"><a href="/">Harbour Courier</a></header>
<main><article><header class="story-header">
<p class="kicker">Harbour works</p>
<h1>Port Velmar votes to dredge the eastern channel</h1>
</header>
<div class="story-body">{body}</div>
<div class="tags"><a href="/t/harbour-works">Harbour works</a></div>
</article></main></body></html>"""


def test_a_section_label_above_the_headline_is_no_paragraph():
    """The kicker over the ``<h1>`` ("Harbour works") opens trafilatura's text; it stands
    above the headline on the page, so it is a label, not the article's first paragraph."""
    html = KICKER_PAGE.format(body=_paragraphs(FIRST_CHUNK + SECOND_CHUNK))
    article = clean_document(RawDocument(source="kicker.html", content=html, format="html"))
    assert article.paragraphs[0] == FIRST_CHUNK[0]
    assert {r.text: r.reason for r in article.removed}.get("Harbour works") == "kicker"


def test_a_short_first_line_below_the_headline_stays():
    html = KICKER_PAGE.replace('<p class="kicker">Harbour works</p>', "").format(
        body="<p>Harbour works</p>" + _paragraphs(FIRST_CHUNK + SECOND_CHUNK)
    )
    article = clean_document(RawDocument(source="kicker.html", content=html, format="html"))
    assert "kicker" not in {r.reason for r in article.removed}
