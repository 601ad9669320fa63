"""The graph as files other tools open: GEXF (Gephi), GraphML (yEd, Cytoscape), node-link JSON.

:func:`write_export` writes either the **whole history** of a dataset or **one
snapshot** (called through :func:`relgraph.render.export`, which picks the
format). Attributes are the snapshot's records (:mod:`relgraph.snapshot`,
:mod:`relgraph.records`), with the same names in every format, ``first`` and
``last`` as ISO days, and:

* every actor gets a ``label`` (its name) for viewers; in a history export,
  ``first`` and ``last`` too: the span from its first relation to its last
  (open if any of them is), so it appears on Gephi's timeline with its first
  relation;
* GraphML and GEXF hold only scalar values: lists and dicts (``aliases``,
  ``sources``, the graph's ``types``) are written as JSON text, and ``None``
  values are left out (absent means none). JSON is NetworkX's node-link form
  (``nx.node_link_data(graph, edges="edges")``), which keeps lists and
  ``null``; read it back with ``nx.node_link_graph(data, edges="edges")``;
* GEXF reserves three names, so there (and only there) the relation type is
  ``relation`` and the recorded ``start`` and ``end`` are ``start_text`` and
  ``end_text``; a history GEXF is ``mode="dynamic"``, ``timeformat="date"``,
  and its ``start``/``end`` are each element's time interval (from ``first``
  and ``last``), which Gephi's timeline plays.

>>> from relgraph import example_path
>>> from relgraph.dataset import load
>>> g = export_graph(load(example_path()))
>>> g.edges["russia", "turkey", "russia.hostile-to.turkey.2015-11"]["last"]
'2016-08-31'
>>> g.nodes["andrei-karlov"]["first"], g.nodes["andrei-karlov"]["last"]
('2013-01-01', '2016-12-19')
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import networkx as nx

from relgraph.model import Dataset
from relgraph.records import JSON_VERSION, to_json
from relgraph.render import Written, default_path, save
from relgraph.snapshot import history_graph

__all__ = ["export_graph", "write_export"]

_GEXF_RESERVED = {"type": "relation", "start": "start_text", "end": "end_text"}


def export_graph(source: Dataset | nx.MultiDiGraph) -> nx.MultiDiGraph:
    """The graph :func:`write_export` writes: a dataset's whole history, or a snapshot, as plain values.

    Dates become ISO text; lists and ``None`` stay (:func:`write_export`
    flattens them for GraphML and GEXF). The graph attribute ``version`` is
    the JSON version of :mod:`relgraph.records`.
    """
    graph = history_graph(source) if isinstance(source, Dataset) else source
    history = bool(graph.graph.get("history"))
    out = nx.MultiDiGraph(**to_json(graph.graph), version=JSON_VERSION)
    # Sorted, so the same data gives the same file whichever store it came from.
    for node, attrs in sorted(graph.nodes(data=True), key=lambda n: str(n[0])):
        out.add_node(node, **to_json(attrs), label=attrs.get("name", node))
    for u, v, key, attrs in sorted(graph.edges(keys=True, data=True), key=lambda e: str(e[2])):
        out.add_edge(u, v, key=key, **to_json(attrs))
    if history:
        for node in out.nodes:
            spans = [(a["first"], a["last"]) for _, _, a in out.edges(node, data=True)]
            spans += [(a["first"], a["last"]) for _, _, a in out.in_edges(node, data=True)]
            if spans:
                firsts, lasts = [f for f, _ in spans], [last for _, last in spans]
                out.nodes[node]["first"] = None if None in firsts else min(firsts)
                out.nodes[node]["last"] = None if None in lasts else max(lasts)
    return out


def _flat(attrs: dict[str, Any]) -> dict[str, Any]:
    return {k: json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v
            for k, v in attrs.items() if v is not None}


def _gexf(attrs: dict[str, Any], history: bool) -> dict[str, Any]:
    out = {_GEXF_RESERVED.get(k, k): v for k, v in attrs.items()}
    if history:
        out["start"], out["end"] = attrs.get("first"), attrs.get("last")
    return _flat(out)


def write_export(source: Dataset | nx.MultiDiGraph, path: str | Path | None, fmt: str) -> Written:
    """Write the history of a ``Dataset``, or a snapshot graph, to ``path`` as ``fmt`` (gexf, graphml, json).

    Without ``path``: ``relgraph-history.FMT``, or ``relgraph-DATE.FMT`` for a snapshot.
    """
    graph = export_graph(source)
    history = bool(graph.graph.get("history"))
    day = graph.graph.get("date")
    path = Path(path) if path is not None else default_path(fmt, [] if history else [str(day)])
    if fmt == "json":
        data = nx.node_link_data(graph, edges="edges")
        save(path, json.dumps(data, indent=2, ensure_ascii=False) + "\n")
    else:
        shape = _gexf if fmt == "gexf" else (lambda attrs, _: _flat(attrs))
        flat = nx.MultiDiGraph(**_flat(graph.graph))
        flat.add_nodes_from((n, shape(a, history)) for n, a in graph.nodes(data=True))
        flat.add_edges_from((u, v, k, shape(a, history)) for u, v, k, a in graph.edges(keys=True, data=True))
        if fmt == "gexf":
            flat.graph.update(name="relgraph: history" if history else f"relgraph: {day}",
                              mode="dynamic" if history else "static")
            save(path, lambda out: nx.write_gexf(flat, out))
        else:
            save(path, lambda out: nx.write_graphml(flat, out))
    sources = {s["id"] for _, _, a in graph.edges(data=True) for s in a.get("sources", [])}
    return Written((path,), fmt, graph.number_of_nodes(), graph.number_of_edges(), len(sources),
                   () if history else (str(day),), history)
