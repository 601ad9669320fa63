"""Whom a person stands for on a date: "Andrei Karlov (Russia's representative)" rather than a bare name.

A person's **role** comes from the ``leads`` and ``represents`` stances of the
snapshot graph whose source is a person: Putin *leads* Russia on 20 December
2016, so his label reads "Vladimir Putin" over "Russia's leader". A role that
ended shortly before the date still explains the person, as an event of the
window does: Andrei Karlov represented Russia until he was killed on
19 December 2016, so on the 20th he reads "Russia's representative until
2016-12-19". A snapshot does not hold stances that have ended, so such roles
are noted on the graph by :func:`note_ended_roles`, from the snapshot of the
window's first day (``relgraph render`` does it for every date).

>>> import networkx as nx
>>> g = nx.MultiDiGraph(date="2016-12-20")
>>> g.add_node("putin", name="Vladimir Putin", kind="person")
>>> g.add_node("russia", name="Russia", kind="state")
>>> _ = g.add_edge("putin", "russia", key="r", type="leads", kind="stance", confidence=1.0, end=None)
>>> [r.text for r in roles(g)["putin"]]
["Russia's leader"]
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["ROLE_TYPES", "Role", "note_ended_roles", "possessive", "recent_roles", "role_text", "roles"]

ROLE_TYPES: dict[str, str] = {"leads": "leader", "represents": "representative"}
"""The relation types that give a person a role, and the word for it."""

ROLES_SHOWN = 2
"""A person with more roles on a date shows the first two (by confidence), and says how many more."""


@dataclass(frozen=True)
class Role:
    """A person's role: the relation's type and target, and the day it ended if it has."""

    type: str
    target: str
    target_name: str
    confidence: float = 1.0
    until: str | None = None

    @property
    def text(self) -> str:
        """``Russia's leader``; ``Russia's representative until 2016-12-19`` for an ended role."""
        words = f"{possessive(self.target_name)} {ROLE_TYPES[self.type]}"
        return f"{words} until {self.until}" if self.until else words


def possessive(name: str) -> str:
    """``Russia's``, ``United States'``.

    >>> possessive("Russia"), possessive("United States")
    ("Russia's", "United States'")
    """
    return f"{name}'" if name.endswith("s") else f"{name}'s"


def _is_person(graph: nx.MultiDiGraph, node: str) -> bool:
    return graph.nodes[node].get("kind") == "person"


def roles(graph: nx.MultiDiGraph) -> dict[str, list[Role]]:
    """The roles of each person of ``graph`` on its date, most confident first (then by target).

    Reads ``leads``/``represents`` stances whose source is a person, and the
    ended roles :func:`note_ended_roles` put in the graph attribute
    ``ended_roles``. A role that also holds on the date wins over an ended one
    of the same type and target.
    """
    found: dict[str, dict[tuple[str, str], Role]] = {}
    for u, v, attrs in graph.edges(data=True):
        if attrs.get("type") in ROLE_TYPES and attrs.get("kind") == "stance" and _is_person(graph, u):
            name = str(graph.nodes[v].get("name") or v)
            role = Role(attrs["type"], v, name, float(attrs.get("confidence", 1.0)))
            found.setdefault(u, {})[role.type, v] = role
    for ended in graph.graph.get("ended_roles", ()):
        person = ended["source"]
        if person in graph and (ended["type"], ended["target"]) not in found.get(person, {}):
            found.setdefault(person, {})[ended["type"], ended["target"]] = Role(
                ended["type"], ended["target"], ended["target_name"], ended["confidence"], ended["until"])
    def order(role: Role) -> tuple[float, bool, str, str]:
        return (-role.confidence, role.until is not None, role.target, role.type)

    return {person: sorted(held.values(), key=order) for person, held in sorted(found.items())}


def role_text(held: Sequence[Role]) -> str | None:
    """The role line of a label: up to :data:`ROLES_SHOWN` roles, ``; `` between them.

    >>> role_text([Role("leads", "a", "A"), Role("leads", "b", "B"), Role("represents", "c", "C")])
    "A's leader; B's leader (+1)"
    """
    if not held:
        return None
    text = "; ".join(r.text for r in held[:ROLES_SHOWN])
    return text + (f" (+{len(held) - ROLES_SHOWN})" if len(held) > ROLES_SHOWN else "")


def note_ended_roles(graph: nx.MultiDiGraph, earlier: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """Note in ``graph`` the roles that held on ``earlier``'s date and ended before ``graph``'s.

    ``earlier`` is the snapshot of the first day of ``graph``'s event window,
    so the roles noted are those that ended within the window, as events
    shown are those that happened in it. Only people the graph shows get
    one. Returns ``graph``, changed in place (graph attribute
    ``ended_roles``: ``source``, ``type``, ``target``, ``target_name``,
    ``confidence``, ``until``).
    """
    today = graph.graph["date"]
    ended: list[dict[str, Any]] = []
    for u, v, key, attrs in sorted(earlier.edges(keys=True, data=True), key=lambda e: e[:3]):
        last = attrs.get("last")
        if (attrs.get("type") not in ROLE_TYPES or attrs.get("kind") != "stance" or u not in graph
                or graph.has_edge(u, v, key) or last is None or last.isoformat() >= today
                or earlier.nodes[u].get("kind") != "person"):
            continue
        ended.append({"source": u, "type": attrs["type"], "target": v,
                      "target_name": str(earlier.nodes[v].get("name") or v),
                      "confidence": float(attrs.get("confidence", 1.0)),
                      "until": attrs.get("end") or last.isoformat()})
    graph.graph["ended_roles"] = ended
    return graph


def recent_roles(graphs: Sequence[nx.MultiDiGraph],
                 snapshots: Callable[[list[date]], list[nx.MultiDiGraph]]) -> list[nx.MultiDiGraph]:
    """Note in each graph the roles that ended within its event window (:func:`note_ended_roles`).

    ``snapshots`` gives the graphs of a list of days, such as
    ``explorer.snapshots``; it is asked once, for the first day of each
    graph's window. Graphs that show every event (no window) get none.

    >>> import relgraph
    >>> with relgraph.open() as rg:
    ...     [day] = recent_roles([rg.snapshot("2016-12-20")], rg.snapshots)
    >>> [r.text for r in roles(day)["andrei-karlov"]]
    ["Russia's representative until 2016-12-19"]
    """
    from relgraph.dates import Duration

    windowed = [g for g in graphs if g.graph.get("event_window")]
    days = [Duration.parse(g.graph["event_window"]).before(date.fromisoformat(g.graph["date"])) + timedelta(1)
            for g in windowed]
    for graph, earlier in zip(windowed, snapshots(days) if days else [], strict=True):
        note_ended_roles(graph, earlier)
    return list(graphs)
