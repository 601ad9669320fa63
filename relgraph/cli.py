"""The ``relgraph`` command: each subcommand parses options, calls one API function, prints.

Heavy libraries (networkx, pyvis, the Neo4j driver, matplotlib) are imported
inside the commands that need them, so ``relgraph --help`` stays fast. Errors
relgraph raises on purpose become one line: a wrong option or argument exits
2, bad data or a failed operation 1.
"""

from __future__ import annotations

import json
import os
import sys
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from relgraph import __version__
from relgraph.dates import DEFAULT_EVENT_WINDOW, Duration, dates_between, parse_day
from relgraph.errors import DatasetError, DateError, OptionError, RelgraphError, scrub

if TYPE_CHECKING:
    from relgraph.explorer import Explorer
    from relgraph.store.base import Progress


class DayType(click.ParamType):
    name = "YYYY-MM-DD"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> date:
        try:
            return parse_day(value)
        except DateError as exc:
            self.fail(str(exc), param, ctx)


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


class DurationType(click.ParamType):
    """A duration (30d, 2w, 1M, 1y); a window also takes 'all' (every event up to the date)."""

    name = "DURATION"

    def __init__(self, *, window: bool) -> None:
        self.window = window

    def convert(self, value: Any, param: click.Parameter | None,
                ctx: click.Context | None) -> Duration | None:
        if isinstance(value, Duration) or value is None:
            return value
        if self.window and str(value).strip().lower() == "all":
            return None
        try:
            return Duration.parse(value)
        except DateError as exc:
            message = f"{exc}; or 'all' for every event up to the date" if self.window else str(exc)
            self.fail(message, param, ctx)


class Relgraph(click.Group):
    """The root group: relgraph's own errors, from any command, become one line and an exit code.

    Every message is scrubbed of credentials on its way out, whatever produced it.
    """

    def invoke(self, ctx: click.Context) -> Any:
        warnings.filterwarnings("ignore", module=r"neo4j(\.|$)")  # relgraph says what went wrong itself
        try:
            return super().invoke(ctx)
        except DatasetError as exc:
            for problem in exc.problems:
                click.echo(str(problem), err=True)
            n = len(exc.errors)
            raise click.ClickException(f"the dataset has {n} error{'s' if n != 1 else ''}; "
                                       f"nothing was {ctx.meta.get('relgraph.verb', 'read')}") from None
        except OptionError as exc:
            hint = exc.option if exc.option.isupper() else f"'--{exc.option.replace('_', '-')}'"
            raise click.BadParameter(_scrub(ctx, str(exc)), param_hint=hint) from None
        except RelgraphError as exc:
            raise click.ClickException(_scrub(ctx, str(exc))) from None


def _scrub(ctx: click.Context, text: str) -> str:
    secrets = [ctx.meta.get("relgraph.password"), os.environ.get("NEO4J_PASSWORD")]
    return scrub(text, secrets)


# -- choosing the store -----------------------------------------------------------------------------


def _remember(name: str) -> Callable[[click.Context, click.Parameter, Any], None]:
    """A callback that keeps an option's value and where it came from in ``ctx.meta``."""

    def callback(ctx: click.Context, param: click.Parameter, value: Any) -> None:
        ctx.meta[f"relgraph.{name}"] = value
        ctx.meta[f"relgraph.{name}.source"] = ctx.get_parameter_source(param.name or name)

    return callback


def _neo4j_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """--neo4j URI, --database and the credentials, all kept in ctx.meta for :func:`_explorer`.

    The password is read only from NEO4J_PASSWORD, never from the command line.
    """
    # help lists options in the order they are written above a command: the last applied comes first
    for option in reversed((
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
    )):
        func = option(func)
    return func


