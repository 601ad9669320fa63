"""From a scene's dates to what label placement reads, and room made for every name.

For each date (a :class:`~relgraph.render.scene.Frame`) this builds the
geometry (:class:`~relgraph.render.placement.FrameGeometry`: shapes at the
date's sizes, the visible part of each line) and the labels to place, in
priority order: names of the focus first, then of the best connected, then
line labels, those touching the focus first, then the surest lines.

:func:`legible_positions` brings the layout to the figure's pixels at
:data:`~relgraph.render.view.DESIGN_WIDTH` (a report column of 900 px) and
makes room for every name of every date: each actor's shape and name are a
block, and :func:`relgraph.render.layout.relax` moves actors the least it
can until no blocks overlap and no line runs through another actor's
block; then names are placed as the page will place them, and an actor
whose name found no spot is moved to the nearest place where it does
(:data:`NUDGES`), up to :data:`FITTED_UP_TO` actors. Graphs of more than
:data:`SPREAD_UP_TO` actors keep the layout's positions: there, names show
as the reader zooms in, as on a map.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from relgraph.render.geometry import line_points, shape_half
from relgraph.render.labels import GAP, LabelText, line_label, node_label
from relgraph.render.placement import FrameGeometry, Item, place
from relgraph.render.view import DESIGN_WIDTH, MAX_ASPECT, PAD_X, PAD_Y, extent, fit, standalone_canvas_width

if TYPE_CHECKING:
    from relgraph.render.scene import Frame

__all__ = ["SPREAD_UP_TO", "frame_texts", "geometry_of", "items_of", "legible_positions", "zoom_levels"]

SPREAD_UP_TO = 300
FITTED_UP_TO = 60
"""Up to this many actors, placement is tried after each round and unnamed actors are moved until every
name fits; a larger graph gets one round of room-making, and the rest of its names show as one zooms in."""
ROUNDS = 3
NUDGED_UP_TO = 4
"""Actors moved one by one to find their name a spot, when so few are left without one."""
ASPECT = 0.7
"""A layout lower than this share of its width is stretched up and down to it, for room between names."""
PIXELS_PER_SPACING = 72.0
"""Pixels at the design width between an actor and its nearest ally, in a graph too large to make room in."""
LEVEL_STEP = 2 ** (1 / 6)
"""Zoom levels are this far apart (12%): a level's names show from a scale 12% below the next's."""

Node = tuple[float, float, float, float, bool]


def frame_texts(nodes: list[dict[str, Any]], frames: Sequence[Frame]) -> list[list[LabelText]]:
    """Each date's names, in the order of its nodes: the name, the role line, bold for the focus."""
    return [[node_label(nodes[i]["name"], frame.roles.get(i), focus=nodes[i]["focus"]) for i in frame.nodes]
            for frame in frames]


def _shapes(nodes: list[dict[str, Any]], frame: Frame) -> list[Node]:
    return [(nodes[i]["x"], nodes[i]["y"], *shape_half(nodes[i]["shape"], size))
            for i, size in zip(frame.nodes, frame.sizes, strict=True)]


def geometry_of(nodes: list[dict[str, Any]], lines: list[dict[str, Any]], frame: Frame,
                box: tuple[float, float, float, float]) -> FrameGeometry:
    """What ``frame`` draws, in canvas units, for :func:`relgraph.render.placement.place`."""
    shapes = _shapes(nodes, frame)
    local = {i: k for k, i in enumerate(frame.nodes)}
    ends = [(local[lines[j]["source"]], local[lines[j]["target"]]) for j in frame.lines]
    polylines = [line_points(shapes[a], shapes[b], lines[j]["curve"])
                 for (a, b), j in zip(ends, frame.lines, strict=True)]
    return FrameGeometry(shapes, polylines, ends, box)


