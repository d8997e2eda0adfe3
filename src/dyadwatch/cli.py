"""The command line: one verb per job, a thin layer over the pipeline and the store.

Exit codes: 0 all fine; 1 some documents failed (each reported on stderr and, for ``ingest``, in
the store's errors table); 2 usage or configuration error (a bad option value, no store, a store
locked by another process).
"""

from __future__ import annotations

import json
import sys
import time
from datetime import date as Date
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn, TimeRemainingColumn
from rich.table import Table

from dyadwatch import __version__
from dyadwatch.codes import PLOVER_TYPES
from dyadwatch.ingest import iter_documents
from dyadwatch.limits import MAX_DOC_CHARS, Limits
from dyadwatch.models import ArticleResult, IngestError

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Evidence-linked political events and quotes.")
def _flags_show_no_type() -> None:
    """A flag takes no value, but typer 0.29's help shows ``<bool>`` after each one (``--help`` too): show none."""
    option = getattr(getattr(typer, "core", None), "TyperOption", None)
    shown = getattr(option, "display_type_rich", None)
    if shown is None or getattr(shown, "_dyadwatch", False):
        return

    def display_type_rich(self: Any, ctx: Any) -> str | None:
        return None if getattr(self, "is_flag", False) and self.metavar is None else shown(self, ctx)

    display_type_rich._dyadwatch = True  # type: ignore[attr-defined]
    option.display_type_rich = display_type_rich


_flags_show_no_type()
err_console = Console(stderr=True)
if not err_console.is_terminal:  # piped or captured: one line per message, not folded at 80 columns
    err_console = Console(stderr=True, width=240)


def _stdout_console() -> Console:
    """Rich console for tables; wide when piped so rows are not folded into 80 columns."""
    console = Console()
    return console if console.is_terminal else Console(width=240)

InputsArg = Annotated[list[str], typer.Argument(help="Files, folders, globs, URLs, or - for stdin.")]
DateOpt = Annotated[str, typer.Option("--date", help="Article date (YYYY-MM-DD) for inputs that have none.")]
DbOpt = Annotated[Path, typer.Option("--db", help="DuckDB store file.")]
ActorOpt = Annotated[str, typer.Option("--actor", help="Country code, CAMEO code prefix or name.")]
RecipientOpt = Annotated[str, typer.Option("--recipient", help="Country code, CAMEO code prefix or name.")]
SinceOpt = Annotated[str, typer.Option("--since", help="First date, YYYY[-MM[-DD]].")]
UntilOpt = Annotated[str, typer.Option("--until", help="Last date, YYYY[-MM[-DD]].")]
def _non_negative(value: int) -> int:
    if value < 0:
        raise typer.BadParameter(f"{value} is negative; give a number of rows, or 0 for all")
    return value


LimitOpt = Annotated[int, typer.Option("--limit", callback=_non_negative, help="At most this many rows (0: all).")]
JsonOpt = Annotated[bool, typer.Option("--json", help="JSON Lines instead of a table.")]
MaxDocOpt = Annotated[
    int,
    typer.Option(
        "--max-doc-chars",
        min=1000,
        help="Longest document coded, in characters; a longer one is an error record (its raw bytes: 8x).",
    ),
]
ActorsFileOpt = Annotated[
    Path | None,
    typer.Option("--actors", help="User dictionary (TSV/CSV: name, aliases, country, sector, valid_from, valid_to) "
                 "that overrides every built-in actor list.", exists=True, dir_okay=False, readable=True),
]
WorkersOpt = Annotated[
    int | None,
    typer.Option("--workers", min=1, help="Worker processes that parse (default: the cores; 1: this process only)."),
]
SchedulerOpt = Annotated[
    str, typer.Option("--scheduler", help="Parse on a Dask cluster, e.g. tcp://host:8786 (docs/scale.md).")
]
DEFAULT_DB = Path("dyadwatch.duckdb")


def _print_version(value: bool) -> None:
    if value:
        typer.echo(f"dyadwatch {__version__}")
        raise typer.Exit(0)


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_print_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
) -> None:
    """dyadwatch: who did what to whom, and who said what, from news — offline."""


def _validate_date(value: str, option: str) -> str:
    if value and not _is_iso_date(value):
        raise typer.BadParameter(f"{value!r} is not a date like 2023-02-22, 2023-02 or 2023", param_hint=option)
    return value


def _is_iso_date(value: str) -> bool:
    """YYYY, YYYY-MM or YYYY-MM-DD naming a real month and day (2023-13 and 2023-02-30 are not)."""
    parts = value.split("-")
    if not (1 <= len(parts) <= 3 and all(p.isdigit() for p in parts) and len(parts[0]) == 4):
        return False
    if any(len(p) != 2 for p in parts[1:]):
        return False
    year, month, day = (int(p) for p in parts + ["01"] * (3 - len(parts)))
    try:
        Date(year, month, day)
    except ValueError:
        return False
    return True


