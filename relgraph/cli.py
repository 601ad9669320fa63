"""The ``relgraph`` command: each subcommand parses options, calls the library, prints.

Heavy libraries (networkx, pyvis, the Neo4j driver) are imported inside the
commands that need them, so ``relgraph --help`` stays fast.
"""

from __future__ import annotations

import json
import sys
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

    from relgraph.store import Store


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


def _remember(name: str) -> Callable[[click.Context, click.Parameter, Any], None]:
    """A callback that keeps an option's value and where it came from in ``ctx.meta``."""

    def callback(ctx: click.Context, param: click.Parameter, value: Any) -> None:
        ctx.meta[f"relgraph.{name}"] = value
        ctx.meta[f"relgraph.{name}.source"] = ctx.get_parameter_source(param.name or name)

    return callback


def _neo4j_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """--neo4j URI, --database and the credentials, all kept in ctx.meta for :func:`_open_store`.

    The password is read only from NEO4J_PASSWORD, never from the command line.
    """
    for option in (
        click.option("--neo4j", "neo4j_uri", metavar="URI", envvar="NEO4J_URI", expose_value=False,
                     callback=_remember("neo4j"),
                     help="Read from / write to Neo4j at URI, e.g. bolt://127.0.0.1:7687 [env NEO4J_URI]."),
        click.option("--database", envvar="NEO4J_DATABASE", expose_value=False,
                     callback=_remember("database"),
                     help="Neo4j database [env NEO4J_DATABASE; default: the server's default]."),
        click.option("--username", envvar="NEO4J_USERNAME", default="neo4j", show_default=True,
                     expose_value=False, callback=_remember("username"),
                     help="Neo4j user [env NEO4J_USERNAME]; the password comes from NEO4J_PASSWORD."),
        click.option("--neo4j-password", envvar="NEO4J_PASSWORD", hidden=True, expose_value=False,
                     callback=_remember("password")),
    ):
        func = option(func)
    return func


def _data_option(func: Callable[..., Any]) -> Callable[..., Any]:
    func = click.option(
        "--data", "data_path", type=click.Path(path_type=Path), envvar="RELGRAPH_DATA",
        help="Dataset file or directory [env RELGRAPH_DATA; default: the bundled 2016 Syria example].",
    )(func)
    return _neo4j_options(func)


def _snapshot_options(func: Callable[..., Any]) -> Callable[..., Any]:
    func = click.option(
        "--window", type=WindowType(), default=str(DEFAULT_EVENT_WINDOW), show_default=True,
        help="Show events from this long before the date: 30d, 2w, 6M, 1y, or 'all'.",
    )(func)
    func = click.option("--date", "day", type=DayType(), required=True,
                        help="The day to show, YYYY-MM-DD.")(func)
    return _data_option(func)


def _open_store(data_path: Path | None, *, need_neo4j: bool = False) -> Store:
    """The store the options chose: --neo4j, else --data, else the bundled example.

    A value typed on the command line beats one from the environment; two
    typed (or two from the environment) are a usage error rather than a guess.
    """
    from click.core import ParameterSource

    from relgraph.store import open_store

    ctx = click.get_current_context()
    meta = ctx.meta
    uri = meta.get("relgraph.neo4j")
    if uri and data_path is not None:
        typed = ParameterSource.COMMANDLINE
        uri_typed = meta.get("relgraph.neo4j.source") == typed
        data_typed = ctx.get_parameter_source("data_path") == typed
        if uri_typed == data_typed:
            raise click.UsageError("both a dataset (--data / RELGRAPH_DATA) and Neo4j (--neo4j / NEO4J_URI) "
                                   "are given: choose one with --data or --neo4j")
        if data_typed:
            uri = None
        else:
            data_path = None
    if need_neo4j and not uri:
        raise click.UsageError("no Neo4j server given: pass --neo4j URI or set NEO4J_URI")
    return open_store(data=data_path, neo4j=uri, username=meta.get("relgraph.username") or "neo4j",
                      password=meta.get("relgraph.password"), database=meta.get("relgraph.database"))


def _graph(data_path: Path | None, day: date, window: Duration | None) -> nx.MultiDiGraph:
    from relgraph.snapshot import to_graph

    store = _open_store(data_path)
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


# --- a local Neo4j server (issue 3) ---


@cli.group()
def neo4j() -> None:
    """Run a local Neo4j server without Docker (assembled from Maven Central)."""


def _home_option(func: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--dir", "home", type=click.Path(file_okay=False, path_type=Path),
                        help="Instance folder: data, logs, conf "
                             "[default: ~/.local/share/relgraph/neo4j].")(func)


