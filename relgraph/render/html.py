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
from relgraph.render.scene import Frame, Scene, build_scene, duration_words
from relgraph.render.style import EDGE_COLOURS, SIGN_MARKS, SIGN_NAMES, kind_style
from relgraph.render.vis import loader

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["CSP", "render_html", "write_html"]

TEMPLATES = Path(__file__).parent / "templates"

CSP = ("default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
       "img-src data:; font-src data:; base-uri 'none'; form-action 'none'")
"""The page's Content-Security-Policy: inline code only, and no request of any kind."""

EDGE_LABELS_UP_TO = 150
"""Above this many relations, type labels on the lines would only be clutter (the legend stays)."""

LARGE = 2000
"""From this many relations, lines are hidden while the view is dragged or zoomed, to keep it fluid."""


def render_html(graphs: nx.MultiDiGraph | Sequence[nx.MultiDiGraph], *, title: str | None = None,
                fragment: bool = False, size_by: str = "degree") -> str:
    """Render one snapshot graph, or a series (one per date, in order), to HTML.

    ``fragment=True`` gives a ``<div>`` to paste into a larger page instead of
    a whole document. ``size_by`` is ``"degree"`` or ``"none"``.
    """
    return _page(build_scene(_as_series(graphs), title=title, size_by=size_by), size_by, fragment)


def write_html(graphs: nx.MultiDiGraph | Sequence[nx.MultiDiGraph], path: str | Path, *,
               title: str | None = None, fragment: bool = False, size_by: str = "degree") -> Written:
    """Render and write to ``path`` (parent folders are created); see :func:`render_html`."""
    scene = build_scene(_as_series(graphs), title=title, size_by=size_by)
    path = Path(path)
    save(path, _page(scene, size_by, fragment))
    return Written((path,), "html", len(scene.nodes), len(scene.edges), len(scene.sources),
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


def _context(scene: Scene, size_by: str, *, standalone: bool) -> dict[str, Any]:
    frames = [_frame(f, scene.frames[k - 1] if k else None) for k, f in enumerate(scene.frames)]
    names = {n["id"]: n["name"] for n in scene.nodes}
    window = scene.frames[-1].window
    return {
        "scene": scene,
        "standalone": standalone,
        "csp": CSP,
        "vis_loader": loader(),
        "frames": frames,
        "caption": frames[-1]["caption"],
        "window": duration_words(window) if window else None,
        "signs": [(sign, f"{SIGN_MARKS[sign]} {SIGN_NAMES[sign]}") for sign in (1, -1, 0)],
        "sign_colours": EDGE_COLOURS,
        "sign_symbols": SIGN_MARKS,
        "kinds": [(kind, kind_style(kind)) for kind in scene.kinds],
        "size_by": size_by,
        "sources": sorted(scene.sources, key=lambda s: str(s["title"]).lower()),
        "payload": {
            "nodes": [{k: n[k] for k in ("id", "name", "kind", "aliases", "country", "wikidata",
                                         "description", "x", "y", "shape", "colour")}
                      | {"part_of": names.get(n["part_of"], n["part_of"])} for n in scene.nodes],
            "edges": scene.edges,
            "sources": scene.sources,
            "frames": frames,
            "labels": len(scene.edges) <= EDGE_LABELS_UP_TO,
            "large": len(scene.edges) >= LARGE,
        },
    }


def _frame(frame: Frame, before: Frame | None) -> dict[str, Any]:
    """A date as the page's script gets it, with its caption written out."""
    plural = "s" if frame.sources != 1 else ""
    text = f"{frame.caption}: {frame.shows}. Citing {frame.sources} source{plural}."
    if before is not None:
        began = len(set(frame.edges) - set(before.edges))
        ended = len(set(before.edges) - set(frame.edges))
        text += f" Since {before.date}: {began} relation{'s' if began != 1 else ''} appeared, {ended} ended."
    return {"date": frame.date, "nodes": frame.nodes, "sizes": frame.sizes, "edges": frame.edges,
            "caption": text}
