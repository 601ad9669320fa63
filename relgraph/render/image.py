"""Snapshot graphs as static SVG or PNG images, for PDF and print reports, drawn with matplotlib.

An image shows what the page shows on the same date at the design width
(:data:`relgraph.render.view.DESIGN_WIDTH`, a 900 px report column): the
same positions, lines, heads, shapes and names in the same places
(:class:`~relgraph.render.scene.Scene`), with the date's own title and
caption, a legend of what the date shows, and the sources. Names keep their
size in the print: 12 px is 9 pt. A series gives one image per date, each
on the same layout and the same frame, so that a row of them compares at a
glance. PNG needs no browser: matplotlib draws it.
"""

from __future__ import annotations

import io
import math
import textwrap
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from relgraph.render import FORMATS, Written, save
from relgraph.render.geometry import line_points, shape_half
from relgraph.render.scene import Frame, Scene, build_scene, duration_words
from relgraph.render.style import EDGE_COLOURS, SIGN_MARKS, SIGN_NAMES, candidate_colour, kind_style
from relgraph.render.view import DESIGN_WIDTH, View, fit

if TYPE_CHECKING:
    import networkx as nx
    from matplotlib.axes import Axes

__all__ = ["render_image", "write_images"]

DPI = 200
PX = 1 / 96
"""A CSS pixel, in inches: the image is the page at the design width, at print size."""
PT = 0.75
"""Points per CSS pixel."""

_MARKERS = {"dot": "o", "square": "s", "triangle": "^", "triangleDown": "v", "diamond": "D",
            "hexagon": "h", "star": "*"}
_HEAD = 10.0
"""Arrowhead length in pixels, as vis-network draws it at our scale factor."""
_HALO = {"boxstyle": "square,pad=0.12", "facecolor": "white", "edgecolor": "none", "alpha": 0.85}
"""Behind a name or a line's label, as the page's halo: it stays legible, and text stays text in SVG."""
_ROW = 11.0
"""Height of a legend row, in points."""


def render_image(graphs: nx.MultiDiGraph | Sequence[nx.MultiDiGraph], fmt: str = "svg", *,
                 title: str | None = None, size_by: str = "degree", all_relations: bool = False,
                 focus: Sequence[str] = ()) -> list[bytes]:
    """One image per date of ``graphs`` (a snapshot graph or a series), as SVG or PNG bytes."""
    scene = _scene(graphs, fmt, title, size_by, all_relations, focus)
    return [_draw(scene, frame, fmt) for frame in scene.frames]


def write_images(graphs: nx.MultiDiGraph | Sequence[nx.MultiDiGraph], path: str | Path, fmt: str = "svg", *,
                 title: str | None = None, size_by: str = "degree", all_relations: bool = False,
                 focus: Sequence[str] = ()) -> Written:
    """Write the images of :func:`render_image`; with several dates, each file name gets its date."""
    scene = _scene(graphs, fmt, title, size_by, all_relations, focus)
    path = Path(path)
    dates = tuple(f.date for f in scene.frames)
    paths = ([path] if len(dates) == 1
             else [path.with_name(f"{path.stem}-{day}{path.suffix}") for day in dates])
    for target, frame in zip(paths, scene.frames, strict=True):
        save(target, _draw(scene, frame, fmt))
    return Written(tuple(paths), fmt, len(scene.nodes), len(scene.relations), len(scene.sources), dates)


def _scene(graphs: nx.MultiDiGraph | Sequence[nx.MultiDiGraph], fmt: str, title: str | None,
           size_by: str, all_relations: bool, focus: Sequence[str]) -> Scene:
    import networkx as nx

    if fmt not in FORMATS or not FORMATS[fmt].per_date:
        raise ValueError(f"{fmt!r} is not an image format")
    return build_scene([graphs] if isinstance(graphs, nx.Graph) else list(graphs), title=title,
                       size_by=size_by, all_relations=all_relations, focus=focus)


