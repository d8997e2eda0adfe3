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
from dyadwatch.limits import DOC_TIMEOUT, MAX_DOC_CHARS, Limits
from dyadwatch.models import ArticleResult, IngestError

EXIT_CODES = (
    "Exit codes: 0 all fine; 1 some documents failed (each named on stderr with the reason, and for ingest in "
    "the errors table; the rest was processed); 2 usage or configuration error (a bad option value, no store, "
    "a store in use by another process)."
)
app = typer.Typer(
    add_completion=False, no_args_is_help=True, help="Evidence-linked political events and quotes.", epilog=EXIT_CODES
)
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
DocTimeoutOpt = Annotated[
    float,
    typer.Option(
        "--doc-timeout",
        min=0,
        help="Seconds one document's cleaning, and its coding, may take; a slower one is an error record (0: none).",
    ),
]
ActorsFileOpt = Annotated[
    Path | None,
    typer.Option("--actors", help="User dictionary (TSV/CSV: name, aliases, country, sector, valid_from, valid_to) "
                 "that overrides every built-in actor list.", exists=True, dir_okay=False, readable=True),
]
StoryWindowOpt = Annotated[
    int, typer.Option("--story-window", min=0, help="Copies more than this many days apart start a new story.")
]
AllowPrivateOpt = Annotated[
    bool,
    typer.Option("--allow-private", help="Fetch URLs on loopback, private or link-local hosts (refused by default)."),
]
WorkersOpt = Annotated[
    int | None,
    typer.Option("--workers", min=1, help="Worker processes that parse (default: the cores; 1: this process only)."),
]
SchedulerOpt = Annotated[
    str, typer.Option("--scheduler", help="Parse on a Dask cluster, e.g. tcp://host:8786 (docs/scale.md).")
]
DEFAULT_DB = Path("dyadwatch.duckdb")
INGEST_WAIT_S = 30.0  # how long ingest waits for readers (serve's requests, a summary) to let go of the store


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


@app.command(epilog=EXIT_CODES)
def extract(
    inputs: InputsArg,
    date: DateOpt = "",
    allow_private: AllowPrivateOpt = False,
    no_events: Annotated[bool, typer.Option("--no-events", help="Clean only; no NLP or coding.")] = False,
    actors_file: ActorsFileOpt = None,
    max_doc_chars: MaxDocOpt = MAX_DOC_CHARS,
    doc_timeout: DocTimeoutOpt = DOC_TIMEOUT,
    workers: WorkersOpt = None,
    scheduler: SchedulerOpt = "",
) -> None:
    """Clean and code documents; write one JSON object per document to stdout (JSON Lines)."""
    from dyadwatch.actors import ActorResolver
    from dyadwatch.pipeline import Pipeline
    from dyadwatch.scale import default_workers, process_stream
    from dyadwatch.stories import StoryIndex, assign_stories

    _validate_date(date, "--date")
    limits = Limits(max_doc_chars=max_doc_chars, doc_timeout=doc_timeout)
    resolver = ActorResolver(user_dictionary=actors_file) if actors_file and not no_events else None
    pipeline = Pipeline(with_events=not no_events, resolver=resolver, limits=limits)
    failed = 0
    documents = iter_documents(inputs, max_bytes=limits.max_doc_bytes, allow_private=allow_private)
    stories = StoryIndex()  # story ids within this input only: extract reads and writes no store
    stream = _cluster_or_exit(lambda: process_stream(
        pipeline, documents, workers=workers or default_workers(), scheduler=scheduler, default_date=date,
        dedupe=False, inputs=inputs))
    for result in stream:
        assign_stories(stories, [result])
        if isinstance(result, IngestError):
            failed += 1
            _report_error(result)
            continue
        sys.stdout.write(json.dumps(result.to_dict(), ensure_ascii=False) + "\n")
        sys.stdout.flush()
    raise typer.Exit(1 if failed else 0)