def _validate_type(value: str) -> str:
    """A PLOVER type (any case) or a CAMEO code prefix of 2-4 digits."""
    if not value or value.upper() in PLOVER_TYPES or (value.isdigit() and 2 <= len(value) <= 4):
        return value
    raise typer.BadParameter(
        f"{value!r} is neither a PLOVER type ({', '.join(PLOVER_TYPES)}) nor a CAMEO code prefix like 04",
        param_hint="--type",
    )


def _report_error(error: IngestError) -> None:
    err_console.print(f"[red]error[/red] {error.path}: {error.reason}", highlight=False, soft_wrap=True)


@app.command()
def extract(
    inputs: InputsArg,
    date: DateOpt = "",
    no_events: Annotated[bool, typer.Option("--no-events", help="Clean only; no NLP or coding.")] = False,
    actors_file: ActorsFileOpt = None,
    max_doc_chars: MaxDocOpt = MAX_DOC_CHARS,
    workers: WorkersOpt = None,
    scheduler: SchedulerOpt = "",
) -> None:
    """Clean and code documents; write one JSON object per document to stdout (JSON Lines)."""
    from dyadwatch.actors import ActorResolver
    from dyadwatch.pipeline import Pipeline
    from dyadwatch.scale import default_workers, process_stream

    _validate_date(date, "--date")
    limits = Limits(max_doc_chars=max_doc_chars)
    resolver = ActorResolver(user_dictionary=actors_file) if actors_file and not no_events else None
    pipeline = Pipeline(with_events=not no_events, resolver=resolver, limits=limits)
    failed = 0
    documents = iter_documents(inputs, max_bytes=limits.max_doc_bytes)
    stream = _cluster_or_exit(lambda: process_stream(
        pipeline, documents, workers=workers or default_workers(), scheduler=scheduler, default_date=date,
        dedupe=False))
    for result in stream:
        if isinstance(result, IngestError):
            failed += 1
            _report_error(result)
            continue
        sys.stdout.write(json.dumps(result.to_dict(), ensure_ascii=False) + "\n")
        sys.stdout.flush()
    raise typer.Exit(1 if failed else 0)


@app.command()
def ingest(
    inputs: InputsArg,
    date: DateOpt = "",
    db: DbOpt = DEFAULT_DB,
    force: Annotated[bool, typer.Option("--force", help="Re-code articles already in the store.")] = False,
    batch_size: Annotated[int, typer.Option("--batch-size", min=1, help="Articles per transaction.")] = 32,
    actors_file: ActorsFileOpt = None,
    max_doc_chars: MaxDocOpt = MAX_DOC_CHARS,
    workers: WorkersOpt = None,
    scheduler: SchedulerOpt = "",
) -> None:
    """Clean, code and store documents; articles already stored are skipped (idempotent)."""
    from dyadwatch.actors import ActorResolver
    from dyadwatch.dedup import StoryIndex
    from dyadwatch.pipeline import Pipeline
    from dyadwatch.scale import default_workers, process_stream
    from dyadwatch.scale.progress import estimate_documents
    from dyadwatch.store import Store

    _validate_date(date, "--date")
    limits = Limits(max_doc_chars=max_doc_chars)
    with _store_or_exit(lambda: Store(db)) as store:
        resolver = ActorResolver(user_dictionary=actors_file, aliases=store.aliases())
        stories = StoryIndex()
        stories.load(store.story_signatures())
        pipeline = Pipeline(resolver=resolver, stories=stories, limits=limits)
        skip = set() if force else store.known_article_ids()
        documents = iter_documents(inputs, max_bytes=limits.max_doc_bytes)
        stream = _cluster_or_exit(lambda: process_stream(
            pipeline, documents, workers=workers or default_workers(), scheduler=scheduler, default_date=date,
            skip_ids=skip))
        run_id = store.start_run(inputs, __version__)
        counts = {"documents": 0, "stored": 0, "duplicates": 0, "skipped": 0, "events": 0, "quotes": 0, "errors": 0}
        started = time.perf_counter()
        batch: list[ArticleResult] = []
        with _progress() as progress:
            task = progress.add_task("ingest", total=estimate_documents(inputs), rate="")
            for result in stream:
                counts["documents"] += 1
                if isinstance(result, IngestError):
                    counts["errors"] += 1
                    _report_error(result)
                    store.record_error(result, run_id)
                elif result.duplicate:
                    counts["duplicates"] += 1
                else:
                    batch.append(result)
                    _count_result(counts, result)
                    _learn_aliases(resolver, result)
                if len(batch) >= batch_size:
                    _save(store, batch, run_id, counts)
                    batch = []
                elapsed = max(time.perf_counter() - started, 1e-9)
                progress.update(task, advance=1, rate=f"{counts['documents'] / elapsed:.1f} docs/s")
            _save(store, batch, run_id, counts)
        store.finish_run(
            run_id, counts["stored"], counts["skipped"], counts["events"], counts["quotes"], counts["errors"]
        )
        _print_ingest_summary(counts, time.perf_counter() - started, db)
    raise typer.Exit(1 if counts["errors"] else 0)


