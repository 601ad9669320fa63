"""What a picture shows, decided once for the page and the images alike.

A :class:`Scene` is built from one snapshot graph or a series of them (one
per date): every actor and relation that appears on any date, with its
position (from :mod:`relgraph.render.layout`, shared by all dates) and its
style (from :mod:`relgraph.render.style`), and for each date a
:class:`Frame` saying which of them are shown and how big each actor is.
Renderers draw a scene; none of them looks at the graphs again.

>>> import networkx as nx
>>> g = nx.MultiDiGraph(date="2016-12-20", event_window="30d", types={})
>>> g.add_node("a", name="A", kind="state", aliases=[])
>>> scene = build_scene([g])
>>> scene.title, [n["name"] for n in scene.nodes], scene.frames[0].caption
('Relations on 2016-12-20', ['A'], '1 actor and 0 relations on 2016-12-20')
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from relgraph.render.style import edge_style, kind_style, node_size

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["SIZE_MEASURES", "Frame", "Scene", "build_scene", "duration_words", "is_web_url"]

SIZE_MEASURES = ("degree", "none")
"""How actors are sized: by their number of relations on the date, or all alike."""

_NODE_FIELDS = ("id", "name", "kind", "aliases", "country", "wikidata", "part_of", "description")
_EDGE_FIELDS = ("id", "type", "sign", "kind", "symmetric", "start", "start_precision", "end",
                "end_precision", "date", "date_precision", "confidence", "notes")


@dataclass(frozen=True)
class Frame:
    """One date: the indices of the nodes and edges of the scene it shows, and each node's size."""

    date: str
    window: str | None
    nodes: list[int]
    sizes: list[float]
    edges: list[int]
    sources: int
    filters: str | None = None

    @property
    def caption(self) -> str:
        actors, relations = len(self.nodes), len(self.edges)
        return (f"{actors} actor{'s' if actors != 1 else ''} and {relations} "
                f"relation{'s' if relations != 1 else ''} on {self.date}")

    @property
    def shows(self) -> str:
        """What the date shows, in words: the rule of :mod:`relgraph.snapshot`, and any filters."""
        events = (f"events of the {duration_words(self.window)} up to it" if self.window
                  else "every event up to it")
        return f"stances that hold that day, and {events}" + (f"; {self.filters}" if self.filters else "")


@dataclass(frozen=True)
class Scene:
    """Every actor and relation of a series, placed and styled, and the dates that show them.

    ``nodes`` carry the snapshot's node attributes plus ``x``, ``y``,
    ``shape`` and ``colour``; ``edges`` the edge attributes plus ``source``,
    ``target`` (node indices), ``colour``, ``dashed``, ``head``, ``width``
    and ``curve`` (how much a parallel edge bends, signed, 0 for straight);
    each edge's ``sources`` holds ``(index into sources, evidence)`` pairs.
    ``types`` and ``kinds`` are what the legend lists.
    """

    title: str
    nodes: list[dict[str, Any]]
    edges: list[dict[str, Any]]
    sources: list[dict[str, Any]]
    types: list[dict[str, Any]]
    kinds: list[str]
    frames: list[Frame]


def duration_words(text: str) -> str:
    """``30d`` as ``30 days``, ``1M`` as ``1 month``.

    >>> duration_words("30d"), duration_words("1M"), duration_words("2w")
    ('30 days', '1 month', '2 weeks')
    """
    match = re.fullmatch(r"(\d+)([dwMy])", text)
    if not match:
        return text
    count, unit = int(match[1]), {"d": "day", "w": "week", "M": "month", "y": "year"}[match[2]]
    return f"{count} {unit}{'s' if count != 1 else ''}"


def is_web_url(url: object) -> bool:
    """Whether a link may be shown as a link: only ``http:`` and ``https:`` ever are.

    >>> is_web_url("https://example.org"), is_web_url("javascript:alert(1)"), is_web_url(None)
    (True, False, False)
    """
    return isinstance(url, str) and url.lower().startswith(("http://", "https://"))


