"""A corpus of malformed inputs, generated here in temporary folders (no binary junk in git).

Each kind of bad input sits in its own folder next to a good article. The whole corpus goes
through the pipeline and the CLI in one run: nothing may crash, every good article must come
through, and each bad input must give the coded error its kind expects (or, for inputs that
can be recovered, such as a legacy encoding, an article).
"""

from __future__ import annotations

import codecs
import gzip
import io
import json
import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from newsbrief.ingest import read_inputs
from newsbrief.ingest.limits import MAX_DOCUMENT_BYTES, MAX_LINE_ERRORS, MAX_TEXT_CHARS
from newsbrief.model import InputError, RawDocument, Result

ROOT_USER = hasattr(os, "geteuid") and os.geteuid() == 0

GOOD = """{town} council approves new {thing} after long debate

The council of {town} voted on Tuesday to build a new {thing} near the river, ending a debate
that had run for more than two years.

"This is a good day for everyone who lives here," said Mayor Ada {name}, who had campaigned for
the plan. She said the work would start in the spring and cost about 4.5 million crowns.

Opponents said the site floods every winter. The council said 120 homes would be protected by a
new wall built as part of the project, and that residents could comment until the end of May.
"""
ENGLISH = (
    "The minister said on Monday that the government would send more help to the region, where "
    "floods have forced thousands of people from their homes. "
)
GERMAN = (
    "Der Minister sagte am Montag, dass die Regierung mehr Hilfe in die Region schicken werde, "
    "in der die Fluten tausende Menschen aus ihren Häusern vertrieben haben. Die Lage ist ernst. "
)
RUSSIAN = (
    "Министр заявил в понедельник, что правительство направит в регион больше помощи, где "
    "наводнения вынудили тысячи людей покинуть свои дома. Положение остается тяжелым. "
)
JAPANESE = "大臣は月曜日、洪水で数千人が家を追われた地域に政府がさらに支援を送ると述べた。" * 4


def good_article(kind: str) -> str:
    """A distinct good article per kind (so dedup and boilerplate learning leave it alone)."""
    words = kind.replace("_", " ").split()
    town = "".join(w.capitalize() for w in words)[:24] + "ton"
    return GOOD.format(town=town, thing=f"{words[0]} bridge", name=town[:6])


# ----------------------------------------------------------------------------- the kinds

Maker = Callable[[Path], None]


@dataclass(frozen=True)
class Kind:
    """A kind of malformed input: ``make`` writes it into a folder; ``codes`` are the error
    codes it may give (empty: it must give none); ``articles``: how many articles the bad
    input itself must still yield (recovered records or a decodable legacy encoding)."""

    name: str
    make: Maker
    codes: frozenset[str]
    articles: int = 0
    simulated: bool = False  # needs a patched OS call when running as root (see below)


def _write(path: Path, data: bytes | str) -> None:
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)


def _gz(data: bytes) -> bytes:
    return gzip.compress(data, mtime=0)


def _jsonl(*records: object) -> str:
    return "\n".join(r if isinstance(r, str) else json.dumps(r) for r in records) + "\n"


def _record(n: int) -> dict[str, object]:
    return {"id": f"r{n}", "text": good_article(f"record number {n}"), "outlet": "Wire"}


def _broken_jsonl(d: Path) -> None:
    lines = [
        json.dumps(_record(1)),
        '{"id": "cut", "text": "a line cut off in the middle',
        "not json at all",
        json.dumps(["an", "array"]),
        json.dumps({"id": "no-text", "title": "no text field"}),
        json.dumps({"id": "wrong-type", "text": 12345}),
        "[" * 100_000,
        json.dumps(_record(2)),
        json.dumps({"id": "bad-date", "text": good_article("record bad date"), "published": 7}),
    ]
    raw = "\n".join(lines).encode("utf-8") + b"\n" + b'{"id": "latin", "text": "caf\x81\x8d"}\n'
    raw += b'{"id": "nul", "text": "a\x00b"}\n' + json.dumps(_record(3)).encode()  # no final \n
    _write(d / "feed.jsonl", raw)


