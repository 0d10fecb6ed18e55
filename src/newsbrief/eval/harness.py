"""Registry of quality evaluations on the public labelled data sets, and a runner for them.

Each :class:`Evaluation` names the data it needs (relative to the data root), the scorer that
measures it (imported lazily, so a missing scorer is one ``error`` row, not a crashed run) and
the pinned quality floors its metrics must reach. ``bench/quality.py`` prints the outcomes as
one table and fails when a metric falls below its floor (the quality gate).
"""

from __future__ import annotations

import importlib
import json
import math
import os
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from rich.table import Table
from rich.text import Text

from newsbrief.errors import OptionError

Status = Literal["ok", "skipped", "error"]
Metric = float | int | str
LimitArgs = Callable[[Path, int], dict[str, Any]]

DATA_ENV = "NEWSBRIEF_DATA"


def limit_kwarg(name: str) -> LimitArgs:
    """A limit hook that passes ``--limit N`` to the scorer as keyword ``name``."""

    def hook(_path: Path, limit: int) -> dict[str, Any]:
        return {name: limit}

    return hook


def first_extraction_ids(path: Path, limit: int) -> dict[str, Any]:
    """Limit hook for article-extraction: the first ``limit`` page ids (sorted) of the gold set."""
    with (path / "ground-truth.json").open(encoding="utf-8") as fh:
        gold = json.load(fh)
    return {"ids": sorted(gold)[:limit]}


@dataclass(frozen=True)
class Evaluation:
    """One scored data set: where its data is, which scorer measures it, its pinned floors."""

    name: str
    data: str
    scorer: str
    kwargs: Mapping[str, Any] = field(default_factory=dict, hash=False)
    floors: Mapping[str, float] = field(default_factory=dict, hash=False)
    limit: LimitArgs | None = field(default=None, hash=False, compare=False)
    description: str = ""

    def load_scorer(self) -> Callable[..., Mapping[str, Any]]:
        """Import the scorer named ``module:function``."""
        module_name, _, attr = self.scorer.partition(":")
        module = importlib.import_module(module_name)
        func = getattr(module, attr)
        if not callable(func):
            raise TypeError(f"{self.scorer} is not callable")
        return func


EVALUATIONS: tuple[Evaluation, ...] = (
    Evaluation(
        name="article-extraction/plain",
        data="article-extraction",
        scorer="newsbrief.eval.extraction:score_article_extraction",
        kwargs={"source": "plain"},
        limit=first_extraction_ids,
        description="cleaned body vs gold article body, from plain text (token P/R/F1)",
    ),
    Evaluation(
        name="article-extraction/html",
        data="article-extraction",
        scorer="newsbrief.eval.extraction:score_article_extraction",
        kwargs={"source": "html"},
        limit=first_extraction_ids,
        description="cleaned body vs gold article body, from HTML (token P/R/F1)",
    ),
    Evaluation(
        name="polnear/dev",
        data="polnear",
        scorer="newsbrief.eval.quotes:score_polnear",
        kwargs={"split": "dev"},
        limit=limit_kwarg("limit"),
        description="quotes and speakers vs PolNeAR attributions",
    ),
    Evaluation(
        name="newsquant/dev",
        data="newsquant/NewsQuant.dev.json",
        scorer="newsbrief.eval.numbers:score_newsquant",
        limit=limit_kwarg("limit"),
        description="quantity values and units vs NewsQuant",
    ),
    Evaluation(
        name="ecbplus/1-35",
        data="ecbplus/docs.jsonl",
        scorer="newsbrief.eval.clusters:score_ecbplus",
        limit=limit_kwarg("limit_topics"),
        description="story/event clusters vs ECB+ event clusters (B-cubed)",
    ),
    Evaluation(
        name="neus-allsides/grouping",
        data="neus-allsides",
        scorer="newsbrief.eval.clusters:score_neus_grouping",
        kwargs={"split": "val"},
        limit=limit_kwarg("limit"),
        description="stories/events of the undated val roundups mixed vs the roundups (B-cubed)",
    ),
    Evaluation(
        name="neus-allsides/val",
        data="neus-allsides",
        scorer="newsbrief.eval.summaries:score_neus",
        kwargs={"split": "val", "words": 60},
        limit=limit_kwarg("limit"),
        description="60-word summaries vs AllSides neutral summaries (ROUGE)",
    ),
)


