"""A signed, deterministic layout: allies sit close, adversaries far apart, the same picture every time.

The layout is a force model in the manner of Fruchterman and Reingold,
changed for signed ties. Every pair of actors repels; a pair whose relations
are positive on balance is pulled together; a pair whose relations are
negative on balance is held by a spring three times longer than the spacing
of allies, so foes keep their distance without being flung off the page;
neutral ties (talks, attendance) pull a little, so a meeting stays near its
attendees. Agreements, resolutions and meetings take no side, as in the
analysis (:mod:`relgraph.analysis.ties`): every relation with one pulls as a
neutral tie does, whatever its sign, so a deal sits among those who broker,
join or undermine it, and a vetoed draft is not held away from its vetoer as
an enemy would be.

A pair's balance adds up each of its relations once, ``sign * confidence``,
events counting half (they are moments, stances hold). For a time series the
layout is computed once, on the union of every date's graph, so that actors
keep their place while relations come and go.

Groups with no tie between them are laid out apart and packed in columns
beside the largest, so a stray pair does not squeeze the rest. Starting points come
from a seeded generator and nodes are taken in sorted order, so the same
data gives the same positions. Beyond a few hundred actors, repulsion is
limited to each actor's nearest neighbours (found with a k-d tree), which
keeps the cost of a step near linear, as in the "grid" variant of the
original.

>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> for i, (u, v, sign) in enumerate([("a", "b", 1), ("c", "d", 1), ("a", "c", -1), ("b", "d", -1)]):
...     _ = g.add_edge(u, v, key=str(i), sign=sign, confidence=1.0, kind="stance")
>>> pos = signed_layout(g)
>>> pos == signed_layout(g)
True
>>> dist = lambda u, v: ((pos[u][0] - pos[v][0]) ** 2 + (pos[u][1] - pos[v][1]) ** 2) ** 0.5
>>> dist("a", "b") < dist("a", "c") and dist("c", "d") < dist("b", "d")
True
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import networkx as nx
    import numpy as np

__all__ = ["SEED", "SPACING", "relax", "signed_layout"]

SEED = 20161220

SPACING = 120.0
"""Typical distance, in page pixels, between an actor and its nearest neighbour."""

_DENSE_UP_TO = 600
_NEIGHBOURS = 16
_NEUTRAL_PULL = 0.3
_FOE_LENGTH = 3.0
_FOE_STIFFNESS = 3.0
_GRAVITY = 0.05
EVEN_OUT = 0.5


def signed_layout(graphs: nx.MultiDiGraph | Iterable[nx.MultiDiGraph], *, seed: int = SEED,
                  iterations: int | None = None) -> dict[str, tuple[float, float]]:
    """Positions in page pixels (y down) for every actor of ``graphs``: one snapshot graph or several.

    Edges need ``sign``, ``confidence`` and ``kind`` (see :mod:`relgraph.snapshot`).
    """
    import networkx as nx
    import numpy as np
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    series = [graphs] if isinstance(graphs, nx.Graph) else list(graphs)
    nodes = sorted({n for g in series for n in g.nodes})
    if not nodes:
        return {}
    index = {n: i for i, n in enumerate(nodes)}
    ties = _balances(series, index)
    n = len(nodes)
    links = coo_matrix((np.ones(len(ties)), (ties[:, 0].astype(int), ties[:, 1].astype(int))), shape=(n, n))
    _, labels = connected_components(links, directed=False)
    groups = sorted((np.flatnonzero(labels == label) for label in np.unique(labels)),
                    key=lambda members: (-len(members), members[0]))
    placed = []
    for members in groups:
        local = np.full(n, -1)
        local[members] = np.arange(len(members))
        mine = ties[np.isin(ties[:, 0].astype(int), members)]
        mine[:, :2] = local[mine[:, :2].astype(int)]
        placed.append(_landscape(_even_out(_landscape(_forces(len(members), mine, seed, iterations)))))
    pos = np.zeros((n, 2))
    for members, shape, offset in zip(groups, placed, _pack(placed), strict=True):
        pos[members] = shape + offset
    pos *= SPACING
    return {node: (round(float(x), 1), round(float(y), 1)) for node, (x, y) in zip(nodes, pos, strict=True)}


def _balances(series: list[nx.MultiDiGraph], index: dict[str, int]) -> np.ndarray:
    """Rows ``(i, j, balance, neutral)``, one per pair of actors with a relation, ``i < j``; a relation with
    a deal counts as neutral whatever its sign."""
    import numpy as np

    from relgraph.model import DEAL_KINDS

    deals = {n for graph in series for n, kind in graph.nodes(data="kind") if kind in DEAL_KINDS}
    seen: set[tuple[str, str, str]] = set()
    pairs: dict[tuple[int, int], list[float]] = {}
    for graph in series:
        # in sorted order, so that sums come out the same to the last bit whatever the store's order
        for u, v, key, attrs in sorted(graph.edges(keys=True, data=True), key=lambda e: e[:3]):
            if (u, v, key) in seen or u == v:
                continue
            seen.add((u, v, key))
            totals = pairs.setdefault((min(index[u], index[v]), max(index[u], index[v])), [0.0, 0.0])
            weight = attrs["confidence"] * (0.5 if attrs["kind"] == "event" else 1.0)
            if attrs["sign"] and u not in deals and v not in deals:
                totals[0] += attrs["sign"] * weight
            else:
                totals[1] += weight
    return np.array([(i, j, s, z) for (i, j), (s, z) in sorted(pairs.items())], dtype=float).reshape(-1, 4)


def _forces(n: int, ties: np.ndarray, seed: int, iterations: int | None) -> np.ndarray:
    """Positions of one connected group, in units of the allies' spacing."""
    import numpy as np

    if n == 1:
        return np.zeros((1, 2))
    i, j = ties[:, 0].astype(int), ties[:, 1].astype(int)
    balance, neutral = ties[:, 2], ties[:, 3]
    # a pair's pull saturates, so that a pair tied five ways is not crushed into one point
    pull = np.minimum(np.maximum(balance, 0.0), 1.5) + _NEUTRAL_PULL * neutral
    foe = np.minimum(np.maximum(-balance, 0.0), 1.5)
    pos = np.random.default_rng(seed).uniform(-1.0, 1.0, size=(n, 2)) * np.sqrt(n)
    # with repulsion cut off at short range, the pull to the centre would pack nodes ever tighter
    gravity = _GRAVITY if n <= _DENSE_UP_TO else 0.0
    steps = iterations if iterations is not None else _iterations(n)
    for step in range(steps):
        temperature = 0.1 * np.sqrt(n) * (1 - step / steps) + 0.01
        force = (_repulsion(pos)
                 + _pairwise(pos, i, j, lambda d: -d * pull)
                 + _pairwise(pos, i, j, lambda d: _FOE_STIFFNESS * foe * (_FOE_LENGTH - d))
                 - gravity * pos)
        length = np.maximum(np.linalg.norm(force, axis=1, keepdims=True), 1e-9)
        pos += force / length * np.minimum(length, temperature)
    return pos