def _data_option(func: Callable[..., Any]) -> Callable[..., Any]:
    """--data, then the Neo4j options: where the data comes from. Written last above a command, so that its
    help lists first what to show, then filters, then the output, and then these."""
    func = _neo4j_options(func)
    return click.option(
        "--data", "data_path", type=click.Path(path_type=Path), envvar="RELGRAPH_DATA",
        help="Dataset file or directory [env RELGRAPH_DATA; default: the bundled 2016 Syria example].",
    )(func)


def _window_option(func: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--window", type=DurationType(window=True), default=str(DEFAULT_EVENT_WINDOW), show_default=True,
        help="Show events from this long before each date: 30d, 2w, 6M, 1y, or 'all'.",
    )(func)


def _snapshot_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """--date and --window: what a command about one day shows."""
    func = _window_option(func)
    return click.option("--date", "day", type=DayType(), required=True,
                        help="The day to show, YYYY-MM-DD.")(func)


def _explorer(data_path: Path | None, *, need_neo4j: bool = False) -> Explorer:
    """The store the options chose, opened once and closed with the command: --neo4j, else --data, else
    the bundled example.

    A value typed on the command line beats one from the environment; two
    typed (or two from the environment) are a usage error rather than a guess.
    """
    from click.core import ParameterSource

    import relgraph

    ctx = click.get_current_context()
    meta = ctx.meta
    uri = meta.get("relgraph.neo4j")
    if uri and data_path is not None:
        typed = ParameterSource.COMMANDLINE
        uri_typed = meta.get("relgraph.neo4j.source") == typed
        if uri_typed == (ctx.get_parameter_source("data_path") == typed):
            raise click.UsageError("both a dataset (--data / RELGRAPH_DATA) and Neo4j (--neo4j / NEO4J_URI) "
                                   "are given: choose one with --data or --neo4j")
        uri, data_path = (uri, None) if uri_typed else (None, data_path)
    if need_neo4j and not uri:
        raise click.UsageError("no Neo4j server given: pass --neo4j URI or set NEO4J_URI")
    explorer = relgraph.open(data_path, neo4j=uri, username=meta.get("relgraph.username") or "neo4j",
                             password=meta.get("relgraph.password"), database=meta.get("relgraph.database"),
                             waiting=_waiting)
    ctx.call_on_close(explorer.close)
    return explorer


def _waiting() -> None:
    click.echo("Waiting for another load into this database to finish...", err=True)


# -- output -----------------------------------------------------------------------------------------


def _format_option(func: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table",
                        show_default=True,
                        help="A table, or versioned JSON (see the README) with what it was "
                             "computed from.")(func)


def _emit(result: Any, fmt: str, text: Callable[[Any], str]) -> None:
    """A result as text, or as its versioned JSON (``to_dict()``)."""
    if fmt == "json":
        click.echo(json.dumps(result if isinstance(result, dict) else result.to_dict(), indent=2,
                              ensure_ascii=False))
    else:
        click.echo(text(result))


@contextmanager
def _progress(total: int, label: str) -> Iterator[Progress]:
    """A progress bar on stderr when it is a terminal, and the callback that moves it to a running count.

    Not on a pipe or a log file: there the bar would print only its label, a line nobody asked for.
    """
    if not sys.stderr.isatty():
        yield lambda count: None
        return
    with click.progressbar(length=total, label=label, file=sys.stderr) as bar:
        done = 0

        def advance(count: int) -> None:
            nonlocal done
            if count < done:  # the load started over after a transient failure
                bar.pos = 0
                done = 0
            bar.update(count - done)
            done = count

        yield advance


@click.group(cls=Relgraph, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="relgraph")
def cli() -> None:
    """Explore signed, dated, sourced relations between political actors.

    Without --data, commands read the bundled example: the Moscow talks of
    Russia, Iran and Turkey on Syria, 20 December 2016.
    """


# -- datasets and snapshots -------------------------------------------------------------------------