def _draw(scene: Scene, frame: Frame, fmt: str) -> bytes:
    import matplotlib
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    view = fit(scene.box, DESIGN_WIDTH)
    graph_w, graph_h = view.width * PX, view.height * PX
    legend_rows = _legend_rows(scene, frame)
    sources = sorted(scene.sources, key=lambda s: str(s["title"]).lower())
    caption = textwrap.fill(f"{frame.text} {_hidden(scene, frame, view)}".strip(), 160)
    top = 0.75 + 0.14 * caption.count("\n")
    bottom = 0.25 + 0.17 * (len(sources) + 1 if sources else 0)
    body_h = max(graph_h, _ROW / 72 * len(legend_rows))
    height = top + body_h + bottom
    width = graph_w + 3.0
    with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": "relgraph",
                                "font.family": "DejaVu Sans"}):
        fig = Figure(figsize=(width, height))
        FigureCanvasAgg(fig)
        left = 0.2 / width
        fig.text(left, 1 - 0.28 / height, frame.title, fontsize=14, weight="bold", va="center")
        fig.text(left, 1 - 0.5 / height, caption, fontsize=8, color="#555", va="top")
        ax = fig.add_axes((0.1 / width, (bottom + body_h - graph_h) / height, graph_w / width,
                           graph_h / height))
        _graph(ax, scene, frame, view)
        legend = fig.add_axes(((graph_w + 0.25) / width, bottom / height, 2.7 / width, body_h / height))
        _legend(legend, legend_rows)
        for k, s in enumerate(sources):
            cited = ", ".join(str(x) for x in (s["title"], s["publisher"], s["published"], s["url"]) if x)
            fig.text(left, (bottom - 0.2 - 0.17 * (k + 1)) / height, f"{k + 1}. {cited}", fontsize=7,
                     color="#333", va="center")
        if sources:
            fig.text(left, (bottom - 0.2) / height, "Sources", fontsize=8, weight="bold", va="center")
        out = io.BytesIO()
        metadata = {"Date": None, "Title": frame.title} if fmt == "svg" else {"Title": frame.title}
        fig.savefig(out, format=fmt, dpi=DPI, metadata=metadata, facecolor="white")
    return out.getvalue()


def _hidden(scene: Scene, frame: Frame, view: View) -> str:
    """What the image leaves unnamed, in words (labels hide, as on a map, rather than overlap)."""
    level = _level(scene, view)
    names = sum(1 for lb in frame.labels if lb.kind == "node" and not 0 <= lb.level <= level)
    lines = sum(1 for lb in frame.labels if lb.kind == "line" and not 0 <= lb.level <= level)
    parts = []
    if names:
        parts.append(f"{names} name{'s' if names != 1 else ''} left out so that the others stay legible")
    if lines:
        parts.append(f"{lines} line label{'s' if lines != 1 else ''} left out where they would collide")
    return ("; ".join(parts) + ".").capitalize() if parts else ""


def _level(scene: Scene, view: View) -> int:
    return max((k for k, x in enumerate(scene.levels) if x <= view.scale * (1 + 1e-9)), default=-1)


def _shape(scene: Scene, index: int, size: float, view: View) -> tuple[float, float, float, float, bool]:
    """A node in screen pixels: ``(x, y, half width, half height, round)``."""
    node = scene.nodes[index]
    x, y = view.screen(node["x"], node["y"])
    hx, hy, round_ = shape_half(node["shape"], size)
    return (x, y, hx * view.scale, hy * view.scale, round_)