@dataclass(frozen=True)
class FloorViolation:
    """A metric below its pinned floor (``value`` is None when the scorer did not report it)."""

    metric: str
    value: float | None
    floor: float

    def __str__(self) -> str:
        shown = "missing" if self.value is None else format_metric(self.value)
        return f"{self.metric}={shown} < {format_metric(self.floor)}"


@dataclass(frozen=True)
class EvalOutcome:
    """What running one evaluation gave: status, flat metrics, time, and why (if not ok)."""

    name: str
    status: Status
    metrics: dict[str, Metric] = field(default_factory=dict)
    seconds: float = 0.0
    reason: str = ""
    violations: tuple[FloorViolation, ...] = ()

    @property
    def failed(self) -> bool:
        """True when a metric is below its floor."""
        return bool(self.violations)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "name": self.name,
            "status": self.status,
            "metrics": dict(self.metrics),
            "seconds": round(self.seconds, 3),
            "reason": self.reason,
            "violations": [
                {"metric": v.metric, "value": v.value, "floor": v.floor} for v in self.violations
            ],
        }


# ---------------------------------------------------------------- data root


def _repo_roots(start: Path) -> Iterable[Path]:
    """Ancestors of ``start`` (itself included) that hold a ``pyproject.toml``."""
    for folder in (start, *start.parents):
        if (folder / "pyproject.toml").is_file():
            yield folder


def data_root() -> Path:
    """Where the labelled data sets live.

    ``$NEWSBRIEF_DATA`` if set, else ``<repo>/../shared/data`` for the repository found above the
    current directory or above this file. When none exists, the first candidate is returned (so
    every set reports itself as skipped with a path the user can act on).
    """
    env = os.environ.get(DATA_ENV)
    if env:
        return Path(env).expanduser()
    candidates: list[Path] = []
    for start in (Path.cwd().resolve(), Path(__file__).resolve().parent):
        for repo in _repo_roots(start):
            candidate = repo.parent / "shared" / "data"
            if candidate.is_dir():
                return candidate
            candidates.append(candidate)
    return candidates[0] if candidates else Path.cwd() / ".." / "shared" / "data"


_default_root = data_root  # run_evaluations' ``data_root`` parameter shadows this function


# ---------------------------------------------------------------- running


def select(
    names: Sequence[str] | None, registry: Sequence[Evaluation] = EVALUATIONS
) -> list[Evaluation]:
    """The evaluations named (exactly, or by prefix before ``/``), in registry order."""
    if not names:
        return list(registry)
    chosen: list[Evaluation] = []
    for wanted in names:
        hits = [e for e in registry if e.name == wanted or e.name.startswith(wanted + "/")]
        if not hits:
            known = ", ".join(e.name for e in registry)
            raise OptionError(f"unknown evaluation {wanted!r}; choose from: {known}")
        chosen.extend(e for e in hits if e not in chosen)
    return [e for e in registry if e in chosen]


MAX_NESTED = 12


def flatten_metrics(raw: Mapping[str, Any], prefix: str = "") -> dict[str, Metric]:
    """Flat ``{name: number}`` from a scorer's dict; nested dicts become ``outer.inner``.

    Booleans become 0/1; strings are kept; lists and ``None`` are dropped, and so are nested
    dicts of more than ``MAX_NESTED`` entries (per-page or per-document details, which belong in
    the scorer's own output rather than in one summary table).
    """
    flat: dict[str, Metric] = {}
    for key, value in raw.items():
        name = f"{prefix}{key}"
        if isinstance(value, Mapping) and len(value) > MAX_NESTED:
            continue
        if isinstance(value, Mapping):
            flat.update(flatten_metrics(value, prefix=f"{name}."))
        elif isinstance(value, bool):
            flat[name] = int(value)
        elif isinstance(value, int | float | str):
            flat[name] = value
        elif hasattr(value, "__float__") and not isinstance(value, list | tuple | set):
            flat[name] = float(value)  # numpy scalars
    return flat


def check_floors(
    metrics: Mapping[str, Metric], floors: Mapping[str, float]
) -> list[FloorViolation]:
    """Every pinned floor that the metrics do not reach (a missing or NaN metric fails)."""
    violations: list[FloorViolation] = []
    for metric, floor in floors.items():
        value = metrics.get(metric)
        if not isinstance(value, int | float):
            violations.append(FloorViolation(metric, None, floor))
        elif math.isnan(value) or value < floor:
            violations.append(FloorViolation(metric, float(value), floor))
    return violations


