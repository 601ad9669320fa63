"""A snapshot graph as a plain-text table or a JSON-ready dict, for terminals and scripts."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from relgraph.render.style import sign_symbol

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["relations_json", "relations_table"]


def _when(attrs: dict[str, Any]) -> str:
    if attrs["kind"] == "event":
        return attrs["date"]
    return f"{attrs['start'] or '…'} – {attrs['end'] or ''}".rstrip()


def _rows(graph: nx.MultiDiGraph) -> list[tuple[str, str, dict[str, Any]]]:
    """Stances first, then events; each by source, type and id."""
    return sorted(graph.edges(data=True),
                  key=lambda e: (e[2]["kind"] == "event", e[0], e[2]["type"], e[2]["id"]))


def relations_table(graph: nx.MultiDiGraph) -> str:
    """One line per relation: source, type, target, sign, when, confidence, number of sources.

    >>> import networkx as nx
    >>> g = nx.MultiDiGraph(date="2016-12-20")
    >>> g.add_node("a", name="A"); g.add_node("b", name="B")
    >>> _ = g.add_edge("a", "b", key="r", id="r", type="backs", sign=1, kind="stance",
    ...                start="2011", end=None, date=None, confidence=0.9, sources=[])
    >>> print(relations_table(g))
    source  type   target  sign  when    conf  sources
    A       backs  B       +     2011 –  0.90  0
    """
    header = ("source", "type", "target", "sign", "when", "conf", "sources")
    name = {n: a.get("name", n) for n, a in graph.nodes(data=True)}
    rows = [
        (name[u], a["type"], name[v], sign_symbol(a["sign"]), _when(a),
         f"{a['confidence']:.2f}", str(len(a["sources"])))
        for u, v, a in _rows(graph)
    ]
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    lines = ("  ".join(str(c).ljust(w) for c, w in zip(r, widths, strict=True)).rstrip()
             for r in [header, *rows])
    return "\n".join(lines)


def relations_json(graph: nx.MultiDiGraph) -> dict[str, Any]:
    """The snapshot as plain data: the date, the window, the actors and the relations shown."""
    return {
        "date": graph.graph["date"],
        "event_window": graph.graph.get("event_window"),
        "actors": [dict(a) for _, a in sorted(graph.nodes(data=True))],
        "relations": [{"source": u, "target": v, **a}
                      for u, v, a in sorted(graph.edges(data=True), key=lambda e: e[2]["id"])],
    }