@cli.command()
@click.argument("path", type=click.Path(path_type=Path), required=False)
@_neo4j_options
def validate(path: Path | None) -> None:
    """Check the dataset at PATH and list every problem with file, line and field.

    Without PATH, check the Neo4j database of --neo4j (or NEO4J_URI) instead:
    a relation id stored more than once (which the next load, or a load with
    --prune, repairs). Exits 1 when there are errors; warnings alone do not fail.
    """
    import relgraph
    from relgraph.render.text import plural, validated_text

    if path is None:
        found = _explorer(None, need_neo4j=True).check()
        for line in found:
            click.echo(line, err=True)
        if found:
            raise click.ClickException(f"the database has {plural(len(found), 'problem')}")
        click.echo("The database holds every relation id once")
        return
    report = relgraph.validate(path)
    for problem in report.problems:
        click.echo(str(problem), err=True)
    if not report.ok:
        raise click.ClickException(validated_text(report))
    click.echo(validated_text(report))


@cli.command()
@_snapshot_options
@click.option("--include-candidates", is_flag=True,
              help="Show extracted candidates that wait for review too.")
@_format_option
@_data_option
def show(data_path: Path | None, day: date, window: Duration | None, include_candidates: bool,
         fmt: str) -> None:
    """Print the relations that hold on --date, as a table or as JSON."""
    from relgraph.filters import Filters
    from relgraph.render.text import relations_table, snapshot_json

    filters = Filters(candidates=include_candidates)
    graph = _explorer(data_path).snapshot(day, window=window, filters=filters)
    _emit(snapshot_json(graph) if fmt == "json" else graph, fmt, relations_table)


# -- a local Neo4j server ---------------------------------------------------------------------------


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
@click.option("--password", envvar="NEO4J_PASSWORD",
              help="Password of user neo4j, set when the instance is created [env NEO4J_PASSWORD]. Prefer "
                   "the environment, or the prompt you get without either: a password on the command line "
                   "is visible to every user of the machine in its list of processes.")
@click.option("--heap", default="1g", show_default=True, help="JVM heap size.")
@click.option("--pagecache", default="512m", show_default=True, help="Neo4j page cache size.")
def neo4j_start(home: Path | None, bolt_port: int, http_port: int, password: str | None,
                heap: str, pagecache: str) -> None:
    """Start Neo4j Community in the background on 127.0.0.1 and wait until it answers.

    The first start downloads the server with Maven (about 305 MB, kept for
    later starts) and, once, writes an archive of its classes that makes
    later starts about 3 s faster (about 20 s); auth is on, user neo4j, with
    the password of NEO4J_PASSWORD.
    """
    from relgraph.render.text import server_text
    from relgraph.store import server

    if not password:
        if not sys.stdin.isatty():
            raise click.UsageError("no password: set NEO4J_PASSWORD (the password of user neo4j)")
        password = click.prompt("Password of user neo4j", hide_input=True)
    click.echo(server_text(server.start(home, password=password, bolt_port=bolt_port, http_port=http_port,
                                        heap=heap, pagecache=pagecache)))


@neo4j.command("stop")
@_home_option
def neo4j_stop(home: Path | None) -> None:
    """Stop the local Neo4j server cleanly; its data is kept."""
    from relgraph.store import server

    click.echo("Stopped Neo4j" if server.stop(home) else "Neo4j was not running")


@neo4j.command("status")
@_home_option
@click.pass_context
def neo4j_status(ctx: click.Context, home: Path | None) -> None:
    """Say whether the local Neo4j server runs, and where.

    Exits 0 when it runs, 3 when it is stopped and 4 when there is no instance
    (the codes of service scripts).
    """
    from relgraph.store import server

    found = server.status(home)
    if found is None:
        click.echo(f"No Neo4j instance in {home or server.default_home()} (relgraph neo4j start makes one)")
        ctx.exit(4)
    elif not found.running:
        click.echo(f"Neo4j in {found.home} is stopped (relgraph neo4j start starts it)")
        ctx.exit(3)
    else:
        click.echo(f"Neo4j is running (pid {found.pid}) at {found.uri}, Browser {found.browser}, "
                   f"data in {found.home / 'data'}")