@app.command(epilog=EXIT_CODES)
def ingest(
    inputs: InputsArg,
    date: DateOpt = "",
    allow_private: AllowPrivateOpt = False,
    db: DbOpt = DEFAULT_DB,
    force: Annotated[bool, typer.Option("--force", help="Re-code articles already in the store.")] = False,
    batch_size: Annotated[int, typer.Option("--batch-size", min=1, help="Articles per transaction.")] = 32,
    actors_file: ActorsFileOpt = None,
    max_doc_chars: MaxDocOpt = MAX_DOC_CHARS,
    doc_timeout: DocTimeoutOpt = DOC_TIMEOUT,
    story_window: StoryWindowOpt = 3,
    workers: WorkersOpt = None,
    scheduler: SchedulerOpt = "",
    out: Annotated[Path | None, typer.Option(
        "--out", help="Also write the stored rows as a Parquet dataset in this new folder (docs/scale.md).")] = None,
) -> None:
    """Clean, code and store documents; articles already stored are skipped (idempotent)."""
    from dyadwatch.actors import ActorResolver
    from dyadwatch.pipeline import Pipeline
    from dyadwatch.scale import default_workers, process_stream
    from dyadwatch.scale.progress import estimate_documents
    from dyadwatch.store import Store
    from dyadwatch.stories import StoryParams, store_index

    _validate_date(date, "--date")
    limits = Limits(max_doc_chars=max_doc_chars, doc_timeout=doc_timeout)
    dataset = _dataset_or_exit(out)
    # a running `serve` holds the file only while it answers a request: wait that long, not forever
    with _store_or_exit(lambda: Store(db, wait=INGEST_WAIT_S)) as store:
        resolver = ActorResolver(user_dictionary=actors_file, aliases=store.aliases())
        _backfill_stories(store, story_window)
        stories = store_index(store, StoryParams(window_days=story_window))  # assigned by this writer, in order
        pipeline = Pipeline(resolver=resolver, limits=limits)
        skip = set() if force else store.known_article_ids()
        documents = iter_documents(inputs, max_bytes=limits.max_doc_bytes, allow_private=allow_private)
        stream = _cluster_or_exit(lambda: process_stream(
            pipeline, documents, workers=workers or default_workers(), scheduler=scheduler, default_date=date,
            skip_ids=skip, inputs=inputs))
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
                    _save(store, batch, run_id, counts, stories, dataset)
                    batch = []
                elapsed = max(time.perf_counter() - started, 1e-9)
                progress.update(task, advance=1, rate=f"{counts['documents'] / elapsed:.1f} docs/s")
            _save(store, batch, run_id, counts, stories, dataset)
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


def _backfill_stories(store: Any, window_days: int) -> None:
    """A store written before stories existed (or by another signature scheme) is re-clustered once."""
    from dyadwatch.stories import StoryParams, tables

    if tables.needs_backfill(store.con):
        done = tables.backfill(store.con, StoryParams(window_days=window_days))
        err_console.print(f"stories: re-clustered the {done} stored articles (first run of this version)")


def _dataset_or_exit(out: Path | None) -> Any:
    """The ``--out`` Parquet dataset writer, or None; an unusable folder exits 2."""
    if out is None:
        return None
    from dyadwatch.scale.dataset import DatasetError, ParquetOut

    return _or_exit(lambda: ParquetOut(out), DatasetError)


def _save(
    store: Any, batch: list[ArticleResult], run_id: str, counts: dict[str, int], stories: Any, dataset: Any = None
) -> None:
    """Story ids first (in input order), then store the batch in one transaction; if that fails, store
    one by one so one bad article costs one. ``dataset`` (``--out``) gets a copy of what was stored."""
    from dyadwatch.stories import assign_stories

    if not batch:
        return
    assign_stories(stories, batch)
    try:
        store.save_results(batch, run_id, aliases=[a for r in batch for a in r.aliases])
        counts["stored"] += len(batch)
        if dataset is not None:
            dataset.write(store.con, [r.article.id for r in batch])
        return
    except Exception:  # noqa: BLE001 - fall back to single articles to isolate the bad one
        pass
    for result in batch:
        try:
            store.save_results([result], run_id, aliases=result.aliases)
            counts["stored"] += 1
            if dataset is not None:
                dataset.write(store.con, [result.article.id])
        except Exception as exc:  # noqa: BLE001
            where = result.article.path or result.article.id
            error = IngestError(path=where, reason=f"could not store the article: {exc}", stage="store")
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
        err_console.print(f"[red]error[/red] no store at {db}; run `dyadwatch ingest` first, or pass --db PATH")
        raise typer.Exit(2)
    return _store_or_exit(lambda: Store(db, read_only=True))


def _or_exit(start: Any, expected: type[Exception]) -> Any:
    """Run ``start``; the ``expected`` error is a clear message and exit code 2, not a traceback."""
    try:
        return start()
    except expected as exc:
        err_console.print(f"[red]error[/red] {exc}", highlight=False, soft_wrap=True)
        raise typer.Exit(2) from None


def _cluster_or_exit(start: Any) -> Any:
    """Start the stream; an unreachable ``--scheduler`` exits 2."""
    from dyadwatch.scale import SchedulerUnavailableError

    return _or_exit(start, SchedulerUnavailableError)


