"""The command line: typer app with one verb per job (extract, ingest, events, quotes, ...)."""

from __future__ import annotations

import json
import sys
from typing import Annotated

import typer

from dyadwatch.ingest import iter_documents
from dyadwatch.models import IngestError

app = typer.Typer(add_completion=False, no_args_is_help=True, help=__doc__)

InputsArg = Annotated[list[str], typer.Argument(help="Files, folders, globs, URLs, or - for stdin.")]
DateOpt = Annotated[str, typer.Option("--date", help="Article date (YYYY-MM-DD) when the input has none.")]


@app.callback()
def _root() -> None:
    """dyadwatch: evidence-linked political events and quotes from news, offline."""


def _report_error(error: IngestError) -> None:
    typer.echo(f"error: {error.path}: {error.reason}", err=True)


@app.command()
def extract(
    inputs: InputsArg,
    date: DateOpt = "",
    no_events: Annotated[bool, typer.Option("--no-events", help="Clean only; no NLP or coding.")] = False,
) -> None:
    """Clean and code documents; write one JSON object per document to stdout (JSON Lines)."""
    from dyadwatch.pipeline import Pipeline

    pipeline = Pipeline(with_events=not no_events)
    failed = 0
    for result in pipeline.process_many(iter_documents(inputs), default_date=date):
        if isinstance(result, IngestError):
            failed += 1
            _report_error(result)
            continue
        sys.stdout.write(json.dumps(result.to_dict(), ensure_ascii=False) + "\n")
        sys.stdout.flush()
    raise typer.Exit(1 if failed else 0)


def main() -> None:  # pragma: no cover - console entry point alternative
    app()
