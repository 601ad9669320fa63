"""The Python API: open a store, then ask it for snapshots, series, histories and changes.

:func:`open` opens dataset files (the default: the bundled example) or a Neo4j
database and returns an :class:`Explorer`, a context manager that closes the
store (and its driver) on exit. Everything the ``relgraph`` command does is a
call on it, or on the functions it hands graphs to
(:mod:`relgraph.analysis`, :func:`relgraph.render.write`, :func:`relgraph.render.export`).

>>> import relgraph
>>> with relgraph.open() as rg:
...     graph = rg.snapshot("2016-12-20")
...     months = rg.series("2016-01-01", "2016-12-20", "3M")
...     story = rg.history("Russia", "Turkey")
...     change = rg.diff("2016-01-01", "2016-12-20")
>>> graph.number_of_edges(), [g.graph["date"] for g in months]
(42, ['2016-01-01', '2016-04-01', '2016-07-01', '2016-10-01', '2016-12-20'])
>>> [(t.before.description, t.after.description) for t in change.flipped]
[('Russia -hostile-to Turkey', 'Russia +cooperates Turkey')]
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from operator import itemgetter
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from relgraph.collector import paused_collector
from relgraph.dates import DEFAULT_EVENT_WINDOW, Duration, dates_between, parse_day
from relgraph.errors import OptionError, StoreError
from relgraph.model import Dataset
from relgraph.snapshot import graph_of
from relgraph.store.base import Database, Progress, ReadStore, WriteSummary

if TYPE_CHECKING:
    import networkx as nx

    from relgraph.analysis import Diff, Timeline
    from relgraph.filters import Filters

__all__ = ["Explorer", "Loaded", "from_env", "open"]

Day = date | str
Window = Duration | str | None


@dataclass(frozen=True)
class Loaded:
    """What :meth:`Explorer.load` did, and the ids of relations the database holds that the data lacks."""

    summary: WriteSummary
    stale: list[str] = field(default_factory=list)


def open(source: str | Path | None = None, *, neo4j: str | None = None, username: str = "neo4j",
         password: str | None = None, database: str | None = None,
         waiting: Callable[[], None] | None = None) -> Explorer:
    """An :class:`Explorer` on dataset files at ``source``, or on Neo4j at ``neo4j``.

    ``source`` may also be a ``bolt://`` or ``neo4j://`` URI. With neither,
    the bundled example dataset is read. Opening Neo4j checks the server and
    the credentials at once (:class:`~relgraph.errors.StoreUnavailable`);
    ``waiting`` is called when Neo4j makes a read or a load wait for another
    load into the same database.
    """
    from relgraph.store import open_store

    if source is not None and "://" in str(source):
        neo4j, source = str(source), None
    return Explorer(open_store(data=source, neo4j=neo4j, username=username, password=password,
                               database=database, waiting=waiting))


def from_env(environ: Mapping[str, str] | None = None) -> Explorer:
    """:func:`open` with what the environment says: ``NEO4J_URI`` (with ``NEO4J_USERNAME``,
    ``NEO4J_PASSWORD``, ``NEO4J_DATABASE``), else ``RELGRAPH_DATA``, else the bundled example."""
    import os

    env = os.environ if environ is None else environ
    return open(env.get("RELGRAPH_DATA") or None, neo4j=env.get("NEO4J_URI") or None,
                username=env.get("NEO4J_USERNAME") or "neo4j", password=env.get("NEO4J_PASSWORD"),
                database=env.get("NEO4J_DATABASE") or None)


def _window(window: Window) -> Duration | None:
    if isinstance(window, str):
        return None if window.strip().lower() == "all" else Duration.parse(window)
    return window


class Explorer:
    """A store, and the questions relgraph asks of it. Use it as a context manager, or call :meth:`close`.

    Days are ``date`` objects or ``YYYY-MM-DD`` text; windows and steps are
    :class:`~relgraph.dates.Duration` or text (``"30d"``, ``"1M"``; a window
    of ``"all"`` or ``None`` shows every event up to the day).
    """

    def __init__(self, store: ReadStore) -> None:
        self.store = store

    def __enter__(self) -> Explorer:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        self.store.close()

    # -- reading ----------------------------------------------------------------------------------

    def dataset(self) -> Dataset:
        """Everything the store holds (the whole history)."""
        return self.store.read()

    def snapshot(self, day: Day, *, window: Window = DEFAULT_EVENT_WINDOW, filters: Filters | None = None,
                 evidence: bool = True) -> nx.MultiDiGraph:
        """The graph of what holds on ``day`` (see :mod:`relgraph.snapshot`), narrowed by ``filters``.

        ``evidence=False`` reads no citations (every edge's ``sources`` is
        empty), for questions that do not show them, such as the analyses.
        """
        return self.snapshots([day], window=window, filters=filters, evidence=evidence)[0]

    def snapshots(self, days: Iterable[Day], *, window: Window = DEFAULT_EVENT_WINDOW,
                  filters: Filters | None = None, evidence: bool = True) -> list[nx.MultiDiGraph]:
        """The graph of each day; ``filters`` apply to them all alike (an actor is found across them).

        Extracted candidates that wait for review are left out unless
        ``filters`` asks for them (``Filters(candidates=True)``).
        """
        from relgraph.filters import Filters

        span = _window(window)
        graphs, reviewing = [], []
        for day in map(parse_day, days):
            with paused_collector():
                shown = self.store.records(day, span, evidence=evidence)
                # known from the records at a fraction of what looking through the graph costs
                reviewing.append(any(map(itemgetter("review"), shown.relations)))
                graphs.append(graph_of(shown, day, window=span))
        return (filters or Filters()).apply(graphs, candidates=reviewing)

    def series(self, start: Day, end: Day, step: Duration | str = "1M", *,
               window: Window = DEFAULT_EVENT_WINDOW,
               filters: Filters | None = None) -> list[nx.MultiDiGraph]:
        """The graphs of ``start``, each ``step`` after it, and ``end``."""
        every = Duration.parse(step) if isinstance(step, str) else step
        days = dates_between(parse_day(start), parse_day(end), every)
        return self.snapshots(days, window=window, filters=filters)

    def history(self, actor: str, other: str | None = None, *, events: bool = True) -> Timeline:
        """The dated relations of ``actor``, or of the pair ``actor``-``other``, in order, with sources."""
        from relgraph.analysis import timeline

        story = timeline(self.dataset(), actor, other, events=events)
        if story.other == story.actor:
            raise OptionError("OTHER", "give two different actors")
        return story

    def diff(self, before: Day, after: Day, *, window: Window = DEFAULT_EVENT_WINDOW, k: int = 2) -> Diff:
        """What changed from ``before`` to ``after``, and the events between."""
        from relgraph.analysis import diff

        first, last = parse_day(before), parse_day(after)
        if last < first:
            raise OptionError("to", f"{last} is before the earlier date, {first}")
        between = self.snapshot(last, window=Duration((last - first).days, "d"))
        old, new = self.snapshots([first, last], window=window)
        return diff(old, new, between=between, k=k)

    # -- writing (Neo4j) -----------------------------------------------------------------------------

    def _database(self) -> Database:
        if not isinstance(self.store, Database):
            raise StoreError("this needs a Neo4j database: give --neo4j URI or set NEO4J_URI")
        return self.store

    def load(self, data: Dataset | str | Path, *, prune: bool = False,
             progress: Progress | None = None) -> Loaded:
        """Validate and load a dataset (or a path to one) into the database.

        Without ``prune``, relations the database holds and ``data`` lacks are
        kept and listed in :attr:`Loaded.stale`; with it they are deleted. What
        a load promises if it fails is in the README's "Guarantees": a small
        load writes all or nothing, a big one is finished by loading again.
        """
        from relgraph.dataset import load

        db = self._database()
        data = data if isinstance(data, Dataset) else load(data)
        summary = db.write(data, prune=prune, progress=progress)
        return Loaded(summary, summary.stale)

    def check(self) -> list[str]:
        """What is wrong with the database as loads left it (relation ids stored twice), one line each."""
        return self._database().check()

    def init(self) -> list[str]:
        """Create the database's constraints and indexes (idempotent); return the statements."""
        return self._database().init()

    def dump(self, directory: str | Path) -> Dataset:
        """Write everything the store holds to ``directory`` as dataset files (YAML); return it."""
        from relgraph.store.files import FilesStore

        data = self.dataset()
        FilesStore(directory).write(data, prune=True)
        return data
