"""The ``relgraph`` command: each subcommand parses options, calls the library, prints.

Heavy libraries (networkx, pyvis, the Neo4j driver) are imported inside the
commands that need them, so ``relgraph --help`` stays fast.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from relgraph import __version__
from relgraph.dates import DEFAULT_EVENT_WINDOW, DateError, Duration, parse_day
from relgraph.errors import DatasetError, RelgraphError

if TYPE_CHECKING:
    import networkx as nx


class DayType(click.ParamType):
    name = "YYYY-MM-DD"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> date:
        try:
            return parse_day(value)
        except DateError as exc:
            self.fail(str(exc), param, ctx)


class WindowType(click.ParamType):
    name = "DURATION"

    def convert(self, value: Any, param: click.Parameter | None,
                ctx: click.Context | None) -> Duration | None:
        if isinstance(value, Duration) or value is None:
            return value
        if str(value).strip().lower() == "all":
            return None
        try:
            return Duration.parse(value)
        except DateError as exc:
            self.fail(f"{exc}; or 'all' for every event up to the date", param, ctx)


def _fail_on_errors(func: Callable[..., Any]) -> Callable[..., Any]:
    """Turn relgraph's own errors into one-line messages (exit 1); dataset errors list each problem."""
    import functools

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except DatasetError as exc:
            for problem in exc.problems:
                click.echo(str(problem), err=True)
            n = len(exc.errors)
            plural = "s" if n != 1 else ""
            raise click.ClickException(f"the dataset has {n} error{plural}; nothing was read") from None
        except RelgraphError as exc:
            raise click.ClickException(str(exc)) from None

    return wrapper


def _data_option(func: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--data", "data_path", type=click.Path(path_type=Path), envvar="RELGRAPH_DATA",
        help="Dataset file or directory [env RELGRAPH_DATA; default: the bundled 2016 Syria example].",
    )(func)


def _snapshot_options(func: Callable[..., Any]) -> Callable[..., Any]:
    func = click.option(
        "--window", type=WindowType(), default=str(DEFAULT_EVENT_WINDOW), show_default=True,
        help="Show events from this long before the date: 30d, 2w, 6M, 1y, or 'all'.",
    )(func)
    func = click.option("--date", "day", type=DayType(), required=True,
                        help="The day to show, YYYY-MM-DD.")(func)
    return _data_option(func)


def _graph(data_path: Path | None, day: date, window: Duration | None) -> nx.MultiDiGraph:
    from relgraph.snapshot import to_graph
    from relgraph.store import open_store

    store = open_store(data=data_path)
    try:
        return to_graph(store.at(day, window), day, window=window)
    finally:
        store.close()


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="relgraph")
def cli() -> None:
    """Explore signed, dated, sourced relations between political actors.

    Without --data, commands read the bundled example: the Moscow talks of
    Russia, Iran and Turkey on Syria, 20 December 2016.
    """


@cli.command()
@click.argument("path", type=click.Path(path_type=Path))
@_fail_on_errors
def validate(path: Path) -> None:
    """Check the dataset at PATH and list every problem with file, line and field.

    Exits 1 when there are errors; warnings alone do not fail.
    """
    from relgraph.dataset import validate as check

    report = check(path)
    for problem in report.problems:
        click.echo(str(problem), err=True)
    data = report.dataset
    summary = (f"{len(report.errors)} error(s), {len(report.warnings)} warning(s) in "
               f"{len(report.files)} file(s): {len(data.actors)} actors, {len(data.relations)} relations, "
               f"{len(data.sources)} sources, {len(data.custom_types)} custom types")
    if not report.ok:
        raise click.ClickException(summary)
    click.echo(summary)


@cli.command()
@_snapshot_options
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path),
              help="Where to write the page [default: relgraph-DATE.html in the working directory].")
@click.option("--title", help="Page title [default: 'Relations on DATE'].")
@_fail_on_errors
def render(data_path: Path | None, day: date, window: Duration | None, output: Path | None,
           title: str | None) -> None:
    """Write an interactive HTML graph of the relations that hold on --date.

    The page is self-contained: it works offline and from a file.
    """
    from relgraph.render.html import write_html

    output = output or Path(f"relgraph-{day.isoformat()}.html")
    page = write_html(_graph(data_path, day, window), output, title=title)
    click.echo(f"Wrote {output} ({page.actors} actors, {page.relations} relations, {page.sources} sources)")


@cli.command()
@_snapshot_options
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@_fail_on_errors
def show(data_path: Path | None, day: date, window: Duration | None, fmt: str) -> None:
    """Print the relations that hold on --date, as a table or as JSON."""
    from relgraph.render.text import relations_json, relations_table

    graph = _graph(data_path, day, window)
    if fmt == "json":
        click.echo(json.dumps(relations_json(graph), indent=2, ensure_ascii=False))
    else:
        click.echo(relations_table(graph))


def main() -> None:
    cli()