def _iterations(n: int) -> int:
    return 300 if n <= _DENSE_UP_TO else max(100, int(300 * (_DENSE_UP_TO / n) ** 0.5))


def _repulsion(pos: np.ndarray) -> np.ndarray:
    """Every pair pushes apart with force 1/d; in large groups, only each node's nearest neighbours."""
    import numpy as np

    if len(pos) <= _DENSE_UP_TO:
        delta = pos[:, None, :] - pos[None, :, :]
    else:
        from scipy.spatial import cKDTree

        _, near = cKDTree(pos).query(pos, k=_NEIGHBOURS + 1)
        delta = pos[:, None, :] - pos[near[:, 1:]]
    dist2 = np.maximum((delta**2).sum(axis=2), 1e-4)
    return (delta / dist2[:, :, None]).sum(axis=1)


def _pairwise(pos: np.ndarray, i: np.ndarray, j: np.ndarray,
              strength: Callable[[np.ndarray], np.ndarray]) -> np.ndarray:
    """For each pair, a force ``strength(d)`` along the line from j to i, given to i and taken from j."""
    import numpy as np

    out = np.zeros_like(pos)
    if not len(i):
        return out
    delta = pos[i] - pos[j]
    dist = np.maximum(np.sqrt((delta**2).sum(axis=1)), 1e-2)
    push = delta / dist[:, None] * strength(dist)[:, None]
    for axis in (0, 1):
        out[:, axis] += np.bincount(i, push[:, axis], minlength=len(pos))
        out[:, axis] -= np.bincount(j, push[:, axis], minlength=len(pos))
    return out


def _even_out(pos: np.ndarray, alpha: float = EVEN_OUT) -> np.ndarray:
    """Spread crowded parts and draw in sparse ones: each coordinate moves ``alpha`` of the way to where
    its rank along that axis would put it on an even scale. Order along each axis is kept, so who is
    left of, or above, whom does not change; a tight core of allies gets room for its names."""
    import numpy as np

    n = len(pos)
    if n < 4:
        return pos
    out = pos.copy()
    for axis in (0, 1):
        values = pos[:, axis]
        ranks = np.empty(n)
        ranks[np.argsort(values, kind="stable")] = np.arange(n)
        even = (ranks / (n - 1) - 0.5) * (values.max() - values.min()) + (values.max() + values.min()) / 2
        out[:, axis] = (1 - alpha) * values + alpha * even
    return out


def _landscape(pos: np.ndarray) -> np.ndarray:
    """Centre, turn the long axis horizontal, fix the mirror image, and scale to unit spacing."""
    import numpy as np
    from scipy.spatial import cKDTree

    pos = pos - pos.mean(axis=0)
    if len(pos) < 2:
        return pos
    if len(pos) > 2:
        _, vectors = np.linalg.eigh(np.cov(pos.T))
        pos = pos @ vectors[:, ::-1]
    # eigenvectors have no preferred sign: put the heavier side left and up, so that the picture
    # does not depend on what the platform's linear algebra returns
    pos = pos * np.where((pos**3).sum(axis=0) > 0, -1.0, 1.0)
    nearest = cKDTree(pos).query(pos, k=2)[0][:, 1]
    return pos / max(float(np.median(nearest)), 1e-6)


