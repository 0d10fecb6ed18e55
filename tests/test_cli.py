"""The CLI: every command has --help, writes the contract, and reports bad input clearly."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from newsbrief.cli import app
from newsbrief.model import Result, json_schema

runner = CliRunner()

ARTICLE_ONE = """The Lantern Gazette

Harbour bridge closes after barge strike

By Mira Talon | 4 May 2026

The Ostrava Street bridge in Port Wendel was closed on Monday after a cargo barge struck one of \
its piers, the city's transport department said.

"We will not reopen the bridge until engineers have checked every bearing," said Ilse Brannock, \
the head of the department. She added that the inspection would take at least two weeks.

About 14,000 vehicles cross the bridge every day, according to the department.

Share this article
"""

ARTICLE_TWO = """Port Wendel bridge shut for inspection after barge collision

The Ostrava Street bridge in Port Wendel will stay closed for at least two weeks after a barge \
hit a pier on Monday, officials said.

Ilse Brannock, who leads the city's transport department, said engineers would check every \
bearing before traffic returned. Nearly 14,000 vehicles use the crossing daily.

The barge's operator, Kessel Freight, said none of its four crew members was hurt.
"""


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "gazette.txt").write_text(ARTICLE_ONE, encoding="utf-8")
    (folder / "courier.txt").write_text(ARTICLE_TWO, encoding="utf-8")
    (folder / "feed.jsonl").write_text(
        json.dumps({"id": "x1", "text": ARTICLE_TWO, "outlet": "Wendel Daily"}) + "\n{not json\n",
        encoding="utf-8",
    )
    return folder


@pytest.mark.parametrize("command", ["brief", "extract", "schema", "version"])
def test_every_command_has_help(command: str) -> None:
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0, result.output
    assert "Usage" in result.output


def test_schema_prints_the_contract_schema() -> None:
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert {"Article", "Story", "Quote", "Claim", "Figure"} <= set(schema["$defs"])
    assert schema["properties"]["schema"]["default"] == "newsbrief/1"


def test_extract_writes_articles_and_errors(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "articles.json"
    result = runner.invoke(app, ["extract", str(corpus), "--json", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    doc = json.loads(out.read_text(encoding="utf-8"))
    jsonschema.validate(doc, json_schema())
    assert doc["stories"] == []
    sources = sorted(a["source"] for a in doc["articles"])
    assert sources == sorted(
        [str(corpus / "courier.txt"), str(corpus / "gazette.txt"), f"{corpus / 'feed.jsonl'}#x1"]
    )
    [error] = doc["errors"]
    assert error["source"] == f"{corpus / 'feed.jsonl'}#2"
    assert "E104" in error["error"]


def test_brief_prints_a_brief_and_writes_json(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "brief.json"
    result = runner.invoke(app, ["brief", str(corpus), "--json", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    assert "Summary" in result.stdout
    doc = json.loads(out.read_text(encoding="utf-8"))
    jsonschema.validate(doc, json_schema())
    parsed = Result.model_validate(doc)
    assert len(parsed.stories) == 1, "three reports of one bridge closure are one story"
    story = parsed.stories[0]
    assert sorted(story.articles) == sorted(a.id for a in parsed.articles)
    assert all(s.sources for s in story.summary)


@pytest.mark.parametrize(("fmt", "marker"), [("md", "# "), ("json", '"schema": "newsbrief/1"')])
def test_brief_formats(corpus: Path, fmt: str, marker: str) -> None:
    result = runner.invoke(app, ["brief", str(corpus), "--format", fmt, "--quiet"])
    assert result.exit_code == 0, result.output
    assert marker in result.stdout


def test_brief_html_report_to_file(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "report" / "report.html"
    result = runner.invoke(
        app, ["brief", str(corpus), "--format", "html", "--out", str(out), "--quiet"]
    )
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "</html>" in page
    assert 'class="summary"' in page and "<script" not in page
    assert "Ostrava Street bridge" in page


@pytest.mark.parametrize(("table", "header"), [("claims", "story_id"), ("quotes", "story_id")])
def test_brief_csv_tables(corpus: Path, table: str, header: str) -> None:
    import csv
    import io

    result = runner.invoke(
        app, ["brief", str(corpus), "--format", "csv", "--table", table, "--quiet"]
    )
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert header in rows[0]
    assert len(rows) >= 2, "the bridge story has quotes and figures"


def test_brief_reads_stdin() -> None:
    result = runner.invoke(app, ["extract", "-", "--quiet"], input=ARTICLE_ONE)
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert [a["source"] for a in doc["articles"]] == ["-"]
    assert any("barge" in p for p in doc["articles"][0]["paragraphs"])


def test_missing_input_is_reported_not_fatal(corpus: Path, tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    result = runner.invoke(app, ["extract", str(missing), str(corpus / "gazette.txt")])
    assert result.exit_code == 0
    doc = json.loads(result.stdout)
    assert len(doc["articles"]) == 1
    assert doc["errors"][0]["source"] == str(missing)
    assert "E101" in doc["errors"][0]["error"]


def test_only_bad_inputs_exit_non_zero(tmp_path: Path) -> None:
    result = runner.invoke(app, ["brief", str(tmp_path / "nope.txt")])
    assert result.exit_code == 2
    assert "E101" in result.stderr


def test_bad_option_is_a_coded_error(corpus: Path) -> None:
    result = runner.invoke(app, ["brief", str(corpus), "--words", "2"])
    assert result.exit_code == 2
    assert "E301" in result.stderr
