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


# --- analysis and export commands (issue 5) ---


def _window_option(func: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--window", type=WindowType(), default=str(DEFAULT_EVENT_WINDOW), show_default=True,
        help="Show events from this long before each date: 30d, 2w, 6M, 1y, or 'all'.",
    )(func)


def _format_option(func: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table",
                        show_default=True,
                        help="A table, or JSON with the date and the signed ties it was computed from.")(func)


def _camps_option(func: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--camps", "k", type=click.IntRange(2, 6), default=2, show_default=True,
                        help="How many camps to split the actors into.")(func)


def _emit(result: Any, fmt: str, text: Callable[[Any], str]) -> None:
    if fmt == "json":
        click.echo(json.dumps(result.to_dict(), indent=2, ensure_ascii=False))
    else:
        click.echo(text(result))


if TYPE_CHECKING:
    from relgraph.model import Dataset


def _dataset(data_path: Path | None) -> Dataset:
    """The whole history from the store the options chose (timeline and export need every date)."""
    store = _open_store(data_path)
    try:
        return store.read()
    finally:
        store.close()


@cli.group()
def analyze() -> None:
    """Signed-network analysis of the graph on a date: balance, camps, brokers, allies.

    Parallel relations between two actors are first collapsed into one signed
    tie (stances outrank events; then the most confident, then the latest);
    agreements, resolutions and meetings take no side and are left out.
    """


@analyze.command("balance")
@_snapshot_options
@click.option("--all", "everything", is_flag=True, help="List the balanced triangles too, not only tensions.")
@_format_option
@_fail_on_errors
def analyze_balance(data_path: Path | None, day: date, window: Duration | None, everything: bool,
                    fmt: str) -> None:
    """Classify every signed triangle on --date as balanced or not, and list the unbalanced ones."""
    from relgraph.analysis.balance import balance
    from relgraph.analysis.text import balance_text

    _emit(balance(_graph(data_path, day, window)), fmt, lambda r: balance_text(r, everything=everything))


@analyze.command("camps")
@_snapshot_options
@_camps_option
@click.option("--seed", type=int, default=0, show_default=True, help="Seed of the heuristic's restarts.")
@_format_option
@_fail_on_errors
def analyze_camps(data_path: Path | None, day: date, window: Duration | None, k: int, seed: int,
                  fmt: str) -> None:
    """Split the actors on --date into camps that as few ties as possible break.

    Exact for groups of up to 20 actors (two camps); a seeded heuristic above.
    """
    from relgraph.analysis.camps import camps
    from relgraph.analysis.text import camps_text

    _emit(camps(_graph(data_path, day, window), k, seed=seed), fmt, camps_text)


@analyze.command("brokers")
@_snapshot_options
@_camps_option
@_format_option
@_fail_on_errors
def analyze_brokers(data_path: Path | None, day: date, window: Duration | None, k: int, fmt: str) -> None:
    """Who sits between the camps on --date: betweenness, bridges, and brokers of deals."""
    from relgraph.analysis.brokers import brokers
    from relgraph.analysis.text import brokers_text

    _emit(brokers(_graph(data_path, day, window), k=k), fmt, brokers_text)


@analyze.command("ego")
@click.argument("actor")
@_snapshot_options
@_format_option
@_fail_on_errors
def analyze_ego(actor: str, data_path: Path | None, day: date, window: Duration | None, fmt: str) -> None:
    """ACTOR's allies and adversaries on --date, and those balance implies (marked inferred).

    ACTOR is an id, a name or an alias, in any case: russia, Russia, Moscow.
    """
    from relgraph.analysis.actors import UnknownActor
    from relgraph.analysis.ego import ego
    from relgraph.analysis.text import ego_text

    graph = _graph(data_path, day, window)
    try:
        report = ego(graph, actor)
    except UnknownActor as exc:
        raise click.BadParameter(str(exc), param_hint="ACTOR") from None
    _emit(report, fmt, ego_text)


@cli.command()
@_data_option
@click.option("--from", "start", type=DayType(), required=True, help="The earlier day, YYYY-MM-DD.")
@click.option("--to", "end", type=DayType(), required=True, help="The later day, YYYY-MM-DD.")
@_window_option
@_camps_option
@_format_option
@_fail_on_errors
def diff(data_path: Path | None, start: date, end: date, window: Duration | None, k: int, fmt: str) -> None:
    """What changed from --from to --to: ties that flipped, stances begun or ended, camp moves.

    Also lists the events that happened in between.
    """
    from relgraph.analysis.diff import diff as compare
    from relgraph.analysis.text import diff_text

    if end < start:
        raise click.BadParameter(f"{end} is before --from {start}", param_hint="'--to'")
    between = _graph(data_path, end, Duration((end - start).days, "d"))
    change = compare(_graph(data_path, start, window), _graph(data_path, end, window), between=between, k=k)
    _emit(change, fmt, diff_text)


