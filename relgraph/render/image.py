"""Snapshot graphs as static SVG or PNG images, for PDF and print reports, drawn with matplotlib.

An image shows what the page shows on the same date: the same positions,
colours, lines, arrowheads and shapes (all from :class:`~relgraph.render.scene.Scene`),
with the title, the caption, a legend and the sources. A series gives one
image per date, each on the same layout and the same frame, so that a row of
them compares at a glance. PNG needs no browser: matplotlib draws it.
"""

from __future__ import annotations

import io
import math
import textwrap
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from relgraph.render import FORMATS, Written, save
from relgraph.render.scene import Frame, Scene, build_scene, duration_words
from relgraph.render.style import EDGE_COLOURS, SIGN_MARKS, SIGN_NAMES, kind_style

if TYPE_CHECKING:
    import networkx as nx
    from matplotlib.axes import Axes

__all__ = ["render_image", "write_images"]

DPI = 200
LABELS_UP_TO = 300
"""Above this many actors on a date, only the best connected are named, so that names stay legible."""

_MARKERS = {"dot": "o", "square": "s", "triangle": "^", "triangleDown": "v", "diamond": "D",
            "hexagon": "h", "star": "*"}
_HEAD = 10.0
"""Arrowhead length in page pixels, as vis-network draws it at our scale factor."""
_HALO = {"boxstyle": "square,pad=0.1", "facecolor": "white", "edgecolor": "none", "alpha": 0.75}
"""Behind a name or a type label, so that it stays legible where lines cross it (text stays text)."""
_ROW = 11.0
"""Height of a legend row, in points."""


def render_image(graphs: nx.MultiDiGraph | Sequence[nx.MultiDiGraph], fmt: str = "svg", *,
                 title: str | None = None, size_by: str = "degree") -> list[bytes]:
    """One image per date of ``graphs`` (a snapshot graph or a series), as SVG or PNG bytes."""
    scene = _scene(graphs, fmt, title, size_by)
    return [_draw(scene, frame, fmt) for frame in scene.frames]


def write_images(graphs: nx.MultiDiGraph | Sequence[nx.MultiDiGraph], path: str | Path, fmt: str = "svg", *,
                 title: str | None = None, size_by: str = "degree") -> Written:
    """Write the images of :func:`render_image`; with several dates, each file name gets its date."""
    scene = _scene(graphs, fmt, title, size_by)
    path = Path(path)
    dates = tuple(f.date for f in scene.frames)
    paths = ([path] if len(dates) == 1
             else [path.with_name(f"{path.stem}-{day}{path.suffix}") for day in dates])
    for target, frame in zip(paths, scene.frames, strict=True):
        save(target, _draw(scene, frame, fmt))
    return Written(tuple(paths), fmt, len(scene.nodes), len(scene.edges), len(scene.sources), dates)


def _scene(graphs: nx.MultiDiGraph | Sequence[nx.MultiDiGraph], fmt: str, title: str | None,
           size_by: str) -> Scene:
    import networkx as nx

    if fmt not in FORMATS or not FORMATS[fmt].per_date:
        raise ValueError(f"{fmt!r} is not an image format")
    return build_scene([graphs] if isinstance(graphs, nx.Graph) else list(graphs), title=title,
                       size_by=size_by)


def _draw(scene: Scene, frame: Frame, fmt: str) -> bytes:
    import matplotlib
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    xs = [n["x"] for n in scene.nodes] or [0.0]
    ys = [n["y"] for n in scene.nodes] or [0.0]
    # room for the names written under the outermost actors
    box = (min(xs) - 130.0, max(xs) + 130.0, min(ys) - 50.0, max(ys) + 60.0)
    graph_w = 9.0
    graph_h = min(max(graph_w * (box[3] - box[2]) / (box[1] - box[0]), 4.5), 11.0)
    legend_rows = _legend_rows(scene, frame)
    sources = sorted(scene.sources, key=lambda s: str(s["title"]).lower())
    top, bottom = 0.95, 0.25 + 0.17 * (len(sources) + 1 if sources else 0)
    body_h = max(graph_h, _ROW / 72 * len(legend_rows))
    height = top + body_h + bottom
    with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": "relgraph",
                                "font.family": "DejaVu Sans"}):
        fig = Figure(figsize=(graph_w + 3.2, height))
        FigureCanvasAgg(fig)
        left = 0.2 / fig.get_figwidth()
        fig.text(left, 1 - 0.3 / height, scene.title, fontsize=14, weight="bold", va="center")
        caption = (f"{frame.caption}: {frame.shows}. Solid lines are stances, dashed lines events; "
                   "sources below.")
        fig.text(0.2 / fig.get_figwidth(), 1 - 0.62 / height, textwrap.fill(caption, 150),
                 fontsize=8, color="#555", va="center")
        ax = fig.add_axes((0.1 / (graph_w + 3.2), (bottom + body_h - graph_h) / height,
                           graph_w / (graph_w + 3.2), graph_h / height))
        _graph(ax, scene, frame, box)
        legend = fig.add_axes(((graph_w + 0.3) / (graph_w + 3.2), bottom / height,
                               2.8 / (graph_w + 3.2), body_h / height))
        _legend(legend, legend_rows)
        for k, s in enumerate(sources):
            cited = ", ".join(str(x) for x in (s["title"], s["publisher"], s["published"], s["url"]) if x)
            fig.text(0.2 / fig.get_figwidth(), (bottom - 0.2 - 0.17 * (k + 1)) / height,
                     f"{k + 1}. {cited}", fontsize=7, color="#333", va="center")
        if sources:
            fig.text(0.2 / fig.get_figwidth(), (bottom - 0.2) / height, "Sources", fontsize=8,
                     weight="bold", va="center")
        out = io.BytesIO()
        metadata = {"Date": None, "Title": scene.title} if fmt == "svg" else {"Title": scene.title}
        fig.savefig(out, format=fmt, dpi=DPI, metadata=metadata, facecolor="white")
    return out.getvalue()


