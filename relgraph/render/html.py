"""Snapshot graphs as one self-contained, offline HTML page, or as a fragment to paste into a report.

pyvis's stock template loads Bootstrap and vis-network from CDNs even in
``in_line`` mode, and its Jinja environment does not autoescape, so pages are
rendered from our own templates (``templates/``) with relgraph's pinned copy
of vis-network inlined (:mod:`relgraph.render.vis`). No request leaves the page: a
Content-Security-Policy forbids them, and there is nothing to fetch.

A page or fragment shows one date, or a series of dates with a slider and a
play button; actors keep their place across dates (see
:mod:`relgraph.render.layout`). A fragment is a ``<div>`` holding its own
scoped style and three scripts: the first defines ``vis`` unless the host
page already has it, the second is the graph's data (JSON, inert), the third
draws the graph and defines nothing global, so several fragments work on one
page.

Safety: templates autoescape; graph data reaches the script only through
Jinja's ``tojson`` (which escapes ``<``, ``>``, ``&`` and quotes); the script
sets every text with ``textContent`` and makes links of ``http(s)`` URLs only.

>>> import networkx as nx
>>> g = nx.MultiDiGraph(date="2016-12-20", event_window="30d", types={})
>>> g.add_node("a", name="A <b>", kind="state", aliases=[])
>>> html = render_html(g, title="Talks <in Moscow>")
>>> "Talks &lt;in Moscow&gt;" in html, "<in Moscow>" in html, "A <b>" in html
(True, False, False)
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from relgraph.render import Written, save
from relgraph.render.labels import FONT_FAMILY, HALO, LINE_HEIGHT, SLACK
from relgraph.render.scene import Frame, Scene, build_scene, duration_words
from relgraph.render.style import EDGE_COLOURS, SIGN_MARKS, SIGN_NAMES, candidate_colour, kind_style
from relgraph.render.view import MAX_ASPECT, MAX_SCALE, MIN_HEIGHT, PAD_X, PAD_Y
from relgraph.render.vis import loader

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["CSP", "render_html", "write_html"]

TEMPLATES = Path(__file__).parent / "templates"

CSP = ("default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
       "img-src data:; font-src data:; base-uri 'none'; form-action 'none'")
"""The page's Content-Security-Policy: inline code only, and no request of any kind."""

LARGE = 2000
"""From this many relations, lines are hidden while the view is dragged or zoomed, to keep it fluid."""


def render_html(graphs: nx.MultiDiGraph | Sequence[nx.MultiDiGraph], *, title: str | None = None,
                fragment: bool = False, size_by: str = "degree", all_relations: bool = False,
                focus: Sequence[str] = ()) -> str:
    """Render one snapshot graph, or a series (one per date, in order), to HTML.

    ``fragment=True`` gives a ``<div>`` to paste into a larger page instead of
    a whole document. ``size_by`` is ``"degree"`` or ``"none"``;
    ``all_relations`` draws one line per relation instead of one per pair;
    ``focus`` names the actors the figure is about (see
    :func:`relgraph.render.scene.build_scene`).
    """
    scene = build_scene(_as_series(graphs), title=title, size_by=size_by, all_relations=all_relations,
                        focus=focus)
    return _page(scene, size_by, fragment)


def write_html(graphs: nx.MultiDiGraph | Sequence[nx.MultiDiGraph], path: str | Path, *,
               title: str | None = None, fragment: bool = False, size_by: str = "degree",
               all_relations: bool = False, focus: Sequence[str] = ()) -> Written:
    """Render and write to ``path`` (parent folders are created); see :func:`render_html`."""
    scene = build_scene(_as_series(graphs), title=title, size_by=size_by, all_relations=all_relations,
                        focus=focus)
    path = Path(path)
    save(path, _page(scene, size_by, fragment))
    return Written((path,), "html", len(scene.nodes), len(scene.relations), len(scene.sources),
                   tuple(f.date for f in scene.frames))


def _page(scene: Scene, size_by: str, fragment: bool) -> str:
    context = _context(scene, size_by, standalone=not fragment)
    return str(_environment().get_template("fragment.html" if fragment else "page.html").render(**context))


def _as_series(graphs: nx.MultiDiGraph | Sequence[nx.MultiDiGraph]) -> list[nx.MultiDiGraph]:
    import networkx as nx

    return [graphs] if isinstance(graphs, nx.Graph) else list(graphs)


@functools.cache
def _environment() -> Any:
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    return Environment(loader=FileSystemLoader(str(TEMPLATES)),
                       autoescape=select_autoescape(default=True, default_for_string=True))


_NODE_KEYS = ("id", "name", "kind", "aliases", "country", "wikidata", "description", "x", "y", "shape",
              "colour", "dashed", "focus")


def _context(scene: Scene, size_by: str, *, standalone: bool) -> dict[str, Any]:
    names = {n["id"]: n["name"] for n in scene.nodes}
    window = scene.frames[-1].window
    return {
        "scene": scene,
        "standalone": standalone,
        "csp": CSP,
        "vis_loader": loader(),
        "frames": scene.frames,
        "caption": scene.frames[-1].text,
        "window": duration_words(window) if window else None,
        "signs": [(sign, f"{SIGN_MARKS[sign]} {SIGN_NAMES[sign]}") for sign in (1, -1, 0)],
        "sign_colours": EDGE_COLOURS,
        "sign_symbols": SIGN_MARKS,
        "candidate_colour": candidate_colour(EDGE_COLOURS[0]),
        "candidates_any": scene.frames[-1].candidates > 0,
        "kinds": [(kind, kind_style(kind)) for kind in scene.kinds],
        "focus": bool(scene.focus),
        "size_by": size_by,
        "sources": sorted(scene.sources, key=lambda s: str(s["title"]).lower()),
        "payload": {
            "nodes": [{k: n[k] for k in _NODE_KEYS} | {"part_of": names.get(n["part_of"], n["part_of"])}
                      for n in scene.nodes],
            "relations": scene.relations,
            "lines": scene.lines,
            "sources": scene.sources,
            "frames": [_frame(f) for f in scene.frames],
            "focus": scene.focus,
            "focused": bool(scene.focus),
            "large": len(scene.lines) >= LARGE,
            "font": FONT_FAMILY,
            "view": {"box": scene.box, "levels": scene.levels, "pad": [PAD_X, PAD_Y],
                     "min_height": MIN_HEIGHT, "max_aspect": MAX_ASPECT, "max_scale": MAX_SCALE, "halo": HALO,
                     "slack": SLACK, "line_height": LINE_HEIGHT},
        },
    }


def _frame(frame: Frame) -> dict[str, Any]:
    """A date as the page's script gets it: what it shows, and each label as a compact row
    ``[kind (0 name, 1 line), owner, level, spot, ux, uy, ring, width, height, [x, y], lines]``."""
    return {"date": frame.date, "title": frame.title, "caption": frame.text, "nodes": frame.nodes,
            "sizes": frame.sizes, "lines": frame.lines, "relations": frame.relations, "types": frame.types,
            "kinds": frame.kinds, "roles": {str(k): v for k, v in frame.roles.items()},
            "candidates": frame.candidates,
            "labels": [[0 if lb.kind == "node" else 1, lb.owner, lb.level, lb.spot, lb.ux, lb.uy, lb.ring,
                        lb.width, lb.height, [round(lb.x, 3), round(lb.y, 3)], [list(t) for t in lb.lines]]
                       for lb in frame.labels]}