@neo4j.command("import")
@click.argument("path", type=click.Path(path_type=Path))
@_home_option
@click.option("--replace", is_flag=True,
              help="Replace a database that holds data: everything in it is deleted, and it then holds PATH "
                   "alone (a bulk import never merges with or prunes what was there).")
@click.option("--neo4j-password", "password", envvar="NEO4J_PASSWORD", hidden=True)
@click.pass_context
def neo4j_import(ctx: click.Context, path: Path, home: Path | None, replace: bool,
                 password: str | None) -> None:
    """Bulk-import the dataset at PATH into the local Neo4j server, as its whole database.

    Validates PATH, has neo4j-admin build a new database from it beside the
    live one, creates the schema there, then swaps it in with a short restart
    of the server that relgraph neo4j start runs (--dir). A failure before the
    swap leaves the live database as it was. A database that holds data is
    refused unless --replace is given. Needs the server's own host and
    NEO4J_PASSWORD; for another server, or to add to a database, use relgraph
    load.
    """
    from relgraph.render.text import bulk_imported_text, bulk_step_text
    from relgraph.store import bulk

    ctx.meta["relgraph.verb"] = "imported"
    if not password:
        if not sys.stdin.isatty():
            raise click.UsageError("no password: set NEO4J_PASSWORD (the password of user neo4j)")
        password = click.prompt("Password of user neo4j", hide_input=True)
    ctx.meta["relgraph.password"] = password

    def step(name: str) -> None:
        click.echo(bulk_step_text(name), err=True)

    done = bulk.import_dataset(path, home, password=password, replace=replace,
                               step=step if sys.stderr.isatty() else None)
    click.echo(bulk_imported_text(done))


# -- Neo4j: schema, load, dump ----------------------------------------------------------------------


@cli.command()
@_neo4j_options
def init() -> None:
    """Create relgraph's constraints and indexes in Neo4j (safe to repeat)."""
    statements = _explorer(None, need_neo4j=True).init()
    click.echo(f"Schema ready: {len(statements)} constraints and indexes (created if missing)")


@cli.command()
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--prune", is_flag=True, help="Also delete what the database holds and PATH does not.")
@_neo4j_options
@click.pass_context
def load(ctx: click.Context, path: Path, prune: bool) -> None:
    """Validate the dataset at PATH and load it into Neo4j, writing only what changed.

    Loading again changes nothing; a changed relation is updated in place. A
    relation in the database but not in PATH is reported, and deleted only
    with --prune. A dataset with an error writes nothing. A load of up to
    20,000 changed records is one transaction (all or nothing); a bigger one
    is written in batches, and if it stops part way, loading again finishes
    it (until then, other commands refuse the database).
    """
    import relgraph
    from relgraph.render.text import loaded_text

    ctx.meta["relgraph.verb"] = "written"
    data = relgraph.load(path)
    explorer = _explorer(None, need_neo4j=True)
    with _progress(len(data.relations), "Loading relations") as progress:
        loaded = explorer.load(data, prune=prune, progress=progress)
    click.echo(loaded_text(path, loaded))


@cli.command()
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@_neo4j_options
def dump(directory: Path) -> None:
    """Write everything in Neo4j to DIRECTORY as dataset files (YAML), which load reads back."""
    from relgraph.render.text import counts

    data = _explorer(None, need_neo4j=True).dump(directory)
    click.echo(f"Wrote {directory}: {counts(data)}")


# -- analysis ---------------------------------------------------------------------------------------


def _camps_option(func: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--camps", "k", type=click.IntRange(2, 6), default=2, show_default=True,
                        help="How many camps to split the actors into.")(func)


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
@_data_option
def analyze_balance(data_path: Path | None, day: date, window: Duration | None, everything: bool,
                    fmt: str) -> None:
    """Classify every signed triangle on --date as balanced or not, and list the unbalanced ones."""
    from relgraph.analysis import balance
    from relgraph.render.text import balance_text

    report = balance(_explorer(data_path).snapshot(day, window=window, evidence=False))
    _emit(report, fmt, lambda r: balance_text(r, everything=everything))