def build_scene(graphs: Sequence[nx.MultiDiGraph], *, title: str | None = None,
                size_by: str = "degree") -> Scene:
    """The scene of a series of snapshot graphs (one per date, in order); see :mod:`relgraph.snapshot`."""
    from relgraph.render.layout import signed_layout

    if not graphs:
        raise ValueError("a scene needs at least one snapshot graph")
    if size_by not in SIZE_MEASURES:
        raise ValueError(f"size_by must be one of {', '.join(SIZE_MEASURES)}, not {size_by!r}")
    positions = signed_layout(graphs)
    nodes: dict[str, dict[str, Any]] = {}
    for graph in graphs:
        for node, attrs in graph.nodes(data=True):
            nodes.setdefault(node, _node(node, attrs, positions[node]))
    order = {node: i for i, node in enumerate(sorted(nodes))}
    sources: dict[str, tuple[int, dict[str, Any]]] = {}
    edges: dict[tuple[str, str, str], dict[str, Any]] = {}
    for graph in graphs:
        # sorted, so that the page is the same byte for byte whatever order the store gave
        for u, v, key, attrs in sorted(graph.edges(keys=True, data=True), key=lambda e: e[:3]):
            if (u, v, key) not in edges:
                edges[u, v, key] = _edge(attrs, order[u], order[v], sources)
    edge_order = {key: i for i, key in enumerate(sorted(edges))}
    edge_list = [edges[key] for key in sorted(edges)]
    _bend_parallel(edge_list)
    frames = [_frame(g, order, edge_order, sources, size_by) for g in graphs]
    first, last = graphs[0].graph["date"], graphs[-1].graph["date"]
    return Scene(
        title=title or (f"Relations on {last}" if len(graphs) == 1 else f"Relations from {first} to {last}"),
        nodes=[nodes[n] for n in sorted(nodes)],
        edges=edge_list,
        sources=[record for _, record in sources.values()],
        types=_types(graphs),
        kinds=sorted({n["kind"] for n in nodes.values()}, key=str),
        frames=frames,
    )


def _node(node: str, attrs: dict[str, Any], xy: tuple[float, float]) -> dict[str, Any]:
    style = kind_style(attrs.get("kind"))
    out = {name: attrs.get(name) for name in _NODE_FIELDS}
    out["id"] = node
    out["name"] = attrs.get("name") or node
    out["aliases"] = list(attrs.get("aliases") or [])
    out.update(x=xy[0], y=xy[1], shape=style.shape, colour=style.colour)
    return out


def _source_key(source: dict[str, Any]) -> str:
    return source.get("id") or f"{source.get('title')}|{source.get('url')}"


def _edge(attrs: dict[str, Any], source: int, target: int,
          sources: dict[str, tuple[int, dict[str, Any]]]) -> dict[str, Any]:
    out = {name: attrs.get(name) for name in _EDGE_FIELDS}
    style = edge_style(attrs)
    out.update(source=source, target=target, colour=style.colour, dashed=style.dashed,
               head=style.head, width=style.width, curve=0.0)
    cited = []
    for s in attrs.get("sources", []):
        key = _source_key(s)
        if key not in sources:
            sources[key] = (len(sources), {
                "title": s.get("title"), "publisher": s.get("publisher"), "published": s.get("published"),
                "url": s.get("url") if is_web_url(s.get("url")) else None})
        cited.append((sources[key][0], s.get("evidence")))
    out["sources"] = cited
    return out


def _bend_parallel(edges: list[dict[str, Any]]) -> None:
    """Bend the edges of a pair by different amounts, alternately each side, so each stays visible.

    The bend is signed relative to the lower-numbered node, so that two
    edges in opposite directions bend apart instead of on top of each other.
    """
    seen: dict[tuple[int, int], int] = {}
    for edge in edges:
        pair = (min(edge["source"], edge["target"]), max(edge["source"], edge["target"]))
        n = seen[pair] = seen.get(pair, -1) + 1
        if n == 0:
            continue
        side = 1 if n % 2 else -1
        if edge["source"] != pair[0]:
            side = -side
        edge["curve"] = side * (0.12 + 0.14 * ((n - 1) // 2))


def _frame(graph: nx.MultiDiGraph, order: dict[str, int], edge_order: dict[tuple[str, str, str], int],
           sources: dict[str, tuple[int, dict[str, Any]]], size_by: str) -> Frame:
    nodes = sorted(order[n] for n in graph.nodes)
    names = sorted(graph.nodes, key=order.__getitem__)
    sizes = [node_size(graph.degree(n)) if size_by == "degree" else 16.0 for n in names]
    cited = {_source_key(s) for _, _, a in graph.edges(data=True) for s in a.get("sources", [])}
    return Frame(
        date=graph.graph["date"], window=graph.graph.get("event_window"), nodes=nodes, sizes=sizes,
        edges=sorted(edge_order[u, v, k] for u, v, k in graph.edges(keys=True)),
        sources=len(cited & sources.keys()), filters=graph.graph.get("filters"),
    )


def _types(graphs: Sequence[nx.MultiDiGraph]) -> list[dict[str, Any]]:
    merged: dict[str, dict[str, Any]] = {}
    for graph in graphs:
        merged.update(graph.graph.get("types", {}))
    used = {a["type"] for g in graphs for _, _, a in g.edges(data=True)}
    out = []
    for name in sorted(merged.keys() & used):
        t = merged[name]
        style = edge_style({"type": name, "sign": t["sign"], "kind": t["kind"],
                            "symmetric": t["symmetric"], "confidence": 1.0})
        out.append({"name": name, "sign": t["sign"], "kind": t["kind"], "symmetric": t["symmetric"],
                    "description": t.get("description") or "", "colour": style.colour,
                    "dashed": style.dashed, "head": style.head})
    return out