def _store_or_exit(open_store: Any) -> Any:
    """Open the store; a store locked by another process exits 2."""
    from dyadwatch.store import StoreBusyError

    return _or_exit(open_store, StoreBusyError)


BetweenOpt = Annotated[
    tuple[str, str] | None,
    typer.Option("--between", metavar="A B", help="A dyad in both directions: two country codes (USA CHN)."),
]
OutletOpt = Annotated[str, typer.Option("--outlet", help="Article source/outlet (substring).")]
ArticleOpt = Annotated[str, typer.Option("--article", help="Article id.")]


def _check_format(value: str) -> str:
    if value not in ("table", "jsonl", "csv", "tsv"):
        raise typer.BadParameter(f"{value!r} is not one of table, jsonl, csv, tsv")
    return value


FormatOpt = Annotated[str, typer.Option("--format", callback=_check_format, help="table, jsonl, csv or tsv.")]

EVENT_COLUMNS = [
    "date", "event_type", "cameo_code", "actor_code", "actor_name", "recipient_code", "recipient_name",
    "trigger", "mode", "goldstein", "num_articles", "num_sources",
]  # fmt: skip
CopiesOpt = Annotated[bool, typer.Option("--copies", help="Every copy's report of an event, not each event once.")]
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
    all_events: Annotated[
        bool, typer.Option("--all", help="Include negated, hypothetical and denied events (status column).")
    ] = False,
    copies: CopiesOpt = False,
    as_json: JsonOpt = False,
    between: BetweenOpt = None,
    quad: Annotated[int | None, typer.Option("--quad", min=1, max=4, help="QuadClass 1-4.")] = None,
    min_goldstein: Annotated[float | None, typer.Option("--min-goldstein", help="Lowest Goldstein weight.")] = None,
    max_goldstein: Annotated[float | None, typer.Option("--max-goldstein", help="Highest Goldstein weight.")] = None,
    place: Annotated[str, typer.Option("--place", help="Event place name (substring) or country code.")] = "",
    outlet: OutletOpt = "",
    article: ArticleOpt = "",
    fmt: FormatOpt = "table",
) -> None:
    """Query stored events (asserted only unless --all, which adds a status column), each once however many
    copies reported it (--copies: every copy's report)."""
    from dyadwatch.filters import EventFilters

    _validate_type(type)
    _validate_date(since, "--since")
    _validate_date(until, "--until")
    filters = EventFilters(between=between, quad=quad, min_goldstein=min_goldstein, max_goldstein=max_goldstein,
                           place=place, outlet=outlet, article=article)  # fmt: skip
    with _open_store(db) as store:
        frame = store.events(actor, recipient, type, since, until, limit or None, all_events, filters, copies=copies)
    columns = EVENT_COLUMNS + ["status"] if all_events else EVENT_COLUMNS
    _print_frame(frame, columns, as_json, title="events", fmt=fmt)