@analyze.command("camps")
@_snapshot_options
@_camps_option
@click.option("--seed", type=int, default=0, show_default=True, help="Seed of the heuristic's restarts.")
@_format_option
@_data_option
def analyze_camps(data_path: Path | None, day: date, window: Duration | None, k: int, seed: int,
                  fmt: str) -> None:
    """Split the actors on --date into camps that as few ties as possible break.

    Exact for groups of up to 20 actors (two camps); a seeded heuristic above.
    """
    from relgraph.analysis import camps
    from relgraph.render.text import camps_text

    graph = _explorer(data_path).snapshot(day, window=window, evidence=False)  # analyses show no evidence
    _emit(camps(graph, k, seed=seed), fmt, camps_text)


@analyze.command("brokers")
@_snapshot_options
@_camps_option
@_format_option
@_data_option
def analyze_brokers(data_path: Path | None, day: date, window: Duration | None, k: int, fmt: str) -> None:
    """Who sits between the camps on --date: betweenness, bridges, and brokers of deals."""
    from relgraph.analysis import brokers
    from relgraph.render.text import brokers_text

    _emit(brokers(_explorer(data_path).snapshot(day, window=window, evidence=False), k=k), fmt, brokers_text)


@analyze.command("ego")
@click.argument("actor")
@_snapshot_options
@_format_option
@_data_option
def analyze_ego(actor: str, data_path: Path | None, day: date, window: Duration | None, fmt: str) -> None:
    """ACTOR's allies and adversaries on --date, and those balance implies (marked inferred).

    ACTOR is an id, a name or an alias, in any case: russia, Russia, Moscow.
    """
    from relgraph.analysis import ego
    from relgraph.render.text import ego_text

    _emit(ego(_explorer(data_path).snapshot(day, window=window, evidence=False), actor), fmt, ego_text)


@cli.command()
@click.option("--from", "start", type=DayType(), required=True, help="The earlier day, YYYY-MM-DD.")
@click.option("--to", "end", type=DayType(), required=True, help="The later day, YYYY-MM-DD.")
@_window_option
@_camps_option
@_format_option
@_data_option
def diff(data_path: Path | None, start: date, end: date, window: Duration | None, k: int, fmt: str) -> None:
    """What changed from --from to --to: ties that flipped, stances begun or ended, camp moves.

    Also lists the events that happened in between.
    """
    from relgraph.render.text import diff_text

    _emit(_explorer(data_path).diff(start, end, window=window, k=k), fmt, diff_text)


@cli.command()
@click.argument("actor")
@click.argument("other", required=False)
@click.option("--events/--no-events", default=True, show_default=True,
              help="Include events, or stances only.")
@_format_option
@_data_option
def timeline(actor: str, other: str | None, data_path: Path | None, events: bool, fmt: str) -> None:
    """The dated history of ACTOR's relations, or of the pair ACTOR OTHER, in order, with sources.

    Actors are ids, names or aliases, in any case.
    """
    from relgraph.render.text import timeline_text

    _emit(_explorer(data_path).history(actor, other, events=events), fmt, timeline_text)


# -- drawing and exporting --------------------------------------------------------------------------


def _render_days(days: tuple[tuple[date, ...], ...], start: date | None, end: date | None,
                 step: Duration | None) -> list[date]:
    """The dates the options ask for: --date (repeated or listed), or --from/--to by --step."""
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
    except DateError as exc:
        raise click.BadParameter(str(exc), param_hint="'--from' / '--to' / '--step'") from None


@cli.command()
@click.option("--date", "days", type=DaysType(), multiple=True,
              help="The day to show, YYYY-MM-DD. Repeat it, or list days with commas, for a series.")
