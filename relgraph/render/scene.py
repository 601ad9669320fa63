"""What a picture shows, decided once for the page and the images alike.

A :class:`Scene` is built from one snapshot graph or a series of them (one
per date): every actor, relation and line that appears on any date, with its
position (from :mod:`relgraph.render.layout`, shared by all dates) and its
style (from :mod:`relgraph.render.style`), and for each date a
:class:`Frame` saying what is shown, how big each actor is, whom each person
stands for (:mod:`relgraph.render.roles`), and where each name and line
label goes and from which zoom on (:mod:`relgraph.render.placement`).
Renderers draw a scene; none of them looks at the graphs again.

Lines are one per pair of actors, or one per relation with
``all_relations=True`` (:mod:`relgraph.render.lines`). ``focus`` names the
actors a report is about: they are drawn larger, named in bold and first,
and everything not touching them is dimmed.

>>> import networkx as nx
>>> g = nx.MultiDiGraph(date="2016-12-20", event_window="30d", types={})
>>> g.add_node("a", name="A", kind="state", aliases=[])
>>> scene = build_scene([g])
>>> scene.title, [n["name"] for n in scene.nodes], scene.frames[0].caption
('Relations on 2016-12-20', ['A'], '1 actor and 0 relations on 2016-12-20')
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from relgraph.render.lines import Line, bend_parallel, frame_lines
from relgraph.render.style import EDGE_COLOURS, candidate_colour, edge_style, kind_style, node_size

if TYPE_CHECKING:
    import networkx as nx

    from relgraph.render.placement import FrameGeometry, Item

__all__ = ["SIZE_MEASURES", "Frame", "Label", "Scene", "build_scene", "duration_words", "is_web_url"]

SIZE_MEASURES = ("degree", "none")
"""How actors are sized: by their number of relations on the date, or all alike."""

NODE_SCALE = 0.6
"""Shapes are drawn at this share of :func:`~relgraph.render.style.node_size`, in pixels at the design
width (:mod:`relgraph.render.view`): 6 to 24 px across the radius."""

FOCUS_GROWTH = 1.4
"""How much larger an actor of the focus is drawn."""

MANY_LABELS = 400
FEW_SPOTS = 16
"""A date with more than :data:`MANY_LABELS` labels tries only the first :data:`FEW_SPOTS` spots for
each name (next to its actor), to keep placement fast; those names show as the reader zooms in."""

LINE_LABELS_UP_TO = 150
"""Above this many lines on a date, lines carry no label (hover shows their types): a thicket of labels
reads as noise, and a line's colour, dash and head already say its sign, kind and family."""

_NODE_FIELDS = ("id", "name", "kind", "aliases", "country", "wikidata", "part_of", "description")
_RELATION_FIELDS = ("id", "type", "sign", "kind", "symmetric", "start", "start_precision", "end",
                    "end_precision", "date", "date_precision", "confidence", "notes", "review")


@dataclass(frozen=True)
class Label:
    """A name (``kind="node"``, ``owner`` a node index) or a line's label (``owner`` a line index) on one
    date: its text lines ``(text, px, bold, colour)``, its box's size in CSS pixels, the first zoom level
    it shows at (-1: none) and where (:func:`relgraph.render.placement.spot_anchor`: canvas point
    ``x``, ``y``, direction ``ux``, ``uy``, distance ``ring``)."""

    kind: str
    owner: int
    lines: tuple[tuple[str, float, bool, str], ...]
    width: float
    height: float
    level: int
    spot: int
    x: float = 0.0
    y: float = 0.0
    ux: float = 0.0
    uy: float = 0.0
    ring: float = 0.0

    def box(self, screen: Callable[[float, float], tuple[float, float]]) -> tuple[float, float, float, float]:
        """The label's box ``(left, top, right, bottom)`` in screen pixels, given where canvas points land."""
        x, y = screen(self.x, self.y)
        reach = self.ring + abs(self.ux) * self.width / 2 + abs(self.uy) * self.height / 2
        cx, cy = x + self.ux * reach, y + self.uy * reach
        return (cx - self.width / 2, cy - self.height / 2, cx + self.width / 2, cy + self.height / 2)