def _graph(ax: Axes, scene: Scene, frame: Frame, view: View) -> None:
    ax.set_xlim(0, view.width)
    ax.set_ylim(view.height, 0)  # page coordinates grow downwards
    ax.set_axis_off()
    scale = 72 * PX  # points per pixel
    shapes = {i: _shape(scene, i, size, view) for i, size in zip(frame.nodes, frame.sizes, strict=True)}
    near = _near(scene, frame)
    for k in frame.lines:
        line = scene.lines[k]
        lit = not scene.focus or {line["source"], line["target"]} & set(scene.focus)
        _line(ax, line, shapes[line["source"]], shapes[line["target"]], scale, 1.0 if lit else 0.3)
    for i in frame.nodes:
        node, (x, y, hx, _hy, _) = scene.nodes[i], shapes[i]
        alpha = 1.0 if i in near else 0.3
        marker = _MARKERS.get(node["shape"], "o")
        reach = shape_half(node["shape"], 1.0)[0]  # a polygon's reach beyond its size; the marker spans it
        ax.scatter([x], [y], s=(2 * hx / reach * scale) ** 2 * (1.6 if node["shape"] == "star" else 1.0),
                   marker=marker, c=node["colour"], alpha=alpha, zorder=3, edgecolors="#333",
                   linewidths=1.6 if node["focus"] else 0.6, linestyles="--" if node["dashed"] else "-")
    level = _level(scene, view)
    for label in frame.labels:
        if not 0 <= label.level <= level:
            continue
        left, top, right, _ = label.box(view.screen)
        dim = label.kind == "node" and label.owner not in near
        y = top + 2.0
        for text, px, bold, colour in label.lines:
            height = round(px * 1.2)
            ax.text((left + right) / 2, y + height / 2, text, ha="center", va="center", fontsize=px * PT,
                    weight="bold" if bold else "normal", color="#9a9a9a" if dim else colour, zorder=5,
                    bbox=_HALO)
            y += height


def _near(scene: Scene, frame: Frame) -> set[int]:
    """The actors not dimmed: all of them, or with a focus, the focus and their neighbours on the date."""
    if not scene.focus:
        return set(frame.nodes)
    focus = set(scene.focus)
    near = set(focus)
    for k in frame.lines:
        line = scene.lines[k]
        if {line["source"], line["target"]} & focus:
            near |= {line["source"], line["target"]}
    return near


def _line(ax: Axes, line: dict[str, Any], a: tuple[float, float, float, float, bool],
          b: tuple[float, float, float, float, bool], scale: float, alpha: float) -> None:
    import numpy as np

    points = np.array(line_points(a, b, line["curve"]))
    if len(points) < 2:
        return
    width = 0.75 * line["width"]
    dashes: Any = (0, (1.5, 3)) if line["candidate"] else ((0, (4, 2.5)) if line["dashed"] else "solid")
    tip, back = points[-1], points[-2]
    direction = (tip - back) / (float(np.hypot(*(tip - back))) or 1.0)
    end = points.copy()
    if line["head"] in ("arrow", "diamond"):
        end[-1] = tip - direction * _HEAD * 0.8  # a filled head covers the line's end
    start_tip, start_next = points[0], points[1]
    back_dir = (start_tip - start_next) / (float(np.hypot(*(start_tip - start_next))) or 1.0)
    if line["tail"] in ("arrow", "diamond"):
        end[0] = start_tip - back_dir * _HEAD * 0.8
    ax.plot(end[:, 0], end[:, 1], color=line["colour"], linewidth=width, linestyle=dashes,
            solid_capstyle="butt", zorder=2, alpha=alpha)
    _head(ax, line["head"], tip, direction, line["colour"], width, alpha=alpha)
    _head(ax, line["tail"], start_tip, back_dir, line["colour"], width, alpha=alpha)