@click.option("--from", "start", type=DayType(), help="First day of a series, YYYY-MM-DD (with --to).")
@click.option("--to", "end", type=DayType(), help="Last day of a series, YYYY-MM-DD (with --from).")
@click.option("--step", type=DurationType(window=False),
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
@click.option("--include-candidates", is_flag=True,
              help="Show extracted candidates that wait for review too, drawn apart from curated relations.")
@click.option("--size-by", type=click.Choice(["degree", "none"]), default="degree", show_default=True,
              help="Size actors by their number of relations on the date, or all alike.")
@click.option("--focus", "focus", multiple=True, metavar="ACTOR[,...]",
              help="Put these actors in front: larger, named in bold, the rest dimmed (ids, names or "
                   "aliases; repeatable).")
@click.option("--all-relations", is_flag=True,
              help="Draw every relation as its own line, instead of one line per pair of actors.")
@click.option("--format", "fmt", type=click.Choice(["html", "svg", "png"]),
              help="An interactive page, or static images [default: from the --output suffix, else html].")
@click.option("--fragment", is_flag=True,
              help="Write a <div> with its own style and script, to paste into a larger HTML page.")
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path),
              help="Where to write [default: relgraph-DATE.html, relgraph-FROM-to-TO.html for a series; "
                   "images: one per date, relgraph-DATE.svg].")
@click.option("--title", help="Title [default: 'Relations on DATE' or 'Relations from FROM to TO'].")
@_data_option
def render(data_path: Path | None, days: tuple[tuple[date, ...], ...], start: date | None, end: date | None,
           step: Duration | None, window: Duration | None, actor: str | None, depth: int,
           types: tuple[str, ...], min_confidence: float | None, hide_events: bool, include_candidates: bool,
           size_by: str, focus: tuple[str, ...], all_relations: bool, fmt: str | None, fragment: bool,
           output: Path | None, title: str | None) -> None:
    """Draw the relations that hold on --date: an interactive HTML page, or SVG/PNG images.

    With several dates (--from/--to/--step, or a list of --date), the page has
    a slider and a play button, and actors keep their place from date to
    date; images are one per date, each titled with its date. The page is
    self-contained: it works offline, from a file and in an iframe.
    --actor/--depth, --types, --min-confidence and --hide-events narrow what
    is shown; --focus puts actors in front. A pair of actors is one line
    unless --all-relations.
    """
    import relgraph.render
    from relgraph.filters import Filters
    from relgraph.render.roles import recent_roles
    from relgraph.render.text import written_text

    wanted = frozenset(t.strip() for group in types for t in group.split(",") if t.strip()) or None
    chosen = tuple(a.strip() for group in focus for a in group.split(",") if a.strip())
    filters = Filters(actor=actor, depth=depth, types=wanted, min_confidence=min_confidence,
                      hide_events=hide_events, candidates=include_candidates)
    dates = _render_days(days, start, end, step)
    explorer = _explorer(data_path)
    graphs = explorer.snapshots(dates, window=window, filters=filters)
    # the roles that ended are read from relations alone: no citations
    recent_roles(graphs, lambda earlier: explorer.snapshots(earlier, window=window, evidence=False))
    done = relgraph.render.write(graphs, output, format=fmt, fragment=fragment, title=title, size_by=size_by,
                                 all_relations=all_relations, focus=chosen)
    click.echo(written_text(done))


@cli.command()
@click.option("--date", "day", type=DayType(), help="Export the snapshot of this day, not the whole history.")
@_window_option
@click.option("--format", "fmt", type=click.Choice(["gexf", "graphml", "json"]),
              help="File format [default: from the --output suffix, else gexf].")
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path),
              help="Where to write [default: relgraph-history.FORMAT, or relgraph-DATE.FORMAT with --date].")