def items_of(frame: Frame, texts: list[LabelText], lines: list[dict[str, Any]], focus: set[int], *,
             labelled: bool) -> list[Item]:
    """The labels of ``frame`` in priority order (see the module docstring); line labels if ``labelled``."""
    order = sorted(range(len(frame.nodes)), key=lambda k: (frame.nodes[k] not in focus, -frame.sizes[k],
                                                          texts[k].text))
    items = [Item("node", k, texts[k]) for k in order if texts[k].lines]
    if labelled:
        def rank(k: int) -> tuple[bool, float, str]:
            line = lines[frame.lines[k]]
            return (not ({line["source"], line["target"]} & focus), -line["width"], line["label"])

        items += [Item("line", k, line_label(lines[frame.lines[k]]["label"]))
                  for k in sorted(range(len(frame.lines)), key=rank)]
    return items


def zoom_levels(box: tuple[float, float, float, float], labels: float) -> list[float]:
    """The scales labels are placed at: around the one of the design width, and those of whole pages of
    600, 900 and 1400 px; coarser steps for graphs with many names, whose placement costs more."""
    design = fit(box, DESIGN_WIDTH).scale
    step, low, high = (LEVEL_STEP, -6, 13) if labels <= 400 else (LEVEL_STEP**2, -3, 7)
    scales = sorted({design * step**k for k in range(low, high)}
                    | {fit(box, standalone_canvas_width(w)).scale for w in (600, 900, 1400)})
    # one level for scales within 0.1% of each other
    return [x for k, x in enumerate(scales) if k == 0 or x > scales[k - 1] * 1.001]


def scene_box(nodes: list[dict[str, Any]], frames: Sequence[Frame], texts: list[list[LabelText]],
              rounds: int = 3) -> tuple[float, float, float, float]:
    """The extent of the scene with room for names: each node's shape, and its widest name centred under
    it, at the scale the design width gives (found by a few rounds, as the scale depends on the extent)."""
    scale = fit(extent((n["x"], n["y"], 0.0, 0.0) for n in nodes), DESIGN_WIDTH).scale
    box = extent(())
    for _ in range(rounds):
        halves: dict[int, tuple[float, float]] = {}
        for frame, labels in zip(frames, texts, strict=True):
            for k, (i, size) in enumerate(zip(frame.nodes, frame.sizes, strict=True)):
                node = nodes[i]
                hx, hy = shape_half(node["shape"], size)[:2]
                if labels[k].lines:
                    hx, hy = max(hx, labels[k].width / 2 / scale), hy + (labels[k].height + GAP) / scale
                old = halves.get(i, (0.0, 0.0))
                halves[i] = (max(old[0], hx), max(old[1], hy))
        box = extent((nodes[i]["x"], nodes[i]["y"], hx, hy) for i, (hx, hy) in sorted(halves.items()))
        scale = fit(box, DESIGN_WIDTH).scale
    return tuple(round(v, 3) for v in box)  # type: ignore[return-value]


def legible_positions(nodes: list[dict[str, Any]], lines: list[dict[str, Any]], frames: Sequence[Frame],
                      texts: list[list[LabelText]]) -> None:
    """Move nodes (their ``x`` and ``y``, in place) so that every name has room at the design width.

    The layout is brought to the figure's own pixels at the design width, a
    block is set around each actor for its shape and its name (on the side
    where its own lines leave most room), and :func:`relgraph.render.layout.relax`
    moves actors the least it can until no blocks overlap and no line runs
    through another actor's block. Larger graphs keep the layout's positions,
    brought to the same scale of shapes.
    """
    import numpy as np

    from relgraph.render.layout import SPACING, relax

    pos = np.array([[n["x"], n["y"]] for n in nodes], dtype=float).reshape(-1, 2)
    if len(nodes) > SPREAD_UP_TO or len(nodes) < 2:
        pos *= PIXELS_PER_SPACING / SPACING
        _store(nodes, pos)
    else:
        width = DESIGN_WIDTH - 2 * PAD_X
        span = max(float(np.ptp(pos[:, 0])), 1e-6)
        pos = (pos - pos.min(axis=0)) * min(0.8 * width / span, 1.5 * PIXELS_PER_SPACING / SPACING)
        # a report's column is wide, but a figure can be a good deal higher than a wide layout: use it
        high = float(np.ptp(pos[:, 1]))
        if high > 1e-6:
            pos[:, 1] *= max(1.0, ASPECT * float(np.ptp(pos[:, 0])) / high)
        pos[:, 0] += 0.1 * width
        pairs = np.array(sorted({(min(ln["source"], ln["target"]), max(ln["source"], ln["target"]))
                                 for ln in lines if ln["source"] != ln["target"]}), dtype=int).reshape(-1, 2)
        area = (width, MAX_ASPECT * DESIGN_WIDTH - 2 * PAD_Y)
        for _ in range(ROUNDS if len(nodes) <= FITTED_UP_TO else 1):
            pos = relax(pos, _blocks(nodes, frames, texts, pos, pairs), pairs, area)
            _store(nodes, pos)
            if len(nodes) > FITTED_UP_TO:
                return
            failed = _unnamed(nodes, lines, frames, texts)
            if not failed:
                return
            if len(failed) <= NUDGED_UP_TO and _nudge(nodes, lines, frames, texts, failed, area):
                return
            pos = np.array([[n["x"], n["y"]] for n in nodes], dtype=float)
    _store(nodes, pos)


