"""What holds on a date, as a NetworkX ``MultiDiGraph``: the one input of analysis and rendering.

Nodes are actor ids; edges run from a relation's source to its target, keyed
by relation id (two actors can have several relations at once). Attributes:

Graph
    ``date`` (ISO day), ``event_window`` (``"30d"``, or ``None`` for every
    event up to the date), ``types`` (for each relation type shown: ``sign``,
    ``kind``, ``symmetric``, ``description``).
Node
    ``id``, ``name``, ``kind``, ``aliases`` (list), ``country``, ``wikidata``,
    ``part_of``, ``description`` (``None`` when not given).
Edge
    ``id``, ``type``, ``sign`` (1, 0 or -1), ``kind`` (``"stance"`` or
    ``"event"``), ``symmetric``; ``start``, ``end`` (stances) or ``date``
    (events) as text such as ``"2016-summer"``, ``None`` when open, each with
    ``start_precision``/``end_precision``/``date_precision`` (``year``,
    ``season``, ``month``, ``day``, ``range``); ``confidence``; ``sources``, a
    list of dicts with ``id``, ``title``, ``publisher``, ``url``,
    ``published`` and ``evidence``; ``notes``.

>>> from relgraph.dataset import load
>>> from relgraph import example_path
>>> g = snapshot(load(example_path()), "2016-12-20")
>>> g.has_edge("russia", "assad-regime"), g.graph["date"]
(True, '2016-12-20')
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from relgraph.dates import DEFAULT_EVENT_WINDOW, Duration, PartialDate, parse_day
from relgraph.model import Dataset, Relation

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["snapshot", "to_graph"]


def snapshot(data: Dataset, on: date | str, *, window: Duration | None = DEFAULT_EVENT_WINDOW,
             isolated: bool = False) -> nx.MultiDiGraph:
    """The actors and relations that hold on ``on``, with the events of the window before it.

    ``window`` is how far back events are shown (see :mod:`relgraph.dates`);
    ``isolated=True`` keeps actors that have no relation on that day.
    """
    day = parse_day(on)
    return to_graph(data.at(day, window), day, window=window, isolated=isolated)


def to_graph(data: Dataset, day: date, *, window: Duration | None = DEFAULT_EVENT_WINDOW,
             isolated: bool = False) -> nx.MultiDiGraph:
    """Build the snapshot graph from relations already selected for ``day`` (by a store)."""
    import networkx as nx

    graph = nx.MultiDiGraph(date=day.isoformat(), event_window=str(window) if window else None)
    used = {r.type for r in data.relations.values()}
    graph.graph["types"] = {
        name: {"sign": t.sign, "kind": t.kind, "symmetric": t.symmetric, "description": t.description}
        for name, t in data.types.items() if name in used
    }
    touched = {end for r in data.relations.values() for end in (r.source, r.target)}
    for actor in data.actors.values():
        if isolated or actor.id in touched:
            graph.add_node(actor.id, **{**vars(actor), "aliases": list(actor.aliases)})
    for rel in data.relations.values():
        rtype = data.types[rel.type]
        graph.add_edge(rel.source, rel.target, key=rel.id,
                       **_edge(rel), kind=rtype.kind, symmetric=rtype.symmetric)
    return graph


def _edge(rel: Relation) -> dict[str, Any]:
    out: dict[str, Any] = {"id": rel.id, "type": rel.type, "sign": rel.sign}
    for name in ("start", "end", "date"):
        value: PartialDate | None = getattr(rel, name)
        out[name] = value.text if value else None
        out[f"{name}_precision"] = value.precision if value else None
    out["confidence"] = rel.confidence
    out["sources"] = [
        {"id": c.source.id, "title": c.source.title, "publisher": c.source.publisher,
         "url": c.source.url,
         "published": c.source.published.text if c.source.published else None,
         "evidence": c.evidence}
        for c in rel.sources
    ]
    out["notes"] = rel.notes
    return out