def _graph(ax: Axes, scene: Scene, frame: Frame, box: tuple[float, float, float, float]) -> None:
    ax.set_xlim(box[0], box[1])
    ax.set_ylim(box[3], box[2])  # page coordinates grow downwards
    ax.set_aspect("equal", adjustable="box")
    ax.set_axis_off()
    # points per page pixel, so that sizes given in pixels look as they do on the page
    scale = _points(ax)[0] / (box[1] - box[0])
    size = dict(zip(frame.nodes, frame.sizes, strict=True))
    for k in frame.edges:
        edge = scene.edges[k]
        _edge(ax, edge, scene.nodes[edge["source"]], scene.nodes[edge["target"]],
              size[edge["target"]], scale, labelled=len(frame.edges) <= 150)
    named = set(sorted(frame.nodes, key=lambda i: -size[i])[:LABELS_UP_TO])
    for i in frame.nodes:
        node = scene.nodes[i]
        style = kind_style(node["kind"])
        if style.label_inside:
            ax.text(node["x"], node["y"], textwrap.fill(node["name"], 20), ha="center", va="center",
                    fontsize=5.5, zorder=4, bbox={"boxstyle": "round,pad=0.35" if style.shape == "box"
                                                  else "round4,pad=0.45",
                                                  "facecolor": style.colour, "edgecolor": "#333",
                                                  "linewidth": 0.6})
            continue
        radius = size[i] * scale
        ax.scatter([node["x"]], [node["y"]], s=(2 * radius) ** 2 * (1.6 if style.shape == "star" else 1.0),
                   marker=_MARKERS.get(style.shape, "o"), c=style.colour, edgecolors="#333",
                   linewidths=0.6, zorder=3)
        if i in named:
            ax.text(node["x"], node["y"] + size[i] + 3, node["name"], ha="center", va="top", fontsize=6,
                    color="#222", zorder=5, bbox=_HALO)