APART = 6.0
"""Pixels (at the design width) an actor moved to give its name a place keeps from any other shape."""

NUDGES = tuple((r * math.cos(math.radians(a)), r * math.sin(math.radians(a)))
               for r in (12.0, 24.0, 40.0, 60.0, 85.0) for a in range(0, 360, 30))
"""Moves tried, in pixels at the design width, for an actor whose name finds no spot: nearest first."""


def _nudge(nodes: list[dict[str, Any]], lines: list[dict[str, Any]], frames: Sequence[Frame],
           texts: list[list[LabelText]], failed: set[int], area: tuple[float, float]) -> bool:
    """Move each unnamed actor by the smallest of :data:`NUDGES` that names it without unnaming another;
    whether every name then fits."""
    for i in sorted(failed):
        home = (nodes[i]["x"], nodes[i]["y"])
        box = scene_box(nodes, frames, texts)
        first: list[int] = []
        for dx, dy in NUDGES:
            x, y = home[0] + dx, home[1] + dy
            if not (0 <= x <= area[0] and 0 <= y <= area[1]):
                continue
            nodes[i]["x"], nodes[i]["y"] = float(round(x)), float(round(y))
            if not _apart(nodes, lines, frames, i):
                continue
            # dates without the node change only if the frame does
            only = i if scene_box(nodes, frames, texts) == box else None
            others = failed - {i}
            if not _unnamed(nodes, lines, frames, texts, others, only, first) - others:
                break
        else:
            nodes[i]["x"], nodes[i]["y"] = home
    return not _unnamed(nodes, lines, frames, texts)


def _apart(nodes: list[dict[str, Any]], lines: list[dict[str, Any]], frames: Sequence[Frame], i: int) -> bool:
    """Whether node ``i``, on every date it shows, keeps :data:`APART` pixels from every other shape and
    lies under no line of others."""
    from relgraph.render.geometry import rect_hits_node, segment_hits_rect

    for frame in frames:
        if i not in frame.nodes:
            continue
        shapes = _shapes(nodes, frame)
        k = frame.nodes.index(i)
        x, y, hx, hy, _ = shapes[k]
        room = (x - hx - APART, y - hy - APART, x + hx + APART, y + hy + APART)
        if any(j != k and rect_hits_node(room, shape) for j, shape in enumerate(shapes)):
            return False
        local = {n: m for m, n in enumerate(frame.nodes)}
        for j in frame.lines:
            a, b = local[lines[j]["source"]], local[lines[j]["target"]]
            box = (x - hx, y - hy, x + hx, y + hy)
            if k not in (a, b) and segment_hits_rect(shapes[a][:2], shapes[b][:2], box):
                return False
    return True


def _store(nodes: list[dict[str, Any]], pos: Any) -> None:
    # whole pixels: vis-network keeps only the integer part of a position (parseInt), and the label
    # boxes computed here must be where the page draws them
    for node, (x, y) in zip(nodes, pos, strict=True):
        node["x"], node["y"] = float(round(float(x))), float(round(float(y)))


