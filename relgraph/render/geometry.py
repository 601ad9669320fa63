"""Shapes, lines and boxes as the page draws them, and the tests that label placement and the checker share.

Everything here works in one coordinate system at a time (canvas units, or
CSS pixels once scaled); boxes are ``(left, top, right, bottom)``.

>>> segment_hits_rect((0, 0), (10, 10), (4, 4, 6, 6)), segment_hits_rect((0, 0), (10, 0), (4, 4, 6, 6))
(True, False)
>>> shape_half("dot", 10.0), shape_half("box", 10.0)
((10.0, 10.0, True), (13.0, 8.0, False))
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable, Iterator, Sequence

__all__ = [
    "Grid",
    "Point",
    "Polygon",
    "Rect",
    "Region",
    "convex_hull",
    "curve_via",
    "line_points",
    "polygon_hits_node",
    "polygon_hits_polygon",
    "rect_hits_node",
    "rect_hits_rect",
    "segment_hits_rect",
    "shape_half",
    "trim",
]

Point = tuple[float, float]
Rect = tuple[float, float, float, float]
Polygon = list[Point]
"""A convex polygon, its corners in order."""

_POLYGON_REACH = {"triangle": 1.15, "triangleDown": 1.15, "star": 1.1}
"""How far vis-network's polygons reach beyond their ``size``, as a share of it."""


def shape_half(shape: str, size: float) -> tuple[float, float, bool]:
    """Half width and half height of a node of vis-network ``shape`` and ``size``, and whether it is round.

    ``box`` (agreements) and ``ellipse`` (meetings) are drawn at a fixed size
    here, not around a label: names are drawn beside every shape alike.
    """
    if shape == "dot":
        return (size, size, True)
    if shape in ("box", "ellipse"):
        return (1.3 * size, 0.8 * size, False)
    reach = _POLYGON_REACH.get(shape, 1.0) * size
    return (reach, reach, False)


def rect_hits_rect(a: Rect, b: Rect) -> bool:
    """Whether two boxes overlap (touching edges do not count)."""
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def rect_hits_node(rect: Rect, node: tuple[float, float, float, float, bool]) -> bool:
    """Whether a box overlaps a node ``(x, y, half width, half height, round)``."""
    x, y, hx, hy, round_ = node
    if not rect_hits_rect(rect, (x - hx, y - hy, x + hx, y + hy)):
        return False
    if not round_:
        return True
    nearest_x = min(max(x, rect[0]), rect[2])
    nearest_y = min(max(y, rect[1]), rect[3])
    return (nearest_x - x) ** 2 + (nearest_y - y) ** 2 < hx * hx


def segment_hits_rect(p: Point, q: Point, rect: Rect) -> bool:
    """Whether the segment from ``p`` to ``q`` passes through the inside of a box (Liang-Barsky)."""
    left, top, right, bottom = rect
    if max(p[0], q[0]) <= left or min(p[0], q[0]) >= right:
        return False
    if max(p[1], q[1]) <= top or min(p[1], q[1]) >= bottom:
        return False
    dx, dy = q[0] - p[0], q[1] - p[1]
    low, high = 0.0, 1.0
    for step, gap in ((-dx, p[0] - left), (dx, right - p[0]), (-dy, p[1] - top), (dy, bottom - p[1])):
        if step == 0:
            if gap <= 0:
                return False
            continue
        t = gap / step
        if step < 0:
            low = max(low, t)
        else:
            high = min(high, t)
        if low >= high:
            return False
    return True


def convex_hull(points: list[Point]) -> Polygon:
    """The convex hull of ``points``, counter-clockwise as the page's y grows downwards (Andrew's chain).

    >>> convex_hull([(0, 0), (2, 0), (2, 2), (0, 2), (1, 1), (1, 3)])
    [(0, 0), (2, 0), (2, 2), (1, 3), (0, 2)]
    """
    pts = sorted(set(points))
    if len(pts) < 3:
        return pts

    def turn(o: Point, a: Point, b: Point) -> float:
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])

    lower: list[Point] = []
    upper: list[Point] = []
    for p in pts:
        while len(lower) >= 2 and turn(lower[-2], lower[-1], p) <= 0:
            lower.pop()
        lower.append(p)
    for p in reversed(pts):
        while len(upper) >= 2 and turn(upper[-2], upper[-1], p) <= 0:
            upper.pop()
        upper.append(p)
    return lower[:-1] + upper[:-1]


def _axes(polygon: Polygon) -> list[Point]:
    return [(b[1] - a[1], a[0] - b[0]) for a, b in zip(polygon, polygon[1:] + polygon[:1], strict=True)
            if a != b]