@cli.command()
@click.argument("actor")
@click.argument("other", required=False)
@_data_option
@click.option("--events/--no-events", default=True, show_default=True,
              help="Include events, or stances only.")
@_format_option
@_fail_on_errors
def timeline(actor: str, other: str | None, data_path: Path | None, events: bool, fmt: str) -> None:
    """The dated history of ACTOR's relations, or of the pair ACTOR OTHER, in order, with sources.

    Actors are ids, names or aliases, in any case.
    """
    from relgraph.analysis.actors import UnknownActor
    from relgraph.analysis.text import timeline_text
    from relgraph.analysis.timeline import timeline as history

    data = _dataset(data_path)
    try:
        story = history(data, actor, other, events=events)
    except UnknownActor as exc:
        raise click.BadParameter(str(exc), param_hint="ACTOR" if other is None else "ACTOR/OTHER") from None
    if story.other == story.actor:
        raise click.BadParameter("give two different actors", param_hint="OTHER")
    _emit(story, fmt, timeline_text)


@cli.command()
@_data_option
@click.option("--format", "fmt", type=click.Choice(["gexf", "graphml", "json"]),
              help="File format [default: from the --output suffix, else gexf].")
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path),
              help="Where to write [default: relgraph-history.FORMAT, or relgraph-DATE.FORMAT with --date].")
@click.option("--date", "day", type=DayType(), help="Export the snapshot of this day, not the whole history.")
@_window_option
@_fail_on_errors
def export(data_path: Path | None, fmt: str | None, output: Path | None, day: date | None,
           window: Duration | None) -> None:
    """Write the graph for Gephi (GEXF), yEd or Cytoscape (GraphML), or scripts (node-link JSON).

    Without --date, the whole history, with time intervals that Gephi's
    timeline plays; with --date, that day's snapshot.
    """
    from relgraph.export import export as write
    from relgraph.export import format_for

    if fmt is None:
        fmt = format_for(output) if output else "gexf"
        if fmt is None:
            raise click.BadParameter(f"cannot tell the format from {output.name!r}: give --format "
                                     "gexf, graphml or json", param_hint="'--output'")
    output = output or Path(f"relgraph-{day.isoformat() if day else 'history'}.{fmt}")
    source = _graph(data_path, day, window) if day else _dataset(data_path)
    try:
        summary = write(source, output, format=fmt)
    except OSError as exc:
        raise click.ClickException(f"cannot write {output}: {exc.strerror or exc}") from None
    what = "the whole history, with time intervals" if summary.history else day.isoformat() if day else ""
    click.echo(f"Wrote {output} ({fmt}, {what}: {summary.actors} actors, {summary.relations} relations)")


# --- render (issue 4) ---


class DaysType(click.ParamType):
    """One day, or several separated by commas: 2016-01-01,2016-06-01."""

    name = "YYYY-MM-DD[,...]"

    def convert(self, value: Any, param: click.Parameter | None,
                ctx: click.Context | None) -> tuple[date, ...]:
        if isinstance(value, tuple):
            return value
        try:
            return tuple(parse_day(part.strip()) for part in str(value).split(",") if part.strip())
        except DateError as exc:
            self.fail(str(exc), param, ctx)


class StepType(click.ParamType):
    name = "DURATION"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Duration:
        if isinstance(value, Duration):
            return value
        try:
            return Duration.parse(value)
        except DateError as exc:
            self.fail(str(exc), param, ctx)


def _render_days(days: tuple[tuple[date, ...], ...], start: date | None, end: date | None,
                 step: Duration | None) -> list[date]:
    """The dates the options ask for: --date (repeated or listed), or --from/--to by --step."""
    from relgraph.render.series import dates_between

    listed = sorted({day for group in days for day in group})
    if listed and (start or end):
        raise click.UsageError("give --date, or --from and --to, not both")
    if (start is None) != (end is None):
        raise click.UsageError("--from and --to go together")
    if start is None or end is None:
        if step is not None:
            raise click.UsageError("--step needs --from and --to")
        if not listed:
            raise click.UsageError("Missing option '--date'. Give --date, or --from and --to (and --step).")
        return listed
    try:
        return dates_between(start, end, step or Duration(1, "M"))
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="'--from' / '--to' / '--step'") from None


