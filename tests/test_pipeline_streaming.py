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


def test_a_stopped_first_pass_reads_no_further(tmp_path: Path) -> None:
    """The first pass over the inputs (run beside a Dask cluster's start) ends when told to,
    without counting the inputs a second time."""
    import threading

    for n in range(3):
        (tmp_path / f"{n}.txt").write_text(TEXT.format(n=n, m=40), encoding="utf-8")
    source = pipeline._Inputs([tmp_path], None)
    opts = pipeline.RunOptions()
    assert pipeline._learned(source, opts)[1] == 3
    stop = threading.Event()
    stop.set()
    assert pipeline._learned(source, opts, stop) == (None, 0)


def test_an_unreachable_scheduler_fails_before_the_inputs_are_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The inputs are read while the executor opens; when it cannot open, its coded error is
    raised and the reading stops instead of running through the corpus."""
    pytest.importorskip("distributed")
    import threading

    from newsbrief.errors import OptionError

    for n in range(50):
        (tmp_path / f"{n:02d}.txt").write_text(TEXT.format(n=n, m=40), encoding="utf-8")
    opened = threading.Event()
    read: list[str] = []
    real = pipeline._Inputs.__iter__

    def slow_iter(self):  # type: ignore[no-untyped-def]
        for item in real(self):
            opened.wait(timeout=5)  # the executor has failed by now
            read.append(str(item))
            yield item

    def refuse(opts):  # type: ignore[no-untyped-def]
        opened.set()
        raise OptionError("could not connect to the Dask scheduler at tcp://127.0.0.1:9")

    monkeypatch.setattr(pipeline._Inputs, "__iter__", slow_iter)
    monkeypatch.setattr(pipeline, "_open_executor", refuse)
    with pytest.raises(OptionError, match="could not connect"):
        extract_result([tmp_path], executor="dask", scheduler="tcp://127.0.0.1:9")
    assert len(read) <= 2  # the document in hand, and at most the one after it