@_data_option
def export(data_path: Path | None, fmt: str | None, output: Path | None, day: date | None,
           window: Duration | None) -> None:
    """Write the graph for Gephi (GEXF), yEd or Cytoscape (GraphML), or scripts (node-link JSON).

    Without --date, the whole history, with time intervals that Gephi's
    timeline plays; with --date, that day's snapshot.
    """
    import relgraph
    from relgraph.render.text import written_text

    explorer = _explorer(data_path)
    source = explorer.snapshot(day, window=window) if day else explorer.dataset()
    click.echo(written_text(relgraph.export(source, output, format=fmt)))


# -- data in ------------------------------------------------------------------------------------------------


@cli.command("import")
@click.argument("fmt", metavar="FORMAT", type=click.Choice(["gdelt", "icews", "acled"]))
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--output", "-o", type=click.Path(file_okay=False, path_type=Path), required=True,
              help="Directory for the imported dataset (JSON Lines; a new one, or one an import wrote).")
@click.option("--country", multiple=True,
              help="Keep events with this country on either side: RUS or Russia (repeatable).")
@click.option("--from", "start", type=DayType(), help="Keep events on or after this day, YYYY-MM-DD.")
@click.option("--to", "end", type=DayType(), help="Keep events on or before this day, YYYY-MM-DD.")
@click.option("--min-sources", type=click.IntRange(min=1), help="GDELT: keep events from this many sources.")
@click.option("--min-mentions", type=click.IntRange(min=1), help="GDELT: keep events mentioned this often.")
@click.option("--codes", multiple=True, metavar="CODE[,...]",
              help="Keep CAMEO codes starting with these (18,19,20), or ACLED event types (repeatable).")
@click.option("--aggregate", type=click.Choice(["week", "month", "year"]),
              help="Write one signed stance per ordered pair and period instead of the events.")
@click.option("--actors", "actors_map", type=click.Path(dir_okay=False, path_type=Path),
              help="YAML map from codes or names to your actor ids (SYRGOV: assad-regime).")
@click.option("--mapping", type=click.Path(dir_okay=False, path_type=Path),
              help="YAML overriding the code -> relation type and sign table.")
def import_(fmt: str, files: tuple[Path, ...], output: Path, country: tuple[str, ...], start: date | None,
            end: date | None, min_sources: int | None, min_mentions: int | None, codes: tuple[str, ...],
            aggregate: str | None, actors_map: Path | None, mapping: Path | None) -> None:
    """Import GDELT, ICEWS or ACLED event FILES (plain, .gz or .zip) as a dataset folder.

    Each event becomes a relation whose id keeps the record's (gdelt:410412347)
    and which cites the record's own source; with --aggregate, a stance per
    ordered pair and period. Bad rows are counted and listed with their line.
    """
    from relgraph.ingest.events import import_events
    from relgraph.render.text import imported_text

    if start and end and end < start:
        raise click.BadParameter(f"{end} is before --from {start}", param_hint="'--to'")
    summary = import_events(fmt, list(files), output, country=country, start=start, end=end,
                            min_sources=min_sources, min_mentions=min_mentions, aggregate=aggregate,
                            codes=tuple(c for group in codes for c in group.split(",") if c.strip()),
                            actors_map=actors_map, mapping=mapping)
    click.echo(imported_text(summary))


@cli.group()
def nlp() -> None:
    """Run a local Stanford CoreNLP server for relgraph extract (assembled from Maven Central)."""


def _nlp_home_option(func: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--dir", "home", type=click.Path(file_okay=False, path_type=Path),
                        help="Instance folder: pid file, logs "
                             "[default: ~/.local/share/relgraph/corenlp].")(func)