def _graphs(data_path: Path | None, days: list[date], window: Duration | None) -> list[nx.MultiDiGraph]:
    """The snapshot graph of each day, from one opening of the store the options chose."""
    from relgraph.snapshot import to_graph

    store = _open_store(data_path)
    try:
        return [to_graph(store.at(day, window), day, window=window) for day in days]
    finally:
        store.close()


@cli.command()
@_data_option
@click.option("--date", "days", type=DaysType(), multiple=True,
              help="The day to show, YYYY-MM-DD. Repeat it, or list days with commas, for a series.")
@click.option("--from", "start", type=DayType(), help="First day of a series, YYYY-MM-DD (with --to).")
@click.option("--to", "end", type=DayType(), help="Last day of a series, YYYY-MM-DD (with --from).")
@click.option("--step", type=StepType(),
              help="Time between the days of a series: 1d, 2w, 1M, 1y [default: 1M].")
@_window_option
@click.option("--actor", help="Show only this actor's neighbourhood: an id, a name or an alias.")
@click.option("--depth", type=click.IntRange(min=0), default=1, show_default=True,
              help="How many relations away from --actor to go.")
@click.option("--types", "types", multiple=True, metavar="TYPE[,...]",
              help="Show only relations of these types: backs,fights (repeatable).")
@click.option("--min-confidence", type=click.FloatRange(0, 1),
              help="Show only relations this sure or surer (0..1).")
@click.option("--hide-events", is_flag=True, help="Show stances only, no events.")
@click.option("--size-by", type=click.Choice(["degree", "none"]), default="degree", show_default=True,
              help="Size actors by their number of relations on the date, or all alike.")
@click.option("--format", "fmt", type=click.Choice(["html", "svg", "png"]),
              help="An interactive page, or static images [default: from the --output suffix, else html].")
@click.option("--fragment", is_flag=True,
              help="Write a <div> with its own style and script, to paste into a larger HTML page.")
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path),
              help="Where to write [default: relgraph-DATE.html, relgraph-FROM-to-TO.html for a series; "
                   "images: one per date, relgraph-DATE.svg].")
@click.option("--title", help="Title [default: 'Relations on DATE' or 'Relations from FROM to TO'].")
@_fail_on_errors
def render(data_path: Path | None, days: tuple[tuple[date, ...], ...], start: date | None, end: date | None,
           step: Duration | None, window: Duration | None, actor: str | None, depth: int,
           types: tuple[str, ...], min_confidence: float | None, hide_events: bool, size_by: str,
           fmt: str | None, fragment: bool, output: Path | None, title: str | None) -> None:
    """Draw the relations that hold on --date: an interactive HTML page, or SVG/PNG images.

    With several dates (--from/--to/--step, or a list of --date), the page has
    a slider and a play button, and actors keep their place from date to
    date. The page is self-contained: it works offline, from a file and in an
    iframe. --actor/--depth, --types, --min-confidence and --hide-events
    narrow what is shown.
    """
    from relgraph.filters import FilterError, Filters
    from relgraph.render import write

    dates = _render_days(days, start, end, step)
    suffix = output.suffix.lower() if output else ""
    fmt = fmt or (suffix[1:] if suffix in (".svg", ".png") else "html")
    if fragment and fmt != "html":
        raise click.UsageError("--fragment is HTML: it cannot go with --format svg or png")
    if output is None:
        stem = "relgraph" if fmt != "html" and len(dates) > 1 else (
            f"relgraph-{dates[0]}" if len(dates) == 1 else f"relgraph-{dates[0]}-to-{dates[-1]}")
        output = Path(f"{stem}.{fmt}")
    wanted = frozenset(t.strip() for group in types for t in group.split(",") if t.strip()) or None
    filters = Filters(actor=actor, depth=depth, types=wanted, min_confidence=min_confidence,
                      hide_events=hide_events)
    try:
        graphs = filters.apply(_graphs(data_path, dates, window))
    except FilterError as exc:
        raise click.BadParameter(str(exc), param_hint=f"'--{exc.option}'") from None
    done = write(graphs, output, fmt=fmt, fragment=fragment, title=title, size_by=size_by)
    counts = f"{done.actors} actors, {done.relations} relations, {done.sources} sources"
    if len(dates) == 1:
        click.echo(f"Wrote {done.paths[0]} ({counts})")
    elif len(done.paths) == 1:
        span = f"{len(dates)} dates from {dates[0]} to {dates[-1]}"
        click.echo(f"Wrote {done.paths[0]} ({span}; {counts} in all)")
    else:
        click.echo(f"Wrote {len(done.paths)} images, {done.paths[0]} to {done.paths[-1]} ({counts} in all)")


def main() -> None:
    cli()