def _apart(a: Sequence[Point], b: Sequence[Point], axes: Iterable[Point]) -> bool:
    """Whether some axis separates the point sets ``a`` and ``b`` (touching counts as apart)."""
    for ax, ay in axes:
        pa = [x * ax + y * ay for x, y in a]
        pb = [x * ax + y * ay for x, y in b]
        if max(pa) <= min(pb) or max(pb) <= min(pa):
            return True
    return False


def polygon_hits_polygon(a: Polygon, b: Polygon) -> bool:
    """Whether two convex polygons overlap (separating axis test)."""
    return not _apart(a, b, _axes(a) + _axes(b))


def polygon_hits_node(polygon: Polygon, node: tuple[float, float, float, float, bool]) -> bool:
    """Whether a convex polygon overlaps a node ``(x, y, half width, half height, round)``."""
    x, y, hx, hy, round_ = node
    square = [(x - hx, y - hy), (x + hx, y - hy), (x + hx, y + hy), (x - hx, y + hy)]
    if not polygon_hits_polygon(polygon, square):
        return False
    if not round_:
        return True
    # a circle: the polygon holds its centre, or one of its sides comes nearer than the radius
    if not _apart(polygon, [(x, y)], _axes(polygon)):
        return True
    for (ax, ay), (bx, by) in zip(polygon, polygon[1:] + polygon[:1], strict=True):
        dx, dy = bx - ax, by - ay
        t = max(0.0, min(1.0, ((x - ax) * dx + (y - ay) * dy) / ((dx * dx + dy * dy) or 1.0)))
        if (ax + t * dx - x) ** 2 + (ay + t * dy - y) ** 2 < hx * hx:
            return True
    return False


class Region:
    """A convex polygon ready for many tests: its bounding box, and its sides' normals with its extent
    along each (the separating axis test, with what does not change worked out once)."""

    __slots__ = ("axes", "box", "points", "spans", "upright")

    def __init__(self, points: Polygon) -> None:
        self.points = points
        xs, ys = [p[0] for p in points], [p[1] for p in points]
        self.box: Rect = (min(xs), min(ys), max(xs), max(ys))
        self.axes = _axes(points)
        projections = ([x * ax + y * ay for x, y in points] for ax, ay in self.axes)
        self.spans = [(min(v), max(v)) for v in projections]
        self.upright = len(points) == 4 and all(ax * ay == 0 for ax, ay in self.axes)

    def _outside(self, points: Sequence[Point]) -> bool:
        for (ax, ay), (low, high) in zip(self.axes, self.spans, strict=True):
            values = [x * ax + y * ay for x, y in points]
            if max(values) <= low or min(values) >= high:
                return True
        return False

    def hits_segment(self, p: Point, q: Point) -> bool:
        """Whether the segment ``p``-``q`` passes through the inside."""
        if not segment_hits_rect(p, q, self.box):
            return False
        if self.upright:
            return True  # an upright box: the test above was exact
        if self._outside((p, q)):
            return False
        nx, ny = q[1] - p[1], p[0] - q[0]
        at = p[0] * nx + p[1] * ny
        values = [x * nx + y * ny for x, y in self.points]
        return not (max(values) <= at or min(values) >= at)

    def hits_region(self, other: Region) -> bool:
        """Whether two regions overlap."""
        if not rect_hits_rect(self.box, other.box):
            return False
        return not (self._outside(other.points) or other._outside(self.points))

    def hits_node(self, node: tuple[float, float, float, float, bool]) -> bool:
        """Whether the region overlaps a node ``(x, y, half width, half height, round)``."""
        x, y, hx, hy, _ = node
        if not rect_hits_rect(self.box, (x - hx, y - hy, x + hx, y + hy)):
            return False
        return polygon_hits_node(self.points, node)


def curve_via(a: Point, b: Point, roundness: float) -> Point:
    """The control point vis-network gives a ``curvedCW`` (roundness > 0) or ``curvedCCW`` (< 0) edge."""
    dx, dy = b[0] - a[0], a[1] - b[1]
    length = math.hypot(dx, dy)
    factor = 0.5 * abs(roundness) + 0.5
    turn = (0.5 * abs(roundness) + 0.5) if roundness > 0 else (0.5 * -abs(roundness) + 0.5)
    angle = (math.atan2(dy, dx) + turn * math.pi) % (2 * math.pi)
    return (a[0] + factor * length * math.sin(angle), a[1] + factor * length * math.cos(angle))


