"""Colours, lines, arrowheads and shapes shared by every renderer, so page, legend and images agree.

Edge colour says the sign, from the Okabe-Ito palette, which stays distinct
under the common forms of colour blindness: blue for positive ties,
vermilion for negative ones, grey for neutral ones. The line says the kind
(solid stance, dashed event), its width the confidence, and its head the
family of the type: a filled arrow for support and direction, a bar for
opposition, an open vee for violence, a diamond for command, a circle for
taking part; symmetric types have no head. Actor kinds have a shape each, so
that a print in black and white still tells them apart.

>>> edge_style({"type": "backs", "sign": 1, "kind": "stance", "symmetric": False, "confidence": 1.0})
EdgeStyle(colour='#0072B2', dashed=False, head='arrow', width=3.0)
>>> kind_style("no-such-kind").shape
'dot'
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

__all__ = [
    "CANDIDATE_DASHES",
    "EDGE_COLOURS",
    "HEADS",
    "KIND_STYLES",
    "SIGN_MARKS",
    "SIGN_NAMES",
    "EdgeStyle",
    "KindStyle",
    "candidate_colour",
    "edge_style",
    "head_for",
    "kind_style",
    "node_size",
]

EDGE_COLOURS: dict[int, str] = {1: "#0072B2", -1: "#D55E00", 0: "#8C8C8C"}
SIGN_NAMES: dict[int, str] = {1: "positive", -1: "negative", 0: "neutral"}
SIGN_MARKS: dict[int, str] = {1: "+", -1: "\u2212", 0: "0"}
"""Signs as legends print them (a true minus); :func:`relgraph.model.sign_symbol` is the ASCII form."""

EVENT_DASHES: tuple[int, int] = (6, 4)
"""Dash and gap lengths of an event's line, in pixels at width 1."""

CANDIDATE_DASHES: tuple[int, int] = (2, 4)
"""Dots of a candidate's line (an extracted relation that waits for review), in pixels at width 1."""

Head = Literal["arrow", "bar", "vee", "diamond", "circle", "none"]

HEADS: dict[Head, str] = {
    "arrow": "supports, directs",
    "bar": "opposes, blocks",
    "vee": "strikes (violence)",
    "diamond": "commands, speaks for",
    "circle": "takes part in",
    "none": "symmetric",
}
"""What each arrowhead family means, in the legend's words."""

TYPE_HEADS: dict[str, Head] = {
    "backs": "arrow", "brokers": "arrow", "accepts": "arrow", "tolerates": "arrow",
    "opposes": "bar", "undermines": "bar", "vetoes": "bar", "excludes": "bar",
    "attacks": "vee", "defeats": "vee", "shoots-down": "vee", "assassinates": "vee",
    "leads": "diamond", "represents": "diamond",
    "party-to": "circle", "attends": "circle",
}
"""Heads of the built-in directed types; a dataset's own types get one from their sign."""


@dataclass(frozen=True)
class EdgeStyle:
    colour: str
    dashed: bool
    head: Head
    width: float


@dataclass(frozen=True)
class KindStyle:
    """``shape`` is vis-network's name; a ``dashed`` outline marks the deal kinds (agreements, resolutions,
    meetings), which are facts with several parties rather than actors, as a dashed line marks an event."""

    shape: str
    colour: str
    dashed: bool = False


KIND_STYLES: dict[str, KindStyle] = {
    "state": KindStyle("dot", "#56B4E9"),
    "government": KindStyle("square", "#E69F00"),
    "person": KindStyle("triangle", "#CC79A7"),
    "armed-group": KindStyle("diamond", "#4D4D4D"),
    "organisation": KindStyle("hexagon", "#009E73"),
    "coalition": KindStyle("star", "#F0E442"),
    "agreement": KindStyle("square", "#FFFFFF", dashed=True),
    "resolution": KindStyle("triangleDown", "#BBBBBB", dashed=True),
    "meeting": KindStyle("dot", "#E8E8E8", dashed=True),
}
"""Shape and fill of each actor kind. Node fills avoid the two edge colours."""

_OTHER_KIND = KindStyle("dot", "#FFFFFF")


def candidate_colour(colour: str) -> str:
    """A candidate's colour: its sign's colour, half way to white, so that it reads as tentative.

    >>> candidate_colour("#0072B2")
    '#80B9D9'
    """
    red, green, blue = (int(colour[k:k + 2], 16) for k in (1, 3, 5))
    return "#" + "".join(f"{(c + 255 + 1) // 2:02X}" for c in (red, green, blue))


def kind_style(kind: str | None) -> KindStyle:
    """The style of an actor kind; an unknown kind is a white dot rather than an error."""
    return KIND_STYLES.get(kind or "", _OTHER_KIND)


def head_for(type_name: str, sign: int, symmetric: bool) -> Head:
    """The arrowhead of a relation type (see :data:`HEADS`)."""
    if symmetric:
        return "none"
    return TYPE_HEADS.get(type_name, "bar" if sign < 0 else "arrow")


def edge_style(attrs: dict[str, Any]) -> EdgeStyle:
    """How to draw an edge of the snapshot graph (its ``type``, ``sign``, ``kind``, ``confidence``)."""
    return EdgeStyle(
        colour=EDGE_COLOURS[attrs["sign"]],
        dashed=attrs["kind"] == "event",
        head=head_for(attrs["type"], attrs["sign"], attrs["symmetric"]),
        width=round(1 + 2 * attrs["confidence"], 2),
    )


def node_size(degree: int) -> float:
    """A node's radius in pixels: grows with the square root of its degree, so hubs stand out gently.

    >>> node_size(0), node_size(4), node_size(100)
    (10.0, 18.0, 40.0)
    """
    return round(min(10 + 4 * degree**0.5, 40.0), 1)