def _unnamed(nodes: list[dict[str, Any]], lines: list[dict[str, Any]], frames: Sequence[Frame],
             texts: list[list[LabelText]], allowed: set[int] | None = None,
             only: int | None = None, first: list[int] | None = None) -> set[int]:
    """The nodes whose name finds no spot at the design width on some date (placed as the page will,
    on the ladder of zoom levels up to that width's); with ``allowed``, it stops at the first date with
    another one (enough to reject a move); with ``only``, it looks at the dates that show that node.

    Dates that draw the same are placed once. ``first`` lists dates (indices) to look at before the
    others; the date that stops a search goes to its head, as the likeliest to stop the next one.
    """
    box = scene_box(nodes, frames, texts)
    scale = fit(box, DESIGN_WIDTH).scale
    ladder = [x for x in zoom_levels(box, sum(len(f.nodes) for f in frames) / len(frames)) if x <= scale]
    focus = {i for i, node in enumerate(nodes) if node["focus"]}
    failed: set[int] = set()
    seen: set[tuple[Any, ...]] = set()
    ahead = first if first is not None else []
    for k in [*ahead, *(k for k in range(len(frames)) if k not in ahead)]:
        frame, labels = frames[k], texts[k]
        same = (tuple(frame.nodes), tuple(frame.sizes), tuple(frame.lines), tuple(labels))
        if (only is not None and only not in frame.nodes) or same in seen:
            continue
        seen.add(same)
        geometry = geometry_of(nodes, lines, frame, box)
        items = items_of(frame, labels, lines, focus, labelled=False)
        for item, (level, _) in zip(items, place(geometry, items, ladder), strict=True):
            if level < 0:
                failed.add(frame.nodes[item.owner])
        if allowed is not None and failed - allowed:
            if first is not None:
                first[:] = [k, *(j for j in first if j != k)]
            break
    return failed


def _blocks(nodes: list[dict[str, Any]], frames: Sequence[Frame], texts: list[list[LabelText]], pos: Any,
            pairs: Any) -> Any:
    """For each node, ``(dx, dy, half width, half height)``: the box around its shape and its widest name,
    set on the side (of eight) farthest from its own lines, in pixels at the design width."""
    import math

    import numpy as np

    from relgraph.render.placement import ANGLES

    size: dict[int, tuple[float, float]] = {}
    label: dict[int, tuple[float, float]] = {}
    for frame, labels in zip(frames, texts, strict=True):
        for k, (i, s) in enumerate(zip(frame.nodes, frame.sizes, strict=True)):
            hx, hy = shape_half(nodes[i]["shape"], s)[:2]
            size[i] = (max(size.get(i, (0, 0))[0], hx), max(size.get(i, (0, 0))[1], hy))
            if labels[k].lines:
                w, h = label.get(i, (0.0, 0.0))
                label[i] = (max(w, labels[k].width), max(h, labels[k].height))
    out = np.zeros((len(nodes), 4))
    for i in range(len(nodes)):
        hx, hy = size.get(i, (1.0, 1.0))
        box = [-hx, -hy, hx, hy]
        if i in label:
            w, h = label[i]
            own = [math.atan2(*(pos[j] - pos[i])[::-1]) for j in np.concatenate(
                [pairs[pairs[:, 0] == i, 1], pairs[pairs[:, 1] == i, 0]])]
            angle = max(ANGLES[:8], key=lambda a: min((abs((math.radians(a) - o + math.pi) % (2 * math.pi)
                                                            - math.pi) for o in own), default=math.pi))
            ux, uy = round(math.cos(math.radians(angle)), 9), round(math.sin(math.radians(angle)), 9)
            edge = max(hx, hy)
            reach = edge + GAP + abs(ux) * w / 2 + abs(uy) * h / 2
            cx, cy = ux * reach, uy * reach
            box = [min(box[0], cx - w / 2), min(box[1], cy - h / 2), max(box[2], cx + w / 2),
                   max(box[3], cy + h / 2)]
        out[i] = ((box[0] + box[2]) / 2, (box[1] + box[3]) / 2, (box[2] - box[0]) / 2, (box[3] - box[1]) / 2)
    return out