def _head(ax: Axes, head: str, tip: Any, direction: Any, colour: str, width: float, *,
          length: float = _HEAD, alpha: float = 1.0) -> None:
    """The arrowhead ``head`` (see :data:`relgraph.render.style.HEADS`) with its point at ``tip``."""
    import numpy as np

    if head == "none":
        return
    side = np.array([-direction[1], direction[0]])
    back = tip - direction * length
    half = length * 0.45
    if head == "arrow":
        ax.fill(*np.array([tip, back + side * half, back - side * half]).T, color=colour, zorder=2.2, lw=0,
                alpha=alpha)
    elif head == "diamond":
        middle = tip - direction * length * 0.6
        ax.fill(*np.array([tip, middle + side * half * 0.8, tip - direction * length * 1.2,
                           middle - side * half * 0.8]).T, color=colour, zorder=2.2, lw=0, alpha=alpha)
    elif head == "vee":
        ax.plot(*np.array([back + side * half, tip, back - side * half]).T, color=colour,
                linewidth=width * 1.2, zorder=2.2, solid_joinstyle="miter", alpha=alpha)
    elif head == "bar":
        ax.plot(*np.array([tip + side * half * 1.1, tip - side * half * 1.1]).T, color=colour,
                linewidth=width * 1.6, zorder=2.2, solid_capstyle="butt", alpha=alpha)
    elif head == "circle":
        angles = np.linspace(0, 2 * math.pi, 20)
        centre = tip - direction * half * 0.8
        ax.fill(centre[0] + half * 0.8 * np.cos(angles), centre[1] + half * 0.8 * np.sin(angles),
                color=colour, zorder=2.2, lw=0, alpha=alpha)


def _legend_rows(scene: Scene, frame: Frame) -> list[tuple[str, dict[str, Any]]]:
    """The legend as rows, the same entries as the page's for this date: signs, lines, types, kinds."""
    rows: list[tuple[str, dict[str, Any]]] = [("heading", {"text": "Lines"})]
    rows += [("swatch", {"colour": EDGE_COLOURS[s], "text": f"{SIGN_MARKS[s]} {SIGN_NAMES[s]}"})
             for s in (1, -1, 0)]
    line = {"colour": "#555", "head": "none"}
    rows += [("line", {**line, "dashed": False, "text": "stance (holds over time)"}),
             ("line", {**line, "dashed": True,
                       "text": "event" + (f" (in the {duration_words(frame.window)} up to it)"
                                          if frame.window else "")})]
    if frame.candidates:
        rows.append(("line", {"colour": candidate_colour(EDGE_COLOURS[0]), "head": "none", "dashed": "dots",
                              "text": "candidate, waits for review"}))
    rows.append(("text", {"text": "thicker: surer"}))
    if not scene.all_relations:
        rows.append(("text", {"text": "one line per pair; its label lists the types"}))
    rows.append(("heading", {"text": "Relation types"}))
    shown = set(frame.types)
    rows += [("line", {**t, "text": f"{t['name']} ({SIGN_MARKS[t['sign']]})"}) for t in scene.types
             if t["name"] in shown]
    rows.append(("heading", {"text": "Actors"}))
    rows += [("kind", {"kind": kind, "text": str(kind)}) for kind in frame.kinds]
    if scene.focus:
        rows.append(("text", {"text": "bold, larger: the figure's focus"}))
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
            style: Any = ((0, (1.5, 3)) if entry["dashed"] == "dots" else
                          (0, (4, 2.5)) if entry["dashed"] else "solid")
            ax.plot([2, end], [y, y], color=entry["colour"], linewidth=1.5, linestyle=style,
                    solid_capstyle="butt")
            _head(ax, entry["head"], np.array([31.0, y]), np.array([1.0, 0.0]), entry["colour"], 1.5,
                  length=7.0)
        elif what == "kind":
            style = kind_style(entry["kind"])
            ax.scatter([9], [y], s=40, marker=_MARKERS.get(style.shape, "o"), c=style.colour,
                       edgecolors="#333", linewidths=0.6, linestyles="--" if style.dashed else "-")
        ax.text(36 if what != "text" else 2, y, entry["text"], fontsize=7, va="center")


def _box(x: float, y: float, w: float, h: float, colour: str) -> Any:
    from matplotlib.patches import FancyBboxPatch

    return FancyBboxPatch((x, y - h / 2), w, h, boxstyle="round,pad=0,rounding_size=1.5",
                          facecolor=colour, edgecolor="#333", linewidth=0.5)
