"""How big a figure is drawn at a given width, and where each point of the scene lands on screen.

Positions (:mod:`relgraph.render.layout`) are in *canvas units*; the page
shows them at a **scale** (screen pixels per canvas unit) that fits the
whole scene in its canvas. Shapes and lines grow with the scale; names are
drawn at a fixed size in CSS pixels, as on a map, so a narrow column shows
fewer of them (:mod:`relgraph.render.labels`). The page's script computes the
canvas height and the scale with the same formulas as :func:`fit`, so the
legibility checker (:mod:`relgraph.render.legibility`) measures what the page
draws; a browser test holds the two together.

The canvas takes the width of its figure and a height that follows the
scene's shape (a wide scene gives a low canvas), between
:data:`MIN_HEIGHT` and :data:`MAX_ASPECT` times its width.

>>> view = fit((0.0, 0.0, 1000.0, 500.0), 874)
>>> round(view.scale, 3), view.height
(0.794, 437)
>>> standalone_canvas_width(900), standalone_canvas_width(2000)
(874, 1374)
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

__all__ = ["DESIGN_WIDTH", "MAX_SCALE", "PAD_X", "PAD_Y", "View", "extent", "fit", "standalone_canvas_width"]

PAD_X = 40.0
"""Screen pixels kept free left and right of the scene's extent (which holds the names as they are drawn
at the design width)."""
PAD_Y = 20.0
"""Screen pixels kept free above and below."""
MIN_HEIGHT = 320
MAX_ASPECT = 0.85
"""The canvas is at most this many times as high as it is wide."""
MAX_SCALE = 2.0
"""A graph of two actors is not blown up beyond this."""
MIN_SPAN = 240.0
"""A scene narrower than this (in canvas units) is framed as if it were this wide."""

DESIGN_WIDTH = 840
"""The canvas width (CSS pixels) that layouts are made to name every actor at: a report column of 900 px."""

PAGE_MAX_WIDTH = 1400
PAGE_PADDING = 12
BORDER = 1


@dataclass(frozen=True)
class View:
    """A canvas of ``width`` x ``height`` CSS pixels showing canvas point (``cx``, ``cy``) at its centre."""

    width: int
    height: int
    scale: float
    cx: float
    cy: float

    def screen(self, x: float, y: float) -> tuple[float, float]:
        """Where canvas point (x, y) lands, in CSS pixels from the canvas' top left corner."""
        return ((x - self.cx) * self.scale + self.width / 2, (y - self.cy) * self.scale + self.height / 2)


def extent(points: Iterable[tuple[float, float, float, float]]) -> tuple[float, float, float, float]:
    """The box ``(cx, cy, width, height)`` that holds every shape ``(x, y, half width, half height)``."""
    boxes = list(points)
    if not boxes:
        return (0.0, 0.0, MIN_SPAN, MIN_SPAN)
    left = min(x - hx for x, _, hx, _ in boxes)
    right = max(x + hx for x, _, hx, _ in boxes)
    top = min(y - hy for _, y, _, hy in boxes)
    bottom = max(y + hy for _, y, _, hy in boxes)
    return ((left + right) / 2, (top + bottom) / 2, max(right - left, MIN_SPAN),
            max(bottom - top, MIN_SPAN / 2))


def fit(box: tuple[float, float, float, float], width: int) -> View:
    """The view of a canvas ``width`` CSS pixels wide that frames ``box`` (from :func:`extent`).

    The page's script (``fitView`` in ``templates/relgraph-script.html``) does the same.
    """
    cx, cy, span_x, span_y = box
    inner = max(width - 2 * PAD_X, 40.0)
    natural = inner * span_y / span_x + 2 * PAD_Y
    height = round(min(max(natural, MIN_HEIGHT), max(MAX_ASPECT * width, MIN_HEIGHT)))
    scale = min(inner / span_x, max(height - 2 * PAD_Y, 40.0) / span_y, MAX_SCALE)
    return View(width, height, scale, cx, cy)


def standalone_canvas_width(page_width: int) -> int:
    """The canvas width of a whole page (not a fragment) in a window ``page_width`` CSS pixels wide.

    The page is at most :data:`PAGE_MAX_WIDTH` wide, with padding and the canvas' border inside.
    """
    return min(page_width, PAGE_MAX_WIDTH) - 2 * PAGE_PADDING - 2 * BORDER
