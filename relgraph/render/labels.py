"""The names and line labels a figure writes: their text, their font, and the box each takes.

Labels are drawn at a fixed size in CSS pixels whatever the zoom, as a map
writes its place names: an actor's name in 12 px (13 px bold for the actors
a report is about), the role of a person under it in 11 px, a line's
relation types in 11 px, each on a white halo. Their width is measured here
with the metrics of DejaVu Sans, the face the page asks for first and the
one matplotlib ships, so that Python knows the box the page will draw. The
page measures each text in the browser and, should the font it has be wider,
draws it smaller to stay inside that box (never larger).

>>> text_width("Russia", 12) == text_width("Russia", 24) / 2
True
>>> label = node_label("Security Council measure on monitors for Aleppo", None)
>>> [line.text for line in label.lines]
['Security Council measure', 'on monitors for Aleppo']
>>> [line.text for line in node_label("Andrei Karlov", "Russia's representative until 2016-12-19").lines]
['Andrei Karlov', "Russia's representative", 'until 2016-12-19']
"""

from __future__ import annotations

import functools
import textwrap
from dataclasses import dataclass

__all__ = [
    "FONT_FAMILY",
    "GAP",
    "LINE_PX",
    "NAME_PX",
    "ROLE_PX",
    "LabelText",
    "TextLine",
    "line_label",
    "node_label",
    "text_width",
]

FONT_FAMILY = '"DejaVu Sans", "Bitstream Vera Sans", Verdana, sans-serif'
"""The page's label font; DejaVu Sans first, whose metrics :func:`text_width` uses."""

NAME_PX = 12.0
FOCUS_PX = 13.0
ROLE_PX = 11.0
LINE_PX = 11.0
LINE_HEIGHT = 1.2
"""Line height as a multiple of the font size."""
HALO = 2.0
"""The white halo around a label's text, on each side, in CSS pixels; part of its box."""
GAP = 2.0
"""Between a node's edge and its name, in CSS pixels."""
SLACK = 1.02
"""A box is this much wider than DejaVu Sans needs, for rounding in the browser."""

NAME_WRAP = 24
ROLE_WRAP = 26

NAME_COLOUR = "#222222"
ROLE_COLOUR = "#555555"
LINE_COLOUR = "#444444"


@dataclass(frozen=True)
class TextLine:
    text: str
    px: float
    bold: bool = False
    colour: str = NAME_COLOUR

    @property
    def height(self) -> float:
        return round(self.px * LINE_HEIGHT)


@dataclass(frozen=True)
class LabelText:
    """Lines of text, and the box they take with their halo, in CSS pixels (none for no lines)."""

    lines: tuple[TextLine, ...]

    @functools.cached_property
    def width(self) -> float:
        if not self.lines:
            return 0.0
        return round(max(text_width(x.text, x.px, x.bold) for x in self.lines) * SLACK + 2 * HALO, 2)

    @functools.cached_property
    def height(self) -> float:
        return sum(x.height for x in self.lines) + 2 * HALO if self.lines else 0.0

    @property
    def text(self) -> str:
        return "\n".join(x.text for x in self.lines)


@functools.cache
def _face(bold: bool) -> object:
    from matplotlib import ft2font
    from matplotlib.font_manager import FontProperties, findfont

    path = findfont(FontProperties(family="DejaVu Sans", weight="bold" if bold else "normal"),
                    fallback_to_default=False)
    face = ft2font.FT2Font(path)
    face.set_size(100, 72)  # 100 px: advances read to 1/100 px at 1 px
    return face


@functools.cache
def _advance(char: str, bold: bool) -> float:
    """The advance of ``char`` at 1 px, from DejaVu Sans (its linear advance, as a browser's canvas uses)."""
    face = _face(bold)
    glyph = face.load_char(ord(char))  # type: ignore[attr-defined]
    return float(glyph.linearHoriAdvance) / 65536 / 100


def text_width(text: str, px: float, bold: bool = False) -> float:
    """The width of ``text`` in DejaVu Sans at ``px`` CSS pixels."""
    return sum(_advance(char, bold) for char in text) * px


def _wrap(text: str, width: int) -> list[str]:
    return textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False) or [text]


def node_label(name: str, role: str | None, *, focus: bool = False) -> LabelText:
    """An actor's label: its name (wrapped after :data:`NAME_WRAP` characters), then its role, smaller."""
    px = FOCUS_PX if focus else NAME_PX
    lines = [TextLine(part, px, focus) for part in _wrap(name, NAME_WRAP)]
    if role:
        lines += [TextLine(part, ROLE_PX, False, ROLE_COLOUR) for part in _wrap(role, ROLE_WRAP)]
    return LabelText(tuple(lines))


def line_label(text: str) -> LabelText:
    """A line's label: its relation types, on one line."""
    return LabelText((TextLine(text, LINE_PX, False, LINE_COLOUR),))