def _inside(point: Point, node: tuple[float, float, float, float, bool]) -> bool:
    x, y, hx, hy, round_ = node
    if round_:
        return (point[0] - x) ** 2 + (point[1] - y) ** 2 < hx * hx
    return abs(point[0] - x) < hx and abs(point[1] - y) < hy


def line_points(a: tuple[float, float, float, float, bool], b: tuple[float, float, float, float, bool],
                curve: float = 0.0, steps: int = 16) -> list[Point]:
    """The visible part of a line between nodes ``a`` and ``b`` (as in :func:`rect_hits_node`): outside both.

    A straight line is two points; a bent one (``curve``, see :func:`curve_via`)
    a polyline of ``steps`` pieces.
    """
    start, end = (a[0], a[1]), (b[0], b[1])
    if curve:
        via = curve_via(start, end, curve)
        points = [((1 - t) ** 2 * start[0] + 2 * (1 - t) * t * via[0] + t * t * end[0],
                   (1 - t) ** 2 * start[1] + 2 * (1 - t) * t * via[1] + t * t * end[1])
                  for t in (k / steps for k in range(steps + 1))]
    else:
        points = [start, end]
    return trim(trim(points, a), b, from_end=True)


def trim(points: list[Point], node: tuple[float, float, float, float, bool],
         from_end: bool = False) -> list[Point]:
    """Cut ``points`` where they leave ``node`` (at the start, or at the end), by bisection on the piece."""
    seq = points[::-1] if from_end else list(points)
    k = 0
    while k < len(seq) - 1 and _inside(seq[k + 1], node):
        k += 1
    if k >= len(seq) - 1 or not _inside(seq[k], node):
        out = seq[k:]
    else:
        inside, outside = seq[k], seq[k + 1]
        for _ in range(24):
            middle = ((inside[0] + outside[0]) / 2, (inside[1] + outside[1]) / 2)
            inside, outside = (middle, outside) if _inside(middle, node) else (inside, middle)
        out = [outside, *seq[k + 1:]]
    return out[::-1] if from_end else out


class Grid:
    """A uniform grid of cells ``size`` wide, each listing the items whose box or segment passes through
    it."""

    def __init__(self, size: float) -> None:
        self.size = size
        self.cells: dict[tuple[int, int], list[int]] = {}

    def _range(self, rect: Rect) -> Iterator[tuple[int, int]]:
        s = self.size
        for i in range(math.floor(rect[0] / s), math.floor(rect[2] / s) + 1):
            for j in range(math.floor(rect[1] / s), math.floor(rect[3] / s) + 1):
                yield i, j

    def add_rect(self, item: int, rect: Rect) -> None:
        for cell in self._range(rect):
            self.cells.setdefault(cell, []).append(item)

    def add_polyline(self, item: int, points: Sequence[Point]) -> None:
        seen: set[tuple[int, int]] = set()
        for p, q in itertools.pairwise(points):
            seen.update(self._walk(p, q))
        for cell in seen:
            self.cells.setdefault(cell, []).append(item)

    def _walk(self, p: Point, q: Point) -> Iterable[tuple[int, int]]:
        """Every cell the segment passes through (Amanatides and Woo), with its neighbours across corners."""
        s = self.size
        i, j = math.floor(p[0] / s), math.floor(p[1] / s)
        end = (math.floor(q[0] / s), math.floor(q[1] / s))
        dx, dy = q[0] - p[0], q[1] - p[1]
        step_i, step_j = (1 if dx > 0 else -1), (1 if dy > 0 else -1)
        t_max_x = ((i + (step_i > 0)) * s - p[0]) / dx if dx else math.inf
        t_max_y = ((j + (step_j > 0)) * s - p[1]) / dy if dy else math.inf
        t_dx = abs(s / dx) if dx else math.inf
        t_dy = abs(s / dy) if dy else math.inf
        cells = [(i, j)]
        for _ in range(abs(end[0] - i) + abs(end[1] - j) + 2):
            if (i, j) == end:
                break
            if t_max_x < t_max_y:
                i, t_max_x = i + step_i, t_max_x + t_dx
            elif t_max_y < t_max_x:
                j, t_max_y = j + step_j, t_max_y + t_dy
            else:  # through a corner: take both neighbours too
                cells += [(i + step_i, j), (i, j + step_j)]
                i, j = i + step_i, j + step_j
                t_max_x, t_max_y = t_max_x + t_dx, t_max_y + t_dy
            cells.append((i, j))
        return cells

    def near(self, rect: Rect) -> set[int]:
        """The items listed in any cell ``rect`` touches."""
        out: set[int] = set()
        for cell in self._range(rect):
            out.update(self.cells.get(cell, ()))
        return out
