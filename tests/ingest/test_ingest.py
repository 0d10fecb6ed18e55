"""Ingest: files, folders, JSONL with bad lines, stdin sniffing, decoding, coded errors."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest

from newsbrief.ingest import read_inputs
from newsbrief.model import InputError, RawDocument

ARTICLE = "Lamplighters in Oredale went on strike on Monday, the guild said.\n"
PAGE = "<html><head><link rel='canonical' href='https://oredale.example/a'></head><body><p>Hi.</p></body></html>"


def _docs(items):
    return [x for x in items if isinstance(x, RawDocument)]


def _errors(items):
    return [x for x in items if isinstance(x, InputError)]


def test_text_and_html_files(tmp_path: Path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.html").write_text(PAGE, encoding="utf-8")
    out = list(read_inputs([tmp_path / "a.txt", str(tmp_path / "b.html")]))
    assert [d.format for d in out] == ["text", "html"]
    assert out[0].content == ARTICLE
    assert out[0].source == str(tmp_path / "a.txt") and out[0].folder == str(tmp_path)
    assert out[1].content == PAGE and out[1].url == "https://oredale.example/a"


def test_jsonl_bad_line_keeps_good_lines(tmp_path: Path):
    lines = [
        json.dumps({"id": "x1", "text": ARTICLE, "title": "Strike", "published": "3 March 2026"}),
        "",
        '{"id": "x2", "text": "unterminated',
        json.dumps({"text": "No id here, so the line number is used."}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": "x5", "title": "no text"}),
        json.dumps({"id": 6, "html": PAGE, "published": "2026-03-04T10:00:00Z", "outlet": " Orb "}),
    ]
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8")
    out = list(read_inputs([path]))
    docs, errors = _docs(out), _errors(out)
    assert [d.source for d in docs] == [f"{path}#x1", f"{path}#4", f"{path}#6"]
    assert docs[0].published == "2026-03-03" and docs[0].title == "Strike"
    assert docs[2].format == "html" and docs[2].published == "2026-03-04"
    assert docs[2].outlet == "Orb" and docs[2].url == "https://oredale.example/a"
    assert [e.source for e in errors] == [f"{path}#3", f"{path}#5", f"{path}#x5"]
    assert errors[0].error.startswith("[E104]")
    assert (
        "line 3 is not valid JSON" in errors[0].error
        and "fix or remove the line" in errors[0].error
    )
    assert "not an object" in errors[1].error
    assert errors[2].error.startswith("[E105]")


def test_directory_is_recursive_sorted_and_skips_noise(tmp_path: Path):
    (tmp_path / "sub").mkdir()
    (tmp_path / ".hidden").mkdir()
    (tmp_path / "b.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "sub" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "a.htm").write_text(PAGE, encoding="utf-8")
    (tmp_path / ".hidden" / "c.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / ".d.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "README.md").write_text("notes", encoding="utf-8")
    (tmp_path / "LICENSE.txt").write_text("licence", encoding="utf-8")
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8")
    with gzip.open(tmp_path / "z.txt.gz", "wt", encoding="utf-8") as fh:
        fh.write(ARTICLE)
    out = list(read_inputs([tmp_path]))
    names = [Path(d.source).relative_to(tmp_path).as_posix() for d in out]
    assert names == ["a.htm", "b.txt", "sub/a.txt", "z.txt.gz"]
    assert out[2].folder == str(tmp_path / "sub")
    assert out[3].content == ARTICLE


@pytest.mark.parametrize(
    ("name", "data", "code"),
    [
        ("notes.md", b"# notes", "E102"),
        ("empty.txt", b"  \n", "E106"),
        ("binary.txt", b"abc\x00def", "E103"),
        ("undecodable.txt", b"caf\x81\x8d", "E103"),
        ("broken.txt.gz", b"not gzip at all", "E108"),
        ("empty.jsonl", b"\n\n", "E106"),
    ],
)
def test_unreadable_files_become_coded_errors(tmp_path: Path, name, data, code):
    path = tmp_path / name
    path.write_bytes(data)
    (out,) = list(read_inputs([path, tmp_path / "missing.txt"]))[:1]
    assert isinstance(out, InputError)
    assert out.error.startswith(f"[{code}]") and str(path) in out.error


def test_missing_path_is_e101_and_others_still_read(tmp_path: Path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    out = list(read_inputs([tmp_path / "nope.txt", tmp_path / "a.txt"]))
    assert isinstance(out[0], InputError) and out[0].error.startswith("[E101]")
    assert isinstance(out[1], RawDocument)


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ("\ufeffWith a BOM.".encode(), "With a BOM."),
        ("Caf\u00e9 \u201cquoted\u201d".encode("cp1252"), "Caf\u00e9 \u201cquoted\u201d"),
    ],
)
def test_decoding(tmp_path: Path, data: bytes, expected: str):
    path = tmp_path / "d.txt"
    path.write_bytes(data)
    (doc,) = read_inputs([path])
    assert isinstance(doc, RawDocument) and doc.content == expected


def test_html_declared_charset(tmp_path: Path):
    html = (
        '<html><head><meta charset="iso-8859-7"></head>'
        "<body><p>\u0391\u03b8\u03ae\u03bd\u03b1</p></body></html>"
    )
    path = tmp_path / "g.html"
    path.write_bytes(html.encode("iso-8859-7"))
    (doc,) = read_inputs([path])
    assert isinstance(doc, RawDocument) and "\u0391\u03b8\u03ae\u03bd\u03b1" in doc.content


@pytest.mark.parametrize(
    ("stdin", "formats", "sources"),
    [
        (ARTICLE, ["text"], ["-"]),
        (PAGE, ["html"], ["-"]),
        ('{"id": "k", "text": "One."}\n\n{"text": "Two."}\n', ["text", "text"], ["-#k", "-#3"]),
        ('{"id": "k", "text": "One."}\nplain words\n', ["text"], ["-"]),
    ],
)
def test_stdin_is_sniffed(stdin, formats, sources):
    out = list(read_inputs(["-"], stdin=io.StringIO(stdin)))
    assert [d.format for d in _docs(out)] == formats
    assert [d.source for d in out] == sources


def test_empty_stdin_is_an_error():
    (out,) = read_inputs(["-"], stdin=io.StringIO("   "))
    assert isinstance(out, InputError) and out.error.startswith("[E106]")


@pytest.mark.parametrize(
    ("name", "day"),
    [
        ("harbour-post_2031-03-04_wall-breaks.txt", "2031-03-04"),
        ("20310304-wall-breaks.html", "2031-03-04"),
        ("wall_2031_03_04.txt", "2031-03-04"),
        ("id820310304.txt", None),  # digits inside a longer number
        ("wall-2031-02-30.txt", None),  # no such day
        ("wall-breaks.txt", None),
    ],
)
def test_a_files_name_gives_a_date_hint(tmp_path: Path, name: str, day: str | None) -> None:
    """A date in the file name is what cleaning falls back on when neither metadata nor text
    dates the article."""
    path = tmp_path / name
    path.write_text(
        "<p>Floodwater broke through the wall.</p>"
        if name.endswith(".html")
        else "Floodwater broke through the wall."
    )
    (doc,) = list(read_inputs([path]))
    assert isinstance(doc, RawDocument) and doc.date_hint == day


def test_the_texts_own_date_beats_the_files_name(tmp_path: Path) -> None:
    from newsbrief.clean import clean_document

    dated = tmp_path / "post_2031-03-09_wall.txt"
    dated.write_text("Wall breaks in Kessel\n\nMarch 4, 2031\n\nFloodwater broke through the wall.")
    undated = tmp_path / "post_2031-03-09_quay.txt"
    undated.write_text("Quay closes in Kessel\n\nThe harbour board closed the quay to traffic.")
    first, second = (clean_document(d) for d in read_inputs([dated, undated]))  # type: ignore[arg-type]
    assert (first.published, second.published) == ("2031-03-04", "2031-03-09")