@nlp.command("start")
@_nlp_home_option
@click.option("--port", type=click.IntRange(1, 65535), default=9000, show_default=True)
@click.option("--memory", default="4g", show_default=True, help="JVM heap size (the models need about 3g).")
def nlp_start(home: Path | None, port: int, memory: str) -> None:
    """Start CoreNLP in the background on 127.0.0.1 and wait until its models are loaded.

    The first start downloads CoreNLP and its English models with Maven
    (about 500 MB, kept for later starts); loading them takes about 15 s.
    """
    from relgraph.ingest.articles import server
    from relgraph.render.text import nlp_server_text

    click.echo(nlp_server_text(server.start(home, port=port, memory=memory)))


@nlp.command("stop")
@_nlp_home_option
def nlp_stop(home: Path | None) -> None:
    """Stop the local CoreNLP server started by relgraph nlp start."""
    from relgraph.ingest.articles import server

    click.echo("Stopped CoreNLP" if server.stop(home) else "CoreNLP was not running")


@nlp.command("status")
@_nlp_home_option
@click.pass_context
def nlp_status(ctx: click.Context, home: Path | None) -> None:
    """Say whether the local CoreNLP server runs and answers.

    Exits 0 when it runs, 3 when it is stopped and 4 when there is no instance.
    """
    from relgraph.ingest.articles import server

    found = server.status(home)
    if found is None or not found.running:
        click.echo(f"No CoreNLP instance in {home or server.default_home()}" if found is None
                   else f"CoreNLP in {found.home} is stopped (relgraph nlp start starts it)")
        ctx.exit(4 if found is None else 3)
    ready = "ready" if server.is_ready(found.url) else "not ready yet"
    click.echo(f"CoreNLP is running (pid {found.pid}) at {found.url}, {ready}; logs in {found.home / 'logs'}")


@cli.command()
@click.argument("articles", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--date", "day", type=DayType(), required=True,
              help="The articles' publication date, YYYY-MM-DD: 'on Monday' is resolved against it.")
@click.option("--data", "data_path", type=click.Path(path_type=Path), envvar="RELGRAPH_DATA",
              help="Dataset whose actors (ids, names, aliases) are matched first [env RELGRAPH_DATA].")
@click.option("--format", "fmt", type=click.Choice(["yaml", "json"]),
              help="YAML, or JSON Lines [default: from the --output suffix, else yaml].")
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path),
              help="Where to write the candidates [default: standard output].")
@click.option("--corenlp-url", "url", envvar="CORENLP_URL", default="http://127.0.0.1:9000",
              show_default=True, help="The CoreNLP server [env CORENLP_URL].")
def extract(articles: tuple[Path, ...], day: date, data_path: Path | None, fmt: str | None,
            output: Path | None, url: str) -> None:
    """Propose candidate relations from news ARTICLES, each for review (review: pending).

    Each candidate quotes the sentence it comes from, with its offsets in the
    article, and has a date resolved against --date and a confidence.
    Review them (set review: accepted or rejected), then relgraph merge.
    """
    import relgraph
    from relgraph.ingest.articles import extract as candidates
    from relgraph.render.text import extracted_text

    known = relgraph.load(data_path) if data_path is not None else None
    found = candidates.extract(list(articles), day, known=known, url=url)
    if output is None:
        click.echo(candidates.to_text(found, fmt or "yaml"), nl=False)
        return
    candidates.save(found, output, fmt)
    click.echo(extracted_text(found, output, known, len(articles)))


@cli.command()
@click.argument("candidates", type=click.Path(exists=True, path_type=Path))
@click.option("--into", "into", type=click.Path(exists=True, path_type=Path), required=True,
              help="The dataset (file or directory) to add the accepted candidates to.")
def merge(candidates: Path, into: Path) -> None:
    """Add the candidates marked review: accepted to a dataset; report duplicates.

    Pending and rejected candidates are left out. Into a directory, the new
    records go to a file of their own (extracted-NAME.yaml); the dataset is
    checked afterwards and left unchanged if it would not validate.
    """
    from relgraph.ingest.review import merge_files
    from relgraph.render.text import merged_text

    click.echo(merged_text(*merge_files(candidates, into)))


def main() -> None:
    cli()
