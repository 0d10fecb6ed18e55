"""Quality benchmark: score newsbrief on the public labelled data sets and print one table.

    python bench/quality.py [--only NAME ...] [--limit N] [--json FILE] [--data DIR] [--strict]

Sets whose data folder is absent are skipped. Exits 1 when a metric is below its pinned floor
(and, with ``--strict``, when a set errors); progress goes to stderr, the table to stdout.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from rich.console import Console

from newsbrief.errors import OptionError
from newsbrief.eval.harness import (
    EVALUATIONS,
    data_root,
    outcomes_json,
    outcomes_table,
    run_evaluations,
)


def build_parser() -> argparse.ArgumentParser:
    """The command line."""
    names = ", ".join(e.name for e in EVALUATIONS)
    parser = argparse.ArgumentParser(
        prog="bench/quality.py",
        description="Score newsbrief on the public labelled data sets; one row per set.",
        epilog=f"Evaluations: {names}.",
    )
    parser.add_argument(
        "--only",
        nargs="+",
        metavar="NAME",
        help="run only these sets (full name, or the part before '/', e.g. article-extraction)",
    )
    parser.add_argument("--limit", type=int, metavar="N", help="score at most N items per set")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the outcomes here")
    parser.add_argument(
        "--data",
        type=Path,
        metavar="DIR",
        help="data root (default: $NEWSBRIEF_DATA, else <repo>/../shared/data)",
    )
    parser.add_argument(
        "--strict", action="store_true", help="also exit non-zero when a set errors"
    )
    parser.add_argument("--list", action="store_true", help="list the evaluations and exit")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark; the exit code is the quality gate."""
    parser = build_parser()
    args = parser.parse_args(argv)
    out = Console(width=None if sys.stdout.isatty() else 200)
    err = Console(stderr=True)
    if args.list:
        for evaluation in EVALUATIONS:
            out.print(f"{evaluation.name:<26} {evaluation.data:<30} {evaluation.description}")
        return 0
    if args.limit is not None and args.limit < 1:
        parser.error("--limit must be at least 1")
    root: Path = args.data if args.data is not None else data_root()
    try:
        outcomes = run_evaluations(
            args.only,
            limit=args.limit,
            data_root=root,
            progress=lambda m: err.print(m, markup=False),
        )
    except OptionError as exc:
        parser.error(str(exc))
    out.print(outcomes_table(outcomes, title=f"newsbrief quality ({root})"))
    if args.json is not None:
        args.json.write_text(outcomes_json(outcomes, root=root) + "\n", encoding="utf-8")
        err.print(f"wrote {args.json}")
    if any(o.failed for o in outcomes):
        return 1
    if args.strict and any(o.status == "error" for o in outcomes):
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
