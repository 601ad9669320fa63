"""The graph as files other tools open: GEXF (Gephi), GraphML (yEd, Cytoscape), node-link JSON.

:func:`export` writes either the **whole history** of a dataset or **one
snapshot**. The history carries time intervals, so Gephi's timeline plays
it; a snapshot carries none (its graph attribute ``date`` says which day).

Attribute names are the snapshot's (:mod:`relgraph.snapshot`), the same in
every format, except where GEXF reserves a name:

* the relation type is ``relation`` (GEXF's ``type`` is an edge's direction);
* the dates as recorded are ``start_text``, ``end_text`` and ``date_text``
  (``"2016-summer"``), with their ``*_precision`` (GEXF's ``start`` and
  ``end`` are an element's time interval);
* history exports give every edge ``start`` and ``end``, the first and last
  day its relation holds (a stance: first day of ``start``, last day of
  ``end``; an event: the first and last day of its ``date``), ISO dates,
  absent when open; and every actor with relations the span from the first
  of them to the last, so an actor appears on the timeline with its first
  relation (open if any of its relations is). GEXF files of the history are
  ``mode="dynamic"``, ``timeformat="date"``;
* nodes get a ``label`` (the name) for viewers.

GraphML and GEXF hold only scalar attributes: lists and dicts (``aliases``,
``sources``, the graph's ``types``) are written as JSON text, and ``None``
values are left out (absent means none). JSON is NetworkX's node-link form
(``nx.node_link_data(graph, edges="edges")``), which keeps lists and
``null`` as they are; read it back with ``nx.node_link_graph(data, edges="edges")``.

>>> from relgraph import example_path
>>> from relgraph.dataset import load
>>> g = export_graph(load(example_path()))
>>> g.edges["russia", "turkey", "russia.hostile-to.turkey.2015-11"]["start"]
'2015-11-01'
>>> g.edges["russia", "turkey", "russia.hostile-to.turkey.2015-11"]["end"]
'2016-08-31'
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import networkx as nx

from relgraph.model import Dataset, Relation

__all__ = ["FORMATS", "ExportSummary", "export", "export_graph", "format_for"]

FORMATS = ("gexf", "graphml", "json")

_RENAMED = {"type": "relation", "start": "start_text", "end": "end_text", "date": "date_text"}


@dataclass(frozen=True)
class ExportSummary:
    """What :func:`export` wrote."""

    path: Path
    format: str
    actors: int
    relations: int
    history: bool


def format_for(path: str | Path) -> str | None:
    """The export format a file name implies, or ``None``.

    >>> format_for("moscow.gexf"), format_for("a.GraphML"), format_for("x.txt")
    ('gexf', 'graphml', None)
    """
    suffix = Path(path).suffix.lower().lstrip(".")
    return suffix if suffix in FORMATS else None


def _interval(rel: Relation) -> tuple[date | None, date | None]:
    if rel.date is not None:
        return rel.date.first, rel.date.last
    return (rel.start.first if rel.start else None), (rel.end.last if rel.end else None)


def export_graph(source: Dataset | nx.MultiDiGraph) -> nx.MultiDiGraph:
    """The graph :func:`export` writes: the whole history of a dataset, or a snapshot, renamed as above.

    Values keep their Python types (lists, ``None``); :func:`export`
    flattens them for GraphML and GEXF.
    """
    from relgraph.snapshot import to_graph

    history = isinstance(source, Dataset)
    if history:
        # to_graph builds the documented attributes from every relation handed to it; the day
        # it asks for only names the graph, which a history does not have.
        graph = to_graph(source, date.min, window=None, isolated=True)
        graph.graph = {"types": graph.graph["types"], "history": True}
    else:
        graph = source
    out = nx.MultiDiGraph(**graph.graph)
    # Sorted, so the same data gives the same file whichever store it came from.
    for node, attrs in sorted(graph.nodes(data=True), key=lambda n: str(n[0])):
        out.add_node(node, **attrs, label=attrs.get("name", node))
    spans: dict[str, list[tuple[date | None, date | None]]] = {}
    for u, v, key, attrs in sorted(graph.edges(keys=True, data=True), key=lambda e: str(e[2])):
        edge = {_RENAMED.get(k, k): value for k, value in attrs.items()}
        if history:
            first, last = _interval(source.relations[key])
            spans.setdefault(u, []).append((first, last))
            spans.setdefault(v, []).append((first, last))
            edge.update(start=first.isoformat() if first else None, end=last.isoformat() if last else None)
        out.add_edge(u, v, key=key, **edge)
    for node, intervals in spans.items():
        firsts = [f for f, _ in intervals]
        lasts = [last for _, last in intervals]
        out.nodes[node]["start"] = None if None in firsts else min(firsts).isoformat()  # type: ignore[type-var]
        out.nodes[node]["end"] = None if None in lasts else max(lasts).isoformat()  # type: ignore[type-var]
    return out


def _flat(attrs: dict[str, Any]) -> dict[str, Any]:
    return {k: json.dumps(v, ensure_ascii=False) if isinstance(v, (list, tuple, dict)) else v
            for k, v in attrs.items() if v is not None}


def _flattened(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    out = nx.MultiDiGraph(**_flat(graph.graph))
    out.add_nodes_from((n, _flat(a)) for n, a in graph.nodes(data=True))
    out.add_edges_from((u, v, k, _flat(a)) for u, v, k, a in graph.edges(keys=True, data=True))
    return out


def export(source: Dataset | nx.MultiDiGraph, path: str | Path, *, format: str = "gexf") -> ExportSummary:
    """Write the whole history of a ``Dataset``, or a snapshot graph, to ``path`` as ``format``.

    ``format`` is one of :data:`FORMATS`.
    """
    if format not in FORMATS:
        raise ValueError(f"unknown export format {format!r}: use one of {', '.join(FORMATS)}")
    graph = export_graph(source)
    path = Path(path)
    if format == "json":
        data = nx.node_link_data(graph, edges="edges")
        path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    elif format == "graphml":
        nx.write_graphml(_flattened(graph), path)
    else:
        flat = _flattened(graph)
        history = bool(graph.graph.get("history"))
        flat.graph["name"] = "relgraph: history" if history else f"relgraph: {graph.graph.get('date')}"
        flat.graph["mode"] = "dynamic" if history else "static"
        nx.write_gexf(flat, path)
    return ExportSummary(path, format, graph.number_of_nodes(), graph.number_of_edges(),
                         bool(graph.graph.get("history")))
