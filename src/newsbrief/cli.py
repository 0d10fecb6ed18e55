"""The ``newsbrief`` command line: a thin layer that parses arguments and calls the library.

Results go to stdout (or ``--out``/``--json`` files); progress and warnings go to stderr.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from newsbrief import __version__
from newsbrief.errors import NewsbriefError
from newsbrief.model import Result, json_schema

app = typer.Typer(
    name="newsbrief",
    help="Turn scraped news articles into cited story briefs.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
stderr = Console(stderr=True)

PROGRESS_MIN_DOCS = 5
"""Show a progress bar only when a stage has more documents than this."""


class Format(StrEnum):
    """Output formats of ``brief``."""

    text = "text"
    md = "md"
    html = "html"
    json = "json"
    csv = "csv"


class Table(StrEnum):
    """CSV tables (``--format csv``)."""

    quotes = "quotes"
    claims = "claims"


class ExecutorName(StrEnum):
    """Executors of the article-level stages (``--executor``)."""

    local = "local"
    dask = "dask"


ExecutorOption = Annotated[
    ExecutorName,
    typer.Option(
        "--executor",
        help="Where article-level stages run: local (in-process or a process pool of --workers) "
        "or dask (a local Dask cluster of --workers processes, or --scheduler; needs "
        "newsbrief's dask extra).",
    ),
]
SchedulerOption = Annotated[
    str | None,
    typer.Option(
        "--scheduler",
        help="Address of an existing Dask scheduler (tcp://HOST:PORT), with --executor dask.",
        show_default=False,
    ),
]

StateDirOption = Annotated[
    Path | None,
    typer.Option(
        "--state-dir",
        help="Resumable batch run: keep each shard's article-level results in this folder and, "
        "when rerun (e.g. after a crash), load the shards done already instead of redoing them.",
        show_default=False,
    ),
]
ShardSizeOption = Annotated[
    int,
    typer.Option(
        "--shard-size",
        help="Documents per shard: the unit of work of --workers and of --state-dir markers.",
    ),
]

InputsArg = Annotated[
    list[str],
    typer.Argument(
        help="Files (.txt, .html, .htm, .jsonl, .warc, .rss, .atom, feed .xml; optionally .gz), "
        "folders (read recursively) or - for standard input.",
        show_default=False,
    ),
]


class _ProgressBar:
    """Rich progress on stderr, one task per stage, shown only for more than a few documents."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self.progress: Progress | None = None
        self.tasks: dict[str, object] = {}
        self.resumed: tuple[int, int] | None = None

    def __call__(self, stage: str, done: int, total: int) -> None:
        if stage == "resumed":  # said once, after the run (see _report_resumed)
            self.resumed = (done, total)
            return
        if not self.enabled or total <= PROGRESS_MIN_DOCS:
            return
        if self.progress is None:
            self.progress = Progress(
                TextColumn("{task.description:>8}"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                console=stderr,
                transient=False,
            )
            self.progress.start()
        if stage not in self.tasks:
            self.tasks[stage] = self.progress.add_task(stage, total=total)
        self.progress.update(self.tasks[stage], completed=done)  # type: ignore[arg-type]

    def close(self) -> None:
        if self.progress is not None:
            self.progress.stop()


def _report_errors(result: Result, quiet: bool) -> None:
    if quiet or not result.errors:
        return
    stderr.print(f"[yellow]{len(result.errors)} input(s) could not be used:[/yellow]")
    for err in result.errors[:20]:
        text = err.error if err.source in err.error else f"{err.source}: {err.error}"
        line = " ".join(text.split())  # one line per failure
        stderr.print(f"  {line}", markup=False, highlight=False, soft_wrap=True)
    if len(result.errors) > 20:
        stderr.print(f"  … and {len(result.errors) - 20} more (see the JSON 'errors' list)")


def _report_resumed(bar: _ProgressBar, state_dir: Path | None) -> None:
    """One stderr line saying how many shards a --state-dir run loaded instead of computing."""
    if bar.enabled and state_dir is not None and bar.resumed is not None:
        loaded, total = bar.resumed
        stderr.print(
            f"state: {loaded} of {total} shard(s) loaded from {state_dir}, "
            f"{total - loaded} computed",
            highlight=False,
        )


EXIT_NO_ARTICLES = 2
"""Exit status when no input gave an article (bad inputs alone never change it otherwise)."""


def _exit_if_empty(result: Result) -> None:
    """Exit 2 when no article was processed (non-English ones are kept but not processed); 0
    otherwise, however many inputs failed."""
    if not any(a.language is None for a in result.articles):
        stderr.print("[red]error:[/red] no article could be read from the inputs")
        raise typer.Exit(code=EXIT_NO_ARTICLES)


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


@contextmanager
def _running(quiet: bool) -> Iterator[_ProgressBar]:
    """A progress bar for one command; a coded error ends the command with its message."""
    bar = _ProgressBar(enabled=not quiet)
    try:
        yield bar
    except NewsbriefError as err:
        raise _fail(err) from err
    finally:
        bar.close()


def _fail(err: NewsbriefError) -> typer.Exit:
    stderr.print(f"[red]error:[/red] {err}", highlight=False)
    return typer.Exit(code=2)


NoCleanOption = Annotated[
    bool, typer.Option("--no-clean", help="Keep the text as scraped (no cruft removal).")
]
WorkersOption = Annotated[int, typer.Option(help="Worker processes for article-level stages.")]
QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help="No progress or warnings.")]


