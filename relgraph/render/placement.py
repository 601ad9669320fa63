"""Where each label goes, and from which zoom on it shows: names never on names, lines or shapes.

Labels keep their size in CSS pixels while shapes and lines grow with the
zoom, as a map's names do. A name stands in one of 48 spots around its
actor (16 directions, nearest first: below, above, right, left, the corners,
then between them; at four distances, touching first); a line's label sits
on a point of its line (its middle, then 40%, 60%, 30% or 70% along). At a
larger scale a label's box shrinks, in canvas units, towards a fixed point
(where its direction leaves its actor; its anchor on its line), so a label
clear of everything at one scale is clear at every larger one: placement
keeps free the whole region its box sweeps (:func:`swept`).

:func:`place` works on a ladder of scales, a map's zoom levels. In the
caller's order of priority, names first, each label takes the lowest level
at which one of its spots meets no shape, no line (a line's label may sit on
its own line) and no label placed before it, stays within the canvas and,
for a name, stands nearer to its own actor than to any other (:data:`KIN`),
at that level and every larger one; two labels are tested at the larger of
their levels, where both first show.
The result, for each label, is that level and spot; the page draws at each
scale the labels whose level it has reached, so a name, once shown, stays
where it is as the reader zooms in.

>>> from relgraph.render.labels import node_label
>>> geometry = FrameGeometry(nodes=[(0.0, 0.0, 10.0, 10.0, True), (40.0, 0.0, 10.0, 10.0, True)],
...                          lines=[], line_ends=[], box=(20.0, 0.0, 300.0, 200.0))
>>> items = [Item("node", 0, node_label("Russia", None)), Item("node", 1, node_label("Turkey", None))]
>>> [(level, ANGLES[spot]) for level, spot in place(geometry, items, [0.5, 1.0, 2.0])]
[(0, 180), (0, 0)]

Side by side and close, each name goes on its own side, away from the other actor.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass, field

from relgraph.render.geometry import (
    Grid,
    Point,
    Rect,
    Region,
    convex_hull,
    rect_hits_node,
    segment_hits_rect,
)
from relgraph.render.labels import LabelText
from relgraph.render.view import PAD_X, PAD_Y

__all__ = ["ANGLES", "RINGS", "SPOTS", "STOPS", "FrameGeometry", "Item", "anchors", "label_box", "place",
           "spot_anchor", "swept"]

Node = tuple[float, float, float, float, bool]

ANGLES: tuple[float, ...] = (90, 270, 0, 180, 45, 135, 315, 225, 67.5, 112.5, 292.5, 247.5, 22.5, 157.5,
                             337.5, 202.5)
"""Directions (degrees, clockwise from the right, as y grows downwards) a name may take from its actor,
in order of preference: below, above, right, left, the corners, then between them."""

RINGS: tuple[float, ...] = (2.0, 8.0, 16.0, 26.0)
"""How far (CSS px) a name may stand off its actor's edge, nearest first: a hub ringed by lines may need
its name a little out, in the widest gap between them."""

SPOTS = len(ANGLES) * len(RINGS)

_UNITS = tuple((round(math.cos(math.radians(a)), 9), round(math.sin(math.radians(a)), 9)) for a in ANGLES)
"""Each direction as a unit vector, rounded so that cos(90 degrees) is 0, as the page has it."""

KIN = 8.0
"""A name keeps this many CSS pixels more between itself and any other actor than between itself and its
own, so that it is read as its own actor's."""

STOPS: tuple[float, ...] = (0.5, 0.4, 0.6, 0.3, 0.7)
"""Where along its line a line's label may sit, in order of preference."""


@dataclass(frozen=True)
class Item:
    """A label to place: a name (``kind="node"``, ``owner`` an index into the nodes) or a line's label."""

    kind: str
    owner: int
    text: LabelText


@dataclass
class FrameGeometry:
    """What one date draws, in canvas units: nodes ``(x, y, half width, half height, round)``, the visible
    part of each line (with the indices of its two nodes) and the scene's extent
    ``(cx, cy, width, height)``."""

    nodes: list[Node]
    lines: list[list[Point]]
    line_ends: list[tuple[int, int]]
    box: tuple[float, float, float, float]
    _grid: Grid | None = field(default=None, repr=False)
    _anchors: dict[int, list[Point]] = field(default_factory=dict, repr=False)

    def anchors(self, line: int) -> list[Point]:
        """The points of a line's label's spots (:data:`STOPS`), worked out once."""
        if line not in self._anchors:
            self._anchors[line] = anchors(self.lines[line])
        return self._anchors[line]


def label_box(geometry: FrameGeometry, item: Item, spot: int, scale: float) -> Rect:
    """The box of ``item``'s text at ``spot`` and ``scale``, in canvas units.

    A name at spot ``ring * len(ANGLES) + k`` stands in direction ``ANGLES[k]``
    from its actor, its nearest side ``RINGS[ring]`` pixels off the actor's
    edge, beyond the line tangent to it there.
    """
    w, h = item.text.width / scale, item.text.height / scale
    if item.kind != "node":
        x, y = geometry.anchors(item.owner)[spot]
        return (x - w / 2, y - h / 2, x + w / 2, y + h / 2)
    (ex, ey), (ux, uy) = _edge_point(geometry, item, spot)
    ring = spot // len(ANGLES)
    reach = (RINGS[ring] + abs(ux) * item.text.width / 2 + abs(uy) * item.text.height / 2) / scale
    cx, cy = ex + ux * reach, ey + uy * reach
    return (cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2)


