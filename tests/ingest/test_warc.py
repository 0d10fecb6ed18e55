"""WARC archives written here with warcio: article pages come through, the rest is skipped, and a
damaged archive keeps the records before the damage with one E108 naming the offset."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

import pytest

from newsbrief.ingest import read_inputs
from newsbrief.model import InputError, RawDocument

warcio = pytest.importorskip("warcio")
from warcio.statusandheaders import StatusAndHeaders  # noqa: E402
from warcio.warcwriter import WARCWriter  # noqa: E402

HOST = "www.dunmere-courier.example"


def page(n: int, town: str = "Dunmere") -> str:
    """A fictional article page with some site chrome around it."""
    body = "".join(
        f"<p>The ferry company of {town} said on Thursday that {n * 3 + k} extra crossings would "
        "run each week from June, after complaints about crowded boats.</p>"
        for k in range(4)
    )
    return (
        f"<html><head><title>Ferry story {n}</title></head><body><nav>Home | Local | Sport</nav>"
        f"<article><h1>Ferry story {n}</h1>{body}</article><footer>Contact us</footer>"
        "</body></html>"
    )


def build(*, gz: bool, extra_article: bool = True) -> bytes:
    """An archive: warcinfo, a request, robots.txt, 3 articles, an image, a redirect, a 404, a
    metadata record and a WET-style text conversion."""
    buf = BytesIO()
    w = WARCWriter(buf, gzip=gz)

    def response(path: str, status: str, ctype: str, body: bytes, *headers: tuple[str, str]):  # type: ignore[no-untyped-def]
        http = StatusAndHeaders(status, [("Content-Type", ctype), *headers], protocol="HTTP/1.1")
        rec = w.create_warc_record(
            f"https://{HOST}{path}", "response", payload=BytesIO(body), http_headers=http
        )
        w.write_record(rec)

    w.write_record(w.create_warcinfo_record("test.warc", {"software": "hand-written"}))
    w.write_record(
        w.create_warc_record(
            f"https://{HOST}/robots.txt",
            "request",
            payload=BytesIO(b"GET /robots.txt HTTP/1.1\r\n\r\n"),
        )
    )
    response("/robots.txt", "200 OK", "text/plain", b"User-agent: *\nDisallow: /admin\n")
    response(
        "/news/ferry-1",
        "200 OK",
        "text/html; charset=utf-8",
        page(1).encode(),
        ("Last-Modified", "Tue, 03 Mar 2026 10:00:00 GMT"),
    )
    response("/img/logo.png", "200 OK", "image/png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    response("/old", "301 Moved Permanently", "text/html", b"<a href='/news'>moved</a>")
    response(
        "/news/ferry-2",
        "200 OK",
        "text/html; charset=iso-8859-1",
        page(2, "Dúnmere").encode("iso-8859-1"),
    )
    response("/missing", "404 Not Found", "text/html", b"<html><p>Not found</p></html>")
    w.write_record(
        w.create_warc_record(
            f"https://{HOST}/news/ferry-1",
            "metadata",
            payload=BytesIO(b"outlinks: /news\n"),
            warc_content_type="application/warc-fields",
        )
    )
    w.write_record(
        w.create_warc_record(
            f"https://{HOST}/news/ferry-text",
            "conversion",
            payload=BytesIO(
                b"Ferry crossings to rise\n\nThe ferry company said 12 more crossings would run."
            ),
            warc_content_type="text/plain",
        )
    )
    if extra_article:
        response("/news/ferry-3", "200 OK", "text/html", page(3).encode())
    return buf.getvalue()


def _read(path: Path) -> tuple[list[RawDocument], list[InputError]]:
    items = list(read_inputs([path]))
    docs = [i for i in items if isinstance(i, RawDocument)]
    return docs, [i for i in items if isinstance(i, InputError)]


@pytest.mark.parametrize("gz", [False, True], ids=["warc", "warc.gz"])
def test_articles_come_through_and_the_rest_is_skipped(tmp_path: Path, gz: bool) -> None:
    path = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    path.write_bytes(build(gz=gz))
    docs, errors = _read(path)
    assert errors == []
    assert [d.url for d in docs] == [
        f"https://{HOST}/news/ferry-1",
        f"https://{HOST}/news/ferry-2",
        f"https://{HOST}/news/ferry-text",
        f"https://{HOST}/news/ferry-3",
    ]
    assert [d.format for d in docs] == ["html", "html", "text", "html"]
    assert all(d.source.startswith(f"{path}#") for d in docs)
    assert len({d.source for d in docs}) == 4
    assert all(d.outlet_hint == "dunmere-courier.example" for d in docs)
    assert docs[0].date_hint == "2026-03-03"  # Last-Modified beats the crawl date
    assert "Dúnmere" in docs[1].content  # the HTTP header's charset
    assert docs[1].date_hint is not None and len(docs[1].date_hint) == 10


def test_record_offsets_point_at_the_records(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    data = build(gz=True)
    path.write_bytes(data)
    docs, _ = _read(path)
    from warcio.archiveiterator import ArchiveIterator

    for doc in docs:
        offset = int(doc.source.rsplit("#", 1)[1])
        record = next(iter(ArchiveIterator(BytesIO(data[offset:]))))
        assert record.rec_headers.get_header("WARC-Target-URI") == doc.url


@pytest.mark.parametrize("gz", [False, True], ids=["warc", "warc.gz"])
@pytest.mark.parametrize("cut", [40, 400, 900])
def test_a_truncated_archive_keeps_the_records_before(tmp_path: Path, gz: bool, cut: int) -> None:
    whole = build(gz=gz)
    path = tmp_path / ("cut.warc.gz" if gz else "cut.warc")
    path.write_bytes(whole[:-cut])
    docs, errors = _read(path)
    complete = tmp_path / "whole.warc"
    complete.write_bytes(whole)
    expected, _ = _read(complete)
    assert [d.url for d in docs] == [d.url for d in expected[: len(docs)]]
    assert 1 <= len(docs) < len(expected)
    assert len(errors) == 1
    assert errors[0].source == str(path)
    assert errors[0].error.startswith(f"[E108] {path}: reading stopped at byte offset ")
    assert "cut short" in errors[0].error


def test_corrupt_bytes_in_the_middle_are_one_error(tmp_path: Path) -> None:
    whole = build(gz=True)
    half = len(whole) // 2
    path = tmp_path / "junk.warc.gz"
    path.write_bytes(whole[:half] + b"\x00garbage" * 40 + whole[half:])
    docs, errors = _read(path)
    assert docs and len(errors) == 1 and errors[0].error.startswith("[E108]")
    assert "\n" not in errors[0].error


@pytest.mark.parametrize(
    ("data", "code"),
    [(b"", "E106"), (b"just some words\n" * 20, "E103"), (b"filedesc://x.arc 0.0.0.0", "E103")],
    ids=["empty", "not-warc", "arc"],
)
def test_files_that_are_no_warc(tmp_path: Path, data: bytes, code: str) -> None:
    path = tmp_path / "x.warc"
    path.write_bytes(data)
    docs, errors = _read(path)
    assert docs == [] and [e.error[1:5] for e in errors] == [code]


def test_a_bad_record_is_its_own_error_and_the_run_goes_on(tmp_path: Path) -> None:
    buf = BytesIO()
    w = WARCWriter(buf, gzip=True)
    http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
    for body in (b"\x00\x01\x02 binary" * 20, page(7).encode()):
        rec = w.create_warc_record(
            f"https://{HOST}/p", "response", payload=BytesIO(body), http_headers=http
        )
        w.write_record(rec)
    path = tmp_path / "mixed.warc.gz"
    path.write_bytes(buf.getvalue())
    docs, errors = _read(path)
    assert len(docs) == 1 and len(errors) == 1
    assert errors[0].source == f"{path}#0" and errors[0].error.startswith("[E103]")


def test_a_malformed_target_uri_does_not_stop_the_archive(tmp_path: Path) -> None:
    buf = BytesIO()
    w = WARCWriter(buf, gzip=False)
    http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
    for uri, n in (("http://[not-a-host/p", 8), (f"https://{HOST}/q", 9)):
        rec = w.create_warc_record(
            uri, "response", payload=BytesIO(page(n).encode()), http_headers=http
        )
        w.write_record(rec)
    path = tmp_path / "odd.warc"
    path.write_bytes(buf.getvalue())
    docs, errors = _read(path)
    assert len(docs) == 2 and errors == []
    assert docs[0].outlet_hint is None and docs[1].outlet_hint == "dunmere-courier.example"


def test_warc_in_a_folder_and_through_the_pipeline(tmp_path: Path) -> None:
    from newsbrief.pipeline import extract_result

    (tmp_path / "crawl").mkdir()
    (tmp_path / "crawl" / "a.warc.gz").write_bytes(build(gz=True))
    result = extract_result([tmp_path])
    assert result.errors == []
    first = next(a for a in result.articles if a.url and a.url.endswith("/ferry-1"))
    assert first.outlet == "dunmere-courier.example"  # the page names no site: the host
    assert first.published == "2026-03-03"
    assert first.title == "Ferry story 1"
    assert all("Home | Local" not in p for p in first.paragraphs)


def test_missing_extra_is_a_coded_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    path = tmp_path / "a.warc"
    path.write_bytes(build(gz=False))
    monkeypatch.setitem(sys.modules, "warcio.archiveiterator", None)
    docs, errors = _read(path)
    assert docs == [] and errors[0].error.startswith("[E202]")
    assert "pip install 'newsbrief[warc]'" in errors[0].error