def _progress() -> Progress:
    """A progress line on stderr: documents so far, docs/s, elapsed, and an ETA when the inputs could be counted."""
    return Progress(
        SpinnerColumn(),
        TextColumn("[bold]ingest[/bold] {task.completed} documents"),
        BarColumn(),
        TextColumn("{task.fields[rate]}"),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=err_console,
    )


def _count_result(counts: dict[str, int], result: ArticleResult) -> None:
    counts["events"] += len(result.events)
    counts["quotes"] += len(result.quotes)
    if result.skipped_reason:
        counts["skipped"] += 1


def _learn_aliases(resolver: Any, result: ArticleResult) -> None:
    """Feed names learned in this article to the resolver, so later articles in the run use them."""
    remember = getattr(resolver, "remember", None)
    if remember is not None and result.aliases:
        remember(result.aliases)


def _save(store: Any, batch: list[ArticleResult], run_id: str, counts: dict[str, int]) -> None:
    """Store a batch in one transaction; if it fails, store one by one so one bad article costs one."""
    if not batch:
        return
    try:
        store.save_results(batch, run_id, aliases=[a for r in batch for a in r.aliases])
        counts["stored"] += len(batch)
        return
    except Exception:  # noqa: BLE001 - fall back to single articles to isolate the bad one
        pass
    for result in batch:
        try:
            store.save_results([result], run_id, aliases=result.aliases)
            counts["stored"] += 1
        except Exception as exc:  # noqa: BLE001
            error = IngestError(path=result.article.path or result.article.id, reason=f"store: {exc}", stage="store")
            counts["errors"] += 1
            counts["events"] -= len(result.events)
            counts["quotes"] -= len(result.quotes)
            _report_error(error)
            store.record_error(error, run_id)


def _print_ingest_summary(counts: dict[str, int], seconds: float, db: Path) -> None:
    rate = counts["documents"] / seconds if seconds > 0 else 0.0
    err_console.print(
        f"[bold]{counts['documents']}[/bold] documents read in {seconds:.1f} s ({rate:.1f} docs/s): "
        f"{counts['stored']} stored, {counts['duplicates']} already stored or duplicate, "
        f"{counts['skipped']} not coded (language), {counts['events']} events, {counts['quotes']} quotes, "
        f"{counts['errors']} errors -> {db}",
        highlight=False,
    )


def _open_store(db: Path) -> Any:
    from dyadwatch.store import Store

    if not db.exists():
        err_console.print(f"[red]error[/red] no store at {db}; run `dyadwatch ingest` first")
        raise typer.Exit(2)
    return _store_or_exit(lambda: Store(db, read_only=True))


def _cluster_or_exit(start: Any) -> Any:
    """Start the stream; an unreachable ``--scheduler`` is a clear message and exit code 2."""
    from dyadwatch.scale import SchedulerUnavailableError

    try:
        return start()
    except SchedulerUnavailableError as exc:
        err_console.print(f"[red]error[/red] {exc}", highlight=False, soft_wrap=True)
        raise typer.Exit(2) from None


def _store_or_exit(open_store: Any) -> Any:
    """Open the store; a store locked by another process is a clear message and exit code 2, not a traceback."""
    from dyadwatch.store import StoreBusyError

    try:
        return open_store()
    except StoreBusyError as exc:
        err_console.print(f"[red]error[/red] {exc}", highlight=False, soft_wrap=True)
        raise typer.Exit(2) from None


EVENT_COLUMNS = [
    "date", "event_type", "cameo_code", "actor_code", "actor_name", "recipient_code", "recipient_name",
    "trigger", "mode", "goldstein",
]  # fmt: skip
QUOTE_COLUMNS = ["date", "speaker_name", "speaker_code", "cue", "addressee_name", "kind", "text"]


@app.command()
def events(
    db: DbOpt = DEFAULT_DB,
    actor: ActorOpt = "",
    recipient: RecipientOpt = "",
    type: Annotated[str, typer.Option("--type", help="PLOVER type (CONSULT) or CAMEO code prefix (04).")] = "",  # noqa: A002
    since: SinceOpt = "",
    until: UntilOpt = "",
    limit: LimitOpt = 20,
    all_events: Annotated[bool, typer.Option("--all", help="Include negated and hypothetical events.")] = False,
    as_json: JsonOpt = False,
) -> None:
    """Query stored events (asserted only unless --all)."""
    _validate_type(type)
    _validate_date(since, "--since")
    _validate_date(until, "--until")
    with _open_store(db) as store:
        frame = store.events(actor, recipient, type, since, until, limit or None, include_all=all_events)
    _print_frame(frame, EVENT_COLUMNS, as_json, title="events")


