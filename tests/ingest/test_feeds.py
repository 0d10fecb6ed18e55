"""RSS 2.0 and Atom feeds written here: each entry with text becomes a document with the feed's
metadata; an entry without text, a feed that is not well-formed and XML that is no feed are
coded errors, never crashes."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from newsbrief.ingest import read_inputs
from newsbrief.model import InputError, RawDocument

pytest.importorskip("feedparser")

BODY = (
    "<p>The water board of Kettleby said on Friday that 18 villages would get new pipes before "
    "winter, at a cost of about 2.4 million crowns.</p><p>&quot;We have waited long enough,&quot; "
    "said councillor Mara Voss, who chairs the board.</p>"
)

RSS = f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Kettleby Ledger</title><link>https://ledger.example/</link>
<item><title>Pipes for 18 villages</title><link>https://ledger.example/pipes</link>
  <guid isPermaLink="false">ledger-101</guid><pubDate>Fri, 06 Mar 2026 08:30:00 +0000</pubDate>
  <description>Villages get new pipes.</description>
  <content:encoded><![CDATA[{BODY}<script>alert(1)</script>]]></content:encoded></item>
<item><title>Bridge closed for repairs</title><link>https://ledger.example/bridge</link>
  <pubDate>Sat, 07 Mar 2026 09:00:00 +0000</pubDate>
  <description>The old bridge at Kettleby will be shut for six weeks from Monday while
  engineers replace its deck, the council said.</description></item>
<item><title>Listed only</title><link>https://ledger.example/listed</link></item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Fenwick Observer</title>
<id>tag:observer.example,2026:feed</id><updated>2026-03-08T12:00:00Z</updated>
<entry><id>tag:observer.example,2026:1</id><title>Library reopens</title>
  <link href="https://observer.example/library"/><updated>2026-03-08T11:00:00Z</updated>
  <content type="text">The Fenwick library reopened on Sunday after a year of repairs, and 400
  people came on the first day, its director said.</content></entry>
<entry><id>tag:observer.example,2026:2</id><title>Market moves</title>
  <link href="https://observer.example/market"/><published>2026-03-07T10:00:00Z</published>
  <updated>2026-03-08T10:00:00Z</updated>
  <content type="html">&lt;p&gt;The Saturday market will move to the harbour square in
  April, traders were told.&lt;/p&gt;</content></entry>
</feed>
"""


def _read(*paths: Path) -> tuple[list[RawDocument], list[InputError]]:
    items = list(read_inputs(list(paths)))
    docs = [i for i in items if isinstance(i, RawDocument)]
    return docs, [i for i in items if isinstance(i, InputError)]


def test_rss_entries_become_documents(tmp_path: Path) -> None:
    path = tmp_path / "ledger.rss"
    path.write_text(RSS, encoding="utf-8")
    docs, errors = _read(path)
    assert [d.source for d in docs] == [f"{path}#ledger-101", f"{path}#2"]
    first, second = docs
    assert (first.title, first.outlet, first.url, first.published) == (
        "Pipes for 18 villages",
        "Kettleby Ledger",
        "https://ledger.example/pipes",
        "2026-03-06",
    )
    assert first.format == "html" and "Mara Voss" in first.content
    assert "alert(1)" not in first.content  # content:encoded, sanitised; not the teaser
    assert "six weeks" in second.content  # no content: the description
    assert [(e.source, e.error[1:5]) for e in errors] == [(f"{path}#3", "E105")]
    assert "Listed only" in errors[0].error


def test_atom_entries_and_text_content(tmp_path: Path) -> None:
    path = tmp_path / "observer.atom"
    path.write_text(ATOM, encoding="utf-8")
    docs, errors = _read(path)
    assert errors == []
    assert [d.format for d in docs] == ["text", "html"]
    assert docs[0].source == f"{path}#tag:observer.example,2026:1"
    assert docs[0].outlet == "Fenwick Observer" and docs[0].published == "2026-03-08"
    assert docs[1].published == "2026-03-07"  # published beats updated


def test_xml_files_are_read_only_when_they_are_feeds(tmp_path: Path) -> None:
    (tmp_path / "feed.xml").write_text(RSS, encoding="utf-8")
    sitemap = '<?xml version="1.0"?><urlset><url><loc>https://x.example/</loc></url></urlset>'
    (tmp_path / "sitemap.xml").write_text(sitemap, encoding="utf-8")
    docs, errors = _read(tmp_path)  # in a folder, the sitemap is skipped quietly
    assert len(docs) == 2 and all("feed.xml#" in d.source for d in docs)
    assert [e.error[1:5] for e in errors] == ["E105"]
    docs, errors = _read(tmp_path / "sitemap.xml")  # named explicitly, it is an error
    assert docs == [] and [e.error[1:5] for e in errors] == ["E102"]


def test_gzipped_feed(tmp_path: Path) -> None:
    path = tmp_path / "observer.atom.gz"
    path.write_bytes(gzip.compress(ATOM.encode()))
    docs, errors = _read(path)
    assert len(docs) == 2 and errors == []


def test_malformed_feed_keeps_readable_entries_and_says_so(tmp_path: Path) -> None:
    broken = RSS.replace("</channel></rss>", "<item><title>Cut & broken</title><description>x")
    path = tmp_path / "broken.rss"
    path.write_text(broken, encoding="utf-8")
    docs, errors = _read(path)
    assert docs and all(isinstance(d, RawDocument) for d in docs)
    codes = [e.error[1:5] for e in errors]
    assert codes.count("E112") == 1
    e112 = next(e for e in errors if e.error.startswith("[E112]"))
    assert e112.source == str(path) and "not well-formed" in e112.error and "\n" not in e112.error


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("<rss version='2.0'><channel><title>x</title>", "E112"),
        ("<rss version='2.0'><channel><title>Quiet</title></channel></rss>", "E106"),
        ("", "E106"),
        ("just words, no feed at all", "E112"),
    ],
    ids=["cut-off", "no-entries", "empty", "not-xml"],
)
def test_unreadable_feeds_are_one_error(tmp_path: Path, text: str, code: str) -> None:
    path = tmp_path / "x.rss"
    path.write_text(text, encoding="utf-8")
    docs, errors = _read(path)
    assert docs == [] and [e.error[1:5] for e in errors] == [code]


def test_feed_through_the_pipeline(tmp_path: Path) -> None:
    from newsbrief.pipeline import extract_result

    path = tmp_path / "ledger.rss"
    path.write_text(RSS, encoding="utf-8")
    result = extract_result([path])
    first = next(a for a in result.articles if a.source.endswith("#ledger-101"))
    assert first.outlet == "Kettleby Ledger" and first.published == "2026-03-06"
    assert any(q.speaker == "Mara Voss" for q in first.quotes)
    assert [e.error[1:5] for e in result.errors] == ["E105"]
