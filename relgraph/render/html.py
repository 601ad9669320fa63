"""A snapshot graph as one self-contained, offline HTML page, through pyvis and our own template.

pyvis's stock template loads Bootstrap and vis-network from CDNs even in
``in_line`` mode, so pages are rendered through ``templates/page.html``,
which inlines vis-network's script and style from the copy pyvis ships. No
request leaves the page.

Safety: the template autoescapes, graph data reaches the page only through
Jinja's ``tojson`` (which escapes ``<``, ``>``, ``&`` and quotes), and
vis-network shows string tooltips as text, never as HTML.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from relgraph.render.style import EDGE_COLOURS, KIND_STYLES, sign_symbol

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["Page", "render_html", "write_html"]

TEMPLATES = Path(__file__).parent / "templates"


@dataclass(frozen=True)
class Page:
    """What was rendered: the HTML and the counts shown in its caption."""

    html: str
    actors: int
    relations: int
    sources: int


def render_html(graph: nx.MultiDiGraph, *, title: str | None = None) -> Page:
    """Render a snapshot graph (see :mod:`relgraph.snapshot`) to a standalone HTML page.

    >>> import networkx as nx
    >>> g = nx.MultiDiGraph(date="2016-12-20", event_window="30d", types={})
    >>> g.add_node("a", name="A <b>", kind="state", aliases=[])
    >>> html = render_html(g, title="Talks <in Moscow>").html
    >>> "Talks &lt;in Moscow&gt;" in html, "<in Moscow>" in html, "A <b>" in html
    (True, False, False)
    """
    import pyvis
    from jinja2 import ChoiceLoader, Environment, FileSystemLoader, select_autoescape
    from pyvis.network import Network

    net = Network(height="720px", width="100%", directed=True, cdn_resources="in_line")
    positions = _layout(graph)
    for node, attrs in graph.nodes(data=True):
        style = KIND_STYLES.get(attrs.get("kind"), KIND_STYLES["organisation"])
        x, y = positions.get(node, (0.0, 0.0))
        net.add_node(node, label=attrs.get("name") or node, shape=style["shape"],
                     color=style["colour"], title=_node_tooltip(graph, node), x=x, y=y,
                     size=style["size"], physics=False)
    for source, target, attrs in graph.edges(data=True):
        net.add_edge(source, target, id=attrs["id"], label=attrs["type"],
                     title=_edge_tooltip(graph, source, target, attrs),
                     color=EDGE_COLOURS[attrs["sign"]], dashes=attrs["kind"] == "event",
                     arrows="" if attrs["symmetric"] else "to",
                     width=1 + 2 * attrs["confidence"])
    _separate_parallel(net.edges)
    env = Environment(
        # pyvis's bundled vis-network is what the template {% include %}s
        loader=ChoiceLoader([FileSystemLoader(str(TEMPLATES)),
                             FileSystemLoader(str(Path(pyvis.__file__).parent / "templates"))]),
        autoescape=select_autoescape(default=True, default_for_string=True),
    )
    sources = {s["id"]: s for _, _, a in graph.edges(data=True) for s in a["sources"]}
    kinds = sorted({a.get("kind") for _, a in graph.nodes(data=True)} & set(KIND_STYLES))
    html = env.get_template("page.html").render(
        nodes=net.nodes, edges=net.edges, options=OPTIONS,
        heading=title or f"Relations on {graph.graph['date']}",
        date=graph.graph["date"], window=graph.graph.get("event_window"),
        legend_kinds=[(k, KIND_STYLES[k]) for k in kinds],
        legend_types=_legend_types(graph),
        sources=sorted(sources.values(), key=lambda s: s["title"]),
        actors=graph.number_of_nodes(), relations=graph.number_of_edges(),
    )
    return Page(html, graph.number_of_nodes(), graph.number_of_edges(), len(sources))


def write_html(graph: nx.MultiDiGraph, path: str | Path, *, title: str | None = None) -> Page:
    """Render ``graph`` and write the page to ``path`` (parent folders are created)."""
    page = render_html(graph, title=title)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(page.html, encoding="utf-8")
    return page


OPTIONS: dict[str, Any] = {
    "physics": {"enabled": False},
    "interaction": {"hover": True, "tooltipDelay": 120, "navigationButtons": False},
    "edges": {"font": {"size": 11, "align": "middle", "strokeWidth": 3}, "selectionWidth": 2},
    "nodes": {"font": {"size": 14, "face": "sans-serif"}},
}
"""vis-network options: positions come from Python, so physics stays off and the page opens still."""


def _separate_parallel(edges: list[dict[str, Any]]) -> None:
    """Curve parallel edges by different amounts so that each stays visible and clickable."""
    seen: dict[frozenset[str], int] = {}
    for edge in edges:
        pair = frozenset((edge["from"], edge["to"]))
        n = seen[pair] = seen.get(pair, -1) + 1
        # direction flips the curve side, so compensate to keep a pair's edges apart
        side = "curvedCW" if (edge["from"] < edge["to"]) == (n % 2 == 0) else "curvedCCW"
        edge["smooth"] = {"enabled": True, "type": side, "roundness": 0.12 + 0.14 * (n // 2) if n else 0.0}


def _layout(graph: nx.MultiDiGraph) -> dict[str, tuple[float, float]]:
    """Fixed, deterministic positions: positive ties pull hardest, negative ones least.

    Each connected group is laid out on its own: the largest in the middle,
    the smaller ones stacked in a column to its right, so that a separate pair
    does not squeeze the rest.
    """
    import networkx as nx

    pull = {1: 1.0, 0: 0.4, -1: 0.15}
    simple = nx.Graph()
    simple.add_nodes_from(sorted(graph.nodes))
    for u, v, attrs in sorted(graph.edges(data=True), key=lambda e: e[2]["id"]):
        weight = simple.get_edge_data(u, v, {"weight": 0.0})["weight"]
        simple.add_edge(u, v, weight=weight + pull[attrs["sign"]])
    groups = sorted((sorted(c) for c in nx.connected_components(simple)), key=lambda c: (-len(c), c[0]))
    positions: dict[str, tuple[float, float]] = {}
    column_x = top = 0.0
    for i, group in enumerate(groups):
        radius = 150.0 * len(group) ** 0.5
        pos = (nx.spring_layout(simple.subgraph(group), seed=20161220, weight="weight", iterations=200)
               if len(group) > 1 else {group[0]: (0.0, 0.0)})
        if i == 0:
            centre = (0.0, 0.0)
            column_x, top = radius + 200, -radius
        else:
            centre = (column_x + radius, top + radius)
            top += 2 * radius + 80
        for node, (x, y) in pos.items():
            positions[node] = (round(centre[0] + float(x) * radius, 1),
                               round(centre[1] + float(y) * radius, 1))
    return positions


def _when(attrs: dict[str, Any]) -> str:
    if attrs["kind"] == "event":
        return f"on {attrs['date']} ({attrs['date_precision']})"
    start = (f"since {attrs['start']} ({attrs['start_precision']})" if attrs["start"]
             else "since before the record")
    end = f", until {attrs['end']} ({attrs['end_precision']})" if attrs["end"] else ", ongoing"
    return start + end


def _edge_tooltip(graph: nx.MultiDiGraph, source: str, target: str, attrs: dict[str, Any]) -> str:
    name = graph.nodes[source].get("name", source), graph.nodes[target].get("name", target)
    lines = [
        f"{name[0]} {attrs['type']} {name[1]} ({sign_symbol(attrs['sign'])})",
        f"{attrs['kind']}, {_when(attrs)}",
        f"confidence {attrs['confidence']:.2f}",
    ]
    for s in attrs["sources"]:
        cited = ", ".join(x for x in (s["title"], s["publisher"], s["published"]) if x)
        lines.append(f"Source: {cited}")
        if s["url"]:
            lines.append(f"  {s['url']}")
        if s["evidence"]:
            lines.append(f"  Evidence: {s['evidence']}")
    if attrs["notes"]:
        lines.append(f"Notes: {attrs['notes']}")
    return "\n".join(lines)


def _node_tooltip(graph: nx.MultiDiGraph, node: str) -> str:
    attrs = graph.nodes[node]
    lines = [f"{attrs.get('name', node)} ({attrs.get('kind')})"]
    if attrs.get("aliases"):
        lines.append("Also: " + ", ".join(attrs["aliases"]))
    if attrs.get("description"):
        lines.append(attrs["description"])
    lines.append(f"{graph.degree(node)} relation(s) on {graph.graph['date']}")
    return "\n".join(lines)


def _legend_types(graph: nx.MultiDiGraph) -> list[dict[str, Any]]:
    return [
        {"name": name, "colour": EDGE_COLOURS[t["sign"]], "sign": sign_symbol(t["sign"]),
         "kind": t["kind"], "description": t["description"]}
        for name, t in sorted(graph.graph.get("types", {}).items())
    ]
