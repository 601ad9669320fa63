"""Colours and shapes shared by every renderer, so the page and its legend never disagree.

Edge colours are from the Okabe-Ito palette, which stays distinct under the
common forms of colour blindness: blue for positive ties, vermilion for
negative ones, grey for neutral ones.
"""

from __future__ import annotations

__all__ = ["EDGE_COLOURS", "KIND_STYLES", "sign_symbol"]

EDGE_COLOURS: dict[int, str] = {1: "#0072B2", -1: "#D55E00", 0: "#8C8C8C"}

KIND_STYLES: dict[str, dict[str, str | int]] = {
    "state": {"shape": "dot", "colour": "#56B4E9", "size": 22},
    "government": {"shape": "square", "colour": "#E69F00", "size": 18},
    "person": {"shape": "triangle", "colour": "#CC79A7", "size": 14},
    "armed-group": {"shape": "diamond", "colour": "#D55E00", "size": 16},
    "organisation": {"shape": "hexagon", "colour": "#009E73", "size": 16},
    "coalition": {"shape": "star", "colour": "#F0E442", "size": 18},
    "agreement": {"shape": "box", "colour": "#FFFFFF", "size": 12},
    "resolution": {"shape": "triangleDown", "colour": "#BBBBBB", "size": 12},
    "meeting": {"shape": "ellipse", "colour": "#E8E8E8", "size": 12},
}
"""vis-network shape, fill colour and size for each actor kind."""


def sign_symbol(sign: int) -> str:
    """``+``, ``-`` or ``0``: how a sign is written in labels and tables."""
    return {1: "+", -1: "-", 0: "0"}[sign]