@app.command()
def quotes(
    db: DbOpt = DEFAULT_DB,
    actor: Annotated[str, typer.Option("--actor", help="Speaker: country code, CAMEO code or name.")] = "",
    recipient: Annotated[str, typer.Option("--recipient", help="Addressee: country, code or name.")] = "",
    since: SinceOpt = "",
    until: UntilOpt = "",
    limit: LimitOpt = 20,
    as_json: JsonOpt = False,
    between: BetweenOpt = None,
    outlet: OutletOpt = "",
    article: ArticleOpt = "",
    fmt: FormatOpt = "table",
) -> None:
    """Query stored quotes: --actor filters speakers, --recipient addressees."""
    from dyadwatch.filters import EventFilters

    _validate_date(since, "--since")
    _validate_date(until, "--until")
    filters = EventFilters(between=between, outlet=outlet, article=article)
    with _open_store(db) as store:
        frame = store.quotes(actor, recipient, since, until, limit or None, filters=filters)
    _print_frame(frame, QUOTE_COLUMNS, as_json, title="quotes", fmt=fmt)


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
def summary(db: DbOpt = DEFAULT_DB, copies: CopiesOpt = False, as_json: JsonOpt = False) -> None:
    """Counts of articles, events (each once, however many copies told it), quotes and errors; top dyads."""
    with _open_store(db) as store:
        data = store.summary(copies=copies)
    if as_json:
        typer.echo(json.dumps(data, default=str))
        return
    console = _stdout_console()
    console.print(
        f"[bold]{db}[/bold]: {data['articles']} articles ({data['articles_coded']} coded, "
        f"{data['stories']} distinct stories), "
        f"{data['events']} events ({data['events_asserted']} asserted"
        + (f"; {data['event_reports']} reports in all copies), " if data["events_consolidated"] else "), ")
        + f"{data['quotes']} quotes "
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
def stories(
    db: DbOpt = DEFAULT_DB,
    limit: LimitOpt = 20,
    min_articles: Annotated[int, typer.Option("--min-articles", min=1, help="Only stories told this often.")] = 1,
    rebuild: Annotated[bool, typer.Option("--rebuild", help="Re-cluster every stored article first.")] = False,
    story_window: StoryWindowOpt = 3,
    as_json: JsonOpt = False,
) -> None:
    """List stories (an article and its copies), the most copied first."""
    from dyadwatch.stories.command import list_stories
    from dyadwatch.stories.command import rebuild as rebuild_stories

    if rebuild:
        if not db.exists():
            err_console.print(f"[red]error[/red] no store at {db}; run `dyadwatch ingest` first")
            raise typer.Exit(2)
        done = _store_or_exit(lambda: rebuild_stories(db, story_window))
        err_console.print(f"stories: re-clustered {done} articles")
    with _open_store(db) as store:
        frame = list_stories(store, limit or None, min_articles)
    _print_frame(frame, ["id", "first_seen", "last_seen", "articles", "sources", "title"], as_json, "stories")


@app.command()
def errors(db: DbOpt = DEFAULT_DB, as_json: JsonOpt = False) -> None:
    """List documents that failed, with the reason."""
    with _open_store(db) as store:
        frame = store.errors()
    _print_frame(frame, ["path", "stage", "reason", "last_seen"], as_json, "errors")


@app.command()
def export(
    folder: Annotated[Path | None, typer.Argument(help="Folder for the Parquet files (same as --out).")] = None,
    db: DbOpt = DEFAULT_DB,
    fmt: Annotated[str, typer.Option("--format", help="parquet (every table), plover, gdelt or csv.")] = "parquet",
    out: Annotated[Path | None, typer.Option("--out", help="Folder (parquet) or file to write.")] = None,
) -> None:
    """Export the store: every table to Parquet, or events as PLOVER JSON Lines, GDELT-style TSV or CSV."""
    from dyadwatch.exports import EXPORT_FORMATS
    from dyadwatch.exports import export as run_export

    target = out or folder
    if fmt not in EXPORT_FORMATS or target is None:
        err_console.print(f"[red]error[/red] give --out PATH and --format one of {', '.join(EXPORT_FORMATS)}")
        raise typer.Exit(2)
    with _open_store(db) as store:
        for path in run_export(store.con, fmt, target):
            typer.echo(str(path))


@app.command()
def watch(
    sources: Annotated[Path, typer.Argument(help="Sources file (TOML): a table per source; see docs/watch.md.")],
    db: DbOpt = DEFAULT_DB,
    every: Annotated[str | None, typer.Option("--every", help="Round and default source interval: 15m, 1h.")] = None,
    once: Annotated[bool, typer.Option("--once", help="One round, then exit (for cron).")] = False,
    alerts_jsonl: Annotated[str | None, typer.Option("--alerts-jsonl", help="Append new alerts to this file.")] = None,
    webhook: Annotated[str | None, typer.Option("--webhook", help="POST new alerts as JSON to this URL.")] = None,
    allow_private: AllowPrivateOpt = False,
) -> None:
    """Poll feeds, sitemaps and pages on a schedule; ingest new articles; raise alerts on dyad shifts."""
    from dyadwatch.watch.command import run_watch

    raise typer.Exit(run_watch(sources, db, every, once, alerts_jsonl, webhook, allow_private))


@app.command(context_settings={"allow_extra_args": True})
def report(
    ctx: typer.Context,
    out: Annotated[Path, typer.Option("--out", help="HTML file to write (one self-contained file).")] = Path(
        "report.html"
    ),
    dyad: Annotated[
        list[str] | None,
        typer.Option("--dyad", help="A dyad: --dyad CHN RUS (or CHN-RUS); repeat for more. Default: the top dyads."),
    ] = None,
    top: Annotated[int, typer.Option("--top", min=1, max=50, help="Dyads shown when no --dyad is given.")] = 8,
    by: Annotated[str, typer.Option("--by", help="Period: day, week or month.")] = "month",
    db: DbOpt = DEFAULT_DB,
) -> None:
    """Write an offline HTML report: top dyads, shifts, per-dyad timelines with evidence, quotes, network."""
    from dyadwatch.report.build import parse_dyads, write_report

    try:
        pairs = parse_dyads(dyad or [], list(ctx.args))
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--dyad") from None
    if by not in ("day", "week", "month"):
        raise typer.BadParameter(f"{by!r} is not day, week or month", param_hint="--by")
    with _open_store(db) as store:
        path = write_report(store.con, out, dyads=pairs, top=top, by=by, db_name=db.name)
    typer.echo(str(path))


@app.command()
def serve(
    db: DbOpt = DEFAULT_DB,
    host: Annotated[str, typer.Option("--host", help="Address to bind (loopback by default).")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="TCP port.")] = 8000,
    linger: Annotated[
        float, typer.Option("--linger", min=0, max=60, help="Seconds the store stays open after the last request.")
    ] = 0.5,
    timeout_ms: Annotated[int, typer.Option("--timeout-ms", min=100, help="Longest query, in milliseconds.")] = 5000,
    cache: Annotated[
        int, typer.Option("--cache", min=0, help="Results kept per store version (0: none; any write invalidates).")
    ] = 256,
    warm: Annotated[
        bool, typer.Option("--warm", help="Copy the analysis columns into memory on opening (large stores; use a "
                           "longer --linger, e.g. 60, when no ingest runs beside it).")
    ] = False,
) -> None:
    """Serve the read-only web UI and JSON API; the store is open only while requests run, so ingest can run between."""
    from dyadwatch.web import serve as run_server

    if not db.exists():
        err_console.print(f"[red]error[/red] no store at {db}; run `dyadwatch ingest` first")
        raise typer.Exit(2)
    run_server(db, host=host, port=port, timeout_ms=timeout_ms, linger_s=linger, cache_entries=cache, warm=warm)

