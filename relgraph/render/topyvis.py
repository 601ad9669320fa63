"""relgraph's drawing as a ``pyvis.network.Network``, for those who want to customise it with pyvis.

:func:`to_pyvis` builds the network of one date of a scene
(:mod:`relgraph.render.scene`): relgraph's positions (physics off, so the
layout stays), shapes, colours, sizes, dashes, widths, arrowheads, one line
per pair (or per relation) with its types as label, names with the role of
each person, and tooltips. Change it as any pyvis network, then
``net.write_html("graph.html")``.

**What pyvis's own template loads.** Whatever its ``cdn_resources``, pyvis's
stock ``template.html`` links Bootstrap's CSS and script from
``cdn.jsdelivr.net``; with ``"local"`` (pyvis's default) and ``"remote"`` it
also loads vis-network's CSS and script from ``cdnjs.cloudflare.com``
(``"local"`` writes a ``lib/`` folder beside the page as well); only
``"in_line"`` puts vis-network in the page, and Bootstrap is still fetched. So
by default (``offline=True``) the network is given relgraph's template for
pyvis (``templates/pyvis.html``): it inlines relgraph's pinned copy of
vis-network (:mod:`relgraph.render.vis`), forbids every request with a
Content-Security-Policy, and escapes what it writes; ``write_html`` then
gives a page that works offline and from a file. ``offline=False`` keeps
pyvis's template (and its requests).

**Tooltips** (``title``) are plain text with line breaks, HTML-escaped: vis-network
9 shows a title as text (so ``<`` reads as ``&lt;`` in pyvis's own template),
pyvis's template switches to HTML tooltips when a title holds ``href`` (where
escaping is what keeps a name from running as markup), and relgraph's
template shows them as text again.

>>> import networkx as nx
>>> g = nx.MultiDiGraph(date="2016-12-20", event_window="30d", types={})
>>> g.add_node("a", name="A <b>", kind="state", aliases=[]); g.add_node("b", name="B", kind="person")
>>> _ = g.add_edge("b", "a", key="r", id="r", type="leads", sign=1, kind="stance", symmetric=False,
...                confidence=1.0, sources=[], start="2012", end=None)
>>> net = to_pyvis(g)
>>> [(n["id"], n["label"], n["physics"]) for n in net.nodes]
[('a', 'A <b>', False), ('b', "B\\nA <b>'s leader", False)]
>>> net.nodes[0]["title"].splitlines()[0], net.edges[0]["label"], net.edges[0]["arrows"]["to"]["type"]
('A &lt;b&gt;', 'leads', 'diamond')
"""

from __future__ import annotations

import html
import json
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from relgraph.render.labels import FOCUS_PX, FONT_FAMILY, LINE_PX, NAME_PX
from relgraph.render.scene import Frame, Scene, build_scene
from relgraph.render.view import DESIGN_WIDTH, fit

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["PYVIS_TEMPLATE", "to_pyvis"]

PYVIS_TEMPLATE = "templates/pyvis.html"
"""relgraph's template for pyvis, relative to this folder (which also holds ``vendor/``)."""

_HERE = Path(__file__).parent


