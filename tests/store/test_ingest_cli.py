"""`newsbrief ingest` from files, on each backend: a progress bar, idempotent reruns."""

from __future__ import annotations

from typer.testing import CliRunner

from newsbrief.cli import app
from newsbrief.store import Store

runner = CliRunner()
FOLDER = "examples/demo/varnian-radio"


def test_ingest_files_twice(db_url: str) -> None:
    first = runner.invoke(app, ["ingest", FOLDER, "--db", db_url])
    assert first.exit_code == 0, first.output
    assert "article(s) added, 0 already stored" in first.output
    with Store(db_url) as store:
        counts = store.counts()
        assert counts["articles"] >= 1 and counts["stories"] >= 1
        story = store.list_stories()[0]
        brief = store.brief(story.id)
        assert brief is not None and brief.summary
    again = runner.invoke(app, ["ingest", FOLDER, "--db", db_url])
    assert again.exit_code == 0, again.output
    assert f"0 article(s) added, {counts['articles']} already stored" in again.output
    with Store(db_url) as store:
        assert store.counts() == counts


def test_ingest_reports_unreadable_inputs(tmp_path: object) -> None:
    result = runner.invoke(app, ["ingest", "no/such/folder", "--db", f"sqlite:///{tmp_path}/x.db"])
    assert result.exit_code == 2  # no article read: the same exit status as brief and extract
    assert "E101" in result.output


def test_serve_and_ingest_have_help() -> None:
    for command in ("ingest", "serve"):
        result = runner.invoke(app, [command, "--help"])
        assert result.exit_code == 0 and "--db" in result.output
