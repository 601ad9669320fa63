"""Legibility as a measured property: do names and line labels stand clear, and are they big enough?

The checker reads a :class:`Drawing`, what a figure draws at one width in
CSS pixels from the canvas' top left corner: shapes, the visible part of each
line, and the labels drawn (each a box, upright or turned, with its font
size). :func:`check` counts

* **overlapping labels**: labels whose box overlaps another label's;
* **crossed labels**: labels a line runs through (a name by any line, a line's
  label by any line but its own);
* **labels on shapes**: labels whose box overlaps a shape (a name written
  inside its own shape, as an agreement's, excepted);
* **clipped labels**: labels not wholly inside the canvas;
* the **smallest label** in CSS pixels, and how many labels are **hidden**
  at this zoom (names hide by zoom level, as on a map, and the page says so).

A drawing comes from relgraph's own scene (:func:`measure`: the boxes the
page computes, at the view :mod:`relgraph.render.view` gives a width), or
from a page open in a browser (:func:`probe`, for any vis-network page:
relgraph's, where the page reports the boxes it drew, or another renderer's,
whose label boxes are read from vis-network's own label sizes). A browser
test holds :func:`measure` to what Chromium draws.

>>> drawing = Drawing(200, 100, nodes=[(50.0, 50.0, 10.0, 10.0, True)], lines=[[(0.0, 80.0), (200.0, 80.0)]],
...                   labels=[Drawn("name", rect((40, 62, 90, 76)), 12.0, owner=0),
...                           Drawn("name", rect((60, 70, 110, 84)), 12.0)])
>>> result = check(drawing)
>>> result.overlapping, result.crossed, result.min_px
(2, 1, 12.0)
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from relgraph.render.geometry import Grid, Point, Polygon, Rect, Region, line_points, shape_half

if TYPE_CHECKING:
    from relgraph.render.scene import Frame, Scene

__all__ = ["PROBE", "Drawing", "Drawn", "Legibility", "check", "measure", "probe", "rect"]

Node = tuple[float, float, float, float, bool]


def rect(box: Rect | Sequence[float]) -> Polygon:
    """The corners of an upright box ``(left, top, right, bottom)``."""
    left, top, right, bottom = box
    return [(left, top), (right, top), (right, bottom), (left, bottom)]


@dataclass(frozen=True)
class Drawn:
    """A label as drawn: ``kind`` ``"name"`` or ``"line"``, its box's corners, its font size in CSS
    pixels; ``owner`` is the index of its node (a name) or line (a line's label) in the drawing, if known;
    ``inside`` for a name written inside its shape."""

    kind: str
    corners: Polygon
    px: float
    owner: int | None = None
    inside: bool = False
    text: str = ""


@dataclass(frozen=True)
class Drawing:
    """What a figure draws at one width, in CSS pixels: nodes ``(x, y, half width, half height, round)``,
    the visible part of each line, the labels drawn, and how many labels (and of them, names) this zoom
    hides."""

    width: float
    height: float
    nodes: list[Node]
    lines: list[list[Point]]
    labels: list[Drawn]
    hidden: int = 0
    scale: float | None = None
    hidden_names: int = 0


@dataclass(frozen=True)
class Legibility:
    """What :func:`check` found (see the module docstring)."""

    width: float
    height: float
    labels: int
    hidden: int
    overlapping: int
    crossed: int
    on_shapes: int
    clipped: int
    min_px: float | None
    scale: float | None = None
    hidden_names: int = 0
    problems: list[str] = field(default_factory=list, compare=False, repr=False)

    @property
    def share_overlapping(self) -> float:
        """Overlapping labels as a share of the labels drawn."""
        return self.overlapping / self.labels if self.labels else 0.0

    @property
    def clear(self) -> bool:
        """No overlap, no crossing, no label on a shape, none clipped."""
        return not (self.overlapping or self.crossed or self.on_shapes or self.clipped)


def check(drawing: Drawing, *, explain: bool = False) -> Legibility:
    """Count what makes ``drawing``'s labels hard to read; ``explain`` lists each finding in ``problems``."""
    regions = [Region(list(label.corners)) for label in drawing.labels]
    size = max(24.0, max((max(r.box[2] - r.box[0], r.box[3] - r.box[1]) for r in regions), default=24.0))
    labels, shapes, lines = Grid(size), Grid(size), Grid(size)
    for k, region in enumerate(regions):
        labels.add_rect(k, region.box)
    for k, (x, y, hx, hy, _) in enumerate(drawing.nodes):
        shapes.add_rect(k, (x - hx, y - hy, x + hx, y + hy))
    for k, points in enumerate(drawing.lines):
        lines.add_polyline(k, points)
    overlapping, crossed, on_shapes, clipped = set(), set(), set(), set()
    problems: list[str] = []
    for k, (label, region) in enumerate(zip(drawing.labels, regions, strict=True)):
        what = label.text or f"{label.kind} {k}"
        for j in sorted(labels.near(region.box)):
            if j != k and region.hits_region(regions[j]):
                overlapping.add(k)
                problems.append(f"{what!r} overlaps {drawing.labels[j].text or j!r}")
        for j in sorted(shapes.near(region.box)):
            if label.inside and j == label.owner:
                continue
            if region.hits_node(drawing.nodes[j]):
                on_shapes.add(k)
                problems.append(f"{what!r} lies on shape {j}")
        for j in sorted(lines.near(region.box)):
            if label.kind == "line" and j == label.owner:
                continue
            points = drawing.lines[j]
            if any(region.hits_segment(p, q) for p, q in itertools.pairwise(points)):
                crossed.add(k)
                problems.append(f"{what!r} is crossed by line {j}")
        left, top, right, bottom = region.box
        if left < -0.5 or top < -0.5 or right > drawing.width + 0.5 or bottom > drawing.height + 0.5:
            clipped.add(k)
            problems.append(f"{what!r} is clipped by the canvas")
    return Legibility(
        width=drawing.width, height=drawing.height, labels=len(drawing.labels), hidden=drawing.hidden,
        overlapping=len(overlapping), crossed=len(crossed), on_shapes=len(on_shapes), clipped=len(clipped),
        min_px=round(min(label.px for label in drawing.labels), 2) if drawing.labels else None,
        scale=drawing.scale, hidden_names=drawing.hidden_names,
        problems=sorted(set(problems)) if explain else [])


def drawing_of(scene: Scene, frame: Frame, width: int) -> Drawing:
    """What relgraph's page draws of ``frame`` on a canvas ``width`` CSS pixels wide."""
    from relgraph.render.view import fit

    view = fit(scene.box, width)
    level = max((k for k, x in enumerate(scene.levels) if x <= view.scale * (1 + 1e-9)), default=-1)
    at = {i: k for k, i in enumerate(frame.nodes)}
    nodes: list[Node] = []
    for i, size in zip(frame.nodes, frame.sizes, strict=True):
        node = scene.nodes[i]
        x, y = view.screen(node["x"], node["y"])
        hx, hy, round_ = shape_half(node["shape"], size)
        nodes.append((x, y, hx * view.scale, hy * view.scale, round_))
    lines = [line_points(nodes[at[scene.lines[k]["source"]]], nodes[at[scene.lines[k]["target"]]],
                         scene.lines[k]["curve"]) for k in frame.lines]
    line_at = {k: j for j, k in enumerate(frame.lines)}
    drawn, hidden, hidden_names = [], 0, 0
    for label in frame.labels:
        if not 0 <= label.level <= level:
            hidden += 1
            hidden_names += label.kind == "node"
            continue
        owner = at[label.owner] if label.kind == "node" else line_at[label.owner]
        drawn.append(Drawn("name" if label.kind == "node" else "line", rect(label.box(view.screen)),
                           min(px for _, px, _, _ in label.lines), owner,
                           text=" ".join(t for t, *_ in label.lines)))
    return Drawing(view.width, view.height, nodes, lines, drawn, hidden, view.scale, hidden_names)


def measure(scene: Scene, width: int, *, explain: bool = False) -> list[Legibility]:
    """:func:`check` of each date of ``scene`` on a canvas ``width`` CSS pixels wide, as relgraph's page
    draws it (:func:`relgraph.render.view.standalone_canvas_width` turns a page width into a canvas width).

    >>> import relgraph
    >>> from relgraph.render.scene import build_scene
    >>> from relgraph.render.view import standalone_canvas_width
    >>> with relgraph.open() as rg:
    ...     scene = build_scene([rg.snapshot("2016-12-20")])
    >>> [result] = measure(scene, standalone_canvas_width(900))
    >>> result.clear, result.hidden >= 0, result.min_px >= 11
    (True, True, True)
    """
    return [check(drawing_of(scene, frame, width), explain=explain) for frame in scene.frames]


PROBE = """(selector) => {
  const root = document.querySelector(selector);
  const net = root.relgraph.network, body = net.body, canvas = root.querySelector('.rg-canvas');
  const scale = net.getScale();
  const dom = (p) => net.canvasToDOM(p);
  const nodes = [], index = {}, labels = [];
  let hidden = 0, hiddenNames = 0;
  for (const id of body.nodeIndices) {
    const n = body.nodes[id];
    if (!n || n.options.hidden) { continue; }
    const p = dom({ x: n.x, y: n.y });
    const shape = n.options.shape, half = (v) => (v || 2 * n.options.size) * scale / 2;
    const round = shape === 'dot' || shape === 'circle';
    const reach = { triangle: 1.15, triangleDown: 1.15, star: 1.1 }[shape] || 1;
    const box = ['box', 'ellipse', 'circle', 'database', 'text'].includes(shape);
    index[id] = nodes.length;
    nodes.push([p.x, p.y, box ? half(n.shape.width) : n.options.size * reach * scale,
                box ? half(n.shape.height) : n.options.size * reach * scale, round]);
    const m = n.labelModule;
    if (m && m.elementOptions.label && !m.visible()) { hidden += 1; hiddenNames += 1; }
    if (m && m.elementOptions.label && m.visible()) {
      const s = m.size, a = dom({ x: s.left, y: s.top });
      const b = dom({ x: s.left + s.width, y: s.top + s.height });
      labels.push({ kind: 'name', corners: [[a.x, a.y], [b.x, a.y], [b.x, b.y], [a.x, b.y]],
                    px: m.fontOptions.size * scale, owner: index[id], inside: box,
                    text: String(m.elementOptions.label) });
    }
  }
  const lines = [], lineIndex = {};
  for (const id of body.edgeIndices) {
    const e = body.edges[id];
    if (!e || !e.connected || e.options.hidden || !(e.fromId in index) || !(e.toId in index)) { continue; }
    lineIndex[id] = lines.length;
    const points = [];
    for (let k = 0; k <= 24; k++) { const p = dom(e.edgeType.getPoint(k / 24)); points.push([p.x, p.y]); }
    lines.push({ points: points, ends: [index[e.fromId], index[e.toId]] });
    const m = e.labelModule;
    if (m && m.elementOptions.label && !m.visible()) { hidden += 1; }
    if (m && m.elementOptions.label && m.visible()) {
      const s = m.size, c = dom({ x: s.left + s.width / 2, y: s.top + s.height / 2 });
      const w = s.width * scale / 2, h = s.height * scale / 2;
      let angle = 0;
      if (e.options.font.align !== 'horizontal') {
        const dy = e.from.y - e.to.y, dx = e.from.x - e.to.x;
        angle = Math.atan2(dy, dx);
        if ((angle < -1 && dx < 0) || (angle > 0 && dx < 0)) { angle += Math.PI; }
      }
      const cos = Math.cos(angle), sin = Math.sin(angle);
      const corners = [[-w, -h], [w, -h], [w, h], [-w, h]].map(
        ([x, y]) => [c.x + x * cos - y * sin, c.y + x * sin + y * cos]);
      labels.push({ kind: 'line', corners: corners, px: m.fontOptions.size * scale, owner: lineIndex[id],
                    inside: false, text: String(m.elementOptions.label) });
    }
  }
  if (root.relgraph.labels) {
    for (const l of root.relgraph.labels()) {
      const owner = l.kind === 'name' ? index[l.owner] : lineIndex[l.owner];
      const right = l.left + l.width, bottom = l.top + l.height;
      labels.push({ kind: l.kind, px: l.px, owner: owner, inside: false, text: l.text, textWidth: l.textWidth,
                    corners: [[l.left, l.top], [right, l.top], [right, bottom], [l.left, bottom]] });
    }
    const h = root.relgraph.hidden(); hidden += h.names + h.lines; hiddenNames += h.names;
  }
  return { width: canvas.clientWidth, height: canvas.clientHeight, scale: scale, nodes: nodes, lines: lines,
           labels: labels, hidden: hidden, hiddenNames: hiddenNames };
}"""
"""Run in a page (``page.evaluate(PROBE, selector)``): what vis-network and relgraph drew, in CSS pixels."""


def probe(page: Any, selector: str = ".relgraph-graph") -> Drawing:
    """The :class:`Drawing` of the relgraph graph (page or fragment) at ``selector`` in a browser page.

    ``page`` is anything with Playwright's ``evaluate(expression, arg)``. It
    works on any page that exposes its vis-network ``Network`` as
    ``element.relgraph.network`` (relgraph's, now and before this checker);
    labels relgraph draws itself come from ``element.relgraph.labels()``,
    labels vis-network draws from its label sizes (an edge label turned along
    its line is taken as its box turned by the line's angle).
    """
    raw = page.evaluate(PROBE, selector)
    nodes: list[Node] = [(float(x), float(y), float(hx), float(hy), bool(r))
                         for x, y, hx, hy, r in raw["nodes"]]
    lines = [_visible(line["points"], nodes[line["ends"][0]], nodes[line["ends"][1]])
             for line in raw["lines"]]
    labels = [Drawn(lb["kind"], [tuple(c) for c in lb["corners"]], float(lb["px"]), lb["owner"],
                    bool(lb["inside"]), lb["text"]) for lb in raw["labels"]]
    return Drawing(raw["width"], raw["height"], nodes, lines, labels, raw["hidden"], raw["scale"],
                   raw["hiddenNames"])


def _visible(points: list[list[float]], a: Node, b: Node) -> list[Point]:
    """A line's points outside its two nodes' shapes, where it shows."""
    from relgraph.render.geometry import trim

    polyline = [(float(x), float(y)) for x, y in points]
    return trim(trim(polyline, a), b, from_end=True)