@dataclass(frozen=True)
class Frame:
    """One date: the indices of the nodes, lines and relations of the scene it shows, and how.

    ``sizes`` are the nodes' sizes (in the order of ``nodes``); ``roles`` the
    role line of each person who has one; ``types`` and ``kinds`` what the
    legend lists on this date; ``labels`` where names and line labels go.
    """

    date: str
    window: str | None
    nodes: list[int]
    sizes: list[float]
    lines: list[int]
    relations: list[int]
    sources: int
    filters: str | None = None
    title: str = ""
    types: list[str] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)
    roles: dict[int, str] = field(default_factory=dict)
    candidates: int = 0
    since: str | None = None
    labels: list[Label] = field(default_factory=list)

    @property
    def caption(self) -> str:
        actors, relations = len(self.nodes), len(self.relations)
        return (f"{actors} actor{'s' if actors != 1 else ''} and {relations} "
                f"relation{'s' if relations != 1 else ''} on {self.date}")

    @property
    def shows(self) -> str:
        """What the date shows, in words: the rule of :mod:`relgraph.snapshot`, and any filters."""
        events = (f"events of the {duration_words(self.window)} up to it" if self.window
                  else "every event up to it")
        return f"stances that hold that day, and {events}" + (f"; {self.filters}" if self.filters else "")

    @property
    def text(self) -> str:
        """The whole caption: counts, what is shown, sources, and what changed since the date before."""
        plural = "s" if self.sources != 1 else ""
        text = f"{self.caption}: {self.shows}. Citing {self.sources} source{plural}."
        if self.candidates:
            text += (f" {self.candidates} candidate relation{'s' if self.candidates != 1 else ''} "
                     "waiting for review, drawn dotted.")
        return text + (f" {self.since}" if self.since else "")


@dataclass(frozen=True)
class Scene:
    """Every actor, relation and line of a series, placed and styled, and the dates that show them.

    ``nodes`` carry the snapshot's node attributes plus ``x``, ``y``,
    ``shape``, ``colour`` and ``focus``; ``relations`` the relation records
    (``source`` and ``target`` as node indices, ``sources`` as ``(index into
    sources, evidence)`` pairs); ``lines`` what is drawn: ``source``,
    ``target``, ``relations`` (indices), ``sign``, ``label``, ``head`` and
    ``tail``, ``dashed``, ``width``, ``candidate``, ``mixed``, ``curve``,
    ``colour``. ``types`` and ``kinds`` are every type and kind of the
    series; ``box`` the extent of the positions and ``levels`` the zoom
    ladder of the labels (:mod:`relgraph.render.view`).
    """

    title: str
    nodes: list[dict[str, Any]]
    relations: list[dict[str, Any]]
    lines: list[dict[str, Any]]
    sources: list[dict[str, Any]]
    types: list[dict[str, Any]]
    kinds: list[str]
    frames: list[Frame]
    focus: list[int] = field(default_factory=list)
    all_relations: bool = False
    box: tuple[float, float, float, float] = (0.0, 0.0, 240.0, 120.0)
    levels: list[float] = field(default_factory=list)


def duration_words(text: str) -> str:
    """``30d`` as ``30 days``, ``1M`` as ``1 month``.

    >>> duration_words("30d"), duration_words("1M"), duration_words("2w")
    ('30 days', '1 month', '2 weeks')
    """
    match = re.fullmatch(r"(\d+)([dwMy])", text)
    if not match:
        return text
    count, unit = int(match[1]), {"d": "day", "w": "week", "M": "month", "y": "year"}[match[2]]
    return f"{count} {unit}{'s' if count != 1 else ''}"


def is_web_url(url: object) -> bool:
    """Whether a link may be shown as a link: only ``http:`` and ``https:`` ever are.

    >>> is_web_url("https://example.org"), is_web_url("javascript:alert(1)"), is_web_url(None)
    (True, False, False)
    """
    return isinstance(url, str) and url.lower().startswith(("http://", "https://"))