@app.command()
def brief(
    inputs: InputsArg,
    json_out: Annotated[
        Path | None, typer.Option("--json", help="Write the full contract JSON to this file.")
    ] = None,
    fmt: Annotated[
        Format,
        typer.Option(
            "--format",
            "-f",
            help="Output: text, md, html (one self-contained page), json or csv (--table).",
        ),
    ] = Format.text,
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="Write the rendered brief here, not stdout.")
    ] = None,
    words: Annotated[int, typer.Option(help="Summary length budget per story, in words.")] = 60,
    story_per_folder: Annotated[
        bool,
        typer.Option("--story-per-folder", help="Take each input folder as one given story."),
    ] = False,
    no_clean: NoCleanOption = False,
    workers: WorkersOption = 1,
    executor: ExecutorOption = ExecutorName.local,
    scheduler: SchedulerOption = None,
    state_dir: StateDirOption = None,
    shard_size: ShardSizeOption = 16,
    table: Annotated[
        Table, typer.Option(help="Which table --format csv writes: quotes or claims.")
    ] = Table.claims,
    width: Annotated[int, typer.Option(help="Terminal width for --format text.")] = 100,
    quiet: QuietOption = False,
) -> None:
    """Group articles into stories and print a cited brief of each."""
    from newsbrief.pipeline import brief as run_brief
    from newsbrief.render import render

    with _running(quiet) as bar:
        result = run_brief(
            inputs,
            words=words,
            story_per_folder=story_per_folder,
            clean=not no_clean,
            workers=workers,
            executor=executor.value,
            scheduler=scheduler,
            state_dir=str(state_dir) if state_dir else None,
            shard_size=shard_size,
            progress=bar,
            stdin=sys.stdin,
        )
    _report_resumed(bar, state_dir)
    if json_out:
        _write(json_out, result.to_json() + "\n")
    kwargs: dict[str, object] = {}
    if fmt is Format.text:
        kwargs = {"width": width, "color": out is None and sys.stdout.isatty()}
    elif fmt is Format.csv:
        kwargs = {"table": table.value}
    text = render(result, fmt.value, **kwargs)
    if out:
        _write(out, text)
    else:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
    _report_errors(result, quiet)
    _exit_if_empty(result)