PeriodOpt = Annotated[str, typer.Option("--by", help="Period: day, week or month.")]


def _check_period(by: str) -> None:
    if by not in ("day", "week", "month"):
        err_console.print(f"[red]error[/red] --by {by!r} is not one of day, week, month")
        raise typer.Exit(2)


@app.command()
def dyad(
    a: Annotated[str, typer.Argument(help="First side: country code (USA), or actor code with --level code.")],
    b: Annotated[str, typer.Argument(help="Second side.")],
    db: DbOpt = DEFAULT_DB,
    by: PeriodOpt = "week",
    directed: Annotated[bool, typer.Option("--directed", help="Only A acting on B.")] = False,
    level: Annotated[str, typer.Option("--level", help="country or code (CAMEO actor code).")] = "country",
    since: SinceOpt = "",
    until: UntilOpt = "",
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per period.")] = False,
) -> None:
    """A dyad over time: events by quad class, Goldstein, net cooperation, quotes, and a sparkline."""
    from dyadwatch.analysis.cli import show_dyad

    _check_period(by)
    if level not in ("country", "code"):
        err_console.print(f"[red]error[/red] --level {level!r} is not one of country, code")
        raise typer.Exit(2)
    _validate_date(since, "--since")
    _validate_date(until, "--until")
    with _open_store(db) as store:
        show_dyad(store.con, a, b, _stdout_console(), as_json, by=by, directed=directed, level=level,
                  since=since or None, until=until or None)  # fmt: skip


@app.command()
def alerts(
    db: DbOpt = DEFAULT_DB,
    by: PeriodOpt = "week",
    window: Annotated[int, typer.Option("--window", min=1, help="Baseline periods before each period.")] = 8,
    threshold: Annotated[float, typer.Option("--threshold", min=0.0, help="Smallest |z-score| reported.")] = 2.0,
    min_events: Annotated[int, typer.Option("--min-events", min=1, help="Fewest events in the period.")] = 3,
    since: SinceOpt = "",
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per shift, with its evidence.")] = False,
) -> None:
    """Shifts in country dyads against a trailing baseline, with the events behind them (docs/analysis.md)."""
    from dyadwatch.analysis.cli import show_alerts

    _check_period(by)
    _validate_date(since, "--since")
    with _open_store(db) as store:
        show_alerts(store.con, _stdout_console(), as_json, by=by, window=window, threshold=threshold,
                    min_events=min_events, since=since or None)  # fmt: skip


def _print_frame(frame: Any, columns: list[str], as_json: bool, title: str, fmt: str = "table") -> None:
    if fmt in ("csv", "tsv") or (fmt == "jsonl" and not as_json):
        from dyadwatch.exports.tables import write_frame

        write_frame(frame, fmt)
        return
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