def build_scene(graphs: Sequence[nx.MultiDiGraph], *, title: str | None = None, size_by: str = "degree",
                all_relations: bool = False, focus: Sequence[str] = ()) -> Scene:
    """The scene of a series of snapshot graphs (one per date, in order); see :mod:`relgraph.snapshot`.

    ``focus`` lists actors by id, name or alias
    (:class:`~relgraph.errors.UnknownActor` for one no graph holds).
    """
    from relgraph.render.frames import (
        frame_texts,
        geometry_of,
        items_of,
        legible_positions,
        scene_box,
        zoom_levels,
    )
    from relgraph.render.layout import signed_layout
    from relgraph.render.placement import SPOTS, place, spot_anchor
    from relgraph.render.roles import role_text, roles

    if not graphs:
        raise ValueError("a scene needs at least one snapshot graph")
    if size_by not in SIZE_MEASURES:
        raise ValueError(f"size_by must be one of {', '.join(SIZE_MEASURES)}, not {size_by!r}")
    chosen = _resolve_focus(graphs, focus)
    nodes: dict[str, dict[str, Any]] = {}
    for graph in graphs:
        for node, attrs in graph.nodes(data=True):
            nodes.setdefault(node, _node(node, attrs, node in chosen))
    order = {node: i for i, node in enumerate(sorted(nodes))}
    node_list = [nodes[n] for n in sorted(nodes)]
    sources: dict[str, tuple[int, dict[str, Any]]] = {}
    relations: dict[str, dict[str, Any]] = {}
    for graph in graphs:
        # sorted, so that the page is the same byte for byte whatever order the store gave
        for u, v, key, attrs in sorted(graph.edges(keys=True, data=True), key=lambda e: e[:3]):
            relations.setdefault(attrs.get("id", key), _relation(attrs, order[u], order[v], sources))
    rel_order = {rid: i for i, rid in enumerate(sorted(relations))}
    per_date = [frame_lines(g, all_relations=all_relations) for g in graphs]
    lines = _lines(per_date, all_relations)
    line_order = {key: i for i, key in enumerate(lines)}
    role_maps = [{order[p]: text for p, held in roles(g).items() if (text := role_text(held))}
                 for g in graphs]
    frames = [_frame(g, order, line_order, rel_order, per_date[k], sources, size_by, chosen, role_maps[k],
                     title, len(graphs) > 1) for k, g in enumerate(graphs)]
    frames = [_with_since(f, frames[k - 1] if k else None) for k, f in enumerate(frames)]
    line_list = [_line_dict(line, order, rel_order) for line in lines.values()]
    texts = frame_texts(node_list, frames)
    positions = signed_layout(graphs)
    for node in node_list:
        node["x"], node["y"] = positions[node["id"]]
    legible_positions(node_list, line_list, frames, texts)
    box = scene_box(node_list, frames, texts)
    levels = zoom_levels(box, sum(len(f.nodes) for f in frames) / len(frames))
    placed_frames = []
    focused = {i for i, n in enumerate(node_list) if n["focus"]}
    for k, frame in enumerate(frames):
        geometry: FrameGeometry = geometry_of(node_list, line_list, frame, box)
        items: list[Item] = items_of(frame, texts[k], line_list, focused,
                                     labelled=len(frame.lines) <= LINE_LABELS_UP_TO)
        spots = place(geometry, items, levels, spots=SPOTS if len(items) <= MANY_LABELS else FEW_SPOTS)
        labels = [Label(item.kind,
                        frame.nodes[item.owner] if item.kind == "node" else frame.lines[item.owner],
                        tuple((t.text, t.px, t.bold, t.colour) for t in item.text.lines),
                        item.text.width, item.text.height, level, spot,
                        *(spot_anchor(geometry, item, spot) if level >= 0 else (0.0, 0.0, 0.0, 0.0, 0.0)))
                  for item, (level, spot) in zip(items, spots, strict=True)]
        placed_frames.append(_replace_labels(frame, labels))
    first, last = graphs[0].graph["date"], graphs[-1].graph["date"]
    return Scene(
        title=title or (f"Relations on {last}" if len(graphs) == 1 else f"Relations from {first} to {last}"),
        nodes=node_list, relations=[relations[r] for r in sorted(relations)], lines=line_list,
        sources=[record for _, record in sources.values()], types=_types(graphs),
        kinds=sorted({n["kind"] for n in nodes.values()}, key=str), frames=placed_frames,
        focus=sorted(order[n] for n in chosen), all_relations=all_relations, box=box, levels=levels,
    )


def _replace_labels(frame: Frame, labels: list[Label]) -> Frame:
    from dataclasses import replace

    return replace(frame, labels=labels)


def _resolve_focus(graphs: Sequence[nx.MultiDiGraph], focus: Sequence[str]) -> set[str]:
    from relgraph.actors import find_actor

    if not focus:
        return set()
    actors: dict[str, tuple[str, str, list[str]]] = {}
    for graph in graphs:
        actors.update((n, (n, a.get("name") or n, list(a.get("aliases") or [])))
                      for n, a in graph.nodes(data=True))
    dates = [g.graph.get("date") for g in graphs]
    where = f"the graph of {dates[0]}" if len(dates) == 1 else f"the graphs from {dates[0]} to {dates[-1]}"
    return {find_actor(str(name), actors.values(), where=where, option="focus") for name in focus}


def _node(node: str, attrs: dict[str, Any], focus: bool) -> dict[str, Any]:
    style = kind_style(attrs.get("kind"))
    out = {name: attrs.get(name) for name in _NODE_FIELDS}
    out["id"] = node
    out["name"] = attrs.get("name") or node
    out["aliases"] = list(attrs.get("aliases") or [])
    out.update(x=0.0, y=0.0, shape=style.shape, colour=style.colour, dashed=style.dashed, focus=focus)
    return out


def _source_key(source: dict[str, Any]) -> str:
    return source.get("id") or f"{source.get('title')}|{source.get('url')}"