@neo4j.command("start")
@_home_option
@click.option("--bolt-port", type=click.IntRange(1, 65535), default=7687, show_default=True)
@click.option("--http-port", type=click.IntRange(1, 65535), default=7474, show_default=True)
@click.option("--password", envvar="NEO4J_PASSWORD", required=True,
              help="Password of user neo4j, set when the instance is created [env NEO4J_PASSWORD].")
@click.option("--heap", default="1g", show_default=True, help="JVM heap size.")
@click.option("--pagecache", default="512m", show_default=True, help="Neo4j page cache size.")
@_fail_on_errors
def neo4j_start(home: Path | None, bolt_port: int, http_port: int, password: str, heap: str,
                pagecache: str) -> None:
    """Start Neo4j Community in the background on 127.0.0.1 and wait until it answers.

    The first start downloads the server with Maven (about 140 MB, kept for
    later starts); auth is on, user neo4j.
    """
    from relgraph import neo4j_server

    server = neo4j_server.start(home, password=password, bolt_port=bolt_port, http_port=http_port,
                                heap=heap, pagecache=pagecache)
    click.echo(f"Neo4j {neo4j_server.NEO4J_VERSION} is running (pid {server.pid})\n"
               f"  Bolt:    {server.uri}   (export NEO4J_URI={server.uri})\n"
               f"  Browser: {server.browser}\n"
               f"  Data:    {server.home / 'data'}\n"
               f"  Logs:    {server.home / 'logs'}")


@neo4j.command("stop")
@_home_option
@_fail_on_errors
def neo4j_stop(home: Path | None) -> None:
    """Stop the local Neo4j server cleanly; its data is kept."""
    from relgraph import neo4j_server

    click.echo("Stopped Neo4j" if neo4j_server.stop(home) else "Neo4j was not running")


@neo4j.command("status")
@_home_option
@_fail_on_errors
def neo4j_status(home: Path | None) -> None:
    """Say whether the local Neo4j server runs, and where. Exits 1 when it does not."""
    from relgraph import neo4j_server

    server = neo4j_server.status(home)
    if server is None:
        raise click.ClickException(f"no Neo4j instance in {home or neo4j_server.default_home()}")
    if not server.running:
        raise click.ClickException(f"Neo4j in {server.home} is stopped")
    click.echo(f"Neo4j is running (pid {server.pid}) at {server.uri}, Browser {server.browser}, "
               f"data in {server.home / 'data'}")


# --- Neo4j: schema, load, dump (issue 3) ---


@cli.command()
@_neo4j_options
@_fail_on_errors
def init() -> None:
    """Create relgraph's constraints and indexes in Neo4j (safe to repeat)."""
    store = _open_store(None, need_neo4j=True)
    try:
        statements = store.init()
    finally:
        store.close()
    click.echo(f"Schema ready: {len(statements)} constraints and indexes (created if missing)")


@cli.command()
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--prune", is_flag=True, help="Also delete what the database holds and PATH does not.")
@_neo4j_options
@_fail_on_errors
def load(path: Path, prune: bool) -> None:
    """Validate the dataset at PATH and load it into Neo4j in one transaction.

    Loading again changes nothing; a changed relation is updated in place. A
    relation in the database but not in PATH is reported, and deleted only
    with --prune. On any error nothing is written.
    """
    from relgraph.dataset import load as read_dataset

    data = read_dataset(path)
    store = _open_store(None, need_neo4j=True)
    try:
        with click.progressbar(length=len(data.relations), label="Loading relations",
                               file=sys.stderr) as bar:
            done = 0

            def progress(written: int) -> None:
                nonlocal done
                bar.update(written - done)
                done = written

            summary = store.write(data, prune=prune, progress=progress)
        stale = [] if prune else store.stale(data)
    finally:
        store.close()
    click.echo(f"Loaded {path}: {summary}")
    if stale:
        shown = ", ".join(stale[:5]) + (", ..." if len(stale) > 5 else "")
        click.echo(f"{len(stale)} relation(s) in the database are not in {path} ({shown}); "
                   "load with --prune to delete them")


@cli.command()
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@_neo4j_options
@_fail_on_errors
def dump(directory: Path) -> None:
    """Write everything in Neo4j to DIRECTORY as dataset files (YAML), which load reads back."""
    from relgraph.store.files import FilesStore

    store = _open_store(None, need_neo4j=True)
    try:
        data = store.read()
    finally:
        store.close()
    FilesStore(directory).write(data, prune=True)
    click.echo(f"Wrote {directory}: {len(data.actors)} actors, {len(data.relations)} relations, "
               f"{len(data.sources)} sources, {len(data.custom_types)} custom types")


def main() -> None:
    cli()