def to_pyvis(graphs: nx.MultiDiGraph | Sequence[nx.MultiDiGraph], *, date: str | None = None,
             title: str | None = None, size_by: str = "degree", all_relations: bool = False,
             focus: Sequence[str] = (), offline: bool = True, height: str = "720px",
             width: str = "100%") -> Any:
    """A ``pyvis.network.Network`` of one date of ``graphs`` (a snapshot graph or a series).

    ``date`` picks a date of a series (its last by default); positions are
    those of the whole series, so the networks of its dates line up. Node
    ids are actor ids. ``title`` is the heading; ``size_by``,
    ``all_relations`` and ``focus`` are those of
    :func:`relgraph.render.write`. ``offline`` gives the network relgraph's
    template (see the module docstring).
    """
    import networkx as nx
    from pyvis.network import Network

    series = [graphs] if isinstance(graphs, nx.Graph) else list(graphs)
    scene = build_scene(series, title=title, size_by=size_by, all_relations=all_relations, focus=focus)
    frame = _frame(scene, date)
    net = Network(height=height, width=width, directed=True, heading=html.escape(frame.title),
                  cdn_resources="in_line")
    # vis-network's fonts are in canvas units: sized to read as relgraph's names do at the design width
    scale = fit(scene.box, DESIGN_WIDTH).scale
    size = dict(zip(frame.nodes, frame.sizes, strict=True))
    for i in frame.nodes:
        net.add_node(scene.nodes[i]["id"], **_node(scene, frame, i, size[i], scale))
    for k in frame.lines:
        line = scene.lines[k]
        net.add_edge(scene.nodes[line["source"]]["id"], scene.nodes[line["target"]]["id"],
                     **_edge(scene, line, scale))
    net.set_options(json.dumps({
        "physics": {"enabled": False},
        "layout": {"improvedLayout": False},
        "interaction": {"hover": True},
        "edges": {"smooth": False, "arrowStrikethrough": False},
    }))
    if offline:
        net.set_template_dir(str(_HERE), PYVIS_TEMPLATE)
    return net


def _frame(scene: Scene, date: str | None) -> Frame:
    if date is None:
        return scene.frames[-1]
    for frame in scene.frames:
        if frame.date == date:
            return frame
    raise ValueError(f"no date {date} in the series: {', '.join(f.date for f in scene.frames)}")


def _node(scene: Scene, frame: Frame, i: int, size: float, scale: float) -> dict[str, Any]:
    node = scene.nodes[i]
    role = frame.roles.get(i)
    kind = ", ".join(x for x in (node["kind"], node["country"]) if x)
    lines = [node["name"], *([role] if role else []), kind]
    if node["description"]:
        lines.append(node["description"])
    out: dict[str, Any] = {
        "label": node["name"] + (f"\n{role}" if role else ""), "title": html.escape("\n".join(lines)),
        "shape": node["shape"], "x": node["x"], "y": node["y"], "physics": False, "size": size,
        "color": {"background": node["colour"], "border": "#333333"},
        "borderWidth": 2.5 if node["focus"] else 1,
        "font": {"size": round((FOCUS_PX if node["focus"] else NAME_PX) / scale, 2), "face": FONT_FAMILY,
                 "color": "#222222", "strokeWidth": 3, "strokeColor": "#ffffff"},
    }
    if node["dashed"]:
        out["shapeProperties"] = {"borderDashes": [3, 2]}
    return out


def _edge(scene: Scene, line: dict[str, Any], scale: float) -> dict[str, Any]:
    names = {k: scene.nodes[line[k]]["name"] for k in ("source", "target")}
    rows = [f"{names['source']} - {names['target']}: {len(line['relations'])} relation(s)"]
    if line["mixed"]:
        rows.append(line["mixed"])
    for r in (scene.relations[k] for k in line["relations"]):
        when = r["date"] if r["kind"] == "event" else f"{r['start'] or '...'} - {r['end'] or ''}".rstrip()
        rows.append(f"{scene.nodes[r['source']]['name']} {r['type']} {scene.nodes[r['target']]['name']} "
                    f"({when}; confidence {r['confidence']:.2f}; {len(r['sources'])} source(s))")
    out: dict[str, Any] = {
        "label": line["label"], "title": html.escape("\n".join(rows)), "width": line["width"],
        "color": {"color": line["colour"], "highlight": line["colour"], "hover": line["colour"],
                  "inherit": False},
        "dashes": [2, 4] if line["candidate"] else ([6, 4] if line["dashed"] else False),
        "arrows": {end: ({"enabled": False} if line[key] == "none" else
                         {"enabled": True, "type": line[key], "scaleFactor": 0.7})
                   for end, key in (("to", "head"), ("from", "tail"))},
        "font": {"size": round(LINE_PX / scale, 2), "face": FONT_FAMILY, "color": "#444444",
                 "strokeWidth": 3, "strokeColor": "#ffffff"},
    }
    if line["curve"]:
        out["smooth"] = {"enabled": True, "type": "curvedCW" if line["curve"] > 0 else "curvedCCW",
                         "roundness": abs(line["curve"])}
    return out