def _truncated_jsonl_gz(d: Path) -> None:
    data = _gz(_jsonl(*[_record(n) for n in range(1, 40)]).encode())
    _write(d / "feed.jsonl.gz", data[: len(data) * 2 // 3])


def _not_jsonl(d: Path) -> None:
    _write(d / "table.jsonl", "\n".join(f"row {n},value {n}" for n in range(MAX_LINE_ERRORS + 5)))


def _huge_jsonl_line(d: Path) -> None:
    huge = json.dumps({"id": "huge", "text": "word " * (MAX_DOCUMENT_BYTES // 5 + 10)})
    _write(d / "feed.jsonl", _jsonl(_record(1), huge, _record(2)))


def _utf16_no_bom(d: Path) -> None:
    _write(d / "utf16.txt", good_article("utf sixteen plain").encode("utf-16-le"))


def _dangling(d: Path) -> None:
    os.symlink(d / "gone.txt", d / "link.txt")


def _link_loop(d: Path) -> None:
    (d / "sub").mkdir()
    os.symlink(d, d / "sub" / "loop")


def _fifo(d: Path) -> None:
    os.mkfifo(d / "pipe.txt")


def _unreadable(d: Path) -> None:
    _write(d / "secret.txt", good_article("secret file"))
    (d / "secret.txt").chmod(0)


def _unlistable(d: Path) -> None:
    (d / "locked").mkdir()
    _write(d / "locked" / "inside.txt", good_article("locked inside"))
    (d / "locked").chmod(0)


def _warc_record(
    uri: str, body: bytes, *, ctype: str = "text/html", status: str = "200 OK"
) -> bytes:
    """One WARC response record, written by hand (the format is plain text headers)."""
    http = f"HTTP/1.1 {status}\r\nContent-Type: {ctype}\r\n\r\n".encode() + body
    head = (
        f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {uri}\r\n"
        f"WARC-Date: 2026-03-02T08:00:00Z\r\nWARC-Record-ID: <urn:uuid:{abs(hash(uri))}>\r\n"
        f"Content-Type: application/http; msgtype=response\r\nContent-Length: {len(http)}\r\n\r\n"
    )
    return head.encode() + http + b"\r\n\r\n"


def _warc_page(n: int) -> bytes:
    paragraphs = good_article(f"warc page {n}").split("\n\n")
    return ("<html><body>" + "".join(f"<p>{p}</p>" for p in paragraphs) + "</body></html>").encode()


def _warc(records: list[bytes], *, gz: bool) -> bytes:
    return b"".join(_gz(r) for r in records) if gz else b"".join(records)


def _warc_truncated_gzip(d: Path) -> None:
    records = [_warc_record(f"https://warc.example/{n}", _warc_page(n)) for n in range(1, 4)]
    data = _warc(records, gz=True)
    _write(d / "crawl.warc.gz", data[: len(data) - 60])


def _warc_mixed_records(d: Path) -> None:
    records = [
        _warc_record("https://warc.example/robots.txt", b"User-agent: *", ctype="text/plain"),
        _warc_record("https://warc.example/a", _warc_page(1)),
        _warc_record("https://warc.example/logo.gif", b"GIF89a\x00\x00", ctype="image/gif"),
        _warc_record("https://warc.example/b", b"\x00\x01\x02\x03 binary" * 30),
        _warc_record("https://warc.example/old", b"", status="302 Found"),
        _warc_record("https://warc.example/c", _warc_page(2)),
    ]
    _write(d / "crawl.warc", _warc(records, gz=False))


FEED_ITEM = "<item><title>{title}</title><link>https://feed.example/{n}</link>{body}</item>"


def _feed(items: str, tail: str = "</channel></rss>") -> str:
    return f"<?xml version='1.0'?><rss version='2.0'><channel><title>Feed</title>{items}{tail}"


def _feed_items(*numbers: int) -> str:
    return "".join(
        FEED_ITEM.format(
            title=f"Story {n}",
            n=n,
            body="<description><![CDATA["
            + "".join(f"<p>{p}</p>" for p in good_article(f"feed item {n}").split("\n\n"))
            + "]]></description>",
        )
        for n in numbers
    )


def _random_bytes(d: Path) -> None:
    import random

    rng = random.Random(7)
    _write(d / "noise.txt", bytes(rng.randrange(1, 256) for _ in range(5000)))


def _deep_html(d: Path) -> None:
    _write(d / "deep.html", "<div>" * 5000 + "<p>" + ENGLISH * 3 + "</p>" + "</div>" * 5000)


E101, E102, E103, E104, E105, E106, E108, E110, E111, E112 = (
    frozenset({c})
    for c in ("E101", "E102", "E103", "E104", "E105", "E106", "E108", "E110", "E111", "E112")
)
NONE: frozenset[str] = frozenset()
MAYBE_EMPTY = frozenset({"E106", "E107"})

KINDS = [
    Kind("empty_file", lambda d: _write(d / "empty.txt", b""), E106),
    Kind("whitespace_only", lambda d: _write(d / "blank.txt", " \n\t\n  \r\n"), E106),
    Kind("empty_html", lambda d: _write(d / "empty.html", b""), E106),
    Kind("nul_bytes", lambda d: _write(d / "nul.txt", b"Some text\x00\x00\x01 more"), E103),
    Kind("random_bytes", _random_bytes, E103),
    Kind(
        "png_named_txt", lambda d: _write(d / "pic.txt", b"\x89PNG\r\n\x1a\n" + b"\x07" * 90), E103
    ),
    Kind("pdf_named_html", lambda d: _write(d / "doc.html", b"%PDF-1.7\n%\xe2\xe3\n1 0 obj"), E103),
    Kind("zip_named_txt", lambda d: _write(d / "a.txt", b"PK\x03\x04" + b"\x14" * 40), E103),
    Kind("gzip_without_gz", lambda d: _write(d / "a.txt", _gz(ENGLISH.encode())), E103),
    Kind("control_characters", lambda d: _write(d / "ctl.txt", "\x01\x02\x03\x04\x1b" * 200), E103),
    Kind("invalid_utf8", lambda d: _write(d / "bad.txt", b"caf\x81\x8d"), E103),
    Kind(
        "cp1252_text",
        lambda d: _write(d / "w.txt", good_article("windows code page").encode("cp1252")),
        NONE,
        articles=1,
    ),
    Kind(
        "latin1_html_declared",
        lambda d: _write(
            d / "l.html",
            (
                '<html><head><meta charset="iso-8859-1"><title>Café opens</title></head><body>'
                f"<p>{ENGLISH} The café’s owner said it was a fine day.</p><p>{ENGLISH}</p>"
                "</body></html>"
            ).encode("iso-8859-1", "replace"),
        ),
        NONE,
        articles=1,
    ),
    Kind(
        "utf16_bom",
        lambda d: _write(
            d / "u.txt", codecs.BOM_UTF16_LE + good_article("bom").encode("utf-16-le")
        ),
        NONE,
        articles=1,
    ),
    Kind("utf16_no_bom", _utf16_no_bom, NONE, articles=1),
    Kind(
        "utf8_bom",
        lambda d: _write(d / "b.txt", codecs.BOM_UTF8 + good_article("utf bom").encode()),
        NONE,
        articles=1,
    ),
    # not English: kept and marked (``Article.language``), not extracted, with an E111 note
    Kind("koi8r_russian", lambda d: _write(d / "ru.txt", (RUSSIAN * 3).encode("koi8-r")), E111, 1),
    Kind(
        "shift_jis_japanese", lambda d: _write(d / "ja.txt", JAPANESE.encode("shift_jis")), E111, 1
    ),
    Kind("german_article", lambda d: _write(d / "de.txt", GERMAN * 4), E111, 1),
    Kind("russian_utf8", lambda d: _write(d / "ru.txt", RUSSIAN * 3), E111, 1),
    Kind(
        "truncated_gzip",
        lambda d: _write(d / "a.txt.gz", _gz(good_article("gzip cut").encode())[:-20]),
        E108,
    ),
    Kind("corrupt_gzip", lambda d: _write(d / "a.txt.gz", b"\x1f\x8b\x08\x00garbage" * 9), E108),
    Kind("not_gzip_named_gz", lambda d: _write(d / "a.html.gz", b"<p>plain</p>"), E108),
    Kind(
        "gzip_bomb",
        lambda d: _write(d / "bomb.txt.gz", _gz(b"a" * (MAX_DOCUMENT_BYTES + 1024))),
        E110,
    ),
    Kind(
        "oversized_html",
        lambda d: _write(d / "big.html", b"<p>" + b"x" * (MAX_DOCUMENT_BYTES + 10) + b"</p>"),
        E110,
    ),
    Kind(
        "text_over_char_limit",
        lambda d: _write(d / "long.txt", (ENGLISH + "\n") * (MAX_TEXT_CHARS // len(ENGLISH) + 5)),
        E110,
    ),
    Kind("enormous_line", lambda d: _write(d / "line.txt", "word " * (MAX_TEXT_CHARS // 4)), E110),
    Kind(
        "malformed_html_with_text",
        lambda d: _write(
            d / "m.html",
            f"<html><body><div><p>{ENGLISH}<p>{ENGLISH}<b><i>{ENGLISH}</b></i><table><td>"
            f"<p>{ENGLISH}</div></span></html></html><<>>",
        ),
        NONE,
        articles=1,
    ),
    Kind(
        "tag_soup",
        lambda d: _write(d / "soup.html", "<<<>>><</>><!--<![CDATA[<?x ?>&#0;&bogus;"),
        MAYBE_EMPTY,
        articles=-1,  # the stray brackets are its visible text
    ),
    Kind(
        "script_only_html",
        lambda d: _write(d / "s.html", "<html><script>var a=1;</script><style>p{}</style></html>"),
        MAYBE_EMPTY,
    ),
    Kind(
        "xml_declared_html",
        lambda d: _write(
            d / "x.html",
            f"<?xml version='1.0' encoding='utf-8'?><html><body><p>{ENGLISH}</p>"
            f"<p>{ENGLISH}</p></body></html>",
        ),
        NONE,
        articles=1,
    ),
    Kind("deeply_nested_html", _deep_html, frozenset({"E106", "E107"}), articles=-1),
    Kind("jsonl_broken_lines", _broken_jsonl, frozenset({"E103", "E104", "E105"}), articles=4),
    Kind("jsonl_truncated_gzip", _truncated_jsonl_gz, E108, articles=-1),
    Kind("jsonl_not_jsonl", _not_jsonl, E104),
    Kind("jsonl_huge_line", _huge_jsonl_line, E110, articles=2),
    Kind("jsonl_blank", lambda d: _write(d / "blank.jsonl", "\n\n  \n"), E106),
    Kind("jsonl_binary", lambda d: _write(d / "b.jsonl", b"\x00\x01\x02" * 50), E103),
    Kind("warc_truncated_gzip", _warc_truncated_gzip, E108, articles=2),
    Kind("warc_mixed_records", _warc_mixed_records, E103, articles=2),
    Kind("warc_not_warc", lambda d: _write(d / "x.warc", ENGLISH * 3), E103),
    Kind("warc_empty", lambda d: _write(d / "x.warc.gz", _gz(b"")), E106),
    Kind(
        "feed_entry_without_text",
        lambda d: _write(
            d / "f.rss", _feed(_feed_items(1) + FEED_ITEM.format(title="Bare", n=9, body=""))
        ),
        E105,
        articles=1,
    ),
    Kind(
        "feed_not_well_formed",
        lambda d: _write(d / "f.rss", _feed(_feed_items(1, 2), tail="<item><title>a & b")),
        frozenset({"E105", "E112"}),  # the cut entry has no text
        articles=-1,
    ),
    Kind("feed_not_xml", lambda d: _write(d / "f.atom", ENGLISH), E112),
    Kind("feed_binary", lambda d: _write(d / "f.rss", b"\x89PNG\r\n\x1a\n" + b"\x00" * 40), E103),
    Kind(
        "xml_not_a_feed",
        lambda d: _write(d / "sitemap.xml", "<?xml version='1.0'?><urlset><url/></urlset>"),
        NONE,
    ),
    Kind("dangling_symlink", _dangling, E101),
    Kind("symlink_loop", _link_loop, NONE),
    Kind("fifo_named_txt", _fifo, NONE),
    Kind("unreadable_file", _unreadable, E108, simulated=True),
    Kind("unlistable_folder", _unlistable, E108, simulated=True),
]
"""``articles=-1``: some articles may come through, none required."""


def _kind_dir(root: Path, kind: Kind) -> Path:
    return root / kind.name


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("malformed")
    for kind in KINDS:
        folder = _kind_dir(root, kind)
        folder.mkdir()
        _write(folder / "good.txt", good_article(kind.name))
        kind.make(folder)
    yield root
    (root / "unreadable_file" / "secret.txt").chmod(0o644)  # so pytest can remove them
    (root / "unlistable_folder" / "locked").chmod(0o755)


@pytest.fixture()
def denied(monkeypatch: pytest.MonkeyPatch) -> None:
    """Running as root, chmod 0 does not stop reading: make the OS refuse as it would a user."""
    if not ROOT_USER:
        return
    import newsbrief.ingest as ingest
    import newsbrief.ingest.text as text

    real_open, real_scandir = text.open_binary, os.scandir

    def open_binary(path: Path):  # type: ignore[no-untyped-def]
        if path.name == "secret.txt":
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path)

    def scandir(path):  # type: ignore[no-untyped-def]
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(text, "open_binary", open_binary)
    monkeypatch.setattr(ingest.os, "scandir", scandir)


def _check(result: Result, root: Path) -> dict[str, str]:
    """Assert the corpus contract; returns each kind's outcome for the summary."""
    by_kind: dict[str, str] = {}
    for kind in KINDS:
        folder = str(_kind_dir(root, kind))
        in_kind = [a for a in result.articles if a.source.startswith(folder + os.sep)]
        good = [a for a in in_kind if Path(a.source).name == "good.txt"]
        assert len(good) == 1, f"{kind.name}: the good article was lost"
        others = len(in_kind) - 1
        if kind.articles >= 0:
            assert others == kind.articles, f"{kind.name}: {others} articles from the bad input"
        if kind.codes == E111:
            marked = [a for a in in_kind if Path(a.source).name != "good.txt"]
            assert all(a.language and not a.quotes and not a.claims for a in marked), kind.name
        errors = [
            e for e in result.errors if e.source == folder or e.source.startswith(folder + os.sep)
        ]
        codes = {e.error[1:5] for e in errors}
        for err in errors:
            assert err.error.startswith("[E") and ": " in err.error, err
            assert "\n" not in err.error
        assert codes <= kind.codes, f"{kind.name}: {errors} not in {sorted(kind.codes)}"
        if kind.codes and kind.articles == 0:
            assert codes, f"{kind.name}: the bad input gave no error"
        by_kind[kind.name] = ",".join(sorted(codes)) or "ok"
    return by_kind


def test_there_are_many_kinds() -> None:
    assert len(KINDS) >= 40
    assert len({k.name for k in KINDS}) == len(KINDS)


def test_pipeline_survives_the_corpus(corpus: Path, denied: None) -> None:
    from newsbrief.pipeline import extract_result

    result = extract_result([corpus])
    outcome = _check(result, corpus)
    assert len(outcome) == len(KINDS)


@pytest.mark.parametrize("kind", KINDS, ids=[k.name for k in KINDS])
def test_each_kind_alone_gives_its_error(corpus: Path, kind: Kind, denied: None) -> None:
    """Ingest only (no parse): the bad input named on its own is read or refused, never raised."""
    folder = _kind_dir(corpus, kind)
    items = list(read_inputs([folder]))
    sources = [i.source for i in items if isinstance(i, RawDocument)]
    assert str(folder / "good.txt") in sources
    codes = {i.error[1:5] for i in items if isinstance(i, InputError)}
    assert codes <= kind.codes | MAYBE_EMPTY | {"E111"}


def test_jsonl_bad_lines_name_file_and_line(corpus: Path) -> None:
    path = _kind_dir(corpus, KINDS_BY_NAME["jsonl_broken_lines"]) / "feed.jsonl"
    items = list(read_inputs([path]))
    docs = [i.source for i in items if isinstance(i, RawDocument)]
    errors = {i.source: i.error for i in items if isinstance(i, InputError)}
    assert docs == [f"{path}#r1", f"{path}#r2", f"{path}#bad-date", f"{path}#r3"]
    assert sorted(errors) == sorted(
        f"{path}#{n}" for n in (2, 3, 4, "no-text", "wrong-type", 7, 10, 11)
    )
    assert "line 2 is not valid JSON" in errors[f"{path}#2"]
    assert "nests JSON too deeply" in errors[f"{path}#7"] or "not valid JSON" in errors[f"{path}#7"]
    assert errors[f"{path}#10"].startswith("[E103]")


def test_truncated_gzip_jsonl_keeps_the_records_before(corpus: Path) -> None:
    path = _kind_dir(corpus, KINDS_BY_NAME["jsonl_truncated_gzip"]) / "feed.jsonl.gz"
    items = list(read_inputs([path]))
    docs = [i for i in items if isinstance(i, RawDocument)]
    errors = [i for i in items if isinstance(i, InputError)]
    assert len(docs) >= 10
    assert errors[-1].source == str(path) and errors[-1].error.startswith("[E108]")
    assert "cut short" in errors[-1].error and "were read" in errors[-1].error


def test_not_jsonl_does_not_flood_the_errors(corpus: Path) -> None:
    path = _kind_dir(corpus, KINDS_BY_NAME["jsonl_not_jsonl"]) / "table.jsonl"
    errors = [i for i in read_inputs([path]) if isinstance(i, InputError)]
    assert len(errors) == MAX_LINE_ERRORS + 1
    assert "more bad lines not listed" in errors[-1].error


def test_errors_say_what_to_do(corpus: Path, denied: None) -> None:
    items = list(read_inputs([corpus]))
    for item in items:
        if isinstance(item, InputError):
            assert ":" in item.error.split("] ", 1)[1], item.error  # "what: the fix"


KINDS_BY_NAME = {k.name: k for k in KINDS}


def test_stdin_bytes_are_decoded_like_files() -> None:
    class Stdin(io.TextIOWrapper):
        pass

    raw = io.BytesIO(good_article("standard input").encode("cp1252"))
    (doc,) = read_inputs(["-"], stdin=Stdin(raw, encoding="utf-8"))
    assert isinstance(doc, RawDocument) and "Tuesday" in doc.content
    binary = Stdin(io.BytesIO(b"\x89PNG\r\n\x1a\n\x00\x00"), encoding="utf-8")
    (err,) = read_inputs(["-"], stdin=binary)
    assert isinstance(err, InputError) and err.error.startswith("[E103]")


# ----------------------------------------------------------------------------- the CLI


def _cli(*args: str, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-c", "from newsbrief.cli import main; main()", *args],
        input=stdin,
        capture_output=True,
        timeout=300,
        check=False,
    )


def test_cli_over_the_corpus_exits_0_without_traceback(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    inputs = [str(_kind_dir(corpus, k)) for k in KINDS if not (k.simulated and ROOT_USER)]
    run = _cli("extract", *inputs, "--json", str(out), "--quiet")
    assert run.returncode == 0, run.stderr.decode()
    assert b"Traceback" not in run.stderr
    doc = json.loads(out.read_text(encoding="utf-8"))
    names = {
        Path(a["source"]).parent.name for a in doc["articles"] if a["source"].endswith("good.txt")
    }
    assert len(names) == len(inputs)
    assert doc["errors"] and all({"source", "error"} <= set(e) for e in doc["errors"])


def test_cli_reports_each_failure_on_one_stderr_line(corpus: Path) -> None:
    folder = _kind_dir(corpus, KINDS_BY_NAME["empty_file"])
    run = _cli("extract", str(folder / "empty.txt"), str(folder / "good.txt"))
    assert run.returncode == 0
    lines = [line for line in run.stderr.decode().splitlines() if "empty.txt" in line]
    assert len(lines) == 1 and "[E106]" in lines[0] and "remove it" in lines[0]


def test_cli_exits_2_when_no_article_came_through(corpus: Path) -> None:
    bad = [
        str(_kind_dir(corpus, KINDS_BY_NAME[name]) / file)
        for name, file in [
            ("empty_file", "empty.txt"),
            ("random_bytes", "noise.txt"),
            ("truncated_gzip", "a.txt.gz"),
            ("german_article", "de.txt"),
            ("dangling_symlink", "link.txt"),
            ("jsonl_blank", "blank.jsonl"),
        ]
    ]
    for command in ("extract", "brief"):
        run = _cli(command, *bad, "-", stdin=b"\x00\x01binary")
        assert run.returncode == 2, run.stderr.decode()
        assert b"Traceback" not in run.stderr
        assert run.stderr.decode().count("[E1") >= len(bad) + 1


def test_truncated_warc_names_the_offset(corpus: Path) -> None:
    path = _kind_dir(corpus, KINDS_BY_NAME["warc_truncated_gzip"]) / "crawl.warc.gz"
    items = list(read_inputs([path]))
    docs = [i for i in items if isinstance(i, RawDocument)]
    (err,) = [i for i in items if isinstance(i, InputError)]
    assert len(docs) == 2 and err.source == str(path)
    offset = len(_gz(_warc_record("https://warc.example/1", _warc_page(1)))) + len(
        _gz(_warc_record("https://warc.example/2", _warc_page(2)))
    )
    assert f"byte offset {offset}" in err.error and "were read" in err.error


def test_bad_warc_record_is_named_by_offset(corpus: Path) -> None:
    path = _kind_dir(corpus, KINDS_BY_NAME["warc_mixed_records"]) / "crawl.warc"
    errors = [i for i in read_inputs([path]) if isinstance(i, InputError)]
    (err,) = errors
    assert err.source.startswith(f"{path}#") and int(err.source.rsplit("#", 1)[1]) > 0


def test_gzip_corruption_mid_stream_is_e108(tmp_path: Path) -> None:
    data = bytearray(_gz((ENGLISH * 200).encode()))
    data[len(data) // 2] ^= 0xFF
    path = tmp_path / "flip.txt.gz"
    path.write_bytes(bytes(data))
    (err,) = read_inputs([path])
    assert isinstance(err, InputError) and err.error.startswith("[E108]")