def _relation(attrs: dict[str, Any], source: int, target: int,
              sources: dict[str, tuple[int, dict[str, Any]]]) -> dict[str, Any]:
    out = {name: attrs.get(name) for name in _RELATION_FIELDS}
    out.update(source=source, target=target, colour=edge_style(attrs).colour)
    cited = []
    for s in attrs.get("sources", []):
        key = _source_key(s)
        if key not in sources:
            sources[key] = (len(sources), {
                "title": s.get("title"), "publisher": s.get("publisher"), "published": s.get("published"),
                "url": s.get("url") if is_web_url(s.get("url")) else None})
        cited.append((sources[key][0], s.get("evidence")))
    out["sources"] = cited
    return out


def _lines(per_date: list[list[Line]], all_relations: bool) -> dict[tuple[Any, ...], Line]:
    """Every line of the series by key, in a stable order; one per relation bends apart from its pair's."""
    found: dict[tuple[Any, ...], Line] = {}
    for lines in per_date:
        for line in lines:
            found.setdefault(line.key, line)
    ordered = [found[k] for k in sorted(found, key=lambda k: tuple(map(str, k)))]
    if all_relations:
        ordered = bend_parallel(sorted(ordered, key=lambda ln: (min(ln.source, ln.target),
                                                                max(ln.source, ln.target), ln.key)))
    return {line.key: line for line in ordered}


def _line_dict(line: Line, order: dict[str, int], rel_order: dict[str, int]) -> dict[str, Any]:
    colour = EDGE_COLOURS[line.sign]
    return {"source": order[line.source], "target": order[line.target],
            "relations": [rel_order[r] for r in line.relations], "sign": line.sign, "label": line.label,
            "head": line.head, "tail": line.tail, "dashed": line.dashed, "width": line.width,
            "candidate": line.candidate, "mixed": line.mixed, "curve": line.curve,
            "colour": candidate_colour(colour) if line.candidate else colour}


def _frame(graph: nx.MultiDiGraph, order: dict[str, int], line_order: dict[tuple[Any, ...], int],
           rel_order: dict[str, int], lines: list[Line], sources: dict[str, tuple[int, dict[str, Any]]],
           size_by: str, chosen: set[str], roles: dict[int, str], title: str | None, series: bool) -> Frame:
    names = sorted(graph.nodes, key=order.__getitem__)
    sizes = [(node_size(graph.degree(n)) if size_by == "degree" else 16.0) * NODE_SCALE
             * (FOCUS_GROWTH if n in chosen else 1) for n in names]
    cited = {_source_key(s) for _, _, a in graph.edges(data=True) for s in a.get("sources", [])}
    day = graph.graph["date"]
    return Frame(
        date=day, window=graph.graph.get("event_window"), nodes=[order[n] for n in names],
        sizes=[round(s, 1) for s in sizes], lines=sorted(line_order[ln.key] for ln in lines),
        relations=sorted(rel_order[a.get("id", k)] for _, _, k, a in graph.edges(keys=True, data=True)),
        sources=len(cited & sources.keys()), filters=graph.graph.get("filters"),
        title=(f"{title}, {day}" if series else title) if title else f"Relations on {day}",
        types=sorted({a["type"] for _, _, a in graph.edges(data=True)}),
        kinds=sorted({str(a.get("kind")) for _, a in graph.nodes(data=True)}),
        roles=roles, candidates=sum(1 for _, _, r in graph.edges(data="review") if r == "pending"),
    )


def _with_since(frame: Frame, before: Frame | None) -> Frame:
    from dataclasses import replace

    if before is None:
        return frame
    began = len(set(frame.relations) - set(before.relations))
    ended = len(set(before.relations) - set(frame.relations))
    return replace(frame, since=f"Since {before.date}: {began} relation{'s' if began != 1 else ''} appeared, "
                                f"{ended} ended.")


def _types(graphs: Sequence[nx.MultiDiGraph]) -> list[dict[str, Any]]:
    merged: dict[str, dict[str, Any]] = {}
    for graph in graphs:
        merged.update(graph.graph.get("types", {}))
    used = {a["type"] for g in graphs for _, _, a in g.edges(data=True)}
    out = []
    for name in sorted(merged.keys() & used):
        t = merged[name]
        style = edge_style({"type": name, "sign": t["sign"], "kind": t["kind"],
                            "symmetric": t["symmetric"], "confidence": 1.0})
        out.append({"name": name, "sign": t["sign"], "kind": t["kind"], "symmetric": t["symmetric"],
                    "description": t.get("description") or "", "colour": style.colour,
                    "dashed": style.dashed, "head": style.head})
    return out