def spot_anchor(geometry: FrameGeometry, item: Item, spot: int) -> tuple[float, float, float, float, float]:
    """What a renderer needs to draw ``item`` at ``spot`` at any scale: ``(x, y, ux, uy, ring)``.

    The label's box, in screen pixels, is centred at the screen point of
    canvas point (x, y), plus (ux, uy) times ``ring + |ux| w / 2 + |uy| h / 2``
    for a box ``w`` by ``h`` (see :func:`label_box`); a line's label has
    ``ux = uy = ring = 0``.
    """
    if item.kind != "node":
        x, y = geometry.anchors(item.owner)[spot]
        return (x, y, 0.0, 0.0, 0.0)
    (x, y), (ux, uy) = _edge_point(geometry, item, spot)
    return (x, y, ux, uy, RINGS[spot // len(ANGLES)])


def _edge_point(geometry: FrameGeometry, item: Item, spot: int) -> tuple[Point, Point]:
    """Where the direction of a name's spot leaves its actor's shape (or the line tangent to it), and
    that direction."""
    x, y, hx, hy, round_ = geometry.nodes[item.owner]
    ux, uy = _UNITS[spot % len(ANGLES)]
    edge = hx if round_ else abs(ux) * hx + abs(uy) * hy
    return (x + ux * edge, y + uy * edge), (ux, uy)


def swept(geometry: FrameGeometry, item: Item, spot: int, scale: float) -> Region:
    """Every point ``item``'s box covers at ``scale`` or any larger one: placement keeps it all free.

    The box shrinks towards a fixed point as the scale grows (a name
    towards where its direction leaves the actor; a line's label towards its
    anchor), so what it sweeps is the hull of its box and that point.
    """
    left, top, right, bottom = label_box(geometry, item, spot, scale)
    corners = [(left, top), (right, top), (right, bottom), (left, bottom)]
    if item.kind != "node":
        return Region(corners)
    return Region(convex_hull([*corners, _edge_point(geometry, item, spot)[0]]))


def anchors(points: Sequence[Point]) -> list[Point]:
    """The points of a polyline at each of :data:`STOPS` along its length."""
    if len(points) < 2:
        return [points[0] if points else (0.0, 0.0)] * len(STOPS)
    pieces = [math.dist(p, q) for p, q in itertools.pairwise(points)]
    total = sum(pieces) or 1.0
    out = []
    for stop in STOPS:
        want, k = stop * total, 0
        while k < len(pieces) - 1 and want > pieces[k]:
            want -= pieces[k]
            k += 1
        t = want / (pieces[k] or 1.0)
        (px, py), (qx, qy) = points[k], points[k + 1]
        out.append((px + (qx - px) * t, py + (qy - py) * t))
    return out


def _static(geometry: FrameGeometry) -> Grid:
    """A grid of the nodes (items ``0..n-1``) and lines (items ``n..``), built once per frame."""
    if geometry._grid is None:
        _, _, span_x, span_y = geometry.box
        grid = Grid(max(30.0, math.sqrt(span_x * span_y / max(len(geometry.nodes), 1))))
        for k, (x, y, hx, hy, _) in enumerate(geometry.nodes):
            grid.add_rect(k, (x - hx, y - hy, x + hx, y + hy))
        for k, points in enumerate(geometry.lines):
            grid.add_polyline(len(geometry.nodes) + k, points)
        geometry._grid = grid
    return geometry._grid


def _blocked(geometry: FrameGeometry, item: Item, text: Rect) -> bool:
    """A quick test on the text's own box, which the swept region holds: a shape or a line in it."""
    n = len(geometry.nodes)
    for k in _static(geometry).near(text):
        if k < n:
            if (item.kind != "node" or k != item.owner) and rect_hits_node(text, geometry.nodes[k]):
                return True
        elif item.kind == "node" or k - n != item.owner:
            points = geometry.lines[k - n]
            if any(segment_hits_rect(p, q, text) for p, q in itertools.pairwise(points)):
                return True
    return False


def _clear(geometry: FrameGeometry, item: Item, region: Region, scale: float) -> bool:
    """Whether a swept region stays in the canvas and clear of every shape and line (its own excepted)."""
    cx, cy, span_x, span_y = geometry.box
    half_x, half_y = span_x / 2 + PAD_X / scale, span_y / 2 + PAD_Y / scale
    box = region.box
    if box[0] < cx - half_x or box[2] > cx + half_x or box[1] < cy - half_y or box[3] > cy + half_y:
        return False
    n = len(geometry.nodes)
    for k in _static(geometry).near(box):
        if k < n:
            if (item.kind != "node" or k != item.owner) and region.hits_node(geometry.nodes[k]):
                return False
        elif item.kind == "node" or k - n != item.owner:
            points = geometry.lines[k - n]
            if any(region.hits_segment(p, q) for p, q in itertools.pairwise(points)):
                return False
    return True


class _Placed:
    """The labels placed so far: each one's level and spot, and its swept region at its level."""

    def __init__(self, geometry: FrameGeometry, items: Sequence[Item], scales: Sequence[float]) -> None:
        self.geometry, self.items, self.scales = geometry, items, scales
        self.grid = Grid(max(30.0, 60.0 / scales[len(scales) // 2])) if scales else Grid(60.0)
        self.at: dict[int, tuple[int, int, Region]] = {}

    def add(self, k: int, level: int, spot: int, region: Region) -> None:
        self.at[k] = (level, spot, region)
        self.grid.add_rect(k, region.box)

    def clear(self, k: int, level: int, spot: int, region: Region) -> bool:
        """Whether item ``k`` at ``level`` and ``spot`` meets no placed label at any scale both show at:
        each pair is tested at the larger of their two levels, where both first show."""
        for i in sorted(self.grid.near(region.box)):
            other_level, other_spot, other = self.at[i]
            if not region.hits_region(other):
                continue  # apart at their own levels, so at every larger scale too
            at = max(level, other_level)
            mine = region if at == level else swept(self.geometry, self.items[k], spot, self.scales[at])
            theirs = other if at == other_level else swept(self.geometry, self.items[i], other_spot,
                                                          self.scales[at])
            if mine.hits_region(theirs):
                return False
        return True


def _kin(geometry: FrameGeometry, item: Item, spot: int, scale: float, margin: float) -> bool:
    """Whether a name keeps ``margin`` (canvas units at ``scale``) from every other actor at ``scale`` and
    every larger one: the hull of its box grown by the margin and the point both shrink towards.

    The box alone is not enough: it moves towards that point as the scale
    grows, and can come nearer another actor on the way; a name that passed
    at one zoom level and failed at the next would break the halving in
    :func:`place` (and the page's promise that a name, once shown, stays).
    """
    left, top, right, bottom = label_box(geometry, item, spot, scale)
    left, top, right, bottom = left - margin, top - margin, right + margin, bottom + margin
    (ex, ey), _ = _edge_point(geometry, item, spot)
    bounds = (min(left, ex), min(top, ey), max(right, ex), max(bottom, ey))
    n = len(geometry.nodes)
    near = [k for k in _static(geometry).near(bounds)
            if k < n and k != item.owner and rect_hits_node(bounds, geometry.nodes[k])]
    if not near:
        return True
    region = Region(convex_hull([(left, top), (right, top), (right, bottom), (left, bottom), (ex, ey)]))
    return not any(region.hits_node(geometry.nodes[k]) for k in near)


def _fit(placed: _Placed, k: int, level: int, spots: range) -> tuple[int, Region] | None:
    """The first of ``spots`` where item ``k`` fits at ``level``, and its swept region."""
    geometry, item, scale = placed.geometry, placed.items[k], placed.scales[level]
    for spot in spots:
        # a name stands nearer to its own actor than to any other, so that it reads as that actor's
        margin = (RINGS[spot // len(ANGLES)] + KIN) / scale if item.kind == "node" else 0.0
        if _blocked(geometry, item, label_box(geometry, item, spot, scale)):
            continue
        if margin and not _kin(geometry, item, spot, scale, margin):
            continue
        region = swept(geometry, item, spot, scale)
        if _clear(geometry, item, region, scale) and placed.clear(k, level, spot, region):
            return spot, region
    return None


def place(geometry: FrameGeometry, items: Sequence[Item], scales: Sequence[float], *,
          spots: int = SPOTS) -> list[tuple[int, int]]:
    """For each item, ``(level, spot)``: the index into ``scales`` (ascending) from which it shows, and
    where; ``(-1, -1)`` for an item that fits at none.

    Items are placed one by one in the order given, names before line labels,
    each at the lowest level where one of its spots is clear of shapes, lines
    and the labels placed before it (as their levels show them); a label that
    fits at a level fits at every larger one, so the lowest is found by
    halving. ``spots`` limits the spots a name may take to the first ones (a
    graph of thousands of names tries fewer).
    """
    result = [(-1, -1)] * len(items)
    placed = _Placed(geometry, items, scales)
    for kind in ("node", "line"):
        tried = range(spots) if kind == "node" else range(len(STOPS))
        for k in (k for k, item in enumerate(items) if item.kind == kind):
            top = _fit(placed, k, len(scales) - 1, tried) if scales else None
            if top is None:
                continue
            low, high, best = 0, len(scales) - 1, (len(scales) - 1, top)
            while low < high:
                middle = (low + high) // 2
                found = _fit(placed, k, middle, tried)
                if found is None:
                    low = middle + 1
                else:
                    high, best = middle, (middle, found)
            level, (spot, region) = best
            result[k] = (level, spot)
            placed.add(k, level, spot, region)
    return result