def _pack(shapes: list[np.ndarray]) -> list[np.ndarray]:
    """Offsets that put the first group at the origin and the others in columns beside it, on its right.

    Small groups go beside the main one, not below it: a figure is wider than
    it is high, and a stray pair below would add height that the main group,
    drawn smaller to fit, pays for.
    """
    import numpy as np

    gap = 1.2
    first = shapes[0]
    top = first[:, 1].min()
    height = max(first[:, 1].max() - top, 3.0)
    x, y, column = first[:, 0].max() + 1.5 * gap, top, 0.0
    offsets = [np.zeros(2)]
    for shape in shapes[1:]:
        low, high = shape.min(axis=0), shape.max(axis=0)
        if y > top and y + (high[1] - low[1]) > top + height:
            x, y, column = x + column + gap, top, 0.0
        offsets.append(np.array([x - low[0], y - low[1]]))
        y += high[1] - low[1] + gap
        column = max(column, high[0] - low[0])
    return offsets


def relax(pos: np.ndarray, blocks: np.ndarray, lines: np.ndarray, area: tuple[float, float],
          iterations: int = 400) -> np.ndarray:
    """Positions near ``pos`` where no two blocks overlap and no line crosses a block it does not end at.

    ``blocks`` holds, for each node, ``(dx, dy, half width, half height)``: a
    box around the node and the place kept for its name, offset from it.
    ``lines`` are pairs of node indices. Everything is in the figure's pixels
    at its design width, and the result stays within ``area`` (width,
    greatest height). A crowded pair of blocks is pushed apart along the axis
    where they overlap least; a block too near a line moves off it at right
    angles and the line's ends the other way (the edge-node repulsion of
    PrEd); a weak pull back to ``pos`` keeps the picture the layout made.
    """
    import numpy as np

    n = len(pos)
    anchor = pos.astype(float)
    out = anchor.copy()
    if n < 2:
        return out
    index = np.arange(n)
    tie = np.sign(index[:, None] - index[None, :]).astype(float)
    a, b = (lines[:, 0], lines[:, 1]) if len(lines) else (np.zeros(0, int), np.zeros(0, int))
    foreign = np.ones((n, len(lines)), dtype=bool)
    foreign[a, np.arange(len(lines))] = False
    foreign[b, np.arange(len(lines))] = False
    half = blocks[:, 2:]
    for _ in range(iterations):
        centre = out + blocks[:, :2]
        dx = centre[:, None, 0] - centre[None, :, 0]
        dy = centre[:, None, 1] - centre[None, :, 1]
        over_x = half[:, None, 0] + half[None, :, 0] + 2 - np.abs(dx)
        over_y = half[:, None, 1] + half[None, :, 1] + 2 - np.abs(dy)
        overlap = (over_x > 0) & (over_y > 0)
        np.fill_diagonal(overlap, False)
        sideways = over_x < over_y
        move = np.zeros_like(out)
        side_x, side_y = np.where(dx != 0, np.sign(dx), tie), np.where(dy != 0, np.sign(dy), tie)
        move[:, 0] = np.where(overlap & sideways, over_x / 2 * side_x, 0).sum(axis=1)
        move[:, 1] = np.where(overlap & ~sideways, over_y / 2 * side_y, 0).sum(axis=1)
        crossed = False
        if len(lines):
            ab = out[b] - out[a]
            length = np.maximum(np.sqrt((ab**2).sum(axis=1)), 1e-9)
            normal = np.stack([-ab[:, 1], ab[:, 0]], axis=1) / length[:, None]
            rel = centre[:, None, :] - out[a][None, :, :]
            t = (rel * ab[None, :, :]).sum(axis=2) / (length**2)[None, :]
            side = (rel * normal[None, :, :]).sum(axis=2)
            reach = (np.abs(normal[None, :, 0]) * half[:, None, 0]
                     + np.abs(normal[None, :, 1]) * half[:, None, 1] + 3)
            short = np.where(foreign & (t > 0) & (t < 1), np.clip(reach - np.abs(side), 0, None), 0.0)
            if short.max() > 0.5:
                crossed = True
                sign = np.where(side >= 0, 1.0, -1.0)
                push = normal[None, :, :] * (short * sign)[:, :, None] * 0.5
                move += push.sum(axis=1)
                np.add.at(move, a, -(push * (1 - t)[:, :, None]).sum(axis=0))
                np.add.at(move, b, -(push * t[:, :, None]).sum(axis=0))
        if not overlap.any() and not crossed:
            break
        out += 0.5 * move + 0.02 * (anchor - out)
        low = half - blocks[:, :2]
        high = np.array(area)[None, :] - half - blocks[:, :2]
        out = np.clip(out, low, np.maximum(low, high))
    return out
