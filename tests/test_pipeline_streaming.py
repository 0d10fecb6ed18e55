"""The pipeline streams its inputs: raw documents are read in two passes (learning, then
shards) and only the shards in flight are held, never the whole corpus; standard input, which
cannot be read twice, is held once and gives the same articles as a file."""

from __future__ import annotations

import gc
import io
from pathlib import Path

import pytest

import newsbrief.pipeline as pipeline
from newsbrief.model import Article, RawDocument
from newsbrief.pipeline import extract_result

TEXT = (
    "Orchard town {n} opens a cider hall\n\nThe council of Brambleford {n} opened a new cider "
    "hall on Saturday, after {n} years of planning, its mayor said.\n\nThe hall seats {m} "
    "people and will host a harvest fair every October.\n"
)


def _live_raw_documents() -> int:
    return sum(1 for o in gc.get_objects() if isinstance(o, RawDocument))


@pytest.fixture()
def no_parse(monkeypatch: pytest.MonkeyPatch) -> None:
    """Skip spaCy: these tests are about what the pipeline holds, not what it extracts."""
    monkeypatch.setattr(pipeline, "_analyse_shard", lambda articles: list(articles))


def test_only_the_shard_in_flight_is_held(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_parse: None
) -> None:
    for n in range(60):
        (tmp_path / f"{n:03d}.txt").write_text(TEXT.format(n=n, m=n * 7 + 30), encoding="utf-8")
    held: list[int] = []
    real = pipeline._run_shard

    def run_shard(job):  # type: ignore[no-untyped-def]
        gc.collect()
        held.append(_live_raw_documents())
        return real(job)

    monkeypatch.setattr(pipeline, "_run_shard", run_shard)
    gc.collect()
    before = _live_raw_documents()  # held by other tests in the same session
    result = extract_result([tmp_path], shard_size=5)
    assert len(result.articles) == 60 and result.errors == []
    assert len(held) == 12
    assert max(held) - before <= 5  # one shard of documents at a time, not the corpus


def test_stdin_is_read_once_and_gives_what_a_file_gives(tmp_path: Path, no_parse: None) -> None:
    text = TEXT.format(n=1, m=40)
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    reads: list[int] = []

    class Stdin(io.StringIO):
        def read(self, size: int | None = -1) -> str:
            reads.append(1)
            return super().read(size)

    from_stdin = extract_result(["-"], stdin=Stdin(text))
    from_file = extract_result([path])
    (a,), (b,) = from_stdin.articles, from_file.articles
    assert isinstance(a, Article) and a.paragraphs == b.paragraphs and a.title == b.title
    assert a.source == "-" and len(reads) == 1


def test_errors_are_reported_once_in_input_order(tmp_path: Path, no_parse: None) -> None:
    (tmp_path / "a.txt").write_text(TEXT.format(n=2, m=50), encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"")
    (tmp_path / "c.jsonl").write_text('not json\n{"id": "x", "text": "Words."}\n', "utf-8")
    result = extract_result([tmp_path, tmp_path / "missing.txt"])
    assert [e.error[:6] for e in result.errors][:3] == ["[E106]", "[E104]", "[E101]"]
    assert len(result.errors) == len({(e.source, e.error) for e in result.errors})
