"""The evaluation harness, on a fake registry of toy scorers and a temporary data root."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console

from newsbrief.errors import OptionError
from newsbrief.eval import harness
from newsbrief.eval.harness import (
    EVALUATIONS,
    EvalOutcome,
    Evaluation,
    check_floors,
    flatten_metrics,
    limit_kwarg,
    outcomes_json,
    outcomes_table,
    run_evaluations,
    select,
)

REPO = Path(__file__).resolve().parents[2]
HERE = __name__


# ---------------------------------------------------------------- toy scorers (looked up by name)


def toy_count(path: Path, *, limit: int | None = None, scale: float = 1.0) -> dict[str, Any]:
    """Counts the lines of ``path/items.txt``; precision is a fixed share of them."""
    lines = (path / "items.txt").read_text(encoding="utf-8").splitlines()
    if limit is not None:
        lines = lines[:limit]
    return {"n": len(lines), "precision": 0.5 * scale, "recall": 0.75, "f1": 0.6 * scale}


def toy_nested(path: Path) -> dict[str, Any]:
    """Returns nested and non-numeric values."""
    return {"n": 2, "rouge1": {"f": 0.4, "p": 0.5}, "note": "ok", "ids": [1, 2], "flag": True}


def toy_raises(path: Path) -> dict[str, Any]:
    """Always fails, like a scorer with a bug."""
    raise ValueError("bad [gold] file")


def toy_not_a_dict(path: Path) -> list[int]:
    """Returns the wrong type."""
    return [1, 2, 3]


def ev(name: str, scorer: str, **kw: Any) -> Evaluation:
    """An evaluation of a toy scorer in this module, on the data folder ``toy``."""
    kw.setdefault("data", "toy")
    return Evaluation(name=name, scorer=f"{HERE}:{scorer}", **kw)


@pytest.fixture()
def root(tmp_path: Path) -> Path:
    """A data root with one folder, ``toy``, of five items."""
    (tmp_path / "toy").mkdir()
    (tmp_path / "toy" / "items.txt").write_text("a\nb\nc\nd\ne\n", encoding="utf-8")
    return tmp_path


# ---------------------------------------------------------------- running


def test_ok_outcome_has_metrics_and_time(root: Path) -> None:
    [outcome] = run_evaluations(data_root=root, registry=[ev("toy/all", "toy_count")])
    assert outcome.status == "ok"
    assert outcome.metrics == {"n": 5, "precision": 0.5, "recall": 0.75, "f1": 0.6}
    assert outcome.seconds >= 0
    assert not outcome.failed


def test_kwargs_and_limit_reach_the_scorer(root: Path) -> None:
    registry = [ev("toy/half", "toy_count", kwargs={"scale": 0.5}, limit=limit_kwarg("limit"))]
    [outcome] = run_evaluations(data_root=root, limit=2, registry=registry)
    assert outcome.metrics["n"] == 2
    assert outcome.metrics["precision"] == pytest.approx(0.25)
    assert "limit 2" in outcome.reason


def test_limit_without_hook_runs_in_full_and_says_so(root: Path) -> None:
    [outcome] = run_evaluations(data_root=root, limit=2, registry=[ev("toy/all", "toy_count")])
    assert outcome.metrics["n"] == 5
    assert "not supported" in outcome.reason


def test_absent_folder_is_skipped_with_its_path(tmp_path: Path) -> None:
    [outcome] = run_evaluations(data_root=tmp_path, registry=[ev("toy/all", "toy_count")])
    assert outcome.status == "skipped"
    assert str(tmp_path / "toy") in outcome.reason
    assert outcome.metrics == {}


def test_raising_scorer_is_an_error_and_the_run_goes_on(root: Path) -> None:
    registry = [ev("toy/bad", "toy_raises"), ev("toy/all", "toy_count")]
    bad, good = run_evaluations(data_root=root, registry=registry)
    assert bad.status == "error"
    assert "ValueError" in bad.reason and "bad [gold] file" in bad.reason
    assert good.status == "ok"


def test_missing_module_or_function_is_an_error(root: Path) -> None:
    registry = [
        Evaluation("toy/nomodule", "toy", "newsbrief.eval.no_such_module:score"),
        ev("toy/nofunc", "no_such_function"),
        ev("toy/list", "toy_not_a_dict"),
    ]
    outcomes = run_evaluations(data_root=root, registry=registry)
    assert [o.status for o in outcomes] == ["error", "error", "error"]
    assert "not importable" in outcomes[0].reason
    assert "no_such_module" in outcomes[0].reason
    assert "not importable" in outcomes[1].reason
    assert "expected a dict" in outcomes[2].reason


def test_floor_violation_is_flagged(root: Path) -> None:
    registry = [
        ev("toy/pass", "toy_count", floors={"f1": 0.5}),
        ev("toy/fail", "toy_count", floors={"f1": 0.9, "recall": 0.7}),
        ev("toy/gone", "toy_count", floors={"rouge2": 0.1}),
    ]
    passing, failing, missing = run_evaluations(data_root=root, registry=registry)
    assert not passing.failed
    assert failing.failed
    assert [(v.metric, v.value, v.floor) for v in failing.violations] == [("f1", 0.6, 0.9)]
    assert "below floor" in failing.reason
    assert missing.failed and missing.violations[0].value is None


def test_check_floors_treats_nan_and_text_as_failing() -> None:
    assert [v.metric for v in check_floors({"a": float("nan"), "b": "x"}, {"a": 0, "b": 0})] == [
        "a",
        "b",
    ]
    assert check_floors({"a": 0.5}, {"a": 0.5}) == []


def test_flatten_metrics() -> None:
    flat = flatten_metrics(toy_nested(Path(".")))
    assert flat == {"n": 2, "rouge1.f": 0.4, "rouge1.p": 0.5, "note": "ok", "flag": 1}


# ---------------------------------------------------------------- selection and data root


def test_select_by_name_and_prefix_keeps_registry_order() -> None:
    names = [e.name for e in select(["polnear/dev", "article-extraction"])]
    assert names == ["article-extraction/plain", "article-extraction/html", "polnear/dev"]
    with pytest.raises(OptionError, match="unknown evaluation"):
        select(["nope"])


def test_registry_names_are_unique_and_paths_relative() -> None:
    names = [e.name for e in EVALUATIONS]
    assert len(names) == len(set(names)) == 7
    assert all(not Path(e.data).is_absolute() for e in EVALUATIONS)


def test_data_root_prefers_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(harness.DATA_ENV, str(tmp_path))
    assert harness.data_root() == tmp_path


def test_data_root_is_beside_the_repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(harness.DATA_ENV, raising=False)
    repo = tmp_path / "repo"
    (repo / "sub").mkdir(parents=True)
    (repo / "pyproject.toml").write_text("", encoding="utf-8")
    (tmp_path / "shared" / "data").mkdir(parents=True)
    monkeypatch.chdir(repo / "sub")
    assert harness.data_root() == tmp_path.resolve() / "shared" / "data"


def test_real_registry_never_crashes_on_an_empty_root(tmp_path: Path) -> None:
    outcomes = run_evaluations(data_root=tmp_path)
    assert [o.status for o in outcomes] == ["skipped"] * len(EVALUATIONS)


# ---------------------------------------------------------------- reporting


def render(outcomes: list[EvalOutcome]) -> str:
    console = Console(width=200, record=True, file=io.StringIO())
    console.print(outcomes_table(outcomes))
    return console.export_text()


def test_table_has_a_row_per_set(root: Path) -> None:
    registry = [
        ev("toy/all", "toy_count"),
        ev("toy/fail", "toy_count", floors={"f1": 0.9}),
        ev("toy/bad", "toy_raises"),
        ev("toy/absent", "toy_count", data="missing"),
    ]
    text = render(run_evaluations(data_root=root, registry=registry))
    for name in ("toy/all", "toy/fail", "toy/bad", "toy/absent"):
        assert name in text
    assert "precision=0.500" in text and "recall=0.750" in text
    assert "f1=0.600!" in text
    assert "FAIL" in text and "skipped" in text
    assert "bad [gold] file" in text  # brackets are not taken for rich markup


def test_json_output_round_trips(root: Path) -> None:
    outcomes = run_evaluations(
        data_root=root, registry=[ev("toy/fail", "toy_count", floors={"f1": 0.9})]
    )
    doc = json.loads(outcomes_json(outcomes, root=root))
    assert doc["data_root"] == str(root)
    [row] = doc["outcomes"]
    assert row["name"] == "toy/fail" and row["status"] == "ok"
    assert row["metrics"]["f1"] == 0.6
    assert row["violations"] == [{"metric": "f1", "value": 0.6, "floor": 0.9}]


# ---------------------------------------------------------------- the script


def run_script(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(REPO / "bench" / "quality.py"), *args],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=REPO,
    )


def test_script_help() -> None:
    proc = run_script("--help")
    assert proc.returncode == 0
    for option in ("--only", "--limit", "--json", "--data"):
        assert option in proc.stdout


def test_script_skips_everything_on_an_empty_root(tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    proc = run_script("--data", str(tmp_path / "none"), "--json", str(out))
    assert proc.returncode == 0, proc.stderr
    for evaluation in EVALUATIONS:
        assert evaluation.name in proc.stdout
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert {o["status"] for o in doc["outcomes"]} == {"skipped"}


def test_script_rejects_an_unknown_set() -> None:
    proc = run_script("--only", "nope", "--data", "/nonexistent")
    assert proc.returncode == 2
    assert "unknown evaluation" in proc.stderr


def test_flatten_drops_per_item_detail_tables() -> None:
    from newsbrief.eval.harness import MAX_NESTED, flatten_metrics

    detail = {f"page{i}": 0.5 for i in range(MAX_NESTED + 1)}
    flat = flatten_metrics({"f1": 0.9, "per_page": detail, "lead": {"f1": 0.4}})
    assert flat == {"f1": 0.9, "lead.f1": 0.4}