def _edge(ax: Axes, edge: dict[str, Any], source: dict[str, Any], target: dict[str, Any],
          target_size: float, scale: float, *, labelled: bool) -> None:
    import numpy as np

    a, b = np.array([source["x"], source["y"]]), np.array([target["x"], target["y"]])
    length = float(np.hypot(*(b - a))) or 1.0
    normal = np.array([-(b - a)[1], (b - a)[0]]) / length
    control = (a + b) / 2 + normal * edge["curve"] * length
    t = np.linspace(0.0, 1.0, 24 if edge["curve"] else 2)[:, None]
    points = (1 - t) ** 2 * a + 2 * (1 - t) * t * control + t**2 * b
    # stop at the rim of the target, so the head shows
    gap = (18.0 if kind_style(target["kind"]).label_inside else target_size) + 1
    points = points[np.hypot(*(points - b).T) >= min(gap, length / 2)]
    if not len(points):
        return
    direction = b - points[-1] if edge["curve"] else b - a
    direction = direction / (float(np.hypot(*direction)) or 1.0)
    tip = b - direction * min(gap, length / 2)
    points = np.vstack([points, tip])
    width = 0.6 * edge["width"]
    dashes = (0, (4, 2.5)) if edge["dashed"] else "solid"
    end = points.copy()
    if edge["head"] in ("arrow", "diamond"):
        end[-1] = tip - direction * _HEAD * 0.8  # a filled head covers the line's end
    ax.plot(end[:, 0], end[:, 1], color=edge["colour"], linewidth=width, linestyle=dashes,
            solid_capstyle="butt", zorder=2)
    _head(ax, edge["head"], tip, direction, edge["colour"], width)
    if labelled:
        middle = points[len(points) // 2] if edge["curve"] else (a + b) / 2
        ax.text(middle[0], middle[1], edge["type"], fontsize=4.5, color="#444", ha="center", va="center",
                zorder=2.5, bbox=_HALO)


def _head(ax: Axes, head: str, tip: Any, direction: Any, colour: str, width: float, *,
          length: float = _HEAD) -> None:
    """The arrowhead ``head`` (see :data:`relgraph.render.style.HEADS`) with its point at ``tip``."""
    import numpy as np

    if head == "none":
        return
    side = np.array([-direction[1], direction[0]])
    back = tip - direction * length
    half = length * 0.45
    if head == "arrow":
        ax.fill(*np.array([tip, back + side * half, back - side * half]).T, color=colour, zorder=2.2, lw=0)
    elif head == "diamond":
        middle = tip - direction * length * 0.6
        ax.fill(*np.array([tip, middle + side * half * 0.8, tip - direction * length * 1.2,
                           middle - side * half * 0.8]).T, color=colour, zorder=2.2, lw=0)
    elif head == "vee":
        ax.plot(*np.array([back + side * half, tip, back - side * half]).T, color=colour,
                linewidth=width * 1.2, zorder=2.2, solid_joinstyle="miter")
    elif head == "bar":
        ax.plot(*np.array([tip + side * half * 1.1, tip - side * half * 1.1]).T, color=colour,
                linewidth=width * 1.6, zorder=2.2, solid_capstyle="butt")
    elif head == "circle":
        angles = np.linspace(0, 2 * math.pi, 20)
        centre = tip - direction * half * 0.8
        ax.fill(centre[0] + half * 0.8 * np.cos(angles), centre[1] + half * 0.8 * np.sin(angles),
                color=colour, zorder=2.2, lw=0)


def _legend_rows(scene: Scene, frame: Frame) -> list[tuple[str, dict[str, Any]]]:
    """The legend as rows, the same entries as the page's: headings, signs, lines, types, kinds."""
    rows: list[tuple[str, dict[str, Any]]] = [("heading", {"text": "Relations"})]
    rows += [("swatch", {"colour": EDGE_COLOURS[s], "text": f"{SIGN_MARKS[s]} {SIGN_NAMES[s]}"})
             for s in (1, -1, 0)]
    line = {"colour": "#555", "head": "none"}
    rows += [("line", {**line, "dashed": False, "text": "stance (holds over time)"}),
             ("line", {**line, "dashed": True,
                       "text": "event" + (f" (in the {duration_words(frame.window)} up to the date)"
                                          if frame.window else "")}),
             ("text", {"text": "thicker line: higher confidence"}),
             ("heading", {"text": "Relation types"})]
    rows += [("line", {**t, "text": f"{t['name']} ({SIGN_MARKS[t['sign']]})"}) for t in scene.types]
    rows.append(("heading", {"text": "Actors"}))
    rows += [("kind", {"kind": kind, "text": str(kind)}) for kind in scene.kinds]
    return rows


def _points(ax: Axes) -> tuple[float, float]:
    """The width and height of ``ax`` in points."""
    figure_width, figure_height = ax.get_figure(root=True).get_size_inches()  # type: ignore[union-attr]
    box = ax.get_position()
    return box.width * figure_width * 72, box.height * figure_height * 72


def _legend(ax: Axes, rows: list[tuple[str, dict[str, Any]]]) -> None:
    """Draw the legend rows; the axes are set up in points, so that icons keep their shape."""
    import numpy as np

    width, height = _points(ax)
    ax.set_xlim(0, width)
    ax.set_ylim(height, 0)
    ax.set_axis_off()
    step = min(_ROW, height / max(len(rows), 1))
    for k, (what, entry) in enumerate(rows):
        y = (k + 0.5) * step
        if what == "heading":
            ax.text(0, y + 1.5, entry["text"], fontsize=7.5, weight="bold", va="center")
            continue
        if what == "swatch":
            ax.add_patch(_box(2, y, 8, 8, entry["colour"]))
        elif what == "line":
            end = 30.0 if entry["head"] == "none" else 25.0
            ax.plot([2, end], [y, y], color=entry["colour"], linewidth=1.5,
                    linestyle=(0, (4, 2.5)) if entry["dashed"] else "solid", solid_capstyle="butt")
            _head(ax, entry["head"], np.array([31.0, y]), np.array([1.0, 0.0]), entry["colour"], 1.5,
                  length=7.0)
        elif what == "kind":
            style = kind_style(entry["kind"])
            if style.label_inside:
                ax.add_patch(_box(2, y, 14, 7, style.colour))
            else:
                ax.scatter([9], [y], s=40, marker=_MARKERS.get(style.shape, "o"), c=style.colour,
                           edgecolors="#333", linewidths=0.6)
        ax.text(36 if what != "text" else 2, y, entry["text"], fontsize=7, va="center")


def _box(x: float, y: float, w: float, h: float, colour: str) -> Any:
    from matplotlib.patches import FancyBboxPatch

    return FancyBboxPatch((x, y - h / 2), w, h, boxstyle="round,pad=0,rounding_size=1.5",
                          facecolor=colour, edgecolor="#333", linewidth=0.5)