def run_evaluation(evaluation: Evaluation, *, root: Path, limit: int | None = None) -> EvalOutcome:
    """Run one evaluation; never raises (a failure is an ``error`` outcome)."""
    path = root / evaluation.data
    if not path.exists():
        return EvalOutcome(evaluation.name, "skipped", reason=f"no data at {path}")
    started = time.perf_counter()
    try:
        scorer = evaluation.load_scorer()
    except (ImportError, AttributeError, TypeError) as exc:
        return EvalOutcome(
            evaluation.name,
            "error",
            seconds=time.perf_counter() - started,
            reason=f"scorer {evaluation.scorer} not importable: {exc}",
        )
    kwargs = dict(evaluation.kwargs)
    notes: list[str] = []
    try:
        if limit is not None:
            if evaluation.limit is None:
                notes.append("--limit not supported, ran in full")
            else:
                kwargs.update(evaluation.limit(path, limit))
                notes.append(f"limit {limit}")
        raw = scorer(path, **kwargs)
        if not isinstance(raw, Mapping):
            raise TypeError(f"scorer returned {type(raw).__name__}, expected a dict")
    except Exception as exc:  # noqa: BLE001 - one failing set must not stop the others
        return EvalOutcome(
            evaluation.name,
            "error",
            seconds=time.perf_counter() - started,
            reason=f"{type(exc).__name__}: {exc}",
        )
    seconds = time.perf_counter() - started
    metrics = flatten_metrics(raw)
    violations = tuple(check_floors(metrics, evaluation.floors))
    if violations:
        notes.append("below floor: " + "; ".join(str(v) for v in violations))
    return EvalOutcome(
        evaluation.name, "ok", metrics, seconds, reason=", ".join(notes), violations=violations
    )


def run_evaluations(
    names: Sequence[str] | None = None,
    *,
    limit: int | None = None,
    data_root: Path | None = None,
    registry: Sequence[Evaluation] = EVALUATIONS,
    progress: Callable[[str], None] | None = None,
) -> list[EvalOutcome]:
    """Run the named evaluations (all by default) in registry order.

    A set whose data is absent is ``skipped``; a scorer that cannot be imported or raises is an
    ``error``; metrics below a pinned floor are listed in ``EvalOutcome.violations``.
    """
    root = data_root if data_root is not None else _default_root()
    outcomes: list[EvalOutcome] = []
    for evaluation in select(names, registry):
        if progress is not None:
            progress(f"running {evaluation.name} ...")
        outcome = run_evaluation(evaluation, root=root, limit=limit)
        if progress is not None:
            progress(f"{evaluation.name}: {outcome.status} ({outcome.seconds:.1f} s)")
        outcomes.append(outcome)
    return outcomes


# ---------------------------------------------------------------- reporting


def format_metric(value: Metric) -> str:
    """Metrics for the table: floats with 3 decimals (P/R/F1 style), large floats with 1."""
    if isinstance(value, bool):
        return str(int(value))
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return f"{value:.3f}" if abs(value) < 1000 else f"{value:.1f}"
    return value


def outcomes_table(outcomes: Sequence[EvalOutcome], *, title: str | None = None) -> Table:
    """One table: a row per set with n, metrics, time and status/notes."""
    table = Table(title=title, show_lines=False)
    table.add_column("set", no_wrap=True)
    table.add_column("n", justify="right")
    table.add_column("metrics")
    table.add_column("time (s)", justify="right")
    table.add_column("status / notes")
    for outcome in outcomes:
        metrics = dict(outcome.metrics)
        n = metrics.pop("n", "")
        failing = {v.metric for v in outcome.violations}
        shown = "  ".join(
            f"{k}={format_metric(v)}{'!' if k in failing else ''}" for k, v in metrics.items()
        )
        status: str = outcome.status
        if outcome.failed:
            status = "FAIL"
        notes = f"{status}: {outcome.reason}" if outcome.reason else status
        seconds = f"{outcome.seconds:.1f}" if outcome.status != "skipped" else ""
        cells = (outcome.name, format_metric(n), shown, seconds, notes)
        table.add_row(*(Text(c) for c in cells))  # Text: messages may hold [brackets]
    return table


def outcomes_json(outcomes: Sequence[EvalOutcome], *, root: Path | None = None) -> str:
    """The outcomes as a JSON document."""
    doc = {
        "data_root": str(root) if root is not None else None,
        "outcomes": [o.to_dict() for o in outcomes],
    }
    return json.dumps(doc, indent=2, ensure_ascii=False)