@app.command()
def quotes(
    db: DbOpt = DEFAULT_DB,
    actor: Annotated[str, typer.Option("--actor", help="Speaker: country code, CAMEO code or name.")] = "",
    recipient: Annotated[str, typer.Option("--recipient", help="Addressee: country, code or name.")] = "",
    since: SinceOpt = "",
    until: UntilOpt = "",
    limit: LimitOpt = 20,
    as_json: JsonOpt = False,
) -> None:
    """Query stored quotes: --actor filters speakers, --recipient addressees."""
    _validate_date(since, "--since")
    _validate_date(until, "--until")
    with _open_store(db) as store:
        frame = store.quotes(actor, recipient, since, until, limit or None)
    _print_frame(frame, QUOTE_COLUMNS, as_json, title="quotes")


@app.command()
def actors(
    db: DbOpt = DEFAULT_DB,
    name: Annotated[str, typer.Option("--name", help="Only actors whose name or alias contains this.")] = "",
    limit: LimitOpt = 30,
    as_json: JsonOpt = False,
) -> None:
    """List known actors with their country, sector, code and aliases."""
    with _open_store(db) as store:
        frame = store.actors(name, limit or None)
    _print_frame(frame, ["name", "code", "country", "sector", "mentions", "articles", "aliases"], as_json, "actors")


@app.command()
def summary(db: DbOpt = DEFAULT_DB, as_json: JsonOpt = False) -> None:
    """Counts of articles, events, quotes and errors, and the most active dyads."""
    with _open_store(db) as store:
        data = store.summary()
    if as_json:
        typer.echo(json.dumps(data, default=str))
        return
    console = _stdout_console()
    console.print(
        f"[bold]{db}[/bold]: {data['articles']} articles ({data['articles_coded']} coded, "
        f"{data['stories']} distinct stories), "
        f"{data['events']} events ({data['events_asserted']} asserted), {data['quotes']} quotes "
        f"({data['quotes_direct']} direct), {data['actors']} actors, {data['errors']} errors, "
        f"{data['runs']} runs; dates {data['first_date']} .. {data['last_date']}",
        highlight=False,
    )
    if data["event_types"]:
        console.print("asserted events by type: " + ", ".join(f"{t} {n}" for t, n in data["event_types"].items()))
    table = Table(title="top dyads (asserted events)")
    for column in ("actor", "recipient", "events", "mean Goldstein"):
        table.add_column(column)
    for dyad in data["top_dyads"]:
        table.add_row(dyad["actor"], dyad["recipient"], str(dyad["events"]), str(dyad["mean_goldstein"]))
    console.print(table)


@app.command()
def errors(db: DbOpt = DEFAULT_DB, as_json: JsonOpt = False) -> None:
    """List documents that failed, with the reason."""
    with _open_store(db) as store:
        frame = store.errors()
    _print_frame(frame, ["path", "stage", "reason", "last_seen"], as_json, "errors")


@app.command()
def export(
    folder: Annotated[Path, typer.Argument(help="Folder for the Parquet files.")],
    db: DbOpt = DEFAULT_DB,
) -> None:
    """Export every table of the store to Parquet files."""
    with _open_store(db) as store:
        for path in store.export_parquet(folder):
            typer.echo(str(path))


def _print_frame(frame: Any, columns: list[str], as_json: bool, title: str) -> None:
    if as_json:
        for record in frame.to_dict(orient="records"):
            typer.echo(json.dumps({k: _jsonable(v) for k, v in record.items()}, default=str, ensure_ascii=False))
        return
    table = Table(title=f"{len(frame)} {title}")
    shown = [c for c in columns if c in frame.columns]
    for column in shown:
        table.add_column(column, overflow="fold")
    for record in frame[shown].itertuples(index=False):
        table.add_row(*(_cell(v) for v in record))
    _stdout_console().print(table)


def _jsonable(value: Any) -> Any:
    """Array cells (aliases, bylines) as JSON lists, not their Python repr."""
    if hasattr(value, "tolist"):
        value = value.tolist()
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    return value


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple) or hasattr(value, "tolist"):
        return ", ".join(str(v) for v in (value.tolist() if hasattr(value, "tolist") else value))
    return str(value)


def main() -> None:  # pragma: no cover - console entry point alternative
    app()


if __name__ == "__main__":  # python -m dyadwatch.cli
    app()