@app.command()
def extract(
    inputs: InputsArg,
    json_out: Annotated[
        Path | None,
        typer.Option("--json", help="Write the articles (contract JSON, no stories) to this file."),
    ] = None,
    no_clean: NoCleanOption = False,
    workers: WorkersOption = 1,
    executor: ExecutorOption = ExecutorName.local,
    scheduler: SchedulerOption = None,
    state_dir: StateDirOption = None,
    shard_size: ShardSizeOption = 16,
    quiet: QuietOption = False,
) -> None:
    """Clean articles and extract their quotes, figures, entities and dates (no stories)."""
    from newsbrief.pipeline import extract_result

    with _running(quiet) as bar:
        result = extract_result(
            inputs,
            clean=not no_clean,
            workers=workers,
            executor=executor.value,
            scheduler=scheduler,
            state_dir=str(state_dir) if state_dir else None,
            shard_size=shard_size,
            progress=bar,
            stdin=sys.stdin,
        )
    _report_resumed(bar, state_dir)
    text = result.to_json() + "\n"
    if json_out:
        _write(json_out, text)
    else:
        sys.stdout.write(text)
    _report_errors(result, quiet)
    _exit_if_empty(result)


DbOption = Annotated[
    str,
    typer.Option(
        "--db",
        envvar="NEWSBRIEF_DB",
        help="Store URL: sqlite:///FILE.db (default) or postgresql://USER@HOST:PORT/DBNAME.",
    ),
]


@app.command()
def ingest(
    inputs: InputsArg,
    db: DbOption = "sqlite:///newsbrief.db",
    words: Annotated[int, typer.Option(help="Summary length budget per story, in words.")] = 60,
    no_clean: NoCleanOption = False,
    workers: WorkersOption = 1,
    batch_size: Annotated[
        int,
        typer.Option(
            min=1,
            help="Documents read, extracted and committed at a time (bounded memory; after a "
            "crash, a rerun skips every finished batch).",
        ),
    ] = 1000,  # newsbrief.store.ingest.BATCH_SIZE (not imported: keeps --help fast)
    quiet: QuietOption = False,
) -> None:
    """Add articles to a store (skipping those stored already) and update their stories."""
    from newsbrief.store import IngestOptions, Store
    from newsbrief.store import ingest as run_ingest

    with _running(quiet) as bar, Store(db) as store:
        report = run_ingest(
            store,
            inputs,
            options=IngestOptions(
                words=words, clean=not no_clean, workers=workers, batch_size=batch_size
            ),
            progress=bar,
            stdin=sys.stdin,
        )
    sys.stdout.write(
        f"{len(report.added)} article(s) added, {report.skipped} already stored; "
        f"{len(report.new_stories)} new and {len(report.updated_stories)} updated stories\n"
    )
    _report_errors(Result(errors=report.errors), quiet)
    if report.read == 0:
        stderr.print("[red]error:[/red] no article could be read from the inputs")
        raise typer.Exit(code=EXIT_NO_ARTICLES)


@app.command()
def serve(
    db: DbOption = "sqlite:///newsbrief.db",
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    token: Annotated[
        str | None,
        typer.Option(
            envvar="NEWSBRIEF_TOKEN",
            help="Bearer token that POST /api/articles requires (without one, API ingest is off).",
            show_default=False,
        ),
    ] = None,
    max_body: Annotated[
        int | None,
        typer.Option(
            "--max-body",
            envvar="NEWSBRIEF_MAX_BODY",
            help="Largest request body accepted, in bytes (413 past it): 1024 up to the "
            "default, 16 MiB (the size limit of one document).",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Serve the web UI and JSON API over a store (uvicorn)."""
    from newsbrief.errors import MissingExtraError
    from newsbrief.store import Store
    from newsbrief.web import create_app

    try:
        import uvicorn
    except ImportError as exc:
        raise _fail(MissingExtraError("newsbrief serve", "server")) from exc
    try:
        limit = {} if max_body is None else {"max_body": max_body}
        web_app = create_app(Store(db), token=token, **limit)
    except NewsbriefError as err:
        raise _fail(err) from err
    stderr.print(f"newsbrief: serving {db} on http://{host}:{port}/", highlight=False)
    uvicorn.run(web_app, host=host, port=port, log_level="warning")


@app.command()
def schema(
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Write to this file.")] = None,
) -> None:
    """Print the JSON Schema of the output contract (newsbrief/1)."""
    text = json.dumps(json_schema(), indent=2) + "\n"
    if out:
        _write(out, text)
    else:
        sys.stdout.write(text)


@app.command()
def version() -> None:
    """Print the newsbrief version."""
    sys.stdout.write(f"newsbrief {__version__}\n")


def main() -> None:
    """Console-script entry point."""
    app()
